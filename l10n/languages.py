"""Facts about each language, in one table.

Every stage that needs to know something about a language reads it here:
the sacrebleu tokenizer and what to install for it, gettext plural forms, how
sentences of a paragraph are joined, the sentence-final mark, and the Argos
Translate code.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Language:
    code: str  # BCP 47 tag, as in catalogs and file names
    name: str
    argos: str  # Argos Translate language code
    plural_forms: str | None = None  # gettext Plural-Forms header (target languages)
    tokenizer: str | None = None  # sacrebleu BLEU tokenizer (target languages)
    tokenizer_modules: tuple[str, ...] = ()  # modules the tokenizer imports
    tokenizer_install: str = ""  # how to install them
    sentence_joiner: str = " "  # between the sentences of a paragraph
    sentence_end: str = "."


LANGUAGES: dict[str, Language] = {
    "en": Language("en", "English", "en", plural_forms="nplurals=2; plural=(n != 1);", tokenizer="13a"),
    "ja": Language("ja", "Japanese", "ja", plural_forms="nplurals=1; plural=0;", tokenizer="ja-mecab",
                   tokenizer_modules=("MeCab", "ipadic"), tokenizer_install="pip install mecab-python3 ipadic",
                   sentence_joiner="", sentence_end="。"),
    "zh-Hant": Language("zh-Hant", "Traditional Chinese", "zt", sentence_joiner="", sentence_end="。"),
    "zh-Hans": Language("zh-Hans", "Simplified Chinese", "zh", sentence_joiner="", sentence_end="。"),
}
TARGET_LANGUAGES = ("en", "ja")
SOURCE_LANGUAGES = ("zh-Hant", "zh-Hans", "ja")


#: Other spellings of the target languages that mean one of them outright:
#: ISO 639-2/3 codes and English names. ("jp", a country code, is not one:
#: it gets a suggestion.)
_TARGET_ALIASES = {"eng": "en", "english": "en", "jpn": "ja", "japanese": "ja"}


def target_language(tag: str) -> str:
    """A target language from what a user typed: case and region or script
    subtags don't matter (``EN``, ``en-US``, ``ja_JP`` are en and ja); a near
    miss is refused with a suggestion."""
    from difflib import get_close_matches

    from l10n.errors import UsageError

    wanted = tag.strip().lower().replace("_", "-")
    primary = wanted.split("-")[0]
    if primary in TARGET_LANGUAGES:
        return primary
    if wanted in _TARGET_ALIASES or primary in _TARGET_ALIASES:
        return _TARGET_ALIASES.get(wanted) or _TARGET_ALIASES[primary]
    spellings = {**{code: code for code in TARGET_LANGUAGES}, **_TARGET_ALIASES}
    close = get_close_matches(primary, list(spellings), n=1, cutoff=0.5)
    hint = f"; did you mean {spellings[close[0]]}?" if close else ""
    raise UsageError(f"--to {tag!r} is not a target language: l10n translates into "
                     f"{', '.join(f'{code} ({LANGUAGES[code].name})' for code in TARGET_LANGUAGES)}{hint}")
