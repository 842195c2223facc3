"""HTML page → article blocks, from the page's own structure.

The markup says what a text scrape cannot: which element is the headline,
which text is a caption, where paragraphs end. The cascade:

1. ``read_metadata``: the headline the page declares (JSON-LD
   ``NewsArticle.headline``, ``og:title``, ``twitter:title``, ``<title>``), the
   site's name, and the persons JSON-LD names as authors;
2. ``flatten``: the DOM becomes lines — one per block element, ``<br>`` and
   ``display:block`` runs split — each remembering its elements: heading level,
   inside a ``<figcaption>``/caption box, inside a byline box, bold-only, how
   much of it is link text, and whether it sits in page furniture (``<nav>``,
   ``<aside>``, ``<footer>``, ``<form>``, hidden elements, a login form's
   member box, and boxes whose class or id names a consent banner, language
   switch, share/font widget, related list, app promotion, ad or hotline box);
3. ``mark_furniture``: a furniture box is a wrapper, not furniture, when it
   holds most of the page's prose and its ``<h1>``/``<article>``/``<main>``
   (a whole page inside ASP.NET's ``<form>``) or is named only for the
   font-size widget that resizes it, or when no prose is outside such boxes
   and it holds most of it (a body in a ``<div class="share-body">``);
   a box the site's print view leaves out (``hidden-print``) never is;
4. ``find_container``: the element holding the body — readability's scoring:
   each prose line counts for its block's element and parent, half for the
   grandparent; sibling boxes with a fifth of its prose join it, counted above
   single-child wrappers (bodies split by ad slots or into section boxes);
   prose in list items (related stories' summaries) counts only
   on a page with no other prose, lines in another language (a language
   bar) not at all; and the story starts after its headline: the first prose
   after the heading that agrees with the declared headline picks the body
   when its element scores at least a fifth of the best (a short story above
   longer comment rules or a footer, on a page whose class names say nothing),
   unless the best element follows it and goes on with the story (shares the
   headline's or that prose's words, or follows it with only photos between
   and has subheadings or photos): then that prose was the lead and the body
   is both;
5. ``choose_headline``: the visible heading that agrees with the declared
   headline (``<h1>`` first, nearest above the body), else a visible line that
   is the declared headline (maybe with a site name glued on or around it:
   "Title-Outlet", "Outlet(Title)"), else the only ``<h1>``, else — when only
   ``<title>`` declares one — the heading right above the body, else the
   declared headline without the site's name; on a page that declares none,
   its nearest heading of the highest rank above the body; a headline set on
   two or three headings of one rank is joined;
6. ``article_blocks``: between the headline and the body, credits (also a
   line naming a declared author), captions and a deck; in the body,
   paragraphs (and any text line between two of them), captions, credits and
   subheadings (``<h2>``–``<h4>``, bold-only or section-marked short lines);
   after the reporter's sign-off only captions, credits and the signed
   paragraph's own box; right after the body, a credit and the story's
   photos.

The result is the blocks in page order, headline first.
"""

from __future__ import annotations

import difflib
import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from l10n.article import Block, BlockKind
from l10n.errors import InputError
from l10n.lines import (
    CLAUSE_MARKS,
    CLOSERS,
    MIN_PROSE_CHARS,
    SECTION_MARKS,
    SIGN_OFF,
    MAX_SUBHEADING_CHARS,
    MAX_TITLE_CHARS,
    MIN_FULL_HEADLINE_CHARS,
    MIN_HEADLINE_OVERLAP,
    bigrams,
    body_overlap,
    ends_clause,
    ends_sentence,
    find_headline,
    foreign_lines,
    is_caption,
    is_credit,
    is_dateline,
    is_link_list,
    is_notice,
    is_prose,
    is_short_prose,
    visible_length,
)

_BLOCK_TAGS = frozenset(
    "address article aside blockquote br dd div dl dt figcaption figure footer form "
    "h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table td th tr ul".split()
)
#: (Not <head> itself: a page saved without <body> has its first HTML5 boxes,
#: <section>, <article>, parsed into <head>; only head's own tags are skipped.)
#: (Nor <rt>/<rp>: a reading printed over a kanji, 障害<rt>しょうがい</rt>, is a
#: reader's aid, not words of the text; inline it would read 障害しょうがい.)
_SKIPPED_TAGS = frozenset("script style noscript template svg iframe title base button select option textarea "
                          "rt rp".split())
#: Elements that are page furniture wherever they appear.
_FURNITURE_TAGS = frozenset("nav aside footer form dialog menu".split())
#: Class and id words of furniture boxes, matched as whole words of the
#: attribute (``share``, ``share-bar``, ``article_share``, not ``shareholder``).
_FURNITURE_WORDS = re.compile(
    r"(?:^|[\s_-])(?:cookies?|consent|gdpr|privacy|lang(?:uage)?s?(?:[_-]?(?:switch\w*|select\w*|bar|list|menu))?"
    r"|locale|share|sharing|social|sns|font(?:[_-]?size)?(?![-_](?:thin|extralight|light|normal|medium|semibold|bold|extrabold|black|sans|serif|mono)\b)|fontsize|textsize|related|recommend\w*|popular|hot[_-]?news"
    r"|more[_-]?news|readmore|promo\w*|app[_-]?(?:download|promo|banner)|download|subscri\w*|newsletter|comments?"
    r"|breadcrumbs?|crumbs?|tags?|keywords?|advert\w*|ads?|adv|sponsor\w*|popup|modal|sidebar|nav|navbar|menu"
    r"|footer|copyright|disclaimer|toolbar|print|login|signin|paywall|hotline|banner|outbrain|taboola"
    r"|\w*player\w*)(?=$|[\s_-])",  # a video player's controls: 00:00/00:00, 倍速, 高清
    re.I,
)
#: Boxes named for a widget beside the text rather than for furniture: the
#: font-size buttons' box, the box after the video player (c1_afterplayer)
_WIDGET_WORDS = re.compile(r"(?:^|[\s_-])(?:font[_-]?size|fontsize|textsize|\w*player\w*)(?=$|[\s_-])", re.I)
#: Classes a site puts on what its print view leaves out: never the article.
_NOT_PRINTED = re.compile(r"(?:^|\s)(?:hidden-print|d-print-none|no-?print|print-?hidden|hide-?print|hide-on-print)(?=$|\s)", re.I)
_CAPTION_WORDS = re.compile(
    r"(?:^|[\s_-])(?:caption|figcaption|wp-caption-text|pic[_-]?(?:txt|text|desc|info|caption)"
    r"|photo[_-]?(?:txt|text|desc|caption|credit)|img[_-]?(?:desc|txt|text|caption)|imgtxt|image[_-]?(?:caption|desc|text|txt)"
    r"|picture[_-]?(?:caption|text))(?=$|[\s_-])",
    re.I,
)
_BYLINE_WORDS = re.compile(r"(?:^|[\s_-])(?:author|authors|byline|reporter|writer|editor)(?=$|[\s_-])", re.I)
#: Inline fields of the article's meta line (date, source, author) are shown
#: side by side but are separate items: each becomes its own line.
_FIELD_WORDS = re.compile(
    r"(?:^|[\s_-])(?:author|authors|byline|reporter|writer|editor|source|time|date|pubtime|pubdate)(?=$|[\s_-])", re.I)
