"""The planted-error suite (tests/planted.py): recall and false rejects, pinned."""

from __future__ import annotations

import pytest

from tests import planted

MIN_RECALL = 0.95
MAX_FALSE_REJECTS = 0.05


@pytest.fixture(scope="module")
def figures():
    return planted.run_suite()


@pytest.mark.parametrize("name", ["rapidus", "kumamoto"])
def test_the_faithful_translations_are_clean(name):
    art = planted.article(name)
    for (language, kind), texts in art.texts.items():
        assert planted.problems(art, language, texts) == [], (name, language, kind)


def test_the_suite_is_big_and_covers_both_articles_and_every_category():
    assert len(planted.ERRORS) >= 80 and len(planted.ALTERNATIVES) >= 25
    for rows in (planted.ERRORS, planted.ALTERNATIVES):
        assert {row.article for row in rows} == {"rapidus", "kumamoto"}
        assert {row.language for row in rows} == {"en", "ja"}
    categories = {row.category for row in planted.ERRORS}
    assert categories >= {"numbers", "glossary", "entities", "negation", "omission", "addition", "register",
                          "punctuation", "script", "spacing", "placeholders", "completeness", "misplaced", "reference"}


def test_recall_and_false_rejects(figures, capsys):
    with capsys.disabled():
        print("\n" + planted.summary(figures))
    assert figures.recall >= MIN_RECALL, planted.summary(figures)
    assert figures.false_reject_rate <= MAX_FALSE_REJECTS, planted.summary(figures)


def test_blind_errors_are_reported(capsys):
    with capsys.disabled():
        print("\n" + planted.blind_figures())
    caught = sum(1 for plant in planted.BLIND_ERRORS if planted.new_errors(plant))
    assert caught >= 9  # the five misses are changes of meaning with no name, number or negation
