"""Extraction by structure: HTML markup, text-scrape rules, the language check
and the cost on big pages. The pages in tests/markup_pages/ are hand-made
(written by an assistant), one per situation the issue describes."""

from __future__ import annotations

import difflib
import time
from pathlib import Path

import pytest

from l10n.article import Block, BlockKind, format_article
from l10n.errors import InputError
from l10n.extract import decode_page, extract_article, identify_language
from l10n.html import strip_site_name
from l10n.lines import text_blocks

MARKUP = Path(__file__).resolve().parent / "markup_pages"


def extract(data: bytes, name: str = "page"):
    return extract_article(decode_page(data, name=name)).article


def kinds_and_texts(article) -> list[tuple[str, str]]:
    return [(block.kind.value, block.text) for block in article.blocks]


def test_wire_story_under_a_consent_banner_and_language_bar():
    article = extract((MARKUP / "wire_with_banner.html").read_bytes())
    assert kinds_and_texts(article) == [
        ("headline", "立法院三讀通過海洋污染防治法修正案"),
        ("paragraph", "（東亞社記者林大明台北20日電）立法院今天三讀通過海洋污染防治法修正草案，提高船舶排放油污的罰鍰上限，"
                      "並要求港口設置廢油回收設施，環境部表示將在半年內訂定相關子法。"),
    ]


def test_block_structure_subheadings_captions_and_boxes():
    article = extract((MARKUP / "feature_blocks.html").read_bytes())
    blocks = kinds_and_texts(article)
    # the visible headline (an <h2>, the <h1> is the site logo), not og:title's rewording
    assert blocks[0] == ("headline", "高雄港邊的舊倉庫變身藝文基地")
    assert blocks[1] == ("credit", "記者陳小華／高雄報導")
    assert blocks[2] == ("caption", "駁二藝術特區的倉庫外牆繪上大型壁畫。（圖／南方日報資料照）")
    body = [text for kind, text in blocks if kind == "paragraph"]
    assert len(body) == 7  # two display:block spans, two <br> runs, three <p>
    assert body[2] == "這些倉庫建於日治時期，原本用來存放砂糖與香蕉，隨著港口貨運轉型而逐漸荒廢。"
    assert body[3].startswith("二〇〇〇年代初期")
    assert "「這裡讓我們有機會被看見。」" in body  # a one-sentence quote is a paragraph
    assert [text for kind, text in blocks if kind == "subheading"] == ["從貨運倉庫到展演空間", "青年創作者進駐"]
    assert [text for kind, text in blocks if kind == "caption"][1] == "年輕創作者在工作室內製作陶藝作品。（圖／記者陳小華攝）"
    assert blocks[-1] == ("paragraph", "不過，部分居民也反映假日停車不易，市府表示將在明年增設接駁公車路線。")
    text = format_article(article)
    for furniture in ("分享到臉書", "小", "廣告", "延伸閱讀", "駁二假日人潮", "下載南方日報App", "安心專線", "熱門新聞",
                      "南方日報\n", "首頁"):
        assert furniture not in text.replace("小華", "").replace("小時", "")


@pytest.mark.parametrize(
    ("title", "site", "expected"),
    [
        ("立法院三讀通過海洋污染防治法修正案 - 東亞通訊社", (), "立法院三讀通過海洋污染防治法修正案"),
        ("高雄港邊的舊倉庫變身藝文基地｜生活｜南方日報", ("南方日報",), "高雄港邊的舊倉庫變身藝文基地"),
        ("花蓮縣推動災後重建　觀光人潮逐步回流 | 中央社 CNA", (), "花蓮縣推動災後重建　觀光人潮逐步回流"),
        ("台積電：明年資本支出持平", (), "台積電：明年資本支出持平"),  # a colon inside the headline stays
        ("自由電子報 - 果汁？啤酒？難分 「飲誘」青少年", (), "果汁？啤酒？難分 「飲誘」青少年"),  # the site in front
        ("快訊 - 颱風海葵登陸 全台停班停課", ("快訊",), "颱風海葵登陸 全台停班停課"),
        ("全台停班停課 - 自由時報電子報", (), "全台停班停課"),  # a short headline before a longer site name
        ("廉署貪污舉報今年跌11%- 星島日報網頁", (), "廉署貪污舉報今年跌11%"),  # no space before the dash
        # a short headline, then the section and the site: not "Site | Headline"
        ("如何推動區域經貿合作 | ETtoday論壇新聞 | ETtoday 新聞雲", ("ETtoday 新聞雲",), "如何推動區域經貿合作"),
        ("焦點不是我！蔡英文視察台東　臉書照片藏玄機│TVBS新聞網", (), "焦點不是我！蔡英文視察台東　臉書照片藏玄機"),  # a box-drawing bar
    ],
)
def test_site_name_is_stripped_from_the_title(title, site, expected):
    assert strip_site_name(title, site) == expected


def test_declared_headline_when_no_heading_shows_it():
    html = ("<html><head><title>風電產業鏈在地化 - 能源週報</title>"
            '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "風電產業鏈在地化進度落後"}</script>'
            "</head><body><div><p>經濟部今天公布離岸風電國產化的最新檢討報告，多項關鍵零組件的在地生產進度落後原訂時程。</p>"
            "<p>業者表示，供應鏈需要更長的時間建立，希望政府調整相關規定。</p></div></body></html>")
    article = extract(html.encode())
    assert article.blocks[0].kind is BlockKind.HEADLINE
    assert article.blocks[0].text == "風電產業鏈在地化進度落後"


# -- text scrapes -----------------------------------------------------------------------

TEXT_PAGE = """首頁 | 國際 | 財經
分享
國際新聞
日本央行維持利率不變　市場關注明年升息時點
2025-11-20 14:00
翻譯／王小美
▲日本央行總裁在記者會上說明貨幣政策。（圖／路透）
▲日本央行總裁在記者會上說明貨幣政策。（圖／路透）
（法新社東京20日電）日本央行今天結束為期兩天的貨幣政策會議，決定維持短期利率不變，符合市場預期。
央行表示，國內薪資與物價的良性循環正在形成，但海外經濟的不確定性仍高，需要更多時間觀察。
廣告
政策走向
分析師指出，若明年春季勞資談判的加薪幅度延續今年水準，央行可能在上半年再度升息。
「我們會謹慎判斷。」
（編輯：李大同）
延伸閱讀
日圓貶值　出口商獲利創新高
"""


def test_text_scrape_credits_captions_subheadings_and_ad_breaks():
    blocks = [(b.kind.value, b.text) for b in text_blocks([line for line in TEXT_PAGE.splitlines() if line])]
    assert blocks == [
        ("headline", "日本央行維持利率不變　市場關注明年升息時點"),
        ("credit", "翻譯／王小美"),
        ("caption", "▲日本央行總裁在記者會上說明貨幣政策。（圖／路透）"),  # shown twice, kept once
        ("paragraph", "（法新社東京20日電）日本央行今天結束為期兩天的貨幣政策會議，決定維持短期利率不變，符合市場預期。"),
        ("paragraph", "央行表示，國內薪資與物價的良性循環正在形成，但海外經濟的不確定性仍高，需要更多時間觀察。"),
        ("subheading", "政策走向"),
        ("paragraph", "分析師指出，若明年春季勞資談判的加薪幅度延續今年水準，央行可能在上半年再度升息。"),
        ("paragraph", "「我們會謹慎判斷。」"),
        ("credit", "（編輯：李大同）"),
    ]


# -- language ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "tag"),
    [
        ("以乳製品與四季景觀聞名的日本北海道，如今正悄悄轉型為該國下一個科技戰略重鎮。", "zh-Hant"),
        ("北京市近日印发新能源汽车充电基础设施建设规划，提出到2027年底实现乡镇全覆盖。", "zh-Hans"),
        ("６月12日の歴史的な米朝首脳会談を巡って戦っていたのは、米大統領のトランプだけではなかった。", "ja"),
        ("The port authority said the terminal would open on Thursday, adding capacity for the region.", "en"),
        ("부산항만공사는 목요일 일곱 번째 컨테이너 터미널을 개장했다고 밝혔다.", "ko"),
        ("Le port de Kaohsiung a ouvert un nouveau terminal pour les conteneurs de la région.", "fr"),
        ("Порт Гаосюн открыл новый контейнерный терминал в четверг.", "ru"),
    ],
)
def test_identify_language(text, tag):
    assert identify_language(text)[0] == tag


def test_a_chinese_page_with_an_english_menu_is_chinese():
    menu = "Home News Business World Sport Technology Science Health Travel Opinion Video " * 5
    assert identify_language(menu + "\n" + "台中港務分公司今天宣布新建的第四十六號碼頭正式啟用，預計每年可增加約三十萬個標準貨櫃。" * 2)[0] == "zh-Hant"


@pytest.mark.parametrize(
    ("page", "language"), [("english.html", "English (en)"), ("english.txt", "English (en)"), ("korean.txt", "Korean (ko)")]
)
def test_a_page_in_another_language_is_refused_through_the_cli(run, tmp_path, page, language):
    result = run("extract", "--stdout", MARKUP / page)
    assert result.exit_code == 3, result.output
    assert result.output == (
        f"error: {MARKUP / page} is in {language}; l10n translates from Traditional Chinese (zh-Hant), "
        "Simplified Chinese (zh-Hans), Japanese (ja)\n")


def test_the_source_language_option_overrides_the_check():
    page = decode_page((MARKUP / "english.html").read_bytes(), name="english.html")
    with pytest.raises(InputError, match="is in English"):
        extract_article(page)
    extraction = extract_article(page, language="zh-Hant")
    assert any("looks like en" in notice for notice in extraction.notices)


# -- cost -------------------------------------------------------------------------------

LONG_SENTENCE = "第{}段，這是一個很短的段落，但是句子夠長才算是正文的一部分。"


def _text_page(paragraphs: int) -> bytes:
    return ("標題測試用的新聞頁面標題\n" + "\n".join(LONG_SENTENCE.format(i) for i in range(paragraphs))).encode()


def _html_page(paragraphs: int) -> bytes:
    body = "".join(f"<p>{LONG_SENTENCE.format(i)}</p>" for i in range(paragraphs))
    return (f"<html><head><title>標題測試用的新聞頁面標題</title></head><body><h1>標題測試用的新聞頁面標題</h1>"
            f"<div>{body}</div></body></html>").encode()


@pytest.mark.parametrize("make", [_text_page, _html_page], ids=["text", "html"])
def test_twenty_thousand_short_paragraphs_are_linear(make, monkeypatch):
    """No pairwise comparison of lines: difflib sees a bounded amount of text
    whatever the page size, and the time per paragraph stays flat."""
    compared = []
    real = difflib.SequenceMatcher

    def counting(isjunk=None, a="", b="", autojunk=True):
        compared.append(len(a) + len(b))
        return real(isjunk, a, b, autojunk)

    monkeypatch.setattr(difflib, "SequenceMatcher", counting)
    timings = {}
    for paragraphs in (2_000, 20_000):
        started = time.perf_counter()
        article = extract(make(paragraphs))
        timings[paragraphs] = time.perf_counter() - started
        assert len(article.of_kind(BlockKind.PARAGRAPH)) == paragraphs
    assert sum(compared) < 100_000
    # ten times the paragraphs: a linear cost is ~10×, a quadratic one ~100×
    assert timings[20_000] < 30 * max(timings[2_000], 0.05)


def test_a_five_megabyte_html_page_is_handled_quickly():
    links = "".join(f"<li><a href='/n/{i}'>熱門新聞第{i}則　點我看更多</a></li>" for i in range(70_000))
    page = (MARKUP / "feature_blocks.html").read_text(encoding="utf-8")
    data = page.replace('<aside class="sidebar">', f'<ul class="list">{links}</ul><aside class="sidebar">').encode()
    assert len(data) > 5_000_000
    started = time.perf_counter()
    article = extract(data)
    assert article.blocks[0].text == "高雄港邊的舊倉庫變身藝文基地"
    assert time.perf_counter() - started < 20  # about 3 s here; generous for a loaded machine


def test_corpus_metadata_prefix_is_set_aside():
    record = ["title: 日本央行維持利率不變", "url: https://example.com/news/1", "date: 2025-11-20",
              "（法新社東京20日電）日本央行今天結束為期兩天的貨幣政策會議，決定維持短期利率不變，符合市場預期。",
              "央行表示，國內薪資與物價的良性循環正在形成，但海外經濟的不確定性仍高，需要更多時間觀察。"]
    blocks = [(b.kind.value, b.text) for b in text_blocks(record)]
    assert blocks[0] == ("headline", "日本央行維持利率不變")
    assert [kind for kind, _ in blocks[1:]] == ["paragraph", "paragraph"]


def test_a_person_declared_as_author_in_json_ld_is_the_credit_line():
    html = ("<html><head><title>風電產業鏈在地化進度落後 | 能源週報</title>"
            '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "風電產業鏈在地化進度落後",'
            ' "author": [{"@type": "Person", "name": "林小雨"}, {"@type": "Organization", "name": "能源週報"}]}</script>'
            "</head><body><div class='head'><h1>風電產業鏈在地化進度落後</h1><div class='info'>林小雨</div>"
            "<div class='info'>能源週報</div></div><div><p>經濟部今天公布離岸風電國產化的最新檢討報告，多項關鍵零組件的在地生產進度落後原訂時程。</p>"
            "<p>業者表示，供應鏈需要更長的時間建立，希望政府調整相關規定。</p></div></body></html>")
    assert [(b.kind.value, b.text) for b in extract(html.encode()).blocks[:3]] == [
        ("headline", "風電產業鏈在地化進度落後"), ("credit", "林小雨"),
        ("paragraph", "經濟部今天公布離岸風電國產化的最新檢討報告，多項關鍵零組件的在地生產進度落後原訂時程。")]


@pytest.mark.parametrize(
    ("line", "credit"),
    [
        ("記者王小明／台北報導", True), ("（中央社記者張三台北20日電）", True), ("編譯／李小華", True),
        ("翻譯：陳大文", True), ("圖文／CTWANT", True), ("（法新社）", True), ("【新華社】", True),
        ("責任編輯：王五", True), ("编辑 周褶褶 ｜ 排版 魏蔚", True), ("澎湃新闻记者 贺梨萍", True),
        ("編集委員　中沢克二", True), ("2025-11-21 14:05 聯合報／記者林怡君／台中即時報導", True),
        ("2024-05-20 09:47:48 來源：北京商報", False),  # date and source, no one credited
        ("文化部今天表示，將推動新的補助計畫。", False), ("國際焦點", False),
    ],
)
def test_credit_lines(line, credit):
    from l10n.lines import is_credit

    assert is_credit(line) is credit


# -- generalisation: shapes found on outlets the rules were not written for ----------

STORY = ("新北市新店區今天下午發生墜樓案件，一名男子疑似與家人爭吵後不慎從住家頂樓墜落，"
         "警消到場時已無生命跡象，送醫急救仍宣告不治。")


def test_a_page_wrapped_in_one_form_is_not_furniture():
    """ASP.NET pages put the whole page, headline and body, inside one <form>."""
    html = ("<html><head><title>男子墜樓送醫不治 | 東亞新聞網</title></head><body>"
            "<div class='privacy-bar'><p>本站使用技術改善使用者體驗，也尊重您的隱私權，特別提出聲明，請您了解。</p></div>"
            f"<form id='form1'><h1>男子墜樓送醫不治</h1><article><p>{STORY}</p>"
            "<p>警方表示，將調閱監視器畫面並訊問家屬，以釐清事發經過。</p></article></form></body></html>")
    assert kinds_and_texts(extract(html.encode())) == [
        ("headline", "男子墜樓送醫不治"), ("paragraph", STORY),
        ("paragraph", "警方表示，將調閱監視器畫面並訊問家屬，以釐清事發經過。")]


def test_related_teasers_in_a_list_do_not_outweigh_a_one_paragraph_story():
    teaser = "<li><h4><a href='/n/{0}'>相關新聞標題第{0}則</a></h4><p>{1}</p></li>"
    summary = "這是一則相關新聞的摘要，內容比本文還要長一些，會出現在頁面下方的推薦清單裡，讀者點選後會前往另一篇報導的頁面繼續閱讀。"
    html = ("<html><head><meta property='og:title' content='男子墜樓送醫不治'></head><body>"
            f"<article><h1>男子墜樓送醫不治</h1><div class='body'><p>{STORY}</p></div></article>"
            f"<ul class='stream'>{''.join(teaser.format(i, summary) for i in range(5))}</ul></body></html>")
    assert kinds_and_texts(extract(html.encode())) == [("headline", "男子墜樓送醫不治"), ("paragraph", STORY)]


def test_the_shown_title_is_the_declared_one_without_a_glued_site_name():
    html = ("<html><head><title>男子墜樓送醫不治-東亞新聞網</title></head><body>"
            f"<div class='title'>男子墜樓送醫不治</div><div><p>{STORY}</p></div></body></html>")
    assert extract(html.encode()).blocks[0] == Block(BlockKind.HEADLINE, "男子墜樓送醫不治")


