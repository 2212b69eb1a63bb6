"""``harness import``: gold from an annotation tool's files, written, validated and summarised."""

from __future__ import annotations

import sys

import click

from ..errors import EXIT_OK, EXIT_RUN_FAILURES
from ..interchange import IMPORT_FORMATS


def _summary(out: str, check, skipped: dict[str, int], problems: list) -> list[str]:
    from ..interchange.write import layer_counts

    lines = [f"Imported {len(check.documents)} document(s) into {out}/ (documents/, annotations/)."]
    for layer in layer_counts(check.documents):
        if layer.layer == "entities":
            lines.append(f"  entities: {layer.items} entities, {layer.mentions} mentions in {layer.documents} document(s)")
        else:
            lines.append(f"  {layer.layer}: not annotated" if not layer.documents
                         else f"  {layer.layer}: {layer.items} in {layer.documents} document(s)")
    for reason, n in sorted(skipped.items()):
        lines.append(f"  skipped: {n} {reason}")
    every = list(problems) + list(check.problems)
    lines.append(f"{len(every)} problem(s)." if every else "No problems.")
    lines += [f"  {p}" for p in every]
    return lines


@click.command(name="import")
@click.argument("fmt", metavar="FORMAT", type=click.Choice(sorted(IMPORT_FORMATS)))
@click.argument("sources", metavar="SRC...", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option("--out", "out", required=True, metavar="DIR", help="Gold folder to write (documents/, annotations/).")
@click.option("--label-map", "label_map", metavar="FILE", type=click.Path(path_type=str),
              help="JSON object from the tool's labels to entity types (null drops a label), over the default map.")
@click.option("--annotator", metavar="WHO", help="label-studio: take this annotator's annotation (id, email or username).")
@click.option("--force", is_flag=True, help="Replace gold files already in DIR.")
def import_(fmt: str, sources: tuple[str, ...], out: str, label_map: str | None, annotator: str | None,
            force: bool) -> None:
    """Import gold from FORMAT files SRC... into the gold folder DIR.

    Reads brat, Label Studio, Prodigy, spaCy (DocBin or JSONL), CoNLL or
    Hugging Face files, maps their labels to entity types (see
    docs/import.md), checks every span against the text, writes
    DIR/documents/*.txt and DIR/annotations/*.json (annotated for the entity
    layer), validates what it wrote and prints a summary. A document with a
    problem is reported and not written; the exit code is 3 when anything
    had a problem (the other documents are written), 2 for an unmapped label
    or a bad option.
    """
    from ..gold import GoldCheck, check_gold
    from ..interchange import format_module
    from ..interchange.build import build
    from ..interchange.labels import check_labels, load_label_map
    from ..interchange.source import ReadOptions
    from ..interchange.write import write_gold

    reading = format_module(fmt).read(sources, ReadOptions(annotator=annotator))
    labels = load_label_map(label_map)
    check_labels((span.label for document in reading.documents for span in document.spans), labels)
    built = build(reading.documents, labels)
    documents = reading.gold + built.annotations
    write_gold(documents, out, force=force)
    check = check_gold([out]) if documents else GoldCheck()  # nothing written: nothing to check
    skipped = {**reading.skipped, **built.skipped}
    problems = list(reading.problems) + list(built.problems)
    for line in _summary(out, check, skipped, problems):
        click.echo(line)
    sys.exit(EXIT_RUN_FAILURES if problems or check.problems else EXIT_OK)
