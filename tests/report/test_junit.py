"""junit.xml: one test case per gate check, failures carrying required and actual."""

import xml.etree.ElementTree as ET

from harness.gate import Check, GateResult
from harness.report import render_junit


def _cases(xml: str, suite: str):
    root = ET.fromstring(xml)
    return root.find(f"testsuite[@name='{suite}']").findall("testcase")


def test_one_case_per_check_and_failures_marked(sample_report):
    result = GateResult((Check("rules.entities.f1", "threshold", ">= 0.5", 0.4, False),
                         Check("rules.quotes.f1", "threshold", ">= 0.1", 0.5, True)))
    cases = _cases(render_junit(sample_report, result), "harness.gate")
    assert [c.get("name") for c in cases] == ["rules.entities.f1", "rules.quotes.f1"]
    assert cases[0].find("failure").get("message") == "required >= 0.5, actual 0.4000"
    assert cases[1].find("failure") is None


def test_a_gate_config_error_is_an_error_case(sample_report):
    cases = _cases(render_junit(sample_report, None, config_error="unknown metric 'f2'"), "harness.gate")
    assert cases[0].find("error").text == "unknown metric 'f2'"


def test_run_errors_fail_the_adapter_case_and_control_characters_survive(sample_report):
    sample_report["adapters"]["spacy"]["errors"][0]["message"] = "bad \x00 byte"
    cases = _cases(render_junit(sample_report), "harness.run")
    outcome = {c.get("name"): c.find("failure") is not None for c in cases}
    assert outcome == {"rules": False, "spacy": True}
