"""A cache of diagnostics per file, in ``.newslint_cache/results.json``.

An entry is keyed by everything that decides a file's diagnostics: its bytes,
its path (the reader and the config overrides go by it), newslint's version and
code, and the resolved config with the contents of its rule files. A changed
rule file, setting or newslint upgrade therefore misses instead of serving stale
findings.

All entries live in one file, read once and written once per run: creating a
file per article cost a cold run over an archive more than the linting did.
The file is written to a temporary file and renamed into place, after merging
what another process wrote meanwhile, so processes sharing the cache
(``--jobs``, parallel pre-commit batches) never read half of it; a lost race
loses a few entries, never the file, and an unreadable file is simply a miss.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import fields
from functools import cache
from pathlib import Path

from newslint import __version__
from newslint.config import Config
from newslint.engine import Diagnostic

CACHE_DIR = ".newslint_cache"
_FIELDS = tuple(field.name for field in fields(Diagnostic))


@cache
def _code_stamp() -> str:
    """newslint's own source files by size and mtime: an edited check invalidates."""
    package = Path(__file__).resolve().parent
    digest = hashlib.sha256(__version__.encode())
    for path in sorted(package.rglob("*.py")):
        stat = path.stat()
        digest.update(f"{path.relative_to(package)}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()


def _rules_stamp(config_key: str, sources: tuple[str, ...]) -> str:
    """The resolved config plus the bytes of every rule file and pack manifest it reads."""
    digest = hashlib.sha256(config_key.encode())
    folders = sorted({os.path.dirname(os.path.dirname(source)) for source in sources})
    for folder in folders:
        for path in sorted(Path(folder).rglob("*.y*ml")):
            digest.update(str(path).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def config_stamp(config: Config) -> str:
    stamp = _CONFIG_STAMPS.get(config.key)
    if stamp is None:  # once per config, not once per file
        rules = config.resolve_rules()
        stamp = _CONFIG_STAMPS[config.key] = _rules_stamp(config.key, tuple(sorted(rule.source for rule in rules)))
    return stamp


_CONFIG_STAMPS: dict[str, str] = {}


def cache_root(config: Config) -> str:
    """The config's folder when there is a config file, else the current folder."""
    return os.path.join(config.root if config.path else os.getcwd(), CACHE_DIR)


#: Entries kept beyond those this run used: enough for an archive, not unbounded.
MAX_ENTRIES = 50_000


class Cache:
    def __init__(self, directory: str) -> None:
        self.directory = directory
        self.file = os.path.join(directory, "results.json")
        self._entries: dict[str, list[list[object]]] | None = None
        self._new: dict[str, list[list[object]]] = {}
        self._ready = False

    def key(self, path: str, data: bytes, config: Config) -> str:
        digest = hashlib.sha256()
        for part in (_code_stamp(), config_stamp(config), path):
            digest.update(part.encode("utf-8", "surrogateescape") + b"\0")
        digest.update(data)
        return digest.hexdigest()

    def get(self, key: str) -> list[Diagnostic] | None:
        if self._entries is None:
            self._entries = self._read()
        rows = self._new.get(key) or self._entries.get(key)
        if rows is None:
            return None
        try:
            return [Diagnostic(*row) for row in rows]  # type: ignore[arg-type]
        except TypeError:
            return None

    def put(self, key: str, diagnostics: list[Diagnostic]) -> None:
        self._new[key] = [list(vars(d).values()) for d in diagnostics]

    def close(self) -> None:
        """Write this run's new entries, merged with what is on disk now."""
        if not self._new:
            return
        entries = self._read()
        if len(entries) + len(self._new) > MAX_ENTRIES:
            entries = {}  # an old archive's worth of stale entries: start afresh
        entries.update(self._new)
        payload = json.dumps({"fields": _FIELDS, "entries": entries}, ensure_ascii=False, separators=(",", ":"))
        temporary = f"{self.file}.{os.getpid()}.tmp"
        try:
            self._ensure_directory()
            with open(temporary, "w", encoding="utf-8") as stream:
                stream.write(payload)
            os.replace(temporary, self.file)
        except OSError:  # a cache that cannot be written is not an error
            if os.path.exists(temporary):
                os.unlink(temporary)
        self._entries, self._new = entries, {}

    def _read(self) -> dict[str, list[list[object]]]:
        try:
            with open(self.file, encoding="utf-8") as handle:
                data = json.loads(handle.read())
            if data.get("fields") != list(_FIELDS) or not isinstance(data.get("entries"), dict):
                return {}
            return data["entries"]
        except (OSError, ValueError, AttributeError):
            return {}

    def _ensure_directory(self) -> None:
        if self._ready or os.path.isdir(self.directory):
            self._ready = True
            return
        os.makedirs(self.directory, exist_ok=True)
        # Keep the cache out of version control, as pytest and ruff do.
        try:
            with open(os.path.join(self.directory, ".gitignore"), "x", encoding="utf-8") as handle:
                handle.write("# Created by newslint; safe to delete.\n*\n")
        except OSError:
            pass
        self._ready = True
