"""Entries kept between runs in the user's cache folder
(``~/.cache/newslint/<kind>/``, or under ``$XDG_CACHE_HOME``).

Each entry is one small file named by a hash of everything its value
depends on, so an entry can only ever serve what it was made from, a run
reads only the entries it needs, and writing one costs one small file
(written atomically, never through a link). A missing, unreadable or
damaged entry is a miss: the caller makes the value afresh. A home that
cannot be written turns writing off, quietly. Holding only what newslint
can make again, the cache can never change a result.
"""

from __future__ import annotations

import os

from newslint.files import FileProblem, read_regular, remove_quietly, write_atomically

#: Past this many entries of one kind, the oldest quarter is removed (once per
#: process that writes).
MAX_ENTRIES = 50_000


class EntryCache:
    """The entries of one kind: ``read(key)`` and ``write(key, data)``."""

    def __init__(self, kind: str, suffix: str, max_size: int) -> None:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        self.folder: str | None = os.path.join(base, "newslint", kind) if os.path.isabs(base) else None
        self.suffix = suffix
        self.max_size = max_size
        self.pruned = False

    def read(self, key: str) -> bytes | None:
        """The entry's bytes, or None where there is none to read."""
        if self.folder is None:
            return None
        try:
            return read_regular(os.path.join(self.folder, key + self.suffix), self.max_size, follow_symlinks=False)
        except FileProblem:
            return None

    def write(self, key: str, data: bytes) -> None:
        """Keep an entry, in its own file."""
        if self.folder is None:
            return
        try:
            self._ensure_folder()
            entry = os.path.join(self.folder, key + self.suffix)
            write_atomically(entry, data, durable=False, mode=0o644, follow_symlinks=False)
        except OSError:
            self.folder = None  # a read-only home: make every value afresh, quietly

    def _ensure_folder(self) -> None:
        assert self.folder is not None
        if self.pruned:
            return
        os.makedirs(self.folder, exist_ok=True)
        if os.path.islink(self.folder) or not os.path.isdir(self.folder):
            raise NotADirectoryError(self.folder)  # never write through a link out of the cache
        self._prune()
        self.pruned = True

    def _prune(self) -> None:
        assert self.folder is not None
        with os.scandir(self.folder) as scan:
            entries = [entry for entry in scan if entry.name.endswith(self.suffix)]
        if len(entries) <= MAX_ENTRIES:
            return
        oldest = sorted(entries, key=lambda entry: entry.stat(follow_symlinks=False).st_mtime)
        for entry in oldest[: len(entries) - MAX_ENTRIES * 3 // 4]:
            remove_quietly(entry.path)
