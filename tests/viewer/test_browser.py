"""The viewer's pages in a real headless chromium driven by selenium: load, filter, click, diff, j/k, escaping.

Skipped when selenium, chromium or chromedriver is missing. With
``HARNESS_SCREENSHOT_DIR`` set, the documents page is saved there as
``viewer.png`` (the screenshot in docs/).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections import Counter
from pathlib import Path

import pytest


from .conftest import HOSTILE, HOSTILE_TEXT, NEW, OLD

CHROMIUM = next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)), None)
DRIVER = shutil.which("chromedriver")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1400,900")

try:
    import selenium  # noqa: F401
except ImportError:
    selenium = None

pytestmark = [
    pytest.mark.skipif(selenium is None, reason="selenium is not installed (pip install -e '.[dev]')"),
    pytest.mark.skipif(CHROMIUM is None, reason="no chromium, chromium-browser or google-chrome on PATH"),
    pytest.mark.skipif(DRIVER is None, reason="no chromedriver on PATH (Debian: apt-get install chromium-driver)"),
]


@pytest.fixture(scope="module")
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="harness-view-profile-")
    options = webdriver.ChromeOptions()
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    options.binary_location = CHROMIUM
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    driver.set_page_load_timeout(60)
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


def wait_for(browser, css: str, count: int = 1, timeout: float = 60):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(browser, timeout).until(lambda d: len(d.find_elements(By.CSS_SELECTOR, css)) >= count)
    return browser.find_elements(By.CSS_SELECTOR, css)


def open_page(browser, server, fragment: str) -> None:
    browser.get("about:blank")  # a fresh page: a hash change alone would keep the old one's state
    browser.get(f"{server.url}#/{fragment}")


def rows(browser) -> list:
    from selenium.webdriver.common.by import By

    return browser.find_elements(By.CSS_SELECTOR, "table.items tr.item")


def test_the_runs_page_lists_every_run(browser, server):
    open_page(browser, server, "runs")
    links = wait_for(browser, "table.sortable tbody tr", 3)
    assert [row.find_elements("css selector", "a")[0].text for row in links] == [NEW, OLD, "latest"]
    assert not [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]


def test_an_outcome_filter_hides_every_other_row(browser, server):
    from selenium.webdriver.support.ui import Select

    open_page(browser, server, f"documents?run={OLD}&doc=doc-1")
    wait_for(browser, "table.items tr.item", 2)
    before = Counter(row.get_attribute("data-outcome") for row in rows(browser))
    assert before["missed"] >= 2
    Select(browser.find_element("css selector", "select[name=outcome]")).select_by_value("missed")
    after = [row.get_attribute("data-outcome") for row in rows(browser)]
    assert after == ["missed"] * before["missed"]
    assert "outcome=missed" in browser.current_url  # the link keeps the filter


def test_a_link_reopens_the_same_filters(browser, server):
    open_page(browser, server, f"documents?run={OLD}&doc=doc-0&outcome=wrong%20type&layers=made-up")
    wait_for(browser, "table.items tr.item", 1)
    # the one mistyped mention: its false alarm and its miss are one row, the pair
    assert [row.get_attribute("data-outcome") for row in rows(browser)] == ["wrong type"]
    assert {row.find_elements("css selector", "td")[0].text for row in rows(browser)} == {"made-up"}


def test_a_click_on_a_mark_shows_the_gold_the_prediction_and_the_note(browser, server):
    open_page(browser, server, f"documents?run={OLD}&doc=doc-0&layers=made-up&category=entities")
    marks = wait_for(browser, "mark.o-type")
    marks[0].click()
    panel = wait_for(browser, ".details .card")[0]
    text = panel.text
    assert "wrong type" in text and "gold" in text and "prediction" in text
    note = panel.find_element("css selector", ".d-note").text
    assert note.startswith("wrong type: predicted")


def test_two_runs_are_diffed_from_the_runs_page(browser, server):
    open_page(browser, server, "runs")
    boxes = wait_for(browser, "input.pick", 3)
    boxes[1].click()
    boxes[0].click()
    browser.find_element("css selector", "button.diff").click()
    wait_for(browser, "section.adapter-diff")
    heading = browser.find_element("css selector", "main h2").text
    assert heading == f"Diff: {NEW} − {OLD}"
    assert "entities" in browser.find_element("css selector", "section.adapter-diff table").text
    assert browser.find_elements("css selector", "ul.changed li")


def test_the_diff_lists_items_that_moved_between_errors_with_both_outcomes(browser, project, tmp_path):
    from harness.gold import load_gold
    from harness.viewer import ViewerApi, start_in_thread

    from .conftest import write_run
    from .test_api import Moved

    corpus = load_gold(project / "gold")
    write_run(corpus, project / "gold", tmp_path / "reports" / "runs" / OLD, {})
    write_run(corpus, project / "gold", tmp_path / "reports" / "runs" / NEW, {}, Moved)
    moved_server, thread = start_in_thread(ViewerApi((), tmp_path / "reports"))
    try:
        open_page(browser, moved_server, f"diff?a={OLD}&b={NEW}")
        items = [li.text for li in wait_for(browser, "ul.moved li")]
    finally:
        moved_server.shutdown()
        moved_server.server_close()
        thread.join(5)
    assert any(f"wrong type in {OLD} → wrong span in {NEW}" in text for text in items)
    assert any(f"wrong speaker in {OLD} → hit in {NEW}" in text for text in items)
    assert "moved" in browser.find_element("css selector", "section.adapter-diff table").text


def test_a_wrong_speaker_has_its_own_filter_value_and_colour(browser, server):
    from selenium.webdriver.support.ui import Select

    open_page(browser, server, f"documents?run={OLD}&doc=doc-1&layers=made-up")
    wait_for(browser, "table.items tr.item", 2)
    Select(browser.find_element("css selector", "select[name=outcome]")).select_by_value("wrong speaker")
    assert [row.get_attribute("data-outcome") for row in rows(browser)] == ["wrong speaker"]
    wait_for(browser, "mark.o-speaker")[0].click()
    assert "gold speaker" in browser.find_element("css selector", ".details .card").text


def test_j_and_k_move_between_errors(browser, server):
    from selenium.webdriver.common.action_chains import ActionChains

    open_page(browser, server, f"documents?run={OLD}&doc=doc-1&layers=made-up")
    wait_for(browser, "table.items tr.item", 2)
    errors = [row.get_attribute("data-id") for row in rows(browser) if row.get_attribute("data-outcome") != "hit"]
    assert len(errors) >= 2

    def current() -> list[str]:
        return [row.get_attribute("data-id") for row in browser.find_elements("css selector", "tr.item.current")]

    ActionChains(browser).send_keys("j").perform()
    assert current() == [errors[0]]
    ActionChains(browser).send_keys("j").perform()
    assert current() == [errors[1]]
    ActionChains(browser).send_keys("k").perform()
    assert current() == [errors[0]]
    assert browser.find_elements("css selector", "mark.current")  # the mark is picked with its row


def test_j_past_the_last_error_opens_the_next_document_with_errors(browser, server):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.support.ui import WebDriverWait

    open_page(browser, server, f"documents?run={NEW}&doc=doc-2&layers=made-up")
    wait_for(browser, "table.items tr.item", 2)
    errors = sum(1 for row in rows(browser) if row.get_attribute("data-outcome") != "hit")
    for _ in range(errors + 1):
        ActionChains(browser).send_keys("j").perform()
    WebDriverWait(browser, 30).until(lambda d: "doc=hostile" in d.current_url)
    assert "layers=made-up" in browser.current_url  # the filters go along


def test_hostile_text_is_shown_as_text_and_never_runs(browser, server):
    open_page(browser, server, f"documents?run={NEW}&doc=hostile")
    article = wait_for(browser, ".article")[0]
    assert browser.title == "harness view"
    assert HOSTILE in browser.find_element("css selector", ".docview h2").text
    assert article.text.replace("\n", "") == HOSTILE_TEXT.replace("\n", "")
    assert not browser.find_elements("css selector", "main img") and not browser.find_elements("css selector", "main script")


def test_the_robustness_page_marks_the_noise_and_gives_the_replay_command(browser, server):
    open_page(browser, server, f"robustness?run={NEW}")
    wait_for(browser, ".minimal mark.hl")
    assert browser.find_element("css selector", "pre.replay").text.startswith("harness robustness --adapter made-up")


def test_report_html_filters_picks_and_steps_without_a_server(browser, project):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.support.ui import Select

    page = project / "reports" / "runs" / OLD / "report.html"
    browser.get("about:blank")
    browser.get(page.as_uri() + "#layers=made-up")
    wait_for(browser, "section.document", 4)
    assert browser.title == "Evaluation report"
    assert {row.find_elements("css selector", "td")[0].text for row in rows(browser)} == {"made-up"}
    Select(browser.find_element("css selector", "select[name=outcome]")).select_by_value("wrong type")
    assert {row.get_attribute("data-outcome") for row in rows(browser)} == {"wrong type"}
    assert "outcome=wrong%20type" in browser.current_url
    wait_for(browser, "mark.o-type")[0].click()
    assert "wrong type" in browser.find_element("css selector", "#details").text
    ActionChains(browser).send_keys("j").perform()
    (current,) = browser.find_elements("css selector", "tr.item.current")
    assert current.get_attribute("data-outcome") == "wrong type"
    assert not [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]  # no CSP violation
    Select(browser.find_element("css selector", "select[name=outcome]")).select_by_value("wrong speaker")
    assert {row.get_attribute("data-outcome") for row in rows(browser)} == {"wrong speaker"}
    assert browser.find_elements("css selector", "mark.o-speaker")


def test_screenshot_for_the_docs(browser, server):
    folder = os.environ.get("HARNESS_SCREENSHOT_DIR")
    if not folder:
        pytest.skip("set HARNESS_SCREENSHOT_DIR to write the screenshot of docs/viewer.md")
    browser.set_window_size(1280, 720)
    open_page(browser, server, f"documents?run={OLD}&doc=doc-0&category=entities")
    marks = wait_for(browser, "mark.o-type")
    marks[0].click()
    wait_for(browser, ".details .card")
    path = Path(folder) / "viewer.png"
    browser.save_screenshot(str(path))
    assert path.stat().st_size > 0
