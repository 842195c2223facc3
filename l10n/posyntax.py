"""Strict reading of PO files: refuse what ``msgfmt -c`` refuses.

polib is lenient: a lost opening quote, an invalid escape or an unterminated
string is read as *something*, and writing the catalog back would turn that
guess into the translator's text. So every catalog is checked here first,
with gettext's own grammar (po-lex.c, po-gram.y, msgl-check.c), and a file
that fails is refused with its line and the reason, the way msgfmt words it.

Checked, as ``msgfmt -c`` does: UTF-8 text; comments, keywords and quoted
strings only; gettext's escapes (``\\n \\t \\r \\a \\b \\f \\v \\\\ \\" \\'``,
octal, ``\\x`` hex); ``[msgctxt] msgid [msgid_plural] msgstr`` in that order,
plural forms numbered from 0 and as many as the header's ``nplurals``; no
duplicate (msgctxt, msgid), obsolete entries included; a header entry; and a
translated, non-fuzzy entry whose msgid begins or ends with a newline has a
msgstr that does too.

Two deliberate differences: a NUL byte is refused (msgfmt keeps it, but in a
catalog it only ever comes from a crashed or misconfigured editor), and a
UTF-8 byte-order mark at the start is accepted (Windows editors write one;
it changes no text). An empty (0-byte) file is refused like msgfmt refuses
a file without a header.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_KEYWORD = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr)(?:\[(\d+)\])?(?=[\s\"]|$)")
_WORD = re.compile(r"[A-Za-z_][\w\[\]]*")
_SIMPLE_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "a": "\a", "b": "\b", "f": "\f", "v": "\v",
                   "\\": "\\", '"': '"', "'": "'"}
_NPLURALS = re.compile(r"nplurals\s*=\s*(\d+)")


@dataclass(frozen=True)
class SyntaxProblem:
    line: int
    reason: str


class _Refused(Exception):
    def __init__(self, line: int, reason: str):
        super().__init__(reason)
        self.problem = SyntaxProblem(line, reason)


@dataclass
class _Entry:
    line: int  # where its msgid is
    obsolete: bool
    fuzzy: bool
    fields: dict[str, list[str]] = field(default_factory=dict)  # keyword → string pieces
    plural_lines: list[int] = field(default_factory=list)
    lines: dict[str, int] = field(default_factory=dict)  # keyword → its line

    def text(self, keyword: str) -> str | None:
        pieces = self.fields.get(keyword)
        return None if pieces is None else "".join(pieces)


def check(data: bytes) -> SyntaxProblem | None:
    """The first reason msgfmt -c would refuse this catalog, or None."""
    try:
        _check(data)
    except _Refused as refused:
        return refused.problem
    return None


def _check(data: bytes) -> None:
    if not data:
        raise _Refused(1, "empty file (0 bytes): no header entry")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    nul = data.find(b"\x00")
    if nul >= 0:
        raise _Refused(data.count(b"\n", 0, nul) + 1, "NUL byte")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise _Refused(data.count(b"\n", 0, error.start) + 1, "invalid multibyte sequence (not UTF-8)") from None
    entries = _entries(text)
    _check_entries(entries)


def _entries(text: str) -> list[_Entry]:
    entries: list[_Entry] = []
    current: _Entry | None = None
    keyword: str | None = None  # the field strings are being added to
    fuzzy_pending = False
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw[:-1] if raw.endswith("\r") else raw
        obsolete = False
        if line.startswith("#~"):
            line, obsolete = line[2:], True
            if line.startswith("|"):
                list(_tokens(line[1:], number))  # an obsolete previous msgid: checked, not kept
                continue
        elif line.startswith("#|"):
            list(_tokens(line[2:], number))  # a previous msgid: checked, not kept
            continue
        elif line.startswith("#"):
            if line.startswith("#,") and "fuzzy" in (flag.strip() for flag in line[2:].split(",")):
                fuzzy_pending = True
            continue
        for kind, value, index in _tokens(line, number):
            if kind == "string":
                if keyword is None or current is None:
                    raise _Refused(number, "syntax error: a string without a keyword")
                current.fields[keyword].append(value)
                continue
            name = value
            if name == "msgctxt" or (name == "msgid" and (current is None or "msgid" in current.fields
                                                         or keyword != "msgctxt")):
                if current is not None:
                    _finish(current)
                current = _Entry(number, obsolete, fuzzy_pending)
                entries.append(current)
                fuzzy_pending = False
            elif current is None:
                raise _Refused(number, f"syntax error: {name} without msgid")
            if name == "msgid":
                current.line = number
            if name == "msgid_plural" and ("msgid" not in current.fields or "msgstr" in current.fields
                                          or "msgid_plural" in current.fields):
                raise _Refused(number, "syntax error: misplaced msgid_plural")
            if name == "msgstr":
                if "msgid" not in current.fields:
                    raise _Refused(number, "syntax error: msgstr without msgid")
                if index is None and "msgid_plural" in current.fields:
                    raise _Refused(number, "syntax error: a plural entry needs msgstr[0], msgstr[1], …")
                if index is not None and "msgid_plural" not in current.fields:
                    raise _Refused(number, "syntax error: msgstr[N] without msgid_plural")
                if index is not None:
                    if index != len(current.plural_lines):
                        raise _Refused(number, "plural form has wrong index")
                    current.plural_lines.append(number)
                    name = f"msgstr[{index}]"
                elif "msgstr" in current.fields:
                    raise _Refused(number, "syntax error: a second msgstr")
            elif name in current.fields:
                raise _Refused(number, f"syntax error: a second {name}")
            current.fields[name] = []
            current.lines[name] = number
            keyword = name
    if current is not None:
        _finish(current)
    return entries


def _finish(entry: _Entry) -> None:
    if "msgid" not in entry.fields:
        raise _Refused(entry.line, "syntax error: msgctxt without msgid")
    if "msgstr" not in entry.fields and not entry.plural_lines:
        raise _Refused(entry.line, "missing 'msgstr' section")
    for keyword, pieces in entry.fields.items():
        if not pieces:
            raise _Refused(entry.line, f"syntax error: {keyword} without a string")


def _tokens(line: str, number: int):
    """(kind, value, plural index) for each keyword and string on one line."""
    simple = _SIMPLE_LINE.fullmatch(line)
    if simple:  # most lines: one keyword and one string, or one string
        keyword, raw = simple.groups()
        value = _ESCAPE.sub(_unescape, raw) if "\\" in raw else raw
        return [("keyword", keyword, None), ("string", value, None)] if keyword else [("string", value, None)]
    return list(_all_tokens(line, number))


def _all_tokens(line: str, number: int):
    position, length = 0, len(line)
    while position < length:
        char = line[position]
        if char in " \t\f\v":
            position += 1
        elif char == '"':
            value, position = _string(line, position + 1, number)
            yield "string", value, None
        elif char == "#":
            return  # a comment after a field, as po-lex allows
        else:
            match = _KEYWORD.match(line, position)
            if not match:
                word = _WORD.match(line, position)
                if word:
                    raise _Refused(number, f'keyword "{word.group()}" unknown')
                raise _Refused(number, "syntax error")
            yield "keyword", match.group(1), int(match.group(2)) if match.group(2) is not None else None
            position = match.end()


#: A whole string with only valid escapes, the common case, matched at once.
_STRING_BODY = r'[^"\\]*(?:\\(?:[ntrabfv\\"\']|[0-7]{1,3}|x[0-9A-Fa-f]+)[^"\\]*)*'
_VALID_STRING = re.compile(f'({_STRING_BODY})"')
_SIMPLE_LINE = re.compile(f'(?:(msgctxt|msgid_plural|msgid|msgstr)[ \t]+)?"({_STRING_BODY})"[ \t]*')
_ESCAPE = re.compile(r'\\(?:([ntrabfv\\"\'])|([0-7]{1,3})|x([0-9A-Fa-f]+))')


def _unescape(match: re.Match) -> str:
    simple, octal, hexadecimal = match.groups()
    if simple:
        return _SIMPLE_ESCAPES[simple]
    return chr(int(octal, 8)) if octal else chr(int(hexadecimal, 16) & 0xFF)


def _string(line: str, position: int, number: int) -> tuple[str, int]:
    whole = _VALID_STRING.match(line, position)
    if whole:
        raw = whole.group(1)
        return (_ESCAPE.sub(_unescape, raw) if "\\" in raw else raw), whole.end()
    return _slow_string(line, position, number)


def _slow_string(line: str, position: int, number: int) -> tuple[str, int]:
    """The string character by character, to name what is wrong with it."""
    out = []
    while True:
        if position >= len(line):
            raise _Refused(number, "end-of-line within string")
        char = line[position]
        if char == '"':
            return "".join(out), position + 1
        if char != "\\":
            out.append(char)
            position += 1
            continue
        position += 1
        escape = line[position] if position < len(line) else ""
        if escape in _SIMPLE_ESCAPES:
            out.append(_SIMPLE_ESCAPES[escape])
            position += 1
        elif escape in "01234567" and escape:
            digits = re.match(r"[0-7]{1,3}", line[position:]).group()
            out.append(chr(int(digits, 8)))
            position += len(digits)
        elif escape == "x" and re.match(r"[0-9A-Fa-f]", line[position + 1 : position + 2]):
            digits = re.match(r"[0-9A-Fa-f]+", line[position + 1 :]).group()
            out.append(chr(int(digits, 16) & 0xFF))
            position += 1 + len(digits)
        else:
            raise _Refused(number, f"invalid control sequence \\{escape}".rstrip())


def _check_entries(entries: list[_Entry]) -> None:
    header = next((e for e in entries if not e.obsolete and e.text("msgid") == "" and "msgctxt" not in e.fields), None)
    if header is None:
        raise _Refused(1, "PO file header missing or invalid")
    nplurals_match = _NPLURALS.search(header.text("msgstr") or "")
    nplurals = int(nplurals_match.group(1)) if nplurals_match else None
    seen: dict[tuple[str | None, str], int] = {}
    for entry in entries:
        key = (entry.text("msgctxt"), entry.text("msgid") or "")
        if key in seen:
            raise _Refused(entry.line, f"duplicate message definition (first at line {seen[key]})")
        seen[key] = entry.line
        if entry is header or entry.obsolete:
            continue
        if entry.plural_lines:
            if nplurals is None:
                raise _Refused(entry.plural_lines[0], 'plural form translations, but the header has no "nplurals=INTEGER"')
            if len(entry.plural_lines) != nplurals:
                raise _Refused(entry.plural_lines[0],
                               f"nplurals = {nplurals} in the header, but this message has {len(entry.plural_lines)} "
                               "plural forms")
        if not entry.fuzzy:
            _check_newlines(entry)


def _check_newlines(entry: _Entry) -> None:
    msgid = entry.text("msgid") or ""
    pairs = [("msgid", msgid, "msgstr", entry.text("msgstr"))]
    plural = entry.text("msgid_plural")
    for index in range(len(entry.plural_lines)):
        pairs.append(("msgid_plural" if index else "msgid", plural if index else msgid,
                      f"msgstr[{index}]", entry.text(f"msgstr[{index}]")))
    for source_name, source, target_name, target in pairs:
        if not target or not source:
            continue
        if source.startswith("\n") != target.startswith("\n"):
            raise _Refused(entry.lines[target_name],
                           f"'{source_name}' and '{target_name}' entries do not both begin with '\\n'")
        if source.endswith("\n") != target.endswith("\n"):
            raise _Refused(entry.lines[target_name], f"'{source_name}' and '{target_name}' entries do not both end with '\\n'")
