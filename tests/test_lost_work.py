"""Never lose a translator's work: each way it was lost, reproduced through
the CLI or the library on real files, now keeps every character."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import polib
import pytest

from l10n.pipeline import Source, translate
from l10n.settings import resolve_options

from tests.conftest import PAGES, SEED

EN_PO = Path("locales/en/LC_MESSAGES/article.po")
DRAFTS = Path("locales/drafts/en/article.po")


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and p.name != ".l10n.lock"}


def edit_entry(path: Path, msgctxt: str, msgstr: str, *, fuzzy: bool) -> None:
    """Change one entry the way a text editor does: only its lines."""
    text = path.read_text(encoding="utf-8")
    block = next(b for b in text.split("\n\n") if f'msgctxt "{msgctxt}"' in b and not b.startswith("#~"))
    new = re.sub(r'^msgstr ".*"$', lambda _: f'msgstr "{msgstr}"', block, flags=re.M)
    if not fuzzy:
        new = new.replace("#, fuzzy\n", "")
    path.write_text(text.replace(block, new), encoding="utf-8")


def entry(path: Path, msgctxt: str) -> polib.POEntry:
    return next(e for e in polib.pofile(str(path)) if e.msgctxt == msgctxt and not e.obsolete)


def changed_page(tmp_path: Path, old: str, new: str) -> Path:
    page = tmp_path / "page.txt"
    page.write_text(SEED.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    return page


@pytest.fixture
def translated(project, installed, run) -> Path:
    assert run("translate", "--to", "en").exit_code == 0
    return project


# -- saves while translate runs -----------------------------------------------------------


def test_reviews_saved_while_mt_runs_are_kept(translated):
    """Five reviews saved in the middle of a run (here: while the engine drafts)."""
    ids = [e.msgctxt for e in polib.pofile(str(EN_PO))][5:10]
    saved = []

    def editor_saves(done):
        if not saved:
            for number, msgctxt in enumerate(ids):
                edit_entry(EN_PO, msgctxt, f"Review {number} saved during the run.", fuzzy=False)
            saved.append(EN_PO.read_bytes())

    options = resolve_options({})
    report = translate([Source("article", "page", SEED.read_bytes())], ["en"], options, redraft=True,
                       on_progress=editor_saves)
    assert saved and report.exit_code == 0
    for number, msgctxt in enumerate(ids):
        reviewed = entry(EN_PO, msgctxt)
        assert reviewed.msgstr == f"Review {number} saved during the run." and not reviewed.fuzzy
    assert polib.pofile(str(EN_PO)).percent_translated() > 0


def test_a_save_in_another_process_during_a_slow_run_is_kept(translated, monkeypatch):
    """A slow engine, and an editor process that saves while it runs."""
    import subprocess
    import sys
    import time

    from l10n import pipeline

    real = pipeline.draft_segments

    def slow(*args, **kwargs):
        editor = subprocess.Popen([sys.executable, "-c", (
            "import re, pathlib; p = pathlib.Path('locales/en/LC_MESSAGES/article.po'); t = p.read_text();"
            "b = next(b for b in t.split('\\n\\n') if 'msgctxt \"credit\"' in b);"
            "n = re.sub(r'^msgstr \".*\"$', 'msgstr \"Text and photos: CTWANT\"', b, flags=re.M).replace('#, fuzzy\\n', '');"
            "p.write_text(t.replace(b, n))")])
        result = real(*args, **kwargs)
        editor.wait()
        time.sleep(0.05)
        return result

    monkeypatch.setattr(pipeline, "draft_segments", slow)
    report = translate([Source("article", "page", SEED.read_bytes())], ["en"], resolve_options({}), redraft=True)
    assert report.exit_code == 0
    credit = entry(EN_PO, "credit")
    assert credit.msgstr == "Text and photos: CTWANT" and not credit.fuzzy


def test_an_article_edited_during_the_run_stops_it_with_exit_6(translated, run, monkeypatch):
    from l10n import pipeline

    article = Path("locales/article.txt")
    real = pipeline.draft_segments

    def editing(*args, **kwargs):
        article.write_text(article.read_text(encoding="utf-8").replace("Rapidus", "Rapidus 社"), encoding="utf-8")
        return real(*args, **kwargs)

    monkeypatch.setattr(pipeline, "draft_segments", editing)
    before = {path: data for path, data in snapshot(translated).items() if path != "locales/article.txt"}
    result = run("translate", "--to", "en", "--redraft")
    assert result.exit_code == 6, result.output
    assert "locales/article.txt was changed while translating; nothing was written" in result.output
    after = {path: data for path, data in snapshot(translated).items() if path != "locales/article.txt"}
    assert after == before


def test_a_reviewers_edit_of_the_article_is_translated_and_kept(translated, run):
    article = Path("locales/article.txt")
    edited = article.read_text(encoding="utf-8").replace("[credit] 圖文／CTWANT", "[credit] 文／CTWANT")
    article.write_text(edited, encoding="utf-8")
    result = run("translate", "--to", "en")
    assert result.exit_code == 0, result.output
    assert "locales/article.txt was edited by a reviewer: translating the edited text" in result.output
    assert article.read_text(encoding="utf-8") == edited
    assert entry(EN_PO, "credit").msgid == "文／CTWANT"
    again = run("translate", "--to", "en")  # the edit stays the source
    assert again.exit_code == 0 and "was edited by a reviewer" in again.output
    assert article.read_text(encoding="utf-8") == edited and entry(EN_PO, "credit").msgid == "文／CTWANT"
    article.unlink()
    assert run("translate", "--to", "en").exit_code == 0
    assert entry(EN_PO, "credit").msgid == "圖文／CTWANT"


# -- human work in fuzzy entries, plurals ------------------------------------------------


def test_fuzzy_human_work_survives_redrafts_and_source_edits(translated, run, tmp_path):
    edit_entry(EN_PO, "s-0d2da44a", "Half-done: the funding gap of 5 trillion yen", fuzzy=True)
    for _ in range(2):
        assert run("translate", "--to", "en", "--redraft").exit_code == 0
        kept = entry(EN_PO, "s-0d2da44a")
        assert kept.fuzzy and kept.msgstr == "Half-done: the funding gap of 5 trillion yen"
        assert "MT draft: " in kept.tcomment
    for number in (6, 7):
        result = run("translate", "--to", "en", changed_page(tmp_path, "5兆日圓", f"{number}兆日圓"))
        assert result.exit_code == 0, result.output
        fresh = next(e for e in polib.pofile(str(EN_PO)) if f"{number}兆日圓" in e.msgid)
        assert fresh.fuzzy and fresh.msgstr == "Half-done: the funding gap of 5 trillion yen"
        assert "兆日圓" in fresh.previous_msgid and "MT draft: " in fresh.tcomment


def test_untouched_machine_drafts_are_redrafted(translated, run):
    before = entry(EN_PO, "s-0d2da44a").msgstr
    assert run("translate", "--to", "en", "--redraft").exit_code == 0
    after = entry(EN_PO, "s-0d2da44a")
    assert after.msgstr == before and "MT draft" not in after.tcomment and "MT: argos:" in after.tcomment


def test_a_plural_translation_is_kept(translated, run):
    text = EN_PO.read_text(encoding="utf-8")
    block = next(b for b in text.split("\n\n") if 'msgctxt "credit"' in b)
    plural = re.sub(r'^msgstr ".*"$', 'msgid_plural "圖文／CTWANT們"\nmsgstr[0] "Photo: CTWANT"\n'
                    'msgstr[1] "Photos: CTWANT"', block.replace("#, fuzzy\n", ""), flags=re.M)
    EN_PO.write_text(text.replace(block, plural), encoding="utf-8")
    saved = EN_PO.read_bytes()
    for args in ((), ("--redraft",)):
        assert run("translate", "--to", "en", *args).exit_code == 0
        assert EN_PO.read_bytes() == saved


# -- strict reading --------------------------------------------------------------------------


@pytest.mark.parametrize(("damage", "reason"), [
    (lambda t: t.replace('msgstr "Reviewed', 'msgstr Reviewed', 1), 'keyword "Reviewed" unknown'),
    (lambda t: t.replace('msgctxt "credit"\nmsgid "', 'msgctxt "credit"\nmsgid "\\q', 1), "invalid control sequence"),
    (lambda t: t.replace('msgctxt "credit"', 'msgctxt "cre\x00dit"', 1), "NUL byte"),
    (lambda t: t.replace('msgctxt "credit"\nmsgid "圖文／CTWANT"', 'msgctxt "credit"\nmsgid "圖文／CTWANT', 1),
     "end-of-line within string"),
    (lambda t: "", "empty catalog (0 bytes)"),
])
def test_a_malformed_catalog_is_refused_and_left_alone(translated, run, damage, reason):
    edit_entry(EN_PO, "credit", "Reviewed credit line", fuzzy=False)
    text = EN_PO.read_text(encoding="utf-8")
    EN_PO.write_bytes(damage(text).encode("utf-8"))
    before = snapshot(translated)
    result = run("translate", "--to", "en")
    assert result.exit_code == 4, result.output
    assert "locales/en/LC_MESSAGES/article.po:" in result.output and reason in result.output
    assert result.output.count("\n") == 1
    assert snapshot(translated) == before


# -- corpus runs keep going --------------------------------------------------------------------


def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    shutil.copy(SEED, folder / "ettoday.txt")
    shutil.copy(PAGES / "udn_like.txt", folder / "udn.txt")
    shutil.copy(PAGES / "no_article.txt", folder / "menu.txt")
    (folder / "english.txt").write_text("Breaking news.\n\nThe market rose today. Analysts expect more.\n")
    (folder / "blank.txt").write_bytes(b"")
    return folder


def test_a_corpus_with_bad_pages_writes_the_good_ones(project, installed, run, tmp_path):
    folder = corpus(tmp_path)
    result = run("translate", "--to", "en", folder)
    assert result.exit_code == 3, result.output
    for name in ("menu.txt", "english.txt", "blank.txt"):
        assert sum(1 for line in result.output.splitlines() if line.startswith("error: ") and name in line) == 1
    assert "5 pages: 2 ok, 3 failed (3 unusable page)" in result.output
    assert Path("locales/en/LC_MESSAGES/ettoday.po").exists() and Path("locales/en/LC_MESSAGES/udn.po").exists()
    assert not Path("locales/en/LC_MESSAGES/menu.po").exists()


def test_fail_fast_stops_at_the_first_bad_page_and_writes_nothing(project, installed, run, tmp_path):
    result = run("translate", "--to", "en", "--fail-fast", corpus(tmp_path))
    assert result.exit_code == 3 and result.output.count("\n") == 1, result.output
    assert not Path("locales").exists() or not list(Path("locales").rglob("*.po"))


def test_a_broken_catalog_fails_only_its_page(project, installed, run, tmp_path):
    folder = corpus(tmp_path)
    for name in ("menu.txt", "english.txt", "blank.txt"):
        (folder / name).unlink()
    assert run("translate", "--to", "en", folder).exit_code == 0
    Path("locales/en/LC_MESSAGES/udn.po").write_bytes(b"")
    ettoday = Path("locales/en/LC_MESSAGES/ettoday.po")
    edit_entry(ettoday, "credit", "Text and photos: CTWANT", fuzzy=False)
    page = folder / "ettoday.txt"
    page.write_text(page.read_text(encoding="utf-8").replace("5兆日圓", "6兆日圓"), encoding="utf-8")
    result = run("translate", "--to", "en", folder)
    assert result.exit_code == 4 and "2 pages: 1 ok, 1 failed (1 broken data file)" in result.output
    assert "udn.po: empty catalog" in result.output
    assert any("6兆日圓" in e.msgid for e in polib.pofile(str(ettoday)))
    assert Path("locales/en/LC_MESSAGES/udn.po").read_bytes() == b""


# -- drafts and cache keyed on everything that shapes them ----------------------------------


def test_a_glossary_fix_reaches_the_drafts_through_the_cache(translated, run):
    assert "Chitose" in entry(EN_PO, "caption").msgstr
    terms = Path("glossary/terms.toml")
    terms.write_text(terms.read_text(encoding="utf-8").replace('en = "Chitose"', 'en = "Chitose City"'),
                     encoding="utf-8")
    assert run("translate", "--to", "en").exit_code == 0
    assert "Chitose City" in entry(EN_PO, "caption").msgstr
    assert "Chitose City" in entry(DRAFTS, "caption").msgstr


def test_a_rebuilt_model_with_the_same_name_and_version_makes_new_drafts(translated, run, installed, package_files,
                                                                         tmp_path):
    echo = entry(DRAFTS, "caption").msgstr
    (package,) = [p for p in installed.iterdir() if p.is_dir() and "zt_en" in p.name]
    with zipfile.ZipFile(package_files["random_zt_en"]) as archive:
        archive.extractall(tmp_path / "random")
    (model,) = (tmp_path / "random").glob("*/model")
    shutil.rmtree(package / "model")
    shutil.copytree(model, package / "model")
    assert run("translate", "--to", "en").exit_code == 0
    assert entry(DRAFTS, "caption").msgstr != echo
    assert entry(EN_PO, "caption").msgstr == entry(DRAFTS, "caption").msgstr  # an untouched draft follows


def test_another_beam_size_does_not_reuse_drafts_or_cache(translated, run):
    key = polib.pofile(str(DRAFTS)).metadata["X-L10n-Draft-Key"]
    result = json.loads(run("translate", "--to", "en", "--beam-size", "1", "--json").output)
    assert result["cache_hits"] == 0
    assert polib.pofile(str(DRAFTS)).metadata["X-L10n-Draft-Key"] != key


def test_redraft_and_no_cache_mean_fresh_mt(translated, run):
    for flag in ("--redraft", "--no-cache"):
        result = json.loads(run("translate", "--to", "en", flag, "--json").output)
        assert result["cache_hits"] == 0
    plain = json.loads(run("translate", "--to", "en", "--json").output)
    assert plain["cache_hits"] == 0 and all(c["drafted"] == 0 for c in plain["catalogs"])  # drafts reused


# -- large changes ------------------------------------------------------------------------------


def test_a_large_change_is_merged_when_accepted(translated, run):
    edit_entry(EN_PO, "credit", "Text and photos: CTWANT", fuzzy=False)
    page = PAGES / "udn_like.txt"
    refused = run("translate", "--to", "en", page)
    assert refused.exit_code == 4 and "--accept-large-change" in refused.output
    result = run("translate", "--to", "en", "--accept-large-change", page)
    assert result.exit_code == 0, result.output
    catalog = polib.pofile(str(EN_PO))
    assert catalog.find("headline", by="msgctxt").msgid.startswith("台中港")
    assert any(e.msgstr == "Text and photos: CTWANT" for e in catalog)


# -- gettext round trips ------------------------------------------------------------------------


def test_msgmerge_with_the_template_is_a_no_op_and_keeps_provenance(translated, run):
    edit_entry(EN_PO, "credit", "Text and photos: CTWANT", fuzzy=False)
    assert run("translate", "--to", "en").exit_code == 0
    merged_by_us = polib.pofile(str(EN_PO), wrapwidth=0)
    subprocess.run(["msgmerge", "--quiet", "--previous", "--update", "--backup=none", str(EN_PO),
                    "locales/article.pot"], check=True)
    by_msgmerge = polib.pofile(str(EN_PO), wrapwidth=0)
    assert [(e.msgctxt, e.msgstr, e.comment, e.tcomment, e.flags) for e in by_msgmerge] == \
        [(e.msgctxt, e.msgstr, e.comment, e.tcomment, e.flags) for e in merged_by_us]
    after_msgmerge = EN_PO.read_bytes()  # msgmerge wraps at 79 columns
    assert run("translate", "--to", "en").exit_code == 0
    assert EN_PO.read_bytes() == after_msgmerge  # not rewritten: the same catalog
    caption = entry(EN_PO, "caption")
    assert "MT: argos:translate-zt_en@1.0" in caption.tcomment and "Chitose" in caption.comment


def test_a_rewrapped_catalog_is_not_rewritten(translated, run):
    subprocess.run(["msgcat", "--width=79", "-o", str(EN_PO), str(EN_PO)], check=True)
    rewrapped = EN_PO.read_bytes()
    assert run("translate", "--to", "en").exit_code == 0
    assert EN_PO.read_bytes() == rewrapped


def test_a_plural_translation_of_a_changed_sentence_is_kept_whole(translated, run, tmp_path):
    text = EN_PO.read_text(encoding="utf-8")
    block = next(b for b in text.split("\n\n") if 'msgctxt "s-0d2da44a"' in b)
    plural = re.sub(r'^msgstr ".*"$', 'msgid_plural "gaps"\nmsgstr[0] "One gap of 5 trillion yen"\n'
                    'msgstr[1] "Gaps of 5 trillion yen"', block, flags=re.M)  # still fuzzy: work in progress
    EN_PO.write_text(text.replace(block, plural), encoding="utf-8")
    assert run("translate", "--to", "en", changed_page(tmp_path, "5兆日圓", "6兆日圓")).exit_code == 0
    catalog = polib.pofile(str(EN_PO))
    fresh = next(e for e in catalog if "6兆日圓" in e.msgid)
    assert fresh.fuzzy and fresh.msgstr == "One gap of 5 trillion yen"
    old = next(e for e in catalog.obsolete_entries() if e.msgid_plural == "gaps")
    assert old.msgstr_plural == {0: "One gap of 5 trillion yen", 1: "Gaps of 5 trillion yen"}
