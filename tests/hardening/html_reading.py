"""Reading report.html back: each article's text and, per layer and category, the offsets its marks cover.

The page embeds its articles as data in its one inline script; this reads
that data the way the page's renderer does (an item is marked over
``[start, end)`` when those are offsets inside the text).
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from dataclasses import dataclass, field

_SCRIPT = re.compile(r"<script\b[^>]*>(.*?)</script>", re.S | re.I)
_DATA = re.compile(r"^var HARNESS_REPORT = (.*?);\n", re.S)


@dataclass
class ArticleView:
    """One layer and category of an article: whose it is, the text, what is marked and with which outcome."""

    doc_id: str
    adapter: str
    category: str
    text: str = ""
    marked: set[int] = field(default_factory=set)
    statuses: dict[int, str] = field(default_factory=dict)


def scripts(html: str) -> list[str]:
    """The text of every <script> element of the page."""
    return _SCRIPT.findall(html)


def script_hash(script: str) -> str:
    """The CSP source expression that allows exactly ``script``."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii") + "'"


def embedded_documents(html: str) -> list[dict]:
    """The document views the page's script carries (none when the page has no articles)."""
    for script in scripts(html):
        found = _DATA.match(script)
        if found:
            return json.loads(found.group(1))["documents"]
    return []


def read_articles(html: str) -> tuple[list[ArticleView], int]:
    """The articles of a report page, one view per layer and category, and how many <script> tags it holds."""
    articles = []
    for document in embedded_documents(html):
        text = document["text"]
        views: dict[tuple[str, str], ArticleView] = {}
        for item in document["items"]:
            key = (item["layer"], item["category"])
            view = views.setdefault(key, ArticleView(document["doc_id"], item["layer"], item["category"], text))
            start, end = item["start"], item["end"]
            if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text):
                for offset in range(start, end):
                    view.marked.add(offset)
                    view.statuses[offset] = item["outcome"]
        articles += views.values()
    return articles, len(re.findall(r"<script\b", html, re.I))
