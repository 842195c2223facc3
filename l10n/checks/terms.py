"""Names: glossary forms, forbidden forms, and names that must not go missing or appear from nowhere."""

from __future__ import annotations

import re
from collections.abc import Iterator

from l10n.checks import Context, blank, entry_check
from l10n.glossary import Term, TermMatch, form_spans

Span = tuple[int, int]


def _free(spans: list[Span], claimed: list[Span]) -> Span | None:
    return next((span for span in spans if all(span[1] <= s or span[0] >= e for s, e in claimed)), None)


def _source_terms(source: str, context: Context) -> list[tuple[TermMatch, bool]]:
    """Each distinct term of the source once, with whether it is a later mention."""
    seen, terms = set(context.earlier_terms), {}
    for match in context.glossary.find(source, checked=True):
        terms.setdefault(match.term.source, (match, match.term.source in seen))
        seen.add(match.term.source)
    return list(terms.values())


def claimed_spans(source: str, target: str, context: Context) -> tuple[list[Span], list[tuple[TermMatch, list[str]]]]:
    """Spans of the target that render the source's terms, and the terms not found (with accepted forms).

    Longest required form first, so 北海道大学 claims its span before 北海道 looks for one.
    """
    claimed: list[Span] = []
    missing = []
    items = sorted(_source_terms(source, context), key=lambda item: -len(item[0].term.target(context.language)))
    for match, later in items:
        forms = match.term.accepted(context.language, later_mention=later)
        span = next((span for form in forms if (span := _free(form_spans(target, form), claimed))), None)
        if span is None:
            missing.append((match, list(forms)))
        else:
            claimed.append(span)
    # every further occurrence of an accepted form belongs to its term too
    for match, later in items:
        for form in match.term.accepted(context.language, later_mention=True):
            claimed += form_spans(target, form)
    return claimed, missing


@entry_check("glossary")
def glossary_terms(source: str, target: str, context: Context) -> Iterator[str]:
    """Every glossary term of the source appears in its required form, an alternative, or a short form on a later mention."""
    _, missing = claimed_spans(source, target, context)
    for match, forms in missing:
        term = match.term
        wanted = term.target(context.language)
        others = [form for form in forms if form != wanted]
        also = f" (or {', '.join(repr(f) for f in others)})" if others else ""
        yield f"{match.text} must appear as {wanted!r}{also}"


@entry_check("forbidden")
def forbidden_forms(source: str, target: str, context: Context) -> Iterator[str]:
    """No form the glossary forbids in this language (千歲 or 小池敦義 in Japanese)."""
    for term in context.glossary.terms:
        for form in term.forbidden.get(context.language, ()):
            if form_spans(target, form):
                note = f" ({term.note})" if term.note else ""
                yield f"{form!r} is not the {context.language} form: write {term.target(context.language)!r}{note}"


def _name_forms(term: Term, language: str) -> list[str]:
    """The forms that name the term; alternatives are often common words (政府, Japanese)."""
    forms = [term.target(language), *term.short.get(language, ())]
    return sorted({form for form in forms if len(form) >= 2}, key=len, reverse=True)


@entry_check("added-name")
def added_names(source: str, target: str, context: Context) -> Iterator[str]:
    """No glossary name in the translation that neither this sentence nor an earlier one mentions (a wrong company or country)."""
    claimed, _ = claimed_spans(source, target, context)
    in_source = {match.term.source for match in context.glossary.find(source, checked=True)}
    for term in context.glossary.terms:
        if term.type == "title" or term.source in in_source or term.source in context.earlier_terms:
            continue
        for form in _name_forms(term, context.language):
            span = _free(form_spans(target, form), claimed)
            if span:
                yield f"{target[span[0]:span[1]]!r} ({term.source}) is not in the source"
                claimed.append(span)
                break


_LATIN = re.compile(r"(?<![A-Za-z0-9])[A-Za-z][A-Za-z0-9&+.'-]*[A-Za-z0-9+]|(?<![A-Za-z0-9])[A-Z](?![A-Za-z0-9])")


def _latin_words(text: str) -> list[str]:
    return [word.rstrip(".'") for word in _LATIN.findall(text)]


@entry_check("entities")
def latin_names(source: str, target: str, context: Context) -> Iterator[str]:
    """Latin-script names and abbreviations of the source (IBM, EUV, AI) appear in the translation; a Japanese translation adds none."""
    matches = context.glossary.find(source, checked=True)
    rest = blank(source, [(m.start, m.end) for m in matches])
    for word in dict.fromkeys(_latin_words(rest)):
        if context.language != "en" and not word[0].isupper():
            continue  # know-how → ノウハウ
        if not re.search(rf"(?<![A-Za-z0-9]){re.escape(word)}(?![A-Za-z0-9])", target, re.I):
            yield f"{word} is missing"
    if context.language == "en":
        return
    claimed, _ = claimed_spans(source, target, context)
    # a gloss of a name of the source in its Latin form is no addition: 北海道（Hokkaido）
    names = [form for m in matches for form in (*m.term.targets.values(), *m.term.variants)]
    known = {word.casefold() for text in (source, *names) for word in _latin_words(text)}
    for word in dict.fromkeys(_latin_words(blank(target, claimed))):
        if word.casefold() not in known and word[0].isupper():
            yield f"{word} is not in the source"
