"""``harness show DOC``: one document's gold and predicted items, each with its outcome and the report's note.

The items are the scorer's own (``EvaluationResult.items`` read through
``harness.report.html.collect_items``): the document is scored again from
the report's saved predictions, its gold and its scoring options, so the
outcomes are exactly those report.html shows.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from ..model import CATEGORIES
from .options import complete_adapters, json_option

# outcome name -> colour in the terminal
OUTCOMES = {"hit": "green", "wrong speaker": "yellow", "wrong type": "yellow", "wrong span": "yellow",
            "missed": "red", "false alarm": "magenta", "leaked from boilerplate": "cyan"}


def _choose(value: str | None, choices: list[str], what: str, option: str) -> list[str]:
    from ..errors import UsageError, did_you_mean

    if value is None:
        return choices
    if value not in choices:
        raise UsageError(f"{option} {value!r}: no such {what} in the report.{did_you_mean(value, choices)} "
                         f"Valid: {', '.join(choices) or 'none'}.")
    return [value]


def _gold_document(report: dict, report_path: Path, doc_id: str) -> Any:
    """The gold of ``doc_id``: from the report's gold folder (else the configured one), unchanged since the run."""
    from ..config import load_config
    from ..errors import InputError
    from ..gold import load_gold
    from .run import configured_path

    recorded = Path(report["gold"]["path"])
    gold_path = recorded if recorded.exists() else Path(configured_path(load_config(), "gold", "gold"))
    annotation_file = gold_path / "annotations" / f"{doc_id}.json"
    corpus = load_gold(annotation_file if annotation_file.is_file() else gold_path)
    if doc_id not in corpus.doc_ids:
        raise InputError(f"{gold_path}: document {doc_id!r} of {report_path} is not in this gold. "
                         "Run `harness show` where the report's gold is, or re-run `harness run`.")
    annotations = corpus[doc_id]
    expected = next(d["text_sha256"] for d in report["gold"]["documents"] if d["doc_id"] == doc_id)
    if annotations.document.sha256 != expected:
        raise InputError(f"{gold_path}: the text of {doc_id!r} changed since {report_path} was made. "
                         "Re-run `harness run` to see outcomes for the current text.")
    return annotations


def collect(report: dict, report_path: Path, doc_id: str, adapters: list[str], categories: list[str]) -> list[dict]:
    """Every item of ``doc_id`` for ``adapters`` and ``categories``, as dicts (the ``--json`` items)."""
    from ..model import Corpus
    from ..report import collect_items, report_predictions
    from ..report.layers import layer_items
    from ..run import AdapterRun, RunResult, ScoredAdapter
    from ..scoring import evaluate

    annotations = _gold_document(report, report_path, doc_id)
    corpus = Corpus((annotations,))
    options = (report.get("options") or {}).get("scoring") or None
    scored = []
    for name in adapters:
        predictions = report_predictions(report, report_path, name)
        record = {doc_id: predictions[doc_id]} if doc_id in predictions else {}
        result = evaluate(corpus, record, options)
        scored.append(ScoredAdapter(AdapterRun(name, "", "", ()), result))
    items = collect_items(RunResult(corpus, tuple(scored)))
    found = []
    for name in adapters:
        per_category = items.get(name, {}).get(doc_id, {})
        for category in categories:
            # the outcomes and notes as report.html and `harness view` give them, a loose match once
            for view in layer_items(annotations, name, category, per_category.get(category, ())):
                shown = {"adapter": name, "category": category, "outcome": view["outcome"],
                         "status": view["status"], "type": view["label"] or None, "start": view["start"],
                         "end": view["end"], "gold": (view["gold"] or {}).get("text") or None,
                         "predicted": (view["predicted"] or {}).get("text") or None, "note": view["note"],
                         "counts": view["counts"]}
                if category == "quotes":
                    shown.update(speaker=view["speaker"], gold_speaker=view["gold_speaker"])
                found.append(shown)
    return found


