"""Text scrape → article blocks, by rules over lines.

A text scrape has no markup left: only the order of the lines and their
shape. Every rule here is structural — line length, sentence punctuation,
repetition, the shape of link lists, the marks outlets put on captions and
bylines — never a string taken from one page:

1. ``find_body``: the body is the run of prose lines with the most text; prose
   means running text that ends in sentence punctuation, in the page's
   language (``foreign_lines``: a language-switch bar is not the story);
   captions and sign-up boxes inside a run do not break it; dates, feed
   items and "related stories" labels do; of several stories, the page's
   own is the one under the headline it shows more than once, else one
   under a byline;
2. ``body_blocks``: inside the body, paragraphs, captions, credits and
   subheadings (short lines without sentence punctuation between paragraphs);
   ad breaks and "read more" links are left out;
3. ``find_header``: the headline — the title line nearest above the body
   that shares the body's words, or the one above it when that is its deck —
   then the credits and captions between it and the body;
4. ``find_tail``: an editor's credit right after the body, and captions of
   photos placed after the story;
   a corpus record's metadata lines ("title: …", "url: …") are set aside
   first, and their title is the headline when the page text shows none; a
   stored copy that lost its line breaks is parted into blocks again;
5. everything else — menus, section bars, related headlines, ads, footers —
   is left out.

The line tests (``is_prose``, ``is_caption``, ``is_credit``…) are shared with
the HTML extractor, which applies them to the blocks of the page's markup.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable

from l10n.article import Block, BlockKind
from l10n.errors import InputError

SENTENCE_END = "。！？!?…"
CLOSERS = "」』）)】》〉\"'”’"
CLAUSE_MARKS = "，、；：,;:"

#: A line of at least this many characters that ends in sentence punctuation
#: and has clause punctuation is prose. Calibrated on the bundled ETtoday page
#: and UDN/CNA/LTN article shapes: body paragraphs run 40–250 characters, while
#: related-headline lines are 15–35 characters and end without 。.
MIN_PROSE_CHARS = 30
#: Shorter lines ending in sentence punctuation still count when they sit
#: between prose lines (one-sentence paragraphs such as quotes).
MIN_SHORT_PROSE_CHARS = 8
#: Non-prose lines tolerated inside the body (an inline photo and its caption,
#: a subheading, an ad break) before the body is considered finished.
MAX_BODY_GAP = 3
#: How far above the body to look for credit, caption and headline; pages put
#: them right above the first paragraph, menus sit further up.
HEADER_WINDOW = 8
#: How far above the body to look for the headline when it shares the body's
#: words: past date lines, share buttons and font widgets (BBC 中文 puts 14
#: lines of them between headline and body).
HEADLINE_WINDOW = 30
#: Share of a headline's character pairs found in the body. Headlines of the
#: bundled and evaluation pages share 40–90 %; share buttons, section names
#: and outlet names share none.
MIN_HEADLINE_OVERLAP = 0.25
#: Headlines are first looked for among lines of at least this length: news
#: headlines run 12–40 characters, while tag lists and section names that
#: share a word with the body (南北首脳会談, 政治) are short.
MIN_FULL_HEADLINE_CHARS = 10
#: A deck says more than its headline: one sharing this share of its
#: character pairs with the line above is another wording of the headline.
MAX_DECK_OVERLAP = 0.5
#: A paragraph sharing less of the story's character pairs than this speaks of
#: something else (a site's banner above the headline).
MAX_BANNER_OVERLAP = 0.1
#: Lines after the body searched for end-of-story captions, and for editor
#: credits (past a "more from the app" line or page numbers, not into the
#: related headlines further down).
TAIL_WINDOW = 10
TAIL_CREDIT_WINDOW = 6
MIN_TITLE_CHARS, MAX_TITLE_CHARS = 6, 100
MIN_SHORT_HEADLINE_CHARS = 4
#: A photo credit after a caption is short: "Reuters/路透社", "Source: Screenshot from RTHK's footage".
MAX_CAPTION_CREDIT_CHARS = 40
#: Lines this short are buttons and labels (分享, 列印, A-A+), not text.
MAX_BUTTON_CHARS = 4
#: A subheading is short: section titles in news bodies run 4–25 characters.
MIN_SUBHEADING_CHARS, MAX_SUBHEADING_CHARS = 4, 30
#: Marks that lead a section title in Chinese news bodies (■保護私隱, #中方回應).
SECTION_MARKS = ("#", "＃", "■", "□", "◆", "◇", "▌", "▍", "▎", "▋")

_CAPTION_MARK = re.compile(r"^[▲△▼▶►]")  # ETtoday, UDN, LTN mark captions with a triangle (● ■ start notices)
_PHOTO_CREDIT = re.compile(
    r"[（(]\s*(?:圖|图|照片|攝影|摄影|圖片|图片|photo)\s*(?:[／/:：]|來源|来源|提供|翻攝|翻摄|取自|擷取|撷取)"  # （圖／達志）
    r"|[（(]\s*(?:翻攝|翻摄|截圖|截图)"  # （翻攝自臉書）
    r"|[。！？]\s*\S{0,12}[／/]\s*(?:翻攝|翻摄|攝影|摄影|攝|摄)\S{0,10}$"  # …搶救。 記者陳嘉寧／翻攝
    r"|(?:記者|记者)\S{1,8}?(?:攝影|摄影|攝|摄|傳真|传真)(?=[\s）)」]|$|\d)"  # CNA: （中央社記者張三攝　114年11月20日）, 記者X桃園傳真 (not 記者…以攝影機拍攝)
    r"|[（(][^（()）]{1,10}(?:攝|摄|撮影)[）)]"  # the photographer in brackets: …院友。(張福宏攝), …県庁（柳原一哉撮影）
    r"|＝[^＝\s]{1,12}撮影$"  # Japanese papers: …（１３日午前、国会で）＝源幸正倫撮影
    r"|[。！？]\s*\S{2,8}(?:攝|摄)(?:影)?\s*$"  # a sentence, then the photographer: …身亡。王小明攝
    r"|(?:^|[。！？]\s*)(?:資料圖片|资料图片|資料相片|资料相片|資料照片|资料照片|資料圖|资料图|檔案照片|档案照片|File photo)\s*$"  # 資料照片, alone or after the sentence
    r"|(?:圖片來源|图片来源|照片來源|照片来源|圖片來源)\s*[:：]"  # …圖片來源: picture alliance
    r"|[。！？][^。！？]{0,20}\S\s+(?:攝|摄)\s*$"  # the photographer set apart: …开心。城市摄影队 周斌 摄
    r"|[。！？]\s*(?:圖|图)\s*[／/]\s*\S{1,20}$"  # a sentence, then the photo's source: …元。 圖／聯合報系資料照片
    r"|[.!?]\s+(?:Source|Photo|Image|Picture|Credit)\s*:\s*\S"  # an English caption, then its source
    r"|[=＝][^\s=＝]{1,12}提供$"  # Japanese papers: …のイメージ=ホンダ提供
    r"|^(?:Image|Photo|Picture|画像|写真)\s*[:：]\s*\S"  # a caption line of its own: Image: バンダイ, 写真：共同
    r"|[（(][^（()）]{1,12}提供[）)]\s*$"  # who gave the photo, last: 草間彌生（時藝多媒體提供）
    r"|[（(]\s*(?:写真|撮影|画像)\s*[・:：／/]",  # a Japanese photographer: …立浪和義氏(写真・黒田史夫）
    re.I,
)
_CREDIT = re.compile(
    r"^[（(【\[]?\s*(?:本文來源|本文来源|資料來源|资料来源|新聞來源|新闻来源|來源|来源|新聞錄入|新闻录入|錄入|录入|圖文|图文|文|記者|记者|編譯|编译|翻譯|翻译|譯者|译者|撰稿|撰文|作者|責任編輯|责任编辑|責編|责编"
    r"|責任主編|责任主编|主編|主编|出品|編輯|编辑|中央社|報導|报道|核稿|審校|审校|編集委員|論説委員|特派員|編集部)"
    r"[^。！？]{0,30}(?:[／/:：︰|｜︱]|報導|报道|電|电)"
    r"|^(?:\S{2,16}[\s\u3000]+)?\S{0,16}(?:編集委員|論説委員|特派員|記者|记者|通訊員|通讯员|作者)[\s\u3000]+\S{2,5}(?:[\s\u3000]+\S{2,8})*$"  # 編集委員　中沢克二, 澎湃新闻记者 贺梨萍, 新华网黑龙江频道 记者 伊琳 李清芬
    r"|(?:記者|记者)[^／/\s]{1,8}[／/]"  # a byline inside a dateline: 聯合報／記者林怡君／台中報導, two reporters
    r"|^[（(【\[]\s*\S{1,8}(?:社|電|电|報|报)\s*[）)】\]]$"  # a wire credit alone: （法新社）, 【新華社】
    r"|^[\u4e00-\u9fff]{2,4}\s*(?:編譯|编译|撰文|報導|报道|採訪|采访)\s*(?:[／/]|$)"  # the name first: 吳憲昌 編譯 / 日本
    r"|^\S{0,8}(?:編輯部|编辑部|編集部)$"  # the desk signing a statement
    r"|^[^\s／/]{2,12}\s*[／/]\s*[^\s／/]{0,6}(?:報導|报道)$"  # the desk or outlet alone: 社會中心／綜合報導, 世界新聞網／即時報導
)
#: A paragraph closed by the reporter's or editor's sign-off ends the story:
#: …死因。（王小明／台中報導）, …（完）.
SIGN_OFF = re.compile(r"[（(](?:[^（()）]{0,20}(?:報導|报道|編輯|编辑|電|电)|完"
                      r"|(?:責任編輯|责任编辑|責編|责编|編輯|编辑)\s*[：:][^（()）]{1,20})[）)]$")  # (责编：汤诗瑶、丁涛)
#: Copyright, consent, paywall and disclaimer notices. A story may be about copyright
#: or privacy, so those words count only when the page speaks of itself.
#: Sign-up boxes — paywalls, app promotions, newsletter forms — may sit
#: between two paragraphs of a story.
_SIGN_UP = (
    r"(?:您|歡迎|欢迎).{0,30}(?:會員|会员|訂閱|订阅|登入|登录|註冊|注册|下載|下载|APP|捐款|捐助|贊助|赞助|打賞|打赏)"  # paywalls, app promotions, donation appeals
    r"|(?:會員|会员|会員)限定|(?:登録|登錄|登录)(?:する|すると|して).{0,20}(?:続き|読み)"  # Japanese paywalls
    r"|会員登録が必要|会員の方のみ"  # members' features: 記事に『リアクション』ができます。ご利用には会員登録が必要です。
    r"|(?:訂閱|订阅|subscribe).{0,20}(?:電子報|电子报|newsletter)"  # newsletter sign-up boxes
    r"|(?:訂閱|订阅|登入|登录|付費|付费|購買|购买).{0,12}(?:繼續|继续)(?:閱讀|阅读)"  # paywalls: 订阅登录,以继续阅读全文!
    r"|(?:會員|会员|訂戶|订户)(?:專享|专享|獨享|独享)"  # members-only features: 每月可赠阅5篇订户专享文章
    r"|(?:下載|下载|訂閱|订阅|加入|追蹤|追踪|download|subscribe|follow).{0,40}https?://"  # "get our app: <link>"
    r"|[【\[［](?:点击|點擊|点此|點此|立即|马上|馬上)[^】\]］]{0,8}[】\]］]"  # calls to action: 【点击投票】
    r"|(?:點擊|点击|點此|点此|按此)(?:放大|觀看|观看|查看|閱讀|阅读|進入|进入|下載|下载)"  # 請點擊放大觀看, 按此閱讀
    r"|(?:扫描|掃描|扫码|掃碼|长按|長按).{0,12}(?:二维码|二維碼|关注|關注)"  # "scan the QR code to follow us"
)
_NOTICE = re.compile(
    r"版權所有|版权所有|All rights reserved|©"
    r"|(?:本網站|本网站|本站|本新聞|本新闻|本文|本報|本报|我們的|我们的|this site|our site).{0,40}"
    r"(?:不得|禁止|不許|不许|未經|未经|非經|非经|隱私|隐私|cookie|概不|不構成|不构成|不代表|免責|免责)"
    r"|^.{0,4}(?:聲明|声明|風險提示|风险提示)\s*[：:]"  # 免責聲明：, 平台声明：
    r"|無断(?:で)?(?:転載|複製|使用)|(?:掲載|掲載している|掲載の)(?:記事|写真|画像|情報).{0,40}(?:著作権|禁じ|禁止)"  # Japanese
    r"|未經授權|未经授权|未經許可|未经许可|未經允許|未经允许|(?:轉載|转载).{0,12}(?:註明|注明|標明|标明)"  # reprint notices
    r"|(?:僅|仅|只)代表.{0,6}(?:個人|个人|本人|作者)?.{0,4}(?:觀點|观点|立場|立场)|(?:觀點|观点|立場|立场)(?:僅|仅|只)代表"
    r"|^[（(]?\s*(?:原標題|原标题|原題|原题|原文標題|原文标题)\s*(?:[：:]|為|为)"  # the syndicated story's "original title" line
    r"|^[^。！？]{0,8}(?:瀏覽器|浏览器|browser)[^。！？]{0,20}(?:不支持|不支援|無法|无法|不能|support)[^。！？]{0,20}[。.!！]?$"  # a video player's fallback
    r"|(?:侵犯|侵害|侵權|侵权).{0,20}(?:請|请).{0,20}(?:刪除|删除|處理|处理|聯繫|联系|聯絡|联络)"  # a copy site's takedown note
    r"|^[（(【\[]?\s*(?:延伸閱讀|延伸阅读|相關閱讀|相关阅读|推薦閱讀|推荐阅读|相關新聞|相关新闻)\s*[：:]"  # a "read more" link
    "|" + _SIGN_UP,
    re.I,
)
_SIGN_UP_BOX = re.compile(_SIGN_UP, re.I)
_INLINE_BYLINE = re.compile(r"(?:作者|記者|记者|撰文)[／/:：]\s*[^\s／/:：]{2,10}$")
_BRACKETED = re.compile(r"^[（(\[【［〔].*[）)\]】］〕]$")
_DATE = re.compile(r"\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}|\b\d{1,2}([/.])\d{1,2}\1\d{4}\b"  # 19/09/2025, 01.07.2015
                   # the relative time of a feed item: 法新社·2 天前, 3 hours ago
                   r"|\d+\s*(?:秒|分鐘|分钟|小時|小时|天|週|周|個月|个月)前|\b\d+\s*(?:minutes?|hours?|days?)\s+ago\b"
                   # a Japanese date without the year, its weekday in brackets: 2月15日（土）, 10/13(水)
                   r"|\d{1,2}(?:月\s*\d{1,2}日|/\d{1,2})\s*[（(][月火水木金土日][）)]")


_WHITESPACE = re.compile(r"\s")
#: "Headline | Outlet": a page's <title> copy, shown between headline and body or at the page's end.
_TITLE_COPY_SUFFIX = re.compile(r"^\s*[|｜│_\-–—]\s*\S.{0,19}$")
_TITLE_SEPARATOR = re.compile(r"\s*[|｜│_\-–—]")
#: "Headline 圖/晞林": the headline again over the photo, its credit glued on.
_GLUED_CREDIT = re.compile(r"^\s+[^\s/／]{1,4}[/／][^\s/／]{1,8}$")


def visible_length(line: str) -> int:
    return len(_WHITESPACE.sub("", line))


#: What may follow a paragraph's last full stop: a parenthesised note, CNA's
#: date code (1060622), a wire photo credit ((c)AFP/Aminu ABUBAKAR).
_TRAILING_NOTE = re.compile(r"(?:[（(][^（()）]{1,30}[）)]|\s*\d{6,8}|\s*(?:\(c\)|（c）)[\w/ .-]{1,40}"
                            r"|\s[^\s。！？]{2,12}(?:報道|报道|報導|报导)"  # …。 本報港聞部報道: the desk's sign-off
                            r"|\s+[|｜])$", re.I)  # a page archive's separator bar


_ANY_SENTENCE_END = re.compile(r"[。！？!?….]")


def ends_sentence(line: str) -> bool:
    """Ends in sentence punctuation, maybe inside closing quotes, maybe followed
    by a parenthesised note such as the reporter's （王小明／台中報導）."""
    if not _ANY_SENTENCE_END.search(line):
        return False  # (most lines of a page: menus, headlines, links)
    for _ in range(2):  # …。(譯者:X/核稿:Y)1110915: a note, then the date code
        line = _TRAILING_NOTE.sub("", line.rstrip()) or line
    line = line.rstrip(CLOSERS + " \u3000")  # 。 ”: a space before the closing quote
    # a page set in half-width punctuation closes Chinese sentences with "."
    # (and "......" for the ellipsis)
    return line[-1:] in tuple(SENTENCE_END) or (line.endswith(".") and bool(_HAN.match(line.rstrip(".")[-1:])))


