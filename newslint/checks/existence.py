"""existence: terms or patterns that should not appear at all."""

from __future__ import annotations

from typing import Iterable

import regex

from newslint.checks import Check, Finding, Option
from newslint.document import Document
from newslint.terms import Hit, Term


def compile_patterns(patterns: Iterable[str], case_sensitive: bool) -> regex.Pattern | None:
    """All of a rule's patterns as one alternation, compiled once."""
    patterns = list(patterns)
    if not patterns:
        return None
    flags = regex.VERSION1 if case_sensitive else regex.VERSION1 | regex.IGNORECASE
    return regex.compile("|".join(f"(?:{pattern})" for pattern in patterns), flags)


class Existence(Check):
    name = "existence"
    options = {
        "terms": Option("strings", [], "Words or phrases, matched whole, whitespace-insensitive."),
        "patterns": Option("regexes", [], "Regular expressions (the `regex` module's syntax)."),
        "case_sensitive": Option("bool", False),
    }

    def __init__(self, rule) -> None:  # type: ignore[no-untyped-def]
        super().__init__(rule)
        self.pattern = compile_patterns(self.opts["patterns"], self.opts["case_sensitive"])

    def terms(self) -> Iterable[Term]:
        return (Term(term, None, self.opts["case_sensitive"]) for term in self.opts["terms"])

    def run(self, doc: Document, hits: list[Hit]) -> Iterable[Finding]:
        for hit in hits:
            yield Finding(hit.start, hit.end, {})
        if self.pattern is not None:
            for block in doc.blocks:
                for match in self.pattern.finditer(doc.prose, block.start, block.end):
                    if match.end() > match.start():
                        yield Finding(match.start(), match.end(), {})
