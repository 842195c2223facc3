"""Draft cache: an engine wrapper that remembers hypotheses on disk.

Keyed by the engine fingerprint (engine, packages, versions and a digest of
each model's files), the decoding options that shape the output, the number
of hypotheses and the exact (term-locked) source text — the engine's whole
input, so the glossary and segmenter, which only shape that text, need no
key of their own.
One small JSON file per entry, written atomically, so concurrent runs never
see half an entry. An entry of any other shape — unreadable, not a regular
file (a FIFO never blocks a run), larger than ``MAX_ENTRY_BYTES``, nested
too deep, or not a non-empty list of hypotheses — is ignored and rebuilt. A
hit needs neither the model nor argostranslate: engines load lazily.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import tempfile
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path

from l10n.engine import Decoding, Engine, Hypothesis, shaping_options
from l10n.files import read_regular

#: Largest cache entry read. An entry holds a few hypotheses of one sentence:
#: the longest drafts here take under 4 KB.
MAX_ENTRY_BYTES = 1 << 20


def content_digest(folder: Path) -> str:
    """Digest of every file under ``folder``: names and bytes."""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(path.relative_to(folder).as_posix().encode("utf-8") + b"\0")
        with open(path, "rb") as data:
            for block in iter(lambda: data.read(1 << 20), b""):
                digest.update(block)
        digest.update(b"\0")
    return digest.hexdigest()


def _file_states(folder: Path) -> str:
    """Path, size and modification time of every file: cheap, and changes when any file does."""
    states = sorted((p.relative_to(folder).as_posix(), p.stat().st_size, p.stat().st_mtime_ns)
                    for p in folder.rglob("*") if p.is_file())
    return hashlib.sha256(json.dumps([str(folder), states]).encode("utf-8")).hexdigest()


class DraftCache:
    """``reuse=False`` (``--redraft``) writes fresh hypotheses without reading old ones."""

    def __init__(self, directory: Path, *, reuse: bool = True):
        self.directory, self.reuse = directory, reuse

    def model_digest(self, folder: Path) -> str:
        """``content_digest`` of an installed model, computed once per package
        and remembered (hashing a real model reads 100 MB or more)."""
        memo = self.directory / "models" / f"{_file_states(folder)}.txt"
        try:
            return memo.read_text(encoding="ascii").strip()
        except OSError:
            pass
        value = content_digest(folder)
        try:
            memo.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=memo.parent, suffix=".tmp")
            with os.fdopen(handle, "w", encoding="ascii") as out:
                out.write(value)
            os.replace(temporary, memo)
        except OSError:
            pass  # remembering only saves time
        return value

    def _path(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key[2:]}.json"

    def get(self, key: str) -> list[Hypothesis] | None:
        if not self.reuse:
            return None
        try:
            data = json.loads(read_regular(self._path(key), limit=MAX_ENTRY_BYTES).decode("utf-8"))
            hypotheses = [_hypothesis(item) for item in data["hypotheses"]]
        except (OSError, ValueError, KeyError, TypeError, RecursionError):
            return None  # missing or corrupt: translate again
        return hypotheses or None

    def put(self, key: str, hypotheses: list[Hypothesis]) -> None:
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump({"hypotheses": [asdict(h) for h in hypotheses]}, out, ensure_ascii=False)
            os.replace(temporary, path)
        except OSError:
            pass  # a cache that cannot be written only costs speed


def _hypothesis(item: dict) -> Hypothesis:
    text, score, truncated = item["text"], item["score"], item.get("truncated", False)
    if not isinstance(text, str) or isinstance(score, bool) or not isinstance(score, (int, float)) \
            or not math.isfinite(score) or not isinstance(truncated, bool):
        raise TypeError("not a hypothesis")
    return Hypothesis(text, float(score), truncated)


class CachedEngine(Engine):
    def __init__(self, inner: Engine, cache: DraftCache, decoding: Decoding):
        self.inner, self.cache = inner, cache
        self.source, self.target = inner.source, inner.target
        self._options = json.dumps(shaping_options(decoding), sort_keys=True)
        self.hits = self.misses = 0

    @property
    def signature(self) -> str:
        return self.inner.signature

    @property
    def fingerprint(self) -> str:
        return self.inner.fingerprint

    @property
    def load_seconds(self) -> float:
        return self.inner.load_seconds

    def _key(self, text: str, count: int) -> str:
        material = json.dumps([self.inner.fingerprint, self._options, count, text], ensure_ascii=False)
        return hashlib.sha256(material.encode("utf-8")).hexdigest()

    def hypotheses(self, texts: Sequence[str], count: int = 1) -> list[list[Hypothesis]]:
        keys = [self._key(text, count) for text in texts]
        found = [self.cache.get(key) for key in keys]
        missing = [i for i, hypotheses in enumerate(found) if hypotheses is None]
        self.hits += len(texts) - len(missing)
        self.misses += len(missing)
        if missing:
            fresh = self.inner.hypotheses([texts[i] for i in missing], count)
            for i, hypotheses in zip(missing, fresh):
                self.cache.put(keys[i], hypotheses)
                found[i] = hypotheses
        return found
