"""The extraction quality gate: l10n on the tuned part of the evaluation set
(tests/extraction_set, never the held-out part) must stay above the floors.

Floors sit a little under the scores measured when they were set
(2026-11-27, benchmarks/bench_extract.py, benchmarks/extract-last-run.txt):
HTML 305 pages char F1 0.987, block F1 0.936, headline 97 %; text 525 pages
0.966, 0.889, 92 %. A change that costs more than a page or two on these
pages fails here."""

from __future__ import annotations

import pytest

from benchmarks.bench_extract import Extracted, evaluate, pages, score

FLOORS = {
    "html": {"char_f1": 0.98, "block_f1": 0.93, "headline_rate": 0.96},
    "text": {"char_f1": 0.96, "block_f1": 0.88, "headline_rate": 0.91},
}
#: No tuned page may fall below this character F1: a mean can hide one page
#: lost. The lowest tuned pages above it score 0.83–0.90 (朝日: the list of
#: towns by seismic intensity the gold keeps; 上報: an embedded post in
#: English that the gold leaves out; Sina Finance: list numbers and one-line
#: answers the gold keeps as paragraphs).
MIN_PAGE_CHAR_F1 = 0.8
#: Pages known to fail, and why. Each is a page the rules cannot decide from
#: what the scrape shows; the gate still holds every other page to the floor.
KNOWN_MISSES = {
    "dwblog-steinmeier-emperor": "a blog's copy of a DW story with its lines broken mid-sentence, every fragment "
                                 "on a line of its own: no line is a paragraph the rules can take as prose",
    "setn-pokemon-center-xinyi": "the site's machine-written summary and quiz sit above the story; in the HTML "
                                 "their box is one the print view leaves out, in the scrape they are prose like the story",
    "bbc-zhongwen-huawei-mate60": "boxes of four related headlines stand between the story's paragraphs twice; "
                                  "the text alone does not tell them from the end of the story",
    "singtao-kwai-chung-placenta": "a gallery repeats one caption under several photos; the gold keeps each, "
                                   "l10n keeps a caption shown twice once",
    "wired-jp-helvetica-now": "a 'Most Popular' box (a label, three teasers, each with its author's byline) "
                              "stands between two halves of the story; the lines alone do not tell it from the "
                              "end of the story and the next one",
    "pts-2014-evening-news": "a TV news transcript: each soundbite is a line of speech without punctuation under "
                             "its speaker's label, so the story falls apart into pieces the rules take for furniture",
    "pttsuperstar-hk-stars-event-2007": "a bulletin-board post wrapped at a fixed width, every sentence broken "
                                        "across lines; joining such lines back costs dozens of other pages",
    "ascii-weekly-20190421": "photo captions with no mark and a spec table set one cell per line, all of which "
                             "the gold keeps as the story's",
    "hnr-cns-lianghui-press-passes-2015": "a photo item whose only text is the photo's caption (…中新社发 张浪 摄): "
                                          "no running text, refused as no article",
    "bjd-copy-bluesky-photos": "a photo essay: every paragraph but the last is a photo's caption with the "
                               "photographer's credit (本報記者 X攝), which the gold keeps as the story",
    "pingtungtimes-hualien-quake": "a quake report whose body is a list of counties and intensities "
                                   "(3級:太魯閣、和平…), lines the rules take for a table, not prose",
    "ptt-newtalk-rfa-hk-office": "a bulletin board's news-post template (1.媒體來源: … 4.完整新聞內文:) wrapped at "
                                 "a fixed width, every sentence broken across lines",
    "cdns-stage-archive-2022": "a day archive whose story has its caption, credit, byline and paragraphs on one "
                               "line split by spaces, the archive's next story right under it, merged into one",
    "kmdn-local-2024": "a section listing: a one-paragraph story, then after a lone '-' the next entry's title and "
                       "paragraph, which the lines do not tell from a subheading and more of the story",
    "sachineseweekly-alert-2020": "a post listing saved with each post on one line (its title, then the title "
                                  "again with the whole text run together); the second, longer post is taken",
    "dotdotnews-hknews-listing-wild-boar": "an instant-news listing whose first entry is the story, the next "
                                           "entries' titles and first paragraphs right under it as if they were more of it",
    "dushi-singtao-delta-fire": "a day archive whose story has its caption and every paragraph on one line, "
                                "followed by the next story's line alike; the two are merged",
    "ucptt-mobilecomm-launch-2020": "a bulletin-board post wrapped at a fixed width, its title cut at the board's "
                                    "title width, every sentence broken across lines",
    "twgreatdaily-euro-radio-2017": "dated captions of a gallery of old photos (1900年,…) after the story's "
                                    "source line, which the gold leaves out and the text alone cannot tell from prose",
}


@pytest.mark.parametrize("fmt", sorted(FLOORS))
def test_tuned_part_stays_above_the_floors(fmt):
    assert len(pages(fmt, "tuned")) >= 10
    result = evaluate("l10n", fmt, "tuned")
    for measure, floor in FLOORS[fmt].items():
        assert getattr(result, measure) >= floor, (measure, getattr(result, measure), result.per_page)
    lost = [(page, score) for page, score in result.per_page
            if score.char_f1 < MIN_PAGE_CHAR_F1 and page not in KNOWN_MISSES]
    assert not lost, lost


def test_invisible_format_characters_do_not_count_against_a_headline():
    """A zero-width space the page put before its headline is not text a
    reader sees: the scorer ignores it on both sides."""
    gold = Extracted("\u200b《食尚玩家》前進秘魯", ("\u200b《食尚玩家》前進秘魯", "第一段。"))
    got = Extracted("《食尚玩家》前進秘魯", ("《食尚玩家》前進秘魯", "第一段。"))
    result = score(got, gold)
    assert result.headline and result.char_f1 == 1.0 and result.block_f1 == 1.0
