"""Every default `harness run` is kept under reports/runs/<id>/; `harness runs` lists them."""

from __future__ import annotations

import filecmp
import json


def _tree(folder):
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*"))


def test_a_run_is_kept_as_a_run_folder_with_the_same_files_as_latest(project, harness):
    proc = harness(project, "run", "--adapters", "counting")
    assert proc.returncode == 0, proc.stderr
    latest = project / "reports" / "latest"
    [run] = (project / "reports" / "runs").iterdir()
    assert latest.is_dir() and not latest.is_symlink()
    assert _tree(run) == _tree(latest) and "predictions/counting.jsonl" in _tree(run)
    for name in ("report.json", "report.md", "junit.xml", "predictions/counting.jsonl"):
        assert filecmp.cmp(run / name, latest / name, shallow=False), name
    assert f"Kept as run {run.name}" in proc.stdout


def test_old_runs_are_pruned_to_keep_runs(project, harness):
    with (project / "pyproject.toml").open("a") as config:
        config.write("\n[tool.harness]\nkeep_runs = 2\n")
    for _ in range(3):
        assert harness(project, "run", "--adapters", "counting").returncode == 0
    assert len(list((project / "reports" / "runs").iterdir())) == 2


def test_keep_runs_0_removes_the_runs_kept_before(project, harness):
    assert harness(project, "run", "--adapters", "counting").returncode == 0
    with (project / "pyproject.toml").open("a") as config:
        config.write("\n[tool.harness]\nkeep_runs = 0\n")
    assert harness(project, "run", "--adapters", "counting").returncode == 0
    assert not list((project / "reports" / "runs").iterdir())  # else `harness runs` lists a stale run as kept
    assert (project / "reports" / "latest" / "report.json").is_file()


def test_an_invalid_keep_runs_is_a_configuration_error(project, harness):
    with (project / "pyproject.toml").open("a") as config:
        config.write('\n[tool.harness]\nkeep_runs = "many"\n')
    proc = harness(project, "run", "--adapters", "counting")
    assert proc.returncode == 2 and "keep_runs = 'many'" in proc.stderr and "Traceback" not in proc.stderr


def test_a_misspelt_keep_runs_is_an_unknown_key_with_a_suggestion(project, harness):
    with (project / "pyproject.toml").open("a") as config:
        config.write("\n[tool.harness]\nkeep_run = 3\n")
    proc = harness(project, "run", "--adapters", "counting")
    assert proc.returncode == 2 and "Did you mean 'keep_runs'?" in proc.stderr


def test_out_elsewhere_writes_no_history_but_the_default_folder_given_as_out_does(project, harness):
    assert harness(project, "run", "--adapters", "counting", "--out", "elsewhere").returncode == 0
    assert (project / "elsewhere" / "report.json").exists() and not (project / "reports" / "runs").exists()
    assert harness(project, "run", "--adapters", "counting", "--out", "reports/latest").returncode == 0
    assert len(list((project / "reports" / "runs").iterdir())) == 1


def test_runs_lists_each_run_with_its_f1_within_80_columns(project, harness, report):
    harness(project, "run", "--adapters", "counting,oracle")
    harness(project, "run", "--adapters", "oracle", "--limit", "1")
    proc = harness(project, "runs")
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert all(len(line) <= 80 for line in lines)
    [sampled] = [line for line in lines if " ~ " in line and line[:1].isdigit()]
    assert "oracle" in sampled and "1.000" in sampled  # the sample, with oracle's perfect F1
    full = next(run for run in (project / "reports" / "runs").iterdir() if run.name not in sampled)
    counting_f1 = report(project, f"reports/runs/{full.name}")["adapters"]["counting"]["scores"]["entities"]["f1"]
    [counting] = [line for line in lines if " counting " in line]
    assert counting.startswith(full.name) and f"{counting_f1:.3f}" in counting


def test_runs_json_is_the_history_newest_first(project, harness):
    harness(project, "run", "--adapters", "oracle")
    harness(project, "run", "--adapters", "counting")
    listed = json.loads(harness(project, "runs", "--json").stdout)
    assert [run["adapters"] for run in listed["runs"]] == [["counting"], ["oracle"]]
    assert listed["runs"][1]["f1"]["oracle"]["entities"] == 1.0


def test_runs_without_history_says_how_to_make_one(project, harness):
    proc = harness(project, "runs")
    assert proc.returncode == 0 and "harness run" in proc.stdout


def test_a_long_adapter_name_is_listed_whole_and_every_line_fits():
    from types import SimpleNamespace

    from harness.commands.runs import run_lines

    name = "rules-without-boilerplate-cleaning"
    run = SimpleNamespace(id="20260301T101500Z-1a2b3c4d", adapters=("rules", name), status="ok", sample=None,
                          f1={"rules": {"entities": 0.5}, name: {"entities": 0.25}})
    for columns in (80, 200):
        lines = run_lines([run], columns)
        assert all(len(line) <= columns for line in lines), lines
        assert any(line.split()[-1:] == [name] or name in line.split() for line in lines), lines
        assert any("0.250" in line for line in lines)


def test_the_gate_checks_a_run_named_by_its_folder_or_its_id(project, harness):
    assert harness(project, "run", "--adapters", "counting").returncode == 0
    [run] = (project / "reports" / "runs").iterdir()
    for reference in (str(run), run.name, run.name[:10]):
        proc = harness(project, "gate", "--report", reference, "--json")
        assert proc.returncode in (0, 1), proc.stderr  # judged, not a usage error
        assert (project / json.loads(proc.stdout)["report"]).resolve() == (run / "report.json").resolve()
    proc = harness(project, "gate", "--report", "20990101T000000Z-00000000")
    assert proc.returncode == 2 and "harness runs" in proc.stderr and "Traceback" not in proc.stderr
