"""Translation memory: reviewed sentence pairs, looked up before MT.

The memory's contents are files, never a database of its own:

* every reviewed entry (translated, not fuzzy, not obsolete) of every review
  catalog ``locales/<lang>/LC_MESSAGES/*.po``;
* TMX files imported with ``l10n tm import``, copied to ``locales/tm/``.

An SQLite index of those files lives in the user's cache folder (beside the
draft cache: ``~/.cache/l10n/drafts/memory/``, one per locales folder), rebuilt
file by file when a file's size or modification time changes, so it is safe to
delete and never written into the project; with the cache off it is built in
memory for the run. Look-ups:

* **exact**: the source sentence after Unicode compatibility normalisation
  (full-width Latin letters and digits, the ideographic space) and whitespace
  collapsing, through an ordinary index;
* **fuzzy**: candidates sharing character trigrams (SQLite's FTS5 ``trigram``
  tokenizer, which needs no word segmentation and so suits CJK), ranked by
  FTS5, then scored by character-level similarity.
"""

from __future__ import annotations

import difflib
import hashlib
import re
import sqlite3
import unicodedata
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from l10n.errors import DataFileError
from l10n.languages import TARGET_LANGUAGES

IMPORTS_FOLDER = "tm"
#: Character-level similarity (difflib ratio on normalised sources) from which
#: a stored sentence is shown to the translator. 75 % is where CAT tools
#: (Trados, memoQ, OmegaT) start offering fuzzy matches by default.
FUZZY_THRESHOLD = 0.75
#: FTS5 candidates scored per look-up. Trigram ranking puts the near-identical
#: sentences first; 30 leaves room for sentences that share many common
#: trigrams (「，日本」) without scoring the whole memory.
FUZZY_CANDIDATES = 30
#: Fuzzy matches shown per sentence.
FUZZY_SHOWN = 3
#: Bumped when the index layout or normalisation changes: older indexes are rebuilt.
INDEX_VERSION = "1"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files (path TEXT PRIMARY KEY, stamp TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS units (
    id INTEGER PRIMARY KEY,
    file TEXT NOT NULL,
    language TEXT NOT NULL,
    key TEXT NOT NULL,
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    before TEXT NOT NULL,
    after TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS units_by_key ON units (language, key);
CREATE INDEX IF NOT EXISTS units_by_file ON units (file);
CREATE VIRTUAL TABLE IF NOT EXISTS grams USING fts5 (
    key, content='units', content_rowid='id', tokenize='trigram'
);
"""


@dataclass(frozen=True)
class Unit:
    """One reviewed sentence pair, with its neighbours' sources as context."""

    source: str
    target: str
    before: str = ""  # the previous sentence's source in the same document
    after: str = ""  # the next sentence's source


@dataclass(frozen=True)
class Match:
    source: str
    target: str
    origin: str  # the catalog or TMX file it came from, relative to locales/
    score: float  # 1.0 for an exact match
    in_context: bool = False  # the neighbouring sentences match too

    @property
    def percent(self) -> int:
        return int(self.score * 100)


def normalise(text: str) -> str:
    """The form sentences are compared in: NFKC, one space for any whitespace run."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip()


def source_difference(stored: str, wanted: str) -> str:
    """How the stored source differs from the sentence being translated,
    wdiff-style: ``[-removed-]{+added+}``, unchanged runs kept short."""
    matcher = difflib.SequenceMatcher(None, stored, wanted, autojunk=False)
    parts = []
    for operation, a0, a1, b0, b1 in matcher.get_opcodes():
        if operation == "equal":
            same = stored[a0:a1]
            parts.append(same if len(same) <= 12 else f"{same[:5]}…{same[-5:]}")
        else:
            if a1 > a0:
                parts.append(f"[-{stored[a0:a1]}-]")
            if b1 > b0:
                parts.append(f"{{+{wanted[b0:b1]}+}}")
    return "".join(parts)


class TranslationMemory:
    """The index over a locales folder's memory files. Use as a context manager."""

    def __init__(self, locales: Path, index: Path | None):
        self.locales = locales
        self.path = index  # None: an index in memory, for this run only
        self._db: sqlite3.Connection | None = None

    def __enter__(self) -> TranslationMemory:
        try:
            if self.path is not None:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = self._open()
        except sqlite3.DatabaseError:
            # A damaged index holds nothing that the files don't: rebuild it.
            self.path.unlink(missing_ok=True)
            self._db = self._open()
        except OSError:
            self.path = None  # a cache folder that cannot be written only costs speed
            self._db = self._open()
        return self

    def __exit__(self, *exc) -> None:
        assert self._db is not None
        self._db.close()
        self._db = None

    def _open(self) -> sqlite3.Connection:
        where = ":memory:" if self.path is None else str(self.path)
        db = sqlite3.connect(where)
        version = None
        try:
            version = db.execute("SELECT value FROM meta WHERE key = 'version'").fetchone()
        except sqlite3.OperationalError:
            pass
        if version != (INDEX_VERSION,):
            db.close()
            if self.path is not None:
                self.path.unlink(missing_ok=True)
            db = sqlite3.connect(where)
            db.executescript(_SCHEMA)
            db.execute("INSERT INTO meta VALUES ('version', ?)", (INDEX_VERSION,))
            db.commit()
        return db

    @property
    def db(self) -> sqlite3.Connection:
        if self._db is None:
            raise RuntimeError("TranslationMemory is used as a context manager")
        return self._db

    # -- keeping the index in step with the files -------------------------------

    def memory_files(self) -> list[Path]:
        catalogs = sorted(self.locales.glob("*/LC_MESSAGES/*.po"))
        imported = sorted((self.locales / IMPORTS_FOLDER).glob("*.tmx"))
        return catalogs + imported

    def refresh(self) -> None:
        """Re-read the memory files that changed since the index last saw them."""
        wanted = {self._key(path): path for path in self.memory_files()}
        known = dict(self.db.execute("SELECT path, stamp FROM files"))
        with self.db:
            for key in known.keys() - wanted.keys():
                self._forget(key)
            for key, path in wanted.items():
                stamp = _stamp(path)
                if known.get(key) == stamp:
                    continue
                self._forget(key)
                for language, units in _read_units(path):
                    self._add(key, language, units)
                self.db.execute("INSERT OR REPLACE INTO files VALUES (?, ?)", (key, stamp))

    def _key(self, path: Path) -> str:
        return path.relative_to(self.locales).as_posix()

    def _forget(self, file: str) -> None:
        rows = self.db.execute("SELECT id, key FROM units WHERE file = ?", (file,)).fetchall()
        self.db.executemany("INSERT INTO grams (grams, rowid, key) VALUES ('delete', ?, ?)", rows)
        self.db.execute("DELETE FROM units WHERE file = ?", (file,))
        self.db.execute("DELETE FROM files WHERE path = ?", (file,))

    def _add(self, file: str, language: str, units: Iterable[Unit]) -> None:
        for unit in units:
            key = normalise(unit.source)
            if not key or not unit.target.strip():
                continue
            cursor = self.db.execute(
                "INSERT INTO units (file, language, key, source, target, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (file, language, key, unit.source, unit.target, normalise(unit.before), normalise(unit.after)),
            )
            self.db.execute("INSERT INTO grams (rowid, key) VALUES (?, ?)", (cursor.lastrowid, key))

    def count(self, language: str | None = None) -> int:
        if language is None:
            return self.db.execute("SELECT count(*) FROM units").fetchone()[0]
        return self.db.execute("SELECT count(*) FROM units WHERE language = ?", (language,)).fetchone()[0]

    def summary(self) -> list[tuple[str, str, int]]:
        """(language, file, pairs) for every memory file, sorted."""
        return self.db.execute(
            "SELECT language, file, count(*) FROM units GROUP BY language, file ORDER BY language, file").fetchall()

    # -- look-ups ------------------------------------------------------------------

    def exact(self, language: str, source: str, *, before: str = "", after: str = "",
              exclude: str | None = None) -> list[Match]:
        """Stored translations of this very sentence, those in the same context first.

        ``exclude`` leaves out one memory file (the catalog being merged, whose
        reviewed entries the merge keeps anyway)."""
        rows = self.db.execute(
            "SELECT source, target, file, before, after FROM units WHERE language = ? AND key = ? AND file != ? "
            "ORDER BY id",
            (language, normalise(source), exclude or ""),
        ).fetchall()
        context = (normalise(before), normalise(after))
        matches = [Match(row[0], row[1], row[2], 1.0, in_context=(row[3], row[4]) == context) for row in rows]
        return sorted(matches, key=lambda match: not match.in_context)

    def fuzzy(self, language: str, source: str, *, exclude: str | None = None,
              threshold: float = FUZZY_THRESHOLD, shown: int = FUZZY_SHOWN) -> list[Match]:
        """The most similar stored sentences at or above ``threshold``, best first."""
        key = normalise(source)
        grams = {key[i : i + 3] for i in range(len(key) - 2)}
        if not grams:
            return []
        query = " OR ".join('"' + gram.replace('"', '""') + '"' for gram in sorted(grams))
        rows = self.db.execute(
            "SELECT units.key, units.source, units.target, units.file FROM grams "
            "JOIN units ON units.id = grams.rowid "
            "WHERE grams MATCH ? AND units.language = ? AND units.file != ? AND units.key != ? "
            "ORDER BY grams.rank LIMIT ?",
            (query, language, exclude or "", key, FUZZY_CANDIDATES),
        ).fetchall()
        scored = []
        for stored_key, stored_source, target, file in rows:
            score = difflib.SequenceMatcher(None, stored_key, key, autojunk=False).ratio()
            if score >= threshold:
                scored.append(Match(stored_source, target, file, score))
        scored.sort(key=lambda match: -match.score)
        unique: dict[tuple[str, str], Match] = {}
        for match in scored:
            unique.setdefault((match.source, match.target), match)
        return list(unique.values())[:shown]


def index_path(locales: Path, cache_dir: Path | None) -> Path | None:
    """Where the index of a locales folder's memory lives: in the draft cache
    folder, keyed by the locales folder's real path (None: cache off)."""
    if cache_dir is None:
        return None
    key = hashlib.sha256(str(locales.resolve()).encode("utf-8")).hexdigest()[:16]
    return cache_dir / "memory" / f"{key}.sqlite"


def _stamp(path: Path) -> str:
    status = path.stat()
    return f"{status.st_size}:{status.st_mtime_ns}"


def _read_units(path: Path) -> Iterator[tuple[str, list[Unit]]]:
    if path.suffix == ".tmx":
        yield from read_tmx(path.read_bytes(), path=path).items()
    else:
        yield path.parent.parent.name, list(_catalog_units(path))


def _catalog_units(path: Path) -> Iterator[Unit]:
    from l10n.catalog import load_catalog

    try:
        catalog = load_catalog(path)
    except DataFileError:
        return  # a broken catalog is reported by the command that reads it; the memory skips it
    entries = [entry for entry in catalog if not entry.obsolete]
    sources = [entry.msgid for entry in entries]
    for index, entry in enumerate(entries):
        if entry.translated() and not entry.msgid_plural:
            yield Unit(entry.msgid, entry.msgstr,
                       before=sources[index - 1] if index else "",
                       after=sources[index + 1] if index + 1 < len(sources) else "")


# -- TMX ---------------------------------------------------------------------------

#: TMX language tags that mean the source and each target. Region and script
#: subtags are ignored for targets (en-US is en); Chinese is the source.
_SOURCE_TAGS = re.compile(r"^zh(?:[-_].*)?$", re.I)


def read_tmx(data: bytes, *, path: Path) -> dict[str, list[Unit]]:
    """Sentence pairs of a TMX file, Chinese source → each other language, in file order."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        raise DataFileError(f"not a TMX file: {error.msg}", path=path, line=error.lineno) from None
    if root.tag != "tmx" or root.find("body") is None:
        raise DataFileError("not a TMX file: no <tmx><body>", path=path)
    xml_lang = "{http://www.w3.org/XML/1998/namespace}lang"
    pairs: list[tuple[str, dict[str, str]]] = []
    for unit in root.iter("tu"):
        source, targets = None, {}
        for variant in unit.findall("tuv"):
            tag = variant.get(xml_lang) or variant.get("lang") or ""
            segment = variant.find("seg")
            text = "".join(segment.itertext()) if segment is not None else ""
            if _SOURCE_TAGS.match(tag):
                source = text
            elif (language := tag.split("-")[0].split("_")[0].lower()) in TARGET_LANGUAGES:
                targets[language] = text
        if source and source.strip():
            pairs.append((source, targets))
    units: dict[str, list[Unit]] = {}
    for index, (source, targets) in enumerate(pairs):
        before = pairs[index - 1][0] if index else ""
        after = pairs[index + 1][0] if index + 1 < len(pairs) else ""
        for language, target in targets.items():
            units.setdefault(language, []).append(Unit(source, target, before, after))
    return units


def import_tmx(path: Path, locales: Path) -> tuple[Path, dict[str, int]]:
    """Check a TMX file and copy it into the memory; its units per language."""
    from l10n.files import atomic_write

    try:
        data = path.read_bytes()
    except OSError as error:
        raise DataFileError(f"cannot read: {error.strerror}", path=path) from None
    units = read_tmx(data, path=path)
    if not units:
        raise DataFileError("no Chinese→English or Chinese→Japanese sentence pairs in this TMX file", path=path)
    stem = re.sub(r"[^\w.-]+", "-", path.stem).strip(".-") or "memory"
    destination = locales / IMPORTS_FOLDER / f"{stem}.tmx"
    atomic_write(destination, data)
    return destination, {language: len(found) for language, found in sorted(units.items())}


def lookup_all(memory: TranslationMemory, language: str, sources: Sequence[str], *, exclude: str | None = None,
               only: Collection[int] | None = None) -> list[tuple[list[Match], list[Match]]]:
    """(exact, fuzzy) matches for each sentence of a document (or those at the
    indexes ``only``), with context from its neighbours."""
    found = []
    for index, source in enumerate(sources):
        if only is not None and index not in only:
            found.append(([], []))
            continue
        before = sources[index - 1] if index else ""
        after = sources[index + 1] if index + 1 < len(sources) else ""
        exact = memory.exact(language, source, before=before, after=after, exclude=exclude)
        found.append((exact, [] if exact else memory.fuzzy(language, source, exclude=exclude)))
    return found


def suggestion_lines(match: Match, source: str) -> list[str]:
    """A similar sentence's translation as the translator sees it in the
    catalog (translator comments, shown by Poedit and Weblate): score, file,
    translation, then how its source differs from this sentence."""
    return [f"TM {match.percent}% ({match.origin}): {match.target}",
            f"TM {match.percent}% source: {source_difference(match.source, source)}"]