def test_text_scrape_language_bar_and_newsletter_box():
    """A one-paragraph wire story under a language-switch bar, and a newsletter
    box between two paragraphs of another story."""
    bar = ["男子墜樓送醫不治", "Your browser does not appear to support Traditional Chinese. Would you like to go to the English site?",
           "こちらのページは繁体字版です。日本語版に移動しますか。", STORY, "熱門新聞", "首頁"]
    assert [(b.kind.value, b.text) for b in text_blocks(bar)] == [("headline", "男子墜樓送醫不治"), ("paragraph", STORY)]
    second = "警方表示，將調閱監視器畫面並訊問家屬，以釐清事發經過，並呼籲民眾注意居家安全。"
    boxed = ["男子墜樓送醫不治", STORY, "訂閱《社會新聞》電子報 第一手掌握最新消息", "請輸入正確的電子信箱格式", "訂閱",
             "感謝您的訂閱!", second]
    assert [b.text for b in text_blocks(boxed)] == ["男子墜樓送醫不治", STORY, second]


def test_a_short_story_under_its_headline_beats_longer_rules_below_without_class_names():
    rules = "".join(f"<p>留言規則第{i}條：請勿發表涉及攻擊、侮辱或影射他人的內容，違者將移除留言並停權，情節重大者將依法處理。</p>"
                    for i in range(4))
    html = ("<html><head><meta property='og:title' content='男子墜樓送醫不治'></head><body>"
            f"<div><div><h1>男子墜樓送醫不治</h1><div><p>{STORY}</p></div></div></div>"
            f"<div><div><div>{rules}</div></div></div></body></html>")
    assert kinds_and_texts(extract(html.encode())) == [("headline", "男子墜樓送醫不治"), ("paragraph", STORY)]


def test_a_page_declaring_no_headline_shows_it_as_its_nearest_heading():
    html = ("<html><body><header><h1>東亞新聞網</h1></header><h3>社會</h3><h2>男子墜樓送醫不治</h2>"
            f"<div><p>{STORY}</p></div></body></html>")
    assert extract(html.encode()).blocks[0] == Block(BlockKind.HEADLINE, "男子墜樓送醫不治")


def test_a_lead_box_under_the_headline_starts_the_body_it_does_not_replace_it():
    """A standfirst in its own box beside the headline, the body in another
    box below (Oriental Daily's leadin): the story is both."""
    lead = "大鼠和新冠肺炎夾擊，家庭主婦到街市買餸高危，隨時連菜帶毒回家傳家人！街市停市三日大清洗後昨重開，但衞生環境依然惡劣。"
    body = [f"第{i}段：記者昨日到街市視察，發現人流不多，重開首日營業的檔舖不多，只有數海鮮檔及乾貨店開門營業。" for i in range(5)]
    html = ("<html><head><meta property='og:title' content='街市重開 鼠患不改 - 日報'></head><body>"
            f"<div id='top'><div id='leadin'><h1>街市重開 鼠患不改</h1><div class='leadin'><p>{lead}</p></div></div></div>"
            "<div id='content'><div id='content-right'>" + "".join(f"<p>{p}</p>" for p in body[:2])
            + "<h3>清洗後仍有爛蔬果</h3>" + "".join(f"<p>{p}</p>" for p in body[2:]) + "</div></div></body></html>")
    assert kinds_and_texts(extract(html.encode())) == [
        ("headline", "街市重開 鼠患不改"), ("paragraph", lead), ("paragraph", body[0]), ("paragraph", body[1]),
        ("subheading", "清洗後仍有爛蔬果"), *[("paragraph", p) for p in body[2:]]]


def test_a_promotion_above_the_body_in_the_same_wrapper_is_not_the_story_start():
    """Sina's campaign line sits in its own box above the body's box, both in
    the article wrapper; the wrapper below holds a teaser and a follow-us box."""
    body = [f"新京报快讯（记者 王某）今日第{i}次有网友爆料，有60万个账号和410万条联系人数据在暗网低价出售，铁路部门回应称消息不实。"
            for i in range(3)]
    html = ("<html><head><meta property='og:title' content='60万账号外泄？辟谣称消息不实|新浪财经'></head><body>"
            "<h1>60万账号外泄？辟谣称消息不实</h1><div class='article-content'>"
            "<div class='new_style_article'><p>“只有潮水退了才知道谁在裸泳”，一张榜单尽显中国经济的大事与大势！年度人物评选火热进行中！【点击投票】</p></div>"
            "<div class='article'>" + "".join(f"<p>{p}</p>" for p in body) + "</div>"
            "<div class='wx-info'><p>24小时滚动播报最新的财经资讯和视频，更多粉丝福利扫描二维码关注（sinafinance）</p></div>"
            "</div></body></html>")
    assert kinds_and_texts(extract(html.encode())) == [
        ("headline", "60万账号外泄？辟谣称消息不实"), *[("paragraph", p) for p in body]]


def test_a_title_wrapped_in_the_site_name_and_marked_subheadings():
    """成報: <title> is "Outlet(Headline )", the headline a table cell, and
    subheadings are short body lines led by a section mark (#, ■, ◆)."""
    headline = "美國擴「潔淨網絡」 中國不可信程式須下架"
    body = [f"【本報記者報道】第{i}段：美國國務卿宣布擴大「潔淨網絡」行動，以保護美國的通訊及科技基建，不受外國影響，涉及五個領域。"
            for i in range(4)]
    html = (f"<html><head><title>成報新聞({headline} )</title></head><body><table><tr><td class='news_title'>{headline}</td></tr>"
            "<tr><td class='date'>發佈日期 : 2020-08-07</td></tr></table><table><tr><td>"
            f"<p>{body[0]}</p><p>#國務卿：不被惡意者侵入</p><p>{body[1]}</p><p>■保護國民敏感個人資料</p><p>{body[2]}</p><p>{body[3]}</p>"
            "</td></tr></table></body></html>")
    assert kinds_and_texts(extract(html.encode())) == [
        ("headline", headline), ("paragraph", body[0]), ("subheading", "#國務卿：不被惡意者侵入"), ("paragraph", body[1]),
        ("subheading", "■保護國民敏感個人資料"), ("paragraph", body[2]), ("paragraph", body[3])]


def test_text_scrape_subheadings_led_by_a_section_mark():
    paragraphs = [f"第{i}段：美國國務卿宣布擴大行動，以保護美國的通訊及科技基建，不受外國影響，涉及五個領域，各界關注。" for i in range(3)]
    lines = ["美國擴大潔淨網絡計劃　限制外國雲端服務", paragraphs[0], "■保護國民敏感個人資料", paragraphs[1],
             "◆外交部：反對排擠", paragraphs[2]]
    assert [(b.kind.value, b.text) for b in text_blocks(lines)] == [
        ("headline", lines[0]), ("paragraph", paragraphs[0]), ("subheading", lines[2]), ("paragraph", paragraphs[1]),
        ("subheading", lines[4]), ("paragraph", paragraphs[2])]


def test_text_scrape_paragraphs_that_introduce_a_quote_or_run_on_past_a_line_break():
    """ifeng: a paragraph ends in ： before the quote it introduces, or in ，
    where the page broke it for a photo; a quote closes after a space (。 ”)."""
    p = [f"第{i}段：陈校长一共带出了12届宏志班，招收的951名学生全部考上大学，家长们都说这是改变命运的机会。" for i in range(3)]
    intro = "这些学生们从没有听过的活动，给他们打开了一扇人生的新大门。经常有学生给陈校长写信："
    quote = "“给钱总是要花光的，给物资总是要用完的，唯有把孩子培养好，才能使贫困不会成为世袭。 ”"
    run_on = "有一次高中放假，陈校长送他回家，一眼看去房子没了，墙全倒了，什么都没了。陈校长走过来拍着他的肩说，"
    lines = ["他放弃百万年薪来到这里　唯一的要求是宏志班", p[0], intro, quote, p[1], run_on, "“房子倒了，人还在，书还要读下去。”", p[2]]
    assert [(b.kind.value, b.text) for b in text_blocks(lines)] == [
        ("headline", lines[0]), *[("paragraph", line) for line in lines[1:]]]


def test_a_lead_in_a_box_of_its_own_without_class_names_goes_on_in_the_body_box():
    """Apple Daily HK: the lead paragraph and the rest of the story sit in two
    look-alike boxes; the rest shares the headline's words, comment rules would not."""
    lead = "【本報訊】板前壽司創辦人之一鄭威濤，因品牌糾紛遭股東入稟索償，更就賠償金額未有定案而纏訟多時，高院昨繼續審理。"
    body = [f"第{i}段：鄭威濤昨乘私人座駕到高院出庭，雖然天氣已回暖，但鄭仍身穿厚長外套，繫上頸巾，面容略見憔悴，並帶同三個保溫瓶。"
            for i in range(5)]
    box = "<div class='outer'><div class='content'><div class='inner'>{}</div></div></div>"
    html = ("<html><head><title>患癌鄭威濤帶三保溫瓶出庭 | 日報</title></head><body>"
            "<table><tr><td><h1>患癌鄭威濤帶三保溫瓶出庭</h1></td></tr></table><div class='article'>"
            + box.format(f"<p>{lead}</p>") + box.format("<h2>稱曾赴日接受治療</h2><p>" + "<br>".join(body) + "</p>")
            + "</div></body></html>")
    assert kinds_and_texts(extract(html.encode())) == [
        ("headline", "患癌鄭威濤帶三保溫瓶出庭"), ("paragraph", lead), ("subheading", "稱曾赴日接受治療"),
        *[("paragraph", p) for p in body]]


def test_a_list_articles_items_without_sentence_punctuation_are_kept():
    """Eastday: a list of offers between the story's paragraphs, one field per
    line, none a sentence; links and dates in the body's box stay out."""
    intro = "5月19日是中国旅游日，本市超过60家景区将在这个周末推出门票半价优惠，市民游客可以在现场购票时享受。"
    outro = "以上景区的优惠以各景区现场公告为准，市民游客出行前可拨打咨询电话了解详情，并注意错峰出行。"
    items = ["门票半价优惠景点", "1、上海东方明珠广播电视塔", "成人票原价：279元", "游客咨询电话：58792888",
             "2、上海野生动物园", "成人票原价：165元"]
    html = ("<html><head><title>超60家景区推门票半价_新闻</title></head><body><h1>超60家景区推门票半价</h1>"
            f"<div class='article'><p>{intro}</p>" + "".join(f"<p>{item}</p>" for item in items)
            + "<p><a href='/more'>更多旅游资讯</a></p><p>2019-05-17 10:20</p>"
            f"<p>{outro}</p></div></body></html>")
    assert kinds_and_texts(extract(html.encode())) == [
        ("headline", "超60家景区推门票半价"), ("paragraph", intro), *[("paragraph", item) for item in items],
        ("paragraph", outro)]


def test_sohu_style_tail_a_link_glued_to_the_credit_an_empty_editor_field_and_a_platform_disclaimer():
    body = [f"第{i}段：布伦森在第三节一次突破时被对手撞到左手，随后提前离场，赛后球队确认他遭遇左手骨折，预计缺席数周。"
            for i in range(3)]
    html = ("<html><head><title>布伦森遭遇左手骨折_手机搜狐网</title></head><body><h1>布伦森遭遇左手骨折</h1><article>"
            + "".join(f"<p>{p}</p>" for p in body)
            + "<p>（编辑：小何）<a href='/'>返回搜狐，查看更多</a></p><p>责任编辑：</p>"
            "<p>平台声明：该文观点仅代表作者本人，搜狐号系信息发布平台，搜狐仅提供信息存储空间服务。</p></article></body></html>")
    assert kinds_and_texts(extract(html.encode())) == [
        ("headline", "布伦森遭遇左手骨折"), *[("paragraph", p) for p in body], ("credit", "（编辑：小何）")]


def test_the_headline_in_the_article_box_is_not_its_first_paragraph():
    """明日大盘: the title is a <div> inside the article box, with a colon in
    it, and <title> puts a column name before it."""
    body = "联合国贸发会议发布了《2019年贸易和发展报告》，报告预计今年全球经济增长率将降至2.3%，为近十年来最低水平。"
    html = ("<html><head><title>明日股市预测--最新出炉联合国贸发报告：全球经济增长率降至2.3%</title></head><body>"
            "<div class='page-article'><div class='title-text'>最新出炉联合国贸发报告：全球经济增长率降至2.3%</div>"
            f"<div class='title-meta'>发布时间： 2019-09-26 10:09:11</div><div class='content'>{body}</div></div></body></html>")
    assert kinds_and_texts(extract(html.encode())) == [
        ("headline", "最新出炉联合国贸发报告：全球经济增长率降至2.3%"), ("paragraph", body)]


def test_text_scrape_headline_above_its_date_before_a_photo_carousel_and_a_desk_sign_off():
    """成報: headline, date line, then a carousel's cut-off captions (one shown
    twice, not in a row); the first paragraph ends with the desk's sign-off."""
    headline = "輕鐵屯門泳池站月台沉降 驚見石屎躉「離地」60毫米"
    first = "港鐵再爆出鐵路站月台沉降事件，大批港鐵職員日前到輕鐵屯門泳池站檢測，月台與地盤之間的石屎躉懷疑因沉降「離地」。 本報港聞部報道"
    rest = [f"第{i}段：港鐵昨日回覆查詢時承認輕鐵屯門泳池站出現沉降，指出車站旁的地盤施工，已將有關數據通報屋宇署跟進。" for i in range(3)]
    lines = ["即時新聞 視頻新聞 要聞港聞", headline, "發佈日期 : 2018-08-02", "港鐵強調輕鐵屯門泳池站月台結構、路軌及鐵路設施符",
             "輕鐵屯門泳池站出現沉降，毗鄰地盤並未暫停工", "港鐵強調輕鐵屯門泳池站月台結構、路軌及鐵路設施符", first, *rest,
             "您可能有興趣:", "1", headline]
    blocks = [(b.kind.value, b.text) for b in text_blocks(lines)]
    assert blocks[0] == ("headline", headline)
    assert [text for kind, text in blocks if kind == "paragraph"] == [first, *rest]


def test_text_scrape_file_photo_label_and_a_paragraph_whose_last_sentence_lost_its_full_stop():
    paragraphs = [f"第{i}段：衞生防護中心今日公布新增89宗確診個案，其中本地個案佔大多數，源頭不明個案持續增加，情況令人憂慮。"
                  for i in range(2)]
    unstopped = ("在本地個案中，49宗個案與其他確診者有關，40人是經家庭聚會、飯局感染，32宗為源頭不明個案。"
                 "另有一名的士司機確診（個案編號：3991) ，亦有一名檢疫營的工作人員確診（個案編號：3860)")
    lines = ["本港增89宗確診32宗源頭不明 直銷公司群組再多5宗", "資料圖片", paragraphs[0], unstopped, paragraphs[1]]
    assert [(b.kind.value, b.text) for b in text_blocks(lines)] == [
        ("headline", lines[0]), ("caption", "資料圖片"), ("paragraph", paragraphs[0]), ("paragraph", unstopped),
        ("paragraph", paragraphs[1])]


def test_text_scrape_a_short_story_above_a_longer_stream_of_dated_teasers():
    """Yahoo HK: four paragraphs, then "others are reading" — teaser after
    teaser, each a source·time line, a title and its first sentence."""
    story = [f"（法新社羅馬19日電）第{i}段：德國網球好手今天在義大利公開賽決賽直落二擊敗對手，再度在羅馬封王，為法網做好暖身。"
             .replace("（法新社羅馬19日電）", "" if i else "（法新社羅馬19日電）") for i in range(4)]  # the dateline opens the story only
    teasers = []
    for i in range(8):
        teasers += [f"法新社·{i + 1} 天前", f"網球名將第{i}則消息 打不打法網將揭曉",
                    f"（法新社巴黎2{i}日電）第{i}則：網球名將昨天現身法網球場練球，吸引大批球迷爭睹，是否參賽將在本週內揭曉，各界關注。"]
    lines = ["首頁", "新聞", "義大利公開賽 茲韋列夫封王", "法新社", "2024年5月20日週一 下午2:05", *story, "其他人也在看", *teasers]
    blocks = [(b.kind.value, b.text) for b in text_blocks(lines)]
    assert blocks[0] == ("headline", "義大利公開賽 茲韋列夫封王")
    assert [text for kind, text in blocks if kind == "paragraph"] == story


