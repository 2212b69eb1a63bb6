"""report.html: self-contained, every text escaped, articles embedded as data and paged; checked in a real browser."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from harness.report import collect_items, render_html
from harness.report.html import HTML_DOCUMENTS

from hardening.html_reading import embedded_documents, script_hash, scripts


def _page(sample_run, sample_report, **options) -> str:
    return render_html(sample_report, sample_run.corpus, collect_items(sample_run), **options)


def test_markup_in_predictions_and_errors_is_escaped(sample_run, sample_report, script_text):
    page = _page(sample_run, sample_report)
    assert script_text not in page
    assert page.lower().count("<script") == 1  # the page's own
    assert "&lt;script&gt;document.title=&#x27;pwned&#x27;&lt;/script&gt;" in page  # the error table
    assert "\\u003cscript\\u003edocument.title='pwned'\\u003c/script\\u003e" in page  # the article data


def test_the_page_loads_nothing_from_elsewhere(sample_run, sample_report):
    page = _page(sample_run, sample_report)
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert not re.search(r"https?://", page)
    assert "default-src 'none'" in page


def test_the_only_script_is_the_one_its_policy_allows_by_hash(sample_run, sample_report):
    page = _page(sample_run, sample_report)
    (script,) = scripts(page)
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    assert policy.endswith(f"script-src {script_hash(script)}")


def test_a_page_without_articles_allows_no_script(sample_report):
    page = render_html(sample_report)
    assert "<script" not in page and "script-src 'none'" in page


def test_each_outcome_of_the_run_is_in_the_article_data(sample_run, sample_report):
    (document,) = embedded_documents(_page(sample_run, sample_report))
    outcomes = {(item["layer"], item["outcome"]) for item in document["items"]}
    assert {("rules", "hit"), ("rules", "missed"), ("rules", "false alarm"), ("rules", "leaked from boilerplate"),
            ("gold", "gold")} <= outcomes
    assert document["layers"][0] == "gold" and "rules" in document["layers"]
    assert document["text"] == sample_run.corpus[document["doc_id"]].document.text


def test_a_large_corpus_embeds_only_the_first_documents_and_says_so(scored_run):
    from harness.report import build_report

    run = scored_run(7)
    page = render_html(build_report(run), run.corpus, collect_items(run), max_documents=3)
    assert [d["doc_id"] for d in embedded_documents(page)] == ["doc-0", "doc-1", "doc-2"]
    assert "The first 3 of 7 documents are shown here; 4 are left out" in page and "harness view" in page


def test_the_page_stops_growing_past_the_embedded_documents(scored_run):
    from harness.report import build_report

    def size(count: int) -> tuple[int, int]:
        run = scored_run(count)
        page = render_html(build_report(run), run.corpus, collect_items(run), max_documents=20)
        return len(page), len(embedded_documents(page))

    (small, shown_small), (large, shown_large) = size(40), size(400)
    assert shown_small == shown_large == 20
    # more documents add only their rows to report.json's document list, never an article: a few bytes each
    assert large - small < 60 * (400 - 40)
    assert HTML_DOCUMENTS >= 20


def _browser() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


@pytest.mark.skipif(_browser() is None, reason="no chromium, chromium-browser or google-chrome on PATH")
def test_a_real_browser_draws_the_marks_and_renders_script_as_text(sample_run, sample_report, script_text, tmp_path):
    page = tmp_path / "report.html"
    page.write_text(_page(sample_run, sample_report), encoding="utf-8")
    command = [_browser(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
               f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", page.as_uri()]
    proc = subprocess.run(command, capture_output=True, text=True, timeout=120)
    dom = proc.stdout
    assert proc.returncode == 0 and "</html>" in dom, proc.stderr[-2000:]
    assert "<title>Evaluation report</title>" in dom  # the hostile script did not run
    assert script_text.replace("<", "&lt;").replace(">", "&gt;") in dom  # it shows as text
    (script,) = scripts(dom)  # only the page's own script, the one its policy allows
    assert script_hash(script) in dom
    # the allowed script ran: it drew the article with its marks and the filter bar
    assert len(re.findall(r'<mark class="hl o-hit', dom)) >= 1
    assert len(re.findall(r'<mark class="hl o-missed', dom)) >= 1
    assert '<select class="filter" name="outcome">' in dom


def test_the_number_of_embedded_articles_is_a_setting(scored_run, tmp_path):
    from harness.config import HarnessConfig
    from harness.report import write_reports

    config = HarnessConfig(tmp_path / "pyproject.toml", {"report": {"html_documents": 2}})
    _, files = write_reports(scored_run(5), tmp_path / "out", config=config)
    page = files.html.read_text(encoding="utf-8")
    assert len(embedded_documents(page)) == 2 and "3 are left out" in page


@pytest.mark.parametrize("table, expected", [
    ({"html_documents": -1}, "html_documents = -1 must be a whole number"),
    ({"html_documents": "all"}, "html_documents = 'all' must be a whole number"),
    ({"html_document": 5}, "unknown setting 'html_document'"),
])
def test_a_bad_report_setting_is_a_configuration_error(tmp_path, table, expected):
    from harness.config import HarnessConfig, check_config
    from harness.errors import ConfigError

    with pytest.raises(ConfigError, match=re.escape(expected)):
        check_config(HarnessConfig(tmp_path / "pyproject.toml", {"report": table}))


def test_the_legend_and_the_styles_give_a_wrong_speaker_its_own_colour(sample_run, sample_report):
    page = _page(sample_run, sample_report)
    assert '<span class="tag o-speaker">wrong speaker</span>' in page and ".o-speaker{" in page


def test_items_are_collected_for_the_embedded_documents_only(scored_run):
    run = scored_run(7)
    items = collect_items(run, 3)
    assert {name: sorted(per_doc) for name, per_doc in items.items()} == {
        name: ["doc-0", "doc-1", "doc-2"] for name in collect_items(run)}


def test_the_page_is_the_same_with_the_items_of_the_embedded_documents_only(scored_run):
    from harness.report import build_report

    run = scored_run(7)
    report = build_report(run)
    assert (render_html(report, run.corpus, collect_items(run, 3), max_documents=3)
            == render_html(report, run.corpus, collect_items(run), max_documents=3))
