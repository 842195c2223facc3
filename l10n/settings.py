"""One frozen options object per run, resolved once at the start.

Precedence, highest first: command-line flag, ``L10N_*`` environment
variable, the ``[tool.l10n]`` table of the nearest ``pyproject.toml`` (found
from the working directory upwards; it overrides only the keys it sets), and
the defaults below. Paths in ``pyproject.toml`` are relative to that file.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from l10n.cluster import ClusterOptions
from l10n.engine import Decoding
from l10n.errors import DataFileError, UsageError
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
_INTEGER_KEYS = ("beam_size", "batch_size", "threads", "actors", "actor_threads")


def find_project(start: Path) -> tuple[Path, dict[str, Any]]:
    """The nearest directory with a pyproject.toml that has [tool.l10n]."""
    for directory in (start, *start.parents):
        candidate = directory / "pyproject.toml"
        if candidate.is_file():
            try:
                document = tomllib.loads(candidate.read_text(encoding="utf-8"))
            except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
                raise DataFileError(f"invalid TOML: {error}", path=candidate) from None
            table = document.get("tool", {}).get("l10n")
            if isinstance(table, dict):
                return directory, table
    return start, {}


def resolve_options(
    flags: Mapping[str, Any], *, environ: Mapping[str, str] = os.environ, cwd: Path | None = None
) -> Options:
    """Build the run's options. ``flags`` holds command-line values (None = not given)."""
    cwd = cwd or Path.cwd()
    root, project = find_project(cwd)
    values: dict[str, Any] = {}
    origin: dict[str, Path] = {}  # which directory a relative path is relative to
    for key, default in DEFAULTS.items():
        env_name = "L10N_" + key.upper()
        if flags.get(key) is not None:
            values[key], origin[key] = flags[key], cwd
        elif environ.get(env_name):
            values[key], origin[key] = environ[env_name], cwd
        elif key in project:
            values[key], origin[key] = project[key], root
        else:
            values[key], origin[key] = default, root
    for key in _INTEGER_KEYS:
        try:
            values[key] = int(values[key])
        except (TypeError, ValueError):
            raise UsageError(f"{key} must be a whole number, not {values[key]!r}") from None
    if values["executor"] not in EXECUTORS:
        raise UsageError(f"executor must be one of {', '.join(EXECUTORS)}, not {values['executor']!r}")
    if values["actors"] < 1 or values["actor_threads"] < 1:
        raise UsageError("actors and actor_threads must be at least 1")
    if values["source_language"] not in (None, *SOURCE_LANGUAGES):
        raise UsageError(f"source language must be one of {', '.join(SOURCE_LANGUAGES)}")
    return Options(
        root=root,
        locales=origin["locales"] / values["locales"],
        glossary=origin["glossary"] / values["glossary"],
        source_language=values["source_language"],
        engine=values["engine"],
        decoding=Decoding(beam_size=values["beam_size"], batch_size=values["batch_size"], threads=values["threads"]),
        cache_dir=_cache_dir(values["cache"], origin["cache"], environ),
        gates=_gates(project.get("gates", {}), root),
        executor=values["executor"],
        cluster=ClusterOptions(address=values["ray_address"], actors=values["actors"],
                               threads_per_actor=values["actor_threads"]),
    )


def _cache_dir(value: str, origin: Path, environ: Mapping[str, str]) -> Path | None:
    if value == "off":
        return None
    if value == "default":
        base = environ.get("XDG_CACHE_HOME") or Path(environ.get("HOME", Path.home())) / ".cache"
        return Path(base) / "l10n" / "drafts"
    return origin / value


def _gates(table: Any, root: Path) -> dict[str, Gate]:
    gates = {}
    for language, gate in (table or {}).items():
        try:
            drafts = {key: float(gate[key]) for key in ("drafts_min_bleu", "drafts_min_chrf") if key in gate}
            gates[language] = Gate(float(gate["min_bleu"]), float(gate["min_chrf"]),
                                   float(gate.get("min_segment_chrf", 0)), **drafts)
        except (KeyError, TypeError, ValueError, AttributeError):
            raise DataFileError(
                f"[tool.l10n.gates.{language}] needs numeric min_bleu and min_chrf (and optionally min_segment_chrf, "
                "drafts_min_bleu, drafts_min_chrf)",
                path=root / "pyproject.toml",
            ) from None
    return gates
