"""Format noise: each kind on a small text, and ``normalise`` undoing it."""

import pytest

from harness.noise import FORMAT_KINDS, FormatNoise, format_stage, normalise

TEXT = 'He said "yes" & it\'s done.\n\nThe extraordinary meeting\nended.'


def noisy(kinds, rate=1.0, seed=0):
    return format_stage(TEXT, FormatNoise(tuple(kinds), rate, seed)).apply(TEXT)


def test_curly_quotes_open_and_close():
    assert '\u201cyes\u201d' in noisy(["curly-quotes"])
    assert "it\u2019s" in noisy(["curly-quotes"])


def test_html_entities():
    assert noisy(["html-entities"]) == 'He said &quot;yes&quot; &amp; it&#39;s done.\n\nThe extraordinary meeting\nended.'


def test_crlf_and_blank_lines():
    assert noisy(["crlf"]) == TEXT.replace("\n", "\r\n")
    assert noisy(["blank-lines"]).count("\n") > TEXT.count("\n")


def test_nbsp_zero_width_soft_hyphen():
    assert " " not in noisy(["nbsp"])
    # before every word that starts with a letter at the text start or after a space
    assert noisy(["zero-width"]) == ('\u200bHe \u200bsaid "yes" & \u200bit\'s \u200bdone.\n\n'
                                     'The \u200bextraordinary \u200bmeeting\nended.')
    assert "extrao\u00adrdinary" in noisy(["soft-hyphens"])


def test_rate_zero_changes_nothing_but_line_ends():
    assert noisy(FORMAT_KINDS[:-2], rate=0.0) == TEXT


@pytest.mark.parametrize("kind", FORMAT_KINDS)
def test_normalise_undoes_each_kind(kind):
    assert normalise(noisy([kind])) == normalise(TEXT)


def test_unknown_kind_and_bad_rate_are_refused():
    with pytest.raises(ValueError, match="curly-quotes"):
        FormatNoise(("sparkles",))
    with pytest.raises(ValueError):
        FormatNoise(("nbsp",), rate=2.0)
