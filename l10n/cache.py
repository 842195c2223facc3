"""Draft cache: an engine wrapper that remembers hypotheses on disk.

Keyed by the engine signature (engine, packages and versions), the decoding
options, the number of hypotheses and the exact (term-locked) source text.
One small JSON file per entry, written atomically, so concurrent runs never
see half an entry; an unreadable entry is ignored and rebuilt. A hit needs
neither the model nor argostranslate: engines load lazily.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path

from l10n.engine import Decoding, Engine, Hypothesis


class DraftCache:
    def __init__(self, directory: Path):
        self.directory = directory

    def _path(self, key: str) -> Path:
        return self.directory / key[:2] / f"{key[2:]}.json"

    def get(self, key: str) -> list[Hypothesis] | None:
        try:
            data = json.loads(self._path(key).read_text(encoding="utf-8"))
            return [Hypothesis(str(item["text"]), float(item["score"])) for item in data["hypotheses"]]
        except (OSError, ValueError, KeyError, TypeError):
            return None  # missing or corrupt: translate again

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
