"""``harness init [DIR]``: a project to start from: settings, a gold folder and one annotated example.

Nothing the user has is overwritten: a pyproject.toml gets the
``[tool.harness]`` settings appended (an existing ``[tool.harness]`` is left
as it is), a file already in gold/ is kept, and gold that already has
annotated documents gets no example article. The example files ship
with the package (``harness/templates``), so init works from an installed
wheel as well as from a checkout.
"""

from __future__ import annotations

from pathlib import Path

import click

EXAMPLE_ID = "example-millbrook-library-director"
GOLD_FILES = ("README.md", f"documents/{EXAMPLE_ID}.txt", f"annotations/{EXAMPLE_ID}.json")


def template(relative: str) -> bytes:
    """A file of ``harness/templates`` (package data)."""
    from importlib.resources import files

    return files("harness").joinpath("templates", *relative.split("/")).read_bytes()


def _has_harness_section(text: str, path: Path) -> bool:
    import tomllib

    from ..errors import ConfigError

    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML ({exc}); init appends to it only once it parses. "
                          "Fix the syntax there and run `harness init` again.") from None
    tool = document.get("tool")
    return isinstance(tool, dict) and "harness" in tool


def write_settings(folder: Path) -> str:
    """Create ``pyproject.toml`` or append ``[tool.harness]`` to it; says what was done."""
    from ..files import read_text, write_atomic

    path = folder / "pyproject.toml"
    section = template("pyproject.toml").decode("utf-8")
    if not path.exists():
        write_atomic(path, "# article-harness settings (written by `harness init`)\n\n" + section)
        return f"created {path} with a [tool.harness] section"
    text = read_text(path)
    if _has_harness_section(text, path):
        return f"kept {path}: it already has a [tool.harness] section (left as it is)"
    separator = "" if not text or text.endswith("\n\n") else "\n" if text.endswith("\n") else "\n\n"
    write_atomic(path, text + separator + section)
    return f"added a [tool.harness] section to the end of {path}"


def write_gold(gold: Path) -> list[str]:
    """Write the example gold files that are not there yet; says what was done for each."""
    from ..files import write_atomic

    done = []
    # gold the user already annotated is not given a made-up article: it would change their scores
    # and the gold fingerprint their reports and baseline were made from
    theirs = sorted(p.name for p in (gold / "annotations").glob("*.json") if p.stem != EXAMPLE_ID)
    if theirs:
        done.append(f"kept {gold}: it has {len(theirs)} annotated document(s) already, so no example article "
                    "was added")
    for relative in GOLD_FILES:
        if theirs and relative != "README.md":
            continue
        target = gold / relative
        if target.exists():
            done.append(f"kept {target} (already there)")
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(target, template(f"gold/{relative}"))
        done.append(f"created {target}")
    return done


@click.command("init")
@click.argument("folder", metavar="[DIR]", required=False, default=".",
                type=click.Path(file_okay=False, path_type=Path))
def init(folder: Path) -> None:
    """Start a project in DIR (default: this folder): settings, a gold folder and one example article.

    Writes a [tool.harness] section into DIR/pyproject.toml (created, or
    appended to; an existing [tool.harness] section is left alone), with the
    gate thresholds present but commented out, and DIR/gold/ with a README
    and one short annotated example article (entities, a quote, a figure, an
    event and boilerplate). Files already there are kept, and a gold folder
    that already has annotated documents gets no example. After it, `harness
    validate` passes and `harness run` scores the example.
    """
    from ..errors import UsageError

    if folder.exists() and not folder.is_dir():
        raise UsageError(f"{folder}: is a file. Give a folder for the project (it is created if missing).")
    folder.mkdir(parents=True, exist_ok=True)
    click.echo(write_settings(folder) + ".")
    for line in write_gold(folder / "gold"):
        click.echo(line + ".")
    where = "" if folder.resolve() == Path.cwd().resolve() else f"cd {folder} && "
    example = (folder / "gold" / "annotations" / f"{EXAMPLE_ID}.json").exists()
    click.echo(f"Next: {where}harness validate && harness run"
               + (f", then harness show {EXAMPLE_ID} --only errors." if example else "."))
