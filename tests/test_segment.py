"""Sentence segmentation: punctuation, quotes, numbers, losslessness, stable ids."""

from __future__ import annotations

import pytest

from l10n.article import Article, Block, BlockKind
from l10n.segment import segment_article, split_sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("第一句。第二句！第三句？", ["第一句。", "第二句！", "第三句？"]),
        ("價格為2.5美元。日本1/3以上的預算。", ["價格為2.5美元。", "日本1/3以上的預算。"]),
        ("他強調：「我們能做到。速度是利器。」隨後離開。", ["他強調：「我們能做到。速度是利器。」", "隨後離開。"]),
        ("小池指出：「我們希望再度提供產品。」對日本政府來說，這是賭局。",
         ["小池指出：「我們希望再度提供產品。」", "對日本政府來說，這是賭局。"]),
        ("《晶片法案。》不是句尾（例如。）而是引號內。", ["《晶片法案。》不是句尾（例如。）而是引號內。"]),
        ("真的嗎？！　是的。", ["真的嗎？！　", "是的。"]),
        ("沒有句號的結尾", ["沒有句號的結尾"]),
        ("「沒有結束的引號。後面還有句子。", ["「沒有結束的引號。", "後面還有句子。"]),
        ("Rapidus said so. It will ship 2.5 million chips!", ["Rapidus said so. ", "It will ship 2.5 million chips!"]),
        ("日本の新工場が完成した。量産は2027年だ。", ["日本の新工場が完成した。", "量産は2027年だ。"]),
    ],
)
def test_split_sentences(text, expected):
    assert split_sentences(text) == expected
    assert "".join(split_sentences(text)) == text


def article(*paragraphs: str) -> Article:
    blocks = [Block(BlockKind.HEADLINE, "標題！副標題"), *(Block(BlockKind.PARAGRAPH, p) for p in paragraphs)]
    return Article(tuple(blocks), "zh-Hant")


def test_headline_is_one_segment_named_by_its_role():
    segments = segment_article(article("第一句。"))
    assert [(s.id, s.source) for s in segments][0] == ("headline", "標題！副標題")


def test_ids_survive_edits_elsewhere():
    before = {s.source: s.id for s in segment_article(article("甲句。乙句。", "丙句。"))}
    after = {s.source: s.id for s in segment_article(article("新的一段。", "甲句。乙句改了。", "丙句。"))}
    assert after["甲句。"] == before["甲句。"]
    assert after["丙句。"] == before["丙句。"]
    assert after["乙句改了。"] != before["乙句。"]


def test_repeated_sentences_get_distinct_ids():
    ids = [s.id for s in segment_article(article("對。", "對。"))]
    assert len(set(ids)) == len(ids)
    assert ids[2] == ids[1] + "-2"


def test_segments_know_their_block_and_line():
    segments = segment_article(article("甲句。乙句。", "丙句。"))
    assert [(s.block, s.line) for s in segments] == [(0, 1), (1, 3), (1, 3), (2, 5)]
