"""Writing the reports of a run as one set: a reader sees the old set or the new one, never a mix.

The files go into a private staging folder beside the report folder
(``.<name>.<random>.tmp``), are flushed to disk, and the two folders are
swapped in one step (``renameat2`` with ``RENAME_EXCHANGE`` on Linux; two
renames elsewhere). The old set is then deleted. A writer killed before the
swap leaves the old set untouched and its staging folder behind; the next
writer deletes every staging folder whose writer is gone (each writer holds
a lock on its own), so none is left for long.

Because the whole folder is replaced, it must hold nothing but reports: a
folder with other files in it is refused rather than emptied.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from pathlib import Path
from typing import Iterable, Iterator

from ..errors import UsageError
from ..files import UMASK, encode_utf8

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


class ReportSet:
    """The staging folder of one report set; ``commit`` puts it in place of ``folder``.

    Use as a context manager: leaving the block by an exception removes the
    staging folder and leaves ``folder`` as it was.
    """

    def __init__(self, folder: str | os.PathLike):
        self.folder = Path(folder).absolute()
        if self.folder.is_symlink():
            self.folder = self.folder.resolve()  # the set replaces the folder the link points at
        if not self.folder.name or self.folder.parent == self.folder:
            raise UsageError(f"{folder}: reports cannot replace this folder. Pass a folder of its own, "
                             "e.g. reports/latest.")
        self.folder.parent.mkdir(parents=True, exist_ok=True)
        with _locked(self.folder.parent):  # so a sweeping writer never takes a staging folder not yet locked
            _sweep(self.folder)
            self.staging = Path(tempfile.mkdtemp(prefix=f".{self.folder.name}.", suffix=".tmp",
                                                 dir=self.folder.parent))
            self._lock: int | None = _lock(self.staging)
        self._written: set[str] = set()

    def __enter__(self) -> "ReportSet":
        return self

    def __exit__(self, kind, exc, tb) -> None:
        if self._lock is not None:  # not committed: throw the staging folder away
            shutil.rmtree(self.staging, ignore_errors=True)
            self._release()

    def path(self, relative: str) -> Path:
        """Where ``relative`` (e.g. ``report.json``) is staged."""
        return self.staging / relative

    def write(self, relative: str, content: str | bytes | Iterable[str]) -> Path:
        """Stage one file of the set, flushed to disk. No temporary files: nobody else reads this folder.

        ``content`` may be an iterable of text pieces (the lines of a large file), written as they
        come so the whole file is never held in memory.
        """
        path = self.path(relative)
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "wb") as handle:
            if isinstance(content, (str, bytes)):
                handle.write(encode_utf8(content) if isinstance(content, str) else content)
            else:
                for piece in content:
                    handle.write(encode_utf8(piece))
            handle.flush()
            os.fsync(handle.fileno())
        self._written.add(Path(relative).parts[0])
        return path

    def commit(self) -> None:
        """Swap the staged set into place and delete the old one."""
        _check_only_reports(self.folder, self._written)
        for folder in {self.staging, *(self.path(name).parent for name in self._written)}:
            _fsync_folder(folder)
        os.chmod(self.staging, 0o777 & ~UMASK)  # mkdtemp makes 0700; reports are for everyone to read
        if self.folder.exists() and _exchange(self.staging, self.folder):
            old = self.staging  # the exchange left the old set at the staging name
        else:
            old = _replace(self.staging, self.folder)
        _fsync_folder(self.folder.parent)
        self._release()
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)

    def _release(self) -> None:
        if self._lock is not None:
            os.close(self._lock)
            self._lock = None


def _check_only_reports(folder: Path, names: set[str]) -> None:
    if not folder.is_dir():
        if folder.exists() or folder.is_symlink():
            raise UsageError(f"{folder}: is not a folder, so reports cannot be written there. "
                             "Pass a folder for the reports, e.g. reports/latest.")
        return
    others = sorted(entry.name for entry in folder.iterdir() if entry.name not in names)
    if others:
        shown = ", ".join(others[:5]) + (f" and {len(others) - 5} more" if len(others) > 5 else "")
        raise UsageError(f"{folder}: holds {shown} besides the reports. The reports replace the whole folder, "
                         "so they need a folder of their own: pass another --out (default reports/latest), "
                         "or move those files out.")


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one step; False where the system cannot (then the caller renames twice)."""
    import ctypes
    import errno

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False  # an old kernel or a file system without the exchange
    raise OSError(code, os.strerror(code), str(b))


def _replace(staging: Path, folder: Path) -> Path | None:
    """Put ``staging`` at ``folder`` by two renames; the old set's new name (None when there was none)."""
    if not folder.exists():
        os.rename(staging, folder)
        return None
    old = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", suffix=".tmp", dir=folder.parent))
    os.rmdir(old)
    os.rename(folder, old)
    try:
        os.rename(staging, folder)
    except OSError:
        os.rename(old, folder)
        raise
    return old


def _lock(folder: Path) -> int:
    """An open descriptor holding an exclusive lock on ``folder``: a live writer's mark on its staging folder."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        import fcntl
    except ImportError:  # no advisory locks here: leftovers are then not swept
        return fd
    fcntl.flock(fd, fcntl.LOCK_EX)
    return fd


@contextlib.contextmanager
def _locked(folder: Path) -> Iterator[None]:
    fd = _lock(folder)
    try:
        yield
    finally:
        os.close(fd)


def sweep_staging(parent: str | os.PathLike) -> None:
    """Delete every staging folder in ``parent`` left by a killed writer, whatever set it was for.

    For a folder of many report sets (the run history), where no later
    writer of the same set comes along to sweep it.
    """
    parent = Path(parent)
    if parent.is_dir():
        with _locked(parent):
            _sweep_matching(parent, ".*.tmp")


def _sweep(folder: Path) -> None:
    """Delete staging folders of ``folder`` left by writers that were killed (no one holds their lock)."""
    _sweep_matching(folder.parent, f".{folder.name}.*.tmp")


def _sweep_matching(parent: Path, pattern: str) -> None:
    try:
        import fcntl
    except ImportError:
        return
    for leftover in parent.glob(pattern):
        try:
            fd = os.open(leftover, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_NOFOLLOW", 0))
        except OSError:
            continue
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            continue  # a writer at work
        try:
            shutil.rmtree(leftover, ignore_errors=True)
        finally:
            os.close(fd)


def _fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems cannot sync a folder; the files themselves are synced
    finally:
        os.close(fd)
