"""A default `harness run` never drops an adapter silently: configuration mistakes are exit 2, all listed at once."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from harness.cli import cli

from .builders import simple_document, write_gold

TEXT = "Acme Corp hired Jane Doe in Berlin.\n"


def _run(project, tables: str, *args: str):
    write_gold(project / "gold", [simple_document("doc-1", TEXT, {"Acme Corp": "ORG"})])
    with (project / "pyproject.toml").open("a") as handle:
        handle.write(tables)
    return CliRunner().invoke(cli, ["run", *args], env={"COLUMNS": "200"})


def test_a_misspelt_adapter_setting_is_an_error_not_a_vanished_adapter(project):
    result = _run(project, "[tool.harness.adapters.rules]\nclean_boilerplat = false\n")
    assert result.exit_code == 2, result.output
    assert "clean_boilerplat" in result.output and "Did you mean 'clean_boilerplate'?" in result.output
    assert not (project / "reports").exists()  # nothing ran on a configuration it could not read


def test_a_wrong_typed_adapter_setting_is_an_error(project):
    result = _run(project, '[tool.harness.adapters.rules]\nclean_boilerplate = "no"\n')
    assert result.exit_code == 2 and "clean_boilerplate" in result.output and "true or false" in result.output


@pytest.mark.parametrize("tables, named, suggestion", [
    ('[tool.harness.paths]\nreport = "out"\n', "'report'", "Did you mean 'reports'?"),
    ('[tool.harness.adapters.mine]\nadaptor = "rules"\n', "adaptor", 'Did you mean adapter = '),
    ('[tool.harness.adapters.spacyy]\nmodel = "x"\n', "'spacyy'", "Did you mean 'spacy'?"),
    ('[tool.harness.robustness]\nexamles = 3\n', "'examles'", "Did you mean 'examples'?"),
    ('[tool.harness.scoring]\nquote_treshold = 0.4\n', "'quote_treshold'", "Did you mean 'quote_threshold'?"),
    ('[tool.harness.limits]\nmax_byte = 10\n', "'max_byte'", "Did you mean 'max_bytes'?"),
    ('[tool.harness.gate.baseline]\nrequire_significanse = true\n', "'require_significanse'",
     "Did you mean 'require_significance'?"),
    ('[tool.harness.scorng]\nseed = 1\n', "scorng", "Did you mean 'scoring'?"),
])
def test_an_unknown_key_in_any_harness_table_is_an_error_with_a_suggestion(project, tables, named, suggestion):
    result = _run(project, tables)
    assert result.exit_code == 2, result.output
    assert named in result.output and suggestion in result.output and "Traceback" not in result.output


def test_every_configuration_problem_is_listed_at_once(project):
    result = _run(project, "[tool.harness.adapters.rules]\nclean_boilerplat = false\n"
                           '[tool.harness.adapters.mine]\nadaptor = "rules"\n'
                           '[tool.harness.paths]\nreport = "out"\n'
                           '[tool.harness.gate]\n"rules.entites.f1" = 0.5\n"rules.quotes.f2" = 0.5\n')
    assert result.exit_code == 2
    assert "5 configuration problems" in result.output
    for named in ("clean_boilerplat", "adaptor", "'report'", "entites", "'f2'"):
        assert named in result.output


def test_an_unknown_harness_entry_is_listed_with_every_other_problem(project):
    # the unknown top-level entry is found while the file is read; the tables' problems still come with it
    result = _run(project, '[tool.harness]\nadaptor = "rules"\n[tool.harness.adapters.rules]\nclean_boilerplat = false\n'
                           '[tool.harness.pathz]\ngold = "gold"\n')
    assert result.exit_code == 2
    assert "3 configuration problems" in result.output
    assert "unknown key 'adaptor'" in result.output and "Did you mean 'adapters'?" in result.output
    assert "unknown section 'pathz'" in result.output and "Did you mean 'paths'?" in result.output
    assert "clean_boilerplat" in result.output


def test_a_default_run_says_which_adapters_it_leaves_out(project):
    result = _run(project, "")  # command and llm are not configured here
    assert result.exit_code == 0, result.output
    assert "not run: command (unconfigured" in result.output and "not run: llm" in result.output
