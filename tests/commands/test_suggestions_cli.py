"""A misspelt name anywhere on the command line gets the closest valid one, through the one helper."""

import pytest
from click.testing import CliRunner

from harness.cli import cli


@pytest.mark.parametrize("arguments", [
    ["extract", "--adapter", "spacyy", "a.txt"],
    ["run", "--adapters", "rules,spacyy"],
    ["compare", "rules", "spacyy"],
])
def test_a_misspelt_adapter_names_the_closest(tmp_path, monkeypatch, example_gold_dir, arguments):
    import shutil

    shutil.copytree(example_gold_dir, tmp_path / "gold")
    (tmp_path / "a.txt").write_text("Police said 12 people were arrested.\n")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, arguments)
    assert result.exit_code == 2
    assert "unknown adapter 'spacyy'. Did you mean 'spacy'?" in result.output
    assert "Traceback" not in result.output


def test_a_misspelt_command_in_a_real_process_exits_two():
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, "-m", "harness", "valdate"], capture_output=True, text=True)
    assert proc.returncode == 2 and "Did you mean 'validate'?" in proc.stderr
