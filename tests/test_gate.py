"""The gate: thresholds and baseline drops applied to a report, and every config mistake named."""

from __future__ import annotations

import pytest

from harness.config import parse_config
from harness.errors import ConfigError
from harness.gate import check_names, evaluate_gate, parse_gate_config, write_step_summary


def _score(f1: float, precision: float | None = None, recall: float | None = None) -> dict:
    return {"precision": f1 if precision is None else precision, "recall": f1 if recall is None else recall,
            "f1": f1, "tp": 1, "fp": 1, "fn": 1, "ci95": None}


def _report(**adapters: dict) -> dict:
    """A report with the given per-adapter scores: category -> f1, or -> (f1, {subscore: f1})."""
    entries = {}
    for name, scores in adapters.items():
        categories = {}
        for category, value in scores.items():
            f1, subscores = value if isinstance(value, tuple) else (value, {})
            categories[category] = {**_score(f1), "subscores": {k: _score(v) for k, v in subscores.items()}}
        entries[name] = {"status": "ok", "scores": categories}
    return {"adapters": entries}


def _gate(toml: str):
    return parse_gate_config(parse_config(toml, None))


def test_a_threshold_at_or_below_the_score_passes_and_above_it_fails():
    report = _report(rules={"entities": 0.6})
    gate = _gate('[tool.harness.gate]\n"rules.entities.f1" = 0.6\n"rules.entities.recall" = 0.61\n')
    result = evaluate_gate(gate, report)
    assert [(c.name, c.passed) for c in result.checks] == [("rules.entities.f1", True),
                                                            ("rules.entities.recall", False)]
    assert not result.passed


def test_quoted_dotted_keys_and_nested_tables_mean_the_same():
    quoted = _gate('[tool.harness.gate]\n"rules.quotes.attribution.f1" = 0.3\n')
    nested = _gate("[tool.harness.gate.rules.quotes.attribution]\nf1 = 0.3\n")
    assert quoted.thresholds == nested.thresholds


def test_a_subscore_threshold_reads_the_subscore():
    report = _report(rules={"quotes": (0.9, {"attribution": 0.2})})
    result = evaluate_gate(_gate('[tool.harness.gate]\n"rules.quotes.attribution.f1" = 0.3\n'), report)
    assert result.checks[0].actual == 0.2 and not result.passed


@pytest.mark.parametrize("key, listed", [
    ("rules.entities.f2", "precision, recall, f1"),
    ("rules.entitys.f1", "entities, quotes, figures, events"),
    ("rules.f1", "adapter.category.metric"),
])
def test_a_malformed_key_is_a_config_error_listing_the_valid_names(key, listed):
    with pytest.raises(ConfigError) as caught:
        _gate(f'[tool.harness.gate]\n"{key}" = 0.5\n')
    assert key in str(caught.value) and listed in str(caught.value)


def test_an_adapter_missing_from_the_report_is_a_config_error_listing_those_present():
    gate = _gate('[tool.harness.gate]\n"rulez.entities.f1" = 0.5\n')
    with pytest.raises(ConfigError, match="'rulez'.*adapters there: rules, spacy"):
        check_names(gate, _report(rules={"entities": 0.5}, spacy={"entities": 0.5}), "report.json")


def test_a_misspelt_adapter_is_not_suggested_as_one_to_run():
    gate = _gate('[tool.harness.gate]\n"spacyy.entities.f1" = 0.5\n')
    with pytest.raises(ConfigError) as caught:
        check_names(gate, _report(spacy={"entities": 0.5}), "report.json", ["rules", "spacy"])
    assert "Did you mean 'spacy'?" in str(caught.value) and "harness run" not in str(caught.value)


def test_a_known_adapter_missing_from_the_report_is_suggested_as_one_to_run():
    gate = _gate('[tool.harness.gate]\n"spacy.entities.f1" = 0.5\n')
    with pytest.raises(ConfigError, match="harness run --adapters spacy"):
        check_names(gate, _report(rules={"entities": 0.5}), "report.json", ["rules", "spacy"])


def test_a_category_the_adapter_does_not_score_is_a_config_error():
    gate = _gate('[tool.harness.gate]\n"rules.events.f1" = 0.5\n')
    with pytest.raises(ConfigError, match="does not predict 'events'; it scores: entities"):
        check_names(gate, _report(rules={"entities": 0.5}), "report.json")


def test_an_unknown_subscore_is_a_config_error_listing_the_subscores():
    gate = _gate('[tool.harness.gate]\n"rules.quotes.atribution.f1" = 0.5\n')
    with pytest.raises(ConfigError, match="valid sub-scores: attribution"):
        check_names(gate, _report(rules={"quotes": (0.5, {"attribution": 0.5})}), "report.json")


