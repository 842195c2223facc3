"""Glossary loading, matching, and term locking through a (mis)behaving engine."""

from __future__ import annotations

from pathlib import Path

import pytest

from l10n.errors import DataFileError
from l10n.glossary import load_glossary, lock, restore

from tests.conftest import REPO

GLOSSARY = load_glossary(REPO / "glossary" / "terms.toml")


def found(text: str) -> list[str]:
    return [match.text for match in GLOSSARY.find(text)]


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        ("Rapidus執行長小池敦義表示", ["Rapidus", "小池敦義"]),  # longest match: not 小池
        ("小池強調", ["小池"]),
        ("與北海道大學等機構", ["北海道大學"]),  # not 北海道
        ("千歲市的工廠與千歲的水源", ["千歲市", "千歲"]),
        ("千岁市（简体）", ["千岁市"]),  # Simplified forms are derived by OpenCC
        ("北海道千歳市（日本語の表記）", ["北海道", "千歳市"]),
        ("豐田（Toyota）、軟銀（Softbank）", ["豐田（Toyota）", "軟銀（Softbank）"]),  # glosses absorbed
        ("一個被稱作「北海道谷」（Hokkaido Valley）的聚落", ["「北海道谷」（Hokkaido Valley）"]),
        ("《晶片法案》（CHIPS Act）", ["《晶片法案》（CHIPS Act）"]),
        ("下載新聞雲APP抽獎", []),  # AP is a whole word only
        ("東京威力科創（Tokyo Electron）均在千歲", ["東京威力科創（Tokyo Electron）", "千歲"]),
    ],
)
def test_find(text, terms):
    assert found(text) == terms


def test_every_match_is_disjoint_and_in_order():
    text = (REPO / "l10n" / "data" / "article.txt").read_text(encoding="utf-8")
    matches = GLOSSARY.find(text)
    assert all(a.end <= b.start for a, b in zip(matches, matches[1:]))


def test_lock_then_restore_with_an_echo_engine():
    source = "位於北海道千歲市的Rapidus工廠"
    locked = lock(source, GLOSSARY.find(source))
    assert locked.text == "位於ZQ1 ZQ2的ZQ3工廠"
    restored = restore(locked, locked.text, ["北海道", "千歳市", "ラピダス"])
    assert restored.text == "位於北海道 千歳市的ラピダス工廠"
    assert restored.problems == ()


def test_a_sentence_that_contains_the_placeholder_prefix_gets_another_one():
    source = "型號ZQ1與Rapidus"
    locked = lock(source, GLOSSARY.find(source))
    assert locked.text == "型號ZQ1與QX1"
    assert restore(locked, "Model ZQ1 and QX1", ["Rapidus"]).text == "Model ZQ1 and Rapidus"


@pytest.mark.parametrize(
    ("model_output", "kinds", "expected"),
    [
        # what an engine double returns for "ZQ1表示ZQ2的水源", mistreating placeholders as real models do
        ("ZQ1 said ZQ2 water", [], "Atsuyoshi Koike said Chitose water"),
        ("ZQ1 said water", ["missing"], "Atsuyoshi Koike said water"),
        ("ZQ1 said ZQ2 water, ZQ1 added", ["duplicated"],
         "Atsuyoshi Koike said Chitose water, Atsuyoshi Koike added"),
        ("ZQ1 ZQ1 said ZQ2 water", ["repaired"], "Atsuyoshi Koike said Chitose water"),
        ("ZQ1 said Zq 2 water", ["repaired"], "Atsuyoshi Koike said Chitose water"),
        ("ZQ1 said ZQ2 water ZQ9", ["stray"], "Atsuyoshi Koike said Chitose water"),
        ("said water", ["missing", "missing"], "said water"),
    ],
)
def test_restore_reports_and_repairs(model_output, kinds, expected):
    source = "小池敦義表示千歲的水源"
    locked = lock(source, GLOSSARY.find(source))
    assert locked.text == "ZQ1表示ZQ2的水源"
    restored = restore(locked, model_output, ["Atsuyoshi Koike", "Chitose"])
    assert [problem.kind for problem in restored.problems] == kinds
    assert restored.text == expected
    if kinds == ["missing"]:
        assert restored.problems[0].message == "term missing in MT output: 千歲 → Chitose"


def write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "terms.toml"
    path.write_text(body, encoding="utf-8")
    return path


TERM = '[[term]]\nsource = "{source}"\nvariants = {variants}\nen = "{en}"\nja = "{ja}"\ntype = "place"\n'


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (TERM.format(source="千歲", variants="[]", en="Chitose", ja="千歳") * 2, r"terms.toml:8: duplicate term '千歲'"),
        (TERM.format(source="千歲", variants="[]", en="Chitose", ja="千歳")
         + TERM.format(source="千歳", variants='["千歲"]', en="Chitose City", ja="千歳市"),
         r"conflicting entries for '千歲': '千歲' → 'Chitose' and '千歳' → 'Chitose City'"),
        ('[[term]]\nsource = "千歲"\nen = "Chitose"\ntype = "place"\n', "term '千歲' has no ja form"),
        (TERM.format(source="千歲", variants="[]", en="Chitose", ja="千歳").replace("place", "town"), "has type 'town'"),
        ('[[term]\nsource = "x"\n', r"terms.toml:1: invalid TOML"),
        (TERM.format(source="千歲", variants="[]", en="Chitose", ja="千歳") + 'spelling = "x"\n', "unknown field"),
    ],
)
def test_broken_glossaries_are_reported_with_file_and_line(tmp_path, body, message):
    with pytest.raises(DataFileError, match=message):
        load_glossary(write(tmp_path, body))


def test_overlapping_entries_resolve_to_the_longest_match(tmp_path):
    body = (TERM.format(source="東京", variants="[]", en="Tokyo", ja="東京")
            + TERM.format(source="東京威力", variants="[]", en="TEL", ja="TEL")
            + TERM.format(source="威力科創", variants="[]", en="Electron", ja="エレクトロン"))
    glossary = load_glossary(write(tmp_path, body))
    assert [m.text for m in glossary.find("東京威力科創")] == ["東京威力"]
    assert [m.text for m in glossary.find("是東京的威力科創")] == ["東京", "威力科創"]
