"""Translation memory: the index over reviewed catalogs and imported TMX files."""

from __future__ import annotations

import shutil
from xml.sax.saxutils import escape

import pytest

import polib

from l10n.memory import TranslationMemory, lookup_all, normalise, read_tmx, source_difference

from tests.conftest import REPO


def tmx(pairs, *, target_language="en-US") -> str:
    units = "".join(
        f'<tu><tuv xml:lang="zh-TW"><seg>{escape(source)}</seg></tuv>'
        f'<tuv xml:lang="{target_language}"><seg>{escape(target)}</seg></tuv></tu>\n'
        for source, target in pairs)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="zh-TW" '
            'datatype="plaintext" segtype="sentence" adminlang="en" creationtool="test" creationtoolversion="1" '
            f'o-tmf="test"/><body>\n{units}</body></tmx>\n')


@pytest.fixture
def locales(tmp_path):
    """A copy of this repository's reviewed catalogs."""
    folder = tmp_path / "locales"
    for language in ("en", "ja"):
        (folder / language / "LC_MESSAGES").mkdir(parents=True)
        shutil.copy(REPO / "locales" / language / "LC_MESSAGES" / "article.po", folder / language / "LC_MESSAGES")
    return folder


KOIKE = "Rapidus執行長小池敦義表示，千歲的水源、電力與自然環境讓它成為理想選址，甚至工廠本身也將覆上草皮，以融入北海道景致。"


@pytest.mark.parametrize("text, same", [
    ("Ｒａｐｉｄｕｓ今年　迎來突破。", "Rapidus今年 迎來突破。"),  # full-width letters, ideographic space
    ("  兩個\n空白\t之間 ", "兩個 空白 之間"),
])
def test_normalisation_ignores_width_and_whitespace(text, same):
    assert normalise(text) == normalise(same)


def test_reviewed_entries_of_every_catalog_are_found_exactly(locales):
    with TranslationMemory(locales, locales.parent / "index.sqlite") as memory:
        memory.refresh()
        assert memory.count("en") == memory.count("ja") == 34
        [match] = memory.exact("en", KOIKE.replace("Rapidus", "Ｒａｐｉｄｕｓ"))
        assert match.origin == "en/LC_MESSAGES/article.po" and "Koike" in match.target and match.score == 1.0
        assert memory.exact("en", KOIKE, exclude="en/LC_MESSAGES/article.po") == []


def test_fuzzy_entries_and_drafts_are_not_memory(locales):
    catalog = locales / "en" / "LC_MESSAGES" / "article.po"
    text = catalog.read_text(encoding="utf-8")
    entry_start = text.index(f'msgid "{KOIKE}"')
    catalog.write_text(text[:entry_start] + "#, fuzzy\n" + text[entry_start:], encoding="utf-8")
    with TranslationMemory(locales, locales.parent / "index.sqlite") as memory:
        memory.refresh()
        assert memory.exact("en", KOIKE) == [] and memory.count("en") == 33


def test_context_match_needs_both_neighbours(locales):
    with TranslationMemory(locales, locales.parent / "index.sqlite") as memory:
        memory.refresh()
        sources = [row[0] for row in memory.db.execute("SELECT source FROM units WHERE language = 'en' ORDER BY id")]
        index = sources.index(KOIKE)
        [in_place] = memory.exact("en", KOIKE, before=sources[index - 1], after=sources[index + 1])
        [elsewhere] = memory.exact("en", KOIKE, before=sources[index - 1], after="另一句。")
        assert in_place.in_context and not elsewhere.in_context


def test_fuzzy_matches_are_scored_and_thresholded(locales):
    with TranslationMemory(locales, locales.parent / "index.sqlite") as memory:
        memory.refresh()
        edited = KOIKE.replace("小池敦義", "小池")  # a later mention, 4 characters shorter
        [best, *_] = memory.fuzzy("en", edited)
        assert best.source == KOIKE and 0.9 < best.score < 1.0 and best.percent >= 90
        assert memory.fuzzy("en", "完全無關的一句話，講的是颱風與豪雨。") == []


def test_source_difference_reads_like_wdiff():
    assert source_difference("小池敦義表示", "小池表示") == "小池[-敦義-]表示"
    assert source_difference("今年2奈米", "今年3奈米") == "今年[-2-]{+3+}奈米"


