"""One frozen options object per run, resolved once at the start.

Precedence, highest first: command-line flag, ``L10N_*`` environment
variable, the ``[tool.l10n]`` table of the nearest ``pyproject.toml`` (found
from the working directory upwards; it overrides only the keys it sets), and
the defaults below. Paths in ``pyproject.toml`` are relative to that file and
must stay inside the project; the draft cache location is the user's alone
(``L10N_CACHE`` or ``--no-cache``). Every value is type- and range-checked,
and an error names the flag, variable or key it came from.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from l10n.cluster import ClusterOptions
from l10n.engine import DECODING_BOUNDS, ENGINES, Decoding
from l10n.errors import DataFileError, L10nError, UsageError
from l10n.languages import SOURCE_LANGUAGES, TARGET_LANGUAGES  # noqa: F401  (re-exported)


@dataclass(frozen=True)
class Gate:
    """Minimum scores of a reviewed edition against its references."""

    min_bleu: float
    min_chrf: float
    min_segment_chrf: float = 0.0  # every segment against its reference (0: off)
    drafts_min_bleu: float | None = None  # MT drafts against the references (None: no drafts gate)
    drafts_min_chrf: float | None = None


@dataclass(frozen=True, kw_only=True)
class Options:
    root: Path  # the project: where pyproject.toml is, else the working directory
    locales: Path
    glossary: Path
    source_language: str | None = None  # None: detect from the page
    engine: str = "argos"
    decoding: Decoding = field(default_factory=Decoding)
    cache_dir: Path | None = None  # None: no draft cache
    gates: Mapping[str, Gate] = field(default_factory=dict)
    executor: str = "local"  # where MT runs: "local" (this process) or "ray"
    cluster: ClusterOptions = field(default_factory=ClusterOptions)


DEFAULTS: dict[str, Any] = {
    "locales": "locales",
    "glossary": "glossary/terms.toml",
    "source_language": None,
    "engine": "argos",
    "beam_size": 4,
    "batch_size": 32,
    "threads": 0,
    "cache": "default",
    "executor": "local",
    "ray_address": None,
    "actors": 1,
    "actor_threads": 1,
}

EXECUTORS = ("local", "ray")
#: Bounds of the Ray executor's sizes: at least one actor of one thread; a
#: thousand actors or threads is no machine's or cluster's real shape.
CLUSTER_BOUNDS = {"actors": (1, 1024), "actor_threads": (1, 256)}

#: Keys the draft cache location is read from: only the user's own (a flag or
#: L10N_CACHE), never a project's pyproject.toml, which a cloned repository
#: could point at drafts it ships.
_USER_ONLY = ("cache",)

#: Flags whose name is not the key's.
_FLAGS = {"source_language": "--from", "cache": "--no-cache"}

#: Largest SOURCE_DATE_EPOCH a catalog date can show (9999-12-31 23:59:59 UTC).
_MAX_EPOCH = 253402300799


def find_project(start: Path) -> tuple[Path, dict[str, Any]]:
    """The nearest directory with a pyproject.toml that has [tool.l10n]."""
    for directory in (start, *start.parents):
        candidate = directory / "pyproject.toml"
        if candidate.is_file():
            try:
                document = tomllib.loads(candidate.read_text(encoding="utf-8"))
            except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
                raise DataFileError(f"invalid TOML: {error}", path=candidate) from None
            except OSError as error:
                raise DataFileError(f"cannot read: {error.strerror}", path=candidate) from None
            tool = document.get("tool", {})
            table = tool.get("l10n") if isinstance(tool, dict) else None
            if table is not None and not isinstance(table, dict):
                raise DataFileError("[tool.l10n] must be a table", path=candidate)
            if table is not None:
                return directory, table
    return start, {}


def resolve_options(
    flags: Mapping[str, Any], *, environ: Mapping[str, str] = os.environ, cwd: Path | None = None
) -> Options:
    """Build the run's options. ``flags`` holds command-line values (None = not given).

    Every value is checked where it comes from, and an error names it: the
    flag, the L10N_* variable or the key of ``[tool.l10n]``. Paths given by the
    user (flag or environment) may point anywhere; paths in pyproject.toml must
    stay inside the project.
    """
    cwd = cwd or Path.cwd()
    root, project = find_project(cwd)
    pyproject = root / "pyproject.toml"
    unknown = sorted(set(project) - set(DEFAULTS) - {"gates"})
    if unknown:
        raise DataFileError(f"[tool.l10n] has unknown key(s): {', '.join(unknown)}; "
                            f"known: {', '.join([k for k in DEFAULTS if k not in _USER_ONLY] + ['gates'])}", path=pyproject)
    for key in _USER_ONLY:
        if key in project:
            raise DataFileError(f"[tool.l10n] {key}: the draft cache location is set only by the user "
                                "(L10N_CACHE or --no-cache), never by a project file", path=pyproject)
    _check_epoch(environ.get("SOURCE_DATE_EPOCH"))
    values: dict[str, Any] = {}
    for key, default in DEFAULTS.items():
        env_name = "L10N_" + key.upper()
        if flags.get(key) is not None:
            value = _Setting(key, flags[key], _FLAGS.get(key, f"--{key.replace('_', '-')}"), cwd, UsageError)
        elif environ.get(env_name):
            value = _Setting(key, environ[env_name], env_name, cwd, UsageError)
        elif key in project:
            value = _Setting(key, project[key], f"[tool.l10n] {key}", root, partial(DataFileError, path=pyproject))
        else:
            value = _Setting(key, default, key, root, UsageError)
        values[key] = value
    for key, (low, high) in {**DECODING_BOUNDS, **CLUSTER_BOUNDS}.items():  # checked here to name where a bad value came from
        values[key] = values[key].number(low, high)
    source_language = values["source_language"].value
    if source_language is not None and (not isinstance(source_language, str) or source_language not in SOURCE_LANGUAGES):
        raise values["source_language"].fail(f"must be one of {', '.join(SOURCE_LANGUAGES)}, not {_shown(source_language)}")
    engine = values["engine"].value
    if not isinstance(engine, str) or engine not in ENGINES:
        raise values["engine"].fail(f"must be one of {', '.join(ENGINES)}, not {_shown(engine)}")
    executor = values["executor"].value
    if executor not in EXECUTORS:
        raise values["executor"].fail(f"must be one of {', '.join(EXECUTORS)}, not {_shown(executor)}")
    ray_address = values["ray_address"].value
    if ray_address is not None and not isinstance(ray_address, str):
        raise values["ray_address"].fail(f"must be a Ray address such as ray://head:10001, not {_shown(ray_address)}")
    return Options(
        root=root,
        locales=values["locales"].path(root, not_root=True),
        glossary=values["glossary"].path(root),
        source_language=source_language,
        engine=engine,
        decoding=Decoding(beam_size=values["beam_size"], batch_size=values["batch_size"], threads=values["threads"]),
        cache_dir=_cache_dir(values["cache"], environ),
        gates=_gates(project.get("gates", {}), pyproject),
        executor=executor,
        cluster=ClusterOptions(address=ray_address, actors=values["actors"], threads_per_actor=values["actor_threads"]),
    )


@dataclass(frozen=True)
class _Setting:
    """One option's value and where it came from, to check it and name it in errors."""

    key: str
    value: Any
    origin: str  # "--beam-size", "L10N_BEAM_SIZE" or "[tool.l10n] beam_size"
    base: Path  # what a relative path is relative to
    error: Callable[[str], L10nError]

    def fail(self, problem: str) -> L10nError:
        return self.error(f"{self.origin} {problem}")

    @property
    def from_project(self) -> bool:
        return self.origin.startswith("[tool.l10n]")

    def number(self, low: int, high: int) -> int:
        value = self.value
        if isinstance(value, str) and not self.from_project and re.fullmatch(r"\s*[+-]?[0-9]+\s*", value):
            value = int(value)
        if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
            raise self.fail(f"must be a whole number from {low} to {high}, not {_shown(self.value)}")
        return value

    def path(self, root: Path, *, not_root: bool = False) -> Path:
        value = self.value
        if isinstance(value, Path):
            value = str(value)
        if not isinstance(value, str) or not value.strip() or "\0" in value:
            raise self.fail(f"must be a path, not {_shown(self.value)}")
        path = self.base / value
        if self.from_project:
            try:
                resolved, inside = path.resolve(), root.resolve()
            except (OSError, RuntimeError):  # a symlink loop
                raise self.fail(f"cannot be resolved: {value!r}") from None
            if Path(value).is_absolute() or not resolved.is_relative_to(inside):
                raise self.fail(f"must be a path inside the project ({root}), not {value!r}")
            if not_root and resolved == inside:
                raise self.fail("must be a folder inside the project, not the project itself")
        return path


