"""existence: terms or patterns that should not appear at all."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from newslint.checks import Check, Finding
from newslint.checks._patterns import RulePattern, passes
from newslint.document import Document
from newslint.options import Bool, Option, Patterns, Strings, pattern_entries
from newslint.terms import Hit, Term

CASE_SENSITIVE = Option(Bool(), False, "Match case exactly (terms and patterns alike).")
EXCEPTIONS = Option(
    Patterns(),
    [],
    "Regexes tried where a finding starts: one that matches there lets the finding pass (the wider phrase that is fine).",
    follows=("terms", "patterns"),
)


class Existence(Check):
    name = "existence"
    summary = "Terms or patterns that should not appear at all."
    options = {
        "terms": Option(
            Strings("words or phrases"), [], "Words or phrases, matched whole; any run of spaces matches a space."
        ),
        "patterns": Option(
            Patterns(), [], "Regular expressions (the `regex` module's syntax; `\\L<month>` names a lexicon list)."
        ),
        "exceptions": EXCEPTIONS,
        "case_sensitive": CASE_SENSITIVE,
    }

    def __init__(self, options: Mapping[str, Any]) -> None:
        super().__init__(options)
        case_sensitive = options["case_sensitive"]
        self.patterns = [RulePattern(e["pattern"], case_sensitive) for e in pattern_entries(options["patterns"])]
        self.exceptions = [
            RulePattern(e["pattern"], case_sensitive, "exceptions") for e in pattern_entries(options["exceptions"])
        ]

    def terms(self) -> Iterable[Term]:
        return (Term(term, None, self.opts["case_sensitive"]) for term in self.opts["terms"])

    def run(self, doc: Document, hits: list[Hit]) -> Iterable[Finding]:
        found = self._found(doc, hits)
        if self.exceptions:
            # Tried only where something was found: a pass over the text each would cost every article.
            found = (f for f in found if not passes(self.exceptions, doc.prose, f.start, f.end))
        return found

    def _found(self, doc: Document, hits: list[Hit]) -> Iterable[Finding]:
        for hit in hits:
            yield Finding(hit.start, hit.end)
        for pattern in self.patterns:
            for match in pattern.finditer(doc):
                yield Finding(match.start(), match.end())
