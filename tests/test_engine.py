"""The batched engine against argostranslate's own per-segment path, on real packages."""

from __future__ import annotations

import pytest

from l10n.engine import Decoding, PivotEngine
from l10n.engines.argos import ArgosPackageEngine
from l10n.extract import decode_page, extract_article
from l10n.glossary import lock, load_glossary
from l10n.models import install_file, read_package
from l10n.segment import segment_article

from tests.conftest import REPO, SEED


@pytest.fixture(scope="module")
def locked_segments() -> list[str]:
    """The article's sentences as the engine receives them: terms locked."""
    glossary = load_glossary(REPO / "glossary" / "terms.toml")
    article = extract_article(decode_page(SEED.read_bytes(), name="seed")).article
    return [lock(s.source, glossary.find(s.source)).text for s in segment_article(article)]


@pytest.fixture(scope="module")
def argos(tmp_path_factory, package_files):
    """argostranslate itself, looking only at a folder of the packages under test."""
    import argostranslate.settings
    import argostranslate.translate

    def use(*pairs: str):
        folder = tmp_path_factory.mktemp("argos")
        packages = [read_package(folder / install_file(package_files[p], folder).path.name) for p in pairs]
        argostranslate.settings.package_dirs = [folder]
        argostranslate.translate.installed_translates.clear()
        argostranslate.translate.get_installed_languages.cache_clear()
        return packages

    return use


@pytest.mark.parametrize("pair", ["zt_en", "random_zt_en"])
def test_batched_drafts_equal_argostranslate_per_segment(argos, locked_segments, pair):
    import argostranslate.translate

    (package,) = argos(pair)
    engine = ArgosPackageEngine(package, "zh-Hant", "en", Decoding())
    batched = engine.translate(locked_segments)
    one_by_one = [argostranslate.translate.translate(text, "zt", "en") for text in locked_segments]
    assert batched == one_by_one
    if pair == "zt_en":
        assert batched == locked_segments  # the echo package copies its input


def test_pivot_equals_argostranslate_composite(argos, locked_segments):
    import argostranslate.translate

    first, second = argos("zt_en", "en_ja")
    engine = PivotEngine(ArgosPackageEngine(first, "zh-Hant", "en", Decoding()),
                         ArgosPackageEngine(second, "en", "ja", Decoding()))
    sample = locked_segments[:12]
    assert engine.translate(sample) == [argostranslate.translate.translate(t, "zt", "ja") for t in sample]


def test_hypotheses_are_ranked_with_scores(argos, locked_segments):
    (package,) = argos("random_zt_en")
    ranked = ArgosPackageEngine(package, "zh-Hant", "en", Decoding()).hypotheses(locked_segments[:3], 3)
    for hypotheses in ranked:
        assert len(hypotheses) == 3
        assert [h.score for h in hypotheses] == sorted((h.score for h in hypotheses), reverse=True)


def test_traditional_chinese_goes_through_opencc_to_a_simplified_package(project, packages_dir, package_files, run):
    for pair in ("zh_en", "en_ja"):
        assert run("models", "install", "--file", package_files[pair]).exit_code == 0
    result = run("translate", "--to", "en")
    assert result.exit_code == 0, result.output
    import polib

    catalog = polib.pofile("locales/en/LC_MESSAGES/article.po")
    assert catalog.metadata["X-L10n-Engine"] == "opencc:t2s + argos:translate-zh_en@1.0"
    entry = catalog.find("s-a3c95efd", by="msgctxt")  # 然而，外界質疑仍然強烈。
    assert entry.msgstr == "然而，外界质疑仍然强烈。"  # the echo package shows the Simplified input
