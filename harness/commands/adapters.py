"""``harness adapters``: every adapter with its status, and how to make it ready."""

from __future__ import annotations

import json

import click


@click.command("adapters")
@click.option("--json", "as_json", is_flag=True, help="Print the list as one JSON document (see docs/cli.md).")
def adapters(as_json: bool) -> None:
    """List every adapter (built-in, configured variant, plugin) with its status.

    A status is ready, missing-dependency (with the exact install command),
    unconfigured (with the setting to give) or broken (a plugin that fails to
    import, or invalid settings). Configure adapters under
    [tool.harness.adapters.<name>] in pyproject.toml.
    """
    import warnings

    from ..adapters import available_adapters
    from ..config import load_config

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # a broken plugin is shown in the table, with its error
        infos = available_adapters(load_config())
    if as_json:
        click.echo(json.dumps([{"name": i.name, "status": i.status, "detail": i.detail,
                                "install_hint": i.install_hint, "categories": list(i.categories),
                                "source": i.source, "base": i.base, "note": i.note} for i in infos], indent=2))
        return
    from ..terminal import width as terminal_width
    from ..terminal import wrapped

    sources = [info.source if info.base is None else f"{info.source}: {info.base}" for info in infos]
    width = max(len("adapter"), *(len(i.name) for i in infos))
    status_width = max(len("status"), *(len(i.status) for i in infos))
    source_width = max(len("source"), *(len(source) for source in sources))
    indent = " " * (width + 4)
    start = width + status_width + source_width + 6  # where the categories column starts
    listed = [",".join(info.categories) or "-" for info in infos]
    # a long variant name can leave the categories no room: then each goes on a line of its own, whole
    inline = all(len(categories) <= terminal_width() - start for categories in listed)
    header = f"{'adapter':<{width}}  {'status':<{status_width}}  {'source':<{source_width}}  "
    click.echo(click.style((header + "categories") if inline else header.rstrip(), bold=True))
    for info, source, categories in zip(infos, sources, listed):
        line = f"{info.name:<{width}}  {info.status:<{status_width}}  {source:<{source_width}}  "
        click.echo((line + categories) if inline else line.rstrip())
        if not inline:
            for part in wrapped(f"categories: {categories}", indent):
                click.echo(part)
        notes = []
        if info.detail and info.status != "ready":
            notes.append(info.detail)
        if info.install_hint:
            notes.append(f"install: {info.install_hint}")
        if info.note:
            notes.append(f"note: {info.note}")
        for note in notes:
            for part in wrapped(note, indent):  # at spaces only: a command or setting is never broken
                click.echo(part)

