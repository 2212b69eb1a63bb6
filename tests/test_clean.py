"""Format normalisation, boilerplate lines and HTML to text.

The page snippets are written for these tests in the style of real news
pages; none comes from the noise generator.
"""

import pytest

from harness.clean import boilerplate_lines, html_to_text, normalise_text, reading_text

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
    return {text[b.start:b.end]: b.label for b in boilerplate_lines(text)}


def test_widgets_promos_and_notices_are_found_and_the_article_is_not():
    found = labels(PAGE)
    assert found == {
        "Related articles": "link-list",
        "Flood warnings issued for three rivers": "related-article",
        "Residents told to prepare for evacuation…": "related-article",
        "Comments (12)": "comments",
        "Write the first comment for this!": "comments",
        "To suggest a correction, write to us here": "correction-notice",
        "Sign up for our newsletter today": "newsletter",
    }


@pytest.mark.parametrize("line, label", [
    ("By Sarah Jennings | 12 March 2024", "byline"),
    ("Reporting by Tom Hale; Editing by Ruth Ames", "byline"),
    ("Updated 10:32 GMT", "timestamp"),
    ("Published: Tuesday 5 November 2024, 08:15", "timestamp"),
    ("3 min read", "timestamp"),
    ("LAGOS, June 3, 2024 (AFP)", "dateline"),
    ("Home > World > Europe", "breadcrumbs"),
    ("Home | News | Politics", "breadcrumbs"),
    ("News Sport Business Culture Travel Opinion Video Weather", "navigation"),
    ("Tags: Elections, Courts, Supreme Court", "tags"),
    ("Share this article", "share-bar"),
    ("Facebook Twitter WhatsApp Email", "share-bar"),
    ("Follow us on Instagram for the latest updates", "share-bar"),
    ("We use cookies to give you the best experience. Accept all | Manage preferences", "cookie-banner"),
    ("We and our 812 partners store and/or access information on a device.", "cookie-banner"),
    ("Advertisement", "advertisement"),
    ("Story continues below advertisement", "advertisement"),
    ("The mayor visits the flooded school on Friday. (Photo: Jon Reyes/Getty Images)", "caption"),
    ("Subscribe to continue reading", "paywall"),
    ("You have 2 free articles left this month.", "paywall"),
    ("Already a subscriber? Log in", "paywall"),
    ("Sarah Jennings is a senior reporter at the Valley Times covering education.", "author-bio"),
    ("Was this article helpful?", "feedback-notice"),
    ("Correction: An earlier version of this story misstated the date of the vote.", "correction-notice"),
    ("Read more: Council approves new bus lanes", "related-article"),
    ("Other topics of interest", "link-list"),
    ("Advertisement - Scroll to continue", "advertisement"),
    ("Listen to this article · 4 min", "timestamp"),
    ("Reuters/Jon Reyes", "caption"),
    ("AFP PHOTO / JON REYES", "caption"),
    ("Thanks for reading! Subscribe for free to receive new posts.", "newsletter"),
    ("Loading comments...", "comments"),
    ("Log in or register to post comments", "comments"),
])
def test_each_kind_of_page_furniture_is_recognised(line, label):
    text = f"Officials closed the bridge on Monday after engineers found cracks.\n\n{line}\n\nIt will reopen in May."
    assert labels(text) == {line: label}


@pytest.mark.parametrize("sentence", [
    "Sweden applied to become a member of the alliance in May, the minister said.",
    "Regulators said the company had violated its privacy policy and community guidelines.",
    "Auditors found an error in the accounts that had hidden losses for two years.",
    "Google will stop using third-party cookies to track users, the company said.",
    "By Tuesday, the ministry had sent 40 trucks of aid to the region.",
    "The ministry asked residents to share feedback on the plan before June.",
    "He urged other countries to join the discussion on climate finance.",
])
def test_article_sentences_that_hold_widget_words_are_not_furniture(sentence):
    text = f"Title of the story here\n\n{sentence}\n\nOfficials said more details would follow on Friday."
    assert labels(text) == {}


