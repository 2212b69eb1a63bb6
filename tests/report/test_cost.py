"""The usage and cost section of the reports: rows from report.json, the plot escaped."""

from __future__ import annotations

from harness.report.cost import cost_html, cost_rows, cost_svg, mean_f1


def _report(name: str = "llm", cost: float | None = 0.5) -> dict:
    return {"adapters": {name: {
        "scores": {"entities": {"f1": 0.5}, "quotes": {"f1": 1.0}},
        "documents": {"cached": 1},
        "timings": {"extraction_seconds": 2.0, "documents_per_second": 1.5},
        "usage": {"requests": 3, "input_tokens": 30, "output_tokens": 6,
                  "cost": None if cost is None else {"total": cost, "per_document": cost / 3}}}}}


def test_a_row_per_adapter_with_usage_and_its_mean_f1():
    (row,) = cost_rows(_report())
    assert (row.requests, row.cost_total, row.cached, row.mean_f1) == (3, 0.5, 1, 0.75)
    assert cost_rows({"adapters": {"rules": {"usage": None}}}) == []
    assert mean_f1({"scores": {}}) is None


def test_an_adapter_name_is_escaped_in_the_table_and_the_plot():
    html = cost_html(_report('<script>alert("x")</script>'))
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<svg" in html and "http" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")


def test_no_plot_without_prices():
    assert cost_svg(cost_rows(_report(cost=None))) == ""
