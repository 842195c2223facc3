"""Exchange formats: the glossary as TBX-Basic, reviewed pairs as TMX 1.4,
catalogs as XLIFF 1.2 for CAT tools.

TBX: one ``termEntry`` per term. The source language's ``langSet`` holds the
source form first (``preferredTerm``) and then the variants
(``admittedTerm``); ``en`` and ``ja`` hold the required form first
(``preferredTerm``), then short forms and alternatives (``admittedTerm`` with a
``<note>l10n-form: short|alternative</note>``) and forbidden forms
(``deprecatedTerm``). The term type, when the alternatives apply and whether
the term is locked are ``<note>l10n-type: …</note>``, ``l10n-when: …`` and
``l10n-lock: false`` (TBX-Basic has no categories for them); the note is a
``<descrip type="definition">``. Export then import gives the same
glossary back. Translate Toolkit reads both files (``tbx2po``, ``po2tmx``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

import polib

from l10n.errors import DataFileError, UsageError
from l10n.glossary import Glossary, Term
from l10n.languages import TARGET_LANGUAGES

SOURCE_LANGUAGE = "zh-Hant"
_PREFERRED, _ADMITTED, _DEPRECATED = "preferredTerm-admn-sts", "admittedTerm-admn-sts", "deprecatedTerm-admn-sts"
_TYPE_NOTE, _WHEN_NOTE, _LOCK_NOTE, _FORM_NOTE = "l10n-type: ", "l10n-when: ", "l10n-lock: ", "l10n-form: "


def _tig(term: str, status: str, form: str = "") -> str:
    note = f"          <note>{escape(_FORM_NOTE + form)}</note>\n" if form else ""
    return (f"        <tig>\n          <term>{escape(term)}</term>\n"
            f'          <termNote type="administrativeStatus">{status}</termNote>\n{note}        </tig>\n')


def glossary_to_tbx(glossary: Glossary, *, description: str) -> str:
    entries = []
    for number, term in enumerate(glossary.terms, start=1):
        parts = [f'    <termEntry id="t{number}">\n', f"      <note>{escape(_TYPE_NOTE + term.type)}</note>\n"]
        if term.when:
            parts.append(f"      <note>{escape(_WHEN_NOTE + term.when)}</note>\n")
        if not term.lock:
            parts.append(f"      <note>{_LOCK_NOTE}false</note>\n")
        if term.note:
            parts.append(f'      <descrip type="definition">{escape(term.note)}</descrip>\n')
        parts.append(f'      <langSet xml:lang="{SOURCE_LANGUAGE}">\n')
        parts.append(_tig(term.source, _PREFERRED))
        parts += [_tig(variant, _ADMITTED) for variant in term.variants]
        parts.append("      </langSet>\n")
        for language in TARGET_LANGUAGES:
            tigs = [_tig(term.target(language), _PREFERRED)]
            tigs += [_tig(form, _ADMITTED, "short") for form in term.short.get(language, ())]
            tigs += [_tig(form, _ADMITTED, "alternative") for form in term.alternatives.get(language, ())]
            tigs += [_tig(form, _DEPRECATED) for form in term.forbidden.get(language, ())]
            parts.append(f'      <langSet xml:lang="{language}">\n{"".join(tigs)}      </langSet>\n')
        parts.append("    </termEntry>\n")
        entries.append("".join(parts))
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">\n'
        f'<martif type="TBX-Basic" xml:lang="{SOURCE_LANGUAGE}">\n'
        "  <martifHeader>\n    <fileDesc>\n"
        f"      <sourceDesc><p>{escape(description)}</p></sourceDesc>\n"
        "    </fileDesc>\n"
        '    <encodingDesc><p type="XCSURI">TBXBasicXCSV02.xcs</p></encodingDesc>\n'
        "  </martifHeader>\n  <text>\n  <body>\n"
        + "".join(entries)
        + "  </body>\n  </text>\n</martif>\n"
    )


def terms_from_tbx(data: bytes, *, path: Path) -> list[Term]:
    """Terms of a TBX file (ours or another tool's, if it has zh-Hant, en and ja)."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        raise DataFileError(f"not a valid TBX file: {error.msg}", path=path, line=error.lineno) from None
    terms = []
    for entry in root.iter("termEntry"):
        line = entry.sourceline
        source_forms = _forms(entry, SOURCE_LANGUAGE)
        tigs = {language: _tigs(entry, language) for language in TARGET_LANGUAGES}
        targets = {language: [text for text, status, _ in found if status != _DEPRECATED]
                   for language, found in tigs.items()}
        if not source_forms or not all(targets.values()):
            raise DataFileError(
                f"termEntry needs {SOURCE_LANGUAGE}, {' and '.join(TARGET_LANGUAGES)} terms", path=path, line=line)
        notes = [(n.text or "") for n in entry.findall("note")]
        term_type = next((n[len(_TYPE_NOTE):] for n in notes if n.startswith(_TYPE_NOTE)), "organisation")
        definition = entry.find("descrip[@type='definition']")
        when = next((n[len(_WHEN_NOTE):] for n in notes if n.startswith(_WHEN_NOTE)), "")

        def kind(name: str) -> dict[str, tuple[str, ...]]:
            found = {language: tuple(text for text, status, form in tigs[language]
                                     if (status == _DEPRECATED if name == "forbidden" else form == name))
                     for language in TARGET_LANGUAGES}
            return {language: forms_ for language, forms_ in found.items() if forms_}

        terms.append(Term(source_forms[0], {language: forms_[0] for language, forms_ in targets.items()}, term_type,
                          tuple(source_forms[1:]), (definition.text or "") if definition is not None else "",
                          short=kind("short"), alternatives=kind("alternative"), forbidden=kind("forbidden"),
                          when=when, lock=f"{_LOCK_NOTE}false" not in notes))
    if not terms:
        raise DataFileError("the TBX file has no termEntry", path=path)
    return terms


def _forms(entry, language: str) -> list[str]:
    return [text for text, _, _ in _tigs(entry, language)]


def _tigs(entry, language: str) -> list[tuple[str, str, str]]:
    """(term, administrative status, l10n form note) of each tig of a language, in order."""
    xml_lang = "{http://www.w3.org/XML/1998/namespace}lang"
    found = []
    for langset in entry.findall("langSet"):
        if langset.get(xml_lang) != language:
            continue
        for term in langset.iter("term"):
            tig = term.getparent()
            status = next((n.text or "" for n in tig.findall("termNote") if n.get("type") == "administrativeStatus"), "")
            form = next(((n.text or "")[len(_FORM_NOTE):] for n in tig.findall("note")
                         if (n.text or "").startswith(_FORM_NOTE)), "")
            found.append(((term.text or "").strip(), status, form))
    return found


def glossary_toml(terms: Sequence[Term], *, header: str) -> str:
    """The glossary file for ``terms``, in the layout of glossary/terms.toml."""
    lines = [f"# {line}".rstrip() for line in header.splitlines()]
    for term in terms:
        lines += ["", "[[term]]",
                  f"source = {json.dumps(term.source, ensure_ascii=False)}",
                  f"variants = {json.dumps(list(term.variants), ensure_ascii=False)}"]
        lines += [f"{language} = {json.dumps(term.target(language), ensure_ascii=False)}" for language in TARGET_LANGUAGES]
        for name in ("short", "alternatives", "forbidden"):
            table = getattr(term, name)
            if table:
                inner = ", ".join(f"{language} = {json.dumps(list(forms), ensure_ascii=False)}"
                                  for language, forms in table.items())
                lines.append(f"{name} = {{ {inner} }}")
        if term.when:
            lines.append(f"when = {json.dumps(term.when, ensure_ascii=False)}")
        if not term.lock:
            lines.append("lock = false")
        lines += [f"type = {json.dumps(term.type)}", f"note = {json.dumps(term.note, ensure_ascii=False)}"]
    return "\n".join(lines) + "\n"


#: Characters XML 1.0 forbids even as references (C0 controls but tab, line
#: feed and carriage return; U+FFFE, U+FFFF; lone surrogates).
_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _xml_chars(text: str) -> str:
    """``text`` with each character XML cannot carry replaced by U+FFFD."""
    return _XML_FORBIDDEN.sub("\ufffd", text)


def pairs_to_tmx(pairs: Sequence[tuple[str, str, str]], *, source_language: str, target_language: str,
                 tool_version: str) -> str:
    """TMX 1.4 of (segment id, source, translation) triples."""
    units = "".join(
        f'    <tu tuid={quoteattr(_xml_chars(segment_id))}>\n'
        f'      <prop type="x-segment-id">{escape(_xml_chars(segment_id))}</prop>\n'
        f'      <tuv xml:lang="{source_language}"><seg>{escape(_xml_chars(source))}</seg></tuv>\n'
        f'      <tuv xml:lang="{target_language}"><seg>{escape(_xml_chars(target))}</seg></tuv>\n'
        "    </tu>\n"
        for segment_id, source, target in pairs
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n'
        f'  <header creationtool="l10n" creationtoolversion="{tool_version}" segtype="sentence" '
        f'o-tmf="PO" adminlang="en" srclang="{source_language}" datatype="plaintext"/>\n'
        "  <body>\n" + units + "  </body>\n</tmx>\n"
    )


# -- XLIFF 1.2 for CAT tools (memoQ, Trados, Phrase) ------------------------------------------
#
# Built and read with Translate Toolkit's XLIFF storage, not hand-written XML.
# Its po2xliff converter drops msgctxt, our segment ids, so units are made
# here: trans-unit id = segment id, source = msgid, target = msgstr, a reviewed
# entry is approved with state "translated", a fuzzy one is not approved with
# state "needs-review-translation", and the entry's extracted comments
# (glossary terms, MT provenance) travel as developer notes.

XLIFF_NEEDS = "pip install 'l10n[xliff]' (Translate Toolkit)"
_REVIEWED_STATE = 100  # Translate Toolkit's state number for "translated"
_NEEDS_REVIEW_STATE = 80  # "needs-review-translation"


@dataclass(frozen=True)
class XliffUnit:
    segment_id: str
    source: str
    target: str
    reviewed: bool


def _xliff_storage():
    try:
        from translate.storage import xliff
    except ImportError:
        raise UsageError(f"XLIFF needs Translate Toolkit: {XLIFF_NEEDS}") from None
    return xliff


def catalog_to_xliff(catalog: polib.POFile, *, source_language: str, target_language: str, original: str) -> bytes:
    xliff = _xliff_storage()
    store = xliff.xlifffile(sourcelanguage=source_language, targetlanguage=target_language)
    for entry in catalog:
        if entry.obsolete or not entry.msgctxt:
            continue
        unit = store.addsourceunit(entry.msgid, filename=original, createifmissing=True)
        unit.setid(entry.msgctxt)
        if entry.comment:
            unit.addnote(entry.comment, origin="developer")
        if entry.msgstr:
            unit.target = entry.msgstr
            reviewed = not entry.fuzzy
            unit.markapproved(reviewed)
            unit.set_state_n(_REVIEWED_STATE if reviewed else _NEEDS_REVIEW_STATE)
    return bytes(store)


def units_from_xliff(data: bytes, *, path: Path) -> tuple[str, list[XliffUnit]]:
    """The target language and the units of an XLIFF 1.x file."""
    xliff = _xliff_storage()
    from lxml import etree

    try:
        etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False))
        store = xliff.xlifffile.parsestring(data)
    except (etree.XMLSyntaxError, ValueError) as error:
        raise DataFileError(f"not an XLIFF file: {error}", path=path) from None
    language = (store.gettargetlanguage() or "").split("-")[0].lower()
    units = [
        XliffUnit(unit.xmlelement.get("id"), str(unit.source), str(unit.target or ""),
                  unit.isapproved() or (unit.get_state_n() or 0) >= _REVIEWED_STATE)
        for unit in store.units if not unit.isheader() and unit.xmlelement.get("id")
    ]
    return language, units