def test_text_scrape_headline_without_the_site_suffix_its_title_copy_carries_and_a_name_first_byline():
    """華視: the page shows the headline, then its <title> copy "Headline | Outlet",
    then the byline "Name 編譯 / Place"."""
    headline = '日相改組內閣記者會 再喊話中國"停止軍演"'
    body = [f"第{i}段：日本首相岸田文雄改組內閣被外界認為，主要目的是換掉與統一教會有關的閣員，並再度呼籲中國停止軍演。"
            for i in range(3)]
    lines = ["首頁", headline, f"{headline} | 華視新聞", "吳憲昌 編譯  / 日本", *body]
    assert [(b.kind.value, b.text) for b in text_blocks(lines)] == [
        ("headline", headline), ("credit", "吳憲昌 編譯  / 日本"), *[("paragraph", p) for p in body]]


def test_a_standfirst_right_under_the_headline_in_the_article_wrapper_starts_the_body():
    """RFI: <article> holds the <h1>, the standfirst (chapo) <p>, the date, a
    figure, and the body's own <div>; the standfirst is the story's first paragraph."""
    chapo = "法新社消息称，台湾政府计划在未来八年内增加400亿美元的国防开支，主要用于开发一个多层次的防空系统。"
    body = [f"第{i}段：分析师表示，台湾防空系统将把现有的导弹与雷达、传感器等先进技术结合起来，增加400亿美元的国防开支。" for i in range(8)]
    html = ("<html><head><title>台湾增加400亿美元国防开支 - RFI</title></head><body><article>"
            "<h1>台湾增加400亿美元国防开支</h1>"
            f"<p class='chapo'>{chapo}</p><p class='dates'>发表时间： 30/11/2025 - 10:13</p>"
            "<figure><figcaption>台湾总统承诺加速部署防空系统。 AFP</figcaption></figure>"
            "<div class='body'>" + "".join(f"<p>{p}</p>" for p in body) + "</div></article></body></html>")
    assert kinds_and_texts(extract(html.encode())) == [
        ("headline", "台湾增加400亿美元国防开支"), ("paragraph", chapo), ("caption", "台湾总统承诺加速部署防空系统。 AFP"),
        *[("paragraph", p) for p in body]]


@pytest.mark.parametrize("line", ["Ostchinesisches Meer圖片來源: picture alliance/R. Goldmann", "資料圖片",
                                  "首任衛褔部長人選，現任衛生署長呼聲高。資料照片",
                                  "▲日本央行總裁在記者會上說明。（圖／路透）"])
def test_caption_marks(line):
    from l10n.lines import is_caption

    assert is_caption(line)


def test_figures_after_the_body_are_its_captions_but_a_next_story_slider_is_not():
    """星島: the story's two photos in a row after the last paragraph; 明報: a
    "previous / next story" slider whose titles sit in <figcaption>s."""
    body = [f"第{i}段：43歲姓李鐵騎士與親友做節後，返家途中駛經粉嶺公路時突然失事，撞向水馬後再撼隔音屏障石牆，當場死亡。"
            for i in range(3)]
    photos = "".join(f"<figure><img src='{i}.jpg'><figcaption>{text}</figcaption></figure>"
                     for i, text in enumerate(["粉嶺公路電單車失事撞水馬。", "警員在場調查。"]))
    slider = ("<div class='slider'><h3>上 / 下一篇新聞</h3>"
              "<div class='box'><figcaption><h5><a href='/a'>高危組驗毒0.04%確診 許樹昌料成效不大</a></h5></figcaption></div></div>")
    html = ("<html><head><title>好爸爸返家途中炒車亡 - 星島</title></head><body><h1>好爸爸返家途中炒車亡</h1>"
            "<div class='post-content'>" + "".join(f"<p>{p}</p>" for p in body) + f"</div><div class='row'>{photos}</div>"
            f"{slider}</body></html>")
    assert kinds_and_texts(extract(html.encode())) == [
        ("headline", "好爸爸返家途中炒車亡"), *[("paragraph", p) for p in body],
        ("caption", "粉嶺公路電單車失事撞水馬。"), ("caption", "警員在場調查。")]


def test_a_deck_under_the_headline_and_a_figure_without_figcaption():
    """蘋果日報: <header> holds the <h1> and an <h2> deck; a photo's caption
    is text in its <figure> with no <figcaption>."""
    body = [f"第{i}段：日本前首相細川護熙昨在東京都廳宣布參選東京都知事，主打廢核政策，前首相小泉純一郎表態支持。" for i in range(3)]
    html = ("<html><head><title>日前首相細川 選東京知事 | 蘋果日報</title></head><body><article><header>"
            "<h1>日前首相細川 選東京知事</h1><h2>同反核 獲小泉純一郎力挺</h2></header><div class='articulum'>"
            "<figure class='lbimg'><a href='big.jpg'><img src='s.jpg'></a>日本前首相小泉純一郎昨宣布支持細川參選。法新社</figure>"
            + "".join(f"<p>{p}</p>" for p in body) + "</div></article></body></html>")
    assert kinds_and_texts(extract(html.encode())) == [
        ("headline", "日前首相細川 選東京知事"), ("subheading", "同反核 獲小泉純一郎力挺"),
        ("caption", "日本前首相小泉純一郎昨宣布支持細川參選。法新社"), *[("paragraph", p) for p in body]]


def test_a_video_players_controls_are_not_the_story():
    body = [f"第{i}段：电影频道节目将于5月20日起每晚22:00播出，邀请北京影人讲述创作经历，并回顾多部作品的幕后故事。" for i in range(3)]
    player = ("<div class='mplayer'><div class='playerContainer'><div class='publicTime'>秒会员跳过广告</div></div>"
              "<div class='playerBottom'><div class='hintTip'>正在为您切换到高清 480P,请稍候...</div>"
              "<div class='controlLeft'>00:00/00:00</div><ul><li>2.0X</li><li>1.0X</li></ul></div></div>")
    html = ("<html><head><title>北京影人5月20日起播出_电影网</title></head><body><h1>北京影人5月20日起播出</h1>"
            f"<div class='article'>{player}" + "".join(f"<p>{p}</p>" for p in body) + "</div></body></html>")
    assert kinds_and_texts(extract(html.encode())) == [("headline", "北京影人5月20日起播出"), *[("paragraph", p) for p in body]]


@pytest.mark.parametrize("fmt", ["html", "text"])
def test_invisible_characters_never_reach_the_article(fmt):
    """A backspace inside a caption (自由時報), zero-width spaces inside a word
    (成報): gone from the blocks, visible text untouched."""
    para = "市府今天宣布新政策，完\u200b\u200b全是為了市民的福祉，各界表示歡迎並期待後續的配套措施。"
    caption = "市長出席記者會。\x08（記者王小明攝）"
    if fmt == "html":
        data = (f"<html><head><title>市府宣布新政策 - 報</title></head><body><h1>市府宣布新政策</h1><article><p>{para}</p>"
                f"<figure><figcaption>{caption}</figcaption></figure><p>{para}</p></article></body></html>")
    else:
        data = f"市府宣布新政策\n{caption}\n{para}\n第二段：{para}\n"
    texts = [text for _, text in kinds_and_texts(extract(data.encode()))]
    assert "市長出席記者會。（記者王小明攝）" in texts
    assert para.replace("\u200b", "") in texts
    assert not any(ch in text for text in texts for ch in "\x08\u200b")


def test_a_lead_box_goes_on_in_a_body_box_that_shares_no_words_with_a_punchy_headline():
    """東方日報: the headline is a pun the body never repeats; the body box
    follows the lead box with only a photo between, and has subheadings."""
    lead = "公共屋邨相繼淪為老鼠樂園！落成逾三十年的葵芳邨鼠患嚴重，居民投訴多年仍未見改善，房署被批只懂派發老鼠膠。"
    body = [f"第{i}段：一九八七年入伙的葵芳邨現有十二幢大廈，逾六千二百戶居民，邨內許多樓層使用大型膠桶作垃圾桶。" for i in range(4)]
    html = ("<html><head><title>公屋爆鼠患政府懶懶閒 - 日報</title></head><body>"
            f"<div id='top'><div id='leadin'><h1>公屋爆鼠患政府懶懶閒</h1><div class='leadin'><p>{lead}</p></div></div></div>"
            "<div id='content'><div id='content-right'><div class='photo'><div class='caption'>有老鼠在平台隙縫出沒。（黃雄攝）</div></div>"
            + "".join(f"<p>{p}</p>" for p in body[:2]) + "<h3>居民：房署淨係識派老鼠膠</h3>"
            + "".join(f"<p>{p}</p>" for p in body[2:]) + "</div></div></body></html>")
    assert kinds_and_texts(extract(html.encode())) == [
        ("headline", "公屋爆鼠患政府懶懶閒"), ("paragraph", lead), ("caption", "有老鼠在平台隙縫出沒。（黃雄攝）"),
        ("paragraph", body[0]), ("paragraph", body[1]), ("subheading", "居民：房署淨係識派老鼠膠"),
        *[("paragraph", p) for p in body[2:]]]


def test_a_body_in_several_section_boxes_with_photos_between():
    """Apple Daily HK: each section of the story is its own three-deep box,
    photos in boxes between them; the story is every section."""
    section = "<div class='outer'><div class='content'><div class='inner'>{}</div></div></div>"
    paras = [f"第{i}段：「山竹」遠離香港，市民還未回氣，就因特首拒絕宣佈停工而被迫冒險上班，交通大混亂持續一整天。" for i in range(6)]
    html = ("<html><head><title>港府拒帶頭停工 - 日報</title></head><body><h1>港府拒帶頭停工</h1><div class='article'>"
            + section.format(f"<p>{paras[0]}</p>") + "<div class='photo_right'>特首林鄭月娥</div>"
            + section.format(f"<h2>運輸署：今晨開通幹道</h2><p>{paras[1]}</p><p>{paras[2]}</p><p>{paras[3]}</p>")
            + "<div class='photo_center'><table><tr><td>塌樹阻塞了堅尼地道。許頌明攝</td></tr></table></div>"
            + section.format(f"<h2>公民黨：放假有法可依</h2><p>{paras[4]}</p><p>{paras[5]}</p>")
            + "</div></body></html>")
    texts = [text for kind, text in kinds_and_texts(extract(html.encode())) if kind == "paragraph"]
    assert texts == paras


def test_an_editors_sign_off_in_brackets_ends_the_story():
    """人民網: (责编：X、Y) closes the story; a recommended box after it is not the story."""
    paras = [f"第{i}段：郑板桥的女儿出嫁时，他画了几笔兰花当作嫁妆，并题诗一首，叮嘱女儿要做一个有品格的人。" for i in range(3)]
    html = ("<html><head><title>女儿出嫁，郑板桥画了几笔兰花当嫁妆--文化--人民网</title></head><body>"
            "<h1>女儿出嫁，郑板桥画了几笔兰花当嫁妆</h1><div class='box_con'>" + "".join(f"<p>{p}</p>" for p in paras)
            + "<div class='edit'>(责编：汤诗瑶、丁涛)</div><div class='box_re'><h2>推荐阅读</h2>"
            "<p>致敬改革开放四十年，文化大家讲述亲历，一个时代有一个时代的文艺，一个时代有一个时代的精神。</p></div></div></body></html>")
    assert kinds_and_texts(extract(html.encode())) == [
        ("headline", "女儿出嫁，郑板桥画了几笔兰花当嫁妆"), *[("paragraph", p) for p in paras], ("credit", "(责编：汤诗瑶、丁涛)")]


def test_a_headline_set_as_two_headings_is_one_headline():
    paras = [f"第{i}段：「山竹」遠離香港，市民還未回氣，就因特首拒絕宣佈停工而被迫冒險上班，交通大混亂持續一整天。" for i in range(3)]
    html = ("<html><head><title>港府拒帶頭停工 林鄭謊言遭狂轟 「攞市民條命較飛」 | 蘋果日報 | 要聞港聞</title></head><body>"
            "<table><tr><td><h1>港府拒帶頭停工　林鄭謊言遭狂轟</h1><h1>「攞市民條命較飛」</h1></td></tr></table>"
            "<div class='article'>" + "".join(f"<p>{p}</p>" for p in paras) + "</div></body></html>")
    assert kinds_and_texts(extract(html.encode()))[0] == ("headline", "港府拒帶頭停工　林鄭謊言遭狂轟 「攞市民條命較飛」")


def test_text_scrape_a_related_stories_label_ends_the_story():
    """星島: after the story, the share bar, "相關新聞", a title and the
    related story's first paragraph — within reach of the story's run."""
    story = [f"第{i}段：中美貿易戰不斷升級，彭博社引述消息人士指，美國政府擬向兩千億美元中國進口貨品加徵關稅。" for i in range(4)]
    lines = ["美擬加碼徵25%關稅 中方：必然反制", "facebook google+ twitter 微博 email", *story,
             "facebook google+ twitter 微博 email", "相關新聞", "對華加徵關稅隨時升級 美股震盪三指數齊軟",
             "（星島日報報道）中美貿易戰隨時升級，美國總統聲稱計畫向5000億美元中國進口貨品開徵關稅，美股三指數齊軟。"]
    assert [b.text for b in text_blocks(lines) if b.kind.value == "paragraph"] == story


def test_a_section_title_in_title_gives_way_to_the_heading_above_the_body():
    """中国地理学会: <title> is the section's ("新闻动态--学会官网"), shown
    nowhere; the story's title is an <h5> right above the body."""
    paras = [f"第{i}段：2019年中国人文地理学术年会在重庆西南大学举行，来自全国高校和科研院所的学者参加了会议并作报告。" for i in range(3)]
    html = ("<html><head><title>新闻动态--中国地理学会官网</title></head><body><nav>首页 新闻动态</nav>"
            "<div class='news_left'><h5>2019年中国人文地理学术年会在重庆成功举行</h5><div class='ly'>发布时间：2019-05-18</div>"
            "<div class='detail'>" + "".join(f"<p>{p}</p>" for p in paras) + "</div></div>"
            "<div class='news_right'><h5>中国地理学会</h5><p>地 址：北京市朝阳区大屯路甲11号</p></div></body></html>")
    assert kinds_and_texts(extract(html.encode()))[0] == ("headline", "2019年中国人文地理学术年会在重庆成功举行")


def test_a_headline_heading_below_the_body_does_not_break_extraction():
    """The heading that agrees with the declared headline sits after the body
    (a sidebar repeating it), with prose after it: the body stays the body."""
    paras = [f"第{i}段：市府今天宣布新的交通政策，將在明年起分階段實施，包括擴大公車專用道與調整停車費率等措施。" for i in range(4)]
    html = ("<html><head><meta property='og:title' content='市府宣布新交通政策 明年分階段實施'></head><body>"
            "<div class='main'>" + "".join(f"<p>{p}</p>" for p in paras) + "</div>"
            "<div class='side'><h2>市府宣布新交通政策 明年分階段實施</h2><div><p>本報記者王小明整理，歡迎讀者來信提供意見與指教。</p></div></div>"
            "</body></html>")
    texts = [text for kind, text in kinds_and_texts(extract(html.encode())) if kind == "paragraph"]
    assert texts[:4] == paras


def test_visibility_is_inherited_and_can_be_set_back():
    """WeChat: the body's box is visibility:hidden until a script runs, every
    paragraph in it visibility:visible; a hidden box with no visible child
    and a display:none box stay out."""
    paras = [f"第{i}段：7月29日上午，在建軍節來臨之際，綏德縣在縣消防救援大隊成功舉行退役軍人座談會，與會者暢談體會。" for i in range(3)]
    html = ("<html><head><meta property='og:title' content='綏德縣舉行退役軍人座談會'></head><body><h1>綏德縣舉行退役軍人座談會</h1>"
            "<div id='js_content' style='visibility: hidden;'>"
            + "".join(f"<p style='visibility: visible;'>{p}</p>" for p in paras)
            + "<p>這一段沒有設回可見，讀者看不到，不應出現在文章裡，即使它很長也一樣。</p></div>"
            "<div style='display:none'><p style='visibility: visible'>這一段在不顯示的盒子裡，也看不到，不應出現在文章裡。</p></div>"
            "</body></html>")
    assert kinds_and_texts(extract(html.encode())) == [("headline", "綏德縣舉行退役軍人座談會"), *[("paragraph", p) for p in paras]]


def test_a_signed_lead_then_the_full_story_in_the_same_box():
    """中廣 via 中時: the lead ends with the reporter's sign-off, the full story
    follows in the same box; a teaser in a box of its own after it stays out."""
    lead = "高雄籍漁船「春盈號」日前在印度洋作業時發生火警，第二艘救生筏尋獲時已破損，目前2死15失蹤。（溫蘭魁報導）"
    rest = [f"第{i}段：春盈漁業公司董事長表示，包括一艘軍艦在內的多艘船隻都在附近海域協助搜尋，搜救行動會持續進行。" for i in range(3)]
    teaser = "另一則新聞：颱風逼近，氣象局發布海上警報，呼籲漁船儘速返港避風，並注意海象變化與安全。"
    html = ("<html><head><meta property='og:title' content='春盈號第二艘救生筏尋獲時破損'></head><body>"
            "<article><h1>春盈號第二艘救生筏尋獲時破損</h1><div class='content'>"
            f"<p>{lead}</p>" + "".join(f"<p>{p}</p>" for p in rest) + f"<div class='more'><p>{teaser}</p></div>"
            "</div></article></body></html>")
    assert [text for kind, text in kinds_and_texts(extract(html.encode())) if kind == "paragraph"] == [lead, *rest]


