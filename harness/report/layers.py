"""One article with every layer of marks: the gold and each adapter's scored items.

``report.html`` and ``harness view`` show the same thing: the text of a
document once, and over it the gold items and each adapter's items, each
with its outcome (hit, wrong speaker, wrong type, wrong span, missed, false
alarm, leaked from boilerplate) and the scorer's note. ``harness show``
lists the same items. This module builds that view as plain JSON-ready
dicts; the pages turn it into marks with ``textContent``, so nothing from an
article or a prediction is ever parsed as markup.

A loose match (wrong type, wrong span) is two scorer items, a false alarm
and a miss that name each other; it is listed once, as the pair, marked
where the gold is. Every listed item carries ``counts``, its share of the
headline tp / fp / fn (a pair: 0 / 1 / 1), so the items of a document still
add up to the scores.
"""

from __future__ import annotations

from typing import Any, Iterable, Mapping

from ..model import CATEGORIES, Annotations

GOLD_LAYER = "gold"
OUTCOMES = ("hit", "wrong speaker", "wrong type", "wrong span", "missed", "false alarm", "leaked from boilerplate")
# the outcomes a reader walks through with j/k
ERROR_OUTCOMES = OUTCOMES[1:]


def outcome_of(status: str, has_gold: bool, has_prediction: bool, description: str,
               speaker_right: bool | None = None) -> str:
    """The outcome of one scored item, in words.

    A quote found with the speaker the scorer judged wrong is a wrong
    speaker (a hit for detection, wrong for attribution and end to end). A
    false alarm or a miss that the scorer paired with the other side (a
    loose match) is a wrong type when the note says so, else a wrong span;
    a false alarm in boilerplate is a leak.
    """
    if status == "tp":
        return "wrong speaker" if speaker_right is False else "hit"
    if status == "boilerplate":
        return "leaked from boilerplate"
    if has_gold and has_prediction:
        return "wrong type" if "wrong type" in description else "wrong span"
    return "missed" if status == "fn" else "false alarm"


def _span(value: Any) -> dict | None:
    if value is None:
        return None
    if isinstance(value, str):
        return {"start": None, "end": None, "text": value}
    if isinstance(value, (tuple, list)) and len(value) == 3:
        start, end, text = value
    elif isinstance(value, Mapping):
        start, end, text = value.get("start"), value.get("end"), value.get("text")
    else:
        start, end, text = getattr(value, "start", None), getattr(value, "end", None), getattr(value, "text", None)
    return {"start": start, "end": end, "text": "" if text is None else str(text)}


def _speaker_of(annotations: Annotations, quote: Any) -> str | None:
    if quote.speaker_entity:
        entity = annotations.entity(quote.speaker_entity)
        if entity is not None:
            return entity.canonical_name
    if quote.speaker_description:
        return quote.speaker_description
    return quote.speaker_mention.text if quote.speaker_mention is not None else None


def gold_speaker(annotations: Annotations, gold: Mapping[str, Any] | None) -> str | None:
    """The speaker of the gold quote at ``gold`` (a span dict), or None when there is none."""
    if not gold or gold.get("start") is None:
        return None
    for quote in annotations.quotes:
        if quote.content.start < gold["end"] and gold["start"] < quote.content.end:
            return _speaker_of(annotations, quote)
    return None


def _position(status: str, gold: dict | None, predicted: dict | None, text_length: int) -> tuple[int | None, int | None]:
    """Where an item is marked: a false alarm where it was predicted, the rest where the gold is."""
    first, second = (predicted, gold) if status in ("fp", "boilerplate") else (gold, predicted)
    for span in (first, second):
        if span and isinstance(span.get("start"), int) and isinstance(span.get("end"), int):
            if 0 <= span["start"] < span["end"] <= text_length:
                return span["start"], span["end"]
    return None, None


def _counts(status: str, category: str) -> dict[str, float]:
    """An item's share of the headline counts, by the scorer's own rule (``ItemOutcome.counts``)."""
    from ..scoring.outcomes import ItemOutcome

    share = ItemOutcome(status, category, None, None, None).counts
    return {"tp": share.tp, "fp": share.fp, "fn": share.fn}


