"""Exchange formats: the glossary as TBX-Basic, reviewed pairs as TMX 1.4.

TBX: one ``termEntry`` per term. The source language's ``langSet`` holds the
source form first (``preferredTerm``) and then the variants
(``admittedTerm``); ``en`` and ``ja`` hold the target forms. The term type is
a ``<note>l10n-type: …</note>`` (TBX-Basic has no entity-type category) and
the note a ``<descrip type="definition">``. Export then import gives the same
glossary back. Translate Toolkit reads both files (``tbx2po``, ``po2tmx``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from l10n.errors import DataFileError
from l10n.glossary import TARGET_LANGUAGES, Glossary, Term

SOURCE_LANGUAGE = "zh-Hant"
_PREFERRED, _ADMITTED = "preferredTerm-admn-sts", "admittedTerm-admn-sts"
_TYPE_NOTE = "l10n-type: "


def _tig(term: str, status: str) -> str:
    return (f"        <tig>\n          <term>{escape(term)}</term>\n"
            f'          <termNote type="administrativeStatus">{status}</termNote>\n        </tig>\n')


def glossary_to_tbx(glossary: Glossary, *, description: str) -> str:
    entries = []
    for number, term in enumerate(glossary.terms, start=1):
        parts = [f'    <termEntry id="t{number}">\n', f"      <note>{escape(_TYPE_NOTE + term.type)}</note>\n"]
        if term.note:
            parts.append(f'      <descrip type="definition">{escape(term.note)}</descrip>\n')
        parts.append(f'      <langSet xml:lang="{SOURCE_LANGUAGE}">\n')
        parts.append(_tig(term.source, _PREFERRED))
        parts += [_tig(variant, _ADMITTED) for variant in term.variants]
        parts.append("      </langSet>\n")
        for language in TARGET_LANGUAGES:
            parts.append(f'      <langSet xml:lang="{language}">\n{_tig(term.target(language), _PREFERRED)}      </langSet>\n')
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
        targets = {language: _forms(entry, language) for language in TARGET_LANGUAGES}
        if not source_forms or not all(targets.values()):
            raise DataFileError(
                f"termEntry needs {SOURCE_LANGUAGE}, {' and '.join(TARGET_LANGUAGES)} terms", path=path, line=line)
        notes = [(n.text or "") for n in entry.findall("note")]
        term_type = next((n[len(_TYPE_NOTE):] for n in notes if n.startswith(_TYPE_NOTE)), "organisation")
        definition = entry.find("descrip[@type='definition']")
        terms.append(Term(source_forms[0], {language: forms_[0] for language, forms_ in targets.items()}, term_type,
                          tuple(source_forms[1:]), (definition.text or "") if definition is not None else ""))
    if not terms:
        raise DataFileError("the TBX file has no termEntry", path=path)
    return terms


def _forms(entry, language: str) -> list[str]:
    xml_lang = "{http://www.w3.org/XML/1998/namespace}lang"
    return [(t.text or "").strip() for langset in entry.findall("langSet") if langset.get(xml_lang) == language
            for t in langset.iter("term")]


def glossary_toml(terms: Sequence[Term], *, header: str) -> str:
    """The glossary file for ``terms``, in the layout of glossary/terms.toml."""
    lines = [f"# {line}".rstrip() for line in header.splitlines()]
    for term in terms:
        lines += ["", "[[term]]",
                  f"source = {json.dumps(term.source, ensure_ascii=False)}",
                  f"variants = {json.dumps(list(term.variants), ensure_ascii=False)}"]
        lines += [f"{language} = {json.dumps(term.target(language), ensure_ascii=False)}" for language in TARGET_LANGUAGES]
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
