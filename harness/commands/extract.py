"""``harness extract``: one adapter on raw article files, predictions out as JSON Lines."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import click


def doc_id_for(path: Path) -> str:
    """A document id from a file name: its stem with unsafe characters replaced (schema pattern)."""
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", path.stem).strip("-._") or "document"
    if not stem[0].isalnum():
        stem = "d" + stem
    return stem[:128]


def _is_html(path: Path) -> bool:
    """An .html/.htm file, or one whose first bytes are an HTML doctype or <html> tag."""
    if path.suffix.lower() in (".html", ".htm", ".xhtml"):
        return True
    try:
        with open(path, "rb") as handle:
            head = handle.read(512).decode("utf-8", "replace").lstrip("\ufeff \t\r\n").lower()
    except OSError:
        return False
    return head.startswith(("<!doctype html", "<html"))


@click.command("extract")
@click.option("--adapter", "adapter_name", required=True, metavar="NAME", help="The adapter to run (see `harness adapters`).")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--html", "is_html", is_flag=True, help="The files are HTML pages: extract the article text first.")
@click.option("--set", "settings", multiple=True, metavar="KEY=VALUE",
              help="Override an adapter setting, e.g. --set timeout=30 (repeatable).")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the JSON Lines here (atomically) instead of printing them.")
@click.option("--print-text", is_flag=True,
              help="Print the text the adapter was given (with --html: the cleaned article text), which the "
                   "offsets count characters of, instead of the predictions (still written with --out).")
def extract(adapter_name: str, files: tuple[Path, ...], is_html: bool, settings: tuple[str, ...], out: Path | None,
            print_text: bool) -> None:
    """Run one adapter on raw article files (plain text, or HTML with --html) that have no gold.

    Prints one predictions record per file as JSON Lines (doc id from the file
    name), valid under schemas/predictions.schema.json: ready for
    `harness score`. An .html file needs --html (exit 2 otherwise); with
    --print-text the text the adapter was given is printed instead, so the
    offsets can be read against it. A file the adapter fails on is reported
    on stderr and the others are still written; the exit status is 3 if any
    failed.
    """
    from ..adapters import PluginBroken, get_adapter, parse_overrides, run_extractor
    from ..clean import html_to_text
    from ..config import load_config
    from ..errors import UsageError
    from ..files import read_text, write_atomic
    from ..model import Document

    if not is_html:
        pages = [path for path in files if _is_html(path)]
        if pages:
            raise UsageError(f"{pages[0]} is an HTML page; the adapter would read its markup as article text. "
                             f"Pass --html to extract the article text first: harness extract --adapter "
                             f"{adapter_name} --html {' '.join(str(p) for p in files)}")
    config = load_config()
    try:
        extractor = get_adapter(adapter_name, config, parse_overrides(settings, adapter_name))
    except PluginBroken as exc:
        raise UsageError(f"{exc}. Fix or uninstall the plugin; `harness adapters` shows its status.") from None
    seen: dict[str, Path] = {}
    lines, texts, failures = [], [], 0
    for path in files:
        text = read_text(path)
        if is_html:
            text = html_to_text(text)
        doc_id = doc_id_for(path)
        if doc_id in seen:
            raise UsageError(f"{path} and {seen[doc_id]} both give the document id {doc_id!r}. Rename one of them.")
        seen[doc_id] = path
        texts.append((path, doc_id, text))
        outcome = run_extractor(extractor, Document(doc_id, text))
        if outcome.error is not None:
            failures += 1
            click.echo(f"{path}: {adapter_name} failed ({outcome.error['kind']}): {outcome.error['message']}", err=True)
            if outcome.error.get("stderr_tail"):
                click.echo(f"  stderr: {outcome.error['stderr_tail'].strip()[-500:]}", err=True)
            continue
        record = outcome.predictions.to_dict()
        record.setdefault("adapter", extractor.name)
        lines.append(json.dumps(record, ensure_ascii=False))
    output = "".join(line + "\n" for line in lines)
    if out is not None:
        write_atomic(out, output)
    if print_text:
        for path, doc_id, text in texts:
            if len(texts) > 1:  # a header per file, as head(1) writes one
                sys.stdout.write(f"==> {path} ({doc_id}) <==\n")
            sys.stdout.write(text if text.endswith("\n") or not text else text + "\n")
        sys.stdout.flush()
    elif out is None:
        sys.stdout.write(output)
        sys.stdout.flush()
    if failures:
        from ..errors import EXIT_RUN_FAILURES

        sys.exit(EXIT_RUN_FAILURES)  # the other files' predictions were still written
