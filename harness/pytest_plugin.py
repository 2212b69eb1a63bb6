"""pytest plugin: the harness gate as part of a test session.

``pytest --harness-gate`` applies the ``[tool.harness.gate]`` checks to a
report after the tests have run, lists them in the terminal summary and
turns a failing gate into a failing session. The ``harness_report`` fixture
gives a test the report as a dict, for checks that thresholds cannot say.

This module loads in every pytest session of every project that has the
harness installed, so it imports nothing from the harness (or anything
heavy) until an option or the fixture asks for it.
"""

from __future__ import annotations

import pytest

DEFAULT_REPORT = "reports/latest/report.json"
# the gate failing makes the session fail exactly as a failing test would
GATE_FAILED = pytest.ExitCode.TESTS_FAILED
GATE_CONFIG_ERROR = pytest.ExitCode.USAGE_ERROR

_RESULT_KEY = pytest.StashKey[dict]()


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("harness", "article-harness evaluation")
    group.addoption("--harness-gate", action="store_true", default=False,
                    help="After the tests, check the harness report against [tool.harness.gate] in "
                         "pyproject.toml; a failing check fails the session.")
    group.addoption("--harness-report", metavar="PATH", default=None,
                    help=f"The report for --harness-gate and the harness_report fixture (default: {DEFAULT_REPORT}, "
                         "relative to the rootdir).")


def _report_path(config: pytest.Config):
    from pathlib import Path

    given = config.getoption("--harness-report")
    path = Path(given) if given else Path(DEFAULT_REPORT)
    return path if path.is_absolute() or given else config.rootpath / path


@pytest.fixture
def harness_report(request: pytest.FixtureRequest) -> dict:
    """The harness report (``report.json``) as a dict, checked against its schema."""
    from harness.errors import HarnessError
    from harness.report import load_report

    path = _report_path(request.config)
    if not path.exists():
        pytest.fail(f"harness_report: no report at {path}. Run `harness run` first, "
                    "or point --harness-report at one.", pytrace=False)
    try:
        return load_report(path)
    except HarnessError as exc:
        pytest.fail(f"harness_report: {exc}", pytrace=False)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    config = session.config
    if not config.getoption("--harness-gate") or hasattr(config, "workerinput"):
        return
    from harness.config import find_pyproject, load_config
    from harness.errors import HarnessError
    from harness.gate import run_gate
    from harness.report import load_report

    outcome: dict = {"lines": [], "passed": False}
    config.stash[_RESULT_KEY] = outcome
    path = _report_path(config)
    try:
        if not path.exists():
            raise HarnessError(f"{path}: no report to gate. Run `harness run` before pytest --harness-gate.")
        settings = load_config(find_pyproject(config.rootpath))
        report = load_report(path)
        result = run_gate(settings, report, path)
    except HarnessError as exc:
        outcome["lines"] = [f"ERROR {exc}"]
        session.exitstatus = GATE_CONFIG_ERROR if getattr(exc, "exit_code", 1) == 2 else GATE_FAILED
        return
    for check in result.checks:
        actual = "none" if check.actual is None else f"{check.actual:.4f}"
        note = f" ({check.detail})" if check.detail else ""
        outcome["lines"].append(f"{'PASS' if check.passed else 'FAIL'} {check.name}: required {check.required}, "
                                f"actual {actual}{note}")
    if not result.checks:
        outcome["lines"].append("no checks configured under [tool.harness.gate]")
    outcome["passed"] = result.passed
    if not result.passed and session.exitstatus == pytest.ExitCode.OK:
        session.exitstatus = GATE_FAILED


def pytest_terminal_summary(terminalreporter, exitstatus: int, config: pytest.Config) -> None:
    outcome = config.stash.get(_RESULT_KEY, None)
    if outcome is None:
        return
    terminalreporter.section("harness gate")
    for line in outcome["lines"]:
        terminalreporter.write_line(line, red=not line.startswith("PASS") and not line.startswith("no checks"),
                                    green=line.startswith("PASS"))
    terminalreporter.write_line("harness gate passed" if outcome["passed"] else "harness gate FAILED",
                                bold=True, green=outcome["passed"], red=not outcome["passed"])
