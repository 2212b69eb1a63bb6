"""The ``harness`` command line.

Commands live in ``harness/commands/<name>.py`` and are imported only when
invoked, so ``harness --help`` stays instant: the short help shown in the
command list is kept here, beside the module path.
"""

from __future__ import annotations

import importlib
import sys

import click

from . import __version__
from .errors import HarnessError

# name -> (module:attribute, short help shown in `harness --help`)
COMMANDS: dict[str, tuple[str, str]] = {
    "run": ("harness.commands.run:run", "Run adapters on the gold corpus, score them and write reports."),
    "score": ("harness.commands.score:score", "Score a predictions file against gold."),
    "validate": ("harness.commands.validate:validate", "Check gold annotation files and list every problem."),
    "adapters": ("harness.commands.adapters:adapters", "List adapters and whether each is ready."),
    "extract": ("harness.commands.extract:extract", "Run one adapter on raw article files; print predictions as JSON Lines."),
    "compare": ("harness.commands.compare:compare", "Compare two adapters or two reports, with paired significance."),
    "gate": ("harness.commands.gate:gate", "Check scores against the thresholds in pyproject.toml (for CI)."),
    "baseline": ("harness.commands.baseline:baseline", "Save a report as the baseline the gate compares against."),
    "robustness": ("harness.commands.robustness:robustness", "Measure how much boilerplate noise hurts an adapter."),
    "export": ("harness.commands.export:export", "Export the gold corpus as a dataset, Parquet, brat, Label Studio or CoNLL."),
    "import": ("harness.commands.import_:import_", "Import gold from brat, Label Studio, Prodigy, spaCy, CoNLL or HF files."),
    "agree": ("harness.commands.agree:agree", "Inter-annotator agreement between two or more gold annotations."),
    "init": ("harness.commands.init:init", "Start a project: configuration, a gold folder and one example article."),
    "show": ("harness.commands.show:show", "Show one document's gold and predicted items with their outcomes."),
    "runs": ("harness.commands.runs:runs", "List the runs kept in reports/runs/ with their headline scores."),
    "view": ("harness.commands.view:view", "Browse runs in a local web viewer: scores, articles, diffs, robustness."),
}


class HarnessGroup(click.Group):
    """A group that imports each command when it is used and prints user errors without tracebacks."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in COMMANDS:
            return None
        module_name, attribute = COMMANDS[name][0].split(":")
        return getattr(importlib.import_module(module_name), attribute)

    def resolve_command(self, ctx: click.Context, args: list[str]):
        # an unknown command is a usage error (exit 2) that names the closest command
        name = args[0] if args else ""
        if name and name not in COMMANDS and not name.startswith("-"):
            from .errors import did_you_mean

            ctx.fail(f"no such command {name!r}.{did_you_mean(name, COMMANDS)} "
                     "`harness --help` lists the commands.")
        return super().resolve_command(ctx, args)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, short_help) for name, (_, short_help) in COMMANDS.items()]
        with formatter.section("Commands"):
            formatter.write_dl(rows)

    def invoke(self, ctx: click.Context):
        try:
            _apply_configured_limits()
            return super().invoke(ctx)
        except HarnessError as exc:
            raise UserFacingError(exc) from None
        except KeyboardInterrupt:
            # caught here, before click turns it into "Aborted!" and exit 1, which reads as a failed check
            click.echo("Interrupted.", err=True)
            raise click.exceptions.Exit(130) from None


def _apply_configured_limits() -> None:
    from .config import apply_limits, load_config

    apply_limits(load_config())


class UserFacingError(click.ClickException):
    """A ``HarnessError`` shown as ``Error: ...`` with its own exit code."""

    def __init__(self, error: HarnessError):
        super().__init__(str(error))
        self.exit_code = error.exit_code


@click.group(cls=HarnessGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="harness")
def cli() -> None:
    """Evaluate article-understanding extractors against gold annotations.

    Gold lives in gold/ (documents/ and annotations/; `harness init` starts a
    project with one example); adapters are listed by `harness adapters`;
    `harness run` scores them all and writes reports/latest/.
    """


def main(argv: list[str] | None = None) -> None:
    try:
        cli.main(args=argv, prog_name="harness")
    except KeyboardInterrupt:
        click.echo("Interrupted.", err=True)
        sys.exit(130)
