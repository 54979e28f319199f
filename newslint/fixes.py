"""Applying fixes: deterministic, idempotent, and never touching text outside a fix."""

from __future__ import annotations

import difflib
import os
import tempfile
from collections.abc import Callable, Iterable

from newslint.model import Diagnostic
from newslint.readers import Source

#: Fixing can expose new fixable text (a fixed quote changes the style count);
#: a few rounds reach the fixed point, and a cap guards against rules that fight.
MAX_ROUNDS = 8


def choose_fixes(diagnostics: Iterable[Diagnostic], *, unsafe: bool = False) -> list[Diagnostic]:
    """The fixes to apply, in order, none overlapping another.

    Overlaps are resolved the same way every time: the fix that starts first
    wins, then the shorter span, then the rule ID in alphabetical order.
    """
    candidates = sorted(
        (d for d in diagnostics if d.fix is not None and (unsafe or d.fix.safe)),
        key=lambda d: (d.start, d.end - d.start, d.rule, d.fix.replacement if d.fix else ""),
    )
    chosen: list[Diagnostic] = []
    for diagnostic in candidates:
        if not chosen or diagnostic.start >= chosen[-1].end:
            chosen.append(diagnostic)
    return chosen


def apply_fixes(text: str, diagnostics: Iterable[Diagnostic], *, unsafe: bool = False) -> str:
    """``text`` with every chosen fix applied and nothing else changed."""
    pieces, cursor = [], 0
    for diagnostic in choose_fixes(diagnostics, unsafe=unsafe):
        pieces.append(text[cursor : diagnostic.start])
        pieces.append(diagnostic.fix.replacement if diagnostic.fix else "")
        cursor = diagnostic.end
    pieces.append(text[cursor:])
    return "".join(pieces)


def fix_until_stable(text: str, lint: Callable[[str], list[Diagnostic]], *, unsafe: bool = False) -> str:
    for _ in range(MAX_ROUNDS):
        fixed = apply_fixes(text, lint(text), unsafe=unsafe)
        if fixed == text:
            break
        text = fixed
    return text


def unified_diff(path: str, before: str, after: str) -> str:
    return "".join(
        difflib.unified_diff(
            before.splitlines(keepends=True),
            after.splitlines(keepends=True),
            fromfile=f"a/{path}",
            tofile=f"b/{path}",
        )
    )


def write_atomically(path: str, source: Source, text: str) -> None:
    """Write through a temporary file in the same folder, then rename over.

    A crash leaves the old file or the new one, never half of each; the BOM,
    the line endings (part of ``text``) and the file's mode are kept.
    """
    directory = os.path.dirname(os.path.abspath(path))
    mode = os.stat(path).st_mode & 0o7777
    handle, temporary = tempfile.mkstemp(prefix=".newslint-", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(source.encode(text))
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise
