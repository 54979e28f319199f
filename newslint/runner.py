"""Checking files: read, parse, lint and (with --fix) write back, one file at a time."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from newslint.config import Config, discover, load
from newslint.engine import Diagnostic, lint_document
from newslint.readers import ReadError, decode, parse, read_bytes

if TYPE_CHECKING:
    from newslint.cache import Cache


@dataclass
class FileResult:
    path: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    error: str | None = None  # one line: why the file could not be checked
    text: str = ""  # the text as checked (after fixing, with --fix)
    fixed_text: str | None = None  # what --fix produced, when it changed anything
    diff: str = ""
    #: Set when the diagnostics were linted and belong in the cache under this key.
    cache_key: str | None = None


class ConfigFinder:
    """The config for each file: --config if given, else the nearest one, cached by folder."""

    def __init__(
        self, explicit: Config | None = None, select: tuple[str, ...] | None = None, ignore: tuple[str, ...] = ()
    ) -> None:
        self.explicit, self.select, self.ignore = explicit, select, ignore
        self._by_folder: dict[str, Config] = {}
        self._last_head: str | None = None
        self._last_config = Config()

    def for_path(self, path: str) -> Config:
        """The config for a file, a folder or ``-`` (stdin: the current folder)."""
        if path == "-" or os.path.isdir(path):
            return self._for_folder(os.path.abspath(path if path != "-" else "."))
        return self.for_file(path)

    def for_file(self, path: str) -> Config:
        """The config for a file that exists. The files of one folder come in a
        row, so the folder as written is remembered: a cheaper key than the
        absolute one."""
        head = os.path.dirname(path)
        if head != self._last_head:
            self._last_head = head
            self._last_config = self._for_folder(os.path.dirname(os.path.abspath(path)))
        return self._last_config

    def _for_folder(self, folder: str) -> Config:
        config = self._by_folder.get(folder)
        if config is None:
            if self.explicit is not None:
                found = self.explicit
            else:
                discovered = discover(folder)
                found = load(discovered) if discovered else Config()
            # With --select/--ignore applied once per folder, not once per file.
            config = self._by_folder[folder] = found.with_cli(self.select, self.ignore)
        return config


def check_file(
    path: str,
    config: Config,
    *,
    fix: bool = False,
    diff: bool = False,
    unsafe_fixes: bool = False,
    stdin_name: str | None = None,
    cache: Cache | None = None,
) -> FileResult:
    """Check one file (``-`` is stdin); with ``fix`` write the fixes, with ``diff`` only show them.

    ``cache`` serves diagnostics (a miss sets ``cache_key`` for the caller to
    store); it is ignored with ``fix`` or ``diff`` (they need every round of
    linting) and for stdin.
    """
    display = stdin_name or path if path == "-" else path
    result = FileResult(display)
    try:
        data = sys.stdin.buffer.read() if path == "-" else read_bytes(path)
        source = decode(data, stdin_name or "<stdin>" if path == "-" else path)
    except ReadError as error:
        result.error = str(error)
        return result
    result.text = source.text
    lint_path = display if path == "-" else path
    config = config.for_path(lint_path)

    def lint(text: str) -> list[Diagnostic]:
        return lint_document(parse(text, lint_path), config)

    if fix or diff:
        from newslint.fixes import (  # difflib: only when fixing
            fix_until_stable,
            unified_diff,
            write_atomically,
        )

        fixed = fix_until_stable(source.text, lint, unsafe=unsafe_fixes)
        if fixed != source.text:
            result.fixed_text = fixed
            if diff:
                result.diff = unified_diff(display, source.text, fixed)
            elif path != "-":
                write_atomically(path, source, fixed)
            if not diff:
                result.text = fixed
    elif cache is not None and path != "-":
        key = cache.key(path, data, config)
        cached = cache.get(key)
        if cached is None:
            # The caller stores it: with --jobs only the parent process writes.
            cached, result.cache_key = lint(result.text), key
        result.diagnostics = cached
        return result
    result.diagnostics = lint(result.text)
    return result
