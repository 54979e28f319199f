"""quotes: problems the quotation analyser (newslint/text/quotes.py) finds.

One check kind, several rules: each rule names the problem it reports.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from newslint.checks import Check, Finding, Option
from newslint.document import Document
from newslint.options import Choice
from newslint.terms import Hit
from newslint.text.quotes import STRAIGHT_FOR, Mark


def _majority_curly(marks: list[Mark]) -> bool | None:
    """True if the article's double quotes are mostly curly, None if it has none."""
    counts = Counter(mark.straight for mark in marks if mark.kind == "double" and mark.role in ("open", "close"))
    if not counts:
        return None
    return counts[False] >= counts[True]


class Quotes(Check):
    name = "quotes"
    summary = "Problems the quotation analyser finds; each rule names one."
    fixable = True
    params = ("mark", "role", "other", "replacement")
    options = {
        "problem": Option(
            Choice("unbalanced", "mismatched", "mixed-style", "nesting", "straight", "straight-apostrophe"),
            help="The problem this rule reports.",
        ),
        "prefer": Option(Choice("majority", "curly", "straight"), "majority", "mixed-style: the style to keep."),
    }

    def run(self, doc: Document, hits: list[Hit]) -> Iterable[Finding]:
        analysis = doc.quotes
        problem = self.opts["problem"]
        if problem == "unbalanced":
            for mark in analysis.unbalanced:
                yield Finding(mark.offset, mark.offset + 1, {"mark": mark.char, "role": mark.role})
        elif problem == "nesting":
            for mark in analysis.nested:
                yield Finding(mark.offset, mark.offset + 1, {"mark": mark.char})
        elif problem == "mismatched":
            yield from self._mismatched(doc)
        elif problem == "mixed-style":
            yield from self._mixed_style(doc)
        elif problem == "straight":
            for mark in analysis.marks:
                if mark.straight and mark.role != "prime":
                    yield self._finding(mark, mark.curly)
        else:  # straight-apostrophe: only where the article already writes curly
            if any(not mark.straight for mark in analysis.marks):
                for mark in analysis.marks:
                    if mark.straight and mark.role == "apostrophe":
                        yield self._finding(mark, "’")

    def _finding(self, mark: Mark, replacement: str) -> Finding:
        params = {"mark": mark.char, "replacement": replacement}
        return Finding(mark.offset, mark.offset + 1, params, replacement)

    def _mismatched(self, doc: Document) -> Iterable[Finding]:
        pairs = doc.quotes.mismatched()
        if not pairs:
            return  # most articles: no need to count every mark for the majority
        curly_wins = _majority_curly(doc.quotes.marks)
        for opener, closer in pairs:
            odd = opener if opener.straight == curly_wins else closer
            other = closer if odd is opener else opener
            replacement = odd.curly if odd.straight else STRAIGHT_FOR[odd.kind]
            params = {"mark": odd.char, "other": other.char, "replacement": replacement}
            yield Finding(odd.offset, odd.offset + 1, params, replacement)

    def _mixed_style(self, doc: Document) -> Iterable[Finding]:
        # The marks all stand in the prose: without both a straight and a
        # curly double mark there, the style cannot be mixed. Tested in C.
        if '"' not in doc.prose or ("“" not in doc.prose and "”" not in doc.prose):
            return
        doubles = [m for m in doc.quotes.marks if m.kind == "double" and m.role in ("open", "close")]
        if len({mark.straight for mark in doubles}) < 2:
            return
        prefer = self.opts["prefer"]
        keep_curly = _majority_curly(doubles) if prefer == "majority" else prefer == "curly"
        for mark in doubles:
            if mark.straight == keep_curly:
                yield self._finding(mark, mark.curly if keep_curly else STRAIGHT_FOR[mark.kind])
