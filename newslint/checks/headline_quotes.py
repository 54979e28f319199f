"""headline-quotes: quotation marks in a headline, single or double by house.

The BBC, the Guardian and AP quote in headlines with single marks ('Howdy,
Modi!'); some houses use double. ``marks`` says which. Only a pair the
quotation analyser matched is changed, both marks together, each for its
counterpart of the same shape (straight for straight, curly for curly): an
apostrophe is never touched. One finding per pair, from mark to mark; the
fix is safe.
"""

from __future__ import annotations

from collections.abc import Iterable

from newslint.checks import Check, Finding, Option
from newslint.document import Document
from newslint.options import Choice
from newslint.terms import Hit
from newslint.text.quotes import MARKS, Mark

_TO_SINGLE = {'"': "'", "“": "‘", "”": "’"}
_TO_DOUBLE = {single: double for double, single in _TO_SINGLE.items()}


class HeadlineQuotes(Check):
    name = "headline-quotes"
    summary = "Quotation marks in a headline, single or double as the house writes them."
    fixable = True
    default_fix = "safe"
    params = ("marks", "replacement")
    options = {
        "marks": Option(
            Choice("single", "double"), "single", "`single` ('unavoidable': BBC, Guardian, AP) or `double`."
        ),
    }

    def run(self, doc: Document, hits: list[Hit]) -> Iterable[Finding]:
        headlines = doc.blocks_of("headline")
        if not headlines:
            return
        unwanted, swap = ("double", _TO_SINGLE) if self.opts["marks"] == "single" else ("single", _TO_DOUBLE)
        for block in headlines:
            for quote in doc.quotes.quotes:
                if not block.start <= quote.open.offset < block.end or quote.close is None:
                    continue
                if quote.open.kind == quote.close.kind == unwanted and not (quote.open.doubled or quote.close.doubled):
                    # (a doubled mark, '' for ", and a pair of two kinds are the quotes rules' to report)
                    yield self._finding(doc, quote.open, quote.close, swap)

    def _finding(self, doc: Document, opener: Mark, closer: Mark, swap: dict[str, str]) -> Finding:
        """One finding for the pair, from mark to mark, with both swapped.

        The fix rewrites the span between them as it stands, so it is offered
        only where no other mark stands inside: there the quotation rules
        have fixes of their own, and two fixes over one span would undo each
        other round after round."""
        marks = swap[opener.char] + swap[closer.char]
        inside = doc.text[opener.offset + 1 : closer.offset]
        replacement = None if any(char in MARKS for char in inside) else marks[0] + inside + marks[1]
        return Finding(
            opener.offset, closer.offset + 1, {"marks": self.opts["marks"], "replacement": marks}, replacement
        )