_NOT_DISPLAYED = re.compile(r"display\s*:\s*none", re.I)
#: ``visibility`` is inherited and a descendant may set it back to visible
#: (WeChat hides the body's box and shows every paragraph in it), unlike
#: ``display: none``, which removes the whole subtree.
_VISIBILITY = re.compile(r"visibility\s*:\s*(hidden|visible)", re.I)
_BLOCK_STYLE = re.compile(r"display\s*:\s*(?:block|flex|list-item|table)", re.I)
_BOLD_TAGS = frozenset("b strong".split())
_HEADING_TAGS = frozenset("h1 h2 h3 h4 h5 h6".split())
#: A blank line inside a text is a paragraph break: Yahoo! News sets its body
#: in one <p> with white-space: pre-wrap and blank lines between paragraphs;
#: hand-formatted markup seldom puts a blank line inside a paragraph.
_BLANK_LINE = re.compile(r"\n[ \t\u3000]*\n")
_SPACES = re.compile(r"[^\S\u3000]+")  # every whitespace but the ideographic space, kept as punctuation

#: A line with at least this share of link text is navigation, not article.
MAX_LINK_SHARE = 0.5
#: A prose line for container scoring: this many visible characters with
#: clause or sentence punctuation (captions and one-line quotes are shorter
#: than paragraphs but still prose).
MIN_SCORED_CHARS = 10
#: Sibling boxes with at least this share of the container's score belong to
#: the body (readability uses 0.2).
SIBLING_SCORE_SHARE = 0.2
#: A furniture box holding at least this share of the page's prose is a
#: wrapper around the article, not furniture beside it.
WRAPPER_PROSE_SHARE = 0.5
#: Lines between the headline and the body searched for credits and captions
#: when the page has no headline element.
HEADER_WINDOW = 12
#: Lines after the body searched for a trailing credit.
TAIL_WINDOW = 3


@dataclass(frozen=True)
class Metadata:
    headlines: tuple[str, ...]  # declared headlines, most trusted first
    site_names: tuple[str, ...]
    authors: tuple[str, ...]  # JSON-LD authors of @type Person (meta "author" is as often the outlet)
    #: only ``<title>`` declares a headline: on a CMS page it may be the section's title (新闻动态--学会官网)
    title_only: bool = False


@dataclass(frozen=True)
class Line:
    text: str
    elements: tuple  # the open elements, outermost first
    heading: int = 0  # 1–6 inside <hN>, else 0
    caption: bool = False
    byline: bool = False
    furniture: tuple = ()  # furniture elements and boxes around the line
    link_chars: int = 0
    bold_chars: int = 0
    chars: int = 0

    @property
    def link_share(self) -> float:
        return self.link_chars / self.chars if self.chars else 0.0

    @property
    def bold_only(self) -> bool:
        return self.chars > 0 and self.bold_chars >= self.chars


@dataclass
class _Open:
    element: object
    tag: str
    block: bool
    heading: int
    caption: bool
    byline: bool
    link: bool
    bold: bool
    furniture: tuple
    invisible: bool = False


@dataclass
class _Flattener:
    lines: list[Line] = field(default_factory=list)
    parts: list[tuple[str, bool, bool]] = field(default_factory=list)
    stack: list[_Open] = field(default_factory=list)

    def add(self, text: str | None) -> None:
        top = self.stack[-1] if self.stack else None
        if text and not (top and top.invisible):
            for number, piece in enumerate(_BLANK_LINE.split(text)):
                if number:
                    self.flush()
                self.parts.append((piece, bool(top and top.link), bool(top and top.bold)))

    def flush(self) -> None:
        if not self.parts:
            return
        self._drop_trailing_link()
        text = _SPACES.sub(" ", "".join(part for part, _, _ in self.parts)).strip(" \u3000")
        if text:
            top = self.stack[-1]
            counts = [(visible_length(part), link, bold) for part, link, bold in self.parts]
            self.lines.append(Line(
                text=text,
                elements=tuple(entry.element for entry in self.stack if entry.block),
                heading=top.heading, caption=top.caption, byline=top.byline,
                furniture=top.furniture,
                link_chars=sum(n for n, link, _ in counts if link),
                bold_chars=sum(n for n, _, bold in counts if bold),
                chars=sum(n for n, _, _ in counts),
            ))
        self.parts = []

    def _drop_trailing_link(self) -> None:
        """A "back to the front page>>" link glued after a paragraph's last
        sentence is navigation, not part of the paragraph."""
        end = len(self.parts)
        while end and (self.parts[end - 1][1] or not self.parts[end - 1][0].strip()):
            end -= 1
        if 0 < end < len(self.parts):
            before = "".join(part for part, _, _ in self.parts[:end]).strip()
            if is_short_prose(before) or is_credit(before):  # （编辑：小何）返回搜狐，查看更多
                del self.parts[end:]


