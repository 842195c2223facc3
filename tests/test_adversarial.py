"""Hostile and broken input, generated: every case is one line, no traceback,
the documented exit code, and — when refused — every file under the test's
folder (project, packages, cache, inputs) byte-identical afterwards.

Cases are built in tmp folders from the repository's own files and the test
packages of conftest, run in-process through the CLI; only the cases where a
crash (a signal) must be observable run as a subprocess.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import PAGES, REPO, SEED


#: Seconds a case may take before it counts as a hang (the slowest take about 2).
HANG_SECONDS = 60


@pytest.fixture(autouse=True)
def no_hangs():
    """A case that blocks (a FIFO read, an endless loop) fails instead of hanging the run."""
    def hung(signum, frame):
        raise TimeoutError(f"hung for {HANG_SECONDS} s")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(HANG_SECONDS)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


@dataclass(frozen=True)
class World:
    """One test's folder: the project (translated, with reviewed catalogs and
    references), the packages folder, the draft cache and a place for inputs."""

    root: Path
    project: Path
    packages: Path
    cache: Path
    inputs: Path
    package_files: dict[str, Path]


@dataclass(frozen=True)
class Case:
    make: Callable[[World], list]  # prepares the world, returns the command line
    code: int  # expected exit code
    message: str | None = None  # expected in the one line
    refused: bool = True  # if so, nothing may change


@pytest.fixture(scope="module")
def template(tmp_path_factory, package_files) -> Path:
    """A translated project with installed packages, copied for each case."""
    from typer.testing import CliRunner

    from l10n.cli import app

    root = tmp_path_factory.mktemp("adversarial-template")
    project, packages = root / "project", root / "packages"
    project.mkdir()
    shutil.copytree(REPO / "glossary", project / "glossary")
    shutil.copytree(REPO / "locales", project / "locales",
                    ignore=shutil.ignore_patterns("drafts", "*.mo", "*.html", "*.md", "*.tmx"))
    shutil.copy(REPO / "pyproject.toml", project / "pyproject.toml")
    (root / "inputs").mkdir()
    environment = {"ARGOS_PACKAGES_DIR": str(packages), "L10N_CACHE": str(root / "cache")}
    saved = {key: os.environ.get(key) for key in environment}
    cwd = Path.cwd()
    os.environ.update(environment)
    os.chdir(project)
    try:
        for pair in ("zt_en", "en_ja"):
            result = CliRunner().invoke(app, ["models", "install", "--file", str(package_files[pair])])
            assert result.exit_code == 0, result.output
        result = CliRunner().invoke(app, ["translate", "--to", "en", "--to", "ja", "--quiet"])
        assert result.exit_code == 0, result.output
    finally:
        os.chdir(cwd)
        for key, value in saved.items():
            os.environ.pop(key) if value is None else os.environ.__setitem__(key, value)
    return root


@pytest.fixture
def world(template, tmp_path, monkeypatch, package_files) -> World:
    root = tmp_path / "world"
    # Packages are hard-linked, not copied (19 MB per case): a test that
    # changes an installed file replaces it instead of writing into it.
    shutil.copytree(template, root, symlinks=True, ignore=shutil.ignore_patterns("packages"))
    shutil.copytree(template / "packages", root / "packages", symlinks=True, copy_function=os.link)
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(root / "packages"))
    monkeypatch.setenv("L10N_CACHE", str(root / "cache"))
    monkeypatch.delenv("ARGOS_PACKAGE_INDEX", raising=False)
    monkeypatch.chdir(root / "project")
    return World(root, root / "project", root / "packages", root / "cache", root / "inputs", package_files)


#: Files up to this size are compared byte for byte; larger ones (model
#: weights) by size, inode and modification time, which any write changes.
COMPARED_BYTES = 1 << 20


def snapshot(root: Path) -> dict[str, object]:
    """Every path under root with its content (files), target (links) or kind."""
    found = {}
    for path in sorted(root.rglob("*")):
        key = str(path.relative_to(root))
        if path.name == ".l10n.lock":
            continue
        info = path.lstat()
        if stat.S_ISLNK(info.st_mode):
            found[key] = ("link", os.readlink(path))
        elif stat.S_ISREG(info.st_mode):
            found[key] = path.read_bytes() if info.st_size <= COMPARED_BYTES else \
                (info.st_size, info.st_ino, info.st_mtime_ns)
        else:
            found[key] = stat.S_IFMT(info.st_mode)
    return found


def assert_one_clean_line(result, code: int, message: str | None) -> None:
    output = result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in output
    assert result.exit_code == code, output
    assert output.count("\n") == 1, output
    assert output.startswith("error: ")
    if message is not None:
        assert message in output, output
    assert "\x1b" not in output


# -- generators -------------------------------------------------------------------------------------


def page(data: bytes, name: str = "page.txt") -> Callable[[World], Path]:
    def make(w: World) -> Path:
        path = w.inputs / name
        path.write_bytes(data)
        return path
    return make


def fifo(w: World, name: str = "fifo.txt") -> Path:
    path = w.inputs / name
    os.mkfifo(path)
    return path


def folder(w: World, name: str = "folder") -> Path:
    path = w.inputs / name
    path.mkdir()
    return path


SEED_BYTES = SEED.read_bytes()

PAGE_INPUTS: dict[str, tuple[Callable[[World], Path], int, str]] = {
    "empty": (page(b""), 3, "is empty"),
    "binary": (page(bytes(range(256)) * 64), 3, "is binary data"),
    "only NULs": (page(b"\0" * 5000), 3, None),
    "only whitespace": (page(b" \n\t\n" * 100), 3, None),
    "no article": (page((PAGES / "no_article.txt").read_bytes()), 3, "no article found"),
    "FIFO": (fifo, 3, "is a FIFO (named pipe), not a page file"),
    "/dev/zero": (lambda w: Path("/dev/zero"), 3, "is a character device, not a page file"),
    "link to /dev/zero": (lambda w: _link(w.inputs / "zero.txt", Path("/dev/zero")), 3, "is a character device"),
    "folder without pages": (folder, 3, "no .txt or .html pages in this folder"),
    "missing file": (lambda w: w.inputs / "missing.txt", 3, "no such file"),
    "missing, markup name": (lambda w: w.inputs / "missing[/].txt", 3, "missing[/].txt: no such file"),
    "missing, style name": (lambda w: w.inputs / "[bold red]X[/].txt", 3, "[bold red]X[/].txt: no such file"),
    "missing, link name": (lambda w: w.inputs / "[link=https:example.com]x[/link].txt", 3, "[link=https:example.com]x[/link].txt"),
    "missing, ESC name": (lambda w: w.inputs / "a\x1b[2Jb.txt", 3, "a\\x1b[2Jb.txt: no such file"),
    "missing, OSC 8 name": (lambda w: w.inputs / "\x1b]8;;https:x\x07y.txt", 3, "\\x1b]8;;https:x\\x07y.txt"),
    "missing, newline name": (lambda w: w.inputs / "a\nb.txt", 3, "a\\x0ab.txt: no such file"),
    "missing, bidi name": (lambda w: w.inputs / "a\u202eb.txt", 3, "a\\u202eb.txt"),
    "HTML without article": (page(b"<html><body><nav>menu</nav></body></html>", "x.html"), 3, None),
    "unreadable": (lambda w: _unreadable(w.inputs / "secret.txt"), 3, None),
}


def _link(path: Path, target: Path) -> Path:
    path.symlink_to(target)
    return path


def _unreadable(path: Path) -> Path:
    path.write_bytes(SEED_BYTES)
    path.chmod(0)
    if os.access(path, os.R_OK):  # root reads anything: a folder named like a page instead
        path.unlink()
        path.mkdir()
        (path / "nothing.bin").write_bytes(b"")
    return path


def page_cases() -> dict[str, Case]:
    cases = {}
    for name, (make, code, message) in PAGE_INPUTS.items():
        cases[f"page {name} | extract"] = Case(lambda w, make=make: ["extract", make(w)], code, message)
        cases[f"page {name} | translate"] = Case(lambda w, make=make: ["translate", "--to", "en", make(w)], code, message)
    return cases


# -- PO files

PO_PATH = Path("locales/en/LC_MESSAGES/article.po")


def replace_po(content: bytes | Callable[[World], None]) -> Callable[[World], None]:
    def make(w: World) -> None:
        path = w.project / PO_PATH
        if callable(content):
            path.unlink()
            content(w)
        else:
            path.write_bytes(content)
    return make


def mangle_po(old: str, new: str) -> Callable[[World], None]:
    def make(w: World) -> None:
        path = w.project / PO_PATH
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return make


PO_INPUTS: dict[str, tuple[Callable[[World], None], str | None]] = {
    "garbage": (replace_po(b"this is not a PO file\n"), "malformed PO file"),
    "binary": (replace_po(bytes(range(256))), "malformed PO file"),
    "Latin-1": (replace_po('msgid ""\nmsgstr "é"\n'.encode("latin-1")), "not UTF-8"),
    "garbage line": (mangle_po('msgctxt "credit"', 'garbage line\nmsgctxt "credit"'), "malformed PO file"),
    "a folder": (replace_po(lambda w: (w.project / PO_PATH).mkdir()), "is a folder"),
    "a FIFO": (replace_po(lambda w: os.mkfifo(w.project / PO_PATH)), "is a FIFO"),
    "duplicate entry": (lambda w: _append_po(w, '\nmsgctxt "credit"\nmsgid "x"\nmsgstr "y"\n'
                                              '\nmsgctxt "credit"\nmsgid "x"\nmsgstr "z"\n'), None),
}


def _append_po(w: World, text: str) -> None:
    path = w.project / PO_PATH
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def po_cases() -> dict[str, Case]:
    cases = {}
    commands = {"translate": ["translate", "--to", "en"], "check": ["check", "--to", "en"],
                "build": ["build", "--to", "en"], "score": ["score", "--to", "en"], "tmx": ["tmx", "--to", "en"]}
    for name, (make, message) in PO_INPUTS.items():
        for command, args in commands.items():
            cases[f"PO {name} | {command}"] = Case(lambda w, make=make, args=args: (make(w), args)[1], 4, message)
    return cases


# -- archives


def rezip(w: World, entries: Callable[[list[tuple[zipfile.ZipInfo, bytes]]], list[tuple[zipfile.ZipInfo, bytes]]],
          name: str = "bad.argosmodel") -> Path:
    with zipfile.ZipFile(w.package_files["zt_en"]) as good:
        items = [(info, good.read(info)) for info in good.infolist()]
    for info, _ in items:
        info.compress_type = zipfile.ZIP_STORED  # fast to write; the cases are about names and contents
    target = w.inputs / name
    with zipfile.ZipFile(target, "w") as out:
        for info, data in entries(items):
            out.writestr(info, data)
    return target


def with_metadata(change: Callable[[dict], object]) -> Callable[[World], Path]:
    def make(w: World) -> Path:
        def edit(items):
            result = []
            for info, data in items:
                if info.filename.endswith("/metadata.json"):
                    metadata = json.loads(data)
                    changed = change(metadata)
                    data = changed if isinstance(changed, bytes) else json.dumps(metadata).encode()
                result.append((info, data))
            return result
        return rezip(w, edit)
    return make


def add_entry(name: str, data: bytes, **attributes) -> Callable[[World], Path]:
    def make(w: World) -> Path:
        def edit(items):
            top = items[0][0].filename.split("/")[0]
            info = zipfile.ZipInfo(name.format(top=top))
            for key, value in attributes.items():
                setattr(info, key, value)
            return [*items, (info, data)]
        return rezip(w, edit)
    return make


def replace_entry(suffix: str, data: bytes) -> Callable[[World], Path]:
    def make(w: World) -> Path:
        return rezip(w, lambda items: [(i, data if i.filename.endswith(suffix) else d) for i, d in items])
    return make


def rename_entries(rename: Callable[[str], str]) -> Callable[[World], Path]:
    def make(w: World) -> Path:
        def edit(items):
            result = []
            for info, data in items:
                copy = zipfile.ZipInfo(rename(info.filename), info.date_time)
                copy.compress_type = info.compress_type
                result.append((copy, data))
            return result
        return rezip(w, edit)
    return make


def encrypted(w: World) -> Path:
    """An entry flagged as encrypted (traditional PKWARE encryption)."""
    target = w.inputs / "encrypted.argosmodel"
    with zipfile.ZipFile(target, "w", zipfile.ZIP_STORED) as out:
        out.writestr("top/metadata.json", b"{}")
    return _patch_headers(target, local_offset=6, central_offset=8, value=0x1)


def _patch_headers(path: Path, *, local_offset: int, central_offset: int, value: int) -> Path:
    """Set a 2-byte field of the first entry's local and central headers."""
    data = bytearray(path.read_bytes())
    local, central = data.index(b"PK\x03\x04"), data.index(b"PK\x01\x02")
    data[local + local_offset : local + local_offset + 2] = value.to_bytes(2, "little")
    data[central + central_offset : central + central_offset + 2] = value.to_bytes(2, "little")
    path.write_bytes(bytes(data))
    return path


