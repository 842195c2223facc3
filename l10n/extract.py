"""Page → article: decode the bytes, flatten HTML, find the article's blocks.

A cascade of small pure functions. Every rule is structural — line length,
sentence punctuation, repetition, the shape of link lists — so the same code
serves ETtoday, UDN, LTN, CNA, Yahoo or BBC 中文 pages, in Traditional or
Simplified script, scraped as text or saved as HTML:

1. ``decode_page``: bytes → text (UTF-8, else the detected legacy encoding such
   as Big5), refusing empty and binary files;
2. ``page_lines``: HTML is flattened to one line per block element;
3. ``find_body``: the body is the run of prose lines with the most text; prose
   means running text that ends in sentence punctuation;
4. ``find_header``: walking up from the body, the credit line, the photo
   caption and the headline (the title line nearest the body; earlier
   near-copies of it are the site's duplicated titles);
5. everything else — menus, section bars, related headlines, ads, footers —
   is left out.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from l10n.article import Article, Block, BlockKind
from l10n.errors import InputError

# -- 1. decoding -------------------------------------------------------------

#: Share of control characters above which a file is treated as binary. Text
#: scrapes have none besides tab/newline; compressed or image data has ~10 %.
BINARY_CONTROL_RATIO = 0.01

_HTML_SNIFF = re.compile(r"<(?:!doctype\s+html|html|head|body|article|div|p)\b", re.I)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.I)


@dataclass(frozen=True)
class Page:
    text: str
    is_html: bool
    encoding: str
    notices: tuple[str, ...] = ()


#: Share of invalid UTF-8 sequences up to which a page is read as UTF-8 with
#: them replaced. A legacy-encoded page (Big5, GBK, Shift JIS) read as UTF-8
#: has most of its non-ASCII bytes invalid: far above this.
MAX_INVALID_UTF8_RATIO = 0.001


def decode_page(data: bytes, *, name: str) -> Page:
    """Decode a scraped page. Raises InputError for empty or binary data."""
    if not data.strip():
        raise InputError(f"{name} is empty")
    notices = []
    text, encoding = _decode(data, name)
    if encoding not in ("utf-8", "utf-8-sig"):
        notices.append(f"{name} is not UTF-8: decoded as {encoding}")
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\t\n\r\f")
    if "\x00" in text or controls > BINARY_CONTROL_RATIO * len(text):
        raise InputError(f"{name} is binary data, not a text or HTML page")
    is_html = bool(_HTML_SNIFF.search(text[:4096]))
    if is_html:
        notices.append(f"{name} is an HTML page: extracting the text from its markup")
    return Page(text, is_html, encoding, tuple(notices))


def _decode(data: bytes, name: str) -> tuple[str, str]:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    declared = _META_CHARSET.search(data[:4096])
    if declared:
        try:
            encoding = declared.group(1).decode("ascii").lower()
            return data.decode(encoding), encoding
        except (LookupError, UnicodeDecodeError):
            pass
    # A few broken bytes in a UTF-8 page (a truncated download, one bad
    # character): replaced, not a reason to guess another encoding.
    text = data.decode("utf-8", errors="replace")
    invalid = text.count("\ufffd")
    if invalid <= MAX_INVALID_UTF8_RATIO * len(data):
        return text, f"utf-8 with {invalid} invalid byte sequence{'s' if invalid > 1 else ''} replaced by U+FFFD"
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError(f"{name} is binary data, not a text or HTML page")
    return str(best), best.encoding.replace("_", "-")


# -- 2. lines ---------------------------------------------------------------

_BLOCK_TAGS = frozenset(
    "address article aside blockquote br dd div dl dt figcaption figure footer form "
    "h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table td th tr ul".split()
)
_SKIPPED_TAGS = frozenset("script style noscript template svg iframe head button select".split())


def page_lines(page: Page) -> list[str]:
    """The page as a list of non-empty, whitespace-normalised lines."""
    raw = _html_text(page.text) if page.is_html else page.text
    lines = []
    for line in raw.splitlines():
        # ASCII whitespace runs are layout; the ideographic space U+3000 is
        # punctuation in Chinese headlines and is kept.
        line = re.sub(r"[ \t\xa0]+", " ", line).strip(" \u3000")
        if line:
            lines.append(line)
    return lines


def _html_text(html: str) -> str:
    import lxml.etree
    import lxml.html

    try:
        root = lxml.html.document_fromstring(html)
    except (lxml.etree.ParserError, ValueError) as error:
        raise InputError(f"the HTML page cannot be parsed: {error}") from None
    parts: list[str] = []
    skipping = 0
    for event, element in lxml.etree.iterwalk(root, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in _SKIPPED_TAGS:
            skipping += 1 if event == "start" else -1
            if event == "end" and skipping == 0 and element.tail:
                parts.append(element.tail)
            continue
        if skipping:
            continue
        if event == "start":
            if tag in _BLOCK_TAGS:
                parts.append("\n")
            if tag and element.text:
                parts.append(element.text)
        else:
            if tag in _BLOCK_TAGS:
                parts.append("\n")
            if element.tail:
                parts.append(element.tail)
    return "".join(parts)


# -- 3. line features ----------------------------------------------------------

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
#: a "read more" link) before the body is considered finished.
MAX_BODY_GAP = 3
#: How far above the body to look for credit, caption and headline; pages put
#: them right above the first paragraph, menus sit further up.
HEADER_WINDOW = 8
#: Two title lines at least this similar are one headline shown twice (ETtoday
#: repeats its title with a wording change: 砸 / 挹注).
DUPLICATE_TITLE_SIMILARITY = 0.6
MIN_TITLE_CHARS, MAX_TITLE_CHARS = 6, 100

_CAPTION = re.compile(
    r"^[▲△▼▶►◆■●]"  # ETtoday, UDN, LTN mark captions with a triangle
    r"|[（(]\s*(?:圖|图|照片|攝影|摄影|圖片|图片|photo)\s*[／/:：]"  # （圖／達志／美聯社）
    r"|(?:記者|记者)\S{1,4}(?:攝|摄)",  # CNA: （中央社記者張三攝　114年11月20日）
    re.I,
)
_CREDIT = re.compile(
    r"^[（(]?\s*(?:圖文|图文|文|記者|记者|編譯|编译|撰稿|作者|責任編輯|责任编辑|編輯|编辑|中央社|報導|报道|來源|来源)"
    r"[^。！？]{0,30}(?:[／/:：|]|報導|报道|電|电)"
    r"|(?:記者|记者)[^／/\s]{1,4}[／/]"  # a byline inside a dateline: 聯合報／記者林怡君／台中報導
)
_DATE = re.compile(r"\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}")


def _visible_length(line: str) -> int:
    return len(re.sub(r"\s", "", line))


def _ends_sentence(line: str) -> bool:
    return line.rstrip(CLOSERS)[-1:] in tuple(SENTENCE_END)


def is_prose(line: str) -> bool:
    return (
        _visible_length(line) >= MIN_PROSE_CHARS
        and _ends_sentence(line)
        and any(mark in line for mark in CLAUSE_MARKS)
    )


def is_short_prose(line: str) -> bool:
    return _visible_length(line) >= MIN_SHORT_PROSE_CHARS and _ends_sentence(line)


def is_caption(line: str) -> bool:
    return bool(_CAPTION.search(line)) and _visible_length(line) <= 200


def is_credit(line: str) -> bool:
    return bool(_CREDIT.search(line)) and _visible_length(line) <= 60 and not _ends_sentence(line)


def is_dateline(line: str) -> bool:
    """A publication date and time, alone or with the outlet's name."""
    return bool(_DATE.search(line)) and _visible_length(line) <= 60 and not _ends_sentence(line)


