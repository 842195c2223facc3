"""The MT stage on a Ray cluster (``l10n translate --executor ray``).

Only the model work leaves this process. The driver keeps extraction,
segmentation, term locking, translation-memory and cache look-ups, merging and
every catalog write; what reaches the cluster are batches of term-locked
sentences for one package, and what comes back are ranked hypotheses.

Each Ray actor holds one ``ArgosPackageEngine``, the class the local run uses,
loaded once with its own CTranslate2 threads, so the drafts are the local
run's byte for byte, and ``RayPackageEngine`` has the local engine's signature:
the draft cache, pivoting and script conversion wrap it unchanged, and cache
hits never reach the cluster.

Models reach the actors by one of two routes, checked by every actor before any
sentence is sent (``ready``): the package folder at the same path on every
node (a shared file system), or, when an actor does not find it there, the
package shipped by the driver through Ray's object store and unpacked into a
temporary folder on the actor's node.

Faults are Ray's to handle: actors restart (``max_restarts``) and their
unfinished batches are retried (``max_task_retries``); a cluster that goes
away is one ``ClusterError``. Whatever batches finished before that are in the
draft cache, so a rerun resumes.
"""

from __future__ import annotations

import io
import os
import tarfile
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from l10n.engine import Decoding, Hypothesis
from l10n.engines.argos import PackageEngine
from l10n.errors import ClusterError, UsageError
from l10n.models import Package

RAY_EXTRA = "pip install 'l10n[ray]'"
#: Restarts of one actor (and retries of one batch) before the run gives up:
#: enough for a preempted node or an OOM kill, few enough that a batch that
#: crashes its actor every time fails the run instead of looping.
MAX_RESTARTS = 3
#: Sentences per Ray task. Large enough that CTranslate2 still sorts a task
#: into full batches and the per-task overhead (about a millisecond) vanishes
#: beside decoding; small enough that two actors share a short article.
SENTENCES_PER_TASK = 64
#: Seconds to wait for the actors to start and load a model. A cluster without
#: the CPUs the actors ask for would otherwise wait for ever.
READY_TIMEOUT = 300.0


@dataclass(frozen=True, kw_only=True)
class ClusterOptions:
    address: str | None = None  # a Ray cluster; None: RAY_ADDRESS, else a local Ray started for the run
    actors: int = 1  # actors per model
    threads_per_actor: int = 1  # CTranslate2 compute threads in each actor


def _ray():
    try:
        import ray
    except ImportError:
        raise UsageError(f"--executor ray needs Ray: {RAY_EXTRA}") from None
    return ray


def connect(options: ClusterOptions):
    """Join the cluster (or start a local Ray) once per process."""
    ray = _ray()
    if not ray.is_initialized():
        address = options.address or os.environ.get("RAY_ADDRESS") or None
        try:
            ray.init(address=address, include_dashboard=False, log_to_driver=False, configure_logging=False)
        except (ConnectionError, RuntimeError, ValueError) as error:
            raise ClusterError(f"cannot join the Ray cluster at {address or 'a new local Ray'}: {error}") from None
    return ray


def _packed(path: Path) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w") as archive:
        archive.add(path, arcname=path.name)
    return buffer.getvalue()


class _Drafter:
    """A Ray actor that drafts with any package of the run, each loaded once.

    One pool of actors serves every package of a run, so a pivot route
    (zt→en, then en→ja) runs its two passes on the same CPUs instead of
    reserving CPUs for idle models. A restarted actor has lost its models:
    every call carries what it needs to load one again."""

    def __init__(self, decoding: Decoding):
        self.decoding = decoding
        self.engines: dict[Path, object] = {}

    def _engine(self, package: Package, source: str, target: str, shipped: list):
        if package.path not in self.engines:
            from dataclasses import replace

            from l10n.engines.argos import ArgosPackageEngine

            local = package
            if not (package.path / "model").is_dir():
                # Not on a shared path here: unpack the copy the driver shipped.
                import ray

                folder = Path(tempfile.mkdtemp(prefix="l10n-package-"))
                with tarfile.open(fileobj=io.BytesIO(ray.get(shipped[0])), mode="r") as archive:
                    archive.extractall(folder, filter="data")
                local = replace(package, path=folder / package.path.name)
            self.engines[package.path] = (ArgosPackageEngine(local, source, target, self.decoding), local.path)
        return self.engines[package.path]

    def ready(self, package: Package, source: str, target: str, shipped: list) -> tuple[str, int]:
        """Load the package; (its content digest here, this process's id)."""
        engine, path = self._engine(package, source, target, shipped)
        engine.hypotheses(["."], 1)
        from l10n.cache import content_digest

        return content_digest(path), os.getpid()

    def hypotheses(self, package: Package, source: str, target: str, shipped: list, texts: Sequence[str],
                   count: int) -> list[list[Hypothesis]]:
        engine, _ = self._engine(package, source, target, shipped)
        return engine.hypotheses(texts, count)


