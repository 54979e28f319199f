"""One JSON object per line, the keys of the json format (for streaming tools)."""

from __future__ import annotations

import json

from newslint.formats import Report


def render(report: Report) -> str:
    return "".join(json.dumps(d.to_dict(), ensure_ascii=False) + "\n" for d in report.diagnostics)
