import json
import subprocess
import sys

HEAVY = ["datasets", "sklearn", "spacy", "httpx", "numpy", "jsonschema", "pyarrow", "hypothesis"]


def test_help_imports_nothing_heavy():
    code = (
        "import sys, json\n"
        "from harness.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        f"print(json.dumps([m for m in {HEAVY!r} if m in sys.modules]))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(proc.stdout.strip().splitlines()[-1]) == []


def test_importing_the_package_imports_nothing_heavy():
    code = f"import sys, json, harness; print(json.dumps([m for m in {HEAVY!r} if m in sys.modules]))"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(proc.stdout) == []


def test_console_script_prints_help():
    proc = subprocess.run(["harness", "--help"], capture_output=True, text=True)
    assert proc.returncode == 0
    assert "validate" in proc.stdout and "run" in proc.stdout


def test_every_public_name_resolves():
    import harness

    missing = [name for name in harness.__all__ if getattr(harness, name, None) is None]
    assert missing == []
    assert set(harness.__all__) <= set(dir(harness))


def test_a_misspelt_command_names_the_closest_and_exits_two():
    from click.testing import CliRunner

    from harness.cli import cli

    result = CliRunner().invoke(cli, ["rnu"])
    assert result.exit_code == 2
    assert "no such command 'rnu'. Did you mean 'run'?" in result.output


def test_an_unknown_command_far_from_any_gets_no_guess():
    from click.testing import CliRunner

    from harness.cli import cli

    result = CliRunner().invoke(cli, ["zzzzzz"])
    assert result.exit_code == 2
    assert "no such command 'zzzzzz'." in result.output and "Did you mean" not in result.output


def test_ctrl_c_during_a_run_is_interrupted_with_exit_130_not_a_failed_check(tmp_path):
    import os
    import signal
    import time

    from hardening.builders import simple_document, write_gold

    write_gold(tmp_path / "gold", [simple_document("slow", "Jane Doe visited Berlin.\n")])
    program = [sys.executable, "-c", "import pathlib, time; pathlib.Path('started').touch(); time.sleep(60)"]
    (tmp_path / "pyproject.toml").write_text(
        '[tool.harness.adapters.slow]\nadapter = "command"\n'
        f'argv = {json.dumps(program)}\ntimeout = 120\ncategories = ["entities"]\n')
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    process = subprocess.Popen([sys.executable, "-m", "harness", "run", "--adapters", "slow", "--no-cache"],
                               cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        deadline = time.monotonic() + 60
        while not (tmp_path / "started").exists() and time.monotonic() < deadline and process.poll() is None:
            time.sleep(0.05)
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 130, err  # 1 would read as "a check failed" in the exit-code table
    assert "Interrupted." in err and "Aborted!" not in err
