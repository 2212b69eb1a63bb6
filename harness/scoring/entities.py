"""Entity scoring: mentions in the four SemEval schemes, and distinct entities.

Headline: mention-level **strict** (same span and same type).

Forms: by default only gold *name* mentions are scored. A prediction whose
``form`` is ``nominal`` or ``pronoun`` is ignored, and so is a prediction
that overlaps no gold name mention but does overlap a gold nominal or
pronoun mention ("the company"): it is neither a hit nor a false alarm,
since the gold marks it as a mention, just not one that is scored. With
``include_pronouns`` every form is scored.

Boilerplate (``Document.in_boilerplate``): gold mentions inside boilerplate
regions are not scored (they are annotated so that leakage can be
recognised, not to be found), and every prediction there is a false
positive with status ``boilerplate``, never matched, even where it
overlaps a body mention.

Text-only predictions (no offsets) stand for every occurrence of their
text outside boilerplate as written, else for every one found loosely
(case, whitespace, quote style) outside boilerplate, except occurrences
inside a longer text-only prediction of the same document ("Doe" inside
"Jane Doe"); a text found only in boilerplate counts once, as leakage.

Entity level: the distinct entities found. A prediction names the entity
of its ``canonical_name`` (else its text); it finds a gold entity of the
same type whose canonical name, alias or name mention is equal after
normalisation. Several predictions of one gold entity find it once.
"""

from __future__ import annotations

from collections import Counter
from typing import Sequence

from ..model import Annotations, Document, Span
from ..predictions import PredictedEntity
from .grounding import ranked_occurrences, span_of
from .normalize import normalize_name
from .options import ScoringOptions
from .outcomes import DocumentCategory, ItemOutcome, Leakage
from .score import Counts
from .semeval import canonical, match_schemes, semeval_counts

SCORED_FORMS = ("name",)


def _grounded(annotations: Annotations, predictions: Sequence[PredictedEntity]):
    """(placed mentions with their prediction, ungrounded predictions)."""
    document = annotations.document
    placed: list[tuple[Span, PredictedEntity]] = []
    text_only: list[tuple[PredictedEntity, list[tuple[int, int]]]] = []
    ungrounded: list[PredictedEntity] = []
    for prediction in predictions:
        span = span_of(document, prediction.start, prediction.end)
        if span is not None:
            placed.append((span, prediction))
        elif prediction.start is not None:
            ungrounded.append(prediction)
        else:
            found = _best_occurrences(document, prediction.text)
            if found:
                text_only.append((prediction, found))
            else:
                ungrounded.append(prediction)
    all_text_spans = [span for _, found in text_only for span in found]
    for prediction, found in text_only:
        for start, end in found:
            nested = any(s <= start and end <= e and (e - s) > (end - start) for s, e in all_text_spans)
            if not nested:
                placed.append((document.span(start, end), prediction))
    return placed, ungrounded


def _best_occurrences(document: Document, name: str) -> list[tuple[int, int]]:
    """The occurrences a text-only name stands for: those outside boilerplate as written, else
    those outside boilerplate found loosely; a name found only in boilerplate is leakage, counted once."""
    ranked = ranked_occurrences(document, name)
    if not ranked:
        return []
    tier = lambda span: (document.in_boilerplate(*span), document.text[span[0]:span[1]] != name.strip())
    best = tier(ranked[0])
    if best[0]:
        return ranked[:1]
    return [span for span in ranked if tier(span) == best]


