"""The BLEU/chrF gates: reviewed edition and MT drafts against the references."""

from __future__ import annotations

from l10n.checks import ERROR, WARNING, Issue
from l10n.score import Scores
from l10n.settings import Gate


def check_scores(scores: Scores, gate: Gate | None, *, path: str) -> list[Issue]:
    """Corpus floors for the reviewed edition (and per segment, where a floor is set)."""
    if gate is None:
        return [Issue("scores", WARNING, f"no quality gate for {scores.language} in [tool.l10n.gates]", path=path)]
    issues = []
    if scores.bleu < gate.min_bleu:
        issues.append(Issue("scores", ERROR, f"BLEU {scores.bleu:.1f} is below the gate {gate.min_bleu:.1f}", path=path))
    if scores.chrf < gate.min_chrf:
        issues.append(Issue("scores", ERROR, f"chrF {scores.chrf:.1f} is below the gate {gate.min_chrf:.1f}", path=path))
    for segment in scores.segments:
        if gate.min_segment_chrf and segment.hypothesis and segment.chrf < gate.min_segment_chrf:
            issues.append(Issue("scores", ERROR, f"chrF {segment.chrf:.1f} against its reference is below the "
                                f"segment gate {gate.min_segment_chrf:.1f}", segment.id, path))
    return issues


def check_draft_scores(scores: Scores, gate: Gate | None, *, path: str) -> list[Issue]:
    """Floors for the MT drafts: a drop means the engine, the glossary or the pipeline regressed."""
    if gate is None or gate.drafts_min_bleu is None:
        return []
    issues = []
    if scores.bleu < gate.drafts_min_bleu:
        issues.append(Issue("draft-scores", ERROR, f"MT drafts: BLEU {scores.bleu:.1f} is below the gate "
                            f"{gate.drafts_min_bleu:.1f}", path=path))
    if gate.drafts_min_chrf is not None and scores.chrf < gate.drafts_min_chrf:
        issues.append(Issue("draft-scores", ERROR, f"MT drafts: chrF {scores.chrf:.1f} is below the gate "
                            f"{gate.drafts_min_chrf:.1f}", path=path))
    return issues
