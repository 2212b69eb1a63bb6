"""The docs are tested mechanically: every command has help and a README mention."""

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from harness.cli import COMMANDS, cli

README = (Path(__file__).parent.parent / "README.md").read_text()


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_has_help(name):
    result = CliRunner().invoke(cli, [name, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.output
    command = cli.get_command(None, name)
    assert command.help and len(command.help.strip()) > 20


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_command_is_in_the_readme(name):
    assert re.search(rf"`harness {name}\b", README), f"README does not mention `harness {name}`"


def test_readme_test_command_is_what_ci_runs():
    ci = (Path(__file__).parent.parent / ".ci" / "run").read_text()
    assert 'python -m pip install -e ".[dev]"' in README and 'python -m pip install -e ".[dev]"' in ci
    assert "python -m pytest" in README and "python -m pytest" in ci
