"""Reference translations: one TSV per article and language.

``locales/references/<name>.<lang>.tsv`` holds ``id<TAB>source<TAB>reference``
per segment, in article order, under a header line. The source column keeps
each row reviewable on its own and shows when a reference was written for a
sentence that has since changed. Lines starting with ``#`` before the header
record how the references were made (who or what wrote them, from what, in
which style): a score means little without that.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from l10n.errors import DataFileError
from l10n.files import NotAFileError, read_regular

HEADER = "id\tsource\treference"


@dataclass(frozen=True)
class Reference:
    id: str
    source: str
    text: str
    line: int | None = None  # in the file


def reference_path(locales: Path, name: str, language: str) -> Path:
    return locales / "references" / f"{name}.{language}.tsv"


def load_references(path: Path) -> dict[str, Reference]:
    try:
        lines = read_regular(path).decode("utf-8").splitlines()
    except FileNotFoundError:
        raise DataFileError("no reference translations (see README: Reference translations)", path=path) from None
    except NotAFileError as error:
        raise DataFileError(str(error), path=path) from None
    except OSError as error:
        raise DataFileError(f"cannot read: {error.strerror}", path=path) from None
    except UnicodeDecodeError:
        raise DataFileError("not UTF-8 text", path=path) from None
    notes = 0
    while notes < len(lines) and lines[notes].startswith("#"):
        notes += 1
    if len(lines) == notes or lines[notes] != HEADER:
        raise DataFileError(f"the first line after the # notes must be the header {HEADER!r}", path=path,
                            line=notes + 1)
    references: dict[str, Reference] = {}
    for number, line in enumerate(lines[notes + 1:], start=notes + 2):
        fields = line.split("\t")
        if len(fields) != 3 or not all(field.strip() for field in fields):
            raise DataFileError("expected 3 non-empty tab-separated fields: id, source, reference", path=path, line=number)
        if fields[0] in references:
            raise DataFileError(f"segment {fields[0]} appears twice", path=path, line=number)
        references[fields[0]] = Reference(*fields, line=number)
    return references
