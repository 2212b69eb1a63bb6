"""report.md: the table, adapters and errors, safe to paste into a pull request."""

from harness.report import render_markdown


def test_the_table_has_a_row_per_category_and_key_subscore(sample_report):
    text = render_markdown(sample_report)
    assert "| category | rules | spacy |" in text
    rows = [line.split(" |")[0] for line in text.splitlines() if line.startswith("| entities") or line.startswith("| quotes")]
    assert rows == ["| entities", "| quotes", "| quotes · attribution"]


def test_the_best_f1_of_a_row_is_bold(sample_report):
    entities = next(line for line in render_markdown(sample_report).splitlines() if line.startswith("| entities"))
    rules_cell, spacy_cell = entities.split(" | ")[1:3]
    assert not rules_cell.startswith("**") and spacy_cell.startswith("**")


def test_a_pipe_in_an_error_message_does_not_break_the_table(sample_report):
    sample_report["errors"][0]["message"] = "a | b\nc"
    line = next(l for l in render_markdown(sample_report).splitlines() if l.startswith("| spacy | ") and "| extract |" in l)
    assert "a \\| b c" in line
