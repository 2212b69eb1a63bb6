"""Noisy variants per second for the rules adapter, against merely building the variants.

Prints variants/second for the rules adapter on 200 noisy variants of the
gold (target: under 10 s), then for generating and projecting the same
variants without running any adapter, and the ratio of the two, measured in
the same process. Run: python benchmarks/bench_robustness.py [GOLD] [N]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path


def main(argv: list[str]) -> int:
    from harness.gold import load_gold
    from harness.noise import apply_noise, clean_article
    from harness.robustness import ArticleScorer, RobustnessSettings, _search, run_document, variants_strategy

    gold = Path(argv[0]) if argv else Path("gold")
    count = int(argv[1]) if len(argv) > 1 else 200
    annotations = load_gold(gold).documents[0]
    settings = RobustnessSettings(examples=count, seed=0)

    started = time.perf_counter()
    clean = clean_article(annotations)
    built = []
    _search(variants_strategy(clean, settings), count, 0, lambda noise: built.append(apply_noise(clean, noise)),
            shrink=False)
    generate_seconds = time.perf_counter() - started

    scorer = ArticleScorer("rules")
    started = time.perf_counter()
    report = run_document(scorer, annotations, settings, shrink=False)
    rules_seconds = time.perf_counter() - started

    rules_rate = len(report.variants) / rules_seconds
    generate_rate = len(built) / generate_seconds
    print(f"rules: {len(report.variants)} noisy variants in {rules_seconds:.2f} s = {rules_rate:.1f} variants/s "
          f"(target: {count} in under 10 s: {'met' if rules_seconds < 10 else 'MISSED'})")
    print(f"generate + project only: {len(built)} variants in {generate_seconds:.2f} s = {generate_rate:.1f} variants/s")
    print(f"ratio: rules run takes {rules_seconds / generate_seconds:.1f}x the time of building the variants")
    return 0 if rules_seconds < 10 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
