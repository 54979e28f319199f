"""Checking one file: read, parse, lint and (with --fix) write back."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from newslint.checks._patterns import PatternTimeout
from newslint.config import Config
from newslint.files import DEFAULT_MAX_FILE_SIZE, NotWritten
from newslint.linter import Linter
from newslint.model import Diagnostic
from newslint.readers import ReadError, decode, is_binary, read_bytes, read_stream

if TYPE_CHECKING:
    from newslint.cache import Cache


@dataclass
class FileResult:
    path: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    error: str | None = None  # one line: why the file could not be checked
    #: The text as checked, kept only where the run needs it (stdin, --fix);
    #: a worker never sends an article back.
    text: str | None = None
    fixed_text: str | None = None  # what --fix produced, when it changed anything
    fixed: int = 0  # how many findings --fix (or --diff) fixed
    diff: str = ""
    #: Set when the diagnostics were linted and belong in the cache under this key.
    cache_key: str | None = None


@dataclass(frozen=True)
class FixOptions:
    fix: bool = False
    diff: bool = False
    unsafe: bool = False
    read_only: bool = False  # --fix-read-only: write files that have no write permission too
    #: Folders already cleared of temporary files that killed runs left.
    cleaned: set[str] = field(default_factory=set, compare=False)

    @property
    def active(self) -> bool:
        return self.fix or self.diff


def check_file(
    path: str,
    config: Config,
    linter: Linter,
    *,
    fixing: FixOptions = FixOptions(),
    stdin_name: str | None = None,
    cache: Cache | None = None,
    max_size: int | None = DEFAULT_MAX_FILE_SIZE,
) -> FileResult:
    """Check one file (``-`` is stdin); with ``fixing.fix`` write the fixes,
    with ``fixing.diff`` only show them.

    ``cache`` serves diagnostics (a miss sets ``cache_key`` for the caller to
    store); it is not used when fixing (that needs every round of linting)
    nor for stdin. A file over ``max_size`` bytes is not read. Whatever stops
    a file being checked or fixed (a rule pattern past its time limit, a
    write that cannot be made safely) is the result's ``error``, one line.
    """
    display = stdin_name or path if path == "-" else path
    try:
        return _check_file(path, config, linter, fixing, stdin_name, cache, max_size)
    except PatternTimeout as timeout:
        return FileResult(display, error=f"{display}: not checked: {timeout}")
    except NotWritten as error:
        return FileResult(display, error=str(error))


def _check_file(
    path: str,
    config: Config,
    linter: Linter,
    fixing: FixOptions,
    stdin_name: str | None,
    cache: Cache | None,
    max_size: int | None,
) -> FileResult:
    display = stdin_name or path if path == "-" else path
    result = FileResult(display)
    lint_path = display if path == "-" else path
    binary = is_binary(config.reader_for(lint_path) or "text")
    try:
        if binary and fixing.active:
            raise ReadError(
                f"{display}: --fix and --diff do not write {_suffix(display)} files (newslint only checks them)"
            )
        if path == "-":
            data = read_stream(getattr(sys.stdin, "buffer", None), stdin_name or "<stdin>", max_size)
        else:
            data = read_bytes(path, max_size)
        source = decode(data, stdin_name or "<stdin>" if path == "-" else path) if not binary else None
    except ReadError as error:
        result.error = str(error)
        return result

    def lint(text: str | bytes) -> list[Diagnostic]:
        return linter.lint_text(text, lint_path, config)

    if source is None:  # a binary format: its reader takes the bytes
        try:
            key = _cache_key(cache, lint_path, data, linter, config)
            result.diagnostics = _cached(cache, key, result, lambda: lint(data))
        except ReadError as error:
            result.error = str(error)
        return result

    if fixing.active:
        from newslint.fixes import fix_until_stable, unified_diff, write_fixed  # difflib: only when fixing

        result.text = source.text
        applied: list[Diagnostic] = []
        fixed = fix_until_stable(source.text, lint, unsafe=fixing.unsafe, applied=applied)
        result.fixed = len(applied)
        if fixed != source.text:
            result.fixed_text = fixed
            if fixing.diff:
                result.diff = unified_diff(display, source.text, fixed)
            elif path != "-":
                write_fixed(path, data, source.encode(fixed), read_only=fixing.read_only, cleaned=fixing.cleaned)
            if not fixing.diff:
                result.text = fixed
    elif path == "-":
        result.text = source.text
    else:
        key = _cache_key(cache, path, data, linter, config)
        # Linting needs the text alone: the bytes of a long article, its size
        # again, go before the checks make the most they hold.
        del data
        result.diagnostics = _cached(cache, key, result, lambda: lint(source.text))
        return result
    result.diagnostics = lint(result.text if result.text is not None else source.text)
    return result


def _cache_key(cache: Cache | None, path: str, data: bytes, linter: Linter, config: Config) -> str | None:
    """Where the diagnostics for these bytes are cached; None without a cache, or for stdin."""
    if cache is None or path == "-":
        return None
    return cache.key(path, data, linter.stamp(config.for_path(path)))


def _cached(
    cache: Cache | None, key: str | None, result: FileResult, lint: Callable[[], list[Diagnostic]]
) -> list[Diagnostic]:
    """The diagnostics cached under ``key``, or ``lint()``'s (then ``result.cache_key`` says where to store them)."""
    if cache is None or key is None:
        return lint()
    cached = cache.get(key)
    if cached is None:
        # The caller stores it: with --jobs only the parent process writes.
        cached, result.cache_key = lint(), key
    return cached


def cached_result(
    path: str, config: Config, linter: Linter, cache: Cache, max_size: int | None = DEFAULT_MAX_FILE_SIZE
) -> FileResult | None:
    """The file's result from the cache, or None (a miss, or a file to leave
    to ``check_file``, which reports what is wrong with it). Reading and
    hashing the file is all it costs: no rule is loaded for a hit."""
    try:
        data = read_bytes(path, max_size)
    except ReadError:
        return None
    found = cache.get(cache.key(path, data, linter.stamp(config.for_path(path))))
    return None if found is None else FileResult(path, diagnostics=found)


def _suffix(path: str) -> str:
    return os.path.splitext(path)[1].lower() or path
