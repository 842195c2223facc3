"""Reproductions of the hostile-input report, each now a passing test: no
network for any sentence splitter, packages replaced atomically under
concurrent readers, route choice by version, a bad installed package skipped,
Markdown editions that cannot carry HTML, truncated drafts flagged."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import polib
import pytest

from tests import modelkit
from tests.conftest import REPO, SEED, training_text


@pytest.fixture(scope="module")
def splitter_packages(package_files, tmp_path_factory) -> dict[str, Path]:
    """zt→en echo packages with each kind of sentence splitter Argos packages ship."""
    out = tmp_path_factory.mktemp("splitters")
    none = modelkit.build_package(out / "none", "zt", "en", training_text(), vocab_size=2000, sentence_splitter=False)
    stanza = modelkit.with_stanza_splitter(package_files["zt_en"], out / "stanza.argosmodel", "zh-hant",
                                           training_text())
    return {"minisbd": package_files["zt_en"], "none": none, "stanza": stanza}


def _network_namespace_works() -> bool:
    try:
        return subprocess.run(["unshare", "-n", "true"], capture_output=True, timeout=10).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


@pytest.mark.parametrize("kind", ["minisbd", "none", "stanza"])
def test_translating_never_opens_a_socket_whatever_the_splitter(project, packages_dir, splitter_packages, run,
                                                                no_network, kind):
    installed = run("models", "install", "--file", splitter_packages[kind])
    assert installed.exit_code == 0, installed.output
    result = run("translate", "--to", "en", "--no-cache")
    assert result.exit_code == 0, result.output
    assert no_network == []
    catalog = polib.pofile("locales/en/LC_MESSAGES/article.po")
    assert len(catalog) == 34 and all(entry.msgstr for entry in catalog)
    assert not list(packages_dir.rglob("*.json.download")) and not (packages_dir / "stanza_resources").exists()


@pytest.mark.skipif(not _network_namespace_works(), reason="unshare -n needs root or user namespaces")
@pytest.mark.parametrize("kind", ["minisbd", "stanza"])
def test_translating_in_a_network_namespace(project, packages_dir, splitter_packages, run, kind):
    """No network at all, not even loopback: as on an offline machine."""
    assert run("models", "install", "--file", splitter_packages[kind]).exit_code == 0
    result = subprocess.run(["unshare", "-n", sys.executable, "-m", "l10n", "translate", "--to", "en", "--no-cache"],
                            capture_output=True, text=True, timeout=300, env=os.environ)
    assert result.returncode == 0, result.stderr
    assert Path("locales/en/LC_MESSAGES/article.po").exists()


# -- installing and choosing packages ----------------------------------------------------------------


def relabel(source: Path, target: Path, *, top: str | None = None, **metadata) -> Path:
    """A copy of a package with another top folder and changed metadata."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            data = old.read(item)
            old_top, rest = item.filename.split("/", 1)
            if rest == "metadata.json":
                data = json.dumps({**json.loads(data), **metadata}).encode()
            new.writestr(f"{top or old_top}/{rest}", data)
    return target


def test_route_choice_is_by_version_then_folder_name(packages_dir, package_files, run, tmp_path):
    echo, random = package_files["zt_en"], package_files["random_zt_en"]
    for name, source, version in [("a-old", echo, "1.9"), ("b-new", random, "1.10"), ("c-new", echo, "1.10")]:
        archive = relabel(source, tmp_path / f"{name}.argosmodel", top=name, package_version=version)
        assert run("models", "install", "--file", archive).exit_code == 0
    listing = run("models", "list")
    assert "zh-Hant → en: translate-zt_en@1.10" in listing.output
    from l10n.models import find_route, installed_packages

    route = find_route(installed_packages(packages_dir), "zh-Hant", "en")
    assert route.packages[0].path.name == "b-new"  # 1.10 > 1.9; of the two 1.10s, the first folder name


def test_a_broken_installed_package_is_skipped_with_a_warning(project, installed, run):
    broken = installed / "translate-zh_en-9_9"
    shutil.copytree(installed / "translate-zt_en-1_0", broken)
    (broken / "metadata.json").write_text(json.dumps({"from_code": ["zh"], "to_code": {"x": 1},
                                                      "package_version": "9.9"}))
    (installed / "stray-folder").mkdir()
    listing = run("models", "list")
    assert listing.exit_code == 0, listing.output
    assert "warning: skipped the package folder" in listing.output and "from_code must be a language code" in listing.output
    assert "zh-Hant → en: translate-zt_en@1.0" in listing.output
    result = run("translate", "--to", "en", "--to", "ja")
    assert result.exit_code == 0, result.output
    assert result.output.count("warning: skipped the package folder") == 2  # once per folder


