"""Article → segments: sentences of the body, whole headline/caption/credit.

Splitting is lossless (the segments of a block join back to it exactly) and
follows Chinese and Japanese punctuation: a sentence ends after 。！？ (or
!? and a sentence-final '.'), never inside 「」『』（）《》“” and never inside a
number such as 2.5. A quotation that ends a sentence (…利器。」) ends it after
the closing mark.

Segment ids are stable: the headline, caption and credit are named by their
role; a body sentence is named by a hash of its own text, so editing, adding
or removing other sentences never changes its id.
"""

from __future__ import annotations

import hashlib
from collections import Counter

from l10n.article import Article, BlockKind, Segment, block_lines

SEGMENTER = "l10n-punct-1"  # bump when the splitting rules change

_PAIRS = {"「": "」", "『": "』", "（": "）", "(": ")", "《": "》", "“": "”", "【": "】", "〈": "〉", "‘": "’"}
_CLOSERS = set(_PAIRS.values())
_QUOTES = set("「『“‘")  # a quotation ending in 。 ends the sentence; brackets do not
_FULL_STOPS = set("。！？!?")


def _matched_brackets(text: str) -> dict[int, int]:
    """Opening index → closing index for every properly matched pair."""
    pairs, stack = {}, []
    for index, char in enumerate(text):
        if char in _PAIRS:
            stack.append(index)
        elif char in _CLOSERS:
            # Unmatched closers are ignored; an opener left open protects nothing.
            for depth in range(len(stack) - 1, -1, -1):
                if _PAIRS[text[stack[depth]]] == char:
                    pairs[stack[depth]] = index
                    del stack[depth:]
                    break
    return pairs


def _is_full_stop(text: str, index: int) -> bool:
    char = text[index]
    if char in _FULL_STOPS:
        return True
    if char != ".":
        return False
    # A Latin full stop ends a sentence only before a space or the end, never
    # between digits (2.5) or inside abbreviations glued to the next word.
    after = text[index + 1 : index + 2]
    before = text[index - 1 : index]
    return (after == "" or after.isspace()) and not before.isdigit()


def split_sentences(text: str) -> list[str]:
    """Split a paragraph into sentences; ``"".join(result) == text``."""
    pairs = _matched_brackets(text)
    cuts = []
    index = 0
    while index < len(text):
        if index in pairs:
            close = pairs[index]
            inner = text[index + 1 : close].rstrip()
            # A quotation that ends in a full stop ends the sentence with it.
            if text[index] in _QUOTES and inner and inner[-1] in _FULL_STOPS:
                cuts.append(close + 1)
            index = close + 1
            continue
        if _is_full_stop(text, index):
            end = index + 1
            while end < len(text) and (text[end] in _FULL_STOPS or text[end] in _CLOSERS):
                end += 1
            cuts.append(end)
            index = end
            continue
        index += 1
    sentences, start = [], 0
    for cut in cuts:
        # Spaces between sentences stay with the sentence before them.
        while cut < len(text) and text[cut] in " \u3000\t":
            cut += 1
        if cut > start and text[start:cut].strip():
            sentences.append(text[start:cut])
            start = cut
    if start < len(text):
        if sentences and not text[start:].strip():
            sentences[-1] += text[start:]
        else:
            sentences.append(text[start:])
    return sentences


def sentence_id(source: str) -> str:
    return "s-" + hashlib.sha1(source.encode("utf-8")).hexdigest()[:8]


def segment_article(article: Article) -> list[Segment]:
    """All segments in reading order, with ids unique within the article."""
    segments = []
    seen: Counter[str] = Counter()
    for index, (block, line) in enumerate(zip(article.blocks, block_lines(article))):
        pieces = split_sentences(block.text) if block.kind is BlockKind.PARAGRAPH else [block.text]
        for piece in pieces:
            base = sentence_id(piece.strip()) if block.kind is BlockKind.PARAGRAPH else block.kind.value
            seen[base] += 1
            segment_id = base if seen[base] == 1 else f"{base}-{seen[base]}"
            segments.append(Segment(segment_id, piece, block.kind, index, line))
    return segments
