"""GitHub Actions workflow commands: annotations on the pull request's files."""

from __future__ import annotations

from newslint.formats import Report, shown
from newslint.formats._ci import relative_path

_COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    """Escape a workflow command's message, as GitHub's toolkit does (a line
    break becomes ``%0A``, which GitHub shows as one and never obeys as a
    command), and every other control character (terminal escapes) as ``shown()`` does."""
    return shown(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def escape_property(text: str) -> str:
    """Escape a workflow command's property value (``file=``, ``title=``)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(report: Report) -> str:
    out = []
    for d in report.diagnostics:
        properties = {
            "file": relative_path(d.path),
            "line": d.line,
            "col": d.column,
            "endLine": d.end_line,
            "endColumn": d.end_column,
            "title": f"newslint {d.rule}",
        }
        joined = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
        out.append(f"::{_COMMANDS[d.severity.value]} {joined}::{escape_data(d.message)}")
    return "".join(line + "\n" for line in out)
