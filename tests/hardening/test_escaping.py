"""Reports show hostile text as text: HTML, Markdown and JUnit escape everything from articles,
gold, predictions and adapter errors (script tags, comments, quotes, pipes, backticks, newlines)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest

from harness.gold import load_gold
from harness.predictions import PredictedEntity, PredictedQuote, Predictions
from harness.report import write_reports
from harness.run import AdapterSpec, RunOptions, run_evaluation

from .builders import simple_document, write_gold
from .html_reading import read_articles, script_hash, scripts

HOSTILE = (
    "<script>alert(1)</script>",
    "<!-- comment",
    "-->",
    "</textarea>",
    '" onmouseover="x',
    "' onfocus='y",
    "a | b",
    "`rm -rf`",
    "two\nlines",
    "[link](https://evil.invalid)",
    "&lt;already escaped&gt;",
)
# the article holds every hostile string, each inside a name the gold annotates
NAMES = {f"Acme {piece} Corp": "ORG" for piece in HOSTILE if "\n" not in piece}
TEXT = "".join(f"{name} said.\r\n" for name in NAMES) + "Police said two\nlines were cut.\r\n"
ADAPTER = "hostile"


class HostileExtractor:
    """Predicts every gold name plus hostile strings that are in no text; fails on one document."""

    name, version, categories = ADAPTER, "1", ("entities", "quotes")
    fingerprint = "0" * 64

    def extract(self, document):
        if document.id == "broken":
            raise RuntimeError(" ".join(HOSTILE))
        entities = [PredictedEntity(name, "ORG") for name in NAMES]
        entities += [PredictedEntity(piece, "PERSON") for piece in HOSTILE]
        return Predictions(document.id, entities=tuple(entities),
                           quotes=(PredictedQuote(" ".join(HOSTILE), speaker=None),))


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    gold = write_gold(tmp_path_factory.mktemp("gold"), [
        simple_document("hostile", TEXT, NAMES, title=" ".join(HOSTILE)),
        simple_document("broken", "Nothing to see here.\r\n"),
    ])
    corpus = load_gold(gold)
    run = run_evaluation(corpus, [AdapterSpec(ADAPTER, HostileExtractor())], options=RunOptions((ADAPTER,), gold=str(gold)))
    report, files = write_reports(run, tmp_path_factory.mktemp("out"))
    return corpus, report, files


class _Everything(HTMLParser):
    """Every tag with its attributes, and every piece of text, as a browser would read them."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.comments: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)

    def handle_comment(self, data):
        self.comments.append(data)


def _parsed(html: str) -> _Everything:
    parser = _Everything()
    parser.feed(html)
    parser.close()
    return parser


def test_the_run_recorded_the_hostile_error(written):
    _, report, _ = written
    assert [e["doc_id"] for e in report["errors"]] == ["broken"]


def test_html_has_no_markup_from_the_inputs(written):
    html = written[2].html.read_bytes().decode("utf-8")
    page = _parsed(html)
    assert {tag for tag, _ in page.tags} <= {"html", "head", "meta", "title", "style", "body", "h1", "h2", "h3", "p",
                                              "code", "strong", "table", "tr", "th", "td", "span", "section",
                                              "details", "summary", "small", "div", "mark", "kbd", "noscript",
                                              "script"}
    assert page.comments == []
    for _, attributes in page.tags:
        assert not any(name.startswith("on") for name in attributes)
    markup = re.sub(r"<script>.*?</script>", "", html, flags=re.S)  # the script's data is JSON, read below
    for raw in ("<!--", "</textarea", '" onmouseover', "' onfocus"):
        assert raw not in markup
    assert html.lower().count("<script") == 1  # the page's own script, and nothing from the inputs


def test_html_runs_only_its_own_script_allowed_by_its_hash(written):
    html = written[2].html.read_bytes().decode("utf-8")
    (script,) = scripts(html)
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1)
    assert f"script-src {script_hash(script)}" in policy and "default-src 'none'" in policy
    assert "unsafe-inline'; img-src data:; script-src 'sha256-" in policy and "unsafe-eval" not in policy
    # the data in it cannot end the script, open a comment or hold a raw non-ASCII byte
    assert "</" not in script and "<!--" not in script and script.isascii()


