"""Argos Translate packages, run as argostranslate runs them — but batched.

``argostranslate.translate.translate()`` decodes one segment at a time. This
engine gives CTranslate2 every sentence of the run in one ``translate_batch``
call (the model loaded once), with the options argostranslate uses — the
package's own sentence splitter and tokenizer, beam size 4, length penalty
0.2, unknown-token replacement, the package's target prefix — so its drafts
equal argostranslate's. The equality is tested on real packages.

Nothing here touches the network: a package without its own sentence
splitter gets none (argostranslate would download one), and the segments are
sentences already.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from l10n.engine import ConvertingEngine, Decoding, Engine, Hypothesis, PivotEngine
from l10n.models import ARGOS_CODES, Package, find_route, installed_packages, packages_dir

#: argostranslate's decoding options (argostranslate/translate.py,
#: apply_packaged_translation) — changing them changes the drafts.
LENGTH_PENALTY = 0.2


class ArgosPackageEngine(Engine):
    """One installed package, loaded on first use."""

    def __init__(self, package: Package, source: str, target: str, options: Decoding, *, digest: str | None = None):
        self.package, self.options, self.digest = package, options, digest
        self.source, self.target = source, target
        self._translator = None
        self._tokenizer = None
        self._splitter = None
        self.load_seconds = 0.0  # reported apart from translation time

    @property
    def signature(self) -> str:
        return f"argos:{self.package.label}"

    @property
    def fingerprint(self) -> str:
        if self.digest is None:
            from l10n.cache import content_digest

            self.digest = content_digest(self.package.path)
        return f"{self.signature}#{self.digest[:16]}"

    def _load(self) -> None:
        if self._translator is not None:
            return
        started = time.perf_counter()
        import ctranslate2
        from argostranslate.tokenizer import BPETokenizer, SentencePieceTokenizer

        path = self.package.path
        self._translator = ctranslate2.Translator(
            str(path / "model"),
            device="cpu",
            inter_threads=1,
            intra_threads=self.options.threads,
            compute_type=self.options.compute_type,
        )
        if (path / "sentencepiece.model").exists():
            self._tokenizer = SentencePieceTokenizer(path / "sentencepiece.model")
        else:
            self._tokenizer = BPETokenizer(path / "bpe.model", self.package.from_code, self.package.to_code)
        self._splitter = _packaged_splitter(path)
        self.load_seconds = time.perf_counter() - started

    def hypotheses(self, texts: Sequence[str], count: int = 1) -> list[list[Hypothesis]]:
        if not texts:
            return []
        self._load()
        sentences = [self._splitter(text) if self._splitter else [text] for text in texts]
        flat = [self._tokenizer.encode(sentence) for group in sentences for sentence in group]
        prefix = self.package.target_prefix
        results = self._translator.translate_batch(
            flat,
            target_prefix=[[prefix]] * len(flat) if prefix else None,
            replace_unknowns=True,
            max_batch_size=self.options.batch_size,
            batch_type="examples",
            beam_size=max(count, self.options.beam_size),
            num_hypotheses=count,
            length_penalty=LENGTH_PENALTY,
            return_scores=True,
        )
        ranked_per_text, position = [], 0
        for group in sentences:
            mine = results[position : position + len(group)]
            position += len(group)
            ranked_per_text.append([self._join(mine, rank) for rank in range(count)])
        return ranked_per_text

    def _join(self, results, rank: int) -> Hypothesis:
        """One hypothesis for a text from its sentences' results, as argostranslate joins them."""
        tokens = [token for result in results for token in result.hypotheses[rank]]
        value = self._tokenizer.decode(tokens)
        prefix = self.package.target_prefix
        if prefix and value.startswith(prefix):
            value = value[len(prefix) :]
        if value.startswith(" "):
            value = value[1:]  # the tokenizer's word-boundary marker
        return Hypothesis(value, sum(result.scores[rank] for result in results))


def _packaged_splitter(path):
    """The package's own sentence splitter, as argostranslate 1.11 picks it."""
    minisbd = path / "minisbd"
    models = sorted(minisbd.glob("*.onnx")) if minisbd.is_dir() else []
    if models:
        from minisbd import SBDetect

        return SBDetect(str(models[0]), use_gpu=False).sentences
    if (path / "stanza").is_dir():
        # Older packages carry a Stanza tokenizer; that path imports torch.
        from argostranslate.package import Package as ArgosPackage
        from argostranslate.sbd import StanzaSentencizer

        return StanzaSentencizer(ArgosPackage(path)).split_sentences
    return None


#: Argos language codes → our language tags.
_LANGUAGES = {code: language for language, code in ARGOS_CODES.items()}


def open_engine(source: str, target: str, options, *, cache=None, loaded: dict) -> Engine:
    """The best route for the pair with what is installed; raises NoModelError."""
    route = find_route(installed_packages(packages_dir()), source, target)
    steps = []
    for package in route.packages:
        if package.path not in loaded:
            from l10n.cache import content_digest

            digest = cache.model_digest(package.path) if cache is not None else content_digest(package.path)
            step = ArgosPackageEngine(package, _LANGUAGES.get(package.from_code, package.from_code),
                                      _LANGUAGES.get(package.to_code, package.to_code), options.decoding,
                                      digest=digest)
            if cache is not None:
                from l10n.cache import CachedEngine

                step = CachedEngine(step, cache, options.decoding)
            loaded[package.path] = step
        steps.append(loaded[package.path])
    engine = steps[0] if len(steps) == 1 else PivotEngine(steps[0], steps[1])
    if route.opencc:
        from functools import partial

        from l10n.script import convert

        engine = ConvertingEngine(engine, partial(convert, config=route.opencc), source=source,
                                  name=f"opencc:{route.opencc}")
    return engine
