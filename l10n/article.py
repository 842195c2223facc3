"""The article as it flows through the pipeline, and its reviewable text file.

``extract`` produces an ``Article`` (ordered blocks), ``segment`` cuts it into
``Segment`` objects with stable ids; every later stage works on those.

The cleaned article is saved as plain UTF-8 text, one block per paragraph,
blocks separated by a blank line. Blocks other than body paragraphs start with
their kind in brackets, so an editor reads it as the article and a program
reads it back losslessly::

    [headline] 打造「北海道谷」科技聚落！…

    [caption] ▲ 位於北海道千歲市的Rapidus工廠正在興建中。（圖／達志／美聯社）

    [credit] 圖文／CTWANT

    以乳製品與四季景觀聞名的日本北海道，…
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from l10n.errors import DataFileError


class BlockKind(str, Enum):
    HEADLINE = "headline"
    CAPTION = "caption"
    CREDIT = "credit"
    SUBHEADING = "subheading"  # a heading inside the body (h2/h3, a short bold line)
    PARAGRAPH = "paragraph"


@dataclass(frozen=True)
class Block:
    kind: BlockKind
    text: str


@dataclass(frozen=True)
class Article:
    blocks: tuple[Block, ...]
    language: str  # BCP 47 tag of the source: zh-Hant, zh-Hans or ja

    def of_kind(self, kind: BlockKind) -> list[Block]:
        return [block for block in self.blocks if block.kind is kind]


@dataclass(frozen=True)
class Segment:
    """A sentence (or a whole headline, caption or credit) to translate.

    ``text`` is the exact slice of its block, so the segments of a block join
    back to the block; ``source`` is what translators see (no edge spaces).
    """

    id: str
    text: str
    kind: BlockKind
    block: int  # index of the block in the article
    line: int  # line of the block in the cleaned article file

    @property
    def source(self) -> str:
        return self.text.strip()


_KIND_PREFIX = re.compile(r"^\[(headline|caption|credit|subheading|paragraph)\] ")


def format_article(article: Article) -> str:
    parts = []
    for block in article.blocks:
        # A body paragraph that itself looks like "[kind] ..." gets an explicit
        # tag, so reading the file back can never change its kind.
        if block.kind is BlockKind.PARAGRAPH and not _KIND_PREFIX.match(block.text):
            parts.append(block.text)
        else:
            parts.append(f"[{block.kind.value}] {block.text}")
    return "\n\n".join(parts) + "\n"


def block_lines(article: Article) -> list[int]:
    """1-based line of each block in ``format_article``'s output."""
    lines, line = [], 1
    for block in article.blocks:
        lines.append(line)
        line += block.text.count("\n") + 2
    return lines


def parse_article(text: str, *, path: Path, language: str) -> Article:
    blocks = []
    for chunk in re.split(r"\n[ \t]*\n", text.strip("\n")):
        if not chunk.strip():
            continue
        match = _KIND_PREFIX.match(chunk)
        if match:
            blocks.append(Block(BlockKind(match.group(1)), chunk[match.end():]))
        else:
            blocks.append(Block(BlockKind.PARAGRAPH, chunk))
    if not blocks:
        raise DataFileError("the cleaned article is empty", path=path)
    return Article(tuple(blocks), language)