def scored_item(annotations: Annotations, layer: str, category: str, item: Any) -> dict:
    """One adapter's scored item (an ``ItemOutcome`` or its dict) as the pages show it."""
    get = item.get if isinstance(item, Mapping) else (lambda name, default=None: getattr(item, name, default))
    status = str(get("status") or "fp")
    gold, predicted = _span(get("gold")), _span(get("predicted"))
    description = str(get("description") or "")
    speaker_right = get("speaker_right") if category == "quotes" else None
    start, end = _position(status, gold, predicted, len(annotations.document.text))
    found = {
        "layer": layer, "category": category, "status": status,
        "outcome": outcome_of(status, gold is not None, predicted is not None, description, speaker_right),
        "label": str(get("label") or get("type") or ""), "start": start, "end": end,
        "gold": gold, "predicted": predicted, "note": description, "counts": _counts(status, category),
    }
    if category == "quotes":
        found["gold_speaker"] = gold_speaker(annotations, gold)
        found["speaker"] = get("speaker")  # the predicted speaker of a found quote
        if found["outcome"] == "wrong speaker":
            # the scorer's note names the predicted speaker (or that none was given); add who said it
            found["note"] = f"{description}; gold speaker {found['gold_speaker']!r}"
    return found


def _loose_key(view: Mapping[str, Any]) -> tuple | None:
    """The gold and predicted spans both halves of a loose match carry (None for an item that is no half)."""
    gold, predicted = view["gold"], view["predicted"]
    if view["status"] == "tp" or gold is None or predicted is None:
        return None
    return gold["start"], gold["end"], predicted["start"], predicted["end"]


def layer_items(annotations: Annotations, layer: str, category: str, items: Iterable[Any]) -> list[dict]:
    """One adapter's items of one category as the pages list them (``scored_item``), a loose match once.

    The scorer gives a loose match as a false alarm and a miss that each
    name both spans. They become one item: the miss's gold label and place,
    the false alarm's note (which names the predicted and the gold type and
    text), both halves' counts, and the outcome of the pair (wrong type or
    wrong span).
    """
    views = [scored_item(annotations, layer, category, item) for item in items]
    misses: dict[tuple, list[int]] = {}
    for index, view in enumerate(views):
        key = _loose_key(view)
        if key is not None and view["status"] == "fn":
            misses.setdefault(key, []).append(index)
    merged_into: dict[int, int] = {}  # index of a false-alarm half -> index of its miss
    for index, view in enumerate(views):
        key = _loose_key(view)
        if key is not None and view["status"] != "fn" and misses.get(key):
            merged_into[index] = misses[key].pop(0)
    for alarm, miss in merged_into.items():
        pair, half = views[miss], views[alarm]
        pair["note"] = half["note"]
        pair["counts"] = {name: pair["counts"][name] + half["counts"][name] for name in pair["counts"]}
    return [view for index, view in enumerate(views) if index not in merged_into]


def outcome_changes(annotations: Annotations, category: str, items_a: Iterable[Any],
                    items_b: Iterable[Any]) -> list[dict]:
    """The gold items of one document and category whose outcome moved between two runs' items, while
    right in both or wrong in both (wrong type -> wrong span, missed -> wrong type, wrong speaker -> hit):
    the moves from right to wrong are the comparison's own lost and gained items. In the order of the text."""
    def by_gold(items: Iterable[Any]) -> dict[tuple, dict]:
        return {(view["gold"]["start"], view["gold"]["end"], view["label"]): view
                for view in layer_items(annotations, "", category, items)
                if view["status"] in ("tp", "fn") and view["gold"] is not None}

    gold_a, gold_b = by_gold(items_a), by_gold(items_b)
    changes = []
    for key in sorted(set(gold_a) & set(gold_b)):  # gold spans: whole offsets
        a, b = gold_a[key], gold_b[key]
        if a["outcome"] != b["outcome"] and (a["status"] == "tp") == (b["status"] == "tp"):
            changes.append({"doc_id": annotations.document.id, "category": category, "label": a["label"],
                            "gold": a["gold"], "outcome_a": a["outcome"], "outcome_b": b["outcome"],
                            "note_a": a["note"], "note_b": b["note"]})
    return changes