#: Hotline boxes under every story of a kind (安心專線：1925); a paragraph that
#: gives a number to call is longer.
_HOTLINE = re.compile(r"(?:專線|专线|熱線|热线|hotline)\s*[：:]?\s*\d", re.I)
MAX_HOTLINE_BOX_CHARS = 60


def is_notice(line: str) -> bool:
    """A copyright, privacy or disclaimer notice: every outlet's footer or
    consent banner, never the story."""
    return bool(_NOTICE.search(line)) or (bool(_HOTLINE.search(line)) and visible_length(line) <= MAX_HOTLINE_BOX_CHARS)


def is_prose(line: str) -> bool:
    return (
        not is_notice(line)
        and visible_length(line) >= MIN_PROSE_CHARS
        and ends_sentence(line)
        and any(mark in line for mark in CLAUSE_MARKS)
    )


def is_prose_or_cut(line: str) -> bool:
    return is_prose(line) or (lost_last_stop(line) and not is_notice(line))


def is_short_prose(line: str) -> bool:
    return visible_length(line) >= MIN_SHORT_PROSE_CHARS and ends_sentence(line) and not is_notice(line)


def ends_clause(line: str) -> bool:
    """Body text, though not a whole sentence: a line of verse or a list item
    ending in ；, a paragraph that introduces a quote (…寫信：) or runs on
    past a break the page put in it (…拍著他的肩說，), or a long one whose
    last sentence lost its full stop."""
    length = visible_length(line)
    if length >= MIN_SHORT_PROSE_CHARS and line.endswith(("；", ";")) and any(mark in line for mark in "，,"):
        return True
    if length >= MIN_PROSE_CHARS and line.endswith(("：", ":", "，", ",")) and any(
            mark in line[:-1] for mark in SENTENCE_END + "，,"):
        return True
    return lost_last_stop(line)


