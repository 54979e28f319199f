"""github inside GitHub Actions (GITHUB_ACTIONS=true), text elsewhere."""

from __future__ import annotations

import os

from newslint.formats import Report, github, text


def render(report: Report) -> str:
    chosen = github if os.environ.get("GITHUB_ACTIONS") == "true" else text
    rendered: str = chosen.render(report)
    return rendered
