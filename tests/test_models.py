"""`l10n models`: listing, installing from a file or an index, refusing bad packages."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

import pytest


def tree_digest(directory: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(directory.rglob("*")):
        digest.update(str(path.relative_to(directory)).encode())
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


def test_install_from_file_then_list(packages_dir, package_files, run):
    result = run("models", "install", "--file", package_files["zt_en"])
    assert result.exit_code == 0, result.output
    assert "installed translate-zt_en@1.0 (zt → en)" in result.output
    listing = run("models", "list")
    assert "translate-zt_en" in listing.output
    assert "zh-Hant → en: translate-zt_en@1.0" in listing.output
    assert "zh-Hant → ja: no route" in listing.output


def test_reinstalling_replaces_the_package(packages_dir, package_files, run):
    for _ in range(2):
        assert run("models", "install", "--file", package_files["zt_en"]).exit_code == 0
    assert [p.name for p in packages_dir.iterdir()] == ["translate-zt_en-1_0"]


def rezip(source: Path, target: Path, rename=lambda name: name, skip=lambda name: False) -> Path:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for item in old.infolist():
            if not skip(item.filename):
                new.writestr(rename(item.filename), old.read(item.filename))
    return target


def not_a_zip(target: Path) -> Path:
    target.write_bytes(b"hello")
    return target


def corrupt(source: Path, target: Path) -> Path:
    data = bytearray(source.read_bytes())
    with zipfile.ZipFile(source) as archive:
        info = archive.getinfo(next(n for n in archive.namelist() if n.endswith("model/model.bin")))
    middle = info.header_offset + 100 + info.compress_size // 2
    data[middle : middle + 64] = bytes(64)
    target.write_bytes(bytes(data))
    return target


BAD_PACKAGES = {
    "not a zip": (lambda good, tmp: not_a_zip(tmp / "x.argosmodel"), "not an Argos model package (not a zip archive)"),
    "corrupt": (lambda good, tmp: corrupt(good, tmp / "x.argosmodel"), "corrupt archive"),
    "no top folder": (lambda good, tmp: rezip(good, tmp / "x.argosmodel", rename=lambda n: n.split("/", 1)[1]),
                      "must hold exactly one top-level folder"),
    "no metadata": (lambda good, tmp: rezip(good, tmp / "x.argosmodel", skip=lambda n: n.endswith("metadata.json")),
                    "metadata.json is missing"),
    "no model": (lambda good, tmp: rezip(good, tmp / "x.argosmodel", skip=lambda n: "/model/" in n),
                 "model/model.bin is missing"),
    "missing file": (lambda good, tmp: tmp / "nothing.argosmodel", "no such file"),
}


@pytest.mark.parametrize("case", sorted(BAD_PACKAGES))
def test_bad_packages_are_refused_and_break_nothing(packages_dir, package_files, run, tmp_path, case):
    assert run("models", "install", "--file", package_files["en_ja"]).exit_code == 0
    before = tree_digest(packages_dir)
    make, message = BAD_PACKAGES[case]
    bad = make(package_files["zt_en"], tmp_path)
    result = run("models", "install", "--file", bad)
    assert result.exit_code == 5
    assert message in result.output
    assert result.output.count("\n") == 1 and "Traceback" not in result.output
    assert tree_digest(packages_dir) == before


def test_install_from_an_index(packages_dir, package_files, run, tmp_path, monkeypatch):
    index = tmp_path / "index"
    index.mkdir()
    entry = {"type": "translate", "from_code": "zt", "to_code": "en", "package_version": "1.0",
             "links": [package_files["zt_en"].as_uri()]}
    (index / "index.json").write_text(json.dumps([entry]), encoding="utf-8")
    monkeypatch.setenv("ARGOS_PACKAGE_INDEX", index.as_uri() + "/")
    result = run("models", "install", "zt", "en")
    assert result.exit_code == 0, result.output
    assert (packages_dir / "translate-zt_en-1_0" / "model" / "model.bin").exists()
    missing = run("models", "install", "zt", "ja")
    assert missing.exit_code == 5 and "has no zt → ja package" in missing.output


def test_an_unreachable_index_is_one_clear_line(packages_dir, run, monkeypatch):
    monkeypatch.setenv("ARGOS_PACKAGE_INDEX", "http://127.0.0.1:9/")
    result = run("models", "install", "zt", "en")
    assert result.exit_code == 5
    assert "cannot reach the Argos package index at http://127.0.0.1:9/index.json" in result.output
    assert "l10n models install --file PATH.argosmodel" in result.output


def test_install_needs_a_pair_or_a_file(packages_dir, run):
    result = run("models", "install", "zt")
    assert result.exit_code == 2 and "usage: l10n models install FROM TO" in result.output
