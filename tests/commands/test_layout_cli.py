"""Every table fits the terminal: no line wider than COLUMNS, row labels whole on one line, no number cut."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from harness.cli import cli
from harness.report.summary import score_rows, slice_sections

WIDTHS = [80, 200]


def _invoke(*arguments: str, columns: int):
    return CliRunner().invoke(cli, list(arguments), env={"COLUMNS": str(columns)})


def _fits(output: str, columns: int, tables: bool = True) -> list[str]:
    lines = output.splitlines()
    # a command to paste is the one line kept whole past the edge: a line break would break the command
    too_wide = [line for line in lines if len(line) > columns and not line.startswith("harness ")]
    assert not too_wide, too_wide
    if tables:
        assert "…" not in output  # rich's mark of a cut cell
    return lines


def _labels_whole(lines: list[str], labels: list[str]) -> None:
    starts = {line.strip() for line in lines} | {line.split("  ")[0].strip() for line in lines}
    missing = [label for label in labels if label not in starts]
    assert not missing, missing


def _rates(report: dict) -> list[tuple[str, str]]:
    """Each score's P, R and F1 as the table shows them: named on a wide terminal, bare on a narrow one."""
    return [(f"P {score['precision']:.2f} R {score['recall']:.2f} F1 {score['f1']:.2f}",
             f"{score['precision']:.2f} {score['recall']:.2f} {score['f1']:.2f}")
            for entry in report["adapters"].values()
            for score in entry["scores"].values() if score.get("f1") is not None]


@pytest.mark.parametrize("columns", WIDTHS)
def test_run_tables_fit_with_whole_labels_and_numbers(project, monkeypatch, columns):
    monkeypatch.chdir(project)
    result = _invoke("run", "--adapters", "counting,oracle", "--slice-by", "domain", "--per-slice", "--per-type",
                     columns=columns)
    assert result.exit_code == 0, result.output
    lines = _fits(result.stdout, columns)
    report = json.loads((project / "reports/latest/report.json").read_text())
    _, rows = score_rows(report)
    _labels_whole(lines, [row.label for row in rows])
    for section in slice_sections(report):
        _labels_whole(lines, sorted({row.slice for row in section.rows}))
    for named, bare in _rates(report):
        # "P 0.76 R 0.70 F1 0.73" (or "0.76 0.70 0.73") whole: neither broken across lines nor cut
        assert named in result.stdout or bare in result.stdout, (named, result.stdout)
    assert "entities per entity type" in result.stdout
    assert "oracle · figures per unit" in result.stdout  # derived from the items: the figure scorer keeps none


@pytest.mark.parametrize("columns", WIDTHS)
def test_score_fits_with_every_number_whole(tmp_path, example_gold_dir, example_corpus, columns):
    from harness.predictions import corpus_predictions

    file = tmp_path / "oracle.jsonl"
    file.write_text("".join(json.dumps(p.to_dict()) + "\n" for p in corpus_predictions(example_corpus).values()))
    result = _invoke("score", str(example_gold_dir), str(file), "--resamples", "50", "--per-type",
                     columns=columns)
    assert result.exit_code == 0, result.output
    lines = _fits(result.stdout, columns)
    rows = [line.split() for line in lines if line.split()[:1] == ["entities"]]
    assert rows and rows[0][1:4] == ["1.000", "1.000", "1.000"]
    assert any(line.split()[:1] == ["PERSON"] for line in lines)
    assert "predictions · figures per unit" in result.stdout
    # the example's figures: 200 engineers and two men, each found
    assert [line.split()[1:] for line in lines if line.split()[:1] in (["engineer"], ["man"])] == \
           [["100.00", "100.00", "100.00", "1", "0", "0"]] * 2


@pytest.mark.parametrize("columns", WIDTHS)
def test_robustness_fits_and_the_replay_command_is_one_line(project, monkeypatch, reconfigure, columns):
    reconfigure(project, gate="\n[tool.harness.robustness.tolerance]\ndefault = 0.0\n")
    monkeypatch.chdir(project)
    result = _invoke("robustness", "--adapter", "counting", "--examples", "4", "--doc", "example-harbour-tech",
                     "--out", "out", columns=columns)
    assert result.exit_code == 1, result.output  # every capitalised word of the noise is a false alarm
    lines = _fits(result.stdout, columns)
    assert any(line.split()[:1] == ["entities"] and re.fullmatch(r"\d\.\d{3}", line.split()[1]) for line in lines)
    [command] = [line for line in lines if line.startswith("harness robustness")]
    assert command.split()[:4] == ["harness", "robustness", "--adapter", "counting"]
    assert (project / command.split("--replay ")[1]).is_file()


def test_robustness_never_breaks_the_fixture_path_across_lines(project, monkeypatch, reconfigure):
    reconfigure(project, gate="\n[tool.harness.robustness.tolerance]\ndefault = 0.0\n")
    monkeypatch.chdir(project)
    out = "a-folder-name-long-enough-that-the-fixture-path-passes-eighty-columns"
    result = _invoke("robustness", "--adapter", "counting", "--examples", "4", "--doc", "example-harbour-tech",
                     "--out", out, columns=80)
    assert result.exit_code == 1, result.output
    fixture = next((project / out).glob("minimal-*.json")).name
    pieces = [line for line in result.stdout.splitlines() if "minimal-" in line or "seed0" in line]
    assert pieces and all(fixture in line for line in pieces), pieces


@pytest.mark.parametrize("columns", WIDTHS)
def test_compare_fits_with_p_values_whole(project, monkeypatch, columns):
    monkeypatch.chdir(project)
    result = _invoke("compare", "counting", "oracle", "--resamples", "200", columns=columns)
    assert result.exit_code == 0, result.output
    lines = _fits(result.stdout, columns, tables=False)  # no table: "… and 8 more" is its own words
    at = next(i for i, line in enumerate(lines) if line.startswith("entities "))
    assert re.search(r"ΔF1 [+-]\d\.\d{3} \[[+-]\d\.\d{3}, [+-]\d\.\d{3}\]", lines[at])
    assert re.search(r"p\(exact\) \d\.\d{3}", lines[at + 1])


@pytest.mark.parametrize("columns", WIDTHS)
def test_the_error_table_fits_with_short_columns_whole(project, monkeypatch, add_document, columns):
    add_document(project, "example-broken")  # the extractor fails on it
    monkeypatch.chdir(project)
    result = _invoke("run", "--adapters", "counting", columns=columns)
    assert result.exit_code == 3, result.output
    lines = _fits(result.stdout, columns)
    [row] = [line.split() for line in lines if line.startswith("counting ")]
    assert row[:2] == ["counting", "example-broken"] and row[2] == "extract"


def test_the_reports_folder_is_printed_whole_on_a_line_of_its_own(project, monkeypatch, tmp_path_factory):
    monkeypatch.chdir(project)
    result = _invoke("run", "--adapters", "counting", columns=80)
    assert result.exit_code == 0, result.output
    lines = _fits(result.stdout, 80)
    assert "  reports/latest/" in lines  # inside the working folder: relative
    # elsewhere: the whole path, however long, on one line (the terminal may fold it; the text keeps it whole)
    out = tmp_path_factory.mktemp("a-folder-elsewhere-with-a-name-long-enough-to-pass-the-edge") / "reports"
    result = _invoke("run", "--adapters", "counting", "--out", str(out), columns=80)
    assert result.exit_code == 0, result.output
    assert f"  {out}/" in result.stdout.splitlines()
