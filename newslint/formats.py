"""Output formats, in a registry: one function per format, Report in, text out.

A new format is one decorated function here; the CLI lists the registry.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from newslint.engine import Diagnostic

Formatter = Callable[["Report"], str]
FORMATS: dict[str, Formatter] = {}


@dataclass
class Report:
    diagnostics: list[Diagnostic]
    files_checked: int = 0
    #: (path, line number) -> that line of the source, for carets under spans.
    source_line: Callable[[str, int], str] | None = None
    color: bool = False
    rules: dict[str, object] = field(default_factory=dict)  # rule ID -> Rule, for formats that describe rules
    paths: list[str] = field(default_factory=list)  # every file checked, clean ones too (junit lists them)
    texts: dict[str, str] = field(default_factory=dict)  # path -> text as checked, for fingerprints


def formatter(name: str) -> Callable[[Formatter], Formatter]:
    def register(function: Formatter) -> Formatter:
        FORMATS[name] = function
        return function

    return register


_COLOURS = {"error": "31", "warning": "33", "info": "36"}


def _json(value: object, indent: int | None = None) -> str:
    import json  # 3 ms: only for the formats that write JSON, not a pre-commit run's text

    return json.dumps(value, indent=indent, ensure_ascii=False)


def _paint(text: str, code: str, color: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if color else text


@formatter("text")
def text(report: Report) -> str:
    """``path:line:col: severity rule-id message``, with the source line and a caret on a terminal."""
    out = []
    for d in report.diagnostics:
        where = _paint(f"{d.path}:{d.line}:{d.column}:", "1", report.color)
        severity = _paint(d.severity, _COLOURS[d.severity], report.color)
        fixable = " [*]" if d.fix is not None and not d.unsafe else ""
        out.append(f"{where} {severity} {d.rule} {d.message}{fixable}")
        if report.source_line is not None:
            line = report.source_line(d.path, d.line)
            width = (d.end_column if d.end_line == d.line else len(line) + 1) - d.column
            out.append(f"    {line.expandtabs(1)}")
            out.append("    " + " " * (d.column - 1) + _paint("^" * max(1, width), _COLOURS[d.severity], report.color))
    out.append(summary(report))
    return "\n".join(out) + "\n"


@formatter("json")
def json_format(report: Report) -> str:
    """A JSON array; the keys are documented in docs/json-format.md."""
    return _json([d.to_dict() for d in report.diagnostics], indent=2) + "\n"


def summary(report: Report) -> str:
    counts = Counter(d.severity for d in report.diagnostics)
    files = f"{report.files_checked} file{'s' if report.files_checked != 1 else ''}"
    if not report.diagnostics:
        return f"No problems found in {files}."
    parts = ", ".join(
        f"{counts[s]} {s}{'s' if counts[s] != 1 and s != 'info' else ''}"
        for s in ("error", "warning", "info")
        if counts[s]
    )
    safe = sum(d.fix is not None and not d.unsafe for d in report.diagnostics)
    unsafe = sum(d.fix is not None and d.unsafe for d in report.diagnostics)
    hint = f" {safe} fixable with --fix." if safe else ""
    if unsafe:
        hint += f" {unsafe} more with --fix --unsafe-fixes."
    total = len(report.diagnostics)
    return f"Found {total} problem{'s' if total != 1 else ''} ({parts}) in {files}.{hint}"


# -- CI formats ------------------------------------------------------------------
# Each CI system wants paths relative to the repository and its own severity
# words; the helpers below are shared so every format says the same thing.

_SARIF_LEVELS = {"error": "error", "warning": "warning", "info": "note"}
_GITHUB_COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}
# GitLab Code Quality has five levels; an error is a blocker of a merge, not critical.
_GITLAB_SEVERITIES = {"error": "major", "warning": "minor", "info": "info"}
INFORMATION_URI = "https://github.com/newslint/newslint"


def relative_path(path: str) -> str:
    """``path`` relative to the current folder, with forward slashes (what CI UIs link).

    A file outside the current folder keeps its absolute path: a ``../`` path
    would point outside the repository the CI system knows about.
    """
    if path == "-":
        return path
    if os.path.isabs(path):
        relative = os.path.relpath(path)
        path = path if relative.startswith("..") else relative
    else:
        path = os.path.normpath(path)
    return path.replace(os.sep, "/")


def _uri(path: str) -> str:
    """A SARIF uri-reference: the relative path, percent-encoded (spaces, ``#``)."""
    from urllib.parse import quote

    return quote(relative_path(path), safe="/")


def finding_fingerprints(report: Report) -> list[str]:
    """A stable md5 per finding: rule, file, span text and its occurrence number.

    Line numbers are left out so that a finding keeps its fingerprint when text
    is added above it (code scanning and GitLab track findings across commits).
    """
    from newslint.baseline import fingerprints

    return fingerprints(report.diagnostics, report.texts)


def _rule_help(rule: object) -> str:
    description = " ".join(getattr(rule, "description", "").split())
    examples = getattr(rule, "examples", None)
    lines = [description]
    if examples is not None:
        lines += ["", "Flags:"] + [f"  - {example}" for example in examples.bad]
        lines += ["", "Passes:"] + [f"  - {example}" for example in examples.good]
    return "\n".join(lines)


def _sarif_rules(report: Report) -> tuple[list[dict[str, object]], dict[str, int]]:
    ids = sorted(set(report.rules) | {d.rule for d in report.diagnostics})
    rules, index = [], {}
    for position, rule_id in enumerate(ids):
        rule = report.rules.get(rule_id)
        summary_text = getattr(rule, "summary", "") or rule_id
        description = " ".join(getattr(rule, "description", "").split()) or summary_text
        entry: dict[str, object] = {
            "id": rule_id,
            "shortDescription": {"text": summary_text},
            "fullDescription": {"text": description},
            "help": {"text": _rule_help(rule) if rule is not None else summary_text},
            "helpUri": f"{INFORMATION_URI}/blob/main/docs/rules.md#{rule_id.replace('.', '')}",
        }
        if rule is not None:
            entry["defaultConfiguration"] = {"level": _SARIF_LEVELS[getattr(rule, "severity", "warning")]}
        rules.append(entry)
        index[rule_id] = position
    return rules, index


def _sarif_result(d: Diagnostic, rule_index: int, fingerprint: str) -> dict[str, object]:
    return {
        "ruleId": d.rule,
        "ruleIndex": rule_index,
        "level": _SARIF_LEVELS[d.severity],
        "message": {"text": d.message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": _uri(d.path), "uriBaseId": "%SRCROOT%"},
                    "region": {
                        "startLine": d.line,
                        "startColumn": d.column,
                        "endLine": d.end_line,
                        "endColumn": d.end_column,
                    },
                }
            }
        ],
        "partialFingerprints": {"newslint/v1": fingerprint},
    }