def lost_last_stop(line: str) -> bool:
    """A long paragraph whose last sentence lost its full stop (…確診（個案編號：3860),
    or a scrape cut off in the reporters' names): prose before it."""
    return (visible_length(line) >= 2 * MIN_PROSE_CHARS and "。" in line
            and sum(line.count(mark) for mark in "，,、") >= 3)


#: A mainland e-paper numbers the pictures under a headline ①, ② and their
#: captions; a list in the story numbered so ends its items in punctuation.
_NUMBERED_PICTURE = re.compile(r"^[①②③④⑤⑥⑦⑧⑨⑩]\s*\S")


#: Where a person stands in a photo: 侯友宜（左二）, 李世丙(右2).
_PHOTO_POSITION = re.compile(r"[（(](?:左|右|中|前|後|后)[一二三四五六七八九\d]{1,2}[)）]")


def is_caption(line: str) -> bool:
    if _PHOTO_POSITION.search(line) and visible_length(line) <= 200:
        return True
    if _NUMBERED_PICTURE.match(line) and not ends_sentence(line) and not line.endswith(tuple(CLAUSE_MARKS)):
        return visible_length(line) <= MAX_TITLE_CHARS
    return bool(_CAPTION_MARK.search(line) or _PHOTO_CREDIT.search(line)) and visible_length(line) <= 200


def has_photo_credit(line: str) -> bool:
    """A caption known by its photo credit, not only by a leading mark (● also
    starts notice boxes)."""
    return bool(_PHOTO_CREDIT.search(line)) and visible_length(line) <= 200


def is_credit(line: str) -> bool:
    if line.rstrip().endswith(("：", ":")):
        return False  # "責任編輯：" with no name: an empty field of the page's template
    if _PLACE_BYLINE.match(line):
        return True
    if _DATE.search(line) and not _PERSON_CREDIT.search(line):
        return False  # "source and date": the page's date line, no person credited
    return (bool(_CREDIT.search(line) or _PHOTOGRAPHER_ALONE.match(line))
            and visible_length(line) <= 60 and not ends_sentence(line))


#: A photographer's credit on a line of its own, with the day the photo was
#: taken after it (CNA: 中央社記者張新偉攝 114年12月31日, the year in the ROC calendar).
_PHOTOGRAPHER_ALONE = re.compile(
    r"^\S{0,12}(?:記者|记者)\S{1,8}?(?:攝影|摄影|攝|摄)(?=\s*(?:\d{2,4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|\d{4}[-/.]\d{1,2}[-/.]\d{1,2})?\s*$)")


#: A Japanese paper's byline, the place then the reporter, maybe with the
#: date glued on: ニューヨーク=真海喬生2021年10月13日 11時00分, ワシントン＝山田太郎
_PLACE_BYLINE = re.compile(r"^[^\s=＝。、]{1,12}[=＝][\u3040-\u30ff\u4e00-\u9fff]{2,6}"
                           r"(?=\s*(?:\d{4}\s*年|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|$))")


def credit_without_date(line: str) -> str:
    """A photographer's or a reporter's credit without the day glued after it:
    a date alone is left out of the article, so is one after a credit."""
    photographer = _PHOTOGRAPHER_ALONE.match(line) or _PLACE_BYLINE.match(line)
    return photographer.group() if photographer else line