def test_html_shows_every_hostile_string_as_text(written):
    page = _parsed(written[2].html.read_bytes().decode("utf-8"))
    shown = "".join(page.text)
    for piece in HOSTILE:
        assert piece in shown  # in the title, the error message, the predictions and the article


def test_html_article_text_is_the_document_text_exactly(written):
    corpus = written[0]
    articles, scripts = read_articles(written[2].html.read_bytes().decode("utf-8"))
    assert scripts == 1 and articles
    for article in articles:
        assert article.text == corpus[article.doc_id].document.text


def _cells(line: str) -> list[str]:
    # a cell ends at a pipe that is not backslash-escaped
    return re.split(r"(?<!\\)\|", line.strip())[1:-1]


def test_markdown_tables_keep_their_shape(written):
    _, report, files = written
    lines = files.markdown.read_text(encoding="utf-8").splitlines()
    error_rows = [line for line in lines if line.startswith(f"| {ADAPTER} | broken |")]
    assert len(error_rows) == len(report["errors"]) == 1
    tables, current = [], []
    for line in lines + [""]:
        if line.startswith("|"):
            current.append(line)
        elif current:
            tables.append(current)
            current = []
    assert len(tables) == 3  # scores, adapters, errors
    for table in tables:
        assert {len(_cells(row)) for row in table} == {len(_cells(table[0]))}


def test_markdown_escapes_markup_pipes_and_backticks(written):
    markdown = written[2].markdown.read_text(encoding="utf-8")
    assert "<" not in markdown and ">" not in markdown
    assert re.search(r"(?<!\\)`", markdown.split("## Errors")[1]) is None
    assert "\\| b" in markdown and "\\`rm -rf\\`" in markdown and "\\[link\\]" in markdown
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in markdown
    assert "&amp;lt;already escaped&amp;gt;" in markdown


def test_junit_is_well_formed_and_carries_the_message(written):
    root = ET.fromstring(written[2].junit.read_bytes())
    failures = [f.text for f in root.iter("failure")]
    assert any("<script>alert(1)</script>" in (text or "") for text in failures)


@pytest.fixture(scope="module")
def viewer(written):
    """``harness view`` serving the hostile run on a free 127.0.0.1 port."""
    from harness.viewer import ViewerApi, start_in_thread

    server, thread = start_in_thread(ViewerApi([str(written[2].folder)]))
    yield server
    server.shutdown()
    server.server_close()


def _get(server, path: str) -> tuple[str, bytes]:
    import urllib.request

    with urllib.request.urlopen(f"{server.url.rstrip('/')}{path}", timeout=60) as response:
        return response.headers["Content-Type"], response.read()


def test_the_viewer_api_returns_hostile_text_as_json_strings_only(written, viewer):
    import json

    corpus = written[0]
    (run,) = json.loads(_get(viewer, "/api/runs")[1])["runs"]
    content_type, body = _get(viewer, f"/api/runs/{run['id']}/documents/hostile")
    assert content_type == "application/json; charset=utf-8"  # with nosniff: never read as a page
    view = json.loads(body)
    assert view["text"] == corpus["hostile"].document.text and view["title"] == " ".join(HOSTILE)
    predicted = [item["predicted"] for item in view["items"] if item["predicted"] and item["predicted"]["start"] is not None]
    for span in predicted:  # byte for byte the text they were found at
        assert span["text"] == view["text"][span["start"]:span["end"]]
    for piece in HOSTILE:
        assert any(piece in span["text"] for span in predicted), piece
    _, errors = _get(viewer, f"/api/runs/{run['id']}")
    assert json.loads(errors)["report"]["errors"][0]["message"].endswith(" ".join(HOSTILE))


def test_the_viewer_page_holds_no_data_and_builds_text_with_textcontent_only(viewer):
    from importlib import resources

    _, page = _get(viewer, "/")
    assert b"HARNESS" not in page and page.count(b"<script") == 2  # its two files, no inline script
    for name in ("viewer.js", "article.js"):
        source = resources.files("harness.viewer").joinpath("static", name).read_text(encoding="utf-8")
        assert not re.search(r"innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function", source)
