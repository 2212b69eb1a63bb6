"""The development set: short articles written for the adapters' tests, each with the items a reader expects.

``articles/NAME.txt`` is an article; ``articles/NAME.expected.json`` beside it
lists what it holds: entities as ``[type, text]``, quotes as ``{"text",
"speaker"}`` (the speaker's accepted names) and figures as ``[text, value]``.
The lists are what a careful reader marks, not what an adapter found.

Recall here is simple and strict about what matters: an entity is found when
a prediction has its text and type; a quote when a prediction's content
overlaps it with token F1 of at least 0.5 (as the scorer's default); a
speaker when that quote's predicted speaker is one of the accepted names; a
figure when a prediction overlaps its text and has its value.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

from harness.predictions import Predictions
from harness.scoring.normalize import normalize_name, token_f1, token_spans

ARTICLES = Path(__file__).parent / "articles"
CATEGORIES = ("entities", "quotes", "speakers", "figures")


@dataclass(frozen=True)
class Expected:
    name: str
    text: str
    entities: tuple[tuple[str, str], ...]
    quotes: tuple[tuple[str, tuple[str, ...]], ...]
    figures: tuple[tuple[str, float], ...]


@dataclass(frozen=True)
class Recall:
    """Counts found and expected per category; rates derived here only."""

    found: dict[str, int]
    expected: dict[str, int]
    missed: dict[str, tuple[str, ...]]

    def rate(self, category: str) -> float:
        return self.found[category] / self.expected[category] if self.expected[category] else 1.0

    def __add__(self, other: "Recall") -> "Recall":
        return Recall({c: self.found[c] + other.found[c] for c in CATEGORIES},
                      {c: self.expected[c] + other.expected[c] for c in CATEGORIES},
                      {c: self.missed[c] + other.missed[c] for c in CATEGORIES})


def names() -> list[str]:
    return sorted(p.name[:-len(".expected.json")] for p in ARTICLES.glob("*.expected.json"))


def load(name: str) -> Expected:
    text = (ARTICLES / f"{name}.txt").read_text(encoding="utf-8")
    data = json.loads((ARTICLES / f"{name}.expected.json").read_text(encoding="utf-8"))
    return Expected(name, text,
                    tuple((kind, words) for kind, words in data["entities"]),
                    tuple((q["text"], tuple(q["speaker"])) for q in data["quotes"]),
                    tuple((words, float(value)) for words, value in data["figures"]))


def _span(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def recall(expected: Expected, predictions: Predictions) -> Recall:
    text = expected.text
    found = dict.fromkeys(CATEGORIES, 0)
    missed: dict[str, list[str]] = {c: [] for c in CATEGORIES}
    predicted_entities = {(e.type, e.text) for e in predictions.entities}
    for entity in expected.entities:
        if entity in predicted_entities:
            found["entities"] += 1
        else:
            missed["entities"].append(f"{entity[0]} {entity[1]}")
    predicted_quotes = [(token_spans(text, q.start, q.end), q) for q in predictions.quotes if q.start is not None]
    for words, speakers in expected.quotes:
        tokens = token_spans(text, *_span(text, words))
        best = max(predicted_quotes, key=lambda pq: token_f1(tokens, pq[0]), default=None)
        if best is None or token_f1(tokens, best[0]) < 0.5:
            missed["quotes"].append(words)
            missed["speakers"].append(words)
            continue
        found["quotes"] += 1
        said = best[1].speaker.text if best[1].speaker else ""
        if said and normalize_name(said) in {normalize_name(s) for s in speakers}:
            found["speakers"] += 1
        else:
            missed["speakers"].append(f"{words} (speaker {said!r})")
    for words, value in expected.figures:
        start, end = _span(text, words)
        if any(f.start is not None and f.start < end and start < f.end and isinstance(f.value, (int, float))
               and math.isclose(f.value, value, rel_tol=1e-9) for f in predictions.figures):
            found["figures"] += 1
        else:
            missed["figures"].append(words)
    totals = {"entities": len(expected.entities), "quotes": len(expected.quotes), "speakers": len(expected.quotes),
              "figures": len(expected.figures)}
    return Recall(found, totals, {c: tuple(m) for c, m in missed.items()})


def main(argv: list[str] | None = None) -> None:
    """Print entity, quote, speaker and figure recall per article for each adapter, and the misses asked for.

    Usage: python -m tests.adapters.devset [--adapters rules,spacy] [--misses entities] [NAME ...]
    """
    import argparse

    from harness.adapters import get_adapter, run_extractor
    from harness.model import Document

    parser = argparse.ArgumentParser(description="Recall of the baselines on the development set, per article.")
    parser.add_argument("names", nargs="*", help="articles to read (all when none)")
    parser.add_argument("--adapters", default="rules,spacy")
    parser.add_argument("--misses", choices=CATEGORIES, help="list what each adapter missed in this category")
    args = parser.parse_args(argv)
    for adapter in args.adapters.split(","):
        extractor = get_adapter(adapter.strip())
        print(f"\n{adapter}")
        print(f"{'article':<14}" + "".join(f"{c:>10}" for c in CATEGORIES))
        total = None
        for name in args.names or names():
            expected = load(name)
            outcome = run_extractor(extractor, Document(name, expected.text))
            if outcome.error is not None:
                print(f"{name:<14} error: {outcome.error}")
                continue
            found = recall(expected, outcome.predictions)
            total = found if total is None else total + found
            print(f"{name:<14}" + "".join(f"{found.rate(c):>10.2f}" for c in CATEGORIES))
            if args.misses:
                for missed in found.missed[args.misses]:
                    print(f"{'':<16}{missed}")
        if total is not None:
            print(f"{'overall':<14}" + "".join(f"{total.rate(c):>10.2f}" for c in CATEGORIES))


if __name__ == "__main__":
    main()
