"""Page → article, on the bundled page and pages shaped like other outlets'."""

from __future__ import annotations

from pathlib import Path

import pytest

from l10n.article import BlockKind, format_article, parse_article
from l10n.errors import InputError
from l10n.extract import decode_page, extract_article

from tests.conftest import PAGES, SEED


def extract(data: bytes, name: str = "page"):
    return extract_article(decode_page(data, name=name))


def test_bundled_page_is_reduced_to_the_article():
    result = extract(SEED.read_bytes())
    blocks = result.article.blocks
    kinds = [block.kind for block in blocks]
    assert kinds[:3] == [BlockKind.HEADLINE, BlockKind.CAPTION, BlockKind.CREDIT]
    assert kinds[3:] == [BlockKind.PARAGRAPH] * 15
    # The article's own headline (挹注), not the page title shown above it (砸).
    assert blocks[0].text == "打造「北海道谷」科技聚落！日本挹注數百億美元　盼重拾半導體榮光"
    assert blocks[1].text.startswith("▲ 位於北海道千歲市的Rapidus工廠")
    assert blocks[2].text == "圖文／CTWANT"
    assert blocks[3].text.startswith("以乳製品與四季景觀聞名的日本北海道")
    assert blocks[-1].text.endswith("並再度成為全球市場的強力競爭者。")
    assert result.article.language == "zh-Hant"


@pytest.mark.parametrize(
    "junk",
    ["延伸閱讀", "麥當勞內用杯", "全台詐欺最新數據", "ET快訊", "推薦閱讀", "抽巧克力冒險工廠", "版權所有",
     "日本砸數百億美元", "國際焦點", "手機版", "分享給朋友", "165打詐儀錶板"],
)
def test_bundled_page_leaves_out_page_furniture(junk):
    assert junk not in format_article(extract(SEED.read_bytes()).article)


@pytest.mark.parametrize(
    ("page", "headline", "first_words", "paragraphs", "language"),
    [
        ("udn_like.txt", "台中港擴建碼頭啟用　貨櫃吞吐量估增三成", "台中港務分公司今天宣布", 4, "zh-Hant"),
        ("cna_like.html", "花蓮縣推動災後重建　觀光人潮逐步回流", "（中央社記者張三花蓮20日電）", 4, "zh-Hant"),
        ("simplified.txt", "北京发布新能源汽车充电设施规划　2027年实现乡镇全覆盖", "记者从北京市发展改革委获悉", 3, "zh-Hans"),
    ],
)
def test_other_outlets(page, headline, first_words, paragraphs, language):
    article = extract((PAGES / page).read_bytes(), page).article
    body = article.of_kind(BlockKind.PARAGRAPH)
    assert article.of_kind(BlockKind.HEADLINE)[0].text == headline
    assert body[0].text.startswith(first_words)
    assert len(body) == paragraphs
    assert article.language == language
    text = format_article(article)
    for furniture in ("延伸閱讀", "相關新聞", "相关阅读", "熱門新聞", "版權所有", "首頁", "首页"):
        assert furniture not in text


def test_credit_and_caption_of_other_outlets():
    udn = extract((PAGES / "udn_like.txt").read_bytes()).article
    assert udn.of_kind(BlockKind.CREDIT)[0].text == "2025-11-21 14:05 聯合報／記者林怡君／台中即時報導"
    cna = extract((PAGES / "cna_like.html").read_bytes()).article
    assert cna.of_kind(BlockKind.CAPTION)[0].text.endswith("（中央社記者張三攝　114年11月20日）")
    assert cna.of_kind(BlockKind.CREDIT)[0].text == "（編輯：李四）1141120"  # after the body


def test_html_and_legacy_encodings_come_with_a_notice():
    html = extract((PAGES / "cna_like.html").read_bytes(), "cna.html")
    assert any("HTML page" in notice for notice in html.notices)
    big5 = (PAGES / "udn_like.txt").read_text(encoding="utf-8").replace("©", "(c)").encode("big5")
    decoded = extract(big5, "udn.big5.txt")
    assert any("decoded as big5" in notice for notice in decoded.notices)
    assert decoded.article.of_kind(BlockKind.HEADLINE)[0].text == "台中港擴建碼頭啟用　貨櫃吞吐量估增三成"


