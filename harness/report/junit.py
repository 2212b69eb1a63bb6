"""``junit.xml``: one test case per gate check, and one per adapter for run errors.

CI systems read JUnit XML to show which check failed; the gate's checks
become test cases so a failing threshold looks like a failing test.
"""

from __future__ import annotations

import re
from typing import Any, Mapping

# characters XML 1.0 cannot carry at all, even escaped; an adapter's error message may hold them
_NOT_XML = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", str(text))


def render_junit(report: Mapping[str, Any], gate: Any = None, *, config_error: str | None = None) -> str:
    """JUnit XML for a report and a ``harness.gate.GateResult`` (or the gate's config error)."""
    import xml.etree.ElementTree as ET

    root = ET.Element("testsuites", name="harness")

    suite = ET.SubElement(root, "testsuite", name="harness.gate")
    checks = tuple(gate.checks) if gate is not None else ()
    failures = errors = 0
    for check in checks:
        case = ET.SubElement(suite, "testcase", classname="harness.gate", name=_clean(check.name))
        actual = "none" if check.actual is None else f"{check.actual:.4f}"
        if not check.passed:
            failures += 1
            failure = ET.SubElement(case, "failure", message=_clean(f"required {check.required}, actual {actual}"))
            failure.text = _clean(check.detail) or f"{check.name}: required {check.required}, actual {actual}"
        else:
            ET.SubElement(case, "system-out").text = f"required {check.required}, actual {actual}"
    if config_error is not None:
        errors += 1
        case = ET.SubElement(suite, "testcase", classname="harness.gate", name="configuration")
        ET.SubElement(case, "error", message="invalid [tool.harness.gate]").text = _clean(config_error)
    suite.set("tests", str(len(checks) + (1 if config_error is not None else 0)))
    suite.set("failures", str(failures))
    suite.set("errors", str(errors))

    run_suite = ET.SubElement(root, "testsuite", name="harness.run")
    run_failures = 0
    adapters = report.get("adapters", {})
    for name, entry in adapters.items():
        case = ET.SubElement(run_suite, "testcase", classname="harness.run", name=_clean(name),
                             time=f"{entry['timings']['extraction_seconds']:.3f}")
        if entry["errors"]:
            run_failures += 1
            lines = [f"{e.get('doc_id') or '(adapter)'}: [{e['stage']}/{e['kind']}] {e['message']}" for e in entry["errors"]]
            failure = ET.SubElement(case, "failure", message=f"{len(entry['errors'])} error(s)")
            failure.text = _clean("\n".join(lines))
    run_suite.set("tests", str(len(adapters)))
    run_suite.set("failures", str(run_failures))
    run_suite.set("errors", "0")

    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
