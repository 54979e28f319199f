"""headline-figure: every figure in the headline and standfirst is in the body.

Headlines are rewritten late and by other hands; a figure that changed in the
copy but not in the headline (or was never in the copy) is a classic error.
The body may write the value any way (4,000, 4000, four thousand, 4k); a
headline may round it ("£1bn" for £1.13bn) and may hedge it ("nearly 4,000").

Left alone: years, ordinals, codes and names with digits (PS2, Formula 1 is
matched like any figure), figures inside quotation marks in the headline (a
quoted claim is the speaker's), fractions, multipliers and the word "one".
A percentage must be matched by a percentage, a count by a count.
"""

from __future__ import annotations

from collections.abc import Iterable

from newslint.checks import Check, Finding, Option
from newslint.document import Block, Document
from newslint.options import Bool
from newslint.patterns import lazy_compile, trie
from newslint.terms import Hit
from newslint.text.numbers import Number, read_numbers

# The quick no: a headline with neither a digit nor a number word of two or
# more has no figure _figures would keep. Two searches, a digit and then a
# trie of words, run faster than one pattern that starts with an alternation.
_DIGIT_RE = lazy_compile(r"\d")
# Number words of two and more: a headline's "one" is never checked.
_COUNT_WORDS = """two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
    sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred
    thousand million billion dozen""".split()
_COUNT_WORD_RE = lazy_compile(rf"(?i)\b{trie(_COUNT_WORDS)}\b", engine="re")


_MONTHS = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b"
# A day of the month is a date, not a figure the body must repeat.
_DATE_AFTER_RE = lazy_compile(rf"(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTHS}", engine="re")
_DATE_BEFORE_RE = lazy_compile(rf"{_MONTHS}\.?\s+$", engine="re")
# Sport's "last eight", "top 10", "best of five": a stage, not a count.
_STAGE_BEFORE_RE = lazy_compile(r"(?i)\b(?:last|top|final|best\s+of|round\s+of|under|aged|age)\s+$")
_QUOTE_OPEN = "'\"‘“"
_QUOTE_CLOSE = "'\"’”"


class HeadlineFigure(Check):
    name = "headline-figure"
    summary = "Every figure in the headline and standfirst is in the body."
    params = ("figure", "line")
    options = {
        "words": Option(Bool(), True, 'Check figures written as words ("three") too.'),
    }

    def run(self, doc: Document, hits: list[Hit]) -> Iterable[Finding]:
        tops = [block for block in doc.blocks if block.kind in ("headline", "standfirst")]
        if not doc.body or not any(_has_figure(doc.prose, block) for block in tops):
            return
        figures = [number for block in tops for number in self._figures(doc, block)]
        if not figures:
            return
        # The body is read a paragraph at a time and no further than needed:
        # once every figure has its match, the rest of the body cannot change
        # that. Only a figure still unmatched at the end needs every body
        # figure, for _derived.
        body: list[Number] = []
        for block in doc.body:
            numbers = read_numbers(doc.prose, block.start, block.end)
            body.extend(numbers)
            figures = [figure for figure in figures if not any(_same(figure, number) for number in numbers)]
            if not figures:
                return
        for figure in figures:
            if not _derived(figure, body):
                line = doc.position(figure.start)[0]
                yield Finding(figure.start, figure.end, {"figure": doc.text[figure.start : figure.end], "line": line})

    def _figures(self, doc: Document, block: Block) -> Iterable[Number]:
        for number in read_numbers(doc.prose, block.start, block.end):
            if number.kind not in ("count", "percent") or number.is_year or _compound(doc.prose, number):
                continue
            if (
                doc.in_quote(number.start)
                or _quoted(doc.prose, block, number)
                or _date_or_stage(doc.prose, block, number)
            ):
                continue
            if not number.text[:1].isdigit() and (not self.opts["words"] or number.value < 10):
                continue  # "Two banks merge": the body names them, it need not count them
            yield number


def _has_figure(prose: str, block: Block) -> bool:
    return bool(_DIGIT_RE.search(prose, block.start, block.end) or _COUNT_WORD_RE.search(prose, block.start, block.end))


def _compound(prose: str, number: Number) -> bool:
    """ "10-man", "24-hour", "two-way": a figure inside a compound adjective,
    which the body describes rather than repeats."""
    return prose[number.end : number.end + 1] in ("-", "‑")


def _quoted(prose: str, block: Block, number: Number) -> bool:
    """Inside quotation marks in the headline, even marks the analyser reads
    as apostrophes ("'10,000 jobs' at risk")."""
    before = prose[block.start : number.hedge_start or number.start]
    after = prose[number.end : block.end]
    opened = (
        any(before.count(mark) % 2 for mark in "'\"")
        or before.count("‘") > before.count("’")
        or "“" in before
        and before.count("“") > before.count("”")
    )
    closes = any(mark in after for mark in _QUOTE_CLOSE)
    return opened and closes


def _date_or_stage(prose: str, block: Block, number: Number) -> bool:
    start = number.hedge_start if number.hedge_start is not None else number.start
    return bool(
        _DATE_AFTER_RE.match(prose, number.end, block.end)
        or _DATE_BEFORE_RE.search(prose, max(block.start, start - 12), start)
        or _STAGE_BEFORE_RE.search(prose, max(block.start, start - 12), start)
    )


def _same(figure: Number, other: Number) -> bool:
    """Whether ``other`` in the body gives ``figure``'s value, allowing for the
    headline's rounding ("£1bn" for £1.13bn) and hedge ("nearly 4,000")."""
    if (figure.kind == "percent") != (other.kind == "percent"):
        return False
    if abs(figure.value - other.value) <= 1e-9 * max(1.0, abs(figure.value)):
        return True
    low, high = figure.bounds()
    # Headlines round down as often as to the nearest: "$16bn" for $16.6bn.
    high += figure.unit / 2
    return low - 1e-9 <= other.value <= high + 1e-9


def _derived(figure: Number, body: list[Number]) -> bool:
    """The headline's figure as the sum or difference of two body figures of
    its kind: "$300m profit revision" from "$434m, compared to $732m"."""
    same_kind = [
        n.value for n in body
        if (n.kind == "percent") == (figure.kind == "percent") and not n.is_year and n.currency == figure.currency
    ]  # fmt: skip
    if len(same_kind) > 60:
        return False  # too many pairs to mean anything
    low, high = figure.bounds()
    # A derived figure is rounded by whoever worked it out: allow 2%.
    low, high = min(low, figure.value * 0.98), max(high + figure.unit / 2, figure.value * 1.02)
    for index, first in enumerate(same_kind):
        for second in same_kind[index + 1 :]:
            if low <= abs(first - second) <= high or low <= first + second <= high:
                return True
    return False
