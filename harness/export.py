"""The gold corpus as a Hugging Face ``datasets.Dataset``, and back.

One row per document, with explicit ``Features`` so the column types never
depend on what the first rows happen to hold. A figure's value (a number, a
``[low, high]`` range, a ``{"pair": [first, second]}`` tally or null) is
stored as ``value_kind`` plus ``value_low``/``value_high`` (a pair's first and
second), which keeps integers, floats, ranges, pairs and nulls apart. Loading checks every row with the same schema and semantic rules as
the JSON files, so an edited export is caught like an edited annotation file.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from .errors import InputError, Problem, ValidationFailed
from .model import Annotations, Corpus
from .schemas import schema_problems
from .serialize import FORMAT_VERSION, annotations_from_dict, annotations_to_dict, upgrade
from .validate import semantic_problems


def features():
    """The explicit ``datasets.Features`` of an exported gold corpus."""
    from datasets import Features, Sequence, Value

    string, integer = Value("string"), Value("int64")
    span = {"start": integer, "end": integer, "text": string}
    return Features({
        "doc_id": string,
        "text": string,
        "text_sha256": string,
        "metadata": {
            "title": string, "source": string, "publisher": string,
            "url": string, "published": string, "language": string,
            "notes": Sequence(string),
        },
        "layers": Sequence(string),
        "regions": [{"start": integer, "end": integer, "kind": string, "label": string}],
        "entities": [{
            "id": string, "type": string, "canonical_name": string,
            "aliases": Sequence(string), "wikidata": string, "value": string,
            "mentions": [{"start": integer, "end": integer, "text": string, "form": string, "value": string}],
        }],
        "quotes": [{
            "id": string, "kind": string, "content": span,
            "speaker_entity": string, "speaker_description": string,
            "speaker_mention": span, "cue": span, "addressee": string,
        }],
        "figures": [{
            "id": string, "span": span,
            "value_kind": string, "value_low": Value("float64"), "value_high": Value("float64"),
            "value_reason": string, "unit": string, "approximation": string, "measures": string,
        }],
        "events": [{
            "id": string, "type": string, "trigger": span,
            "arguments": [{"role": string, "entity": string, "span": span}],
            "time": string, "place": string, "modality": string,
        }],
    })


def _figure_value_columns(value: Any) -> dict:
    if value is None:
        return {"value_kind": "null", "value_low": None, "value_high": None}
    if isinstance(value, (list, tuple)):
        return {"value_kind": "range", "value_low": float(value[0]), "value_high": float(value[1])}
    if isinstance(value, dict):  # {"pair": [first, second]}: a scoreline or vote
        first, second = value["pair"]
        return {"value_kind": "pair", "value_low": float(first), "value_high": float(second)}
    kind = "int" if isinstance(value, int) and not isinstance(value, bool) else "float"
    return {"value_kind": kind, "value_low": float(value), "value_high": float(value)}


def _figure_value(row: dict) -> Any:
    kind = row["value_kind"]
    if kind == "null":
        return None
    if kind == "range":
        return [row["value_low"], row["value_high"]]
    if kind == "pair":
        return {"pair": [row["value_low"], row["value_high"]]}
    if kind == "int":
        return int(row["value_low"])
    return row["value_low"]


def annotations_to_row(annotations: Annotations) -> dict:
    """One dataset row for one annotated document."""
    row = annotations_to_dict(annotations)
    row.pop("format_version")
    row["text"] = annotations.document.text
    row["metadata"].setdefault("notes", [])
    row.setdefault("regions", [])
    for figure in row["figures"]:
        figure.update(_figure_value_columns(figure.pop("value")))
    return row


def row_to_dict(row: dict) -> tuple[dict, str]:
    """The annotation-file dict and the text held in one dataset row."""
    raw = dict(row)
    text = raw.pop("text")
    if raw.get("layers") is None:  # written before layers existed: upgraded below
        raw.pop("layers", None)
        raw["format_version"] = 1
    else:
        raw["format_version"] = FORMAT_VERSION
    metadata = raw.get("metadata")
    if isinstance(metadata, dict) and not metadata.get("notes"):
        raw["metadata"] = {k: v for k, v in metadata.items() if k != "notes"}
    if not raw.get("regions"):
        raw.pop("regions", None)  # an undivided page
    figures = []
    for figure in raw.get("figures") or ():
        figure = dict(figure)
        value = _figure_value(figure)
        for key in ("value_kind", "value_low", "value_high"):
            figure.pop(key, None)
        figure["value"] = value
        figures.append(figure)
    raw["figures"] = figures
    return upgrade(_without_null_spans(raw)), text


def _without_null_spans(raw: dict) -> dict:
    # Arrow stores a missing span as a struct of nulls on some versions; the file format says null
    def fix(span: Any) -> Any:
        if isinstance(span, dict) and span.get("start") is None and span.get("text") is None:
            return None
        return span

    for quote in raw.get("quotes") or ():
        for key in ("speaker_mention", "cue"):
            quote[key] = fix(quote.get(key))
    for event in raw.get("events") or ():
        for argument in event.get("arguments") or ():
            argument["span"] = fix(argument.get("span"))
    return raw


def to_dataset(corpus: Corpus):
    """The corpus as a ``datasets.Dataset`` with explicit features."""
    from datasets import Dataset

    rows = [annotations_to_row(a) for a in corpus]
    return Dataset.from_list(rows, features=features())


def export_corpus(corpus: Corpus, out: str | os.PathLike, fmt: str = "hf") -> Path:
    """Write the corpus with ``save_to_disk`` (``hf``) or as one Parquet file (``parquet``)."""
    from datasets.utils.logging import disable_progress_bar

    disable_progress_bar()  # the CLI prints its own one-line summary
    out = Path(out)
    dataset = to_dataset(corpus)
    if fmt == "hf":
        dataset.save_to_disk(str(out))
        return out
    if fmt == "parquet":
        target = out if out.suffix == ".parquet" else out / "gold.parquet"
        target.parent.mkdir(parents=True, exist_ok=True)
        dataset.to_parquet(str(target))
        return target
    raise InputError(f"unknown export format {fmt!r}; use 'hf' or 'parquet'.")


def read_rows(path: Path) -> list[dict]:
    """The rows of a Parquet file or a dataset folder, as dicts."""
    if path.suffix.lower() == ".parquet":
        import pyarrow.parquet as pq

        try:
            return pq.read_table(str(path)).to_pylist()
        except Exception as exc:  # pyarrow raises many types for a bad file
            raise InputError(f"{path}: not a readable Parquet file ({exc}).") from None
    from datasets import load_from_disk

    try:
        return load_from_disk(str(path)).to_list()
    except Exception as exc:
        raise InputError(f"{path}: not a readable dataset folder ({exc}).") from None


def load_exported(path: str | os.PathLike) -> Corpus:
    """Load a corpus written by ``export_corpus``, checking every row like an annotation file."""
    path = Path(path)
    problems: list[Problem] = []
    documents = []
    for index, row in enumerate(read_rows(path)):
        where = f"{path}[{index}]"
        try:
            raw, text = row_to_dict(row)
        except (KeyError, TypeError) as exc:
            problems.append(Problem(where, "", f"row is missing a column: {exc}.", fix="Export again with harness export."))
            continue
        found = schema_problems("gold", raw, where)
        if not found:
            found = semantic_problems(raw, text, where)
        if found:
            problems += found
            continue
        documents.append(annotations_from_dict(raw, text))
    if problems:
        raise ValidationFailed(problems)
    return Corpus(tuple(documents))
