"""Errors a user can act on.

Every failure the CLI reports is an ``L10nError``: one line of text and an exit
code. Subclasses carry the fields a caller may want (path, line, segment id), so
tests and scripts never parse messages.

Exit codes (also in the README):

====  =====================================================================
 0    success
 1    ``l10n check`` found problems
 2    usage error, or no translation model installed for the language pair
 3    unreadable or unusable input page
 4    broken data file: PO catalog, glossary, settings, reference file
 5    model package could not be installed (bad file, index unreachable)
      or an installed one does not load
 6    another ``l10n`` run is writing the same catalogs, or files kept changing during a run
 7    a file could not be written (permissions, disk)
 8    the Ray cluster (``--executor ray``) could not be joined or went away
====  =====================================================================
"""

from __future__ import annotations

from pathlib import Path


class L10nError(Exception):
    exit_code = 1

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class UsageError(L10nError):
    exit_code = 2


class NoModelError(L10nError):
    exit_code = 2

    def __init__(self, message: str, *, source: str, target: str):
        super().__init__(message)
        self.source = source
        self.target = target


class InputError(L10nError):
    exit_code = 3

    def __init__(self, message: str, *, path: Path | None = None):
        super().__init__(message)
        self.path = path


class DataFileError(L10nError):
    """A PO catalog, glossary, settings or reference file is broken."""

    exit_code = 4

    def __init__(self, message: str, *, path: Path, line: int | None = None):
        where = f"{path}:{line}" if line else str(path)
        super().__init__(f"{where}: {message}")
        self.path = path
        self.line = line


class CatalogMismatchError(DataFileError):
    """An existing catalog was made from a different article."""


class PackageError(L10nError):
    exit_code = 5


class BusyError(L10nError):
    exit_code = 6


class WriteError(L10nError):
    exit_code = 7

    def __init__(self, message: str, *, path: Path):
        super().__init__(message)
        self.path = path


class ClusterError(L10nError):
    """The Ray cluster could not be joined, its actors could not load a model,
    or it went away during a run."""

    exit_code = 8
