"""``command``: an external program as an extractor.

The program is started from an argv list (never through a shell), reads one
document as JSON on stdin::

    {"doc_id": "...", "text": "...", "metadata": {...}, "regions": [{"start": 0, "end": 9, "kind": "body", "label": null}]}

and writes one predictions record as JSON on stdout (``doc_id`` may be left
out; it is filled in). A non-zero exit, a timeout, output over
``max_output_bytes``, output that is not UTF-8 or not JSON: each is an error
for that document carrying the tail of the program's stderr. When the
program exits, times out or the harness is interrupted, everything it
started is killed with it (``harness.adapters.process_tree``), and a child
left holding stdout costs no time.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Mapping

from ..model import Document
from .base import BaseExtractor, ExtractionError, categories_setting
from .process_tree import finish, install_handlers, start
from .settings import Setting

STDERR_TAIL = 2000
PIPE_CHUNK = 65536
POLL_SECONDS = 0.05  # how often a running program is checked for having exited
DRAIN_GRACE = 0.5  # seconds the pipes may still deliver after the program and its tree are gone


def document_to_json(document: Document) -> str:
    """The JSON a command reads on stdin for ``document``."""
    return json.dumps({
        "doc_id": document.id,
        "text": document.text,
        "metadata": asdict(document.metadata),
        "regions": [asdict(region) for region in document.regions],
    }, ensure_ascii=False)


@dataclass(frozen=True)
class Exchange:
    """What one run of the program gave: its output, its exit status, and whether it was stopped."""

    stdout: bytes
    stderr: bytes
    returncode: int | None
    timed_out: bool
    flooded: bool


def exchange(tree: Any, data: bytes, *, timeout: float, limit: int, keep: int) -> Exchange:
    """Feed ``data`` to the program of ``tree`` and read its stdout (up to ``limit`` bytes) and stderr
    (the last ``keep`` bytes), all within ``timeout`` seconds; the tree is killed when it ends.

    One loop does it all, so nothing outlives the call: when the program exits,
    what it started is killed at once, and its pipes get only a short grace
    to drain, so a straggler holding stdout adds no time.
    """
    import selectors
    import subprocess

    process = tree.process
    deadline = time.monotonic() + timeout
    out, err = bytearray(), bytearray()
    view, offset = memoryview(data), 0
    timed_out = flooded = False
    exited_at: float | None = None
    selector = selectors.DefaultSelector()
    try:
        if data:
            os.set_blocking(process.stdin.fileno(), False)
            selector.register(process.stdin, selectors.EVENT_WRITE)
        else:
            process.stdin.close()
        selector.register(process.stdout, selectors.EVENT_READ)
        selector.register(process.stderr, selectors.EVENT_READ)
        while selector.get_map():
            now = time.monotonic()
            if exited_at is None and process.poll() is not None:
                exited_at = now
                tree.kill()  # what the program left running dies with it, and lets go of the pipes
            until = deadline if exited_at is None else min(deadline, exited_at + DRAIN_GRACE)
            if now >= until:
                timed_out = exited_at is None
                break
            for key, _ in selector.select(min(until - now, POLL_SECONDS)):
                pipe = key.fileobj
                if pipe is process.stdin:
                    try:
                        offset += os.write(pipe.fileno(), view[offset:offset + PIPE_CHUNK])
                    except BlockingIOError:
                        continue
                    except OSError:  # the program does not read its input; it is judged on its output
                        offset = len(view)
                    if offset >= len(view):
                        selector.unregister(pipe)
                        _close(pipe)
                    continue
                chunk = os.read(pipe.fileno(), PIPE_CHUNK)
                if not chunk:
                    selector.unregister(pipe)
                    continue
                if pipe is process.stderr:
                    err += chunk
                    del err[:-keep]
                    continue
                out += chunk
                if len(out) > limit:
                    flooded = True
                    del out[limit:]
                    break
            if flooded:
                break
        if not timed_out and not flooded and process.poll() is None:
            try:  # stdout closed, but the program still runs: it has until the deadline
                process.wait(timeout=max(0.0, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                timed_out = True
    finally:
        selector.close()
        finish(tree)
        for pipe in (process.stdin, process.stdout, process.stderr):
            _close(pipe)
    return Exchange(bytes(out), bytes(err), process.returncode, timed_out, flooded)


def _close(pipe: Any) -> None:
    try:
        pipe.close()
    except OSError:
        pass


# programs that run code named by an argument: only that argument tells what they do
_INTERPRETER = re.compile(r"^(python[0-9.]*|pypy[0-9.]*|node|deno|bun|ruby|perl|php|Rscript|julia|lua|"
                          r"sh|bash|dash|zsh|ksh|fish|env|xargs|uv|uvx|npx)(\.exe)?$")


def program_inputs(argv: list[str]) -> str | None:
    """A digest of what ``argv`` runs, or None when that cannot be known.

    Covers argv itself, every existing file it names (the program found on
    PATH included) and, for ``python -m module``, the source of the
    module's package. An interpreter given no script file or module (``sh
    -c ...``, ``python -c ...``, ``env ...``) runs code the harness cannot
    see, so its inputs are unknown.
    """
    import shutil

    from ..sources import module_source_digest, path_digest

    digest = hashlib.sha256(json.dumps(argv).encode("utf-8", "surrogatepass"))
    program = shutil.which(argv[0]) or (argv[0] if Path(argv[0]).is_file() else None)
    if program is None:
        return None
    named_code = not _INTERPRETER.match(Path(argv[0]).name)
    for index, part in enumerate(argv):
        path = Path(program) if index == 0 else Path(part)
        try:
            if index > 0 and argv[index - 1] == "-m":
                source = module_source_digest(part, (Path.cwd(),))
                if source is None:
                    return None
                digest.update(source.encode("ascii"))
                named_code = True
            elif path.is_file():
                digest.update(path_digest(path).encode("ascii"))
                named_code = named_code or index > 0
        except (OSError, ValueError):
            return None
    return digest.hexdigest() if named_code else None


class CommandExtractor(BaseExtractor):
    """Runs ``argv`` once per document: document JSON in on stdin, predictions JSON out on stdout."""

    name = "command"
    version = "1"
    io_bound = True  # it waits on its program: threads, not processes
    SETTINGS = (
        Setting("argv", list, None, 'the program and its arguments as a list, e.g. ["python", "extract.py"]'),
        Setting("timeout", (int, float), 60.0, "seconds one document may take", minimum=0.001),
        Setting("max_output_bytes", int, 20 * 1024 * 1024, "largest stdout accepted, in bytes", minimum=1),
        Setting("env", dict, None, "extra environment variables for the program, as a table of strings"),
        Setting("categories", list, None, "the categories the program predicts (default: all four)"),
        Setting("cache_key", str, None, "what the output depends on beyond argv and the files it names "
                "(e.g. a model version); setting it allows caching a program whose inputs cannot be known"),
    )

    def __init__(self, name: str | None = None, settings: Mapping[str, Any] | None = None):
        super().__init__(name, settings)
        argv = self.settings.get("argv")
        if not argv or not all(isinstance(part, str) for part in argv):
            from ..errors import ConfigError

            raise ConfigError(f"adapter {self.name!r}: argv = {argv!r} must be a non-empty list of strings, "
                              'e.g. argv = ["python", "extract.py"].')
        self.argv = list(argv)
        env = self.settings.get("env") or {}
        if not all(isinstance(k, str) and isinstance(v, str) for k, v in env.items()):
            from ..errors import ConfigError

            raise ConfigError(f"adapter {self.name!r}: env must be a table of string values, not {env!r}.")
        self.env = dict(env)
        self.categories = categories_setting(self.name, self.settings.get("categories"))
        install_handlers()  # an interrupted harness kills the programs it started

    @classmethod
    def readiness(cls, settings: Mapping[str, Any]) -> tuple[str, str, str | None]:
        if not settings.get("argv"):
            return "unconfigured", ('set argv = ["program", "arg", ...] under [tool.harness.adapters.command] '
                                    "or pass --set 'command.argv=[\"program\"]'"), None
        import shutil

        if not all(isinstance(part, str) for part in settings["argv"]):
            return "unconfigured", f"argv = {settings['argv']!r} must be a list of strings", None
        program = settings["argv"][0]
        if not (shutil.which(program) or Path(program).is_file()):
            return "unconfigured", f"program {program!r} is not found on PATH; fix argv[0]", None
        return "ready", "runs " + " ".join(settings["argv"]), None

    @property
    def model(self) -> str:
        """The program's files: editing the script changes the fingerprint."""
        return program_inputs(self.argv) or "unknown"

    @property
    def cache_inputs(self) -> str | None:
        """What the cache key adds for this program; None (do not cache) when its inputs cannot be known.

        An explicit ``cache_key`` setting is the author's promise of what the
        output depends on, and allows caching any program.
        """
        explicit = self.settings.get("cache_key")
        inputs = program_inputs(self.argv)
        if inputs is None and not explicit:
            return None
        return f"{inputs}:{explicit or ''}"

    def extract(self, document: Document) -> Any:
        import subprocess

        timeout = float(self.settings["timeout"])
        limit = int(self.settings["max_output_bytes"])
        data = document_to_json(document).encode("utf-8", "backslashreplace")
        try:
            tree = start(self.argv, {**os.environ, **self.env}, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE)
        except OSError as exc:
            raise ExtractionError("start-failed", f"could not start {self.argv[0]!r}: {exc.strerror or exc}. "
                                  "Check argv[0] is an installed program.") from None
        result = exchange(tree, data, timeout=timeout, limit=limit, keep=STDERR_TAIL * 4)
        tail = self._tail(result.stderr)
        if result.timed_out:
            raise ExtractionError("timeout", f"{self.argv[0]!r} did not finish within {timeout:g} s and was killed. "
                                  "Raise timeout, or make the program faster.", stderr_tail=tail)
        if result.flooded:
            raise ExtractionError("output-too-large", f"{self.argv[0]!r} wrote more than {limit:,} bytes to stdout "
                                  "and was stopped. Raise max_output_bytes if that much is expected.",
                                  stderr_tail=tail)
        if result.returncode != 0:
            raise ExtractionError("exit-status", f"{self.argv[0]!r} exited with status {result.returncode}.",
                                  stderr_tail=tail, raw=result.stdout.decode("utf-8", "replace"))
        return self._parse(result.stdout, document, tail)

    @staticmethod
    def _tail(data: bytes) -> str | None:
        if not data:
            return None
        return data.decode("utf-8", "replace")[-STDERR_TAIL:]

    def _parse(self, data: bytes, document: Document, tail: str | None) -> Any:
        from ..errors import InputError
        from ..files import parse_json

        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ExtractionError("invalid-utf8", f"stdout is not valid UTF-8 at byte offset {exc.start} "
                                  f"(byte {data[exc.start:exc.start + 1]!r}). Write UTF-8 JSON.",
                                  raw=data.decode("utf-8", "replace"), stderr_tail=tail) from None
        if not text.strip():
            raise ExtractionError("empty-output", f"{self.argv[0]!r} wrote nothing to stdout. "
                                  "Print one predictions record as JSON.", stderr_tail=tail)
        try:
            record = parse_json(text, "stdout")
        except InputError as exc:
            raise ExtractionError("invalid-json", str(exc), raw=text, stderr_tail=tail) from None
        if isinstance(record, dict):
            record.setdefault("doc_id", document.id)
            record.setdefault("adapter", self.name)
        return record
