"""What the CI formats share: each CI system wants paths relative to the
repository and its own severity words, and tracks findings by fingerprint."""

from __future__ import annotations

from newslint.baseline import fingerprints
from newslint.formats import Report
from newslint.paths import relative_path

__all__ = ["INFORMATION_URI", "finding_fingerprints", "fingerprints", "relative_path"]

INFORMATION_URI = "https://github.com/newslint/newslint"


def finding_fingerprints(report: Report) -> list[str]:
    """A stable md5 per finding: rule, file, span text and its occurrence number.

    Line numbers are left out so that a finding keeps its fingerprint when text
    is added above it (code scanning and GitLab track findings across commits).
    """
    return fingerprints(report.diagnostics)
