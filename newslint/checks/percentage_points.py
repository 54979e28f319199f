"""percentage-points: a change between two percentages called a percent change.

"Unemployment rose from 5% to 7%, an increase of 2%" is wrong: the rise is
two percentage points, or 40%. Within one sentence the check reads a change
written "from X% to Y%" (or "to Y% from X%") and a third percentage that is
the difference of the two, written as a percentage. Where the difference is
also the relative change (from 50% to 75% is 25 points and 50%), nothing is
said. The numbers come from the shared number reader (newslint/text/numbers.py).
"""

from __future__ import annotations

from collections.abc import Iterable

from newslint.checks import Check, Finding
from newslint.document import Document
from newslint.patterns import lazy_compile
from newslint.terms import Hit
from newslint.text.numbers import Number, read_numbers

_FROM_TO_RE = lazy_compile(r"(?i)^\s*to\s+$")
_TO_FROM_RE = lazy_compile(r"(?i)^\s*(?:,\s*)?(?:from|compared\s+with|compared\s+to|up\s+from|down\s+from)\s+$")
_FROM_BEFORE_RE = lazy_compile(r"(?i)\bfrom\s+$")
_TO_BEFORE_RE = lazy_compile(r"(?i)\bto\s+$")
_POINTS_AFTER_RE = lazy_compile(r"(?i)^\s*(?:percentage\s+)?points?\b")


class PercentagePoints(Check):
    name = "percentage-points"
    summary = "A change between two percentages written as a percent change ('from 5% to 7%, up 2%')."
    params = ("points", "relative")

    def run(self, doc: Document, hits: list[Hit]) -> Iterable[Finding]:
        prose = doc.prose
        if "%" not in prose and "cent" not in prose:
            return
        for sentence in doc.sentences:
            if prose.count("%", sentence.start, sentence.end) + prose.count("cent", sentence.start, sentence.end) < 3:
                continue
            percents = [n for n in read_numbers(prose, sentence.start, sentence.end) if n.kind == "percent"]
            if len(percents) >= 3:
                yield from _differences_called_percent(prose, percents)


def _differences_called_percent(prose: str, percents: list[Number]) -> Iterable[Finding]:
    for old, new in _changes(prose, percents):
        points = abs(new.value - old.value)
        if not points or not old.value:
            continue
        relative = points / old.value * 100
        for number in percents:
            if number in (old, new) or _POINTS_AFTER_RE.match(prose, number.end):
                continue
            if _same(number.value, points) and not _same(number.value, relative):
                params = {"points": _shown(points), "relative": _shown(relative)}
                yield Finding(number.start, number.end, params)


def _changes(prose: str, percents: list[Number]) -> Iterable[tuple[Number, Number]]:
    """(old, new) for every "from X% to Y%" and "to Y% from X%" in the sentence."""
    for first, second in zip(percents, percents[1:]):
        between = prose[first.end : second.start]
        if _FROM_TO_RE.match(between) and _FROM_BEFORE_RE.search(prose, max(0, first.start - 6), first.start):
            yield first, second
        elif _TO_FROM_RE.match(between) and _TO_BEFORE_RE.search(prose, max(0, first.start - 4), first.start):
            yield second, first


def _same(a: float, b: float) -> bool:
    return abs(a - b) < 0.051


def _shown(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")
