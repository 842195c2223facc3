"""The ``l10n`` command: a thin layer over the library.

Each command builds the run's options once (``settings.resolve_options``),
calls one library function and prints its result. Every failure is an
``L10nError``: one line on stderr and its exit code (see ``l10n.errors``).
"""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from enum import Enum
from importlib import resources
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.table import Table
from typer.core import TyperGroup

from l10n import __version__
from l10n.errors import InputError, L10nError, UsageError
from l10n.settings import Options, resolve_options

PAGE_SUFFIXES = (".txt", ".html", ".htm")
DEFAULT_NAME = "article"


class _Group(TyperGroup):
    """Turns every L10nError into one line on stderr and its exit code."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except L10nError as error:
            Console(stderr=True, highlight=False, soft_wrap=True).print(f"[bold red]error:[/] {error}", markup=True)
            raise typer.Exit(error.exit_code) from None
        except KeyboardInterrupt:
            raise typer.Exit(130) from None


app = typer.Typer(cls=_Group, no_args_is_help=True, add_completion=False, rich_markup_mode=None,
                  help="Offline translation of news articles into reviewed English and Japanese editions.")
models_app = typer.Typer(cls=_Group, no_args_is_help=True, help="List and install Argos Translate model packages.")
glossary_app = typer.Typer(cls=_Group, no_args_is_help=True, help="Exchange the term glossary as TBX.")
app.add_typer(models_app, name="models")
app.add_typer(glossary_app, name="glossary")


class Language(str, Enum):
    en = "en"
    ja = "ja"


# -- shared options ----------------------------------------------------------------

SourcesArg = Annotated[Optional[list[Path]], typer.Argument(
    help="Scraped pages (.txt or .html) or folders of them. Default: the bundled ETtoday page.",
    show_default=False)]
NameOpt = Annotated[Optional[str], typer.Option(
    "--name", help=f"Catalog name for a single page (locales/<lang>/LC_MESSAGES/<name>.po). Default: {DEFAULT_NAME}.")]
ToOpt = Annotated[list[Language], typer.Option("--to", help="Target language; repeat for both.")]
SourceLanguageOpt = Annotated[Optional[str], typer.Option(
    "--from", help="Source language: zh-Hant, zh-Hans or ja. Default: detected from the page.")]
LocalesOpt = Annotated[Optional[Path], typer.Option("--locales", help="Catalog folder. Default: locales/ of the project.")]
GlossaryOpt = Annotated[Optional[Path], typer.Option("--glossary", help="Glossary file. Default: glossary/terms.toml.")]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing but errors.")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print the result as JSON on stdout.")]


def _options(**flags) -> Options:
    return resolve_options(flags)


def _out(quiet: bool = False) -> Console:
    return Console(quiet=quiet, highlight=False, soft_wrap=True)


def _notices(notices, quiet: bool) -> None:
    err = Console(stderr=True, quiet=quiet, highlight=False, soft_wrap=True)
    for notice in notices:
        err.print(f"notice: {notice}", markup=False)


def _collect_sources(paths: list[Path] | None, name: str | None):
    """The pages to work on, as pipeline Sources with their catalog names."""
    from l10n.pipeline import Source

    if not paths:
        data = resources.files("l10n").joinpath("data/article.txt").read_bytes()
        return [Source(name or DEFAULT_NAME, "the bundled page", data)]
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.suffix.lower() in PAGE_SUFFIXES and p.is_file())
            if not found:
                raise InputError(f"{path}: no .txt or .html pages in this folder", path=path)
            files += found
        elif path.is_file():
            files.append(path)
        else:
            raise InputError(f"{path}: no such file", path=path)
    if len(files) > 1 and name:
        raise UsageError("--name applies to a single page; with several pages each catalog is named after its file")
    sources, seen = [], {}
    for file in files:
        catalog = name or (DEFAULT_NAME if len(files) == 1 else _slug(file.stem))
        if catalog in seen:
            raise UsageError(f"{file} and {seen[catalog]} would share the catalog name {catalog!r}")
        seen[catalog] = file
        try:
            data = file.read_bytes()
        except OSError as error:
            raise InputError(f"{file}: {error.strerror}", path=file) from None
        sources.append(Source(catalog, str(file), data))
    return sources


def _slug(stem: str) -> str:
    import re

    return re.sub(r"[^\w.-]+", "-", stem).strip("-") or DEFAULT_NAME


# -- commands -----------------------------------------------------------------------------


@app.command()
def extract(
    sources: SourcesArg = None,
    name: NameOpt = None,
    source_language: SourceLanguageOpt = None,
    locales: LocalesOpt = None,
    stdout: Annotated[bool, typer.Option("--stdout", help="Print the cleaned article instead of writing it.")] = False,
    quiet: QuietOpt = False,
) -> None:
    """Clean a scraped page down to the article and write locales/<name>.txt for review."""
    from l10n.article import format_article
    from l10n.files import atomic_write
    from l10n.pipeline import prepare
    from l10n.workspace import ArticleFiles

    options = _options(source_language=source_language, locales=locales)
    for source in _collect_sources(sources, name):
        prepared = prepare(source, options)
        _notices(prepared.notices, quiet)
        text = format_article(prepared.article)
        if stdout:
            sys.stdout.write(text)
            continue
        target = ArticleFiles(options.locales, source.name).article
        atomic_write(target, text)
        kinds = [block.kind.value for block in prepared.article.blocks]
        _out(quiet).print(
            f"{target}: {kinds.count('paragraph')} paragraphs, {len(prepared.segments)} segments "
            f"({prepared.article.language})", markup=False)


@app.command()
def translate(
    to: ToOpt,
    sources: SourcesArg = None,
    name: NameOpt = None,
    source_language: SourceLanguageOpt = None,
    locales: LocalesOpt = None,
    glossary: GlossaryOpt = None,
    engine: Annotated[Optional[str], typer.Option("--engine", help="Translation engine (argos).")] = None,
    beam_size: Annotated[Optional[int], typer.Option("--beam-size", help="Beam size (argostranslate's: 4; 1 = greedy, faster).")] = None,
    threads: Annotated[Optional[int], typer.Option("--threads", help="CPU threads for decoding (0 = all cores).")] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Fresh MT without the draft cache: neither read nor write it, nor reuse earlier drafts.")] = False,
    redraft: Annotated[bool, typer.Option("--redraft", help="Fresh MT for every segment, bypassing reused drafts and the cache (human work is never replaced).")] = False,
    accept_large_change: Annotated[bool, typer.Option("--accept-large-change", help="Merge even when most sentences changed (their translations are kept as obsolete).")] = False,
    fail_fast: Annotated[bool, typer.Option("--fail-fast", help="Stop at the first page that fails, writing nothing (default: translate the other pages).")] = False,
    quiet: QuietOpt = False,
    as_json: JsonOpt = False,
) -> None:
    """Translate the article(s) into PO catalogs; reruns keep every reviewed entry."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from l10n.pipeline import translate as run

    options = _options(source_language=source_language, locales=locales, glossary=glossary, engine=engine,
                       beam_size=beam_size, threads=threads, cache="off" if no_cache else None)
    languages = list(dict.fromkeys(language.value for language in to))
    err = Console(stderr=True)
    progress = Progress(TextColumn("translating"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                        console=err, disable=quiet or as_json or not err.is_terminal, transient=True)
    task = progress.add_task("translate", total=None)

    def started(total: int) -> None:
        progress.update(task, total=total)
        progress.start()  # only once the model route is known: errors come before any bar

    try:
        report = run(
            _collect_sources(sources, name), languages, options, redraft=redraft,
            accept_large_change=accept_large_change, fail_fast=fail_fast,
            on_start=started, on_progress=lambda done: progress.advance(task, done),
        )
    finally:
        progress.stop()
    _notices(report.notices, quiet or as_json)
    errors = Console(stderr=True, highlight=False, soft_wrap=True)
    for failure in report.failures:
        errors.print(f"[bold red]error:[/] {failure.message}", markup=True)
    if report.failures:
        reasons = {}
        for failure in report.failures:
            reasons[failure.reason] = reasons.get(failure.reason, 0) + 1
        summary = ", ".join(f"{count} {reason}" for reason, count in reasons.items())
        errors.print(f"{report.pages} pages: {report.pages - len(report.failures)} ok, "
                     f"{len(report.failures)} failed ({summary})", markup=False)
    if as_json:
        print(json.dumps({
            "notices": report.notices,
            "cache_hits": report.cache_hits,
            "model_load_seconds": round(report.model_load_seconds, 3),
            "catalogs": [{**asdict(c), "path": str(c.path), "stats": asdict(c.stats)} for c in report.catalogs],
            "failures": [asdict(f) for f in report.failures],
        }, ensure_ascii=False, indent=2))
        raise typer.Exit(report.exit_code)
    table = Table(title="l10n translate")
    for column in ("catalog", "segs", "new", "kept", "changed", "obsolete", "flagged", "reviewed"):
        table.add_column(column, justify="left" if column == "catalog" else "right")
    for c in report.catalogs:
        table.add_row(f"{c.name} → {c.language}", str(c.stats.total), str(c.drafted), str(c.kept), str(c.changed),
                      str(c.obsoleted), str(c.flagged), f"{c.stats.reviewed}/{c.stats.total}")
    out = _out(quiet)
    out.print(table)
    for c in report.catalogs:
        out.print(f"{c.path}: {'written' if c.written else 'unchanged'}", markup=False)
    raise typer.Exit(report.exit_code)


def _load_quality_inputs(options: Options, name: str, language: str):
    from l10n.workspace import ArticleFiles, load_existing, load_source

    files = ArticleFiles(options.locales, name)
    article, segments = load_source(files)
    catalog = load_existing(files.catalog(language), f"{language} catalog")
    return files, article, segments, catalog


def _score(options: Options, name: str, language: str, kind: str):
    from l10n.score import hypotheses, score
    from l10n.workspace import load_existing, load_reference_texts

    files, article, segments, catalog = _load_quality_inputs(options, name, language)
    references = load_reference_texts(files, language)
    source = catalog if kind == "reviewed" else load_existing(files.drafts(language), f"{language} drafts")
    ids = [segment.id for segment in segments if segment.id in references]
    header = catalog.metadata
    return score(ids, hypotheses(source, kind), {i: references[i].text for i in ids}, language=language, kind=kind,
                 engine=source.metadata.get("X-L10n-Engine", ""), glossary=header.get("X-L10n-Glossary", ""),
                 segmenter=header.get("X-L10n-Segmenter", ""))


@app.command()
def score(
    to: ToOpt,
    name: NameOpt = None,
    drafts: Annotated[bool, typer.Option("--drafts", help="Score the machine drafts instead of the reviewed entries.")] = False,
    worst: Annotated[int, typer.Option("--worst", help="Segments to list, worst chrF first (0 = all).")] = 10,
    locales: LocalesOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """BLEU and chrF (sacrebleu) against the reference translations, per language."""
    from l10n.score import format_signature

    options = _options(locales=locales)
    results = [_score(options, name or DEFAULT_NAME, language.value, "drafts" if drafts else "reviewed")
               for language in dict.fromkeys(to)]
    if as_json:
        print(json.dumps([{
            "language": r.language, "scored": r.kind, "bleu": r.bleu, "chrf": r.chrf,
            "signature": dict(r.signature), "sacrebleu_bleu_signature": r.bleu_signature,
            "sacrebleu_chrf_signature": r.chrf_signature, "missing": list(r.missing),
            "segments": [asdict(s) for s in r.segments],
        } for r in results], ensure_ascii=False, indent=2))
        return
    out = _out()
    for result in results:
        _notices(result.notices, False)
        out.print(f"{result.language} ({result.kind}): BLEU = {result.bleu:.2f}  chrF = {result.chrf:.2f}  "
                  f"[{len(result.segments) - len(result.missing)}/{len(result.segments)} segments]", markup=False)
        out.print(f"  signature: {format_signature(result.signature)}", markup=False)
        out.print(f"  sacrebleu: BLEU {result.bleu_signature}  chrF {result.chrf_signature}", markup=False)
        table = Table(title=f"{result.language}: chrF per segment, worst first")
        for column in ("segment", "chrF", "translation", "reference"):
            table.add_column(column, overflow="fold")
        for segment in result.worst_first()[: worst or None]:
            table.add_row(segment.id, f"{segment.chrf:.1f}", segment.hypothesis or "(missing)", segment.reference)
        out.print(table)


@app.command()
def check(
    to: ToOpt,
    name: NameOpt = None,
    allow_fuzzy: Annotated[bool, typer.Option("--allow-fuzzy", help="Do not fail on unreviewed (fuzzy) entries.")] = False,
    allow_untranslated: Annotated[bool, typer.Option("--allow-untranslated", help="Do not fail on empty entries.")] = False,
    locales: LocalesOpt = None,
    glossary: GlossaryOpt = None,
    quiet: QuietOpt = False,
) -> None:
    """The CI gate: PO validity, completeness, glossary, numbers, punctuation, BLEU/chrF minima."""
    from l10n import check as checks
    from l10n.glossary import load_glossary
    from l10n.workspace import load_reference_texts

    options = _options(locales=locales, glossary=glossary)
    terms = load_glossary(options.glossary)
    failed = False
    out = _out()
    for language in dict.fromkeys(item.value for item in to):
        files, article, segments, catalog = _load_quality_inputs(options, name or DEFAULT_NAME, language)
        scores = _score(options, name or DEFAULT_NAME, language, "reviewed")
        issues = checks.run_checks(catalog, segments, glossary=terms, source_language=article.language,
                                   language=language, references=load_reference_texts(files, language),
                                   scores=scores, gate=options.gates.get(language), allow_fuzzy=allow_fuzzy,
                                   allow_untranslated=allow_untranslated)
        where = str(files.catalog(language))
        for issue in issues:
            if not quiet or issue.severity == checks.ERROR:
                out.print(issue.line(where), markup=False)
        errors = sum(1 for issue in issues if issue.severity == checks.ERROR)
        warnings = len(issues) - errors
        failed |= bool(errors)
        if not quiet:
            out.print(f"{language}: {'FAIL' if errors else 'ok'} — {errors} errors, {warnings} warnings; "
                      f"BLEU {scores.bleu:.1f}, chrF {scores.chrf:.1f} ({len(segments)} segments)", markup=False)
    if failed:
        raise typer.Exit(1)


@app.command()
def build(
    to: ToOpt,
    name: NameOpt = None,
    partial: Annotated[bool, typer.Option("--partial", help="Leave out unreviewed segments instead of failing.")] = False,
    locales: LocalesOpt = None,
    quiet: QuietOpt = False,
) -> None:
    """Write the edition (Markdown, standalone HTML) and the compiled .mo from reviewed entries only."""
    from l10n.build import build_edition, to_html, to_markdown, to_mo
    from l10n.files import atomic_write

    options = _options(locales=locales)
    out = _out(quiet)
    for language in dict.fromkeys(item.value for item in to):
        files, article, segments, catalog = _load_quality_inputs(options, name or DEFAULT_NAME, language)
        edition = build_edition(article, segments, catalog, language, partial=partial)
        if edition.missing:
            _notices([f"{language}: left out {len(edition.missing)} unreviewed segments: {', '.join(edition.missing)}"],
                     quiet)
        written = {files.edition(language, ".md"): to_markdown(edition), files.edition(language, ".html"): to_html(edition),
                   files.compiled(language): to_mo(catalog)}
        for path, content in written.items():
            atomic_write(path, content)
            out.print(f"wrote {path}", markup=False)


@app.command()
def report(
    to: ToOpt,
    name: NameOpt = None,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="HTML file to write (one language). Default: locales/<lang>/<name>.report.html.")] = None,
    locales: LocalesOpt = None,
    glossary: GlossaryOpt = None,
    quiet: QuietOpt = False,
) -> None:
    """A standalone HTML review report: source, MT draft, reviewed text and reference side by side."""
    from l10n import check as checks
    from l10n import report as reporting
    from l10n.catalog import load_catalog, stats
    from l10n.files import atomic_write
    from l10n.glossary import load_glossary
    from l10n.workspace import load_reference_texts

    options = _options(locales=locales, glossary=glossary)
    terms = load_glossary(options.glossary)
    languages = list(dict.fromkeys(item.value for item in to))
    if output is not None and len(languages) > 1:
        raise UsageError("--output takes one language; leave it out to write one report per language")
    for language in languages:
        name_ = name or DEFAULT_NAME
        files, article, segments, catalog = _load_quality_inputs(options, name_, language)
        references = load_reference_texts(files, language) if files.references(language).exists() else {}
        drafts = load_catalog(files.drafts(language)) if files.drafts(language).exists() else None
        scores = _score(options, name_, language, "reviewed") if references else None
        draft_scores = _score(options, name_, language, "drafts") if references and drafts is not None else None
        issues = checks.run_checks(catalog, segments, glossary=terms, source_language=article.language,
                                   language=language, references=references or None, scores=scores,
                                   gate=options.gates.get(language), allow_fuzzy=True, allow_untranslated=True,
                                   only_reviewed=False)
        segment_issues = [i for i in issues if i.segment]
        rows = reporting.rows_for(
            segments,
            translations={e.msgctxt: (e.msgstr, not e.fuzzy) for e in catalog if not e.obsolete and e.msgstr},
            drafts={e.msgctxt: e.msgstr for e in drafts} if drafts is not None else {},
            references={key: ref.text for key, ref in references.items()},
            scores=scores, draft_scores=draft_scores, issues=segment_issues,
        )
        page = reporting.render(name=name_, language=language, rows=rows, stats=stats(catalog), scores=scores,
                                draft_scores=draft_scores, glossary=terms,
                                catalog_issues=[i for i in issues if not i.segment])
        target = output or files.edition(language, ".report.html")
        atomic_write(target, page)
        _out(quiet).print(f"wrote {target}", markup=False)


