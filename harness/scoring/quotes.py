"""Quote scoring: detection, attribution, end to end, and by kind.

Headline: **detection**. Quote content is compared without surrounding
whitespace and quotation marks. Mode ``overlap`` (default): a prediction
matches a gold quote when the token-overlap F1 of their contents is at
least ``quote_threshold`` (0.5); mode ``exact``: when the contents are the
same span. Matching is one-to-one and maximum, preferring higher overlap.

Attribution (an accuracy over matched quotes): the predicted speaker is
right when its offsets fall on a gold mention of the speaker entity (or
on the quote's gold speaker mention) -- so "he" at the offsets of a
mention of the mayor is the mayor -- or when its text equals, after name
normalisation, the speaker's canonical name, an alias or one of its name
mentions; for a speaker given only as a description ("a spokesperson"),
when the normalised texts are equal or one contains the other as whole words.

End to end: a hit needs the quote matched and the speaker right.
By kind: ``direct``, ``partial`` and ``indirect`` scored separately
(hits and misses by the gold kind, false alarms by the predicted kind,
``unknown`` when none was given).
"""

from __future__ import annotations

from typing import Sequence

from ..model import Annotations, Quote
from ..predictions import PredictedQuote, TextSpan
from .grounding import false_alarm_status, final_places, match_placements, placements
from .normalize import normalize_description, normalize_name, token_f1, token_spans, trim
from .options import ScoringOptions
from .outcomes import DocumentCategory, ItemOutcome, Leakage, ranked_predictions
from .score import Counts

KINDS = ("direct", "partial", "indirect")


def speaker_names(annotations: Annotations, quote: Quote,
                  known: dict[str, set[str]] | None = None) -> tuple[set[str], list[tuple[int, int]], bool]:
    """(normalised names, mention spans, whether the names are a description) of a gold quote's speaker.

    ``known`` keeps each entity's normalised names for the next quote of one document.
    """
    spans: list[tuple[int, int]] = []
    if quote.speaker_mention is not None:
        spans.append((quote.speaker_mention.start, quote.speaker_mention.end))
    if quote.speaker_entity is not None:
        entity = annotations.entity(quote.speaker_entity)
        if entity is not None:
            names = None if known is None else known.get(entity.id)
            if names is None:
                names = {normalize_name(n) for n in entity.names}
                names |= {normalize_name(m.text) for m in entity.mentions if m.form == "name"}
                names -= {""}
                if known is not None:
                    known[entity.id] = names
            spans += [(m.start, m.end) for m in entity.mentions]
            return set(names), spans, False
    if quote.speaker_description:
        return {normalize_description(quote.speaker_description)} - {""}, spans, True
    return set(), spans, False


def speaker_right(annotations: Annotations, quote: Quote, speaker: TextSpan | None,
                  known: dict[str, set[str]] | None = None) -> bool:
    """Whether a predicted speaker is the gold quote's speaker (see the module docstring); ``known`` as for ``speaker_names``."""
    if speaker is None:
        return False
    names, spans, described = speaker_names(annotations, quote, known)
    if speaker.has_offsets and any(s < speaker.end and speaker.start < e for s, e in spans):
        return True
    if described:
        said = normalize_description(speaker.text)
        return bool(said) and any(said == name or f" {said} " in f" {name} " or f" {name} " in f" {said} "
                                  for name in names)
    said = normalize_name(speaker.text)
    return bool(said) and said in names


