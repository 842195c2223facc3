"""Each check function on its own: passes() and fails() tables, as translate-toolkit tests its checks."""

from __future__ import annotations

import pytest

from l10n.checks import Context, entry_checks
from l10n.checks.content import length_ratio, misplaced, negation
from l10n.checks.numbers import number_fidelity
from l10n.checks.style import leftover_placeholders, punctuation, register, script, spacing
from l10n.checks.terms import added_names, forbidden_forms, glossary_terms, latin_names
from l10n.glossary import load_glossary

from tests.conftest import REPO

GLOSSARY = load_glossary(REPO / "glossary" / "terms.toml")


def context(language: str, *, kind: str = "body", earlier=(), register_: str | None = "plain", others=()) -> Context:
    return Context("s-1", kind, "zh-Hant", language, GLOSSARY, frozenset(earlier), register_, tuple(others))


def passes(check, source: str, target: str, language: str = "en", **options) -> None:
    found = list(check(source, target, context(language, **options)))
    assert found == [], found


def fails(check, source: str, target: str, language: str = "en", **options) -> None:
    assert list(check(source, target, context(language, **options))), f"{check.__name__} passed {target!r}"


def test_every_check_is_registered_with_help():
    checks = entry_checks()
    assert {"glossary", "forbidden", "added-name", "entities", "numbers", "length", "negation", "misplaced",
            "punctuation", "script", "spacing", "register", "placeholders"} <= set(checks)
    assert all(check.help and check.severity in ("error", "warning") for check in checks.values())


@pytest.mark.parametrize(("source", "target", "language", "options"), [
    ("Rapidus執行長小池敦義表示", "Rapidus CEO Atsuyoshi Koike said", "en", {}),
    ("小池敦義表示", "Koike said", "en", {"earlier": {"小池敦義"}}),  # a later mention
    ("小池敦義表示", "小池氏は述べた", "ja", {"earlier": {"小池敦義"}}),
    ("東京再推出650億美元方案", "日本政府が650億ドルの支援策を打ち出した", "ja", {}),  # the metonym
    ("東京再推出650億美元方案", "Tokyo unveiled a $65 billion package", "en", {}),
    ("三星", "サムスン", "ja", {"earlier": {"三星"}}),
    ("北海道大學與北海道", "北海道大学と北海道", "ja", {}),
    ("荷蘭ASML", "Dutch company ASML", "en", {}),
    ("從1980年代的美日貿易摩擦開始", "Beginning with the U.S.-Japan trade friction of the 1980s", "en", {}),
])
def test_glossary_passes(source, target, language, options):
    passes(glossary_terms, source, target, language, **options)


@pytest.mark.parametrize(("source", "target", "language", "options"), [
    ("Rapidus執行長小池敦義表示", "Rapidus CEO Koike said", "en", {}),  # first mention: full name
    ("三星", "サムスン", "ja", {}),
    ("東京威力科創", "東京エレクトロンデバイス", "ja", {}),  # another company, same prefix
    ("北海道大學與北海道", "北海道大学と札幌", "ja", {}),  # 北海道 only inside 北海道大学
    ("軟銀", "Softbank", "en", {}),
    ("荷蘭ASML", "German company ASML", "en", {}),
])
def test_glossary_fails(source, target, language, options):
    fails(glossary_terms, source, target, language, **options)


def test_forbidden_forms():
    fails(forbidden_forms, "千歲", "千歲に工場", "ja")
    fails(forbidden_forms, "小池敦義", "小池敦義社長", "ja")
    fails(forbidden_forms, "美日", "米日貿易摩擦", "ja")
    passes(forbidden_forms, "千歲", "千歳に工場", "ja")
    passes(forbidden_forms, "千歲", "a plant in Chitose", "en")


def test_added_names():
    fails(added_names, "台灣與韓國", "Taiwan and China", "en")
    fails(added_names, "索尼", "Sony and Samsung", "en")
    passes(added_names, "該國", "Japan", "en", earlier={"日本"})  # mentioned earlier
    passes(added_names, "日本政府", "the Japanese government", "en")
    passes(added_names, "東京威力科創", "Tokyo Electron", "en")  # Tokyo is part of the name


def test_latin_entities():
    fails(latin_names, "荷蘭ASML提供的EUV光刻機", "an DUV lithography machine from ASML", "en")
    passes(latin_names, "荷蘭ASML提供的EUV光刻機", "EUV露光装置", "ja")
    passes(latin_names, "量產know-how", "量産ノウハウ", "ja")  # lower-case words may be translated
    fails(latin_names, "據報導", "Intelによると", "ja")
    passes(latin_names, "北海道相對較低的地震風險", "北海道（Hokkaido）の地震リスク", "ja")