@pytest.mark.parametrize("line", ["本作品为“科普中国”原创，转载时务请注明出处。",
                                  "【美国The Next Web作品的中文相关权益归腾讯公司独家所有。未经授权，不得转载、摘编等。】"])
def test_reprint_notices_are_not_the_story(line):
    from l10n.lines import is_notice

    assert is_notice(line)


def test_a_time_alone_in_a_figures_account_card_is_no_caption():
    paras = [f"第{i}段：天津创业环保股份有限公司及董事会全体成员保证公告内容的真实、准确和完整，对公告的虚假记载负连带责任。" for i in range(3)]
    html = ("<html><head><title>创业环保第一季度报告会计差错的提示性公告_新浪财经</title></head><body>"
            "<article><h1>创业环保第一季度报告会计差错的提示性公告</h1><figure><figcaption><h2>上海证券报网络版</h2>"
            "<time><span>2005.08.26</span> 05:39</time></figcaption></figure>"
            + "".join(f"<p>{p}</p>" for p in paras) + "</article></body></html>")
    texts = [text for _, text in kinds_and_texts(extract(html.encode()))]
    assert "2005.08.26" not in texts and "05:39" not in texts


def test_text_scrape_the_pages_own_story_before_the_next_one_an_endless_page_loads():
    """巴士的報: the page shows its headline three times (title, breadcrumb,
    heading), a two-paragraph story, then "more articles" and the next story,
    longer, under a headline the page shows once."""
    headline = "團體到警總請願要求嚴懲政黨領袖"
    story = [f"第{i}段：一批市民今日到警察總部外請願，要求政府及警方嚴懲涉事人士，並拘捕更多擾亂社會秩序的人。" for i in range(2)]
    following = [f"第{i}段：警方在復活節及清明節假期，在港島多個地點展開為期十天的反爆竊行動，加強巡邏並設立路障截查。"
                 for i in range(5)]
    lines = ["Skip to Content", headline, "本地新聞", headline, "本地新聞", headline, "2020年02月29日 15:18 最後更新:16:00",
             *story, "往下看更多文章", "復活節假期 警方在港島展開跨部門反爆竊行動", "2024年03月29日 05:40 最後更新:06:10",
             *following, "你 或 有 興 趣 的 文 章"]
    blocks = [(b.kind.value, b.text) for b in text_blocks(lines)]
    assert blocks == [("headline", headline), *[("paragraph", p) for p in story]]


def test_text_scrape_a_dated_teaser_of_a_section_feed_right_after_the_story():
    """商業電台: the story's last paragraph, then the section's next item on
    one line: section name, date, the item's first sentences."""
    story = [f"第{i}段：警方向報章總編輯發信，批評報章今日引述多人聲稱遭受不當對待的報道，無客觀事實支持及偏頗。" for i in range(2)]
    teaser = "本地 2026-01-01 新控煙措施今起生效，禁煙範圍進一步擴大，學校、醫院及幼兒中心等出入口範圍劃為法定禁煙區。"
    lines = ["警方批評報章有關報道無客觀事實支持", "本地", "發佈時間 2020-06-25 23:16 最後更新時間 2020-06-25 23:21", *story, teaser]
    assert [b.text for b in text_blocks(lines) if b.kind is BlockKind.PARAGRAPH] == story


def test_text_scrape_an_english_caption_with_its_source_on_a_chinese_page():
    """SBS 中文: under the headline, the photo's alt text, then the same
    caption with its source; both English."""
    caption = "A journalist interrupted the daily police briefing and read out a statement."
    story = [f"第{i}段：昨日下午，屯門多個地區有不少人吸入不明刺鼻氣體，有人更因不適送院，市民紛紛查詢。" for i in range(5)]
    lines = ["【中港快訊】 多名記者中途突襲警方例行記者會", caption, f"{caption} Source: Screenshot from RTHK's footage", *story,
             "Share"]
    assert [(b.kind.value, b.text) for b in text_blocks(lines)][:2] == [
        ("headline", lines[0]), ("caption", f"{caption} Source: Screenshot from RTHK's footage")]


def test_text_scrape_a_byline_naming_the_outlet_and_an_intern_is_no_headline():
    headline = "英國廣播公司公布2016年度圖片 哪個瞬間讓人記憶深刻?"
    story = [f"第{i}段：近日，英國廣播公司選出了2016年的年度圖片，每一張圖的背後都是一個新聞，一段故事，值得回味。" for i in range(3)]
    lines = ["打開", headline, "時訊", "看看新聞Knews實習記者 陸佳納", "2016-12-27 21:51", *story]
    assert [(b.kind.value, b.text) for b in text_blocks(lines)][:2] == [
        ("headline", headline), ("credit", "看看新聞Knews實習記者 陸佳納")]


def test_text_scrape_a_photographers_credit_alone_after_the_story_keeps_no_date():
    """CNA photo item on Yahoo: the photo's description, then the credit line
    with the date the photo was taken (ROC calendar)."""
    story = "「跨年晚會」31日晚間在市府前廣場盛大展開，活動現場周邊不時可見員警身影出沒，加強巡視以維護治安。"
    lines = ["北市警巡視跨年晚會周邊 (圖)", story, "中央社記者張新偉攝 114年12月31日", "其他人也在看"]
    assert [(b.kind.value, b.text) for b in text_blocks(lines)] == [
        ("headline", lines[0]), ("paragraph", story), ("credit", "中央社記者張新偉攝")]


def test_text_scrape_a_photos_alt_text_then_its_caption_with_the_agency_credit():
    """RFI via a page archive: the first paragraph, the photo's alt text (it
    ends with a date), the same caption with its credit, an ad label, the rest."""
    first = "法新社東京消息稱，日本首相今天開始為期三天對馬來西亞、新加坡及菲律賓三國的訪問，將就經濟與安保合作進行確認。"
    rest = [f"第{i}段：中國媒體的分析指出，首相此行中以對菲律賓的訪問最受關注，預計將宣布對菲律賓提供巡邏船。" for i in range(3)]
    alt = "日本首相(左二)訪問馬來西亞2013年7月25日"
    lines = ["訪問主要內容", "日本/東南亞", "日相今天展開東南亞三國之行", first, alt, f"{alt} Reuters/路透社", "廣告", *rest,
             "電郵新聞頭條新聞就在您的每日新聞信裡"]
    assert [(b.kind.value, b.text) for b in text_blocks(lines)] == [
        ("headline", "日相今天展開東南亞三國之行"), ("paragraph", first), ("caption", f"{alt} Reuters/路透社"),
        *[("paragraph", p) for p in rest]]


def test_text_scrape_a_headline_with_its_time_stamp_and_a_see_other_articles_label():
    """自由電子報 2014: "Headline 2014-04-30 23:54" on one line; after the story,
    "看其他文章" and other stories' headlines, one ending with "！"."""
    story = [f"第{i}段：〔本報訊〕台北市長參選人今天再度開砲，仿效鄉民作夢的方式，敘述曾經參與紅衫軍抗爭的經過。" for i in range(4)]
    lines = ["首頁", "新聞圖輯", "參選人：市長因「劫機」說被批搞獨裁 2014-04-30 23:54", *story, "看其他文章",
             "6歲童：希望政府跟在警察後面聽我們的聲音", "貼市長參加紅衫軍照片 立委：找到劫機犯了！", "更多專題"]
    assert [(b.kind.value, b.text) for b in text_blocks(lines)] == [
        ("headline", "參選人：市長因「劫機」說被批搞獨裁"), *[("paragraph", p) for p in story]]
    lines[2] = "港股半日彈344點 長和重返「紅底股」 (12:07)"  # 明報's instant news
    assert text_blocks(lines)[0].text == "港股半日彈344點 長和重返「紅底股」"
    lines[3:3] = ["港聞", "發佈時間:21:38 2022-01-02"]  # 頭條日報: a time line is no headline without its date
    assert text_blocks(lines)[0].text == "港股半日彈344點 長和重返「紅底股」"


def test_text_scrape_credits_with_a_vertical_presentation_colon():
    story = [f"第{i}段：今冬第一波冷鋒來襲，天文台預料，與冷鋒相關的東北季候風今日會為廣東沿岸帶來顯著轉涼的天氣。" for i in range(3)]
    lines = ["冷鋒來襲連凍9日 今低見17℃", "2018/12/07", *story, "記者︰脫芷晴", "編輯：梁偉澄"]
    assert [(b.kind.value, b.text) for b in text_blocks(lines)][-2:] == [("credit", "記者︰脫芷晴"), ("credit", "編輯：梁偉澄")]


def test_an_inline_read_more_link_in_a_body_box_named_editor_is_no_credit():
    """上報: the body's box is class="editor" (its text editor's, not a person's);
    between paragraphs, "（延伸閱讀：<a>another story</a>）"."""
    paras = [f"第{i}段：華為低調推出新款手機，中國官方媒體卻高調宣稱已經打贏對美科技戰，引發外界關注與討論。" for i in range(4)]
    html = ("<html><head><title>華為低調推新機 官媒高喊打贏科技戰｜上報</title></head><body><article>"
            "<h1>華為低調推新機 官媒高喊打贏科技戰</h1><div class='editor'>"
            + "".join(f"<p>{p}</p>" for p in paras[:2])
            + "<div><strong>（延伸閱讀：<a href='/news/1'>美商務部長會晤總理 堅決維護國安但不與中國脫鉤</a>）</strong></div>"
            + "".join(f"<p>{p}</p>" for p in paras[2:]) + "</div></article></body></html>")
    assert kinds_and_texts(extract(html.encode())) == [
        ("headline", "華為低調推新機 官媒高喊打贏科技戰"), *[("paragraph", p) for p in paras]]


def test_text_scrape_a_deck_under_the_headline_above_the_date():
    """晴報: section, headline, the deck under it, the date, the story."""
    story = [f"第{i}段：今冬第一波冷鋒來襲，天文台預料，下周有雨兼潮濕，與冷鋒相關的東北季候風今日會為廣東沿岸帶來顯著轉涼的天氣，新界或低見9℃。"
             for i in range(3)]
    lines = ["港聞", "冷鋒來襲連凍9日 今低見17℃", "有雨兼潮濕 下周新界或9℃", "2018/12/07", "分享：", *story]
    assert [(b.kind.value, b.text) for b in text_blocks(lines)][:2] == [
        ("headline", "冷鋒來襲連凍9日 今低見17℃"), ("subheading", "有雨兼潮濕 下周新界或9℃")]


def test_text_scrape_two_wordings_of_the_headline_are_no_headline_and_deck():
    """ETtoday: the headline, then the <title> copy in other words (砸 / 挹注)."""
    story = [f"第{i}段：以乳製品與四季景觀聞名的日本北海道，如今正悄悄轉型為半導體重鎮，日本政府砸下數百億美元打造科技聚落。"
             for i in range(3)]
    lines = ["國際", "打造「北海道谷」科技聚落！日本砸數百億美元 盼重拾半導體榮光",
             "打造「北海道谷」科技聚落！日本挹注數百億美元 盼重拾半導體榮光", "圖文／CTWANT", *story]
    blocks = [(b.kind.value, b.text) for b in text_blocks(lines)]
    assert [kind for kind, _ in blocks].count("subheading") == 0 and blocks[0][0] == "headline"


def test_a_page_hidden_until_its_scripts_run_is_read_as_shown():
    """壹蘋: the saved DOM's <body style="display: none;">, which the page's
    scripts switch on once loaded; a reader sees the story."""
    paras = [f"第{i}段：金融科技公司今天宣布獲得基金會策略性投資，完成八位數美元新一輪募資，將擴展美國市場的支付服務。" for i in range(3)]
    html = ("<!DOCTYPE html><html lang='zh-Hant-TW'><head><title>奧丁丁獲策略性投資｜壹蘋新聞網</title></head>"
            "<body style='display: none;'><article><h1>奧丁丁獲策略性投資</h1>"
            + "".join(f"<p>{p}</p>" for p in paras) + "</article></body></html>")
    assert kinds_and_texts(extract(html.encode())) == [("headline", "奧丁丁獲策略性投資"), *[("paragraph", p) for p in paras]]


def test_a_saved_dom_that_starts_with_meta_tags_is_html():
    """工商時報 saved from the browser: no <html> or <head> tag, 5 KB of
    <meta>, <link> and <title> before the first <div>."""
    paras = [f"第{i}段：市調機構統計顯示，今年上半年台灣手機市場整體銷售量約242萬支，相較於去年同期增長6%，整體銷售額更高。" for i in range(3)]
    head = "<meta charset='utf-8'><title>上半年手機銷量Top 20 - 工商時報</title>" + "".join(
        f"<link rel='preload' href='https://static.example.com/assets/font-{i}.woff2' as='font' crossorigin>" for i in range(60))
    html = head + "<div class='article-wrap'><h1>上半年手機銷量Top 20</h1><article>" + "".join(
        f"<p>{p}</p>" for p in paras) + "</article></div>"
    assert kinds_and_texts(extract(html.encode())) == [("headline", "上半年手機銷量Top 20"), *[("paragraph", p) for p in paras]]


def test_a_box_the_print_view_leaves_out_inside_a_whole_page_form_is_furniture():
    """三立: the whole page in ASP.NET's <form>; above the story, a
    machine-written summary and quiz in a "hidden-print" box, longer than the story."""
    paras = [f"第{i}段：颱風強度持續減弱，不過暴風圈仍籠罩雲林以南至高雄陸地及澎湖，氣象局預估本島今晚解除陸上警報。" for i in range(3)]
    summary = "這篇文章報導了颱風的最新動態和對台灣的影響。根據氣象局的資料，颱風的強度持續減弱，但暴風圈仍然影響了雲林以南至高雄陸地。" * 2
    quiz = "Q1: 颱風的強度是否持續減弱？ A) 是 B) 否 正確答案: A) 是 Q2: 預計台灣本島今晚是否解除陸上警報？ A) 是 B) 否 正確答案: A) 是。" * 2
    html = ("<html><head><title>颱風遠離 本島今晚解除陸警 | 三立新聞網</title></head><body><form id='form1'>"
            "<nav class='breadcrumb'>三立新聞網 生活</nav><h1>颱風遠離 本島今晚解除陸警</h1>"
            f"<div class='ai_area hidden-print'><div class='ai_comment'><p>{summary}</p></div><p>{quiz}</p><p>{quiz}</p></div>"
            "<div id='Content1'><p>記者賴俊佑／台北報導</p>" + "".join(f"<p>{p}</p>" for p in paras) + "</div></form></body></html>")
    assert kinds_and_texts(extract(html.encode())) == [
        ("headline", "颱風遠離 本島今晚解除陸警"), ("credit", "記者賴俊佑／台北報導"), *[("paragraph", p) for p in paras]]


def test_text_scrape_a_story_rendered_twice_in_a_row_is_one_story():
    """點新聞 via a page archive: the paragraph and its source line, shown
    twice in a row; then other stories' long teasers."""
    story = "警方表示，禮賓府附近斜坡今日凌晨約兩時被人投擲易燃物，現場有焚燒痕跡，無人受傷，案件交由西區警區刑事調查隊跟進。"
    teasers = [f"第{i}則：律政司司長今日指，新一年會以香港普通法制度為重點，向國際社會說好香港法治故事，並推動法律服務發展。 read more"
               for i in range(2)]
    lines = ["警方強烈譴責有人向禮賓府投擲易燃物", story, "資料來源:點新聞", story, "資料來源:點新聞", *teasers]
    assert [(b.kind.value, b.text) for b in text_blocks(lines)] == [
        ("headline", lines[0]), ("paragraph", story), ("credit", "資料來源:點新聞")]


def test_text_scrape_the_only_paragraph_also_shown_above_the_headline():
    """貫通日本: the page's description (the story's one paragraph) above the
    headline and the credits, then the paragraph; the archive ends it with " |"."""
    story = "中新網9月23日電 據日本《中文導報》報道，入管協會統計的最新資料顯示，在日中國人增加，只有東京都呈現減少趨勢。 |"
    lines = [story, "各地華人皆增東京獨減 在日華人漸顯脫首都傾向?", "新聞錄入:貫通日本語 責任編輯:貫通日本語", story]
    assert [(b.kind.value, b.text) for b in text_blocks(lines)] == [
        ("headline", lines[1]), ("credit", lines[2]), ("paragraph", story)]