def test_a_list_header_takes_the_headlines_and_a_teaser_that_restates_its_headline():
    text = ("The council voted on Monday to close the old pier, citing safety concerns.\n\n"
            "More stories from the coast\n\n"
            "Ferry Operator Cuts Winter Sailings to the Islands\n\n"
            "The ferry operator said winter sailings to the islands would fall by half.\n\n"
            "Repairs to the sea wall are expected to take two years, the council said.")
    found = labels(text)
    assert found == {"More stories from the coast": "link-list",
                     "Ferry Operator Cuts Winter Sailings to the Islands": "related-article",
                     "The ferry operator said winter sailings to the islands would fall by half.": "related-article"}


def test_a_promo_card_and_a_long_stray_headline_between_paragraphs_are_promos():
    text = ("Council approves bus lanes\n\n"
            "The city council approved new bus lanes on Tuesday after a long debate.\n\n"
            "Bakery owner wins national award for sourdough as queues grow\n"
            "The shop on Mill Street now sells 900 loaves a day.\n\n"
            "Work on the lanes will start in April, officials said.\n\n"
            "Mayor pledges new cycle routes across the city by next summer\n\n"
            "The lanes will cost about $4 million.")
    found = labels(text)
    assert "Council approves bus lanes" not in found  # the title
    assert found["Bakery owner wins national award for sourdough as queues grow"] == "related-article"
    assert found["The shop on Mill Street now sells 900 loaves a day."] == "related-article"
    assert found["Mayor pledges new cycle routes across the city by next summer"] == "related-article"
    assert "Work on the lanes will start in April, officials said." not in found


def test_a_comment_under_the_comment_count_belongs_to_the_widget():
    text = ("Police closed the road on Sunday after a crash, officials said.\n\n"
            "Comments (2)\nJo Banks: \"Terrible news\" 3 hours ago | Reply\n\n"
            "The road reopened on Monday morning after repairs, the council said.")
    assert labels(text) == {"Comments (2)": "comments", 'Jo Banks: "Terrible news" 3 hours ago | Reply': "comments"}


def test_a_link_list_after_another_widget_gets_its_own_label():
    text = ("The council voted on Monday to close the old pier, citing safety concerns.\n\n"
            "Sign up for our newsletter. Get the top stories delivered to your inbox.\n\n"
            "Read more:\n- Ferry operator cuts winter sailings\n- Sea wall repairs begin in spring\n\n"
            "Repairs to the sea wall are expected to take two years, the council said.")
    found = labels(text)
    assert found["Read more:"] == "link-list"
    assert found["- Ferry operator cuts winter sailings"] == "related-article"
    assert found["- Sea wall repairs begin in spring"] == "related-article"


def test_a_repeated_headline_like_line_is_a_promo_title():
    text = "Markets rally as inflation cools\nStocks rose on Tuesday.\nMarkets rally as inflation cools\n"
    assert [b.label for b in boilerplate_lines(text)] == ["related-article", "related-article"]


# --- normalisation ---


def test_normalisation_undoes_typographic_quotes_odd_spaces_and_invisible_characters():
    text = "\u201cWe\u2019re\u00a0ready,\u201d said Ana\u200b Ruiz\u00ad.\r\nNext"
    normalised = normalise_text(text)
    assert normalised.text == "\"We're ready,\" said Ana Ruiz.\nNext"
    start = normalised.text.index("Ana Ruiz")
    assert normalised.to_original(start, start + len("Ana Ruiz")) == (text.index("Ana"), text.index("\u00ad"))


def test_entities_are_decoded_and_map_back_to_the_whole_entity():
    text = "Smith &amp; Sons paid &#36;5 &ndash; &foo; stays"
    normalised = normalise_text(text)
    assert normalised.text == "Smith & Sons paid $5 \u2013 &foo; stays"
    amp = normalised.text.index("&")
    assert normalised.to_original(amp, amp + 1) == (6, 11)
    assert text[slice(*normalised.to_original(0, len("Smith & Sons")))] == "Smith &amp; Sons"


def test_an_unchanged_text_maps_offsets_to_themselves():
    normalised = normalise_text("Plain text, nothing to do.")
    assert normalised.unchanged and normalised.to_original(6, 10) == (6, 10)


