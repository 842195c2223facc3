"""Gettext catalogs: the template, the per-language PO files, and merging.

An entry is identified by (msgctxt, msgid): the segment id and its source
sentence. Merging follows msgmerge, with one rule above all: a rerun never
loses human work. Human work is any text that is not the last machine draft
l10n made for that sentence (kept in the drafts catalog): a reviewed entry,
and a fuzzy one a translator edited.

* a reviewed entry whose segment is unchanged is kept as it is — msgstr,
  flags, translator comments — only its location and term comment are
  refreshed; so is a plural entry;
* a fuzzy entry with human work keeps its msgstr; the new machine draft goes
  beside it, in an ``MT draft:`` comment, never the other way round;
* an untouched machine draft is replaced by this run's draft (the same one,
  unless the model, glossary or options changed);
* a segment whose sentence changed is marked fuzzy with the old msgid as
  ``#| msgid``; it keeps the human translation of the old sentence if there
  was one (as msgmerge does), else gets the new draft; a reviewed old entry
  is also kept whole as obsolete;
* an entry whose segment is gone becomes obsolete (``#~``) if it has text,
  and comes back if the sentence returns.

Reading is strict (``posyntax``): a file ``msgfmt -c`` would refuse is
refused, never repaired.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from itertools import chain
from dataclasses import dataclass, field
from pathlib import Path

import polib

from l10n import __version__, posyntax
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
ENGINE_PREFIX = "MT: "
MT_DRAFT_PREFIX = "MT draft: "
#: Translation-memory notes: ``TM: <file>`` on a translation taken from it,
#: ``TM 86% (<file>): …`` and ``TM 86% source: …`` for a similar sentence.
MEMORY_PREFIX = "TM"
#: Drafts catalog header field: digest of everything that shapes a draft.
DRAFT_KEY_FIELD = "X-L10n-Draft-Key"
PROBLEM_PREFIX = "check term: "


@dataclass(frozen=True)
class Draft:
    """A machine draft for one segment, after term restoration."""

    text: str
    engine: str  # the engine signature
    problems: tuple[str, ...] = ()  # terms lost or repeated by MT, one line each


@dataclass(frozen=True)
class Reuse:
    """A translation from the translation memory for a segment with no human work."""

    text: str
    origin: str  # the catalog or TMX file, relative to locales/
    reviewed: bool = False  # taken as reviewed: same sentence, same neighbours, and the user asked (--accept-exact)


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
    """Read a PO/POT file strictly; a broken file is a DataFileError with its line."""
    try:
        data = read_regular(path)
    except NotAFileError as error:
        raise DataFileError(str(error), path=path) from None
    except OSError as error:
        raise DataFileError(f"cannot read: {error.strerror}", path=path) from None
    return parse_catalog(data, path)


def parse_catalog(data: bytes, path: Path) -> polib.POFile:
    """A catalog from the bytes of ``path``, refused if ``msgfmt -c`` would refuse it."""
    if not data:
        raise DataFileError("empty catalog (0 bytes), as an editor crash leaves it: restore it from a backup "
                            "or version control, or delete it to start over", path=path)
    problem = posyntax.check(data)
    if problem is not None:
        raise DataFileError(f"malformed PO file: {problem.reason}", path=path, line=problem.line)
    text = data.decode("utf-8").removeprefix("\ufeff")
    # Duplicates were refused above, by hashing; polib's own check compares every pair.
    try:
        catalog = polib.pofile(text, wrapwidth=0, check_for_duplicates=False)
    except (OSError, ValueError) as error:  # valid gettext that polib cannot read, e.g. two strings on a line
        line = re.search(r"line (\d+)", str(error))
        message = re.sub(r"\s*\(line \d+\)", "", str(error))
        raise DataFileError(f"unsupported PO layout: {message}", path=path,
                            line=int(line.group(1)) if line else None) from None
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


def term_lines(matches: Sequence[TermMatch]) -> tuple[str, ...]:
    """Each term of a sentence with its required forms, in every target language."""
    return tuple(f"{m.text} → " + " / ".join(m.term.targets.values()) for m in matches)


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

    kept: dict[str, polib.POEntry] = field(default_factory=dict)  # segment id → reviewed entry, kept as is
    human: dict[str, polib.POEntry] = field(default_factory=dict)  # segment id → fuzzy human work, kept
    redrafted: set[str] = field(default_factory=set)  # segment ids whose machine draft is replaced
    previous: dict[str, polib.POEntry] = field(default_factory=dict)  # segment id → entry of the old sentence
    obsolete: list[polib.POEntry] = field(default_factory=list)


def has_text(entry: polib.POEntry) -> bool:
    return bool(entry.msgstr) or any(entry.msgstr_plural.values())


def _text(entry: polib.POEntry) -> str:
    """An entry's translation; of a plural entry, its first form (what msgmerge keeps for a singular)."""
    if entry.msgstr_plural:
        return entry.msgstr_plural.get(0, "") or next((v for v in entry.msgstr_plural.values() if v), "")
    return entry.msgstr


