"""Strict PO reading: parity with `msgfmt -c` on a table of malformed and valid catalogs."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from l10n.catalog import load_catalog
from l10n.errors import DataFileError

HEADER = ('msgid ""\nmsgstr ""\n"Project-Id-Version: t\\n"\n"Language: en\\n"\n'
          '"Content-Type: text/plain; charset=UTF-8\\n"\n"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n')


def po(body: str) -> bytes:
    return (HEADER + body).encode("utf-8")


#: name → (file content, what our message says). Each is refused by msgfmt -c too.
MALFORMED = {
    "lost opening quote": (po('msgctxt "credit"\nmsgid "x"\nmsgstr eviewed credit line"\n'), 'keyword "eviewed" unknown'),
    "invalid escape": (po('msgid "x"\nmsgstr "a\\qb"\n'), "invalid control sequence \\q"),
    "invalid escape \\?": (po('msgid "x"\nmsgstr "\\x41\\101\\t\\a\\?"\n'), "invalid control sequence \\?"),
    "unterminated msgid": (po('msgid "x\nmsgstr "y"\n'), "end-of-line within string"),
    "unterminated previous msgid": (po('#| msgid "x\nmsgid "x"\nmsgstr "y"\n'), "end-of-line within string"),
    "quote inside a string": (po('msgid "x"\nmsgstr "a"b"\n'), 'keyword "b" unknown'),
    "obsolete entry with a lost quote": (po('#~ msgid "x"\n#~ msgstr y"\n'), 'keyword "y" unknown'),
    "text after a string": (po('msgid "x" junk\nmsgstr "y"\n'), 'keyword "junk" unknown'),
    "unknown keyword": (po('msgid "x"\nmsgstr "y"\nfoo "z"\n'), 'keyword "foo" unknown'),
    "missing msgstr": (po('msgid "x"\n\nmsgid "y"\nmsgstr "z"\n'), "missing 'msgstr' section"),
    "obsolete entry without msgstr": (po('#~ msgid "x"\n\nmsgid "y"\nmsgstr "z"\n'), "missing 'msgstr' section"),
    "duplicate entry": (po('msgctxt "a"\nmsgid "x"\nmsgstr "1"\n\nmsgctxt "a"\nmsgid "x"\nmsgstr "2"\n'),
                        "duplicate message definition"),
    "duplicate of an obsolete entry": (po('msgid "x"\nmsgstr "1"\n\n#~ msgid "x"\n#~ msgstr "2"\n'),
                                       "duplicate message definition"),
    "plural entry with a singular msgstr": (po('msgid "x"\nmsgid_plural "xs"\nmsgstr "y"\n'), "syntax error"),
    "plural form with a wrong index": (po('msgid "x"\nmsgid_plural "xs"\nmsgstr[0] "y"\nmsgstr[2] "z"\n'),
                                       "plural form has wrong index"),
    "more plural forms than nplurals": (po('msgid "x"\nmsgid_plural "xs"\nmsgstr[0] "y"\nmsgstr[1] "z"\n'
                                           'msgstr[2] "w"\n'), "nplurals = 2 in the header"),
    "fewer plural forms than nplurals": (po('msgid "x"\nmsgid_plural "xs"\nmsgstr[0] "y"\n'),
                                         "nplurals = 2 in the header"),
    "plural forms without Plural-Forms": (
        b'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        b'msgid "x"\nmsgid_plural "xs"\nmsgstr[0] "y"\nmsgstr[1] "z"\n', "nplurals=INTEGER"),
    "newline at the end of msgid only": (po('msgid "x\\n"\nmsgstr "y"\n'), "do not both end with '\\n'"),
    "not UTF-8": (po('msgid "x"\nmsgstr "') + b'\xff"\n', "invalid multibyte sequence"),
    "no header": (b'msgid "x"\nmsgstr "y"\n', "PO file header missing"),
    "0 bytes": (b"", "empty catalog (0 bytes)"),
}

#: Refused by us, kept by msgfmt: a NUL byte only ever comes from a crashed
#: or misconfigured editor.
STRICTER = {"NUL byte": (po('msgid "x"\nmsgstr "a') + b'\x00b"\n', "NUL byte")}

VALID = {
    "plain": po('msgctxt "a"\nmsgid "x"\nmsgstr "y"\n'),
    "CRLF line ends": po('msgid "x"\nmsgstr "y"\n').replace(b"\n", b"\r\n"),
    "msgctxt apart from its msgid": po('msgctxt "a"\n\nmsgid "y"\nmsgstr "z"\n'),
    "plural entry": po('msgid "x"\nmsgid_plural "xs"\nmsgstr[0] "y"\nmsgstr[1] "z"\n'),
    "fuzzy entry with a newline mismatch": po('#, fuzzy\nmsgid "x\\n"\nmsgstr "y"\n'),
    "octal and hex escapes": po('msgid "x"\nmsgstr "\\x41\\101\\t\\a\\000"\n'),
    "untranslated fuzzy entry": po('#, fuzzy\nmsgid "x"\nmsgstr ""\n'),
    "obsolete entries and previous msgids": po('#| msgid "w"\nmsgid "x"\nmsgstr "y"\n\n#~| msgid "v"\n'
                                               '#~ msgid "u"\n#~ msgstr "t"\n'),
}


def msgfmt(path: Path) -> tuple[int, set[int]]:
    """msgfmt -c's exit code and the line numbers it names in errors."""
    result = subprocess.run(["msgfmt", "-c", "-o", "/dev/null", str(path)], capture_output=True, text=True)
    errors = [line for line in result.stderr.splitlines() if "warning" not in line]
    return result.returncode, {int(n) for line in errors for n in re.findall(rf"^{re.escape(str(path))}:(\d+)", line)}


