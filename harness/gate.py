"""The CI gate: scores in a report checked against thresholds and a baseline.

Configured in pyproject.toml::

    [tool.harness.gate]
    "rules.entities.f1" = 0.6                 # adapter.category.metric >= value
    "rules.quotes.attribution.f1" = 0.3       # adapter.category.subscore.metric
    "rules.quotes.attribution.rate" = 0.7     # a rate sub-score, named as the tables print it
    "rules@domain=sports.quotes.f1" = 0.6     # the same, over one slice's documents
    "llm.cost.total" = 2.50                   # adapter.cost.total <= value (a maximum)
    "llm.cost.per_document" = 0.01            # adapter.cost.per_document <= value (a maximum)

    [tool.harness.gate.baseline]
    file = "reports/baseline.json"            # default
    require_significance = true               # fail a drop only if it is significant
    alpha = 0.05
    "rules.entities.f1" = 0.02                # largest allowed drop from the baseline

Every name in a key is checked against the report: an unknown adapter,
category, sub-score or metric is a ``ConfigError`` that lists the valid
names, never a check silently skipped; so is an unknown slice field or value.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Mapping

from .errors import ConfigError, did_you_mean
from .model import CATEGORIES

METRICS = ("precision", "recall", "f1", "rate")  # rate: of a rate sub-score (the tables print "rate 0.85 (62/73)")
COST_METRICS = ("total", "per_document")  # adapter.cost.<metric>: maxima, read from report usage
BASELINE_SETTINGS = ("file", "require_significance", "alpha", "test")
SIGNIFICANCE_TESTS = ("bootstrap", "randomization")
DEFAULT_BASELINE = "reports/baseline.json"


@dataclass(frozen=True)
class MetricKey:
    """Which number a check reads: ``adapter[@field=value].category[.subscore].metric``.

    With a slice (``field=value``) the number is the score over that slice's documents.
    """

    adapter: str
    category: str
    subscore: str | None
    metric: str
    slice_field: str | None = None
    slice_value: str | None = None

    def __str__(self) -> str:
        middle = f"{self.category}.{self.subscore}" if self.subscore else self.category
        where = f"@{self.slice_field}={self.slice_value}" if self.slice_field is not None else ""
        return f"{self.adapter}{where}.{middle}.{self.metric}"


@dataclass(frozen=True)
class Threshold:
    """The metric must be at least ``minimum``."""

    key: MetricKey
    minimum: float


@dataclass(frozen=True)
class CostMaximum:
    """The adapter's cost in the run (``adapter.cost.total`` or ``.per_document``) must be at most ``maximum``."""

    adapter: str
    metric: str
    maximum: float

    def __str__(self) -> str:
        return f"{self.adapter}.cost.{self.metric}"


def is_cost_key(key: str) -> bool:
    parts = key.split(".")
    return len(parts) == 3 and parts[1] == "cost"


def parse_cost_maximum(key: str, value: Any, where: str) -> CostMaximum:
    adapter, _, metric = key.split(".")
    if not adapter or metric not in COST_METRICS:
        raise ConfigError(f"{where}: {key!r} is not a cost name. Write adapter.cost.total or "
                          f"adapter.cost.per_document (e.g. \"llm.cost.total\").{did_you_mean(metric, COST_METRICS)}")
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not value >= 0:
        raise ConfigError(f"{where}: {key!r} = {value!r} must be a number of at least 0: the most the run may cost, "
                          "in the currency of the adapter's prices.")
    return CostMaximum(adapter, metric, float(value))


@dataclass(frozen=True)
class MaxDrop:
    """The metric may fall at most ``max_drop`` below its baseline value."""

    key: MetricKey
    max_drop: float