def test_text_scrape_chinese_sentences_closed_with_ascii_full_stops():
    """新城電台: half-width punctuation throughout, "…疏散." ends a sentence."""
    story = ["東涌逸東邨有單位發生火警, 被消防救熄, 無人傷, 約200名居民疏散.",
             "昨晚11點幾, 逸東邨康逸樓中層一個單位起火冒煙, 單位內火光熊熊, 大量黑煙直攻半空.",
             "消防接報到場, 出動一條喉及一隊煙帽隊灌救, 其後將火救熄, 起火原因有待調查.",
             "有議員質疑, 大廈消防設施是否足夠, 敦促政府需釐清何謂定期巡查......"]
    lines = ["日期:", "東涌逸東邨有單位發生火警被消防救熄 無人傷約200名居民疏散", "23/12/2024 8:55", *story, "|", "回主頁關於我們"]
    assert [(b.kind.value, b.text) for b in text_blocks(lines)] == [
        ("headline", lines[1]), *[("paragraph", p) for p in story]]


def test_a_chinese_paragraph_full_of_latin_names_is_the_pages_language():
    """DIGITIMES: the one teaser paragraph names chips and outlets in Latin
    letters — more letters than Han characters, but far fewer words."""
    teaser = ("高通（Qualcomm）於8月20日發表Snapdragon 7s Gen3行動平台，為中階手機市場帶來生成式AI（Generative AI）、"
              "高效能遊戲、專業影像等旗艦級功能。據Anandtech及VentureBeat報導，...")
    html = ("<html><head><title>高通推Snapdragon 7s Gen3晶片 | DIGITIMES</title></head><body><div class='dt-news-content'>"
            f"<h1>高通推Snapdragon 7s Gen3晶片</h1><div id='newsText'><p>{teaser}</p></div></div>"
            "<table class='footer-links'><tr><td>關於我們 | 新聞發布 | 服務說明 | 著作權 | 隱私權 | 常見問題 | 聯絡我們 | "
            "廣告刊登 | 會員服務 | 產業研究 | 資料庫 | 活動報名</td></tr></table></body></html>")
    assert kinds_and_texts(extract(html.encode())) == [("headline", "高通推Snapdragon 7s Gen3晶片"), ("paragraph", teaser)]


def test_an_endless_page_keeps_its_own_story_above_the_next_one():
    """數位時代 saved from the browser: the headline's <h1 class="text-4xl
    font-semibold"> (a type scale, not a font widget), og:title in other words,
    the story, then the next story with its own <h1>, longer."""
    story = [f"第{i}段：超微在舊金山舉辦大會，發表新一代商用處理器，神經處理單元算力最高達55兆次運算，優於主要對手。" for i in range(3)]
    following = [f"第{i}段：顯示器業者積極擁抱人工智慧浪潮，降低採用門檻，讓學校與企業都可以享受新科技帶來的便利與效率。"
                 for i in range(6)]

    def article(title: str, paras: list[str]) -> str:
        return (f"<section><div class='pc'><h1 class='text-4xl font-semibold'>{title}</h1></div>"
                "<div class='htmlview article-content'>" + "".join(f"<p>{p}</p>" for p in paras) + "</div></section>")

    html = ("<meta charset='utf-8'><title>AMD推AI PC新晶片！商用AI PC是什麼？|數位時代</title>"
            "<meta property='og:title' content='AMD推AI PC新晶片！商用AI PC是什麼？'>"
            + article("AMD推商用AI PC新晶片，NPU算力最高55 TOPS！", story) + "<div>往下滑看下一篇文章</div>"
            + article("以解決客戶痛點為優先！顯示器業者聚焦四大場景", following))
    assert kinds_and_texts(extract(html.encode())) == [
        ("headline", "AMD推商用AI PC新晶片，NPU算力最高55 TOPS！"), *[("paragraph", p) for p in story]]


@pytest.mark.parametrize("line", ["記事に『リアクション』ができます。ご利用には会員登録が必要です。",
                                  "『カテゴリーをフォロー』すると、マイページでまとめて記事を読むことができます。会員の方のみご利用いただけます。"])
def test_japanese_members_only_feature_notices_are_not_the_story(line):
    from l10n.lines import is_notice

    assert is_notice(line)


def test_text_scrape_a_one_sentence_lead_right_above_the_first_paragraph():
    """信報: the lead is one short sentence with a clause in it, right above
    the first long paragraph; a caption-like line has no clause."""
    lead = "一名男子涉嫌藏刀進入入境事務大樓被捕,沒人受傷。"
    story = [f"第{i}段：事發近中午12時，警方接獲大樓保安報案，指一名男子袋中藏有一把刀，警員到場將他拘捕，案件交由警區跟進。"
             for i in range(3)]
    lines = ["時事脈搏 | 2023-06-20 14:07", "灣仔入境大樓男子涉藏刀被捕 無人受傷", "放大圖片", lead, *story]
    assert [(b.kind.value, b.text) for b in text_blocks(lines)] == [
        ("headline", lines[1]), ("paragraph", lead), *[("paragraph", p) for p in story]]


def test_text_scrape_the_next_story_opens_with_its_own_dateline():
    """e南洋: the story, a comment label, a section label, the next story's
    headline and its first paragraph opening with "(道北9日讯)"."""
    story = [f"（新山17日讯）第{i}段：柔佛警局今晨發生襲擊事件，警方懷疑一名女子也是涉案者，正全力追查。".replace("（新山17日讯）", "" if i else "（新山17日讯）")
             for i in range(5)]
    following = [f"第{i}段：全國副警察總長說，吉蘭丹有逾千名警察共469戶家庭受到水災影響，受災警員已獲安置。" for i in range(4)]
    following[0] = "（道北9日讯）" + following[0]
    lines = ["要闻", "詢問案情 被懷疑轉移注意力 警方懷疑一女子也涉案", *story, "反应", "北马",
             "參與救災無暇搶救自宅 丹州469戶警察家庭受災", *following]
    assert [b.text for b in text_blocks(lines) if b.kind is BlockKind.PARAGRAPH] == story


def test_a_day_month_year_date_is_a_date_line():
    """經濟通: "19/09/2025 15:00" above the headline is the page's date, not a title."""
    from l10n.lines import is_dateline, is_title

    assert is_dateline("19/09/2025 15:00") and not is_title("19/09/2025 15:00")


def test_text_scrape_stored_without_line_breaks_is_split_into_blocks():
    """A stored copy that lost its line breaks (中通社 via a page archive): the
    headline with the share label glued on, empty image links, then every
    paragraph on one line, joined by spaces."""
    story = [f"據共同社東京報道，第{i}段：日本例行國會開幕，首相在眾議院全體會議上發表施政方針演說，談及防疫與經濟。"
             for i in range(4)]
    page = ("首頁 -> 國際\n岸田首次施政演說：談防疫與經濟分享到：\n![]() ![]() ![]() " + " ".join(story)
            + " 【編輯：王小明】\n|\n視頻更 多\n全球第四！香港首季集資額升\n")
    assert kinds_and_texts(extract(page.encode())) == [
        ("headline", "岸田首次施政演說：談防疫與經濟"), *[("paragraph", p) for p in story], ("credit", "【編輯：王小明】")]


def test_text_scrape_on_one_line_with_a_date_stamp_between_headline_and_story():
    """星島 via a page archive: headline, date stamp, the photo's caption
    twice, carousel buttons and the story, all on one line (Now新聞 shows
    its headline twice there, as title and heading)."""
    caption = "林鄭月娥表示今年將有三個跨境基建開通。"
    story = [f"第{i}段：行政長官出席報業公會頒獎禮時表示，政府一向支持本港新聞界及保障新聞自由，會見傳媒超過百次。"
             for i in range(3)]
    headline = "指政府保障新聞自由 林鄭：續要求官員便利傳媒"
    page = (f"{headline} {headline} 2018-04-30 13:03 {caption} {caption} Previous Next "
            + " ".join(story) + "\n最新回應\n")
    blocks = kinds_and_texts(extract(page.encode()))
    assert blocks[0] == ("headline", "指政府保障新聞自由 林鄭：續要求官員便利傳媒")
    paragraphs = [text for kind, text in blocks if kind == "paragraph"]
    # the buttons' words stay glued to the first paragraph: nothing parts them
    assert paragraphs[-3] == "Previous Next " + story[0] and paragraphs[-2:] == story[1:]


def test_text_scrape_a_short_story_under_its_byline_beats_the_sites_longer_about_text():
    """人間福報: a two-paragraph photo essay under its byline, then the footer's
    long paragraph describing the paper."""
    story = ["颱風過後幾天，到植物園散步，走到門口，才知園區封閉整理中，也不知哪天才會重新開放。",
             "從門邊探視，樹枝、落葉、垃圾還堆積在園區的路徑中，民眾大概短期內會失去一個休憩的地方。"]
    about = ("《每日福報》是一份多元化的報紙，不單只有報導宗教新聞，乃以推動祥和社會、淨化人心為職志，以關懷人類福祉、"
             "追求世界和平為宗旨，堅持新聞的準度與速度、廣度與深度，關懷弱勢族群與公益，強調內容溫馨、健康、益智。") * 2
    lines = ["生活快門 守著殘破家園", "文與圖／晞林 |2015.09.10", "1225觀看次", "字級", "文與圖／晞林", *story,
             "熱門新聞", "訂閱電子報", "台北市 天氣預報", about, "聯絡我們 隱私權條款"]
    assert [b.text for b in text_blocks(lines) if b.kind is BlockKind.PARAGRAPH] == story


def test_a_paywalls_member_box_around_a_login_form_is_not_the_story():
    """DIGITIMES: a teaser paragraph, then in the same article box the member
    box — a login form with a password field beside the trial sign-up, phone
    line and office hours, written as sentences."""
    teaser = "英特爾在展前發表新系列處理器，但這是英特爾首款所有邏輯晶片都由外部晶圓代工廠商製造的處理器，引發討論。"
    html = ("<html><head><title>新處理器全由代工廠製造 | DIGITIMES</title></head><body><div class='news'>"
            "<h1>新處理器全由代工廠製造</h1><div id='newsText'><p>" + teaser + "</p>"
            "<div class='col-md-12'><div class='col-md-6'><h3>會員登入</h3><form><input type='email' name='id'>"
            "<input type='password' name='pwd'><div>★ 若您是第一次使用會員資料庫，請先點選<a>【帳號啟用】</a></div></form></div>"
            "<div class='col-md-6'><h3>會員服務申請/試用</h3><div>申請專線：<br>+886-02-87125398。<br>"
            "(週一至週五工作日9:00~18:00)</div><div>會員信箱：<br>(一個工作日內將回覆您的來信)</div></div></div>"
            "</div></div></body></html>")
    assert kinds_and_texts(extract(html.encode())) == [("headline", "新處理器全由代工廠製造"), ("paragraph", teaser)]


def test_text_scrape_source_line_name_sign_off_and_reprint_notice():
    """中国日报网 carrying Xinhua: 来源 under the headline, the reporter's name
    alone in brackets after the story, the editor, then the site's reprint notice."""
    story = [f"新华社南宁9月17日电(记者陈一帆)第{i}段：第20届中国—东盟博览会签约仪式在广西南宁举行，签约项目总投资额创新高。"
             .replace("新华社南宁9月17日电(记者陈一帆)", "" if i else "新华社南宁9月17日电(记者陈一帆)") for i in range(3)]
    lines = ["第20届中国—东盟博览会签约项目总投资额超4800亿元", "来源: 新华网", "2023-09-17 20:16", "分享", *story,
             "(陈一帆)", "【责任编辑:齐磊】",
             "本网版权说明:凡注明来源为“本网:XXX(署名)”,除与本网签署内容授权协议的网站外,其他任何网站或单位未经允许禁止转载、使用,违者必究。"]
    assert [(b.kind.value, b.text) for b in text_blocks(lines)] == [
        ("headline", lines[0]), ("credit", "来源: 新华网"), *[("paragraph", p) for p in story],
        ("credit", "(陈一帆)"), ("credit", "【责任编辑:齐磊】")]


def test_text_scrape_a_related_label_ends_the_photos_after_the_story():
    """東網 via Yahoo: under "其他人也在看", another story's teaser ends with
    its picture's source: it is not the story's photo."""
    story = [f"第{i}段：歲晚臨近，香港建造業總工會表示，不少建築及裝修地盤已準備收爐，其安全隱患容易被忽視。" for i in range(3)]
    teaser = "暈倒猝死｜社工街頭暈倒猝逝，遺下妻兒。香港近日一名社工在探訪後不幸暈倒，送院不治。 撰文：某某｜圖片來源：Shutterstock"
    lines = ["建造業工會籲歲晚勿貪快趕工 慎防工業意外", *story, "其他人也在看", teaser]
    assert [(b.kind.value, b.text) for b in text_blocks(lines)] == [
        ("headline", lines[0]), *[("paragraph", p) for p in story]]


def test_text_scrape_a_short_headline_with_its_time_and_a_desk_signing_the_statement():
    """明報: "明報聲明 (07:35)", a statement of three paragraphs signed 編輯部."""
    story = [f"第{i}段：明報的社評代表明報，反映明報對社會時政的看法和立場，並不反映採訪同事的立場。" for i in range(3)]
    lines = ["即時港聞", "明報聲明 (07:35)", *story, "編輯部", "相關字詞﹕明報 編輯推介", "上 / 下一篇新聞"]
    assert [(b.kind.value, b.text) for b in text_blocks(lines)] == [
        ("headline", "明報聲明"), *[("paragraph", p) for p in story], ("credit", "編輯部")]


def test_a_font_size_widget_in_the_byline_box_is_no_credit():
    """TVBS: the author box also holds the text-size buttons 小 中 大, in a
    box whose class names no font widget."""
    paras = [f"第{i}段：根據日本氣象廳公布的最新預測路徑，幾乎全台灣都被颱風的暴風圈警戒區壟罩，民眾應提高警覺。" for i in range(3)]
    html = ("<html><head><title>颱風會變強烈颱風 日本預測路徑曝│新聞網</title></head><body><article><div class='title_box'>"
            "<h1>颱風會變強烈颱風 日本預測路徑曝</h1><div class='author_box'><div class='author'>編輯 陳妍如 報導</div>"
            "<div class='other'><div class='txtBox'><div class='txt_level'><ul><li><p>小</p></li><li><p>中</p></li>"
            "<li><p>大</p></li></ul></div></div></div></div></div><div class='article_content'>"
            + "".join(f"<p>{p}</p>" for p in paras) + "</div></article></body></html>")
    assert kinds_and_texts(extract(html.encode())) == [
        ("headline", "颱風會變強烈颱風 日本預測路徑曝"), ("credit", "編輯 陳妍如 報導"), *[("paragraph", p) for p in paras]]


@pytest.mark.parametrize("line", ["您的浏览器暂时无法播放此视频.", "您的瀏覽器不支援此影片播放。", "Your browser doesn’t support HTML5"])
def test_a_video_players_fallback_message_is_a_notice(line):
    from l10n.lines import is_notice

    assert is_notice(line)


def test_a_paragraph_that_mentions_browsers_is_no_notice():
    from l10n.lines import is_notice

    assert not is_notice("您的浏览器不支持HTML5 美国政界高层、权益组织和人权活动人士对中国安全人员扣押记者一事表示关切，并谴责当局的做法。")


def test_text_scrape_the_source_line_under_a_story_is_not_the_next_items_byline():
    """新聞資訊 carrying 明報: the story ends with its source line, then
    "相关推荐" and teasers (title, then title and first sentence, then a date)."""
    story = [f"第{i}段：晚上9時許，一名網媒記者在太子站外以攝影機拍攝警員，警方指該處為行人通道，要求他離開。" for i in range(3)]
    teaser_title = "回應托市 陳茂波：冀將樓市回復至未有辣招並由市場調節"
    lines = ["8.31事件兩年 網媒記者太子站外涉行為不檢被捕 (21:21)", *story, "来源:明報新聞網", "相关推荐", "-",
             teaser_title, teaser_title + " 崔蔚恩報道 新一份施政報告提出放寬住宅按揭成數上限至7成等措施，財政司司長回應。",
             "2024-10-270 9 0 -"]
    assert [(b.kind.value, b.text) for b in text_blocks(lines)] == [
        ("headline", "8.31事件兩年 網媒記者太子站外涉行為不檢被捕"), *[("paragraph", p) for p in story],
        ("credit", "来源:明報新聞網")]


@pytest.mark.parametrize("label", ["相关推荐", "相關推薦", "推薦閱讀"])
def test_more_related_labels(label):
    from l10n.lines import is_related_label

    assert is_related_label(label)


def test_text_scrape_a_day_month_year_with_dots_is_a_date_not_the_headline():
    """报告速 (a mainland aggregator): headline, "01.07.2015 11:42", the source lines, the story."""
    story = [f"第{i}段：菅义伟在记者会上接受中国记者有关安倍言论的提问时表示，日本政府的立场没有改变，不针对中国。" for i in range(3)]
    lines = ["日方回应安倍言论 不针对中国", "01.07.2015 11:42", "本文来源: 西安网", *story]
    assert [(b.kind.value, b.text) for b in text_blocks(lines)] == [
        ("headline", lines[0]), ("credit", "本文来源: 西安网"), *[("paragraph", p) for p in story]]


