"""``l10n translate``: pages in, reviewed-safe PO catalogs out.

The stages are pure functions over dataclasses; this module is the edge
where files are read and written. A run decides everything before it writes
anything: the glossary and model routes are checked first, catalogs are read
(strictly) and planned, only the segments without a reusable draft go through
MT (all articles and languages batched, each model loaded once), and the
outputs of the whole run are written at the end, all or none
(``files.commit``).

A corpus run keeps going when a page fails: the page is reported with its
reason and the other pages are written. A catalog an editor saves while the
run translates is merged again, their save first, before it is replaced.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path

import polib

from l10n import __version__
from l10n import catalog as po
from l10n.article import Article, Segment, format_article, parse_article
from l10n.cache import DraftCache
from l10n.engine import Engine, open_engine, shaping_options
from l10n.errors import BusyError, CatalogMismatchError, DataFileError, InputError, L10nError, NoModelError, WriteError
from l10n.extract import decode_page, extract_article
from l10n.files import STAGING, ConflictError, Replacement, check_writable, commit, digest, read_bytes, recover
from l10n.glossary import Glossary, TermMatch, load_glossary, lock, restore
from l10n.memory import TranslationMemory, index_path, lookup_all, suggestion_lines
from l10n.segment import SEGMENTER, segment_article
from l10n.settings import Options
from l10n.workspace import ArticleFiles

#: Sentences per engine call; the progress bar advances per call. Large enough
#: that CTranslate2 still sorts a whole chunk by length into full batches.
PROGRESS_CHUNK = 256
#: Seconds a second run waits for the first to finish writing the same catalogs.
LOCK_TIMEOUT = 10.0
LOCK_NAME = ".l10n.lock"
#: How often a run merges again catalogs that editors keep saving while it
#: writes, before it gives up (exit 6). Each merge takes well under a second.
MAX_REMERGES = 5
#: Template header fields: digests of the cleaned article the catalogs were made
#: from and of the page's own text, so a reviewer's edit of locales/<name>.txt
#: is recognised, on this run and the next ones.
ARTICLE_FIELD = "X-L10n-Article"
EXTRACTED_FIELD = "X-L10n-Extracted"


@dataclass(frozen=True)
class Source:
    name: str  # catalog name: locales/<lang>/LC_MESSAGES/<name>.po
    label: str  # for messages: the file path, or "the bundled page"
    data: bytes


@dataclass(frozen=True)
class Prepared:
    source: Source
    article: Article
    segments: tuple[Segment, ...]
    notices: tuple[str, ...]
    edited: bool = False  # the article is the reviewer's edit of locales/<name>.txt


@dataclass(frozen=True)
class CatalogReport:
    name: str
    language: str
    path: Path
    stats: po.Stats
    drafted: int  # new machine drafts
    memory: int  # translations taken from the translation memory
    kept: int  # entries kept as they were
    changed: int  # sentences whose source changed
    obsoleted: int
    flagged: int  # drafts with a lost or repeated term
    written: bool


@dataclass(frozen=True)
class PageFailure:
    """A page that was not translated, and why (one line)."""

    name: str
    label: str
    reason: str  # e.g. "unusable page", "broken catalog"
    message: str
    exit_code: int


@dataclass
class TranslateReport:
    catalogs: list[CatalogReport] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    failures: list[PageFailure] = field(default_factory=list)
    pages: int = 0
    cache_hits: int = 0
    model_load_seconds: float = 0.0

    @property
    def exit_code(self) -> int:
        """0, or the exit code of the first failing page."""
        return self.failures[0].exit_code if self.failures else 0


#: Failure reasons for the summary, by error type (first match wins).
_REASONS = ((CatalogMismatchError, "different article"), (DataFileError, "broken data file"),
            (InputError, "unusable page"), (NoModelError, "no model"), (L10nError, "error"))


def _failure(source: Source, error: L10nError) -> PageFailure:
    reason = next(name for kind, name in _REASONS if isinstance(error, kind))
    message = str(error)
    if source.label not in message:
        message = f"{source.label}: {message}"
    return PageFailure(source.name, source.label, reason, message, error.exit_code)


def prepare(source: Source, options: Options) -> Prepared:
    page = decode_page(source.data, name=source.label)
    extraction = extract_article(page, language=options.source_language)
    segments = tuple(segment_article(extraction.article))
    return Prepared(source, extraction.article, segments, extraction.notices)


class Engines:
    """The run's engines, one per language pair, each model loaded at most
    once, and the run's numbers about them."""

    def __init__(self, options: Options, *, fresh: bool):
        self.options = options
        self._cache = DraftCache(options.cache_dir, reuse=not fresh) if options.cache_dir is not None else None
        self._models: dict = {}  # package path → model engine, shared across routes
        self._pairs: dict[tuple[str, str], Engine] = {}

    def find(self, source: str, target: str) -> Engine | NoModelError:
        """The engine for a pair, or the NoModelError that says how to install one."""
        try:
            return self.get(source, target)
        except NoModelError as error:
            return error

    def get(self, source: str, target: str) -> Engine:
        """The engine for a pair; NoModelError if no route is installed."""
        if (source, target) not in self._pairs:
            self._pairs[source, target] = open_engine(self.options.engine, source, target, self.options,
                                                      cache=self._cache, loaded=self._models)
        return self._pairs[source, target]

    @property
    def cache_hits(self) -> int:
        return sum(model.hits for model in self._models.values())

    @property
    def load_seconds(self) -> float:
        return sum(model.load_seconds for model in self._models.values())


