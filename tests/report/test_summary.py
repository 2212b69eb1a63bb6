"""What every report writer shows beside an interval: its method, its documents, and a warning when optimistic."""

import pytest
from rich.console import Console

from harness.report import print_table, render_html, render_markdown
from harness.report.summary import interval_notes, score_rows


def test_few_documents_are_said_in_words_to_give_an_optimistic_interval(scored_report):
    notes = interval_notes(scored_report(2))
    assert notes == ["95% interval of F1: bootstrap over items within 2 documents, 200 resamples. † Warning: "
                     "only 2 documents (fewer than min_documents_for_interval = 5): the interval resamples items "
                     "within too few documents and is optimistic."]


def test_enough_documents_give_a_document_bootstrap_without_warning(scored_report):
    assert interval_notes(scored_report(5)) == ["95% interval of F1: bootstrap over documents, 200 resamples "
                                                "(5 documents)."]


@pytest.mark.parametrize("count, shown", [(1, ", 1 doc†]"), (3, ", 3 docs†]"), (6, ", 6 docs]")])
def test_each_cell_shows_the_documents_beside_its_interval(scored_report, count, shown):
    _, rows = score_rows(scored_report(count))
    assert rows[0].cells[0].text().endswith(shown)


def test_a_report_without_methods_says_so(sample_report):
    assert interval_notes(sample_report) == ["Some intervals were written without their method (an older report)."]


@pytest.mark.parametrize("count", [1, 6])
def test_the_terminal_markdown_and_html_state_the_method(scored_report, count):
    report = scored_report(count)
    console = Console(record=True, width=300)
    print_table(report, console)
    outputs = {"terminal": console.export_text(), "markdown": render_markdown(report), "html": render_html(report)}
    method = (f"bootstrap over documents, 200 resamples ({count} documents)" if count >= 5
              else "bootstrap over items within 1 document, 200 resamples")
    for name, text in outputs.items():
        assert method in text, name
        assert ("too few documents and is optimistic" in text) == (count < 5), name
