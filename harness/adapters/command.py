"""``command``: an external program as an extractor.

The program is started from an argv list (never through a shell), reads one
document as JSON on stdin::

    {"doc_id": "...", "text": "...", "metadata": {...}, "regions": [{"start": 0, "end": 9, "kind": "body", "label": null}]}

and writes one predictions record as JSON on stdout (``doc_id`` may be left
out; it is filled in). A non-zero exit, a timeout, output over
``max_output_bytes``, output that is not UTF-8 or not JSON: each is an error
for that document carrying the tail of the program's stderr. The program's
whole process group is killed on timeout, so children it started die too.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import threading
from dataclasses import asdict
from pathlib import Path
from typing import Any, Mapping

from ..model import Document
from .base import BaseExtractor, ExtractionError, categories_setting
from .settings import Setting

STDERR_TAIL = 2000


def document_to_json(document: Document) -> str:
    """The JSON a command reads on stdin for ``document``."""
    return json.dumps({
        "doc_id": document.id,
        "text": document.text,
        "metadata": asdict(document.metadata),
        "regions": [asdict(region) for region in document.regions],
    }, ensure_ascii=False)


def _kill(process: Any) -> None:
    import signal

    try:
        os.killpg(process.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError, OSError):
        try:
            process.kill()
        except OSError:
            pass


class _Capture:
    """Reads a pipe on a thread: everything up to ``limit`` bytes, or only the last ``keep`` bytes."""

    def __init__(self, pipe: Any, limit: int | None = None, keep: int | None = None, on_flood: Any = None):
        self.chunks: list[bytes] = []
        self.size = 0
        self.flooded = False
        self._pipe, self._limit, self._keep, self._on_flood = pipe, limit, keep, on_flood
        self.thread = threading.Thread(target=self._read, daemon=True)
        self.thread.start()

    def _read(self) -> None:
        try:
            while True:
                chunk = self._pipe.read1(65536) if hasattr(self._pipe, "read1") else self._pipe.read(65536)
                if not chunk:
                    break
                self.size += len(chunk)
                if self._limit is not None and self.size > self._limit:
                    self.flooded = True
                    if self._on_flood:
                        self._on_flood()
                    break
                self.chunks.append(chunk)
                if self._keep is not None:
                    joined = b"".join(self.chunks)[-self._keep:]
                    self.chunks = [joined]
        except (OSError, ValueError):
            pass

    @property
    def data(self) -> bytes:
        return b"".join(self.chunks)


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

    @classmethod
    def readiness(cls, settings: Mapping[str, Any]) -> tuple[str, str, str | None]:
        if not settings.get("argv"):
            return "unconfigured", ('set argv = ["program", "arg", ...] under [tool.harness.adapters.command] '
                                    "or pass --set 'argv=[\"program\"]'"), None
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
        environment = {**os.environ, **self.env}
        try:
            process = subprocess.Popen(self.argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                       stderr=subprocess.PIPE, env=environment, start_new_session=True)
        except OSError as exc:
            raise ExtractionError("start-failed", f"could not start {self.argv[0]!r}: {exc.strerror or exc}. "
                                  "Check argv[0] is an installed program.") from None
        stdout = _Capture(process.stdout, limit=limit, on_flood=lambda: _kill(process))
        stderr = _Capture(process.stderr, keep=STDERR_TAIL * 4)
        writer = threading.Thread(target=self._feed, args=(process, document), daemon=True)
        writer.start()
        timed_out = False
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            timed_out = True
            _kill(process)
            process.wait()
        for thread in (stdout.thread, stderr.thread, writer):
            thread.join(timeout=5)
        tail = self._tail(stderr.data)
        if timed_out:
            raise ExtractionError("timeout", f"{self.argv[0]!r} did not finish within {timeout:g} s and was killed. "
                                  "Raise timeout, or make the program faster.", stderr_tail=tail)
        if stdout.flooded:
            raise ExtractionError("output-too-large", f"{self.argv[0]!r} wrote more than {limit:,} bytes to stdout "
                                  "and was stopped. Raise max_output_bytes if that much is expected.",
                                  stderr_tail=tail)
        if process.returncode != 0:
            raise ExtractionError("exit-status", f"{self.argv[0]!r} exited with status {process.returncode}.",
                                  stderr_tail=tail, raw=stdout.data.decode("utf-8", "replace"))
        return self._parse(stdout.data, document, tail)

    @staticmethod
    def _feed(process: Any, document: Document) -> None:
        try:
            process.stdin.write(document_to_json(document).encode("utf-8"))
            process.stdin.close()
        except (BrokenPipeError, OSError, ValueError):
            pass  # a program that does not read its input still gets judged on its output

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
