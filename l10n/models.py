"""Argos Translate model packages: find, list, validate, install.

Reads package folders directly (``metadata.json``), so listing models or
checking that a route exists never imports argostranslate, stanza or torch.
The packages directory is argostranslate's: ``ARGOS_PACKAGES_DIR``, else the
``ARGOS_PACKAGES_DIR`` key of argostranslate's ``settings.json``, else
``$XDG_DATA_HOME/argos-translate/packages``.

A package counts only once it is validated. Before anything is unpacked, the
archive is checked: entry names normalised (``top/./metadata.json`` and
``top//metadata.json`` are the same file, so no alias can overwrite a checked
one), sizes and counts within the limits below, no encryption, no links, one
top folder, and a ``metadata.json`` of the right types (language codes as
tags, the version as dotted numbers). It is then unpacked into a staging
folder, where every model file is loaded once (CTranslate2, sentencepiece,
the MiniSBD or Stanza splitter), and only then swapped into place in one
step: a concurrent reader sees the old package or the new one, never none
and never half of one. An installed package that fails these checks is
skipped with a warning; it never breaks the others.
"""

from __future__ import annotations

import ctypes
import json
import os
import re
import shutil
import stat
import tempfile
import time
import urllib.error
import urllib.request
import warnings
import zipfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from l10n.errors import NoModelError, PackageError
from l10n.languages import LANGUAGES

DEFAULT_INDEX = "https://raw.githubusercontent.com/argosopentech/argospm-index/main/"
#: Seconds to wait for the package index or a download before giving up.
NETWORK_TIMEOUT = 30

#: Our language tags → Argos language codes.
ARGOS_CODES = {code: facts.argos for code, facts in LANGUAGES.items()}

# -- limits (Argos's largest packages unpack to about 500 MB in under 50 entries;
#    each limit leaves room for several times that)

#: Entries in one archive.
MAX_ENTRIES = 2_000
#: Total unpacked size of one archive.
MAX_UNPACKED_BYTES = 4 << 30
#: Unpacked / packed size of an entry; model weights barely compress (about
#: 1.1), text files up to about 10. Entries under RATIO_FREE_BYTES are exempt.
MAX_COMPRESSION_RATIO = 100
RATIO_FREE_BYTES = 1 << 20
#: metadata.json (Argos's are under 1 KB).
MAX_METADATA_BYTES = 64 << 10
#: The package index (argospm's is about 100 KB).
MAX_INDEX_BYTES = 16 << 20

#: A language code as a BCP 47-like tag (Argos uses "en", "zt", "pt-BR" style codes).
_LANGUAGE_CODE = re.compile(r"[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*")
#: A version: dotted ASCII numbers, as Argos packages use ("1.9", "1.0.2").
_VERSION = re.compile(r"[0-9]{1,6}(?:\.[0-9]{1,6}){0,4}")
#: A package folder name: no dot-folders, no separators.
_FOLDER = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")
#: Compression methods Python's zipfile decodes; others (deflate64, …) are refused.
_COMPRESSIONS = {zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA}


class PackageWarning(UserWarning):
    """An installed package that is skipped: the CLI prints it as one line."""


def packages_dir(environ: Mapping[str, str] = os.environ) -> Path:
    if environ.get("ARGOS_PACKAGES_DIR"):
        return Path(environ["ARGOS_PACKAGES_DIR"])
    home = Path(environ.get("HOME", Path.home()))
    config = Path(environ.get("XDG_CONFIG_HOME") or home / ".config") / "argos-translate" / "settings.json"
    try:
        configured = json.loads(config.read_text(encoding="utf-8")).get("ARGOS_PACKAGES_DIR")
    except (OSError, ValueError, AttributeError, RecursionError):
        configured = None
    if isinstance(configured, str) and configured.strip() and "\0" not in configured:
        return Path(configured)
    return Path(environ.get("XDG_DATA_HOME") or home / ".local" / "share") / "argos-translate" / "packages"


def version_key(version: str) -> tuple[int, ...]:
    """Orders versions numerically: 1.10 after 1.9."""
    return tuple(int(part) for part in version.split(".")) if _VERSION.fullmatch(version) else ()


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