_PERSON_CREDIT = re.compile(r"記者|记者|作者|編輯|编辑|撰文|撰稿|譯|译|圖文|图文|文[／/]")
_RELATED_LABEL = re.compile(
    r"^(?:(?:往下|向下)?(?:看|閱讀|阅读|瀏覽|浏览)?(?:更多|其他)(?:新聞|新闻|文章|報導|报道)"  # 看其他文章, 往下看更多文章
    r"|(?:相關|相关|延伸|推薦|推荐|熱門|热门|更多|精選|精选|猜你喜歡|猜你喜欢)(?:新聞|新闻|閱讀|阅读|報導|报道|文章|內容|内容|影音|視頻|视频|推薦|推荐)?"
    r"|其他人也在看|(?:你|您)可能(?:有興趣|有兴趣|感興趣|感兴趣|會喜歡|会喜欢|也喜歡|也喜欢)|熱讀|热读|看更多)\s*[:：]?$")


def is_related_label(line: str) -> bool:
    """The label over a list of other stories (相關新聞, 延伸閱讀, 您可能有興趣:):
    the story has ended."""
    return bool(_RELATED_LABEL.match(line.strip()))


_TIME_ALONE = re.compile(r"^\s*\d{1,2}:\d{2}(?::\d{2})?\s*$")


def is_dateline(line: str) -> bool:
    """A publication date and time, alone or with the outlet's name, or the
    time alone (05:39) where the page shows date and time apart."""
    return ((bool(_DATE.search(line)) and visible_length(line) <= 60 and not ends_sentence(line))
            or bool(_TIME_ALONE.match(line)))


#: A section feed's item on one line: section, date, the item's first sentences
#: ("本地 2026-01-01 新控煙措施今起生效…"), or a teaser ending in its "read more"
#: link. A story's own paragraphs put a date in words, or a dateline in
#: brackets, never a section name and a numeric date.
_FEED_ITEM = re.compile(r"[^\W\d]{1,6}\s+\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2})?\s+\S")
#: A teaser that links on to its story: "…的復原力。 read more" (looked for in the line's tail).
_READ_MORE = re.compile(r"\s(?:read more|continue reading|閱讀更多|阅读更多|閱讀全文|阅读全文|查看全文)\s*[>»›]*$", re.I)
MAX_READ_MORE_TAIL = 24


#: The dateline a wire or local story opens with: （中央社台北20日電）, (新山17日讯), 【新華社北京10月1日電】,
#: or the outlet's tag in lenticular brackets, with or without a date: 【本報訊】, 【星島綜合報道】.
_STORY_DATELINE = re.compile(r"^\s*[（(【〔\[][^（()）【】〔〕\[\]]{1,24}(?:日電|日电|日訊|日讯|日報道|日报道)[）)】〕\]]"
                             r"|^\s*【[^【】]{1,10}(?:報道|报道|報導|报导|訊|讯)】")  # 【星島綜合報道】, 【本報訊】


def is_feed_item(line: str) -> bool:
    return bool(_FEED_ITEM.match(line) or _READ_MORE.search(line[-MAX_READ_MORE_TAIL:]))


_BREADCRUMB_STEP = re.compile(r"\s[>＞»›]\s")


def is_link_list(line: str) -> bool:
    """Menus, section bars and breadcrumbs: bullets/pipes, "Site > Section >
    Series", or many short space-separated words."""
    if (re.match(r"^[•·|>＞»\-–]", line) or re.search(r"[>＞»]$", line) or line.count("|") >= 2
            or len(_BREADCRUMB_STEP.findall(line)) >= 2):
        return True
    words = line.split(" ")
    # three words may be a headline's phrases (醫界四大皆空 民眾無感 (圖)), not with a dot between them
    separated = any(word in ("·", "・", "•", "/") for word in words)
    return ((len(words) >= 4 or len(words) == 3 and separated) and all(len(word) <= 6 for word in words)
            and not ends_sentence(line))


def is_title(line: str, shortest: int = MIN_TITLE_CHARS) -> bool:
    length = visible_length(line)
    return (
        shortest <= length <= MAX_TITLE_CHARS
        # a headline is not a sentence; a caption is one, then its credit (a
        # Japanese headline may join two phrases with one: Suicaでガシャれる。電子…)
        and (line.count("。") == 0 or (line.count("。") == 1 and not ends_sentence(line) and bool(_KANA.search(line))))
        and not _BRACKETED.match(line)  # （1/3ページ）, 【獨家】: notes and labels
        and not line.rstrip().endswith(("，", ",", "、"))  # a sentence broken at a comma by the scrape
        and not is_link_list(line)
        and not is_caption(line)
        and not is_credit(line)
        and not is_dateline(line)
    )


def is_attribution(line: str) -> bool:
    """——（宋）陸游: the author under a quoted poem or saying."""
    return line.startswith(("——", "──", "—— ")) and visible_length(line) <= MAX_SUBHEADING_CHARS


def is_subheading(line: str) -> bool:
    """A short line without sentence punctuation: a section title in the body
    (a label ending in a colon, 點評：, may be shorter)."""
    length = visible_length(line)
    return (
        (MIN_SUBHEADING_CHARS <= length or (length >= 2 and line.endswith(("：", ":"))))
        and length <= MAX_SUBHEADING_CHARS
        and not ends_sentence(line)
        and not line.endswith(("...", "…", "⋯"))  # "continue reading…": a teaser or ad break
        and (unicodedata.category(line[0])[0] != "S" or line.startswith(SECTION_MARKS))  # ⭐, ➤: a promotion's eye-catcher
        and not any(mark in line for mark in "；;")
        and not is_link_list(line)
        and not is_caption(line)
        and not is_credit(line)
        and not is_dateline(line)
        and not is_notice(line)
    )


# -- the body and around it ----------------------------------------------------------


_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_KANA = re.compile(r"[\u3040-\u30ff]")
_LATIN_WORD = re.compile(r"[A-Za-z\u00c0-\u024f]+")
#: A line of a Chinese page with at least this share of kana among its CJK
#: characters is Japanese (Japanese prose has 30–60 %, Chinese none).
FOREIGN_KANA_SHARE = 0.2


def foreign_lines(lines: list[str]) -> set[int]:
    """Lines in another language than the page's: on a Chinese or Japanese
    page, lines mostly in Latin letters; on a Chinese page, Japanese lines.
    The "read this in English / 日本語版へ" bar of a language switch is such
    a run. A page mostly in Latin letters keeps all its lines (it is refused
    or extracted by the language the user set)."""
    # a Han character or a kana is a word; so is a run of Latin letters (a
    # Chinese paragraph full of names: Snapdragon, Anandtech, VentureBeat)
    counts = [(len(_HAN.findall(line)), len(_KANA.findall(line)), len(_LATIN_WORD.findall(line))) for line in lines]
    han, kana, latin = (sum(column) for column in zip(*counts)) if counts else (0, 0, 0)
    if han + kana < latin:
        return set()
    chinese = kana <= FOREIGN_KANA_SHARE * (han + kana)
    # (on a Japanese page a line with kana is Japanese, however many Latin words: Google ChromeのNever-Slow Mode)
    return {i for i, (h, k, l) in enumerate(counts)
            if (l > h + k and (chinese or not k)) or (chinese and h + k and k >= FOREIGN_KANA_SHARE * (h + k))}