def is_link_list(line: str) -> bool:
    """Menus and section bars: bullets/pipes, or many short space-separated words."""
    if re.match(r"^[•·|>＞»\-–]", line) or line.count("|") >= 2:
        return True
    words = line.split(" ")
    return len(words) >= 3 and all(len(word) <= 6 for word in words) and not _ends_sentence(line)


def is_title(line: str) -> bool:
    length = _visible_length(line)
    return (
        MIN_TITLE_CHARS <= length <= MAX_TITLE_CHARS
        and not line.endswith("。")
        and not is_link_list(line)
        and not is_caption(line)
        and not is_credit(line)
        and not is_dateline(line)
    )


# -- 4. body and header ------------------------------------------------------------


@dataclass(frozen=True)
class Extraction:
    article: Article
    notices: tuple[str, ...]


def find_body(lines: list[str]) -> tuple[int, int]:
    """Indices [start, end) of the body: the prose run with the most text."""
    repeated = {line for line, count in Counter(lines).items() if count > 1}
    prose = [i for i, line in enumerate(lines) if is_prose(line) and line not in repeated]
    if not prose:
        raise InputError(
            "no article found: the page has no paragraph of running text "
            f"(at least {MIN_PROSE_CHARS} characters ending in sentence punctuation)"
        )
    runs: list[list[int]] = [[prose[0]]]
    for index in prose[1:]:
        if index - runs[-1][-1] - 1 <= MAX_BODY_GAP:
            runs[-1].append(index)
        else:
            runs.append([index])
    best = max(runs, key=lambda run: sum(len(lines[i]) for i in run))
    return best[0], best[-1] + 1