def is_machine_draft(entry: polib.POEntry, machine: Mapping[tuple[str, str], str]) -> bool:
    """Whether the entry holds nothing but a machine draft: no text, or exactly
    the last draft l10n made for this sentence. Anything else is human work —
    a reviewed entry always, and a fuzzy one whose text a translator changed."""
    if not has_text(entry):
        return True
    if not entry.fuzzy or entry.msgid_plural:
        return False
    return machine.get((entry.msgctxt, entry.msgid)) == entry.msgstr


def plan_merge(old: polib.POFile | None, segments: Sequence[Segment], *,
               machine: Mapping[tuple[str, str], str] | None = None, accept_large_change: bool = False,
               path: Path | None = None) -> MergePlan:
    """``machine`` is the last machine draft of each (segment id, sentence): an
    entry still holding it is redrafted; any other text is kept."""
    plan = MergePlan()
    machine = machine or {}
    if old is None:
        plan.redrafted = {segment.id for segment in segments}
        return plan
    active = {(e.msgctxt, e.msgid): e for e in old if not e.obsolete and e.msgid}
    retired = {(e.msgctxt, e.msgid): e for e in old.obsolete_entries()}
    unmatched: list[Segment] = []
    for segment in segments:
        key = (segment.id, segment.source)
        entry = active.pop(key, None) or retired.pop(key, None)
        if entry is None:
            unmatched.append(segment)
        elif is_machine_draft(entry, machine):
            plan.previous[segment.id] = entry
            plan.redrafted.add(segment.id)
        elif entry.fuzzy:
            plan.human[segment.id] = entry
        else:
            plan.kept[segment.id] = entry
    before = len(active) + len(plan.kept) + len(plan.human) + len(plan.redrafted)
    superseded = []
    for segment, entry in pair_changed(unmatched, list(active.values())):
        plan.previous[segment.id] = entry
        del active[(entry.msgctxt, entry.msgid)]
        if is_machine_draft(entry, machine):
            plan.redrafted.add(segment.id)
        elif not entry.fuzzy or entry.msgid_plural:
            # A review (or a plural entry, whose other forms the new singular
            # entry cannot hold) stays whole, and returns if the old sentence does.
            superseded.append(entry)
    shared = len(plan.kept) + len(plan.human) + len(plan.previous)
    if not accept_large_change and before >= MIN_ENTRIES_TO_COMPARE and shared < MIN_SHARED_SOURCE * before:
        raise CatalogMismatchError(
            f"this catalog was made from a different article ({shared} of {before} sentences match); "
            "rerun with --accept-large-change to merge anyway (translations of removed sentences are kept "
            "as obsolete), or translate under another --name",
            path=path or Path(old.fpath or "catalog"),
        )
    plan.redrafted |= {segment.id for segment in unmatched if segment.id not in plan.previous}
    plan.obsolete = superseded + [e for e in active.values() if has_text(e)] + list(retired.values())
    return plan