#: An XHTML page's prologue (<?xml version="1.0" encoding="Shift_JIS"?>): the
#: page is decoded already, and the parser refuses a decoded page that declares
#: an encoding.
_XML_DECLARATION = re.compile(r"^\s*<\?xml\b[^>]*\?>")


def parse(html: str):
    import lxml.etree
    import lxml.html

    try:
        return lxml.html.document_fromstring(_XML_DECLARATION.sub("", html, count=1))
    except (lxml.etree.ParserError, ValueError) as error:
        raise InputError(f"the HTML page cannot be parsed: {error}") from None


def _attribute_words(element) -> str:
    return f"{element.get('class', '')} {element.get('id', '')}"


def member_boxes(root) -> set:
    """The boxes around a login form's password field, as far up as they hold
    no running text: a paywall's member box (login, trial sign-up, the phone
    line and office hours) in the article's box, under a teaser paragraph."""
    boxes = set()
    for password in root.iter("input"):
        if (password.get("type") or "").lower() != "password":
            continue
        box = password
        while (parent := box.getparent()) is not None and not _holds_running_text(parent):
            box = parent
        boxes.add(box)
    return boxes


def _holds_running_text(element) -> bool:
    """Whether a text of the element (not of its scripts and styles) is a
    sentence's worth with a clause in it — a teaser cut off at "，..." too."""
    for node in element.iter():
        texts = [node.tail] if node is not element else []
        if isinstance(node.tag, str) and node.tag.lower() not in _SKIPPED_TAGS:
            texts.append(node.text)
        for text in texts:
            if text and visible_length(text) >= MIN_PROSE_CHARS and any(mark in text for mark in CLAUSE_MARKS):
                return True
    return False


def flatten(root) -> list[Line]:
    """The page's visible text as lines, one per block, with their context."""
    import lxml.etree

    members_only = member_boxes(root)
    flat = _Flattener()
    skipping = 0
    # comments and processing instructions come as events of their own; the
    # text after one (its tail) is the page's, often a story's first paragraph
    # (<!-- 新聞主內容 -->蔡英文總統10日…)
    for event, element in lxml.etree.iterwalk(root, events=("start", "end", "comment", "pi")):
        if event in ("comment", "pi"):
            if not skipping:
                flat.add(element.tail)
            continue
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        if event == "start" and skipping:
            skipping += 1 if tag else 0
            continue
        if event == "end" and skipping:
            if tag:
                skipping -= 1
            if skipping == 0:
                flat.add(element.tail)
            continue
        if event == "start":
            style = element.get("style", "")
            # a page hides <body> until its scripts have run (no flash of
            # unstyled content); a saved copy keeps the style, a reader never sees it
            hidden = (tag in _SKIPPED_TAGS or (tag not in ("html", "body") and (
                element.get("hidden") is not None or element.get("aria-hidden") == "true"
                or bool(style and _NOT_DISPLAYED.search(style)))))
            if hidden:
                skipping = 1
                continue
            words = _attribute_words(element)
            block = (tag in _BLOCK_TAGS or bool(style and _BLOCK_STYLE.search(style))
                     or bool(_FIELD_WORDS.search(words)))
            if block:
                flat.flush()
            parent = flat.stack[-1] if flat.stack else None
            furniture = parent.furniture if parent else ()
            if _FURNITURE_WORDS.search(words) or tag in _FURNITURE_TAGS or element in members_only:
                furniture = furniture + (element,)
            heading = int(tag[1]) if tag in _HEADING_TAGS else (parent.heading if parent else 0)
            visibility = _VISIBILITY.findall(style) if "visibility" in style and tag not in ("html", "body") else []
            invisible = visibility[-1].lower() == "hidden" if visibility else bool(parent and parent.invisible)
            flat.stack.append(_Open(
                element=element, tag=tag, block=block, heading=heading,
                # text in a <figure> is its caption, <figcaption> or not (the image itself has none)
                caption=(tag in ("figcaption", "figure") or bool(_CAPTION_WORDS.search(words))
                         or bool(parent and parent.caption)),
                byline=bool(_BYLINE_WORDS.search(words)) or bool(parent and parent.byline),
                link=tag == "a" or bool(parent and parent.link),
                bold=tag in _BOLD_TAGS or bool(parent and parent.bold),
                furniture=furniture, invisible=invisible,
            ))
            if tag == "br":
                flat.flush()
            flat.add(element.text)
        else:
            if not flat.stack:
                continue
            entry = flat.stack[-1]
            if entry.block:
                flat.flush()
            flat.stack.pop()
            if flat.stack:
                flat.add(element.tail)
    if flat.stack:
        flat.flush()
    return flat.lines


# -- metadata ------------------------------------------------------------------------

_ARTICLE_TYPES = re.compile(r"Article|Posting|Report", re.I)


def _json_ld_items(root) -> list[dict]:
    items = []
    for script in root.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                items.append(item)
                stack.extend(value for key, value in item.items() if key in ("@graph", "mainEntity", "itemListElement"))
    return items