@pytest.mark.parametrize("value", ["0.5", "1.5", "-0.1", "true"])
def test_a_threshold_must_be_a_fraction(value):
    text = f'"{value}"' if value == "0.5" else value
    with pytest.raises(ConfigError, match="from 0 to 1"):
        _gate(f'[tool.harness.gate]\n"rules.entities.f1" = {text}\n')


def test_a_failed_adapter_fails_its_checks_instead_of_being_skipped():
    report = {"adapters": {"rules": {"status": "failed", "scores": {}}}}
    gate = _gate('[tool.harness.gate]\n"rules.entities.f1" = 0.1\n')
    check_names(gate, report, "report.json")
    result = evaluate_gate(gate, report)
    assert not result.passed and result.checks[0].actual is None


BASELINE = '[tool.harness.gate.baseline]\n"rules.entities.f1" = 0.05\n'


@pytest.mark.parametrize("now, passed", [(0.80, True), (0.75, True), (0.74, False)])
def test_a_drop_up_to_the_allowed_one_passes(now, passed):
    result = evaluate_gate(_gate(BASELINE), _report(rules={"entities": now}),
                           baseline=_report(rules={"entities": 0.80}))
    assert result.passed is passed


def test_a_drop_check_without_a_baseline_fails_and_says_how_to_make_one():
    result = evaluate_gate(_gate(BASELINE), _report(rules={"entities": 0.8}))
    assert not result.passed and "harness baseline" in result.checks[0].detail


@pytest.mark.parametrize("p_value, passed", [(0.2, True), (0.01, False), (None, False)])
def test_a_large_drop_fails_only_if_significant_when_significance_is_required(p_value, passed):
    gate = _gate(BASELINE + "require_significance = true\nalpha = 0.05\n")
    asked = []

    def p(adapter, category):
        asked.append((adapter, category))
        return p_value

    result = evaluate_gate(gate, _report(rules={"entities": 0.5}), baseline=_report(rules={"entities": 0.8}), p_value=p)
    assert result.passed is passed and asked == [("rules", "entities")]


@pytest.mark.parametrize("setting, message", [
    ("require_significance = 1", "true or false"),
    ('test = "t-test"', "bootstrap, randomization"),
    ("file = 3", "path to a baseline report"),
])
def test_bad_baseline_settings_are_config_errors(setting, message):
    with pytest.raises(ConfigError, match=message):
        _gate(BASELINE + setting + "\n")


def test_the_summary_is_appended_to_the_github_step_summary(tmp_path, monkeypatch):
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    result = evaluate_gate(_gate('[tool.harness.gate]\n"rules.entities.f1" = 0.9\n'), _report(rules={"entities": 0.5}))
    assert write_step_summary(result)
    text = summary.read_text()
    assert text.startswith("earlier step\n") and "`rules.entities.f1`" in text and "**FAIL**" in text


def test_no_step_summary_is_written_without_the_variable(monkeypatch):
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    assert not write_step_summary(evaluate_gate(_gate(""), {"adapters": {}}))


def test_a_significance_check_states_the_method_of_its_p_value():
    from harness.gate import Significance

    gate = _gate(BASELINE + "require_significance = true\nalpha = 0.05\n")
    result = evaluate_gate(gate, _report(rules={"entities": 0.5}), baseline=_report(rules={"entities": 0.8}),
                           p_value=lambda adapter, category: Significance(0.01, "paired bootstrap over documents, "
                                                                                "6 document(s)"))
    assert not result.passed
    assert result.checks[0].detail.endswith("significant (p = 0.010 < 0.05; paired bootstrap over documents, "
                                            "6 document(s))")


def _sliced(report: dict, field: str, values: dict) -> dict:
    """``report`` with slice scores per value of ``field``: value -> (doc ids, {adapter: {category: f1}})."""
    report["slices"] = {"available": ["boilerplate_share", "length", field],
                        "fields": {field: {"definition": f"metadata field {field}",
                                           "values": {v: ids for v, (ids, _) in values.items()}}}}
    for name, entry in report["adapters"].items():
        entry["slices"] = {field: {v: {"documents": len(ids),
                                       "scores": _report(x=scores.get(name, {}))["adapters"]["x"]["scores"]}
                                   for v, (ids, scores) in values.items()}}
    return report


def test_a_slice_key_reads_the_score_of_that_slice():
    report = _sliced(_report(rules={"quotes": 0.9}), "domain", {
        "sports": (["a"], {"rules": {"quotes": 0.4}}), "news.uk": (["b"], {"rules": {"quotes": 0.8}})})
    gate = _gate('[tool.harness.gate]\n"rules@domain=sports.quotes.f1" = 0.6\n'
                 '"rules@domain=news.uk.quotes.f1" = 0.6\n')
    check_names(gate, report, "report.json")
    result = evaluate_gate(gate, report)
    assert [(c.name, c.actual, c.passed) for c in result.checks] == [
        ("rules@domain=sports.quotes.f1", 0.4, False), ("rules@domain=news.uk.quotes.f1", 0.8, True)]


