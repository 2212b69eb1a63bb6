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


def _score(f1: float, ci95: list | None = None, subscores: dict | None = None) -> dict:
    return {"precision": f1, "recall": f1, "f1": f1, "tp": 9, "fp": 1, "fn": 1, "ci95": ci95,
            "interval": {"documents": 6} if ci95 else None, "subscores": subscores or {}}


def test_at_80_columns_a_cell_wraps_between_its_numbers_never_inside_one():
    # each adapter best in some row, so both columns want "F1 0.90 ★" and rich must narrow both
    scores = {"rules": (0.90, 0.54, 0.13), "spacy": (0.86, 0.53, 0.19)}
    report = {"adapters": {name: {"status": "ok", "scores": {
        "quotes": _score(end_to_end, [0.8, 0.9], {"end_to_end": _score(end_to_end)}),
        "events": _score(f1, [0.39, 0.6], {"argument_classification": _score(argument)})}}
        for name, (end_to_end, f1, argument) in scores.items()}}
    console = Console(record=True, width=80)
    print_table(report, console)
    text = console.export_text()
    assert max(len(line) for line in text.splitlines()) <= 80
    for f1 in ("F1 0.90", "F1 0.86", "F1 0.54", "F1 0.13", "F1 0.53", "F1 0.19", "6 docs]"):
        assert f1 in text, text


def test_a_long_document_id_in_the_error_table_breaks_only_after_a_hyphen():
    from harness.report.table import error_table

    doc_id = "clarencebulletin-2025-02-28-grafton-flood-peak"
    console = Console(record=True, width=80)
    console.print(error_table([{"adapter": "llm", "doc_id": doc_id, "stage": "extract", "kind": "connection",
                                "message": "connection failed: the server disconnected without a response " * 2}]))
    lines = console.export_text().splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("llm "))
    pieces = [line[len("llm"):].split()[0] for line in lines[start:] if line[len("llm"):].strip()][:4]
    shown = ""
    for piece in pieces:
        shown += piece
        if shown == doc_id:
            break
        assert piece.endswith("-"), pieces
    assert shown == doc_id, pieces


def test_a_long_adapter_name_heads_its_column_broken_only_after_hyphens():
    name = "rules-without-boilerplate-cleaning"
    report = {"adapters": {adapter: {"status": "ok", "scores": {"entities": _score(0.5, [0.4, 0.6])}}
                           for adapter in ("rules", name, "spacy")}}
    console = Console(record=True, width=80)
    print_table(report, console)
    words = console.export_text().split()
    pieces = [word for word in words if word in name and word not in ("rules", "spacy")]
    assert "".join(pieces) == name and all(piece.endswith("-") for piece in pieces[:-1]), pieces