def score_entities(annotations: Annotations, predictions: Sequence[PredictedEntity],
                   options: ScoringOptions) -> DocumentCategory:
    """Score one document's entity predictions (see the module docstring)."""
    document = annotations.document
    scored_forms = None if options.include_pronouns else SCORED_FORMS
    # mentions in boilerplate are annotated so that leakage can be named, not to be found
    gold_all = [(m.start, m.end, e.type, m.form, e.id, m.text) for e in annotations.entities for m in e.mentions
                if not document.in_boilerplate(m.start, m.end)]
    gold_scored = [g for g in gold_all if scored_forms is None or g[3] in scored_forms]
    gold_unscored = [(g[0], g[1]) for g in gold_all if scored_forms is not None and g[3] not in scored_forms]

    kept = [p for p in predictions if scored_forms is None or (p.form or "name") in scored_forms]
    placed, ungrounded = _grounded(annotations, kept)

    def ignored(span: Span) -> bool:
        if not gold_unscored:
            return False
        touches = lambda s, e: s < span.end and span.start < e if span.end > span.start else s == span.start
        return not any(touches(g[0], g[1]) for g in gold_scored) and any(touches(s, e) for s, e in gold_unscored)

    placed = [(span, p) for span, p in placed if not ignored(span)]

    gold_mentions = canonical([(g[0], g[1], g[2]) for g in gold_scored])
    info = {(g[0], g[1], g[2]): g for g in gold_scored}
    by_mention: dict[tuple[int, int, str], PredictedEntity] = {}
    for span, prediction in sorted(placed, key=lambda sp: (sp[0].start, sp[0].end, sp[1].type, sp[1].text)):
        by_mention.setdefault((span.start, span.end, prediction.type), prediction)
    predicted_mentions = canonical(list(by_mention))

    # a prediction in boilerplate is a false positive whatever gold it touches
    matches = match_schemes(gold_mentions, predicted_mentions,
                            [not document.in_boilerplate(s, e) for s, e, _ in predicted_mentions])
    semeval = semeval_counts(matches)
    strict = matches["strict"].pairs

    items: list[ItemOutcome] = []
    per_type: dict[str, Counts] = {}

    def tally(label: str, counts: Counts) -> None:
        per_type[label] = per_type.get(label, Counts()) + counts

    def gold_span(g: int) -> Span:
        start, end, _ = gold_mentions[g]
        return document.span(start, end)

    def predicted_span(p: int) -> Span:
        start, end, _ = predicted_mentions[p]
        return document.span(start, end)

    def false_alarm(p: int, description: str, gold: Span | None = None) -> ItemOutcome:
        start, end, label = predicted_mentions[p]
        status = "boilerplate" if document.in_boilerplate(start, end) else "fp"
        score = by_mention[predicted_mentions[p]].score
        return ItemOutcome(status, "entities", label, gold, predicted_span(p),
                           description if status == "fp" else f"{description}; in boilerplate", score)

    matched_predictions = set()
    for g, (p, stage) in sorted(strict.items()):
        matched_predictions.add(p)
        g_label, p_label = gold_mentions[g][2], predicted_mentions[p][2]
        if stage == 0:
            items.append(ItemOutcome("tp", "entities", g_label, gold_span(g), predicted_span(p),
                                     f"{g_label} mention found", by_mention[predicted_mentions[p]].score))
            tally(g_label, Counts(1, 0, 0))
        else:
            what = "wrong type" if gold_span(g) == predicted_span(p) else "wrong span"
            items.append(false_alarm(p, f"{what}: predicted {p_label} {predicted_span(p).text!r}, "
                                        f"gold {g_label} {gold_span(g).text!r}", gold_span(g)))
            items.append(ItemOutcome("fn", "entities", g_label, gold_span(g), predicted_span(p),
                                     f"{g_label} mention matched only loosely ({what})"))
            tally(p_label, Counts(0, 1, 0))
            tally(g_label, Counts(0, 0, 1))
    for g in range(len(gold_mentions)):
        if g not in strict:
            items.append(ItemOutcome("fn", "entities", gold_mentions[g][2], gold_span(g), None,
                                     f"{gold_mentions[g][2]} mention missed"))
            tally(gold_mentions[g][2], Counts(0, 0, 1))
    for p in range(len(predicted_mentions)):
        if p not in matched_predictions:
            items.append(false_alarm(p, f"spurious {predicted_mentions[p][2]} mention"))
            tally(predicted_mentions[p][2], Counts(0, 1, 0))
    for prediction in sorted(set(ungrounded), key=lambda x: (x.text, x.type)):
        items.append(ItemOutcome("fp", "entities", prediction.type, None, None,
                                 f"not found in the text: {prediction.text!r}", prediction.score))
        tally(prediction.type, Counts(0, 1, 0))

    in_boilerplate = sum(1 for s, e, _ in predicted_mentions if document.in_boilerplate(s, e))
    leakage = Leakage(len(predicted_mentions), in_boilerplate,
                      sum(1 for item in items if item.status == "boilerplate"))

    confusion: Counter = Counter()
    for g, (p, stage) in matches["exact"].pairs.items():
        if stage == 0:
            confusion[f"{gold_mentions[g][2]}\t{predicted_mentions[p][2]}"] += 1

    entity_level = _entity_level(annotations, gold_scored, [p for _, p in placed] + list(ungrounded))
    subscores = {name: counts.counts for name, counts in semeval.items()}
    subscores["entity_level"] = sum(entity_level.values(), Counts())
    scored_predictions = list(by_mention.values()) + list(set(ungrounded))
    ranked = None
    if all(p.score is not None for p in scored_predictions):
        hits = {p for g, (p, stage) in strict.items() if stage == 0}
        ranked = tuple(sorted((by_mention[m].score, i in hits) for i, m in enumerate(predicted_mentions))) + \
            tuple((p.score, False) for p in set(ungrounded))
    return DocumentCategory(
        "entities", tuple(items), subscores, (), per_type, leakage, len(set(ungrounded)), ranked,
        {"entity_level": entity_level},
        {**{f"semeval:{name}": counts.to_dict() for name, counts in semeval.items()},
         "confusion": dict(confusion)},
    )


def _entity_level(annotations: Annotations, gold_scored, predictions: Sequence[PredictedEntity]) -> dict[str, Counts]:
    """Per type: distinct gold entities found, missed, and distinct predicted names matching none.

    A prediction finds the entity with the smallest id among those of its
    type that bear its name; that entity is looked up once per name and
    type, so many mentions of one name cost no more than many names.
    """
    wanted = {g[4] for g in gold_scored}
    normal: dict[str, str] = {}  # each distinct string is normalised once

    def key_of(name: str) -> str:
        if name not in normal:
            normal[name] = normalize_name(name)
        return normal[name]

    types = {e.id: e.type for e in annotations.entities}
    first: dict[tuple[str, str], str] = {}  # (name, type) -> the smallest id of an entity bearing it
    for entity in annotations.entities:
        if entity.id not in wanted:
            continue
        keys = {key_of(n) for n in entity.names}
        keys |= {key_of(m.text) for m in entity.mentions if m.form == "name"}
        label = types[entity.id]
        for key in keys - {""}:
            if (key, label) not in first or entity.id < first[(key, label)]:
                first[(key, label)] = entity.id
    found: set[str] = set()
    spurious: set[tuple[str, str]] = set()
    for prediction in predictions:
        key = key_of(prediction.canonical_name or prediction.text)
        hit = first.get((key, prediction.type))
        if hit is not None:
            found.add(hit)
        else:
            spurious.add((key, prediction.type))
    out: dict[str, Counts] = {}
    for entity_id in wanted:
        label = types[entity_id]
        out[label] = out.get(label, Counts()) + (Counts(1, 0, 0) if entity_id in found else Counts(0, 0, 1))
    for _, label in spurious:
        out[label] = out.get(label, Counts()) + Counts(0, 1, 0)
    return out