def _titles_shown_twice(lines: list[str], page_title: str | None) -> set[str]:
    """Lines the page shows more than once apart, counting its ``<title>``
    copy ("Headline | Outlet") and a corpus record's title as a showing. A
    title shown twice in a row is one showing: a promotion box's (ETtoday's
    熱門快報 repeats each item's title under it)."""
    first: dict[str, int] = {}
    shown = set()
    for index, line in enumerate(lines):
        if line in first and index - first[line] > 1 and lines[index - 1] != line:
            shown.add(line)
        first.setdefault(line, index)
    for line in lines:
        for separator in _TITLE_SEPARATOR.finditer(line):
            if separator.start() and _TITLE_COPY_SUFFIX.match(line[separator.start():]):
                shown.add(line[: separator.start()])
    return (shown | {page_title}) if page_title else shown


def _headline_shown_twice(lines: list[str], run: list[int], shown_twice: set[str]) -> bool:
    """Whether a title line above a run of prose that shares its words is one
    the page shows more than once: the headline, maybe over a lead line that
    reads like a title (南方网讯　…) and shares the story's words too. A
    title shown twice over the same paragraph is a box the page's template
    repeats (NEWS WEB EASYについて, in the header and the footer)."""
    body = bigrams("".join(lines[i] for i in run))
    for index in range(run[0] - 1, max(-1, run[0] - 1 - HEADLINE_WINDOW), -1):
        line = lines[index]
        if (is_title(line) and visible_length(line) >= MIN_FULL_HEADLINE_CHARS
                and body_overlap(line, body) >= MIN_HEADLINE_OVERLAP and line in shown_twice
                and not _box_shown_twice(lines, index)):
            return True
    return False


#: Two paragraphs sharing this much of their character pairs are one text shown twice.
MIN_SAME_TEXT_OVERLAP = 0.8


def _box_shown_twice(lines: list[str], index: int) -> bool:
    under = lines[index + 1] if index + 1 < len(lines) else ""
    return is_short_prose(under) and any(
        other != index and line == lines[index] and other + 1 < len(lines)
        and body_overlap(under, bigrams(lines[other + 1])) >= MIN_SAME_TEXT_OVERLAP
        for other, line in enumerate(lines))


#: A list of quoted words or phrases in the story, one per line ("在飞机上睡觉",
#: "投资银行家", …): examples, not furniture, however many.
_QUOTED_ITEM = re.compile(r"^(?:[“「『\"][^“”「」『』\"]{1,30}[”」』\"]|……|\.\.\.)$")


def find_body(lines: list[str], foreign: set[int], page_title: str | None = None) -> tuple[int, int]:
    """Indices [start, end) of the body: the run of prose with the most text.

    Short sentences (a quote, a line of verse, a closing remark) continue a
    run but never start one, so a lone caption above the body stays out.
    Up to ``MAX_BODY_GAP`` other lines (share buttons, a subheading, an ad
    break) may interrupt a run; captions and sign-up boxes are not counted.
    Lines in another language than the page's (a language-switch bar) are
    not the story's prose. A date between two prose lines starts a new run,
    and a one-paragraph run between two dates is a feed's teaser ("others
    are reading": source·time, title, first sentence), not the story; so is
    a section feed's one-line item (section, date, first sentences). Of
    several stories, the page's own is under the headline it shows more than
    once (``page_title``, a corpus record's title, is one showing); else a
    story under its byline beats text under none."""
    repeated = {line for line, count in Counter(lines).items() if count > 1}
    captioned = captions_after_alt_text(lines)
    photo = captioned | {i - 1 for i in captioned}
    candidates = [i for i, line in enumerate(lines)
                  if (is_short_prose(line) or ends_clause(line)) and i not in foreign
                  and i not in photo and not is_feed_item(line) and not is_notice(line)]
    textual = [i for i in candidates if lines[i] not in repeated]
    if not any(is_prose(lines[i]) for i in textual):
        # the only paragraphs are shown twice (the page's description above
        # the headline, then the story): they count where last shown
        last = {line: index for index, line in enumerate(lines)}
        textual = [i for i in candidates if last[lines[i]] == i]
    paragraph = is_prose
    if not any(paragraph(lines[i]) for i in textual):
        # no line ends a sentence: the story's paragraphs may have lost their
        # last full stop (a scrape cut off in the reporters' names)
        paragraph = is_prose_or_cut
    if not any(paragraph(lines[i]) for i in textual):
        raise InputError(
            "no article found: the page has no paragraph of running text "
            f"(at least {MIN_PROSE_CHARS} characters ending in sentence punctuation)"
        )
    # a photo's caption and a sign-up box (newsletter, app, paywall) inside the
    # story do not widen a gap in the body; a disclaimer or copyright line
    # does, it ends a story
    free_before = [0]
    for index, line in enumerate(lines):
        free_before.append(free_before[-1] + bool(_SIGN_UP_BOX.search(line) or is_caption(line) or index in photo
                                                  or _QUOTED_ITEM.match(line)))
    # a date between two prose lines starts the next item of a feed (teasers
    # under "others are reading"), not the story's next paragraph; a photo's
    # caption may end with the day it was taken
    dates_before = [0]  # (and a "related stories" label: the feed starts there)
    for index, line in enumerate(lines):
        dates_before.append(dates_before[-1] + (index not in photo and (
            is_dateline(line) or is_related_label(line) or is_feed_item(line))))
    runs: list[list[int]] = [[textual[0]]]
    for index in textual[1:]:
        last = runs[-1][-1]
        gap = index - last - 1 - (free_before[index] - free_before[last + 1])
        dated = dates_before[index] > dates_before[last + 1]
        # a paragraph opening with its own dateline ((道北9日讯)…) starts the next story
        # …and so does a title shown twice in a row (a blog archive's next post: link, then heading)
        opens_story = bool(_STORY_DATELINE.match(lines[index])) or any(
            shown_twice(lines, i) and is_title(lines[i]) and visible_length(lines[i]) >= MIN_FULL_HEADLINE_CHARS
            for i in range(last + 1, index))
        if gap <= MAX_BODY_GAP and not dated and not opens_story and not SIGN_OFF.search(lines[last]):
            runs[-1].append(index)
        else:
            runs.append([index])
    def feed_item(run: list[int]) -> bool:  # one paragraph with a date just before and just after it
        first, last = run[0], run[-1]
        return (len(run) == 1 and dates_before[first] > dates_before[max(0, first - 2)]
                and dates_before[min(len(lines), last + 3)] > dates_before[last + 1])

    def weight(run: list[int]) -> int:
        return sum(len(lines[i]) for i in run if paragraph(lines[i]))

    stories = [run for run in runs if not feed_item(run)] or runs
    stories = _before_the_next_story(lines, stories, weight)
    # a page that loads the next article under its own (巴士的報's "往下看更多文章")
    # shows its own headline more than once: as <title>, breadcrumb, heading
    titles_shown = _titles_shown_twice(lines, page_title) if len(stories) > 1 else set()
    own = [run for run in stories if weight(run) and _headline_shown_twice(lines, run, titles_shown)]
    # else a story under its byline beats text under none (the site's "about
    # us" paragraph in the footer, longer than a photo essay)
    # (a credit nearer the end of the story above is that story's source line)
    previous_end = {run[0]: previous[-1] for previous, run in zip(runs, runs[1:])}

    def bylined(run: list[int]) -> bool:
        above = previous_end.get(run[0], -len(lines))
        return any(is_credit(lines[i]) and i - above > run[0] - i
                   for i in range(max(0, run[0] - HEADER_WINDOW), run[0]))

    under_byline = [run for run in stories if weight(run) and bylined(run)]
    best = _under_the_headline_inside(lines, max(own or under_byline or stories, key=weight), paragraph)
    while len(best) > 1 and not paragraph(lines[best[-1]]) and _among_titles(lines, best[-1]):
        best = best[:-1]  # a headline with a question mark in a list of related ones under the story
    # the first paragraph, or one the scrape broke at a comma right above the next
    start = next(i for i in best if paragraph(lines[i]) or (
        lines[i].endswith(("，", ",")) and ends_clause(lines[i]) and i + 1 in best and paragraph(lines[i + 1])))
    if start and _is_lead(lines[start - 1]) and start - 1 not in foreign and lines[start - 1] not in repeated:
        start -= 1  # a one-sentence lead right above the first paragraph (a caption has no clauses)
    return start, best[-1] + 1


