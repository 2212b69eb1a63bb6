"""Scoring options: from dicts and [tool.harness.scoring], with clear errors."""

import pytest

from harness.config import parse_config
from harness.errors import ConfigError, UsageError
from harness.scoring import ScoringOptions


def test_defaults():
    options = ScoringOptions()
    assert (options.include_pronouns, options.quote_match, options.quote_threshold) == (False, "overlap", 0.5)
    assert (options.resamples, options.seed, options.confidence) == (1000, 0, 0.95)


def test_from_mapping_accepts_dashes():
    assert ScoringOptions.from_mapping({"include-pronouns": True}).include_pronouns is True


def test_unknown_key_is_named_with_the_known_ones():
    with pytest.raises(UsageError, match="'quote_mode'.*quote_match"):
        ScoringOptions.from_mapping({"quote_mode": "exact"})


def test_bad_value_names_value_and_fix():
    with pytest.raises(UsageError, match="'fuzzy'.*overlap, exact"):
        ScoringOptions(quote_match="fuzzy")
    with pytest.raises(UsageError, match="quote_threshold = 0"):
        ScoringOptions(quote_threshold=0)


def test_config_section_errors_are_config_errors():
    config = parse_config('[tool.harness.scoring]\nresamples = -1\n', None)
    with pytest.raises(ConfigError, match=r"\[tool.harness.scoring\].*resamples = -1"):
        ScoringOptions.from_config(config)


def test_flags_override_config():
    config = parse_config('[tool.harness.scoring]\nquote_match = "exact"\nseed = 4\n', None)
    options = ScoringOptions.from_config(config, quote_match="overlap", seed=None)
    assert (options.quote_match, options.seed) == ("overlap", 4)


def test_percent_as_fraction_is_off_by_default_and_must_be_true_or_false():
    assert ScoringOptions().percent_as_fraction is False
    assert ScoringOptions.from_mapping({"percent-as-fraction": True}).percent_as_fraction is True
    with pytest.raises(UsageError, match=r"percent_as_fraction = 'yes' must be true or false"):
        ScoringOptions(percent_as_fraction="yes")