def test_reading_text_drops_furniture_and_collapses_blank_lines():
    text = "Bridge reopens\r\n\r\nComments (3)\r\n\r\n\r\nThe bridge reopened on Monday.\r\n\r\nShare this article\r\n"
    reading = reading_text(text)
    assert reading.text == "Bridge reopens\n\nThe bridge reopened on Monday."
    start = reading.text.index("The bridge")
    assert text[slice(*reading.to_original(start, len(reading.text)))] == "The bridge reopened on Monday."
    assert reading_text(text, clean_boilerplate=False).text.count("Comments (3)") == 1


# --- HTML ---


def test_html_fallback_keeps_paragraphs_and_drops_scripts_and_navigation():
    html = ("<html><head><title>T</title><script>var x = 1;</script></head><body><nav>Home | World</nav>"
            "<article><h1>Storm closes schools</h1><p>Heavy rain closed <b>40</b> schools.</p>"
            "<p>Officials said more rain is due.</p></article><footer>© News Ltd</footer></body></html>")
    text = html_to_text(html, use_trafilatura=False)
    assert text == "Storm closes schools\n\nHeavy rain closed 40 schools.\n\nOfficials said more rain is due.\n"


def test_html_to_text_always_returns_text_for_a_page():
    html = "<html><body><p>" + "Officials said the bridge reopened on Monday after repairs. " * 5 + "</p></body></html>"
    assert "bridge reopened" in html_to_text(html)


def test_trafilatura_keeps_the_article_and_drops_the_page_around_it():
    pytest.importorskip("trafilatura")
    paragraphs = "".join(f"<p>Paragraph {i}: the council said the bridge would reopen after repairs costing "
                         f"about $4 million, engineers told reporters on Monday.</p>" for i in range(6))
    html = ("<html><head><title>Bridge to reopen</title></head><body>"
            "<nav><a href='/'>Home</a> <a href='/world'>World</a> <a href='/sport'>Sport</a></nav>"
            f"<article><h1>Bridge to reopen</h1>{paragraphs}</article>"
            "<footer><p>Copyright 2024 Valley Times. All rights reserved.</p></footer></body></html>")
    text = html_to_text(html)
    assert "Paragraph 0: the council said" in text and "Paragraph 5:" in text
    assert "All rights reserved" not in text and "Sport" not in text


@pytest.mark.parametrize("line, label", [
    ("By Maria Olsen at Riverside Stadium", "byline"),
    ("Tom Avery | Regional News | Tuesday, 4 March 2025 – 7.15am", "byline"),
    ("Priya Nair | Chennai | Updated: 12 Mar 2024, 09:10 AM IST", "byline"),
    ("Harbour Town 2-1 Kelso Rovers", "scoreboard"),
])
def test_bylines_with_a_place_or_a_section_and_score_lines_are_furniture(line, label):
    text = f"Rovers slip to late defeat\n\n{line}\n\nHarbour Town scored twice in the last ten minutes to win, their coach said.\n"
    assert labels(text) == {line: label}


def test_a_long_standfirst_under_a_shorter_title_is_neither_promo():
    title = "Ferry crews vote to strike over summer rosters"
    standfirst = "Union says members on three island routes backed walkouts after talks with the operator broke down last week"
    text = (f"{title}\n\n{standfirst}\n\nBy Ellen Cho\n\n"
            "Ferry crews on three island routes have voted to strike, their union said on Monday.\n\n"
            "The operator said it was disappointed by the result.\n")
    found = labels(text)
    assert title not in found and standfirst not in found


def test_an_embedded_post_is_its_text_and_its_attribution():
    text = ("Shares in the ferry operator fell 4% on Monday after it cut its forecast, traders said.\n\n"
            "Ferry volumes down again. Winter will be long. #shipping\n"
            "— Ana Ruiz (@anaruiz_mkts) March 3, 2025\n\n"
            "The company said fuel costs had risen by a fifth.\n")
    assert labels(text) == {"Ferry volumes down again. Winter will be long. #shipping": "embedded-post",
                            "— Ana Ruiz (@anaruiz_mkts) March 3, 2025": "embedded-post"}
