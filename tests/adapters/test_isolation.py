"""One failing adapter or document never takes the rest of a run down.

Each case runs several documents through ``run_extractor`` (as ``harness
run`` does) and checks that the bad one is an error and the others are fine.
"""

import json
import sys
import warnings

from harness.adapters import available_adapters, get_adapter, run_extractor
from harness.model import Document

DOCS = [Document(f"doc-{i}", text) for i, text in enumerate((
    "Ministers met in Riga on Monday.", "This one makes it crash.", "Police said 12 people were arrested."))]


def run_all(extractor):
    return {d.id: run_extractor(extractor, d) for d in DOCS}


def test_a_broken_plugin_leaves_the_other_adapters_running(plugin_path):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        statuses = {i.name: i.status for i in available_adapters()}
    assert statuses["broken"] == "broken"
    ready = [name for name, status in statuses.items() if status == "ready" and name in ("rules", "capitals")]
    for name in ready:
        outcomes = run_all(get_adapter(name))
        assert all(o.ok for o in outcomes.values()), name


def test_a_plugin_crashing_on_one_document_spares_the_others(plugin_path):
    outcomes = run_all(get_adapter("crashy"))
    assert outcomes["doc-1"].error["kind"] == "exception"
    assert outcomes["doc-0"].ok and outcomes["doc-2"].ok


def test_a_crashing_command_costs_only_its_document(tmp_path):
    program = tmp_path / "extract.py"
    program.write_text(
        "import json, sys\n"
        "doc = json.load(sys.stdin)\n"
        "if 'crash' in doc['text']:\n"
        "    raise SystemExit('segfault-like failure')\n"
        "print(json.dumps({'entities': []}))\n")
    outcomes = run_all(get_adapter("command", overrides={"argv": [sys.executable, str(program)]}))
    assert outcomes["doc-1"].error["kind"] == "exit-status"
    assert "segfault-like failure" in outcomes["doc-1"].error["stderr_tail"]
    assert outcomes["doc-0"].ok and outcomes["doc-2"].ok


def test_a_hanging_command_costs_only_its_document(tmp_path):
    program = tmp_path / "extract.py"
    program.write_text(
        "import json, sys, time\n"
        "doc = json.load(sys.stdin)\n"
        "if 'crash' in doc['text']:\n"
        "    time.sleep(60)\n"
        "print(json.dumps({'entities': []}))\n")
    extractor = get_adapter("command", overrides={"argv": [sys.executable, str(program)], "timeout": 0.5})
    outcomes = run_all(extractor)
    assert outcomes["doc-1"].error["kind"] == "timeout"
    assert outcomes["doc-0"].ok and outcomes["doc-2"].ok


def test_an_llm_server_returning_garbage_costs_only_its_document(chat_server, tmp_path, reply):
    good = reply(json.dumps({"entities": []}))
    chat_server.script = [{"body": good}, {"body": "\x00\x01 garbage <html>", "headers": {"Content-Type": "text/plain"}},
                          {"body": good}]
    extractor = get_adapter("llm", overrides={"base_url": chat_server.base_url, "model": "m", "max_retries": 0,
                                              "cache_dir": str(tmp_path / "c")})
    outcomes = run_all(extractor)
    assert outcomes["doc-1"].error["kind"] == "invalid-response"
    assert "garbage" in outcomes["doc-1"].error["raw"]
    assert outcomes["doc-0"].ok and outcomes["doc-2"].ok
