"""``l10n check``: the quality gate for a reviewed edition.

Entry checks are small pure functions of (source, target, context), each
registered in ``ENTRY_CHECKS`` with a severity; the docstring is its help
text. Catalog checks look at the file as a whole: header, completeness,
segments present once, and the BLEU/chrF gate against the references. Any
``error`` fails the gate; a ``warning`` is reported only.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass

import polib

from l10n.article import Segment
from l10n.catalog import PLURAL_FORMS
from l10n.glossary import Glossary
from l10n.numbers import compare
from l10n.references import Reference
from l10n.score import Scores
from l10n.settings import Gate

ERROR, WARNING = "error", "warning"


@dataclass(frozen=True)
class Issue:
    check: str
    severity: str
    message: str
    segment: str | None = None

    def line(self, where: str) -> str:
        at = f"{where}: {self.segment}" if self.segment else where
        return f"{at}: {self.severity}: [{self.check}] {self.message}"


@dataclass(frozen=True)
class Context:
    segment: str  # segment id: headline, caption, credit or s-…
    source_language: str
    language: str
    glossary: Glossary


EntryCheck = Callable[[str, str, Context], Iterator[str]]
ENTRY_CHECKS: dict[str, tuple[EntryCheck, str]] = {}


def entry_check(name: str, severity: str) -> Callable[[EntryCheck], EntryCheck]:
    def register(function: EntryCheck) -> EntryCheck:
        ENTRY_CHECKS[name] = (function, severity)
        return function

    return register


@entry_check("glossary", ERROR)
def glossary_terms(source: str, target: str, context: Context) -> Iterator[str]:
    """Every glossary term of the source appears in its target-language form."""
    for match in context.glossary.find(source):
        wanted = match.term.target(context.language)
        if wanted not in target:
            yield f"{match.text} must appear as {wanted!r}"


@entry_check("numbers", ERROR)
def number_fidelity(source: str, target: str, context: Context) -> Iterator[str]:
    """Every number of the source appears with the same value (120億 = $12 billion = 120億ドル)."""
    for problem in compare(source, context.source_language, target, context.language):
        yield problem.message


_CJK_PUNCTUATION = "。，、；：？！「」『』（）《》【】〈〉\u3000"
_SENTENCE_END_JA = re.compile(r"[。！？][」』）)]*$")


@entry_check("punctuation", ERROR)
def punctuation(source: str, target: str, context: Context) -> Iterator[str]:
    """English has no CJK punctuation; Japanese sentences end with 。 and use full-width marks."""
    if context.language == "en":
        found = sorted({ch for ch in target if ch in _CJK_PUNCTUATION})
        if found:
            yield "CJK punctuation in English text: " + " ".join(repr(ch) for ch in found)
    elif context.language == "ja":
        if context.segment.startswith("s-") and not _SENTENCE_END_JA.search(target.rstrip()):
            yield "a Japanese sentence must end with 。"
        if re.search(r"[\u3040-\u30ff\u4e00-\u9fff][,.!?;:](?!\d)", target):
            yield "half-width punctuation after Japanese text (use 、。！？)"
        if re.search(r"[\u3040-\u30ff\u4e00-\u9fff。、] +[\u3040-\u30ff\u4e00-\u9fff]", target):
            yield "space between Japanese characters"


@entry_check("placeholders", ERROR)
def leftover_placeholders(source: str, target: str, context: Context) -> Iterator[str]:
    """No term-lock placeholder (ZQ1 …) is left in the translation."""
    if re.search(r"(?<![A-Za-z0-9])(?:ZQ|QX|XZ)\d+(?!\d)", target) and not re.search(r"(?:ZQ|QX|XZ)\d", source):
        yield "a term placeholder was left in the translation"


def check_entries(catalog: polib.POFile, *, source_language: str, language: str, glossary: Glossary,
                  only_reviewed: bool = True) -> list[Issue]:
    issues = []
    for entry in catalog:
        if entry.obsolete or not entry.msgstr or (only_reviewed and entry.fuzzy):
            continue
        context = Context(entry.msgctxt or "", source_language, language, glossary)
        for name, (function, severity) in ENTRY_CHECKS.items():
            issues += [Issue(name, severity, message, context.segment)
                       for message in function(entry.msgid, entry.msgstr, context)]
    return issues


REQUIRED_HEADER = ("Project-Id-Version", "Language", "MIME-Version", "Content-Type", "Content-Transfer-Encoding",
                   "Plural-Forms")


def check_catalog(catalog: polib.POFile, segments: Sequence[Segment], *, language: str,
                  allow_fuzzy: bool = False, allow_untranslated: bool = False) -> list[Issue]:
    """Header, one entry per current segment, completeness."""
    issues = []
    header = catalog.metadata
    for field in REQUIRED_HEADER:
        if not header.get(field):
            issues.append(Issue("header", ERROR, f"header field {field} is missing"))
    if header.get("Language") and header["Language"] != language:
        issues.append(Issue("header", ERROR, f"Language is {header['Language']!r}, expected {language!r}"))
    if "charset=UTF-8" not in header.get("Content-Type", "").replace("utf-8", "UTF-8"):
        issues.append(Issue("header", ERROR, "Content-Type must declare charset=UTF-8"))
    if language in PLURAL_FORMS and header.get("Plural-Forms") and \
            header["Plural-Forms"].replace(" ", "") != PLURAL_FORMS[language].replace(" ", ""):
        issues.append(Issue("header", ERROR, f"Plural-Forms should be {PLURAL_FORMS[language]!r}"))

    active = [entry for entry in catalog if not entry.obsolete]
    counts = Counter((entry.msgctxt, entry.msgid) for entry in active)
    for (context, _), count in counts.items():
        if count > 1:
            issues.append(Issue("segments", ERROR, f"{count} entries for one segment", context))
    expected = {(segment.id, segment.source) for segment in segments}
    for segment in segments:
        if (segment.id, segment.source) not in counts:
            issues.append(Issue("segments", ERROR, "segment missing from the catalog (run l10n translate)", segment.id))
    for entry in active:
        if (entry.msgctxt, entry.msgid) not in expected:
            issues.append(Issue("segments", ERROR, "entry for a sentence that is not in the article", entry.msgctxt))
    obsolete = catalog.obsolete_entries()
    if obsolete:
        issues.append(Issue("obsolete", WARNING, f"{len(obsolete)} obsolete entries (#~) kept from earlier versions"))

    for entry in active:
        if entry.fuzzy and not allow_fuzzy:
            issues.append(Issue("completeness", ERROR, "fuzzy: not reviewed yet", entry.msgctxt))
        elif not entry.msgstr and not entry.fuzzy and not allow_untranslated:
            issues.append(Issue("completeness", ERROR, "untranslated", entry.msgctxt))
    return issues


def check_scores(scores: Scores, gate: Gate | None) -> list[Issue]:
    if gate is None:
        return [Issue("scores", WARNING, f"no quality gate for {scores.language} in [tool.l10n.gates]")]
    issues = []
    if scores.bleu < gate.min_bleu:
        issues.append(Issue("scores", ERROR, f"BLEU {scores.bleu:.1f} is below the gate {gate.min_bleu:.1f}"))
    if scores.chrf < gate.min_chrf:
        issues.append(Issue("scores", ERROR, f"chrF {scores.chrf:.1f} is below the gate {gate.min_chrf:.1f}"))
    for segment in scores.segments:
        if segment.hypothesis and segment.chrf < gate.min_segment_chrf:
            issues.append(Issue("scores", ERROR, f"chrF {segment.chrf:.1f} against its reference is below the "
                                f"segment gate {gate.min_segment_chrf:.1f}: misaligned or wrong translation?",
                                segment.id))
    return issues


def check_references(references: Mapping[str, Reference], segments: Sequence[Segment]) -> list[Issue]:
    """Every segment has a reference written for its current sentence."""
    issues = []
    current = {segment.id: segment.source for segment in segments}
    for segment_id, source in current.items():
        reference = references.get(segment_id)
        if reference is None:
            issues.append(Issue("references", ERROR, "no reference translation", segment_id))
        elif reference.source != source:
            issues.append(Issue("references", ERROR, "reference was written for a different source sentence",
                                segment_id))
    return issues


def run_checks(catalog: polib.POFile, segments: Sequence[Segment], *, glossary: Glossary, source_language: str,
               language: str, references: Mapping[str, Reference] | None, scores: Scores | None,
               gate: Gate | None, allow_fuzzy: bool = False, allow_untranslated: bool = False,
               only_reviewed: bool = True) -> list[Issue]:
    """Every check on one catalog; ``references``/``scores`` None skips those checks."""
    issues = check_catalog(catalog, segments, language=language, allow_fuzzy=allow_fuzzy,
                           allow_untranslated=allow_untranslated)
    issues += check_entries(catalog, source_language=source_language, language=language, glossary=glossary,
                            only_reviewed=only_reviewed)
    if references is not None:
        issues += check_references(references, segments)
    if scores is not None:
        issues += check_scores(scores, gate)
    return issues
