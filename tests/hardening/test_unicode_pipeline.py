"""Unicode through the whole pipeline: gold → oracle and rules → scoring → report.html.

Offsets are code points of the text exactly as stored (combining marks are
separate code points, an emoji sequence is several, CRLF is two); the
oracle must score 1.0 and every highlight must cover exactly the gold
characters.
"""

from __future__ import annotations

import pytest

from harness.config import HarnessConfig
from harness.gold import load_gold
from harness.model import Annotations, Argument, Event, Figure, Quote
from harness.report import write_reports
from harness.run import RunOptions, build_adapters, run_evaluation

from .builders import simple_document, span, write_gold
from .html_reading import read_articles

COMBINING = ("Zoe\u0301 Marti\u0301nez met Franc\u0327ois Lefe\u0300vre in Montre\u0301al.\r\n"
             "\u201cWe will build 40 schools,\u201d Marti\u0301nez said on Monday.\r\n")
EMOJI = ("\U0001F469\U0001F3FD\u200D\u2695\uFE0F Amara Okafor \U0001F3E5 of Lagos said \U0001F1F3\U0001F1EC "
         "Nigeria sent 12 doctors \U0001F468\u200D\U0001F469\u200D\U0001F467 to Accra.\r\n")
RTL = ("\u200fرئيس الوزراء\u200f met Benjamin Cohen in \u05d9\u05e8\u05d5\u05e9\u05dc\u05d9\u05dd "
       "and \u0627\u0644\u0642\u0627\u0647\u0631\u0629 on Monday.\r\n\r\nCohen said 3 \u05e9\u05e7\u05dc\u05d9\u05dd were paid.\r\n")


def _combining() -> Annotations:
    base = simple_document("u-combining", COMBINING, {"Zoe\u0301 Marti\u0301nez": "PERSON",
                                                      "Franc\u0327ois Lefe\u0300vre": "PERSON",
                                                      "Montre\u0301al": "GPE"}, title="Zoe\u0301 <b>title</b>")
    quote = Quote("Q1", span(COMBINING, "We will build 40 schools,"), "direct", speaker_entity="E1",
                  speaker_mention=span(COMBINING, "Marti\u0301nez", 2), cue=span(COMBINING, "said"))
    figure = Figure("F1", span(COMBINING, "40 schools"), 40, unit="school", measures="schools promised")
    meet = Event("V1", "Contact.Meet", span(COMBINING, "met"), (Argument("Entity", "E1"), Argument("Entity", "E2")),
                 place="E3")
    return Annotations(base.document, base.entities, (quote,), (figure,), (meet,))


def _emoji() -> Annotations:
    base = simple_document("u-emoji", EMOJI, {"Amara Okafor": "PERSON", "Lagos": "GPE", "Nigeria": "GPE",
                                              "Accra": "GPE"})
    figure = Figure("F1", span(EMOJI, "12 doctors"), 12, unit="doctor", measures="doctors sent")
    return Annotations(base.document, base.entities, (), (figure,), ())


def _rtl() -> Annotations:
    base = simple_document("u-rtl", RTL, {"Benjamin Cohen": "PERSON", "\u05d9\u05e8\u05d5\u05e9\u05dc\u05d9\u05dd": "GPE",
                                          "\u0627\u0644\u0642\u0627\u0647\u0631\u0629": "GPE"})
    figure = Figure("F1", span(RTL, "3 \u05e9\u05e7\u05dc\u05d9\u05dd"), 3, unit="shekel", measures="amount paid")
    return Annotations(base.document, base.entities, (), (figure,), ())


def _gold_spans(annotations: Annotations, category: str) -> list:
    if category == "entities":
        return [m.span for e in annotations.entities for m in e.mentions if m.form == "name"]
    if category == "quotes":
        return [q.content for q in annotations.quotes]
    if category == "figures":
        return [f.span for f in annotations.figures]
    return [v.trigger for v in annotations.events]


@pytest.fixture(scope="module")
def unicode_run(tmp_path_factory):
    folder = write_gold(tmp_path_factory.mktemp("gold"), [_combining(), _emoji(), _rtl()])
    corpus = load_gold(folder)
    specs = build_adapters(["oracle", "rules"], HarnessConfig(), corpus)
    run = run_evaluation(corpus, specs, options=RunOptions(("oracle", "rules"), gold=str(folder)))
    out = tmp_path_factory.mktemp("reports")
    report, files = write_reports(run, out)
    return corpus, run, report, files


def test_the_texts_load_byte_exact_with_crlf_kept(unicode_run):
    corpus = unicode_run[0]
    assert corpus["u-combining"].document.text == COMBINING
    assert corpus["u-emoji"].document.text == EMOJI
    assert corpus["u-rtl"].document.text == RTL


def test_every_gold_span_is_the_text_at_its_offsets(unicode_run):
    for annotations in unicode_run[0]:
        text = annotations.document.text
        for category in ("entities", "quotes", "figures", "events"):
            for gold in _gold_spans(annotations, category):
                assert text[gold.start:gold.end] == gold.text


def test_the_oracle_scores_one_in_every_category_with_gold(unicode_run):
    _, run, report, _ = unicode_run
    assert run.adapter("oracle").errors == ()
    scores = report["adapters"]["oracle"]["scores"]
    for category in ("entities", "quotes", "figures", "events"):
        assert (scores[category]["precision"], scores[category]["recall"], scores[category]["f1"]) == (1.0, 1.0, 1.0)


def test_rules_predictions_that_carry_offsets_point_at_their_text(unicode_run):
    corpus, run, _, _ = unicode_run
    rules = run.adapter("rules")
    assert rules.errors == ()
    checked = 0
    for doc_id, predictions in rules.run.predictions.items():
        text = corpus[doc_id].document.text
        for items in (predictions.entities or (), predictions.quotes or (), predictions.figures or ()):
            for item in items:
                if item.start is not None:
                    assert text[item.start:item.end] == item.text
                    checked += 1
    assert checked > 0


def test_html_articles_show_the_exact_text_and_mark_exactly_the_gold(unicode_run):
    corpus, _, _, files = unicode_run
    articles, scripts = read_articles(files.html.read_bytes().decode("utf-8"))
    oracle = [a for a in articles if a.adapter == "oracle"]
    assert scripts == 1  # the page's own, allowed by its hash
    assert {(a.doc_id, a.category) for a in oracle} >= {(d.document.id, "entities") for d in corpus}
    for article in articles:
        assert article.text == corpus[article.doc_id].document.text
    for article in oracle:
        expected = {offset for gold in _gold_spans(corpus[article.doc_id], article.category)
                    for offset in range(gold.start, gold.end)}
        assert article.marked == expected, (article.doc_id, article.category)
        assert all(outcome == "hit" for outcome in article.statuses.values())
