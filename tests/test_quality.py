"""The quality loop: `l10n score`, `l10n check` and `l10n build` on the reviewed editions."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

from l10n.numbers import compare

from tests.conftest import REPO

EN_PO = Path("locales/en/LC_MESSAGES/article.po")
JA_PO = Path("locales/ja/LC_MESSAGES/article.po")


@pytest.fixture
def edition(project) -> Path:
    """The project with this repository's reviewed catalogs, references and gates."""
    shutil.copytree(REPO / "locales", project / "locales", ignore=shutil.ignore_patterns("drafts", "*.mo", "*.html", "*.md"))
    shutil.copy(REPO / "pyproject.toml", project / "pyproject.toml")
    return project


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def test_the_reviewed_editions_pass_the_gate(edition, run):
    result = run("check", "--to", "en", "--to", "ja")
    assert result.exit_code == 0, result.output
    assert "en: ok — 0 errors" in result.output and "ja: ok — 0 errors" in result.output


# (file, old, new, language, the expected line after "path:")
PLANTED = {
    "wrong magnitude": (EN_PO, "$12 billion", "$120 billion", "en",
                        "68: error: [numbers] wrong order of magnitude: 120億美元 (12,000,000,000 USD) appears as "
                        "$120 billion (120,000,000,000 USD)"),
    "term in the Chinese form": (JA_PO, "北海道千歳市で建設が進む", "北海道千歲市で建設が進む", "ja",
                                 "33: error: [glossary] 千歲市 must appear as '千歳市'"),
    "term missing": (EN_PO, "Rapidus CEO Atsuyoshi Koike", "Rapidus CEO Koike", "en",
                     "75: error: [glossary] 小池敦義 must appear as 'Atsuyoshi Koike'"),
    "fuzzy entry": (EN_PO, 'msgctxt "s-a3c95efd"', '#, fuzzy\nmsgctxt "s-a3c95efd"', "en",
                    "103: error: [completeness] fuzzy: not reviewed yet"),
    "CJK punctuation in English": (EN_PO, "remains strong.", "remains strong。", "en",
                                   "102: error: [punctuation] CJK punctuation in English text: '。'"),
    "Japanese sentence without 。": (JA_PO, "根強い。", "根強い", "ja",
                                    "102: error: [punctuation] a Japanese sentence must end with 。"),
}


@pytest.mark.parametrize("defect", sorted(PLANTED))
def test_check_catches_each_planted_defect(edition, run, defect):
    path, old, new, language, line = PLANTED[defect]
    edit(path, old, new)
    result = run("check", "--to", language)
    assert result.exit_code == 1
    assert f"{path.resolve()}:{line}\n" in result.output, result.output


def test_check_catches_translations_swapped_between_segments(edition, run):
    catalog = polib.pofile(str(EN_PO), wrapwidth=0)
    first, second = catalog.find("s-7b63f5b3", by="msgctxt"), catalog.find("s-41d19ce7", by="msgctxt")
    first.msgstr, second.msgstr = second.msgstr, first.msgstr
    catalog.save()
    (Path("locales/references") / "article.en.tsv").unlink()  # caught without references
    result = run("check", "--to", "en")
    assert result.exit_code == 1
    for here, there in (("s-7b63f5b3", "s-41d19ce7"), ("s-41d19ce7", "s-7b63f5b3")):
        line = EN_PO.read_text(encoding="utf-8").splitlines().index(f'msgctxt "{here}"') + 2  # the msgid line
        assert re.search(rf"article.po:{line}: error: \[misplaced\] the names and numbers fit segment {there}",
                         result.output), result.output


def test_check_reports_a_catalog_that_misses_segments(edition, run):
    catalog = polib.pofile(str(JA_PO), wrapwidth=0)
    catalog.remove(catalog.find("credit", by="msgctxt"))
    catalog.save()
    result = run("check", "--to", "ja")
    assert result.exit_code == 1
    assert "article.po: error: [segments] segment credit missing from the catalog" in result.output


@pytest.mark.parametrize("language", ["en", "ja"])
def test_score_equals_the_sacrebleu_command_line(edition, run, tmp_path, language):
    result = run("score", "--to", language, "--json")
    assert result.exit_code == 0, result.output
    (scores,) = json.loads(result.output)
    hyps, refs = tmp_path / "hyp.txt", tmp_path / "ref.txt"
    hyps.write_text("".join(s["hypothesis"] + "\n" for s in scores["segments"]), encoding="utf-8")
    refs.write_text("".join(s["reference"] + "\n" for s in scores["segments"]), encoding="utf-8")
    tokenizer = {"en": "13a", "ja": "ja-mecab"}[language]
    cli = subprocess.run([sys.executable, "-m", "sacrebleu", str(refs), "-i", str(hyps), "-m", "bleu", "chrf", "--tokenize", tokenizer,
                          "--score-only", "--format", "text", "-w", "4"], capture_output=True, text=True, check=True)
    bleu, chrf = (float(value) for value in cli.stdout.split())
    assert round(scores["bleu"], 4) == bleu and round(scores["chrf"], 4) == chrf
    assert scores["signature"]["tok"] == tokenizer and scores["signature"]["nrefs"] == "1"


