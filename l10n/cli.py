"""The ``l10n`` command: a thin layer over the library.

Each command builds the run's options once (``settings.resolve_options``),
calls one library function and prints its result. Every failure is an
``L10nError``: one line on stderr and its exit code (see ``l10n.errors``).
"""

from __future__ import annotations

import json
import re
import sys
import warnings
from dataclasses import asdict
from enum import Enum
from importlib import resources
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text
from typer.core import TyperGroup

try:  # typer 0.20 and later carry their own copy of click
    from typer._click.exceptions import UsageError as ClickUsageError
except ImportError:
    from click.exceptions import UsageError as ClickUsageError

from l10n import __version__
from l10n.errors import InputError, L10nError, UsageError
from l10n.files import NotAFileError, file_kind, read_regular
from l10n.languages import TARGET_LANGUAGES
from l10n.models import PackageWarning
from l10n.settings import Options, resolve_options

PAGE_SUFFIXES = (".txt", ".html", ".htm")
DEFAULT_NAME = "article"


#: Characters that move the cursor, restyle or clear the terminal, or reorder
#: text (C0 and C1 controls, DEL, bidirectional overrides and isolates).
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def printable(text: str, *, keep: str = "") -> str:
    """``text`` safe for a terminal: every control character shown as an escape
    (``\\x1b``), except those in ``keep`` (e.g. newlines of an article)."""
    def escape(match: re.Match) -> str:
        char = match.group()
        if char in keep:
            return char
        return f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}"

    return _UNPRINTABLE.sub(escape, text)


class _Terminal(Console):
    """A console that prints text literally: no markup, no emoji codes, and no
    control characters from pages, catalogs, packages or file names."""

    def __init__(self, **kwargs):
        super().__init__(markup=False, emoji=False, highlight=False, soft_wrap=True, **kwargs)

    def render_str(self, text: str, **kwargs) -> Text:
        return super().render_str(printable(text, keep="\n\t"), **{**kwargs, "markup": False, "emoji": False})


def _json_text(value, **kwargs) -> str:
    """JSON for the terminal: json.dumps escapes C0 controls in strings (the
    raw ones left are its own layout); DEL, C1 controls and bidirectional
    overrides are escaped too (\\u009b), which is the same JSON."""
    return _UNPRINTABLE.sub(lambda match: match.group() if match.group() < " " else f"\\u{ord(match.group()):04x}",
                            json.dumps(value, **kwargs))


_default_show_warning = warnings.showwarning


def _show_warning(message, category, *args, **kwargs) -> None:
    """Library warnings meant for users (a skipped package) as one line each."""
    if issubclass(category, PackageWarning):
        _Terminal(stderr=True).print(Text("warning:", style="yellow"), printable(str(message)))
    else:
        _default_show_warning(message, category, *args, **kwargs)


class _Group(TyperGroup):
    """Turns every L10nError into one line on stderr and its exit code."""

    def invoke(self, ctx):
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("default", PackageWarning)
                warnings.showwarning = _show_warning
                return super().invoke(ctx)
        except L10nError as error:
            _Terminal(stderr=True).print(Text("error:", style="bold red"), printable(str(error)))
            raise typer.Exit(error.exit_code) from None
        except ClickUsageError as error:  # a bad option or argument of a command, as one line too
            where = f" (see `{error.ctx.command_path} --help`)" if error.ctx is not None else ""
            _Terminal(stderr=True).print(Text("error:", style="bold red"), printable(error.format_message() + where))
            raise typer.Exit(UsageError.exit_code) from None
        except KeyboardInterrupt:
            raise typer.Exit(130) from None


_CONTEXT = {"help_option_names": ["-h", "--help"]}
app = typer.Typer(cls=_Group, no_args_is_help=True, context_settings=_CONTEXT, add_completion=False, rich_markup_mode=None,
                  help="Offline translation of news articles into reviewed English and Japanese editions.")