def tidy_spacing(text: str, language: str) -> str:
    """Japanese has no spaces between words or sentences; models and term
    restoration leave some (「北海道 千歳市」, 「…した。 次に」)."""
    if language != "ja":
        return text
    wide = r"[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]"
    return re.sub(rf"(?<={wide}) +| +(?={wide})", "", text).strip()


#: The problem line of a draft cut short by the model's length limits.
TRUNCATED = "the machine translation was cut off at the model's length limit: this draft is incomplete"


def draft_segments(engine: Engine, segments: Sequence[Segment], matches: Sequence[list[TermMatch]],
                   language: str, progress: Callable[[int], None]) -> list[po.Draft]:
    """Lock terms, translate in batches, restore terms: one Draft per segment."""
    locked = [lock(segment.source, found) for segment, found in zip(segments, matches)]
    drafts = []
    for start in range(0, len(segments), PROGRESS_CHUNK):
        chunk = locked[start : start + PROGRESS_CHUNK]
        for item, (best, *_) in zip(chunk, engine.hypotheses([item.text for item in chunk], 1)):
            replacements = [match.term.target(language) for match in item.matches]
            restored = restore(item, best.text, replacements)
            problems = tuple(problem.message for problem in restored.problems if problem.serious)
            if best.truncated:
                problems += (TRUNCATED,)
            drafts.append(po.Draft(tidy_spacing(restored.text, language), engine.signature, problems))
        progress(len(chunk))
    return drafts


def draft_key(engine: Engine, glossary: Glossary, options: Options, language: str) -> str:
    """Digest of everything that shapes a draft: the model's files, the
    glossary, the decoding options, the segmenter and l10n itself."""
    material = [__version__, engine.fingerprint, glossary.digest, SEGMENTER,
                shaping_options(options.decoding), language]
    return hashlib.sha256(json.dumps(material, sort_keys=True).encode("utf-8")).hexdigest()[:16]


@dataclass
class _Page:
    """One article, with the files of it this run read, as it read them."""

    item: Prepared
    files: ArticleFiles
    read: dict[Path, bytes | None]  # path → its bytes when read (None: absent)
    extracted: str = ""  # digest of the page's own text, when the article is a reviewer's edit


@dataclass
class _Job:
    """One article into one language."""

    page: _Page
    language: str
    engine: Engine | None  # None: no model installed for the pair
    key: str  # draft_key ("" without a model)
    old: polib.POFile | None  # the review catalog as read
    machine: dict[tuple[str, str], str]  # last machine draft of each (id, sentence)
    drafts: dict[str, po.Draft]  # segment id → draft (reused ones first, then this run's)
    missing: list[Segment]  # segments MT drafts in this run
    reuse: dict[str, po.Reuse] = field(default_factory=dict)  # segment id → translation from the memory
    suggestions: dict[str, list[str]] = field(default_factory=dict)  # segment id → similar sentences' notes

    @property
    def path(self) -> Path:
        return self.page.files.catalog(self.language)


