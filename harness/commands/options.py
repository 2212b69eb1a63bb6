"""Options shared by several commands: the document sample, ``--set``, ``--json`` and adapter completion."""

from __future__ import annotations

from typing import Any, Callable

import click


def complete_adapters(ctx: click.Context | None, param: click.Parameter | None, incomplete: str) -> list[Any]:
    """Shell completion of adapter names; after commas (``--adapters a,b,``) the last name is completed.

    Reads only pyproject.toml and the plugin entry points: no adapter, and no
    heavy library, is imported while the user presses Tab.
    """
    from click.shell_completion import CompletionItem

    from ..adapters.registry import adapter_names
    from ..config import HarnessConfig, load_config
    from ..errors import HarnessError

    try:
        config = load_config()
    except HarnessError:
        config = HarnessConfig()  # a broken pyproject.toml still completes the built-ins
    done, _, last = incomplete.rpartition(",")
    prefix = f"{done}," if done else ""
    chosen = set(done.split(",")) if done else set()
    return [CompletionItem(prefix + name) for name in adapter_names(config)
            if name.startswith(last) and name not in chosen]


def complete_set(ctx: click.Context | None, param: click.Parameter | None, incomplete: str) -> list[Any]:
    """Shell completion of ``--set``: the adapter part (``llm.``); the setting is the user's to type."""
    from click.shell_completion import CompletionItem

    if "." in incomplete:
        return []
    return [CompletionItem(item.value + ".") for item in complete_adapters(ctx, param, incomplete)]


def sample_options(command: Callable) -> Callable:
    """``--limit N`` and ``--docs ID,...``: run on part of the gold."""
    command = click.option("--docs", "docs", metavar="ID,...",
                           help="Only these gold documents (ids separated by commas).")(command)
    return click.option("--limit", "limit", type=click.IntRange(min=1), metavar="N",
                        help="Only N gold documents: a stable sample (the same N picks the same documents "
                             "everywhere; seed 0).")(command)


def set_option(command: Callable) -> Callable:
    """``--set ADAPTER.key=value`` (repeatable): override an adapter setting for this command."""
    return click.option("--set", "overrides", multiple=True, metavar="ADAPTER.KEY=VALUE", shell_complete=complete_set,
                        help="Override an adapter setting, e.g. --set llm.timeout=30 or --set "
                             "predictions.path=preds.jsonl (repeatable; the value is read as TOML, "
                             "else as text).")(command)


def json_option(command: Callable) -> Callable:
    """``--json``: one JSON document on stdout (shape in docs/cli.md), everything else on stderr."""
    return click.option("--json", "as_json", is_flag=True,
                        help="Print one JSON document on stdout (see docs/cli.md, JSON output); "
                             "messages go to stderr.")(command)


def configured(overrides: tuple[str, ...]) -> Any:
    """The checked configuration with every ``--set`` laid over it."""
    from ..adapters.registry import config_with_overrides
    from ..adapters.settings import parse_adapter_overrides
    from ..config import check_config, load_config

    config = check_config(load_config())
    if not overrides:
        return config
    return config_with_overrides(config, parse_adapter_overrides(overrides))


def print_json(document: Any) -> None:
    """``document`` as the one JSON text on stdout."""
    import json
    import sys

    sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2, allow_nan=False) + "\n")
    sys.stdout.flush()
