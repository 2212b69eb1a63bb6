"""Every built-in adapter against noisy variants of the gold (fixed seeds and example counts).

The oracle must be invariant: F1 1.0 on every variant. The rules and spaCy
adapters must keep every category's ΔF1 within the tolerance configured in
pyproject.toml, on the example gold and on every article of the gold folder.
"""

from pathlib import Path

import pytest

from harness.config import load_config
from harness.robustness import ArticleScorer, RobustnessSettings, run_document, settings_of

REPO = Path(__file__).parents[2]


def corpora():
    from harness import load_gold

    found = [load_gold(REPO / "tests" / "data" / "gold")]
    if (REPO / "gold" / "annotations").is_dir():
        found.append(load_gold(REPO / "gold"))
    return [a for corpus in found for a in corpus]


def run(adapter, annotations, examples, seed, tmp_path):
    configured = settings_of(load_config(REPO / "pyproject.toml"))
    settings = RobustnessSettings(examples=examples, seed=seed, max_blocks=4, tolerances=configured.tolerances)
    return run_document(ArticleScorer(adapter, load_config(REPO / "pyproject.toml")), annotations, settings,
                        out=tmp_path)


@pytest.mark.parametrize("annotations", corpora(), ids=lambda a: a.document.id)
def test_oracle_is_invariant(annotations, tmp_path):
    report = run("oracle", annotations, 15, 0, tmp_path)
    assert report.errors == 0
    assert all(row.f1_clean == 1.0 and row.mean_f1_noisy == 1.0 and row.worst_delta == 0.0 for row in report.categories)


@pytest.mark.parametrize("adapter, examples", [("rules", 30), ("spacy", 8)])
@pytest.mark.parametrize("annotations", corpora(), ids=lambda a: a.document.id)
def test_adapter_holds_its_tolerances(adapter, examples, annotations, tmp_path):
    report = run(adapter, annotations, examples, 1, tmp_path)
    assert report.clean.error is None, report.clean.error
    failing = {row.category: (round(row.worst_delta, 3), row.tolerance) for row in report.categories if row.broken}
    minimal = report.minimal.noise.to_dict() if report.minimal else None
    assert report.errors == 0 and not failing, f"{adapter} breaks {failing}; minimal variant: {minimal}"