def deflate64(w: World) -> Path:
    """A stored entry relabelled as method 9 (deflate64), which zipfile cannot read."""
    target = w.inputs / "deflate64.argosmodel"
    with zipfile.ZipFile(target, "w", zipfile.ZIP_STORED) as out:
        out.writestr("top/metadata.json", b"{}")
    return _patch_headers(target, local_offset=8, central_offset=10, value=9)


def many_entries(w: World) -> Path:
    target = w.inputs / "many.argosmodel"
    with zipfile.ZipFile(target, "w") as out:
        for index in range(2_001):
            out.writestr(f"top/f{index}", b"")
    return target


def zip_bomb(w: World) -> Path:
    return add_entry("{top}/padding.bin", bytes(8 << 20), compress_type=zipfile.ZIP_DEFLATED)(w)


def deep_json(depth: int) -> bytes:
    return b"[" * depth + b"]" * depth


ARCHIVES: dict[str, tuple[Callable[[World], Path], str]] = {
    "not a zip": (page(b"hello", "x.argosmodel"), "not a zip archive"),
    "empty zip": (lambda w: _empty_zip(w.inputs / "e.argosmodel"), "exactly one top-level folder"),
    "a folder": (lambda w: folder(w, "dir.argosmodel"), "not a regular file"),
    "a FIFO": (lambda w: fifo(w, "fifo.argosmodel"), "not a regular file"),
    "missing": (lambda w: w.inputs / "none.argosmodel", "no such file"),
    "alias ./metadata.json": (add_entry("{top}/./metadata.json", b'{"from_code": [1]}'), "are the same file"),
    "alias //metadata.json": (add_entry("{top}//metadata.json", b'{"from_code": 5}'), "are the same file"),
    "alias model/./model.bin": (add_entry("{top}/model/./model.bin", b"garbage"), "are the same file"),
    "backslash alias": (add_entry("{top}\\metadata.json", b"{}"), "are the same file"),
    "absolute path": (add_entry("/etc/l10n-escape", b"x"), "unsafe path"),
    "parent path": (add_entry("{top}/../../escape", b"x"), "unsafe path"),
    "drive path": (add_entry("C:/escape", b"x"), "unsafe path"),
    "second top folder": (add_entry("other/file", b"x"), "exactly one top-level folder"),
    "dot top folder": (rename_entries(lambda n: "." + n), "is not a package name"),
    "symlink entry": (add_entry("{top}/link", b"/etc/passwd", external_attr=(stat.S_IFLNK | 0o777) << 16),
                      "links are not allowed"),
    "file and folder": (add_entry("{top}/model/model.bin/x", b"x"), "is both a file and a folder"),
    "encrypted": (encrypted, "encrypted archive entries are not supported"),
    "deflate64": (deflate64, "unsupported compression method 9"),
    "2001 entries": (many_entries, "a package may hold at most 2,000"),
    "zip bomb": (zip_bomb, "compressed more than 100:1"),
    "no metadata": (rename_entries(lambda n: n.replace("metadata.json", "meta.json")), "metadata.json is missing"),
    "metadata 5": (with_metadata(lambda m: b"5"), "not a JSON object"),
    "metadata null": (with_metadata(lambda m: b"null"), "not a JSON object"),
    "metadata list": (with_metadata(lambda m: b"[]"), "not a JSON object"),
    "metadata not JSON": (with_metadata(lambda m: b"{from_code"), "not valid JSON"),
    "metadata Latin-1": (with_metadata(lambda m: '{"from_code": "é"}'.encode("latin-1")), "not valid JSON"),
    "metadata deep": (with_metadata(lambda m: deep_json(30_000)), "not valid JSON"),
    "metadata over 64 KB": (with_metadata(lambda m: json.dumps({**m, "pad": "x" * 70_000}).encode()),
                            "larger than 65,536 bytes"),
    "from_code list": (with_metadata(lambda m: m.update(from_code=["zt"])), "from_code must be a language code"),
    "from_code dict": (with_metadata(lambda m: m.update(from_code={"a": 1})), "from_code must be a language code"),
    "from_code number": (with_metadata(lambda m: m.update(from_code=5)), "from_code must be a language code"),
    "to_code path": (with_metadata(lambda m: m.update(to_code="../en")), "to_code must be a language code"),
    "to_code ESC": (with_metadata(lambda m: m.update(to_code="e\x1b[2Jn")), "to_code must be a language code"),
    "no version": (with_metadata(lambda m: m.pop("package_version")), "package_version must be a version"),
    "version 1.²": (with_metadata(lambda m: m.update(package_version="1.²")), "package_version must be a version"),
    "version number": (with_metadata(lambda m: m.update(package_version=1.0)), "package_version must be a version"),
    "name not text": (with_metadata(lambda m: m.update(from_name=["x"])), "from_name must be a short string"),
    "type other": (with_metadata(lambda m: m.update(type="sbd")), "not a translation package"),
    "garbage model.bin": (replace_entry("model/model.bin", b"\x06\0\0\0garbage" * 100), "model/ (CTranslate2) does not load"),
    "garbage config.json": (replace_entry("model/config.json", b"{"), "does not load"),
    "garbage sentencepiece": (replace_entry("sentencepiece.model", b"garbage"), "sentencepiece.model does not load"),
    "garbage onnx": (replace_entry(".onnx", b"garbage"), "the sentence splitter minisbd/ does not load"),
    "no model": (lambda w: rezip(w, lambda items: [(i, d) for i, d in items if "/model/" not in i.filename]),
                 "model/model.bin is missing"),
    "no tokenizer": (lambda w: rezip(w, lambda items: [(i, d) for i, d in items
                                                       if not i.filename.endswith("sentencepiece.model")]),
                     "no tokenizer"),
    "stanza without resources": (add_entry("{top}/stanza/zh-hant/tokenize/gsd.pt", b"x"),
                                 "no stanza/resources.json"),
    "another pair's folder": (lambda w: rezip(w, _retarget("translate-en_ja-1_0")), "holds another language pair"),
}


