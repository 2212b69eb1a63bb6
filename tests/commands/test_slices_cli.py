"""``harness run --slice-by`` and sliced gate keys, on a made-up corpus of three documents in two domains."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from harness.report import load_report

DOMAINS = {"example-harbour-tech": "business", "example-harbour-tech-copy": "sports", "sports-two": "sports"}


def _set_domains(gold: Path) -> None:
    for doc_id, domain in DOMAINS.items():
        path = gold / "annotations" / f"{doc_id}.json"
        annotations = json.loads(path.read_text())
        annotations["metadata"]["domain"] = domain
        path.write_text(json.dumps(annotations))


@pytest.fixture
def sliced_project(project, add_document):
    add_document(project, "sports-two")
    _set_domains(project / "gold")
    return project


def _subset_gold(project: Path, doc_ids: list[str]) -> Path:
    folder = project / f"gold-{len(doc_ids)}"
    for part, suffix in (("annotations", "json"), ("documents", "txt")):
        (folder / part).mkdir(parents=True)
        for doc_id in doc_ids:
            shutil.copy(project / "gold" / part / f"{doc_id}.{suffix}", folder / part / f"{doc_id}.{suffix}")
    return folder


def test_slice_scores_equal_running_on_the_slice_documents_alone(sliced_project, harness, report):
    ran = harness(sliced_project, "run", "--adapters", "counting", "--slice-by", "domain", "--per-slice")
    assert ran.returncode == 0, ran.stderr
    lines = [line.strip() for line in ran.stdout.splitlines()]
    assert "By domain" in ran.stdout and lines[lines.index("domain=sports (2 docs)") + 1].startswith("entities ")
    written = load_report(sliced_project / "reports/latest/report.json")  # valid under the schema
    assert written["slices"]["fields"]["domain"]["values"] == {
        "business": ["example-harbour-tech"], "sports": ["example-harbour-tech-copy", "sports-two"]}
    sliced = written["adapters"]["counting"]["slices"]["domain"]
    for value, doc_ids in written["slices"]["fields"]["domain"]["values"].items():
        gold = _subset_gold(sliced_project, doc_ids)
        alone = harness(sliced_project, "run", "--adapters", "counting", "--gold", str(gold), "--out", f"out-{value}")
        assert alone.returncode == 0, alone.stderr
        expected = report(sliced_project, f"out-{value}")["adapters"]["counting"]["scores"]["entities"]
        found = sliced[value]["scores"]["entities"]
        assert sliced[value]["documents"] == len(doc_ids)
        assert {k: found[k] for k in ("tp", "fp", "fn", "f1", "ci95")} == {
            k: expected[k] for k in ("tp", "fp", "fn", "f1", "ci95")}
    markdown = (sliced_project / "reports/latest/report.md").read_text()
    assert "## Slices" in markdown and "### By domain" in markdown and "domain=business (1 doc)" in markdown
    assert "<h2>Slices</h2>" in (sliced_project / "reports/latest/report.html").read_text()


def test_a_sliced_gate_key_is_honoured_and_an_unknown_value_is_a_config_error(sliced_project, harness,
                                                                               reconfigure):
    reconfigure(sliced_project, gate='[tool.harness.gate]\n"counting@domain=sports.entities.f1" = 0.0\n')
    passed = harness(sliced_project, "gate", "--run")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert ["PASS", "counting@domain=sports.entities.f1"] in [line.split()[:2] for line in passed.stdout.splitlines()]

    reconfigure(sliced_project, gate='[tool.harness.gate]\n"counting@domain=sports.entities.f1" = 1.0\n')
    failed = harness(sliced_project, "gate")
    assert failed.returncode == 1
    assert ["FAIL", "counting@domain=sports.entities.f1"] in [line.split()[:2] for line in failed.stdout.splitlines()]

    reconfigure(sliced_project, gate='[tool.harness.gate]\n"counting@domain=sport.entities.f1" = 0.5\n')
    unknown = harness(sliced_project, "gate")
    assert unknown.returncode == 2 and "business, sports" in unknown.stderr and "Traceback" not in unknown.stderr


def test_slice_by_in_the_configuration_and_an_unknown_field_exits_2(sliced_project, harness, report):
    pyproject = sliced_project / "pyproject.toml"
    configured = pyproject.read_text()
    pyproject.write_text('[tool.harness]\nslice_by = ["length", "domain"]\n\n' + configured)
    assert harness(sliced_project, "run", "--adapters", "counting").returncode == 0
    assert list(report(sliced_project)["slices"]["fields"]) == ["length", "domain"]

    unknown = harness(sliced_project, "run", "--adapters", "counting", "--slice-by", "genre")
    assert unknown.returncode == 2 and "'genre'" in unknown.stderr and "domain" in unknown.stderr
    assert "Traceback" not in unknown.stderr
