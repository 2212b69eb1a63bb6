"""What an adapter's code is: a digest of the source of the package it comes from.

Cached predictions must follow the code that made them, not only the
``version`` an author remembered to bump. The digest covers every file of
the adapter's top-level package (modules and data files; compiled
``__pycache__`` files left out), each file hashed once and kept while its
modification time and size stay the same, so a second run in the same
process costs only a ``stat`` per file.
"""

from __future__ import annotations

import hashlib
import importlib.util
import threading
from pathlib import Path

__all__ = ["distribution_versions", "module_source_digest", "path_digest"]

# path -> ((mtime_ns, size), sha256 of the file)
_FILE_DIGESTS: dict[str, tuple[tuple[int, int], str]] = {}
_LOCK = threading.Lock()
_SKIPPED_FOLDERS = {"__pycache__", ".git", ".hypothesis", ".pytest_cache", ".mypy_cache"}


def _file_digest(path: Path) -> str:
    stat = path.stat()
    signature = (stat.st_mtime_ns, stat.st_size)
    key = str(path)
    with _LOCK:
        known = _FILE_DIGESTS.get(key)
    if known is not None and known[0] == signature:
        return known[1]
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    with _LOCK:
        _FILE_DIGESTS[key] = (signature, digest.hexdigest())
    return digest.hexdigest()


def _files_under(folder: Path) -> list[Path]:
    found = []
    for path in folder.rglob("*"):
        relative = path.relative_to(folder).parts
        if any(part in _SKIPPED_FOLDERS for part in relative) or path.suffix in (".pyc", ".pyo"):
            continue
        if path.is_file():  # regular files only: never open a FIFO or a device
            found.append(path)
    return sorted(found)


def path_digest(path: str | Path) -> str:
    """The sha256 of a file, or of every file under a folder (names and contents)."""
    path = Path(path)
    if not path.is_dir():
        return _file_digest(path)
    digest = hashlib.sha256()
    for file in _files_under(path):
        digest.update(file.relative_to(path).as_posix().encode("utf-8", "surrogateescape") + b"\0")
        digest.update(_file_digest(file).encode("ascii") + b"\n")
    return digest.hexdigest()


def _locations(module: str, search: tuple[Path, ...] = ()) -> list[Path]:
    """The files or folders the top-level package of ``module`` is made of (empty when unknown).

    Folders in ``search`` are looked in first (``python -m`` finds modules in
    the working folder before the installed ones).
    """
    top = module.split(".")[0]
    for folder in search:
        for candidate in (folder / top, folder / f"{top}.py"):
            if candidate.is_dir() or candidate.is_file():
                return [candidate]
    try:
        spec = importlib.util.find_spec(top)
    except (ImportError, ValueError):
        return []
    if spec is None:
        return []
    if spec.submodule_search_locations:
        return [Path(location) for location in spec.submodule_search_locations]
    if spec.origin and Path(spec.origin).is_file():
        return [Path(spec.origin)]
    return []


def module_source_digest(module: str, search: tuple[Path, ...] = ()) -> str | None:
    """A digest of the source of the top-level package ``module`` belongs to; None when it has no files."""
    locations = _locations(module, search)
    if not locations:
        return None
    digest = hashlib.sha256()
    for location in sorted(locations):
        try:
            digest.update(path_digest(location).encode("ascii"))
        except OSError:
            return None
    return digest.hexdigest()


def distribution_versions(names: tuple[str, ...] | list[str]) -> dict[str, str | None]:
    """The installed version of each distribution (None when it is not installed)."""
    from importlib.metadata import PackageNotFoundError, version

    versions: dict[str, str | None] = {}
    for name in names:
        try:
            versions[name] = version(name)
        except PackageNotFoundError:
            versions[name] = None
    return versions