@formatter("sarif")
def sarif(report: Report) -> str:
    """SARIF 2.1.0, for GitHub code scanning (upload-sarif) and IDE viewers."""
    from newslint import __version__

    rules, index = _sarif_rules(report)
    prints = finding_fingerprints(report)
    log = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "newslint",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "informationUri": INFORMATION_URI,
                        "rules": rules,
                    }
                },
                # Columns count characters of the decoded text, not UTF-16 units.
                "columnKind": "unicodeCodePoints",
                "results": [_sarif_result(d, index[d.rule], fp) for d, fp in zip(report.diagnostics, prints)],
            }
        ],
    }
    return _json(log, indent=2) + "\n"


def github_escape_data(text: str) -> str:
    """Escape a workflow command's message, as GitHub's toolkit does."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def github_escape_property(text: str) -> str:
    """Escape a workflow command's property value (``file=``, ``title=``)."""
    return github_escape_data(text).replace(":", "%3A").replace(",", "%2C")


@formatter("github")
def github(report: Report) -> str:
    """GitHub Actions workflow commands: annotations on the pull request's files."""
    out = []
    for d in report.diagnostics:
        properties = {
            "file": relative_path(d.path),
            "line": d.line,
            "col": d.column,
            "endLine": d.end_line,
            "endColumn": d.end_column,
            "title": f"newslint {d.rule}",
        }
        joined = ",".join(f"{key}={github_escape_property(str(value))}" for key, value in properties.items())
        out.append(f"::{_GITHUB_COMMANDS[d.severity]} {joined}::{github_escape_data(d.message)}")
    return "".join(line + "\n" for line in out)


@formatter("gitlab")
def gitlab(report: Report) -> str:
    """GitLab Code Quality JSON (artifacts: reports: codequality)."""
    issues = []
    for d, fingerprint in zip(report.diagnostics, finding_fingerprints(report)):
        issues.append(
            {
                "description": d.message,
                "check_name": d.rule,
                "fingerprint": fingerprint,
                "severity": _GITLAB_SEVERITIES[d.severity],
                "location": {
                    "path": relative_path(d.path),
                    "positions": {
                        "begin": {"line": d.line, "column": d.column},
                        "end": {"line": d.end_line, "column": d.end_column},
                    },
                },
            }
        )
    return _json(issues, indent=2) + "\n"


@formatter("junit")
def junit(report: Report) -> str:
    """JUnit XML: a test case per file, a failure per finding (for CI test tabs)."""
    from xml.sax.saxutils import escape, quoteattr

    by_path: dict[str, list[Diagnostic]] = {path: [] for path in report.paths}
    for d in report.diagnostics:
        by_path.setdefault(d.path, []).append(d)
    cases = []
    for path in sorted(by_path):
        found = by_path[path]
        failures = "".join(
            f"\n      <failure type={quoteattr(d.rule)} message={quoteattr(d.message)}>"
            f"{escape(f'{d.path}:{d.line}:{d.column}: {d.severity} {d.rule} {d.message}')}</failure>"
            for d in found
        )
        closing = "\n    </testcase>" if found else "</testcase>"
        cases.append(f'    <testcase classname="newslint" name={quoteattr(relative_path(path))}>{failures}{closing}')
    failed = sum(1 for found in by_path.values() if found)
    head = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<testsuites name="newslint" tests="{len(by_path)}" failures="{failed}" errors="0">\n'
        f'  <testsuite name="newslint" tests="{len(by_path)}" failures="{failed}" errors="0">\n'
    )
    return head + "\n".join(cases) + ("\n" if cases else "") + "  </testsuite>\n</testsuites>\n"


@formatter("jsonl")
def jsonl(report: Report) -> str:
    """One JSON object per line, the keys of the json format (for streaming tools)."""
    return "".join(_json(d.to_dict()) + "\n" for d in report.diagnostics)


@formatter("auto")
def auto(report: Report) -> str:
    """github inside GitHub Actions (GITHUB_ACTIONS=true), text elsewhere."""
    chosen = github if os.environ.get("GITHUB_ACTIONS") == "true" else text
    return chosen(report)


def statistics(report: Report) -> str:
    """Findings per rule, most frequent first (for --statistics)."""
    counts = Counter(d.rule for d in report.diagnostics)
    severities = {d.rule: d.severity for d in report.diagnostics}
    fixable = Counter(d.rule for d in report.diagnostics if d.fix is not None)
    lines = []
    for rule_id, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        mark = " [*]" if fixable[rule_id] else ""
        lines.append(f"{count:7} {rule_id:32} {severities[rule_id]}{mark}")
    return "".join(line + "\n" for line in lines)