def parse_metadata(metadata: object) -> dict[str, str]:
    """The fields of a translation package's metadata.json, type-checked.
    Raises ValueError with the reason."""
    if not isinstance(metadata, dict):
        raise ValueError("metadata.json is not a JSON object")
    if metadata.get("type", "translate") != "translate":
        raise ValueError(f"not a translation package (type {str(metadata.get('type'))[:40]!r})")
    fields = {}
    for key in ("from_code", "to_code"):
        value = metadata.get(key)
        if not isinstance(value, str) or not _LANGUAGE_CODE.fullmatch(value):
            raise ValueError(f"metadata.json: {key} must be a language code such as \"en\", not {_shown(value)}")
        fields[key] = value
    version = metadata.get("package_version")
    if not isinstance(version, str) or not _VERSION.fullmatch(version):
        raise ValueError(f"metadata.json: package_version must be a version such as \"1.9\", not {_shown(version)}")
    fields["version"] = version
    for key in ("from_name", "to_name", "target_prefix"):
        value = metadata.get(key, "")
        if not isinstance(value, str) or len(value) > 200:
            raise ValueError(f"metadata.json: {key} must be a short string, not {_shown(value)}")
        fields[key] = value
    return fields


def _shown(value: object) -> str:
    shown = json.dumps(value, ensure_ascii=True) if not isinstance(value, str) else repr(value)
    return shown if len(shown) <= 40 else shown[:37] + "..."


def read_package(path: Path) -> Package:
    """The translation package in ``path``; raises ValueError with the reason
    when it is not one (no metadata.json, wrong types, no model)."""
    metadata_path = path / "metadata.json"
    try:
        with open(metadata_path, "rb", opener=_nonblocking) as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                raise ValueError("metadata.json is not a regular file")
            data = handle.read(MAX_METADATA_BYTES + 1)
    except OSError as error:
        raise ValueError(f"metadata.json cannot be read ({error.strerror or error})") from None
    if len(data) > MAX_METADATA_BYTES:
        raise ValueError(f"metadata.json is larger than {MAX_METADATA_BYTES:,} bytes")
    try:
        fields = parse_metadata(json.loads(data.decode("utf-8")))
    except (UnicodeDecodeError, RecursionError):
        raise ValueError("metadata.json is not valid JSON") from None
    except json.JSONDecodeError as error:
        raise ValueError(f"metadata.json is not valid JSON ({error})") from None
    if not (path / "model" / "model.bin").is_file():
        raise ValueError("model/model.bin is missing")
    return Package(path, fields["from_code"], fields["to_code"], fields["version"], fields["from_name"],
                   fields["to_name"], fields["target_prefix"])


def _nonblocking(path, flags):
    return os.open(path, flags | os.O_NONBLOCK)


def installed_packages(directory: Path) -> list[Package]:
    """The valid packages in ``directory``; each other folder is skipped with a
    PackageWarning. Dot-folders (staging, retired copies) are not packages."""
    try:
        folders = sorted(path for path in directory.iterdir() if not path.name.startswith("."))
    except OSError:
        return []
    packages = []
    for folder in folders:
        if not folder.is_dir():
            continue
        try:
            packages.append(read_package(folder))
        except ValueError as error:
            warnings.warn(PackageWarning(f"skipped the package folder {folder}: {error}"), stacklevel=2)
    return packages


# -- routes ------------------------------------------------------------------------


@dataclass(frozen=True)
class Route:
    """How to get from the source to the target language with what is installed."""

    packages: tuple[Package, ...]  # one package, or two through an English pivot
    opencc: str | None = None  # OpenCC conversion applied to the input first


def preferred(packages: list[Package]) -> dict[tuple[str, str], Package]:
    """The package used for each language pair: the highest package_version;
    of equal versions, the one whose folder name sorts first."""
    chosen: dict[tuple[str, str], Package] = {}
    for package in sorted(packages, key=lambda p: (tuple(-n for n in version_key(p.version)), p.path.name)):
        chosen.setdefault((package.from_code, package.to_code), package)
    return chosen


def find_route(packages: list[Package], source: str, target: str) -> Route:
    """Prefer a direct package; Chinese in one script may go through OpenCC to a
    package for the other; any pair may pivot through English (as Argos does)."""
    by_pair = preferred(packages)
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


