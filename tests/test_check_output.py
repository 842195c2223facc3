"""`l10n check` as CI uses it: a new article without references, JSON, JUnit, SARIF, and report agreement."""

from __future__ import annotations

import json
import re
import shutil
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import polib
import pytest

from tests.conftest import REPO
from tests.test_quality import EN_PO, edit, edition  # noqa: F401  (fixture)

KUMAMOTO = Path(__file__).resolve().parent / "data" / "kumamoto"


@pytest.fixture
def new_article(project) -> Path:
    """A daily article with reviewed catalogs and no reference files (tests/data/kumamoto)."""
    from l10n.article import parse_article
    from l10n.segment import segment_article

    locales = project / "locales"
    locales.mkdir()
    shutil.copy(KUMAMOTO / "article.txt", locales / "kumamoto.txt")
    glossary = project / "glossary" / "terms.toml"
    glossary.write_text(glossary.read_text(encoding="utf-8") + "\n" + (KUMAMOTO / "terms.toml").read_text(encoding="utf-8"),
                        encoding="utf-8")
    segments = segment_article(parse_article((KUMAMOTO / "article.txt").read_text(encoding="utf-8"),
                                             path=KUMAMOTO / "article.txt", language="zh-Hant"))
    template = polib.pofile(str(REPO / "locales" / "en" / "LC_MESSAGES" / "article.po"))
    for language in ("en", "ja"):
        rows = (KUMAMOTO / f"{language}.tsv").read_text(encoding="utf-8").splitlines()[1:]
        translations = dict(row.split("\t") for row in rows)
        catalog = polib.POFile(wrapwidth=0)
        catalog.metadata = {**polib.pofile(str(REPO / "locales" / language / "LC_MESSAGES" / "article.po")).metadata,
                            "Project-Id-Version": "kumamoto"}
        for segment in segments:
            catalog.append(polib.POEntry(msgctxt=segment.id, msgid=segment.source, msgstr=translations[segment.source]))
        path = locales / language / "LC_MESSAGES" / "kumamoto.po"
        path.parent.mkdir(parents=True)
        catalog.save(str(path))
    assert template  # the repository's catalogs give the header fields
    return project


def test_a_new_article_without_references_is_checked(new_article, run):
    result = run("check", "--name", "kumamoto", "--to", "en", "--to", "ja")
    assert result.exit_code == 0, result.output
    for language in ("en", "ja"):
        summary = next(line for line in result.output.splitlines() if line.startswith(f"{language}: "))
        assert summary.startswith(f"{language}: ok — 0 errors")
        assert "checks run: header, segments, completeness, glossary, forbidden, added-name, entities" in summary
        assert "skipped: references (no reference file" in summary and "scores (no reference file" in summary


def test_a_new_article_fails_with_named_problems(new_article, run):
    path = Path("locales/ja/LC_MESSAGES/kumamoto.po")
    edit(path, "2024年第4四半期", "2024年第3四半期")
    edit(path, "広がっている。", "広がっています。")
    result = run("check", "--name", "kumamoto", "--to", "ja")
    assert result.exit_code == 1
    lines = path.read_text(encoding="utf-8").splitlines()
    quarter = next(n for n, line in enumerate(lines, 1) if line.startswith("msgid") and "第四季" in line)
    assert f"{path.resolve()}:{quarter}: error: [numbers] number missing: 第四 (#4)\n" in result.output, result.output
    assert "error: [register] です・ます sentence in a だ・である edition" in result.output


def test_json_output(edition, run):  # noqa: F811
    edit(EN_PO, "$12 billion", "$120 billion")
    result = run("check", "--to", "en", "--to", "ja", "--json")
    assert result.exit_code == 1
    report = json.loads(result.output)
    assert report["failed"] is True
    en, ja = report["editions"]
    assert (en["errors"], ja["errors"]) == (1, 0)
    (problem,) = en["problems"]
    assert problem["check"] == "numbers" and problem["segment"] == "s-7b63f5b3" and problem["severity"] == "error"
    assert EN_PO.read_text(encoding="utf-8").splitlines()[problem["line"] - 1].startswith('msgid "源自與IBM的合作')
    assert "scores" in en["checks_run"] and en["scores"]["signature"]["tok"] == "13a"


