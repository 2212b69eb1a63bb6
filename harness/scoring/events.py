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
misses. Each level is its own one-to-one maximum matching; the item
outcomes come from the staged one (as many same-type pairs as possible,
then as many wrong-type pairs, then the most arguments right). Modality agreement is the share of right-typed event pairs whose
modality is equal (a prediction without modality counts as ``asserted``).
"""

from __future__ import annotations

import dataclasses
from typing import Sequence

from ..model import Annotations, Argument, Event
from ..predictions import PredictedArgument, PredictedEvent
from .grounding import false_alarm_status, final_places, match_placements, placements
from .matching import is_matching, maximum_matching
from .normalize import normalize_name
from .options import ScoringOptions
from .outcomes import DocumentCategory, ItemOutcome, Leakage, ranked_predictions
from .score import Counts


class _Names(dict):
    """Normalised names of one document, each text normalised once however often it is compared."""

    def __missing__(self, text: str) -> str:
        self[text] = normalize_name(text)
        return self[text]


Targets = tuple[tuple[tuple[int, int], ...], frozenset[str]]  # the spans and the names a gold argument is found by


def _entity_targets(annotations: Annotations, entity_id: str | None, names_of: _Names) -> Targets:
    entity = annotations.entity(entity_id) if entity_id else None
    if entity is None:
        return (), frozenset()
    names = {names_of[n] for n in entity.names} | {names_of[m.text] for m in entity.mentions if m.form == "name"}
    return tuple((m.start, m.end) for m in entity.mentions), frozenset(names)


def _argument_targets(gold: Argument, entity: Targets, names_of: _Names) -> Targets:
    """What a predicted argument may hit to match ``gold``: its span, its entity's mentions and names."""
    spans, names = entity
    if gold.span is not None:
        spans = ((gold.span.start, gold.span.end), *spans)
        names = names | {names_of[gold.span.text]}
    return spans, names


def _argument_matches(targets: Targets, predicted: PredictedArgument, names_of: _Names) -> bool:
    spans, names = targets
    if predicted.start is not None and predicted.end is not None:
        if any(s < predicted.end and predicted.start < e for s, e in spans):
            return True
    said = names_of[predicted.text]
    return bool(said) and said in names


def _arguments(gold: Event, targets: Sequence[Targets], predicted: PredictedEvent, names_of: _Names) -> tuple[int, int]:
    """(identified, classified) argument pairs of one matched event pair.

    ``targets`` are those of ``gold``'s arguments, in order; ``predicted``'s
    arguments are already distinct and in their canonical order.
    """
    arguments = predicted.arguments
    edges = [(g, p) for g, target in enumerate(targets) for p, b in enumerate(arguments)
             if _argument_matches(target, b, names_of)]
    same_role = lambda g, p: gold.arguments[g].role.casefold() == arguments[p].role.casefold()
    right = [e for e in edges if same_role(*e)]
    # each its own maximum matching: the most arguments found, and the most found with their role;
    # edges that share no argument are their own maximum matching, with nothing to solve
    identified = len(edges) if is_matching(edges) else \
        len(maximum_matching(sorted(edges, key=lambda e: (not same_role(*e), e))))
    classified = len(right) if is_matching(right) else len(maximum_matching(right))
    return identified, classified


