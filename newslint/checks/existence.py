"""existence: terms or patterns that should not appear at all."""

from __future__ import annotations

from collections.abc import Iterable

import regex

from newslint.checks import Check, Finding, Option, OptionError
from newslint.document import Document
from newslint.terms import Hit, Term


def compile_pattern(pattern: str, case_sensitive: bool, option: str = "patterns") -> regex.Pattern:
    """Compile a rule's pattern once, here; a bad one is an error on ``option``'s line."""
    flags = regex.VERSION1 if case_sensitive else regex.VERSION1 | regex.IGNORECASE
    try:
        return regex.compile(pattern, flags)
    except regex.error as error:
        raise OptionError(option, f"invalid regex {pattern!r}: {error}") from None


def find_all(pattern: regex.Pattern, doc: Document) -> Iterable[regex.Match]:
    """Non-empty matches of ``pattern`` in the document's prose.

    One pass over the whole prose (the engine drops what falls outside the
    rule's scope). Each pattern runs on its own: joined into one alternation,
    patterns lose the literal-prefix scan that makes them fast.
    """
    return (match for match in pattern.finditer(doc.prose) if match.end() > match.start())


class Existence(Check):
    name = "existence"
    options = {
        "terms": Option("strings", [], "Words or phrases, matched whole, whitespace-insensitive."),
        "patterns": Option("regexes", [], "Regular expressions (the `regex` module's syntax)."),
        "case_sensitive": Option("bool", False),
    }

    def __init__(self, rule) -> None:  # type: ignore[no-untyped-def]
        super().__init__(rule)
        self.patterns = [compile_pattern(p, self.opts["case_sensitive"]) for p in self.opts["patterns"]]

    def terms(self) -> Iterable[Term]:
        return (Term(term, None, self.opts["case_sensitive"]) for term in self.opts["terms"])

    def run(self, doc: Document, hits: list[Hit]) -> Iterable[Finding]:
        for hit in hits:
            yield Finding(hit.start, hit.end, {})
        for pattern in self.patterns:
            for match in find_all(pattern, doc):
                yield Finding(match.start(), match.end(), {})
