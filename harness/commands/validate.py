"""``harness validate``: check gold files and list every problem with its fix."""

from __future__ import annotations

import json
import sys

import click

from ..errors import EXIT_CHECK_FAILED, EXIT_OK


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@click.option("--json", "as_json", is_flag=True, help="Print the problems as JSON.")
def validate(paths: tuple[str, ...], as_json: bool) -> None:
    """Check gold annotation files (default: gold/) against the schema and the semantic rules.

    Reports every problem found, each with file, JSON pointer, the bad value
    and how to fix it. Exits 1 when there are problems (the check failed), 0
    when the gold is clean, 2 on a usage error or a path that does not exist.
    Without PATH: the gold folder of [tool.harness.paths] (default gold/).
    """
    from pathlib import Path

    from ..config import load_config
    from ..errors import InputError
    from ..gold import NO_GOLD_FIX, check_gold
    from .run import configured_path

    paths = paths or (configured_path(load_config(), "gold", "gold"),)
    # a path that is not there is a mistake in the command, not a problem of the gold (exit 2, not 1)
    missing = [path for path in paths if not Path(path).exists()]
    if missing:
        raise InputError(f"{', '.join(missing)}: no such gold file or folder. {NO_GOLD_FIX}")
    check = check_gold(list(paths))
    if as_json:
        click.echo(json.dumps({
            "files": check.files,
            "documents": [a.document.id for a in check.documents],
            "problems": [p.to_dict() for p in check.problems],
        }, indent=2))
    else:
        for problem in check.problems:
            click.echo(str(problem), err=False)
            if problem.value is not None:
                click.echo(f"    value: {problem.value}")
        status = "OK" if not check.problems else f"{len(check.problems)} problem(s)"
        click.echo(f"{check.files} file(s) checked, {len(check.documents)} document(s) valid: {status}.",
                   err=bool(check.problems))
    sys.exit(EXIT_CHECK_FAILED if check.problems else EXIT_OK)
