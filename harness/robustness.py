"""Robustness runs: how much does boilerplate noise hurt an adapter?

For each gold document the adapter is scored on

* the **clean** article: body and heading regions only, gold projected;
* the article **as given** (with whatever boilerplate it came with);
* N **noisy variants**: the clean article with blocks injected and format
  noise applied, drawn by Hypothesis from ``harness.strategies.noise_recipes``.

ΔF1 of a variant is its F1 minus the clean F1 (negative is worse). A variant
*breaks* a category when ΔF1 < −tolerance, or breaks the run when the adapter
fails on it. When one does, the same Hypothesis search is run again with
shrinking, so the minimal breaking variant (fewest, shortest blocks, least
format noise) is found; it is saved as a JSON fixture that ``replay``
rebuilds exactly from the gold and rescores.

Tolerances come from ``[tool.harness.robustness.tolerance]``::

    [tool.harness.robustness]
    examples = 50          # noisy variants per document
    seed = 0
    max_blocks = 6         # blocks per variant, at most
    format_noise = true    # also apply format noise

    [tool.harness.robustness.tolerance]
    default = 0.05         # every adapter, every category
    entities = 0.08        # one category, every adapter
    rules = { entities = 0.1 }   # one adapter: a table of categories, or one number
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Mapping

from .config import HarnessConfig
from .errors import ConfigError, InputError, UsageError, short
from .model import CATEGORIES, Annotations, Corpus
from .noise import Noise, NoisyArticle, apply_noise, clean_article

FIXTURE_FORMAT = "harness-robustness-fixture"
FIXTURE_VERSION = 1
SETTING_KEYS = ("examples", "seed", "max_blocks", "format_noise", "tolerance")
DEFAULT_TOLERANCE = 0.05


# ---------------------------------------------------------------- settings


@dataclass(frozen=True)
class Tolerances:
    """The largest F1 drop allowed per adapter and category.

    Lookup order: ``<adapter>.<category>``, ``<adapter>`` (one number),
    ``<category>``, then ``default``.
    """

    default: float = DEFAULT_TOLERANCE
    categories: Mapping[str, float] = field(default_factory=dict)
    adapters: Mapping[str, float | Mapping[str, float]] = field(default_factory=dict)

    def of(self, adapter: str, category: str) -> float:
        """The tolerance for ``category`` of ``adapter``."""
        own = self.adapters.get(adapter)
        if isinstance(own, Mapping) and category in own:
            return own[category]
        if isinstance(own, (int, float)):
            return float(own)
        return self.categories.get(category, self.default)


@dataclass(frozen=True)
class RobustnessSettings:
    """What one robustness run does: how many variants, from which seed, how noisy, how tolerant."""

    examples: int = 50
    seed: int = 0
    max_blocks: int = 6
    format_noise: bool = True
    tolerances: Tolerances = field(default_factory=Tolerances)


def _tolerance_value(value: Any, where: str, key: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0.0 <= value <= 1.0:
        raise ConfigError(f"{where}: {key} = {short(value)} must be a number from 0 to 1 "
                          f"(the largest F1 drop allowed, e.g. 0.05).")
    return float(value)


def tolerances_of(config: HarnessConfig) -> Tolerances:
    """The validated ``[tool.harness.robustness.tolerance]`` table."""
    where = config.where("robustness.tolerance")
    table = config.section("robustness").get("tolerance", {})
    if not isinstance(table, dict):
        raise ConfigError(f"{where} must be a table, not {short(table)}. Write it as [tool.harness.robustness.tolerance].")
    default, categories, adapters = DEFAULT_TOLERANCE, {}, {}
    for key, value in table.items():
        if key == "default":
            default = _tolerance_value(value, where, key)
        elif key in CATEGORIES:
            categories[key] = _tolerance_value(value, where, key)
        elif isinstance(value, dict):
            for category, amount in value.items():
                if category not in CATEGORIES:
                    raise ConfigError(f"{where}: unknown category {category!r} in {key} = {short(value)}; "
                                      f"known categories: {', '.join(CATEGORIES)}.")
            adapters[key] = {c: _tolerance_value(v, where, f"{key}.{c}") for c, v in value.items()}
        else:
            adapters[key] = _tolerance_value(value, where, key)
    return Tolerances(default, categories, adapters)


def settings_of(config: HarnessConfig) -> RobustnessSettings:
    """The validated ``[tool.harness.robustness]`` section (defaults where unset)."""
    section = config.section("robustness")
    where = config.where("robustness")
    unknown = sorted(set(section) - set(SETTING_KEYS))
    if unknown:
        raise ConfigError(f"{where}: unknown setting {unknown[0]!r}; known: {', '.join(SETTING_KEYS)}.")
    values: dict[str, Any] = {}
    for key, low in (("examples", 1), ("seed", 0), ("max_blocks", 0)):
        if key in section:
            value = section[key]
            if isinstance(value, bool) or not isinstance(value, int) or value < low:
                raise ConfigError(f"{where}: {key} = {short(value)} must be an integer of at least {low}.")
            values[key] = value
    if "format_noise" in section:
        if not isinstance(section["format_noise"], bool):
            raise ConfigError(f"{where}: format_noise = {short(section['format_noise'])} must be true or false.")
        values["format_noise"] = section["format_noise"]
    return RobustnessSettings(**values, tolerances=tolerances_of(config))


# ---------------------------------------------------------------- scoring one article


@dataclass(frozen=True)
class CategoryPoint:
    """One category of one scored article: F1 and how many grounded predictions lay in boilerplate."""

    f1: float
    grounded: int = 0
    in_boilerplate: int = 0


@dataclass(frozen=True)
class ArticleScore:
    """The adapter on one article: a point per category it predicts, or the error it raised."""

    categories: Mapping[str, CategoryPoint] = field(default_factory=dict)
    error: str | None = None


class ArticleScorer:
    """Runs one adapter on an article and scores it against that article's gold.

    The oracle is built afresh for each article with that article's gold, so
    it answers for noisy variants too (it must be invariant).
    """

    def __init__(self, adapter: str, config: HarnessConfig | None = None, extractor: Any = None):
        from .adapters import get_adapter
        from .adapters.oracle import OracleExtractor

        self.adapter = adapter
        self.config = config or HarnessConfig()
        self.extractor = extractor if extractor is not None else get_adapter(adapter, self.config)
        self.needs_gold = isinstance(self.extractor, OracleExtractor)

    def __call__(self, annotations: Annotations) -> ArticleScore:
        from .adapters import run_extractor
        from .scoring import evaluate
        from .scoring.score import Score

        extractor = self.extractor
        if self.needs_gold:
            extractor = type(self.extractor)(gold=Corpus((annotations,)), name=self.extractor.name,
                                             settings=self.extractor.settings)
        outcome = run_extractor(extractor, annotations.document)
        if outcome.error is not None or outcome.predictions is None:
            error = outcome.error or {}
            return ArticleScore(error=f"{error.get('kind', 'error')}: {error.get('message', 'no predictions')}")
        result = evaluate(Corpus((annotations,)), {annotations.document.id: outcome.predictions})
        # only F1 and leakage are shown: read them from the document's counts rather than
        # aggregating the result, whose bootstrap intervals (and curves) nobody would see
        outcomes = result.documents.get(annotations.document.id, {})
        points = {}
        for category in result.supported:
            if category not in outcomes:
                continue
            found = outcomes[category]
            leakage = found.leakage
            points[category] = CategoryPoint(
                float(Score.of(found.headline).f1), int(getattr(leakage, "grounded", 0) or 0),
                int(getattr(leakage, "in_boilerplate", 0) or 0))
        return ArticleScore(points)


# ---------------------------------------------------------------- one variant, summaries


@dataclass(frozen=True)
class VariantResult:
    """One noisy variant: its recipe, its score, and ΔF1 per category against the clean article."""

    noise: Noise
    score: ArticleScore
    delta: Mapping[str, float]
    broken: tuple[str, ...]  # categories whose drop exceeds the tolerance ("error" if the adapter failed)


def compare(clean: ArticleScore, variant: ArticleScore, adapter: str, tolerances: Tolerances) -> tuple[dict, tuple]:
    """(ΔF1 per category, the categories broken) of a variant scored against the clean article."""
    if variant.error is not None:
        return {}, ("error",)
    delta, broken = {}, []
    for category, point in clean.categories.items():
        noisy = variant.categories.get(category)
        change = (noisy.f1 if noisy is not None else 0.0) - point.f1
        delta[category] = change
        if change < -tolerances.of(adapter, category) - 1e-12:
            broken.append(category)
    return delta, tuple(broken)


@dataclass(frozen=True)
class CategorySummary:
    """One row of the robustness table."""

    category: str
    f1_clean: float
    f1_given: float | None
    mean_f1_noisy: float | None
    mean_delta: float | None
    worst_delta: float | None
    leakage_given: float  # share of grounded predictions in boilerplate, as given
    leakage_noisy: float  # the same over every noisy variant
    in_boilerplate_given: int
    in_boilerplate_noisy: int
    tolerance: float
    broken: int  # variants whose drop exceeded the tolerance

    def to_dict(self) -> dict:
        return dict(self.__dict__)


def _share(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def summarise(adapter: str, clean: ArticleScore, given: ArticleScore, variants: list[VariantResult],
              tolerances: Tolerances) -> tuple[CategorySummary, ...]:
    """A row per category the adapter predicts on the clean article."""
    rows = []
    for category, point in clean.categories.items():
        scored = [v for v in variants if v.score.error is None]
        f1s = [v.score.categories[category].f1 if category in v.score.categories else 0.0 for v in scored]
        deltas = [v.delta[category] for v in scored if category in v.delta]
        given_point = given.categories.get(category)
        grounded = sum(v.score.categories[category].grounded for v in scored if category in v.score.categories)
        inside = sum(v.score.categories[category].in_boilerplate for v in scored if category in v.score.categories)
        rows.append(CategorySummary(
            category, point.f1,
            given_point.f1 if given_point else None,
            sum(f1s) / len(f1s) if f1s else None,
            sum(deltas) / len(deltas) if deltas else None,
            min(deltas) if deltas else None,
            _share(given_point.in_boilerplate, given_point.grounded) if given_point else 0.0,
            _share(inside, grounded),
            given_point.in_boilerplate if given_point else 0,
            inside,
            tolerances.of(adapter, category),
            sum(1 for v in variants if category in v.broken),
        ))
    return tuple(rows)


# ---------------------------------------------------------------- the Hypothesis searches


class _Broken(Exception):
    """Raised inside the shrinking search when a variant breaks; carries the variant."""

    def __init__(self, result: VariantResult):
        super().__init__(f"variant breaks {', '.join(result.broken)}")
        self.result = result


def _search(strategy, examples: int, seed: int, body: Callable[[Noise], None], shrink: bool) -> None:
    from hypothesis import HealthCheck, Phase, Verbosity, given
    from hypothesis import seed as fixed_seed
    from hypothesis import settings

    phases = (Phase.generate, Phase.shrink) if shrink else (Phase.generate,)

    @fixed_seed(seed)
    @settings(max_examples=examples, database=None, derandomize=False, deadline=None, phases=phases,
              suppress_health_check=list(HealthCheck), verbosity=Verbosity.quiet, print_blob=False,
              report_multiple_bugs=False)
    @given(strategy)
    def search(noise: Noise) -> None:
        body(noise)

    search()


def _size(noise: Noise) -> tuple:
    kinds = len(noise.format.kinds) if noise.format is not None else 0
    return noise.block_count, noise.block_chars, kinds


# ---------------------------------------------------------------- the run


@dataclass(frozen=True)
class DocumentRobustness:
    """The robustness of one adapter on one gold document."""

    doc_id: str
    adapter: str
    seed: int
    clean: ArticleScore
    given: ArticleScore
    variants: tuple[VariantResult, ...]
    categories: tuple[CategorySummary, ...]
    minimal: VariantResult | None = None
    fixture: Path | None = None
    seconds: float = 0.0

    @property
    def errors(self) -> int:
        return sum(1 for v in self.variants if v.score.error is not None)

    @property
    def broken(self) -> int:
        return sum(1 for v in self.variants if v.broken)

    def to_dict(self) -> dict:
        return {
            "doc_id": self.doc_id,
            "adapter": self.adapter,
            "seed": self.seed,
            "examples": len(self.variants),
            "errors": self.errors,
            "broken": self.broken,
            "clean_error": self.clean.error,
            "given_error": self.given.error,
            "categories": [row.to_dict() for row in self.categories],
            "minimal": None if self.minimal is None else {
                "broken": list(self.minimal.broken), "delta": dict(self.minimal.delta),
                "noise": self.minimal.noise.to_dict(), "fixture": str(self.fixture) if self.fixture else None,
            },
            "seconds": round(self.seconds, 3),
        }


def variants_strategy(clean: Annotations, settings: RobustnessSettings):
    """The Hypothesis strategy the run draws noise recipes from."""
    from .strategies import noise_recipes

    return noise_recipes(clean, max_blocks=settings.max_blocks, with_format=settings.format_noise)


def run_document(scorer: ArticleScorer, annotations: Annotations, settings: RobustnessSettings, *,
                 out: Path | None = None, shrink: bool = True,
                 progress: Callable[[int], None] | None = None) -> DocumentRobustness:
    """Score ``annotations`` clean, as given and in ``settings.examples`` noisy variants; shrink a break."""
    started = time.perf_counter()
    adapter, tolerances = scorer.adapter, settings.tolerances
    clean = clean_article(annotations)
    clean_score, given_score = scorer(clean), scorer(annotations)
    variants: list[VariantResult] = []
    cache: dict[Noise, VariantResult] = {}

    def score(noise: Noise) -> VariantResult:
        if noise not in cache:
            variant = apply_noise(clean, noise)
            article = scorer(variant.annotations)
            delta, broken = compare(clean_score, article, adapter, tolerances)
            cache[noise] = VariantResult(noise, article, delta, broken)
        return cache[noise]

    def record(noise: Noise) -> None:
        variants.append(score(noise))
        if progress is not None:
            progress(1)

    strategy = variants_strategy(clean, settings)
    if clean_score.error is None:
        _search(strategy, settings.examples, settings.seed, record, shrink=False)
    minimal, fixture = None, None
    if shrink and any(v.broken for v in variants):
        smallest: list[VariantResult] = []

        def fail(noise: Noise) -> None:
            result = score(noise)
            if result.broken:
                if not smallest or _size(result.noise) < _size(smallest[0].noise):
                    smallest[:] = [result]
                raise _Broken(result)

        try:
            _search(strategy, settings.examples, settings.seed, fail, shrink=True)
        except _Broken as exc:
            minimal = exc.result
        if smallest and (minimal is None or _size(smallest[0].noise) < _size(minimal.noise)):
            minimal = smallest[0]
        if minimal is not None and out is not None:
            fixture = save_fixture(out, adapter, settings.seed, annotations, minimal)
    rows = summarise(adapter, clean_score, given_score, variants, tolerances)
    return DocumentRobustness(annotations.document.id, adapter, settings.seed, clean_score, given_score,
                              tuple(variants), rows, minimal, fixture, time.perf_counter() - started)


# ---------------------------------------------------------------- fixtures


def fixture_dict(adapter: str, seed: int, annotations: Annotations, result: VariantResult) -> dict:
    """The replayable JSON form of a breaking variant."""
    variant = apply_noise(clean_article(annotations), result.noise)
    return {
        "format": FIXTURE_FORMAT,
        "version": FIXTURE_VERSION,
        "adapter": adapter,
        "seed": seed,
        "doc_id": annotations.document.id,
        "gold_sha256": annotations.document.sha256,
        "base": "clean",
        "noisy_sha256": variant.document.sha256,
        "broken": list(result.broken),
        "delta": dict(result.delta),
        "error": result.score.error,
        "noise": result.noise.to_dict(),
    }


def save_fixture(out: Path, adapter: str, seed: int, annotations: Annotations, result: VariantResult) -> Path:
    """Write the fixture of a breaking variant under ``out`` (atomically) and return its path."""
    from .files import write_json_atomic

    safe = "".join(c if c.isalnum() or c in "-_." else "-" for c in f"{adapter}-{annotations.document.id}")
    path = Path(out) / f"minimal-{safe}-seed{seed}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    write_json_atomic(path, fixture_dict(adapter, seed, annotations, result))
    return path


@dataclass(frozen=True)
class Fixture:
    """A loaded fixture: which adapter and document, and the recipe to rebuild the variant."""

    path: Path
    adapter: str
    seed: int
    doc_id: str
    gold_sha256: str
    noisy_sha256: str
    noise: Noise


def load_fixture(path: str | Path) -> Fixture:
    """Read a fixture written by a robustness run; ``InputError`` naming the bad field and the fix."""
    from .files import read_json

    path = Path(path)
    raw = read_json(path)
    fix = "Use a file written by `harness robustness` under reports/robustness/."
    if not isinstance(raw, dict) or raw.get("format") != FIXTURE_FORMAT:
        raise InputError(f"{path}: not a robustness fixture (\"format\" should be {FIXTURE_FORMAT!r}, "
                         f"found {short(raw.get('format') if isinstance(raw, dict) else raw)}). {fix}")
    if raw.get("version") != FIXTURE_VERSION:
        raise InputError(f"{path}#/version: version {short(raw.get('version'))} is not supported "
                         f"(this harness reads version {FIXTURE_VERSION}). {fix}")
    for key in ("adapter", "doc_id", "gold_sha256", "noisy_sha256"):
        if not isinstance(raw.get(key), str):
            raise InputError(f"{path}#/{key}: expected a string, found {short(raw.get(key))}. {fix}")
    try:
        noise = Noise.from_dict(raw["noise"])
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise InputError(f"{path}#/noise: the noise recipe is malformed ({type(exc).__name__}: {exc}). {fix}") from None
    return Fixture(path, raw["adapter"], int(raw.get("seed", 0)), raw["doc_id"], raw["gold_sha256"],
                   raw["noisy_sha256"], noise)


@dataclass(frozen=True)
class Replay:
    """A fixture rebuilt and rescored."""

    fixture: Fixture
    variant: NoisyArticle
    clean: ArticleScore
    result: VariantResult


def replay(fixture: Fixture, corpus: Corpus, scorer: ArticleScorer, tolerances: Tolerances) -> Replay:
    """Rebuild the fixture's variant from the gold exactly and score it again."""
    try:
        annotations = corpus[fixture.doc_id]
    except KeyError:
        raise UsageError(f"{fixture.path}#/doc_id: document {fixture.doc_id!r} is not in the gold "
                         f"(it has {', '.join(corpus.doc_ids)}). Pass the gold it was made from with --gold.") from None
    if annotations.document.sha256 != fixture.gold_sha256:
        raise InputError(f"{fixture.path}#/gold_sha256: the gold text of {fixture.doc_id!r} has changed since the "
                         f"fixture was saved (now {annotations.document.sha256[:12]}..., fixture "
                         f"{fixture.gold_sha256[:12]}...). Re-run `harness robustness` to make a new one.")
    clean = clean_article(annotations)
    try:
        variant = apply_noise(clean, fixture.noise)
    except ValueError as exc:
        raise InputError(f"{fixture.path}#/noise: {exc}. The fixture does not fit this gold; re-run `harness robustness`.") from None
    if variant.document.sha256 != fixture.noisy_sha256:
        raise InputError(f"{fixture.path}#/noisy_sha256: the rebuilt variant differs from the saved one "
                         f"(sha256 {variant.document.sha256[:12]}... vs {fixture.noisy_sha256[:12]}...). "
                         "The noise library changed; re-run `harness robustness`.")
    clean_score = scorer(clean)
    article = scorer(variant.annotations)
    delta, broken = compare(clean_score, article, scorer.adapter, tolerances)
    return Replay(fixture, variant, clean_score, VariantResult(fixture.noise, article, delta, broken))