def _read_catalog(page: _Page, path: Path) -> polib.POFile | None:
    data = read_bytes(path)
    page.read[path] = data
    return None if data is None else po.parse_catalog(data, path)


def _read_header(page: _Page, path: Path) -> polib.POFile | None:
    """Only the header of a catalog l10n writes whole every run (the template):
    its entries are never read back, so only the header is parsed."""
    data = read_bytes(path)
    page.read[path] = data
    if data is None:
        return None
    return po.parse_catalog(data.split(b"\n\n", 1)[0] + b"\n", path)


def _open_page(item: Prepared, options: Options) -> _Page:
    """The page with its cleaned article. A reviewer's edit of
    locales/<name>.txt is the source of truth for as long as it differs from
    the page's own text (the template records what l10n wrote)."""
    files = ArticleFiles(options.locales, item.source.name)
    page = _Page(item, files, {})
    template = _read_header(page, files.template)
    article_data = read_bytes(files.article)
    page.read[files.article] = article_data
    if article_data is None or template is None or ARTICLE_FIELD not in template.metadata:
        return page
    current = _short(article_data)
    made_from = template.metadata[ARTICLE_FIELD]
    edited_before = made_from != template.metadata.get(EXTRACTED_FIELD, made_from)
    if current == _short(format_article(item.article).encode("utf-8")) or (current == made_from and not edited_before):
        return page
    try:
        text = article_data.decode("utf-8")
    except UnicodeDecodeError:
        raise DataFileError("not UTF-8 text", path=files.article) from None
    language = template.metadata.get("X-L10n-Source-Language") or item.article.language
    article = parse_article(text, path=files.article, language=language)
    notice = (f"{files.article} was edited by a reviewer: translating the edited text "
              "(delete the file to take the page's text again)")
    page.item = replace(item, article=article, segments=tuple(segment_article(article)),
                        notices=(*item.notices, notice), edited=True)
    page.extracted = _short(format_article(item.article).encode("utf-8"))
    return page


def _short(data: bytes) -> str:
    return digest(data)[:16]


@dataclass(frozen=True)
class _Reading:
    """One catalog and its drafts as read, and what a merge would do."""

    old: polib.POFile | None
    earlier: polib.POFile | None
    machine: dict[tuple[str, str], str]
    plan: po.MergePlan


def _read(page: _Page, language: str, *, accept_large_change: bool) -> _Reading:
    """Read (strictly) a page's catalog and drafts for one language; refuses a
    broken catalog or one of another article before anything else happens."""
    old = _read_catalog(page, page.files.catalog(language))
    earlier = _read_catalog(page, page.files.drafts(language))
    machine = po.machine_texts(earlier)
    plan = po.plan_merge(old, page.item.segments, machine=machine, accept_large_change=accept_large_change,
                         path=page.files.catalog(language))
    return _Reading(old, earlier, machine, plan)


def _plan(page: _Page, language: str, reading: _Reading, engine: Engine | NoModelError, glossary: Glossary,
          options: Options, memory: TranslationMemory, *, fresh: bool, accept_exact: bool, no_mt: bool) -> _Job:
    """What one catalog needs. Segments with human work need no MT; those
    whose sentence the memory holds get its translation instead; the rest go
    to MT — and without a model that is an error, unless ``no_mt`` leaves
    them empty for translators."""
    old, earlier, machine, plan = reading.old, reading.earlier, reading.machine, reading.plan
    segments = page.item.segments
    own = page.files.catalog(language).relative_to(options.locales).as_posix()
    sources = [segment.source for segment in segments]
    found = lookup_all(memory, language, sources, exclude=own, only={i for i, s in enumerate(segments)
                                                                     if s.id in plan.redrafted})
    reuse, suggestions = {}, {}
    for segment, (exact, similar) in zip(segments, found):
        if exact:
            best = exact[0]
            reuse[segment.id] = po.Reuse(best.target, best.origin, reviewed=accept_exact and best.in_context)
        suggestions[segment.id] = [line for match in similar for line in suggestion_lines(match, segment.source)]
    if isinstance(engine, NoModelError):
        needed = [s for s in segments if s.id in plan.redrafted and s.id not in reuse
                  and not (s.id in plan.previous and po.has_text(plan.previous[s.id]))]
        if needed and not no_mt:
            raise _needs_model(page.item, len(needed), engine)
        return _Job(page, language, None, "", old, machine, {}, [], reuse, suggestions)
    key = draft_key(engine, glossary, options, language)
    reusable = {} if fresh else po.read_drafts(earlier, key)
    drafts = {s.id: reusable[s.id, s.source] for s in segments if (s.id, s.source) in reusable}
    missing = [s for s in segments if s.id not in drafts and s.id not in reuse]
    return _Job(page, language, engine, key, old, machine, drafts, missing, reuse, suggestions)


