"""Fixtures for the hardening tests: a project folder to run the CLI in, and input limits restored."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from harness.files import Limits


@pytest.fixture(autouse=True)
def restore_limits():
    """The CLI applies [tool.harness.limits] for the whole process; put the limits back after each test."""
    saved = (Limits.max_bytes, Limits.max_depth, Limits.max_items)
    yield
    Limits.max_bytes, Limits.max_depth, Limits.max_items = saved


@pytest.fixture
def project(tmp_path, monkeypatch):
    """An empty project folder (with a pyproject.toml to add sections to) as the working folder.

    The folder sits inside ``tmp_path/sandbox`` so a test can check nothing
    was written beside it.
    """
    folder = tmp_path / "sandbox" / "project"
    folder.mkdir(parents=True)
    (folder / "pyproject.toml").write_text('[project]\nname = "scratch"\nversion = "0"\n', encoding="utf-8")
    monkeypatch.chdir(folder)
    return folder


def files_under(root: Path) -> dict[str, int]:
    """Every file under ``root`` with its size: a snapshot to compare before and after."""
    found = {}
    for folder, _, names in os.walk(root):
        for name in names:
            path = Path(folder) / name
            found[str(path.relative_to(root))] = path.stat().st_size
    return found
