"""``--executor ray``: the same drafts as the local run, faults survived or reported.

A local Ray (2 CPUs) is started once for this module; the actors load the
same tiny real Argos packages as the other tests.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import sys
import threading
import time
from pathlib import Path

import pytest

ray = pytest.importorskip("ray")

from l10n.cluster import ClusterOptions, RayPackageEngine, shutdown  # noqa: E402
from l10n.engine import Decoding  # noqa: E402
from l10n.engines.argos import ArgosPackageEngine  # noqa: E402
from l10n.models import install_file, read_package  # noqa: E402

from tests.conftest import PAGES, SEED  # noqa: E402


@pytest.fixture
def local_ray():
    if not ray.is_initialized():
        ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, configure_logging=False)
    yield ray


@pytest.fixture(scope="module", autouse=True)
def stop_ray():
    yield
    if ray.is_initialized():
        shutdown()


def corpus(folder: Path) -> Path:
    """Three pages: the bundled one and two of the test pages."""
    folder.mkdir()
    shutil.copy(SEED, folder / "rapidus.txt")
    shutil.copy(PAGES / "udn_like.txt", folder / "udn.txt")
    shutil.copy(PAGES / "cna_like.html", folder / "cna.html")
    return folder


def catalogs(locales: Path) -> dict[str, bytes]:
    return {path.relative_to(locales).as_posix(): path.read_bytes()
            for path in sorted(locales.rglob("*.po")) if path.is_file()}


def test_ray_run_writes_the_local_run_catalogs_byte_for_byte(project, installed, run, local_ray, tmp_path):
    pages = corpus(tmp_path / "pages")
    local = run("translate", "--to", "en", "--to", "ja", "--no-cache", pages)
    assert local.exit_code == 0, local.output
    expected = catalogs(project / "locales")
    assert len(expected) == 12  # 3 pages × (en, ja) × (review catalog, drafts)
    shutil.rmtree(project / "locales")
    on_ray = run("translate", "--to", "en", "--to", "ja", "--no-cache", pages, "--executor", "ray", "--actors", "2")
    assert on_ray.exit_code == 0, on_ray.output
    assert catalogs(project / "locales") == expected  # the zt→en→ja pivot included


def test_random_weights_give_the_same_ranked_hypotheses(local_ray, package_files, tmp_path):
    package = read_package(tmp_path / install_file(package_files["random_zt_en"], tmp_path).path.name)
    texts = [line for line in SEED.read_text(encoding="utf-8").splitlines() if len(line) > 20][:40]
    local = ArgosPackageEngine(package, "zh-Hant", "en", Decoding()).hypotheses(texts, 2)
    remote = RayPackageEngine(package, "zh-Hant", "en", Decoding(), ClusterOptions(actors=2)).hypotheses(texts, 2)
    assert remote == local


def test_cache_hits_never_reach_the_cluster(project, installed, run, local_ray, monkeypatch):
    assert run("translate", "--to", "en").exit_code == 0  # local: fills the draft cache
    shutil.rmtree(project / "locales")

    def unreachable(self, texts, count=1):
        raise AssertionError(f"{len(texts)} sentences sent to the cluster")

    monkeypatch.setattr(RayPackageEngine, "hypotheses", unreachable)
    result = run("translate", "--to", "en", "--executor", "ray", "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["cache_hits"] == 34


def test_a_killed_actor_batches_are_retried_and_the_run_completes(local_ray, package_files, tmp_path):
    package = read_package(tmp_path / install_file(package_files["random_zt_en"], tmp_path).path.name)
    texts = [f"{line}（{number}）" for number in range(12)
             for line in SEED.read_text(encoding="utf-8").splitlines() if len(line) > 20]
    expected = ArgosPackageEngine(package, "zh-Hant", "en", Decoding()).translate(texts)
    engine = RayPackageEngine(package, "zh-Hant", "en", Decoding(), ClusterOptions(actors=2))
    engine._start()
    victim = engine.pids[0]
    killer = threading.Timer(0.5, os.kill, (victim, signal.SIGKILL))
    killer.start()
    started = time.perf_counter()
    drafts = engine.translate(texts)
    killer.join()
    assert time.perf_counter() - started > 0.5, "the run ended before the actor was killed: make it longer"
    assert drafts == expected


def test_without_ray_one_line_names_the_extra(project, installed, run, monkeypatch):
    monkeypatch.setitem(sys.modules, "ray", None)  # import ray → ImportError
    result = run("translate", "--to", "en", "--executor", "ray", "--no-cache")
    assert result.exit_code == 2
    assert result.output.strip() == "error: --executor ray needs Ray: pip install 'l10n[ray]'"
    assert not (project / "locales" / "en").exists()


def test_a_vanished_cluster_is_one_error_and_a_rerun_resumes_from_the_cache(project, installed, run, local_ray,
                                                                             monkeypatch):
    import l10n.pipeline

    monkeypatch.setattr(l10n.pipeline, "PROGRESS_CHUNK", 10)  # the cache fills batch by batch
    real = RayPackageEngine.hypotheses
    calls = []

    def cluster_dies_after_two_batches(self, texts, count=1):
        """The driver loses its cluster between two batches."""
        calls.append(len(texts))
        if len(calls) == 3:
            shutdown()
        return real(self, texts, count)

    monkeypatch.setattr(RayPackageEngine, "hypotheses", cluster_dies_after_two_batches)
    result = run("translate", "--to", "en", "--executor", "ray")
    assert result.exit_code == 8, result.output
    # One error line; Ray's own log lines about the dead actor may come before it.
    [line] = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert line.startswith("error: the Ray cluster went away while drafting with translate-zt_en@1.0")
    assert "rerun to resume" in line
    assert not (project / "locales" / "en").exists()  # nothing partial

    monkeypatch.setattr(RayPackageEngine, "hypotheses", real)
    again = run("translate", "--to", "en", "--json")  # the local executor, or a new cluster: same cache
    assert again.exit_code == 0, again.output
    assert json.loads(again.stdout)["cache_hits"] == 20
