"""One JSON object per line, the keys of the json format (for streaming tools)."""

from __future__ import annotations

from newslint.formats import Report, dump_json, not_checked_diagnostics, printable_path


def render(report: Report) -> str:
    return "".join(
        dump_json({**d.to_dict(), "path": printable_path(d.path)}) + "\n"
        for d in [*report.diagnostics, *not_checked_diagnostics(report)]
    )
