"""Extraction time on big pages: `l10n` against trafilatura and readability-lxml.

Run from the repository root (the anchors are the `bench` extra):

    .venv/bin/python benchmarks/bench_extract_size.py

Two synthetic pages of about 5 MB each, built around the bundled page:

  text   the bundled text scrape between two blocks of 60,000 one-line
         "hot news" links (5.0 MB of UTF-8)
  html   tests/markup_pages/feature_blocks.html with a list of 70,000 linked
         items spliced in before its sidebar (5.1 MB)

Each extractor gets each page three times; the table shows the best time in
seconds and its ratio to `l10n`'s. The anchors need HTML: a text scrape is
given to them as in bench_extract.py, each line an escaped <p>.
"""

from __future__ import annotations

import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUNDLED_PAGE = ROOT / "l10n" / "data" / "article.txt"
REPEATS = 3


def pages() -> dict[str, tuple[bytes, str]]:
    from benchmarks.bench_extract import as_html

    filler = "\n".join(f"熱門新聞第{i}則　點我看更多" for i in range(60_000))
    text = (filler + "\n" + BUNDLED_PAGE.read_text(encoding="utf-8") + "\n" + filler).encode("utf-8")
    links = "".join(f"<li><a href='/n/{i}'>熱門新聞第{i}則　點我看更多</a></li>" for i in range(70_000))
    markup = (ROOT / "tests" / "markup_pages" / "feature_blocks.html").read_text(encoding="utf-8")
    html = markup.replace('<aside class="sidebar">', f'<ul class="list">{links}</ul><aside class="sidebar">').encode()
    return {"text": (text, as_html(text, "text")), "html": (html, html.decode("utf-8"))}


def extractors():
    import trafilatura
    from readability import Document

    from l10n.extract import decode_page, extract_article

    return {
        "l10n": lambda data, markup: extract_article(decode_page(data, name="page")),
        "trafilatura": lambda data, markup: trafilatura.extract(markup),
        "readability-lxml": lambda data, markup: Document(markup).summary(),
    }


def best_time(extract, data: bytes, markup: str) -> float:
    best = float("inf")
    for _ in range(REPEATS):
        started = time.perf_counter()
        extract(data, markup)
        best = min(best, time.perf_counter() - started)
    return best


def main() -> int:
    sys.path.insert(0, str(ROOT))
    warnings.filterwarnings("ignore")
    print("| page | MB | extractor | best of 3, s | × l10n |")
    print("|---|---|---|---|---|")
    for name, (data, markup) in pages().items():
        own = None
        for extractor, extract in extractors().items():
            seconds = best_time(extract, data, markup)
            own = own or seconds
            print(f"| {name} | {len(data) / 1e6:.1f} | {extractor} | {seconds:.2f} | {seconds / own:.2f} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
