"""``path:line:col: severity rule-id message``, with the source line and a caret on a terminal."""

from __future__ import annotations

from newslint.formats import Report, shown, summary
from newslint.model import Diagnostic

_COLOURS = {"error": "31", "warning": "33", "info": "36"}


def _paint(text: str, code: str, color: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if color else text


def render(report: Report) -> str:
    out = []
    for d in report.diagnostics:
        where = _paint(f"{shown(d.path)}:{d.line}:{d.column}:", "1", report.color)
        severity = _paint(d.severity.value, _COLOURS[d.severity.value], report.color)
        fixable = " [*]" if d.fix is not None and d.fix.safe else ""
        out.append(f"{where} {severity} {shown(d.rule)} {shown(d.message)}{fixable}")
        if report.source_line is not None:
            out.extend(_source(report.source_line(d.path, d.line), d, report.color))
    out.append(summary(report))
    return "\n".join(out) + "\n"


def _source(line: str, d: Diagnostic, color: bool) -> list[str]:
    """The finding's source line, escaped as the message is, and a caret under its span."""
    end = d.end_column if d.end_line == d.line else len(line) + 1
    before = shown(line[: d.column - 1].expandtabs(1))
    span = shown(line[d.column - 1 : end - 1].expandtabs(1))
    caret = "^" * max(1, len(span))
    return [
        f"    {shown(line.expandtabs(1))}",
        "    " + " " * len(before) + _paint(caret, _COLOURS[d.severity.value], color),
    ]
