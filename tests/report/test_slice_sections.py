"""The slice sections of the reports, from a real scored run on a made-up three-document corpus."""

from __future__ import annotations

import io

import pytest
from rich.console import Console

from harness.report import build_report, print_slice_tables, render_html, render_markdown
from harness.run import AdapterRun, DocumentRun, RunOptions, RunResult, score_adapter
from harness.schemas import schema_problems

from slice_corpus import make_corpus, predictions_for


@pytest.fixture
def sliced_report(example_annotations) -> dict:
    corpus = make_corpus(example_annotations, ["sports", "business", "sports"])
    predictions = predictions_for(corpus, [0, 3, 6])
    documents = tuple(DocumentRun("made-up", d, p, None, 0.0) for d, p in predictions.items())
    run = AdapterRun("made-up", "1", "f", ("entities", "quotes", "figures", "events"), documents)
    result = RunResult(corpus, (score_adapter(corpus, run),),
                       RunOptions(("made-up",), slice_by=("domain", "length")), "2024-01-01T00:00:00+00:00")
    return build_report(result)


def test_a_sliced_report_is_valid_and_holds_every_field_and_value(sliced_report):
    assert schema_problems("report", sliced_report, "report.json") == []
    assert sliced_report["options"]["slice_by"] == ["domain", "length"]
    fields = sliced_report["slices"]["fields"]
    assert fields["domain"]["values"] == {"business": ["doc-1"], "sports": ["doc-0", "doc-2"]}
    sports = sliced_report["adapters"]["made-up"]["slices"]["domain"]["sports"]
    assert sports["documents"] == 2 and set(sports["scores"]) == set(sliced_report["adapters"]["made-up"]["scores"])


def test_an_unsliced_report_has_no_slice_sections(sliced_report):
    report = {**sliced_report, "slices": {**sliced_report["slices"], "fields": {}}}
    assert "## Slices" not in render_markdown(report) and "<h2>Slices</h2>" not in render_html(report)


def test_markdown_html_and_terminal_show_a_table_per_field_with_document_counts(sliced_report):
    markdown = render_markdown(sliced_report)
    assert "### By domain" in markdown and "### By length" in markdown
    assert "| domain=business (1 doc) · entities |" in markdown and "| domain=sports (2 docs) · entities |" in markdown
    html = render_html(sliced_report)
    assert "<h3>By domain</h3>" in html and "domain=sports (2 docs) · entities" in html
    out = io.StringIO()
    print_slice_tables(sliced_report, Console(file=out, width=200))
    lines = [line.strip() for line in out.getvalue().splitlines()]
    # in the terminal a slice's rows come under a line naming it, so their labels stay short
    at = lines.index("length=short (3 docs)")
    assert "By domain" in out.getvalue() and lines[at + 1].startswith("entities ")
