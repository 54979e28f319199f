"""loaded-verb: attribution verbs that take sides.

"Claimed" hints the reporter doubts it, "admitted" and "conceded" that it was
wrung out of the speaker, "insisted" that it was contested. "Said" carries
no judgment. Only attribution counts: the verb beside a quotation ("…,” he
insisted", "insisted: “…") or before "that" ("she claimed that"). "Admitted to
hospital", "claimed the title", "insisted on paying" and the noun "claims"
("investigating claims that") are left alone.
"""

from __future__ import annotations

from collections.abc import Iterable

from newslint.checks import Check, Finding, Option
from newslint.document import Document
from newslint.options import Strings
from newslint.patterns import lazy_compile
from newslint.terms import Hit, Term

_QUOTE_CLOSE = "\"'”’"
_QUOTE_OPEN = "\"'“‘"


class LoadedVerb(Check):
    name = "loaded-verb"
    summary = "Attribution verbs that take sides (claimed, admitted, insisted)."
    params = ("verb",)
    options = {
        "terms": Option(Strings("verbs"), [], "Attribution verbs that take sides, in every form to flag."),
    }

    def terms(self) -> Iterable[Term]:
        return (Term(verb) for verb in self.opts["terms"])

    def run(self, doc: Document, hits: list[Hit]) -> Iterable[Finding]:
        prose = doc.prose
        for hit in hits:
            block = doc.block_at(hit.start)
            if block is not None and _attributes(prose, hit.start, hit.end, block.start, block.end):
                yield Finding(hit.start, hit.end, {"verb": prose[hit.start : hit.end]})


# "…,” he insisted" / "…," insisted Mr Smith": a quote closes just before.
# The quote must end in a comma, ? or ! ("…,” he claimed"); after a full stop
# the next word starts a new sentence ("…budget.” If admitted…").
_AFTER_QUOTE_RE = lazy_compile(
    rf"""(?:[,?!…][{_QUOTE_CLOSE}]|[{_QUOTE_CLOSE}],)\s*\s*(?:(?:he|she|they|it|we|I)|(?:\p{{Lu}}[\w’'-]*\s+){{0,3}}\p{{Lu}}[\w’'-]*|the\s+\w+(?:\s+\w+)?)?\s*$"""
)
# "insisted: “…", "claimed, “…": a quote opens just after.
_BEFORE_QUOTE_RE = lazy_compile(rf"""\s*[:,]?\s*[{_QUOTE_OPEN}]""")
# "claimed that", "admitted that", but not the passive "it is claimed that".
_THAT_RE = lazy_compile(r"(?i)\s+(?:\w+\s+)?that\b")
_PASSIVE_RE = lazy_compile(r"(?i)\b(?:is|was|are|were|been|be|being|if|when|once)\s+$")
# "claims" and "admits" are nouns after these ("about claims that", "denied claims").
_NOUN_BEFORE_RE = lazy_compile(
    r"(?i)\b(?:about|to|of|the|these|those|such|his|her|their|its|our|any|new|denied|deny|denies|rejected|"
    r"reject|rejects|dismissed|dismiss|amid|over|after|following|and|or|make|made|making|counter|similar|"
    r"false|unfounded|previous|earlier|latest|insurance|pay|paid|face|faces|faced|down|up|fresh)\s+$",
    engine="re",
)
# "claims" is a noun too (beyond _NOUN_BEFORE_RE's words): right after a
# preposition or a verb ("deal with claims that", "investigating claims
# that"), and after a verb that takes claims as its object even with a name or
# an adjective between ("denied Conservative claims that", "could dent Lycos
# claims that"). Not after a preposition and a name: "A spokesman for Yukos
# claims that" is the verb.
_OBJECT_BEFORE_RE = lazy_compile(
    r"(?i)\b(?:(?:deny|denies|denied|reject|rejects|rejected|dismiss|dismisses|dismissed|make|makes|made|making|"
    r"face|faces|faced|address|addressing|scotch|dent|rebut|refute|dispute|probe|examine|investigate|"
    r"investigating)\s+(?-i:(?:[A-Z][\w’'-]*\s+){0,2})"
    r"|(?:with|into|on|against|for|from|by|(?-i:[a-z]+(?:ing|ed)))\s+)$",
    engine="re",
)
_INTO_RE = lazy_compile(r"(?i)\s+(?:in)?to\b")
# "claimed the lives that": a noun phrase, not a clause. Compiled once, since
# ``regex.match(pattern, ...)`` pays a cache look-up dearer than the match.
# It has no lookaround or anchor, so matching up to ``endpos`` is matching a slice.
_DETERMINER_RE = lazy_compile(r"\s+(?:the|a|an|his|her|their|its)\s")


def _attributes(prose: str, start: int, end: int, floor: int, ceiling: int) -> bool:
    """Whether the verb at ``start:end`` attributes speech."""
    if _PASSIVE_RE.search(prose, max(floor, start - 10), start):
        return False
    if _NOUN_BEFORE_RE.search(prose, max(floor, start - 14), start) or _INTO_RE.match(prose, end, ceiling):
        return False  # "denied claims that", "admitted to hospital", "admitted into the EU"
    if prose[start:end].lower() == "claims" and _OBJECT_BEFORE_RE.search(prose, max(floor, start - 40), start):
        return False
    if _AFTER_QUOTE_RE.search(prose, max(floor, start - 50), start):
        return True
    if _BEFORE_QUOTE_RE.match(prose, end, ceiling):
        return True
    that = _THAT_RE.match(prose, end, ceiling)
    # "claimed last week that" is fine; "claimed the lives that" is not a clause.
    return that is not None and not _DETERMINER_RE.match(prose, end, that.end())