def score_quotes(annotations: Annotations, predictions: Sequence[PredictedQuote],
                 options: ScoringOptions) -> DocumentCategory:
    """Score one document's quote predictions (see the module docstring)."""
    document = annotations.document
    text = document.text
    gold = sorted(annotations.quotes, key=lambda q: (q.content.start, q.content.end, q.id))
    gold_spans = [trim(q.content.start, q.content.end, text) for q in gold]

    def locate(prediction: PredictedQuote):
        return prediction.text.strip().strip("\"'\u201c\u201d\u2018\u2019\u00ab\u00bb "), prediction.start, prediction.end

    placed = placements(document, predictions, locate, lambda s, e: trim(s, e, text))
    # the same content predicted twice counts once: of several predictions with one place, the first
    single = {}
    placed = [pl for pl in placed if len(pl.spans) != 1 or single.setdefault(pl.spans[0], pl) is pl]

    tokens: dict[tuple[int, int], set] = {}  # per span, gold or predicted: a quote found is both

    def tokens_of(span: tuple[int, int]) -> set:
        if span not in tokens:
            tokens[span] = token_spans(text, *span)
        return tokens[span]

    def overlap(g: int, span: tuple[int, int]) -> float:
        return token_f1(tokens_of(gold_spans[g]), tokens_of(span))

    def stage(g: int, p: int, span: tuple[int, int]):
        if gold_spans[g] == span:
            return 0
        if options.quote_match == "overlap" and overlap(g, span) >= options.quote_threshold:
            return 0
        return None

    matched = match_placements(document, gold_spans, placed, stage, 1, lambda g, p, span: (-overlap(g, span),))
    places = final_places(document, gold_spans, placed, matched)
    matched_predictions = {p for p, _, _ in matched.values()}
    kept, used = [], set()  # an unmatched prediction where another one is counted is that one again
    for p in sorted(range(len(placed)), key=lambda p: (p not in matched_predictions, p)):
        if places[p] is not None and (p in matched_predictions or places[p] not in used):
            kept.append(p)
            used.add(places[p])
    kept.sort()
    index = {p: i for i, p in enumerate(kept)}
    predicted_spans = [places[p] for p in kept]
    predicted = [placed[p].prediction for p in kept]
    pairs = {g: (index[p], stage) for g, (p, stage, _) in matched.items()}
    ungrounded = [pl.prediction for pl in placed if not pl.grounded]

    items: list[ItemOutcome] = []
    per_kind: dict[str, Counts] = {kind: Counts() for kind in KINDS}
    attributed = 0
    end_to_end = 0
    matched_predictions = set()
    known_names: dict[str, set[str]] = {}
    span = lambda s_e: document.span(*s_e)
    for g, (p, _) in sorted(pairs.items()):
        matched_predictions.add(p)
        right = speaker_right(annotations, gold[g], predicted[p].speaker, known_names)
        attributed += right
        end_to_end += right
        said = (f"speaker {predicted[p].speaker.text!r} {'right' if right else 'wrong'}" if predicted[p].speaker
                else "no speaker given")
        items.append(ItemOutcome("tp", "quotes", gold[g].kind, span(gold_spans[g]), span(predicted_spans[p]),
                                 f"{gold[g].kind} quote found; {said}", predicted[p].score,
                                 predicted[p].speaker.text if predicted[p].speaker else None, right))
        per_kind[gold[g].kind] += Counts(1, 0, 0)
    for g, quote in enumerate(gold):
        if g not in pairs:
            items.append(ItemOutcome("fn", "quotes", quote.kind, span(gold_spans[g]), None,
                                     f"{quote.kind} quote missed"))
            per_kind[quote.kind] += Counts(0, 0, 1)
    for p, prediction in enumerate(predicted):
        if p not in matched_predictions:
            located = span(predicted_spans[p])
            items.append(ItemOutcome(false_alarm_status(document, located), "quotes", prediction.kind, None, located,
                                     "no such quote in the gold", prediction.score))
            kind = prediction.kind if prediction.kind in KINDS else "unknown"
            per_kind[kind] = per_kind.get(kind, Counts()) + Counts(0, 1, 0)
    for prediction in ungrounded:
        items.append(ItemOutcome("fp", "quotes", prediction.kind, None, None,
                                 f"not found in the text: {prediction.text[:80]!r}", prediction.score))
        kind = prediction.kind if prediction.kind in KINDS else "unknown"
        per_kind[kind] = per_kind.get(kind, Counts()) + Counts(0, 1, 0)

    total_predicted = len(predicted) + len(ungrounded)
    subscores = {
        "detection": Counts(len(pairs), total_predicted - len(pairs), len(gold) - len(pairs)),
        "attribution": Counts.agreement(attributed, len(pairs)),
        "end_to_end": Counts(end_to_end, total_predicted - end_to_end, len(gold) - end_to_end),
        **{kind: per_kind[kind] for kind in KINDS},
    }
    in_boilerplate = sum(1 for s, e in predicted_spans if document.in_boilerplate(s, e))
    leakage = Leakage(len(predicted_spans), in_boilerplate, sum(1 for i in items if i.status == "boilerplate"))
    ranked = ranked_predictions(items, predicted + ungrounded)
    return DocumentCategory("quotes", tuple(items), subscores, ("attribution",), per_kind, leakage,
                            len(ungrounded), ranked)

