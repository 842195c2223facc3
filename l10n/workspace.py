"""Where an article's files live in the locales folder, and reading them back.

For an article named ``article``::

    locales/article.txt                       cleaned source, for review
    locales/article.pot                       template
    locales/<lang>/LC_MESSAGES/article.po     review catalog (translators' work)
    locales/<lang>/LC_MESSAGES/article.mo     compiled by l10n build
    locales/drafts/<lang>/article.po          every segment's latest machine draft
    locales/references/article.<lang>.tsv     reference translations
    locales/<lang>/article.md, article.html   editions written by l10n build
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import polib

from l10n.article import Article, Segment, parse_article
from l10n.catalog import load_catalog
from l10n.errors import DataFileError
from l10n.references import Reference, load_references, reference_path
from l10n.segment import segment_article


@dataclass(frozen=True)
class ArticleFiles:
    locales: Path
    name: str

    @property
    def article(self) -> Path:
        return self.locales / f"{self.name}.txt"

    @property
    def template(self) -> Path:
        return self.locales / f"{self.name}.pot"

    def catalog(self, language: str) -> Path:
        return self.locales / language / "LC_MESSAGES" / f"{self.name}.po"

    def compiled(self, language: str) -> Path:
        return self.catalog(language).with_suffix(".mo")

    def drafts(self, language: str) -> Path:
        return self.locales / "drafts" / language / f"{self.name}.po"

    def references(self, language: str) -> Path:
        return reference_path(self.locales, self.name, language)

    def edition(self, language: str, suffix: str) -> Path:
        return self.locales / language / f"{self.name}{suffix}"


def load_source(files: ArticleFiles) -> tuple[Article, list[Segment]]:
    """The cleaned article and its segments, as ``l10n translate`` left them."""
    try:
        text = files.article.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataFileError("no cleaned article: run `l10n translate` (or `l10n extract`) first",
                            path=files.article) from None
    language = None
    if files.template.exists():
        language = load_catalog(files.template).metadata.get("X-L10n-Source-Language")
    if language is None:
        from l10n.extract import detect_language

        language = detect_language(text)
    article = parse_article(text, path=files.article, language=language)
    return article, segment_article(article)


def load_existing(path: Path, what: str) -> polib.POFile:
    if not path.exists():
        raise DataFileError(f"no {what}: run `l10n translate` first", path=path)
    return load_catalog(path)


def load_reference_texts(files: ArticleFiles, language: str) -> dict[str, Reference]:
    return load_references(files.references(language))
