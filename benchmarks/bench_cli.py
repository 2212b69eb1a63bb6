"""Start-up time of `harness --help`, against a bare Python start in the same process tree.

Prints `cli: harness --help X s, python -c pass Y s, ratio X/Y = R`.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time


def _best(argv: list[str], runs: int = 7) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(argv, check=True, capture_output=True)
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    harness = _best([sys.executable, "-m", "harness", "--help"])
    bare = _best([sys.executable, "-c", "pass"])
    print(f"cli: harness --help {harness:.3f} s, python -c pass {bare:.3f} s, ratio X/Y = {harness / bare:.1f}")
    if harness > 0.3:
        print(f"WARNING: over the 0.3 s target ({statistics.mean([harness]):.3f} s)")


if __name__ == "__main__":
    main()