def test_index_follows_the_files(locales):
    catalog = locales / "en" / "LC_MESSAGES" / "article.po"
    with TranslationMemory(locales, locales.parent / "index.sqlite") as memory:
        memory.refresh()
        assert memory.exact("en", KOIKE)
        catalog.unlink()
        memory.refresh()
        assert memory.exact("en", KOIKE) == [] and memory.count("en") == 0
        assert memory.fuzzy("en", KOIKE) == []  # the trigram index forgot it too


def test_a_damaged_index_is_rebuilt(locales):
    with TranslationMemory(locales, locales.parent / "index.sqlite") as memory:
        memory.refresh()
    (locales.parent / "index.sqlite").write_bytes(b"not a database at all" * 100)
    with TranslationMemory(locales, locales.parent / "index.sqlite") as memory:
        memory.refresh()
        assert memory.count("en") == 34


def test_tm_import_and_stats(project, run, tmp_path):
    memory_file = tmp_path / "wire copy.tmx"
    memory_file.write_text(tmx([(KOIKE, "Rapidus CEO Atsuyoshi Koike said …"), ("台積電今天宣布。", "TSMC announced today.")]),
                           encoding="utf-8")
    result = run("tm", "import", memory_file)
    assert result.exit_code == 0, result.output
    stored = project / "locales" / "tm" / "wire-copy.tmx"
    assert stored.read_bytes() == memory_file.read_bytes() and "2 en pairs" in result.output
    stats = run("tm", "stats")
    assert stats.exit_code == 0 and "tm/wire-copy.tmx" in stats.output
    with TranslationMemory(project / "locales", None) as memory:
        memory.refresh()
        [(exact, fuzzy)] = lookup_all(memory, "en", ["台積電今天宣布。"])
        assert [match.target for match in exact] == ["TSMC announced today."] and fuzzy == []


@pytest.mark.parametrize("content, message", [
    ("<tmx><body><tu>", "not a TMX file"),
    ("<html><body/></html>", "not a TMX file: no <tmx><body>"),
    (tmx([("台積電今天宣布。", "TSMC announced today.")], target_language="de"), "no Chinese→English"),
])
def test_a_bad_tmx_is_refused_with_one_line(project, run, tmp_path, content, message):
    bad = tmp_path / "bad.tmx"
    bad.write_text(content, encoding="utf-8")
    result = run("tm", "import", bad)
    assert result.exit_code == 4 and message in result.output and "Traceback" not in result.output
    assert not (project / "locales" / "tm").exists()