def _needs_model(item: Prepared, needed: int, error: NoModelError) -> NoModelError:
    return NoModelError(f"{item.source.label}: {needed} of {len(item.segments)} segments need machine translation "
                        f"and there is {error}; or use --no-mt to leave them empty for translators",
                        source=error.source, target=error.target)


def translate(sources: Sequence[Source], languages: Sequence[str], options: Options, *, redraft: bool = False,
              accept_large_change: bool = False, fail_fast: bool = False, accept_exact: bool = False,
              no_mt: bool = False,
              on_start: Callable[[int], None] = lambda total: None,
              on_progress: Callable[[int], None] = lambda done: None) -> TranslateReport:
    """Translate every page into every language. A page that fails is
    reported and skipped (with ``fail_fast``, or for a single page, its error
    is raised and nothing is written)."""
    report = TranslateReport(pages=len(sources))
    raise_errors = fail_fast or len(sources) == 1
    fresh = redraft or options.cache_dir is None  # --redraft and --no-cache mean fresh MT

    def failed(source: Source, error: L10nError) -> None:
        if raise_errors:
            raise error
        report.failures.append(_failure(source, error))

    glossary = load_glossary(options.glossary)
    prepared = []
    for source in sources:
        try:
            prepared.append(prepare(source, options))
        except L10nError as error:
            failed(source, error)
    engines = Engines(options, fresh=fresh)
    # Every model route is looked up before any work; a missing one matters
    # only for a page with segments that neither people nor the memory cover.
    routed = []
    for item in prepared:
        engine_of = {language: engines.find(item.article.language, language) for language in languages}
        missing = next((error for error in engine_of.values() if isinstance(error, NoModelError)), None)
        if missing is not None and not no_mt and not options.locales.exists():
            failed(item.source, _needs_model(item, len(item.segments), missing))  # no catalog, no memory yet
        else:
            routed.append((item, engine_of))

    with _catalog_lock(options.locales):
        recover(options.locales / STAGING)
        readings = []
        for item, engine_of in routed:
            try:
                page = _open_page(item, options)
                readings.append((page, engine_of, {language: _read(page, language, accept_large_change=accept_large_change)
                                                   for language in languages}))
            except L10nError as error:
                failed(item.source, error)
        # The memory's index is touched only once every catalog has been read.
        jobs: list[_Job] = []
        with TranslationMemory(options.locales, index_path(options.locales, options.cache_dir)) as memory:
            memory.refresh()
            for page, engine_of, read in readings:
                try:
                    jobs += [_plan(page, language, read[language], engine_of[language], glossary, options, memory,
                                   fresh=fresh, accept_exact=accept_exact, no_mt=no_mt) for language in languages]
                except L10nError as error:
                    failed(page.item.source, error)
        pages = list({id(job.page): job.page for job in jobs}.values())
        for page in pages:
            report.notices += page.item.notices
        terms = {page.item.source.name: {s.id: glossary.find(s.source) for s in page.item.segments}
                 for page in pages}

        on_start(sum(len(job.missing) for job in jobs))
        _draft_missing(jobs, terms, on_progress)
        report.cache_hits = engines.cache_hits
        report.model_load_seconds = engines.load_seconds

        created = _now()
        for _ in range(MAX_REMERGES + 1):
            outputs: dict[Path, str] = {}
            catalogs = []
            for page in pages:
                outputs.update(_render_page(page, terms[page.item.source.name], glossary, options, created))
            for job in jobs:
                texts, catalog_report = _render_job(job, terms[job.page.item.source.name], glossary, options,
                                                    created, accept_large_change)
                outputs.update(texts)
                catalogs.append(catalog_report)
            read = {path: data for page in pages for path, data in page.read.items()}
            changed = {path: text for path, text in outputs.items() if not _unchanged(read[path], text)}
            try:
                commit([Replacement(path, text.encode("utf-8"), digest(read[path])) for path, text in changed.items()],
                       options.locales / STAGING, inputs={page.files.article: digest(page.read[page.files.article])
                                                          for page in pages})
                break
            except ConflictError as conflict:
                # An editor saved while this run translated: merge again against their save.
                job = next((job for job in jobs if job.path == conflict.path), None)
                if job is None:
                    raise BusyError(f"{conflict.path} was changed while translating; nothing was written: "
                                    "run `l10n translate` again") from None
                try:
                    job.old = _read_catalog(job.page, job.path)
                    po.plan_merge(job.old, job.page.item.segments, machine=job.machine,
                                  accept_large_change=accept_large_change, path=job.path)
                except L10nError as error:
                    failed(job.page.item.source, error)
                    pages = [page for page in pages if page is not job.page]
                    jobs = [other for other in jobs if other.page is not job.page]
        else:
            raise BusyError(f"catalogs kept changing while translating ({MAX_REMERGES} merges); nothing was "
                            "written: run `l10n translate` again when editors have saved")
        report.catalogs = [replace(c, written=c.path in changed) for c in catalogs]
    return report