def _under_the_headline_inside(lines: list[str], run: list[int], paragraph: Callable[[str], bool]) -> list[int]:
    """The run without a site's banner above the headline (a notice to
    readers in prose: 美國政府終止了對本台的資助…): the first title line
    inside the run speaks of the text under it, and what is above it does
    not and has no title of its own (a page of news briefs: 1. title, text,
    2. title, text)."""
    if run[0] and is_title(lines[run[0] - 1]):
        return run
    title = next((i for i in range(run[0], run[-1]) if i not in run and is_title(lines[i])
                  and visible_length(lines[i]) >= MIN_FULL_HEADLINE_CHARS), None)
    if title is None:
        return run
    above, under = [i for i in run if i < title], [i for i in run if i > title]
    story = bigrams("".join(lines[i] for i in under))
    if (body_overlap(lines[title], story) >= MIN_HEADLINE_OVERLAP and any(paragraph(lines[i]) for i in under)
            and all(body_overlap(lines[i], story) < MAX_BANNER_OVERLAP for i in above)):
        return under
    return run


def _before_the_next_story(lines: list[str], stories: list[list[int]],
                           weight: Callable[[list[int]], int]) -> list[list[int]]:
    """Stories the page does not follow with others of the same kind. An
    endless page closes every story with the same line (a reactions bar:
    反应), and a list of related stories starts under its label: the page's
    own story is the first, however long the ones after it."""
    weighed = [run for run in stories if weight(run)]
    def closing(run: list[int]) -> str | None:
        return lines[run[-1] + 1] if run[-1] + 1 < len(lines) else None
    label = next((i for i, line in enumerate(lines) if is_related_label(line)), None)
    def headed(run: list[int]) -> bool:  # under a headline that speaks of it
        body = bigrams("".join(lines[i] for i in run))
        return any(is_title(lines[i]) and visible_length(lines[i]) >= MIN_FULL_HEADLINE_CHARS
                   and body_overlap(lines[i], body) >= MIN_HEADLINE_OVERLAP
                   for i in range(max(0, run[0] - HEADER_WINDOW), run[0]))
    for first, run in enumerate(weighed):
        if not headed(run):
            continue
        later = weighed[first + 1:]
        same_close = [other for other in later if closing(other) is not None and closing(other) == closing(run)
                      and not is_prose(closing(run))]
        after_label = [other for other in later if label is not None and run[-1] < label < other[0]]
        if same_close or after_label:
            dropped = {id(other) for other in same_close + after_label}
            return [run for run in stories if id(run) not in dropped]
    return stories


def _among_titles(lines: list[str], index: int) -> bool:
    """Whether a line stands in a list of headlines: a title line right above
    it, and two right below (or above) it."""
    def titled(i: int) -> bool:
        return 0 <= i < len(lines) and is_title(lines[i])
    return titled(index - 1) and (titled(index + 1) and titled(index + 2) or titled(index - 2) and titled(index + 1))


def _is_lead(line: str) -> bool:
    return (is_short_prose(line) and ends_sentence(line) and any(mark in line for mark in "，,；;")
            and not is_caption(line) and not is_credit(line))


def captions_after_alt_text(lines: list[str]) -> set[int]:
    """Captions shown right after the photo's alt text: the same words, then
    the credit ("…訪問馬來西亞2013年7月25日", then "… Reuters/路透社"). The
    caption's line is returned; the alt text's is the one before it."""
    return {index + 1 for index in range(len(lines) - 1)
            if lines[index + 1].startswith(lines[index]) and visible_length(lines[index]) >= MIN_SHORT_PROSE_CHARS
            and 0 < visible_length(lines[index + 1][len(lines[index]):]) <= MAX_CAPTION_CREDIT_CHARS}


def body_blocks(lines: list[str]) -> list[Block]:
    blocks: list[Block] = []
    captioned = captions_after_alt_text(lines)
    for index, line in enumerate(lines):
        if index + 1 in captioned:
            continue  # the photo's alt text, shown again with the credit
        if is_caption(line) or index in captioned:
            blocks.append(Block(BlockKind.CAPTION, line))
        elif is_credit(line):
            blocks.append(Block(BlockKind.CREDIT, line))
        elif is_short_prose(line) or ends_clause(line):
            blocks.append(Block(BlockKind.PARAGRAPH, line))
        elif is_attribution(line):
            blocks.append(Block(BlockKind.PARAGRAPH, line))
        elif is_subheading(line) and any(is_short_prose(after) for after in lines[index + 1 : index + 3]):
            blocks.append(Block(BlockKind.SUBHEADING, line))
        # other lines inside the body are inline links, ads or share buttons
    return blocks


def bigrams(text: str) -> set[str]:
    text = re.sub(r"[\W_]+", "", text)
    return {text[i : i + 2] for i in range(len(text) - 1)}


def body_overlap(line: str, body: set[str]) -> float:
    """Share of the line's character pairs found in the body: a headline
    speaks of what the article speaks of; share buttons and menus do not."""
    pairs = bigrams(line)
    return len(pairs & body) / len(pairs) if pairs else 0.0


def shown_twice(lines: list[str], index: int) -> bool:
    """The same line twice in a row: a photo caption (under the photo and in
    the gallery) when it is a sentence, a button ("分享") when it is a word."""
    return (index > 0 and lines[index - 1] == lines[index]) or (
        index + 1 < len(lines) and lines[index + 1] == lines[index])




def find_headline(lines: list[str], body_start: int, body: set[str], foreign: set[int]) -> int | None:
    """The headline's line. A page may show its ``<title>`` copy, "Headline |
    Outlet", or the headline with a photo's credit glued on, between the
    headline and the body: the headline is the line without them."""
    found = _title_line(lines, body_start, body, foreign)
    if found is None:
        return None
    for index in range(found - 1, max(-1, found - 1 - HEADLINE_WINDOW), -1):
        if (visible_length(lines[index]) >= MIN_FULL_HEADLINE_CHARS and lines[found].startswith(lines[index])
                and (_TITLE_COPY_SUFFIX.match(lines[found][len(lines[index]):])
                     or _GLUED_CREDIT.match(lines[found][len(lines[index]):]))):
            return index
    return found