@pytest.mark.parametrize("key, listed", [
    ("rules@genre=sports.quotes.f1", "boilerplate_share, length, domain"),
    ("rules@domain=sport.quotes.f1", "sports"),
    ("rules@length=short.quotes.f1", "harness run --slice-by length"),
])
def test_an_unknown_slice_field_or_value_is_a_config_error_listing_the_valid_ones(key, listed):
    report = _sliced(_report(rules={"quotes": 0.9}), "domain", {"sports": (["a"], {"rules": {"quotes": 0.4}})})
    with pytest.raises(ConfigError) as caught:
        check_names(_gate(f'[tool.harness.gate]\n"{key}" = 0.5\n'), report, "report.json")
    assert listed in str(caught.value) and caught.value.exit_code == 2


@pytest.mark.parametrize("key", ["rules@domain.quotes.f1", "rules@=x.quotes.f1", "rules@domain=.quotes.f1",
                                 "rules@domain=sports.f1"])
def test_a_malformed_slice_key_is_a_config_error_showing_the_form(key):
    with pytest.raises(ConfigError, match="adapter@field=value.category.metric"):
        _gate(f'[tool.harness.gate]\n"{key}" = 0.5\n')


def test_a_drop_in_a_slice_is_tested_on_the_slice_documents():
    values = {"sports": (["a", "b"], {"rules": {"quotes": 0.4}})}
    report = _sliced(_report(rules={"quotes": 0.9}), "domain", values)
    baseline = _sliced(_report(rules={"quotes": 0.9}), "domain", {"sports": (["a", "b"], {"rules": {"quotes": 0.8}})})
    asked = []
    gate = _gate('[tool.harness.gate.baseline]\nrequire_significance = true\n"rules@domain=sports.quotes.f1" = 0.1\n')
    result = evaluate_gate(gate, report, baseline=baseline,
                           p_value=lambda *arguments: asked.append(arguments) or 0.5)
    assert asked == [("rules", "quotes", ("a", "b"))] and result.passed


def _reported_run(corpus, predictions, folder):
    """``predictions`` of adapter ``rules`` on ``corpus``, scored and written as a run's reports in ``folder``."""
    from harness.report import write_reports
    from harness.run import AdapterRun, DocumentRun, RunOptions, RunResult, score_adapter

    adapter_run = AdapterRun("rules", "1", "f" * 64, ("entities", "quotes", "figures", "events"),
                             tuple(DocumentRun("rules", d, p, None, 0.01) for d, p in predictions.items()), 0.1)
    run = RunResult(corpus, (score_adapter(corpus, adapter_run),), RunOptions(("rules",)))
    report, files = write_reports(run, folder)
    return run, report, files.json


def test_a_run_in_memory_gives_the_p_values_its_files_give(example_annotations, tmp_path):
    import shutil

    from harness.gate import RunInMemory, baseline_p_values
    from harness.gold import load_gold
    from harness.predictions import predictions_to_dict

    from hardening.builders import write_gold
    from slice_corpus import make_corpus, predictions_for

    gold = write_gold(tmp_path / "gold", list(make_corpus(example_annotations, ["a", "b", "c", "d", "e"])))
    corpus = load_gold(gold)
    _, baseline, _ = _reported_run(corpus, predictions_for(corpus, [0] * 5), tmp_path / "baseline")
    baseline["adapters"]["rules"]["predictions"] = [predictions_to_dict(p)
                                                    for p in predictions_for(corpus, [0] * 5).values()]
    run, report, report_path = _reported_run(corpus, predictions_for(corpus, [3, 0, 5, 1, 4]), tmp_path / "latest")
    from_files = baseline_p_values(baseline, tmp_path / "baseline.json", report, report_path, gold, resamples=200)
    expected = {category: from_files("rules", category) for category in ("entities", "quotes")}
    assert expected["entities"] is not None

    # the run's own gold and predictions: neither the gold folder nor the predictions file is read
    shutil.rmtree(gold)
    shutil.rmtree(tmp_path / "latest")
    in_memory = RunInMemory(run.corpus, report["gold"]["fingerprint"], lambda name: run.adapter(name).run.predictions)
    from_memory = baseline_p_values(baseline, tmp_path / "baseline.json", report, report_path, gold, resamples=200,
                                    run=in_memory)
    assert {category: from_memory("rules", category) for category in expected} == expected


def test_a_run_in_memory_made_from_other_gold_is_not_paired(example_annotations):
    from harness.gate import RunInMemory, baseline_p_values

    from slice_corpus import make_corpus

    corpus = make_corpus(example_annotations, ["a", "b"])
    baseline, report = {"gold": {"fingerprint": "old"}}, {"gold": {"fingerprint": "new"}}
    p_value = baseline_p_values(baseline, "baseline.json", report, "report.json",
                                run=RunInMemory(corpus, "new", lambda name: {}))
    assert p_value("rules", "entities") is None
