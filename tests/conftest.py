"""Shared fixtures: an isolated home, real (tiny) Argos packages, a project folder.

The tests never touch the user's home or the network. argostranslate reads
its settings once, at import, so the environment is set here, before any test
module can import it.
"""

from __future__ import annotations

import os
import shutil
import socket
import tempfile
from pathlib import Path

import pytest

_SANDBOX = Path(tempfile.mkdtemp(prefix="l10n-tests-"))
os.environ.update(
    HOME=str(_SANDBOX / "home"),
    XDG_DATA_HOME=str(_SANDBOX / "data"),
    XDG_CONFIG_HOME=str(_SANDBOX / "config"),
    XDG_CACHE_HOME=str(_SANDBOX / "cache"),
    ARGOS_PACKAGES_DIR=str(_SANDBOX / "argos-packages"),
    SOURCE_DATE_EPOCH="1764028800",  # catalogs get fixed dates
)
os.environ.pop("L10N_CACHE", None)

from typer.testing import CliRunner  # noqa: E402

from l10n.cli import app  # noqa: E402

from tests import modelkit  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
PAGES = Path(__file__).resolve().parent / "pages"
SEED = REPO / "l10n" / "data" / "article.txt"


def pytest_sessionfinish(session, exitstatus):
    shutil.rmtree(_SANDBOX, ignore_errors=True)


def training_text() -> str:
    """Every character the test pages use, so echo packages copy them all."""
    texts = [SEED.read_text(encoding="utf-8")]
    texts += [page.read_text(encoding="utf-8") for page in sorted(PAGES.iterdir())]
    texts.append(" ".join(f"ZQ{i} QX{i} XZ{i}" for i in range(1, 40)))
    return "\n".join(texts)


@pytest.fixture(scope="session")
def package_files(tmp_path_factory) -> dict[str, Path]:
    """Echo packages zt→en, en→ja, zh→en and a random-weight zt→en, as .argosmodel files."""
    out = tmp_path_factory.mktemp("argosmodels")
    text = training_text()
    files = {}
    for pair in ("zt_en", "en_ja", "zh_en"):
        source, target = pair.split("_")
        folder = out / pair
        folder.mkdir()
        files[pair] = modelkit.build_package(folder, source, target, text, vocab_size=2000)
    folder = out / "random"
    folder.mkdir()
    files["random_zt_en"] = modelkit.build_package(folder, "zt", "en", text, vocab_size=2000, weights="random",
                                                   package_version="2.0")
    return files


@pytest.fixture
def packages_dir(tmp_path, monkeypatch) -> Path:
    """An empty Argos packages folder for this test."""
    directory = tmp_path / "argos-packages"
    directory.mkdir()
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(directory))
    return directory


@pytest.fixture
def installed(packages_dir, package_files) -> Path:
    """zt→en and en→ja echo packages installed, as `l10n models install --file` does."""
    for pair in ("zt_en", "en_ja"):
        result = CliRunner().invoke(app, ["models", "install", "--file", str(package_files[pair])])
        assert result.exit_code == 0, result.output
    return packages_dir


@pytest.fixture
def project(tmp_path, monkeypatch) -> Path:
    """A project folder like this repository's, as the working directory."""
    root = tmp_path / "project"
    root.mkdir()
    (root / "pyproject.toml").write_text(
        '[tool.l10n]\n\n'
        "[tool.l10n.gates.en]\nmin_bleu = 25\nmin_chrf = 50\n\n"
        "[tool.l10n.gates.ja]\nmin_bleu = 25\nmin_chrf = 30\n",
        encoding="utf-8",
    )
    shutil.copytree(REPO / "glossary", root / "glossary")
    monkeypatch.chdir(root)
    monkeypatch.setenv("L10N_CACHE", str(tmp_path / "draft-cache"))
    return root


@pytest.fixture
def run():
    """Invoke the CLI like a user: returns typer's Result."""

    def invoke(*args: str):
        return CliRunner().invoke(app, [str(arg) for arg in args])

    return invoke


@pytest.fixture
def no_network(monkeypatch):
    """Fail the test if anything opens a network connection."""
    attempts = []

    def refuse(self, address, *args, **kwargs):
        attempts.append(address)
        raise AssertionError(f"network access to {address!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", lambda address, *a, **k: refuse(None, address))
    return attempts