def _empty_zip(path: Path) -> Path:
    with zipfile.ZipFile(path, "w"):
        pass
    return path


def _retarget(top: str):
    def edit(items):
        result = []
        for info, data in items:
            copy = zipfile.ZipInfo(top + "/" + info.filename.split("/", 1)[1], info.date_time)
            result.append((copy, data))
        return result
    return edit


def archive_cases() -> dict[str, Case]:
    return {f"archive {name}": Case(lambda w, make=make: ["models", "install", "--file", make(w)], 5, message)
            for name, (make, message) in ARCHIVES.items()}


# -- package indexes


def index(content: bytes | Callable[[World], bytes]) -> Callable[[World], list]:
    def make(w: World) -> list:
        folder = w.inputs / "index"
        folder.mkdir()
        (folder / "index.json").write_bytes(content(w) if callable(content) else content)
        os.environ["ARGOS_PACKAGE_INDEX"] = folder.as_uri() + "/"
        return ["models", "install", "zt", "en"]
    return make


def index_entry(**fields) -> Callable[[World], bytes]:
    def make(w: World) -> bytes:
        entry = {"type": "translate", "from_code": "zt", "to_code": "en", "package_version": "1.0",
                 "links": [w.package_files["zt_en"].as_uri()]}
        entry.update({key: (value(w) if callable(value) else value) for key, value in fields.items()})
        return json.dumps([entry]).encode()
    return make


