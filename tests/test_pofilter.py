"""Translate Toolkit's pofilter with the documented profile (pofilter.args, `make pofilter`)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import polib
import pytest

from tests.conftest import REPO

POFILTER = Path(sys.executable).parent / "pofilter"


def profile() -> list[str]:
    lines = (REPO / "pofilter.args").read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def pofilter(catalog: Path, language: str, out: Path, options: list[str]) -> list[str]:
    """The pofilter notes on each flagged entry (no output file: nothing flagged)."""
    subprocess.run([POFILTER, "--progress=none", *options, f"--language={language}", "-i", catalog, "-o", out],
                   check=True, capture_output=True)
    if not out.exists():
        return []
    return [note for entry in polib.pofile(str(out)) for note in entry.tcomment.splitlines()
            if note.startswith("(pofilter)")]


@pytest.mark.parametrize("language", ["en", "ja"])
def test_the_profile_reports_nothing_on_the_reviewed_editions(tmp_path, language):
    catalog = REPO / "locales" / language / "LC_MESSAGES" / "article.po"
    assert pofilter(catalog, language, tmp_path / "default.po", ["--nofuzzy"])  # the defaults: noise
    assert pofilter(catalog, language, tmp_path / "profile.po", profile()) == []


def test_the_profile_still_finds_real_problems(tmp_path):
    catalog = tmp_path / "article.po"
    text = (REPO / "locales" / "en" / "LC_MESSAGES" / "article.po").read_text(encoding="utf-8")
    catalog.write_text(text.replace("remains strong.", "remains  strong.").replace(
        "Koike stressed that the IBM", "Koike stressed that the the IBM"), encoding="utf-8")
    notes = pofilter(catalog, "en", tmp_path / "out.po", profile())
    assert sorted(note.split(":")[0] for note in notes) == ["(pofilter) doublespacing", "(pofilter) doublewords"]
