"""An adapter's scored run reduced to what its reports read, as soon as it is scored.

A run used to hold every adapter's predictions and every scored item until
the reports were written, so its memory grew with the corpus once per
adapter. ``settle`` keeps, per adapter: the lines of its predictions file
(compressed: written to ``predictions/<adapter>.jsonl`` as they are), the
scores and slice scores of report.json, and the item outcomes of the
documents report.html embeds. Everything else it scored is let go before the
next adapter runs. The reports are the same as from the whole result (tested).
"""

from __future__ import annotations

import json
import zlib
from dataclasses import dataclass, field, replace
from typing import Any, Iterator, Mapping

from ..predictions import Predictions

CHUNK_LINES = 256  # predictions lines compressed together: enough text for zlib to find repeats
READ_BYTES = 1 << 20  # the most a chunk is inflated by at a time when its lines are read


@dataclass(frozen=True)
class SpooledPredictions:
    """An adapter's predictions as the lines of its predictions file, zlib-compressed in chunks.

    A predictions file is JSON of the same few keys over and over: it
    compresses several times, so an adapter's predictions cost a few bytes
    per item until the file is written.
    """

    chunks: tuple[bytes, ...]
    documents: int

    @classmethod
    def of(cls, predictions: Mapping[str, Predictions]) -> "SpooledPredictions":
        from ..predictions import predictions_to_dict

        # each line goes into the compressor as it is made: joining a chunk's lines first held
        # several copies of 256 lines at once (about 50 MiB with the oracle's long lines)
        chunks: list[bytes] = []
        pieces: list[bytes] = []
        compressor, lines = zlib.compressobj(1), 0
        for record in predictions.values():
            line = json.dumps(predictions_to_dict(record), ensure_ascii=False, allow_nan=False) + "\n"
            pieces.append(compressor.compress(line.encode("utf-8", "surrogatepass")))
            lines += 1
            if lines == CHUNK_LINES:
                pieces.append(compressor.flush())
                chunks.append(b"".join(pieces))
                pieces, compressor, lines = [], zlib.compressobj(1), 0
        if lines:
            pieces.append(compressor.flush())
            chunks.append(b"".join(pieces))
        return cls(tuple(chunks), len(predictions))

    def lines(self) -> Iterator[str]:
        """The lines of the predictions file, in order, a piece of one chunk in memory at a time."""
        for chunk in self.chunks:
            inflater, pending = zlib.decompressobj(), b""
            while chunk:
                pending += inflater.decompress(chunk, READ_BYTES)
                chunk = inflater.unconsumed_tail
                *complete, pending = pending.split(b"\n")
                yield from (line.decode("utf-8", "surrogatepass") + "\n" for line in complete)
            pending += inflater.flush()
            yield from (line.decode("utf-8", "surrogatepass") + "\n" for line in pending.split(b"\n")[:-1])

    def records(self) -> dict[str, Predictions]:
        """doc id -> predictions, read back from the lines (which the harness wrote from typed predictions)."""
        from ..predictions import predictions_from_dict

        found = (predictions_from_dict(json.loads(line)) for line in self.lines())
        return {record.doc_id: record for record in found}


@dataclass(frozen=True)
class SettledResult:
    """What the reports read of an adapter's ``EvaluationResult``, and nothing more.

    ``to_dict()`` is the result's own (so ``scores_of`` reads it unchanged),
    ``slices`` its scores per slice, and ``items`` answers for the documents
    report.html embeds (``shown``) only.
    """

    raw: Mapping[str, Any]
    slices: Mapping[str, Any]
    shown: Mapping[str, Mapping[str, tuple]]  # doc id -> category -> item outcomes
    figure_units: Mapping[str, Any] = field(default_factory=dict)  # unit -> Counts, for --per-type

    @property
    def categories(self) -> Mapping[str, Any]:
        return self.raw.get("categories") or {}

    def to_dict(self) -> Mapping[str, Any]:
        return self.raw

    def items(self, doc_id: str, category: str) -> tuple:
        return self.shown[doc_id][category]


def settle(scored: Any, corpus: Any, *, slice_by: tuple[str, ...] = (), shown: int) -> Any:
    """``scored`` (a ``ScoredAdapter``) with its predictions spooled and its result settled (see the module).

    ``shown``: the documents report.html embeds (``html_documents``). An
    adapter that could not be scored, or was built by hand without
    documents, is left as it is.
    """
    from ..slices import slice_definitions, slice_scores
    from .figure_units import figure_unit_counts
    from .layers import adapter_items

    adapter_run = scored.run
    if adapter_run.setup_error is not None:
        return scored
    spooled = SpooledPredictions.of(adapter_run.predictions)
    documents = tuple(replace(document, predictions=None) for document in adapter_run.documents)
    settled_run = replace(adapter_run, documents=documents, spooled=spooled)
    result = scored.result
    if result is None:
        return replace(scored, run=settled_run)
    settled = SettledResult(result.to_dict(), slice_scores(result, slice_definitions(corpus, slice_by)),
                            adapter_items(result, corpus, shown), figure_unit_counts(result))
    return replace(scored, run=settled_run, result=settled)
