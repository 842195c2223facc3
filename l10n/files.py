"""File I/O at the edges of the pipeline: writes atomic, never partial; reads
of regular files only, so a FIFO never hangs a run and a device is never read."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from l10n.errors import WriteError


def atomic_write(path: Path, content: str | bytes) -> None:
    """Write to a temporary file beside ``path``, then rename it into place."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as error:
        raise WriteError(f"cannot write {path}: {error.strerror}", path=path) from None
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        if path.exists():
            os.chmod(temporary, path.stat().st_mode & 0o7777)
        else:
            os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise WriteError(f"cannot write {path}: {error.strerror}", path=path) from None


def check_writable(paths: list[Path]) -> None:
    """Fail before writing anything if any of ``paths`` cannot be written."""
    for path in paths:
        directory = path.parent
        while not directory.exists():
            directory = directory.parent
        if not _writable(directory) or (path.exists() and not _writable(path)):
            raise WriteError(f"cannot write {path}: permission denied", path=path)


def _writable(path: Path) -> bool:
    # Write bits are honoured even for root, who could write anyway: a folder
    # made read-only says "leave these files alone".
    any_write = stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH
    return os.access(path, os.W_OK) and bool(path.stat().st_mode & any_write)


class NotAFileError(OSError):
    """A path that is a FIFO, a device, a socket or a folder, or a file over a size limit."""


_KINDS = {stat.S_IFIFO: "a FIFO (named pipe)", stat.S_IFCHR: "a character device", stat.S_IFBLK: "a block device",
          stat.S_IFSOCK: "a socket", stat.S_IFDIR: "a folder"}


def file_kind(path: Path) -> str:
    """What ``path`` is, in words: "a FIFO (named pipe)", "a folder", "a file"…"""
    return _KINDS.get(stat.S_IFMT(path.stat().st_mode), "a file")


def read_regular(path: Path, *, limit: int | None = None) -> bytes:
    """The bytes of a regular file. Raises FileNotFoundError and other OSErrors
    as usual, NotAFileError (with a reason as its text) for anything that is not
    a regular file or is larger than ``limit`` bytes; never blocks on a FIFO."""
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    mode = os.fstat(descriptor).st_mode
    if not stat.S_ISREG(mode):
        os.close(descriptor)
        raise NotAFileError(f"is {_KINDS.get(stat.S_IFMT(mode), 'not a regular file')}, not a regular file")
    with os.fdopen(descriptor, "rb") as handle:
        data = handle.read() if limit is None else handle.read(limit + 1)
    if limit is not None and len(data) > limit:
        raise NotAFileError(f"is larger than {limit:,} bytes")
    return data