def test_build_writes_both_editions_from_reviewed_entries(edition, run):
    result = run("build", "--to", "en", "--to", "ja")
    assert result.exit_code == 0, result.output
    html = Path("locales/ja/article.html").read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and '<html lang="ja">' in html and '<meta charset="utf-8">' in html
    assert "<h1>「北海道バレー」でテック集積地を構築へ" in html
    markdown = Path("locales/en/article.md").read_text(encoding="utf-8")
    assert markdown.startswith("# ") and markdown.count("\n\n") == 17  # headline, caption, credit, 15 paragraphs
    import gettext

    with open("locales/en/LC_MESSAGES/article.mo", "rb") as compiled:
        translations = gettext.GNUTranslations(compiled)
    assert translations.pgettext("s-a3c95efd", "然而，外界質疑仍然強烈。") == \
        polib.pofile(str(EN_PO)).find("s-a3c95efd", by="msgctxt").msgstr


def test_fuzzy_drafts_never_leak_into_an_edition(edition, run):
    edit(EN_PO, 'msgctxt "s-a3c95efd"', '#, fuzzy\nmsgctxt "s-a3c95efd"')
    refused = run("build", "--to", "en")
    assert refused.exit_code == 1 and "1 of 34 segments have no reviewed translation" in refused.output
    assert not Path("locales/en/article.html").exists()
    assert run("build", "--to", "en", "--partial").exit_code == 0
    fuzzy_text = polib.pofile(str(EN_PO)).find("s-a3c95efd", by="msgctxt").msgstr
    assert fuzzy_text not in Path("locales/en/article.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("source", "target", "language", "problems"),
    [
        ("獲得120億美元挹注", "received $12 billion", "en", []),
        ("獲得120億美元挹注", "received 120億ドル", "ja", []),
        ("所需的5兆日圓", "the 5 trillion yen it needs", "en", []),
        ("補上4萬名工程師", "fill a gap of 40,000 engineers", "en", []),
        ("補上4萬名工程師", "4万人の技術者", "ja", []),
        ("1/3以上的預算", "more than a third of the budget", "en", []),
        ("1/3以上的預算", "予算の3分の1以上", "ja", []),
        ("百分之十", "10 percent", "en", []),
        ("二〇二七年量產", "mass production in 2027", "en", []),
        ("12至28奈米晶片", "12- to 28-nanometer chips", "en", []),
        ("3到4倍的速度", "three to four times as fast", "en", []),
        ("第2座工廠", "a second plant", "en", []),
        ("數百億美元", "tens of billions of dollars", "en", []),
        ("獲得120億美元挹注", "received $120 billion", "en", ["wrong order of magnitude"]),
        ("所需的5兆日圓", "5 billion yen", "en", ["wrong order of magnitude"]),
        ("補上4萬名工程師", "4000人の技術者", "ja", ["wrong order of magnitude"]),
        ("2奈米晶片", "nanometer chips", "en", ["number missing"]),
        ("在2027年量產", "mass production in 2028", "en", ["number missing", "number not in the source"]),
        ("獲得120億美元挹注", "received 12 billion yen", "en", ["120億美元 is 12,000,000,000 USD, but the translation has 12 billion yen (12,000,000,000 JPY)"]),
        ("數百億美元", "hundreds of billions of dollars", "en", ["wrong order of magnitude"]),
        ("數百億美元", "数百億ドル", "ja", []),
        ("一六七六億日圓", "167.6 billion yen", "en", []),
        ("十一．五％", "11.5%", "en", []),
        ("40年前", "four decades ago", "en", []),
        ("第2座工廠", "two plants", "en", ["number missing"]),
    ],
)
def test_number_fidelity(source, target, language, problems):
    found = [problem.message.split(":")[0] for problem in compare(source, "zh-Hant", target, language)]
    found = [message.split(" (")[0] if message.startswith("number") else message for message in found]
    assert found == problems


def test_gate_fails_an_edition_moved_down_one_segment(edition, run):
    catalog = polib.pofile(str(EN_PO), wrapwidth=0)
    entries = [entry for entry in catalog if not entry.obsolete]
    texts = [entry.msgstr for entry in entries]
    for entry, text in zip(entries, texts[-1:] + texts[:-1]):
        entry.msgstr = text
    catalog.save()
    result = run("check", "--to", "en")
    assert result.exit_code == 1
    assert re.search(r"article.po: error: \[scores\] BLEU \d+\.\d is below the gate 20\.0", result.output)
    assert "[misplaced]" in result.output


def test_drafts_gate(edition, run):
    drafts = Path("locales/drafts/en/article.po")
    drafts.parent.mkdir(parents=True)
    catalog = polib.pofile(str(EN_PO), wrapwidth=0)
    for entry in catalog:
        entry.msgstr = entry.msgid  # an engine that echoes its input
    catalog.save(str(drafts))
    result = run("check", "--to", "en")
    assert result.exit_code == 0 and "skipped: draft-scores (no drafts_min_bleu in [tool.l10n.gates.en])" in result.output
    edit(Path("pyproject.toml"), "[tool.l10n.gates.en]\n", "[tool.l10n.gates.en]\ndrafts_min_bleu = 30\n")
    result = run("check", "--to", "en")
    assert result.exit_code == 1
    assert re.search(r"drafts/en/article.po: error: \[draft-scores\] MT drafts: BLEU \d+\.\d is below the gate 30\.0",
                     result.output), result.output
