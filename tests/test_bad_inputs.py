"""The bad-input matrix: every case is one clear line, a documented exit code,
and every existing file byte-identical afterwards. Unusual but legitimate
inputs are translated, with a notice."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import PAGES, SEED


def snapshot(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and p.name != ".l10n.lock"}


@pytest.fixture
def translated(project, installed, run) -> Path:
    """A project whose bundled article was translated once already."""
    assert run("translate", "--to", "en").exit_code == 0
    return project


def one_line_error(result, code: int, message: str) -> None:
    assert result.exit_code == code, result.output
    assert message in result.output
    assert result.output.count("\n") == 1 and "Traceback" not in result.output


def big_page() -> bytes:
    filler = "\n".join(f"熱門新聞第{i}則　點我看更多" for i in range(120_000))
    return (filler + "\n" + SEED.read_text(encoding="utf-8") + "\n" + filler).encode("utf-8")


UNUSABLE_PAGES = {
    "empty file": (b"", "is empty"),
    "binary file": (bytes(range(256)) * 100, "is binary data, not a text or HTML page"),
    "page without an article": ((PAGES / "no_article.txt").read_bytes(), "no article found"),
}


@pytest.mark.parametrize("command", ["extract", "translate"])
@pytest.mark.parametrize("case", sorted(UNUSABLE_PAGES))
def test_unusable_pages(translated, run, tmp_path, command, case):
    data, message = UNUSABLE_PAGES[case]
    page = tmp_path / "page.txt"
    page.write_bytes(data)
    before = snapshot(translated)
    args = ["extract", page] if command == "extract" else ["translate", "--to", "en", page]
    one_line_error(run(*args), 3, message)
    assert snapshot(translated) == before


LEGITIMATE_PAGES = {
    "Big5 text": (lambda: (PAGES / "udn_like.txt").read_text(encoding="utf-8").replace("©", "(c)").encode("big5"),
                  "is not UTF-8: decoded as big5", "台中港擴建碼頭啟用"),
    "HTML page": (lambda: (PAGES / "cna_like.html").read_bytes(), "is an HTML page", "花蓮縣推動災後重建"),
    "Simplified Chinese page": (lambda: (PAGES / "simplified.txt").read_bytes(), "the article is in zh-Hans",
                                "北京发布新能源汽车充电设施规划"),
    "5 MB page": (big_page, None, "打造「北海道谷」科技聚落"),
}


@pytest.mark.parametrize("case", sorted(LEGITIMATE_PAGES))
def test_legitimate_unusual_pages_are_translated_with_a_notice(project, installed, run, tmp_path, case):
    make, notice, headline = LEGITIMATE_PAGES[case]
    page = tmp_path / "page.html"
    page.write_bytes(make())
    extracted = run("extract", page)
    assert extracted.exit_code == 0, extracted.output
    translated = run("translate", "--to", "en", page)
    assert translated.exit_code == 0, translated.output
    if notice:
        assert f"notice: {page} {notice}" in translated.output or f"notice: {notice}" in translated.output
    assert Path("locales/article.txt").read_text(encoding="utf-8").startswith(f"[headline] {headline}")
    assert Path("locales/en/LC_MESSAGES/article.po").exists()


def test_malformed_po(translated, run):
    catalog = translated / "locales/en/LC_MESSAGES/article.po"
    text = catalog.read_text(encoding="utf-8")
    catalog.write_text(text.replace('msgctxt "credit"', 'garbage line\nmsgctxt "credit"', 1), encoding="utf-8")
    line = text[: text.index('msgctxt "credit"')].count("\n") + 1
    before = snapshot(translated)
    result = run("translate", "--to", "en")
    one_line_error(result, 4, f"locales/en/LC_MESSAGES/article.po:{line}: malformed PO file: keyword \"garbage\" unknown")
    assert snapshot(translated) == before


def test_po_whose_msgids_no_longer_match_the_source(translated, run):
    before = snapshot(translated)
    result = run("translate", "--to", "en", PAGES / "udn_like.txt")
    one_line_error(result, 4, "this catalog was made from a different article (2 of 34 sentences match); "
                                 "rerun with --accept-large-change")
    assert snapshot(translated) == before


GLOSSARY_ENTRY = '\n[[term]]\nsource = "{source}"\nvariants = []\nen = "{en}"\nja = "{ja}"\ntype = "place"\nnote = ""\n'


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        (GLOSSARY_ENTRY.format(source="千歲", en="Chitose", ja="千歳"), "duplicate term '千歲'"),
        (GLOSSARY_ENTRY.format(source="千歲", en="Chitose City", ja="千歳"),
         "conflicting entries for '千歲': '千歲' → 'Chitose' and '千歲' → 'Chitose City'"),
    ],
)
def test_glossary_with_duplicate_or_conflicting_entries(translated, run, entry, message):
    glossary = translated / "glossary" / "terms.toml"
    glossary.write_text(glossary.read_text(encoding="utf-8") + entry, encoding="utf-8")
    before = snapshot(translated)
    result = run("translate", "--to", "en")
    one_line_error(result, 4, message)
    assert "terms.toml:" in result.output
    assert snapshot(translated) == before


def test_glossary_with_overlapping_entries_uses_the_longest_match(project, installed, run):
    glossary = project / "glossary" / "terms.toml"
    glossary.write_text(glossary.read_text(encoding="utf-8")
                        + GLOSSARY_ENTRY.format(source="北海道千歲", en="Hokkaido's Chitose", ja="北海道千歳"),
                        encoding="utf-8")
    assert run("translate", "--to", "en").exit_code == 0
    import polib

    caption = polib.pofile("locales/en/LC_MESSAGES/article.po").find("caption", by="msgctxt")
    assert "Hokkaido's Chitose市" in caption.msgstr  # 北海道千歲 beat 北海道 + 千歲市 and the echo kept 市


def test_missing_model(project, packages_dir, run):
    one_line_error(run("translate", "--to", "en"), 2, "no translation model installed for zh-Hant → en")
    assert not (project / "locales").exists()


@pytest.mark.parametrize("case", ["corrupt", "no top folder"])
def test_bad_model_packages(packages_dir, package_files, run, tmp_path, case):
    from tests.test_models import BAD_PACKAGES

    make, message = BAD_PACKAGES[case]
    one_line_error(run("models", "install", "--file", make(package_files["zt_en"], tmp_path)), 5, message)
    assert list(packages_dir.iterdir()) == []


def test_read_only_locales(translated, run, tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(SEED.read_text(encoding="utf-8").replace("5兆日圓", "6兆日圓"), encoding="utf-8")
    locales = translated / "locales"
    paths = [locales, *locales.rglob("*")]
    modes = {path: path.stat().st_mode for path in paths}
    for path in paths:
        path.chmod(modes[path] & ~0o222)
    try:
        before = snapshot(translated)
        one_line_error(run("translate", "--to", "en", page), 7, "permission denied")
        assert snapshot(translated) == before
    finally:
        for path in paths:
            path.chmod(modes[path])


def hold_lock(path: Path, seconds: float) -> subprocess.Popen:
    """Another process holding the catalogs' lock, as a concurrent l10n run does."""
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys, time; from filelock import FileLock\n"
         "with FileLock(sys.argv[1]):\n    print('held', flush=True); time.sleep(float(sys.argv[2]))",
         str(path), str(seconds)], stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "held"
    return holder


def test_a_second_run_waits_for_the_first_then_fails_clearly(translated, run, monkeypatch):
    import l10n.pipeline

    lock = translated / "locales" / ".l10n.lock"
    monkeypatch.setattr(l10n.pipeline, "LOCK_TIMEOUT", 0.5)
    holder = hold_lock(lock, 5)
    before = snapshot(translated)
    one_line_error(run("translate", "--to", "en"), 6, "another l10n run is writing")
    assert snapshot(translated) == before
    holder.kill()
    holder.wait()

    # released within the wait: the second run goes ahead
    monkeypatch.setattr(l10n.pipeline, "LOCK_TIMEOUT", 10)
    holder = hold_lock(lock, 1)
    started = time.monotonic()
    assert run("translate", "--to", "en").exit_code == 0
    assert time.monotonic() - started >= 0.5
    holder.wait()


def test_unknown_file_and_bad_option_are_usage_errors(project, run):
    one_line_error(run("extract", "no-such-page.txt"), 3, "no-such-page.txt: no such file")
    assert run("translate", "--to", "fr").exit_code == 2
