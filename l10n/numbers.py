"""Numbers in Chinese, English and Japanese text, as values with units.

``quantities(text, language)`` finds the quantities a translation must carry
over and returns each as an exact value (a ``Fraction``), a unit and a kind:

* values: digits (``1,676``, ``11.5``), CJK numerals (``二〇二七``, ``一六七六億``,
  ``十一．五``), English number words (``forty``, ``three``), fractions
  (``1/3`` = ``三分之一`` = ``3分の1`` = "a third"), magnitudes
  (萬/億/兆 ↔ thousand/million/billion/trillion ↔ 万/億/兆);
* units: currencies (美元/US$/$/ドル → USD, 日圓/yen/円 → JPY, 新台幣/NT$ → TWD,
  歐元/€/ユーロ → EUR, 人民幣/yuan/人民元 → CNY), ``%`` (％, percent, パーセント,
  百分之), ``nm`` (奈米, nanometer, ナノ), ``x`` (倍, times, -fold), ``ping`` (坪),
  ``month`` (11月, November), ``decade`` (1980年代, the 1980s);
* kinds: ``cardinal``, ``ordinal`` (第2, second, 2nd) and ``vague``
  (數百億 = "tens of billions" = 数百億, 數十年 = "decades").

A range shares its unit and magnitude: 12至28奈米 is 12 nm and 28 nm, 3到4萬
is 30,000 and 40,000. ``compare`` matches source against target exactly: a
conversion is right or it is an error. There is no tolerance, so a year never
drifts (2027 → 2028) and 1/3 never passes for 0.33.

Only unambiguous quantities are taken from CJK text: digits; numerals of two or
more characters or with a large unit (十一, 一六七六億); a single numeral other
than 一 before a counter (三倍, 兩家); a year written digit by digit (二〇二七年).
A bare 一 is usually an article (一家公司 = "a company"), 千歲 is a place and 十分
means "very". Callers blank out glossary names first (ASEAN+3, 千歲).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from fractions import Fraction

CARDINAL, ORDINAL, VAGUE = "cardinal", "ordinal", "vague"

_DIGIT = {"〇": 0, "零": 0, "一": 1, "二": 2, "兩": 2, "两": 2, "三": 3, "四": 4, "五": 5,
          "六": 6, "七": 7, "八": 8, "九": 9}
_SMALL_UNIT = {"十": 10, "百": 100, "千": 1000}
_LARGE_UNIT = {"萬": 10**4, "万": 10**4, "億": 10**8, "亿": 10**8, "兆": 10**12}
_NUMERAL = "〇零一二兩两三四五六七八九十百千"
_MAGNITUDE = "萬万億亿兆"

#: Counters after which a single CJK numeral is a quantity (三倍, 兩家, 五名).
_COUNTERS = "倍%年個个名座家位人國国次成項项種种台臺枚件歲岁月日"

# -- units -------------------------------------------------------------------------

_CJK_PREFIX_UNITS = [("NT$", "TWD"), ("US$", "USD"), ("新台幣", "TWD"), ("新臺幣", "TWD"), ("台幣", "TWD"),
                     ("人民幣", "CNY"), ("人民币", "CNY"), ("$", "USD"), ("€", "EUR"), ("¥", "JPY")]
_CJK_SUFFIX_UNITS = [
    ("美元", "USD"), ("米ドル", "USD"), ("ドル", "USD"), ("日圓", "JPY"), ("日元", "JPY"), ("日幣", "JPY"),
    ("円", "JPY"), ("新台幣", "TWD"), ("台幣", "TWD"), ("台湾ドル", "TWD"), ("台湾元", "TWD"),
    ("歐元", "EUR"), ("欧元", "EUR"), ("ユーロ", "EUR"), ("人民幣", "CNY"), ("人民元", "CNY"),
    ("元", "TWD"),  # in Taiwanese news a bare 元 is the New Taiwan dollar
    ("奈米", "nm"), ("纳米", "nm"), ("ナノメートル", "nm"), ("ナノ", "nm"), ("nm", "nm"),
    ("%", "%"), ("パーセント", "%"), ("割", "%"), ("成", "%"), ("倍", "x"), ("坪", "ping"), ("吋", "inch"), ("インチ", "inch"),
    ("年代", "decade"), ("月", "month"),
]
_EN_PREFIX_UNITS = [("NT$", "TWD"), ("US$", "USD"), ("$", "USD"), ("€", "EUR"), ("¥", "JPY"), ("£", "GBP")]
_EN_SUFFIX_UNITS = [
    (r"(?:new\s+)?taiwan(?:ese)?\s+dollars?|nt\s+dollars?", "TWD"), (r"(?:us\s+|u\.s\.\s+)?dollars?", "USD"),
    (r"yen", "JPY"), (r"euros?", "EUR"), (r"yuan|renminbi", "CNY"), (r"won", "KRW"),
    (r"nanometers?|nanometres?|nm", "nm"), (r"%|percent|per\s+cent", "%"), (r"times|fold", "x"),
    (r"ping", "ping"), (r"inch(?:es)?", "inch"),
]

_EN_UNITS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
             "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
             "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
             "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_EN_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
                "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12}
_EN_SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12, "bn": 10**9}
_EN_FRACTIONS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4,
                 "fourths": 4, "fifth": 5, "fifths": 5, "tenth": 10, "tenths": 10}
_EN_MONTHS = {name: number for number, names in enumerate(
    [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
     ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"),
     ("november", "nov"), ("december", "dec")], start=1) for name in names}
_EN_MULTIPLES = {"twice": 2, "double": 2, "doubled": 2, "triple": 3, "tripled": 3, "threefold": 3,
                 "quadruple": 4, "quadrupled": 4, "fourfold": 4}
_EN_VAGUE = {"dozens": 10, "tens": 10, "hundreds": 100, "thousands": 10**3, "millions": 10**6,
             "billions": 10**9, "trillions": 10**12, "decades": 10}


@dataclass(frozen=True)
class Quantity:
    value: Fraction
    unit: str | None
    kind: str  # CARDINAL, ORDINAL or VAGUE (value = order of magnitude: 數百億 → 10**10)
    text: str  # as written
    start: int
    end: int
    digits: bool = True  # written with digits (numbers in words are not checked for additions)

    def matches(self, other: Quantity) -> bool:
        if self.kind != other.kind:
            return False
        if self.value == other.value and self.unit == other.unit:
            return True
        # 10% = a tenth = 1割
        percent, plain = (self, other) if self.unit == "%" else (other, self)
        return percent.unit == "%" and plain.unit is None and plain.value < 1 and percent.value / 100 == plain.value

    @property
    def shown(self) -> str:
        value = _show(self.value)
        if self.kind == VAGUE:
            return f"some {value}s"
        if self.kind == ORDINAL:
            return f"#{value}"
        return f"{value} {self.unit}" if self.unit else value


def _show(value: Fraction) -> str:
    if value.denominator == 1:
        return f"{value.numerator:,}"
    decimal = float(value)
    return f"{decimal:g}" if Fraction(str(decimal)) == value else f"{value.numerator}/{value.denominator}"


def quantities(text: str, language: str) -> list[Quantity]:
    """Quantities of ``text`` in order. NFKC keeps offsets for the characters used here."""
    text = unicodedata.normalize("NFKC", text) if len(unicodedata.normalize("NFKC", text)) == len(text) else text
    found = _english(text) if language == "en" else _cjk(text)
    return _share_range_units(text, found, language)


# -- CJK -------------------------------------------------------------------------------


def cjk_numeral_value(numeral: str) -> int | None:
    """三千五百 → 3500, 四萬 → 40000, 二〇二七 → 2027, 一六七六億 → 167600000000; None if malformed."""
    head = numeral.rstrip(_MAGNITUDE)
    if len(head) > 1 and all(ch in _DIGIT for ch in head) and head != numeral and not any(
            ch in _MAGNITUDE for ch in head):
        # 一六七六億: digit-by-digit numeral before one magnitude
        digits = int("".join(str(_DIGIT[ch]) for ch in head))
        scale = 1
        for ch in numeral[len(head):]:
            scale *= _LARGE_UNIT[ch]
        return digits * scale
    if numeral and all(ch in _DIGIT for ch in numeral):
        return int("".join(str(_DIGIT[ch]) for ch in numeral))
    total, section, digit = 0, 0, None
    for ch in numeral:
        if ch in _DIGIT:
            digit = _DIGIT[ch]
        elif ch in _SMALL_UNIT:
            section += (1 if digit is None else digit) * _SMALL_UNIT[ch]
            digit = None
        elif ch in _LARGE_UNIT:
            section += digit or 0
            total = (total + (section or 1)) * _LARGE_UNIT[ch] if total and total < _LARGE_UNIT[ch] \
                else total + (section or 1) * _LARGE_UNIT[ch]
            section, digit = 0, None
        else:
            return None
    return total + section + (digit or 0)


_NUMBER = r"\d+(?:,\d{3})*(?:\.\d+)?"
_CJK_VALUE = rf"(?:{_NUMBER}|[{_NUMERAL}]+(?:[.點点][〇零一二三四五六七八九]+)?)"
_PREFIX = "|".join(re.escape(p) for p, _ in _CJK_PREFIX_UNITS)
_SUFFIX = "|".join(re.escape(s) for s, _ in _CJK_SUFFIX_UNITS)

_CJK_PATTERN = re.compile(
    rf"(?P<prefix>{_PREFIX})?\s*"
    rf"(?:(?P<vague>[數数幾几何])(?P<vague_scale>[十百千])(?P<vague_magnitude>[{_MAGNITUDE}]*)"
    rf"|(?P<percent>百分之)(?P<percent_value>{_CJK_VALUE})"
    rf"|(?P<whole>{_CJK_VALUE})\s*分[之の]\s*(?P<part>{_CJK_VALUE})"
    rf"|(?P<slash_a>\d+)\s*/\s*(?P<slash_b>\d+)(?![\d/])"
    rf"|(?P<ordinal>第)\s*(?P<ordinal_value>{_CJK_VALUE})"
    rf"|(?P<compound>(?:\d+(?:\.\d+)?[{_MAGNITUDE}]){{2,}}|(?:\d+(?:\.\d+)?[{_MAGNITUDE}])+\d+(?![\d.]))"
    rf"|(?P<value>{_CJK_VALUE})(?P<magnitude>[{_MAGNITUDE}]*))"
    rf"\s*(?P<suffix>{_SUFFIX})?(?<!成(?=[為为長长立功本員员果熟]))"
)


def _cjk_number(token: str) -> Fraction | None:
    token = token.replace(",", "")
    if re.fullmatch(r"\d+(?:\.\d+)?", token):
        return Fraction(token)
    whole, decimals = re.fullmatch(r"(.*?)(?:[.點点](.*))?", token).groups()
    value = cjk_numeral_value(whole)
    if value is None:
        return None
    if decimals:
        return Fraction(f"{value}.{''.join(str(_DIGIT[ch]) for ch in decimals)}")
    return Fraction(value)


def _magnitude(units: str) -> int:
    scale = 1
    for ch in units:
        scale *= _LARGE_UNIT[ch]
    return scale


def _cjk(text: str) -> list[Quantity]:
    found = []
    for match in _CJK_PATTERN.finditer(text):
        groups = match.groupdict()
        unit = dict(_CJK_PREFIX_UNITS).get(groups["prefix"] or "") or dict(_CJK_SUFFIX_UNITS).get(groups["suffix"] or "")
        start, end = match.start(), match.end()
        if groups["prefix"] and groups["prefix"] in ("$", "€", "¥", "NT$", "US$") and groups["suffix"] in ("元",):
            unit = dict(_CJK_PREFIX_UNITS)[groups["prefix"]]
        kind, digits = CARDINAL, True
        if groups["vague"]:
            value = Fraction(_SMALL_UNIT[groups["vague_scale"]] * _magnitude(groups["vague_magnitude"]))
            kind, digits = VAGUE, False
        elif groups["percent"]:
            value, unit = _cjk_number(groups["percent_value"]), "%"
        elif groups["whole"] is not None:
            whole, part = _cjk_number(groups["whole"]), _cjk_number(groups["part"])
            value = part / whole if whole and part is not None else None
        elif groups["slash_a"] is not None:
            value = Fraction(int(groups["slash_a"]), int(groups["slash_b"])) if int(groups["slash_b"]) else None
        elif groups["ordinal"]:
            value, kind = _cjk_number(groups["ordinal_value"]), ORDINAL
        elif groups["compound"]:
            # 1兆2080億 = 1,208,000,000,000; 3萬5000 = 35,000
            value = Fraction(0)
            for number, scale in re.findall(rf"(\d+(?:\.\d+)?)([{_MAGNITUDE}]*)", groups["compound"]):
                value += Fraction(number) * _magnitude(scale)
        else:
            token = groups["value"]
            if not _taken(text, match, token, groups):
                continue
            value = _cjk_number(token)
            if value is not None:
                value *= _magnitude(groups["magnitude"])
            digits = any(ch.isdigit() for ch in token)
        if value is None:
            continue
        if groups["suffix"] in ("割", "成"):  # tenths: 3割 = 30%
            value *= 10
        if unit == "month" and not (kind == CARDINAL and value.denominator == 1 and 1 <= value <= 12):
            unit = None  # 3個月 has 個 between; 13月 is not a month
        if unit == "decade" and not (value.denominator == 1 and value >= 1000 and value % 10 == 0):
            unit = None
        found.append(Quantity(value, unit, kind, match.group(0).strip(), start, end, digits))
    return found


def _taken(text: str, match: re.Match, token: str, groups: dict) -> bool:
    """Whether a bare CJK numeral is a quantity (see the module docstring)."""
    if any(ch.isdigit() for ch in token):
        before = text[match.start("value") - 1: match.start("value")].strip() if not groups["prefix"] else ""
        return not (before.isascii() and before.isalpha())  # G7, IIM-1
    if groups["magnitude"] or len(token.rstrip("。")) > 1 and any(ch in _DIGIT for ch in token):
        return token[0] != "一" or len(token) > 1 or bool(groups["magnitude"])
    if token in _DIGIT and token != "一" and token not in "〇零":
        following = text[match.start("value") + 1: match.start("value") + 2]
        return bool(groups["suffix"]) or (following and following in _COUNTERS) or \
            bool(re.match(r"[至到~〜～\-–]", following))
    return False


# -- English ---------------------------------------------------------------------------

_EN_WORD = "|".join(sorted(_EN_UNITS, key=len, reverse=True))
_EN_PREFIX = "|".join(re.escape(p) for p, _ in _EN_PREFIX_UNITS)
_EN_SUFFIX = "|".join(f"(?:{s})" for s, _ in _EN_SUFFIX_UNITS)
_EN_SCALE = "|".join(_EN_SCALES)
_EN_MONTH = "|".join(sorted(_EN_MONTHS, key=len, reverse=True))
_EN_PATTERN = re.compile(
    rf"(?P<prefix>{_EN_PREFIX})?\s*(?:"
    rf"(?P<vague_low>tens|hundreds|dozens)\s+of\s+(?P<vague_high>thousands|millions|billions|trillions)"
    rf"|(?P<fraction_count>\b(?:a|an|one|two|three|{_NUMBER}))[\s-]+(?P<fraction>halves|half|thirds?|quarters?|fourths?|fifths?|tenths?)\b"
    rf"|(?<![\d/])(?P<slash_a>\d+)\s*/\s*(?P<slash_b>\d+)(?![\d/])"
    rf"|(?P<decade>(?<![\w.])\d{{3}}0)['’]?s\b"
    rf"|(?P<decades>\b(?:{_EN_WORD}|\d+))[\s-]+decades?\b"
    rf"|(?P<ordinal_digits>(?<![\w.])\d+)(?:st|nd|rd|th)\b"
    rf"|\b(?P<ordinal_word>{'|'.join(_EN_ORDINALS)})\b"
    rf"|\b(?P<vague>dozens|tens|hundreds|thousands|millions|billions|trillions|decades)\b"
    rf"|\b(?P<month>{_EN_MONTH})\b\.?(?=\s+\d|\s*$|[\s,])"
    rf"|\b(?P<multiple>{'|'.join(_EN_MULTIPLES)})\b"
    rf"|(?P<digits>(?<![\w.])(?<![A-Za-z]-){_NUMBER})(?:\s*-?\s*(?P<digit_scale>{_EN_SCALE})\b)?"
    rf"|\b(?P<words>(?:{_EN_WORD})(?:[\s-]+(?:{_EN_WORD}))*(?:\s+hundred(?:\s+(?:and\s+)?(?:{_EN_WORD})(?:-(?:{_EN_WORD}))?)?)?)\b"
    rf"(?:\s+(?P<word_scale>{_EN_SCALE})\b)?"
    rf")(?:(?:\s+of)?\s*-?\s*(?P<suffix>{_EN_SUFFIX})\b|(?P<percent_sign>%))?",
    re.I,
)


def _english_words(words: str) -> Fraction | None:
    current = 0
    for word in re.split(r"[\s-]+", words.lower()):
        if word == "and":
            continue
        if word == "hundred":
            current = (current or 1) * 100
            continue
        value = _EN_UNITS.get(word)
        if value is None:
            return None
        current += value
    return Fraction(current)


def _english_unit(prefix: str | None, suffix: str | None) -> str | None:
    if prefix:
        return dict(_EN_PREFIX_UNITS)[prefix.upper() if prefix[0].isalpha() else prefix]
    if suffix:
        for pattern, unit in _EN_SUFFIX_UNITS:
            if re.fullmatch(pattern, suffix, re.I):
                return unit
    return None


def _english(text: str) -> list[Quantity]:
    found = []
    for match in _EN_PATTERN.finditer(text):
        g = match.groupdict()
        if not any(g[k] for k in ("vague_low", "fraction", "slash_a", "decade", "decades", "ordinal_digits",
                                   "ordinal_word", "vague", "month", "multiple", "digits", "words")):
            continue
        unit = _english_unit(g["prefix"], g["suffix"] or g["percent_sign"])
        kind, digits = CARDINAL, True
        if g["vague_low"]:
            value = Fraction(_EN_VAGUE[g["vague_low"].lower()] * _EN_VAGUE[g["vague_high"].lower()])
            kind, digits = VAGUE, False
        elif g["fraction"]:
            count = g["fraction_count"].lower()
            numerator = 1 if count in ("a", "an") else (_english_words(count) or Fraction(count.replace(",", "")))
            value, digits = Fraction(numerator) / _EN_FRACTIONS[g["fraction"].lower()], False
        elif g["slash_a"]:
            value = Fraction(int(g["slash_a"]), int(g["slash_b"])) if int(g["slash_b"]) else None
        elif g["decade"]:
            value, unit = Fraction(int(g["decade"])), "decade"
        elif g["decades"]:
            count = g["decades"]
            value = (Fraction(count) if count.isdigit() else _english_words(count)) * 10
            digits = count.isdigit()
        elif g["ordinal_digits"]:
            value, kind = Fraction(int(g["ordinal_digits"])), ORDINAL
        elif g["ordinal_word"]:
            value, kind, digits = Fraction(_EN_ORDINALS[g["ordinal_word"].lower()]), ORDINAL, False
        elif g["vague"]:
            value, kind, digits = Fraction(_EN_VAGUE[g["vague"].lower()]), VAGUE, False
        elif g["month"]:
            if g["month"].lower() in ("may", "mar", "jan", "dec", "oct", "sep", "aug", "jun", "jul", "apr", "feb", "nov") \
                    and not re.match(r"\.?\s+\d", text[match.end("month"):]):
                continue  # "may" the verb; abbreviations only before a day
            value, unit, digits = Fraction(_EN_MONTHS[g["month"].lower()]), "month", False
        elif g["multiple"]:
            value, unit, digits = Fraction(_EN_MULTIPLES[g["multiple"].lower()]), "x", False
        elif g["digits"]:
            value = Fraction(g["digits"].replace(",", "")) * _EN_SCALES.get((g["digit_scale"] or "").lower(), 1)
        else:
            value = _english_words(g["words"])
            if value is None:
                continue
            value *= _EN_SCALES.get((g["word_scale"] or "").lower(), 1)
            digits = False
        if value is None:
            continue
        found.append(Quantity(value, unit, kind, match.group(0).strip(), match.start(), match.end(), digits))
    return found


# -- ranges -----------------------------------------------------------------------------

_RANGE = {"en": re.compile(r"\s*(?:-\s*)?(?:-|–|—|to|and|through)\s*$", re.I),
          "cjk": re.compile(r"\s*(?:至|到|~|〜|～|-|–|—|から)\s*$")}


def _share_range_units(text: str, found: list[Quantity], language: str) -> list[Quantity]:
    """12至28奈米 → 12 nm and 28 nm; 3到4萬 → 30,000 and 40,000; "12- to 28-nanometer"."""
    connector = _RANGE["en" if language == "en" else "cjk"]
    out = list(found)
    for index in range(len(out) - 2, -1, -1):
        first, second = out[index], out[index + 1]
        between = text[first.end:second.start]
        if not connector.match(between) or first.kind != second.kind or first.kind == VAGUE:
            continue
        if len(between) > 12:
            continue
        if first.kind == CARDINAL and first.value.denominator == 1 and 1000 <= first.value < 3000 \
                and second.value.denominator == 1 and second.value < 100 and not second.unit:
            # 2020～24年, 2020-24: the second year of a range abbreviated
            year = first.value // 100 * 100 + second.value
            out[index + 1] = replace(second, value=year if year > first.value else year + 100)
        first_unit = first.unit or second.unit
        value = first.value
        if language != "en":
            scale = _trailing_magnitude(second.text)
            if scale > 1 and not _trailing_magnitude(first.text):
                value *= scale
        elif re.search(rf"\b({_EN_SCALE})\b", second.text, re.I) and not re.search(rf"\b({_EN_SCALE})\b", first.text, re.I):
            scale = _EN_SCALES[re.search(rf"\b({_EN_SCALE})\b", second.text, re.I).group(1).lower()]
            value *= scale
        out[index] = replace(first, unit=first_unit, value=value)
    return out


def _trailing_magnitude(token: str) -> int:
    stripped = re.sub(rf"(?:{_SUFFIX})$", "", token)
    tail = re.search(rf"[{_MAGNITUDE}]+$", stripped)
    return _magnitude(tail.group(0)) if tail else 0


# -- comparison ------------------------------------------------------------------------


@dataclass(frozen=True)
class NumberProblem:
    kind: str  # "missing", "unit", "magnitude", "added"
    message: str


def compare(source: str, source_language: str, target: str, target_language: str) -> list[NumberProblem]:
    """Source quantities the target lacks or changed, and digit-written target numbers not in the source."""
    wanted = quantities(source, source_language)
    present = quantities(target, target_language)
    problems = []
    used = set()
    for quantity in wanted:
        hits = [index for index, candidate in enumerate(present) if quantity.matches(candidate)]
        if hits:
            used.update(hits)
            continue
        same_value = [c for c in present if c.value == quantity.value and c.kind == quantity.kind]
        scaled = [c for c in present if c.kind == quantity.kind and c.value and quantity.value and c.unit == quantity.unit
                  and _power_of_ten(c.value / quantity.value)]
        if same_value:
            other = same_value[0]
            used.add(present.index(other))
            problems.append(NumberProblem(
                "unit", f"{quantity.text} is {quantity.shown}, but the translation has {other.text} ({other.shown})"))
        elif scaled:
            other = scaled[0]
            used.add(present.index(other))
            problems.append(NumberProblem(
                "magnitude", f"wrong order of magnitude: {quantity.text} ({quantity.shown}) appears as "
                             f"{other.text} ({other.shown})"))
        else:
            problems.append(NumberProblem("missing", f"number missing: {quantity.text} ({quantity.shown})"))
    for index, candidate in enumerate(present):
        if index in used or not (candidate.digits or _counted_in_words(candidate, source)):
            continue
        if any(candidate.matches(q) for q in wanted):
            continue
        if any(candidate.value == q.value and candidate.kind == q.kind for q in wanted):
            continue  # the same number again, reported above if its unit is wrong
        problems.append(NumberProblem("added", f"number not in the source: {candidate.text} ({candidate.shown})"))
    return problems


def _counted_in_words(quantity: Quantity, source: str) -> bool:
    """"three protests": a count in words that the source has no numeral for. Not one or two
    (one of, the two of them), nor ordinals and vague words, nor a number the source writes
    inside a word (四季 → the four seasons)."""
    if not (quantity.kind == CARDINAL and quantity.value.denominator == 1 and quantity.value >= 3
            and quantity.unit is None and quantity.text.isalpha()):
        return False
    numerals = {str(quantity.value)} | {ch for ch, digit in _DIGIT.items() if digit == quantity.value}
    return not any(numeral in source for numeral in numerals)


def _power_of_ten(ratio: Fraction) -> bool:
    if ratio == 1:
        return False
    for power in range(1, 13):
        if ratio == 10**power or ratio == Fraction(1, 10**power):
            return True
    return False
