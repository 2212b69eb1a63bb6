"""Robustness runs: tolerance settings, ΔF1 and breaking, fixtures saved and replayed."""

import json

import pytest

from harness.config import parse_config
from harness.errors import ConfigError, InputError
from harness.noise import Block, Insertion, InsertionPoint, Noise, clean_article
from harness.robustness import (
    ArticleScore,
    ArticleScorer,
    CategoryPoint,
    RobustnessSettings,
    Tolerances,
    VariantResult,
    compare,
    load_fixture,
    replay,
    run_document,
    save_fixture,
    settings_of,
)


def config(text):
    return parse_config(text, None)


def test_tolerance_lookup_order():
    cfg = config("""
[tool.harness.robustness.tolerance]
default = 0.05
quotes = 0.07
rules = { entities = 0.1 }
spacy = 0.2
""")
    tolerances = settings_of(cfg).tolerances
    assert tolerances.of("rules", "entities") == 0.1
    assert tolerances.of("rules", "quotes") == 0.07
    assert tolerances.of("rules", "figures") == 0.05
    assert tolerances.of("spacy", "quotes") == 0.2


@pytest.mark.parametrize("text, named", [
    ("[tool.harness.robustness]\nexampels = 3", "exampels"),
    ("[tool.harness.robustness.tolerance]\ndefault = 2", "default = 2"),
    ("[tool.harness.robustness.tolerance]\nrules = { entites = 0.1 }", "entites"),
    ("[tool.harness.robustness]\nexamples = 0", "examples = 0"),
    ("[tool.harness.robustness]\nformat_noise = 'yes'", "format_noise"),
])
def test_bad_settings_are_config_errors_naming_the_value(text, named):
    with pytest.raises(ConfigError, match=named):
        settings_of(config(text))


def test_compare_marks_drops_beyond_the_tolerance():
    clean = ArticleScore({"entities": CategoryPoint(0.9), "quotes": CategoryPoint(0.5)})
    noisy = ArticleScore({"entities": CategoryPoint(0.84), "quotes": CategoryPoint(0.3)})
    delta, broken = compare(clean, noisy, "rules", Tolerances(0.05, {}, {"rules": {"entities": 0.1}}))
    assert delta == pytest.approx({"entities": -0.06, "quotes": -0.2})
    assert broken == ("quotes",)
    assert compare(clean, ArticleScore(error="boom"), "rules", Tolerances()) == ({}, ("error",))


def test_oracle_is_invariant_and_nothing_breaks(example_corpus, example_annotations, tmp_path):
    scorer = ArticleScorer("oracle", extractor=_oracle(example_corpus))
    report = run_document(scorer, example_annotations, RobustnessSettings(examples=8, seed=3), out=tmp_path)
    assert len(report.variants) == 8 and report.broken == 0 and report.errors == 0
    for row in report.categories:
        assert row.f1_clean == 1.0 and row.mean_f1_noisy == 1.0 and row.worst_delta == 0.0


def _oracle(corpus):
    from harness.adapters import get_adapter

    return get_adapter("oracle", gold=corpus)


def test_fixture_round_trip_rebuilds_the_variant_exactly(example_corpus, example_annotations, tmp_path):
    clean = clean_article(example_annotations)
    point = InsertionPoint(len(clean.document.text), "end")
    noise = Noise((Insertion(point, Block("comments", "Comments (4)")),))
    result = VariantResult(noise, ArticleScore({}), {"entities": -0.2}, ("entities",))
    path = save_fixture(tmp_path, "oracle", 0, example_annotations, result)
    fixture = load_fixture(path)
    assert fixture.noise == noise and fixture.doc_id == example_annotations.document.id
    scorer = ArticleScorer("oracle", extractor=_oracle(example_corpus))
    replayed = replay(fixture, example_corpus, scorer, Tolerances())
    assert replayed.variant.document.text.endswith("\n\nComments (4)")
    assert replayed.result.broken == ()  # the oracle passes where the saved adapter broke


def test_a_fixture_for_changed_gold_is_refused(example_corpus, example_annotations, tmp_path):
    result = VariantResult(Noise(), ArticleScore({}), {}, ("error",))
    path = save_fixture(tmp_path, "oracle", 0, example_annotations, result)
    raw = json.loads(path.read_text())
    raw["gold_sha256"] = "0" * 64
    path.write_text(json.dumps(raw))
    scorer = ArticleScorer("oracle", extractor=_oracle(example_corpus))
    with pytest.raises(InputError, match="gold_sha256"):
        replay(load_fixture(path), example_corpus, scorer, Tolerances())


def test_not_a_fixture_is_an_input_error(tmp_path):
    path = tmp_path / "x.json"
    path.write_text('{"format": "something-else"}')
    with pytest.raises(InputError, match="not a robustness fixture"):
        load_fixture(path)


def test_an_article_is_scored_without_the_intervals_a_robustness_run_never_shows(example_corpus, example_annotations,
                                                                                 monkeypatch):
    import harness.scoring.statistics as statistics
    from harness.adapters import get_adapter, run_extractor
    from harness.model import Corpus
    from harness.scoring import evaluate

    scorer = ArticleScorer("rules", extractor=get_adapter("rules"))
    predictions = run_extractor(scorer.extractor, example_annotations.document).predictions
    expected = evaluate(Corpus((example_annotations,)), {example_annotations.doc_id: predictions}).categories

    def no_interval(*args, **kwargs):
        raise AssertionError("a robustness score computed a bootstrap interval")

    monkeypatch.setattr(statistics, "bootstrap_ci", no_interval)
    points = scorer(example_annotations).categories
    assert set(points) == set(expected)
    for category, point in points.items():
        assert point.f1 == pytest.approx(expected[category].f1)
        assert point.in_boilerplate == expected[category].leakage.in_boilerplate