#: The process's actor pool and the options it was made for. Ray's
#: connection is per process, so the pool that lives on it is too; a run with
#: other options replaces it (its actors would hold CPUs the new ones need).
_POOLS: dict[tuple[ClusterOptions, Decoding], list] = {}


def _pool(cluster: ClusterOptions, decoding: Decoding) -> list:
    from dataclasses import replace

    key = (cluster, decoding)
    if key not in _POOLS:
        ray = connect(cluster)
        for actors in _POOLS.values():
            for actor in actors:
                ray.kill(actor)
        _POOLS.clear()
        remote = ray.remote(num_cpus=cluster.threads_per_actor, max_restarts=MAX_RESTARTS,
                            max_task_retries=MAX_RESTARTS)(_Drafter)
        per_actor = replace(decoding, threads=cluster.threads_per_actor)
        _POOLS[key] = [remote.remote(per_actor) for _ in range(cluster.actors)]
    return _POOLS[key]


def shutdown() -> None:
    """Forget the pools and leave the cluster (a local Ray stops)."""
    _POOLS.clear()
    import ray

    ray.shutdown()


class RayPackageEngine(PackageEngine):
    """One package's drafts made by the run's pool of Ray actors. Its
    signature and fingerprint are the local engine's: same drafts, same cache
    entries."""

    def __init__(self, package: Package, source: str, target: str, decoding: Decoding, cluster: ClusterOptions, *,
                 digest_of: Callable[[Path], str] | None = None):
        super().__init__(package, source, target, digest_of=digest_of)
        self.decoding, self.cluster = decoding, cluster
        self._actors: list = []
        self._shipped: list = []
        self.pids: list[int] = []  # the actors' processes, for fault tests
        self.load_seconds = 0.0  # starting the actors and loading the model in each

    def _start(self) -> None:
        if self._actors:
            return
        ray = _ray()
        started = time.perf_counter()
        actors = _pool(self.cluster, self.decoding)
        # Nested in a list, the reference is fetched only by an actor that needs the copy.
        self._shipped = [ray.put(_packed(self.package.path))]
        try:
            answers = ray.get([actor.ready.remote(self.package, self.source, self.target, self._shipped)
                               for actor in actors], timeout=READY_TIMEOUT)
        except Exception as error:  # Ray wraps the actor's own exception
            raise ClusterError(f"the Ray actors could not load {self.package.label}: {_reason(error)}") from None
        for digest, _ in answers:
            if digest != self.digest:
                raise ClusterError(f"a Ray actor loaded a different {self.package.label} than {self.package.path}")
        self._actors = actors
        self.pids = [pid for _, pid in answers]
        self.load_seconds = time.perf_counter() - started

    def hypotheses(self, texts: Sequence[str], count: int = 1) -> list[list[Hypothesis]]:
        if not texts:
            return []
        self._start()
        ray = _ray()
        if not ray.is_initialized():
            # Ray would quietly start a new local cluster, where these actors don't exist.
            raise ClusterError(f"the Ray cluster went away while drafting with {self.package.label}; "
                               "finished batches are cached, rerun to resume")
        chunks = [list(texts[start : start + SENTENCES_PER_TASK]) for start in range(0, len(texts), SENTENCES_PER_TASK)]
        futures = [self._actors[number % len(self._actors)].hypotheses.remote(
                       self.package, self.source, self.target, self._shipped, chunk, count)
                   for number, chunk in enumerate(chunks)]
        try:
            results = ray.get(futures)
        except Exception as error:
            raise ClusterError(f"the Ray cluster failed while drafting with {self.package.label}: "
                               f"{_reason(error)}; finished batches are cached, rerun to resume") from None
        return [ranked for chunk in results for ranked in chunk]


def _reason(error: Exception) -> str:
    text = str(error).strip().splitlines()
    return text[-1] if text else type(error).__name__
