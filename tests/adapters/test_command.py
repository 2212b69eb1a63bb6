"""The command adapter running real programs: a Python script and a shell script."""

import stat
import sys
import textwrap

import pytest

from harness.adapters import get_adapter, run_extractor
from harness.errors import ConfigError
from harness.model import Document

DOC = Document("court-1", "Judge Ann Lee sentenced the man to 5 years.")


def script(tmp_path, body: str, name: str = "extractor.py") -> str:
    path = tmp_path / name
    path.write_text(textwrap.dedent(body))
    return str(path)


def command(argv, **settings):
    return get_adapter("command", overrides={"argv": argv, "timeout": 10, **settings})


def test_a_python_program_reads_the_document_and_writes_predictions(tmp_path):
    program = script(tmp_path, """
        import json, sys
        document = json.load(sys.stdin)
        start = document["text"].index("Ann Lee")
        print(json.dumps({"entities": [{"text": "Ann Lee", "type": "PERSON", "start": start, "end": start + 7}]}))
    """)
    outcome = run_extractor(command([sys.executable, program]), DOC)
    assert outcome.error is None
    assert outcome.predictions.doc_id == "court-1"
    assert outcome.predictions.entities[0].start == DOC.text.index("Ann Lee")


def test_a_shell_script_works_too(tmp_path):
    path = tmp_path / "extract.sh"
    path.write_text('#!/bin/sh\ncat > /dev/null\necho \'{"figures": [{"text": "5 years", "value": 5}]}\'\n')
    path.chmod(path.stat().st_mode | stat.S_IEXEC)
    outcome = run_extractor(command([str(path)]), DOC)
    assert outcome.error is None
    assert outcome.predictions.figures[0].value == 5


def test_non_zero_exit_is_an_error_with_the_stderr_tail(tmp_path):
    program = script(tmp_path, """
        import sys
        sys.stderr.write("loading model...\\n" * 500 + "ValueError: no weights found\\n")
        sys.exit(3)
    """)
    outcome = run_extractor(command([sys.executable, program]), DOC)
    assert outcome.error["kind"] == "exit-status"
    assert "status 3" in outcome.error["message"]
    assert outcome.error["stderr_tail"].rstrip().endswith("ValueError: no weights found")
    assert len(outcome.error["stderr_tail"]) <= 2000


def test_timeout_kills_the_program_and_its_children(tmp_path):
    program = script(tmp_path, """
        import subprocess, sys, time
        subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
        sys.stderr.write("thinking\\n"); sys.stderr.flush()
        time.sleep(60)
    """)
    outcome = run_extractor(command([sys.executable, program], timeout=0.5), DOC)
    assert outcome.error["kind"] == "timeout"
    assert "thinking" in outcome.error["stderr_tail"]
    assert outcome.seconds < 10


def test_invalid_json_is_an_error_with_the_raw_output(tmp_path):
    program = script(tmp_path, 'print("{\\"entities\\": [")')
    outcome = run_extractor(command([sys.executable, program]), DOC)
    assert outcome.error["kind"] == "invalid-json"
    assert outcome.error["raw"].startswith('{"entities": [')


def test_output_flood_is_stopped_at_max_output_bytes(tmp_path):
    program = script(tmp_path, """
        import sys
        while True:
            sys.stdout.write("x" * 65536)
    """)
    outcome = run_extractor(command([sys.executable, program], max_output_bytes=100_000), DOC)
    assert outcome.error["kind"] == "output-too-large"
    assert "100,000" in outcome.error["message"]


def test_invalid_utf8_is_an_error_naming_the_offset(tmp_path):
    program = script(tmp_path, """
        import sys
        sys.stdout.buffer.write(b'{"entities": [{"text": "caf\\xe9", "type": "ORG"}]}')
    """)
    outcome = run_extractor(command([sys.executable, program]), DOC)
    assert outcome.error["kind"] == "invalid-utf8"
    offset = b'{"entities": [{"text": "caf\xe9'.index(b"\xe9")
    assert f"offset {offset} " in outcome.error["message"]


def test_a_missing_program_is_a_config_error_up_front():
    with pytest.raises(ConfigError, match="extractor-program"):
        command(["/nonexistent/extractor-program"])


def test_a_program_gone_after_setup_is_an_error_not_a_crash(tmp_path):
    path = tmp_path / "extract.sh"
    path.write_text("#!/bin/sh\necho '{}'\n")
    path.chmod(path.stat().st_mode | stat.S_IEXEC)
    extractor = command([str(path)])
    path.unlink()
    outcome = run_extractor(extractor, DOC)
    assert outcome.error["kind"] == "start-failed"


def test_env_settings_reach_the_program(tmp_path):
    program = script(tmp_path, """
        import json, os, sys
        sys.stdin.read()
        print(json.dumps({"entities": [{"text": os.environ["ENTITY_TYPE"], "type": "ORG"}]}))
    """)
    outcome = run_extractor(command([sys.executable, program], env={"ENTITY_TYPE": "Acme"}), DOC)
    assert outcome.predictions.entities[0].text == "Acme"


def test_editing_the_script_changes_the_fingerprint(tmp_path):
    program = script(tmp_path, "print('{}')")
    before = command([sys.executable, program]).fingerprint
    script(tmp_path, "print('{ }')")
    assert command([sys.executable, program]).fingerprint != before


@pytest.mark.parametrize("argv", [[], "python x.py", [1, 2]])
def test_argv_must_be_a_list_of_strings(argv):
    with pytest.raises(ConfigError):
        get_adapter("command", overrides={"argv": argv})


@pytest.mark.parametrize("categories", [[1, "bogus"], [], ["entities", "sentiment"]])
def test_categories_must_be_known_names(categories):
    from harness.errors import ConfigError

    with pytest.raises(ConfigError, match="categories"):
        get_adapter("command", overrides={"argv": ["true"], "categories": categories})
