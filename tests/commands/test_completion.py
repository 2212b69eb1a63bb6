"""Shell completion of adapter names for --adapter and --adapters."""

from __future__ import annotations

import os
import subprocess

from harness.commands.options import complete_adapters


def _values(incomplete: str) -> list[str]:
    return [item.value for item in complete_adapters(None, None, incomplete)]


def test_builtins_are_completed_by_prefix(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert _values("ru") == ["rules"]
    assert {"oracle", "rules", "spacy", "llm", "command", "predictions"} <= set(_values(""))


def test_after_commas_the_last_name_is_completed_and_chosen_ones_are_not_offered(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert _values("rules,sp") == ["rules,spacy"]
    assert "rules,rules" not in _values("rules,")


def test_configured_variants_are_offered_and_a_broken_pyproject_still_completes(project, monkeypatch):
    monkeypatch.chdir(project)
    assert _values("cou") == ["counting"]
    (project / "pyproject.toml").write_text("[tool.harness\n")
    assert _values("ru") == ["rules"]


def test_bash_completion_through_the_installed_command(project):
    env = {**os.environ, "_HARNESS_COMPLETE": "bash_complete", "COMP_WORDS": "harness run --adapters cou",
           "COMP_CWORD": "3"}
    proc = subprocess.run(["harness"], cwd=project, env=env, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert "plain,counting" in proc.stdout.splitlines()


def test_set_completes_the_adapter_part(tmp_path, monkeypatch):
    from harness.commands.options import complete_set

    monkeypatch.chdir(tmp_path)
    assert [item.value for item in complete_set(None, None, "ll")] == ["llm."]
    assert complete_set(None, None, "llm.ti") == []
