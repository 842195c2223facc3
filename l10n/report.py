"""``l10n report``: one standalone HTML page for reviewers and editors.

Per segment, side by side: the source, the machine draft, the reviewed
translation and the reference, with glossary terms highlighted, chrF against
the reference as a bar, and the problems ``l10n check`` finds inline — the
same single run of the checks, so the page and the gate never disagree (each
problem carries its ``path:line`` line in ``data-issue``). Counts, corpus
scores and the checks that ran on top. Everything is inline (CSS, no script, no fonts or
CDN), so the file opens anywhere, offline.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from l10n.article import Segment
from l10n.catalog import Stats
from l10n.checks import Issue
from l10n.glossary import Glossary
from l10n.score import Scores, format_signature

if TYPE_CHECKING:
    from l10n.quality import EditionResult


@dataclass(frozen=True)
class Row:
    segment: Segment
    draft: str | None
    translation: str | None  # the msgstr, reviewed or not
    reviewed: bool
    reference: str | None
    chrf: float | None  # reviewed translation against the reference
    draft_chrf: float | None
    issues: tuple[Issue, ...]  # problems of the translation
    reference_issues: tuple[Issue, ...] = ()  # problems of the reference


def _highlight(text: str, spans: Sequence[tuple[int, int]]) -> str:
    out, position = [], 0
    for start, end in sorted(spans):
        if start < position:
            continue
        out.append(html.escape(text[position:start]))
        out.append(f"<mark>{html.escape(text[start:end])}</mark>")
        position = end
    out.append(html.escape(text[position:]))
    return "".join(out)


def _target_spans(text: str, forms: Sequence[str]) -> list[tuple[int, int]]:
    spans = []
    for form in sorted(set(forms), key=len, reverse=True):
        start = text.find(form)
        while start != -1:
            spans.append((start, start + len(form)))
            start = text.find(form, start + len(form))
    return spans


def _bar(value: float | None) -> str:
    if value is None:
        return '<span class="none">–</span>'
    width = max(0.0, min(100.0, value))
    tone = "good" if value >= 60 else "fair" if value >= 40 else "poor"
    return (f'<div class="bar" title="chrF {value:.1f}"><div class="{tone}" style="width:{width:.0f}%"></div></div>'
            f'<span class="num">{value:.1f}</span>')


def _cell(text: str | None, forms: Sequence[str], *, empty: str) -> str:
    if not text:
        return f'<span class="none">{empty}</span>'
    return _highlight(text, _target_spans(text, forms))


_STYLE = """
body { font: 15px/1.55 system-ui, "Hiragino Sans", "Noto Sans CJK JP", "Microsoft JhengHei", sans-serif;
       margin: 1.5rem; color: #1b1b1b; }
h1 { font-size: 1.4rem; margin: 0 0 .5rem; }
.summary { display: flex; flex-wrap: wrap; gap: .75rem; margin-bottom: 1rem; }
.card { border: 1px solid #ddd; border-radius: 6px; padding: .5rem .8rem; min-width: 9rem; }
.card b { display: block; font-size: 1.3rem; }
.signature { color: #666; font-size: .8rem; word-break: break-all; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
th, td { border-top: 1px solid #e3e3e3; padding: .45rem .5rem; vertical-align: top; text-align: left; }
th { background: #f6f6f6; position: sticky; top: 0; }
col.id { width: 7rem; } col.score { width: 7.5rem; }
mark { background: #fff1a8; padding: 0 .1em; }
.fuzzy { color: #8a5a00; }
.none { color: #999; font-style: italic; }
.issues { margin: .3rem 0 0; padding-left: 1.1rem; color: #a00; font-size: .85rem; }
.issues .warning { color: #8a5a00; }
.bar { display: inline-block; width: 4rem; height: .6rem; background: #eee; margin-right: .3rem; vertical-align: middle; }
.bar div { height: 100%; } .good { background: #2f9e44; } .fair { background: #f08c00; } .poor { background: #e03131; }
.num { font-variant-numeric: tabular-nums; }
"""


def _issue_list(issues: Sequence[Issue], *, show_segment: bool = False) -> str:
    if not issues:
        return ""
    return '<ul class="issues">' + "".join(
        f'<li class="{i.severity}" data-issue="{html.escape(i.format())}">[{i.check}] {html.escape(i.message)}'
        f"{' (' + html.escape(i.segment) + ')' if show_segment and i.segment else ''}</li>" for i in issues) + "</ul>"


def render(*, name: str, language: str, source_language: str, rows: Sequence[Row], stats: Stats, scores: Scores | None,
           draft_scores: Scores | None, glossary: Glossary, result: EditionResult) -> str:
    """The page; ``result`` is the one run of the checks that ``l10n check`` also reports.

    The page itself is English; each text cell carries its own ``lang``, so
    browsers pick Traditional Chinese or Japanese glyph forms for Han
    characters that the two write differently."""
    shown = {id(i) for row in rows for i in (*row.issues, *row.reference_issues)}
    catalog_issues = [i for i in result.issues if id(i) not in shown]
    cards = [
        ("segments", str(stats.total)), ("reviewed", str(stats.reviewed)), ("fuzzy", str(stats.fuzzy)),
        ("untranslated", str(stats.untranslated)),
    ]
    if scores is not None:
        cards += [("BLEU (reviewed)", f"{scores.bleu:.1f}"), ("chrF (reviewed)", f"{scores.chrf:.1f}")]
    if draft_scores is not None:
        cards += [("BLEU (MT drafts)", f"{draft_scores.bleu:.1f}"), ("chrF (MT drafts)", f"{draft_scores.chrf:.1f}")]
    cards.append(("check errors", str(result.errors)))
    cards.append(("check warnings", str(result.warnings)))
    parts = [
        f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>l10n report: {html.escape(name)} → {language}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n",
        f"<h1>Translation report: {html.escape(name)} → {language}</h1>\n<div class=\"summary\">",
        "".join(f'<div class="card">{label}<b>{value}</b></div>' for label, value in cards),
        "</div>\n",
    ]
    if scores is not None:
        parts.append(f'<p class="signature">{html.escape(format_signature(scores.signature))}</p>\n')
    skipped = "; ".join(f"{check} ({why})" for check, why in result.skipped)
    parts.append(f'<p class="signature">checks run: {html.escape(", ".join(result.ran))}'
                 f"{'<br>skipped: ' + html.escape(skipped) if skipped else ''}</p>\n")
    parts.append(_issue_list(catalog_issues, show_segment=True) + "\n")
    parts.append('<table>\n<colgroup><col class="id"><col><col><col><col><col class="score"></colgroup>\n'
                 "<thead><tr><th>segment</th><th>source</th><th>MT draft</th><th>reviewed</th>"
                 "<th>reference</th><th>chrF</th></tr></thead>\n<tbody>\n")
    for row in rows:
        matches = glossary.find(row.segment.source)
        forms = [m.term.target(language) for m in matches]
        translation = _cell(row.translation, forms, empty="untranslated")
        if row.translation and not row.reviewed:
            translation = f'<span class="fuzzy"><b>fuzzy:</b> {translation}</span>'
        issues = _issue_list(row.issues)
        parts.append(
            f'<tr id="{html.escape(row.segment.id)}"><td>{html.escape(row.segment.id)}</td>'
            f'<td lang="{source_language}">{_highlight(row.segment.source, [(m.start, m.end) for m in matches])}</td>'
            f'<td lang="{language}">{_cell(row.draft, forms, empty="no draft recorded")}</td>'
            f'<td lang="{language}">{translation}{issues}</td>'
            f'<td lang="{language}">{_cell(row.reference, forms, empty="no reference")}'
            f"{_issue_list(row.reference_issues)}</td>"
            f"<td>{_bar(row.chrf)}<br><small>draft {_bar(row.draft_chrf)}</small></td></tr>\n"
        )
    parts.append("</tbody>\n</table>\n</body>\n</html>\n")
    return "".join(parts)


def rows_for(segments: Sequence[Segment], *, translations: Mapping[str, tuple[str, bool]],
             drafts: Mapping[str, str], references: Mapping[str, str], scores: Scores | None,
             draft_scores: Scores | None, issues: Sequence[Issue], catalog_path: str) -> list[Row]:
    chrf = {s.id: s.chrf for s in scores.segments if s.hypothesis} if scores else {}
    draft_chrf = {s.id: s.chrf for s in draft_scores.segments if s.hypothesis} if draft_scores else {}
    rows = []
    for segment in segments:
        text, reviewed = translations.get(segment.id, (None, False))
        rows.append(Row(segment, drafts.get(segment.id), text, reviewed, references.get(segment.id),
                        chrf.get(segment.id), draft_chrf.get(segment.id),
                        tuple(i for i in issues if i.segment == segment.id and i.path == catalog_path),
                        tuple(i for i in issues if i.segment == segment.id and i.path != catalog_path)))
    return rows