def test_a_dot_folder_package_is_refused(packages_dir, package_files, run, tmp_path):
    archive = relabel(package_files["zt_en"], tmp_path / "hidden.argosmodel", top=".hidden")
    result = run("models", "install", "--file", archive)
    assert result.exit_code == 5 and "is not a package name" in result.output
    assert list(packages_dir.iterdir()) == []


READER = textwrap.dedent("""
    import sys, time, warnings
    from pathlib import Path
    from l10n.errors import NoModelError
    from l10n.models import find_route, installed_packages
    warnings.simplefilter("ignore")
    directory, stop = Path(sys.argv[1]), Path(sys.argv[2])
    looks = failures = 0
    while not stop.exists():
        looks += 1
        try:
            (package,) = find_route(installed_packages(directory), "zh-Hant", "en").packages
            for name in ("model/model.bin", "model/config.json", "sentencepiece.model"):
                if not (package.path / name).is_file():
                    raise FileNotFoundError(name)
        except (NoModelError, OSError, ValueError) as error:
            failures += 1
            print("failure:", type(error).__name__, error, flush=True)
    print("looks", looks, "failures", failures, flush=True)
""")


def test_replacing_a_package_is_atomic_for_concurrent_readers(packages_dir, package_files, run, tmp_path):
    echo = package_files["zt_en"]
    random = relabel(package_files["random_zt_en"], tmp_path / "random.argosmodel", top="translate-zt_en-1_0")
    assert run("models", "install", "--file", echo).exit_code == 0
    stop = tmp_path / "stop"
    reader = subprocess.Popen([sys.executable, "-c", READER, str(packages_dir), str(stop)],
                              stdout=subprocess.PIPE, text=True)
    try:
        for round_ in range(8):
            result = run("models", "install", "--file", random if round_ % 2 == 0 else echo)
            assert result.exit_code == 0, result.output
    finally:
        stop.touch()
        output, _ = reader.communicate(timeout=60)
    summary = output.strip().splitlines()[-1].split()
    assert int(summary[1]) > 20, output  # the reader really raced the installs
    assert int(summary[3]) == 0, output
    assert sorted(p.name for p in packages_dir.iterdir()) == ["translate-zt_en-1_0"]


def test_a_failed_replace_keeps_the_installed_package(packages_dir, package_files, run, tmp_path, monkeypatch):
    import l10n.models

    assert run("models", "install", "--file", package_files["zt_en"]).exit_code == 0
    before = (packages_dir / "translate-zt_en-1_0" / "model" / "model.bin").read_bytes()

    def crash(new, final):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(l10n.models, "_swap_in", crash)
    random = relabel(package_files["random_zt_en"], tmp_path / "random.argosmodel", top="translate-zt_en-1_0")
    result = run("models", "install", "--file", random)
    assert result.exit_code == 5 and "No space left on device" in result.output
    assert (packages_dir / "translate-zt_en-1_0" / "model" / "model.bin").read_bytes() == before
    assert sorted(p.name for p in packages_dir.iterdir()) == ["translate-zt_en-1_0"]


# -- Markdown edition ------------------------------------------------------------------------------------

PAYLOADS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[click](javascript:alert(1))",
    "![x](https://tracker.example/p.gif)",
    "<https://evil.example>",
    "text\n\n# Injected heading\n\n<iframe src=x>",
    "2026. not a list",
    "- not a list",
    "*not emphasis* and `not code` and __not strong__ &amp; &lt;b&gt;",
    "a | b\n---|---\nc | d",
]


