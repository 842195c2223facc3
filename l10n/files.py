"""File I/O at the edges of the pipeline: writes atomic, never partial; reads
of regular files only, so a FIFO never hangs a run and a device is never read."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import stat
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from l10n.errors import DataFileError, WriteError


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


# -- all-or-nothing runs ------------------------------------------------------------------
#
# A run's outputs are first written whole into a staging folder. Then a journal
# naming every file is written and renamed into place: that rename is the
# commit point. The files are installed one by one and the staging folder is
# removed. A run killed before the commit point leaves only the staging
# folder, which the next run deletes (nothing was replaced); one killed after
# it leaves the journal, and the next run installs the rest. Either way every
# file ends up all old or all new.

STAGING = ".l10n-staging"
JOURNAL = "journal.json"


def digest(data: bytes | None) -> str | None:
    return None if data is None else hashlib.sha256(data).hexdigest()


def read_bytes(path: Path) -> bytes | None:
    """A regular file's bytes, None if it does not exist; never blocks on a FIFO."""
    try:
        return read_regular(path)
    except FileNotFoundError:
        return None
    except NotAFileError as error:
        raise DataFileError(str(error), path=path) from None


@dataclass(frozen=True)
class Replacement:
    path: Path
    content: bytes
    expected: str | None  # digest of the file as the run read it; None: it did not exist


def commit(replacements: list[Replacement], staging: Path, *, inputs: Mapping[Path, str | None] = {}) -> None:
    """Replace every file or none. A file that no longer has the content the
    run read (a replaced file, or one of ``inputs``: path → digest as read)
    raises ConflictError before anything is replaced."""
    expected = {**inputs, **{r.path: r.expected for r in replacements}}
    if not replacements:
        _verify(expected)
        return
    check_writable([r.path for r in replacements])
    shutil.rmtree(staging, ignore_errors=True)
    records = []
    try:
        staging.mkdir(parents=True)
        for number, replacement in enumerate(replacements):
            staged = staging / str(number)
            _write_synced(staged, replacement.content)
            records.append({"staged": staged.name, "target": os.path.realpath(replacement.path),
                            "old": replacement.expected, "new": digest(replacement.content)})
    except OSError as error:
        shutil.rmtree(staging, ignore_errors=True)
        failed = replacements[len(records)].path if len(records) < len(replacements) else staging
        raise WriteError(f"cannot write {failed}: {error.strerror}; nothing was changed", path=failed) from None
    try:
        _verify(expected)
    except ConflictError:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    try:
        _write_synced(staging / (JOURNAL + ".tmp"), json.dumps({"files": records}).encode("utf-8"))
        os.replace(staging / (JOURNAL + ".tmp"), staging / JOURNAL)  # the commit point
        _sync_folder(staging)
    except OSError as error:
        shutil.rmtree(staging, ignore_errors=True)
        raise WriteError(f"cannot write {staging}: {error.strerror}; nothing was changed", path=staging) from None
    _install_all(staging)


def _verify(expected: Mapping[Path, str | None]) -> None:
    for path, value in expected.items():
        if digest(read_bytes(path)) != value:
            raise ConflictError(path)


def recover(staging: Path) -> None:
    """Finish or roll back a run that was killed while writing."""
    if (staging / JOURNAL).exists():
        _install_all(staging)
    elif staging.exists():
        shutil.rmtree(staging, ignore_errors=True)


class ConflictError(Exception):
    """A file changed on disk since the run read it (an editor saved it)."""

    def __init__(self, path: Path):
        super().__init__(str(path))
        self.path = path


def _install_all(staging: Path) -> None:
    try:
        records = json.loads((staging / JOURNAL).read_text(encoding="utf-8"))["files"]
    except (OSError, ValueError, KeyError) as error:
        raise WriteError(f"cannot read {staging / JOURNAL}: {error}; move {staging} away", path=staging) from None
    for record in records:
        target = Path(record["target"])
        current = digest(read_bytes(target))
        # Installed already before the run was interrupted, or saved by an
        # editor after the commit point (their save wins): left as it is.
        if current == record["old"]:
            try:
                _install(staging / record["staged"], target)
            except OSError as error:
                raise WriteError(f"cannot write {target}: {error.strerror}; the next run finishes the update",
                                 path=target) from None
        _temporary(target).unlink(missing_ok=True)
    shutil.rmtree(staging, ignore_errors=True)


def _temporary(target: Path) -> Path:
    return target.parent / f".{target.name}.l10n-tmp"


def _install(staged: Path, target: Path) -> None:
    """Put the staged file at ``target`` (a real path, symlinks resolved),
    keeping the old file's owner, mode and hard links."""
    data = staged.read_bytes()
    try:
        old = target.stat()
    except FileNotFoundError:
        old = None
    if old is not None and old.st_nlink > 1:
        _overwrite(target, data)  # a rename would cut the other links
        return
    temporary = _temporary(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    _write_synced(temporary, data)
    if old is None:
        os.chmod(temporary, 0o644)
    else:
        os.chmod(temporary, stat.S_IMODE(old.st_mode))
        if (old.st_uid, old.st_gid) != (os.getuid(), os.getgid()):
            try:
                os.chown(temporary, old.st_uid, old.st_gid)
            except PermissionError:
                temporary.unlink()
                _overwrite(target, data)  # only the owner's own file keeps the owner
                return
    os.replace(temporary, target)
    _sync_folder(target.parent)


def _overwrite(target: Path, data: bytes) -> None:
    with open(target, "r+b") as out:
        out.write(data)
        out.truncate()
        out.flush()
        os.fsync(out.fileno())


def _write_synced(path: Path, data: bytes) -> None:
    with open(path, "wb") as out:
        out.write(data)
        out.flush()
        os.fsync(out.fileno())


def _sync_folder(folder: Path) -> None:
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
