"""File writing at the edges of the pipeline: atomic, never partial."""

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
