"""Reading and writing files safely: size and depth limits, clear decode errors, atomic writes.

Every input file passes through here, so limits are checked before a file is
loaded whole, and a broken file becomes an ``InputError`` naming the file and
the offset, never a traceback.
"""

from __future__ import annotations

import json
import os
import re
import stat
import tempfile
from itertools import chain, compress, repeat
from pathlib import Path
from typing import Any, Iterator

from .errors import InputError

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
DEFAULT_MAX_DEPTH = 64
DEFAULT_MAX_ITEMS = 1_000_000


def _read_umask() -> int:
    # os.umask can only be read by setting it: do it once, before any threads exist
    current = os.umask(0o022)
    os.umask(current)
    return current


UMASK = _read_umask()
_FILE_MODE = 0o666 & ~UMASK


class Limits:
    """Limits on input size, shared by every reader; changeable for tests and config."""

    max_bytes: int = DEFAULT_MAX_BYTES
    max_depth: int = DEFAULT_MAX_DEPTH
    max_items: int = DEFAULT_MAX_ITEMS


# document ids and adapter names become file names: one path component, no separators, no
# leading dot (so never "." or ".."), and fullmatch so a trailing newline is not let through
_SAFE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,127}")
# Windows opens a device instead of a file for these names, whatever follows the first dot,
# and drops a trailing dot, so "a." and "a" would be one file there
_WINDOWS_RESERVED = re.compile(r"(CON|PRN|AUX|NUL|COM[0-9]|LPT[0-9])(\..*)?", re.IGNORECASE)
SAFE_NAME_RULE = ("letters, digits, '.', '_' and '-', starting with a letter or digit, not ending "
                  "with '.', at most 128 characters, and not a name Windows reserves "
                  "(CON, PRN, AUX, NUL, COM0-COM9, LPT0-LPT9, with or without an extension)")


def is_safe_name(name: object) -> bool:
    """Whether ``name`` can be used as one file name component, on any system, without leaving its folder."""
    return (isinstance(name, str) and _SAFE_NAME.fullmatch(name) is not None
            and not name.endswith(".") and _WINDOWS_RESERVED.fullmatch(name) is None)


def contained_path(folder: str | os.PathLike, relative: str | os.PathLike) -> Path | None:
    """``folder / relative`` when it stays inside ``folder`` (after resolving links), else None."""
    base = Path(folder).resolve()
    candidate = (base / relative).resolve()
    return candidate if candidate.is_relative_to(base) and candidate != base else None


_KINDS = ((stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))


def _kind(mode: int) -> str:
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def read_bytes(path: str | os.PathLike, *, max_bytes: int | None = None,
               inside: str | os.PathLike | None = None) -> bytes:
    """The bytes of ``path``, refusing files over the size limit before reading them.

    Only a regular file is read: a FIFO or a device is refused without
    waiting on it. With ``inside``, a path that leads out of that folder
    through a link is refused before it is opened, so its content never
    reaches an error message.
    """
    path = Path(path)
    limit = Limits.max_bytes if max_bytes is None else max_bytes
    if inside is not None and contained_path(inside, path.absolute()) is None:
        raise InputError(f"{path}: is a link to a file outside {inside}, and is not read. "
                         f"Copy the file into {inside} instead of linking to it.")
    try:
        # O_NONBLOCK: opening a FIFO would otherwise wait for a writer before we could look at it
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise InputError(f"{path}: no such file. Check the path.") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory, expected a file.") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror}).") from None
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise InputError(f"{path}: is a directory, expected a file.")
        if not stat.S_ISREG(info.st_mode):
            raise InputError(f"{path}: is {_kind(info.st_mode)}, not a regular file, and is not read. "
                             "Point at a regular file.")
        if inside is not None and not os.path.samestat(info, os.stat(Path(path).resolve())):
            raise InputError(f"{path}: changed while it was opened, and is not read. Check nothing rewrites it.")
        if info.st_size > limit:
            raise InputError(
                f"{path}: {info.st_size:,} bytes is over the limit of {limit:,} bytes. "
                "Split the file, or raise the limit with [tool.harness.limits] max_bytes."
            )
        try:
            # read(n) makes an n-byte buffer first: asking for the limit cost a 50 MiB allocation per file.
            # The size and a byte more, then (only if the file grew) the rest up to the limit.
            data = handle.read(info.st_size + 1)
            if len(data) > info.st_size:
                data += handle.read(limit + 1 - len(data))
        except OSError as exc:
            raise InputError(f"{path}: cannot be read ({exc.strerror}).") from None
    if len(data) > limit:  # grew while we looked
        raise InputError(f"{path}: over the limit of {limit:,} bytes.")
    return data


