"""Entry-point plugins: discovered lazily, run like built-ins, and never crash the others."""

import warnings

import pytest

from harness.adapters import AdapterPluginWarning, PluginBroken, available_adapters, get_adapter, run_extractor
from harness.model import Document


@pytest.mark.filterwarnings("ignore::harness.adapters.AdapterPluginWarning")
def test_an_installed_plugin_is_listed_and_runs(plugin_path):
    infos = {i.name: i for i in available_adapters()}
    assert infos["capitals"].status == "ready" and infos["capitals"].source == "plugin"
    assert infos["capitals"].categories == ("entities",)
    outcome = run_extractor(get_adapter("capitals"), Document("d1", "We flew to Oslo and then to Bergen."))
    assert outcome.error is None
    assert [e.text for e in outcome.predictions.entities] == ["Oslo", "Bergen"]


def test_a_plugin_failing_at_import_is_a_warning_and_broken(plugin_path):
    with pytest.warns(AdapterPluginWarning, match=r"'broken'.*ModuleNotFoundError"):
        infos = {i.name: i for i in available_adapters()}
    assert infos["broken"].status == "broken"
    assert "harness_dependency_that_is_not_installed" in infos["broken"].detail
    assert infos["rules"].status == "ready" and infos["capitals"].status == "ready"


def test_asking_for_a_broken_plugin_raises_plugin_broken(plugin_path):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with pytest.raises(PluginBroken, match="broken"):
            get_adapter("broken")


def test_a_plugin_raising_at_extract_is_an_error_outcome(plugin_path):
    outcome = run_extractor(get_adapter("crashy"), Document("d1", "This will crash."))
    assert outcome.error["kind"] == "exception"
    assert outcome.error["exception"] == "RuntimeError" and "fell over" in outcome.error["message"]


def test_a_configured_variant_of_a_plugin_has_its_own_name(plugin_path):
    from harness.config import parse_config

    cfg = parse_config('[tool.harness.adapters.caps2]\nadapter = "capitals"\n', None)
    assert get_adapter("caps2", cfg).name == "caps2"


def test_without_the_plugin_on_the_path_it_is_unknown():
    from harness.errors import UsageError

    with pytest.raises(UsageError):
        get_adapter("capitals")


def test_harness_adapters_shows_a_broken_plugin_without_failing(plugin_path, tmp_path, monkeypatch):
    from click.testing import CliRunner

    from harness.cli import cli

    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["adapters"])
    assert result.exit_code == 0
    assert "broken" in result.output and "harness_dependency_that_is_not_installed" in result.output
