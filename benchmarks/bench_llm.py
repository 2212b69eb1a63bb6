"""Documents per second of the llm adapter against a local server with a fixed latency per request.

Starts an OpenAI-compatible server on 127.0.0.1 (tests/llm_stub.py, in a
process of its own so it does not share the client's interpreter) that
answers every request after --latency seconds, runs the llm adapter over
--documents made-up articles through ``harness.run.extract_corpus`` (the path
`harness run` takes, no cache) for each max_connections, and prints the
documents per second achieved next to the ideal, max_connections / latency.
The target: at least 80% of ideal at max_connections = 16, 200 ms, 200 documents.
Usage: python benchmarks/bench_llm.py [--documents 200] [--latency 0.2] [--connections 1,4,8,16,32] [--jobs 1]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
from harness.adapters import get_adapter  # noqa: E402
from harness.model import Document  # noqa: E402
from harness.run import extract_corpus  # noqa: E402

TARGET = 0.8


def _documents(count: int) -> list[Document]:
    return [Document(f"bench-{i:04d}", f"Mayor Jane Doe{i} said {i} people left the city of Springfield.")
            for i in range(count)]


def measure(base_url: str, documents: list[Document], connections: int, jobs: int, cache: Path) -> tuple[float, int]:
    extractor = get_adapter("llm", overrides={
        "base_url": base_url, "model": "bench", "max_connections": connections, "cache": False,
        "cache_dir": str(cache), "max_retries": 0, "timeout": 30, "categories": ["entities"]})
    try:
        started = time.perf_counter()
        run = extract_corpus(extractor, documents, jobs=jobs, cache=None)
        seconds = time.perf_counter() - started
    finally:
        extractor.close()
    return seconds, run.failed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=200)
    parser.add_argument("--latency", type=float, default=0.2, help="seconds the server takes per request")
    parser.add_argument("--connections", default="1,4,8,16,32", help="max_connections values, comma-separated")
    parser.add_argument("--jobs", type=int, default=1, help="--jobs of the run (thread executor)")
    options = parser.parse_args()

    documents = _documents(options.documents)
    server = subprocess.Popen([sys.executable, str(ROOT / "tests" / "llm_stub.py"), "--latency", str(options.latency)],
                              stdout=subprocess.PIPE, text=True)
    base_url = server.stdout.readline().strip()
    results = {}
    try:
        with tempfile.TemporaryDirectory(prefix="harness-bench-llm-") as scratch:
            print(f"{options.documents} documents, {options.latency * 1000:.0f} ms a request, jobs {options.jobs}")
            print(f"{'max_connections':>15}{'wall s':>9}{'docs/s':>9}{'ideal':>9}{'of ideal':>10}{'failed':>8}")
            for connections in (int(c) for c in options.connections.split(",")):
                seconds, failed = measure(base_url, documents, connections, options.jobs, Path(scratch))
                achieved = options.documents / seconds
                ideal = connections / options.latency
                results[connections] = achieved / ideal
                print(f"{connections:>15}{seconds:>9.2f}{achieved:>9.1f}{ideal:>9.1f}{achieved / ideal:>10.0%}"
                      f"{failed:>8}")
    finally:
        server.terminate()
        server.wait(timeout=10)
    if 16 in results:
        verdict = "met" if results[16] >= TARGET else "NOT met"
        print(f"target (>= {TARGET:.0%} of ideal at max_connections = 16): {verdict} ({results[16]:.0%})")


if __name__ == "__main__":
    main()