def decode_utf8(data: bytes, source: str, *, strip_bom: bool = False) -> str:
    """Decode UTF-8 strictly; an invalid byte is an error naming its offset."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{source}: not valid UTF-8 at byte offset {exc.start} "
            f"(byte {data[exc.start:exc.start + 1]!r}). Save the file as UTF-8."
        ) from None
    if strip_bom and text.startswith("\ufeff"):
        text = text[1:]
    return text


def read_text(path: str | os.PathLike, *, max_bytes: int | None = None,
              inside: str | os.PathLike | None = None) -> str:
    """The text of a UTF-8 file, exactly (a byte-order mark is kept as a character)."""
    return decode_utf8(read_bytes(path, max_bytes=max_bytes, inside=inside), str(path))


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


def _pairs_without_duplicates(pairs: list[tuple[str, Any]]) -> dict:
    result = dict(pairs)
    if len(result) == len(pairs):
        return result
    # a key was given twice: name the first one repeated
    seen: set[str] = set()
    for key, _ in pairs:
        if key in seen:
            break
        seen.add(key)
    raise ValueError(f"duplicate key {key!r}")


def _sharing_values(shared: dict) -> Any:
    """The duplicate-key hook, also giving each string or integer value of an object the one copy in
    ``shared`` (no string equals an integer, and ``type is`` keeps booleans and floats out)."""
    share = shared.setdefault

    def pairs_hook(pairs: list[tuple[str, Any]]) -> dict:
        result = _pairs_without_duplicates(pairs)
        for key, value in pairs:
            if type(value) is str or type(value) is int:
                result[key] = share(value, value)
        return result

    return pairs_hook


def parse_json(text: str, source: str, *, max_depth: int | None = None,
               shared: dict | None = None) -> Any:
    """Parse JSON text strictly: no NaN/Infinity, no duplicate keys, bounded nesting.

    With ``shared`` (a dict kept across calls), a string or integer value of
    an object equal to one seen before is that same object: values that
    repeat over many files (a type, a form, a name, an offset) are held once.
    """
    depth_limit = Limits.max_depth if max_depth is None else max_depth
    try:
        value = json.loads(
            text,
            parse_constant=_reject_constant,
            object_pairs_hook=_pairs_without_duplicates if shared is None else _sharing_values(shared),
        )
    except json.JSONDecodeError as exc:
        raise InputError(
            f"{source}: invalid JSON at line {exc.lineno}, column {exc.colno} "
            f"(offset {exc.pos}): {exc.msg}. Fix the syntax there."
        ) from None
    except RecursionError:
        raise InputError(
            f"{source}: JSON nested too deeply (more than {depth_limit} levels). "
            "Flatten the structure."
        ) from None
    except ValueError as exc:
        raise InputError(f"{source}: invalid JSON: {exc}.") from None
    depth = json_depth(value)
    if depth > depth_limit:
        raise InputError(
            f"{source}: JSON nested {depth} levels deep, over the limit of {depth_limit}. "
            "Flatten the structure."
        )
    return value


def json_depth(value: Any) -> int:
    """Nesting depth of a parsed JSON value, computed without recursion.

    One level at a time, its containers picked out with ``map`` and
    ``compress``: no Python code runs per node, which made the walk half of
    the cost of parsing a gold file.
    """
    depth = 0
    level = [value]
    while True:
        objects = list(compress(level, map(isinstance, level, repeat(dict))))
        arrays = list(compress(level, map(isinstance, level, repeat(list))))
        if not objects and not arrays:
            return depth
        depth += 1
        level = list(chain(chain.from_iterable(map(dict.values, objects)), chain.from_iterable(arrays)))


def read_json(path: str | os.PathLike, *, max_bytes: int | None = None,
              inside: str | os.PathLike | None = None) -> Any:
    """Parse a JSON file (a UTF-8 byte-order mark is allowed); ``inside`` as for ``read_bytes``."""
    text = decode_utf8(read_bytes(path, max_bytes=max_bytes, inside=inside), str(path), strip_bom=True)
    return parse_json(text, str(path))


def iter_jsonl(path: str | os.PathLike, *, max_bytes: int | None = None) -> Iterator[tuple[int, Any]]:
    """(line number, value) for each non-blank line of a JSON Lines file."""
    text = decode_utf8(read_bytes(path, max_bytes=max_bytes), str(path), strip_bom=True)
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            yield number, parse_json(line, f"{path}:{number}")


def read_records(path: str | os.PathLike) -> list[tuple[str, Any]]:
    """Records from a JSON file (an object or a list of objects) or a JSONL file.

    Each record comes with the location to name in errors (``file:line`` for
    JSONL, ``file#/index`` for a JSON list).
    """
    path = Path(path)
    if path.suffix.lower() in (".jsonl", ".ndjson"):
        return [(f"{path}:{n}", value) for n, value in iter_jsonl(path)]
    value = read_json(path)
    if isinstance(value, list):
        return [(f"{path}#/{i}", item) for i, item in enumerate(value)]
    return [(str(path), value)]


def encode_utf8(text: str) -> bytes:
    """``text`` as UTF-8; a lone surrogate, which UTF-8 cannot hold, is written as its ``\\ud800`` escape.

    Inputs holding one are refused, but a writer must not fail on one that got
    through (in a plugin's error message, say); in JSON the escape reads back
    as the same string.
    """
    return text.encode("utf-8", "backslashreplace")


def write_atomic(path: str | os.PathLike, content: str | bytes) -> None:
    """Write a file so that readers see the old file or the new one, never a torn one."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    data = encode_utf8(content) if isinstance(content, str) else content
    fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, _FILE_MODE)  # mkstemp makes 0600; reports are for everyone to read
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp_name, path)
    except BaseException:
        try:
            os.unlink(temp_name)
        except OSError:
            pass
        raise


def json_text(value: Any) -> str:
    """``value`` as the indented JSON every harness file uses. NaN is refused, not written."""
    return json.dumps(value, indent=2, ensure_ascii=False, allow_nan=False) + "\n"


def write_json_atomic(path: str | os.PathLike, value: Any) -> None:
    """Write ``value`` as indented JSON, atomically. NaN is refused, not written."""
    write_atomic(path, json_text(value))