@pytest.mark.parametrize(("source", "target", "language"), [
    ("在2027年量產", "mass production in 2027", "en"),
    ("二〇二七年量產", "mass production in 2027", "en"),
    ("獲得120億美元挹注", "received $12 billion", "en"),
    ("獲得120億美元挹注", "120億ドルの支援", "ja"),
    ("數百億美元", "tens of billions of dollars", "en"),
    ("數百億美元", "数百億ドル", "ja"),
    ("一六七六億日圓", "167.6 billion yen", "en"),
    ("十一．五％", "11.5 percent", "en"),
    ("40年前", "four decades ago", "en"),
    ("12至28奈米", "12- to 28-nanometer", "en"),
    ("3到4倍", "3〜4倍", "ja"),
    ("第2座工廠", "a second plant", "en"),
    ("1兆2080億日圓", "1.208 trillion yen", "en"),
    ("東盟+3總體經濟研究辦公室", "the ASEAN+3 Macroeconomic Research Office", "en"),  # +3 is a name
    ("千歲", "Chitose", "en"),  # 千 is not a thousand here
    ("以四季景觀聞名", "known for its scenery through the four seasons", "en"),  # 四季 is a word
    ("新台幣500億元", "NT$50 billion", "en"),
    ("人民幣500億元", "50 billion yuan", "en"),
    ("30億歐元", "€3 billion", "en"),
    ("30坪", "30 ping", "en"),
    ("百分之十", "10パーセント", "ja"),
    ("三分之一", "3分の1", "ja"),
    ("11月27日", "November 27", "en"),
    ("僅剩10%", "only a tenth", "en"),
    ("僅剩10%", "わずか1割", "ja"),
    ("僅剩三成", "just 30%", "en"),
    ("從2020年至2024年", "2020～24年に", "ja"),
    ("1980年代", "the 1980's", "en"),
])
def test_numbers_pass(source, target, language):
    passes(number_fidelity, source, target, language)


@pytest.mark.parametrize(("source", "target", "language"), [
    ("在2027年量產", "mass production in 2028", "en"),
    ("獲得120億美元挹注", "received 12 billion yen", "en"),
    ("獲得120億美元挹注", "received $120 billion", "en"),
    ("數百億美元", "hundreds of billions of dollars", "en"),
    ("數百億美元", "数千億ドル", "ja"),
    ("1/3以上的預算", "more than a quarter of the budget", "en"),
    ("第2座工廠", "two plants", "en"),
    ("僅剩10%", "only 10 plants", "en"),
    ("這些努力", "these 30 efforts", "en"),  # a number added
    ("引發當地居民擔憂", "raised concerns among residents, who staged three protests", "en"),
    ("新台幣500億元", "$50 billion", "en"),
    ("30億歐元", "3 billion yuan", "en"),
    ("11月27日", "December 27", "en"),
    ("二〇二七年", "2026年", "ja"),
])
def test_numbers_fail(source, target, language):
    fails(number_fidelity, source, target, language)


def test_length_ratio():
    source = "隨著AI浪潮推動全球晶片需求，日本汽車產業與科技產業也渴望擺脫疫情時期的供應鏈混亂，重新建立更安全、更在地化的晶片供應。"
    passes(length_ratio, source, "As the AI boom drives global demand for chips, Japan's auto and tech industries are also "
                                 "eager to leave the supply-chain chaos of the pandemic behind and rebuild a more secure, "
                                 "more localized supply of chips.")
    fails(length_ratio, source, "As the AI boom drives global demand for chips, Japan's industries want a secure supply.")
    passes(length_ratio, "然而，外界質疑仍然強烈。", "Still.")  # too short to judge


def test_negation():
    fails(negation, "Rapidus尚未證明能取得量產know-how", "Rapidus has proved it can acquire mass-production know-how")
    passes(negation, "Rapidus尚未證明能取得量產know-how", "Rapidus has yet to prove it can acquire the know-how")
    passes(negation, "全球企業的技術交流更是不可或缺", "exchanges with companies around the world are indispensable")
    fails(negation, "外界質疑仍然強烈", "Skepticism does not remain strong")
    passes(negation, "久違的技術突破", "a breakthrough it had not seen in years")
    fails(negation, "已開始吸引全球動能", "has failed to generate global momentum")
    fails(negation, "量產經驗缺乏", "量産経験が豊富で", "ja")
    passes(negation, "量產經驗缺乏", "量産経験がなく", "ja")


def test_misplaced():
    others = [("s-2", "從2020年至2024年，日本已投入270億美元於晶片產業")]
    fails(misplaced, "Rapidus獲得日本政府120億美元挹注", "From 2020 to 2024, Japan put $27 billion into its chip industry",
          others=others)
    passes(misplaced, "Rapidus獲得日本政府120億美元挹注", "Rapidus received $12 billion from the Japanese government",
           others=others)


def test_punctuation_script_spacing():
    fails(punctuation, "然而", "Skepticism，however", "en")
    fails(punctuation, "然而", "しかし、根強い", "ja")  # no 。
    fails(punctuation, "然而", "しかし, 根強い。", "ja")
    fails(punctuation, "然而", "見方は\"根強い\"。", "ja")
    passes(punctuation, "然而", "しかし、根強い。", "ja")
    passes(punctuation, "小池", "「北海道バレー」（Hokkaido Valley）。", "ja", kind="headline")
    fails(script, "這些努力", "These efforts 旨在 reversing decline", "en")
    fails(script, "這些努力", "這些努力", "ja")
    fails(script, "推動", "日本政府的大規模推動已開始。", "ja")
    passes(script, "慶應義塾大學", "慶應義塾大学の教授は述べた。", "ja")  # 應 in the official name
    fails(spacing, "然而", "根強い。 しかし、", "ja")
    passes(spacing, "然而", "根強い。しかし、", "ja")
    fails(spacing, "然而", "remains  strong", "en")


def test_register():
    fails(register, "未知數", "未知数です。", "ja")
    passes(register, "未知數", "未知数だ。", "ja")
    passes(register, "小池指出", "小池氏は「製品を届けたいです。」と述べた。", "ja")  # a quotation keeps its own register
    fails(register, "未知數", "未知数だ。", "ja", register_="polite")


def test_placeholders():
    fails(leftover_placeholders, "豐田", "ZQ1 and Sony")
    passes(leftover_placeholders, "ZQ1型", "the ZQ1 model")
