"""Fuzz: the [tool.harness] sections of pyproject.toml as arbitrary TOML and raw bytes."""

from __future__ import annotations

import tomli_w
from hypothesis import given, settings
from hypothesis import strategies as st

from harness.config import KNOWN_SECTIONS, limits_of, load_config
from harness.errors import ConfigError

from .strategies import mangled_bytes

FUZZ = settings(max_examples=500)
toml_scalars = (st.booleans() | st.integers(min_value=-(2**63), max_value=2**63 - 1)
                | st.floats(allow_nan=False) | st.text(max_size=20))
toml_values = st.recursive(
    toml_scalars,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(min_size=1, max_size=10), children, max_size=4),
    max_leaves=15,
)
sections = st.dictionaries(st.sampled_from(KNOWN_SECTIONS) | st.text(min_size=1, max_size=8), toml_values, max_size=4)


def _use(config):
    """Touch every section the way the harness does."""
    limits_of(config)
    for name in KNOWN_SECTIONS:
        section = config.section(name)
        if name == "adapters":
            for adapter in section:
                config.adapter_settings(adapter)


def _load(tmp_path_factory, content: bytes):
    path = tmp_path_factory.mktemp("cfg") / "pyproject.toml"
    path.write_bytes(content)
    try:
        _use(load_config(path))
    except ConfigError as error:
        assert str(path) in str(error) or "pyproject.toml" in str(error)


@FUZZ
@given(harness=sections)
def test_arbitrary_harness_sections(tmp_path_factory, harness):
    _load(tmp_path_factory, tomli_w.dumps({"tool": {"harness": harness}}).encode())


@FUZZ
@given(content=mangled_bytes(b'[tool.harness.gate]\n"rules.entities.f1" = 0.5\n[tool.harness.limits]\nmax_depth = 64\n'))
def test_raw_bytes(tmp_path_factory, content):
    _load(tmp_path_factory, content)
