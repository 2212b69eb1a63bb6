"""``harness adapters``: every adapter with its status, and how to make it ready."""

from __future__ import annotations

import json

import click


@click.command("adapters")
@click.option("--json", "as_json", is_flag=True, help="Print the list as JSON.")
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
    width = max(len(i.name) for i in infos)
    for info in infos:
        source = info.source if info.base is None else f"{info.source}: {info.base}"
        categories = ",".join(info.categories) or "-"
        line = f"{info.name:<{width}}  {info.status:<18}  {source:<16}  {categories}"
        click.echo(line.rstrip())
        if info.detail and info.status != "ready":
            click.echo(f"{'':<{width}}    {info.detail}")
        if info.install_hint:
            click.echo(f"{'':<{width}}    install: {info.install_hint}")
        if info.note:
            click.echo(f"{'':<{width}}    note: {info.note}")
