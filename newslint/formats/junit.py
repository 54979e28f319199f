"""JUnit XML: a test case per file, a failure per finding (for CI test tabs)."""

from __future__ import annotations

from newslint.formats import Report, shown
from newslint.formats._ci import relative_path
from newslint.model import Diagnostic


def render(report: Report) -> str:
    from xml.sax.saxutils import escape, quoteattr  # with urllib and its friends: only for this format

    by_path: dict[str, list[Diagnostic]] = {path: [] for path in report.paths}
    for d in report.diagnostics:
        by_path.setdefault(d.path, []).append(d)
    cases = []
    for path in sorted(by_path):
        found = by_path[path]
        failures = "".join(
            f"\n      <failure type={quoteattr(shown(d.rule))} message={quoteattr(shown(d.message))}>"
            f"{escape(shown(f'{d.path}:{d.line}:{d.column}: {d.severity} {d.rule} {d.message}'))}</failure>"
            for d in found
        )
        closing = "\n    </testcase>" if found else "</testcase>"
        cases.append(
            f'    <testcase classname="newslint" name={quoteattr(shown(relative_path(path)))}>{failures}{closing}'
        )
    failed = sum(1 for found in by_path.values() if found)
    head = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<testsuites name="newslint" tests="{len(by_path)}" failures="{failed}" errors="0">\n'
        f'  <testsuite name="newslint" tests="{len(by_path)}" failures="{failed}" errors="0">\n'
    )
    return head + "\n".join(cases) + ("\n" if cases else "") + "  </testsuite>\n</testsuites>\n"
