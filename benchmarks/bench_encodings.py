"""Legacy-encoded text scrapes: does each decoder get the text back?

Run from the repository root:

    .venv/bin/python benchmarks/bench_encodings.py

Every tuned text scrape of tests/extraction_set (never the held-out part) is
re-encoded in each legacy encoding of its language that can hold it — GBK for
Simplified Chinese, Big5 for Traditional, Windows-31J (cp932) for Japanese —
with "©" written "(c)" first, as those character sets lack it; a page that
does not come back from its own encoding unchanged is left out. Scrapes carry no
charset declaration, so the decoder must tell. Each decoder's text is compared
with the original: right or wrong, and the time over all pages. The decoders:
l10n's ``decode_page``, charset-normalizer's ``from_bytes().best()`` and, when
installed, chardet's ``detect``.
"""

from __future__ import annotations

import csv
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRAPES = ROOT / "tests" / "extraction_set" / "text"
ENCODINGS = {"zh-Hans": "gbk", "zh-Hant": "big5", "ja": "cp932"}


def legacy_pages() -> list[tuple[str, str, bytes]]:
    """(page id, original text, its legacy-encoded bytes) for every tuned scrape that fits."""
    with open(SCRAPES / "manifest.tsv", encoding="utf-8", newline="") as manifest:
        rows = [row for row in csv.DictReader(manifest, delimiter="\t") if row["split"] == "tuned"]
    found = []
    for row in rows:
        text = (SCRAPES / "tuned" / f"{row['id']}.txt").read_text(encoding="utf-8").replace("©", "(c)")
        encoding = ENCODINGS[row["language"]]
        try:
            data = text.encode(encoding)
        except UnicodeEncodeError:
            continue  # a character the legacy set lacks (an emoji, a rare name)
        if data.decode(encoding) == text:  # (cp932 maps a few symbols to look-alikes both ways)
            found.append((row["id"], text, data))
    return found


def decoders() -> dict[str, Callable[[bytes], str | None]]:
    from charset_normalizer import from_bytes

    from l10n.extract import decode_page

    def normalizer(data: bytes) -> str | None:
        best = from_bytes(data).best()
        return str(best) if best is not None else None

    found = {"l10n decode_page": lambda data: decode_page(data, name="page").text,
             "charset-normalizer": normalizer}
    try:
        import chardet
    except ImportError:
        return found

    def detect(data: bytes) -> str | None:
        encoding = chardet.detect(data)["encoding"]
        try:
            return data.decode(encoding) if encoding else None
        except (LookupError, UnicodeDecodeError):
            return None

    found["chardet"] = detect
    return found


def main() -> int:
    sys.path.insert(0, str(ROOT))
    pages = legacy_pages()
    print(f"{len(pages)} tuned scrapes re-encoded (GBK, Big5, cp932)")
    print("| decoder | right | wrong | seconds |")
    print("|---|---|---|---|")
    for name, decode in decoders().items():
        wrong = []
        started = time.perf_counter()
        for page, text, data in pages:
            try:
                decoded = decode(data)
            except Exception:  # a decoder refusing the page counts as wrong
                decoded = None
            if decoded != text:
                wrong.append(page)
        seconds = time.perf_counter() - started
        print(f"| {name} | {len(pages) - len(wrong)} | {len(wrong)} | {seconds:.2f} |", flush=True)
        for page in wrong:
            print(f"    {name} wrong on {page}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