@app.command()
def tmx(
    to: ToOpt,
    name: NameOpt = None,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="TMX file (one language). Default: locales/<lang>/<name>.tmx.")] = None,
    locales: LocalesOpt = None,
    quiet: QuietOpt = False,
) -> None:
    """Export the reviewed sentence pairs as TMX 1.4 (translation memory)."""
    from l10n import __version__ as version
    from l10n.build import reviewed
    from l10n.files import atomic_write
    from l10n.interchange import pairs_to_tmx

    options = _options(locales=locales)
    languages = list(dict.fromkeys(item.value for item in to))
    if output is not None and len(languages) > 1:
        raise UsageError("--output takes one language; leave it out to write one file per language")
    for language in languages:
        files, article, segments, catalog = _load_quality_inputs(options, name or DEFAULT_NAME, language)
        translations = reviewed(catalog)
        pairs = [(s.id, s.source, translations[s.id]) for s in segments if s.id in translations]
        target = output or files.edition(language, ".tmx")
        atomic_write(target, pairs_to_tmx(pairs, source_language=article.language, target_language=language,
                                          tool_version=version))
        _out(quiet).print(f"wrote {target}: {len(pairs)} reviewed pairs", markup=False)


@glossary_app.command("export")
def glossary_export(
    output: Annotated[Path, typer.Argument(help="TBX file to write.")],
    glossary: GlossaryOpt = None,
) -> None:
    """Write the glossary as TBX-Basic (zh-Hant with variants, en, ja)."""
    from l10n.files import atomic_write
    from l10n.glossary import load_glossary
    from l10n.interchange import glossary_to_tbx

    options = _options(glossary=glossary)
    terms = load_glossary(options.glossary)
    atomic_write(output, glossary_to_tbx(terms, description=f"l10n glossary {options.glossary.name} ({terms.digest})"))
    _out().print(f"wrote {output}: {len(terms.terms)} terms", markup=False)


