"""``harness view``: serve the error-analysis viewer on 127.0.0.1 until Ctrl-C."""

from __future__ import annotations

import click


@click.command()
@click.argument("runs", nargs=-1, metavar="[RUN ...]")
@click.option("--port", type=click.IntRange(0, 65535), default=0, show_default=True,
              help="Port to listen on; 0 picks a free one.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. Anything but loopback also needs --allow-remote.")
@click.option("--allow-remote", is_flag=True,
              help="Allow a non-loopback --host: anyone who can reach it sees the articles and predictions.")
@click.option("--gold", metavar="PATH", help="The gold the runs were scored against (default: the path each report records).")
@click.option("--no-browser", is_flag=True, help="Print the URL only; do not open a browser.")
def view(runs: tuple[str, ...], port: int, host: str, allow_remote: bool, gold: str | None, no_browser: bool) -> None:
    """Browse runs in a local web viewer: scores, articles with every adapter's marks, diffs, robustness.

    RUN is a run folder written by `harness run` (holding report.json) or a
    report.json. Without RUN, every run under reports/runs/ (newest first)
    and reports/latest are shown. The pages read a JSON API under /api/
    (docs/viewer.md). Ctrl-C stops the server.
    """
    import webbrowser
    from pathlib import Path

    from ..config import load_config
    from ..errors import UsageError
    from ..viewer import ViewerApi, discover_runs
    from ..viewer.server import ViewerServer, is_loopback
    from .run import configured_path

    if not is_loopback(host) and not allow_remote:
        raise UsageError(f"--host {host} is not a loopback address: the viewer would show your gold and predictions "
                         "to anyone who can reach it. Use --host 127.0.0.1, or add --allow-remote if you mean it.")
    reports_dir = Path(configured_path(load_config(), "reports", "reports"))
    found = discover_runs(runs, reports_dir)  # a bad RUN argument is reported now, not in the browser
    if not found:
        click.echo(f"warning: no runs under {reports_dir}/runs/ or {reports_dir}/latest/ yet; "
                   "run `harness run`, then reload the page.", err=True)
    api = ViewerApi(runs, reports_dir, gold)
    try:
        server = ViewerServer((host, port), api)
    except OSError as exc:
        raise UsageError(f"cannot listen on {host}:{port} ({exc.strerror or exc}). "
                         "Pick another --port, or 0 for a free one.") from None
    click.echo(f"Viewer at {server.url} ({len(found)} run(s)); Ctrl-C stops it.")
    if not no_browser:
        webbrowser.open(server.url)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        click.echo("Stopped.")
    finally:
        server.server_close()
