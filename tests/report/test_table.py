"""The terminal table: categories as rows, adapters as columns, the best starred."""

from rich.console import Console

from harness.report import print_table


def test_the_table_prints_rows_columns_and_the_best_mark(sample_report):
    console = Console(record=True, width=200)
    print_table(sample_report, console)
    text = console.export_text()
    lines = text.splitlines()
    assert any("rules" in line and "spacy" in line for line in lines)
    # each cell is two lines: P, R and F1, then the interval and the mark
    start = next(i for i, line in enumerate(lines) if line.strip("│ ").startswith("entities"))
    f1_line, interval_line = lines[start], lines[start + 1]
    assert f1_line.index("F1 1.00") > f1_line.index("F1 0.40")
    assert interval_line.count("★") == 1 and interval_line.index("★") > interval_line.index("[0.50–1.00]")
    assert "1 error(s)" in text
