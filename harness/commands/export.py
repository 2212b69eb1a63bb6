"""``harness export``: the gold corpus as a Hugging Face dataset or Parquet file."""

from __future__ import annotations

import click


@click.command()
@click.argument("out_dir", type=click.Path(path_type=str))
@click.option("--format", "fmt", type=click.Choice(["hf", "parquet"]), default="hf", show_default=True,
              help="hf: datasets.save_to_disk folder; parquet: one Parquet file.")
@click.option("--gold", "gold_path", default="gold", show_default=True, help="Gold folder to export.")
def export(out_dir: str, fmt: str, gold_path: str) -> None:
    """Export the gold corpus to OUT_DIR; `load_gold` reads the result back losslessly."""
    from ..export import export_corpus
    from ..gold import load_gold

    corpus = load_gold(gold_path)
    target = export_corpus(corpus, out_dir, fmt)
    click.echo(f"Exported {len(corpus)} document(s) to {target}.")