def _check_entries(path: Path, archive: zipfile.ZipFile) -> tuple[str, dict[str, zipfile.ZipInfo]]:
    """(top folder, normalised name → entry) of an archive, or a PackageError."""
    infos = archive.infolist()
    if len(infos) > MAX_ENTRIES:
        raise PackageError(f"{path}: {len(infos):,} entries; a package may hold at most {MAX_ENTRIES:,}")
    entries: dict[str, zipfile.ZipInfo] = {}
    folders: set[str] = set()
    total = 0
    for info in infos:
        name = info.filename
        parts = [part for part in name.replace("\\", "/").split("/") if part not in ("", ".")]
        if name.startswith(("/", "\\")) or re.match(r"[A-Za-z]:", name) or ".." in parts or "\0" in name:
            raise PackageError(f"{path}: unsafe path in archive: {name!r}")
        if not parts:
            continue
        if info.flag_bits & 0x1:
            raise PackageError(f"{path}: encrypted archive entries are not supported ({name!r})")
        if info.compress_type not in _COMPRESSIONS:
            raise PackageError(f"{path}: unsupported compression method {info.compress_type} in {name!r} "
                               "(use stored or deflate)")
        if stat.S_ISLNK(info.external_attr >> 16):
            raise PackageError(f"{path}: links are not allowed in a package ({name!r})")
        normal = "/".join(parts)
        if info.is_dir():
            folders.add(normal)
            continue
        if normal in entries:
            raise PackageError(f"{path}: {name!r} and {entries[normal].filename!r} are the same file")
        entries[normal] = info
        folders.update("/".join(parts[:i]) for i in range(1, len(parts)))
        total += info.file_size
        if total > MAX_UNPACKED_BYTES:
            raise PackageError(f"{path}: unpacks to more than {MAX_UNPACKED_BYTES >> 30} GiB")
        if info.file_size > RATIO_FREE_BYTES and info.file_size > MAX_COMPRESSION_RATIO * max(info.compress_size, 1):
            raise PackageError(f"{path}: {name!r} is compressed more than {MAX_COMPRESSION_RATIO}:1 (a zip bomb?)")
    clash = folders & set(entries)
    if clash:
        raise PackageError(f"{path}: {sorted(clash)[0]!r} is both a file and a folder")
    tops = {name.split("/")[0] for name in [*entries, *folders]}
    if len(tops) != 1 or not any("/" in name for name in entries):
        raise PackageError(
            f"{path}: an .argosmodel must hold exactly one top-level folder "
            f"(found: {', '.join(sorted(tops)[:5]) or 'nothing'})"
        )
    top = tops.pop()
    if not _FOLDER.fullmatch(top):
        raise PackageError(f"{path}: the top folder {top!r} is not a package name "
                           "(letters, digits, '.', '_', '-'; not starting with '.')")
    return top, entries


def validate_archive(path: Path) -> tuple[str, dict]:
    """Check an .argosmodel before installing; return (top folder, metadata)."""
    top, _, metadata = _open_archive(path)
    return top, metadata


def _open_archive(path: Path) -> tuple[str, dict[str, zipfile.ZipInfo], dict]:
    if not path.is_file():
        raise PackageError(f"{path}: {'no such file' if not path.exists() else 'not a regular file'}")
    if not zipfile.is_zipfile(path):
        raise PackageError(f"{path}: not an Argos model package (not a zip archive)")
    try:
        with zipfile.ZipFile(path) as archive:
            top, entries = _check_entries(path, archive)
            info = entries.get(f"{top}/metadata.json")
            if info is None:
                raise PackageError(f"{path}: {top}/metadata.json is missing")
            if info.file_size > MAX_METADATA_BYTES:
                raise PackageError(f"{path}: {top}/metadata.json is larger than {MAX_METADATA_BYTES:,} bytes")
            with archive.open(info) as handle:
                data = handle.read(MAX_METADATA_BYTES + 1)
    except zipfile.BadZipFile as error:
        raise PackageError(f"{path}: corrupt archive ({error})") from None
    except (zipfile.LargeZipFile, NotImplementedError, RuntimeError, EOFError, OSError, ValueError) as error:
        raise PackageError(f"{path}: unreadable archive ({error})") from None
    try:
        metadata = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        reason = f" ({error})" if isinstance(error, json.JSONDecodeError) else ""
        raise PackageError(f"{path}: {top}/metadata.json is not valid JSON{reason}") from None
    try:
        parse_metadata(metadata)
    except ValueError as error:
        raise PackageError(f"{path}: {error}") from None
    for required in ("model/model.bin", "model/config.json"):
        if f"{top}/{required}" not in entries:
            raise PackageError(f"{path}: {top}/{required} is missing")
    if not ({f"{top}/sentencepiece.model", f"{top}/bpe.model"} & set(entries)):
        raise PackageError(f"{path}: no tokenizer (sentencepiece.model or bpe.model)")
    if any(name.startswith(f"{top}/stanza/") for name in entries) and f"{top}/stanza/resources.json" not in entries:
        raise PackageError(f"{path}: its Stanza sentence splitter has no stanza/resources.json, "
                           "which Stanza would download while translating")
    return top, entries, metadata


