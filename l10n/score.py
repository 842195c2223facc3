"""BLEU and chrF of a catalog against reference translations, with sacrebleu.

Scores are sacrebleu's own (corpus BLEU and chrF, sentence chrF per
segment) with the tokenizer the language needs: ``13a`` for English,
``ja-mecab`` for Japanese (MeCab + IPAdic; ``char`` with a warning when they
are missing). Each result carries sacrebleu's signature and ours, built from
explicit fields, so a number is never separated from what produced it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import polib

from l10n import __version__

#: BLEU tokenizer per target language (sacrebleu names).
TOKENIZERS = {"en": "13a", "ja": "ja-mecab"}
KINDS = ("reviewed", "drafts")


def tokenizer_for(language: str) -> tuple[str, str | None]:
    """(tokenizer, warning or None)."""
    name = TOKENIZERS.get(language, "13a")
    if name == "ja-mecab":
        try:
            import ipadic  # noqa: F401
            import MeCab  # noqa: F401
        except ImportError:
            return "char", "MeCab/IPAdic not installed: Japanese BLEU uses the char tokenizer (pip install 'l10n[ja]')"
    return name, None


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
    notices: tuple[str, ...] = ()

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

    tokenizer, warning = tokenizer_for(language)
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
        (warning,) if warning else (),
    )


def format_signature(signature: Mapping[str, str]) -> str:
    return "|".join(f"{key}:{value}" for key, value in signature.items())
