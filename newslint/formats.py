"""Output formats, in a registry: one function per format, Report in, text out.

A new format is one decorated function here; the CLI lists the registry.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable

from newslint.engine import Diagnostic

Formatter = Callable[["Report"], str]
FORMATS: dict[str, Formatter] = {}


@dataclass
class Report:
    diagnostics: list[Diagnostic]
    files_checked: int = 0
    #: (path, line number) -> that line of the source, for carets under spans.
    source_line: Callable[[str, int], str] | None = None
    color: bool = False
    rules: dict[str, object] = field(default_factory=dict)  # rule ID -> Rule, for formats that describe rules


def formatter(name: str) -> Callable[[Formatter], Formatter]:
    def register(function: Formatter) -> Formatter:
        FORMATS[name] = function
        return function

    return register


_COLOURS = {"error": "31", "warning": "33", "info": "36"}


def _paint(text: str, code: str, color: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if color else text


@formatter("text")
def text(report: Report) -> str:
    """``path:line:col: severity rule-id message``, with the source line and a caret on a terminal."""
    out = []
    for d in report.diagnostics:
        where = _paint(f"{d.path}:{d.line}:{d.column}:", "1", report.color)
        severity = _paint(d.severity, _COLOURS[d.severity], report.color)
        fixable = " [*]" if d.fix is not None else ""
        out.append(f"{where} {severity} {d.rule} {d.message}{fixable}")
        if report.source_line is not None:
            line = report.source_line(d.path, d.line)
            width = (d.end_column if d.end_line == d.line else len(line) + 1) - d.column
            out.append(f"    {line.expandtabs(1)}")
            out.append("    " + " " * (d.column - 1) + _paint("^" * max(1, width), _COLOURS[d.severity], report.color))
    out.append(summary(report))
    return "\n".join(out) + "\n"


@formatter("json")
def json_format(report: Report) -> str:
    """A JSON array; the keys are documented in docs/json-format.md."""
    return json.dumps([d.to_dict() for d in report.diagnostics], indent=2, ensure_ascii=False) + "\n"


def summary(report: Report) -> str:
    counts = Counter(d.severity for d in report.diagnostics)
    files = f"{report.files_checked} file{'s' if report.files_checked != 1 else ''}"
    if not report.diagnostics:
        return f"No problems found in {files}."
    parts = ", ".join(f"{counts[s]} {s}{'s' if counts[s] != 1 and s != 'info' else ''}" for s in ("error", "warning", "info") if counts[s])
    fixable = sum(d.fix is not None for d in report.diagnostics)
    hint = f" {fixable} fixable with --fix." if fixable else ""
    total = len(report.diagnostics)
    return f"Found {total} problem{'s' if total != 1 else ''} ({parts}) in {files}.{hint}"
