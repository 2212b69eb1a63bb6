"""Boilerplate lines and HTML to text."""

from harness.clean import boilerplate_lines, html_to_text

PAGE = """Storm closes schools across the region
Heavy rain closed 40 schools on Friday, officials said.
Related articles
Flood warnings issued for three rivers
Residents told to prepare for evacuation…
Comments (12)
Write the first comment for this!
To suggest a correction, write to us here
Sign up for our newsletter today
The weather service expects the rain to ease on Sunday.
"""


def labels(text):
    return [(text[b.start:b.end], b.label) for b in boilerplate_lines(text)]


def test_widgets_promos_and_notices_are_found_and_the_article_is_not():
    found = dict(labels(PAGE))
    assert found["Comments (12)"] == "comments"
    assert found["Write the first comment for this!"] == "comments"
    assert found["To suggest a correction, write to us here"] == "correction-notice"
    assert found["Related articles"] == "link-list"
    assert found["Flood warnings issued for three rivers"] == "related-article"
    assert found["Residents told to prepare for evacuation…"] == "related-article"
    assert found["Sign up for our newsletter today"] == "promo"
    assert "Heavy rain closed 40 schools on Friday, officials said." not in found
    assert "The weather service expects the rain to ease on Sunday." not in found
    assert "Storm closes schools across the region" not in found


def test_a_repeated_headline_like_line_is_a_promo_title():
    text = "Markets rally as inflation cools\nStocks rose on Tuesday.\nMarkets rally as inflation cools\n"
    assert [label for _, label in labels(text)] == ["related-article", "related-article"]


def test_html_fallback_keeps_paragraphs_and_drops_scripts_and_navigation():
    html = ("<html><head><title>T</title><script>var x = 1;</script></head><body><nav>Home | World</nav>"
            "<article><h1>Storm closes schools</h1><p>Heavy rain closed <b>40</b> schools.</p>"
            "<p>Officials said more rain is due.</p></article><footer>© News Ltd</footer></body></html>")
    text = html_to_text(html, use_trafilatura=False)
    assert text == "Storm closes schools\n\nHeavy rain closed 40 schools.\n\nOfficials said more rain is due.\n"


def test_html_to_text_always_returns_text_for_a_page():
    html = "<html><body><p>" + "Officials said the bridge reopened on Monday after repairs. " * 5 + "</p></body></html>"
    assert "bridge reopened" in html_to_text(html)
