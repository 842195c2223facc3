"""Translation-memory look-ups for one article against a 100,000-entry memory.

The memory is made from real news sentences: every sentence of the gold files
of the extraction evaluation set and of the bundled article, each stored as
itself and as variants with a few characters replaced (the next article on a
story repeats sentences with a changed number or name), up to ENTRIES pairs in
one TMX file. The "article" looked up is 35 sentences: a third unchanged from
the memory, a third edited (fuzzy territory), a third new.

Measured in one run:
  (a) ``l10n tm import`` + first index build (once per memory file);
  (b) look-ups for the article through the index (exact + trigram fuzzy);
  (c) the alternative without an index: difflib against every stored sentence,
      timed on a few sentences and scaled per sentence.

    .venv/bin/python benchmarks/bench_memory.py [--entries 100000]
"""

from __future__ import annotations

import argparse
import difflib
import random
import resource
import sys
import tempfile
import time
from pathlib import Path
from xml.sax.saxutils import escape

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from l10n.article import parse_article  # noqa: E402
from l10n.memory import FUZZY_THRESHOLD, TranslationMemory, import_tmx, lookup_all, normalise  # noqa: E402
from l10n.segment import segment_article  # noqa: E402


def real_sentences() -> list[str]:
    files = sorted((REPO / "tests" / "extraction_set").glob("*/*/*.gold.txt")) + [REPO / "locales" / "article.txt"]
    sentences = []
    for path in files:
        article = parse_article(path.read_text(encoding="utf-8"), path=path, language="zh-Hant")
        sentences += [segment.source for segment in segment_article(article) if len(segment.source) >= 8]
    return list(dict.fromkeys(sentences))


def variant(sentence: str, rng: random.Random, pool: str) -> str:
    chars = list(sentence)
    for _ in range(rng.randint(1, max(1, len(chars) // 12))):
        chars[rng.randrange(len(chars))] = rng.choice(pool)
    return "".join(chars)


def build_tmx(sentences: list[str], entries: int, rng: random.Random) -> str:
    pool = "".join(sorted(set("".join(sentences))))
    stored = list(sentences)
    while len(stored) < entries:
        stored.append(variant(rng.choice(sentences), rng, pool))
    units = "".join(f'<tu><tuv xml:lang="zh-TW"><seg>{escape(s)}</seg></tuv>'
                    f'<tuv xml:lang="en"><seg>EN {i}</seg></tuv></tu>\n' for i, s in enumerate(stored[:entries]))
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="zh-TW" datatype="plaintext" '
            'segtype="sentence" adminlang="en" creationtool="bench" creationtoolversion="1" o-tmf="bench"/><body>\n'
            f"{units}</body></tmx>\n")


def brute_force(stored: list[str], sentence: str) -> list[float]:
    key = normalise(sentence)
    scores = (difflib.SequenceMatcher(None, normalise(s), key, autojunk=False).ratio() for s in stored)
    return sorted((score for score in scores if score >= FUZZY_THRESHOLD), reverse=True)[:3]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--brute-force-sentences", type=int, default=3)
    args = parser.parse_args()
    rng = random.Random(20261127)
    sentences = real_sentences()
    work = Path(tempfile.mkdtemp(prefix="bench-memory-"))
    tmx_file = work / "archive.tmx"
    tmx_file.write_text(build_tmx(sentences, args.entries, rng), encoding="utf-8")
    locales = work / "locales"

    started = time.perf_counter()
    import_tmx(tmx_file, locales)
    with TranslationMemory(locales, work / "index.sqlite") as memory:
        memory.refresh()
        stored_count = memory.count("en")
    build_seconds = time.perf_counter() - started

    pool = "".join(sorted(set("".join(sentences))))
    picked = rng.sample(sentences, 24)
    article = picked[:12] + [variant(s, rng, pool) for s in picked[12:24]]
    article += ["".join(rng.choice(pool) for _ in range(rng.randint(20, 60))) + "。" for _ in range(11)]

    timings = []
    for _ in range(3):
        started = time.perf_counter()
        with TranslationMemory(locales, work / "index.sqlite") as memory:
            memory.refresh()  # a no-op: nothing changed
            found = lookup_all(memory, "en", article)
        timings.append(time.perf_counter() - started)
    lookup_seconds = sorted(timings)[1]
    exact = sum(1 for hits, _ in found if hits)
    fuzzy = sum(1 for hits, near in found if not hits and near)

    stored = [line.split("</seg>")[0] for line in tmx_file.read_text(encoding="utf-8").split('<tuv xml:lang="zh-TW"><seg>')[1:]]
    started = time.perf_counter()
    for sentence in article[12 : 12 + args.brute_force_sentences]:
        brute_force(stored, sentence)
    brute_per_sentence = (time.perf_counter() - started) / args.brute_force_sentences

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    per_sentence = lookup_seconds / len(article)
    print(f"real sentences: {len(sentences)}; memory: {stored_count} en pairs in one TMX file "
          f"({tmx_file.stat().st_size / 2**20:.1f} MiB)")
    print("| measurement | value |")
    print("|---|---|")
    print(f"| (a) `tm import` + first index build, {stored_count} pairs | {build_seconds:.1f} s (once) |")
    print(f"| (b) look-ups for a {len(article)}-sentence article (median of 3, index refresh included) | "
          f"{lookup_seconds:.3f} s |")
    print(f"| found | {exact} exact, {fuzzy} fuzzy ≥ {FUZZY_THRESHOLD:.0%}, "
          f"{len(article) - exact - fuzzy} for MT (built: 12 unchanged, 12 edited, 11 new) |")
    print(f"| (c) no index: difflib against every pair, per sentence | {brute_per_sentence:.2f} s |")
    print(f"| c / b per sentence | {brute_per_sentence / per_sentence:.0f}× |")
    print(f"| peak memory | {peak:.0f} MiB |")


if __name__ == "__main__":
    main()
