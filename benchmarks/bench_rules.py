"""Micro-benchmark: milliseconds per article for the rules baseline, after warm-up.

Usage: python benchmarks/bench_rules.py [ARTICLE.txt ...]
Without arguments it times every document of the gold corpus in gold/ (or the
example gold under tests/data when there is none). Target: under 20 ms for
an article of a few thousand characters.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from harness.adapters import get_adapter
from harness.model import Document

ROOT = Path(__file__).resolve().parent.parent


def documents(paths: list[str]) -> list[Document]:
    if paths:
        return [Document(Path(p).stem, Path(p).read_text(encoding="utf-8")) for p in paths]
    from harness.gold import load_gold

    gold = ROOT / "gold" if (ROOT / "gold" / "annotations").is_dir() else ROOT / "tests" / "data" / "gold"
    return [a.document for a in load_gold(gold)]


def main(argv: list[str]) -> None:
    rules = get_adapter("rules")
    for document in documents(argv):
        for _ in range(5):  # warm-up: regex caches, lazy imports
            rules.extract(document)
        times = []
        for _ in range(30):
            started = time.perf_counter()
            rules.extract(document)
            times.append((time.perf_counter() - started) * 1000)
        print(f"{document.id}: {len(document.text):,} chars, median {statistics.median(times):.2f} ms, "
              f"min {min(times):.2f} ms per article")


if __name__ == "__main__":
    main(sys.argv[1:])