def corpus_outcome_changes(corpus: Iterable[Annotations], comparison: Any, category: str) -> list[dict]:
    """``outcome_changes`` for every document of ``corpus``, from a comparison's two scored results."""
    changes = []
    for annotations in corpus:
        doc_id = annotations.document.id
        changes += outcome_changes(annotations, category, comparison.a.items(doc_id, category),
                                   comparison.b.items(doc_id, category))
    return changes


def gold_items(annotations: Annotations) -> list[dict]:
    """The gold layer: every annotated mention, quote, figure and event trigger."""
    document = annotations.document
    items = []

    def add(category: str, span: Any, label: str | None, note: str, **extra: Any) -> None:
        region = " (in boilerplate)" if document.in_boilerplate(span.start, span.end) else ""
        items.append({"layer": GOLD_LAYER, "category": category, "status": "gold", "outcome": "gold",
                      "label": label or "", "start": span.start, "end": span.end,
                      "gold": _span(span), "predicted": None, "note": note + region, **extra})

    for entity in annotations.entities:
        for mention in entity.mentions:
            add("entities", mention, entity.type, f"{entity.type} {mention.form} mention of {entity.canonical_name!r}")
    for quote in annotations.quotes:
        speaker = _speaker_of(annotations, quote)
        add("quotes", quote.content, quote.kind, f"{quote.kind} quote; speaker {speaker!r}", gold_speaker=speaker)
    for figure in annotations.figures:
        value = figure.value if figure.value is not None else figure.value_reason
        add("figures", figure.span, figure.unit, f"figure {value!r}" + (f" {figure.unit}" if figure.unit else ""))
    for event in annotations.events:
        roles = ", ".join(argument.role for argument in event.arguments)
        add("events", event.trigger, event.type, f"{event.type} event ({event.modality})"
            + (f"; arguments: {roles}" if roles else ""))
    return items


def document_view(annotations: Annotations,
                  scored: Mapping[str, Mapping[str, Iterable[Any]]]) -> dict:
    """The article once, with its gold layer and a layer per adapter (adapter -> category -> items)."""
    document = annotations.document
    items = gold_items(annotations)
    for adapter, per_category in scored.items():
        for category in CATEGORIES:
            items += layer_items(annotations, adapter, category, per_category.get(category, ()))
    for index, item in enumerate(items):
        item["id"] = index
    return {
        "doc_id": document.id,
        "title": document.metadata.title or document.id,
        "text": document.text,
        "boilerplate": [[r.start, r.end] for r in document.regions if r.kind == "boilerplate"],
        "layers": [GOLD_LAYER, *scored],
        "items": items,
    }


def scored_items(run: Any, limit: int | None = None) -> dict[str, dict[str, dict[str, tuple]]]:
    """adapter -> doc id -> category -> item outcomes of a ``RunResult``; an adapter without scores has none.

    ``limit`` takes the first that many documents only (those a page embeds): item outcomes the
    scorer counted in a batch are computed when asked for and then kept, so asking for every
    document would cost the time and memory of scoring the corpus once more.
    """
    return {scored.name: adapter_items(scored.result, run.corpus, limit) for scored in run.adapters
            if scored.result is not None}


def adapter_items(result: Any, corpus: Any, limit: int | None = None) -> dict[str, dict[str, tuple]]:
    """doc id -> category -> item outcomes of one adapter's scores, of the first ``limit`` documents."""
    import itertools

    per_doc: dict[str, dict[str, tuple]] = {}
    for annotations in itertools.islice(corpus, limit):
        doc_id = annotations.document.id
        per_doc[doc_id] = {}
        for category in CATEGORIES:
            if category not in result.categories:
                continue
            try:
                per_doc[doc_id][category] = tuple(result.items(doc_id, category))
            except Exception:  # a page with fewer marks beats no page at all
                continue
    return per_doc


def outcome_counts(view: Mapping[str, Any]) -> dict[str, dict[str, int]]:
    """adapter -> outcome -> how many items of the document have it (the gold layer left out)."""
    counts: dict[str, dict[str, int]] = {}
    for item in view["items"]:
        if item["layer"] == GOLD_LAYER:
            continue
        per_layer = counts.setdefault(item["layer"], {})
        per_layer[item["outcome"]] = per_layer.get(item["outcome"], 0) + 1
    return counts