def test_external_entities_are_never_read():
    data = ('<?xml version="1.0"?><!DOCTYPE tmx [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            '<tmx><body><tu><tuv xml:lang="zh"><seg>&x;</seg></tuv><tuv xml:lang="en"><seg>x</seg></tuv></tu></body></tmx>')
    [unit] = read_tmx(data.encode(), path=None)["en"]
    assert unit.source == "&x;"  # left as written, the file is not opened


def test_tmx_languages_ignore_regions():
    units = read_tmx(tmx([("一。", "One.")], target_language="EN-gb").encode(), path=None)
    assert list(units) == ["en"]


# -- the memory in `l10n translate` ---------------------------------------------------------


@pytest.fixture
def reviewed_project(project):
    """This repository's reviewed article in the test project; no model installed."""
    shutil.copytree(REPO / "locales", project / "locales",
                    ignore=shutil.ignore_patterns("drafts", "*.md", "*.html", "*.mo", "*.tmx", "*.xlf", ".l10n*"))
    return project


def contents(locales):
    """Every file's bytes, but the lock file a run leaves (empty, as filelock leaves it)."""
    return {path: path.read_bytes() for path in locales.rglob("*") if path.is_file() and path.name != ".l10n.lock"}


def test_the_reviewed_article_translates_without_a_model(reviewed_project, packages_dir, run):
    locales = reviewed_project / "locales"
    before = contents(locales)
    result = run("translate", "--to", "en", "--to", "ja")
    assert result.exit_code == 0, result.output
    assert contents(locales) == before  # nothing new: every segment is reviewed
    assert run("build", "--to", "en", "--to", "ja").exit_code == 0


def second_article(tmp_path, *, shared: int, new: list[str]):
    """A follow-up story: the bundled article's headline, then some of its
    sentences, then new ones (a page in the text-scrape shape)."""
    from l10n.article import parse_article
    from l10n.segment import segment_article

    article = parse_article((REPO / "locales" / "article.txt").read_text(encoding="utf-8"),
                            path=REPO / "locales" / "article.txt", language="zh-Hant")
    body = [segment.source for segment in segment_article(article) if segment.id.startswith("s-")]
    page = tmp_path / "followup.txt"
    paragraph = "".join(body[:shared]) + "".join(new)
    page.write_text("北海道半導體新廠動工後的第一個冬天，地方期待與疑慮並存\n\n" + paragraph + "\n", encoding="utf-8")
    return page, body[:shared]


def test_a_second_article_takes_shared_sentences_from_the_memory(reviewed_project, installed, run, tmp_path):
    page, shared = second_article(tmp_path, shared=4, new=["小池強調，新廠明年將開始試產。"])
    result = run("translate", "--to", "en", page, "--name", "followup", "--json")
    assert result.exit_code == 0, result.output
    import json

    [catalog] = json.loads(result.stdout)["catalogs"]
    assert catalog["memory"] == len(shared)  # the shared sentences came from the first article's review
    entries = {e.msgid: e for e in polib.pofile(str(reviewed_project / "locales/en/LC_MESSAGES/followup.po"))}
    reviewed = {e.msgid: e.msgstr for e in polib.pofile(str(reviewed_project / "locales/en/LC_MESSAGES/article.po"))}
    for sentence in shared:
        entry = entries[sentence]
        assert entry.msgstr == reviewed[sentence] and entry.fuzzy  # for review: another article's context
        assert "TM: en/LC_MESSAGES/article.po" in entry.tcomment and "MT:" not in entry.tcomment
    assert catalog["drafted"] == len(entries) - len(shared)  # only the rest went to MT


def test_similar_sentences_are_shown_with_score_and_difference(reviewed_project, installed, run, tmp_path):
    edited = KOIKE.replace("小池敦義", "小池")
    page, _ = second_article(tmp_path, shared=0, new=[edited])
    assert run("translate", "--to", "en", page, "--name", "followup").exit_code == 0
    entries = {e.msgid: e for e in polib.pofile(str(reviewed_project / "locales/en/LC_MESSAGES/followup.po"))}
    notes = entries[edited].tcomment.splitlines()
    assert any(line.startswith("TM 9") and "(en/LC_MESSAGES/article.po): Rapidus CEO" in line for line in notes)
    assert "TM 9" in notes[-1] and "[-敦義-]" in notes[-1]
    assert entries[edited].fuzzy and "MT:" in entries[edited].tcomment  # drafted by MT, the match beside it


def test_accept_exact_files_in_context_matches_as_reviewed(reviewed_project, installed, run, tmp_path):
    shutil.copy(REPO / "l10n" / "data" / "article.txt", tmp_path / "syndicated.txt")  # the same story, reprinted
    result = run("translate", "--to", "en", tmp_path / "syndicated.txt", "--name", "syndicated", "--accept-exact")
    assert result.exit_code == 0, result.output
    catalog = polib.pofile(str(reviewed_project / "locales/en/LC_MESSAGES/syndicated.po"))
    assert len(catalog.translated_entries()) == len(catalog) == 34  # same sentences, same neighbours
    plain = run("translate", "--to", "en", tmp_path / "syndicated.txt", "--name", "again")
    assert plain.exit_code == 0
    assert len(polib.pofile(str(reviewed_project / "locales/en/LC_MESSAGES/again.po")).fuzzy_entries()) == 34


def test_without_a_model_the_segments_that_need_mt_are_counted(reviewed_project, packages_dir, run, tmp_path):
    page, shared = second_article(tmp_path, shared=4, new=["小池強調，新廠明年將開始試產。"])
    locales = reviewed_project / "locales"
    before = contents(locales)
    refused = run("translate", "--to", "en", page, "--name", "followup")
    assert refused.exit_code == 2
    [line] = refused.output.strip().splitlines()
    assert line.startswith(f"error: {page}: 2 of 6 segments need machine translation and there is no translation "
                           "model installed for zh-Hant → en")
    assert "l10n models install zt en" in line and "--file PATH.argosmodel" in line and "--no-mt" in line
    assert contents(locales) == before

    result = run("translate", "--to", "en", page, "--name", "followup", "--no-mt")
    assert result.exit_code == 0, result.output
    catalog = polib.pofile(str(locales / "en/LC_MESSAGES/followup.po"))
    assert len(catalog.fuzzy_entries()) == 4 and len(catalog.untranslated_entries()) == 2  # headline, new sentence
    assert not (locales / "drafts/en/followup.po").exists()