INDEXES: dict[str, tuple[Callable[[World], list], str]] = {
    "5": (index(b"5"), "not a list of packages"),
    "null": (index(b"null"), "not a list of packages"),
    "string": (index(b'"packages"'), "not a list of packages"),
    "object": (index(b"{}"), "not a list of packages"),
    "list of numbers": (index(b"[5, null, []]"), "has no zt → en package"),
    "HTML reply": (index(b"<html>Moved</html>"), "not valid JSON"),
    "empty reply": (index(b""), "not valid JSON"),
    "Latin-1 reply": (index('["é"]'.encode("latin-1")), "not valid JSON"),
    "deep nesting": (index(deep_json(200_000)), "not valid JSON"),
    "links 5": (index(index_entry(links=5)), "has no zt → en package"),
    "links string": (index(index_entry(links="https://example.com/x")), "has no zt → en package"),
    "links numbers": (index(index_entry(links=[5, None])), "no links"),
    "version 1.²": (index(index_entry(package_version="1.²")), "has no zt → en package"),
    "from_code list": (index(index_entry(from_code=["zt"])), "has no zt → en package"),
    "link to garbage": (index(index_entry(links=lambda w: [page(b"garbage", "g.argosmodel")(w).as_uri()])),
                        "not a zip archive"),
    "link to missing file": (index(index_entry(links=lambda w: [(w.inputs / "nothing").as_uri()])), "failed"),
    "link to another pair": (index(index_entry(links=lambda w: [w.package_files["en_ja"].as_uri()])),
                             "not zt → en as the index says"),
    "unreachable": (lambda w: (os.environ.__setitem__("ARGOS_PACKAGE_INDEX", "http://127.0.0.1:9/"),
                               ["models", "install", "zt", "en"])[1], "cannot reach the Argos package index"),
}


