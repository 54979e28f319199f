"""substitution: a wrong form and the right one, with a fix."""

from __future__ import annotations

from collections.abc import Iterable

import regex

from newslint.checks import Check, Finding, Option
from newslint.checks.existence import NEEDS, Needs, compile_pattern, find_all
from newslint.document import Document
from newslint.terms import Hit, Term


def match_case(found: str, replacement: str) -> str:
    """Carry the capitalisation of ``found`` over to ``replacement``."""
    if found.isupper() and len(found) > 1:
        return replacement.upper()
    if found[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


class Substitution(Check):
    name = "substitution"
    fixable = True
    options = {
        "swap": Option("mapping", {}, "Wrong term: right term, matched whole."),
        "patterns": Option("mapping", {}, "Regex: replacement (\\1 and \\g<name> refer to groups)."),
        "needs": NEEDS,
        "case_sensitive": Option("bool", False),
        "fix": Option("bool", True, "Offer the replacement as an automatic fix."),
    }

    def __init__(self, rule) -> None:  # type: ignore[no-untyped-def]
        super().__init__(rule)
        case_sensitive = self.opts["case_sensitive"]
        self.patterns = [(compile_pattern(p, case_sensitive), r) for p, r in self.opts["patterns"].items()]
        self.needs = Needs(self.opts["needs"])
        for wrong, right in self.opts["swap"].items():
            if wrong == right:
                raise ValueError(f"swap maps {wrong!r} to itself")

    def is_fixable(self) -> bool:
        return self.opts["fix"]

    def needy_patterns(self) -> list[regex.Pattern]:
        return [pattern for pattern, _ in self.patterns]

    def terms(self) -> Iterable[Term]:
        for wrong, right in self.opts["swap"].items():
            yield Term(wrong, right, self.opts["case_sensitive"])

    def run(self, doc: Document, hits: list[Hit]) -> Iterable[Finding]:
        fix = self.opts["fix"]
        for hit in hits:
            found = doc.text[hit.start : hit.end]
            right = hit.term.payload if self.opts["case_sensitive"] else match_case(found, hit.term.payload)
            yield Finding(hit.start, hit.end, {"replacement": right}, right if fix else None)
        if self.needs.absent_from(doc.prose):
            return
        for pattern, template in self.patterns:
            for match in find_all(pattern, doc):
                right = match.expand(template)
                if right != match.group():
                    yield Finding(match.start(), match.end(), {"replacement": right}, right if fix else None)
