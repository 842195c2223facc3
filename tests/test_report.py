"""`l10n report`: a standalone HTML page, checked in headless Chromium."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import polib
import pytest

from tests.test_quality import edition  # noqa: F401  (fixture)

CHROMIUM, CHROMEDRIVER = shutil.which("chromium"), shutil.which("chromedriver")


@pytest.fixture
def browser():
    if not (CHROMIUM and CHROMEDRIVER):
        if os.environ.get("L10N_REQUIRE_BROWSER"):
            pytest.fail("chromium and chromium-driver are required (make test installs them)")
        pytest.skip("chromium and chromium-driver are not installed")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--window-size=1400,2000"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    yield driver
    driver.quit()


#: Draws a character on a canvas with the page's own font stack and compares it
#: with characters no font has (private use, plane 16): if they look the same,
#: the character came out as a tofu box.
_DRAWS_A_GLYPH = r"""
const draw = (ch, font) => {
  const canvas = document.createElement('canvas'); canvas.width = canvas.height = 40;
  const context = canvas.getContext('2d'); context.font = font; context.fillText(ch, 4, 32);
  return canvas.toDataURL();
};
const font = '28px ' + getComputedStyle(document.body).fontFamily;
const box = draw('\u{10FFFD}', font);
return Array.from(arguments[0]).map(ch => draw(ch, font) !== box && draw(ch, font) !== draw('\u{10FFFC}', font));
"""


def assert_cjk_glyphs(browser, characters: str) -> None:
    """Fails when CJK text renders as tofu (no CJK font installed)."""
    drawn = browser.execute_script(_DRAWS_A_GLYPH, characters)
    missing = [ch for ch, ok in zip(characters, drawn) if not ok]
    assert not missing, f"rendered as boxes, no font: {''.join(missing)} (install fonts-noto-cjk)"


def test_the_glyph_check_sees_tofu(browser, tmp_path):
    page = tmp_path / "tofu.html"
    page.write_text("<!DOCTYPE html><meta charset=utf-8><body>x</body>", encoding="utf-8")
    browser.get(page.as_uri())
    with pytest.raises(AssertionError, match="rendered as boxes"):
        assert_cjk_glyphs(browser, "\U0010fffb")  # private use: no font has it


@pytest.mark.parametrize("language", ["en", "ja"])
def test_report_renders_every_text_in_chromium(edition, installed, run, browser, tmp_path, language):  # noqa: F811
    # Drafts for every segment, then one entry sent back to review: all four columns have content.
    assert run("translate", "--to", language).exit_code == 0
    catalog_path = Path(f"locales/{language}/LC_MESSAGES/article.po")
    catalog = polib.pofile(str(catalog_path), wrapwidth=0)
    catalog.find("s-a3c95efd", by="msgctxt").flags.append("fuzzy")
    catalog.save()

    result = run("report", "--to", language)
    assert result.exit_code == 0, result.output
    page = Path(f"locales/{language}/article.report.html")
    source = page.read_text(encoding="utf-8")
    assert "http://" not in source and "https://" not in source and "<script" not in source

    browser.get(page.resolve().as_uri())
    text = browser.find_element("tag name", "body").text
    browser.save_screenshot(str(tmp_path / f"report-{language}.png"))
    assert (tmp_path / f"report-{language}.png").stat().st_size > 10_000

    rows = Path(f"locales/references/article.{language}.tsv").read_text(encoding="utf-8").splitlines()
    references = [line.split("\t")[2] for line in rows if not line.startswith("#")][1:]
    drafts = polib.pofile(f"locales/drafts/{language}/article.po")
    catalog = polib.pofile(str(catalog_path))
    flat = text.replace("\n", "")
    for entry, reference in zip(catalog, references):
        for expected in (entry.msgctxt, entry.msgid, entry.msgstr, reference,
                         drafts.find(entry.msgctxt, by="msgctxt").msgstr):
            assert expected.replace("\n", "") in flat, (entry.msgctxt, expected)
    assert "fuzzy: " in text and "reviewed\n33" in text and "fuzzy\n1" in text
    assert "BLEU (reviewed)" in text and "chrF (MT drafts)" in text
    assert browser.execute_script("return document.querySelectorAll('mark').length") > 100
    assert browser.execute_script("return document.querySelector('tbody td:nth-child(2)').lang") == "zh-Hant"
    assert browser.execute_script("return document.querySelector('tbody td:nth-child(4)').lang") == language
    assert_cjk_glyphs(browser, "北海道谷體")


@pytest.mark.parametrize("language", ["en", "ja"])
def test_edition_html_opens_in_chromium_with_no_missing_text(edition, run, browser, tmp_path, language):  # noqa: F811
    assert run("build", "--to", language).exit_code == 0
    page = Path(f"locales/{language}/article.html")
    browser.get(page.resolve().as_uri())
    assert browser.execute_script("return document.documentElement.lang") == language
    text = browser.find_element("tag name", "body").text.replace("\n", "")
    browser.save_screenshot(str(tmp_path / f"edition-{language}.png"))
    for entry in polib.pofile(f"locales/{language}/LC_MESSAGES/article.po"):
        assert entry.msgstr in text, entry.msgctxt
    assert "\ufffd" not in text  # no decoding errors
    if language == "ja":
        assert_cjk_glyphs(browser, "北海道千歳ラピダスあ")