def test_text_scrape_a_headline_with_its_date_in_brackets_before_it():
    """文匯報's 2004 print edition: "[2004-03-31] Headline", then the reporter."""
    story = [f"第{i}段：人大常委會代表一行數人，昨日在深圳迎賓館與專責小組會面，聚集了數十名港式記者在門外等候。" for i in range(3)]
    lines = ["您的位置: 文匯首頁 > > 港聞", "【打印】 【投稿】 【推薦】 【關閉】", "[2004-03-31] 特寫:港式記者陣 街坊均好奇",
             "本報記者 葉詠儀", *story]
    assert [(b.kind.value, b.text) for b in text_blocks(lines)] == [
        ("headline", "特寫:港式記者陣 街坊均好奇"), ("credit", "本報記者 葉詠儀"), *[("paragraph", p) for p in story]]


def test_text_scrape_a_headline_with_the_reporters_name_and_the_date_glued_on():
    """PChome carrying CNEWS: "Headline邱 璽臣 (2024-05-29 01:24:02)", then the byline naming 邱璽臣."""
    story = [f"第{i}段：國民黨立委今日指出，國會改革法案昨晚三讀通過之際，電視台政論節目誣指她被當場噓到爆。" for i in range(3)]
    lines = ["政論節目誣指「被當場噓到爆」 王鴻薇:向NCC檢舉開罰民視邱 璽臣 (2024-05-29 01:24:02)",
             "CNEWS匯流新聞網記者邱璽臣/台北報導", *story]
    assert [(b.kind.value, b.text) for b in text_blocks(lines)] == [
        ("headline", "政論節目誣指「被當場噓到爆」 王鴻薇:向NCC檢舉開罰民視"), ("credit", lines[1]),
        *[("paragraph", p) for p in story]]


@pytest.mark.parametrize("marker", ["（1/2 ページ）", "(2/3)", "（第1頁）"])
def test_a_multi_page_articles_page_marker_is_not_in_the_headline(marker):
    """ITmedia: "<h1>Title（1/2 ページ）</h1>" on page one of two."""
    paras = [f"第{i}段：インテルの超小型PCを手に入れたユーザーが、ほぼ5年ぶりにPCを自作し、最新のSSDを比べてみました。" for i in range(3)]
    html = (f"<html><head><title>最新SSDを比較してみた{marker} - ITmedia PC USER</title></head><body>"
            f"<h1>最新SSDを比較してみた{marker}</h1><div class='body'>" + "".join(f"<p>{p}</p>" for p in paras)
            + "</div></body></html>")
    assert kinds_and_texts(extract(html.encode()))[0] == ("headline", "最新SSDを比較してみた")


def test_text_scrape_a_question_among_related_headlines_after_the_story_is_not_the_story():
    """人民网 2009: right after the story, indented like its paragraphs, a
    list of related headlines; one of them ends in a question mark."""
    story = [f"第{i}段：安徽省司法厅日前出台办法，开展领导干部廉洁自律预警告诫工作，对反映领导干部的苗头性问题及时提醒。"
             for i in range(3)]
    related = ["“计件反腐”是指标思维下的政绩阴谋", "河南反贪“后进单位问责制”引争议 能否“计件反腐”?",
               "刷爆举报网站的反腐热情需要引导与保护", "“网络反腐”进党建词典具风向标意义"]
    lines = ["安徽司法行政系训诫预警：“揪揪耳朵”防腐败", "2009年11月09日00:00 来源：人民网-《人民日报》", *story, *related,
             "（责任编辑：刘则华）", "相关专题"]
    blocks = [(b.kind.value, b.text) for b in text_blocks(lines)]
    assert [text for kind, text in blocks if kind in ("paragraph", "subheading")] == story


@pytest.mark.parametrize("line", [
    "読売新聞オンラインに掲載している記事や写真などは、日本の著作権法や国際条約などで保護されています。著作権者の承諾を得ずに、転載、インターネット送信などの方法で利用することはできません。",
    "無断転載・複製を禁じます",
    "記事の無断転載を禁じます。"])
def test_japanese_copyright_notices_are_notices(line):
    """読売新聞: the footer's copyright paragraph, one sentence long enough to
    outweigh a four-paragraph story, and the reprint notice under it."""
    from l10n.lines import is_notice

    assert is_notice(line)


@pytest.mark.parametrize("line", ["臨時会見で魅力度ランキングを批判する群馬県の山本一太知事＝１２日、同県庁（柳原一哉撮影）",
                                  "参院本会議で答弁する岸田首相（１３日午前、国会で）＝源幸正倫撮影"])
def test_japanese_photographers_credits_make_captions(line):
    """産経 via Yahoo! Japan and 読売: the photographer in brackets, or after "＝", with 撮影."""
    from l10n.lines import is_caption

    assert is_caption(line)


def test_text_scrape_a_donation_appeal_and_print_button_after_the_story_are_not_the_story():
    """人民报: the story, its address, "打印机版", then "如果您喜欢本文章,欢迎捐款和支持!"."""
    story = [f"第{i}段：日本外交人士透露，外务省最近成立了一个新的战略小组，以协调对华外交政策，并从中长期角度分析动向。" for i in range(3)]
    lines = ["日本成立新战略小组 观察动向(图)", *story, "文章网址: http://www.example.com/rmb/articles/2022/5/27/74376.html",
             "打印机版", "如果您喜欢本文章,欢迎捐款和支持!", "分享至: Facebook T"]
    assert [(b.kind.value, b.text) for b in text_blocks(lines)] == [
        ("headline", lines[0]), *[("paragraph", p) for p in story]]


def test_paragraphs_set_apart_by_blank_lines_inside_one_element():
    """Yahoo!ニュース: the whole body in one <p> (styled white-space: pre-wrap)
    with a blank line between paragraphs."""
    paras = [f"第{i}段：在庫が増え、廃棄前に全色を見せようと最後の嘆きをツイッターで投稿したところ、注文が増えた。" for i in range(3)]
    html = ("<html><head><title>嘆きツイートで注文が増加 - Yahoo!ニュース</title></head><body><h1>嘆きツイートで注文が増加</h1>"
            "<div class='article_body'><p class='highLightSearchTarget'>" + "\n\n".join(paras) + "</p></div></body></html>")
    assert kinds_and_texts(extract(html.encode())) == [("headline", "嘆きツイートで注文が増加"), *[("paragraph", p) for p in paras]]


def test_text_scrape_japanese_byline_with_its_date_and_a_courtesy_caption():
    """朝日新聞: "ニューヨーク=真海喬生2021年10月13日 11時00分" (place=reporter,
    the date glued on), and a picture credited "=ホンダ提供"."""
    story = [f"第{i}段：ホンダの米子会社は、小型ビジネスジェットの新型コンセプト機を発表し、航続距離は約1.8倍になるという。"
             for i in range(3)]
    lines = ["ホンダジェットの新型コンセプト機　大型化で航続距離は約1.8倍に", "ニューヨーク=真海喬生2021年10月13日 11時00分",
             "新型コンセプト機「ホンダジェット　2600」のイメージ=ホンダ提供", *story]
    assert [(b.kind.value, b.text) for b in text_blocks(lines)] == [
        ("headline", lines[0]), ("credit", "ニューヨーク=真海喬生"), ("caption", lines[2]),
        *[("paragraph", p) for p in story]]



def test_a_declared_headline_with_a_page_marker_before_the_site_name():
    """産経ニュース: a screen reader's <h1> copies the <title>, "Title（1/2ページ）
    - 産経ニュース", above the visible <h3> headline."""
    paras = [f"第{i}段：大阪府内の医療法人が破綻し、市の元幹部が関わったとされる融資の経緯が不明瞭だと指摘されている。" for i in range(3)]
    html = ("<html><head><title>破綻した医療法人に不明瞭融資　背後に「影の市長」か（1/2ページ） - 産経ニュース</title>"
            "<meta property='og:title' content='破綻した医療法人に不明瞭融資　背後に「影の市長」か'></head><body>"
            "<h1 class='speech'>破綻した医療法人に不明瞭融資　背後に「影の市長」か（1/2ページ） - 産経ニュース</h1>"
            "<article><div class='article-header'><h3>破綻した医療法人に不明瞭融資　背後に「影の市長」か</h3></div><div class='article-body'>"
            + "".join(f"<p>{p}</p>" for p in paras) + "</div></article></body></html>")
    assert kinds_and_texts(extract(html.encode()))[0] == ("headline", "破綻した医療法人に不明瞭融資　背後に「影の市長」か")


def test_the_box_a_font_size_widget_resizes_is_the_story_not_a_widget():
    """内蒙古自治区政府门户网站: the story's box is named for the font-size
    widget that resizes it (class "ql_detailbro_content qgl_fontsize_box"),
    the headline sits outside it, and the footer has prose of its own."""
    paras = [f"第{i}段：自治区财政厅传出最新消息，决定延续2021年底到期的涉及4个税种的税收优惠政策，助企纾困。" for i in range(3)]
    html = ("<html><head><title>内蒙古延续部分到期税收优惠政策助企纾困_内蒙古自治区政府门户网站</title></head><body>"
            "<div class='detail'><h1>内蒙古延续部分到期税收优惠政策助企纾困</h1><div class='date'>发布日期：2022-02-11 08:52</div>"
            "<div class='ql_font_size'>【字体：大　中　小】</div><div class='ql_detailbro_content qgl_fontsize_box'>"
            "<div class='view'>" + "".join(f"<p>{p}</p>" for p in paras) + "</div></div></div>"
            "<div class='bottom'><p>主办单位：内蒙古自治区人民政府办公厅，承办单位：内蒙古自治区大数据中心，网站标识码1500000001。</p></div>"
            "</body></html>")
    assert kinds_and_texts(extract(html.encode())) == [
        ("headline", "内蒙古延续部分到期税收优惠政策助企纾困"), *[("paragraph", p) for p in paras]]


@pytest.mark.parametrize("line", ["新华网黑龙江频道 记者 伊琳 李清芬", "澎湃新闻记者 贺梨萍", "編集委員　中沢克二"])
def test_a_channel_then_reporters_names_is_a_credit(line):
    from l10n.lines import is_credit

    assert is_credit(line)


def test_text_scrape_whose_only_paragraph_lost_its_last_full_stop():
    """A Macanese portal's scrape: menus, the headline, a date, then the whole
    story on one line whose last words (the reporters' names) were cut off
    with their closing bracket, so no line ends in sentence punctuation."""
    menu = [f"  • 本地新聞標題第{i}則" for i in range(20)]
    story = ("(本台消息) 市民下午在區內遊行，表達多項訴求，隊伍由公園起步，沿主要道路前往終點。"
             " 部分參加者其後到警署外聚集，用雜物設置路障，警方到場戒備，雙方一度對峙。 (王小明 李大")
    lines = ["媒體", *menu, "香港市民遊行到警署外設路障", "2019-08-24 15:26", story]
    blocks = [(b.kind.value, b.text) for b in text_blocks(lines)]
    assert blocks[0] == ("headline", "香港市民遊行到警署外設路障")
    assert "".join(text for kind, text in blocks if kind == "paragraph").startswith("(本台消息) 市民下午")


def test_text_scrape_the_story_under_a_title_like_lead_not_the_photo_caption_above_it():
    """雅虎中国 (2005): the headline shown twice (<title> and page), a photo
    caption far above the story, then a lead line without a full stop over
    the story's paragraphs: the nearest title line over the story is the lead,
    but the headline the page repeats heads the story as well."""
    headline = "女歌手新专辑表情千奇百怪 再拿巨星开涮(图)"
    caption = "新专辑封面上有女歌手各种各样的表情，她说整张专辑的概念就像这个名字一样，希望听众在听完之后觉得新鲜、开心。"
    story = [f"第{i}段：上张专辑中，女歌手以一个小女生跟偶像通信的故事，演绎出一首感人的情歌，新专辑再拿巨星开涮，风格轻松。"
             for i in range(4)]
    lines = [headline, "返回首页", "资讯首页 | 财经 | 体育 | 娱乐", headline, "2005-04-28 11:13更新 来源：转载文章", "发表评论",
             *[f"明星：今日推荐第{i}条" for i in range(6)], caption, *[f"·广告{i}--新药" for i in range(4)],
             "南方网讯　女歌手新专辑再拿好莱坞巨星开涮", *story, "来源：南方都市报"]
    paragraphs = [b.text for b in text_blocks(lines) if b.kind is BlockKind.PARAGRAPH]
    assert paragraphs[-4:] == story


def test_text_scrape_photos_numbered_with_circled_digits_are_captions_not_the_headline():
    """新民晚报's e-paper: the pictures under the headline are numbered ①, ②
    and their captions carry no full stop, so they read like titles."""
    story = [f"第{i}段：昨天晚上，区政府发布告市民书，宣布取消出入证管理，市民可凭核酸阴性证明自由出入小区，商店陆续恢复营业。"
             for i in range(3)]
    lines = ["2025年07月17日 星期四", "第1版:一版要闻 2022-05-28", "相信上海不久会恢复热闹",
             "①不少居民趁周末到公园内游玩", "②在小区门口，私家车出入无需通行证", *story]
    assert [(b.kind.value, b.text) for b in text_blocks(lines)] == [
        ("headline", lines[2]), ("caption", lines[3]), ("caption", lines[4]), *[("paragraph", p) for p in story]]


@pytest.mark.parametrize("encoding", ["utf-8", "shift_jis"])
def test_an_xhtml_page_with_an_xml_declaration_is_read(encoding):
    """読売新聞 (2011) and many XHTML pages of that time open with
    <?xml version="1.0" encoding="Shift_JIS"?>, which the HTML parser refuses
    in a decoded page."""
    paras = [f"第{i}段：東京電力福島第一原子力発電所では、水素爆発を防ぐための窒素注入や、汚染水対策など、作業が続いた。" for i in range(3)]
    html = (f'<?xml version="1.0" encoding="{encoding}"?>\n'
            '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
            '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">\n'
            f'<html xmlns="http://www.w3.org/1999/xhtml" lang="ja"><head><meta http-equiv="Content-Type" '
            f'content="text/html; charset={encoding}"><title>汚染水対策続く : 読売新聞</title></head><body>'
            '<h1>汚染水対策続く</h1>' + "".join(f"<p>{p}</p>" for p in paras) + "</body></html>")
    assert kinds_and_texts(extract(html.encode(encoding))) == [
        ("headline", "汚染水対策続く"), *[("paragraph", p) for p in paras]]


def test_a_story_in_a_box_named_share_beside_a_list_of_teasers():
    """民視新聞 (2014): the story's <span> sits inside the share widget's
    box (div.share holds the icons and then the text), and the list of other
    stories beside it, each a title over its first sentence, has about as
    much text: teasers in list items are not the page's running text."""
    paras = [f"第{i}段：內湖有家包子店，開業3年來，堅持使用新鮮原物料，製作良心包子，一開始每月都虧損，終於轉虧為盈。" for i in range(3)]
    teasers = "".join(
        f"<li><a href='/n{i}'>其它新聞標題第{i}則</a><p>強烈冷氣團發威，平地最低溫清晨出現在宜蘭，只有12度，接下來兩天，冷氣團威力減弱，氣溫可望回升，第{i}則。</p></li>"
        for i in range(5))
    html = ("<html><head><title>「良心包子」重視食安 虧損2年出頭天</title>"
            "<meta property='og:title' content='「良心包子」重視食安 虧損2年出頭天'></head><body><form>"
            "<div class='lmain'><div class='videobox'><span>「良心包子」重視食安 虧損2年出頭天</span><span>2014/12/1 18:13</span></div>"
            "<div class='newsdes'><div class='share'><div class='shareicon'><a href='#'>Plurk</a> <a href='#'>Facebook</a>"
            " | 目前字級：</div><br/><p><span id='newscontent'>" + "<br/><br/>".join(paras) + "</span></p></div></div></div>"
            "<div class='rmain'><div class='rlist'>其它生活新聞<ul>" + teasers + "</ul></div></div></form></body></html>")
    assert kinds_and_texts(extract(html.encode())) == [
        ("headline", "「良心包子」重視食安 虧損2年出頭天"), *[("paragraph", p) for p in paras]]


