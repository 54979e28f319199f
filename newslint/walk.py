"""Finding the files to check, each with its config.

Folders are walked in a stable order. Each folder's own config decides what
is excluded below it (its ``exclude``, gitignore patterns relative to the
config's folder), and a repository's ``.gitignore`` files and
``.git/info/exclude`` are honoured as git honours them (``pathspec``), unless
turned off. Hidden folders (``.git``, ``.venv``) are never walked. A file
named on the command line is checked even if excluded, unless
``force_exclude`` says otherwise (as ruff does), so an editor or pre-commit
can pass every file it has.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from newslint.config import Config


@dataclass(frozen=True)
class Found:
    """A file to check and its config; or a path that cannot be checked
    (``error``: a failure, exit 2) or was left out on purpose (``skipped``)."""

    path: str
    config: Config | None = None
    error: str = ""
    skipped: str = ""


ConfigFor = Callable[[str], Config]


def walk(
    paths: Iterable[str],
    config_for: ConfigFor,
    readable: Callable[[str, Config], bool],
    *,
    respect_gitignore: bool = True,
    force_exclude: bool = False,
) -> Iterator[Found]:
    """Every file to check under ``paths``, in order, with its config.

    ``config_for(path)`` gives a file's or folder's config; ``readable(path,
    config)`` says whether a reader takes the file.
    """
    for path in paths:
        if path == "-":
            yield Found(path, config_for(path))
        elif os.path.isdir(path):
            yield from _walk_folder(path, config_for, readable, respect_gitignore)
        elif not os.path.lexists(path):
            yield Found(path, error="no such file or directory")
        else:
            config = config_for(path)
            if force_exclude and excluded(path, config, respect_gitignore=respect_gitignore):
                yield Found(path, skipped="excluded by the config or .gitignore (--force-exclude)")
            else:
                yield Found(path, config)


def excluded(path: str, config: Config, *, respect_gitignore: bool = True) -> bool:
    """Whether ``exclude`` (or, unless told not to, .gitignore) covers ``path``,
    as ``--force-exclude`` decides for a named file (and for stdin's name)."""
    return _excluded(path, config, _GitIgnores.for_path(path) if respect_gitignore else None)


def _excluded(path: str, config: Config, ignores: _GitIgnores | None) -> bool:
    if config.is_excluded(path):
        return True
    parts = os.path.abspath(path).split(os.sep)
    for depth in range(2, len(parts)):  # any folder above it excluded excludes it
        folder = os.sep.join(parts[:depth])
        if config.is_excluded(folder, folder=True) or (ignores is not None and ignores.ignored(folder, True)):
            return True
    return ignores is not None and ignores.ignored(path, False)


def _walk_folder(
    top: str, config_for: ConfigFor, readable: Callable[[str, Config], bool], gitignore: bool
) -> Iterator[Found]:
    ignores = _GitIgnores.for_path(top) if gitignore else None
    errors: list[OSError] = []
    for root, dirs, files in os.walk(top, onerror=errors.append):
        yield from _unreadable(errors)
        config = config_for(root)
        if ignores is not None:
            ignores.enter(root)
        kept = []
        for name in sorted(dirs):
            full = os.path.join(root, name)
            if name.startswith(".") or config.is_excluded(full, folder=True):
                continue
            if ignores is not None and ignores.ignored(full, True):
                continue
            kept.append(name)
        dirs[:] = kept
        for name in sorted(files):
            full = os.path.join(root, name)
            if not readable(full, config) or config.is_excluded(full):
                continue
            if ignores is not None and ignores.ignored(full, False):
                continue
            yield Found(full, config)
    yield from _unreadable(errors)


def _unreadable(errors: list[OSError]) -> Iterator[Found]:
    """Folders the walk could not read: each an error, never a silent gap."""
    for error in errors:
        yield Found(str(error.filename), error=f"cannot read folder: {error.strerror}")
    errors.clear()


class _GitIgnores:
    """The ignore files of one git repository, read as the walk goes down.

    Each ``.gitignore`` speaks for its own folder and below, a deeper one
    overriding a shallower one; ``.git/info/exclude`` speaks for the whole
    repository, below them all.
    """

    def __init__(self, repository: str) -> None:
        self.repository = repository
        self.specs: dict[str, Any] = {}  # folder -> spec, for folders read so far
        exclude = os.path.join(repository, ".git", "info", "exclude")
        self.base = _read_spec(exclude)

    @classmethod
    def for_path(cls, path: str) -> _GitIgnores | None:
        """The repository ``path`` is in, with the ignore files above it read."""
        folder = os.path.abspath(path if os.path.isdir(path) else os.path.dirname(path) or ".")
        current = folder
        while True:
            if os.path.exists(os.path.join(current, ".git")):
                ignores = cls(current)
                ignores._enter_chain(folder)
                return ignores
            parent = os.path.dirname(current)
            if parent == current:
                return None
            current = parent

    def _enter_chain(self, folder: str) -> None:
        relative = os.path.relpath(folder, self.repository)
        current = self.repository
        self.enter(current)
        if relative != ".":
            for part in relative.split(os.sep):
                current = os.path.join(current, part)
                self.enter(current)

    def enter(self, folder: str) -> None:
        folder = os.path.abspath(folder)
        if folder not in self.specs:
            self.specs[folder] = _read_spec(os.path.join(folder, ".gitignore"))

    def ignored(self, path: str, is_folder: bool) -> bool:
        """Whether git ignores ``path``: the deepest ignore file with a pattern
        for it decides, and the last matching pattern in that file."""
        full = os.path.abspath(path)
        folder = os.path.dirname(full)
        suffix = "/" if is_folder else ""
        while folder.startswith(self.repository):
            spec = self.specs.get(folder)
            if spec is not None:
                result = spec.check_file(os.path.relpath(full, folder).replace(os.sep, "/") + suffix)
                if result.include is not None:
                    return bool(result.include)
            if folder == self.repository:
                break
            folder = os.path.dirname(folder)
        if self.base is not None:
            result = self.base.check_file(os.path.relpath(full, self.repository).replace(os.sep, "/") + suffix)
            return bool(result.include)
        return False


def _read_spec(path: str) -> Any:
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            lines = handle.read().splitlines()
    except OSError:
        return None
    import pathspec

    return pathspec.GitIgnoreSpec.from_lines(lines)
