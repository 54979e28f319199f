"""JUnit XML: a test case per file, a failure per finding (for CI test tabs)."""

from __future__ import annotations

from newslint.formats import NotChecked, Report, shown
from newslint.formats._ci import relative_path
from newslint.model import Diagnostic


def render(report: Report) -> str:
    from xml.sax.saxutils import escape, quoteattr  # with urllib and its friends: only for this format

    by_path: dict[str, list[Diagnostic]] = {path: [] for path in report.paths}
    for d in report.diagnostics:
        by_path.setdefault(d.path, []).append(d)
    # A file that could not be checked is a test case in error, as a test
    # that crashed is: CI test tabs show it, and the suite counts it.
    errors: dict[str, NotChecked] = {failure.path: failure for failure in report.failures}
    cases = []
    for path in sorted(set(by_path) | set(errors)):
        found = by_path.get(path, [])
        body = "".join(
            f"\n      <failure type={quoteattr(shown(d.rule))} message={quoteattr(shown(d.message))}>"
            f"{escape(shown(f'{d.path}:{d.line}:{d.column}: {d.severity} {d.rule} {d.message}'))}</failure>"
            for d in found
        )
        if path in errors:
            problem = errors[path].problem
            body += (
                f"\n      <error type={quoteattr('not checked')} message={quoteattr(shown(problem))}>"
                f"{escape(shown(f'{path}: {problem}'))}</error>"
            )
        closing = "\n    </testcase>" if body else "</testcase>"
        cases.append(f'    <testcase classname="newslint" name={quoteattr(shown(relative_path(path)))}>{body}{closing}')
    failed = sum(1 for path, found in by_path.items() if found and path not in errors)
    counts = f'tests="{len(cases)}" failures="{failed}" errors="{len(errors)}"'
    head = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<testsuites name="newslint" {counts}>\n'
        f'  <testsuite name="newslint" {counts}>\n'
    )
    return head + "\n".join(cases) + ("\n" if cases else "") + "  </testsuite>\n</testsuites>\n"
