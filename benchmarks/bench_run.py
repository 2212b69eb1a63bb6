"""How `harness run` grows with the corpus: per-document cost at 1, 100 and 1,000 documents.

The benchmark builds its own corpora: copies of the gold articles under new
ids, each with one line of its own appended (in a region of its own), so no
two documents share a text and the prediction cache cannot serve one from
another. For each size it runs the real command in a subprocess with an
empty cache and prints the wall time per document, the part of it spent
outside extraction, the peak memory of the run (its largest process) and
the size of the reports; then the ratio of the 1,000-document per-document
cost to the 1-document one and the cost of each extra document.

``--large`` adds a 10,000-document run (the oracle by default: no model)
that checks memory and report size stay bounded. ``--warm`` also times a
second, fully cached run of the first corpus.

Usage: python benchmarks/bench_run.py [--adapters rules] [--sizes 1,100,1000] [--jobs auto] [--large]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent


def build_corpus(source: Path, out: Path, size: int) -> Path:
    """``size`` documents made from the gold in ``source``: each a gold article with its own last line."""
    bases = sorted((source / "annotations").glob("*.json"))
    (out / "documents").mkdir(parents=True)
    (out / "annotations").mkdir()
    for number in range(size):
        annotations = json.loads(bases[number % len(bases)].read_text(encoding="utf-8"))
        text = (source / "documents" / f"{annotations['doc_id']}.txt").read_text(encoding="utf-8").rstrip("\n")
        line = f"Archive reference {number:06d}."
        start = len(text) + 2
        text = f"{text}\n\n{line}\n"
        doc_id = f"{annotations['doc_id'][:100]}-{number:06d}"
        annotations["doc_id"] = doc_id
        annotations["text_sha256"] = hashlib.sha256(text.encode("utf-8")).hexdigest()
        annotations.setdefault("regions", []).append({"start": start, "end": start + len(line), "kind": "body"})
        (out / "documents" / f"{doc_id}.txt").write_text(text, encoding="utf-8")
        (out / "annotations" / f"{doc_id}.json").write_text(json.dumps(annotations), encoding="utf-8")
    return out


@dataclass(frozen=True)
class Measure:
    documents: int
    seconds: float
    extraction_seconds: float
    scoring_seconds: float
    run_seconds: float  # extraction and scoring; the rest of the wall time is start-up, gold and reports
    peak_mib: float
    report_json_kib: float
    report_html_kib: float
    predictions_kib: float

    @property
    def per_document_ms(self) -> float:
        return 1000 * self.seconds / self.documents

    @property
    def outside_extraction_ms(self) -> float:
        return 1000 * (self.seconds - self.extraction_seconds) / self.documents

    @property
    def scoring_ms(self) -> float:
        return 1000 * self.scoring_seconds / self.documents

    @property
    def gold_and_reports_ms(self) -> float:
        """Start-up, loading the gold and writing the reports, per document."""
        return 1000 * (self.seconds - self.run_seconds) / self.documents


def run_once(workdir: Path, gold: Path, out: Path, arguments: list[str]) -> Measure:
    """One `harness run` in a child process: wall time, extraction time, peak memory, report sizes."""
    command = [sys.executable, "-m", "harness", "run", "--gold", str(gold), "--out", str(out), *arguments]
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(PROJECT),
                                                                              os.environ.get("PYTHONPATH")]))}
    started = time.perf_counter()
    with open(workdir / "stderr.txt", "wb") as errors:
        child = subprocess.Popen(command, cwd=workdir, stdout=subprocess.DEVNULL, stderr=errors, env=environment)
        # wait4 gives this child's own resource use: its peak resident memory (and its workers')
        _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - started
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        sys.exit(f"harness run failed (exit {code}):\n{(workdir / 'stderr.txt').read_text()[-3000:]}")
    report = json.loads((out / "report.json").read_text())
    extraction = sum(entry["timings"]["extraction_seconds"] for entry in report["adapters"].values())
    scoring = sum(entry["timings"]["scoring_seconds"] for entry in report["adapters"].values())
    predictions = sum(p.stat().st_size for p in (out / "predictions").glob("*.jsonl"))
    return Measure(len(report["gold"]["documents"]), seconds, extraction, scoring,
                   report["timings"]["total_seconds"], usage.ru_maxrss / 1024,
                   (out / "report.json").stat().st_size / 1024, (out / "report.html").stat().st_size / 1024,
                   predictions / 1024)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--adapters", default="rules", help="adapters to run (default: rules)")
    parser.add_argument("--gold", default="gold", help="the gold the corpora are made from (default: gold)")
    parser.add_argument("--sizes", default="1,100,1000", help="corpus sizes (default: 1,100,1000)")
    parser.add_argument("--jobs", default="auto", help="--jobs of the runs (default: auto)")
    parser.add_argument("--large", action="store_true", help="also run 10,000 documents (memory and report size)")
    parser.add_argument("--large-adapters", default="oracle", help="adapters of the large run (default: oracle)")
    parser.add_argument("--warm", action="store_true", help="also time a fully cached second run")
    options = parser.parse_args()

    gold = Path(options.gold) if Path(options.gold).is_absolute() else PROJECT / options.gold
    sizes = [int(size) for size in options.sizes.split(",")]
    runs: list[tuple[str, int, str]] = [(options.adapters, size, "cold") for size in sizes]
    if options.warm:
        runs.append((options.adapters, sizes[0], "warm"))
    if options.large:
        runs.append((options.large_adapters, 10_000, "cold"))
    print(f"{'adapters':<10}{'docs':>7}{'run':>6}{'wall s':>9}{'ms/doc':>9}{'outside':>9}{'scoring':>9}{'other':>8}"
          f"{'peak MiB':>10}{'json KiB':>10}{'html KiB':>10}{'preds KiB':>11}")
    measured: dict[tuple[str, int, str], Measure] = {}
    with tempfile.TemporaryDirectory(prefix="harness-bench-") as scratch:
        workdir = Path(scratch)
        # a private pyproject points the cache at a fresh folder without touching the project's
        (workdir / "pyproject.toml").write_text(f'[tool.harness.paths]\ncache = "{(workdir / "cache").as_posix()}"\n')
        corpora: dict[int, Path] = {}
        for adapters, size, kind in runs:
            if size not in corpora:
                corpora[size] = build_corpus(gold, workdir / f"gold-{size}", size)
            arguments = ["--adapters", adapters, "--jobs", options.jobs]
            if kind == "cold":
                arguments.append("--no-cache")  # every document extracted: the cost of a first run
            else:
                run_once(workdir, corpora[size], workdir / "primed", arguments)  # fills the cache
            found = run_once(workdir, corpora[size], workdir / f"out-{adapters}-{size}-{kind}", arguments)
            measured[adapters, size, kind] = found
            print(f"{adapters:<10}{size:>7}{kind:>6}{found.seconds:>9.2f}{found.per_document_ms:>9.1f}"
                  f"{found.outside_extraction_ms:>9.1f}{found.scoring_ms:>9.1f}{found.gold_and_reports_ms:>8.1f}"
                  f"{found.peak_mib:>10.0f}{found.report_json_kib:>10.0f}"
                  f"{found.report_html_kib:>10.0f}{found.predictions_kib:>11.0f}", flush=True)
    cold = sorted((m for (a, _, kind), m in measured.items() if kind == "cold" and a == options.adapters),
                  key=lambda m: m.documents)
    if len(cold) >= 2:
        first, last = cold[0], cold[-1]
        print(f"per-document cost at {last.documents} documents / at {first.documents}: "
              f"{last.per_document_ms / first.per_document_ms:.3f}")
        extra = 1000 * (last.seconds - cold[-2].seconds) / (last.documents - cold[-2].documents)
        outside = 1000 * ((last.seconds - last.extraction_seconds) - (cold[-2].seconds - cold[-2].extraction_seconds)) \
            / (last.documents - cold[-2].documents)
        memory = 1024 * (last.peak_mib - cold[-2].peak_mib) / (last.documents - cold[-2].documents)
        print(f"each extra document from {cold[-2].documents} to {last.documents}: {extra:.1f} ms "
              f"({outside:.1f} ms outside extraction), {memory:.0f} KiB of peak memory")
    print(f"machine: {os.cpu_count()} core(s); per document: ms/doc = wall time, outside = the part not "
          "spent in extraction, of which scoring, and other = start-up, loading the gold and writing the "
          "reports; peak = the run's largest process")


if __name__ == "__main__":
    main()
