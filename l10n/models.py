"""Argos Translate model packages: find, list, validate, install.

Reads package folders directly (``metadata.json``), so listing models or
checking that a route exists never imports argostranslate, stanza or torch.
The packages directory is argostranslate's: ``ARGOS_PACKAGES_DIR``, else the
``ARGOS_PACKAGES_DIR`` key of argostranslate's ``settings.json``, else
``$XDG_DATA_HOME/argos-translate/packages``.

Installing validates the whole archive before touching the packages
directory, unpacks into a temporary folder next to it and renames it into
place, so a bad or interrupted install never breaks installed packages.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import urllib.error
import urllib.request
import zipfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from l10n.errors import NoModelError, PackageError
from l10n.languages import LANGUAGES

DEFAULT_INDEX = "https://raw.githubusercontent.com/argosopentech/argospm-index/main/"
#: Seconds to wait for the package index or a download before giving up.
NETWORK_TIMEOUT = 30

#: Our language tags → Argos language codes.
ARGOS_CODES = {code: facts.argos for code, facts in LANGUAGES.items()}


def packages_dir(environ: Mapping[str, str] = os.environ) -> Path:
    if environ.get("ARGOS_PACKAGES_DIR"):
        return Path(environ["ARGOS_PACKAGES_DIR"])
    home = Path(environ.get("HOME", Path.home()))
    config = Path(environ.get("XDG_CONFIG_HOME") or home / ".config") / "argos-translate" / "settings.json"
    try:
        configured = json.loads(config.read_text(encoding="utf-8")).get("ARGOS_PACKAGES_DIR")
    except (OSError, ValueError, AttributeError):
        configured = None
    if configured:
        return Path(configured)
    return Path(environ.get("XDG_DATA_HOME") or home / ".local" / "share") / "argos-translate" / "packages"


@dataclass(frozen=True)
class Package:
    path: Path
    from_code: str
    to_code: str
    version: str
    from_name: str = ""
    to_name: str = ""
    target_prefix: str = ""  # token some multilingual packages put before the output

    @property
    def name(self) -> str:
        return f"translate-{self.from_code}_{self.to_code}"

    @property
    def label(self) -> str:
        return f"{self.name}@{self.version}"


def read_package(path: Path) -> Package | None:
    """The translation package in ``path``, or None if it is not one."""
    try:
        metadata = json.loads((path / "metadata.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(metadata, dict) or metadata.get("type", "translate") != "translate":
        return None
    if not (metadata.get("from_code") and metadata.get("to_code")):
        return None
    return Package(
        path,
        metadata["from_code"],
        metadata["to_code"],
        str(metadata.get("package_version", "")),
        metadata.get("from_name", ""),
        metadata.get("to_name", ""),
        metadata.get("target_prefix", ""),
    )


def installed_packages(directory: Path) -> list[Package]:
    if not directory.is_dir():
        return []
    found = (read_package(path) for path in sorted(directory.iterdir()) if path.is_dir() and not path.name.startswith("."))
    return [package for package in found if package is not None]


# -- routes ------------------------------------------------------------------------


@dataclass(frozen=True)
class Route:
    """How to get from the source to the target language with what is installed."""

    packages: tuple[Package, ...]  # one package, or two through an English pivot
    opencc: str | None = None  # OpenCC conversion applied to the input first


def find_route(packages: list[Package], source: str, target: str) -> Route:
    """Prefer a direct package; Chinese in one script may go through OpenCC to a
    package for the other; any pair may pivot through English (as Argos does)."""
    by_pair = {(p.from_code, p.to_code): p for p in packages}
    target_code = ARGOS_CODES[target]
    starts = [(ARGOS_CODES[source], None)]
    if source == "zh-Hant":
        starts.append(("zh", "t2s"))
    elif source == "zh-Hans":
        starts.append(("zt", "s2t"))
    for start, conversion in starts:
        if (start, target_code) in by_pair:
            return Route((by_pair[start, target_code],), conversion)
    for start, conversion in starts:
        if (start, "en") in by_pair and ("en", target_code) in by_pair:
            return Route((by_pair[start, "en"], by_pair["en", target_code]), conversion)
    raise NoModelError(_no_model_message(source, target), source=source, target=target)


def _no_model_message(source: str, target: str) -> str:
    code, target_code = ARGOS_CODES[source], ARGOS_CODES[target]
    if target_code == "en":
        wanted = f"{code} {target_code}"
    else:
        wanted = f"{code} en` and `l10n models install en {target_code}"
    return (
        f"no translation model installed for {source} → {target}: run `l10n models install {wanted}` "
        f"(from the Argos package index) or `l10n models install --file PATH.argosmodel`"
    )


# -- validation and installation ---------------------------------------------------------

REQUIRED_METADATA = ("from_code", "to_code", "package_version")


def validate_archive(path: Path) -> tuple[str, dict]:
    """Check an .argosmodel before installing; return (top folder, metadata)."""
    if not path.is_file():
        raise PackageError(f"{path}: no such file")
    if not zipfile.is_zipfile(path):
        raise PackageError(f"{path}: not an Argos model package (not a zip archive)")
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
            broken = archive.testzip()
            if broken is not None:
                raise PackageError(f"{path}: corrupt archive (bad CRC in {broken})")
            tops = {PurePosixPath(name).parts[0] for name in names if name.strip("/")}
            unsafe = [n for n in names if n.startswith("/") or ".." in PurePosixPath(n).parts]
            if unsafe:
                raise PackageError(f"{path}: unsafe path in archive: {unsafe[0]}")
            if len(tops) != 1 or not any("/" in name.strip("/") for name in names):
                raise PackageError(
                    f"{path}: an .argosmodel must hold exactly one top-level folder "
                    f"(found: {', '.join(sorted(tops)[:5]) or 'nothing'})"
                )
            top = tops.pop()
            try:
                metadata = json.loads(archive.read(f"{top}/metadata.json").decode("utf-8"))
            except KeyError:
                raise PackageError(f"{path}: {top}/metadata.json is missing") from None
            except (UnicodeDecodeError, ValueError) as error:
                raise PackageError(f"{path}: {top}/metadata.json is not valid JSON ({error})") from None
            members = set(names)
    except zipfile.BadZipFile as error:
        raise PackageError(f"{path}: corrupt archive ({error})") from None
    if not isinstance(metadata, dict) or metadata.get("type", "translate") != "translate":
        raise PackageError(f"{path}: not a translation package")
    missing = [key for key in REQUIRED_METADATA if not metadata.get(key)]
    if missing:
        raise PackageError(f"{path}: metadata.json lacks {', '.join(missing)}")
    for required in ("model/model.bin", "model/config.json"):
        if f"{top}/{required}" not in members:
            raise PackageError(f"{path}: {top}/{required} is missing")
    if not ({f"{top}/sentencepiece.model", f"{top}/bpe.model"} & members):
        raise PackageError(f"{path}: no tokenizer (sentencepiece.model or bpe.model)")
    return top, metadata


def install_file(path: Path, directory: Path) -> Package:
    """Validate and install an .argosmodel file; replaces an older copy atomically."""
    top, _ = validate_archive(path)
    try:
        directory.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".installing-", dir=directory))
    except OSError as error:
        raise PackageError(f"cannot write to the packages directory {directory}: {error.strerror}") from None
    try:
        with zipfile.ZipFile(path) as archive:
            archive.extractall(staging)
        unpacked = staging / top
        package = read_package(unpacked)
        if package is None:
            raise PackageError(f"{path}: metadata.json is not a translation package")
        final = directory / top
        if final.exists():
            retired = directory / f".retired-{top}-{os.getpid()}"
            final.rename(retired)
            unpacked.rename(final)
            shutil.rmtree(retired, ignore_errors=True)
        else:
            unpacked.rename(final)
    except OSError as error:
        raise PackageError(f"installing {path.name} failed: {error}") from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return read_package(final)


# -- the package index ----------------------------------------------------------------------


def index_url(environ: Mapping[str, str] = os.environ) -> str:
    """argostranslate's index location: ARGOS_PACKAGE_INDEX (a base URL) or the default."""
    base = environ.get("ARGOS_PACKAGE_INDEX") or DEFAULT_INDEX
    return base.rstrip("/") + "/index.json"


