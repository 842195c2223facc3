"""Numbers: every quantity of the source, with its unit, and none added."""

from __future__ import annotations

from collections.abc import Iterator

from l10n.checks import Context, blank, entry_check
from l10n.glossary import form_spans
from l10n.numbers import compare


@entry_check("numbers")
def number_fidelity(source: str, target: str, context: Context) -> Iterator[str]:
    """Every number of the source appears with the same value and unit (120億美元 = $12 billion = 120億ドル); no number is added."""
    matches = context.glossary.find(source, checked=True)
    # Names are not numbers: ASEAN+3, 千歲 (a thousand years).
    source_text = blank(source, [(m.start, m.end) for m in matches])
    forms = {form for m in matches for form in (*m.term.accepted(context.language, later_mention=True), *m.term.variants)}
    target_text = blank(target, [span for form in forms for span in form_spans(target, form)])
    for problem in compare(source_text, context.source_language, target_text, context.language):
        yield problem.message