models_app = typer.Typer(cls=_Group, no_args_is_help=True, context_settings=_CONTEXT, help="List and install Argos Translate model packages.")
glossary_app = typer.Typer(cls=_Group, no_args_is_help=True, context_settings=_CONTEXT, help="Exchange the term glossary as TBX.")
app.add_typer(models_app, name="models")
app.add_typer(glossary_app, name="glossary")
xliff_app = typer.Typer(cls=_Group, no_args_is_help=True, context_settings=_CONTEXT, help="Exchange catalogs with CAT tools as XLIFF 1.2.")
app.add_typer(xliff_app, name="xliff")
tm_app = typer.Typer(cls=_Group, no_args_is_help=True, context_settings=_CONTEXT, help="The translation memory: reviewed pairs reused before MT.")
app.add_typer(tm_app, name="tm")



# -- shared options ----------------------------------------------------------------

#: A catalog name: one file-name stem, no path separators, not hidden.
_CATALOG_NAME = re.compile(r"[^\W][\w.-]{0,99}")


def _catalog_name(name: str | None) -> str | None:
    """--name names a catalog inside the locales folder; it is never a path."""
    if name is not None and not _CATALOG_NAME.fullmatch(name):
        raise UsageError(f"--name '{printable(name)}' is not a catalog name: use letters, digits, '.', '_' "
                         "and '-', not starting with '.' or '-' (e.g. article-2)")
    return name


SourcesArg = Annotated[Optional[list[Path]], typer.Argument(
    help="Scraped pages (.txt or .html) or folders of them. Default: the bundled ETtoday page.",
    show_default=False)]
NameOpt = Annotated[Optional[str], typer.Option(
    "--name", callback=_catalog_name, help=f"Catalog name for a single page (locales/<lang>/LC_MESSAGES/<name>.po). Default: {DEFAULT_NAME}.")]
def _targets(values: list[str]) -> list[str]:
    """--to en --to ja, --to en,ja, --to EN, --to en-US: each language once, in order."""
    from l10n.languages import target_language

    return list(dict.fromkeys(target_language(tag) for value in values for tag in value.split(",") if tag.strip()))


ToOpt = Annotated[list[str], typer.Option("--to", callback=_targets, metavar="LANG",
                                          help=f"Target language: {', '.join(TARGET_LANGUAGES)}; repeat or "
                                               "separate with commas for both (--to en,ja).")]
SourceLanguageOpt = Annotated[Optional[str], typer.Option(
    "--from", help="Source language: zh-Hant, zh-Hans or ja. Default: detected from the page.")]
LocalesOpt = Annotated[Optional[Path], typer.Option("--locales", help="Catalog folder. Default: locales/ of the project.")]
GlossaryOpt = Annotated[Optional[Path], typer.Option("--glossary", help="Glossary file. Default: glossary/terms.toml.")]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing but errors.")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print the result as JSON on stdout.")]


def _options(**flags) -> Options:
    return resolve_options(flags)


def _out(quiet: bool = False) -> Console:
    return _Terminal(quiet=quiet)


def _notices(notices, quiet: bool) -> None:
    err = _Terminal(stderr=True, quiet=quiet)
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
        elif path.exists():
            raise InputError(f"{path}: is {file_kind(path)}, not a page file", path=path)
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
            data = read_regular(file)
        except NotAFileError as error:
            raise InputError(f"{file}: {error}", path=file) from None
        except OSError as error:
            raise InputError(f"{file}: {error.strerror}", path=file) from None
        sources.append(Source(catalog, str(file), data))
    return sources


