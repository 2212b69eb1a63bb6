"""report.html: self-contained, every text escaped, items highlighted; checked in a real browser."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from harness.report import collect_items, render_html
from harness.report.html import ItemView, _highlight


def _page(sample_run, sample_report) -> str:
    return render_html(sample_report, sample_run.corpus, collect_items(sample_run))


def test_markup_in_predictions_and_errors_is_escaped(sample_run, sample_report):
    page = _page(sample_run, sample_report)
    assert "<script" not in page.lower()
    assert "&lt;script&gt;document.title=&#x27;pwned&#x27;&lt;/script&gt;" in page


def test_the_page_loads_nothing_from_elsewhere(sample_run, sample_report):
    page = _page(sample_run, sample_report)
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert "default-src 'none'" in page


def test_each_status_is_highlighted(sample_run, sample_report):
    page = _page(sample_run, sample_report)
    for status in ("tp", "fn", "boilerplate"):
        assert f"top-{status}" in page
    assert "region-boilerplate" in page


def test_overlapping_items_split_into_marks_coloured_by_the_strongest_status():
    items = [ItemView("tp", 0, 8, "Jane Doe", "Jane Doe", "PERSON", ""),
             ItemView("fp", 5, 15, "", "Doe visits", "PERSON", "")]
    marked = _highlight("Jane Doe visits Berlin", items, [])
    assert re.findall(r'class="([^"]+)"[^>]*>([^<]*)</mark>', marked) == [
        ("hl s-tp top-tp", "Jane "), ("hl s-tp s-fp top-fp", "Doe"), ("hl s-fp top-fp", " visits")]


def test_items_with_impossible_offsets_are_listed_but_not_marked():
    items = [ItemView("fp", 10, 99, "", "far", "X", ""), ItemView("fp", 3, 2, "", "back", "X", "")]
    assert "<mark" not in _highlight("short text", items, [])


def _browser() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


@pytest.mark.skipif(_browser() is None, reason="no chromium, chromium-browser or google-chrome on PATH")
def test_a_real_browser_shows_highlights_and_renders_script_as_text(sample_run, sample_report, script_text, tmp_path):
    page = tmp_path / "report.html"
    page.write_text(_page(sample_run, sample_report), encoding="utf-8")
    command = [_browser(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run",
               f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", page.as_uri()]
    proc = subprocess.run(command, capture_output=True, text=True, timeout=120)
    dom = proc.stdout
    assert proc.returncode == 0 and "</html>" in dom, proc.stderr[-2000:]
    assert "<title>Evaluation report</title>" in dom  # the script did not run
    assert script_text.replace("<", "&lt;").replace(">", "&gt;") in dom  # it shows as text
    assert "<script" not in dom.lower()
    assert len(re.findall(r'<mark class="hl [^"]*top-tp', dom)) >= 1
    assert len(re.findall(r'<mark class="hl [^"]*top-fn', dom)) >= 1
