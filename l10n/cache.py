"""Draft cache: an engine wrapper that remembers hypotheses on disk.

Keyed by the engine signature (engine, packages and versions), the decoding
options, the number of hypotheses and the exact (term-locked) source text.
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

from l10n.engine import Decoding, Engine, Hypothesis
from l10n.files import read_regular

#: Largest cache entry read. An entry holds a few hypotheses of one sentence:
#: the longest drafts here take under 4 KB.
MAX_ENTRY_BYTES = 1 << 20


class DraftCache:
    def __init__(self, directory: Path):
        self.directory = directory

    def _path(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key[2:]}.json"

    def get(self, key: str) -> list[Hypothesis] | None:
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
        self._options = json.dumps(asdict(decoding), sort_keys=True)
        self.hits = self.misses = 0

    @property
    def signature(self) -> str:
        return self.inner.signature

    def _key(self, text: str, count: int) -> str:
        material = json.dumps([self.inner.signature, self._options, count, text], ensure_ascii=False)
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
