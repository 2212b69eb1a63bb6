"""Run folders for the viewer tests, made by the real pipeline on a small corpus written to disk.

The corpus: three copies of the example article (``doc-0`` ... ``doc-2``) and
one article full of markup. Two runs of a made-up adapter that drops
different mentions and gives one mention the wrong type are written as
``reports/runs/<stamp>-<hex>/`` folders, the newer also as ``reports/latest``;
a minimal robustness fixture sits in ``reports/robustness/``.
"""

from __future__ import annotations

import dataclasses
import random
from pathlib import Path

import pytest

from harness.gold import load_gold
from harness.model import Corpus
from harness.predictions import Predictions, TextSpan, from_gold
from harness.report import write_reports
from harness.run import AdapterSpec, RunOptions, run_evaluation
from harness.scoring import ScoringOptions
from harness.viewer import ViewerApi, start_in_thread
from hardening.builders import simple_document, write_gold
from slice_corpus import make_corpus

HOSTILE = "<script>document.title='pwned'</script>"
HOSTILE_TEXT = f"Acme {HOSTILE} Corp said so.\n<img src=x onerror=alert(1)> Bolt Ltd agreed.\n"
HOSTILE_NAMES = {f"Acme {HOSTILE} Corp": "ORG", "Bolt Ltd": "ORG"}
WRONG_SPEAKER = "Nobody Atall"
OLD, NEW = "20260101T000000Z-0a0a0a0a", "20260102T000000Z-0b0b0b0b"


class MadeUp:
    """Perfect predictions, except that document i drops its first ``drops[i]`` mentions and the last
    mention gets the wrong type; the first quote is given to the wrong speaker."""

    name, version, categories = "made-up", "1", ("entities", "quotes", "figures", "events")
    fingerprint = "1" * 64

    def __init__(self, corpus: Corpus, drops: dict[str, int]):
        self.corpus, self.drops = corpus, drops

    def extract(self, document) -> Predictions:
        perfect = from_gold(self.corpus[document.id], adapter="made-up")
        entities = list(perfect.entities[self.drops.get(document.id, 0):])
        if entities:
            last = entities[-1]
            entities[-1] = dataclasses.replace(last, type="LAW" if last.type != "LAW" else "PRODUCT")
        quotes = list(perfect.quotes or ())
        if quotes:
            quotes[0] = dataclasses.replace(quotes[0], speaker=TextSpan(WRONG_SPEAKER))
        return dataclasses.replace(perfect, entities=tuple(entities), quotes=tuple(quotes))


def write_run(corpus: Corpus, gold: Path, folder: Path, drops: dict[str, int], adapter: type = MadeUp) -> dict:
    run = run_evaluation(corpus, [AdapterSpec("made-up", adapter(corpus, drops))],
                         options=RunOptions(("made-up",), gold=str(gold)),
                         scoring_options=ScoringOptions(resamples=200))
    report, _ = write_reports(run, folder, scoring_options=ScoringOptions(resamples=200))
    return report


def write_fixture(corpus: Corpus, out: Path) -> Path:
    from harness.noise import Insertion, Noise, clean_article, generate_block, insertion_points
    from harness.robustness import ArticleScore, VariantResult, save_fixture

    annotations = corpus["doc-0"]
    clean = clean_article(annotations)
    points = insertion_points(clean.document, clean)
    noise = Noise((Insertion(points[0], generate_block("related-article", random.Random(3))),))
    return save_fixture(out, "made-up", 0, annotations, VariantResult(noise, ArticleScore(), {"entities": -0.4},
                                                                      ("entities",)))


@pytest.fixture(scope="session")
def project(tmp_path_factory) -> Path:
    """A project folder: gold/, two runs under reports/runs/, reports/latest and a robustness fixture."""
    from harness import load_gold as load_example

    root = tmp_path_factory.mktemp("project")
    (root / "pyproject.toml").write_text('[project]\nname = "scratch"\nversion = "0"\n', encoding="utf-8")
    example = next(iter(load_example(Path(__file__).parent.parent / "data" / "gold")))
    documents = list(make_corpus(example, ["politics", "sport", "politics"]))
    documents.append(simple_document("hostile", HOSTILE_TEXT, HOSTILE_NAMES, title=HOSTILE))
    gold = write_gold(root / "gold", documents)
    corpus = load_gold(gold)
    write_run(corpus, gold, root / "reports" / "runs" / OLD, {"doc-0": 1, "doc-1": 2})
    write_run(corpus, gold, root / "reports" / "runs" / NEW, {"doc-0": 0, "doc-1": 3, "doc-2": 1})
    write_run(corpus, gold, root / "reports" / "latest", {"doc-0": 0, "doc-1": 3, "doc-2": 1})
    write_fixture(corpus, root / "reports" / "robustness")
    return root


@pytest.fixture(scope="module")
def server(project):
    """The viewer over the project's runs, served from a thread on a free port."""
    server, thread = start_in_thread(ViewerApi((), project / "reports"))
    yield server
    server.shutdown()
    server.server_close()
    thread.join(5)
