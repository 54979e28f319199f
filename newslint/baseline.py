"""Baselines: record today's findings so that CI fails only on new ones.

A finding is known by a fingerprint that leaves out line and column, so it
survives paragraphs added or removed above it: the rule, the file, the text the
finding covers (whitespace-normalised) and its occurrence number among findings
with the same three. Fixing one of three equal findings leaves the other two
known; adding a fourth makes only the fourth new.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Sequence

from newslint.model import Diagnostic
from newslint.paths import relative_path

FORMAT_VERSION = 1


class BaselineError(Exception):
    """A baseline file that cannot be read; the message is one line."""


def _covered(d: Diagnostic) -> str:
    if not d.end > d.start:
        return d.message  # an empty span: the message stands in
    return " ".join(d.found.split())


def fingerprints(diagnostics: Sequence[Diagnostic]) -> list[str]:
    """One md5 hex fingerprint per diagnostic, in the same order."""
    seen: Counter[tuple[str, str, str]] = Counter()
    # Occurrence numbers follow document order, whatever order the caller uses.
    order = sorted(
        range(len(diagnostics)), key=lambda i: (diagnostics[i].path, diagnostics[i].start, diagnostics[i].rule, i)
    )
    prints = [""] * len(diagnostics)
    for index in order:
        d = diagnostics[index]
        key = (d.rule, relative_path(d.path), _covered(d))
        seen[key] += 1
        raw = "\x1f".join((*key, str(seen[key])))
        prints[index] = hashlib.md5(raw.encode("utf-8")).hexdigest()
    return prints


def write(path: str, diagnostics: Sequence[Diagnostic]) -> int:
    """Write the baseline of ``diagnostics``; returns how many it records."""
    entries = [
        {
            "fingerprint": fingerprint,
            "rule": d.rule,
            "path": relative_path(d.path),
            "line": d.line,
            "message": d.message,
        }
        for d, fingerprint in zip(diagnostics, fingerprints(diagnostics))
    ]
    entries.sort(key=lambda entry: (entry["path"], entry["line"], entry["rule"], entry["fingerprint"]))
    data = {"version": FORMAT_VERSION, "tool": "newslint", "findings": entries}
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(data, handle, indent=2, ensure_ascii=False)
        handle.write("\n")
    return len(entries)


def read(path: str) -> set[str]:
    """The fingerprints a baseline file records."""
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except OSError as error:
        raise BaselineError(f"{path}: cannot read baseline: {error.strerror}") from None
    except ValueError as error:
        raise BaselineError(f"{path}: not a newslint baseline (invalid JSON: {error})") from None
    if (
        not isinstance(data, dict)
        or data.get("version") != FORMAT_VERSION
        or not isinstance(data.get("findings"), list)
    ):
        raise BaselineError(f"{path}: not a newslint baseline (version {FORMAT_VERSION})")
    return {entry["fingerprint"] for entry in data["findings"] if isinstance(entry, dict) and "fingerprint" in entry}


def new_findings(diagnostics: Sequence[Diagnostic], known: set[str]) -> list[Diagnostic]:
    """The diagnostics whose fingerprints the baseline does not know."""
    return [d for d, fingerprint in zip(diagnostics, fingerprints(diagnostics)) if fingerprint not in known]