@dataclass(frozen=True)
class GateConfig:
    """The parsed ``[tool.harness.gate]`` section."""

    thresholds: tuple[Threshold, ...] = ()
    drops: tuple[MaxDrop, ...] = ()
    baseline_file: str = DEFAULT_BASELINE
    require_significance: bool = False
    alpha: float = 0.05
    test: str = "bootstrap"
    costs: tuple[CostMaximum, ...] = ()

    @property
    def adapters(self) -> tuple[str, ...]:
        """Adapters named by any check, in the order first named."""
        names: list[str] = []
        for adapter in [item.key.adapter for item in (*self.thresholds, *self.drops)] + [c.adapter for c in self.costs]:
            if adapter not in names:
                names.append(adapter)
        return tuple(names)

    @property
    def slice_fields(self) -> tuple[str, ...]:
        """Slice fields named by any check, in the order first named (a run must be sliced by them)."""
        fields: list[str] = []
        for item in (*self.thresholds, *self.drops):
            if item.key.slice_field is not None and item.key.slice_field not in fields:
                fields.append(item.key.slice_field)
        return tuple(fields)

    @property
    def empty(self) -> bool:
        return not self.thresholds and not self.drops and not self.costs


@dataclass(frozen=True)
class Check:
    """One gate check: what was required, what was found, and whether it passed."""

    name: str
    kind: str  # 'threshold' | 'baseline'
    required: str
    actual: float | None
    passed: bool
    detail: str = ""

    def to_dict(self) -> dict:
        return {"name": self.name, "kind": self.kind, "required": self.required, "actual": self.actual,
                "passed": self.passed, "detail": self.detail}


@dataclass(frozen=True)
class GateResult:
    """Every check of a gate run."""

    checks: tuple[Check, ...]

    @property
    def passed(self) -> bool:
        return all(check.passed for check in self.checks)

    @property
    def failures(self) -> tuple[Check, ...]:
        return tuple(check for check in self.checks if not check.passed)

    def to_markdown(self) -> str:
        """A Markdown summary (for ``$GITHUB_STEP_SUMMARY``)."""
        verdict = "passed" if self.passed else f"FAILED ({len(self.failures)} of {len(self.checks)} checks)"
        lines = [f"## Harness gate: {verdict}", ""]
        if not self.checks:
            lines.append("No checks are configured under `[tool.harness.gate]`.")
            return "\n".join(lines) + "\n"
        lines += ["| check | required | actual | result |", "| --- | --- | --- | --- |"]
        for check in self.checks:
            actual = "–" if check.actual is None else f"{check.actual:.4f}"
            result = "PASS" if check.passed else "**FAIL**"
            note = f" ({check.detail})" if check.detail else ""
            lines.append(f"| `{check.name}` | {check.required} | {actual} | {result}{note} |")
        return "\n".join(lines) + "\n"


