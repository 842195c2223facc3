"""Catalogs ⇄ XLIFF 1.2 for CAT tools, through Translate Toolkit's XLIFF storage."""

from __future__ import annotations

import shutil

import polib
import pytest
from translate.storage import xliff

from tests.conftest import REPO


@pytest.fixture
def reviewed(project):
    """The repository's article with its reviewed catalogs, in the test project."""
    shutil.copytree(REPO / "locales", project / "locales", ignore=shutil.ignore_patterns("drafts", "*.md", "*.html"))
    return project / "locales"


def entries(path):
    return {(e.msgctxt, e.msgid): (e.msgstr, e.fuzzy) for e in polib.pofile(str(path)) if not e.obsolete}


def test_round_trip_is_a_no_op(reviewed, run):
    catalog = reviewed / "ja" / "LC_MESSAGES" / "article.po"
    before = catalog.read_bytes()
    assert run("xliff", "export", "--to", "ja").exit_code == 0
    result = run("xliff", "import", reviewed / "ja" / "article.xlf")
    assert result.exit_code == 0, result.output
    assert catalog.read_bytes() == before


def test_cat_tool_work_comes_back_reviewed_or_fuzzy(reviewed, run):
    catalog = reviewed / "en" / "LC_MESSAGES" / "article.po"
    po = polib.pofile(str(catalog), wrapwidth=0)
    po[3].flags.append("fuzzy")  # one entry still needs review before the export
    po.save(str(catalog))
    assert run("xliff", "export", "--to", "en").exit_code == 0
    exported = reviewed / "en" / "article.xlf"

    store = xliff.xlifffile.parsestring(exported.read_bytes())
    units = {unit.xmlelement.get("id"): unit for unit in store.units}
    assert units[po[3].msgctxt].isfuzzy() and units[po[0].msgctxt].isapproved()
    assert store.getsourcelanguage() == "zh-Hant" and store.gettargetlanguage() == "en"
    # The translator approves the fuzzy unit, edits another and leaves one for review.
    units[po[3].msgctxt].markfuzzy(False)
    units[po[0].msgctxt].target = "A new headline"
    units[po[1].msgctxt].target = "A caption to check"
    units[po[1].msgctxt].markfuzzy(True)
    exported.write_bytes(bytes(store))

    result = run("xliff", "import", exported)
    assert result.exit_code == 0, result.output
    after = entries(catalog)
    assert after[po[3].msgctxt, po[3].msgid] == (po[3].msgstr, False)
    assert after[po[0].msgctxt, po[0].msgid] == ("A new headline", False)
    assert after[po[1].msgctxt, po[1].msgid] == ("A caption to check", True)
    assert sum(1 for (_, fuzzy) in after.values() if fuzzy) == 1


def test_units_for_another_sentence_or_empty_targets_change_nothing(reviewed, run):
    catalog = reviewed / "en" / "LC_MESSAGES" / "article.po"
    before = catalog.read_bytes()
    assert run("xliff", "export", "--to", "en").exit_code == 0
    exported = reviewed / "en" / "article.xlf"
    store = xliff.xlifffile.parsestring(exported.read_bytes())
    first, second = list(store.units)[:2]
    first.source = "一句已經改寫的舊句子。"  # the CAT tool worked on an older version
    second.target = ""
    exported.write_bytes(bytes(store))
    result = run("xliff", "import", exported)
    assert result.exit_code == 0 and "skipped 1 units" in result.output and first.xmlelement.get("id") in result.output
    # the other 33 units are the catalog's own translations: nothing changes
    assert catalog.read_bytes() == before


@pytest.mark.parametrize("content, message", [
    (b"<xliff><file", "not an XLIFF file"),
    (b'<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="x" '
     b'source-language="zh-Hant" target-language="de" datatype="plaintext"><body/></file></xliff>',
     "target-language 'de' is not one of en, ja"),
])
def test_a_bad_xliff_is_one_line_and_changes_nothing(reviewed, run, tmp_path, content, message):
    bad = tmp_path / "bad.xlf"
    bad.write_bytes(content)
    before = {path: path.read_bytes() for path in reviewed.rglob("*.po")}
    result = run("xliff", "import", bad)
    assert result.exit_code == 4 and message in result.output and "Traceback" not in result.output
    assert {path: path.read_bytes() for path in reviewed.rglob("*.po")} == before