def test_the_markdown_edition_renders_translations_as_text(project, run):
    from markdown_it import MarkdownIt

    shutil.copytree(REPO / "locales", project / "locales", ignore=shutil.ignore_patterns("drafts", "*.mo", "*.html", "*.md"))
    po_path = project / "locales/en/LC_MESSAGES/article.po"
    catalog = polib.pofile(str(po_path))
    entries = [entry for entry in catalog if not entry.obsolete and entry.msgstr and not entry.fuzzy]
    for entry, payload in zip(entries, PAYLOADS):
        entry.msgstr = payload
    catalog.save(str(po_path))
    result = run("build", "--to", "en")
    assert result.exit_code == 0, result.output
    rendered = MarkdownIt("commonmark").enable("table").render(
        (project / "locales/en/article.md").read_text(encoding="utf-8"))
    for tag in ("<script", "<img", "<iframe", "<a ", "<ol", "<ul", "<code", "<table", "<hr"):
        assert tag not in rendered, tag
    # only the edition's own structure: headline, italic caption, bold credit
    assert (rendered.count("<h1>"), rendered.count("<em>"), rendered.count("<strong>")) == (1, 1, 1)
    text = rendered.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&amp;", "&")
    for payload in PAYLOADS:
        assert " ".join(payload.split()) in text, payload


# -- length limits -----------------------------------------------------------------------------------------


def test_a_sentence_longer_than_the_model_limit_is_flagged(project, installed, run, tmp_path):
    """CTranslate2 cuts inputs at 1,024 tokens: the draft says so instead of
    silently losing the end of the sentence. The long sentence is the
    article's own prose run together with commas, three times over."""
    paragraphs = SEED.read_text(encoding="utf-8").split("\n")
    prose = [line for line in paragraphs if len(line) > 60]
    run_on = "，".join(re.sub("[。！？]", "，", line).strip("，") for line in prose * 3) + "。"
    paragraphs.insert(paragraphs.index(prose[0]) + 1, run_on)
    page = tmp_path / "page.txt"
    page.write_text("\n".join(paragraphs), encoding="utf-8")
    result = run("translate", "--to", "en", "--beam-size", "1", page)
    assert result.exit_code == 0, result.output
    catalog = polib.pofile("locales/en/LC_MESSAGES/article.po")
    flagged = [e for e in catalog if "cut off at the model's length limit" in e.tcomment]
    assert [e.msgid for e in flagged] == [run_on]


# -- pages -------------------------------------------------------------------------------------------------


def test_one_invalid_utf8_byte_is_decoded_with_a_notice(project, run, tmp_path):
    data = SEED.read_bytes()
    cut = data.index("日本".encode())
    page = tmp_path / "page.txt"
    page.write_bytes(data[:cut] + b"\xff" + data[cut:])
    result = run("extract", page)
    assert result.exit_code == 0, result.output
    assert f"notice: {page} is not UTF-8: decoded as utf-8 with 1 invalid byte sequence replaced by U+FFFD" \
        in result.output


@pytest.mark.parametrize("configured", ["5", "null", '["/x"]', '{"a": 1}', '"\\u0000"', "[[[[", '""'])
def test_argostranslate_settings_of_any_shape_fall_back_to_the_default_folder(tmp_path, configured):
    from l10n.models import packages_dir

    config = tmp_path / "config" / "argos-translate"
    config.mkdir(parents=True)
    (config / "settings.json").write_text(f'{{"ARGOS_PACKAGES_DIR": {configured}}}')
    environ = {"HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "config")}
    assert packages_dir(environ) == tmp_path / ".local" / "share" / "argos-translate" / "packages"


def test_an_install_killed_midway_leaves_nothing_that_counts(packages_dir, package_files, run):
    stale = packages_dir / ".installing-killed"
    (stale / "translate-zt_en-1_0" / "model").mkdir(parents=True)
    os.utime(stale, (0, 0))
    assert run("models", "list").output.count("no route") == 5  # a dot-folder is never a package
    assert run("models", "install", "--file", package_files["zt_en"]).exit_code == 0
    assert sorted(p.name for p in packages_dir.iterdir()) == ["translate-zt_en-1_0"]


def test_tmx_of_translations_with_control_characters_is_valid_xml(project, run):
    from lxml import etree

    shutil.copytree(REPO / "locales", project / "locales", ignore=shutil.ignore_patterns("drafts", "*.mo", "*.html", "*.md"))
    po_path = project / "locales/en/LC_MESSAGES/article.po"
    catalog = polib.pofile(str(po_path))
    entry = next(e for e in catalog if not e.obsolete and e.msgstr and not e.fuzzy)
    entry.msgstr = "bell\x07 escape\x1b[2J nul-free \x0b end"
    catalog.save(str(po_path))
    result = run("tmx", "--to", "en")
    assert result.exit_code == 0, result.output
    tree = etree.parse(str(project / "locales/en/article.tmx"))
    assert "bell\ufffd escape\ufffd[2J nul-free \ufffd end" in tree.xpath("//seg/text()")