def index_cases() -> dict[str, Case]:
    return {f"index {name}": Case(make, 5, message) for name, (make, message) in INDEXES.items()}


# -- glossaries

GLOSSARY = Path("glossary/terms.toml")


def glossary(content: bytes | Callable[[World], None]) -> Callable[[World], None]:
    def make(w: World) -> None:
        path = w.project / GLOSSARY
        path.unlink()
        content(w) if callable(content) else path.write_bytes(content)
    return make


TERM = 'source = "千歲"\nen = "Chitose"\nja = "千歳"\ntype = "place"\n'

GLOSSARIES: dict[str, tuple[Callable[[World], None], str]] = {
    "term a string": (glossary(b'term = "x"\n'), "expected [[term]] tables"),
    "term a number": (glossary(b"term = 5\n"), "expected [[term]] tables"),
    "term list of numbers": (glossary(b"term = [1, 2]\n"), "expected [[term]] tables"),
    "term list of strings": (glossary(b'term = ["a"]\n'), "expected [[term]] tables"),
    "source a number": (glossary(b'[[term]]\nsource = 5\nen = "a"\nja = "b"\ntype = "place"\n'), "has no source"),
    "en a number": (glossary(b'[[term]]\nsource = "x"\nen = 5\nja = "b"\ntype = "place"\n'), "has no en form"),
    "ja a table": (glossary(b'[[term]]\nsource = "x"\nen = "a"\nja = {a = 1}\ntype = "place"\n'), "has no ja form"),
    "type a list": (glossary(b'[[term]]\nsource = "x"\nen = "a"\nja = "b"\ntype = ["place"]\n'), "has type"),
    "variants a string": (glossary(('[[term]]\n' + TERM + 'variants = "x"\n').encode()), "variants must be a list"),
    "variants numbers": (glossary(('[[term]]\n' + TERM + 'variants = [1]\n').encode()), "variants must be a list"),
    "note a number": (glossary(('[[term]]\n' + TERM + 'note = 5\n').encode()), "note must be a string"),
    "unknown field": (glossary(('[[term]]\n' + TERM + 'fr = "x"\n').encode()), "unknown field(s): fr"),
    "markup in source": (glossary(b'[[term]]\nsource = "[/red]x"\nen = 5\nja = "b"\ntype = "place"\n'),
                         "term '[/red]x' has no en form"),
    "invalid TOML": (glossary(b"[[term]\nsource = \n"), "invalid TOML"),
    "Latin-1": (glossary('# é\n'.encode("latin-1")), "not UTF-8 text"),
    "binary": (glossary(bytes(range(256))), "not UTF-8 text"),
    "a folder": (glossary(lambda w: (w.project / GLOSSARY).mkdir()), "the glossary is a folder"),
    "a FIFO": (glossary(lambda w: os.mkfifo(w.project / GLOSSARY)), "the glossary is a FIFO"),
    "missing": (glossary(lambda w: None), "glossary file not found"),
    "link out of the project": (glossary(lambda w: (w.project / GLOSSARY).symlink_to("/dev/zero")),
                                "must be a path inside the project"),
}


def glossary_cases() -> dict[str, Case]:
    cases = {}
    for name, (make, message) in GLOSSARIES.items():
        for command in ("translate", "check"):
            cases[f"glossary {name} | {command}"] = Case(
                lambda w, make=make, command=command: (make(w), [command, "--to", "en"])[1], 4, message)
    return cases


# -- references

REFERENCES = Path("locales/references/article.en.tsv")


def references(content: bytes | Callable[[World], None]) -> Callable[[World], None]:
    def make(w: World) -> None:
        path = w.project / REFERENCES
        path.unlink()
        content(w) if callable(content) else path.write_bytes(content)
    return make