@dataclass(frozen=True)
class IndexEntry:
    from_code: str
    to_code: str
    version: str
    links: tuple[str, ...]
    from_name: str = ""
    to_name: str = ""


def fetch_index(url: str) -> list[IndexEntry]:
    try:
        with urllib.request.urlopen(url, timeout=NETWORK_TIMEOUT) as response:
            entries = json.loads(response.read().decode("utf-8"))
    except (urllib.error.URLError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise PackageError(
            f"cannot reach the Argos package index at {url} ({reason}); "
            "install from a file with `l10n models install --file PATH.argosmodel`"
        ) from None
    except ValueError:
        raise PackageError(f"the Argos package index at {url} is not valid JSON") from None
    return [
        IndexEntry(e["from_code"], e["to_code"], str(e.get("package_version", "")), tuple(e.get("links", ())),
                   e.get("from_name", ""), e.get("to_name", ""))
        for e in entries
        if isinstance(e, dict) and e.get("type", "translate") == "translate" and e.get("from_code") and e.get("to_code")
    ]


def download(entry: IndexEntry, into: Path, progress: Callable[[int, int | None], None]) -> Path:
    """Download a package file into ``into``; ``progress(done, total)`` per chunk."""
    errors = []
    for link in entry.links:
        target = into / f"translate-{entry.from_code}_{entry.to_code}.argosmodel"
        try:
            with urllib.request.urlopen(link, timeout=NETWORK_TIMEOUT) as response, open(target, "wb") as out:
                total = int(response.headers.get("Content-Length") or 0) or None
                done = 0
                while chunk := response.read(1 << 16):
                    out.write(chunk)
                    done += len(chunk)
                    progress(done, total)
            return target
        except (urllib.error.URLError, OSError) as error:
            errors.append(f"{link}: {getattr(error, 'reason', error)}")
    raise PackageError(f"download of translate-{entry.from_code}_{entry.to_code} failed: {'; '.join(errors) or 'no links'}")


def install_from_index(
    from_code: str, to_code: str, directory: Path, *, url: str,
    progress: Callable[[int, int | None], None] = lambda done, total: None,
) -> Package:
    entries = [e for e in fetch_index(url) if (e.from_code, e.to_code) == (from_code, to_code)]
    if not entries:
        raise PackageError(f"the Argos package index has no {from_code} → {to_code} package")
    entries.sort(key=lambda e: [int(part) if part.isdigit() else 0 for part in e.version.split(".")], reverse=True)
    with tempfile.TemporaryDirectory(prefix="l10n-download-") as scratch:
        return install_file(download(entries[0], Path(scratch), progress), directory)
