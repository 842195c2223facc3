"""Style and script: punctuation, untranslated text, spacing, Japanese register, placeholders."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from l10n.checks import Context, blank, entry_check
from l10n.glossary import form_spans

_CJK_PUNCTUATION = "。，、；：？！「」『』（）《》【】〈〉\u3000"
_SENTENCE_END_JA = re.compile(r"[。！？][」』）)]*$")
_JAPANESE = "\u3040-\u30ff\u3400-\u9fff"
_HAN_OR_KANA = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]+")
#: Traditional Chinese characters whose Japanese form differs (產/産, 經/経, 歲/歳 …), or
#: that Japanese does not use (這, 們): in a Japanese translation they are untranslated text.
_CHINESE_ONLY = frozenset("這們與說對從發經產體團實關區歲臺灣國廠萬數將應畫學價戰點爭樣會來已")
#: Chinese words Japanese does not use (全球 = 世界, 推動 = 推進, 以及 = および).
_CHINESE_WORDS = re.compile(r"全球|推動|以及|但是|因為|所以|還是|我們|他們|這些|一個|已經|並且")


@entry_check("punctuation")
def punctuation(source: str, target: str, context: Context) -> Iterator[str]:
    """English has no CJK punctuation; Japanese sentences end with 。 and use full-width marks and 「」 quotes."""
    if context.language == "en":
        found = sorted({ch for ch in target if ch in _CJK_PUNCTUATION})
        if found:
            yield "CJK punctuation in English text: " + " ".join(repr(ch) for ch in found)
    elif context.language == "ja":
        if context.kind == "body" and not _SENTENCE_END_JA.search(target.rstrip()):
            yield "a Japanese sentence must end with 。"
        if re.search(rf"[{_JAPANESE}][,.!?;:](?!\d)", target):
            yield "half-width punctuation after Japanese text (use 、。！？)"
        if re.search(rf"\([^()]*[{_JAPANESE}][^()]*\)", target):
            yield "half-width parentheses around Japanese text (use （）)"
        if re.search(rf"[\"“”][^\"“”]*[{_JAPANESE}][^\"“”]*[\"“”]", target):
            yield "double quotes around Japanese text (use 「」)"


@entry_check("script")
def script(source: str, target: str, context: Context) -> Iterator[str]:
    """No untranslated Chinese or Japanese in English; no Chinese-only characters in Japanese; not a copy of the source."""
    if target.strip() == source.strip() and _HAN_OR_KANA.search(source):
        yield "the translation is a copy of the source"
        return
    if context.language == "en":
        found = _HAN_OR_KANA.findall(target)
        if found:
            yield "untranslated text in English: " + " ".join(found)
    elif context.language == "ja":
        forms = {form for m in context.glossary.find(source, checked=True)
                 for form in m.term.accepted("ja", later_mention=True)}
        rest = blank(target, [span for form in forms for span in form_spans(target, form)])
        chinese = sorted({ch for ch in rest if ch in _CHINESE_ONLY} | set(_CHINESE_WORDS.findall(rest)))
        if chinese:
            yield "Chinese characters in Japanese text (untranslated?): " + " ".join(chinese)
        if context.kind == "body" and len(_HAN_OR_KANA.findall(rest)) and not re.search(r"[\u3040-\u309f]", target):
            yield "no hiragana in a Japanese sentence (untranslated?)"


@entry_check("spacing")
def spacing(source: str, target: str, context: Context) -> Iterator[str]:
    """No space between Japanese characters or sentences; no doubled or edge spaces."""
    if context.language == "ja" and re.search(rf"[{_JAPANESE}。、」』）] +[{_JAPANESE}「『（]", target):
        yield "space in Japanese text (Japanese sentences and words run together)"
    if "  " in target:
        yield "double space"
    if target != target.strip():
        yield "space at the start or end of the translation"


_QUOTED = re.compile(r"「[^「」]*」|『[^『』]*』")
_POLITE_END = re.compile(r"(?:です|ます|ました|でした|ません|ませんでした|でしょう|ましょう)[。！？]")


def sentence_registers(text: str) -> list[str]:
    """"plain" (だ・である) or "polite" (です・ます) for each sentence outside quotations."""
    outside = _QUOTED.sub("", text)
    sentences = [s for s in re.findall(r"[^。！？]*[。！？]", outside) if s.strip("。！？ ")]
    return ["polite" if _POLITE_END.search(sentence) else "plain" for sentence in sentences]


def edition_register(texts: Iterable[str]) -> str:
    """The register most sentences of a Japanese edition use."""
    registers = [register for text in texts for register in sentence_registers(text)]
    return "polite" if registers.count("polite") > registers.count("plain") else "plain"


@entry_check("register")
def register(source: str, target: str, context: Context) -> Iterator[str]:
    """A Japanese edition keeps one register: だ・である or です・ます (quotations excepted)."""
    if context.language != "ja" or context.kind != "body" or context.register is None:
        return
    odd = [r for r in sentence_registers(target) if r != context.register]
    if odd:
        names = {"plain": "だ・である", "polite": "です・ます"}
        yield f"{names[odd[0]]} sentence in a {names[context.register]} edition"


@entry_check("placeholders")
def leftover_placeholders(source: str, target: str, context: Context) -> Iterator[str]:
    """No term-lock placeholder (ZQ1 …) is left in the translation."""
    if re.search(r"(?<![A-Za-z0-9])(?:ZQ|QX|XZ)\d+(?!\d)", target) and not re.search(r"(?:ZQ|QX|XZ)\d", source):
        yield "a term placeholder was left in the translation"
