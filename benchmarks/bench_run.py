"""How long `harness run` takes cold (empty cache) and warm (everything cached).

Runs the real command in a subprocess twice against a fresh cache folder
and prints both wall times and how many documents each run extracted.
Usage: python benchmarks/bench_run.py [--adapters rules,spacy] [--gold gold] [--jobs N]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _run(arguments: list[str], workdir: Path, out: Path) -> tuple[float, dict]:
    # a private pyproject points the cache at a fresh folder without touching the project's
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "harness", "run", "--out", str(out), *arguments],
                          cwd=workdir, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if proc.returncode not in (0, 1):
        sys.exit(f"harness run failed (exit {proc.returncode}):\n{proc.stderr[-3000:]}")
    return seconds, json.loads((out / "report.json").read_text())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--adapters", help="adapters to run (default: the run's defaults)")
    parser.add_argument("--gold", default="gold", help="gold folder (default: gold)")
    parser.add_argument("--jobs", type=int, default=1)
    options = parser.parse_args()

    project = Path(__file__).resolve().parent.parent
    gold = (project / options.gold) if not Path(options.gold).is_absolute() else Path(options.gold)
    with tempfile.TemporaryDirectory(prefix="harness-bench-") as scratch:
        workdir = Path(scratch)
        cache = workdir / "cache"
        (workdir / "pyproject.toml").write_text(f'[tool.harness.paths]\ncache = "{cache.as_posix()}"\n')
        arguments = ["--gold", str(gold), "--jobs", str(options.jobs)]
        if options.adapters:
            arguments += ["--adapters", options.adapters]
        cold, cold_report = _run(arguments, workdir, workdir / "cold")
        warm, warm_report = _run(arguments, workdir, workdir / "warm")

    print(f"{'run':<6}{'wall s':>8}{'extract s':>11}  documents extracted (cached) per adapter")
    for label, seconds, report in (("cold", cold, cold_report), ("warm", warm, warm_report)):
        counts = ", ".join(f"{name} {entry['documents']['extracted']} ({entry['documents']['cached']})"
                           for name, entry in report["adapters"].items())
        extraction = sum(entry["timings"]["extraction_seconds"] for entry in report["adapters"].values())
        print(f"{label:<6}{seconds:>8.2f}{extraction:>11.2f}  {counts}")
    print(f"speed-up from the cache: {cold / warm:.1f}x (process start-up included)")


if __name__ == "__main__":
    main()
