"""Agreement of two annotations: B scored as predictions against A as gold, by the scorer itself.

Only what both sides annotated is compared: documents in both (with the
same text), and in each of them the layers both annotated. Documents and
layers only one side annotated are listed, not guessed at. F1 is symmetric
(swapping A and B swaps precision and recall), so the pair's F1 does not
depend on which is called gold. Item-level disagreements are the scorer's
misses (A only) and false alarms (B only).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, Mapping, Sequence

from ..model import CATEGORIES, Annotations, Corpus
from ..predictions import from_gold
from .alpha import krippendorff_alpha
from .token_labels import cohen_kappa, entity_token_labels


@dataclass(frozen=True)
class LayerSide:
    """A layer of a shared document that only one side annotated."""

    doc_id: str
    layer: str
    annotated_by: str


@dataclass(frozen=True)
class PairAgreement:
    """How far two annotations agree, over what both annotated."""

    first: str
    second: str
    result: Any  # harness.scoring.EvaluationResult of second against first
    only_first: tuple[str, ...]
    only_second: tuple[str, ...]
    text_differs: tuple[str, ...]
    one_sided: tuple[LayerSide, ...]
    kappa: float | None
    kappa_tokens: int

    def disagreements(self, layer: str) -> list[dict]:
        """Every item the two sides do not share in ``layer``, with its document."""
        out = []
        for doc_id in sorted(self.result.documents):
            for item in self.result.items(doc_id, layer):
                if item.status != "tp":
                    side = self.first if item.status == "fn" else self.second
                    out.append({"doc_id": doc_id, "only_in": side, **item.to_dict()})
        return out

    def to_dict(self) -> dict:
        layers = {name: category.to_dict() for name, category in self.result.categories.items()}
        return {
            "a": self.first, "b": self.second,
            "documents": len(self.result.documents),
            "layers": layers,
            "disagreements": {name: self.disagreements(name) for name in layers},
            "cohen_kappa": {"entities": self.kappa, "tokens": self.kappa_tokens},
            "only_in_a": list(self.only_first), "only_in_b": list(self.only_second),
            "text_differs": list(self.text_differs),
            "one_sided_layers": [dataclasses.asdict(side) for side in self.one_sided],
        }


def restricted_to_shared(first: Annotations, second: Annotations) -> Annotations:
    """``first`` annotated only for the layers ``second`` annotates too."""
    return dataclasses.replace(first, layers=tuple(c for c in first.layers if c in second.layers))


def agree_pair(first: Corpus, second: Corpus, names: tuple[str, str], options: Any = None) -> PairAgreement:
    """The agreement of ``second`` with ``first`` (named ``names`` in the report)."""
    from ..scoring import evaluate

    ids_first, ids_second = set(first.doc_ids), set(second.doc_ids)
    shared = sorted(ids_first & ids_second)
    differs = tuple(d for d in shared if first[d].document.text != second[d].document.text)
    gold, predictions, one_sided = [], {}, []
    kappa_first: list[str] = []
    kappa_second: list[str] = []
    for doc_id in (d for d in shared if d not in differs):
        a, b = first[doc_id], second[doc_id]
        for layer in CATEGORIES:
            if a.annotates(layer) != b.annotates(layer):
                one_sided.append(LayerSide(doc_id, layer, names[0] if a.annotates(layer) else names[1]))
        gold.append(restricted_to_shared(a, b))
        predictions[doc_id] = from_gold(b, adapter=names[1])
        if a.annotates("entities") and b.annotates("entities"):
            labels_a, labels_b = entity_token_labels([a, b])
            kappa_first += labels_a
            kappa_second += labels_b
    result = evaluate(gold, predictions, options)
    return PairAgreement(names[0], names[1], result, tuple(sorted(ids_first - ids_second)),
                         tuple(sorted(ids_second - ids_first)), differs, tuple(one_sided),
                         cohen_kappa(kappa_first, kappa_second), len(kappa_first))


def entity_alpha(corpora: Sequence[Corpus]) -> tuple[float | None, int]:
    """Krippendorff's alpha over entity token labels of every annotation (missing where one did not annotate)."""
    units = []
    doc_ids = sorted({d for corpus in corpora for d in corpus.doc_ids})
    for doc_id in doc_ids:
        present = [c[doc_id] if doc_id in c.doc_ids else None for c in corpora]
        annotated = [a for a in present if a is not None and a.annotates("entities")]
        if len(annotated) < 2 or len({a.document.text for a in annotated}) > 1:
            continue
        labels = iter(entity_token_labels(annotated))
        columns = [next(labels) if a is not None and a.annotates("entities") else None for a in present]
        length = len(next(c for c in columns if c is not None))
        units += [[None if c is None else c[t] for c in columns] for t in range(length)]
    return krippendorff_alpha(units), len(units)


def agreement_report(corpora: Mapping[str, Corpus], options: Any = None) -> tuple[dict, list[PairAgreement]]:
    """Every pair's agreement (as JSON and as objects) and, for more than two annotations, Krippendorff's alpha."""
    names = list(corpora)
    pairs = [agree_pair(corpora[a], corpora[b], (a, b), options)
             for i, a in enumerate(names) for b in names[i + 1:]]
    out: dict = {"annotations": names, "pairs": [p.to_dict() for p in pairs]}
    if len(names) > 2:
        alpha, units = entity_alpha(list(corpora.values()))
        out["krippendorff_alpha"] = {"entities": alpha, "tokens": units}
    return out, pairs
