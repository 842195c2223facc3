"""Catalog merge time on a large catalog, against the all-pairs approach it replaced.

Run from the repository root:  .venv/bin/python benchmarks/bench_merge.py

Builds a 20,000-segment catalog (one sentence per paragraph, Chinese-like
sentences drawn from the bundled article's characters, fixed seed), then
times the catalog stage of a rerun — strict read of the PO, plan, merge with
this run's drafts, render — as `l10n translate` runs it with the lock held:

  no-op     the same 20,000 sentences
  changed   2,000 of them edited (one character replaced, as a newsroom fix does)

and, in the same run, the approach of the previous version on smaller sizes,
where it finishes in reasonable time: polib's duplicate check on reading
(compares every pair of entries) and difflib on every (changed sentence,
old entry) pair. Each time is the best of REPEATS runs.

Last, a whole `l10n translate` run (library call, one language) on the same
20,000 sentences — given as a reviewer's edit of locales/article.txt, since
the page extractor keeps only article-like text — with an engine that echoes
its input, registered in the ENGINES table: extraction, segmentation, term
matching, reading and writing the template, the catalog and the drafts, and
the merge, without model time. Timed once each: first translation, no-op
rerun, rerun with 2,000 changed sentences.
"""

from __future__ import annotations

import difflib
import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from l10n import catalog as po  # noqa: E402
from l10n import engine as engines  # noqa: E402
from l10n.article import Article, Block, BlockKind, format_article  # noqa: E402
from l10n.segment import segment_article  # noqa: E402

SEGMENTS = 20_000
CHANGED = 2_000
#: Sizes at which the old all-pairs pairing is timed (2,000 would take minutes).
OLD_PAIRING_SIZES = (100, 200)
#: Catalog size at which polib's pairwise duplicate check is timed.
OLD_PARSE_SIZE = 4_000
REPEATS = 3


def sentences(count: int, rng: random.Random) -> list[str]:
    text = (ROOT / "l10n" / "data" / "article.txt").read_text(encoding="utf-8")
    pool = sorted({c for c in text if "\u4e00" <= c <= "\u9fff"})
    made, seen = [], set()
    while len(made) < count:
        sentence = "".join(rng.choice(pool) for _ in range(rng.randint(18, 60))) + "。"
        if sentence not in seen:
            seen.add(sentence)
            made.append(sentence)
    return made


def edit(sentences_: list[str], count: int, rng: random.Random) -> list[str]:
    edited = list(sentences_)
    for index in rng.sample(range(len(edited)), count):
        sentence = edited[index]
        at = rng.randrange(len(sentence) - 1)
        edited[index] = sentence[:at] + "改" + sentence[at + 1 :]
    return edited


def segments_of(sentences_: list[str]):
    return segment_article(Article(tuple(Block(BlockKind.PARAGRAPH, s) for s in sentences_), "zh-Hant"))


def header() -> polib.POFile:
    return po.new_catalog("en", name="bench", created="2026-01-01 00:00+0000",
                          signature=po.Signature("zh-Hant", "bench", "bench"))


def drafts_for(segments) -> dict[str, po.Draft]:
    return {s.id: po.Draft(f"MT {s.source}", "bench:echo") for s in segments}


def rerun(data: bytes, segments, machine) -> tuple[str, po.MergeCounts]:
    """The catalog stage of `l10n translate`: read strictly, merge, render."""
    old = po.parse_catalog(data, Path("bench.po"))
    terms = {s.id: () for s in segments}
    merged, counts = po.assemble(old, segments, drafts_for(segments), terms, machine=machine, header=header(),
                                 reference="bench.txt")
    return po.render(merged), counts


def old_pair_changed(segments, entries):
    """The previous version's pairing: difflib on every pair."""
    scored = []
    for segment in segments:
        for entry in entries:
            ratio = difflib.SequenceMatcher(None, entry.msgid, segment.source, autojunk=False).ratio()
            if ratio >= po.SAME_SENTENCE_SIMILARITY:
                scored.append((ratio, segment, entry))
    scored.sort(key=lambda item: -item[0])
    pairs, used_segments, used_entries = [], set(), set()
    for _, segment, entry in scored:
        if segment.id in used_segments or id(entry) in used_entries:
            continue
        pairs.append((segment, entry))
        used_segments.add(segment.id)
        used_entries.add(id(entry))
    return pairs


def best(function, repeats: int = REPEATS) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeats):
        started = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - started)
    return min(times), result


class EchoEngine(engines.Engine):
    def __init__(self, source: str, target: str):
        self.source, self.target = source, target

    @property
    def signature(self) -> str:
        return "bench:echo"

    def hypotheses(self, texts, count=1):
        return [[engines.Hypothesis(text, 0.0)] for text in texts]


def open_echo(source, target, options, *, cache=None, loaded):
    return EchoEngine(source, target)