def _body_blocks(lines: list[str]) -> list[Block]:
    blocks = []
    for line in lines:
        if is_short_prose(line):
            blocks.append(Block(BlockKind.PARAGRAPH, line))
        elif is_caption(line):
            blocks.append(Block(BlockKind.CAPTION, line))
        # other lines inside the body are inline links, ads or share buttons
    return blocks


def find_header(lines: list[str], body_start: int) -> list[Block]:
    """Credit, caption and headline above the body, in page order."""
    header: list[Block] = []
    headline: str | None = None
    for index in range(body_start - 1, max(-1, body_start - 1 - HEADER_WINDOW), -1):
        line = lines[index]
        if is_link_list(line):
            break
        if headline is not None:
            if _similar(line, headline):
                continue  # the same headline shown again (page title, og:title)
            break
        if is_caption(line):
            header.insert(0, Block(BlockKind.CAPTION, line))
        elif is_credit(line):
            header.insert(0, Block(BlockKind.CREDIT, line))
        elif is_title(line):
            headline = line
            header.insert(0, Block(BlockKind.HEADLINE, line))
    return header


def _similar(a: str, b: str) -> bool:
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio() >= DUPLICATE_TITLE_SIMILARITY


def _find_tail_credit(lines: list[str], body_end: int) -> list[Block]:
    """An editor's credit right after the body, e.g. CNA's （編輯：…）."""
    for line in lines[body_end : body_end + 2]:
        if is_credit(line):
            return [Block(BlockKind.CREDIT, line)]
    return []


# -- 5. language -----------------------------------------------------------------

#: Share of kana among CJK characters above which text is Japanese. Chinese
#: news has none; Japanese prose has 30–60 %.
JAPANESE_KANA_RATIO = 0.05
#: Characters compared to tell Traditional from Simplified: a few sentences
#: decide it (about one character in five differs between the scripts).
LANGUAGE_SAMPLE_CHARS = 2000


def detect_language(text: str) -> str:
    """zh-Hant, zh-Hans or ja, from the characters themselves."""
    kana = len(re.findall(r"[\u3040-\u30ff]", text))
    han = len(re.findall(r"[\u4e00-\u9fff]", text))
    if han + kana and kana / (han + kana) > JAPANESE_KANA_RATIO:
        return "ja"
    from l10n.script import convert

    sample = text[:LANGUAGE_SAMPLE_CHARS]
    traditional_only = sum(a != b for a, b in zip(sample, convert(sample, "t2s")))
    simplified_only = sum(a != b for a, b in zip(sample, convert(sample, "s2t")))
    return "zh-Hans" if simplified_only > traditional_only else "zh-Hant"


# -- the cascade ---------------------------------------------------------------------


def extract_article(page: Page, *, language: str | None = None) -> Extraction:
    """Run the cascade. ``language`` overrides detection (zh-Hant, zh-Hans, ja)."""
    lines = page_lines(page)
    start, end = find_body(lines)
    blocks = find_header(lines, start) + _body_blocks(lines[start:end]) + _find_tail_credit(lines, end)
    notices = list(page.notices)
    if not any(block.kind is BlockKind.HEADLINE for block in blocks):
        notices.append("no headline found above the article body")
    body_text = "\n".join(block.text for block in blocks)
    detected = detect_language(body_text)
    if language is None:
        language = detected
        if detected != "zh-Hant":
            notices.append(f"the article is in {detected}, not Traditional Chinese")
    elif language != detected:
        notices.append(f"the article looks like {detected}, but the source language is set to {language}")
    return Extraction(Article(tuple(blocks), language), tuple(notices))