@pytest.mark.parametrize(("page", "encoding"), [("cts-ma-dialogue-refusal", "big5"),
                                              ("chinapress-hishammuddin-rulers-1mdb", "gbk"),
                                              ("afpbb-borno-attack", "cp932")])
def test_short_legacy_encoded_scrapes_are_decoded_right(page, encoding):
    """Real scrapes from the evaluation set, re-encoded: a page of one or two
    thousand bytes is too short for a generic detector (one came out as
    EUC-JIS-2004, one as nothing at all)."""
    text = (Path(__file__).parent / "extraction_set" / "text" / "tuned" / f"{page}.txt").read_text(encoding="utf-8")
    text = text.replace("©", "(c)")  # not in the legacy character sets
    decoded = decode_page(text.encode(encoding), name=page)
    assert decoded.text == text
    assert "is not UTF-8" in decoded.notices[0]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "is empty"),
        (b"  \n\n ", "is empty"),
        (bytes(range(256)) * 50, "binary data"),
        ((PAGES / "no_article.txt").read_bytes(), "no article found"),
    ],
)
def test_unusable_pages(data, message):
    with pytest.raises(InputError, match=message):
        extract(data)


def test_cleaned_article_file_round_trips():
    article = extract(SEED.read_bytes()).article
    text = format_article(article)
    assert parse_article(text, path=SEED, language="zh-Hant") == article
    assert text.startswith("[headline] 打造「北海道谷」")


def test_a_paragraph_that_looks_like_a_tag_survives_the_round_trip():
    from l10n.article import Article, Block

    article = Article((Block(BlockKind.PARAGRAPH, "[caption] 這是正文，不是圖說。"),), "zh-Hant")
    assert parse_article(format_article(article), path=SEED, language="zh-Hant") == article


def test_a_five_megabyte_page_is_handled_quickly():
    import time

    filler = "\n".join(f"熱門新聞第{i}則　點我看更多" for i in range(120_000))
    data = (filler + "\n" + SEED.read_text(encoding="utf-8") + "\n" + filler).encode("utf-8")
    assert len(data) > 5_000_000
    started = time.perf_counter()
    article = extract(data).article
    assert article.of_kind(BlockKind.HEADLINE)[0].text.startswith("打造「北海道谷」")
    assert time.perf_counter() - started < 30  # generous: a hang, not a benchmark


def test_bundled_page_extracts_exactly_as_the_committed_article():
    """Extraction changes must not move a reviewed translation: the cleaned
    article and every segment id of the committed catalogs stay as they are."""
    import polib

    from l10n.segment import segment_article
    from tests.conftest import REPO

    article = extract(SEED.read_bytes()).article
    assert format_article(article) == (REPO / "locales" / "article.txt").read_text(encoding="utf-8")
    ids = [segment.id for segment in segment_article(article)]
    for catalog in ("article.pot", "en/LC_MESSAGES/article.po", "ja/LC_MESSAGES/article.po"):
        entries = polib.pofile(str(REPO / "locales" / catalog))
        assert sorted(ids) == sorted(entry.msgctxt for entry in entries if not entry.obsolete), catalog


def test_a_page_declaring_gb2312_may_use_any_gbk_character():
    """As browsers read it: 镕 and 喆 are GBK, not GB 2312."""
    html = ("<html><head><meta charset='gb2312'><title>朱镕基与张喆出席会议</title></head><body>"
            "<h1>朱镕基与张喆出席会议</h1><p>新华社北京电，朱镕基与张喆今天出席会议，会议讨论了经济发展和社会民生等重要议题。</p>"
            "</body></html>").encode("gbk")
    decoded = decode_page(html, name="gbk.html")
    assert "朱镕基与张喆出席会议" in decoded.text and decoded.encoding == "gb2312"
