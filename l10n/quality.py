"""The quality commands as library calls: score, check, report, build, tmx.

``load_article`` reads an article's files once — the cleaned source and its
segments, the glossary, and per language the review catalog, the MT drafts
and the reference file when they exist. The functions below work on that.
Each command of ``l10n`` is one call here.

``check_article`` runs every reference-free check on every article; the
reference checks and score gates run where ``locales/references/<name>.<lang>.tsv``
exists, and the result names the checks that ran and those skipped (and why).
Reference files go through the same entry checks as the reviewed edition.
``report_article`` renders the problems of the same single run.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import polib

from l10n.article import Article, BlockKind, Segment
from l10n.checks import ERROR, Context, Issue, entry_checks, run_entry_checks
from l10n.glossary import Glossary, load_glossary
from l10n.references import Reference, load_references
from l10n.score import MissingTokenizerError, Scores, hypotheses, score
from l10n.settings import Options
from l10n.workspace import ArticleFiles, load_existing, load_source


@dataclass(frozen=True)
class LoadedEdition:
    """One language's files of an article."""

    language: str
    catalog: polib.POFile
    catalog_path: Path
    catalog_lines: dict[tuple[str, str], int]  # (msgctxt, msgid) → line of the msgid
    drafts: polib.POFile | None
    references: dict[str, Reference] | None  # None: no reference file
    references_path: Path


@dataclass(frozen=True)
class LoadedArticle:
    name: str
    files: ArticleFiles
    article: Article
    segments: tuple[Segment, ...]
    glossary: Glossary | None
    editions: dict[str, LoadedEdition]


def load_article(options: Options, name: str, languages: Sequence[str], *, glossary: bool = True,
                 drafts: bool = True) -> LoadedArticle:
    files = ArticleFiles(options.locales, name)
    article, segments = load_source(files)
    editions = {}
    for language in languages:
        path = files.catalog(language)
        catalog = load_existing(path, f"{language} catalog")
        lines = _msgid_lines(catalog, path.read_text(encoding="utf-8"))
        drafts_path = files.drafts(language)
        references_path = files.references(language)
        references = load_references(references_path) if references_path.exists() else None
        editions[language] = LoadedEdition(
            language, catalog, path, lines,
            load_existing(drafts_path, f"{language} drafts") if drafts and drafts_path.exists() else None,
            references, references_path,
        )
    return LoadedArticle(name, files, article, tuple(segments), load_glossary(options.glossary) if glossary else None,
                         editions)


def _msgid_lines(catalog: polib.POFile, text: str) -> dict[tuple[str, str], int]:
    """Line of each active entry's msgid (what msgfmt points at); polib gives the entry's first line."""
    lines = text.splitlines()
    found = {}
    for entry in catalog:
        if entry.obsolete:
            continue
        number = entry.linenum
        while number <= len(lines) and not lines[number - 1].startswith("msgid "):
            number += 1
        found[(entry.msgctxt, entry.msgid)] = number
    return found


# -- score ----------------------------------------------------------------------------------------


def score_edition(loaded: LoadedArticle, language: str, kind: str = "reviewed") -> Scores | None:
    """BLEU/chrF of the reviewed entries (or the drafts) against the references; None without references."""
    edition = loaded.editions[language]
    if edition.references is None:
        return None
    source = edition.catalog if kind == "reviewed" else edition.drafts
    if source is None:
        return None
    ids = [segment.id for segment in loaded.segments if segment.id in edition.references]
    header = edition.catalog.metadata
    return score(ids, hypotheses(source, kind), {i: edition.references[i].text for i in ids}, language=language,
                 kind=kind, engine=source.metadata.get("X-L10n-Engine", ""), glossary=header.get("X-L10n-Glossary", ""),
                 segmenter=header.get("X-L10n-Segmenter", ""))


def score_article(options: Options, name: str, languages: Sequence[str], *, kind: str = "reviewed") -> list[Scores]:
    """``l10n score``: every language needs its reference file."""
    from l10n.errors import DataFileError

    loaded = load_article(options, name, languages, glossary=False, drafts=kind == "drafts")
    results = []
    for language in languages:
        edition = loaded.editions[language]
        if edition.references is None:
            raise DataFileError("no reference translations (see README: Reference translations)",
                                path=edition.references_path)
        if kind == "drafts" and edition.drafts is None:
            raise DataFileError(f"no {language} drafts: run `l10n translate` first", path=loaded.files.drafts(language))
        results.append(score_edition(loaded, language, kind))
    return results