def _flatten(table: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    """Dotted keys: a quoted ``"a.b.c" = 1`` and nested tables ``[a.b] c = 1`` read the same."""
    flat: dict[str, Any] = {}
    for name, value in table.items():
        key = f"{prefix}{name}"
        if isinstance(value, Mapping):
            flat.update(_flatten(value, key + "."))
        else:
            flat[key] = value
    return flat


def _split_slice(key: str, where: str) -> tuple[str, str | None, str | None]:
    """``adapter@field=value.rest`` as ``("adapter.rest", field, value)``; a key without ``@`` as it is.

    The value may hold dots: it ends where a category name begins the rest.
    """
    if "@" not in key:
        return key, None, None
    adapter, _, sliced = key.partition("@")
    field, equals, remainder = sliced.partition("=")
    parts = remainder.split(".")
    ends = [i for i in range(1, len(parts)) if parts[i] in CATEGORIES and len(parts) - i in (2, 3)]
    if not adapter or not field or not equals or not ends or not all(parts[:ends[0]]):
        raise ConfigError(
            f"{where}: {key!r} is not a slice metric name. Write adapter@field=value.category.metric, "
            f"e.g. \"rules@domain=sports.quotes.f1\" (categories: {', '.join(CATEGORIES)})."
        )
    return f"{adapter}.{'.'.join(parts[ends[0]:])}", field, ".".join(parts[:ends[0]])


def parse_key(key: str, where: str) -> MetricKey:
    """``adapter.category.metric`` or ``adapter.category.subscore.metric``, names checked for form;
    ``adapter@field=value.category...`` names the same over one slice."""
    plain, slice_field, slice_value = _split_slice(key, where)
    parts = plain.split(".")
    if len(parts) not in (3, 4) or not all(parts):
        raise ConfigError(
            f"{where}: {key!r} is not a metric name. Write adapter.category.metric "
            f"(e.g. \"rules.entities.f1\") or adapter.category.subscore.metric "
            f"(e.g. \"rules.quotes.attribution.f1\")."
        )
    adapter, category, *rest = parts
    metric = rest[-1]
    subscore = rest[0] if len(rest) == 2 else None
    if category not in CATEGORIES:
        raise ConfigError(f"{where}: {key!r} names unknown category {category!r}; "
                          f"valid categories: {', '.join(CATEGORIES)}.{did_you_mean(category, CATEGORIES)}")
    if metric not in METRICS:
        raise ConfigError(f"{where}: {key!r} names unknown metric {metric!r}; "
                          f"valid metrics: {', '.join(METRICS)}.{did_you_mean(metric, METRICS)}")
    return MetricKey(adapter, category, subscore, metric, slice_field, slice_value)


def _fraction(value: Any, key: str, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
        raise ConfigError(f"{where}: {key} = {value!r} must be a number from 0 to 1.")
    return float(value)


def parse_gate_config(config: Any) -> GateConfig:
    """The gate settings of a ``HarnessConfig``; every malformed entry is listed in one ``ConfigError``."""
    gate, problems = parse_gate_entries(config)
    if problems:
        raise ConfigError.of(problems)
    return gate


def parse_gate_entries(config: Any) -> tuple[GateConfig, list[str]]:
    """The well-formed gate settings of a ``HarnessConfig``, and a message for every malformed entry.

    The checks that parsed can still be checked against a report, so a
    gate's mistakes of form and of names are all listed at once.
    """
    problems: list[str] = []

    def attempt(parse: Callable[[], Any], default: Any = None) -> Any:
        try:
            return parse()
        except ConfigError as exc:
            problems.extend(exc.problems)
            return default

    section = dict(config.section("gate"))
    where = config.where("gate")
    baseline = section.pop("baseline", {})
    if not isinstance(baseline, Mapping):
        problems.append(f"{where}: baseline must be a table ([tool.harness.gate.baseline]), not {baseline!r}.")
        baseline = {}
    flat = _flatten(section)
    costs = tuple(item for item in (attempt(lambda key=key, value=value: parse_cost_maximum(key, value, where))
                                    for key, value in flat.items() if is_cost_key(key)) if item is not None)
    thresholds = tuple(item for item in (
        attempt(lambda key=key, value=value: Threshold(parse_key(key, where), _fraction(value, repr(key), where)))
        for key, value in flat.items() if not is_cost_key(key)) if item is not None)
    where_baseline = config.where("gate.baseline")
    settings = {k: v for k, v in baseline.items() if k in BASELINE_SETTINGS}
    drop_entries = {k: v for k, v in baseline.items() if k not in BASELINE_SETTINGS}
    for key in drop_entries:
        if "." not in key and not isinstance(drop_entries[key], Mapping):
            # a bare word is a misspelt setting, not a metric name
            problems.append(f"{where_baseline}: unknown setting {key!r}.{did_you_mean(key, BASELINE_SETTINGS)} "
                            f"Settings: {', '.join(BASELINE_SETTINGS)}; other keys are adapter.category.metric.")
    drop_entries = _flatten({k: v for k, v in drop_entries.items() if "." in k or isinstance(v, Mapping)})
    drops = tuple(item for item in (
        attempt(lambda key=key, value=value: MaxDrop(parse_key(key, where_baseline),
                                                     _fraction(value, repr(key), where_baseline)))
        for key, value in drop_entries.items()) if item is not None)
    file = settings.get("file", DEFAULT_BASELINE)
    if not isinstance(file, str) or not file:
        problems.append(f"{where_baseline}: file = {file!r} must be a path to a baseline report.")
    require = settings.get("require_significance", False)
    if not isinstance(require, bool):
        problems.append(f"{where_baseline}: require_significance = {require!r} must be true or false.")
    alpha = attempt(lambda: _fraction(settings.get("alpha", 0.05), "alpha", where_baseline), 0.05)
    test = settings.get("test", "bootstrap")
    if test not in SIGNIFICANCE_TESTS:
        problems.append(f"{where_baseline}: test = {test!r} is not a significance test; "
                        f"valid: {', '.join(SIGNIFICANCE_TESTS)}.")
    if not isinstance(file, str) or not file:
        file = DEFAULT_BASELINE
    if not isinstance(require, bool):
        require = False
    if test not in SIGNIFICANCE_TESTS:
        test = "bootstrap"
    return GateConfig(thresholds, drops, file, require, alpha, test, costs), problems


def not_applicable(report: Mapping[str, Any], category: str) -> bool:
    """True when no gold document of ``report`` is annotated for ``category`` (partial, imported gold)."""
    documents = (report.get("gold") or {}).get("documents") or []
    layers = [d["layers"] for d in documents if isinstance(d, Mapping) and "layers" in d]
    return bool(layers) and len(layers) == len(documents) and not any(category in found for found in layers)


NOT_APPLICABLE = "not applicable: no gold document is annotated for {category}"


def check_names(gate: GateConfig, report: Mapping[str, Any], source: str,
                known_adapters: list[str] | None = None) -> None:
    """Raise ``ConfigError`` listing every check that names an adapter, category or sub-score the report lacks.

    ``known_adapters`` (every name the registry resolves) keeps the hint to
    run a missing adapter for names that exist: running a misspelt one fails.
    """
    adapters = report.get("adapters", {})
    problems: list[str] = []
    for cost in gate.costs:
        if cost.adapter not in adapters:
            problems.append(f"[tool.harness.gate]: {str(cost)!r} names adapter {cost.adapter!r}, which is not in "
                            f"{source}; adapters there: {', '.join(adapters) or '(none)'}."
                            f"{did_you_mean(cost.adapter, list(adapters))}")
    for item in (*gate.thresholds, *gate.drops):
        key = item.key
        if key.adapter not in adapters:
            problems.append(
                f"[tool.harness.gate]: {str(key)!r} names adapter {key.adapter!r}, which is not in {source}; "
                f"adapters there: {', '.join(adapters) or '(none)'}.{did_you_mean(key.adapter, list(adapters))} "
                + ("Fix the name." if known_adapters is not None and key.adapter not in known_adapters
                   else f"Fix the name, or run it with `harness run --adapters {key.adapter}`.")
            )
            continue
        if key.slice_field is not None:
            problem = slice_problem(key, report, source)
            if problem is not None:
                problems.append(problem)
                continue
        entry = adapters[key.adapter]
        if entry.get("status") == "failed":
            continue  # the adapter ran and failed: that is a failing check, not a config mistake
        scores = _scores(entry, key)
        if key.category not in scores and not_applicable(report, key.category):
            continue  # the check fails as not applicable (evaluate_gate says why), not as a mistake
        if key.category not in scores:
            problems.append(
                f"[tool.harness.gate]: {str(key)!r}: adapter {key.adapter!r} does not predict "
                f"{key.category!r}; it scores: {', '.join(scores) or '(nothing)'}."
            )
            continue
        subscores = scores[key.category].get("subscores", {})
        if key.subscore is not None and key.subscore not in subscores:
            problems.append(
                f"[tool.harness.gate]: {str(key)!r} names unknown sub-score {key.subscore!r} of "
                f"{key.category}; valid sub-scores: {', '.join(subscores) or '(none)'}."
                f"{did_you_mean(key.subscore, list(subscores))}"
            )
            continue
        target = scores[key.category] if key.subscore is None else subscores[key.subscore]
        if key.metric == "rate" and target.get("kind") != "rate":
            rates = [f"{key.category}.{name}" for name, sub in subscores.items() if sub.get("kind") == "rate"]
            what = key.category if key.subscore is None else f"{key.category}.{key.subscore}"
            problems.append(
                f"[tool.harness.gate]: {str(key)!r}: {what} is scored by precision, recall and f1, not a rate; "
                f"use one of those, or a rate sub-score ({', '.join(rates) or 'none here'})."
            )
    if problems:
        raise ConfigError.of(problems)


def slice_problem(key: MetricKey, report: Mapping[str, Any], source: str) -> str | None:
    """Why ``key``'s slice field or value is not in ``report``, or None when it is."""
    slices = report.get("slices") or {}
    fields = slices.get("fields") or {}
    available = slices.get("available") or list(fields)
    if key.slice_field not in available:
        return (f"[tool.harness.gate]: {str(key)!r} names unknown slice field {key.slice_field!r}; "
                f"slice fields of the gold in {source}: {', '.join(available) or '(none)'}."
                f"{did_you_mean(key.slice_field, list(available))}")
    if key.slice_field not in fields:
        return (f"[tool.harness.gate]: {str(key)!r}: {source} is not sliced by {key.slice_field!r}. "
                f"Run `harness run --slice-by {key.slice_field}` (or `harness gate --run`).")
    values = fields[key.slice_field].get("values") or {}
    if key.slice_value not in values:
        return (f"[tool.harness.gate]: {str(key)!r} names unknown value {key.slice_value!r} of slice field "
                f"{key.slice_field!r}; its values in {source}: {', '.join(values) or '(none)'}."
                f"{did_you_mean(key.slice_value, list(values))}")
    return None


def _scores(entry: Mapping[str, Any], key: MetricKey) -> Mapping[str, Any]:
    """The scores ``key`` reads in an adapter's entry: the corpus's, or those of its slice."""
    if key.slice_field is None:
        return entry.get("scores", {})
    found = ((entry.get("slices") or {}).get(key.slice_field) or {}).get(key.slice_value) or {}
    return found.get("scores", {})


def metric_value(report: Mapping[str, Any], key: MetricKey) -> float | None:
    """The value of ``key`` in ``report``, or None when the adapter has no score or it is not applicable."""
    entry = report.get("adapters", {}).get(key.adapter)
    if entry is None:
        return None
    score = _scores(entry, key).get(key.category)
    if score is None:
        return None
    if key.subscore is not None:
        score = score.get("subscores", {}).get(key.subscore)
        if score is None:
            return None
    # a rate sub-score keeps its rate in f1 (precision and recall equal it too)
    value = score.get("f1" if key.metric == "rate" else key.metric)
    return None if value is None else float(value)


@dataclass(frozen=True)
class Significance:
    """A p-value with the method that produced it (what was resampled, over how many documents)."""

    p: float
    method: str


def _slice_documents(report: Mapping[str, Any], key: MetricKey) -> tuple[str, ...] | None:
    """The documents of ``key``'s slice in ``report`` (None for a key over the whole corpus)."""
    if key.slice_field is None:
        return None
    fields = (report.get("slices") or {}).get("fields") or {}
    return tuple((fields.get(key.slice_field) or {}).get("values", {}).get(key.slice_value) or ())


def adapter_failure(report: Mapping[str, Any], adapter: str) -> str | None:
    """Why no check on ``adapter`` can pass in ``report`` (it failed, wholly or on some documents), or None.

    A failed document is scored as predicting nothing, which can leave a
    sub-score looking perfect; so any error fails every check naming the adapter.
    """
    entry = report.get("adapters", {}).get(adapter)
    if entry is None:
        return f"adapter {adapter!r} is not in the report"
    errors = entry.get("errors") or []
    if not errors and entry.get("status") != "failed":
        return None
    documents = entry.get("documents") or {}
    failed, total = documents.get("failed", 0), documents.get("total", 0)
    if failed:
        what = f"failed on {failed} of {total} document(s)"
    else:
        what = "failed" if entry.get("status") == "failed" else "had errors"
    return (f"adapter {adapter!r} {what} ({len(errors)} error(s)), so no check on it can pass; "
            "the errors are listed by `harness run` and in report.json")


def _no_value(report: Mapping[str, Any], key: MetricKey) -> str:
    """Why ``key`` has no value: the adapter has no score there, or the sub-score is over zero items."""
    entry = report.get("adapters", {}).get(key.adapter) or {}
    score = _scores(entry, key).get(key.category)
    if score is not None and key.subscore is not None:
        sub = (score.get("subscores") or {}).get(key.subscore)
        if sub is not None:
            return (f"not applicable: {key.category}.{key.subscore} is a rate over zero matched items "
                    f"(0 of 0), so there is nothing to check")
    return "no score: the adapter failed"


def _check_detail(report: Mapping[str, Any], key: MetricKey, actual: float | None) -> str | None:
    """The reason a check on ``key`` fails whatever its threshold, or None when the value can be judged."""
    failure = adapter_failure(report, key.adapter)
    if failure is not None:
        return failure
    if actual is None and not_applicable(report, key.category):
        return NOT_APPLICABLE.format(category=key.category)
    return _no_value(report, key) if actual is None else None


# (adapter, category[, documents of a slice]) -> p-value of the paired test that the current run differs from
# the baseline
PValue = Callable[..., "float | Significance | None"]

# scores are stored as floats; without a tolerance 0.6 >= 0.6 could fail on rounding
_EPSILON = 1e-9


def evaluate_gate(gate: GateConfig, report: Mapping[str, Any], *, baseline: Mapping[str, Any] | None = None,
                  p_value: PValue | None = None) -> GateResult:
    """Every check of ``gate`` applied to ``report`` (and ``baseline`` for the drop checks)."""
    checks: list[Check] = []
    for threshold in gate.thresholds:
        actual = metric_value(report, threshold.key)
        reason = _check_detail(report, threshold.key, actual)
        passed = reason is None and actual is not None and actual + _EPSILON >= threshold.minimum
        checks.append(Check(str(threshold.key), "threshold", f">= {threshold.minimum:g}", actual, passed,
                            reason or ""))
    checks += [cost_check(report, cost) for cost in gate.costs]
    for drop in gate.drops:
        name = f"{drop.key} (vs baseline)"
        actual = metric_value(report, drop.key)
        before = None if baseline is None else metric_value(baseline, drop.key)
        reason = _check_detail(report, drop.key, actual)
        if baseline is None or before is None:
            checks.append(Check(name, "baseline", f"drop <= {drop.max_drop:g}", actual, False,
                                reason or "no baseline value: write one with `harness baseline`"))
            continue
        required = f">= {before - drop.max_drop:.4f} (baseline {before:.4f} - {drop.max_drop:g})"
        if reason is not None or actual is None:
            checks.append(Check(name, "baseline", required, actual, False, reason or ""))
            continue
        fell = before - actual
        passed = fell <= drop.max_drop + _EPSILON
        detail = f"drop {fell:+.4f}" if fell > 0 else ""
        if not passed and gate.require_significance:
            documents = _slice_documents(report, drop.key)
            if p_value is None:
                p = None
            elif documents is None:
                p = p_value(drop.key.adapter, drop.key.category)
            else:  # a slice's drop is tested on the slice's documents
                p = p_value(drop.key.adapter, drop.key.category, documents)
            method = f"; {p.method}" if isinstance(p, Significance) else ""
            p = p.p if isinstance(p, Significance) else p
            if p is None:
                detail += "; significance could not be tested (the gold or the baseline predictions changed)"
            elif p >= gate.alpha:
                passed = True
                detail += f"; not significant (p = {p:.3f} >= {gate.alpha:g}{method})"
            else:
                detail += f"; significant (p = {p:.3f} < {gate.alpha:g}{method})"
        checks.append(Check(name, "baseline", required, actual, passed, detail.lstrip("; ")))
    return GateResult(tuple(checks))


def cost_check(report: Mapping[str, Any], cost: CostMaximum) -> Check:
    """``cost`` applied to ``report``: passes when the run cost at most the maximum.

    A run's cost counts only its own requests: documents served from a cache
    cost nothing in it (the detail says how many there were).
    """
    entry = report.get("adapters", {}).get(cost.adapter) or {}
    usage = entry.get("usage") or {}
    actual = (usage.get("cost") or {}).get(cost.metric)
    required = f"<= {cost.maximum:g} (a maximum)"
    if actual is None:
        return Check(str(cost), "maximum", required, None, False,
                     "no cost in the report: the adapter reported no usage, or has no prices "
                     "(set price_per_million_input and price_per_million_output)")
    cached = usage.get("cached_documents") or 0
    detail = f"{cached} document(s) from the cache cost nothing in this run" if cached else ""
    return Check(str(cost), "maximum", required, float(actual), float(actual) <= cost.maximum + _EPSILON, detail)


@dataclass(frozen=True)
class RunInMemory:
    """What a run that has just finished holds: its gold and each adapter's predictions.

    The gate of that run reads them here instead of loading the gold and the
    predictions files it has just written back from disk (and checking them
    all again). ``predictions(adapter)`` gives doc id -> ``Predictions``.
    """

    gold: Any  # harness.model.Corpus
    gold_fingerprint: str
    predictions: Callable[[str], Mapping[str, Any]]


def baseline_p_values(baseline: Mapping[str, Any], baseline_path: str | Path, report: Mapping[str, Any],
                      report_path: str | Path, gold_path: str | Path | None = None,
                      *, test: str = "bootstrap", resamples: int = 1000, options: Any = None,
                      run: RunInMemory | None = None) -> PValue:
    """A ``PValue`` that pairs baseline and current predictions on the same gold
    (over a slice's documents when it is given them).

    The units are documents when the gold has at least the scoring option
    ``min_documents_for_interval`` of them, else items within the documents
    (never more confident than the exact test; the method says so). Returns
    None for an adapter when the gold changed since the baseline (the items
    are then not paired) or either side's predictions are missing. ``run``:
    the report's own run, whose gold and predictions are used as they are.
    """
    cache: dict[tuple[str, str, tuple[str, ...] | None], Significance | None] = {}
    state: dict[str, Any] = {}

    def corpus():
        if "corpus" not in state:
            fingerprints = {baseline.get("gold", {}).get("fingerprint"), report.get("gold", {}).get("fingerprint")}
            if run is not None:
                state["corpus"] = run.gold if fingerprints == {run.gold_fingerprint} else None
                return state["corpus"]
            from .gold import load_gold

            path = gold_path or report.get("gold", {}).get("path") or "gold"
            try:
                loaded = load_gold(path)
            except Exception:
                loaded = None
            state["corpus"] = loaded if loaded is not None and fingerprints == {loaded.fingerprint} else None
        return state["corpus"]

    def p_value(adapter: str, category: str, documents: tuple[str, ...] | None = None) -> Significance | None:
        if (adapter, category, documents) in cache:
            return cache[(adapter, category, documents)]
        cache[(adapter, category, documents)] = None
        gold = corpus()
        if gold is None:
            return None
        if documents is not None:
            gold = [a for a in gold if a.document.id in set(documents)]
        from .report.json_report import report_predictions
        from .scoring import compare_predictions

        try:
            before = report_predictions(baseline, baseline_path, adapter)
            after = run.predictions(adapter) if run is not None else report_predictions(report, report_path, adapter)
        except Exception:
            return None
        comparison = compare_predictions(gold, before, after, options, resamples=resamples, seed=0)
        found = comparison.to_dict()["categories"].get(category)
        if isinstance(found, Mapping):
            value = found.get(f"p_value_{test}")
            interval = comparison.interval
            method = f"paired {test} over {interval.unit}, {interval.documents} document(s)"
            if interval.optimistic:
                method += f", optimistic: fewer than {interval.min_documents} documents"
            cache[(adapter, category, documents)] = None if value is None else Significance(float(value), method)
        return cache[(adapter, category, documents)]

    return p_value


def check_same_gold(report: Mapping[str, Any], report_path: str | Path, gold_fingerprint: str,
                    gold_path: str | Path) -> None:
    """Raise ``UsageError`` when ``report`` was made from other gold than the one at ``gold_path``.

    Scores against other gold say nothing about this gold: a gate that read
    them would pass or fail on the wrong evidence.
    """
    from .errors import UsageError

    made_from = (report.get("gold") or {}).get("fingerprint")
    if made_from == gold_fingerprint:
        return
    raise UsageError(
        f"{report_path}#/gold/fingerprint: the report was made from other gold (fingerprint "
        f"{str(made_from)[:12]}, {(report.get('gold') or {}).get('path')!r}) than {str(gold_path)!r} "
        f"(fingerprint {gold_fingerprint[:12]}), so its scores say nothing about this gold. Re-run with "
        "`harness gate --run`, give the gold the report was made from with --gold, or pass "
        "--allow-other-gold to check it anyway."
    )


def write_step_summary(result: GateResult) -> bool:
    """Append the gate's Markdown summary to ``$GITHUB_STEP_SUMMARY`` when it is set."""
    import os

    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if not target:
        return False
    with open(target, "a", encoding="utf-8") as handle:
        handle.write(result.to_markdown() + "\n")
    return True


def run_gate(config: Any, report: Mapping[str, Any], report_path: str | Path, *,
             gold_path: str | Path | None = None, allow_other_gold: bool = False,
             run: RunInMemory | None = None) -> GateResult:
    """Parse the gate settings of ``config``, check their names against ``report`` and apply them.

    The report must have been made from the gold at ``gold_path`` (default:
    the configured gold folder) unless ``allow_other_gold``. The baseline
    file is read (relative to the project folder) only when drop checks are
    configured; a missing baseline fails those checks. ``run`` is the
    report's own run, still in memory (see ``RunInMemory``).
    """
    gate, malformed = parse_gate_entries(config)
    if not allow_other_gold:
        from .commands.run import configured_path
        from .gold import load_gold

        given = gold_path or configured_path(config, "gold", "gold")
        check_same_gold(report, report_path, load_gold(given).fingerprint, given)
    try:
        from .adapters.registry import adapter_names

        check_names(gate, report, str(report_path), adapter_names(config))
    except ConfigError as exc:
        malformed += exc.problems
    if malformed:  # every mistake, of form and of names, in one message
        raise ConfigError.of(malformed)
    baseline = None
    baseline_path = Path(gate.baseline_file)
    if not baseline_path.is_absolute():
        baseline_path = Path(config.root) / baseline_path
    if gate.drops and baseline_path.exists():
        from .report.json_report import load_report

        baseline = load_report(baseline_path)
    p_value = None
    if baseline is not None and gate.require_significance:
        from .scoring import ScoringOptions

        p_value = baseline_p_values(baseline, baseline_path, report, report_path, gold_path, test=gate.test,
                                    options=ScoringOptions.from_config(config), run=run)
    return evaluate_gate(gate, report, baseline=baseline, p_value=p_value)