def test_junit_output(edition, run):  # noqa: F811
    edit(EN_PO, "remains strong.", "remains strong。")
    result = run("check", "--to", "en", "--format", "junit")
    assert result.exit_code == 1
    root = ET.fromstring(result.output)
    (suite,) = root.findall("testsuite")
    assert suite.get("failures") == "1" and int(suite.get("tests")) >= 15
    failed = [case for case in suite.findall("testcase") if case.find("failure") is not None]
    assert [case.get("name") for case in failed] == ["punctuation"]
    assert "CJK punctuation in English text" in failed[0].find("failure").text


def test_sarif_output(edition, run):  # noqa: F811
    edit(EN_PO, "Rapidus CEO Atsuyoshi Koike", "Rapidus CEO Koike")
    result = run("check", "--to", "en", "--format", "sarif")
    assert result.exit_code == 1
    document = json.loads(result.output)
    assert document["version"] == "2.1.0"
    (run_,) = document["runs"]
    rules = {rule["id"] for rule in run_["tool"]["driver"]["rules"]}
    (found,) = run_["results"]
    assert found["ruleId"] == "glossary" and found["ruleId"] in rules and found["level"] == "error"
    location = found["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"].endswith("locales/en/LC_MESSAGES/article.po")
    assert location["region"]["startLine"] == 75


class _Issues(HTMLParser):
    def __init__(self):
        super().__init__()
        self.lines = []

    def handle_starttag(self, tag, attrs):
        if tag == "li" and dict(attrs).get("data-issue"):
            self.lines.append(dict(attrs)["data-issue"])


def test_report_shows_exactly_the_problems_check_finds(edition, run):  # noqa: F811
    edit(EN_PO, "$12 billion", "$120 billion")
    edit(EN_PO, '#: locales/article.txt:7\nmsgctxt "s-fd85f526"', '#: locales/article.txt:7\n#, fuzzy\nmsgctxt "s-fd85f526"')
    edit(Path("locales/references/article.en.tsv"), "in 2027", "in 2026")
    check = run("check", "--to", "en")
    assert check.exit_code == 1
    expected = [line for line in check.output.splitlines() if re.match(r".+:\d*: (error|warning): \[", line)]
    assert len(expected) == 4, check.output  # 120 billion; fuzzy; the reference's 2027 missing and 2026 added
    assert run("report", "--to", "en").exit_code == 0
    parser = _Issues()
    parser.feed(Path("locales/en/article.report.html").read_text(encoding="utf-8"))
    assert sorted(parser.lines) == sorted(expected)


def test_japanese_scores_need_mecab(edition, run, monkeypatch):  # noqa: F811
    monkeypatch.setitem(sys.modules, "MeCab", None)  # as if mecab-python3 were not installed
    score = run("score", "--to", "ja")
    assert score.exit_code == 2
    assert "need the ja-mecab tokenizer" in score.output and "pip install mecab-python3 ipadic" in score.output
    check = run("check", "--to", "ja")
    assert check.exit_code == 1
    assert "error: [scores] Japanese scores need the ja-mecab tokenizer" in check.output
    assert "glossary" in check.output.splitlines()[-1]  # the other checks still ran


def test_report_and_score_on_a_new_article(new_article, run):
    assert run("report", "--name", "kumamoto", "--to", "ja").exit_code == 0
    page = Path("locales/ja/kumamoto.report.html").read_text(encoding="utf-8")
    assert "skipped: references (no reference file" in page and "data-issue" not in page
    score = run("score", "--name", "kumamoto", "--to", "en")
    assert score.exit_code == 4 and score.output.count("\n") == 1
    assert "kumamoto.en.tsv: no reference translations" in score.output


def test_each_quality_command_is_one_library_call():
    import ast
    import inspect

    import l10n.cli
    import l10n.quality

    library = {name for name, value in vars(l10n.quality).items()
               if inspect.isfunction(value) and value.__module__ == "l10n.quality"}
    tree = ast.parse(inspect.getsource(l10n.cli))
    commands = {node.name: node for node in tree.body if isinstance(node, ast.FunctionDef)}
    for name in ("score_command", "check_command", "report_command", "build_command", "tmx_command"):
        calls = [node.func.id for node in ast.walk(commands[name])
                 if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in library]
        assert len(calls) == 1, (name, calls)
    assert not {"score", "check", "report", "build", "tmx"} & set(commands)  # no command shadows a module
