"""``path:line:col: severity rule-id message``, with the source line and a caret on a terminal."""

from __future__ import annotations

from newslint.formats import Report, shown, summary
from newslint.model import Diagnostic

_COLOURS = {"error": "31", "warning": "33", "info": "36"}
#: Marks a source line cut short on either side of the window shown.
_CUT = "…"
#: Where a window has room for more than the span, this share of the room goes before it.
_BEFORE_SHARE = 3


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
            out.extend(_source(report.source_line(d.path, d.line), d, report.color, report.width))
    if report.show_summary:
        out.append(summary(report))
    return "".join(line + "\n" for line in out)


def _source(line: str, d: Diagnostic, color: bool, width: int) -> list[str]:
    """The finding's source line, escaped as the message is, and a caret under
    its span; a line too long for ``width`` columns is shown as a window
    around the span, cut with '…' (a paragraph of real copy runs to 800
    characters, and a wrapped line puts the caret rows below it)."""
    line = line.expandtabs(1)
    start = min(d.column - 1, len(line))
    end = max(start, min(d.end_column - 1 if d.end_line == d.line else len(line), len(line)))
    first, last = _window(len(line), start, end, max(20, width - 4))
    before = (_CUT if first else "") + shown(line[first:start])
    span = shown(line[start : min(end, last)])
    after = shown(line[min(end, last) : last]) + (_CUT if last < len(line) else "")
    caret = "^" * max(1, len(span))
    return [
        f"    {before}{span}{after}",
        "    " + " " * len(before) + _paint(caret, _COLOURS[d.severity.value], color),
    ]


def _window(length: int, start: int, end: int, room: int) -> tuple[int, int]:
    """The slice of a ``length``-character line to show in ``room`` columns
    so that the span ``start:end`` is in it (its start, where it is longer)."""
    if length <= room:
        return 0, length
    room -= 2  # the '…' at either end
    if end - start >= room:
        return start, start + room
    first = max(0, start - (room - (end - start)) // _BEFORE_SHARE)
    last = min(length, first + room)
    return max(0, last - room), last
