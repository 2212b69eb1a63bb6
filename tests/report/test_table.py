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


def _two_adapter_report() -> dict:
    # each adapter best in some row, under the longest label the table has
    scores = {"rules": (0.90, 0.54, 0.13), "spacy": (0.86, 0.53, 0.19)}
    return {"adapters": {name: {"status": "ok", "scores": {
        "quotes": _score(end_to_end, [0.8, 0.9], {"end_to_end": _score(end_to_end)}),
        "events": _score(f1, [0.39, 0.6], {"argument_classification": _score(argument)})}}
        for name, (end_to_end, f1, argument) in scores.items()}}


def _rows_and_their_lines(text: str) -> dict[str, int]:
    """Each row label of the table, with how many lines its cells take."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("─")) + 1
    counts: dict[str, int] = {}
    label = None
    for line in lines[start:]:
        if not line.strip() or line.startswith("95%"):
            break
        if not line.startswith(" "):
            label = line.split("  ")[0]
            counts[label] = 0
        counts[label] += 1
    return counts


def test_at_80_columns_two_adapters_take_two_lines_a_cell_and_every_number_is_whole():
    console = Console(record=True, width=80)
    print_table(_two_adapter_report(), console)
    text = console.export_text()
    assert max(len(line) for line in text.splitlines()) <= 80
    rows = _rows_and_their_lines(text)
    assert "events · argument classification" in rows  # the label whole, on one line
    assert all(count <= 2 for count in rows.values()), text
    # the rates without their names, in the order the title gives: P R F1, then the interval
    assert "Scores (P R F1, then the CI of F1" in text
    for triple in ("0.90 0.90 0.90", "0.86 0.86 0.86", "0.54 0.54 0.54", "0.13 0.13 0.13", "[0.39–0.60]"):
        assert triple in text, text


def test_a_wide_terminal_names_the_rates_and_the_documents_of_an_interval():
    console = Console(record=True, width=200)
    print_table(_two_adapter_report(), console)
    text = console.export_text()
    for part in ("P 0.90 R 0.90 F1 0.90", "F1 0.19", "[0.39–0.60, 6 docs]"):
        assert part in text, text
    assert all(count <= 2 for count in _rows_and_their_lines(text).values()), text


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