# -- check --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class EditionResult:
    """The problems of one language, and which checks ran."""

    language: str
    path: str  # the review catalog
    issues: tuple[Issue, ...]
    ran: tuple[str, ...]
    skipped: tuple[tuple[str, str], ...]  # (check, why)
    segments: int
    scores: Scores | None = None
    draft_scores: Scores | None = None

    @property
    def errors(self) -> int:
        return sum(1 for issue in self.issues if issue.severity == ERROR)

    @property
    def warnings(self) -> int:
        return len(self.issues) - self.errors


@dataclass(frozen=True)
class CheckResult:
    name: str
    editions: tuple[EditionResult, ...]

    @property
    def failed(self) -> bool:
        return any(edition.errors for edition in self.editions)


_KIND = {BlockKind.HEADLINE: "headline", BlockKind.CAPTION: "caption", BlockKind.CREDIT: "credit",
         BlockKind.PARAGRAPH: "body"}


def check_texts(segments: Sequence[Segment], texts: dict[str, tuple[str, int | None]], *, glossary: Glossary,
                source_language: str, language: str, path: str) -> list[Issue]:
    """Every entry check on the translations ``texts`` (segment id → (text, line)) of an article."""
    from l10n.checks.style import edition_register

    register = edition_register(text for text, _ in texts.values()) if language == "ja" else None
    sources = [(segment.id, segment.source) for segment in segments]
    issues, earlier = [], set()
    for index, segment in enumerate(segments):
        if segment.id in texts:
            text, line = texts[segment.id]
            others = tuple(pair for pair in sources if pair[0] != segment.id)
            context = Context(segment.id, _KIND[segment.kind], source_language, language, glossary,
                              frozenset(earlier), register, others)
            issues += [Issue(check.name, check.severity, message, segment.id, path, line)
                       for check, message in run_entry_checks(segment.source, text, context)]
        earlier |= {match.term.source for match in glossary.find(segment.source, checked=True)}
    return issues


def check_edition(loaded: LoadedArticle, language: str, *, gate=None, allow_fuzzy: bool = False,
                  allow_untranslated: bool = False) -> EditionResult:
    """All checks on one language of a loaded article."""
    from l10n.checks.catalog import check_catalog, check_references
    from l10n.checks.scores import check_draft_scores, check_scores

    edition = loaded.editions[language]
    path = str(edition.catalog_path)
    segments = loaded.segments
    issues = check_catalog(edition.catalog, segments, language=language, path=path, lines=edition.catalog_lines,
                           allow_fuzzy=allow_fuzzy, allow_untranslated=allow_untranslated)
    reviewed = {e.msgctxt: (e.msgstr, edition.catalog_lines.get((e.msgctxt, e.msgid)))
                for e in edition.catalog if not e.obsolete and e.msgstr and not e.fuzzy}
    source_language = loaded.article.language
    issues += check_texts(segments, reviewed, glossary=loaded.glossary, source_language=source_language,
                          language=language, path=path)
    ran = ["header", "segments", "completeness", *entry_checks()]
    skipped, scores, draft_scores = [], None, None
    if edition.references is None:
        why = f"no reference file {edition.references_path}"
        skipped = [("references", why), ("scores", why), ("draft-scores", why)]
    else:
        ref_path = str(edition.references_path)
        issues += check_references(edition.references, segments, path=ref_path)
        texts = {key: (ref.text, ref.line) for key, ref in edition.references.items()}
        issues += check_texts(segments, texts, glossary=loaded.glossary, source_language=source_language,
                              language=language, path=ref_path)
        ran.append("references")
        try:
            scores = score_edition(loaded, language, "reviewed")
            issues += check_scores(scores, gate, path=path)
            ran.append("scores")
            if edition.drafts is not None and gate is not None and gate.drafts_min_bleu is not None:
                draft_scores = score_edition(loaded, language, "drafts")
                issues += check_draft_scores(draft_scores, gate, path=str(loaded.files.drafts(language)))
                ran.append("draft-scores")
            elif edition.drafts is not None:
                draft_scores = score_edition(loaded, language, "drafts")
                skipped.append(("draft-scores", f"no drafts_min_bleu in [tool.l10n.gates.{language}]"))
            else:
                skipped.append(("draft-scores", "no MT drafts (locales/drafts)"))
        except MissingTokenizerError as error:
            issues.append(Issue("scores", ERROR, error.message, path=path))
            skipped.append(("scores", "tokenizer missing"))
    return EditionResult(language, path, tuple(issues), tuple(ran), tuple(skipped), len(segments), scores,
                         draft_scores)


