"""A project folder for the command tests: gold with two documents and a real command adapter."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

# An extractor as an external program: capitalised words as ORG entities.
# It logs every call (so the tests can count extractions), fails on documents
# whose id contains "broken", and predicts nothing when MODE=none.
EXTRACTOR = r'''
import json, os, re, sys
document = json.load(sys.stdin)
with open(os.environ["CALLS_LOG"], "a") as log:
    log.write(document["doc_id"] + "\n")
if "broken" in document["doc_id"]:
    sys.stderr.write("cannot parse this one\n")
    sys.exit(3)
entities = []
if os.environ.get("MODE") != "none":
    for match in re.finditer(r"\b[A-Z][a-z]+\b", document["text"]):
        entities.append({"text": match.group(), "type": "ORG", "start": match.start(), "end": match.end()})
json.dump({"doc_id": document["doc_id"], "entities": entities}, sys.stdout)
'''


def add_copy(gold: Path, source_id: str, new_id: str) -> None:
    annotations = json.loads((gold / "annotations" / f"{source_id}.json").read_text())
    annotations["doc_id"] = new_id
    (gold / "annotations" / f"{new_id}.json").write_text(json.dumps(annotations))
    shutil.copy(gold / "documents" / f"{source_id}.txt", gold / "documents" / f"{new_id}.txt")


def configure(project: Path, *, mode: str = "all", timeout: int = 60, gate: str = "") -> None:
    calls = (project / "calls.log").as_posix()
    (project / "pyproject.toml").write_text(
        "[tool.harness.adapters.counting]\n"
        'adapter = "command"\n'
        f'argv = ["{Path(sys.executable).as_posix()}", "extract.py"]\n'
        'categories = ["entities"]\n'
        f"timeout = {timeout}\n"
        f'env = {{ CALLS_LOG = "{calls}", MODE = "{mode}" }}\n' + gate
    )


@pytest.fixture
def project(tmp_path, example_gold_dir) -> Path:
    """A project folder: gold/ with two documents, the extractor program and its configuration."""
    shutil.copytree(example_gold_dir, tmp_path / "gold")
    add_copy(tmp_path / "gold", "example-harbour-tech", "example-harbour-tech-copy")
    (tmp_path / "extract.py").write_text(EXTRACTOR)
    configure(tmp_path)
    return tmp_path


def run_harness(project: Path, *arguments: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "COLUMNS": "200"}
    return subprocess.run(["harness", *arguments], cwd=project, capture_output=True, text=True, timeout=300, env=env)


def extraction_calls(project: Path) -> list[str]:
    log = project / "calls.log"
    return log.read_text().split() if log.exists() else []


def read_report(project: Path, folder: str = "reports/latest") -> dict:
    return json.loads((project / folder / "report.json").read_text())




@pytest.fixture
def harness():
    """Run the harness command in a project folder: ``harness(project, "run", ...)``."""
    return run_harness


@pytest.fixture
def calls():
    """The documents the command adapter was called on, in order."""
    return extraction_calls


@pytest.fixture
def report():
    """The report.json of a project folder, as a dict."""
    return read_report


@pytest.fixture
def reconfigure():
    """Rewrite the project's pyproject.toml: ``reconfigure(project, mode=..., timeout=..., gate=...)``."""
    return configure


@pytest.fixture
def add_document():
    """Copy a gold document under a new id: ``add_document(project, new_id)``."""
    return lambda project, new_id: add_copy(project / "gold", "example-harbour-tech", new_id)
