"""substitution: a wrong form and the right one, with a fix."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from newslint.checks import Check, Finding, OptionError
from newslint.checks._patterns import RulePattern, passes
from newslint.checks.existence import CASE_SENSITIVE, EXCEPTIONS
from newslint.document import Document
from newslint.options import Option, Patterns, Str, StrMapping, pattern_entries
from newslint.patterns import lazy_compile
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
    summary = "A wrong form and the right one; the fix writes the right one."
    fixable = True
    default_fix = "safe"
    params = ("replacement",)
    options = {
        "terms": Option(StrMapping("wrong terms to right ones"), {}, "Wrong term: right term, matched whole."),
        "patterns": Option(
            Patterns({"replacement": "the text that replaces a match (\\1 and \\g<name> name its groups)"}),
            [],
            "Regexes; each with its own `replacement`, or the rule's.",
        ),
        "replacement": Option(Str(), "", "The replacement for patterns that give none of their own."),
        "exceptions": EXCEPTIONS,
        "case_sensitive": CASE_SENSITIVE,
    }

    def __init__(self, options: Mapping[str, Any]) -> None:
        super().__init__(options)
        case_sensitive = options["case_sensitive"]
        self.patterns: list[tuple[RulePattern, str]] = []
        for entry in pattern_entries(options["patterns"]):
            template = entry.get("replacement", options["replacement"])
            pattern = RulePattern(entry["pattern"], case_sensitive)
            problem = _missing_group(pattern.compiled, template)
            if problem:  # refused at load, not mid-run on the first match
                raise OptionError("patterns", f"replacement {template!r}: {problem}")
            self.patterns.append((pattern, template))
        self.exceptions = [
            RulePattern(entry["pattern"], case_sensitive, "exceptions")
            for entry in pattern_entries(options["exceptions"])
        ]
        for wrong, right in options["terms"].items():
            if wrong == right:
                raise OptionError("terms", f"{wrong!r} is replaced by itself")

    def terms(self) -> Iterable[Term]:
        for wrong, right in self.opts["terms"].items():
            yield Term(wrong, right, self.opts["case_sensitive"])

    def run(self, doc: Document, hits: list[Hit]) -> Iterable[Finding]:
        found = self._found(doc, hits)
        if self.exceptions:
            found = (f for f in found if not passes(self.exceptions, doc.prose, f.start, f.end))
        return found

    def _found(self, doc: Document, hits: list[Hit]) -> Iterable[Finding]:
        for hit in hits:
            found = doc.text[hit.start : hit.end]
            right = hit.term.payload if self.opts["case_sensitive"] else match_case(found, hit.term.payload)
            yield Finding(hit.start, hit.end, {"replacement": right}, right)
        for pattern, template in self.patterns:
            for match in pattern.finditer(doc):
                right = match.expand(template)
                if right != match.group():
                    yield Finding(match.start(), match.end(), {"replacement": right}, right)


def _missing_group(compiled: Any, template: str) -> str | None:
    """Why ``template`` names a group the pattern lacks (\\9, \\g<name>), or None."""
    for number, name in _GROUP_REFERENCE_RE.findall(template):
        reference = number or name
        if reference.isdigit() and int(reference) > compiled.groups:
            return f"the pattern has no group {reference}"
        if not reference.isdigit() and reference not in compiled.groupindex:
            return f"the pattern has no group named {reference!r}"
    return None


_GROUP_REFERENCE_RE = lazy_compile(r"\\(\d+)|\\g<(\w+)>")