REFERENCE_INPUTS: dict[str, tuple[Callable[[World], None], str]] = {
    "no header": (references(b"headline\tx\ty\n"), "must be the header"),
    "two fields": (references(b"id\tsource\treference\nheadline\tx\n"), "expected 3 non-empty tab-separated fields"),
    "duplicate id": (references(b"id\tsource\treference\nh\tx\ty\nh\tx\ty\n"), "appears twice"),
    "Latin-1": (references("id\tsource\treference\nh\té\ty\n".encode("latin-1")), "not UTF-8 text"),
    "a folder": (references(lambda w: (w.project / REFERENCES).mkdir()), "is a folder"),
    "a FIFO": (references(lambda w: os.mkfifo(w.project / REFERENCES)), "is a FIFO"),
}


def reference_cases() -> dict[str, Case]:
    cases = {}
    for name, (make, message) in REFERENCE_INPUTS.items():
        for command in ("check", "score"):
            cases[f"references {name} | {command}"] = Case(
                lambda w, make=make, command=command: (make(w), [command, "--to", "en"])[1], 4, message)
    return cases


# -- settings


def pyproject(table: str) -> Callable[[World], list]:
    def make(w: World) -> list:
        (w.project / "pyproject.toml").write_text(f"[tool.l10n]\n{table}\n", encoding="utf-8")
        return ["translate", "--to", "en"]
    return make


def environment(name: str, value: str) -> Callable[[World], list]:
    def make(w: World) -> list:
        os.environ[name] = value
        return ["translate", "--to", "en"]
    return make


SETTINGS: dict[str, tuple[Callable[[World], list], int, str]] = {
    "locales = 5": (pyproject("locales = 5"), 4, "[tool.l10n] locales must be a path, not 5"),
    'locales = ""': (pyproject('locales = ""'), 4, "[tool.l10n] locales must be a path"),
    'locales = "."': (pyproject('locales = "."'), 4, "not the project itself"),
    'locales = "../out"': (pyproject('locales = "../out"'), 4, "must be a path inside the project"),
    'locales = "/tmp/x"': (pyproject('locales = "/tmp/x"'), 4, "must be a path inside the project"),
    'glossary = ["a"]': (pyproject('glossary = ["a"]'), 4, "[tool.l10n] glossary must be a path"),
    'glossary = "/etc/passwd"': (pyproject('glossary = "/etc/passwd"'), 4, "must be a path inside the project"),
    "cache = false": (pyproject("cache = false"), 4, "the draft cache location is set only by the user"),
    'cache = "vendored-cache"': (pyproject('cache = "vendored-cache"'), 4, "set only by the user"),
    "gates = 5": (pyproject("gates = 5"), 4, "[tool.l10n.gates] must be a table"),
    "gates.en = 5": (pyproject("gates.en = 5"), 4, "[tool.l10n.gates.en] needs numeric"),
    'gates.en.min_bleu = "x"': (pyproject('gates.en = {min_bleu = "x", min_chrf = 1}'), 4, "needs numeric"),
    'engine = ["argos"]': (pyproject('engine = ["argos"]'), 4, "[tool.l10n] engine must be one of argos"),
    'engine = "google"': (pyproject('engine = "google"'), 4, "engine must be one of argos, not 'google'"),
    "source_language = 5": (pyproject("source_language = 5"), 4, "source_language must be one of"),
    "beam_size = 100000": (pyproject("beam_size = 100000"), 4, "beam_size must be a whole number from 1 to 16"),
    "beam_size = 4.5": (pyproject("beam_size = 4.5"), 4, "beam_size must be a whole number"),
    'beam_size = "4"': (pyproject('beam_size = "4"'), 4, "beam_size must be a whole number"),
    "threads = true": (pyproject("threads = true"), 4, "threads must be a whole number"),
    "batch_size = 0": (pyproject("batch_size = 0"), 4, "batch_size must be a whole number from 1 to 1024"),
    "unknown key": (pyproject('locale = "x"'), 4, "unknown key(s): locale"),
    "tool.l10n = 5": (lambda w: ((w.project / "pyproject.toml").write_text("[tool]\nl10n = 5\n"),
                                 ["translate", "--to", "en"])[1], 4, "[tool.l10n] must be a table"),
    "invalid TOML": (lambda w: ((w.project / "pyproject.toml").write_text("[tool.l10n\n"),
                                ["translate", "--to", "en"])[1], 4, "invalid TOML"),
    "L10N_BATCH_SIZE=-1": (environment("L10N_BATCH_SIZE", "-1"), 2, "L10N_BATCH_SIZE must be a whole number"),
    "L10N_THREADS=-4": (environment("L10N_THREADS", "-4"), 2, "L10N_THREADS must be a whole number from 0 to 256"),
    "L10N_THREADS=100000": (environment("L10N_THREADS", "100000"), 2, "L10N_THREADS must be"),
    "L10N_BEAM_SIZE=abc": (environment("L10N_BEAM_SIZE", "abc"), 2, "L10N_BEAM_SIZE must be a whole number"),
    "L10N_BEAM_SIZE=١": (environment("L10N_BEAM_SIZE", "١"), 2, "L10N_BEAM_SIZE must be a whole number"),
    "L10N_ENGINE=nope": (environment("L10N_ENGINE", "nope"), 2, "L10N_ENGINE must be one of argos"),
    "L10N_SOURCE_LANGUAGE=fr": (environment("L10N_SOURCE_LANGUAGE", "fr"), 2, "L10N_SOURCE_LANGUAGE must be one of"),
    "SOURCE_DATE_EPOCH=yesterday": (environment("SOURCE_DATE_EPOCH", "yesterday"), 2, "SOURCE_DATE_EPOCH must be"),
    "SOURCE_DATE_EPOCH=-1": (environment("SOURCE_DATE_EPOCH", "-1"), 2, "SOURCE_DATE_EPOCH must be"),
    "SOURCE_DATE_EPOCH=10^20": (environment("SOURCE_DATE_EPOCH", "1" + "0" * 20), 2, "SOURCE_DATE_EPOCH must be"),
}


