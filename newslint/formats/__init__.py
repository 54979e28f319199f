"""Output formats: one module each, found by discovery, Report in, text out.

A format is the module of its name (``formats/sarif.py`` is ``--format
sarif``); its docstring's first line says what it is for, and it defines
``render(report) -> str``. A new format is one new module here; ``newslint
formats`` lists them. Only the format a run asks for is imported: JUnit's
XML escaping alone pulled in 45 ms of http and ssl modules.

An article, a rule file or a file name may hold anything, and what a format
prints must not be turned against its reader: a formatter shows article text,
messages and paths through ``shown()`` (human formats: control characters,
line separators and bidirectional overrides escaped, so one finding stays one
line and no escape sequence reaches a terminal or a CI log) or writes JSON
with ``dump_json()`` (always valid, one line per object where it asks for
that). A file name that is not UTF-8 is shown with its bytes as ``\\xNN``.
(Both live in newslint.safetext, for the error lines too.)
"""

from __future__ import annotations

import importlib
import pkgutil
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from types import ModuleType

from newslint.model import Diagnostic
from newslint.rules import Rule
from newslint.safetext import dump_json, printable_path, shown


@dataclass
class Report:
    diagnostics: list[Diagnostic]
    files_checked: int = 0
    #: Files that could not be checked (each already reported in one line).
    files_failed: int = 0
    #: (path, line number) -> that line of the source, for carets under spans.
    source_line: Callable[[str, int], str] | None = None
    color: bool = False
    rules: Mapping[str, Rule] = field(default_factory=dict)  # for formats that describe rules
    paths: list[str] = field(default_factory=list)  # every file checked, clean ones too (junit lists them)


__all__ = ["Report", "dump_json", "formats", "printable_path", "render", "shown", "summary"]


def formats() -> list[str]:
    """The name of every format, sorted (without importing them)."""
    return sorted(module.name for module in pkgutil.iter_modules(__path__) if not module.name.startswith("_"))


def _module(name: str) -> ModuleType:
    return importlib.import_module(f"{__name__}.{name}")


def describe(name: str) -> str:
    """The first line of a format's docstring."""
    return (_module(name).__doc__ or "").strip().splitlines()[0]


def render(name: str, report: Report) -> str:
    rendered: str = _module(name).render(report)
    return rendered


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def summary(report: Report) -> str:
    counts = Counter(d.severity.value for d in report.diagnostics)
    files = plural(report.files_checked, "file")
    failed = f" {plural(report.files_failed, 'file')} could not be checked." if report.files_failed else ""
    if not report.diagnostics:
        return f"No problems found in {files}.{failed}"
    parts = ", ".join(
        f"{counts[s]} {s}{'s' if counts[s] != 1 and s != 'info' else ''}"
        for s in ("error", "warning", "info")
        if counts[s]
    )
    safe = sum(d.fix is not None and d.fix.safe for d in report.diagnostics)
    unsafe = sum(d.fix is not None and not d.fix.safe for d in report.diagnostics)
    hint = f" {safe} fixable with --fix." if safe else ""
    if unsafe:
        hint += f" {unsafe} more with --fix --unsafe-fixes."
    total = len(report.diagnostics)
    return f"Found {plural(total, 'problem')} ({parts}) in {files}.{hint}{failed}"


def statistics(report: Report) -> str:
    """Findings per rule, most frequent first (for --statistics)."""
    counts = Counter(d.rule for d in report.diagnostics)
    severities = {d.rule: d.severity for d in report.diagnostics}
    fixable = Counter(d.rule for d in report.diagnostics if d.fix is not None)
    lines = []
    for rule_id, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        mark = " [*]" if fixable[rule_id] else ""
        lines.append(f"{count:7} {rule_id:32} {severities[rule_id]}{mark}")
    return "".join(line + "\n" for line in lines)
