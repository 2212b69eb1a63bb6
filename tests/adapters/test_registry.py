"""The registry: names, configured variants, settings, statuses, install hints."""

import pytest

from harness.adapters import available_adapters, get_adapter
from harness.adapters.registry import BUILTINS
from harness.config import parse_config
from harness.errors import ConfigError, MissingDependency, UsageError


def config(toml: str):
    return parse_config(toml, None)


def test_all_six_builtins_are_listed_with_a_status():
    infos = {i.name: i for i in available_adapters()}
    assert set(BUILTINS) <= set(infos)
    assert set(BUILTINS) == {"oracle", "rules", "spacy", "llm", "command", "predictions"}
    assert infos["rules"].status == "ready"
    assert infos["llm"].status == "unconfigured" and "base_url" in infos["llm"].detail
    assert infos["command"].status == "unconfigured" and "argv" in infos["command"].detail
    assert infos["predictions"].status == "unconfigured" and "path" in infos["predictions"].detail


def test_unknown_name_lists_the_valid_ones():
    with pytest.raises(UsageError) as raised:
        get_adapter("rulez")
    message = str(raised.value)
    assert "'rulez'" in message and all(name in message for name in BUILTINS)


def test_a_table_with_adapter_defines_a_new_named_variant():
    cfg = config('[tool.harness.adapters.rules-raw]\nadapter = "rules"\nclean_boilerplate = false\n')
    variant = get_adapter("rules-raw", cfg)
    assert variant.name == "rules-raw"
    assert variant.settings["clean_boilerplate"] is False
    assert variant.fingerprint != get_adapter("rules", cfg).fingerprint
    info = {i.name: i for i in available_adapters(cfg)}["rules-raw"]
    assert (info.source, info.base, info.status) == ("config", "rules", "ready")


def test_builtin_settings_come_from_its_table_and_overrides_win():
    cfg = config('[tool.harness.adapters.rules]\nclean_boilerplate = false\n')
    assert get_adapter("rules", cfg).settings["clean_boilerplate"] is False
    assert get_adapter("rules", cfg, {"clean_boilerplate": True}).settings["clean_boilerplate"] is True


def test_fingerprint_is_stable_and_follows_settings():
    assert get_adapter("rules").fingerprint == get_adapter("rules").fingerprint
    assert get_adapter("rules").fingerprint != get_adapter("rules", overrides={"clean_boilerplate": False}).fingerprint
    assert len(get_adapter("rules").fingerprint) == 64


def test_unknown_setting_is_a_config_error_naming_the_known_ones():
    cfg = config('[tool.harness.adapters.rules]\nclean_boilerplat = true\n')
    with pytest.raises(ConfigError, match="clean_boilerplat.*Known settings: clean_boilerplate"):
        get_adapter("rules", cfg)


def test_wrong_type_names_value_and_expected_type():
    with pytest.raises(ConfigError, match=r"timeout = 'soon' must be an integer or a number"):
        get_adapter("command", overrides={"argv": ["python"], "timeout": "soon"})


def test_a_variant_of_an_unknown_base_is_a_config_error():
    cfg = config('[tool.harness.adapters.mine]\nadapter = "spacey"\n')
    with pytest.raises(ConfigError, match="spacey"):
        get_adapter("mine", cfg)


def test_missing_spacy_model_is_missing_dependency_with_install_command():
    cfg = config('[tool.harness.adapters.spacy-xx]\nadapter = "spacy"\nmodel = "xx_no_such_model_pkg"\n')
    info = {i.name: i for i in available_adapters(cfg)}["spacy-xx"]
    assert info.status == "missing-dependency"
    assert info.install_hint == "python -m spacy download xx_no_such_model_pkg"
    with pytest.raises(MissingDependency, match="python -m spacy download xx_no_such_model_pkg"):
        get_adapter("spacy-xx", cfg)


def test_missing_httpx_is_reported_with_its_pip_command(monkeypatch):
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "httpx" else real(name, *a))
    info = {i.name: i for i in available_adapters()}["llm"]
    assert (info.status, info.install_hint) == ("missing-dependency", "pip install 'httpx>=0.27'")


@pytest.mark.parametrize("name", ["a/b", "../x", "/abs", "x\n"])
def test_a_name_that_could_leave_its_folder_is_refused(name):
    from harness.config import HarnessConfig
    from harness.errors import UsageError

    from harness.errors import ConfigError

    with pytest.raises(UsageError, match="cannot be used"):
        get_adapter(name)
    config = HarnessConfig(None, {"adapters": {name: {"adapter": "rules"}}})
    with pytest.raises(ConfigError, match="Rename the adapter"):
        available_adapters(config)
