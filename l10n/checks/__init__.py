"""The checks of ``l10n check``, one module per family, one table of all.

An entry check is a small pure function of (source, target, context) that
yields one-line messages; ``@entry_check(name, severity)`` registers it in
``ENTRY_CHECKS`` and its docstring is its help text (the rule text of ``--format sarif``).
Catalog checks (header, segments, completeness) and the score gates look at a
whole file. Any ``error`` fails the gate; a ``warning`` is reported only.

Families: ``terms`` (glossary forms, forbidden forms, names and Latin words
that must appear or must not be added), ``numbers`` (values with units),
``content`` (length ratio, negation, a translation filed under the wrong
segment), ``style`` (punctuation, script, spacing, register, placeholders),
``catalog`` and ``scores``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from importlib import import_module

from l10n.glossary import Glossary

ERROR, WARNING = "error", "warning"


@dataclass(frozen=True)
class Issue:
    check: str
    severity: str
    message: str
    segment: str | None = None
    path: str | None = None  # the file the problem is in: catalog, reference file
    line: int | None = None  # the line of the entry in that file

    def format(self) -> str:
        """``path:line: severity: [check] message``, as msgfmt and compilers print."""
        where = ":".join(str(part) for part in (self.path, self.line) if part is not None)
        segment = f" ({self.segment})" if self.segment and self.line is None else ""
        return f"{where}: {self.severity}: [{self.check}] {self.message}{segment}"


@dataclass(frozen=True)
class Context:
    """What an entry check may know besides its (source, target) pair."""

    segment: str  # segment id: headline, caption, credit or s-…
    kind: str  # headline, caption, credit or body
    source_language: str
    language: str
    glossary: Glossary
    earlier_terms: frozenset[str] = frozenset()  # glossary sources mentioned in earlier segments
    register: str | None = None  # the edition's Japanese register: "plain" (だ・である) or "polite" (です・ます)
    others: tuple[tuple[str, str], ...] = field(default=(), hash=False)  # (id, source) of the other segments


EntryCheck = Callable[[str, str, Context], Iterator[str]]


@dataclass(frozen=True)
class Check:
    name: str
    severity: str
    function: EntryCheck

    @property
    def help(self) -> str:
        return (self.function.__doc__ or "").strip().splitlines()[0]


ENTRY_CHECKS: dict[str, Check] = {}
FAMILIES = ("terms", "numbers", "content", "style")


def entry_check(name: str, severity: str = ERROR) -> Callable[[EntryCheck], EntryCheck]:
    def register(function: EntryCheck) -> EntryCheck:
        ENTRY_CHECKS[name] = Check(name, severity, function)
        return function

    return register


def entry_checks() -> dict[str, Check]:
    """Every entry check in family order, its family module imported on first use."""
    for family in FAMILIES:
        import_module(f"l10n.checks.{family}")
    order = {f"l10n.checks.{family}": index for index, family in enumerate(FAMILIES)}
    return dict(sorted(ENTRY_CHECKS.items(), key=lambda item: order[item[1].function.__module__]))


def blank(text: str, spans) -> str:
    """``text`` with the (start, end) spans replaced by spaces: offsets stay valid."""
    for start, end in spans:
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def run_entry_checks(source: str, target: str, context: Context) -> list[tuple[Check, str]]:
    return [(check, message) for check in entry_checks().values()
            for message in check.function(source, target, context)]
