"""Glossary ⇄ TBX-Basic and reviewed pairs → TMX, read back with Translate Toolkit."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import polib
from translate.storage import tbx, tmx

from l10n.glossary import load_glossary

from tests.conftest import REPO
from tests.test_quality import edition  # noqa: F401  (fixture)


def test_tbx_round_trip_is_lossless(project, run, tmp_path):
    original = load_glossary(project / "glossary" / "terms.toml")
    assert run("glossary", "export", tmp_path / "terms.tbx").exit_code == 0
    result = run("glossary", "import", tmp_path / "terms.tbx", "--glossary", tmp_path / "imported.toml")
    assert result.exit_code == 0, result.output
    imported = load_glossary(tmp_path / "imported.toml")
    assert imported.terms == original.terms  # every form, variant, type and note
    # and the imported file exports to the same TBX again
    assert run("glossary", "export", tmp_path / "again.tbx", "--glossary", tmp_path / "imported.toml").exit_code == 0
    strip = lambda path: "\n".join(l for l in path.read_text(encoding="utf-8").splitlines() if "sourceDesc" not in l)  # noqa: E731
    assert strip(tmp_path / "again.tbx") == strip(tmp_path / "terms.tbx")


def test_translate_toolkit_reads_the_tbx(project, run, tmp_path):
    assert run("glossary", "export", tmp_path / "terms.tbx").exit_code == 0
    data = (tmp_path / "terms.tbx").read_bytes()
    for language, expected in (("en", "Atsuyoshi Koike"), ("ja", "小池淳義")):
        store = tbx.tbxfile.parsestring(data, sourcelanguage="zh-Hant", targetlanguage=language)
        units = {unit.source: unit.target for unit in store.units}
        assert units["小池敦義"] == expected and units["千歲"] == {"en": "Chitose", "ja": "千歳"}[language]
        assert len(units) == len(load_glossary(project / "glossary" / "terms.toml").terms)
    po = tmp_path / "terms.po"
    subprocess.run([Path(sys.executable).parent / "tbx2po", "-i", tmp_path / "terms.tbx", "-o", po], check=True,
                   capture_output=True)
    assert any(entry.msgid == "小池敦義" for entry in polib.pofile(str(po)))


def test_import_refuses_to_overwrite_without_replace(project, run, tmp_path):
    glossary = project / "glossary" / "terms.toml"
    before = glossary.read_bytes()
    tbx_file = tmp_path / "terms.tbx"
    assert run("glossary", "export", tbx_file).exit_code == 0
    refused = run("glossary", "import", tbx_file)
    assert refused.exit_code == 2 and "exists; use --replace" in refused.output
    assert glossary.read_bytes() == before
    assert run("glossary", "import", tbx_file, "--replace").exit_code == 0
    assert load_glossary(glossary).terms == load_glossary(REPO / "glossary" / "terms.toml").terms


def test_a_broken_tbx_changes_nothing(project, run, tmp_path):
    glossary = project / "glossary" / "terms.toml"
    before = glossary.read_bytes()
    bad = tmp_path / "bad.tbx"
    bad.write_text("<martif><text><body><termEntry>", encoding="utf-8")
    result = run("glossary", "import", bad, "--replace")
    assert result.exit_code == 4 and "not a valid TBX file" in result.output and result.output.count("\n") == 1
    assert glossary.read_bytes() == before


def test_reviewed_pairs_export_as_tmx(edition, run, tmp_path):  # noqa: F811
    result = run("tmx", "--to", "ja", "-o", tmp_path / "ja.tmx")
    assert result.exit_code == 0 and "34 reviewed pairs" in result.output
    store = tmx.tmxfile.parsestring((tmp_path / "ja.tmx").read_bytes(), sourcelanguage="zh-Hant", targetlanguage="ja")
    catalog = polib.pofile("locales/ja/LC_MESSAGES/article.po")
    assert [(u.source, u.target) for u in store.units] == [(e.msgid, e.msgstr) for e in catalog]
