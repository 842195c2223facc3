"""Numbers in Chinese, English and Japanese text, as values.

``numbers(text, language)`` finds the quantities a translation must carry
over and returns them normalised: 120億 → 12,000,000,000 = "$12 billion" =
120億ドル; 4萬 → 40,000 = 4万; 1/3 = 三分之一 = "a third" = 3分の1; 10% =
百分之十 = "10 percent"; 二〇二七 = 2027. The check compares values, so a
correct conversion is never a false positive and a wrong power of ten is
caught (pofilter's ``numbers`` check compares digit strings and gets both wrong).

Only unambiguous quantities are taken: digits, and CJK numerals that carry a
large unit (萬/億/兆), a fraction (分之, 分の) or a percentage (百分之), or a
year written digit by digit (二〇二七). A bare 一 is usually an article (一個,
一場), and 數百億 ("several tens of billions") is not a number.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_DIGIT = {"〇": 0, "零": 0, "一": 1, "二": 2, "兩": 2, "两": 2, "三": 3, "四": 4, "五": 5,
          "六": 6, "七": 7, "八": 8, "九": 9}
_SMALL_UNIT = {"十": 10, "百": 100, "千": 1000}
_LARGE_UNIT = {"萬": 10**4, "万": 10**4, "億": 10**8, "亿": 10**8, "兆": 10**12}
_CJK_NUMERAL = "〇零一二兩两三四五六七八九十百千萬万億亿兆"

_ENGLISH_UNITS = {"ones": 0, "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                  "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
                  "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
                  "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
                  "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100}
_ENGLISH_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
                     "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10}
_ENGLISH_SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
_ENGLISH_FRACTIONS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
                      "fourth": 4, "fourths": 4, "fifth": 5, "fifths": 5, "tenth": 10, "tenths": 10}

#: Relative difference under which two values are the same number (rounding
#: such as 1/3 = 0.333).
TOLERANCE = 0.005


@dataclass(frozen=True)
class Quantity:
    value: float
    text: str  # as written in the sentence

    def same_as(self, other: float) -> bool:
        return abs(self.value - other) <= TOLERANCE * max(abs(self.value), abs(other), 1e-9)


def numbers(text: str, language: str) -> list[Quantity]:
    text = unicodedata.normalize("NFKC", text)
    if language == "en":
        return _english(text)
    return _cjk(text)


def cjk_numeral_value(numeral: str) -> int | None:
    """三千五百 → 3500, 四萬 → 40000, 二〇二七 → 2027; None if malformed."""
    if numeral and all(ch in _DIGIT for ch in numeral):
        return int("".join(str(_DIGIT[ch]) for ch in numeral)) if len(numeral) > 1 else _DIGIT[numeral]
    total, section, digit = 0, 0, None
    for ch in numeral:
        if ch in _DIGIT:
            digit = _DIGIT[ch]
        elif ch in _SMALL_UNIT:
            section += (1 if digit is None else digit) * _SMALL_UNIT[ch]
            digit = None
        elif ch in _LARGE_UNIT:
            section += digit or 0
            total += (section or 1) * _LARGE_UNIT[ch]
            section, digit = 0, None
        else:
            return None
    return total + section + (digit or 0)


_NUMBER = r"\d+(?:,\d{3})*(?:\.\d+)?"
_CJK_PATTERNS = [
    # 百分之十, 三分之一, 3分の1: fractions and percentages
    ("percent", re.compile(rf"百分之([{_CJK_NUMERAL}]+|{_NUMBER})")),
    ("fraction", re.compile(rf"([{_CJK_NUMERAL}]+|{_NUMBER})\s*分[之の]\s*([{_CJK_NUMERAL}]+|{_NUMBER})")),
    ("slash", re.compile(r"(?<![\d/])(\d+)\s*/\s*(\d+)(?![\d/])")),
    # digits with CJK units: 120億, 4萬, 3千萬, 2.5兆
    ("digits", re.compile(rf"(?<![\d.])({_NUMBER})\s*([十百千萬万億亿兆]*)")),
    # CJK numerals with a large unit, or a year written digit by digit
    ("numeral", re.compile(rf"(?<![數数幾几多餘余{_CJK_NUMERAL}])([{_CJK_NUMERAL}]*[萬万億亿兆][{_CJK_NUMERAL}]*)")),
    ("year", re.compile(r"([〇零一二三四五六七八九]{4})(?=年)")),
]


def _cjk_value(token: str) -> float | None:
    token = token.replace(",", "")
    if re.fullmatch(r"\d+(?:\.\d+)?", token):
        return float(token)
    value = cjk_numeral_value(token)
    return float(value) if value is not None else None


def _scan(text: str, patterns, value_of) -> list[Quantity]:
    """Quantities found by ``patterns`` in order of priority; a later pattern
    never matches inside an earlier match (百分之十 is not also 十)."""
    found: list[tuple[int, int, Quantity]] = []
    for kind, pattern in patterns:
        for match in pattern.finditer(text):
            if any(match.start() < end and match.end() > start for start, end, _ in found):
                continue
            value = value_of(kind, match)
            if value is not None:
                found.append((match.start(), match.end(), Quantity(value, match.group(0))))
    return [quantity for _, _, quantity in sorted(found, key=lambda item: item[0])]


def _cjk_match_value(kind: str, match: re.Match) -> float | None:
    if kind == "percent":
        return _cjk_value(match.group(1))
    if kind == "fraction":
        whole, part = _cjk_value(match.group(1)), _cjk_value(match.group(2))
        return part / whole if whole and part is not None else None
    if kind == "slash":
        return int(match.group(1)) / int(match.group(2)) if int(match.group(2)) else None
    if kind == "digits":
        value = float(match.group(1).replace(",", ""))
        for unit in match.group(2):
            value *= _SMALL_UNIT.get(unit) or _LARGE_UNIT[unit]
        return value
    return _cjk_value(match.group(1))


def _cjk(text: str) -> list[Quantity]:
    return _scan(text, _CJK_PATTERNS, _cjk_match_value)


_EN_WORD_NUMBER = "|".join(sorted(_ENGLISH_UNITS, key=len, reverse=True))
_EN_PATTERNS = [
    ("fraction", re.compile(rf"\b(a|an|one|two|three|{_NUMBER})[\s-]+(half|halves|thirds?|quarters?|fourths?|fifths?|tenths?)\b", re.I)),
    ("slash", re.compile(r"(?<![\d/])(\d+)\s*/\s*(\d+)(?![\d/])")),
    ("digits", re.compile(rf"(?<![\d.])({_NUMBER})(?:\s*-?\s*(thousand|million|billion|trillion)\b)?", re.I)),
    ("words", re.compile(rf"\b((?:{_EN_WORD_NUMBER})(?:[\s-]+(?:{_EN_WORD_NUMBER}|and))*)(?:\s+(thousand|million|billion|trillion))?\b", re.I)),
    ("ordinal", re.compile(r"\b(" + "|".join(_ENGLISH_ORDINALS) + r")\b", re.I)),
]


def _english_words(words: str) -> float | None:
    total, current = 0, 0
    for word in re.split(r"[\s-]+", words.lower()):
        if word == "and":
            continue
        value = _ENGLISH_UNITS.get(word)
        if value is None:
            return None
        if value == 100:
            current = (current or 1) * 100
        else:
            current += value
    return float(total + current)


def _english_match_value(kind: str, match: re.Match) -> float | None:
    if kind == "fraction":
        count = match.group(1).lower()
        numerator = 1.0 if count in ("a", "an") else (_english_words(count) or float(count.replace(",", "")))
        return numerator / _ENGLISH_FRACTIONS[match.group(2).lower()]
    if kind == "slash":
        return int(match.group(1)) / int(match.group(2)) if int(match.group(2)) else None
    if kind == "digits":
        return float(match.group(1).replace(",", "")) * _ENGLISH_SCALES.get((match.group(2) or "").lower(), 1)
    if kind == "words":
        value = _english_words(match.group(1))
        if value is not None and match.group(2):
            value *= _ENGLISH_SCALES[match.group(2).lower()]
        return value
    return float(_ENGLISH_ORDINALS[match.group(1).lower()])


def _english(text: str) -> list[Quantity]:
    return _scan(text, _EN_PATTERNS, _english_match_value)


@dataclass(frozen=True)
class NumberProblem:
    source: Quantity
    magnitude_of: Quantity | None  # the target number that is off by a power of ten

    @property
    def message(self) -> str:
        if self.magnitude_of is not None:
            return (f"wrong order of magnitude: {self.source.text} ({_show(self.source.value)}) appears as "
                    f"{self.magnitude_of.text.strip()} ({_show(self.magnitude_of.value)})")
        return f"number missing: {self.source.text} ({_show(self.source.value)})"


def _show(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:.4g}"


def compare(source: str, source_language: str, target: str, target_language: str) -> list[NumberProblem]:
    """Source quantities that the target lacks, or has off by a power of ten."""
    wanted = numbers(source, source_language)
    present = numbers(target, target_language)
    problems = []
    for quantity in wanted:
        if any(quantity.same_as(candidate.value) for candidate in present):
            continue
        scaled = next(
            (candidate for candidate in present
             for power in range(-12, 13) if power and quantity.same_as(candidate.value / 10**power)),
            None,
        )
        problems.append(NumberProblem(quantity, scaled))
    return problems