#: Character n-gram size of the pairing index: bigrams, as Chinese and
#: Japanese words are mostly one or two characters.
NGRAM = 2
#: An n-gram found in more old sentences than this says nothing about which
#: one a new sentence came from (「」, 日本, 。); skipped, as a search engine
#: skips stop words. 50 keeps the index lookups linear on a 20,000-sentence
#: catalog while every n-gram of the bundled article stays usable.
MAX_NGRAM_POSTINGS = 50
#: Old sentences compared exactly (difflib) per new sentence: those sharing the
#: most n-grams. Edits of the bundled article pair with their first candidate.
CANDIDATES = 8
#: ...and only those sharing at least this share of the new sentence's
#: n-grams. Measured on the bundled article: edits (a clause rewritten, up to a
#: third of the sentence) that difflib still rates ≥ 0.5 share ≥ 0.45; pairs of
#: unrelated sentences share at most 0.34 (and difflib rates them ≤ 0.29).
MIN_SHARED_NGRAMS = 0.3


def _ngrams(text: str) -> set[str]:
    return {text[i : i + NGRAM] for i in range(max(1, len(text) - NGRAM + 1))}


def pair_changed(segments: list[Segment], entries: list[polib.POEntry]) -> list[tuple[Segment, polib.POEntry]]:
    """Old entries that are earlier versions of new sentences, best pairs first.

    Candidates come from an index of character n-grams, so each new sentence
    is compared with a few old ones, not all of them."""
    postings: dict[str, list[int]] = {}
    for number, entry in enumerate(entries):
        for gram in _ngrams(entry.msgid):
            postings.setdefault(gram, []).append(number)
    by_context = {entry.msgctxt: number for number, entry in enumerate(entries)}
    scored = []
    for segment in segments:
        same_id = by_context.get(segment.id)
        if same_id is not None:
            scored.append((1.0, segment, same_id))  # the headline, caption and credit keep their id
            continue
        grams = _ngrams(segment.source)
        found = (postings.get(gram, ()) for gram in grams)
        shared = Counter(chain.from_iterable(numbers for numbers in found if len(numbers) <= MAX_NGRAM_POSTINGS))
        matcher = difflib.SequenceMatcher(None, autojunk=False)
        matcher.set_seq2(segment.source)  # difflib indexes the second sequence once
        enough = MIN_SHARED_NGRAMS * len(grams)
        for number, count in shared.most_common(CANDIDATES):
            if count < enough:
                break
            matcher.set_seq1(entries[number].msgid)
            if matcher.real_quick_ratio() >= SAME_SENTENCE_SIMILARITY and matcher.quick_ratio() >= SAME_SENTENCE_SIMILARITY:
                ratio = matcher.ratio()
                if ratio >= SAME_SENTENCE_SIMILARITY:
                    scored.append((ratio, segment, number))
    scored.sort(key=lambda item: -item[0])
    pairs, used_segments, used_entries = [], set(), set()
    for _, segment, number in scored:
        if segment.id in used_segments or number in used_entries:
            continue
        pairs.append((segment, entries[number]))
        used_segments.add(segment.id)
        used_entries.add(number)
    return pairs