@glossary_app.command("import")
def glossary_import(
    source: Annotated[Path, typer.Argument(help="TBX file to read.")],
    glossary: GlossaryOpt = None,
    replace: Annotated[bool, typer.Option("--replace", help="Overwrite an existing glossary file.")] = False,
) -> None:
    """Read a TBX file into the glossary file (TOML); validated before anything is written."""
    import tomllib

    from l10n.files import atomic_write
    from l10n.glossary import parse_glossary
    from l10n.interchange import glossary_toml, terms_from_tbx

    options = _options(glossary=glossary)
    try:
        data = source.read_bytes()
    except OSError as error:
        raise InputError(f"{source}: {error.strerror}", path=source) from None
    terms = terms_from_tbx(data, path=source)
    text = glossary_toml(terms, header=f"Term glossary imported from {source.name} by l10n.")
    parse_glossary(tomllib.loads(text), path=source, text=text, digest="")  # same checks as loading
    target = options.glossary
    if target.exists() and target.read_text(encoding="utf-8") != text and not replace:
        raise UsageError(f"{target} exists; use --replace to overwrite it with {source}")
    atomic_write(target, text)
    _out().print(f"wrote {target}: {len(terms)} terms", markup=False)


# -- models -----------------------------------------------------------------------------------


@models_app.command("list")
def models_list(
    available: Annotated[bool, typer.Option("--available", help="Also list the packages of the Argos index (needs network).")] = False,
) -> None:
    """Installed translation packages and the language routes they give."""
    from l10n.models import fetch_index, find_route, index_url, installed_packages, packages_dir
    from l10n.errors import NoModelError

    directory = packages_dir()
    packages = installed_packages(directory)
    out = _out()
    table = Table(title=f"installed packages ({directory})")
    for column in ("package", "version", "from", "to", "path"):
        table.add_column(column)
    for package in packages:
        table.add_row(package.name, package.version, package.from_code, package.to_code, str(package.path))
    out.print(table if packages else f"no packages installed in {directory}")
    for source in ("zh-Hant", "zh-Hans", "ja"):
        for target in ("en", "ja"):
            if source == target:
                continue
            try:
                route = find_route(packages, source, target)
                steps = ([f"opencc {route.opencc}"] if route.opencc else []) + [p.label for p in route.packages]
                out.print(f"{source} → {target}: " + " → ".join(steps), markup=False)
            except NoModelError:
                out.print(f"{source} → {target}: no route", markup=False)
    if available:
        table = Table(title="Argos package index")
        for column in ("from", "to", "version"):
            table.add_column(column)
        for entry in fetch_index(index_url()):
            table.add_row(entry.from_code, entry.to_code, entry.version)
        out.print(table)


