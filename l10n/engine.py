"""The machine-translation interface every engine and wrapper implements.

An engine translates a whole batch of sentences per call and returns ranked
hypotheses with scores; ``translate`` is the 1-best shortcut. Pivoting,
script conversion and caching wrap the same interface, so the pipeline never
knows how a draft was made — only ``signature`` says it (engine, packages,
versions, options), for PO comments, caches and scores.

Engines are looked up by name in ``ENGINES`` and imported only when used:
loading a real one imports CTranslate2 and reads model files.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from l10n.errors import UsageError


#: Ranges of the decoding options. CTranslate2 allocates beam × batch
#: hypotheses up front and starts every thread it is given: a beam of 100000
#: took 5.4 GB and then crashed, 100000 threads crashed at once. argostranslate
#: uses a beam of 4 and batches of 32; beyond 16 beams drafts stop improving.
DECODING_BOUNDS = {"beam_size": (1, 16), "batch_size": (1, 1024), "threads": (0, 256)}


@dataclass(frozen=True, kw_only=True)
class Decoding:
    """Decoding options shared by engines (defaults are argostranslate's)."""

    beam_size: int = 4
    batch_size: int = 32  # sentences per batch
    threads: int = 0  # compute threads; 0 = one per core
    compute_type: str = "auto"

    def __post_init__(self):
        for key, (low, high) in DECODING_BOUNDS.items():
            value = getattr(self, key)
            if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
                raise UsageError(f"{key} must be a whole number from {low} to {high}, not {value!r}")


#: The decoding options that change what a model writes (threads do not).
SHAPING_OPTIONS = ("beam_size", "batch_size", "compute_type")


def shaping_options(decoding: Decoding) -> dict:
    return {name: getattr(decoding, name) for name in SHAPING_OPTIONS}


@dataclass(frozen=True)
class Hypothesis:
    text: str
    score: float  # log-probability from the model; higher is better
    truncated: bool = False  # the input or the output hit the model's length limit


class Engine:
    source: str  # BCP 47 tags: zh-Hant, zh-Hans, ja, en
    target: str
    hits: int = 0  # hypotheses answered from the draft cache
    load_seconds: float = 0.0  # time spent loading the model, apart from translating

    @property
    def signature(self) -> str:
        """What produced the drafts, e.g. ``argos:translate-zt_en@1.9``."""
        raise NotImplementedError

    @property
    def fingerprint(self) -> str:
        """Everything about the model that shapes its output: the signature plus
        a digest of the model's files, so a package rebuilt under the same name
        and version never reuses drafts or cache entries of the old one."""
        return self.signature

    def hypotheses(self, texts: Sequence[str], count: int = 1) -> list[list[Hypothesis]]:
        """Up to ``count`` hypotheses per text, best first."""
        raise NotImplementedError

    def translate(self, texts: Sequence[str]) -> list[str]:
        return [ranked[0].text for ranked in self.hypotheses(texts, 1)]


class PivotEngine(Engine):
    """source → pivot → target, as argostranslate's CompositeTranslation does."""

    def __init__(self, first: Engine, second: Engine):
        self.first, self.second = first, second
        self.source, self.target = first.source, second.target

    @property
    def signature(self) -> str:
        return f"{self.first.signature} + {self.second.signature}"

    @property
    def fingerprint(self) -> str:
        return f"{self.first.fingerprint} + {self.second.fingerprint}"

    def hypotheses(self, texts: Sequence[str], count: int = 1) -> list[list[Hypothesis]]:
        firsts = self.first.hypotheses(texts, count)
        # One batched second pass over every first-pass hypothesis.
        flat = [h for ranked in firsts for h in ranked]
        seconds = iter(self.second.hypotheses([h.text for h in flat], count))
        results = []
        for ranked in firsts:
            combined = [
                Hypothesis(second.text, first.score + second.score, first.truncated or second.truncated)
                for first in ranked
                for second in next(seconds)
            ]
            combined.sort(key=lambda h: h.score, reverse=True)
            results.append(combined[:count])
        return results


class ConvertingEngine(Engine):
    """Converts the input script first (e.g. Traditional → Simplified with OpenCC)."""

    def __init__(self, inner: Engine, convert: Callable[[str], str], *, source: str, name: str):
        self.inner, self.convert, self.name = inner, convert, name
        self.source, self.target = source, inner.target

    @property
    def signature(self) -> str:
        return f"{self.name} + {self.inner.signature}"

    @property
    def fingerprint(self) -> str:
        return f"{self.name} + {self.inner.fingerprint}"

    def hypotheses(self, texts: Sequence[str], count: int = 1) -> list[list[Hypothesis]]:
        return self.inner.hypotheses([self.convert(text) for text in texts], count)


#: Engine name → "module:factory". The factory takes (source, target, options,
#: cache=, loaded=) and returns an Engine or raises NoModelError.
ENGINES = {
    "argos": "l10n.engines.argos:open_engine",
}


def open_engine(name: str, source: str, target: str, options, *, cache=None, loaded: dict | None = None) -> Engine:
    """An engine for the pair. ``loaded`` is the run's registry of model engines,
    so a model used by several routes (zt→en for English and, pivoting, for
    Japanese) loads once; ``cache`` (a DraftCache) wraps each model."""
    try:
        module_name, factory_name = ENGINES[name].split(":")
    except KeyError:
        raise UsageError(f"unknown engine {name!r}; choose from: {', '.join(ENGINES)}") from None
    factory = getattr(importlib.import_module(module_name), factory_name)
    return factory(source, target, options, cache=cache, loaded={} if loaded is None else loaded)