def _names(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return _names(value.get("name"))
    if isinstance(value, list):
        return [name for item in value for name in _names(item)]
    return []


def _people(value) -> list[str]:
    if isinstance(value, list):
        return [name for item in value for name in _people(item)]
    if isinstance(value, dict) and value.get("@type") == "Person":
        return _names(value.get("name"))
    return []


def _clean(text: str | None) -> str:
    return _SPACES.sub(" ", text or "").strip(" \u3000")


def read_metadata(root) -> Metadata:
    headlines: list[str] = []
    authors: list[str] = []
    for item in _json_ld_items(root):
        kind = " ".join(_names(item.get("@type")))
        if not _ARTICLE_TYPES.search(kind):
            continue
        if isinstance(item.get("headline"), str):
            headlines.append(_clean(item["headline"]))
        authors += [_clean(name) for name in _people(item.get("author"))]
    meta = {}
    for element in root.iter("meta"):
        key = (element.get("property") or element.get("name") or "").strip().lower()
        if key and element.get("content") and key not in meta:
            meta[key] = _clean(element.get("content"))
    headlines += [meta[key] for key in ("og:title", "twitter:title", "title") if key in meta]
    title_only = not any(headlines)
    title = root.find(".//title")
    if title is not None and title.text_content().strip():
        headlines.append(_clean(title.text_content()))
    sites = [meta[key] for key in ("og:site_name", "application-name", "twitter:site") if key in meta]
    return Metadata(tuple(h for h in headlines if h), tuple(sites), tuple(dict.fromkeys(a for a in authors if a)),
                    title_only)


_LEADING_DATE = re.compile(r"^\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?\s*(?:\d{1,2}:\d{2}(?::\d{2})?)?\s*")
_SITE_SUFFIX = re.compile(r"(?:\s*[|｜│_]\s*|\s*[-–—]\s+|\s+[:：]\s+|\s*[－—]{1,2}\s*)([^|｜│_]{1,40})$")


_SITE_PREFIX = re.compile(r"^([^|｜│_]{1,12}?)\s+[-–—|｜│:：]\s+")


def strip_site_name(title: str, site_names: tuple[str, ...] = ()) -> str:
    """``<title>`` without the site's name: "Headline | Outlet" → "Headline";
    "Outlet - Headline" → "Headline" when the front part is a short name
    and the rest at least twice as long (or the front is the declared site)."""
    prefix = _SITE_PREFIX.match(title)
    if prefix:
        front, rest = prefix.group(1), title[prefix.end():]
        known = any(site and (site in front or front in site) for site in site_names)
        # "Headline | Section | Outlet": the long part after the first bar is
        # the section and the outlet, not a headline
        ends_with_site = any(site and rest.rstrip().endswith(site) for site in site_names)
        if known or (2 * visible_length(front) <= visible_length(rest) and not ends_with_site):
            title = rest
    for _ in range(3):  # "Headline - Section - Outlet"
        match = _SITE_SUFFIX.search(title)
        if not match or visible_length(title[: match.start()]) < MIN_HEADLINE_CHARS:
            break
        suffix = match.group(1)
        known = any(site and (site in suffix or suffix in site) for site in site_names)
        if not known and visible_length(suffix) > 20:
            break
        title = title[: match.start()].rstrip()
    return title


MIN_HEADLINE_CHARS = 4
#: A shown and a declared headline at least this similar are one headline
#: reworded (outlets shorten og:title or change a word: 砸 / 挹注).
DUPLICATE_TITLE_SIMILARITY = 0.6
#: Headings compared with the declared headline on each side of the body start.
MAX_HEADLINE_CANDIDATES = 50


def similar_titles(a: str, b: str) -> bool:
    """Near-copies of one title. Both are cut to title length first, so the
    comparison costs the same whatever the page's lines are."""
    a, b = a[: MAX_TITLE_CHARS * 2], b[: MAX_TITLE_CHARS * 2]
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio() >= DUPLICATE_TITLE_SIMILARITY


def _agrees(shown: str, declared: str) -> bool:
    """The shown headline is the declared one, maybe with a site suffix or a
    rewording (outlets shorten og:title)."""
    if len(shown) < MIN_HEADLINE_CHARS:
        return False
    squeeze = re.compile(r"\s+")
    a, b = squeeze.sub("", shown), squeeze.sub("", declared)
    if a == b or b.startswith(a) or (len(a) >= 8 and a in b):
        return True
    if a in b:
        return False  # a short piece of the title (the site's name in "Section--Site官网") is not a rewording of it
    # a reworded title can only reach the similarity bar with a similar length
    return 2 * min(len(a), len(b)) / (len(a) + len(b)) >= DUPLICATE_TITLE_SIMILARITY and similar_titles(a, b)


_WRAPPER_ENDS_BEFORE, _WRAPPER_STARTS_AFTER = "-_|｜–—:：(（[【「", "-_|｜–—:：)）]】」"
#: The most a site's name adds around the headline in ``<title>``.
MAX_TITLE_WRAPPER_CHARS = 20


def _shown_as(shown: str, declared: str) -> bool:
    """The declared title is the shown headline with the site's name glued
    on, after it ("Headline-Outlet") or around it ("Outlet(Headline)")."""
    at = declared.find(shown)
    if len(shown) < MIN_HEADLINE_CHARS or at < 0:
        return False
    before, after = declared[:at], declared[at + len(shown):]
    return (visible_length(before) + visible_length(after) <= MAX_TITLE_WRAPPER_CHARS
            and (not before or before[-1] in _WRAPPER_ENDS_BEFORE) and (not after or after[0] in _WRAPPER_STARTS_AFTER))


def headline_anchor(lines: list[Line], metadata: Metadata, in_furniture_tag: list[bool]) -> int | None:
    """The first heading of the highest rank that agrees with the declared
    headline: where the story starts, found before the body is."""
    declared = [strip_site_name(h, metadata.site_names) for h in metadata.headlines]
    headings = [i for i, line in enumerate(lines) if line.heading and not in_furniture_tag[i]
                and visible_length(line.text) <= MAX_TITLE_CHARS]
    # <h1>s first, then <h2>s…, in page order; a bounded number is compared
    ranked = sorted(headings, key=lambda i: (lines[i].heading, i))[:MAX_HEADLINE_CANDIDATES]
    for i in ranked:
        if any(_agrees(lines[i].text, d) for d in declared):
            return i
    # an outlet may declare the headline in other words than it shows (the
    # shown one longer, the declared one made for sharing): the first heading
    # of the highest rank that shares their words
    words = [bigrams(d) for d in declared]
    return next((i for i in ranked if lines[i].heading == lines[ranked[0]].heading
                 and visible_length(lines[i].text) >= MIN_FULL_HEADLINE_CHARS
                 and any(body_overlap(lines[i].text, w) >= MIN_HEADLINE_OVERLAP for w in words)), None)


#: A headline is set on at most this many heading lines (a page of thousands
#: of headings in a row costs no more than one with a few).
MAX_HEADLINE_LINES = 3


def _whole_heading(lines: list[Line], at: int, declared: list[str]) -> tuple[str, int]:
    """A print headline set as two headings of one rank, one under the other
    (港府拒帶頭停工 / 「攞市民條命較飛」): both, when the declared headline has
    them in that order. Returned with the index of its last line."""
    squeeze = re.compile(r"\s+")
    first, last = at, at
    while first > max(0, at - MAX_HEADLINE_LINES + 1) and lines[first - 1].heading == lines[at].heading:
        first -= 1
    while last + 1 < min(len(lines), at + MAX_HEADLINE_LINES) and lines[last + 1].heading == lines[at].heading:
        last += 1
    for start in range(first, at + 1):
        for end in range(last, at - 1, -1):
            if start == end:
                continue
            joined = squeeze.sub("", "".join(line.text for line in lines[start:end + 1]))
            if any(joined in squeeze.sub("", d) for d in declared):
                return " ".join(line.text for line in lines[start:end + 1]), end
    return lines[at].text, at


def choose_headline(lines: list[Line], metadata: Metadata, body_start: int,
                    furniture: list[bool], in_furniture_tag: list[bool]) -> tuple[str | None, int | None]:
    """The headline's text and its line index (None when only declared).
    Headings in ``<nav>``, ``<aside>``, ``<footer>`` are never the headline;
    one in a box named like furniture may be, if it agrees with the declared one."""
    declared = [strip_site_name(h, metadata.site_names) for h in metadata.headlines]
    headings = [i for i, line in enumerate(lines)
                if line.heading and not in_furniture_tag[i] and visible_length(line.text) <= MAX_TITLE_CHARS]
    # the nearest headings above the body, then the first below it: a page of
    # thousands of headings costs no more than one with a few
    above = [i for i in headings if i < body_start][-MAX_HEADLINE_CANDIDATES:]
    candidates = above + [i for i in headings if i >= body_start][:MAX_HEADLINE_CANDIDATES]
    story = bigrams("".join(line.text for i, line in enumerate(lines[body_start:], body_start)
                            if _is_prose_line(line) and not furniture[i]))
    speaking = [d for d in declared if body_overlap(d, story) >= MIN_HEADLINE_OVERLAP]
    # 1. a heading that agrees with the declared headline, nearest above the body
    for rank in range(1, 7):
        agreeing = [i for i in candidates if lines[i].heading == rank
                    and any(_agrees(lines[i].text, d) for d in declared)]
        if agreeing:
            above = [i for i in agreeing if i < body_start]
            return _whole_heading(lines, (above or agreeing)[-1], declared)
    # 2. any visible line that is the declared headline, maybe without the
    # site's name glued on by a separator ("Headline-Outlet")
    # (a site's slogan declared as every page's title and shown in its banner is not it)
    wanted = {re.sub(r"\s+", "", d) for d in speaking if visible_length(d) >= MIN_HEADLINE_CHARS}
    # (the body's first line may be it: a title in a <div> inside the article box, with a colon in it)
    shown = [i for i, line in enumerate(lines[:body_start + 1])
             if any(_shown_as(re.sub(r"\s+", "", line.text), title) for title in wanted)]
    if shown:
        return lines[shown[-1]].text, shown[-1]
    # 3. the only <h1> above the body that is not the site's name
    sites = {re.sub(r"\s+", "", s) for s in metadata.site_names}
    h1 = [i for i in candidates if lines[i].heading == 1 and i < body_start and not furniture[i]
          and visible_length(lines[i].text) >= 6 and re.sub(r"\s+", "", lines[i].text) not in sites]
    if len(h1) == 1:
        return lines[h1[0]].text, h1[0]
    # 4. when only <title> declares one and it is shown nowhere, a heading right
    # above the body: <title> was the section's ("News --- Society"), not the story's
    near = [i for i in above if i >= body_start - HEADER_WINDOW and not furniture[i]
            and visible_length(lines[i].text) >= 6 and re.sub(r"\s+", "", lines[i].text) not in sites]
    if metadata.title_only and near:
        return lines[near[-1]].text, near[-1]
    # 5. when what the page declares does not speak of the story (the site's
    # name or slogan on every page), the title line over the story, as in a
    # text scrape
    if declared and not speaking:
        texts = ["" if furniture[i] else line.text for i, line in enumerate(lines)]
        found = find_headline(texts, body_start, story, set())
        if found is not None:
            return lines[found].text, found
    # 6. the declared headline itself
    for headline in declared:
        if visible_length(headline) >= MIN_HEADLINE_CHARS:
            return headline, None
    # 7. a page that declares nothing: the nearest heading of the highest rank above the body
    shown = [i for i in above if not furniture[i] and visible_length(lines[i].text) >= 6
             and re.sub(r"\s+", "", lines[i].text) not in sites]
    if shown:
        nearest = max(shown, key=lambda i: (-lines[i].heading, i))
        return lines[nearest].text, nearest
    return None, None


# -- the body ------------------------------------------------------------------------


def _is_prose_line(line: Line) -> bool:
    return (visible_length(line.text) >= MIN_SCORED_CHARS and not is_notice(line.text)
            and not is_dateline(line.text) and line.link_share < MAX_LINK_SHARE
            and (ends_sentence(line.text) or any(mark in line.text for mark in CLAUSE_MARKS))
            and not line.heading and not line.caption)


def _prose_weight(line: Line) -> int:
    return max(0, line.chars - line.link_chars)


def mark_furniture(lines: list[Line], prose: list[bool]) -> tuple[list[bool], list[bool]]:
    """Whether each line is page furniture: inside a furniture element
    (``<nav>``, ``<form>``…) or a box whose class or id names one; and whether
    the element is a ``<nav>``/``<aside>``/``<footer>``-like tag.

    A furniture box is a wrapper around the article, not furniture beside it,
    when it holds most of the page's prose and the page's main structure (an
    ``<h1>``, ``<article>`` or ``<main>``: a whole page inside ASP.NET's
    ``<form>``), or when the page has no prose outside such boxes at all and
    it holds most of it (a body in a ``share-content`` box) — a box with less,
    inside such a wrapper, is still furniture. A box the site's print view
    leaves out (``hidden-print``) is never a wrapper (a machine-written
    summary and quiz above the story). A comment-rules box can hold more
    prose than a short story, but never the story's headline. Teasers in short
    list items (a title over a first sentence) are not counted as prose here;
    a layout made of lists keeps its story's prose (see ``_list_items``)."""
    held: dict[int, int] = defaultdict(int)
    elements: dict[int, object] = {}
    total = outside = 0
    teasers = _list_items(lines)
    for line, in_prose, teaser in zip(lines, prose, teasers):
        if in_prose and not teaser:
            weight = _prose_weight(line)
            total += weight
            outside += 0 if line.furniture else weight
            for element in line.furniture:
                held[id(element)] += weight
                elements[id(element)] = element
    wrappers = {key for key, weight in held.items()
                if weight >= WRAPPER_PROSE_SHARE * total
                and (not outside or _holds_main_structure(elements[key]) or _named_for_widget(elements[key]))
                and not _NOT_PRINTED.search(_attribute_words(elements[key]))}
    boxes = [[element for element in line.furniture if id(element) not in wrappers] for line in lines]
    if not outside and not any(in_prose and not found for in_prose, found in zip(prose, boxes)):
        # the prose is spread over boxes named like furniture, none holding most of it: they are the story's
        boxes = [[element for element in line.furniture if id(element) not in held] for line in lines]
    return ([bool(found) for found in boxes],
            [any(element.tag in _FURNITURE_TAGS for element in found) for found in boxes])


#: A list item of at most this many lines is an item of a list of stories
#: (title, first sentence, date), not a column of a layout made of lists.
MAX_TEASER_LINES = 3


def _list_items(lines: list[Line]) -> list[bool]:
    """Whether each line is in a short list item: a teaser in a list of stories
    ("其它生活新聞": title, then first sentence), not the page's running text."""
    innermost = [next((id(element) for element in reversed(line.elements) if element.tag == "li"), None)
                 for line in lines]
    size = Counter(key for key in innermost if key is not None)
    return [key is not None and size[key] <= MAX_TEASER_LINES for key in innermost]


def _named_for_widget(element) -> bool:
    """A box named only for a widget — the font-size buttons (``qgl_fontsize_box``),
    the video player (``c1_afterplayer``) — is the text the widget resizes or
    the story under the video, when it holds most of the prose: a widget's
    controls have none."""
    words = _attribute_words(element)
    return (element.tag not in _FURNITURE_TAGS and bool(_WIDGET_WORDS.search(words))
            and not _FURNITURE_WORDS.search(_WIDGET_WORDS.sub(" ", words)))


def _holds_main_structure(element) -> bool:
    return next(element.iter("h1", "article", "main"), None) is not None


def _before_the_next_story(lines: list[Line], prose: list[bool], furniture: list[bool],
                           anchor: int | None) -> list[bool]:
    """An endless page renders the next story under the page's own: a heading
    of the headline's rank, in other words and outside the box of the story's
    first paragraph, starts it. Its lines are furniture for this page."""
    if anchor is None:
        return furniture
    first = next((i for i in range(anchor + 1, len(lines)) if prose[i] and not furniture[i]), None)
    if first is None or len(lines[first].elements) < 2:
        return furniture
    story_box = id(lines[first].elements[-2])
    rank = lines[anchor].heading
    start = next((i for i in range(first + 1, len(lines))
                  if lines[i].heading == rank and not furniture[i]
                  and not any(id(element) == story_box for element in lines[i].elements)
                  and not _same_title(lines[i].text, lines[anchor].text)), None)
    if start is None:
        return furniture
    return [skip or i >= start for i, skip in enumerate(furniture)]


def _same_title(a: str, b: str) -> bool:
    """One headline shown again (a sticky bar's copy, maybe cut short with
    "…"), not the next story's in the same template ("X演唱會2026香港｜門票…")."""
    a, b = (re.sub(r"[\s…]+|\.\.\.", "", text) for text in (a, b))
    return bool(a and b) and (a.startswith(b) or b.startswith(a))


def find_container(lines: list[Line], prose: list[bool], furniture: list[bool], anchor: int | None) -> set[int]:
    """ids of the element(s) holding the body.

    The story starts after its headline: when the first prose line after the
    headline (``anchor``; captions aside) lies outside the best-scoring
    element, its own element is the body if it scores at least a fifth as
    much — a short story beats the longer comment rules or footer below it.
    When the best box follows and goes on with the story (``_goes_on_in``),
    the first paragraph was the story's lead and the body is both: a
    standfirst box, a lead paragraph in a box of its own.

    Prose inside list items (``<li>``) is a list of teasers — a related
    story's summary under its title, one per item, often longer than a
    short story — and scores only on a page with no prose outside lists. A
    list inside the body still belongs to it: it is inside the container."""
    furniture = _before_the_next_story(lines, prose, furniture, anchor)
    listed = [any(element.tag == "li" for element in line.elements) for line in lines]
    if any(in_prose and not skip and not in_list for in_prose, skip, in_list in zip(prose, furniture, listed)):
        furniture = [skip or in_list for skip, in_list in zip(furniture, listed)]
    scores: dict[int, float] = defaultdict(float)
    elements: dict[int, object] = {}
    for line, in_prose, skip in zip(lines, prose, furniture):
        if skip or not in_prose or not line.elements:
            continue
        weight = _prose_weight(line)
        chain = line.elements[-3:]
        for share, element in zip((0.5, 1.0, 1.0)[-len(chain):], chain):
            scores[id(element)] += weight * share
            elements[id(element)] = element
    if not scores:
        raise InputError("no article found: the page has no paragraph of running text")
    depth = {key: _depth(element) for key, element in elements.items()}
    best = max(scores, key=lambda key: (scores[key], -depth[key]))
    first = next((i for i in range(anchor + 1, len(lines)) if prose[i] and not furniture[i]
                  and not is_caption(lines[i].text)), None) if anchor is not None else None
    lead = None
    if first is not None and not any(id(element) == best for element in lines[first].elements):
        story = max((id(element) for element in lines[first].elements[-3:] if id(element) in scores),
                    key=lambda key: scores[key], default=None)
        # a box around the best one is the wrapper with a promotion in it, not a story of its own
        wrapper = story is not None and any(id(element) == story for element in elements[best].iterancestors())
        in_best = [i for i, line in enumerate(lines) if any(id(element) == best for element in line.elements)]
        if in_best[0] > first and _goes_on_in(lines, anchor, first, in_best):
            # the story's first paragraph (a standfirst, a lead in a box of its own) goes on in the best box
            lead = id(lines[first].elements[-1])
        elif story is not None and not wrapper and scores[story] >= SIBLING_SCORE_SHARE * scores[best]:
            best = story
    # prose held anywhere inside each element, for the body's sibling boxes
    held: dict[int, int] = defaultdict(int)
    for line, in_prose, skip in zip(lines, prose, furniture):
        if in_prose and not skip:
            for element in line.elements:
                held[id(element)] += _prose_weight(line)
    container = elements[best]
    # a box that is its parent's only child is wrapped, not beside anything:
    # the body's sibling boxes are those of the outermost such wrapper
    while (container.getparent() is not None and len(container.getparent()) == 1
           and container.getparent().tag not in ("body", "html")):
        container = container.getparent()
    chosen = {best, id(container)} | ({lead} if lead else set())
    parent = container.getparent()
    if parent is not None:
        for sibling in parent:
            if held[id(sibling)] >= SIBLING_SCORE_SHARE * held[id(container)]:
                chosen.add(id(sibling))
    return chosen


def _goes_on_in(lines: list[Line], anchor: int, first: int, in_best: list[int]) -> bool:
    """Whether the best box, below the story's first paragraph, goes on with
    the story: it speaks of what the headline or that paragraph speaks of, or
    it follows the paragraph with only captions between and has an article's
    structure (subheadings, photos). Comment rules and footers do neither."""
    words = bigrams("".join(lines[i].text for i in in_best))
    if max(body_overlap(lines[anchor].text, words), body_overlap(lines[first].text, words)) >= MIN_HEADLINE_OVERLAP:
        return True
    last_of_first = max(i for i in range(first, in_best[0]) if lines[i].elements[-1:] == lines[first].elements[-1:])
    adjacent = all(lines[i].caption or is_caption(lines[i].text) for i in range(last_of_first + 1, in_best[0]))
    return adjacent and any(2 <= lines[i].heading <= 4 or lines[i].caption for i in in_best)


def _in_same_box(line: Line, signed: Line) -> bool:
    """A paragraph after the reporter's sign-off in the same box as the signed
    one is the story going on (radio copy: a signed lead, then the full story);
    other stories' teasers come in boxes of their own."""
    return line.elements[-2:-1] == signed.elements[-2:-1]


def _depth(element) -> int:
    depth = 0
    while element is not None:
        element = element.getparent()
        depth += 1
    return depth


# -- blocks --------------------------------------------------------------------------


def _is_subheading(line: Line) -> bool:
    length = visible_length(line.text)
    # a heading may ask or exclaim (…曝露？), it does not state (。)
    if length > MAX_SUBHEADING_CHARS or length < 2 or line.text.rstrip(CLOSERS).endswith(("。", ".")):
        return False
    return 2 <= line.heading <= 4 or ((line.bold_only or line.text.startswith(SECTION_MARKS))
                                       and not any(mark in line.text for mark in "，,；;"))


def _classify(line: Line) -> BlockKind | None:
    text = line.text
    if (line.caption and not is_dateline(text)) or is_caption(text):
        return BlockKind.CAPTION  # (a date in a figure's account card is no caption)
    if is_credit(text) or (line.byline and 2 <= visible_length(text) <= 60 and not ends_sentence(text)
                           and not is_dateline(text) and not is_notice(text)):
        return BlockKind.CREDIT
    if line.link_share >= MAX_LINK_SHARE or is_link_list(text) or is_notice(text):
        return None
    if _is_subheading(line):
        return BlockKind.SUBHEADING
    if line.heading or is_dateline(text):
        return None
    if is_short_prose(text) or is_prose(text) or ends_clause(text) or (
            visible_length(text) >= MIN_PROSE_CHARS and any(mark in text for mark in CLAUSE_MARKS)):
        return BlockKind.PARAGRAPH
    if ends_sentence(text) and not text.endswith(("…", "...", "⋯")) and line.elements and line.elements[-1].tag == "p":
        return BlockKind.PARAGRAPH  # a one-line answer the markup calls a paragraph (非常不可能的。), not "read more…"
    return None


def _names_author(text: str, metadata: Metadata) -> bool:
    """A short line naming a person the page declares as author in JSON-LD;
    an outlet's name is the site, not a byline."""
    people = [author for author in metadata.authors if len(author) >= 2
              and not any(author in site or site in author for site in metadata.site_names)]
    return visible_length(text) <= 30 and not ends_sentence(text) and any(person in text for person in people)


def _outside_kind(line: Line, furniture: bool) -> BlockKind | None:
    """A line among the body's lines but outside its container: a photo's caption
    in its own box between paragraphs is kept; anything else is not the story."""
    return BlockKind.CAPTION if not furniture and _classify(line) is BlockKind.CAPTION else None


#: Which page of a story split over several the reader is on: （1/2 ページ）, (第2頁),
#: with the site's name after it when the heading copies the <title>
_PAGE_MARKER = re.compile(r"\s*[（(]\s*(?:\d+\s*/\s*\d+|第\s*\d+\s*[頁页])\s*(?:ページ|頁|页)?\s*[)）]"
                          r"(?:\s*[-|｜–—]\s*[^()（）]{1,30})?\s*$")


#: The most a series' or column's name adds before the headline it heads.
MAX_SERIES_LABEL_CHARS = 20


def _without_series_label(headline: str, metadata: Metadata) -> str:
    """"神尾寿のMobile＋Views：Headline" → the headline, when the page declares
    the headline (og:title) without the series' name before its colon."""
    label, colon, rest = headline.partition("：") if "：" in headline else headline.partition(": ")
    if not colon or visible_length(label) > MAX_SERIES_LABEL_CHARS or visible_length(rest) < MIN_FULL_HEADLINE_CHARS:
        return headline
    declared = {re.sub(r"\s+", "", _PAGE_MARKER.sub("", strip_site_name(h, metadata.site_names)))
                for h in metadata.headlines}
    return rest.strip() if re.sub(r"\s+", "", rest) in declared else headline


def _lead_above_body(lines: list[Line], prose: list[bool], furniture: list[bool], inside: list[bool],
                     headline_at: int, body_start: int) -> list[int]:
    """Paragraphs between the headline and the body's box, in a box of their
    own (NHK's summary above the story's sections): the story's, when nothing
    between the headline and the body's box is a heading or a list of links."""
    between = [i for i in range(headline_at + 1, body_start) if not inside[i]]
    lead = [i for i in between if prose[i] and not furniture[i]]
    if not lead or any(lines[i].heading or (not furniture[i] and not prose[i]
                                             and lines[i].link_share >= MAX_LINK_SHARE) for i in between):
        return []
    return lead


def article_blocks(root) -> list[Block]:
    lines = flatten(root)
    foreign = foreign_lines([line.text for line in lines])  # a language-switch bar is not the story
    prose = [_is_prose_line(line) and i not in foreign for i, line in enumerate(lines)]
    furniture, in_furniture_tag = mark_furniture(lines, prose)
    metadata = read_metadata(root)
    chosen = find_container(lines, prose, furniture, headline_anchor(lines, metadata, in_furniture_tag))
    inside = [any(id(element) in chosen for element in line.elements) and not skip
              for line, skip in zip(lines, furniture)]
    body = [i for i, flag in enumerate(inside) if flag]
    body_start, body_end = next(i for i in body if prose[i]), body[-1] + 1
    headline, headline_at = choose_headline(lines, metadata, body_start, furniture, in_furniture_tag)
    if headline:
        headline = _without_series_label(_PAGE_MARKER.sub("", headline) or headline, metadata)
    if headline_at == body_start:
        body_start = next((i for i in body if prose[i] and i > headline_at), body_end)
    elif headline_at is not None and headline_at < body_start:
        lead = _lead_above_body(lines, prose, furniture, inside, headline_at, body_start)
        for i in lead:
            inside[i] = True
        body_start = lead[0] if lead else body_start

    blocks: list[Block] = []
    if headline:
        blocks.append(Block(BlockKind.HEADLINE, headline))
    header_from = headline_at + 1 if headline_at is not None and headline_at < body_start \
        else max(0, body_start - HEADER_WINDOW)
    seen: set[tuple[BlockKind, str]] = set()

    def emit(kind: BlockKind, text: str) -> None:
        if kind is BlockKind.CREDIT:
            text = _LEADING_DATE.sub("", text) or text  # the date shown in the byline box is not the byline
        if (kind, text) in seen and kind is not BlockKind.PARAGRAPH:
            return  # a caption or credit shown twice is one block
        seen.add((kind, text))
        blocks.append(Block(kind, text))

    for i in range(header_from, body_start):
        if furniture[i] or i == headline_at:
            continue
        kind = _classify(lines[i])
        if kind is None and _names_author(lines[i].text, metadata):
            kind = BlockKind.CREDIT
        if kind in (BlockKind.CAPTION, BlockKind.CREDIT):
            emit(kind, lines[i].text)
        elif kind is BlockKind.SUBHEADING and headline_at is not None and i == headline_at + 1 \
                and lines[i].heading > lines[headline_at].heading:
            emit(kind, lines[i].text)  # the deck: a lower heading right under the headline
    kinds = [_classify(lines[i]) if inside[i] and i != headline_at else _outside_kind(lines[i], furniture[i])
             for i in range(body_start, body_end)]
    # inside the body's box, between its first and last paragraph, a line of
    # text that is no link, menu, notice or date is the story's too: a list
    # article's items, prices and phone numbers have no sentence punctuation
    paragraphs = [offset for offset, kind in enumerate(kinds) if kind is BlockKind.PARAGRAPH]
    for offset, kind in enumerate(kinds):
        line = lines[body_start + offset]
        if (kind is None and inside[body_start + offset] and paragraphs and paragraphs[0] < offset < paragraphs[-1]
                and not line.heading and line.link_share < MAX_LINK_SHARE and not is_link_list(line.text)
                and not is_notice(line.text) and not is_dateline(line.text) and visible_length(line.text) >= 2):
            kinds[offset] = BlockKind.PARAGRAPH
    signed_off = None  # the line that signed the story off, if one did
    for offset, kind in enumerate(kinds):
        line = lines[body_start + offset]
        if kind is None:
            continue
        if signed_off is not None and kind not in (BlockKind.CAPTION, BlockKind.CREDIT) and not (
                kind is BlockKind.PARAGRAPH and _in_same_box(line, signed_off)):
            continue  # after the reporter's sign-off only captions, credits and the signed box belong to the story
        if kind is BlockKind.SUBHEADING:
            following = next((k for k in kinds[offset + 1:] if k not in (None, BlockKind.SUBHEADING)), None)
            if following is not BlockKind.PARAGRAPH:
                continue  # a heading over nothing: "related stories", an empty box
        emit(kind, line.text)
        if signed_off is None and kind in (BlockKind.PARAGRAPH, BlockKind.CREDIT) and SIGN_OFF.search(line.text):
            signed_off = line
    furniture_seen = False
    for i in range(body_end, min(len(lines), body_end + TAIL_WINDOW)):
        furniture_seen = furniture_seen or furniture[i] or bool(lines[i].heading)  # "next story" boxes have headings
        if not furniture[i] and is_credit(lines[i].text):
            emit(BlockKind.CREDIT, lines[i].text)
            break
        if lines[i].caption and not furniture_seen and lines[i].link_share < MAX_LINK_SHARE:
            emit(BlockKind.CAPTION, lines[i].text)  # the story's photos in a row of their own after it
    return blocks


def html_blocks(html: str) -> list[Block]:
    return article_blocks(parse(html))