def _draft_missing(jobs: list[_Job], terms, on_progress: Callable[[int], None]) -> None:
    """Draft every segment without a reusable draft: every article of the run
    in one batch per language pair."""
    for engine in {id(job.engine): job.engine for job in jobs if job.engine is not None}.values():
        mine = [job for job in jobs if job.engine is engine]
        segments = [segment for job in mine for segment in job.missing]
        matches = [terms[job.page.item.source.name][segment.id] for job in mine for segment in job.missing]
        made = iter(draft_segments(engine, segments, matches, mine[0].language, on_progress))
        for job in mine:
            job.drafts.update((segment.id, next(made)) for segment in job.missing)


def _reference(files: ArticleFiles, options: Options) -> str:
    return os.path.relpath(files.article, options.root)


def _render_page(page: _Page, terms, glossary: Glossary, options: Options, created: str) -> dict[Path, str]:
    """The cleaned article (unless it is the reviewer's) and the template."""
    item, files = page.item, page.files
    article_text = format_article(item.article)
    outputs = {} if item.edited else {files.article: article_text}
    written = _short(page.read[files.article] if item.edited else article_text.encode("utf-8"))
    signature = po.Signature(item.article.language, SEGMENTER, glossary.digest)
    template_terms = {s.id: po.term_lines(terms[s.id]) for s in item.segments}
    template = po.template(item.segments, template_terms, reference=_reference(files, options),
                           name=item.source.name, signature=signature, created=created)
    template.metadata[ARTICLE_FIELD] = written
    template.metadata[EXTRACTED_FIELD] = page.extracted or written
    outputs[files.template] = _keep_dates(po.render(template), page.read[files.template])
    return outputs