def settings_cases() -> dict[str, Case]:
    return {f"settings {name}": Case(make, code, message) for name, (make, code, message) in SETTINGS.items()}


# -- command-line options

OPTIONS: dict[str, tuple[list, int, str | None]] = {
    "--threads 100000": (["translate", "--to", "en", "--threads", "100000"], 2, "--threads must be a whole number"),
    "--threads -1": (["translate", "--to", "en", "--threads", "-1"], 2, "--threads must be a whole number"),
    "--beam-size 100000": (["translate", "--to", "en", "--beam-size", "100000"], 2, "--beam-size must be"),
    "--beam-size 0": (["translate", "--to", "en", "--beam-size", "0"], 2, "--beam-size must be"),
    "--name ../../escaped": (["translate", "--to", "en", "--name", "../../escaped"], 2, "is not a catalog name"),
    "--name /abs": (["extract", "--name", "/tmp/abs"], 2, "is not a catalog name"),
    "--name .hidden": (["extract", "--name", ".hidden"], 2, "is not a catalog name"),
    "--name a/b": (["extract", "--name", "a/b"], 2, "is not a catalog name"),
    "--name empty": (["extract", "--name", ""], 2, "is not a catalog name"),
    "--name markup": (["extract", "--name", "x[/]"], 2, "--name 'x[/]' is not a catalog name"),
    "--name ESC": (["extract", "--name", "x\x1b[2J"], 2, "--name 'x\\x1b[2J' is not"),
    "--name -x": (["build", "--to", "en", "--name=-x"], 2, "is not a catalog name"),
    "--name .. for check": (["check", "--to", "en", "--name", ".."], 2, "is not a catalog name"),
    "--name for score": (["score", "--to", "en", "--name", "../x"], 2, "is not a catalog name"),
    "--name for report": (["report", "--to", "en", "--name", "../x"], 2, "is not a catalog name"),
    "--name for tmx": (["tmx", "--to", "en", "--name", "../x"], 2, "is not a catalog name"),
    "--from fr": (["translate", "--to", "en", "--from", "fr"], 2, "--from must be one of"),
    "--engine nope": (["translate", "--to", "en", "--engine", "nope"], 2, "--engine must be one of argos"),
    "--glossary /dev/zero": (["translate", "--to", "en", "--glossary", "/dev/zero"], 4, "a character device"),
    "--glossary folder": (["translate", "--to", "en", "--glossary", "glossary"], 4, "the glossary is a folder"),
    "--to fr": (["translate", "--to", "fr"], 2, "--to 'fr' is not a target language"),
    "no --to": (["check"], 2, "Missing option '--to'"),
    "unknown option": (["build", "--to", "en", "--bogus"], 2, "No such option: --bogus"),
    "--threads abc": (["translate", "--to", "en", "--threads", "abc"], 2, "Invalid value for '--threads'"),
    "--beam-size 1e9": (["translate", "--to", "en", "--beam-size", "1e9"], 2, "Invalid value for '--beam-size'"),
    "--beam-size 10**30": (["translate", "--to", "en", "--beam-size", "1" + "0" * 30], 2, "--beam-size must be"),
    "--to markup": (["translate", "--to", "[bold]x[/]"], 2, "--to '[bold]x[/]' is not a target language"),
    "models bogus": (["models", "bogus"], 2, "No such command 'bogus'"),
    "install with both": (["models", "install", "zt", "en", "--file", "x"], 2, "give either FROM TO or --file"),
    "install one code": (["models", "install", "zt"], 2, "usage: l10n models install FROM TO"),
}


def option_cases() -> dict[str, Case]:
    return {f"option {name}": Case(lambda w, args=args: args, code, message)
            for name, (args, code, message) in OPTIONS.items()}


CASES = {**page_cases(), **po_cases(), **archive_cases(), **index_cases(), **glossary_cases(), **reference_cases(),
         **settings_cases(), **option_cases()}


def test_the_matrix_is_large():
    assert len(CASES) >= 150, len(CASES)


@pytest.mark.parametrize("name", sorted(CASES))
def test_refused_with_one_line_and_nothing_changed(world, run, name):
    case = CASES[name]
    saved = dict(os.environ)  # cases may set variables
    try:
        args = case.make(world)
        before = snapshot(world.root)
        result = run(*args)
    finally:
        os.environ.clear()
        os.environ.update(saved)
    assert_one_clean_line(result, case.code, case.message)
    if case.refused:
        assert snapshot(world.root) == before


# -- cache entries of any shape: ignored, the drafts made again ------------------------------------

