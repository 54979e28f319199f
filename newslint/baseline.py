"""Baselines: record today's findings so that CI fails only on new ones.

A finding is known by a fingerprint that leaves out line and column, so it
survives paragraphs added or removed above it: the rule, the file, the text the
finding covers (whitespace-normalised) and its occurrence number among findings
with the same three. Fixing one of three equal findings leaves the other two
known; adding a fourth makes only the fourth new.

Paths in a baseline, and in its fingerprints, are relative to the baseline
file's folder, so one baseline matches from any folder: a run at the
repository's root and a pre-commit hook in a subfolder agree. (Version 1
baselines, from newslint 0.2, took paths relative to the folder they were
written from, and are still read so; `--write-baseline` writes version 2.)

A baseline is written through a temporary file and a rename: a full disk or
a killed run leaves the old baseline whole. Reading one checks its shape, so
a damaged or hand-edited file is one line, never a traceback.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from newslint.files import FileProblem, os_problem, read_regular, write_atomically
from newslint.model import Diagnostic
from newslint.paths import relative_path

FORMAT_VERSION = 2
#: Version 1 took paths relative to the current folder, not to the baseline's.
READ_VERSIONS = (1, 2)


class BaselineError(Exception):
    """A baseline file that cannot be read; the message is one line."""


def _covered(d: Diagnostic) -> str:
    if not d.end > d.start:
        return d.message  # an empty span: the message stands in
    return " ".join(d.found.split())


def fingerprints(diagnostics: Sequence[Diagnostic], base: str | None = None) -> list[str]:
    """One md5 hex fingerprint per diagnostic, in the same order; paths are
    taken relative to the folder ``base`` (default: the current folder, as
    the CI formats show them)."""
    seen: Counter[tuple[str, str, str]] = Counter()
    # Occurrence numbers follow document order, whatever order the caller uses.
    order = sorted(
        range(len(diagnostics)), key=lambda i: (diagnostics[i].path, diagnostics[i].start, diagnostics[i].rule, i)
    )
    prints = [""] * len(diagnostics)
    for index in order:
        d = diagnostics[index]
        key = (d.rule, _relative(d.path, base), _covered(d))
        seen[key] += 1
        raw = "\x1f".join((*key, str(seen[key])))
        # surrogateescape: a file name that is not UTF-8 keeps its own bytes.
        prints[index] = hashlib.md5(raw.encode("utf-8", "surrogateescape")).hexdigest()
    return prints


def _relative(path: str, base: str | None) -> str:
    """``path`` as a baseline records it: relative to ``base``, with forward slashes."""
    if base is None or path == "-":
        return relative_path(path)
    try:
        return os.path.relpath(os.path.abspath(path), base).replace(os.sep, "/")
    except ValueError:  # another drive (Windows): no relative path exists
        return os.path.abspath(path).replace(os.sep, "/")


def _folder(baseline: str) -> str:
    return os.path.dirname(os.path.abspath(baseline))


def write(path: str, diagnostics: Sequence[Diagnostic]) -> int:
    """Write the baseline of ``diagnostics``; returns how many it records."""
    base = _folder(path)
    entries = [
        {
            "fingerprint": fingerprint,
            "rule": d.rule,
            "path": _relative(d.path, base),
            "line": d.line,
            "message": d.message,
        }
        for d, fingerprint in zip(diagnostics, fingerprints(diagnostics, base))
    ]
    entries.sort(key=lambda entry: (entry["path"], entry["line"], entry["rule"], entry["fingerprint"]))
    data = {"version": FORMAT_VERSION, "tool": "newslint", "findings": entries}
    # A name that is not UTF-8 is kept as \x escapes: the fingerprint holds its bytes.
    text = json.dumps(data, indent=2, ensure_ascii=False).encode("utf-8", "backslashreplace")
    try:
        write_atomically(path, text + b"\n")
    except OSError as error:
        raise BaselineError(f"{path}: cannot write baseline: {os_problem(error)}") from None
    return len(entries)


@dataclass(frozen=True)
class Baseline:
    """The fingerprints a baseline file records, and the folder its paths are relative to."""

    known: frozenset[str]
    base: str | None  # None: the current folder (version 1)

    def new_findings(self, diagnostics: Sequence[Diagnostic]) -> list[Diagnostic]:
        """The diagnostics whose fingerprints the baseline does not know."""
        prints = fingerprints(diagnostics, self.base)
        return [d for d, fingerprint in zip(diagnostics, prints) if fingerprint not in self.known]


def read(path: str) -> Baseline:
    """The fingerprints a baseline file records, and where its paths start."""
    try:
        data = json.loads(read_regular(path))
    except FileProblem as problem:
        raise BaselineError(f"{path}: cannot read baseline: {problem.problem}") from None
    except (ValueError, RecursionError) as error:
        why = "nested too deeply" if isinstance(error, RecursionError) else f"invalid JSON: {error}"
        raise BaselineError(f"{path}: not a newslint baseline ({why})") from None
    findings = data.get("findings") if isinstance(data, dict) else None
    version = data.get("version") if isinstance(data, dict) else None
    if version not in READ_VERSIONS or not isinstance(findings, list):
        raise BaselineError(f"{path}: not a newslint baseline (version 1 or {FORMAT_VERSION})")
    known = set()
    for number, entry in enumerate(findings, 1):
        fingerprint = entry.get("fingerprint") if isinstance(entry, dict) else None
        if not isinstance(fingerprint, str):
            raise BaselineError(f"{path}: not a newslint baseline (finding {number} has no fingerprint string)")
        known.add(fingerprint)
    return Baseline(frozenset(known), _folder(path) if version != 1 else None)