def _shown(value: Any) -> str:
    shown = repr(value)
    return shown if len(shown) <= 40 else shown[:37] + "..."


def _check_epoch(epoch: str | None) -> None:
    """SOURCE_DATE_EPOCH (reproducible-builds.org) is a whole number of seconds since 1970."""
    if epoch is None:
        return
    if not re.fullmatch(r"[0-9]{1,12}", epoch) or int(epoch) > _MAX_EPOCH:
        raise UsageError(f"SOURCE_DATE_EPOCH must be a whole number of seconds since 1970-01-01, not {_shown(epoch)}")


def _cache_dir(setting: _Setting, environ: Mapping[str, str]) -> Path | None:
    value = setting.value
    if not isinstance(value, (str, Path)) or not str(value).strip():
        raise setting.fail(f"must be a folder, 'off' or 'default', not {_shown(value)}")
    if value == "off":
        return None
    if value == "default":
        base = environ.get("XDG_CACHE_HOME") or Path(environ.get("HOME", Path.home())) / ".cache"
        return Path(base) / "l10n" / "drafts"
    return setting.base / value


def _gates(table: Any, pyproject: Path) -> dict[str, Gate]:
    if not isinstance(table, dict):
        raise DataFileError("[tool.l10n.gates] must be a table of [tool.l10n.gates.<language>] tables", path=pyproject)
    gates = {}
    for language, gate in table.items():
        try:
            optional = ("min_segment_chrf", "drafts_min_bleu", "drafts_min_chrf")
            numbers = {"min_bleu": gate["min_bleu"], "min_chrf": gate["min_chrf"],
                       **{key: gate[key] for key in optional if key in gate}}
            if not all(isinstance(n, (int, float)) and not isinstance(n, bool) for n in numbers.values()):
                raise TypeError
            gates[language] = Gate(**{key: float(n) for key, n in numbers.items()})
        except (KeyError, TypeError, AttributeError):
            raise DataFileError(
                f"[tool.l10n.gates.{language}] needs numeric min_bleu and min_chrf (and optionally {', '.join(optional)})",
                path=pyproject,
            ) from None
    return gates
