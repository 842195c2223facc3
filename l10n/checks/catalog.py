"""Whole-file checks: the PO header, one entry per segment, completeness, references present."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

import polib

from l10n.article import Segment
from l10n.checks import ERROR, WARNING, Issue
from l10n.languages import LANGUAGES
from l10n.references import Reference

REQUIRED_HEADER = ("Project-Id-Version", "Language", "MIME-Version", "Content-Type", "Content-Transfer-Encoding",
                   "Plural-Forms")


def check_catalog(catalog: polib.POFile, segments: Sequence[Segment], *, language: str, path: str,
                  lines: Mapping[tuple[str, str], int], allow_fuzzy: bool = False,
                  allow_untranslated: bool = False) -> list[Issue]:
    """Header, one entry per current segment, completeness."""
    issues = []
    header = catalog.metadata

    def problem(check: str, message: str, segment: str | None = None, line: int | None = None,
                severity: str = ERROR) -> None:
        issues.append(Issue(check, severity, message, segment, path, line))

    for field in REQUIRED_HEADER:
        if not header.get(field):
            problem("header", f"header field {field} is missing", line=1)
    if header.get("Language") and header["Language"] != language:
        problem("header", f"Language is {header['Language']!r}, expected {language!r}", line=1)
    if "charset=UTF-8" not in header.get("Content-Type", "").replace("utf-8", "UTF-8"):
        problem("header", "Content-Type must declare charset=UTF-8", line=1)
    plural = LANGUAGES[language].plural_forms if language in LANGUAGES else None
    if plural and header.get("Plural-Forms") and header["Plural-Forms"].replace(" ", "") != plural.replace(" ", ""):
        problem("header", f"Plural-Forms should be {plural!r}", line=1)

    active = [entry for entry in catalog if not entry.obsolete]
    counts = Counter((entry.msgctxt, entry.msgid) for entry in active)
    for key, count in counts.items():
        if count > 1:
            problem("segments", f"{count} entries for one segment", key[0], lines.get(key))
    expected = {(segment.id, segment.source) for segment in segments}
    for segment in segments:
        if (segment.id, segment.source) not in counts:
            problem("segments", f"segment {segment.id} missing from the catalog (run l10n translate)", segment.id)
    for entry in active:
        if (entry.msgctxt, entry.msgid) not in expected:
            problem("segments", "entry for a sentence that is not in the article", entry.msgctxt,
                    lines.get((entry.msgctxt, entry.msgid)))
    obsolete = catalog.obsolete_entries()
    if obsolete:
        problem("obsolete", f"{len(obsolete)} obsolete entries (#~) kept from earlier versions", severity=WARNING)

    for entry in active:
        line = lines.get((entry.msgctxt, entry.msgid))
        if entry.fuzzy and not allow_fuzzy:
            problem("completeness", "fuzzy: not reviewed yet", entry.msgctxt, line)
        elif not entry.msgstr and not entry.fuzzy and not allow_untranslated:
            problem("completeness", "untranslated", entry.msgctxt, line)
    return issues


def check_references(references: Mapping[str, Reference], segments: Sequence[Segment], *, path: str) -> list[Issue]:
    """Every segment has a reference written for its current sentence."""
    issues = []
    for segment in segments:
        reference = references.get(segment.id)
        if reference is None:
            issues.append(Issue("references", ERROR, f"no reference translation for {segment.id}", segment.id, path))
        elif reference.source != segment.source:
            issues.append(Issue("references", ERROR, "reference was written for a different source sentence",
                                segment.id, path, reference.line))
    return issues
