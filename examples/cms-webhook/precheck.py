#!/usr/bin/env python3
"""A CMS pre-publish hook: ask `newslint serve` about an article, then say publish or block.

    precheck.py [--url URL] [--on-failure allow|block] [ARTICLE.json]

ARTICLE.json (or standard input) is what the CMS hands its pre-publish hook:
{"headline": ..., "standfirst": ..., "text": ..., "format": "text"|"markdown",
"pack": ...}; only "text" is required. The token, when the service has one,
comes from the NEWSLINT_TOKEN environment variable, never the command line.

Standard output is one JSON decision (the contract in README.md):
errors block, warnings advise. Exit status: 0 publish, 1 block (when the
service cannot be reached or answers an error, --on-failure decides, and
the decision says "unchecked"), 2 the hook was given no readable article.
Only Python's standard library: it runs on the CMS's machine as it is.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import urllib.error
import urllib.request
from typing import Any

PUBLISH, BLOCK, BAD_INPUT = 0, 1, 2
FIELDS = ("text", "headline", "standfirst", "format", "pack")


def check(url: str, article: dict[str, Any], token: str | None, timeout: float) -> list[dict[str, Any]]:
    body = json.dumps({key: article[key] for key in FIELDS if key in article}).encode("utf-8")
    request = urllib.request.Request(url.rstrip("/") + "/v1/check", data=body, method="POST")
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return list(json.load(response)["findings"])


def where(finding: dict[str, Any]) -> str:
    field = "text" if finding["path"] == "-" else finding["path"]
    return f"{field} {finding['line']}:{finding['column']}"


def decide(findings: list[dict[str, Any]]) -> dict[str, Any]:
    errors = [f for f in findings if f["severity"] == "error"]
    advice = [f for f in findings if f["severity"] != "error"]
    if errors:
        summary = f"{len(errors)} error{'s' if len(errors) != 1 else ''} to fix before publishing"
    else:
        summary = "ready to publish" + (
            f"; {len(advice)} suggestion{'s' if len(advice) != 1 else ''}" if advice else ""
        )
    return {"decision": "block" if errors else "publish", "summary": summary, "errors": errors, "advice": advice}


def unchecked(reason: str, on_failure: str) -> dict[str, Any]:
    decision = "block" if on_failure == "block" else "publish"
    summary = f"not checked ({reason}); {'blocked' if decision == 'block' else 'publishing unchecked'}"
    return {"decision": decision, "summary": summary, "errors": [], "advice": [], "unchecked": reason}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("article", nargs="?", help="the article as JSON (default: standard input)")
    parser.add_argument("--url", default=os.environ.get("NEWSLINT_URL", "http://127.0.0.1:8750"))
    parser.add_argument(
        "--on-failure",
        choices=("allow", "block"),
        default="allow",
        help="what to decide when the service cannot check (default: allow)",
    )
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds to wait for the service")
    options = parser.parse_args(argv)
    try:
        if options.article:
            with open(options.article, encoding="utf-8") as handle:
                article = json.load(handle)
        else:
            article = json.load(sys.stdin)
    except (OSError, ValueError) as error:
        print(f"precheck: cannot read the article: {error}", file=sys.stderr)
        return BAD_INPUT
    if not isinstance(article, dict) or not isinstance(article.get("text"), str):
        print('precheck: the article must be a JSON object with "text"', file=sys.stderr)
        return BAD_INPUT
    try:
        result = decide(check(options.url, article, os.environ.get("NEWSLINT_TOKEN"), options.timeout))
    except urllib.error.HTTPError as error:
        try:
            reason = json.load(error)["error"]["message"]
        except (ValueError, KeyError, TypeError):
            reason = f"HTTP {error.code}"
        result = unchecked(reason, options.on_failure)
    except (urllib.error.URLError, OSError, ValueError, KeyError) as error:
        result = unchecked(str(getattr(error, "reason", error)), options.on_failure)
    for finding in result["errors"] + result["advice"]:
        print(f"{where(finding)}: {finding['severity']} {finding['rule']} {finding['message']}", file=sys.stderr)
    print(f"precheck: {result['summary']}", file=sys.stderr)
    print(json.dumps(result, ensure_ascii=False, indent=2))
    return BLOCK if result["decision"] == "block" else PUBLISH


if __name__ == "__main__":
    sys.exit(main())
