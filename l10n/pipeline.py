"""``l10n translate``: pages in, reviewed-safe PO catalogs out.

The stages are pure functions over dataclasses; this module is the edge
where files are read and written. A run decides everything before it writes
anything: the glossary and model route are checked first, catalogs are
planned, only the segments that need a draft go through MT (all articles and
languages batched, the model loaded once), and the files are written at the
end, each atomically, only if their content changed.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from l10n import catalog as po
from l10n.article import Article, Segment, format_article
from l10n.cache import CachedEngine, DraftCache
from l10n.engine import Engine, open_engine
from l10n.errors import BusyError, WriteError
from l10n.extract import decode_page, extract_article
from l10n.files import atomic_write, check_writable
from l10n.glossary import TermMatch, lock, load_glossary, restore
from l10n.segment import SEGMENTER, segment_article
from l10n.settings import Options
from l10n.workspace import ArticleFiles

#: Sentences per engine call; the progress bar advances per call. Large enough
#: that CTranslate2 still sorts a whole chunk by length into full batches.
PROGRESS_CHUNK = 256
#: Seconds a second run waits for the first to finish writing the same catalogs.
LOCK_TIMEOUT = 10.0
LOCK_NAME = ".l10n.lock"


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


@dataclass(frozen=True)
class CatalogReport:
    name: str
    language: str
    path: Path
    stats: po.Stats
    drafted: int  # new machine drafts
    kept: int  # entries kept as they were
    changed: int  # sentences whose source changed
    obsoleted: int
    flagged: int  # drafts with a lost or repeated term
    written: bool


@dataclass
class TranslateReport:
    catalogs: list[CatalogReport] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    cache_hits: int = 0
    model_load_seconds: float = 0.0


def prepare(source: Source, options: Options) -> Prepared:
    page = decode_page(source.data, name=source.label)
    extraction = extract_article(page, language=options.source_language)
    segments = tuple(segment_article(extraction.article))
    return Prepared(source, extraction.article, segments, extraction.notices)


def open_engines(languages: Sequence[str], sources: set[str], options: Options,
                 loaded: dict) -> dict[tuple[str, str], Engine]:
    """Find a model route for every pair before any work; NoModelError otherwise."""
    cache = DraftCache(options.cache_dir) if options.cache_dir is not None else None
    return {
        (source, target): open_engine(options.engine, source, target, options, cache=cache, loaded=loaded)
        for source in sorted(sources)
        for target in languages
    }


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


@dataclass
class _Job:
    """One article into one language."""

    item: Prepared
    language: str
    engine: Engine
    old: object  # the existing review catalog, or None
    plan: po.MergePlan
    drafts: dict[str, po.Draft]  # segment id → draft, earlier ones first
    missing: list[Segment]  # segments without a draft by this engine


def _plan(item: Prepared, language: str, engine: Engine, options: Options, redraft: bool) -> _Job:
    files = ArticleFiles(options.locales, item.source.name)
    path = files.catalog(language)
    old = po.load_catalog(path) if path.exists() else None
    plan = po.plan_merge(old, item.segments, redraft=redraft, path=path)
    earlier_path = files.drafts(language)
    earlier = po.read_drafts(po.load_catalog(earlier_path) if earlier_path.exists() else None, engine.signature)
    drafts = {s.id: earlier[s.id, s.source] for s in item.segments if (s.id, s.source) in earlier}
    missing = [s for s in item.segments if s.id not in drafts]
    return _Job(item, language, engine, old, plan, drafts, missing)


def translate(sources: Sequence[Source], languages: Sequence[str], options: Options, *, redraft: bool = False,
              on_start: Callable[[int], None] = lambda total: None,
              on_progress: Callable[[int], None] = lambda done: None) -> TranslateReport:
    report = TranslateReport()
    glossary = load_glossary(options.glossary)
    prepared = [prepare(source, options) for source in sources]
    for item in prepared:
        report.notices += item.notices
    loaded: dict = {}  # the run's model engines, each loaded at most once
    engines = open_engines(languages, {item.article.language for item in prepared}, options, loaded)

    # Each sentence's glossary terms, found once for locking and for the comments.
    terms = {item.source.name: {s.id: glossary.find(s.source) for s in item.segments} for item in prepared}

    with _catalog_lock(options.locales):
        jobs = [_plan(item, language, engines[item.article.language, language], options, redraft)
                for item in prepared for language in languages]
        on_start(sum(len(job.missing) for job in jobs))
        for (_, language), engine in engines.items():
            # Every article of the run in one batch per language pair.
            mine = [job for job in jobs if job.engine is engine]
            segments = [segment for job in mine for segment in job.missing]
            matches = [terms[job.item.source.name][segment.id] for job in mine for segment in job.missing]
            made = iter(draft_segments(engine, segments, matches, language, on_progress))
            for job in mine:
                job.drafts.update((segment.id, next(made)) for segment in job.missing)
        report.cache_hits = sum(step.hits for step in loaded.values() if isinstance(step, CachedEngine))
        models = [step.inner if isinstance(step, CachedEngine) else step for step in loaded.values()]
        report.model_load_seconds = sum(getattr(model, "load_seconds", 0.0) for model in models)

        created = _now()
        outputs: dict[Path, str] = {}
        for item in prepared:
            files = ArticleFiles(options.locales, item.source.name)
            signature = po.Signature(item.article.language, SEGMENTER, glossary.digest)
            template_terms = {s.id: po.term_lines(terms[item.source.name][s.id], None) for s in item.segments}
            outputs[files.article] = format_article(item.article)
            template = po.template(item.segments, template_terms, reference=_reference(files, options), name=item.source.name,
                                   signature=signature, created=created)
            outputs[files.template] = _keep_dates(po.render(template), files.template)
        for job in jobs:
            outputs.update(_render_job(job, terms[job.item.source.name], glossary.digest, options, created, report))

        changed = {path: text for path, text in outputs.items() if _read(path) != text}
        check_writable(list(changed))
        for path, text in changed.items():
            atomic_write(path, text)
        report.catalogs = [CatalogReport(**{**vars(c), "written": c.path in changed}) for c in report.catalogs]
    return report


def _reference(files: ArticleFiles, options: Options) -> str:
    return os.path.relpath(files.article, options.root)


def _render_job(job: _Job, terms: Mapping[str, list[TermMatch]], glossary_digest: str, options: Options,
                created: str, report: TranslateReport) -> dict[Path, str]:
    item, name, language = job.item, job.item.source.name, job.language
    files = ArticleFiles(options.locales, name)
    reference = _reference(files, options)
    signature = po.Signature(item.article.language, SEGMENTER, glossary_digest, job.engine.signature)

    drafts_file = files.drafts(language)
    drafts_catalog = po.drafts_catalog(item.segments, job.drafts, reference=reference,
                                       catalog=po.new_catalog(language, name=name, signature=signature, created=created))

    header = po.new_catalog(language, name=name, signature=signature, created=created)
    if job.old is not None:
        header.metadata = {**header.metadata, **_translator_fields(job.old.metadata)}
    term_lines = {s.id: po.term_lines(terms[s.id], language) for s in item.segments}
    new_drafts = {segment.id: job.drafts[segment.id] for segment in job.plan.to_draft}
    obsoleted = sum(1 for entry in job.plan.obsolete if not entry.obsolete)
    merged = po.merge(job.plan, item.segments, new_drafts, term_lines, reference=reference, catalog=header)
    path = files.catalog(language)
    report.catalogs.append(CatalogReport(
        name, language, path, po.stats(merged),
        drafted=len(new_drafts),
        kept=len(job.plan.kept) - sum(1 for sid in new_drafts if sid in job.plan.kept),
        changed=len(job.plan.previous),
        obsoleted=obsoleted,
        flagged=sum(1 for draft in new_drafts.values() if draft.problems),
        written=False,
    ))
    return {
        drafts_file: _keep_dates(po.render(drafts_catalog), drafts_file),
        path: _keep_dates(po.render(merged), path),
    }


def _now() -> str:
    # SOURCE_DATE_EPOCH makes catalogs reproducible (reproducible-builds.org).
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = datetime.fromtimestamp(int(epoch), timezone.utc) if epoch else datetime.now(timezone.utc)
    return moment.strftime("%Y-%m-%d %H:%M+0000")


def _same_except_dates(old_text: str | None, new_text: str) -> bool:
    if old_text is None:
        return False
    strip = re.compile(r'^"(?:POT-Creation-Date|PO-Revision-Date): .*\\n"\n', re.M)
    return strip.sub("", old_text) == strip.sub("", new_text)


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except UnicodeDecodeError:
        return ""


def _translator_fields(metadata: dict[str, str]) -> dict[str, str]:
    """Header fields that belong to translators and their tools (Poedit, Weblate)."""
    ours = {"Project-Id-Version", "POT-Creation-Date", "Language", "MIME-Version", "Content-Type",
            "Content-Transfer-Encoding", "Plural-Forms", "X-Generator"}
    return {key: value for key, value in metadata.items() if key not in ours and not key.startswith("X-L10n-")}


def _keep_dates(text: str, path: Path) -> str:
    """Keep the old file's dates when nothing else changed, so reruns are no-ops."""
    old = _read(path)
    if old and _same_except_dates(old, text):
        return old
    return text


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