def check_article(options: Options, name: str, languages: Sequence[str], *, allow_fuzzy: bool = False,
                  allow_untranslated: bool = False) -> CheckResult:
    """``l10n check``: every check on every language of the article."""
    loaded = load_article(options, name, languages)
    return CheckResult(name, tuple(
        check_edition(loaded, language, gate=options.gates.get(language), allow_fuzzy=allow_fuzzy,
                      allow_untranslated=allow_untranslated)
        for language in languages))


# -- report, build, tmx ------------------------------------------------------------------------------


def report_article(options: Options, name: str, languages: Sequence[str], *, output: Path | None = None) -> list[Path]:
    """``l10n report``: one HTML page per language, with exactly the problems ``l10n check`` finds."""
    from l10n import report as reporting
    from l10n.catalog import stats
    from l10n.errors import UsageError
    from l10n.files import atomic_write

    if output is not None and len(languages) > 1:
        raise UsageError("--output takes one language; leave it out to write one report per language")
    loaded = load_article(options, name, languages)
    written = []
    for language in languages:
        edition = loaded.editions[language]
        result = check_edition(loaded, language, gate=options.gates.get(language))
        references = edition.references or {}
        rows = reporting.rows_for(
            loaded.segments,
            translations={e.msgctxt: (e.msgstr, not e.fuzzy) for e in edition.catalog if not e.obsolete and e.msgstr},
            drafts={e.msgctxt: e.msgstr for e in edition.drafts} if edition.drafts is not None else {},
            references={key: ref.text for key, ref in references.items()},
            scores=result.scores, draft_scores=result.draft_scores, issues=result.issues, catalog_path=result.path,
        )
        page = reporting.render(name=name, language=language, source_language=loaded.article.language,
                                rows=rows, stats=stats(edition.catalog),
                                scores=result.scores, draft_scores=result.draft_scores, glossary=loaded.glossary,
                                result=result)
        target = output or loaded.files.edition(language, ".report.html")
        atomic_write(target, page)
        written.append(target)
    return written


@dataclass(frozen=True)
class Written:
    language: str
    paths: tuple[Path, ...]
    missing: tuple[str, ...] = ()  # segments left out of a partial edition
    pairs: int = 0  # TMX units


def build_article(options: Options, name: str, languages: Sequence[str], *, partial: bool = False) -> list[Written]:
    """``l10n build``: Markdown, HTML and .mo of each language, from reviewed entries only."""
    from l10n.build import build_edition, to_html, to_markdown, to_mo
    from l10n.files import atomic_write

    loaded = load_article(options, name, languages, glossary=False, drafts=False)
    editions = {language: build_edition(loaded.article, list(loaded.segments), loaded.editions[language].catalog,
                                        language, partial=partial) for language in languages}
    written = []
    for language, edition in editions.items():  # every language built before anything is written
        catalog = loaded.editions[language].catalog
        files = {loaded.files.edition(language, ".md"): to_markdown(edition),
                 loaded.files.edition(language, ".html"): to_html(edition),
                 loaded.files.compiled(language): to_mo(catalog)}
        for path, content in files.items():
            atomic_write(path, content)
        written.append(Written(language, tuple(files), edition.missing))
    return written


def export_tmx(options: Options, name: str, languages: Sequence[str], *, output: Path | None = None) -> list[Written]:
    """``l10n tmx``: the reviewed sentence pairs of each language as TMX 1.4."""
    from l10n import __version__
    from l10n.build import reviewed
    from l10n.errors import UsageError
    from l10n.files import atomic_write
    from l10n.interchange import pairs_to_tmx

    if output is not None and len(languages) > 1:
        raise UsageError("--output takes one language; leave it out to write one file per language")
    loaded = load_article(options, name, languages, glossary=False, drafts=False)
    written = []
    for language in languages:
        translations = reviewed(loaded.editions[language].catalog)
        pairs = [(s.id, s.source, translations[s.id]) for s in loaded.segments if s.id in translations]
        target = output or loaded.files.edition(language, ".tmx")
        atomic_write(target, pairs_to_tmx(pairs, source_language=loaded.article.language, target_language=language,
                                          tool_version=__version__))
        written.append(Written(language, (target,), pairs=len(pairs)))
    return written