def _title_line(lines: list[str], body_start: int, body: set[str], foreign: set[int]) -> int | None:
    """The title line nearest above the body that shares the body's words;
    else, as on a page with no such line, the nearest title line before any
    menu. A title shown twice in a row is still a title (a scrape of the
    headline and its print copy); a line in another language is not the
    headline ("facebook", "Previous Next")."""
    window = [index for index in range(body_start - 1, max(-1, body_start - 1 - HEADLINE_WINDOW), -1)
              if (not shown_twice(lines, index) or is_title(lines[index])) and index not in foreign]
    def full_title(index: int) -> bool:
        return is_title(lines[index]) and visible_length(lines[index]) >= MIN_FULL_HEADLINE_CHARS

    def above_date_or_byline(index: int) -> bool:  # past buttons: 分享, A+
        after = next((i for i in range(index + 1, body_start) if visible_length(lines[i]) > MAX_BUTTON_CHARS), None)
        return after is not None and (is_dateline(lines[after]) or is_credit(lines[after]))

    def speaks_of_body(index: int) -> bool:
        return body_overlap(lines[index], body) >= MIN_HEADLINE_OVERLAP

    # the title line right above the story's date or byline, before any photo
    # carousel's captions between it and the body; then the nearest that
    # speaks of the body; then the one above the date whatever its words
    for test in (lambda i: above_date_or_byline(i) and speaks_of_body(i), speaks_of_body, above_date_or_byline):
        found = next((index for index in window if full_title(index) and test(index)), None)
        if found is not None:
            return found
    for index in window:
        if is_title(lines[index]) and body_overlap(lines[index], body) >= MIN_HEADLINE_OVERLAP:
            return index
    for index in range(body_start - 1, max(-1, body_start - 1 - HEADER_WINDOW), -1):
        if is_link_list(lines[index]):
            break
        if is_title(lines[index]) and not shown_twice(lines, index) and index not in foreign:
            return index
    # a column's headline may be as short as a button (警調的疲憊): right above
    # the date or byline, speaking of the story
    return next((index for index in window if is_title(lines[index], MIN_SHORT_HEADLINE_CHARS)
                 and above_date_or_byline(index) and speaks_of_body(index)), None)


#: A publication time stamp after a headline on its line.
_DATE_STAMP_AFTER = re.compile(r"\s+(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?"
                               r"|[（(]\d{1,2}:\d{2}[)）]"  # 明報's instant news: "Headline (12:07)"
                               r"|[（(]\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?[)）])\s*$")
#: …and before it, in brackets or not: "[2004-03-31] Headline" (文匯報's print
#: edition), "2022/12/14 Headline" (a blog's list of latest posts)
_DATE_STAMP_BEFORE = re.compile(r"^(?:[\[【［(（]\d{4}[-/.]\d{1,2}[-/.]\d{1,2}[\]】］)）]\s*|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\s+)")


_CLOCK = re.compile(r"\d{1,2}:\d{2}")


def _without_date_stamp(line: str) -> str:
    """"Headline 2014-04-30 23:54" → the headline; a date line ("發佈日期 :
    2018-08-02", "發佈時間:21:38 2022-01-02") stays whole."""
    rest = _DATE_STAMP_BEFORE.sub("", _DATE_STAMP_AFTER.sub("", line))
    return rest if rest != line and is_title(rest) and not _CLOCK.search(rest) else line


#: A printer-friendly page labels its title: "标题: Headline [打印本页]" (a
#: forum's print view), "主題: Headline | |" (a portal's table layout).
_TITLE_FIELD = re.compile(r"^(?:標題|标题|主題|主题)\s*[:：]\s*(?P<title>.+?)(?:\s*\[打印本[页頁]\]|(?:\s*[|｜])+)?\s*$")


#: A board's or section's tag in square brackets before the title: "[新聞] …"
#: (a bulletin board's post), "[澳門新聞] …"; 【…】 is the outlet's own kicker.
_TAG_BEFORE = re.compile(r"^\[[^\[\]]{1,8}\]\s*")


def _without_title_label(line: str) -> str:
    field = _TITLE_FIELD.match(line)
    if field and is_title(field.group("title")):
        return field.group("title")
    untagged = _TAG_BEFORE.sub("", line)
    return untagged if untagged != line and is_title(untagged) else line


#: The reporter a byline names: 記者邱璽臣／台北報導, 作者：王小明
_CREDITED_NAME = re.compile(r"(?:記者|记者|作者|撰文)\s*[:：／/]?\s*([\u4e00-\u9fff]{2,4})(?=[\s/／|｜]|報導|报道|$)")


def _without_byline(headline: str, header: list[str]) -> str:
    """The headline without the reporter's name the scrape glued to its end
    ("…開罰民視邱 璽臣"), when a byline under it names that reporter."""
    for line in header:
        named = _CREDITED_NAME.search(line) if is_credit(line) else None
        if named:
            glued = re.search(r"\s*" + r"\s*".join(map(re.escape, named.group(1))) + r"\s*$", headline)
            if glued and is_title(headline[:glued.start()]):
                return headline[:glued.start()]
    return headline


def _is_deck(titles: list[str], found: int, body: set[str], foreign: set[int]) -> bool:
    """Whether the title line found is the deck under the headline: the line
    right above it is a headline too, speaking of the story, in other words
    (two wordings of one headline are the title and its copy). The line found
    is shown once (a title the page repeats is the headline); the one above
    may be shown again, in a list of stories below or right under itself (a
    scrape of the headline and its print copy)."""
    above = found - 1
    return (titles.count(titles[found]) == 1 and body_overlap(titles[found], bigrams(titles[above])) < MAX_DECK_OVERLAP
            and is_title(titles[above]) and visible_length(titles[above]) >= MIN_FULL_HEADLINE_CHARS
            and above not in foreign
            and body_overlap(titles[above], body) >= MIN_HEADLINE_OVERLAP)


#: The list entry's mark before a title shown in a list: "• 司警昨再破跨境運毒 …"
_LIST_MARK = re.compile(r"^[•·*\-–]\s*")
#: A headline printed on up to this many lines.
MAX_HEADLINE_LINES = 3


def _printed_on_lines(lines: list[str], headline: int) -> str | None:
    """A headline printed on two or three lines (司警昨再破跨境運毒 / 拘機場入境馬籍男子 /
    檢九點四公斤大麻花), the last found: the page shows the lines joined
    elsewhere (its list entry, its title), and that is the headline."""
    shown = {_LIST_MARK.sub("", line) for line in lines}
    for first in range(headline - MAX_HEADLINE_LINES + 1, headline):
        if first >= 0 and all(is_title(line, MIN_SHORT_HEADLINE_CHARS) for line in lines[first:headline]):
            joined = " ".join(lines[first:headline + 1])
            if joined in shown:
                return joined
    return None


#: "Headline│Site 20230113": the site's name, maybe with the day, after a bar at the headline's end.
_SITE_AFTER_BAR = re.compile(r"\s*[|｜│]\s*[^|｜│，,。、：:]{1,20}$")


def _without_site_after_bar(headline: str) -> str:
    bare = _SITE_AFTER_BAR.sub("", headline)
    return bare if bare != headline and visible_length(bare) >= MIN_FULL_HEADLINE_CHARS else headline


