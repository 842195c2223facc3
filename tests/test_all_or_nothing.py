"""A run replaces all its outputs or none: a full disk, kill -9 at random
points, links and ownership of existing files."""

from __future__ import annotations

import errno
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from l10n import files
from l10n.pipeline import Source, translate
from l10n.settings import resolve_options

from tests.conftest import SEED

EN_PO = Path("locales/en/LC_MESSAGES/article.po")


def outputs(locales: Path) -> dict[str, bytes]:
    return {str(p.relative_to(locales)): p.read_bytes() for p in sorted(locales.rglob("*"))
            if p.is_file() and p.name != ".l10n.lock"}


@pytest.fixture
def pages(tmp_path) -> dict[str, Path]:
    changed = tmp_path / "changed.txt"
    changed.write_text(SEED.read_text(encoding="utf-8").replace("5兆日圓", "6兆日圓").replace("千歲", "千歲市"),
                       encoding="utf-8")
    return {"old": SEED, "new": changed}


def cli(*args, cwd: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    result = subprocess.run([sys.executable, "-m", "l10n", *map(str, args)], cwd=cwd, env=env,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_a_full_disk_replaces_nothing(project, installed, run, pages, monkeypatch):
    assert run("translate", "--to", "en", "--to", "ja").exit_code == 0
    before = outputs(project / "locales")
    real = files._write_synced
    written = []

    def disk_full(path, data):
        written.append(path)
        if len(written) == 5:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real(path, data)

    monkeypatch.setattr(files, "_write_synced", disk_full)
    result = run("translate", "--to", "en", "--to", "ja", pages["new"])
    assert result.exit_code == 7, result.output
    assert "No space left on device; nothing was changed" in result.output
    assert outputs(project / "locales") == before  # no file replaced, no temporary file left


def test_links_owner_and_mode_of_existing_files_are_kept(project, installed, run, pages, tmp_path):
    assert run("translate", "--to", "en").exit_code == 0
    shared = tmp_path / "shared" / "article.po"
    shared.parent.mkdir()
    shutil.move(EN_PO, shared)
    EN_PO.symlink_to(shared)
    template = Path("locales/article.pot")
    twin = tmp_path / "twin.pot"
    os.link(template, twin)
    os.chmod(shared, 0o664)
    if os.getuid() == 0:
        os.chown(shared, 1234, 1234)
    assert run("translate", "--to", "en", pages["new"]).exit_code == 0
    assert EN_PO.is_symlink() and "6兆日圓" in shared.read_text(encoding="utf-8")
    assert os.stat(template).st_ino == os.stat(twin).st_ino and "6兆日圓" in twin.read_text(encoding="utf-8")
    assert shared.stat().st_mode & 0o777 == 0o664
    if os.getuid() == 0:
        assert (shared.stat().st_uid, shared.stat().st_gid) == (1234, 1234)


def test_kill_9_at_random_points_leaves_every_file_old_or_new(project, installed, pages, tmp_path):
    """≥ 20 kills: after each, the next run's recovery leaves the whole run's
    outputs either as they were before it or as it would have written them."""
    for page in ("old", "new", "old"):  # warm the draft cache in another process: no model in this one
        cli("translate", "--to", "en", "--to", "ja", "--quiet", pages[page], cwd=project)
    locales = project / "locales"
    rng = random.Random(12)

    def start(page: str, folder: Path) -> int:
        pid = os.fork()
        if pid == 0:  # the child: one run in ``folder``, then out without cleanup
            try:
                os.chdir(folder)
                slow_writes()
                translate([Source("article", page, pages[page].read_bytes())], ["en", "ja"], resolve_options({}))
            finally:
                os._exit(0)
        return pid

    def slow_writes() -> None:
        """Each file write takes 20 ms more, so that kills land in the writing
        phase (staging, journal, installing) as often as in the rest of the run."""
        write, install = files._write_synced, files._install
        files._write_synced = lambda *args: (time.sleep(0.02), write(*args))[1]
        files._install = lambda *args: (time.sleep(0.02), install(*args))[1]

    scratch = tmp_path / "scratch"  # where a run first goes to its end, to know "new"
    results: dict[tuple[str, str], dict[str, bytes]] = {}  # (page, old state) → new state

    def run_to_end(page: str, old: dict[str, bytes]) -> dict[str, bytes]:
        key = (page, repr(sorted(old.items())))
        if key not in results:
            shutil.rmtree(scratch, ignore_errors=True)
            shutil.copytree(project, scratch)
            started = time.perf_counter()
            os.waitpid(start(page, scratch), 0)
            durations.append(time.perf_counter() - started)
            results[key] = outputs(scratch / "locales")
        return results[key]

    durations: list[float] = []
    phases: list[str] = []
    kills, page = 0, "new"
    for _ in range(200):
        old = outputs(locales)
        new = run_to_end(page, old)
        pid = start(page, project)
        time.sleep(rng.uniform(0, 1.1 * min(durations)))
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        killed = os.WIFSIGNALED(status)
        phases.append("journal" if (locales / files.STAGING / files.JOURNAL).exists() else "staging" if (locales / files.STAGING).exists() else "none")
        files.recover(locales / files.STAGING)  # what the next run does first
        after = outputs(locales)
        assert after in (old, new), "a run left old and new files mixed"
        kills += killed
        if after == new:
            page = "old" if page == "new" else "new"
        if kills >= 20:
            break
    assert kills >= 20, (kills, durations)
    assert {"staging", "journal"} <= set(phases)  # killed before and after the commit point
    assert not list(locales.rglob("*.l10n-tmp")) and not (locales / files.STAGING).exists()


def test_a_save_after_the_commit_point_wins_over_the_journal(tmp_path, monkeypatch):
    """Killed after the journal was committed; an editor saves one file before the next run."""
    targets = [tmp_path / name for name in ("a.po", "b.po", "c.po")]
    for target in targets:
        target.write_text("old\n")
    staging = tmp_path / files.STAGING
    installed = []
    real = files._install

    def killed_after_one(staged, target):
        if installed:
            raise KeyboardInterrupt  # stands for kill -9: nothing after this runs
        installed.append(target)
        real(staged, target)

    monkeypatch.setattr(files, "_install", killed_after_one)
    replacements = [files.Replacement(t, b"new\n", files.digest(b"old\n")) for t in targets]
    with pytest.raises(KeyboardInterrupt):
        files.commit(replacements, staging)
    monkeypatch.setattr(files, "_install", real)
    targets[2].write_text("saved by an editor\n")
    files.recover(staging)
    assert [t.read_text() for t in targets] == ["new\n", "new\n", "saved by an editor\n"]
    assert not staging.exists() and not list(tmp_path.glob(".*.l10n-tmp"))
