"""The extraction quality gate: l10n on the tuned part of the evaluation set
(tests/extraction_set, never the held-out part) must stay above the floors.

Floors sit a little under the scores measured when they were set
(2026-11-27, benchmarks/bench_extract.py): HTML 15 pages char F1 0.997,
block F1 0.978, headline 100 %; text 14 pages 0.993, 0.982, 100 %. A change
that costs more than that on these pages fails here."""

from __future__ import annotations

import pytest

from benchmarks.bench_extract import evaluate, pages

FLOORS = {
    "html": {"char_f1": 0.97, "block_f1": 0.93, "headline_rate": 0.95},
    "text": {"char_f1": 0.97, "block_f1": 0.93, "headline_rate": 0.95},
}
#: No tuned page may fall below this character F1: a mean can hide one page lost.
MIN_PAGE_CHAR_F1 = 0.85


@pytest.mark.parametrize("fmt", sorted(FLOORS))
def test_tuned_part_stays_above_the_floors(fmt):
    assert len(pages(fmt, "tuned")) >= 10
    result = evaluate("l10n", fmt, "tuned")
    for measure, floor in FLOORS[fmt].items():
        assert getattr(result, measure) >= floor, (measure, getattr(result, measure), result.per_page)
    worst = min(result.per_page, key=lambda item: item[1].char_f1)
    assert worst[1].char_f1 >= MIN_PAGE_CHAR_F1, worst