def _print(items: list[dict], doc_id: str, report_path: Path, only_errors: bool) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console(highlight=False)
    console.print(f"{doc_id} · {report_path}", markup=False)
    groups: dict[tuple[str, str], list[dict]] = {}
    for item in items:
        groups.setdefault((item["adapter"], item["category"]), []).append(item)
    if not groups:
        console.print("No items" + (" that are errors." if only_errors else "."), markup=False)
    for (adapter, category), group in groups.items():
        table = Table(title=f"{adapter} · {category}", title_justify="left", expand=False)
        for column in ("outcome", "type", "gold", "predicted", "note"):
            table.add_column(column, overflow="fold")
        for item in group:
            colour = OUTCOMES.get(item["outcome"], "")
            # Text, never markup: article text and notes may hold "[...]"
            table.add_row(Text(item["outcome"], style=colour), Text(item["type"] or "–"),
                          Text(item["gold"] or "–"), Text(item["predicted"] or "–"), Text(item["note"]))
        console.print(table)
    counts: dict[str, int] = {}
    for item in items:
        counts[item["outcome"]] = counts.get(item["outcome"], 0) + 1
    if counts:
        console.print(", ".join(f"{n} {outcome}" for outcome, n in counts.items()), markup=False)


@click.command("show")
@click.argument("doc_id", metavar="DOC")
@click.option("--adapter", "adapter_name", metavar="NAME", shell_complete=complete_adapters,
              help="Only this adapter (default: every adapter of the report).")
@click.option("--category", metavar="C", help=f"Only this category ({', '.join(CATEGORIES)}).")
@click.option("--only", "only", type=click.Choice(["errors"]), help="`errors`: leave out the hits.")
@click.option("--report", "report_ref", metavar="FILE_OR_RUN",
              help="A report.json, a run folder, a run id from `harness runs`, or latest (the default).")
@json_option
def show(doc_id: str, adapter_name: str | None, category: str | None, only: str | None, report_ref: str | None,
         as_json: bool) -> None:
    """Show one document's gold and predicted items, each with its outcome.

    Outcomes: hit, wrong speaker (a quote found, its speaker wrong), wrong
    type, wrong span, missed, false alarm, leaked from boilerplate (a
    prediction taken from page furniture), with the note report.html gives.
    Read from the latest report (reports/latest) or --report; the document
    is scored again from the report's predictions, so its gold must be
    unchanged. Exit 2 for an unknown document, adapter or category (with
    the closest name).
    """
    from ..errors import UsageError, did_you_mean
    from ..history import resolve_report
    from ..report import load_report

    report_path = resolve_report(report_ref or "latest")
    report = load_report(report_path)
    doc_ids = [entry["doc_id"] for entry in report["gold"]["documents"]]
    if doc_id not in doc_ids:
        listed = ", ".join(doc_ids[:10]) + (f" and {len(doc_ids) - 10} more" if len(doc_ids) > 10 else "")
        raise UsageError(f"document {doc_id!r} is not in {report_path}.{did_you_mean(doc_id, doc_ids)} "
                         f"Documents: {listed}.")
    scored = [name for name, entry in report["adapters"].items()
              if entry.get("predictions") is not None or entry.get("predictions_file")]
    adapters = _choose(adapter_name, list(report["adapters"]), "adapter", "--adapter")
    if adapter_name is not None and adapter_name not in scored:
        raise UsageError(f"--adapter {adapter_name!r} failed in {report_path} and has no predictions to show. "
                         "`harness run` prints its errors.")
    for name in adapters:
        if name not in scored:
            click.echo(f"not shown: {name} (it failed in this run and has no predictions)", err=True)
    adapters = [name for name in adapters if name in scored]
    categories = _choose(category, list(CATEGORIES), "category", "--category")
    items = collect(report, report_path, doc_id, adapters, categories)
    if only == "errors":
        items = [item for item in items if item["outcome"] != "hit"]
    # a document the adapter failed on predicts nothing: say why its items are all missed
    errors = [{key: error.get(key) for key in ("adapter", "stage", "kind", "message")}
              for error in report.get("errors") or [] if error.get("doc_id") == doc_id and error.get("adapter") in adapters]
    if as_json:
        from .options import print_json

        print_json({"report": str(report_path), "doc_id": doc_id, "adapters": adapters, "items": items,
                    "errors": errors})
        return
    _print(items, doc_id, report_path, only == "errors")
    for error in errors:
        click.echo(f"{error['adapter']} failed on {doc_id} ({error['stage']}, {error['kind']}): {error['message']}",
                   err=True)