def test_a_page_whose_title_is_the_sites_name_takes_the_title_line_over_its_date():
    """中廣新聞網 (2014): <title> is the site's name on every page, no heading
    and no og:title; the story's title is a plain <div> over the date line."""
    paras = [f"第{i}段：受強烈大陸冷氣團影響，明天白天北部低溫約只有13、14度，南部約17到19度，愈晚愈冷。" for i in range(3)]
    html = ("<html><head><title>中國廣播公司全球資訊網</title></head><body>"
            "<div class='gd3'>官網首頁 &gt; 中廣新聞網 NewsRadio</div><div class='gd3'>&gt; 生活</div>"
            "<div class='nsa3'><div class='tt26'>強烈大陸冷氣團明發威 愈晚愈冷</div><div class='tt27'>2014/12/11 18:58 報導</div>"
            "<div class='ft'>小 中 大</div><div class='ma7'>" + "".join(f"<p>{p}</p>" for p in paras) + "</div></div>"
            "</body></html>")
    assert kinds_and_texts(extract(html.encode())) == [
        ("headline", "強烈大陸冷氣團明發威 愈晚愈冷"), *[("paragraph", p) for p in paras]]


def test_the_summary_box_between_the_headline_and_a_long_story_is_the_storys_start():
    """NHK NEWS WEB (2019): the headline in a <p class="title">, the story's
    first paragraphs in a box of their own, then a box five times longer
    with the story's sections under <h3>s."""
    lead = [f"要約{i}：東京のマンションで女性を縛って殺害したとして逮捕された３人は、他人名義の携帯電話を持っていました。" for i in range(2)]
    sections = [(f"見出し{j}", [f"本文{j}-{i}：警視庁は、身元が特定されないように他人名義の携帯電話などを準備したとみて、"
                                 "犯行グループの全容を解明することにしています。" for i in range(5)]) for j in range(3)]
    html = ("<html><head><title>アポ電 強盗殺人 容疑者の携帯電話は他人名義 | NHKニュース</title>"
            "<meta property='og:title' content='アポ電 強盗殺人 容疑者の携帯電話は他人名義'></head><body>"
            "<section class='detail'><header><p class='title'>アポ電 強盗殺人 容疑者の携帯電話は他人名義</p>"
            "<div class='time'>3月14日 17時37分</div></header><section class='module--content'>"
            "<div>" + "".join(f"<p>{p}</p>" for p in lead) + "</div><div class='news_add'>"
            + "".join(f"<h3>{title}</h3>" + "".join(f"<p>{p}</p>" for p in paras) for title, paras in sections)
            + "</div></section></section></body></html>")
    paragraphs = [text for kind, text in kinds_and_texts(extract(html.encode())) if kind == "paragraph"]
    assert paragraphs == lead + [p for _, paras in sections for p in paras]


def test_text_scrape_headline_the_page_shows_again_below_is_still_the_headline_over_its_deck():
    """明報 (2011 print edition): headline, deck, story, and the headline
    again in the photo gallery's list below the story."""
    story = [f"第{i}段：【明報專訊】屯門一幢工廈的石屎簷篷一個月前突然崩塌，壓傷一名途人，專家質疑當年打錯鋼筋。" for i in range(3)]
    lines = ["主頁　　要聞　　港聞　　教育　　社評•筆陣　　論壇", "全部圖片(4張)", "塌篷工廈被轟打錯鋼筋32年", "專家質疑違則 途人枉斷腳掌",
             *story, "相關新聞", "塌篷工廈被轟打錯鋼筋32年", "屋宇署巡查全港同類簷篷"]
    assert [(b.kind.value, b.text) for b in text_blocks(lines)][:2] == [
        ("headline", "塌篷工廈被轟打錯鋼筋32年"), ("subheading", "專家質疑違則 途人枉斷腳掌")]


@pytest.mark.parametrize("line", ["CNET Japan > デジタル製品特集 > 松村太郎のAppleニュース一気読み", "首頁 » 國際 » 亞洲新聞"])
def test_a_breadcrumb_trail_is_a_link_list_not_a_title(line):
    from l10n.lines import is_link_list, is_title

    assert is_link_list(line) and not is_title(line)


@pytest.mark.parametrize("line", ["李世丙(右2)、洪勝信(左2)、蔡伸雄(左1)、王輝生(右1)", "國民黨總統參選人侯友宜（左二）昨與黨籍立委握手"])
def test_people_placed_in_a_photo_make_a_caption_not_a_title(line):
    from l10n.lines import is_caption, is_title

    assert is_caption(line) and not is_title(line)


def test_text_scrape_a_headline_with_its_date_before_it_unbracketed():
    """新文化 (an opinion site): "2022/12/14 Headline", then the author."""
    story = [f"第{i}段：在這次疫情中，政府並沒有犯太大的錯誤，加上全民的配合，與世界各國比較，成績相當亮眼。" for i in range(3)]
    lines = ["最新文章", "2022/12/14 政府不能沉溺於防疫的成就", "作者: 新文化編輯部", *story]
    assert [(b.kind.value, b.text) for b in text_blocks(lines)][:2] == [
        ("headline", "政府不能沉溺於防疫的成就"), ("credit", "作者: 新文化編輯部")]


@pytest.mark.parametrize("line", ["社會中心／綜合報導", "世界新聞網／即時報導", "楊智家／綜合報導"])
def test_a_desk_or_outlet_over_its_report_is_a_credit(line):
    from l10n.lines import is_credit, is_title

    assert is_credit(line) and not is_title(line)


@pytest.mark.parametrize("line", ["Image: バンダイ", "写真：共同通信", "Photo: Reuters", "草間彌生（時藝多媒體提供）",
                                  "後任は立浪和義氏に決まった(写真・黒田史夫）"])
def test_a_photo_source_on_a_line_of_its_own_is_a_caption(line):
    from l10n.lines import is_caption, is_title

    assert is_caption(line) and not is_title(line)


def test_text_scrape_a_japanese_headline_joining_two_phrases_with_a_full_stop():
    """GIZMODO JAPAN, Publickey: "Suicaでガシャれる。電子マネー対応…" — one 。
    inside the headline, none at its end; the author's name under it."""
    story = [f"第{i}段：最近、ゲームセンターも電子マネー対応の筐体が増えてきましたが、ついにガシャポンも対応しました。" for i in range(3)]
    lines = ["おもちゃ", "ガジェット", "Suicaでガシャれる。電子マネー対応ガシャポンが稼働開始", "小暮ひさのり", "Image: バンダイ", *story]
    assert [(b.kind.value, b.text) for b in text_blocks(lines)][0] == ("headline", lines[2])


def test_text_scrape_a_gallery_after_the_story_each_caption_shown_twice():
    """世界新聞網's photo story: one paragraph, then the gallery, each caption
    shown twice in a row (under its photo and in the thumbnails)."""
    story = "美國中西部至東岸1日籠罩在暴雪中，紐約、新澤西和康乃狄克州進入緊急狀態，多地學校停課，交通大亂。"
    captions = ["賓州一輛篷車在大雪中行駛。(美聯社)", "華府一輛鏟雪車經過國家廣場附近。(美聯社)", "白宮附近有人堆起了雪人。(美聯社)"]
    lines = ["圖輯／半個美國陷暴雪 全變白色世界", "世界新聞網／即時報導", story,
             *[line for caption in captions for line in (caption, caption)], "美國 新英格蘭 紐約"]
    assert [(b.kind.value, b.text) for b in text_blocks(lines)] == [
        ("headline", lines[0]), ("credit", lines[1]), ("paragraph", story), *[("caption", c) for c in captions]]


def test_a_series_name_before_the_headline_in_h1_is_not_the_headline():
    """ITmedia: <h1>連載名：Headline</h1>, og:title the headline alone
    with the page marker, <title> both with the site's name."""
    paras = [f"第{i}段：2015年の新商品発表会では、iPhone 6sをはじめ、iPad Pro、Apple Pencilといった多彩な製品が登場した。" for i in range(3)]
    headline = "Appleらしい「ユーザー体験の再発明」――新たなスタンダード"
    html = (f"<html><head><title>神尾寿のMobile＋Views：{headline} (1/3) - ITmedia Mobile</title>"
            f"<meta property='og:title' content='{headline} (1/3)'></head><body><div class='inner'>"
            f"<h1>神尾寿のMobile＋Views：{headline}</h1><div class='body'>" + "".join(f"<p>{p}</p>" for p in paras)
            + "</div></div></body></html>")
    assert kinds_and_texts(extract(html.encode()))[0] == ("headline", headline)


def test_an_endless_page_whose_next_story_has_a_headline_in_the_same_template():
    """香港01: a concert guide, then the next guide the page loaded under it,
    its <h1> made from the same template ("X演唱會2026香港｜門票…"), longer."""
    def article(name: str, paras: list[str]) -> str:
        return (f"<div class='grid'><h1>{name}演唱會2026香港｜門票優先/公售攻略＋購票連結＋座位表</h1></div>"
                "<article class='cmp-article-detail'>" + "".join(f"<p>{p}</p>" for p in paras) + "</article>")

    story = [f"第{i}段：SEVENTEEN世界巡迴演唱會將於明年二月在啟德主場館舉行，門票價錢及公開發售日期有待公佈。" for i in range(3)]
    following = [f"第{i}段：i-dle世界巡迴演唱會將於明年六月在啟德體育場舉行，樂迷可留意優先購票及公開發售的安排。" for i in range(6)]
    html = ("<meta charset='utf-8'><title>SEVENTEEN演唱會2026香港｜門票優先/公售攻略＋購票連結＋座位表 | 香港01</title>"
            "<meta property='og:title' content='SEVENTEEN演唱會2026香港｜門票優先/公售攻略＋購票連結＋座位表'>"
            + article("SEVENTEEN", story) + article("i-dle", following))
    assert [text for kind, text in kinds_and_texts(extract(html.encode())) if kind == "paragraph"] == story


def test_a_page_declaring_only_the_sites_name_takes_the_title_line_over_the_story():
    """公視新聞網 (2014): og:title "-公視新聞網" and <title> the site's name,
    the story's title in a table cell over its paragraphs."""
    paras = [f"第{i}段：中風年齡越來越年輕，台綜院創辦人昨天參加一場活動時透露，他十四歲的孫子日前腦溢血住院。" for i in range(3)]
    html = ("<html><head><title>公共電視台 新聞網</title><meta property='og:title' content='-公視新聞網'></head><body>"
            "<table><tr><td>首頁</td><td>新聞</td></tr><tr><td>中風年輕化 孫子14歲腦溢血</td></tr><tr><td>"
            + "".join(f"<p class='Page'>{p}</p>" for p in paras) + "</td></tr></table></body></html>")
    assert kinds_and_texts(extract(html.encode()))[0] == ("headline", "中風年輕化 孫子14歲腦溢血")


def test_a_section_label_the_page_declares_as_its_title_is_not_the_headline():
    """科普中国: <title> "科普中国-辟谣文章" (site, section) on every rumour
    page, the section shown as a label; the story's title is a <div> above
    its source line."""
    paras = [f"第{i}段：看过电影的人可能会记得反派徒手抓子弹的镜头，现实中，子弹出膛的速度远远超过人的反应速度。" for i in range(3)]
    html = ("<html><head><title>科普中国-辟谣文章</title></head><body><div class='nav'><span>辟谣文章</span></div>"
            "<div class='rumor-article'><div class='rumor-title'>徒手抓子弹真的存在吗？</div>"
            "<div class='rumor-info'>来源： 科普中国-科学原理</div><div class='rumor-content'>"
            + "".join(f"<p>{p}</p>" for p in paras) + "</div></div></body></html>")
    assert kinds_and_texts(extract(html.encode()))[0] == ("headline", "徒手抓子弹真的存在吗？")


def test_a_headline_ending_in_reporter_then_more_words_is_no_byline():
    """"…擄走壹週刊記者  並作出無理拘捕": the word 記者 inside a headline, then
    a clause longer than a name, is no "desk 記者 name" byline."""
    from l10n.lines import is_credit, is_title

    assert not is_credit("警察在街頭無故擄走壹週刊記者  並作出無理拘捕")
    assert is_title("警察在街頭無故擄走壹週刊記者  並作出無理拘捕")
    assert is_credit("中青报·中青网记者 魏其濛 来源：中国青年报")


@pytest.mark.parametrize("line", ["注明:文章部分内容来源于网络,如侵犯到您的隐私或权益,请后台留言,本平台第一时间进行处理,谢谢!",
                                  "本文圖片來自網路，如有侵權，請聯繫我們刪除。"])
def test_a_copy_sites_takedown_note_is_a_notice(line):
    from l10n.lines import is_notice

    assert is_notice(line)


def test_a_paragraph_giving_a_hotline_number_is_the_storys_not_a_hotline_box():
    from l10n.lines import is_notice

    assert is_notice("安心專線：1925")
    assert not is_notice("中華白海豚是國際瀕危的海洋哺乳類動物。市政署呼籲，市民如發現海豚擱淺或死亡個案，"
                         "請致電市民服務熱線2833 7676通知相關人員到場處理。")


def test_the_box_after_the_video_player_is_the_story_not_the_player():
    """無綫新聞 (2014): the story under the video sits in div#c1_afterplayer,
    and the weather line at the top of the page is prose of its own."""
    paras = [f"第{i}段：市場預期，美國零售銷售與消費者信心都進一步上升，勞工市場繼續好轉，通貨膨脹仍然溫和。" for i in range(4)]
    html = ("<html><head><title>無綫新聞 - 財經 - 市料美零售銷售續升</title></head><body>"
            "<div class='weather'>天晴，天氣乾燥。明早天氣相當清涼，市區最低氣溫約14度，新界再低幾度。</div>"
            "<div class='newsDesc'><h4>市料美零售銷售續升</h4><div id='c1_afterplayer'>"
            + "".join(f"<pre>{p}</pre>" for p in paras) + "</div></div></body></html>")
    assert kinds_and_texts(extract(html.encode())) == [("headline", "市料美零售銷售續升"), *[("paragraph", p) for p in paras]]


@pytest.mark.parametrize(("line", "headline"), [
    ("标题: 倒曹纯属谐音梗? 曹观友:没有人倒曹最好 [打印本页]", "倒曹纯属谐音梗? 曹观友:没有人倒曹最好"),
    ("主題: 快訊:福澳碼頭深夜火燒船 | |", "快訊:福澳碼頭深夜火燒船"),
])
def test_text_scrape_a_printer_friendly_pages_labelled_title(line, headline):
    """A forum's print view ("标题: … [打印本页]") and a portal's table layout
    ("主題: … | |") label the title line."""
    story = [f"第{i}段：州首席部长今日在记者会上表示，有关谐音的说法纯属巧合，他希望各方把焦点放在州的发展上。" for i in range(3)]
    lines = ["论坛 » 时事", line, "作者: 小编    时间: 2023-1-5 10:21", *story]
    assert [(b.kind.value, b.text) for b in text_blocks(lines)][0] == ("headline", headline)


def test_text_scrape_an_endless_page_keeps_its_first_story():
    """南洋商報 (2020): each story of the endless page closes with the same
    reactions bar; the second story is longer than the page's own."""
    own = ["（新加坡27日讯）新加坡今天新增799起冠病病例，总病例达1万4423起，新增病例多数是住在客工宿舍的工作准证持有者。",
           "卫生部将在稍后发出的文告中，透露新病例的更多细节，包括社区病例的感染源和确诊者的行踪。"]
    next_story = [f"{'（新加坡13日讯）' if i == 0 else ''}第{i}段：疑在候机室索讨香烟不果，澳洲男子竟点燃窗帘纵火，还用灭火器喷向到场处理的警员。"
                  for i in range(5)]
    lines = ["国际", "新加坡新增799起冠病确诊病例", *own, "反应", "东盟+", "澳洲男子机场候机室点燃窗帘纵火", *next_story,
             "反应", "相关新闻"]
    blocks = [(b.kind.value, b.text) for b in text_blocks(lines)]
    assert blocks == [("headline", "新加坡新增799起冠病确诊病例"), *[("paragraph", p) for p in own]]


def test_text_scrape_the_teasers_under_a_related_stories_label_are_not_the_story():
    """台海网: a one-paragraph story, its source line, then 相关新闻 and a
    list of teasers, each a title over a paragraph, longer all together."""
    story = "据日本共同社报道，日本首相菅义伟18日在众院议院运营委员会会议上表态称，将在21日解除首都圈的紧急事态宣言。"
    teasers = [line for i in range(3) for line in (f"相关报道标题第{i}条", f"第{i}条：外交部发言人针对美日联合声明作出严正回应，表示坚决反对干涉中国内政的言行。")]
    lines = ["您现在的位置: 台海网 >> 新闻中心 >> 国际", "菅义伟宣布21日将解除首都圈紧急事态宣言", story, "来源:海外网", "相关新闻",
             *teasers]
    blocks = [(b.kind.value, b.text) for b in text_blocks(lines)]
    assert ("paragraph", story) in blocks and not any(text.startswith("第") for _, text in blocks)