def apply_xliff(catalog: polib.POFile, units: Sequence[XliffUnit]) -> tuple[int, int, list[str]]:
    """Take the CAT tool's translations into ``catalog`` (in place).

    A unit changes its entry only when its source is the entry's msgid (a unit
    for an older version of a sentence is skipped and named); an empty target
    never erases a translation. Returns (reviewed, fuzzy, skipped ids)."""
    entries = {entry.msgctxt: entry for entry in catalog if not entry.obsolete and entry.msgctxt}
    reviewed = fuzzy = 0
    skipped = []
    for unit in units:
        entry = entries.get(unit.segment_id)
        if entry is None or entry.msgid != unit.source:
            skipped.append(unit.segment_id)
            continue
        if not unit.target:
            continue
        entry.msgstr = unit.target
        if unit.reviewed:
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
            entry.previous_msgid = entry.previous_msgctxt = None
            reviewed += 1
        else:
            if "fuzzy" not in entry.flags:
                entry.flags.append("fuzzy")
            fuzzy += 1
    return reviewed, fuzzy, skipped


def export_xliff(files, language: str, output: Path | None = None) -> tuple[Path, int]:
    """Write an article's catalog for ``language`` as XLIFF; (path, units)."""
    from l10n.files import atomic_write
    from l10n.workspace import load_existing

    catalog = load_existing(files.catalog(language), f"{language} catalog")
    source_language = catalog.metadata.get("X-L10n-Source-Language", SOURCE_LANGUAGE)
    data = catalog_to_xliff(catalog, source_language=source_language, target_language=language,
                            original=files.catalog(language).name)
    target = output or files.edition(language, ".xlf")
    atomic_write(target, data)
    return target, sum(1 for entry in catalog if not entry.obsolete and entry.msgctxt)


def import_xliff(files, path: Path) -> tuple[Path, int, int, list[str]]:
    """Merge a CAT tool's XLIFF into the article's catalog of its target language."""
    from l10n.catalog import render
    from l10n.files import atomic_write
    from l10n.workspace import load_existing

    try:
        data = path.read_bytes()
    except OSError as error:
        raise DataFileError(f"cannot read: {error.strerror}", path=path) from None
    language, units = units_from_xliff(data, path=path)
    if language not in TARGET_LANGUAGES:
        raise DataFileError(f"target-language {language or '(none)'!r} is not one of {', '.join(TARGET_LANGUAGES)}",
                            path=path)
    catalog_path = files.catalog(language)
    catalog = load_existing(catalog_path, f"{language} catalog")
    before = render(catalog)
    reviewed, fuzzy, skipped = apply_xliff(catalog, units)
    if render(catalog) != before:
        atomic_write(catalog_path, render(catalog))
    return catalog_path, reviewed, fuzzy, skipped