def _slug(stem: str) -> str:
    slug = re.sub(r"[^\w.-]+", "-", stem).strip("-.")[:100]
    return slug if _CATALOG_NAME.fullmatch(slug) else DEFAULT_NAME


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
            sys.stdout.write(printable(text, keep="\n\t"))
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
    beam_size: Annotated[Optional[int], typer.Option("--beam-size", help="Beam size, 1-16 (argostranslate's: 4; 1 = greedy, faster).")] = None,
    threads: Annotated[Optional[int], typer.Option("--threads", help="CPU threads for decoding, 0-256 (0 = all cores).")] = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Fresh MT without the draft cache: neither read nor write it, nor reuse earlier drafts.")] = False,
    redraft: Annotated[bool, typer.Option("--redraft", help="Fresh MT for every segment, bypassing reused drafts and the cache (human work is never replaced).")] = False,
    accept_large_change: Annotated[bool, typer.Option("--accept-large-change", help="Merge even when most sentences changed (their translations are kept as obsolete).")] = False,
    fail_fast: Annotated[bool, typer.Option("--fail-fast", help="Stop at the first page that fails, writing nothing (default: translate the other pages).")] = False,
    accept_exact: Annotated[bool, typer.Option("--accept-exact", help="File translation-memory matches as reviewed when the sentence and both neighbours match (default: fuzzy, for review).")] = False,
    no_mt: Annotated[bool, typer.Option("--no-mt", help="Without a model, leave the segments that need MT empty for translators instead of stopping.")] = False,
    executor: Annotated[Optional[str], typer.Option("--executor", help="Where MT runs: local (this process) or ray (a Ray cluster; pip install 'l10n[ray]').")] = None,
    ray_address: Annotated[Optional[str], typer.Option("--ray-address", help="Ray cluster to join (default: RAY_ADDRESS, else a local Ray).")] = None,
    actors: Annotated[Optional[int], typer.Option("--actors", help="With --executor ray: actors in the pool (1-1024).")] = None,
    actor_threads: Annotated[Optional[int], typer.Option("--actor-threads", help="With --executor ray: CPU threads per actor (1-256).")] = None,
    quiet: QuietOpt = False,
    as_json: JsonOpt = False,
) -> None:
    """Translate the article(s) into PO catalogs; reruns keep every reviewed entry."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from l10n.pipeline import translate as run

    options = _options(source_language=source_language, locales=locales, glossary=glossary, engine=engine,
                       beam_size=beam_size, threads=threads, cache="off" if no_cache else None,
                       executor=executor, ray_address=ray_address, actors=actors, actor_threads=actor_threads)
    languages = _languages(to)
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
            accept_large_change=accept_large_change, fail_fast=fail_fast, accept_exact=accept_exact, no_mt=no_mt,
            on_start=started, on_progress=lambda done: progress.advance(task, done),
        )
    finally:
        progress.stop()
    _notices(report.notices, quiet or as_json)
    errors = _Terminal(stderr=True)
    for failure in report.failures:
        errors.print(Text("error:", style="bold red"), printable(failure.message))
    if report.failures:
        reasons = {}
        for failure in report.failures:
            reasons[failure.reason] = reasons.get(failure.reason, 0) + 1
        summary = ", ".join(f"{count} {reason}" for reason, count in reasons.items())
        errors.print(f"{report.pages} pages: {report.pages - len(report.failures)} ok, "
                     f"{len(report.failures)} failed ({summary})", markup=False)
    if as_json:
        print(_json_text({
            "notices": report.notices,
            "cache_hits": report.cache_hits,
            "model_load_seconds": round(report.model_load_seconds, 3),
            "catalogs": [{**asdict(c), "path": str(c.path), "stats": asdict(c.stats)} for c in report.catalogs],
            "failures": [asdict(f) for f in report.failures],
        }, ensure_ascii=False, indent=2))
        raise typer.Exit(report.exit_code)
    table = Table(title="l10n translate")
    for column in ("catalog", "segs", "MT", "TM", "kept", "changed", "obsolete", "flagged", "reviewed"):
        table.add_column(column, justify="left" if column == "catalog" else "right", no_wrap=column == "catalog")
    for c in report.catalogs:
        table.add_row(f"{c.name} → {c.language}", str(c.stats.total), str(c.drafted), str(c.memory), str(c.kept),
                      str(c.changed), str(c.obsoleted), str(c.flagged), f"{c.stats.reviewed}/{c.stats.total}")
    out = _out(quiet)
    out.print(table)
    for c in report.catalogs:
        out.print(f"{c.path}: {'written' if c.written else 'unchanged'}", markup=False)
    raise typer.Exit(report.exit_code)


def _languages(to: list[str]) -> list[str]:
    return to  # parsed by _targets


@app.command("score")
def score_command(
    to: ToOpt,
    name: NameOpt = None,
    drafts: Annotated[bool, typer.Option("--drafts", help="Score the machine drafts instead of the reviewed entries.")] = False,
    worst: Annotated[int, typer.Option("--worst", help="Segments to list, worst chrF first (0 = all).")] = 10,
    locales: LocalesOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """BLEU and chrF (sacrebleu) against the reference translations, per language."""
    from l10n.quality import score_article
    from l10n.score import format_signature

    results = score_article(_options(locales=locales), name or DEFAULT_NAME, _languages(to),
                            kind="drafts" if drafts else "reviewed")
    if as_json:
        print(_json_text([{
            "language": r.language, "scored": r.kind, "bleu": r.bleu, "chrf": r.chrf,
            "signature": dict(r.signature), "sacrebleu_bleu_signature": r.bleu_signature,
            "sacrebleu_chrf_signature": r.chrf_signature, "missing": list(r.missing),
            "segments": [asdict(s) for s in r.segments],
        } for r in results], ensure_ascii=False, indent=2))
        return
    out = _out()
    for result in results:
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


class OutputFormat(str, Enum):
    text = "text"
    json = "json"
    junit = "junit"
    sarif = "sarif"


@app.command("check")
def check_command(
    to: ToOpt,
    name: NameOpt = None,
    allow_fuzzy: Annotated[bool, typer.Option("--allow-fuzzy", help="Do not fail on unreviewed (fuzzy) entries.")] = False,
    allow_untranslated: Annotated[bool, typer.Option("--allow-untranslated", help="Do not fail on empty entries.")] = False,
    locales: LocalesOpt = None,
    glossary: GlossaryOpt = None,
    output_format: Annotated[OutputFormat, typer.Option("--format", help="text (path:line: severity: [check] message), json, junit or sarif.")] = OutputFormat.text,
    as_json: Annotated[bool, typer.Option("--json", help="Same as --format json.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Text: print errors only, no summary.")] = False,
) -> None:
    """The CI gate: every reference-free check on every article; scores where references exist. Exit 1 on any error."""
    from l10n.formats import render
    from l10n.quality import check_article

    result = check_article(_options(locales=locales, glossary=glossary), name or DEFAULT_NAME, _languages(to),
                           allow_fuzzy=allow_fuzzy, allow_untranslated=allow_untranslated)
    sys.stdout.write(render(result, "json" if as_json else output_format.value, quiet=quiet))
    if result.failed:
        raise typer.Exit(1)


@app.command("build")
def build_command(
    to: ToOpt,
    name: NameOpt = None,
    partial: Annotated[bool, typer.Option("--partial", help="Leave out unreviewed segments instead of failing.")] = False,
    locales: LocalesOpt = None,
    quiet: QuietOpt = False,
) -> None:
    """Write the edition (Markdown, standalone HTML) and the compiled .mo from reviewed entries only."""
    from l10n.quality import build_article

    for written in build_article(_options(locales=locales), name or DEFAULT_NAME, _languages(to), partial=partial):
        if written.missing:
            _notices([f"{written.language}: left out {len(written.missing)} unreviewed segments: "
                      f"{', '.join(written.missing)}"], quiet)
        for path in written.paths:
            _out(quiet).print(f"wrote {path}", markup=False)


@app.command("report")
def report_command(
    to: ToOpt,
    name: NameOpt = None,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="HTML file to write (one language). Default: locales/<lang>/<name>.report.html.")] = None,
    locales: LocalesOpt = None,
    glossary: GlossaryOpt = None,
    quiet: QuietOpt = False,
) -> None:
    """A standalone HTML review report: source, MT draft, reviewed text and reference side by side, with the problems l10n check finds."""
    from l10n.quality import report_article

    for path in report_article(_options(locales=locales, glossary=glossary), name or DEFAULT_NAME, _languages(to),
                               output=output):
        _out(quiet).print(f"wrote {path}", markup=False)


@app.command("tmx")
def tmx_command(
    to: ToOpt,
    name: NameOpt = None,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="TMX file (one language). Default: locales/<lang>/<name>.tmx.")] = None,
    locales: LocalesOpt = None,
    quiet: QuietOpt = False,
) -> None:
    """Export the reviewed sentence pairs as TMX 1.4 (translation memory)."""
    from l10n.quality import export_tmx

    for written in export_tmx(_options(locales=locales), name or DEFAULT_NAME, _languages(to), output=output):
        _out(quiet).print(f"wrote {written.paths[0]}: {written.pairs} reviewed pairs", markup=False)


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


@xliff_app.command("export")
def xliff_export(
    to: ToOpt,
    name: NameOpt = None,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="XLIFF file (one language). Default: locales/<lang>/<name>.xlf.")] = None,
    locales: LocalesOpt = None,
) -> None:
    """Write the catalog as XLIFF 1.2: segment ids as unit ids, reviewed entries approved."""
    from l10n.interchange import export_xliff
    from l10n.workspace import ArticleFiles

    options = _options(locales=locales)
    languages = _languages(to)
    if output is not None and len(languages) > 1:
        raise UsageError("--output takes one language; leave it out to write one file per language")
    for language in languages:
        target, count = export_xliff(ArticleFiles(options.locales, name or DEFAULT_NAME), language, output)
        _out().print(f"wrote {target}: {count} units", markup=False)


@xliff_app.command("import")
def xliff_import(
    source: Annotated[Path, typer.Argument(help="XLIFF file from a CAT tool (its target-language picks the catalog).")],
    name: NameOpt = None,
    locales: LocalesOpt = None,
) -> None:
    """Take translations back from XLIFF: approved units become reviewed entries, others fuzzy."""
    from l10n.interchange import import_xliff
    from l10n.workspace import ArticleFiles

    options = _options(locales=locales)
    catalog, reviewed, fuzzy, skipped = import_xliff(ArticleFiles(options.locales, name or DEFAULT_NAME), source)
    if skipped:
        _notices([f"{source}: skipped {len(skipped)} units whose segment or sentence is not in {catalog}: "
                  + ", ".join(skipped[:10]) + (" …" if len(skipped) > 10 else "")], False)
    _out().print(f"{catalog}: {reviewed} reviewed and {fuzzy} fuzzy translations from {source}", markup=False)


@tm_app.command("import")
def tm_import(
    source: Annotated[Path, typer.Argument(help="TMX file (Chinese source; English and/or Japanese targets).")],
    locales: LocalesOpt = None,
) -> None:
    """Add a TMX file to the translation memory (copied to locales/tm/)."""
    from l10n.memory import import_tmx

    options = _options(locales=locales)
    stored, counts = import_tmx(source, options.locales)
    _out().print(f"imported {source} as {stored}: "
                 + ", ".join(f"{count} {language} pairs" for language, count in counts.items()), markup=False)


@tm_app.command("stats")
def tm_stats(locales: LocalesOpt = None) -> None:
    """Sentence pairs in the translation memory, per language and file."""
    from l10n.memory import TranslationMemory, index_path

    options = _options(locales=locales)
    with TranslationMemory(options.locales, index_path(options.locales, options.cache_dir)) as memory:
        memory.refresh()
        rows = memory.summary()
    table = Table(title=f"translation memory ({options.locales})")
    for column in ("language", "file", "pairs"):
        table.add_column(column, justify="right" if column == "pairs" else "left")
    for language, file, count in rows:
        table.add_row(language, file, str(count))
    _out().print(table if rows else "the translation memory is empty")


# -- models -----------------------------------------------------------------------------------


@models_app.command("list")
def models_list(
    available: Annotated[bool, typer.Option("--available", help="Also list the packages of the Argos index (needs network).")] = False,
) -> None:
    """Installed translation packages and the language routes they give."""
    from l10n.models import fetch_index, find_route, index_url, installed_packages, packages_dir, preferred
    from l10n.errors import NoModelError

    directory = packages_dir()
    packages = installed_packages(directory)
    out = _out()
    table = Table(title=f"installed packages ({directory})")
    for column in ("package", "version", "from", "to", "used", "path"):
        table.add_column(column)
    used = set(preferred(packages).values())
    for package in packages:
        table.add_row(package.name, package.version, package.from_code, package.to_code,
                      "yes" if package in used else "no", str(package.path))
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
