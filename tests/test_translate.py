"""`l10n translate` end to end, on real (tiny) Argos packages."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import polib
import pytest

from l10n.glossary import load_glossary

from tests.conftest import REPO, SEED

EN_PO = Path("locales/en/LC_MESSAGES/article.po")
JA_PO = Path("locales/ja/LC_MESSAGES/article.po")


def entries_by_id(path: Path) -> dict[str, str]:
    """Each entry's exact text in the file, by msgctxt."""
    blocks = path.read_text(encoding="utf-8").split("\n\n")
    found = {}
    for block in blocks:
        match = re.search(r'^(?:#~ )?msgctxt "(.*)"$', block, re.M)
        if match:
            found[match.group(1)] = block
    return found


def test_no_model_installed_is_one_line_exit_2_and_nothing_written(project, packages_dir, run):
    result = run("translate", "--to", "ja")
    assert result.exit_code == 2
    assert result.output.count("\n") == 1
    assert "no translation model installed for zh-Hant → ja" in result.output
    assert "l10n models install zt en` and `l10n models install en ja" in result.output
    assert "l10n models install --file PATH.argosmodel" in result.output
    assert "Traceback" not in result.output
    assert not (project / "locales").exists()


@pytest.mark.parametrize("language", ["en", "ja"])
def test_catalogs_pass_msgfmt_and_lock_every_term(project, installed, run, language):
    result = run("translate", "--to", language)
    assert result.exit_code == 0, result.output
    path = EN_PO if language == "en" else JA_PO
    subprocess.run(["msgfmt", "--check-format", "--check-header", "-o", "/dev/null", str(path)], check=True)
    catalog = polib.pofile(str(path))
    article = (project / "locales" / "article.txt").read_text(encoding="utf-8")
    assert len(catalog) == 34 and article.startswith("[headline] 打造「北海道谷」")
    assert all(entry.fuzzy and entry.msgctxt for entry in catalog)
    glossary = load_glossary(project / "glossary" / "terms.toml")
    checked = 0
    for entry in catalog:
        for match in glossary.find(entry.msgid):
            assert match.term.target(language) in entry.msgstr, (entry.msgctxt, match.text)
            checked += 1
    assert checked > 60
    if language == "ja":
        # the echo route is zt→en→ja: the pivot ran, and Japanese forms replaced the Chinese ones
        assert "argos:translate-zt_en@1.0 + argos:translate-en_ja@1.0" in catalog.metadata["X-L10n-Engine"]
        caption = catalog.find("caption", by="msgctxt")
        assert "千歳市" in caption.msgstr and "ラピダス" in caption.msgstr and "千歲" not in caption.msgstr
    template = polib.pofile("locales/article.pot")
    assert [e.msgctxt for e in template] == [e.msgctxt for e in catalog]


def test_reruns_keep_reviews_and_merge_a_changed_sentence(project, installed, run, tmp_path):
    assert run("translate", "--to", "en").exit_code == 0
    # A translator reviews one entry in a text editor: new msgstr, fuzzy flag removed.
    text = EN_PO.read_text(encoding="utf-8")
    block = entries_by_id(EN_PO)["s-5013ac7b"]
    reviewed = re.sub(r'msgstr ".*"', 'msgstr "Hokkaido\'s relatively low earthquake risk also matters."',
                      block.replace("#, fuzzy\n", ""))
    EN_PO.write_text(text.replace(block, reviewed), encoding="utf-8")
    before = entries_by_id(EN_PO)

    assert run("translate", "--to", "en").exit_code == 0
    assert entries_by_id(EN_PO) == before
    assert EN_PO.read_text(encoding="utf-8") == text.replace(block, reviewed)  # the whole file, even

    # The newsroom edits one sentence of the page and reruns.
    page = tmp_path / "page.txt"
    page.write_text(SEED.read_text(encoding="utf-8").replace("5兆日圓", "6兆日圓"), encoding="utf-8")
    result = run("translate", "--to", "en", page)
    assert result.exit_code == 0, result.output
    after = entries_by_id(EN_PO)
    changed = {key for key in before.keys() | after.keys() if before.get(key) != after.get(key)}
    assert len(changed) == 2  # the old id went, the edited sentence came with a new id
    (new_id,) = changed - {"s-0d2da44a"}
    entry = polib.pofile(str(EN_PO)).find(new_id, by="msgctxt")
    assert entry.fuzzy and "6兆日圓" in entry.msgid
    assert "5兆日圓" in entry.previous_msgid and entry.previous_msgctxt == "s-0d2da44a"
    assert after["s-5013ac7b"] == reviewed
    assert "s-0d2da44a" not in after  # an unreviewed draft is not kept as obsolete


def test_a_reviewed_sentence_that_changes_keeps_its_translation_visible(project, installed, run, tmp_path):
    assert run("translate", "--to", "en").exit_code == 0
    catalog = polib.pofile(str(EN_PO), wrapwidth=0)
    entry = catalog.find("s-0d2da44a", by="msgctxt")
    entry.msgstr, entry.flags = "Another key problem is the funding gap of 5 trillion yen.", []
    catalog.save()
    page = tmp_path / "page.txt"
    page.write_text(SEED.read_text(encoding="utf-8").replace("5兆日圓", "6兆日圓"), encoding="utf-8")
    assert run("translate", "--to", "en", page).exit_code == 0
    merged = polib.pofile(str(EN_PO))
    fresh = next(e for e in merged if "6兆日圓" in e.msgid)
    # as msgmerge does: the translation of the old sentence stays, fuzzy; the new MT goes beside it
    assert fresh.fuzzy and fresh.msgstr == "Another key problem is the funding gap of 5 trillion yen."
    assert "5兆日圓" in fresh.previous_msgid and "MT draft: " in fresh.tcomment
    # and when the sentence comes back, so does the reviewed entry
    assert run("translate", "--to", "en").exit_code == 0
    restored = polib.pofile(str(EN_PO)).find("s-0d2da44a", by="msgctxt")
    assert not restored.fuzzy and restored.msgstr.startswith("Another key problem")


def test_translate_opens_no_network_connection(project, installed, run, no_network):
    result = run("translate", "--to", "en", "--to", "ja", "--no-cache")
    assert result.exit_code == 0, result.output
    assert no_network == []


def test_drafts_are_kept_beside_the_review_catalog(project, installed, run):
    assert run("translate", "--to", "en").exit_code == 0
    drafts = polib.pofile("locales/drafts/en/article.po")
    assert len(drafts) == 34 and drafts.metadata["X-L10n-Engine"] == "argos:translate-zt_en@1.0"


def test_a_second_page_gets_its_own_catalog_name(project, installed, run):
    result = run("translate", "--to", "en", "--name", "udn", REPO / "tests" / "pages" / "udn_like.txt")
    assert result.exit_code == 0, result.output
    assert Path("locales/en/LC_MESSAGES/udn.po").exists()
    assert polib.pofile("locales/en/LC_MESSAGES/udn.po").find("headline", by="msgctxt").msgid == \
        "台中港擴建碼頭啟用　貨櫃吞吐量估增三成"