def find_header(lines: list[str], body_start: int, body: set[str], foreign: set[int]) -> list[Block]:
    """Headline, then the credits and captions between it and the body."""
    titles = list(lines)  # the headline is looked for above the body only
    for index in range(max(0, body_start - HEADLINE_WINDOW - 1), body_start):
        titles[index] = _without_date_stamp(_without_title_label(lines[index]))
    headline = find_headline(titles, body_start, body, foreign)
    deck = None  # a second title line under the headline, before the date
    if headline and _is_deck(titles, headline, body, foreign):
        headline, deck = headline - 1, headline
    start = headline + 1 if headline is not None else max(0, body_start - HEADER_WINDOW)
    # a headline too short to be told from a label with its time on (明報聲明 (07:35)) loses it now
    header = [Block(BlockKind.HEADLINE, _without_byline(_DATE_STAMP_AFTER.sub("", titles[headline]) or titles[headline],
                                                        lines[headline + 1:body_start]))
              ] if headline is not None else []
    if headline is not None and deck is None:
        header[0] = Block(BlockKind.HEADLINE, _printed_on_lines(lines, headline) or header[0].text)
    if header:
        header[0] = Block(BlockKind.HEADLINE, _without_site_after_bar(header[0].text))
    for index in range(start, body_start):
        line = lines[index]
        if index == deck:
            header.append(Block(BlockKind.SUBHEADING, line))
        elif is_notice(line):
            continue
        elif is_caption(line) or (shown_twice(lines, index) and visible_length(line) >= MIN_SHORT_PROSE_CHARS
                                 and not is_title(line)):
            header.append(Block(BlockKind.CAPTION, line))
        elif is_credit(line):
            header.append(Block(BlockKind.CREDIT, credit_without_date(line)))
        elif is_dateline(line) and _INLINE_BYLINE.search(line):
            # date, source and author on one line: the author is the credit
            header.append(Block(BlockKind.CREDIT, _INLINE_BYLINE.search(line).group()))
        elif (is_short_prose(line) and not is_prose(line) and not any(mark in line for mark in "，,；;")
              and index not in foreign):  # a language bar's "go to the English site?" is no caption
            # one short sentence between the headline and the body: a photo caption
            header.append(Block(BlockKind.CAPTION, line))
    return header


#: The reporter's name alone in brackets under a wire story: (陈一帆)
_NAME_SIGN_OFF = re.compile(r"^[（(]\s*[\u4e00-\u9fff]{2,4}(?:[、，,\s][\u4e00-\u9fff]{2,4})*\s*[）)]$")


def find_tail(lines: list[str], body_end: int) -> list[Block]:
    """After the body: an editor's credit (CNA's （編輯：…）), the reporter's
    name signing off, and photo captions placed at the end of the story,
    before the page's furniture resumes."""
    blocks = []
    for offset, line in enumerate(lines[body_end : body_end + TAIL_WINDOW]):
        if is_related_label(line):
            break  # other stories' teasers follow, with their own photos
        if offset < TAIL_CREDIT_WINDOW and (is_credit(line) or _NAME_SIGN_OFF.match(line)):
            blocks.append(Block(BlockKind.CREDIT, credit_without_date(line)))
        elif has_photo_credit(line) or (shown_twice(lines, body_end + offset) and is_short_prose(line)):
            # (a sentence shown twice in a row: under its photo and in the gallery)
            blocks.append(Block(BlockKind.CAPTION, line))
    return blocks


#: A corpus record's metadata lines before the page text: "title: …", "url: …".
_CORPUS_FIELD = re.compile(
    r"^(title|url|link|date|time|source|author|id|category|tags?|標題|标题|網址|网址|鏈接|链接|日期|時間|时间|來源|来源"
    r"|作者|分類|分类)\s*[:：=]\s*(.*)$",
    re.I,
)
_TITLE_FIELDS = ("title", "標題", "标题")


_GLUED_DATE_FIELD = re.compile(r"^(?:date|time|日期)\s*[:：=]?\s*\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?\s+", re.I)


def corpus_prefix(lines: list[str]) -> tuple[dict[str, str], list[str]]:
    """The metadata fields a corpus put before the page, and the page's lines without them."""
    if lines and _GLUED_DATE_FIELD.match(lines[0]) and _GLUED_DATE_FIELD.sub("", lines[0]):
        # "date 2025-11-14 Headline…": the record's date glued to the page's first line
        lines = [_GLUED_DATE_FIELD.sub("", lines[0]), *lines[1:]]
    fields: dict[str, str] = {}
    count = 0
    for line in lines:
        match = _CORPUS_FIELD.match(line)
        if not match:
            break
        fields.setdefault(match.group(1).lower(), match.group(2).strip())
        count += 1
    if count < 2:  # one "作者：…" line is a byline, not a record
        return {}, lines
    return fields, lines[count:]


#: The longest run of lines looked at when a page shows its story twice in a row.
MAX_REPEATED_RUN = 60


def one_copy(lines: list[str]) -> list[str]:
    """The lines with a run of two or more shown twice in a row, prose among
    them, kept once: a page that renders its story twice (paragraph, source,
    paragraph, source). A single line shown twice is a caption under its
    photo and in the gallery, kept for the caption rules."""
    counts = Counter(lines)
    dropped: list[range] = []
    end = 0  # where the last dropped copy ends
    for start, line in enumerate(lines):
        if start < end or counts[line] < 2:
            continue
        try:
            again = lines.index(line, start + 2, start + MAX_REPEATED_RUN + 1)
        except ValueError:
            continue
        length = again - start
        if lines[start:again] == lines[again:again + length] and is_prose(line):
            dropped.append(range(again, again + length))
            end = again + length
    if not dropped:
        return lines
    gone = {index for copy in dropped for index in copy}
    return [line for index, line in enumerate(lines) if index not in gone]


#: A page whose longest line holds this share of its text lost its line breaks.
COLLAPSED_SHARE = 0.5
#: Where blocks joined by spaces part: after a sentence (and its closing
#: quote), and around a date stamp standing between spaces.
_JOINED_AFTER_SENTENCE = re.compile(r"([。！？!?…][」』”’）)]*)\s+(?=\S)")
_JOINED_DATE_STAMP = re.compile(
    r"\s+(\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?)(?=\s)")


def unjoined(lines: list[str]) -> list[str]:
    """The lines of a stored copy that lost its line breaks, its blocks joined
    by spaces on one line, parted again where a sentence or a date stamp ends
    a block; a block shown twice in a row is kept once. A page that kept its
    line breaks is returned as it is."""
    longest = max(lines, key=len, default="")
    if len(longest) < COLLAPSED_SHARE * sum(map(len, lines)):
        return lines
    parted = []
    for line in lines:
        if line is longest:
            line = _JOINED_DATE_STAMP.sub(r"\n\1\n", _JOINED_AFTER_SENTENCE.sub("\\1\n", line))
            parted += [_once(part.strip()) for part in line.split("\n") if part.strip()]
        else:
            parted.append(line)
    return parted


def _once(part: str) -> str:
    """A block shown twice in a row (as title and heading), joined by a space, once."""
    half = len(part) // 2
    return part[:half] if len(part) % 2 and part[half] == " " and part[:half] == part[half + 1:] else part


def text_blocks(lines: list[str]) -> list[Block]:
    fields, lines = corpus_prefix(lines)
    lines = unjoined(lines)
    lines = one_copy(lines)
    foreign = foreign_lines(lines)
    title = next((fields[key] for key in _TITLE_FIELDS if fields.get(key)), None)
    start, end = find_body(lines, foreign, title)
    body = bigrams("".join(lines[start:end]))
    header = find_header(lines, start, body, foreign)
    if title and not any(block.kind is BlockKind.HEADLINE for block in header):
        header.insert(0, Block(BlockKind.HEADLINE, title))  # the record's title, when the page text has none
    blocks = header + body_blocks(lines[start:end]) + find_tail(lines, end)
    captions: set[str] = set()
    unique = []
    for block in blocks:
        if block.kind is BlockKind.CAPTION:
            if block.text in captions:
                continue  # a caption shown twice (photo and gallery) is one caption
            captions.add(block.text)
        unique.append(block)
    return unique
