"""GitHub Actions workflow commands: annotations on the pull request's files.

GitHub shows at most 10 annotations of each level per step and 50 per job,
so the most severe come first (a file that could not be checked, then
errors, warnings, notices), each in the order found. ``step_summary`` is the
Markdown table a run appends to ``$GITHUB_STEP_SUMMARY``, where every finding
is counted whatever GitHub shows.
"""

from __future__ import annotations

from collections import Counter

from newslint.formats import Report, not_checked_diagnostics, plural, shown, summary
from newslint.formats._ci import relative_path
from newslint.model import Diagnostic

_COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}
#: How many annotations of one level GitHub shows for a step.
SHOWN_PER_LEVEL = 10
#: How many findings the step summary lists one by one (it may hold 1 MiB).
SUMMARY_ROWS = 100


def escape_data(text: str) -> str:
    """Escape a workflow command's message, as GitHub's toolkit does (a line
    break becomes ``%0A``, which GitHub shows as one and never obeys as a
    command), and every other control character (terminal escapes) as ``shown()`` does."""
    return shown(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def escape_property(text: str) -> str:
    """Escape a workflow command's property value (``file=``, ``title=``)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def most_severe_first(report: Report) -> list[Diagnostic]:
    """Files not checked, then the findings by severity, each in the order found."""
    ranked = sorted(report.diagnostics, key=lambda d: -d.severity.rank)  # sorted() is stable
    return [*not_checked_diagnostics(report), *ranked]


def render(report: Report) -> str:
    out = []
    for d in most_severe_first(report):
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


def step_summary(report: Report) -> str:
    """A Markdown summary for the job's page: the counts, a table of findings
    per rule, and the first findings one by one."""
    lines = ["## newslint", "", _cell(summary(report)), ""]
    everything = most_severe_first(report)
    levels = Counter(d.severity.value for d in everything)
    hidden = [
        plural(levels[level] - SHOWN_PER_LEVEL, _COMMANDS[level])
        for level in ("error", "warning", "info")
        if levels[level] > SHOWN_PER_LEVEL
    ]
    if hidden:
        lines += [
            f"GitHub shows {SHOWN_PER_LEVEL} annotations of each level per step (50 per job): "
            f"{', '.join(hidden)} are only in this summary and the log.",
            "",
        ]
    if everything:
        per_rule = Counter((d.rule, d.severity.value) for d in everything)
        lines += ["| rule | severity | findings |", "| --- | --- | ---: |"]
        for (rule, severity), count in sorted(per_rule.items(), key=lambda item: (-item[1], item[0])):
            lines.append(f"| {_cell(rule)} | {severity} | {count:,} |")
        shown_rows = everything[:SUMMARY_ROWS]
        lines += ["", "| file | line | severity | rule | message |", "| --- | ---: | --- | --- | --- |"]
        for d in shown_rows:
            lines.append(
                f"| {_cell(relative_path(d.path))} | {d.line} | {d.severity.value} | {_cell(d.rule)} | {_cell(d.message)} |"
            )
        if len(everything) > len(shown_rows):
            rest = plural(len(everything) - len(shown_rows), "more finding")
            lines += ["", f"{rest}: see the log, or `--format sarif` for code scanning."]
    return "\n".join(lines) + "\n"


#: What Markdown (or the HTML it allows) would read as markup in a table cell.
_MARKDOWN = str.maketrans({char: f"\\{char}" for char in "\\`*_[]|~#!"} | {"<": "&lt;", ">": "&gt;", "&": "&amp;"})


def _cell(text: str) -> str:
    """``text`` as literal Markdown on one line: an article's '<script>' or
    '|' stays text, and cannot end a table cell or the summary."""
    return shown(text).translate(_MARKDOWN)