def test_text_scrape_a_headline_shown_twice_in_a_row_keeps_its_deck_under_it():
    """哈爾濱日報 (2018): the headline and its print copy, then the deck."""
    story = [f"第{i}段：市公安局召開春節安保工作總結會，通報春節期間全市各類警情同比下降，社會治安持續平安穩定。" for i in range(3)]
    lines = ["春節期間全市各類警情同比下降", "春節期間全市各類警情同比下降", "社會治安持續平安穩定", *story]
    assert [(b.kind.value, b.text) for b in text_blocks(lines)][:2] == [
        ("headline", "春節期間全市各類警情同比下降"), ("subheading", "社會治安持續平安穩定")]


def test_text_scrape_a_headline_of_three_short_phrases_is_no_menu():
    """Yahoo 奇摩 (2013): "醫界四大皆空 民眾無感 (圖)" is the headline, shown
    twice; "延伸 · 推荐" is a link bar."""
    from l10n.lines import is_link_list

    assert not is_link_list("醫界四大皆空 民眾無感 (圖)")
    assert is_link_list("延伸 · 推荐") and is_link_list("首頁 新聞 財經 娛樂")


def test_text_scrape_the_headline_again_with_a_photo_credit_glued_on_is_not_the_headline():
    """人間福報: the headline, its byline, then the headline again over the
    photo with the credit glued on (… 圖/晞林)."""
    story = [f"第{i}段：颱風過後幾天，到植物園散步，走到門口，才知園區封閉整理中，樹枝與落葉還堆積在路徑中。" for i in range(3)]
    lines = ["生活快門 守著殘破家園", "文與圖/晞林 |2015.09.10", "字級", "生活快門 守著殘破家園 圖/晞林", "文與圖/晞林", *story]
    assert [(b.kind.value, b.text) for b in text_blocks(lines)][0] == ("headline", "生活快門 守著殘破家園")


def test_text_scrape_a_headline_shorter_than_a_title_right_above_the_date():
    """台灣醒報 (2015): a reporter's diary titled in five characters, then
    the author, date and view count."""
    story = [f"第{i}段：今天到記者會，覺得警調看起來都好疲憊，整天都在跟罪犯周旋，心理壓力應該很大，讓人心疼。" for i in range(3)]
    lines = ["台灣醒報", "警調的疲憊", "鄭宇晴 2015/07/07 11:42 點閱 550 次", *story]
    assert [(b.kind.value, b.text) for b in text_blocks(lines)][0] == ("headline", "警調的疲憊")


@pytest.mark.parametrize(("line", "headline"), [
    ("[澳門新聞] 巴士疑撞途人男子送院", "巴士疑撞途人男子送院"),
    ("【獨家】巴士疑撞途人男子送院", "【獨家】巴士疑撞途人男子送院"),  # the outlet's own kicker stays
])
def test_text_scrape_a_section_tag_in_square_brackets_is_not_the_headlines(line, headline):
    story = [f"第{i}段：一輛巴士昨晚在新馬路疑撞倒一名過路男子，男子頭部受傷，由救護車送往醫院治理，警方正調查事故原因。" for i in range(3)]
    lines = ["澳門新聞", line, "2024-03-05", *story]
    assert [(b.kind.value, b.text) for b in text_blocks(lines)][0] == ("headline", headline)


def test_text_scrape_a_banner_paragraph_above_the_headline_is_not_the_story():
    """自由亞洲電台 (2025): the site's notice to readers, in prose, stands
    right above the headline and its story."""
    banner = "3月15日，美國政府終止了對本台的資助，因此我們的員工人數減少。但我們仍將繼續在網站及社交媒體平台上提供有限的新聞內容。"
    story = ["美國國務院強烈譴責香港當局對黃之鋒提出新的國安指控，稱此舉是對香港未來的悲劇性打擊，意圖進一步打壓異見聲音。",
             "國務院發言人表示，美國呼籲港府立即釋放黃之鋒及所有因和平表達意見而被拘押的人士，並恢復香港的自由。"]
    lines = [banner, "美國國務院強烈譴責港府拘捕黃之鋒", *story]
    assert [(b.kind.value, b.text) for b in text_blocks(lines)] == [
        ("headline", "美國國務院強烈譴責港府拘捕黃之鋒"), *[("paragraph", p) for p in story]]


def test_ruby_readings_over_kanji_are_not_text():
    """NHK NEWS WEB EASY prints each kanji word's reading over it in <rt>;
    the article's text is the words, not words and readings."""
    def ruby(word, reading):
        return f"<ruby>{word}<rp>(</rp><rt>{reading}</rt><rp>)</rp></ruby>"
    paragraphs = [f"{i}、{ruby('障害', 'しょうがい')}がある{ruby('人', 'ひと')}を{ruby('手伝', 'てつだ')}う{ruby('方法', 'ほうほう')}を、"
                  f"{ruby('会社', 'かいしゃ')}の{ruby('人', 'ひと')}たちが{ruby('勉強', 'べんきょう')}しました。" for i in range(3)]
    html = ("<html><head><title>NEWS WEB EASY</title></head><body><article><h1>" + ruby("勉強会", "べんきょうかい")
            + "を開きました</h1>" + "".join(f"<p>{p}</p>" for p in paragraphs) + "</article></body></html>")
    blocks = kinds_and_texts(extract(html.encode()))
    assert blocks[0] == ("headline", "勉強会を開きました")
    assert blocks[1] == ("paragraph", "0、障害がある人を手伝う方法を、会社の人たちが勉強しました。")


def test_text_scrape_a_blog_archives_next_post_is_not_the_storys_end():
    """A blog's month archive: the post, its sign-off, then the next post's
    title twice (its link and its heading) and its paragraphs."""
    story = [f"第{i}段：泰老友谊大桥通车20周年，廊开府昨天举办纪念会，两国官员出席，回顾大桥对两国贸易的贡献。" for i in range(3)]
    next_post = [f"第{i}段：国家旅游局长昨天表示，为庆祝马年到来，旅游局将在全国12个地区举办春节活动。" for i in range(4)]
    lines = ["友谊大桥20周年庆 廊开办纪念会", *story, "~以上新闻转载自世界日报~", "迎马年 旅游局12地办活动",
             "迎马年 旅游局12地办活动", *next_post, "~以上新闻转载自世界日报~"]
    blocks = [(b.kind.value, b.text) for b in text_blocks(lines)]
    assert blocks == [("headline", "友谊大桥20周年庆 廊开办纪念会"), *[("paragraph", p) for p in story]]


def test_text_scrape_a_paragraph_opening_with_the_outlets_tag_starts_the_next_story():
    """星島 (Canada) day archive: each story opens with 【星島綜合報道】; the
    next story's title between them is no subheading of the first."""
    first = ["【星島綜合報道】西溫哥華警方請求公眾幫助辨認，一名周二午夜持槍搶劫加油站的嫌疑人，並公開了嫌疑人的照片。",
             *[f"第{i}段：警方稱，嫌疑人進入加油站，拿出手槍對準收銀員並索要現金，隨後步行逃離現場。" for i in range(6)]]
    second = ["【星島綜合報道】前往邊境的加拿大人可以利用一項新選項，在旅行前以數字方式提交護照資料，縮短等候時間。",
              *[f"第{i}段：美國海關的流動護照管制應用程式，將允許旅客在過境時體驗更短的等待時間與更簡便的手續。" for i in range(2)]]
    lines = ["西溫加油站午夜遭槍匪打劫 警釋嫌人照片籲助尋", *first, "V6", "使用MPC程式從溫哥華赴美更便捷", *second]
    blocks = [(b.kind.value, b.text) for b in text_blocks(lines)]
    assert blocks == [("headline", "西溫加油站午夜遭槍匪打劫 警釋嫌人照片籲助尋"), *[("paragraph", p) for p in first]]


def test_text_scrape_a_page_of_news_briefs_keeps_its_first_item():
    """新唐人 (2008) 中國新聞簡訊: numbered briefs, each a title over one
    paragraph on its own subject; the first is no banner above the rest."""
    items = [("1. 遼寧義縣當局不法勒索錢財", "義縣派出所、公安局等多個部門，在當地扣押學員的存款，初步統計金額達人民幣近百萬元。"),
             ("2. 港媒批中共釋放記者又拘捕維權人士", "中共當局在近一星期先後釋放三位被囚禁記者，又拘捕、檢控一名維權人士，香港報章批評此舉無恥。"),
             ("3. 科學家協助破獲假藥集團", "據報導，科學家在越南、老撾、緬甸和柬埔寨做的研究，協助國際刑警組織破獲了製造假藥的犯罪網絡。")]
    lines = ["中國新聞簡訊", *[line for item in items for line in item]]
    paragraphs = [text for kind, text in ((b.kind.value, b.text) for b in text_blocks(lines)) if kind == "paragraph"]
    assert paragraphs == [text for _, text in items]


def test_text_scrape_a_headline_printed_on_three_lines_is_one_headline():
    """澳門 (2020): the list entry shows the headline on one line, the story
    prints it on three."""
    story = [f"第{i}段：【本報訊】司警昨日再在澳門國際機場拘捕一名馬來西亞男子，在其行李箱內起獲九點四公斤大麻花。" for i in range(3)]
    lines = ["分類: 焦點新聞", "• 司警昨再破跨境運毒 拘機場入境馬籍男子 檢九點四公斤大麻花", "司警昨再破跨境運毒", "拘機場入境馬籍男子",
             "檢九點四公斤大麻花", *story]
    assert [(b.kind.value, b.text) for b in text_blocks(lines)][0] == (
        "headline", "司警昨再破跨境運毒 拘機場入境馬籍男子 檢九點四公斤大麻花")


def test_text_scrape_a_japanese_date_without_its_year_marks_the_headline_above_it():
    """BIGLOBE: the headline, then "2月15日（土）7時0分　オリコン", then a
    photo's caption that reads like a title."""
    from l10n.lines import is_dateline

    assert is_dateline("2月15日（土）7時0分　オリコン")
    story = [f"{i}、与田祐希の写真集から未収録の“ちょんまげ＆すっぴんショット”が公開され、本人はお気に入りの一枚と語った。"
             for i in range(3)]
    lines = ["写真集", "与田祐希“ちょんまげ＆すっぴんショット”公開「お気に入りの一枚」", "2月15日（土）7時0分　オリコン",
             "与田祐希写真集『無口な時間』未収録の“すっぴんショット”", "写真を拡大", *story]
    assert [(b.kind.value, b.text) for b in text_blocks(lines)][0] == (
        "headline", "与田祐希“ちょんまげ＆すっぴんショット”公開「お気に入りの一枚」")


def test_text_scrape_a_first_paragraph_broken_at_a_comma_is_no_headline_and_stays():
    """A copy site (2014) of a 星洲 story: the scrape broke the first
    paragraph at a comma; the headline is above the date."""
    first = "疑有人不满州政府，把各装有一隻小猪、四脚蛇和鸭子的行李袋置於光大3楼政府办公厅，"
    rest = ["还各附卡片写上首长、政治秘书和行政议员的名字，当局形容这是非常过份的恶作剧行为。",
            "州总警长表示，警方会积极追查恶作剧者，并发出严厉警告，呼吁公众不要模仿。"]
    lines = ["经济与生活", "马人用三只动物辱州高官", "2014-10-23", first, *rest]
    assert [(b.kind.value, b.text) for b in text_blocks(lines)] == [
        ("headline", "马人用三只动物辱州高官"), ("paragraph", first), *[("paragraph", p) for p in rest]]


@pytest.mark.parametrize("line", ["订阅登录,以继续阅读全文!", "早报新添“赠阅文章”功能!凡早报VIP会员,每月可赠阅 5 篇订户专享文章。",
                                  "請訂閱以繼續閱讀全文。"])
def test_a_paywalls_prompt_is_a_notice(line):
    from l10n.lines import is_notice

    assert is_notice(line)


def test_text_scrape_a_list_of_quoted_words_inside_the_story_does_not_end_it():
    """好奇心日报 (2017): eight quoted topics, one per line, between two
    paragraphs of the story."""
    before = [f"第{i}段：人们对于讨厌的事物总是能很有共同话题，约会软件也深谙这一点，最近在美国有一个软件以此配对。" for i in range(2)]
    after = [f"第{i}段：这些话题包含了明星、生活习惯、食物等各个领域，用户可以选择喜欢、讨厌或者无所谓。" for i in range(3)]
    quoted = ["“在飞机上睡觉”", "“投资银行家”", "“悲伤的音乐”", "“真人秀”", "“豆腐”", "……"]
    lines = ["这个约会软件想用相似好恶来帮你找对象", *before, *quoted, *after]
    paragraphs = [text for kind, text in ((b.kind.value, b.text) for b in text_blocks(lines)) if kind == "paragraph"]
    assert paragraphs[:2] == before and paragraphs[-3:] == after


def test_text_scrape_a_japanese_headline_mostly_in_latin_letters_is_japanese():
    """InfoQ Japan: "Google ChromeのNever-Slow Mode" is the headline, not a
    line in another language like the "Leia em português" link under it."""
    from l10n.lines import foreign_lines

    story = [f"{i}、GoogleはChromeブラウザに、ページの読み込みを速く保つための新しいモードを試験的に追加した。" for i in range(3)]
    lines = ["Google ChromeのNever-Slow Mode", "Leia em português", "2019年2月27日 読了時間 3 分", *story]
    assert foreign_lines(lines) == {1}
    assert [(b.kind.value, b.text) for b in text_blocks(lines)][0] == ("headline", "Google ChromeのNever-Slow Mode")


def test_html_text_after_a_comment_is_the_pages():
    """TVBS (2016): the story's first paragraph is the text right after the
    <!-- 新聞主內容 --> comment, before the ad scripts."""
    first = "蔡英文總統10日到東部，連趕4站視察颱風災情，分別前往綠島、蘭嶼、台東縣太麻里，晚間再到台東縣災害應變中心聽取簡報。"
    rest = [f"第{i}段：蔡英文10日下午在臉書發文表示，風災讓台東人受苦了，她從綠島到蘭嶼，看見大家努力重建家園。" for i in range(3)]
    html = ("<html><body><h1>焦點不是我！蔡英文視察台東</h1><div class='newsdetail-content'>\n<!-- 新聞主內容 -->\n" + first
            + "\n<!-- OneAD --><script>show_da('inread');</script><br><br>" + "<br><br>".join(rest) + "</div></body></html>")
    assert kinds_and_texts(extract(html.encode()))[1] == ("paragraph", first)


def test_a_japanese_date_with_its_weekday_and_no_year_is_a_date_line():
    from l10n.lines import is_dateline

    assert is_dateline("10/13(水) 7:00配信") and is_dateline("2月15日（土）7時0分　オリコン")


@pytest.mark.parametrize(("line", "headline"), [
    ('國道直擊小貨車"燒成火球" 駕駛秒跳車逃死劫│中視新聞 20230113', '國道直擊小貨車"燒成火球" 駕駛秒跳車逃死劫'),
    ("澳門大學研究團隊發現新型抗病毒藥物 | 澳廣視", "澳門大學研究團隊發現新型抗病毒藥物"),
])
def test_text_scrape_the_site_after_a_bar_at_the_headlines_end_is_left_out(line, headline):
    story = [f"第{i}段：一輛小貨車今天上午行駛國道時突然起火，駕駛發現車頭冒煙後立刻停車逃生，消防隊到場撲滅火勢。" for i in range(3)]
    assert [(b.kind.value, b.text) for b in text_blocks([line, *story])][0] == ("headline", headline)


def test_text_scrape_a_box_the_template_shows_twice_is_not_the_pages_story():
    """NHK NEWS WEB EASY: the "about this site" box, its title over the same
    paragraph, in the header and again in the footer, with more text under
    the footer's copy; the story is under its own headline, shown once."""
    about = "「NEWS WEB EASY」は外国人の皆さんや、小学生・中学生の皆さんのために、わかりやすい日本語でニュースを伝えるウェブサイトです。"
    story = [f"{i}、4月から法律が変わって、障害がある人が困っているときは、会社や店ができるだけ手伝いをしなければなりません。"
             for i in range(6)]
    footer = ["辞書について", "「NEWS WEB EASY」では、小学生向けの国語辞典を使って、難しいことばの説明を出しています。",
              "辞書の著作権は、辞書を作った会社にあります。この辞書を、ほかの目的で使うことはできません。",
              "ことばの説明は、ニュースの中の意味と違うことがあります。わからないときは先生や家族に聞いてください。"]
    lines = ["NEWS WEB EASYについて", about, "障害がある人をどうやって手伝うか　会社が勉強会", "[04月01日 12時00分]",
             "ニュースを聞く", "漢字の読み方を消す", *story, "ことばの色を消す", "普通のニュースを読む", "アンケート",
             "新しいニュース", "NEWS WEB EASYについて", about + "ぜひ読んでください。", *footer]
    blocks = [(b.kind.value, b.text) for b in text_blocks(lines)]
    assert blocks[0] == ("headline", "障害がある人をどうやって手伝うか　会社が勉強会")
    assert [text for kind, text in blocks if kind == "paragraph"] == story
