"""Gettext catalogs: the template, the per-language PO files, and merging.

An entry is identified by (msgctxt, msgid): the segment id and its source
sentence. Merging follows msgmerge, with one rule above all: a rerun never
loses human work.

* an entry whose segment is unchanged is kept as it is — msgstr, flags,
  translator comments — only its location and term comment are refreshed;
* a segment whose sentence changed gets a fresh fuzzy draft; the old msgid is
  kept as ``#| msgid`` and an old translation as a ``previous translation``
  comment, and a reviewed old entry is also kept whole as obsolete;
* an entry whose segment is gone becomes obsolete (``#~``) if it was
  translated, and comes back if the sentence returns;
* fuzzy drafts are kept too (a reviewer may have started on them) unless the
  run asks to redraft them.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import polib

from l10n import __version__
from l10n.article import Segment
from l10n.errors import CatalogMismatchError, DataFileError
from l10n.files import NotAFileError, read_regular
from l10n.glossary import TermMatch
from l10n.languages import LANGUAGES, TARGET_LANGUAGES

#: Two versions of one sentence are at least this similar (difflib ratio on
#: characters). Calibrated on edits of the bundled article: a changed number,
#: name or clause scores 0.7–0.95; unrelated sentences of one article 0.1–0.35.
SAME_SENTENCE_SIMILARITY = 0.5
#: An existing catalog sharing fewer than this share of its sentences with the
#: new source was made from another article; merging would obsolete it all.
MIN_SHARED_SOURCE = 0.3
#: Below this many entries a catalog is too small to tell (a short article
#: rewritten is still the same article).
MIN_ENTRIES_TO_COMPARE = 5

PLURAL_FORMS = {code: facts.plural_forms for code, facts in LANGUAGES.items() if facts.plural_forms}
LANGUAGE_NAMES = {code: LANGUAGES[code].name for code in TARGET_LANGUAGES}
TERMS_PREFIX = "terms: "
PREVIOUS_PREFIX = "previous translation: "
ENGINE_PREFIX = "MT: "
PROBLEM_PREFIX = "check term: "


@dataclass(frozen=True)
class Draft:
    """A machine draft for one segment, after term restoration."""

    text: str
    engine: str  # the engine signature
    problems: tuple[str, ...] = ()  # terms lost or repeated by MT, one line each


@dataclass(frozen=True)
class Signature:
    """What made a catalog; written as X-L10n-* header fields."""

    source_language: str
    segmenter: str
    glossary: str  # glossary digest
    engine: str = ""

    def fields(self) -> dict[str, str]:
        values = {
            "X-L10n-Source-Language": self.source_language,
            "X-L10n-Segmenter": self.segmenter,
            "X-L10n-Glossary": self.glossary,
        }
        if self.engine:
            values["X-L10n-Engine"] = self.engine
        return values


# -- reading and writing ----------------------------------------------------------


def load_catalog(path: Path) -> polib.POFile:
    """Parse a PO/POT file; a broken file is a DataFileError with its line."""
    try:
        text = read_regular(path).decode("utf-8")
    except UnicodeDecodeError:
        raise DataFileError("not UTF-8 text", path=path) from None
    except NotAFileError as error:
        raise DataFileError(str(error), path=path) from None
    try:
        catalog = polib.pofile(text, wrapwidth=0, check_for_duplicates=True)
    except (OSError, ValueError) as error:
        line = re.search(r"line (\d+)", str(error))
        message = re.sub(r"\s*\(line \d+\)", "", str(error))
        raise DataFileError(f"malformed PO file: {message}", path=path, line=int(line.group(1)) if line else None) from None
    catalog.fpath = str(path)
    return catalog


def render(catalog: polib.POFile) -> str:
    return str(catalog)


def new_catalog(language: str | None, *, name: str, signature: Signature, created: str) -> polib.POFile:
    catalog = polib.POFile(wrapwidth=0)
    catalog.header = (
        f"{LANGUAGE_NAMES.get(language or '', 'Template for')} translations of the article {name!r}.\n"
        "Written by l10n: machine drafts are marked fuzzy; reviewed entries survive every rerun."
    )
    catalog.metadata = {
        "Project-Id-Version": f"{name}",
        "Report-Msgid-Bugs-To": "",
        "POT-Creation-Date": created,
        "PO-Revision-Date": created,
        "Last-Translator": "l10n machine draft",
        "Language-Team": LANGUAGE_NAMES.get(language or "", "none"),
        "Language": language or "",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
    }
    if language:
        catalog.metadata["Plural-Forms"] = PLURAL_FORMS[language]
    catalog.metadata["X-Generator"] = f"l10n {__version__}"
    catalog.metadata.update(signature.fields())
    if language is None:  # a template
        del catalog.metadata["PO-Revision-Date"], catalog.metadata["Language"]
        catalog.metadata["Last-Translator"] = "FULL NAME <EMAIL@ADDRESS>"
        catalog.metadata["Language-Team"] = "LANGUAGE <LL@li.org>"
    return catalog


# -- building ------------------------------------------------------------------------


def term_lines(matches: Sequence[TermMatch], language: str | None) -> tuple[str, ...]:
    if language is None:
        return tuple(f"{m.text} → " + " / ".join(m.term.targets.values()) for m in matches)
    return tuple(f"{m.text} → {m.term.target(language)}" for m in matches)


def _terms_comment(terms: Sequence[str]) -> str:
    return TERMS_PREFIX + "; ".join(terms) if terms else ""


def template(segments: Sequence[Segment], terms: Mapping[str, tuple[str, ...]], *, reference: str,
             name: str, signature: Signature, created: str) -> polib.POFile:
    catalog = new_catalog(None, name=name, signature=signature, created=created)
    for segment in segments:
        catalog.append(
            polib.POEntry(
                msgctxt=segment.id,
                msgid=segment.source,
                msgstr="",
                comment=_terms_comment(terms[segment.id]),
                occurrences=[(reference, str(segment.line))],
            )
        )
    return catalog


@dataclass
class MergePlan:
    """What a rerun will do to one catalog, decided before any MT runs."""

    kept: dict[str, polib.POEntry] = field(default_factory=dict)  # segment id → entry kept as is
    previous: dict[str, polib.POEntry] = field(default_factory=dict)  # segment id → entry of the old sentence
    obsolete: list[polib.POEntry] = field(default_factory=list)
    to_draft: list[Segment] = field(default_factory=list)


def plan_merge(old: polib.POFile | None, segments: Sequence[Segment], *, redraft: bool = False,
               path: Path | None = None) -> MergePlan:
    plan = MergePlan()
    if old is None:
        plan.to_draft = list(segments)
        return plan
    active = {(e.msgctxt, e.msgid): e for e in old if not e.obsolete and e.msgid}
    retired = {(e.msgctxt, e.msgid): e for e in old.obsolete_entries()}
    unmatched: list[Segment] = []
    for segment in segments:
        key = (segment.id, segment.source)
        entry = active.pop(key, None) or retired.pop(key, None)
        if entry is None:
            unmatched.append(segment)
            continue
        plan.kept[segment.id] = entry
        if not entry.msgstr or (redraft and entry.fuzzy):
            plan.to_draft.append(segment)
    before = len(active) + len(plan.kept)
    superseded = []
    for segment, entry in _pair_changed(unmatched, list(active.values())):
        plan.previous[segment.id] = entry
        del active[(entry.msgctxt, entry.msgid)]
        if entry.msgstr and not entry.fuzzy:
            superseded.append(entry)  # a review stays whole, and returns if the old sentence does
    shared = len(plan.kept) + len(plan.previous)
    if before >= MIN_ENTRIES_TO_COMPARE and shared < MIN_SHARED_SOURCE * before:
        raise CatalogMismatchError(
            f"this catalog was made from a different article ({shared} of {before} sentences match); "
            "translate under another --name, or move the catalog away",
            path=path or Path(old.fpath or "catalog"),
        )
    plan.to_draft += unmatched
    plan.obsolete = superseded + [e for e in active.values() if e.msgstr] + list(retired.values())
    return plan


def _pair_changed(segments: list[Segment], entries: list[polib.POEntry]) -> list[tuple[Segment, polib.POEntry]]:
    """Old entries that are earlier versions of new sentences, best pairs first."""
    scored = []
    for segment in segments:
        for entry in entries:
            if entry.msgctxt == segment.id:
                ratio = 1.0  # the headline, caption and credit keep their id
            else:
                ratio = difflib.SequenceMatcher(None, entry.msgid, segment.source, autojunk=False).ratio()
            if ratio >= SAME_SENTENCE_SIMILARITY:
                scored.append((ratio, segment, entry))
    scored.sort(key=lambda item: -item[0])
    pairs, used_segments, used_entries = [], set(), set()
    for _, segment, entry in scored:
        if segment.id in used_segments or id(entry) in used_entries:
            continue
        pairs.append((segment, entry))
        used_segments.add(segment.id)
        used_entries.add(id(entry))
    return pairs


def merge(plan: MergePlan, segments: Sequence[Segment], drafts: Mapping[str, Draft],
          terms: Mapping[str, tuple[str, ...]], *, reference: str, catalog: polib.POFile) -> polib.POFile:
    """Fill ``catalog`` (a new catalog with its header) with the merged entries."""
    for segment in segments:
        kept = plan.kept.get(segment.id)
        draft = drafts.get(segment.id)
        occurrences = [(reference, str(segment.line))]
        if kept is not None and draft is None:
            kept.obsolete = False
            kept.occurrences = occurrences
            kept.comment = _refresh_terms(kept.comment, terms[segment.id])
            catalog.append(kept)
            continue
        entry = polib.POEntry(msgctxt=segment.id, msgid=segment.source, msgstr=draft.text, occurrences=occurrences)
        comments = [_terms_comment(terms[segment.id]), ENGINE_PREFIX + draft.engine]
        comments += [PROBLEM_PREFIX + problem for problem in draft.problems]
        previous = plan.previous.get(segment.id) or kept
        if previous is not None and previous.msgid != segment.source:
            entry.previous_msgid = previous.msgid
            if previous.msgctxt != segment.id:
                entry.previous_msgctxt = previous.msgctxt
        if previous is not None and previous.msgstr and previous.msgstr != draft.text:
            comments.append(PREVIOUS_PREFIX + previous.msgstr)
        if previous is not None and previous.tcomment:
            entry.tcomment = previous.tcomment
        entry.comment = "\n".join(line for line in comments if line)
        entry.flags = ["fuzzy"]
        catalog.append(entry)
    for entry in plan.obsolete:
        entry.obsolete = True
        entry.occurrences = []
        catalog.append(entry)
    return catalog


def drafts_catalog(segments: Sequence[Segment], drafts: Mapping[str, Draft], *, reference: str,
                   catalog: polib.POFile) -> polib.POFile:
    """Every segment's machine draft, kept beside the review catalog so MT
    quality can be scored and shown after reviewers replaced the drafts."""
    for segment in segments:
        draft = drafts[segment.id]
        comment = "\n".join([ENGINE_PREFIX + draft.engine, *(PROBLEM_PREFIX + p for p in draft.problems)])
        catalog.append(polib.POEntry(msgctxt=segment.id, msgid=segment.source, msgstr=draft.text, comment=comment,
                                     flags=["fuzzy"], occurrences=[(reference, str(segment.line))]))
    return catalog


def read_drafts(catalog: polib.POFile | None, engine: str) -> dict[tuple[str, str], Draft]:
    """Drafts of an earlier run by the same engine, by (segment id, sentence)."""
    if catalog is None:
        return {}
    drafts = {}
    for entry in catalog:
        lines = entry.comment.splitlines()
        made_by = next((line[len(ENGINE_PREFIX):] for line in lines if line.startswith(ENGINE_PREFIX)), None)
        if made_by == engine and not entry.obsolete:
            problems = tuple(line[len(PROBLEM_PREFIX):] for line in lines if line.startswith(PROBLEM_PREFIX))
            drafts[entry.msgctxt, entry.msgid] = Draft(entry.msgstr, engine, problems)
    return drafts


def _refresh_terms(comment: str, terms: Sequence[str]) -> str:
    lines = [line for line in comment.splitlines() if not line.startswith(TERMS_PREFIX)]
    fresh = _terms_comment(terms)
    return "\n".join(([fresh] if fresh else []) + lines)


# -- statistics ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Stats:
    total: int
    reviewed: int
    fuzzy: int
    untranslated: int
    obsolete: int


def stats(catalog: polib.POFile) -> Stats:
    active = [e for e in catalog if not e.obsolete]
    fuzzy = sum(1 for e in active if e.fuzzy)
    untranslated = sum(1 for e in active if not e.msgstr and not e.fuzzy)
    return Stats(len(active), len(active) - fuzzy - untranslated, fuzzy, untranslated, len(catalog.obsolete_entries()))
