"""A cache of diagnostics per file, in ``.newslint_cache/``.

An entry is keyed by everything that decides a file's diagnostics: its bytes,
its path (the reader and the config overrides go by it), newslint's version and
code, and the resolved config with the contents of its rule files. A changed
rule file, setting or newslint upgrade therefore misses instead of serving stale
findings. Entries are written to a temporary file and renamed into place, so
processes sharing the cache (``--jobs``, parallel pre-commit batches) never
read half an entry; an unreadable entry is simply a miss.
"""

from __future__ import annotations

import hashlib
import json
import os
import queue
import threading
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


@cache
def _rules_stamp(config_key: str, sources: tuple[str, ...]) -> str:
    """The resolved config plus the bytes of every rule file and pack manifest it reads."""
    digest = hashlib.sha256(config_key.encode())
    folders = sorted({os.path.dirname(os.path.dirname(source)) for source in sources})
    for folder in folders:
        for path in sorted(Path(folder).rglob("*.y*ml")):
            digest.update(str(path).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def config_stamp(config: Config) -> str:
    rules = config.resolve_rules()
    return _rules_stamp(config.key, tuple(sorted(rule.source for rule in rules)))


def cache_root(config: Config) -> str:
    """The config's folder when there is a config file, else the current folder."""
    return os.path.join(config.root if config.path else os.getcwd(), CACHE_DIR)


class Cache:
    def __init__(self, directory: str) -> None:
        self.directory = directory
        self._ready = False
        self._queue: queue.SimpleQueue[tuple[str, list[Diagnostic]] | None] | None = None
        self._writer: threading.Thread | None = None

    def key(self, path: str, data: bytes, config: Config) -> str:
        digest = hashlib.sha256()
        for part in (_code_stamp(), config_stamp(config), path):
            digest.update(part.encode("utf-8", "surrogateescape") + b"\0")
        digest.update(data)
        return digest.hexdigest()

    def _entry(self, key: str) -> str:
        # One flat folder: a sub-folder per key prefix made a cold run pay for
        # 256 mkdirs and slower creates, for no gain at a few thousand entries.
        return os.path.join(self.directory, key + ".json")

    def get(self, key: str) -> list[Diagnostic] | None:
        try:
            with open(self._entry(key), encoding="utf-8") as handle:
                data = json.loads(handle.read())
            if data.get("fields") != list(_FIELDS):
                return None
            return [Diagnostic(*row) for row in data["diagnostics"]]
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return None

    def put(self, key: str, diagnostics: list[Diagnostic]) -> None:
        """Queue an entry; a thread writes it while the linting goes on.

        Creating a file costs up to a millisecond on a busy disk, about what
        linting an article does, so writing in line would double a cold run.
        """
        if self._queue is None:
            self._queue = queue.SimpleQueue()
            self._writer = threading.Thread(target=self._write_all, name="newslint-cache", daemon=True)
            self._writer.start()
        self._queue.put((key, diagnostics))

    def close(self) -> None:
        """Wait for queued entries to be written."""
        if self._queue is not None and self._writer is not None:
            self._queue.put(None)
            self._writer.join()
            self._queue = self._writer = None

    def _write_all(self) -> None:
        assert self._queue is not None
        while (item := self._queue.get()) is not None:
            self._write(*item)

    def _write(self, key: str, diagnostics: list[Diagnostic]) -> None:
        """Store atomically; a cache that cannot be written is not an error."""
        entry = self._entry(key)
        # Unique per process: two processes writing one entry each use their own
        # temporary file, and the last rename wins with a complete entry.
        temporary = f"{entry}.{os.getpid()}.tmp"
        # Rows, not objects, and json.dumps (all C) rather than json.dump.
        rows = [tuple(vars(d).values()) for d in diagnostics]
        payload = json.dumps({"fields": _FIELDS, "diagnostics": rows}, ensure_ascii=False)
        try:
            self._ensure_directory()
            with open(temporary, "w", encoding="utf-8") as stream:
                stream.write(payload)
            os.replace(temporary, entry)
        except OSError:
            if os.path.exists(temporary):
                os.unlink(temporary)

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
