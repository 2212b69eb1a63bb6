"""Writes the reports of one run again and again, for the kill test in test_writes.py.

Usage: python report_writer_driver.py OUT_DIR DOCUMENTS

Builds a corpus of DOCUMENTS long articles, runs the oracle on it once, then
rewrites every report in OUT_DIR in a loop, each time with the pass number
as the run label and as the adapter's extraction time (so each file says
which pass wrote it), printing "written N" after each complete pass.
"""

from __future__ import annotations

import dataclasses
import sys

from harness.config import HarnessConfig
from harness.model import Annotations, Corpus, Document, Entity, Mention, Metadata, Region
from harness.report import write_reports
from harness.run import RunOptions, build_adapters, run_evaluation

PARAGRAPH = "Officials from Acme Corp met Jane Doe in Berlin on Monday, and talks went on. "


def corpus_of(count: int) -> Corpus:
    documents = []
    for number in range(count):
        text = PARAGRAPH * 250
        mentions = tuple(Mention(i * len(PARAGRAPH) + 15, i * len(PARAGRAPH) + 24, "Acme Corp") for i in range(250))
        document = Document(f"doc-{number}", text, Metadata(language="en"), (Region(0, len(text), "body"),))
        documents.append(Annotations(document, (Entity("E1", "ORG", "Acme Corp", mentions),)))
    return Corpus(tuple(documents))


def main() -> None:
    out, count = sys.argv[1], int(sys.argv[2])
    corpus = corpus_of(count)
    run = run_evaluation(corpus, build_adapters(["oracle"], HarnessConfig(), corpus),
                         options=RunOptions(("oracle",)))
    passes = 0
    while True:
        # the pass number goes into every file: report.json's options and every file's extraction time
        (scored,) = run.adapters
        timed = dataclasses.replace(scored, run=dataclasses.replace(scored.run, seconds=float(passes)))
        labelled = dataclasses.replace(run, adapters=(timed,),
                                       options=dataclasses.replace(run.options, gold=f"pass-{passes}"))
        write_reports(labelled, out)
        passes += 1
        print(f"written {passes}", flush=True)


if __name__ == "__main__":
    main()
