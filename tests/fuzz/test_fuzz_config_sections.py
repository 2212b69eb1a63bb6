"""Fuzz: [tool.harness.gate], [tool.harness.robustness], [tool.harness.scoring] and
[tool.harness.adapters.*] read by their real parsers.

Each section is arbitrary TOML (through the TOML parser, as pyproject.toml
would give it), biased towards the keys each parser knows so the checks
past the first one are reached. Every case ends in settings or a
``HarnessError`` that names the section; nothing else may escape.
"""

from __future__ import annotations

import tomli_w
from hypothesis import given, settings
from hypothesis import strategies as st

from harness.adapters import BUILTINS, get_adapter
from harness.config import parse_config
from harness.errors import HarnessError
from harness.gate import parse_gate_config
from harness.robustness import settings_of, tolerances_of
from harness.scoring import ScoringOptions

FUZZ = settings(max_examples=500)
scalars = (st.booleans() | st.integers(min_value=-(2**63), max_value=2**63 - 1)
           | st.floats(allow_nan=False) | st.text(max_size=20))
values = st.recursive(scalars, lambda children: st.lists(children, max_size=3)
                      | st.dictionaries(st.text(min_size=1, max_size=8), children, max_size=3), max_leaves=10)


def keyed(known: list[str]) -> st.SearchStrategy[dict]:
    """Tables whose keys are mostly ones the parser knows, with any values."""
    return st.dictionaries(st.sampled_from(known) | st.text(min_size=1, max_size=10), values, max_size=5)


metric_keys = st.builds(lambda parts: ".".join(parts), st.lists(
    st.sampled_from(["rules", "oracle", "entities", "quotes", "figures", "events", "attribution", "f1",
                     "precision", "recall", ""]) | st.text(max_size=5), min_size=1, max_size=5))
gate_sections = st.dictionaries(metric_keys | st.just("baseline"), values | st.floats(0, 1)
                                | keyed(["file", "require_significance", "alpha", "test", "rules.entities.f1"]),
                                max_size=5)
robustness_sections = keyed(["examples", "seed", "max_blocks", "format_noise", "tolerance"]) | st.fixed_dictionaries(
    {"tolerance": keyed(["default", "entities", "quotes", "figures", "events", "rules", "spacy"])})
scoring_sections = keyed(["include_pronouns", "quote_match", "quote_threshold", "figure_tolerance",
                          "approximate_tolerance", "resamples", "seed", "confidence", "quote-threshold"])
ADAPTER_KEYS = ["adapter", "argv", "timeout", "max_output_bytes", "env", "categories", "base_url", "model",
                "api_key_env", "max_retries", "backoff", "temperature", "max_tokens", "response_format",
                "cache_dir", "cache", "clean_boilerplate", "path", "gold", "batch_size"]
adapter_tables = st.dictionaries(st.sampled_from([*BUILTINS, "variant"]) | st.text(min_size=1, max_size=6),
                                 keyed(ADAPTER_KEYS) | values, max_size=3)


def _config(section: str, table) -> object:
    text = tomli_w.dumps({"tool": {"harness": {section: table}}})
    return parse_config(text, None)


def _parsed(section: str, table, *parsers) -> None:
    try:
        config = _config(section, table)
        for parse in parsers:
            parse(config)
    except HarnessError as error:
        assert f"tool.harness.{section}" in str(error) or "pyproject.toml" in str(error), str(error)


@FUZZ
@given(table=gate_sections)
def test_gate_section(table):
    _parsed("gate", table, parse_gate_config)


@FUZZ
@given(table=robustness_sections)
def test_robustness_section(table):
    _parsed("robustness", table, tolerances_of, settings_of)


@FUZZ
@given(table=scoring_sections)
def test_scoring_section(table):
    _parsed("scoring", table, ScoringOptions.from_config)


@FUZZ
@given(tables=adapter_tables, name=st.sampled_from(["rules", "command", "llm", "predictions", "spacy", "variant"]))
def test_adapter_sections(tmp_path_factory, monkeypatch, tables, name):
    # a "path" or "gold" setting is read relative to here: an empty folder
    monkeypatch.chdir(tmp_path_factory.mktemp("empty"))
    try:
        config = _config("adapters", tables)
        adapter = get_adapter(name, config)
    except HarnessError as error:
        assert str(error)
        return
    assert adapter.name == name and len(adapter.fingerprint) == 64
