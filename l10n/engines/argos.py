"""Argos Translate packages, run as argostranslate runs them — but batched.

``argostranslate.translate.translate()`` decodes one segment at a time. This
engine gives CTranslate2 every sentence of the run in one ``translate_batch``
call (the model loaded once), with the options argostranslate uses — the
package's own sentence splitter and tokenizer, beam size 4, length penalty
0.2, unknown-token replacement, the package's target prefix — so its drafts
equal argostranslate's. The equality is tested on real packages.

Nothing here touches the network: a package without its own sentence
splitter gets none (argostranslate would download one), and the segments are
sentences already; a package with a Stanza splitter runs it with downloads
off (Stanza would otherwise fetch resources.json from GitHub on every load).

Length limits come from the input rather than CTranslate2's defaults (inputs
cut at 1,024 tokens, outputs at 256): the output may be several times the
longest input, and a sentence that still hits a limit comes back marked
``truncated``, which the catalog shows as a problem of the draft.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from pathlib import Path

from l10n.engine import ConvertingEngine, Decoding, Engine, Hypothesis, PivotEngine
from l10n.errors import PackageError
from l10n.models import ARGOS_CODES, Package, find_route, installed_packages, packages_dir

#: argostranslate's decoding options (argostranslate/translate.py,
#: apply_packaged_translation) — changing them changes the drafts.
LENGTH_PENALTY = 0.2

#: Longest input CTranslate2 is given, in tokens: its own default, and the
#: length of the position tables of Argos's models. Longer inputs are cut and
#: their drafts marked truncated.
MAX_INPUT_TOKENS = 1024
#: Output room: OUTPUT_PER_INPUT_TOKEN × the longest input of the batch, at
#: least argostranslate's 256, at most MAX_DECODING_TOKENS. zh→en drafts run
#: about 1.5 tokens per source token; 4 leaves room for any pair.
OUTPUT_PER_INPUT_TOKEN = 4
MIN_DECODING_TOKENS = 256
MAX_DECODING_TOKENS = 4096

#: Argos language codes → Stanza's, as argostranslate.sbd.StanzaSentencizer maps them.
STANZA_CODES = {"zt": "zh-hant", "pb": "pt"}


class PackageEngine(Engine):
    """What identifies an engine that runs one installed package, wherever it
    runs (here, or on Ray actors): its signature and the digest of its files."""

    def __init__(self, package: Package, source: str, target: str, *,
                 digest_of: Callable[[Path], str] | None = None):
        from l10n.cache import content_digest

        self.package, self.source, self.target = package, source, target
        self._digest_of = digest_of or content_digest  # computed on first use: hashing a model reads it whole
        self._digest: str | None = None

    @property
    def signature(self) -> str:
        return f"argos:{self.package.label}"

    @property
    def digest(self) -> str:
        if self._digest is None:
            self._digest = self._digest_of(self.package.path)
        return self._digest

    @property
    def fingerprint(self) -> str:
        return f"{self.signature}#{self.digest[:16]}"


class ArgosPackageEngine(PackageEngine):
    """One installed package, loaded on first use."""

    def __init__(self, package: Package, source: str, target: str, options: Decoding, *,
                 digest_of: Callable[[Path], str] | None = None):
        super().__init__(package, source, target, digest_of=digest_of)
        self.options = options
        self._translator = None
        self._tokenizer = None
        self._splitter = None
        self.load_seconds = 0.0  # reported apart from translation time

    def _load(self) -> None:
        if self._translator is not None:
            return
        try:
            self._load_files()
        except Exception as error:  # noqa: BLE001 — a package changed or broken since it was installed
            self._translator = None
            first_line = (str(error).strip().splitlines() or [type(error).__name__])[0][:200]
            raise PackageError(f"the package {self.package.label} in {self.package.path} does not load "
                               f"({first_line}); reinstall it with `l10n models install`") from None

    def _load_files(self) -> None:
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
        self._splitter = packaged_splitter(path, self.package.from_code)
        self.load_seconds = time.perf_counter() - started

    def hypotheses(self, texts: Sequence[str], count: int = 1) -> list[list[Hypothesis]]:
        if not texts:
            return []
        self._load()
        sentences = [self._splitter(text) if self._splitter else [text] for text in texts]
        flat = [self._tokenizer.encode(sentence) for group in sentences for sentence in group]
        prefix = self.package.target_prefix
        longest = max((len(tokens) for tokens in flat), default=0)
        max_decoding = min(MAX_DECODING_TOKENS, max(MIN_DECODING_TOKENS, OUTPUT_PER_INPUT_TOKEN * longest))
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
            max_input_length=MAX_INPUT_TOKENS,
            max_decoding_length=max_decoding,
        )
        cut = [len(tokens) > MAX_INPUT_TOKENS for tokens in flat]
        ranked_per_text, position = [], 0
        for group in sentences:
            mine = results[position : position + len(group)]
            inputs_cut = any(cut[position : position + len(group)])
            position += len(group)
            ranked_per_text.append([self._join(mine, rank, inputs_cut, max_decoding) for rank in range(count)])
        return ranked_per_text

    def _join(self, results, rank: int, inputs_cut: bool, max_decoding: int) -> Hypothesis:
        """One hypothesis for a text from its sentences' results, as argostranslate joins them."""
        outputs_cut = any(len(result.hypotheses[rank]) >= max_decoding for result in results)
        tokens = [token for result in results for token in result.hypotheses[rank]]
        value = self._tokenizer.decode(tokens)
        prefix = self.package.target_prefix
        if prefix and value.startswith(prefix):
            value = value[len(prefix) :]
        if value.startswith(" "):
            value = value[1:]  # the tokenizer's word-boundary marker
        return Hypothesis(value, sum(result.scores[rank] for result in results), inputs_cut or outputs_cut)


def packaged_splitter(path, from_code: str):
    """The package's own sentence splitter, as argostranslate 1.11 picks it."""
    minisbd = path / "minisbd"
    models = sorted(minisbd.glob("*.onnx")) if minisbd.is_dir() else []
    if models:
        from minisbd import SBDetect

        return SBDetect(str(models[0]), use_gpu=False).sentences
    if (path / "stanza").is_dir():
        # Older packages carry a Stanza tokenizer; that path imports torch.
        # argostranslate's StanzaSentencizer would let Stanza download.
        import stanza

        pipeline = stanza.Pipeline(lang=STANZA_CODES.get(from_code, from_code), dir=str(path / "stanza"),
                                   processors="tokenize", use_gpu=False, logging_level="WARNING",
                                   download_method=None)
        return lambda text: [sentence.text for sentence in pipeline(text).sentences]
    return None


#: Argos language codes → our language tags.
_LANGUAGES = {code: language for language, code in ARGOS_CODES.items()}


def open_engine(source: str, target: str, options, *, cache=None, loaded: dict) -> Engine:
    """The best route for the pair with what is installed; raises NoModelError."""
    route = find_route(installed_packages(packages_dir()), source, target)
    steps = []
    for package in route.packages:
        if package.path not in loaded:
            digest_of = cache.model_digest if cache is not None else None
            languages = (_LANGUAGES.get(package.from_code, package.from_code),
                         _LANGUAGES.get(package.to_code, package.to_code))
            if options.executor == "ray":
                from l10n.cluster import RayPackageEngine

                step = RayPackageEngine(package, *languages, options.decoding, options.cluster, digest_of=digest_of)
            else:
                step = ArgosPackageEngine(package, *languages, options.decoding, digest_of=digest_of)
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
