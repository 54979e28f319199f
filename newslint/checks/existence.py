"""existence: terms or patterns that should not appear at all."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import regex

from newslint.checks import Check, Finding, Option, OptionError
from newslint.document import Document
from newslint.terms import Hit, Term


def compile_pattern(pattern: str, case_sensitive: bool, option: str = "patterns") -> regex.Pattern:
    """Compile a rule's pattern once, here; a bad one is an error on ``option``'s line."""
    # Version 0 whatever regex.DEFAULT_VERSION a host program set; (?V1) in a pattern asks for 1.
    flags = regex.VERSION0 if case_sensitive else regex.VERSION0 | regex.IGNORECASE
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


class Needs:
    """Text one of which every match of a rule's patterns contains, as a rule
    file lists it (``needs``): prose with none of it cannot match, and is not
    searched. The text is matched as written, case and all, so a rule lists
    every form its matches can take; ``rules test`` checks the rule's examples
    against it.

    A quick no at C speed, where the patterns would each take a pass of the
    slower `regex` engine. A few strings are looked for one by one with
    ``in``, which is all but free for one the prose's characters cannot spell
    (an invisible character in ASCII or Latin-1 text); more (the twelve
    months) in one pass of the stdlib engine, which matches plain text just
    as `regex` does, at the cost of two or three ``in`` passes.
    """

    def __init__(self, needed: Sequence[str]) -> None:
        self.needed = tuple(needed)
        self.pattern = re.compile("|".join(map(re.escape, needed))) if len(needed) > 4 else None

    def absent_from(self, prose: str) -> bool:
        if not self.needed:
            return False
        if self.pattern is not None:
            return self.pattern.search(prose) is None
        return not any(map(prose.__contains__, self.needed))


NEEDS = Option(
    "strings",
    [],
    "Text, one piece of which every match of the patterns contains: prose with none is not searched (a speed hint).",
    follows=("patterns", "styles"),
)


class Existence(Check):
    name = "existence"
    options = {
        "terms": Option("strings", [], "Words or phrases, matched whole, whitespace-insensitive."),
        "patterns": Option("regexes", [], "Regular expressions (the `regex` module's syntax)."),
        "needs": NEEDS,
        "exceptions": Option(
            "regexes",
            [],
            "Patterns that cancel a finding when one matches from where it starts: the wider phrase that is fine.",
            follows=("terms", "patterns"),
        ),
        "case_sensitive": Option("bool", False),
    }

    def __init__(self, rule) -> None:  # type: ignore[no-untyped-def]
        super().__init__(rule)
        case_sensitive = self.opts["case_sensitive"]
        self.patterns = [compile_pattern(p, case_sensitive) for p in self.opts["patterns"]]
        self.exceptions = [compile_pattern(p, case_sensitive, "exceptions") for p in self.opts["exceptions"]]
        self.needs = Needs(self.opts["needs"])

    def terms(self) -> Iterable[Term]:
        return (Term(term, None, self.opts["case_sensitive"]) for term in self.opts["terms"])

    def needy_patterns(self) -> list[regex.Pattern]:
        return self.patterns

    def run(self, doc: Document, hits: list[Hit]) -> Iterable[Finding]:
        found = self._found(doc, hits)
        if self.exceptions:
            # Tried only where something was found: a pass over the text each would cost every article.
            found = (f for f in found if not any(e.match(doc.prose, f.start) for e in self.exceptions))
        return found

    def _found(self, doc: Document, hits: list[Hit]) -> Iterable[Finding]:
        for hit in hits:
            yield Finding(hit.start, hit.end, {})
        if self.needs.absent_from(doc.prose):
            return
        for pattern in self.patterns:
            for match in find_all(pattern, doc):
                yield Finding(match.start(), match.end(), {})
