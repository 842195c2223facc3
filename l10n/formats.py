"""``l10n check`` results for people and for CI: text lines, JSON, JUnit XML, SARIF 2.1.0.

Text is one line per problem, ``path:line: severity: [check] message`` (the
line of the entry's msgid, as msgfmt prints), then one summary line per
language naming the checks that ran and those skipped. JUnit has one test
case per (language, check) that ran, failed by its errors; SARIF one result
per problem with its rule, level and location, for code-scanning annotations.
"""

from __future__ import annotations

import json
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from l10n import __version__
from l10n.checks import ERROR, entry_checks
from l10n.quality import CheckResult, EditionResult

FORMATS = ("text", "json", "junit", "sarif")


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def summary(edition: EditionResult) -> str:
    verdict = "FAIL" if edition.errors else "ok"
    scores = f"; BLEU {edition.scores.bleu:.1f}, chrF {edition.scores.chrf:.1f}" if edition.scores else ""
    skipped = "; skipped: " + ", ".join(f"{check} ({why})" for check, why in edition.skipped) if edition.skipped else ""
    return (f"{edition.language}: {verdict} — {_count(edition.errors, 'error')}, {_count(edition.warnings, 'warning')} "
            f"({edition.segments} segments{scores}); checks run: {', '.join(edition.ran)}{skipped}")


def to_text(result: CheckResult, *, quiet: bool = False) -> str:
    lines = []
    for edition in result.editions:
        lines += [issue.format() for issue in edition.issues if not quiet or issue.severity == ERROR]
        if not quiet:
            lines.append(summary(edition))
    return "".join(line + "\n" for line in lines)


def to_json(result: CheckResult) -> str:
    return json.dumps({
        "name": result.name,
        "failed": result.failed,
        "editions": [{
            "language": edition.language,
            "path": edition.path,
            "errors": edition.errors,
            "warnings": edition.warnings,
            "checks_run": list(edition.ran),
            "checks_skipped": [{"check": check, "why": why} for check, why in edition.skipped],
            "scores": {"bleu": edition.scores.bleu, "chrf": edition.scores.chrf,
                       "signature": dict(edition.scores.signature)} if edition.scores else None,
            "problems": [{"path": i.path, "line": i.line, "severity": i.severity, "check": i.check,
                          "segment": i.segment, "message": i.message} for i in edition.issues],
        } for edition in result.editions],
    }, ensure_ascii=False, indent=2) + "\n"


def to_junit(result: CheckResult) -> str:
    suites = []
    for edition in result.editions:
        cases = []
        for check in edition.ran:
            problems = [i for i in edition.issues if i.check == check]
            errors = [i for i in problems if i.severity == ERROR]
            body = ""
            if errors:
                text = "\n".join(i.format() for i in errors)
                body = f'<failure message={quoteattr(f"{len(errors)} problems")} type="{check}">{escape(text)}</failure>'
            warnings = [i for i in problems if i.severity != ERROR]
            if warnings:
                body += f"<system-out>{escape(chr(10).join(i.format() for i in warnings))}</system-out>"
            cases.append(f'    <testcase classname={quoteattr(f"l10n.{result.name}.{edition.language}")} '
                         f'name={quoteattr(check)} file={quoteattr(edition.path)}>{body}</testcase>\n')
        for check, why in edition.skipped:
            cases.append(f'    <testcase classname={quoteattr(f"l10n.{result.name}.{edition.language}")} '
                         f'name={quoteattr(check)}><skipped message={quoteattr(why)}/></testcase>\n')
        failures = sum(1 for check in edition.ran if any(i.check == check and i.severity == ERROR
                                                          for i in edition.issues))
        skipped = len(edition.skipped)
        suites.append(f'  <testsuite name={quoteattr(f"l10n check {result.name} → {edition.language}")} '
                      f'tests="{len(edition.ran) + skipped}" failures="{failures}" errors="0" skipped="{skipped}">\n'
                      + "".join(cases) + "  </testsuite>\n")
    return '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites>\n' + "".join(suites) + "</testsuites>\n"


def _rules() -> list[dict]:
    rules = {name: check.help for name, check in entry_checks().items()}
    rules.update({
        "header": "The PO header declares language, charset and plural forms.",
        "segments": "One catalog entry per segment of the article.",
        "completeness": "Every entry reviewed: not fuzzy, not empty.",
        "obsolete": "Obsolete entries kept from earlier versions.",
        "references": "Every segment has a reference written for its current sentence.",
        "scores": "BLEU/chrF of the reviewed edition against the references are above the gate.",
        "draft-scores": "BLEU/chrF of the MT drafts against the references are above the gate.",
    })
    return [{"id": name, "shortDescription": {"text": text}} for name, text in rules.items()]


def _uri(path: str) -> str:
    """Relative to the working directory (the repository root in CI) when inside it, else a file URI."""
    absolute = Path(path).resolve()
    try:
        return absolute.relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return absolute.as_uri()


def to_sarif(result: CheckResult) -> str:
    results = []
    for edition in result.editions:
        for issue in edition.issues:
            location = {"physicalLocation": {"artifactLocation": {"uri": _uri(issue.path or edition.path)}}}
            if issue.line:
                location["physicalLocation"]["region"] = {"startLine": issue.line}
            entry = {"ruleId": issue.check, "level": "error" if issue.severity == ERROR else "warning",
                     "message": {"text": issue.message}, "locations": [location]}
            if issue.segment:
                entry["properties"] = {"segment": issue.segment, "language": edition.language}
            results.append(entry)
    document = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "l10n", "version": __version__, "rules": _rules()}},
            "results": results,
        }],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def render(result: CheckResult, format: str, *, quiet: bool = False) -> str:
    if format == "json":
        return to_json(result)
    if format == "junit":
        return to_junit(result)
    if format == "sarif":
        return to_sarif(result)
    return to_text(result, quiet=quiet)
