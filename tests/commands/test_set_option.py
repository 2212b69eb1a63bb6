"""`--set ADAPTER.key=value` on run, gate --run and robustness: checked like pyproject.toml settings."""

from __future__ import annotations

import json

import pytest

from harness.adapters.registry import config_with_overrides
from harness.adapters.settings import parse_adapter_overrides
from harness.config import HarnessConfig
from harness.errors import ConfigError, UsageError


def test_values_are_read_as_toml_else_text():
    assert parse_adapter_overrides(["llm.timeout=5", 'command.argv=["a", "b"]', "spacy.model=en_x",
                                    "llm.timeout=7"]) == {
        "llm": {"timeout": 7}, "command": {"argv": ["a", "b"]}, "spacy": {"model": "en_x"}}


def test_a_setting_without_the_adapter_is_refused_with_the_form_to_use():
    with pytest.raises(UsageError, match=r"Write --set ADAPTER.timeout=VALUE"):
        parse_adapter_overrides(["timeout=5"])


def test_a_setting_without_a_value_is_shown_the_form_with_its_own_name():
    # the example must be one the command accepts: `--set timeout=30` names no adapter
    with pytest.raises(UsageError, match=r"--set rules.clean_boilerplate=VALUE") as caught:
        parse_adapter_overrides(["rules.clean_boilerplate"])
    assert "timeout=30" not in str(caught.value)


def test_an_override_lays_over_the_configured_table():
    config = HarnessConfig(None, {"adapters": {"fast": {"adapter": "rules", "clean_boilerplate": True}}})
    changed = config_with_overrides(config, {"fast": {"clean_boilerplate": False}})
    assert changed.adapter_settings("fast") == {"adapter": "rules", "clean_boilerplate": False}
    assert config.adapter_settings("fast")["clean_boilerplate"] is True  # the original is unchanged


def test_every_problem_is_listed_with_the_valid_names():
    with pytest.raises(ConfigError) as caught:
        config_with_overrides(HarnessConfig(), {"rulez": {"x": 1}, "rules": {"clean_boilerplat": True},
                                                "llm": {"timeout": "soon"}})
    message = str(caught.value)
    assert "unknown adapter 'rulez'. Did you mean 'rules'?" in message and "Valid names: oracle, rules" in message
    assert "no setting 'clean_boilerplat'. Did you mean 'clean_boilerplate'?" in message
    assert "timeout = 'soon'" in message and "3 configuration problems" in message


def test_set_makes_an_unconfigured_adapter_run(project, harness, report):
    harness(project, "run", "--adapters", "oracle", "--out", "first")
    predictions = project / "first" / "predictions" / "oracle.jsonl"
    proc = harness(project, "run", "--set", f"predictions.path={predictions}", "--adapters", "predictions")
    assert proc.returncode == 0, proc.stderr
    assert report(project)["adapters"]["predictions"]["scores"]["entities"]["f1"] == 1.0


def test_the_unconfigured_hint_names_the_set_form_that_works(project, harness):
    proc = harness(project, "adapters", "--json")
    [entry] = [a for a in json.loads(proc.stdout) if a["name"] == "predictions"]
    assert "--set predictions.path=FILE" in entry["detail"]


def test_a_bad_set_on_run_and_gate_exits_2_before_any_work(project, harness, calls):
    for command in (["run"], ["gate", "--run"]):
        proc = harness(project, *command, "--set", "counting.timeot=5")
        assert proc.returncode == 2 and "Did you mean 'timeout'?" in proc.stderr, proc.stderr
    assert calls(project) == []


def test_set_changes_what_a_variant_does(project, harness, report):
    proc = harness(project, "run", "--adapters", "counting", "--set", "counting.env={CALLS_LOG = \"calls.log\", "
                   "MODE = \"none\"}")
    assert proc.returncode == 0, proc.stderr
    assert report(project)["adapters"]["counting"]["scores"]["entities"]["tp"] == 0  # it predicted nothing
