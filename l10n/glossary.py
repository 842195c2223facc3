"""Term glossary: load it, find terms in a sentence, lock them through MT.

Locking replaces every matched term with a placeholder (``ZQ1``, ``ZQ2`` …)
that translation models copy through like any unknown Latin token. After MT,
``restore`` puts the target-language form in each placeholder's place and
reports what went wrong: a placeholder lost, repeated or garbled. It repairs
what is unambiguous and never drops a term silently.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from l10n.errors import DataFileError
from l10n.files import NotAFileError, read_regular
from l10n.languages import TARGET_LANGUAGES

#: Largest glossary file read (this project's, with 60 terms, is 9 KB).
MAX_GLOSSARY_BYTES = 16 << 20
TERM_TYPES = ("person", "title", "company", "organisation", "place", "country", "university", "programme", "law",
              "media")
#: Per-language form lists a term may have besides its required form.
FORM_LISTS = ("short", "alternatives", "forbidden")


@dataclass(frozen=True)
class Term:
    """A name and how each target language must write it.

    ``targets`` holds the required form. ``short`` forms are accepted on later
    mentions (surname, company short name) once the term has appeared earlier
    in the article; ``alternatives`` are accepted anywhere, for the case the
    ``when`` note describes (東京 standing for the government → 日本政府);
    ``forbidden`` forms are errors wherever they appear (千歲 in Japanese).
    """

    source: str
    targets: dict[str, str] = field(hash=False)
    type: str
    variants: tuple[str, ...] = ()
    note: str = ""
    short: dict[str, tuple[str, ...]] = field(default_factory=dict, hash=False)
    alternatives: dict[str, tuple[str, ...]] = field(default_factory=dict, hash=False)
    forbidden: dict[str, tuple[str, ...]] = field(default_factory=dict, hash=False)
    when: str = ""  # when the alternatives apply
    lock: bool = True  # False: checked in translations, not locked through MT

    def target(self, language: str) -> str:
        return self.targets[language]

    def accepted(self, language: str, *, later_mention: bool) -> tuple[str, ...]:
        """Forms that render this term in ``language``, longest first."""
        forms = [self.targets[language], *self.alternatives.get(language, ())]
        if later_mention:
            forms += self.short.get(language, ())
        return tuple(sorted(dict.fromkeys(forms), key=len, reverse=True))


@dataclass(frozen=True)
class TermMatch:
    term: Term
    start: int
    end: int
    text: str  # the matched surface, including an absorbed gloss such as （Toyota）


@dataclass(frozen=True)
class Glossary:
    terms: tuple[Term, ...]
    digest: str  # identifies the glossary in signatures and caches
    forms: dict[str, Term] = field(hash=False, repr=False)  # every spelling → its term

    @cached_property
    def _patterns(self) -> dict[str, tuple[re.Pattern, Term]]:
        return {form: (re.compile(_form_pattern(form)), term) for form, term in self.forms.items()}

    def find(self, text: str, *, checked: bool = False) -> list[TermMatch]:
        """Matches in text order; longest first, never overlapping.

        Only the terms locked through MT, unless ``checked``: then also the
        terms that are only checked in translations (``lock = false``).
        """
        candidates = []
        for form, (pattern, term) in self._patterns.items():
            if not (term.lock or checked):
                continue
            if form in text:  # a cheap test first: most sentences hold few terms
                candidates += [(match.start(), match.end(), term) for match in pattern.finditer(text)]
        candidates.sort(key=lambda c: (c[0] - c[1], c[0]))  # longest, then leftmost
        taken: list[tuple[int, int, Term]] = []
        for start, end, term in candidates:
            if all(end <= s or start >= e for s, e, _ in taken):
                taken.append((start, end, term))
        taken.sort()
        matches = [self._with_gloss(text, start, end, term) for start, end, term in taken]
        # A gloss swallowed by the term before it is not a term of its own.
        kept: list[TermMatch] = []
        for match in matches:
            if kept and match.start < kept[-1].end:
                continue
            kept.append(match)
        return kept

    def _with_gloss(self, text: str, start: int, end: int, term: Term) -> TermMatch:
        """Absorb a parenthesised gloss of the same name: 豐田（Toyota）, 「北海道谷」（Hokkaido Valley）.

        The gloss repeats the name in another script; translated, it would
        print the name twice.
        """
        outer_start, outer_end = start, end
        if start > 0 and end < len(text) and _QUOTES.get(text[start - 1]) == text[end]:
            outer_start, outer_end = start - 1, end + 1
        gloss = _GLOSS.match(text, outer_end)
        names = {term.source.casefold(), *(v.casefold() for v in term.variants), *(t.casefold() for t in term.targets.values())}
        if gloss and gloss.group(1).strip().casefold() in names:
            return TermMatch(term, outer_start, gloss.end(), text[outer_start : gloss.end()])
        return TermMatch(term, start, end, text[start:end])


_QUOTES = {"「": "」", "『": "』", "《": "》", "“": "”", '"': '"'}
_GLOSS = re.compile(r"[（(]([^（()）]{1,80})[)）]")


_KATAKANA = "\u30a1-\u30fa\u30fc-\u30fe\uff66-\uff9f"  # not ・ (U+30FB), which separates names


def _form_pattern(form: str) -> str:
    """Latin names match whole words only (AP is not in APP), katakana names
    whole katakana runs (東京エレクトロン is not in 東京エレクトロンデバイス); a
    lower-case first letter may be capitalised (the government, The government)."""
    pattern = re.escape(form)
    if form[0].isascii() and form[0].isalpha() and form[0].islower():
        pattern = f"[{form[0]}{form[0].upper()}]" + re.escape(form[1:])
    if form[0].isascii() and form[0].isalnum():
        pattern = r"(?<![A-Za-z0-9])" + pattern
    elif re.match(f"[{_KATAKANA}]", form[0]):
        pattern = f"(?<![{_KATAKANA}])" + pattern
    if form[-1].isascii() and form[-1].isalnum():
        pattern += r"(?![A-Za-z0-9])"
    elif re.match(f"[{_KATAKANA}]", form[-1]):
        pattern += f"(?![{_KATAKANA}])"
    return pattern


def form_spans(text: str, form: str) -> list[tuple[int, int]]:
    """Where ``form`` occurs in a translation, on word and katakana boundaries."""
    if form not in text and form[1:] not in text:
        return []
    return [match.span() for match in re.finditer(_form_pattern(form), text)]


# -- loading ------------------------------------------------------------------


def load_glossary(path: Path) -> Glossary:
    try:
        data = read_regular(path, limit=MAX_GLOSSARY_BYTES)
    except FileNotFoundError:
        raise DataFileError("glossary file not found", path=path) from None
    except NotAFileError as error:
        raise DataFileError(f"the glossary {error}", path=path) from None
    except OSError as error:
        raise DataFileError(f"cannot read the glossary: {error.strerror}", path=path) from None
    try:
        document = tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise DataFileError("glossary is not UTF-8 text", path=path) from None
    except tomllib.TOMLDecodeError as error:
        line = re.search(r"line (\d+)", str(error))
        raise DataFileError(f"invalid TOML: {error}", path=path, line=int(line.group(1)) if line else None) from None
    return parse_glossary(document, path=path, text=data.decode("utf-8"), digest=_digest(data))


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:12]


def parse_glossary(document: dict, *, path: Path, text: str, digest: str) -> Glossary:
    entries = document.get("term", [])
    if not isinstance(entries, list):
        raise DataFileError("expected [[term]] tables", path=path)
    terms, lines, seen = [], [], {}
    if not all(isinstance(entry, dict) for entry in entries):
        raise DataFileError("expected [[term]] tables", path=path)
    for entry in entries:
        source = entry.get("source")
        seen[source] = seen.get(source, 0) + 1 if isinstance(source, str) else 0
        line = _line_of(text, source, seen.get(source, 1))
        terms.append(_parse_term(entry, path=path, line=line))
        lines.append(line)
    forms = _index_forms(terms, lines, path=path)
    return Glossary(tuple(terms), digest, forms)


def _parse_term(entry: dict, *, path: Path, line: int | None) -> Term:
    def fail(message: str) -> DataFileError:
        return DataFileError(message, path=path, line=line)

    source = entry.get("source")
    if not isinstance(source, str) or not source.strip():
        raise fail("a [[term]] has no source")
    unknown = set(entry) - {"source", "variants", "type", "note", "when", "lock", *FORM_LISTS, *TARGET_LANGUAGES}
    if unknown:
        raise fail(f"term {source!r} has unknown field(s): {', '.join(sorted(unknown))}")
    targets = {}
    for language in TARGET_LANGUAGES:
        value = entry.get(language)
        if not isinstance(value, str) or not value.strip():
            raise fail(f"term {source!r} has no {language} form")
        targets[language] = value
    term_type = entry.get("type")
    if term_type not in TERM_TYPES:
        raise fail(f"term {source!r} has type {term_type!r}; expected one of {', '.join(TERM_TYPES)}")
    variants = entry.get("variants", [])
    if not isinstance(variants, list) or not all(isinstance(v, str) and v.strip() for v in variants):
        raise fail(f"term {source!r}: variants must be a list of non-empty strings")
    note = entry.get("note", "")
    if not isinstance(note, str):
        raise fail(f"term {source!r}: note must be a string")
    when = entry.get("when", "")
    if not isinstance(when, str):
        raise fail(f"term {source!r}: when must be a string")
    lists = {}
    for name in FORM_LISTS:
        table = entry.get(name, {})
        if not isinstance(table, dict) or set(table) - set(TARGET_LANGUAGES) or not all(
                isinstance(forms, list) and all(isinstance(f, str) and f.strip() for f in forms) for forms in table.values()):
            raise fail(f"term {source!r}: {name} must be a table of languages ({', '.join(TARGET_LANGUAGES)}) "
                       "to lists of non-empty strings")
        lists[name] = {language: tuple(table[language]) for language in TARGET_LANGUAGES if table.get(language)}
    if lists["alternatives"] and not when.strip():
        raise fail(f"term {source!r} has alternatives but no `when` note saying when they apply")
    for language, forms in lists["forbidden"].items():
        allowed = {targets[language], *lists["short"].get(language, ()), *lists["alternatives"].get(language, ())}
        if allowed & set(forms):
            raise fail(f"term {source!r}: a {language} form is both allowed and forbidden")
    lock = entry.get("lock", True)
    if not isinstance(lock, bool):
        raise fail(f"term {source!r}: lock must be true or false")
    return Term(source, targets, term_type, tuple(variants), note, **lists, when=when, lock=lock)


def _line_of(text: str, source: object, occurrence: int = 1) -> int | None:
    """Line of the n-th ``source = "…"`` (tomllib reports no positions)."""
    if not isinstance(source, str):
        return None
    matches = list(re.finditer(r'^source\s*=\s*"' + re.escape(source) + '"', text, re.M))
    if len(matches) < occurrence:
        return None
    return text.count("\n", 0, matches[occurrence - 1].start()) + 1


def _index_forms(terms: list[Term], lines: list[int | None], *, path: Path) -> dict[str, Term]:
    """Every spelling of every term, with Simplified forms derived by OpenCC."""
    from l10n.script import convert

    forms: dict[str, Term] = {}
    for term, line in zip(terms, lines):
        spellings = [term.source, *term.variants]
        spellings += [convert(s, "t2s") for s in spellings]
        for form in dict.fromkeys(spellings):
            other = forms.get(form)
            if other is None or other is term:
                forms[form] = term
                continue
            if other.targets == term.targets:
                raise DataFileError(f"duplicate term {form!r} (also under {other.source!r})", path=path, line=line)
            raise DataFileError(
                f"conflicting entries for {form!r}: {other.source!r} → {other.targets['en']!r} "
                f"and {term.source!r} → {term.targets['en']!r}",
                path=path,
                line=line,
            )
    return forms


# -- locking ------------------------------------------------------------------------

_PLACEHOLDER_PREFIXES = ("ZQ", "QX", "XZ")


@dataclass(frozen=True)
class LockedText:
    text: str  # the sentence with placeholders, sent to MT
    matches: tuple[TermMatch, ...]
    prefix: str  # placeholder prefix; one absent from the source text

    def placeholder(self, index: int) -> str:
        return f"{self.prefix}{index + 1}"


def lock(text: str, matches: list[TermMatch]) -> LockedText:
    # Normally "ZQ"; a sentence that already contains ZQ<digits> gets another
    # prefix so restoring can never confuse its own text with a placeholder.
    prefix = next((p for p in _PLACEHOLDER_PREFIXES if not re.search(p + r"\d", text, re.I)), None)
    if prefix is None or not matches:
        return LockedText(text, (), _PLACEHOLDER_PREFIXES[0])
    parts, position = [], 0
    for index, match in enumerate(matches):
        parts.append(text[position : match.start])
        # A placeholder touching a Latin letter or digit (often the next
        # placeholder: 北海道千歲市 → ZQ1 ZQ2) would fuse with it into one token.
        if _touches_latin(parts[-1][-1:]) or (not parts[-1] and index and position == match.start):
            parts.append(" ")
        parts.append(f"{prefix}{index + 1}")
        position = match.end
        if _touches_latin(text[position : position + 1]):
            parts.append(" ")
    parts.append(text[position:])
    return LockedText("".join(parts), tuple(matches), prefix)


def _touches_latin(char: str) -> bool:
    return char.isascii() and char.isalnum()


@dataclass(frozen=True)
class TermProblem:
    """A placeholder that did not come back exactly once."""

    kind: str  # "missing", "duplicated", "repaired", "stray"
    term: Term | None
    message: str

    @property
    def serious(self) -> bool:
        return self.kind in ("missing", "duplicated")


@dataclass(frozen=True)
class Restored:
    text: str
    problems: tuple[TermProblem, ...] = ()


def restore(locked: LockedText, translation: str, replacements: list[str]) -> Restored:
    """Put ``replacements[i]`` where placeholder i came back; report the rest."""
    problems: list[TermProblem] = []
    prefix = locked.prefix
    for index, match in enumerate(locked.matches):
        tag = locked.placeholder(index)
        exact = re.compile(rf"(?<![A-Za-z0-9]){tag}(?!\d)")
        found = exact.findall(translation)
        label = f"{match.text} → {replacements[index]}"
        if not found:
            # Models sometimes garble a placeholder: "Zq 1", "ZQ-1". Repair when
            # exactly one such spelling of this number is present.
            loose = re.compile(rf"(?<![A-Za-z0-9]){prefix[0]}\W?{prefix[1]}\W?{index + 1}(?!\d)", re.I)
            garbled = loose.findall(translation)
            if len(garbled) == 1:
                translation = loose.sub(tag, translation)
                problems.append(TermProblem("repaired", match.term, f"repaired garbled placeholder for {label}"))
            else:
                problems.append(TermProblem("missing", match.term, f"term missing in MT output: {label}"))
                continue
        elif len(found) > 1:
            # "ZQ1 ZQ1": a stutter, safe to collapse. Otherwise keep every copy
            # and let the reviewer decide.
            stutter = re.compile(rf"{tag}(?:[\s,、，]*{tag})+")
            collapsed = stutter.sub(tag, translation)
            if len(exact.findall(collapsed)) == 1:
                translation = collapsed
                problems.append(TermProblem("repaired", match.term, f"removed repeated placeholder for {label}"))
            else:
                problems.append(TermProblem("duplicated", match.term, f"term appears {len(found)} times in MT output: {label}"))
        translation = exact.sub(replacements[index].replace("\\", "\\\\"), translation)
    stray = re.compile(rf"(?<![A-Za-z0-9]){prefix}\d+(?!\d)")
    if stray.search(translation):
        problems.append(TermProblem("stray", None, f"removed unknown placeholder(s): {', '.join(stray.findall(translation))}"))
        translation = re.sub(r"\s{2,}", " ", stray.sub("", translation)).strip()
    return Restored(translation, tuple(problems))
