"""Event scoring, ACE style.

* trigger identification: a predicted trigger overlaps a gold trigger;
* trigger classification (the headline): and the event type is equal;
* argument identification: within an event pair matched with the right
  type, a predicted argument matches a gold argument -- its offsets overlap
  the gold argument's span or any mention of the gold argument's entity, or
  its text equals (after name normalisation) the entity's canonical name,
  an alias, a name mention, or the gold argument's span text;
* argument classification: and the role is equal (case-insensitive).

Arguments of events without a right-typed match are false alarms or
misses. Matching is one-to-one and maximum at each level, same-type pairs
first. Modality agreement is the share of right-typed event pairs whose
modality is equal (a prediction without modality counts as ``asserted``).
"""

from __future__ import annotations

from typing import Sequence

from ..model import Annotations, Argument, Event
from ..predictions import PredictedArgument, PredictedEvent
from .grounding import false_alarm_status, place_all
from .matching import maximum_matching, overlap_pairs, staged_matching
from .normalize import normalize_name
from .options import ScoringOptions
from .outcomes import DocumentCategory, ItemOutcome, Leakage, ranked_predictions
from .score import Counts


def _argument_matches(annotations: Annotations, gold: Argument, predicted: PredictedArgument) -> bool:
    spans = []
    names = set()
    if gold.span is not None:
        spans.append((gold.span.start, gold.span.end))
        names.add(normalize_name(gold.span.text))
    entity = annotations.entity(gold.entity) if gold.entity else None
    if entity is not None:
        spans += [(m.start, m.end) for m in entity.mentions]
        names |= {normalize_name(n) for n in entity.names}
        names |= {normalize_name(m.text) for m in entity.mentions if m.form == "name"}
    if predicted.start is not None and predicted.end is not None:
        if any(s < predicted.end and predicted.start < e for s, e in spans):
            return True
    said = normalize_name(predicted.text)
    return bool(said) and said in names


def _arguments(annotations: Annotations, gold: Event, predicted: PredictedEvent) -> tuple[int, int]:
    """(identified, classified) argument pairs of one matched event pair."""
    arguments = sorted(set(predicted.arguments), key=repr)
    edges = [(g, p) for g, a in enumerate(gold.arguments) for p, b in enumerate(arguments)
             if _argument_matches(annotations, a, b)]
    same_role = lambda g, p: gold.arguments[g].role.casefold() == arguments[p].role.casefold()
    staged = staged_matching(edges, lambda g, p: 0 if same_role(g, p) else 1, 2)
    classified = len(maximum_matching([e for e in edges if same_role(*e)]))
    return len(staged), classified


def score_events(annotations: Annotations, predictions: Sequence[PredictedEvent],
                 options: ScoringOptions) -> DocumentCategory:
    """Score one document's event predictions (see the module docstring)."""
    document = annotations.document
    gold = sorted(annotations.events, key=lambda v: (v.trigger.start, v.trigger.end, v.type, v.id))
    gold_spans = [(v.trigger.start, v.trigger.end) for v in gold]
    placed = place_all(document, predictions, gold_spans,
                       lambda v: (v.trigger.text, v.trigger.start, v.trigger.end))
    unique = sorted({(span.start, span.end, v) for span, v in placed if span is not None},
                    key=lambda t: (t[0], t[1], t[2].type, repr(t[2])))
    predicted_spans = [(s, e) for s, e, _ in unique]
    predicted = [v for _, _, v in unique]
    ungrounded = sorted({v for span, v in placed if span is None}, key=repr)

    distance = lambda g, p: (abs(gold_spans[g][0] - predicted_spans[p][0]) + abs(gold_spans[g][1] - predicted_spans[p][1]), g, p)
    pairs = staged_matching(overlap_pairs(gold_spans, predicted_spans),
                            lambda g, p: 0 if gold[g].type == predicted[p].type else 1, 2, distance)

    items: list[ItemOutcome] = []
    per_type: dict[str, Counts] = {}

    def tally(label: str, counts: Counts) -> None:
        per_type[label] = per_type.get(label, Counts()) + counts

    identified = len(pairs)
    classified = 0
    modality_equal = 0
    arguments_identified = arguments_classified = 0
    matched = set()
    for g, (p, stage) in sorted(pairs.items()):
        matched.add(p)
        event, guess = gold[g], predicted[p]
        located = document.span(*predicted_spans[p])
        if stage == 0:
            classified += 1
            modality_equal += (guess.modality or "asserted") == event.modality
            found, right = _arguments(annotations, event, guess)
            arguments_identified += found
            arguments_classified += right
            items.append(ItemOutcome("tp", "events", event.type, event.trigger, located,
                                     f"{event.type} event found; {right} of {len(event.arguments)} arguments right",
                                     guess.score))
            tally(event.type, Counts(1, 0, 0))
        else:
            items.append(ItemOutcome(false_alarm_status(document, located), "events", guess.type, event.trigger,
                                     located, f"wrong type: predicted {guess.type}, gold {event.type}", guess.score))
            items.append(ItemOutcome("fn", "events", event.type, event.trigger, located,
                                     f"{event.type} event found with the wrong type {guess.type}"))
            tally(guess.type, Counts(0, 1, 0))
            tally(event.type, Counts(0, 0, 1))
    for g, event in enumerate(gold):
        if g not in pairs:
            items.append(ItemOutcome("fn", "events", event.type, event.trigger, None, f"{event.type} event missed"))
            tally(event.type, Counts(0, 0, 1))
    for p, guess in enumerate(predicted):
        if p not in matched:
            located = document.span(*predicted_spans[p])
            items.append(ItemOutcome(false_alarm_status(document, located), "events", guess.type, None, located,
                                     f"no gold event at trigger {located.text!r}", guess.score))
            tally(guess.type, Counts(0, 1, 0))
    for guess in ungrounded:
        items.append(ItemOutcome("fp", "events", guess.type, None, None,
                                 f"trigger not found in the text: {guess.trigger.text!r}", guess.score))
        tally(guess.type, Counts(0, 1, 0))

    total_predicted = len(predicted) + len(ungrounded)
    gold_arguments = sum(len(v.arguments) for v in gold)
    predicted_arguments = sum(len(set(v.arguments)) for v in predicted + ungrounded)
    subscores = {
        "trigger_identification": Counts(identified, total_predicted - identified, len(gold) - identified),
        "trigger_classification": Counts(classified, total_predicted - classified, len(gold) - classified),
        "argument_identification": Counts(arguments_identified, predicted_arguments - arguments_identified,
                                          gold_arguments - arguments_identified),
        "argument_classification": Counts(arguments_classified, predicted_arguments - arguments_classified,
                                          gold_arguments - arguments_classified),
        "modality_agreement": Counts.agreement(modality_equal, classified),
    }
    in_boilerplate = sum(1 for s, e in predicted_spans if document.in_boilerplate(s, e))
    leakage = Leakage(len(predicted_spans), in_boilerplate, sum(1 for i in items if i.status == "boilerplate"))
    return DocumentCategory("events", tuple(items), subscores, ("modality_agreement",), per_type, leakage,
                            len(ungrounded), ranked_predictions(items, predicted + ungrounded))