@models_app.command("install")
def models_install(
    codes: Annotated[Optional[list[str]], typer.Argument(help="FROM TO Argos codes, e.g. zt en (zt = Traditional Chinese).")] = None,
    file: Annotated[Optional[Path], typer.Option("--file", help="Install a downloaded .argosmodel file instead.")] = None,
) -> None:
    """Install a package from the Argos index (FROM TO) or from a file (--file)."""
    from rich.progress import BarColumn, DownloadColumn, Progress, TransferSpeedColumn

    from l10n.models import index_url, install_file, install_from_index, packages_dir

    directory = packages_dir()
    if file is not None and codes:
        raise UsageError("give either FROM TO or --file, not both")
    if file is not None:
        package = install_file(file, directory)
    elif codes and len(codes) == 2:
        err = Console(stderr=True)
        with Progress(BarColumn(), DownloadColumn(), TransferSpeedColumn(), console=err,
                      disable=not err.is_terminal) as bar:
            task = bar.add_task("download", total=None)
            package = install_from_index(codes[0], codes[1], directory, url=index_url(),
                                         progress=lambda done, total: bar.update(task, completed=done, total=total))
    else:
        raise UsageError("usage: l10n models install FROM TO, or l10n models install --file PATH.argosmodel")
    _out().print(f"installed {package.label} ({package.from_code} → {package.to_code}) in {package.path}", markup=False)


@app.callback(invoke_without_command=True)
def _main(version: Annotated[bool, typer.Option("--version", help="Print the version and exit.")] = False) -> None:
    if version:
        print(f"l10n {__version__}")
        raise typer.Exit()


def main() -> None:
    app()
