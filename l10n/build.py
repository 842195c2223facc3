"""``l10n build``: the publishable edition from reviewed entries only.

The cleaned source article gives the structure (headline, caption, credit,
paragraphs); each segment id is looked up in the catalog. Fuzzy drafts never
leak into an edition: a segment without a reviewed translation is either an
error or, with ``partial``, left out and named.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

import polib

from l10n.article import Article, BlockKind, Segment
from l10n.errors import L10nError
from l10n.languages import LANGUAGES


class IncompleteEditionError(L10nError):
    exit_code = 1


@dataclass(frozen=True)
class Edition:
    language: str
    blocks: tuple[tuple[BlockKind, str], ...]
    missing: tuple[str, ...]  # segment ids left out (partial builds only)

    @property
    def headline(self) -> str:
        return next((text for kind, text in self.blocks if kind is BlockKind.HEADLINE), "")


def reviewed(catalog: polib.POFile) -> dict[str, str]:
    return {e.msgctxt: e.msgstr for e in catalog if not e.obsolete and not e.fuzzy and e.msgstr}


def build_edition(article: Article, segments: list[Segment], catalog: polib.POFile, language: str, *,
                  partial: bool = False) -> Edition:
    translations = reviewed(catalog)
    missing = [segment.id for segment in segments if segment.id not in translations]
    if missing and not partial:
        raise IncompleteEditionError(
            f"{len(missing)} of {len(segments)} segments have no reviewed translation "
            f"(first: {missing[0]}); review them, or build with --partial"
        )
    joiner = LANGUAGES[language].sentence_joiner if language in LANGUAGES else " "  # Japanese runs them together
    blocks = []
    for index, block in enumerate(article.blocks):
        parts = [translations[s.id].strip() for s in segments if s.block == index and s.id in translations]
        if parts:
            blocks.append((block.kind, joiner.join(parts)))
    return Edition(language, tuple(blocks), tuple(missing))


_MARKDOWN = {BlockKind.HEADLINE: "# {}", BlockKind.CAPTION: "*{}*", BlockKind.CREDIT: "**{}**",
             BlockKind.SUBHEADING: "## {}", BlockKind.PARAGRAPH: "{}"}
_HTML = {BlockKind.HEADLINE: "<h1>{}</h1>", BlockKind.CAPTION: "<figure><figcaption>{}</figcaption></figure>",
         BlockKind.CREDIT: '<p class="credit">{}</p>', BlockKind.SUBHEADING: "<h2>{}</h2>",
         BlockKind.PARAGRAPH: "<p>{}</p>"}


def to_markdown(edition: Edition) -> str:
    return "\n\n".join(_MARKDOWN[kind].format(markdown_text(text)) for kind, text in edition.blocks) + "\n"


#: Characters that start inline Markdown or HTML anywhere in a line: emphasis,
#: code, links and images, raw HTML, autolinks, entities, GFM strikethrough and
#: tables, headings' closing #, and the backslash itself.
_MARKDOWN_INLINE = re.compile(r"([\\`*_\[\]<>&#~|])")
#: What starts a block at the beginning of a line: a list item, a numbered
#: list item ("2026. "), a setext underline or a thematic break.
_MARKDOWN_BLOCK_START = re.compile(r"^([-+=])|^(\d{1,9})([.)])")


def markdown_text(text: str) -> str:
    """A translation as literal Markdown text: one line (a line break in a
    translation must not start a heading or a list), every character that
    Markdown or inline HTML would interpret backslash-escaped."""
    line = " ".join(text.split())
    line = _MARKDOWN_INLINE.sub(r"\\\1", line)
    return _MARKDOWN_BLOCK_START.sub(lambda m: f"\\{m.group(1)}" if m.group(1) else f"{m.group(2)}\\{m.group(3)}", line)


_STYLE = """
body { font: 18px/1.7 Georgia, "Hiragino Mincho ProN", "Yu Mincho", serif; max-width: 42rem; margin: 2rem auto;
       padding: 0 1rem; color: #1a1a1a; }
h1 { font-size: 1.9rem; line-height: 1.3; }
figcaption { color: #555; font-size: .9rem; }
.credit { color: #555; font-size: .9rem; text-transform: none; }
"""


def to_html(edition: Edition) -> str:
    body = [_HTML[kind].format(html.escape(text)) for kind, text in edition.blocks]
    return (
        f'<!DOCTYPE html>\n<html lang="{edition.language}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(edition.headline)}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n<article>\n"
        + "\n".join(body)
        + "\n</article>\n</body>\n</html>\n"
    )


def to_mo(catalog: polib.POFile) -> bytes:
    """Compiled catalog of the reviewed entries (gettext skips fuzzy ones too)."""
    return catalog.to_binary()
