"""BLEU and chrF of a catalog against reference translations, with sacrebleu.

Scores are sacrebleu's own (corpus BLEU and chrF, sentence chrF per
segment) with the tokenizer the language needs (``l10n.languages``): ``13a``
for English, ``ja-mecab`` for Japanese. Without MeCab and IPAdic, Japanese
scoring fails with the install command: another tokenizer would give numbers
that the gates, calibrated on ja-mecab, cannot be compared with. Each result
carries sacrebleu's signature and ours, built from explicit fields, so a
number is never separated from what produced it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import polib

from l10n import __version__
from l10n.errors import L10nError
from l10n.languages import LANGUAGES

KINDS = ("reviewed", "drafts")


class MissingTokenizerError(L10nError):
    """The language's BLEU tokenizer cannot be loaded."""

    exit_code = 2


def tokenizer_for(language: str) -> str:
    """The sacrebleu tokenizer of ``language``; never a substitute."""
    facts = LANGUAGES.get(language)
    name = facts.tokenizer if facts and facts.tokenizer else "13a"
    for module in facts.tokenizer_modules if facts else ():
        try:
            __import__(module)
        except ImportError:
            raise MissingTokenizerError(
                f"{facts.name} scores need the {name} tokenizer ({module} is not installed): "
                f"run `{facts.tokenizer_install}`") from None
    return name


@dataclass(frozen=True)
class SegmentScore:
    id: str
    chrf: float
    hypothesis: str
    reference: str


@dataclass(frozen=True)
class Scores:
    language: str
    kind: str  # "reviewed" or "drafts"
    bleu: float
    chrf: float
    segments: tuple[SegmentScore, ...]  # in article order
    missing: tuple[str, ...]  # segments without a hypothesis (scored as empty)
    signature: Mapping[str, str]
    bleu_signature: str
    chrf_signature: str

    def worst_first(self) -> list[SegmentScore]:
        return sorted(self.segments, key=lambda s: (s.chrf, s.id))


def hypotheses(catalog: polib.POFile, kind: str) -> dict[str, str]:
    """Reviewed translations (not fuzzy, not empty), or every machine draft."""
    active = (entry for entry in catalog if not entry.obsolete and entry.msgstr)
    if kind == "reviewed":
        return {entry.msgctxt: entry.msgstr for entry in active if not entry.fuzzy}
    return {entry.msgctxt: entry.msgstr for entry in active}


def score(ids: Sequence[str], found: Mapping[str, str], references: Mapping[str, str], *, language: str, kind: str,
          engine: str = "", glossary: str = "", segmenter: str = "") -> Scores:
    from sacrebleu.metrics import BLEU, CHRF

    tokenizer = tokenizer_for(language)
    hyps = [found.get(segment_id, "") for segment_id in ids]
    refs = [references[segment_id] for segment_id in ids]
    bleu, chrf = BLEU(tokenize=tokenizer), CHRF()
    corpus_bleu = bleu.corpus_score(hyps, [refs])
    corpus_chrf = chrf.corpus_score(hyps, [refs])
    segments = tuple(
        SegmentScore(segment_id, chrf.sentence_score(hyp, [ref]).score, hyp, ref)
        for segment_id, hyp, ref in zip(ids, hyps, refs)
    )
    signature = {
        "l10n": __version__,
        "scored": kind,
        "engine": engine or "unknown",
        "segmenter": segmenter or "unknown",
        "glossary": glossary or "unknown",
        "tok": tokenizer,
        "nrefs": "1",
        "segments": str(len(ids)),
    }
    return Scores(
        language, kind, corpus_bleu.score, corpus_chrf.score, segments,
        tuple(segment_id for segment_id in ids if segment_id not in found),
        signature, str(bleu.get_signature()), str(chrf.get_signature()),
    )


def format_signature(signature: Mapping[str, str]) -> str:
    return "|".join(f"{key}:{value}" for key, value in signature.items())