def _render_job(job: _Job, terms, glossary: Glossary, options: Options, created: str,
                accept_large_change: bool) -> tuple[dict[Path, str], CatalogReport]:
    item, name, language = job.page.item, job.page.item.source.name, job.language
    files = job.page.files
    reference = _reference(files, options)
    engine_signature = job.engine.signature if job.engine is not None else ""
    signature = po.Signature(item.article.language, SEGMENTER, glossary.digest, engine_signature)
    outputs = {}
    drafts_file = files.drafts(language)
    if job.engine is not None:  # without a model, the drafts of earlier runs stay as they are
        drafts_header = po.new_catalog(language, name=name, signature=signature, created=created)
        drafts_header.metadata[po.DRAFT_KEY_FIELD] = job.key
        drafts_catalog = po.drafts_catalog(item.segments, job.drafts, reference=reference, catalog=drafts_header)
        outputs[drafts_file] = _keep_dates(po.render(drafts_catalog), job.page.read[drafts_file])

    old = job.old
    if old is None and job.page.read[job.path] is not None:  # a re-merge: the last one took the entries over
        old = po.parse_catalog(job.page.read[job.path], job.path)
    job.old = None
    header = po.new_catalog(language, name=name, signature=signature, created=created)
    if old is not None:
        header.metadata = {**header.metadata, **_translator_fields(old.metadata)}
        if job.engine is None and "X-L10n-Engine" in old.metadata:
            header.metadata["X-L10n-Engine"] = old.metadata["X-L10n-Engine"]  # what made the drafts it holds
    term_lines = {s.id: po.term_lines(terms[s.id]) for s in item.segments}  # as in the template
    merged, counts = po.assemble(old, item.segments, job.drafts, term_lines, machine=job.machine, header=header,
                                 reference=reference, accept_large_change=accept_large_change, path=job.path,
                                 reuse=job.reuse, suggestions=job.suggestions)
    report = CatalogReport(name, language, job.path, po.stats(merged), counts.drafted, counts.memory, counts.kept,
                           counts.changed, counts.obsoleted, counts.flagged, written=False)
    outputs[job.path] = _keep_dates(po.render(merged), job.page.read[job.path])
    return outputs, report


def _now() -> str:
    # SOURCE_DATE_EPOCH makes catalogs reproducible (reproducible-builds.org).
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = datetime.fromtimestamp(int(epoch), timezone.utc) if epoch else datetime.now(timezone.utc)
    return moment.strftime("%Y-%m-%d %H:%M+0000")


_DATES = re.compile(r'^"(?:POT-Creation-Date|PO-Revision-Date): .*\\n"\n', re.M)


def _same_except_dates(old_text: str, new_text: str) -> bool:
    return _DATES.sub("", old_text) == _DATES.sub("", new_text)


def _decoded(data: bytes | None) -> str | None:
    try:
        return None if data is None else data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _keep_dates(text: str, old: bytes | None) -> str:
    """Keep the old file's dates when nothing else changed, so reruns are no-ops."""
    old_text = _decoded(old)
    if old_text and _same_except_dates(old_text, text):
        return old_text
    return text


def _unchanged(old: bytes | None, text: str) -> bool:
    """Whether writing ``text`` would change nothing but the layout: a catalog
    an editor re-wrapped (Poedit wraps at 79 columns) and that says the same is
    left as the editor saved it."""
    old_text = _decoded(old)
    if old_text is None:
        return False
    if old_text == text:
        return True
    if not text.startswith(("#", "msgid")) or '\n"' not in old_text.split("\n\n", 1)[-1]:
        return False  # not a catalog, or one without wrapped strings after the header: not re-wrapped
    try:
        rewrapped = po.render(polib.pofile(old_text.removeprefix("\ufeff"), wrapwidth=0, check_for_duplicates=False))
    except (OSError, ValueError):
        return False
    return _same_except_dates(rewrapped, text)


def _translator_fields(metadata: dict[str, str]) -> dict[str, str]:
    """Header fields that belong to translators and their tools (Poedit, Weblate)."""
    ours = {"Project-Id-Version", "POT-Creation-Date", "Language", "MIME-Version", "Content-Type",
            "Content-Transfer-Encoding", "Plural-Forms"}
    return {key: value for key, value in metadata.items() if key not in ours and not key.startswith("X-L10n-")}


class _catalog_lock:
    """One writer per locales folder; a second run waits, then fails clearly."""

    def __init__(self, locales: Path):
        self.path = locales / LOCK_NAME

    def __enter__(self):
        from filelock import FileLock, Timeout

        check_writable([self.path])
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.lock = FileLock(str(self.path), timeout=LOCK_TIMEOUT)
            self.lock.acquire()
        except Timeout:
            raise BusyError(
                f"another l10n run is writing {self.path.parent} (lock {self.path}); try again when it is done"
            ) from None
        except OSError as error:
            raise WriteError(f"cannot write {self.path.parent}: {error.strerror}", path=self.path.parent) from None
        return self

    def __exit__(self, *exc):
        self.lock.release()