def _unpack(path: Path, entries: dict[str, zipfile.ZipInfo], into: Path) -> None:
    """Write every entry under its normalised name, counting the bytes actually
    unpacked (a header may understate them); CRCs are checked on the way."""
    total = 0
    with zipfile.ZipFile(path) as archive:
        for name, info in entries.items():
            target = into / name
            target.parent.mkdir(parents=True, exist_ok=True)
            with archive.open(info) as source, open(target, "xb") as out:
                while chunk := source.read(1 << 20):
                    total += len(chunk)
                    if total > MAX_UNPACKED_BYTES:
                        raise PackageError(f"{path}: unpacks to more than {MAX_UNPACKED_BYTES >> 30} GiB")
                    out.write(chunk)


def smoke_load(folder: Path, from_code: str) -> None:
    """Load every model file of an unpacked package once, as translating will;
    raises ValueError naming the file that does not load."""
    def attempt(what: str, load: Callable[[], object]) -> None:
        try:
            load()
        except Exception as error:  # noqa: BLE001 — any failure of a foreign loader means "does not load"
            first_line = (str(error).strip().splitlines() or [type(error).__name__])[0][:200]
            raise ValueError(f"{what} does not load: {first_line}") from None

    import ctranslate2

    attempt("model/ (CTranslate2)", lambda: ctranslate2.Translator(str(folder / "model"), device="cpu",
                                                                   inter_threads=1, intra_threads=1))
    if (folder / "sentencepiece.model").is_file():
        import sentencepiece

        attempt("sentencepiece.model",
                lambda: sentencepiece.SentencePieceProcessor(model_file=str(folder / "sentencepiece.model")))
    else:
        attempt("bpe.model", lambda: (folder / "bpe.model").read_text(encoding="utf-8"))
    from l10n.engines.argos import packaged_splitter

    splitter = "minisbd/" if (folder / "minisbd").is_dir() else "stanza/"
    # Stanza loads with downloads off: what is missing here would be fetched
    # from the network while translating.
    attempt(f"the sentence splitter {splitter}", lambda: packaged_splitter(folder, from_code))


def install_file(path: Path, directory: Path, *, pair: tuple[str, str] | None = None) -> Package:
    """Validate and install an .argosmodel file; replaces a copy of the same
    package (same folder, same language pair) in one atomic step. With
    ``pair``, the package must be for that language pair."""
    top, entries, metadata = _open_archive(path)
    if pair is not None and (metadata["from_code"], metadata["to_code"]) != pair:
        raise PackageError(f"{path}: a {metadata['from_code']} → {metadata['to_code']} package, "
                           f"not {pair[0]} → {pair[1]} as the index says")
    pair = (metadata["from_code"], metadata["to_code"])
    final = directory / top
    if final.exists() or final.is_symlink():
        try:
            current = read_package(final)
        except ValueError:
            current = None  # a broken copy: replacing it repairs it
        if current is not None and (current.from_code, current.to_code) != pair:
            raise PackageError(f"{path}: the folder {final} holds another language pair's package "
                               f"({current.label}); remove it first to replace it")
    try:
        directory.mkdir(parents=True, exist_ok=True)
        _remove_stale_staging(directory)
        staging = Path(tempfile.mkdtemp(prefix=".installing-", dir=directory))
    except OSError as error:
        raise PackageError(f"cannot write to the packages directory {directory}: {error.strerror}") from None
    try:
        _unpack(path, entries, staging)
        unpacked = staging / top
        try:
            smoke_load(unpacked, metadata["from_code"])
            read_package(unpacked)
        except ValueError as error:
            raise PackageError(f"{path}: {error}") from None
        _swap_in(unpacked, final)
    except zipfile.BadZipFile as error:
        raise PackageError(f"{path}: corrupt archive ({error})") from None
    except (OSError, EOFError, NotImplementedError, RuntimeError) as error:
        raise PackageError(f"installing {path.name} failed: {error}") from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return read_package(final)


#: A staging folder this old was left by a killed install; the next install
#: removes it (an install in progress keeps writing into its own).
STALE_STAGING_SECONDS = 3600


def _remove_stale_staging(directory: Path) -> None:
    now = time.time()
    for staging in directory.glob(".installing-*"):
        try:
            if now - staging.lstat().st_mtime > STALE_STAGING_SECONDS:
                shutil.rmtree(staging, ignore_errors=True)
        except OSError:
            pass


_RENAME_EXCHANGE = 2  # linux/fs.h
_AT_FDCWD = -100


