"""Compiled `regex` patterns kept between runs.

Compiling is the `regex` module's Python half at work: ~0.3 ms a pattern,
~25 ms for the ~90 patterns a one-file run uses, every run. The module
pickles a compiled pattern as its code rather than its source, so a pattern
read back from the user's cache (``~/.cache/newslint/regex/``) costs tens of
microseconds. An entry is named by a hash of all that decides the code: the
module's and Python's versions, the pattern, its flags and the words of its
named lists. Reading one back calls nothing but the module's own
``compile`` on the code it wrote, and only after the entry's checksum holds.
"""

from __future__ import annotations

import hashlib
import io
import pickle
import sys
from collections.abc import Collection, Mapping
from typing import Any

import regex

from newslint.usercache import EntryCache

#: Names the layout of an entry; a change makes every old entry a miss.
_FORMAT = "newslint compiled regex 1"
#: The largest entry read back: the biggest built-in pattern's code is ~40 KB.
_MAX_ENTRY = 4_000_000
_DIGEST = 32
_entries: EntryCache | None = None


def compile_regex(pattern: str, flags: int = 0, lists: Mapping[str, Collection[str]] | None = None) -> Any:
    """``regex.compile(pattern, flags, **lists)``, from the cache when this
    pattern was compiled before. A bad pattern raises as ``regex.compile`` does."""
    global _entries
    if _entries is None:
        _entries = EntryCache("regex", ".pickle", _MAX_ENTRY)
    key = _key(pattern, flags, lists or {})
    compiled = _read(_entries, key, pattern)
    if compiled is None:
        compiled = regex.compile(pattern, flags, **(lists or {}))  # type: ignore[arg-type]  # named lists go as keywords
        payload = pickle.dumps((key, compiled), pickle.HIGHEST_PROTOCOL)
        _entries.write(key, hashlib.sha256(payload).digest() + payload)
    return compiled


def _key(pattern: str, flags: int, lists: Mapping[str, Collection[str]]) -> str:
    versions = f"{_FORMAT}\0{regex.__version__}\0{sys.version_info[0]}.{sys.version_info[1]}"
    named = "\0".join(f"{name}\1{chr(1).join(sorted(words))}" for name, words in sorted(lists.items()))
    return hashlib.sha256(f"{versions}\0{flags}\0{pattern}\0{named}".encode("utf-8", "surrogatepass")).hexdigest()


def _read(entries: EntryCache, key: str, pattern: str) -> Any:
    """The compiled pattern an entry holds, or None (none, or damaged)."""
    raw = entries.read(key)
    if raw is None or hashlib.sha256(raw[_DIGEST:]).digest() != raw[:_DIGEST]:
        return None
    try:
        stored_key, compiled = _PatternUnpickler(io.BytesIO(raw[_DIGEST:])).load()
    except Exception:  # noqa: BLE001 - whatever a damaged entry raises, it is a miss
        return None
    if stored_key != key or getattr(compiled, "pattern", None) != pattern:
        return None
    return compiled


class _PatternUnpickler(pickle.Unpickler):
    """Builds nothing but what the `regex` module pickles a pattern as."""

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) == ("regex._regex", "compile"):
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"not a pattern: {module}.{name}")