def merge(plan: MergePlan, segments: Sequence[Segment], drafts: Mapping[str, Draft],
          terms: Mapping[str, tuple[str, ...]], *, reference: str, catalog: polib.POFile,
          reuse: Mapping[str, Reuse] = {}, suggestions: Mapping[str, Sequence[str]] = {}) -> polib.POFile:
    """Fill ``catalog`` (a new catalog with its header) with the merged entries.

    ``drafts`` has this run's machine draft of the segments MT saw: every one
    when a model was at hand, those ``reuse`` does not cover otherwise, none
    without a model. A machine draft or a translation from the memory
    (``reuse``) only ever takes the place of another machine draft; beside
    human work a draft goes into an ``MT draft:`` comment. A segment with
    neither keeps its old machine draft, or stays empty for a translator.
    ``suggestions`` are note lines on similar sentences from the memory."""
    for segment in segments:
        occurrences = [(reference, str(segment.line))]
        extracted = _terms_comment(terms[segment.id])  # as in the template, so msgmerge changes nothing
        kept = plan.kept.get(segment.id)
        if kept is not None:
            kept.obsolete = False
            kept.occurrences = occurrences
            kept.tcomment = _translator_comment(kept, _notes(kept))
            kept.comment = extracted
            catalog.append(kept)
            continue
        draft = drafts.get(segment.id)
        human = plan.human.get(segment.id)
        if human is not None:
            human.obsolete = False
            human.occurrences = occurrences
            beside = _mt_notes(draft, beside=_text(human)) if draft is not None else _notes(human)
            human.tcomment = _translator_comment(human, beside)
            human.comment = extracted
            catalog.append(human)
            continue
        previous = plan.previous.get(segment.id)
        entry = polib.POEntry(msgctxt=segment.id, msgid=segment.source, occurrences=occurrences, flags=["fuzzy"],
                              comment=extracted)
        memory = reuse.get(segment.id)
        if segment.id in plan.redrafted and memory is not None:
            entry.msgstr = memory.text
            notes = [f"{MEMORY_PREFIX}: {memory.origin}"]
            if memory.reviewed:
                entry.flags = []
        elif segment.id in plan.redrafted and draft is not None:
            entry.msgstr = draft.text
            notes = _mt_notes(draft)
        elif segment.id in plan.redrafted and previous is not None and has_text(previous):
            entry.msgstr = _text(previous)  # no model this run: the old machine draft stays
            notes = _notes(previous)
        elif segment.id in plan.redrafted:
            entry.flags = []  # no model, no memory: left for a translator
            notes = []
        else:  # human work on the old sentence: it stays the translation, to be checked
            entry.msgstr = _text(previous)
            notes = _mt_notes(draft, beside=entry.msgstr) if draft is not None else []
        notes = [*notes, *suggestions.get(segment.id, ())]
        if previous is not None:
            if previous.msgid != segment.source:
                entry.previous_msgid = previous.msgid
                if previous.msgctxt != segment.id:
                    entry.previous_msgctxt = previous.msgctxt
            elif previous.previous_msgid:  # a redrafted entry keeps what msgmerge or we noted
                entry.previous_msgid, entry.previous_msgctxt = previous.previous_msgid, previous.previous_msgctxt
        entry.tcomment = _translator_comment(previous, notes)
        catalog.append(entry)
    for entry in plan.obsolete:
        entry.obsolete = True
        entry.occurrences = []
        catalog.append(entry)
    return catalog


#: l10n's own notes on an entry. They are translator comments (``# ``), the
#: comments msgmerge keeps; the extracted ones (``#.``) are the template's.
NOTE_PREFIXES = (ENGINE_PREFIX, PROBLEM_PREFIX, MT_DRAFT_PREFIX, MEMORY_PREFIX + ":", MEMORY_PREFIX + " ")


def _mt_notes(draft: Draft, *, beside: str | None = None) -> list[str]:
    """How MT did: its engine and lost terms, or, beside human work, its draft."""
    if beside is None:
        return [ENGINE_PREFIX + draft.engine, *(PROBLEM_PREFIX + problem for problem in draft.problems)]
    return [MT_DRAFT_PREFIX + draft.text] if draft.text != beside else []


def _notes(entry: polib.POEntry) -> list[str]:
    """The notes an entry has, wherever an earlier version put them."""
    lines = entry.tcomment.splitlines() + entry.comment.splitlines()
    return [line for line in lines if line.startswith(NOTE_PREFIXES)]


def _translator_comment(entry: polib.POEntry | None, notes: Sequence[str]) -> str:
    """The translator's own comment lines, then l10n's notes."""
    own = [] if entry is None else [line for line in entry.tcomment.splitlines() if not line.startswith(NOTE_PREFIXES)]
    return "\n".join(own + list(dict.fromkeys(notes)))


@dataclass(frozen=True)
class MergeCounts:
    drafted: int  # entries whose text is a new machine draft
    memory: int  # entries whose text came from the translation memory
    kept: int  # entries whose text stayed as it was
    changed: int  # sentences whose source changed
    obsoleted: int  # entries that became obsolete
    flagged: int  # new drafts with a lost or repeated term


