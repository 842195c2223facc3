"""The command line as a whole: help everywhere, machine output, no import-time side effects."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
import typer

from l10n.cli import app


def commands(typer_app: typer.Typer, prefix=()):
    for info in typer_app.registered_commands:
        yield (*prefix, info.name or info.callback.__name__.replace("_", "-"))
    for group in typer_app.registered_groups:
        yield from commands(group.typer_instance, (*prefix, group.name))


@pytest.mark.parametrize("command", sorted(commands(app)))
def test_every_command_has_help(run, command):
    result = run(*command, "--help")
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.output
    description = result.output.split("Options")[0].split("\n", 2)[-1].strip()
    assert len(description) > 20, f"{' '.join(command)} has no help text"


def test_translate_json_and_quiet(project, installed, run):
    result = run("translate", "--to", "en", "--to", "ja", "--json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert [(c["language"], c["drafted"], c["stats"]["total"]) for c in report["catalogs"]] == [("en", 34, 34), ("ja", 34, 34)]
    quiet = run("translate", "--to", "en", "--quiet")
    assert quiet.exit_code == 0 and quiet.output == ""
    table = run("translate", "--to", "en")
    assert "article → en" in table.output and "article.po: unchanged" in table.output


def test_importing_l10n_has_no_side_effects(tmp_path):
    env = {**os.environ, "HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "data"),
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    code = ("import sys, l10n, l10n.cli, l10n.pipeline, l10n.engine, l10n.models; "
            "print(sorted(m for m in ('argostranslate', 'torch', 'stanza', 'ctranslate2') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("command", [(), ("translate",), ("models", "install"), ("tm",)])
def test_dash_h_is_help(run, command):
    result = run(*command, "-h")
    assert result.exit_code == 0 and "Usage:" in result.output


@pytest.mark.parametrize("typed, scored", [
    (["--to", "EN"], ["en"]),
    (["--to", "en-US"], ["en"]),
    (["--to", "ja_JP"], ["ja"]),
    (["--to", "en,ja"], ["en", "ja"]),
    (["--to", "ja", "--to", "JA", "--to", "en"], ["ja", "en"]),
    (["--to", "Japanese"], ["ja"]),
])
def test_language_tags_are_read_as_people_type_them(project, run, typed, scored):
    import shutil

    from tests.conftest import REPO

    shutil.copytree(REPO / "locales", project / "locales", ignore=shutil.ignore_patterns("drafts"))
    result = run("score", *typed, "--json")
    assert result.exit_code == 0, result.output
    assert [entry["language"] for entry in json.loads(result.stdout)] == scored


@pytest.mark.parametrize("typed, suggestion", [("jp", "; did you mean ja?"), ("eng", None), ("fr", "")])
def test_a_wrong_language_gets_one_line_and_a_suggestion(project, run, typed, suggestion):
    result = run("check", "--to", typed)
    if suggestion is None:  # an ISO 639-2 code is taken as it is
        assert "is not a target language" not in result.output
        return
    assert result.exit_code == 2
    [line] = result.output.strip().splitlines()
    assert line == (f"error: --to '{typed}' is not a target language: l10n translates into en (English), "
                    f"ja (Japanese){suggestion}")
