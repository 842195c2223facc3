"""The planted-error suite: realistic translation errors, and correct alternatives.

Each planted error changes one reviewed translation (or reference) of one of
two articles — the bundled Rapidus article, and a second article about TSMC's
Kumamoto plant (``tests/data/kumamoto``, written by an assistant for these
tests) — and must make the checks report a new error for that segment. Each
correct alternative is a change a good translator could make (a surname on a
later mention, 日本政府 for the metonym 東京, "four decades ago", a freer
rewording) and must not. ``python -m tests.planted`` prints the figures.

Mutations: ("edit", old, new) replaces text; ("fuzzy",), ("empty",) and
("copy",) make the entry unreviewed, untranslated, or a copy of the source;
("swap", other) swaps two segments' translations; ("move", other) files
another segment's translation here too. A segment is named by a piece of its
source sentence.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import polib

from l10n.article import Segment, parse_article
from l10n.checks import ERROR, Issue
from l10n.checks.catalog import check_catalog
from l10n.glossary import Glossary, load_glossary, parse_glossary
from l10n.quality import check_texts
from l10n.segment import segment_article

REPO = Path(__file__).resolve().parent.parent
KUMAMOTO = Path(__file__).resolve().parent / "data" / "kumamoto"


@dataclass(frozen=True)
class Article:
    name: str
    segments: tuple[Segment, ...]
    glossary: Glossary
    texts: dict[tuple[str, str], dict[str, str]]  # (language, "po" or "ref") → segment id → text


@cache
def article(name: str) -> Article:
    if name == "rapidus":
        path = REPO / "locales" / "article.txt"
        glossary = load_glossary(REPO / "glossary" / "terms.toml")
    else:
        path = KUMAMOTO / "article.txt"
        text = (REPO / "glossary" / "terms.toml").read_text(encoding="utf-8") + "\n" + \
            (KUMAMOTO / "terms.toml").read_text(encoding="utf-8")
        glossary = parse_glossary(tomllib.loads(text), path=KUMAMOTO / "terms.toml", text=text, digest="test")
    source = parse_article(path.read_text(encoding="utf-8"), path=path, language="zh-Hant")
    segments = tuple(segment_article(source))
    texts = {}
    for language in ("en", "ja"):
        if name == "rapidus":
            catalog = polib.pofile(str(REPO / "locales" / language / "LC_MESSAGES" / "article.po"))
            texts[(language, "po")] = {e.msgctxt: e.msgstr for e in catalog if not e.obsolete}
            rows = (REPO / "locales" / "references" / f"article.{language}.tsv").read_text(encoding="utf-8")
            rows = [row for row in rows.splitlines() if not row.startswith("#")][1:]
            texts[(language, "ref")] = {row.split("\t")[0]: row.split("\t")[2] for row in rows}
        else:
            rows = (KUMAMOTO / f"{language}.tsv").read_text(encoding="utf-8").splitlines()[1:]
            by_source = dict(row.split("\t") for row in rows)
            texts[(language, "po")] = {s.id: by_source[s.source] for s in segments}
    return Article(name, segments, glossary, texts)


def segment_id(art: Article, key: str) -> str:
    found = [s.id for s in art.segments if key in s.source or key == s.id]
    assert len(found) == 1, (art.name, key, found)
    return found[0]


def problems(art: Article, language: str, texts: dict[str, str], *, fuzzy=frozenset()) -> list[Issue]:
    """What ``l10n check`` reports for these translations: catalog checks and every entry check."""
    catalog = polib.POFile(wrapwidth=0)
    catalog.metadata = {"Project-Id-Version": art.name, "Language": language, "MIME-Version": "1.0",
                        "Content-Type": "text/plain; charset=UTF-8", "Content-Transfer-Encoding": "8bit",
                        "Plural-Forms": {"en": "nplurals=2; plural=(n != 1);", "ja": "nplurals=1; plural=0;"}[language]}
    for segment in art.segments:
        entry = polib.POEntry(msgctxt=segment.id, msgid=segment.source, msgstr=texts.get(segment.id, ""))
        if segment.id in fuzzy:
            entry.flags.append("fuzzy")
        catalog.append(entry)
    issues = check_catalog(catalog, art.segments, language=language, path="catalog", lines={})
    reviewed = {key: (text, None) for key, text in texts.items() if text and key not in fuzzy}
    issues += check_texts(art.segments, reviewed, glossary=art.glossary, source_language="zh-Hant",
                          language=language, path="catalog")
    return issues


@dataclass(frozen=True)
class Plant:
    category: str
    article: str  # rapidus or kumamoto
    language: str
    segment: str  # a piece of the source sentence, or a segment id
    change: tuple
    kind: str = "po"  # "po": the reviewed edition; "ref": the reference file

    def apply(self) -> tuple[dict[str, str], frozenset[str], set[str]]:
        """(texts, fuzzy ids, segments touched)."""
        art = article(self.article)
        texts = dict(art.texts[(self.language, self.kind)])
        here = segment_id(art, self.segment)
        action, *args = self.change
        touched, fuzzy = {here}, frozenset()
        if action == "edit":
            old, new = args
            assert old in texts[here], (self, texts[here])
            texts[here] = texts[here].replace(old, new, 1)
        elif action == "fuzzy":
            fuzzy = frozenset({here})
        elif action == "empty":
            texts[here] = ""
        elif action == "copy":
            texts[here] = next(s.source for s in art.segments if s.id == here)
        elif action == "swap":
            there = segment_id(art, args[0])
            texts[here], texts[there] = texts[there], texts[here]
            touched.add(there)
        elif action == "move":
            texts[here] = texts[segment_id(art, args[0])]
        return texts, fuzzy, touched


def new_errors(plant: Plant) -> list[Issue]:
    """Errors the change adds (for its segments, or for the whole file)."""
    art = article(plant.article)
    baseline = {(i.segment, i.check, i.message) for i in problems(art, plant.language, art.texts[(plant.language, plant.kind)])
                if i.severity == ERROR}
    texts, fuzzy, touched = plant.apply()
    return [i for i in problems(art, plant.language, texts, fuzzy=fuzzy) if i.severity == ERROR
            and (i.segment, i.check, i.message) not in baseline and (i.segment in touched or i.segment is None)]


def E(category, article_, language, segment, *change, kind="po"):  # noqa: N802  (a table row)
    return Plant(category, article_, language, segment, tuple(change), kind)


R, K = "rapidus", "kumamoto"

ERRORS = [
    # -- numbers: years, currencies, magnitudes, vague quantities, ranges, ordinals, units
    E("numbers", R, "en", "s-41d19ce7", "edit", "by 2027", "by 2028"),
    E("numbers", R, "en", "s-c4fbf204", "edit", "From 2020 to 2024", "From 2010 to 2024"),
    E("numbers", R, "en", "s-7b63f5b3", "edit", "$12 billion", "12 billion yen"),
    E("numbers", R, "en", "headline", "edit", "tens of billions of dollars", "hundreds of billions of dollars"),
    E("numbers", R, "en", "s-0d2da44a", "edit", "5 trillion yen", "5 billion yen"),
    E("numbers", R, "en", "s-2bdb288f", "edit", "just 10%", "just 1%"),
    E("numbers", R, "en", "s-9b4a8ffa", "edit", "more than a third", "more than a quarter"),
    E("numbers", R, "en", "s-671b68f6", "edit", "40,000", "4,000"),
    E("numbers", R, "en", "s-7bf32df4", "edit", "12- to 28-nanometer", "12- to 22-nanometer"),
    E("numbers", R, "en", "s-c5d1d8e7", "edit", "three to four times", "three to five times"),
    E("numbers", R, "en", "s-7bf32df4", "edit", "a second plant", "a third plant"),
    E("numbers", R, "en", "s-52a143f0", "edit", "$65 billion", "$56 billion"),
    E("numbers", R, "en", "s-a6b27305", "edit", "of the 1980s", "of the 1990s"),
    E("numbers", R, "en", "s-2bdb288f", "edit", "Forty years ago", "Thirty years ago"),
    E("numbers", R, "en", "s-aecd3bef", "edit", "2-nanometer", "3-nanometer"),
    E("numbers", R, "ja", "s-41d19ce7", "edit", "2027年", "2028年"),
    E("numbers", R, "ja", "s-7b63f5b3", "edit", "120億ドル", "120億円"),
    E("numbers", R, "ja", "headline", "edit", "数百億ドル", "数千億ドル"),
    E("numbers", R, "ja", "s-0d2da44a", "edit", "5兆円", "5000億円"),
    E("numbers", R, "ja", "s-671b68f6", "edit", "4万人", "4000人"),
    E("numbers", R, "ja", "s-9b4a8ffa", "edit", "3分の1以上", "4分の1以上"),
    E("numbers", R, "ja", "s-7bf32df4", "edit", "第2工場", "第3工場"),
    E("numbers", R, "ja", "s-c4fbf204", "edit", "270億ドル", "2700億ドル"),
    E("numbers", K, "en", "4760億", "edit", "476 billion yen", "4.76 billion yen"),
    E("numbers", K, "en", "4760億", "edit", "732 billion yen", "732 billion dollars"),
    E("numbers", K, "en", "10萬片", "edit", "100,000 12-inch", "10,000 12-inch"),
    E("numbers", K, "en", "2024年2月24日", "edit", "February 24, 2024", "February 14, 2024"),
    E("numbers", K, "en", "第四季", "edit", "fourth quarter of 2024", "third quarter of 2024"),
    E("numbers", K, "en", "2030年前", "edit", "by 2030", "by 2035"),
    E("numbers", K, "en", "2030年前", "edit", "about three times", "about twice"),
    E("numbers", K, "en", "3400個", "edit", "3,400", "34,000"),
    E("numbers", K, "ja", "4760億", "edit", "4760億円", "4760万円"),
    E("numbers", K, "ja", "第四季", "edit", "第4四半期", "第3四半期"),
    E("numbers", K, "ja", "10萬片", "edit", "200億ドル", "200億円"),
    E("numbers", K, "ja", "2030年前", "edit", "15兆円", "1.5兆円"),
    E("numbers", K, "ja", "12至28", "edit", "12〜28ナノメートル", "12〜20ナノメートル"),
    # -- glossary: required forms, short forms too early, forbidden forms, word boundaries
    E("glossary", R, "en", "s-46fdf8b2", "edit", "Atsuyoshi Koike", "Koike"),
    E("glossary", R, "ja", "caption", "edit", "千歳市", "千歲市"),
    E("glossary", R, "ja", "s-46fdf8b2", "edit", "小池淳義", "小池敦義"),
    E("glossary", R, "ja", "s-70941974", "edit", "東京エレクトロン", "東京エレクトロンデバイス"),
    E("glossary", R, "ja", "s-9c7565b8", "edit", "トヨタ自動車", "トヨタ"),
    E("glossary", R, "en", "s-9c7565b8", "edit", "SoftBank", "Softbank"),
    E("glossary", R, "ja", "s-a6b27305", "edit", "日米貿易摩擦", "米日貿易摩擦"),
    E("glossary", R, "en", "s-be6c7372", "edit", "Center for Strategic", "Centre for Strategic"),
    E("glossary", R, "ja", "s-9b4a8ffa", "edit", "慶應義塾大学", "慶應大学"),
    E("glossary", R, "en", "s-7bf32df4", "edit", "Kioxia", "Kyoxia"),
    E("glossary", K, "en", "索尼半導體", "edit", "Sony Semiconductor Solutions", "Sony Semiconductor Manufacturing"),
    E("glossary", K, "ja", "2024年2月24日", "edit", "熊本県", "熊本縣"),
    E("glossary", K, "en", "張忠謀出席", "edit", "Morris Chang", "Chang"),
    E("glossary", K, "ja", "索尼半導體", "edit", "デンソー", "デンソーテン"),
    E("glossary", K, "en", "caption", "edit", "Reuters", "AP"),
    # -- wrong entities: names not in the source, names of the source missing
    E("entities", R, "en", "s-41d19ce7", "edit", "Taiwan and South Korea", "Taiwan and China"),
    E("entities", R, "en", "s-aecd3bef", "edit", "the Netherlands' ASML", "Germany's ASML"),
    E("entities", R, "en", "s-c4fbf204", "edit", "the United States", "the European Union"),
    E("entities", R, "ja", "s-aecd3bef", "edit", "オランダのASML", "ドイツのASML"),
    E("entities", R, "en", "s-be6c7372", "edit", "TSMC or Samsung", "TSMC or Intel"),
    E("entities", R, "en", "s-9c7565b8", "edit", "the BBC", "the Financial Times"),
    E("entities", R, "en", "s-7bf32df4", "edit", "Kumamoto, Kyushu", "Kumamoto, Shikoku"),
    E("entities", R, "en", "s-aecd3bef", "edit", "EUV lithography", "DUV lithography"),
    E("entities", K, "en", "復興的開始", "edit", "in Japan", "in Taiwan"),
    E("entities", K, "ja", "索尼半導體", "edit", "JASMは", "Intelは"),
    # -- negation flips
    E("negation", R, "en", "s-be6c7372", "edit", "has yet to prove it can acquire", "has proved it can acquire"),
    E("negation", R, "en", "s-41d19ce7", "edit", "Rapidus has no mass-production experience", "Rapidus has mass-production experience"),
    E("negation", R, "en", "s-a6b27305", "edit", "the government failed to sustain", "the government managed to sustain"),
    E("negation", R, "ja", "s-be6c7372", "edit", "まだ証明していない", "すでに証明した"),
    E("negation", R, "ja", "s-41d19ce7", "edit", "量産経験がなく", "量産経験が豊富で"),
    E("negation", R, "en", "s-a3c95efd", "edit", "remains strong", "does not remain strong"),
    E("negation", R, "en", "s-c5d1d8e7", "edit", "lies not in competing head-on with TSMC or Samsung but in",
      "lies in competing head-on with TSMC or Samsung and in"),
    E("negation", K, "ja", "3400個", "edit", "直接生まれると", "直接生まれないと"),
    E("negation", K, "en", "交通壅塞", "edit", "have also raised concerns", "have not raised concerns"),
    # -- omissions: a dropped clause of 30 % or more
    E("omission", R, "en", "s-46fdf8b2", "edit", ", adding that the plant itself will even be covered with grass so that it blends into the Hokkaido landscape", ""),
    E("omission", R, "en", "s-9612110d", "edit", ", and whether Rapidus can attract a stable customer base remains an open question", ""),
    E("omission", R, "en", "s-d5122996", "edit", " and rebuild a more secure, more localized supply of chips", ""),
    E("omission", R, "en", "s-5d646284", "edit", "is no longer just a matter of industrial competition; it ", ""),
    E("omission", R, "en", "s-a2a8cb11", "edit", ", underpin its vast manufacturing base and once again become a formidable competitor in the global market", ""),
    E("omission", R, "ja", "s-a6b27305", "edit", "その大きな要因は政府が補助金と競争力を長期的に維持できなかったことにあり、同時に高齢化と少子化の圧力にさらされ、研究や技術への投資が長年圧迫されてきた。", ""),
    E("omission", R, "ja", "s-d5122996", "edit", "から脱却し、より安全で、より国内に根差した半導体の供給体制を再構築したいと", "から脱却したいと"),
    E("omission", K, "en", "交通壅塞", "edit", " and the use of groundwater have also raised concerns among local residents", " has also raised concerns"),
    E("omission", K, "ja", "2030年前", "edit", "を目指しており、これは2020年の水準の約3倍にあたる。", "を目指している。"),
    E("omission", K, "en", "12至28", "edit", ", mainly for the automotive and image-sensor industries", ""),
    # -- additions
    E("addition", R, "en", "s-a3c95efd", "edit", "remains strong.", "remains strong, with 70% of analysts doubtful."),
    E("addition", R, "ja", "s-4e5ae41f", "edit", "過去の衰退", "過去30年の衰退"),
    E("addition", K, "en", "索尼半導體", "edit", "are also shareholders", "are also shareholders, as is Samsung"),
    # -- style and script
    E("register", R, "ja", "s-9612110d", "edit", "未知数だ。", "未知数です。"),
    E("register", R, "ja", "s-4e5ae41f", "edit", "狙ったものだ。", "狙ったものです。"),
    E("register", K, "ja", "交通壅塞", "edit", "広がっている。", "広がっています。"),
    E("punctuation", R, "ja", "s-a3c95efd", "edit", "しかし、外部の懐疑的な見方は依然として根強い。", "しかし, 外部の懐疑的な見方は依然として根強い."),
    E("spacing", R, "ja", "s-a6b27305", "edit", "追い抜かれていった。その", "追い抜かれていった。 その"),
    E("punctuation", R, "en", "s-a3c95efd", "edit", "Skepticism, however", "Skepticism，however"),
    E("punctuation", R, "en", "s-78895083", "edit", '"We want', "「We want"),
    E("script", R, "en", "s-45de632c", "edit", "Rapidus is", "ラピダス is"),
    E("script", R, "en", "s-4e5ae41f", "edit", "years of decline", "過去的衰退"),
    E("script", R, "ja", "s-95fdca77", "edit", "日本政府による大規模な後押しは、世界的な勢いを呼び込み始めている", "日本政府的大規模推動已開始吸引全球動能"),
    E("punctuation", K, "ja", "張忠謀出席", "edit", "あいさつした。", "あいさつした"),
    # -- placeholders
    E("placeholders", R, "en", "s-9c7565b8", "edit", "Toyota", "ZQ4"),
    E("placeholders", R, "ja", "s-4e06f841", "edit", "北海道大学", "ZQ2"),
    E("placeholders", K, "en", "索尼半導體", "edit", "in JASM", "in ZQ1"),
    # -- fuzzy and untranslated
    E("completeness", R, "en", "s-a3c95efd", "fuzzy"),
    E("completeness", R, "ja", "s-9612110d", "empty"),
    E("completeness", K, "ja", "索尼半導體", "fuzzy"),
    E("completeness", R, "en", "s-4ec90641", "copy"),
    # -- a translation filed under the wrong segment
    E("misplaced", R, "en", "s-7b63f5b3", "swap", "s-41d19ce7"),
    E("misplaced", K, "en", "4760億", "swap", "10萬片"),
    E("misplaced", R, "ja", "s-2bdb288f", "swap", "s-671b68f6"),
    E("misplaced", K, "ja", "3400個", "move", "第四季"),
    # -- errors in the reference files: the same checks
    E("reference", R, "en", "s-7b63f5b3", "edit", "$12 billion", "$120 billion", kind="ref"),
    E("reference", R, "ja", "s-46fdf8b2", "edit", "小池淳義", "小池敦義", kind="ref"),
    E("reference", R, "en", "s-41d19ce7", "edit", "in 2027", "in 2026", kind="ref"),
    E("reference", R, "ja", "s-9612110d", "edit", "未知数だ。", "未知数です。", kind="ref"),
    E("reference", R, "en", "s-be6c7372", "edit", "has yet to prove", "has proved", kind="ref"),
]

#: Written after the checks were done and run once, unchanged, to measure what
#: the suite above (written alongside the checks) cannot: reported, not pinned.
BLIND_ERRORS = [
    E("entities", R, "en", "s-fd85f526", "edit", "the Japanese island", "the Korean island"),
    E("glossary", R, "en", "s-3bea4b13", "edit", "a Japanese version of Silicon Valley", "a Japanese version of Shenzhen"),
    E("negation", R, "en", "s-95fdca77", "edit", "has begun to generate global momentum", "has failed to generate global momentum"),
    E("meaning", R, "ja", "s-4ec90641", "edit", "投資をさらに積み増している", "投資を減らしている"),
    E("meaning", R, "en", "s-d5122996", "edit", "drives global demand", "drives domestic demand"),
    E("addition", K, "en", "交通壅塞", "edit", "among local residents", "among local residents, who staged three protests"),
    E("negation", K, "ja", "索尼半導體", "edit", "トヨタ自動車も出資している", "トヨタ自動車も出資していない"),
    E("numbers", R, "ja", "s-2bdb288f", "edit", "半数以上", "3分の1以上"),
    E("meaning", R, "en", "s-9b4a8ffa", "edit", "goes to welfare for the elderly", "goes to defense"),
    E("meaning", K, "en", "12至28", "edit", "mainly for the automotive", "mainly for the smartphone"),
    E("entities", R, "en", "s-c4fbf204", "edit", "during the Biden administration", "during the Trump administration"),
    E("glossary", R, "ja", "s-70941974", "edit", "千歳に拠点", "苫小牧に拠点"),
    E("numbers", K, "en", "4760億", "edit", "for the second", "for the first"),
    E("meaning", R, "en", "s-45de632c", "edit", "a high-risk gamble", "a low-risk gamble"),
]

ALTERNATIVES = [
    E("later mention", R, "en", "s-c5d1d8e7", "edit", "Atsuyoshi Koike said", "Koike said"),
    E("metonym", R, "ja", "s-52a143f0", "edit", "東京（日本政府）が", "日本政府が", kind="ref"),
    E("metonym", R, "ja", "s-52a143f0", "edit", "日本政府が", "政府が"),
    E("later mention", R, "ja", "s-be6c7372", "edit", "サムスン電子など", "サムスンなど"),
    E("number words", R, "en", "s-2bdb288f", "edit", "Forty years ago", "Four decades ago"),
    E("spelling", R, "en", "s-a6b27305", "edit", "US-Japan", "U.S.-Japan"),
    E("number words", R, "en", "s-7b63f5b3", "edit", "$12 billion", "12 billion dollars"),
    E("number words", R, "en", "s-671b68f6", "edit", "40,000", "forty thousand"),
    E("number words", R, "en", "s-2bdb288f", "edit", "just 10%", "just 10 percent"),
    E("number words", R, "en", "s-9b4a8ffa", "edit", "more than a third", "more than one-third"),
    E("rewording", R, "en", "s-41d19ce7", "edit", "by 2027", "in 2027"),
    E("units", R, "ja", "s-7bf32df4", "edit", "12～28ナノメートル", "12～28ナノ"),
    E("units", R, "en", "s-7bf32df4", "edit", "12- to 28-nanometer chips", "chips of 12 to 28 nanometers"),
    E("number words", R, "en", "s-c5d1d8e7", "edit", "three to four times", "3 to 4 times"),
    E("rewording", R, "en", "headline", "edit",
      'Japan pours tens of billions of dollars into building a "Hokkaido Valley" tech hub in a bid to regain its chipmaking glory',
      'Building a "Hokkaido Valley": Japan invests tens of billions of dollars to win back its semiconductor glory'),
    E("rewording", R, "en", "s-9612110d", "edit",
      "Moreover, supply-chain relationships take years to build, and whether Rapidus can attract a stable customer base remains an open question.",
      "Supply-chain ties also take years to forge, and it is still unclear whether Rapidus will win a stable base of customers."),
    E("rewording", R, "ja", "s-9612110d", "edit", "未知数だ。", "未知数である。"),
    E("alternative", R, "en", "s-aecd3bef", "edit", "the Netherlands' ASML", "Dutch company ASML"),
    E("alternative", R, "en", "s-41d19ce7", "edit", "Taiwan and South Korea", "Taiwan and Korea"),
    E("metonym", R, "en", "s-52a143f0", "edit", "Tokyo unveiled", "the Japanese government unveiled"),
    E("units", R, "ja", "s-7b63f5b3", "edit", "120億ドル", "120億米ドル"),
    E("full name again", K, "en", "復興的開始", "edit", "Chang said", "Morris Chang said"),
    E("full name again", K, "ja", "復興的開始", "edit", "張氏は", "張忠謀氏は"),
    E("number words", K, "en", "4760億", "edit", "about 1.208 trillion yen in total", "some 1,208 billion yen in all"),
    E("dates", K, "en", "2024年2月24日", "edit", "on February 24, 2024", "on Feb. 24, 2024"),
    E("rewording", K, "ja", "10萬片", "edit", "10万枚超", "10万枚以上"),
    E("number words", K, "en", "2030年前", "edit", "about three times the 2020 level", "roughly triple the 2020 level"),
    E("rewording", R, "en", "s-5013ac7b", "edit", "Hokkaido's relatively low earthquake risk was also an important consideration.",
      "At the same time, the relatively low risk of earthquakes in Hokkaido also weighed heavily."),
    E("rewording", R, "ja", "s-a3c95efd", "edit", "しかし、外部の懐疑的な見方は依然として根強い。", "ただ、外部からの疑念はなお根強い。"),
    E("full name again", R, "en", "s-4e06f841", "edit", "Koike acknowledged", "Atsuyoshi Koike acknowledged"),
    E("alternative", R, "ja", "s-c4fbf204", "edit", "米国", "アメリカ"),
    E("alternative", R, "en", "s-c4fbf204", "edit", "the United States", "the U.S."),
    E("rewording", K, "en", "不過", "edit", "However, traffic congestion around the plant and the use of groundwater have also raised concerns among local residents.",
      "Local residents, however, have also voiced worries about traffic jams around the plant and about how much groundwater it uses."),
    E("rewording", R, "ja", "s-46fdf8b2", "edit", "ラピダスの小池淳義社長は", "ラピダスの小池淳義CEOは"),
    # written after the first figures, without running them first
    E("number words", R, "en", "s-0d2da44a", "edit", "the 5 trillion yen", "the ¥5 trillion"),
    E("number words", R, "en", "s-c4fbf204", "edit", "$27 billion", "US$27 billion"),
    E("rewording", R, "en", "s-52a143f0", "edit", "At the end of 2024", "In late 2024"),
    E("number words", R, "en", "s-2bdb288f", "edit", "today its share is just 10%", "today it makes only a tenth"),
    E("number words", R, "ja", "s-2bdb288f", "edit", "わずか10%", "わずか1割"),
    E("number words", K, "en", "10萬片", "edit", "exceeds $20 billion", "tops US$20bn"),
    E("number words", K, "ja", "4760億", "edit", "最大4760億円", "最大4,760億円"),
    E("number words", R, "en", "s-671b68f6", "edit", "40,000", "40 thousand"),
    E("rewording", R, "en", "s-7bf32df4", "edit", "a second plant", "its second plant"),
    E("number words", R, "ja", "s-c4fbf204", "edit", "2020年から2024年にかけて", "2020～24年に"),
    E("rewording", R, "en", "s-9b4a8ffa", "edit", "Naoyuki Yoshino, a professor of economics at Keio University, noted",
      "Keio University economics professor Naoyuki Yoshino noted"),
    E("rewording", R, "ja", "s-be6c7372", "edit", "ワシントンのシンクタンク", "米ワシントンのシンクタンク"),
    E("number words", R, "en", "s-a6b27305", "edit", "of the 1980s", "of the 1980's"),
    E("dates", K, "en", "2024年2月24日", "edit", "on February 24, 2024", "on 24 February 2024"),
]


@dataclass(frozen=True)
class Figures:
    errors: int
    caught: int
    alternatives: int
    rejected: int
    missed: tuple[Plant, ...]
    false_rejects: tuple[tuple[Plant, tuple[Issue, ...]], ...]

    @property
    def recall(self) -> float:
        return self.caught / self.errors

    @property
    def false_reject_rate(self) -> float:
        return self.rejected / self.alternatives


def blind_figures() -> str:
    missed = [plant for plant in BLIND_ERRORS if not new_errors(plant)]
    lines = [f"blind errors: {len(BLIND_ERRORS) - len(missed)}/{len(BLIND_ERRORS)} caught"]
    lines += [f"  missed: {p.category} {p.article} {p.language} {p.segment} {p.change[1:]}" for p in missed]
    return "\n".join(lines)


def run_suite() -> Figures:
    missed = tuple(plant for plant in ERRORS if not new_errors(plant))
    rejects = tuple((plant, tuple(found)) for plant in ALTERNATIVES if (found := new_errors(plant)))
    return Figures(len(ERRORS), len(ERRORS) - len(missed), len(ALTERNATIVES), len(rejects), missed, rejects)


def summary(figures: Figures) -> str:
    lines = [f"planted errors: {figures.caught}/{figures.errors} caught, recall {figures.recall:.1%}",
             f"correct alternatives: {figures.rejected}/{figures.alternatives} rejected, "
             f"false-reject rate {figures.false_reject_rate:.1%}"]
    categories = sorted({plant.category for plant in ERRORS})
    for category in categories:
        total = [p for p in ERRORS if p.category == category]
        caught = [p for p in total if p not in figures.missed]
        lines.append(f"  {category:13} {len(caught)}/{len(total)}")
    lines += [f"  missed: {p.category} {p.article} {p.language} {p.segment} {p.change}" for p in figures.missed]
    lines += [f"  rejected: {p.category} {p.article} {p.language} {p.segment} {p.change[1:]}: "
              + "; ".join(f"[{i.check}] {i.message}" for i in found) for p, found in figures.false_rejects]
    return "\n".join(lines)


def length_figures() -> str:
    """Faithful length ratios per language and kind, and a sweep of dropped clauses.

    The sweep cuts the last 30 % (by characters, at a word or clause edge) off every
    faithful body translation long enough to judge, and counts how many the length
    check alone catches, and how many any check catches.
    """
    from l10n.checks.content import MIN_UNITS_FOR_LENGTH, source_units, target_units

    ratios: dict[tuple[str, str], list[float]] = {}
    dropped = {"en": [0, 0, 0], "ja": [0, 0, 0]}  # sentences, caught by length, caught by any check
    for name in ("rapidus", "kumamoto"):
        art = article(name)
        for (language, kind), texts in art.texts.items():
            for segment in art.segments:
                if source_units(segment.source) < MIN_UNITS_FOR_LENGTH:
                    continue
                kind_ = {"paragraph": "body"}.get(segment.kind.value, segment.kind.value)
                ratios.setdefault((language, kind_), []).append(
                    target_units(texts[segment.id], language) / source_units(segment.source))
                if kind_ != "body":
                    continue
                text = texts[segment.id]
                cut = int(len(text) * 0.7)
                edge = max(text.rfind(mark, 0, cut) for mark in (" ", "、", "，", ",")) if language == "en" else \
                    max(text.rfind(mark, 0, cut) for mark in ("、", "，", "。"))
                shortened = text[:edge if edge > len(text) * 0.3 else cut].rstrip(" ,、") + ("." if language == "en" else "。")
                changed = dict(texts, **{segment.id: shortened})
                found = [i for i in problems(art, language, changed) if i.segment == segment.id and i.severity == ERROR]
                dropped[language][0] += 1
                dropped[language][1] += any(i.check == "length" for i in found)
                dropped[language][2] += bool(found)
    lines = ["faithful length ratios (target units / source units):"]
    lines += [f"  {language} {kind:8} min {min(values):.2f}  max {max(values):.2f}  ({len(values)} translations)"
              for (language, kind), values in sorted(ratios.items())]
    lines.append("last 30 % of a faithful body translation dropped:")
    lines += [f"  {language}: {n} sentences, length check catches {by_length} ({by_length / n:.0%}), "
              f"any check {by_any} ({by_any / n:.0%})" for language, (n, by_length, by_any) in dropped.items()]
    return "\n".join(lines)


if __name__ == "__main__":
    import sys

    if "--lengths" in sys.argv:
        print(length_figures())
    elif "--blind" in sys.argv:
        print(blind_figures())
    else:
        print(summary(run_suite()))
