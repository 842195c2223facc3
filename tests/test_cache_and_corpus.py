"""Draft cache (hit, miss, corruption) and corpus mode (many pages, one model load)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

from l10n.settings import resolve_options

from tests.conftest import PAGES, SEED


@pytest.fixture
def translator_loads(monkeypatch):
    """How many times a CTranslate2 model is loaded."""
    import ctranslate2

    loads = []
    real = ctranslate2.Translator

    def counting(path, *args, **kwargs):
        loads.append(Path(path).parent.name)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(ctranslate2, "Translator", counting)
    return loads


def forget_catalogs(project: Path) -> None:
    for folder in ("en", "ja", "drafts"):
        shutil.rmtree(project / "locales" / folder, ignore_errors=True)


def cache_files(project: Path) -> list[Path]:
    return sorted((project.parent / "draft-cache").rglob("*.json"))


def test_cache_miss_then_hit_without_loading_the_model(project, installed, run, translator_loads):
    first = json.loads(run("translate", "--to", "en", "--to", "ja", "--json").output)
    assert first["cache_hits"] == 34  # the Japanese pivot reused the zt→en drafts of this same run
    assert sorted(translator_loads) == ["translate-en_ja-1_0", "translate-zt_en-1_0"]  # each model once
    drafts = Path("locales/drafts/ja/article.po").read_bytes()
    forget_catalogs(project)
    translator_loads.clear()
    second = json.loads(run("translate", "--to", "en", "--to", "ja", "--json").output)
    assert second["cache_hits"] == 34 * 3 and translator_loads == []
    assert Path("locales/drafts/ja/article.po").read_bytes() == drafts


def test_a_corrupt_cache_entry_is_ignored_and_rebuilt(project, installed, run, translator_loads):
    assert run("translate", "--to", "en").exit_code == 0
    entries = cache_files(project)
    assert len(entries) == 34
    for entry in entries[:10]:
        entry.write_text('{"hypotheses": [{"text": ', encoding="utf-8")  # a half-written file
    entries[10].write_bytes(b"\x00\xff")
    drafts = Path("locales/drafts/en/article.po").read_bytes()
    forget_catalogs(project)
    result = json.loads(run("translate", "--to", "en", "--json").output)
    assert result["cache_hits"] == 34 - 11
    assert Path("locales/drafts/en/article.po").read_bytes() == drafts
    assert all(json.loads(entry.read_text(encoding="utf-8"))["hypotheses"] for entry in cache_files(project))


def test_an_unchanged_rerun_imports_neither_the_model_nor_argostranslate(project, installed, run):
    assert run("translate", "--to", "en").exit_code == 0
    forget_catalogs(project)  # the cache must do the work, not the catalogs
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    result = subprocess.run([sys.executable, "-X", "importtime", "-m", "l10n", "translate", "--to", "en", "--quiet"],
                            env=env, capture_output=True, text=True, cwd=project)
    assert result.returncode == 0, result.stderr[-2000:]
    imported = {line.split("|")[-1].strip().split(".")[0] for line in result.stderr.splitlines() if "|" in line}
    assert not imported & {"ctranslate2", "argostranslate", "torch", "stanza", "minisbd"}
    assert Path("locales/en/LC_MESSAGES/article.po").exists()


def test_corpus_mode_one_catalog_per_page_one_model_load(project, installed, run, translator_loads, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(SEED, corpus / "ettoday.txt")
    shutil.copy(PAGES / "udn_like.txt", corpus / "udn.txt")
    shutil.copy(PAGES / "cna_like.html", corpus / "cna.html")
    (corpus / "notes.md").write_text("not a page", encoding="utf-8")
    result = run("translate", "--to", "en", "--no-cache", corpus)
    assert result.exit_code == 0, result.output
    assert translator_loads == ["translate-zt_en-1_0"]
    for name, headline in (("ettoday", "打造「北海道谷」"), ("udn", "台中港擴建碼頭啟用"), ("cna", "花蓮縣推動災後重建")):
        catalog = polib.pofile(f"locales/en/LC_MESSAGES/{name}.po")
        assert catalog.find("headline", by="msgctxt").msgid.startswith(headline)


def test_corpus_progress_counts_every_segment_of_every_page(project, installed):
    from l10n.pipeline import Source, translate

    sources = [Source("a", "a", SEED.read_bytes()), Source("b", "b", (PAGES / "udn_like.txt").read_bytes())]
    totals, done = [], []
    translate(sources, ["en"], resolve_options({"cache": "off"}), on_start=totals.append, on_progress=done.append)
    assert totals == [sum(done)] and totals[0] > 34


def test_several_pages_cannot_share_one_name(project, installed, run, tmp_path):
    result = run("translate", "--to", "en", "--name", "x", SEED, PAGES / "udn_like.txt")
    assert result.exit_code == 2 and "--name applies to a single page" in result.output
