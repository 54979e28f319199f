"""A JSON array; the keys are documented in docs/json-format.md."""

from __future__ import annotations

import json

from newslint.formats import Report


def render(report: Report) -> str:
    return json.dumps([d.to_dict() for d in report.diagnostics], indent=2, ensure_ascii=False) + "\n"
