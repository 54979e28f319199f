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

from newslint.model import Diagnostic, Severity
from newslint.rules import Rule
from newslint.safetext import dump_json, printable_path, shown

#: The rule ID under which the machine formats list a file that could not be
#: checked (as ruff lists an unreadable file under E902): not a rule, never
#: selected or ignored, always an error.
NOT_CHECKED = "newslint.not-checked"


@dataclass(frozen=True)
class NotChecked:
    """A file (or folder) that could not be checked, and why (without the path)."""

    path: str
    problem: str


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
    #: What could not be checked, with why: every format counts these.
    failures: list[NotChecked] = field(default_factory=list)
    #: With --fix: how many findings its fixes removed (None: not fixing).
    fixed: int | None = None
    #: Columns a source line may take under a finding (longer ones show a window around the span).
    width: int = 100
    #: Whether the human formats end with the summary line (not with --quiet).
    show_summary: bool = True


__all__ = [
    "NOT_CHECKED",
    "NotChecked",
    "Report",
    "dump_json",
    "formats",
    "not_checked_diagnostics",
    "printable_path",
    "render",
    "shown",
    "summary",
]


def formats() -> list[str]:
    """The name of every format, sorted (without importing them)."""
    return sorted(module.name for module in pkgutil.iter_modules(__path__) if not module.name.startswith("_"))


def _module(name: str) -> ModuleType:
    return importlib.import_module(f"{__name__}.{name}")


def describe(name: str) -> str:
    """The first line of a format's docstring, as plain text (no reStructuredText ``literals``)."""
    return (_module(name).__doc__ or "").strip().splitlines()[0].replace("``", "")


def render(name: str, report: Report) -> str:
    rendered: str = _module(name).render(report)
    return rendered


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def summary(report: Report) -> str:
    """``Found 3 problems (1 error, 2 warnings) in 2 files.`` and what --fix would do;
    with --fix, ``Found 5 problems (2 fixed, 3 remaining: 3 warnings) in 2 files.``"""
    files = plural(report.files_checked, "file")
    failed = f" {plural(report.files_failed, 'file')} could not be checked." if report.files_failed else ""
    fixed = report.fixed or 0
    if not report.diagnostics and not fixed:
        if not report.files_checked:
            return f"No files checked.{failed}"
        return f"No problems found in {files}.{failed}"
    total = len(report.diagnostics)
    parts = _severities(report.diagnostics)
    safe = sum(d.fix is not None and d.fix.safe for d in report.diagnostics)
    unsafe = sum(d.fix is not None and not d.fix.safe for d in report.diagnostics)
    hint = f" {safe} fixable with --fix." if safe else ""
    if unsafe:
        hint += f" {unsafe} more with --fix --unsafe-fixes."
    if report.fixed is not None:
        remaining = f"{total} remaining: {parts}" if total else "0 remaining"
        return f"Found {plural(total + fixed, 'problem')} ({fixed} fixed, {remaining}) in {files}.{hint}{failed}"
    return f"Found {plural(total, 'problem')} ({parts}) in {files}.{hint}{failed}"


def _severities(diagnostics: list[Diagnostic]) -> str:
    """``2 errors, 29 warnings``: the count of each severity present, most severe first."""
    counts = Counter(d.severity.value for d in diagnostics)
    return ", ".join(
        f"{counts[s]} {s}{'s' if counts[s] != 1 and s != 'info' else ''}"
        for s in ("error", "warning", "info")
        if counts[s]
    )


def not_checked_diagnostics(report: Report) -> list[Diagnostic]:
    """Each file that could not be checked as an error finding at 1:1 under
    ``NOT_CHECKED``, for the formats whose readers know only findings (json,
    jsonl, gitlab, github): a dashboard counts it, a script sees it."""
    return [
        Diagnostic(failure.path, 1, 1, 1, 1, NOT_CHECKED, Severity.ERROR, failure.problem, found=failure.problem)
        for failure in report.failures
    ]


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
