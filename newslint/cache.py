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
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator
from dataclasses import fields
from functools import cache

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


def _diagnostic(row: list[object]) -> Diagnostic:
    *values, replacement, safe = row
    fields = dict(zip(_FIELDS, values))
    fields["severity"] = Severity(fields["severity"])
    fix = Fix(replacement, bool(safe)) if isinstance(replacement, str) else None
    return Diagnostic(**fields, fix=fix)  # type: ignore[arg-type]


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
        if rows is None:
            return None
        try:
            return [_diagnostic(row) for row in rows]
        except (TypeError, ValueError):  # a damaged or hand-edited entry: a miss
            return None

    def put(self, key: str, diagnostics: list[Diagnostic]) -> None:
        self._new.setdefault(key[:1], {})[key] = [_row(d) for d in diagnostics]

    def close(self) -> None:
        """Write this run's new entries, each shard merged with what is on disk now."""
        for name, new in self._new.items():
            entries = self._read(name)
            if len(entries) + len(new) > MAX_SHARD_ENTRIES:
                entries = {}  # an old archive's worth of stale entries: start afresh
            entries.update(new)
            self._write(name, entries)
            self._shards[name] = entries
        self._new = {}

    def _read(self, name: str) -> dict[str, list[list[object]]]:
        try:
            with open(os.path.join(self.folder, f"{name}.json"), encoding="utf-8") as handle:
                data = json.loads(handle.read())
            entries = data.get("entries")
            if data.get("fields") != list(_FIELDS) or not isinstance(entries, dict):
                return {}
            return entries
        except (OSError, ValueError, AttributeError):
            return {}

    def _write(self, name: str, entries: dict[str, list[list[object]]]) -> None:
        payload = json.dumps({"fields": _FIELDS, "entries": entries}, ensure_ascii=False, separators=(",", ":"))
        file = os.path.join(self.folder, f"{name}.json")
        temporary = f"{file}.{os.getpid()}.tmp"
        try:
            self._ensure_directory()
            with open(temporary, "w", encoding="utf-8") as stream:
                stream.write(payload)
            os.replace(temporary, file)
        except OSError:  # a cache that cannot be written is not an error
            if os.path.exists(temporary):
                os.unlink(temporary)

    def _ensure_directory(self) -> None:
        if self._ready or os.path.isdir(self.folder):
            self._ready = True
            return
        os.makedirs(self.folder, exist_ok=True)
        try:  # the single file that held every entry before the shards
            os.remove(os.path.join(self.directory, "results.json"))
        except OSError:
            pass
        # Keep the cache out of version control, as pytest and ruff do.
        try:
            with open(os.path.join(self.directory, ".gitignore"), "x", encoding="utf-8") as handle:
                handle.write("# Created by newslint; safe to delete.\n*\n")
        except OSError:
            pass
        self._ready = True