def assemble(old: polib.POFile | None, segments: Sequence[Segment], drafts: Mapping[str, Draft],
             terms: Mapping[str, tuple[str, ...]], *, machine: Mapping[tuple[str, str], str], header: polib.POFile,
             reference: str, accept_large_change: bool = False, path: Path | None = None,
             reuse: Mapping[str, Reuse] = {}, suggestions: Mapping[str, Sequence[str]] = {},
             ) -> tuple[polib.POFile, MergeCounts]:
    """The merged review catalog: ``header`` filled from ``old`` (whose entries
    it takes over), this run's ``drafts``, the memory's ``reuse`` and
    ``suggestions``, and the terms of each segment."""
    plan = plan_merge(old, segments, machine=machine, accept_large_change=accept_large_change, path=path)
    from_memory = [sid for sid in plan.redrafted if sid in reuse]
    fresh = [sid for sid in plan.redrafted if sid not in reuse and sid in drafts
             and (sid not in plan.previous or plan.previous[sid].msgstr != drafts[sid].text)]
    changed = sum(1 for segment in segments
                  if segment.id in plan.previous and plan.previous[segment.id].msgid != segment.source)
    counts = MergeCounts(
        drafted=len(fresh),
        memory=len(from_memory),
        kept=len(segments) - len(fresh) - len(from_memory),
        changed=changed,
        obsoleted=sum(1 for entry in plan.obsolete if not entry.obsolete),
        flagged=sum(1 for sid in fresh if drafts[sid].problems),
    )
    merged = merge(plan, segments, drafts, terms, reference=reference, catalog=header, reuse=reuse,
                   suggestions=suggestions)
    return merged, counts


def drafts_catalog(segments: Sequence[Segment], drafts: Mapping[str, Draft], *, reference: str,
                   catalog: polib.POFile) -> polib.POFile:
    """Every segment's machine draft, kept beside the review catalog so MT
    quality can be scored and shown after reviewers replaced the drafts, and
    so a rerun can tell a machine draft from a translator's edit."""
    for segment in segments:
        draft = drafts.get(segment.id)
        if draft is None:
            continue  # not drafted: its translation came from the memory
        comment = "\n".join([ENGINE_PREFIX + draft.engine, *(PROBLEM_PREFIX + p for p in draft.problems)])
        catalog.append(polib.POEntry(msgctxt=segment.id, msgid=segment.source, msgstr=draft.text, comment=comment,
                                     flags=["fuzzy"], occurrences=[(reference, str(segment.line))]))
    return catalog


def machine_texts(catalog: polib.POFile | None) -> dict[tuple[str, str], str]:
    """The last machine draft of each (segment id, sentence), whoever made it."""
    if catalog is None:
        return {}
    return {(entry.msgctxt, entry.msgid): entry.msgstr for entry in catalog if not entry.obsolete}


def read_drafts(catalog: polib.POFile | None, key: str) -> dict[tuple[str, str], Draft]:
    """Drafts of an earlier run made exactly as this run would make them
    (same ``DRAFT_KEY_FIELD``), by (segment id, sentence)."""
    if catalog is None or catalog.metadata.get(DRAFT_KEY_FIELD) != key:
        return {}
    drafts = {}
    for entry in catalog:
        lines = entry.comment.splitlines()
        made_by = next((line[len(ENGINE_PREFIX):] for line in lines if line.startswith(ENGINE_PREFIX)), None)
        if made_by is not None and not entry.obsolete:
            problems = tuple(line[len(PROBLEM_PREFIX):] for line in lines if line.startswith(PROBLEM_PREFIX))
            drafts[entry.msgctxt, entry.msgid] = Draft(entry.msgstr, made_by, problems)
    return drafts


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
    untranslated = sum(1 for e in active if not has_text(e) and not e.fuzzy)
    return Stats(len(active), len(active) - fuzzy - untranslated, fuzzy, untranslated, len(catalog.obsolete_entries()))