CACHE_ENTRIES: dict[str, Callable[[Path], None]] = {
    "no hypotheses": lambda path: path.write_text('{"hypotheses": []}'),
    "hypotheses null": lambda path: path.write_text('{"hypotheses": null}'),
    "text a number": lambda path: path.write_text('{"hypotheses": [{"text": 5, "score": 0}]}'),
    "score NaN": lambda path: path.write_text('{"hypotheses": [{"text": "x", "score": NaN}]}'),
    "score a bool": lambda path: path.write_text('{"hypotheses": [{"text": "x", "score": true}]}'),
    "truncated a string": lambda path: path.write_text('{"hypotheses": [{"text": "x", "score": 0, "truncated": "no"}]}'),
    "100k-deep JSON": lambda path: path.write_bytes(deep_json(100_000)),
    "not JSON": lambda path: path.write_bytes(b"\xff\xfe garbage"),
    "a list": lambda path: path.write_text("[]"),
    "a FIFO": os.mkfifo,
    "a folder": Path.mkdir,
    "over 1 MB": lambda path: path.write_text('{"hypotheses": [{"text": "' + "x" * (1 << 20) + '", "score": 0}]}'),
}


@pytest.mark.parametrize("case", sorted(CACHE_ENTRIES))
def test_bad_cache_entries_are_translated_again(world, run, case):
    expected = (world.project / "locales/drafts/en/article.po").read_bytes()
    entries = sorted(world.cache.rglob("*.json"))
    assert entries
    for entry in entries:
        entry.unlink()
        CACHE_ENTRIES[case](entry)
    shutil.rmtree(world.project / "locales" / "drafts")
    result = run("translate", "--to", "en", "--quiet")
    assert result.exit_code == 0, result.output
    assert result.output == ""
    assert (world.project / "locales/drafts/en/article.po").read_bytes() == expected


# -- special outcomes --------------------------------------------------------------------------------


def test_huge_beam_and_threads_never_crash_the_process(world):
    """Run as a real process: a crash would be a signal, not an exit code."""
    for option in ("--threads", "--beam-size"):
        result = subprocess.run([sys.executable, "-m", "l10n", "translate", "--to", "en", option, "100000"],
                                capture_output=True, text=True, timeout=120, env=os.environ)
        assert result.returncode == 2, result.stderr
        assert result.stderr.count("\n") == 1 and "must be a whole number" in result.stderr


def test_the_most_threads_allowed_run(world, run):
    result = run("translate", "--to", "en", "--threads", "256", "--beam-size", "16", "--no-cache", "--redraft",
                 "--quiet")
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("name", ["[bold red]X.txt", "[red]a[b]c.txt", "[link=https:example.com]y.txt",
                                  "e\x1b[2Jx.txt", ":smile: [b].txt", "\u202egnp.txt"])
def test_file_names_with_markup_and_escapes_print_literally(world, run, name):
    path = world.inputs / name
    path.write_bytes(bytes(range(256)) * 64)
    before = snapshot(world.root)
    result = run("extract", path)
    shown = str(path).replace("\x1b", "\\x1b").replace("\u202e", "\\u202e")
    assert_one_clean_line(result, 3, f"{shown} is binary data")
    assert snapshot(world.root) == before


def test_escape_sequences_in_a_page_never_reach_the_terminal(world, run):
    text = SEED.read_text(encoding="utf-8").replace("打造", "打\x1b]8;;https://evil\x07造\x1b[2J", 1)
    path = world.inputs / "page.txt"
    path.write_text(text, encoding="utf-8")
    result = run("extract", "--stdout", path)
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.output and "\x07" not in result.output
    assert "https://evil" not in result.output or "\\x1b]8" in result.output


def test_escape_sequences_in_package_metadata_never_reach_the_terminal(world, run):
    metadata_path = world.packages / "translate-zt_en-1_0" / "metadata.json"
    metadata = json.loads(metadata_path.read_text())
    metadata["from_name"] = "Chinese\x1b[2J\x1b]8;;https://evil\x07"
    metadata_path.unlink()  # hard-linked to the template
    metadata_path.write_text(json.dumps(metadata))
    result = run("models", "list")
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.output and "\x07" not in result.output


def test_escape_sequences_in_drafts_never_reach_the_terminal(world, run):
    po = world.project / PO_PATH
    text = po.read_text(encoding="utf-8")
    first = text.index('msgstr "', text.index('msgctxt "headline"'))
    po.write_text(text[:first] + 'msgstr "\x1b[2J\x1b]8;;https://evil\x07x' + text[first + len('msgstr "'):],
                  encoding="utf-8")
    result = run("score", "--to", "en", "--worst", "0")
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.output and "\x07" not in result.output


def test_json_output_escapes_every_control_character(world, run):
    """The page's name comes back in a notice (one invalid UTF-8 byte)."""
    cut = SEED_BYTES.index("日本".encode())
    page = world.inputs / "e\x1b[2J\x9b2Jx\u202e.txt"
    page.write_bytes(SEED_BYTES[:cut] + b"\xff" + SEED_BYTES[cut:])
    result = run("translate", "--to", "en", "--json", page)
    assert result.exit_code == 0, result.output
    assert not any(ch in result.output for ch in "\x1b\x9b\u202e")
    assert json.loads(result.output)["notices"][0].startswith(f"{page} is not UTF-8")
