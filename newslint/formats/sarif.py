"""SARIF 2.1.0, for GitHub code scanning (upload-sarif) and IDE viewers."""

from __future__ import annotations

import os
from typing import Any
from urllib.parse import quote

from newslint.formats import NOT_CHECKED, Report, dump_json
from newslint.formats._ci import INFORMATION_URI, finding_fingerprints, relative_path
from newslint.model import Diagnostic
from newslint.rules import Rule
from newslint.version import __version__

_LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def _uri(path: str) -> str:
    """A SARIF uri-reference: the relative path's bytes, percent-encoded (spaces, ``#``, a name not in UTF-8)."""
    return quote(os.fsencode(relative_path(path)), safe="/")


def _rule_help(rule: Rule) -> str:
    lines = [" ".join(rule.description.split())]
    lines += ["", "Flags:"] + [f"  - {example}" for example in rule.examples.bad]
    lines += ["", "Passes:"] + [f"  - {example}" for example in rule.examples.good]
    return "\n".join(lines)


def _rules(report: Report) -> tuple[list[dict[str, Any]], dict[str, int]]:
    ids = sorted(set(report.rules) | {d.rule for d in report.diagnostics})
    rules, index = [], {}
    for position, rule_id in enumerate(ids):
        rule = report.rules.get(rule_id)
        entry: dict[str, Any] = {"id": rule_id}
        if rule is None:
            entry.update(shortDescription={"text": rule_id}, fullDescription={"text": rule_id}, help={"text": rule_id})
        else:
            entry.update(
                shortDescription={"text": rule.summary or rule_id},
                fullDescription={"text": " ".join(rule.description.split()) or rule.summary},
                help={"text": _rule_help(rule)},
            )
            if rule.help_uri:  # a house rule has no page unless it names one (link:)
                entry["helpUri"] = rule.help_uri
            entry["defaultConfiguration"] = {"level": _LEVELS[rule.severity.value]}
        rules.append(entry)
        index[rule_id] = position
    return rules, index


def _result(d: Diagnostic, rule_index: int, fingerprint: str) -> dict[str, Any]:
    return {
        "ruleId": d.rule,
        "ruleIndex": rule_index,
        "level": _LEVELS[d.severity.value],
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


def _invocation(report: Report) -> dict[str, Any]:
    """The run, and each file it could not check as an error notification
    (code scanning lists them as the tool's errors)."""
    invocation: dict[str, Any] = {"executionSuccessful": not report.failures}
    if report.failures:
        invocation["toolExecutionNotifications"] = [
            {
                "level": "error",
                "message": {"text": failure.problem},
                "locations": [
                    {"physicalLocation": {"artifactLocation": {"uri": _uri(failure.path), "uriBaseId": "%SRCROOT%"}}}
                ],
                "descriptor": {"id": NOT_CHECKED},
            }
            for failure in report.failures
        ]
    return invocation


def render(report: Report) -> str:
    rules, index = _rules(report)
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
                "invocations": [_invocation(report)],
                # Columns count characters of the decoded text, not UTF-16 units.
                "columnKind": "unicodeCodePoints",
                "results": [_result(d, index[d.rule], fp) for d, fp in zip(report.diagnostics, prints)],
            }
        ],
    }
    return dump_json(log, indent=2) + "\n"