def score_events(annotations: Annotations, predictions: Sequence[PredictedEvent],
                 options: ScoringOptions) -> DocumentCategory:
    """Score one document's event predictions (see the module docstring)."""
    document = annotations.document
    gold = sorted(annotations.events, key=lambda v: (v.trigger.start, v.trigger.end, v.type, v.id))
    gold_spans = [(v.trigger.start, v.trigger.end) for v in gold]
    # arguments are a set: the order an extractor lists them in is no part of the prediction
    # (one argument or none is in its order already, and its repr is the costly part)
    predictions = [v if len(v.arguments) < 2 else dataclasses.replace(v, arguments=tuple(sorted(set(v.arguments), key=repr)))
                   for v in predictions]
    placed = placements(document, predictions, lambda v: (v.trigger.text, v.trigger.start, v.trigger.end))
    predicted = [placement.prediction for placement in placed]

    same_type = lambda g, p: gold[g].type == predicted[p].type
    argument_pairs: dict[tuple[int, int], tuple[int, int]] = {}
    names_of = _Names()
    entities: dict[str | None, Targets] = {}
    targets: dict[int, list[Targets]] = {}  # per gold event, those of its arguments, made when first compared

    def arguments(g: int, p: int) -> tuple[int, int]:
        if (g, p) not in argument_pairs:
            if g not in targets:
                for a in gold[g].arguments:
                    if a.entity not in entities:
                        entities[a.entity] = _entity_targets(annotations, a.entity, names_of)
                targets[g] = [_argument_targets(a, entities[a.entity], names_of) for a in gold[g].arguments]
            argument_pairs[(g, p)] = _arguments(gold[g], targets[g], predicted[p], names_of)
        return argument_pairs[(g, p)]

    def preference(g: int, p: int, span: tuple[int, int]) -> tuple:
        # among equally many right-typed pairs, the ones with more arguments right, then the closest
        found, right = arguments(g, p) if same_type(g, p) else (0, 0)
        return (-right, -found, abs(gold_spans[g][0] - span[0]) + abs(gold_spans[g][1] - span[1]))

    matched = match_placements(document, gold_spans, placed, lambda g, p, span: 0 if same_type(g, p) else 1, 2,
                               preference)
    identified_pairs = match_placements(document, gold_spans, placed, lambda g, p, span: 0, 1,
                                        lambda g, p, span: (not same_type(g, p), *preference(g, p, span)))
    pairs = {g: (p, stage) for g, (p, stage, _) in matched.items()}
    predicted_spans = final_places(document, gold_spans, placed, matched)
    grounded = [p for p, place in enumerate(predicted_spans) if place is not None]
    ungrounded = [predicted[p] for p, place in enumerate(predicted_spans) if place is None]

    items: list[ItemOutcome] = []
    per_type: dict[str, Counts] = {}

    def tally(label: str, counts: Counts) -> None:
        per_type[label] = per_type.get(label, Counts()) + counts

    identified = len(identified_pairs)
    classified = 0
    modality_equal = 0
    arguments_identified = arguments_classified = 0
    matched_predictions = set()
    for g, (p, stage) in sorted(pairs.items()):
        matched_predictions.add(p)
        event, guess = gold[g], predicted[p]
        located = document.span(*predicted_spans[p])
        if stage == 0:
            classified += 1
            modality_equal += (guess.modality or "asserted") == event.modality
            found, right = arguments(g, p)
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
    for p in grounded:
        if p not in matched_predictions:
            guess = predicted[p]
            located = document.span(*predicted_spans[p])
            items.append(ItemOutcome(false_alarm_status(document, located), "events", guess.type, None, located,
                                     f"no gold event at trigger {located.text!r}", guess.score))
            tally(guess.type, Counts(0, 1, 0))
    for guess in ungrounded:
        items.append(ItemOutcome("fp", "events", guess.type, None, None,
                                 f"trigger not found in the text: {guess.trigger.text!r}", guess.score))
        tally(guess.type, Counts(0, 1, 0))

    total_predicted = len(predicted)
    gold_arguments = sum(len(v.arguments) for v in gold)
    predicted_arguments = sum(len(set(v.arguments)) for v in predicted)
    subscores = {
        "trigger_identification": Counts(identified, total_predicted - identified, len(gold) - identified),
        "trigger_classification": Counts(classified, total_predicted - classified, len(gold) - classified),
        "argument_identification": Counts(arguments_identified, predicted_arguments - arguments_identified,
                                          gold_arguments - arguments_identified),
        "argument_classification": Counts(arguments_classified, predicted_arguments - arguments_classified,
                                          gold_arguments - arguments_classified),
        "modality_agreement": Counts.agreement(modality_equal, classified),
    }
    in_boilerplate = sum(1 for p in grounded if document.in_boilerplate(*predicted_spans[p]))
    leakage = Leakage(len(grounded), in_boilerplate, sum(1 for i in items if i.status == "boilerplate"))
    return DocumentCategory("events", tuple(items), subscores, ("modality_agreement",), per_type, leakage,
                            len(ungrounded), ranked_predictions(items, predicted))
