"""A cache of diagnostics per file, in ``.newslint_cache/results/``.

An entry is keyed by everything that decides a file's diagnostics: its bytes,
its path (the reader and the config overrides go by it), newslint's version and
code, and the resolved config with the contents of its rule files. A changed
rule file, setting or newslint upgrade therefore misses instead of serving stale
findings.

Entries are spread over 16 shard files by the first hex digit of their key.
A run reads only the shards its files fall in, and rewrites only the ones it
added to: a one-file pre-commit run reads and writes a sixteenth of the
archive's results. (One file for every entry made that run read and rewrite
all of them, ~25 ms for 2,000 articles. Creating a file costs ~1 ms on some
disks, so a file per article, or 256 shards, made a cold run over an archive
slower than the linting.) A shard is written
to a temporary file and renamed into place, after merging what another
process wrote meanwhile, so processes sharing the cache (``--jobs``, parallel
pre-commit batches) never read half of one; a lost race loses a few entries,
never a file, and an unreadable shard is simply a miss.

What is read is checked before it is used: a shard that is not JSON, is too
deep, or holds a row of the wrong shape or types is a miss, never an error.
A cache folder (or shard) that is a symbolic link is not used at all: a link
committed to a repository must not make newslint write outside it.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from collections.abc import Iterator
from dataclasses import fields
from functools import cache

from newslint.files import FileProblem, read_regular, remove_stale_temporaries, write_atomically
from newslint.model import Diagnostic, Fix, Severity
from newslint.version import __version__

CACHE_DIR = ".newslint_cache"
#: The columns of a stored diagnostic; a shard with other columns is a miss.
_FIELDS = (*(field.name for field in fields(Diagnostic) if field.name != "fix"), "fix", "fix_safe")


def _files(folder: str, suffixes: tuple[str, ...]) -> Iterator[str]:
    """Files under ``folder`` ending in one of ``suffixes``, in a stable order."""
    for root, dirs, names in os.walk(folder):
        dirs.sort()
        yield from (os.path.join(root, name) for name in sorted(names) if name.endswith(suffixes))


@cache
def _code_stamp() -> str:
    """newslint's own source files by size and mtime: an edited check invalidates."""
    package = os.path.dirname(os.path.abspath(__file__))
    digest = hashlib.sha256(__version__.encode())
    for path in _files(package, (".py",)):
        stat = os.stat(path)
        digest.update(f"{os.path.relpath(path, package)}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()


def cache_root(folder: str) -> str:
    """The cache folder for a run from ``folder``: beside the nearest config
    file above it (a project's root), else in ``folder`` itself."""
    from newslint.config import discover

    found = discover(folder)
    return os.path.join(os.path.dirname(found) if found else folder, CACHE_DIR)


def _row(d: Diagnostic) -> list[object]:
    values: list[object] = [getattr(d, name) for name in _FIELDS[:-2]]
    values[_FIELDS.index("severity")] = d.severity.value
    return [*values, d.fix.replacement if d.fix else None, d.fix.safe if d.fix else True]


#: The type of each column of a stored row, ``fix`` (a replacement or None) and ``fix_safe`` last.
_TYPES: dict[str, type | tuple[type, ...]] = {
    name: (str if name in ("path", "rule", "severity", "message", "found") else int) for name in _FIELDS[:-2]
}


def _diagnostic(row: object) -> Diagnostic:
    """A stored row as a Diagnostic; ValueError for a row this module did not write."""
    if not isinstance(row, list) or len(row) != len(_FIELDS):
        raise ValueError("not a row")
    *values, replacement, safe = row
    fields = dict(zip(_FIELDS, values))
    for name, kind in _TYPES.items():
        if not isinstance(fields[name], kind) or isinstance(fields[name], bool):
            raise ValueError(f"bad {name}")
    if not (replacement is None or isinstance(replacement, str)) or not isinstance(safe, bool):
        raise ValueError("bad fix")
    fields["severity"] = Severity(fields["severity"])
    fix = Fix(replacement, safe) if replacement is not None else None
    return Diagnostic(**fields, fix=fix)


#: A shard that would grow past this many entries is rewritten with this run's
#: entries only: stale ones go, and 16 shards start to reset at ~60,000
#: entries, enough for an archive, not unbounded.
MAX_SHARD_ENTRIES = 4000


class Cache:
    def __init__(self, directory: str) -> None:
        self.directory = directory
        self.folder = os.path.join(directory, "results")
        self._shards: dict[str, dict[str, list[list[object]]]] = {}
        self._new: dict[str, dict[str, list[list[object]]]] = {}  # shard name -> key -> rows
        self._ready = False
        #: False once the folder proves to be a symlink (or not a folder): no reads, no writes.
        self._usable = _not_a_link(directory) and _not_a_link(self.folder)

    def holds_anything(self) -> bool:
        """Whether any shard is on disk: a cold cache is not worth asking file by file."""
        try:
            return self._usable and any(name.endswith(".json") for name in os.listdir(self.folder))
        except OSError:
            return False

    def key(self, path: str, data: bytes, config_stamp: str) -> str:
        """Everything that decides a file's diagnostics: newslint's code, the
        config's stamp (its settings and rule files' bytes), the path, the bytes."""
        digest = hashlib.sha256()
        for part in (_code_stamp(), config_stamp, path):
            digest.update(part.encode("utf-8", "surrogateescape") + b"\0")
        digest.update(data)
        return digest.hexdigest()

    def file_for(self, key: str) -> str:
        """The shard file that holds ``key``."""
        return os.path.join(self.folder, f"{key[:1]}.json")

    def get(self, key: str) -> list[Diagnostic] | None:
        name = key[:1]
        shard = self._shards.get(name)
        if shard is None:
            shard = self._shards[name] = self._read(name)
        rows = self._new.get(name, {}).get(key) or shard.get(key)
        if not isinstance(rows, list):
            return None
        try:
            return [_diagnostic(row) for row in rows]
        except (TypeError, ValueError):  # a damaged or hand-edited entry: a miss
            return None

    def put(self, key: str, diagnostics: list[Diagnostic]) -> None:
        self._new.setdefault(key[:1], {})[key] = [_row(d) for d in diagnostics]

    def close(self) -> None:
        """Write this run's new entries, each shard merged with what is on disk now."""
        if self._new and self._usable and os.path.isdir(self.folder):
            remove_stale_temporaries(self.folder)  # left by runs that were killed while writing
        for name, new in self._new.items():
            entries = self._read(name)
            if len(entries) + len(new) > MAX_SHARD_ENTRIES:
                entries = {}  # an old archive's worth of stale entries: start afresh
            entries.update(new)
            self._write(name, entries)
            self._shards[name] = entries
        self._new = {}

    def _read(self, name: str) -> dict[str, list[list[object]]]:
        if not self._usable:
            return {}
        try:
            raw = read_regular(os.path.join(self.folder, f"{name}.json"), follow_symlinks=False)
            data = json.loads(raw)
            entries = data.get("entries")
            if data.get("fields") != list(_FIELDS) or not isinstance(entries, dict):
                return {}
            return entries
        except (FileProblem, ValueError, AttributeError, RecursionError):
            return {}

    def _write(self, name: str, entries: dict[str, list[list[object]]]) -> None:
        if not self._usable:
            return
        payload = json.dumps({"fields": _FIELDS, "entries": entries}, ensure_ascii=False, separators=(",", ":"))
        try:
            self._ensure_directory()
            file = os.path.join(self.folder, f"{name}.json")
            write_atomically(file, payload.encode("utf-8"), durable=False, mode=0o644, follow_symlinks=False)
        except OSError:  # a cache that cannot be written is not an error
            self._usable = False

    def _ensure_directory(self) -> None:
        if self._ready or os.path.isdir(self.folder):
            self._ready = True
            if not (_not_a_link(self.directory) and _not_a_link(self.folder)):
                raise NotADirectoryError(self.folder)
            return
        os.makedirs(self.folder, exist_ok=True)
        if not (_not_a_link(self.directory) and _not_a_link(self.folder)):
            raise NotADirectoryError(self.folder)  # a link made meanwhile: not followed
        try:  # the single file that held every entry before the shards
            os.remove(os.path.join(self.directory, "results.json"))
        except OSError:
            pass
        # Keep the cache out of version control, as pytest and ruff do.
        try:
            handle = os.open(
                os.path.join(self.directory, ".gitignore"),
                os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0),
                0o644,
            )
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                stream.write("# Created by newslint; safe to delete.\n*\n")
        except OSError:
            pass
        self._ready = True


def _not_a_link(path: str) -> bool:
    """True for a real folder or nothing yet; False for a symlink or a file."""
    try:
        status = os.lstat(path)
    except FileNotFoundError:
        return True
    except OSError:
        return False
    return stat.S_ISDIR(status.st_mode)
