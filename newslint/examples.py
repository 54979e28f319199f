"""Running a rule's own examples: every bad one must be flagged, no good one."""

from __future__ import annotations

from dataclasses import replace

from newslint.engine import RuleSet
from newslint.linter import check_document
from newslint.readers import parse
from newslint.rules import Rule


def example_findings(rule: Rule, text: str) -> list[str]:
    """Messages the rule alone gives for ``text``.

    A body-scoped rule reads the example as body copy; any other rule reads
    it as an article, so a one-line example is a headline.
    """
    layout = "body" if rule.scope == "body" else "article"
    ruleset = RuleSet([replace(rule, enabled=True)])
    return [d.message for d in check_document(ruleset, parse(text, None, layout=layout))]


def run_examples(rule: Rule) -> list[str]:
    failures = []
    for text in rule.examples.bad:
        if not example_findings(rule, text):
            failures.append(f"{rule.source}: {rule.id}: bad example not flagged: {text!r}")
    for text in rule.examples.good:
        for message in example_findings(rule, text):
            failures.append(f"{rule.source}: {rule.id}: good example flagged ({message}): {text!r}")
    return failures
