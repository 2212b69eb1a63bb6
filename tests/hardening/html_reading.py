"""Reading report.html back: each highlighted article as plain text plus the offsets its marks cover."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass
class ArticleView:
    """One highlighted article of the page: whose it is, its text as a reader sees it, what is marked."""

    doc_id: str
    adapter: str
    category: str
    text: str = ""
    marked: set[int] = field(default_factory=set)
    statuses: dict[int, str] = field(default_factory=dict)


class _ReportReader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.articles: list[ArticleView] = []
        self.doc_id = self.adapter = self.category = ""
        self._summary: str | None = None  # which summary is being read: 'adapter' | 'category'
        self._summary_text = ""
        self._article: ArticleView | None = None
        self._depth = 0  # open tags inside the article div
        self._marks: list[str] = []  # classes of the open <mark> elements
        self.script_tags = 0

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        classes = (attributes.get("class") or "").split()
        if tag == "script":
            self.script_tags += 1
        if self._article is not None:
            self._depth += 1
            if tag == "mark":
                self._marks.append(" ".join(classes))
            return
        if tag == "section" and (attributes.get("id") or "").startswith("doc-"):
            self.doc_id = attributes["id"][4:]
        elif tag == "details" and "adapter" in classes:
            self._summary = "adapter"
        elif tag == "details" and "category" in classes:
            self._summary = "category"
        elif tag == "summary" and self._summary:
            self._summary_text = ""
        elif tag == "small" and self._summary == "category":
            self._finish_summary()
        elif tag == "div" and "article" in classes:
            self._article = ArticleView(self.doc_id, self.adapter, self.category)
            self._depth = 0

    def _finish_summary(self) -> None:
        if self._summary == "adapter":
            self.adapter = self._summary_text
        elif self._summary == "category":
            self.category = self._summary_text.strip()
        self._summary = None

    def handle_endtag(self, tag):
        if self._article is not None:
            if self._depth == 0 and tag == "div":
                self.articles.append(self._article)
                self._article = None
                return
            self._depth -= 1
            if tag == "mark" and self._marks:
                self._marks.pop()
            return
        if tag == "summary" and self._summary:
            self._finish_summary()

    def handle_data(self, data):
        if self._article is not None:
            start = len(self._article.text)
            self._article.text += data
            if self._marks:
                for offset in range(start, start + len(data)):
                    self._article.marked.add(offset)
                    self._article.statuses[offset] = self._marks[-1]
        elif self._summary:
            self._summary_text += data


def read_articles(html: str) -> tuple[list[ArticleView], int]:
    """The highlighted articles of a report page, and how many <script> tags the page holds."""
    reader = _ReportReader()
    reader.feed(html)
    reader.close()
    return reader.articles, reader.script_tags