def whole_runs(original: list[str], changed: list[str]) -> list[tuple[str, float]]:
    from l10n.pipeline import Source, translate
    from l10n.settings import resolve_options

    engines.ENGINES["bench-echo"] = f"{__name__}:open_echo"
    here = Path.cwd()
    project = Path(tempfile.mkdtemp(prefix="bench-merge-"))
    try:
        shutil.copytree(ROOT / "glossary", project / "glossary")
        (project / "pyproject.toml").write_text("[tool.l10n]\nengine = 'bench-echo'\ncache = 'cache'\n")
        os.chdir(project)
        options = resolve_options({})
        page = [Source("article", "the bundled page", (ROOT / "l10n" / "data" / "article.txt").read_bytes())]
        translate(page, ["en"], options)

        def article(sentences_: list[str]) -> None:
            blocks = (Block(BlockKind.HEADLINE, "北海道半導體新聞"),) + tuple(Block(BlockKind.PARAGRAPH, s)
                                                                           for s in sentences_)
            Path("locales/article.txt").write_text(format_article(Article(blocks, "zh-Hant")), encoding="utf-8")

        times = []
        for name, sentences_ in (("first translation", original), ("no-op rerun", None), ("rerun, changed", changed)):
            if sentences_ is not None:
                article(sentences_)
            started = time.perf_counter()
            report = translate(page, ["en"], options, accept_large_change=True)
            times.append((name, time.perf_counter() - started))
            assert report.catalogs[0].stats.total == len(original) + 1 and not report.failures
        return times
    finally:
        os.chdir(here)
        shutil.rmtree(project, ignore_errors=True)


def main() -> None:
    rng = random.Random(2026)
    original = sentences(SEGMENTS, rng)
    segments = segments_of(original)
    drafts = drafts_for(segments)
    machine = {(s.id, s.source): drafts[s.id].text for s in segments}
    built, _ = po.assemble(None, segments, drafts, {s.id: () for s in segments}, machine=machine, header=header(),
                           reference="bench.txt")
    # A reviewer has reviewed every tenth entry.
    for number, entry in enumerate(built):
        if number % 10 == 0:
            entry.msgstr, entry.flags = f"Reviewed {number}", []
    data = po.render(built).encode("utf-8")
    print(f"catalog: {SEGMENTS} segments, {len(data) / 1e6:.1f} MB; best of {REPEATS} runs; "
          f"python {sys.version.split()[0]}")

    noop_time, (text, counts) = best(lambda: rerun(data, segments, machine))
    assert text == data.decode("utf-8") and counts.drafted == 0, "a no-op rerun must change nothing"
    changed_sentences = edit(original, CHANGED, rng)
    changed_segments = segments_of(changed_sentences)
    changed_time, (_, counts) = best(lambda: rerun(data, changed_segments, machine))
    assert counts.changed >= CHANGED * 0.99, counts
    print(f"  no-op rerun ({SEGMENTS} segments):              {noop_time:6.2f} s")
    print(f"  rerun with {CHANGED} changed sentences:           {changed_time:6.2f} s  "
          f"({counts.changed} paired with their old entry)")

    rows = []
    old_catalog = po.parse_catalog(data, Path("bench.po"))
    old_entries = {(e.msgctxt, e.msgid): e for e in old_catalog if e.msgid}
    for size in OLD_PAIRING_SIZES:
        new = [s for s in changed_segments if (s.id, s.source) not in old_entries][:size]
        gone_ids = {s.id for s in segments} - {s.id for s in changed_segments}
        gone = [e for e in old_catalog if e.msgctxt in gone_ids][:size]
        new_time, new_pairs = best(lambda: po.pair_changed(new, gone))
        old_time, old_pairs = best(lambda: old_pair_changed(new, gone), repeats=1)
        same = {(s.id, e.msgctxt) for s, e in new_pairs} == {(s.id, e.msgctxt) for s, e in old_pairs}
        rows.append((f"pair {size} changed sentences", old_time, new_time, "same pairs" if same else "pairs differ"))
    small = "\n\n".join(data.decode("utf-8").split("\n\n")[: OLD_PARSE_SIZE + 1]) + "\n"  # header + entries
    old_time, _ = best(lambda: polib.pofile(small, wrapwidth=0, check_for_duplicates=True), repeats=1)
    new_time, _ = best(lambda: po.parse_catalog(small.encode("utf-8"), Path("bench.po")))
    rows.append((f"read {OLD_PARSE_SIZE} entries with duplicate check", old_time, new_time, ""))
    print()
    for name, seconds in whole_runs(original, changed_sentences):
        print(f"  whole l10n translate, {name}: {seconds:6.2f} s")
    print()
    print("| step | previous version | this version | ratio | |")
    print("|---|---|---|---|---|")
    for name, old, new, note in rows:
        print(f"| {name} | {old:.2f} s | {new:.3f} s | {old / new:.0f}× | {note} |")


if __name__ == "__main__":
    main()
