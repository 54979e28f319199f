"""GitLab Code Quality JSON (artifacts: reports: codequality)."""

from __future__ import annotations

from newslint.formats import Report, dump_json, not_checked_diagnostics, printable_path
from newslint.formats._ci import fingerprints, relative_path

# GitLab Code Quality has five levels; an error is a blocker of a merge, not critical.
_SEVERITIES = {"error": "major", "warning": "minor", "info": "info"}


def render(report: Report) -> str:
    issues = []
    diagnostics = [*report.diagnostics, *not_checked_diagnostics(report)]
    for d, fingerprint in zip(diagnostics, fingerprints(diagnostics)):
        issues.append(
            {
                "description": d.message,
                "check_name": d.rule,
                "fingerprint": fingerprint,
                "severity": _SEVERITIES[d.severity.value],
                "location": {
                    "path": printable_path(relative_path(d.path)),
                    "positions": {
                        "begin": {"line": d.line, "column": d.column},
                        "end": {"line": d.end_line, "column": d.end_column},
                    },
                },
            }
        )
    return dump_json(issues, indent=2) + "\n"
