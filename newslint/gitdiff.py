"""``--changed-since REF``: the files and lines changed since a git ref.

A desk can gate pull requests on an archive full of old problems without a
baseline: only the files changed since REF are checked, and only findings on
the lines they changed are reported. "Since" means since this branch left
REF (``git merge-base REF HEAD``, as a pull request's diff does), so what
reached REF meanwhile is not counted; what is committed, staged or only in
the working tree counts, and so does a new file git does not ignore.

git is asked for a zero-context diff with every setting that could change
its shape pinned (colour, external diff tools, text conversion, prefixes,
quoted names), and the diff is read for the ``+++`` file names and the
added side of each ``@@`` hunk. A file git calls binary (a Word file) counts
as changed throughout.
"""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass

#: ``@@ -12,3 +12,4 @@``: each side's first line and count (1 when left out).
_HUNK_RE = re.compile(r"@@ -\d+(?:,(\d+))? \+(\d+)(?:,(\d+))? @@")
_ESCAPES = {"a": 7, "b": 8, "t": 9, "n": 10, "v": 11, "f": 12, "r": 13, '"': 34, "\\": 92}


class GitError(Exception):
    """git could not say what changed; the message is one line."""


@dataclass(frozen=True)
class Changes:
    """Changed files by real path: the changed line numbers, or None where
    the whole file counts as changed (binary, or new and untracked)."""

    files: dict[str, frozenset[int] | None]

    def lines(self, path: str) -> frozenset[int] | None:
        """The changed lines of ``path`` (None: all); KeyError if it did not change."""
        return self.files[os.path.realpath(path)]

    def __contains__(self, path: object) -> bool:
        return isinstance(path, str) and os.path.realpath(path) in self.files


def changes_since(ref: str, folder: str = ".") -> Changes:
    """What changed in ``folder``'s repository since ``ref``; GitError when
    there is no repository, no such ref, or no history shared with HEAD."""
    top = _git(["rev-parse", "--show-toplevel"], folder).strip()
    try:
        _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], top, "no output")
    except GitError:
        raise GitError(f"--changed-since: {ref!r} is not a branch, tag or commit in this repository") from None
    base = _git(["merge-base", ref, "HEAD"], top, f"{ref!r} shares no history with HEAD").strip()
    diff = _git(
        [
            "-c",
            "core.quotePath=false",
            "diff",
            "--no-color",
            "--no-ext-diff",
            "--no-textconv",
            "--find-renames",
            "--unified=0",
            "--src-prefix=a/",
            "--dst-prefix=b/",
            base,
            "--",
        ],
        top,
    )
    files: dict[str, frozenset[int] | None] = {}
    for name, lines in parse_diff(diff).items():
        files[os.path.realpath(os.path.join(top, name))] = lines
    untracked = _git(["ls-files", "-z", "--others", "--exclude-standard"], top)
    for name in untracked.split("\0"):
        if name:
            files[os.path.realpath(os.path.join(top, name))] = None
    return Changes(files)


def parse_diff(diff: str) -> dict[str, frozenset[int] | None]:
    """File name (relative to the repository) -> the lines a zero-context
    diff adds or changes in it; None for a binary file.

    A hunk's header says how many lines it holds, and they are skipped by
    count: an added line reading ``++ x`` is ``+++ x`` in the diff, not a
    file name."""
    found: dict[str, set[int] | None] = {}
    current: set[int] | None = None
    body = 0  # lines of the current hunk still to skip
    for line in diff.split("\n"):
        if body > 0:
            if not line.startswith("\\"):  # "\ No newline at end of file" is not counted
                body -= 1
            continue
        if line.startswith("diff --git "):
            current = None
        elif line.startswith("+++ "):
            name = _name(line[4:], "b/")
            current = found.setdefault(name, set()) if name is not None else None
        elif line.startswith("Binary files ") and line.endswith(" differ"):
            name = _name(line[: -len(" differ")].rpartition(" and ")[2], "b/")
            if name is not None:
                found[name] = None
        elif line.startswith("@@ "):
            match = _HUNK_RE.match(line)
            if match:
                removed, start, added = int(match.group(1) or 1), int(match.group(2)), int(match.group(3) or 1)
                body = removed + added
                if current is not None:
                    current.update(range(start, start + added))
    return {name: frozenset(lines) if lines is not None else None for name, lines in found.items()}


def _name(text: str, prefix: str) -> str | None:
    """A file name as a diff header writes it: ``b/name``, ``"b/quoted\\tname"``
    or ``/dev/null`` (None), with the tab git adds after a name with spaces."""
    text = text.rstrip("\t")
    if text == "/dev/null":
        return None
    if text.startswith('"') and text.endswith('"'):
        text = _unquote(text[1:-1])
    return text[len(prefix) :] if text.startswith(prefix) else text


def _unquote(text: str) -> str:
    """git's C-style quoting undone: ``\\t``, ``\\"``, and ``\\303\\251`` (bytes, in octal)."""
    data, index = bytearray(), 0
    while index < len(text):
        char = text[index]
        if char == "\\" and index + 1 < len(text):
            following = text[index + 1]
            if following in _ESCAPES:
                data.append(_ESCAPES[following])
                index += 2
                continue
            if text[index + 1 : index + 4].isdigit():
                data.append(int(text[index + 1 : index + 4], 8) & 0xFF)
                index += 4
                continue
        data.extend(char.encode("utf-8", "surrogateescape"))
        index += 1
    return os.fsdecode(bytes(data))


def _git(args: list[str], folder: str, no_output: str | None = None) -> str:
    try:
        done = subprocess.run(
            ["git", *args],
            cwd=folder,
            capture_output=True,
            check=False,
            env={**os.environ, "GIT_OPTIONAL_LOCKS": "0", "LC_ALL": "C"},
        )
    except FileNotFoundError:
        raise GitError("--changed-since needs git, and git is not installed") from None
    except OSError as error:
        raise GitError(f"--changed-since: cannot run git: {error.strerror}") from None
    output = os.fsdecode(done.stdout)
    if done.returncode != 0 or (no_output is not None and not output.strip()):
        said = os.fsdecode(done.stderr).strip().splitlines()
        reason = said[-1].removeprefix("fatal: ").removeprefix("error: ") if said else no_output
        reason = reason or f"git {args[0]} failed"
        raise GitError(f"--changed-since: {reason[:1].lower()}{reason[1:]}")
    return output