def _swap_in(new: Path, final: Path) -> None:
    """Move ``new`` to ``final`` in one step. An existing ``final`` is exchanged
    with ``new`` atomically (Linux renameat2 RENAME_EXCHANGE) and its old
    contents end up at ``new``, to be deleted with the staging folder."""
    if not (final.exists() or final.is_symlink()):
        os.rename(new, final)
        return
    libc = ctypes.CDLL(None, use_errno=True)
    exchange = getattr(libc, "renameat2", None)
    if exchange is not None and exchange(_AT_FDCWD, os.fsencode(new), _AT_FDCWD, os.fsencode(final),
                                         _RENAME_EXCHANGE) == 0:
        return
    # No atomic exchange on this system or file system: the old copy is
    # renamed away and the new one in right after, and put back on failure.
    retired = new.with_name(new.name + ".retired")
    os.rename(final, retired)
    try:
        os.rename(new, final)
    except OSError:
        os.rename(retired, final)
        raise


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
            data = response.read(MAX_INDEX_BYTES + 1)
    except (urllib.error.URLError, OSError, ValueError) as error:
        reason = getattr(error, "reason", error)
        raise PackageError(
            f"cannot reach the Argos package index at {url} ({reason}); "
            "install from a file with `l10n models install --file PATH.argosmodel`"
        ) from None
    if len(data) > MAX_INDEX_BYTES:
        raise PackageError(f"the Argos package index at {url} is larger than {MAX_INDEX_BYTES >> 20} MiB")
    try:
        entries = json.loads(data.decode("utf-8"))
    except (ValueError, RecursionError):
        raise PackageError(f"the Argos package index at {url} is not valid JSON") from None
    if not isinstance(entries, list):
        raise PackageError(f"the Argos package index at {url} is not a list of packages")
    return [entry for entry in map(_index_entry, entries) if entry is not None]


def _index_entry(item: object) -> IndexEntry | None:
    """One translation package of the index; anything else (other package
    types, wrong types, unusable links) is left out."""
    try:
        fields = parse_metadata(item)
    except ValueError:
        return None
    links = item.get("links", ())
    if not isinstance(links, list):
        return None
    links = tuple(link for link in links if isinstance(link, str) and link.startswith(("https://", "http://", "file:")))
    return IndexEntry(fields["from_code"], fields["to_code"], fields["version"], links, fields["from_name"],
                      fields["to_name"])


def download(entry: IndexEntry, into: Path, progress: Callable[[int, int | None], None]) -> Path:
    """Download a package file into ``into``; ``progress(done, total)`` per chunk."""
    errors = []
    for link in entry.links:
        target = into / f"translate-{entry.from_code}_{entry.to_code}.argosmodel"
        try:
            with urllib.request.urlopen(link, timeout=NETWORK_TIMEOUT) as response, open(target, "wb") as out:
                length = response.headers.get("Content-Length") or ""
                total = int(length) if length.isdigit() and length.isascii() else None
                done = 0
                while chunk := response.read(1 << 16):
                    out.write(chunk)
                    done += len(chunk)
                    if done > MAX_UNPACKED_BYTES:
                        raise ValueError(f"larger than {MAX_UNPACKED_BYTES >> 30} GiB")
                    progress(done, total)
            return target
        except (urllib.error.URLError, OSError, ValueError) as error:
            errors.append(f"{link}: {getattr(error, 'reason', error)}")
    raise PackageError(f"download of translate-{entry.from_code}_{entry.to_code} failed: {'; '.join(errors) or 'no links'}")


def install_from_index(
    from_code: str, to_code: str, directory: Path, *, url: str,
    progress: Callable[[int, int | None], None] = lambda done, total: None,
) -> Package:
    entries = [e for e in fetch_index(url) if (e.from_code, e.to_code) == (from_code, to_code)]
    if not entries:
        raise PackageError(f"the Argos package index has no {from_code} → {to_code} package")
    entries.sort(key=lambda e: version_key(e.version), reverse=True)
    # Downloaded next to the packages (a dot-folder, never read as a package):
    # nothing is written anywhere else, and a partial download never counts.
    try:
        directory.mkdir(parents=True, exist_ok=True)
        scratch = tempfile.TemporaryDirectory(prefix=".downloading-", dir=directory)
    except OSError as error:
        raise PackageError(f"cannot write to the packages directory {directory}: {error.strerror}") from None
    with scratch:
        return install_file(download(entries[0], Path(scratch.name), progress), directory, pair=(from_code, to_code))