@pytest.mark.parametrize("case", sorted(MALFORMED))
def test_refused_with_line_and_reason_like_msgfmt(tmp_path, case):
    data, reason = MALFORMED[case]
    path = tmp_path / "case.po"
    path.write_bytes(data)
    code, lines = msgfmt(path)
    assert code != 0
    with pytest.raises(DataFileError) as refused:
        load_catalog(path)
    assert reason in str(refused.value) and str(path) in str(refused.value)
    if lines:
        # msgfmt counts an unterminated string's line after the newline it hit
        assert refused.value.line in lines or refused.value.line + 1 in lines, (refused.value.line, lines)


@pytest.mark.parametrize("case", sorted(STRICTER))
def test_stricter_than_msgfmt(tmp_path, case):
    data, reason = STRICTER[case]
    path = tmp_path / "case.po"
    path.write_bytes(data)
    assert msgfmt(path)[0] == 0
    with pytest.raises(DataFileError, match=reason):
        load_catalog(path)


@pytest.mark.parametrize("case", sorted(VALID))
def test_accepted_like_msgfmt(tmp_path, case):
    path = tmp_path / "case.po"
    path.write_bytes(VALID[case])
    assert msgfmt(path)[0] == 0
    catalog = load_catalog(path)
    assert len([e for e in catalog if e.msgid]) >= 1


def test_a_byte_order_mark_is_accepted(tmp_path):
    """msgfmt refuses it; Windows editors write it, and it changes no text."""
    path = tmp_path / "bom.po"
    path.write_bytes(b"\xef\xbb\xbf" + VALID["plain"])
    assert load_catalog(path).find("x").msgstr == "y"


def test_valid_gettext_that_polib_cannot_read_is_refused_not_misread(tmp_path):
    path = tmp_path / "two-strings.po"
    path.write_bytes(po('msgid "x"\nmsgstr "y" "z"\n'))
    assert msgfmt(path)[0] == 0
    with pytest.raises(DataFileError, match="unsupported PO layout"):
        load_catalog(path)
