"""A JSON array; the keys are documented in docs/json-format.md."""

from __future__ import annotations

from newslint.formats import Report, dump_json, not_checked_diagnostics, printable_path


def render(report: Report) -> str:
    return (
        dump_json(
            [
                {**d.to_dict(), "path": printable_path(d.path)}
                for d in [*report.diagnostics, *not_checked_diagnostics(report)]
            ],
            indent=2,
        )
        + "\n"
    )
