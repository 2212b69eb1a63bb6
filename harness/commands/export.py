"""``harness export``: the gold corpus as a Hugging Face dataset, Parquet, or an annotation tool's files."""

from __future__ import annotations

import click

from ..interchange import EXPORT_FORMATS


@click.command()
@click.argument("out_dir", type=click.Path(path_type=str))
@click.option("--format", "fmt", type=click.Choice(["hf", "parquet", *EXPORT_FORMATS]), default="hf",
              show_default=True,
              help="hf: datasets.save_to_disk folder; parquet: one Parquet file; brat, label-studio, conll: "
                   "the entity layer in that tool's format, to correct there and import back.")
@click.option("--gold", "gold_path", default="gold", show_default=True, help="Gold folder to export.")
def export(out_dir: str, fmt: str, gold_path: str) -> None:
    """Export the gold corpus to OUT_DIR; `load_gold` or `harness import` reads the result back."""
    from ..gold import load_gold

    corpus = load_gold(gold_path)
    if fmt in EXPORT_FORMATS:
        from ..interchange import format_module

        written = format_module(fmt, export=True).write(corpus, out_dir)
        click.echo(f"Exported the entities of {len(corpus)} document(s) to {out_dir} ({len(written)} file(s)).")
        return
    from ..export import export_corpus

    target = export_corpus(corpus, out_dir, fmt)
    click.echo(f"Exported {len(corpus)} document(s) to {target}.")
