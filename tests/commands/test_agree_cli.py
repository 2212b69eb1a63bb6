"""`harness agree` as a user runs it: two and three gold folders, --json, exit codes."""

import json
import os
import subprocess
import sys
from pathlib import Path

TEXT = "Angela Merkel met Emmanuel Macron in Paris."


def harness(*args):
    return subprocess.run([sys.executable, "-m", "harness", *map(str, args)], capture_output=True, text=True,
                          env={**os.environ, "NO_COLOR": "1"}, timeout=300)


def _annotator(tmp_path: Path, name: str, ann: str) -> Path:
    source = tmp_path / f"{name}-brat"
    source.mkdir()
    (source / "meeting.txt").write_text(TEXT)
    (source / "meeting.ann").write_text(ann)
    assert harness("import", "brat", source, "--out", tmp_path / name).returncode == 0
    return tmp_path / name


def test_two_annotations_give_f1_kappa_and_disagreements(tmp_path):
    a = _annotator(tmp_path, "a", "T1\tPER 0 13\tAngela Merkel\nT2\tPER 18 33\tEmmanuel Macron\nT3\tLOC 37 42\tParis\n")
    b = _annotator(tmp_path, "b", "T1\tPER 0 13\tAngela Merkel\nT2\tORG 18 33\tEmmanuel Macron\n")
    proc = harness("agree", a, b, "--json")
    assert proc.returncode == 0, proc.stderr
    [pair] = json.loads(proc.stdout)["pairs"]
    assert pair["layers"]["entities"]["f1"] == 0.4  # 2*1 / (2*1 + 1 + 2)
    assert abs(pair["cohen_kappa"]["entities"] - 5 / 11) < 1e-9
    assert len(pair["disagreements"]["entities"]) == 3
    text = harness("agree", a, b)
    assert text.returncode == 0 and "F1 0.400" in text.stdout and "only in" in text.stdout


def test_three_annotations_report_alpha(tmp_path):
    ann = "T1\tPER 0 13\tAngela Merkel\n"
    folders = [_annotator(tmp_path, name, ann) for name in ("a", "b", "c")]
    report = json.loads(harness("agree", *folders, "--json").stdout)
    assert len(report["pairs"]) == 3 and report["krippendorff_alpha"]["entities"] == 1.0


def test_one_annotation_is_a_usage_error(tmp_path):
    a = _annotator(tmp_path, "a", "T1\tPER 0 13\tAngela Merkel\n")
    proc = harness("agree", a)
    assert proc.returncode == 2 and "two or more annotations" in proc.stderr and "Traceback" not in proc.stderr


def test_run_with_a_ceiling_reports_the_agreement_beside_the_adapters(tmp_path):
    a = _annotator(tmp_path, "a", "T1\tPER 0 13\tAngela Merkel\nT2\tPER 18 33\tEmmanuel Macron\nT3\tLOC 37 42\tParis\n")
    b = _annotator(tmp_path, "b", "T1\tPER 0 13\tAngela Merkel\nT2\tORG 18 33\tEmmanuel Macron\n")
    proc = subprocess.run([sys.executable, "-m", "harness", "run", "--gold", str(a), "--adapters", "oracle",
                           "--ceiling", str(b), "--out", str(tmp_path / "report"), "--no-cache"],
                          capture_output=True, text=True, cwd=tmp_path, env={**os.environ, "NO_COLOR": "1"}, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "human-ceiling" in proc.stdout
    report = json.loads((tmp_path / "report" / "report.json").read_text())
    agreed = json.loads(harness("agree", a, b, "--json").stdout)["pairs"][0]["layers"]["entities"]["f1"]
    assert report["adapters"]["human-ceiling"]["scores"]["entities"]["f1"] == agreed == 0.4
    assert report["adapters"]["oracle"]["scores"]["entities"]["f1"] == 1.0
    assert "human-ceiling" in (tmp_path / "report" / "report.md").read_text()
