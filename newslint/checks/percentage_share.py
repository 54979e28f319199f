"""percentage-share: a stated percentage of stated parts that does not agree.

"7 of 19, or 40 per cent": seven of 19 is 37%. A share written both ways
can be checked with no outside knowledge, and the two halves are often
edited apart. Read: "N of M, or P%", "N out of M (P%)", "P% (N of M)",
"P%, or N of M", "N of the Dow's M" and "Of the M drains, N, or P%", with
the figures in any spelling the number reader knows.
Rounding and hedges ("about 40%", "nearly two-thirds") are allowed for. A
percentage that names a whole of its own ("13 of the 48 seats (25.4 per cent
of the vote)", "two of the 12 reactors, or 20% of capacity") or a basis of
its own ("or 64% once the results were weighted") is not the parts' share; one
that names no other whole ("7 of 19 schools, 40% of them rural") cannot be
told apart and is read as the share.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from newslint.checks import Check, Finding
from newslint.document import Document
from newslint.patterns import lazy_compile
from newslint.terms import Hit
from newslint.text.numbers import Number, format_like, read_numbers

# Between the part and the whole: "of", "out of", "of the", "in".
# A whose whole may follow ("of the Dow's 30 stocks", "of the council's 19
# members"), in a word or two ("of the S&P 500's 500 companies").
_OWNER = r"(?:(?:[\w.&-]+\s+)?[\w.&-]+(?:['’]s|s['’])\s+)?"
# (A unit's abbreviation in brackets may stand there: "57.3 terawatt hours
# (TWh) of the 163.6 TWh".)
_OF_RE = lazy_compile(
    rf"(?:\s+[\w’'-]+){{0,2}}?(?:\s+\(\p{{Lu}}[\p{{L}}\d]{{0,5}}\))?\s+(?:out\s+of|of|in)\s+"
    rf"(?:the\s+|all\s+|its\s+|their\s+)?{_OWNER}"
)
# Between the whole and its percentage: ", or", " (", " - ", ", about", after
# what qualifies the whole ("163.6 TWh produced in Poland between January and
# October, or 38%").
_OR_RE = lazy_compile(r"(?:\s+[\w’'-]+){0,10}?\s*(?:,\s*(?:or|i\.e\.|that\s+is)|\(|[-–—])\s*(?:about\s+|some\s+)?$")
# Between a percentage and its parts: " (", ", or".
_BEFORE_PARTS_RE = lazy_compile(r"\s*(?:\(|,\s*or\s+|[-–—]\s*)\s*$")


# "7 of 19", "seven out of the 19": a whole in figures after "of" (the part
# before it is read with the numbers), "of" opening a paragraph or after a
# space. The "f" comes first and what stands before it is looked behind at:
# the engine skips to a leading literal, where "(?:^| )[Oo]f" was tried at
# every character (8x faster).
_SHARE_HINT = rf"\s+(?:the\s+|all\s+|its\s+|their\s+)?{_OWNER}\d"
_SHARE_HINT_RE = lazy_compile(rf"f(?<=[Oo]f)(?<![^ ]..){_SHARE_HINT}", engine="re")
# The same, whatever stands before "of": one search of the article that
# finds every paragraph's hint (a paragraph's start need not follow a space
# in the article), so most articles have no paragraph cut out and searched.
_ANY_SHARE_HINT_RE = lazy_compile(rf"f(?<=[Oo]f){_SHARE_HINT}", engine="re")
# After the percentage, a whole of its own ("of the vote", "of capacity"), its
# first word to compare with the parts' noun ("of them", "of the seats": the same).
_OWN_WHOLE_RE = lazy_compile(r"\s+of\s+(?:the\s+|its\s+|their\s+|all\s+)?([\w’'-]+)")
_SAME_WHOLE = frozenset({"them", "those", "these", "it", "total", "whole"})
# A basis of its own: "or 64% once the results were weighted", "excluding postal votes".
_OWN_BASIS_RE = lazy_compile(r"(?i)\s+(?:once|after|when|if|excluding|including|adjusted|weighted)\b")
_WORD_AFTER_RE = lazy_compile(r"\s+([\w’'-]+)")
# The whole first: "Of the 309 drains in the city, 96, or 27%, ...".
# ("Of" after no word: a paragraph's start is masked markup in HTML, not a space.)
_WHOLE_FIRST_RE = lazy_compile(rf"(?<![\w’'-])[Oo]f\s+(?:the\s+|all\s+|its\s+|their\s+)?{_OWNER}$")
# Between the whole and the part, what qualifies the whole, as health and
# education copy does at length ("children under five screened in Loima and
# Turkana West sub-counties last month").
_WHOLE_TO_PART_RE = lazy_compile(r"(?:\s+[\w’'-]+){0,16}?\s*,\s*")


class PercentageShare(Check):
    name = "percentage-share"
    summary = 'A stated percentage of stated parts that does not agree ("7 of 19, or 40 per cent").'
    params = ("part", "whole", "actual", "stated")

    def run(self, doc: Document, hits: list[Hit]) -> Iterable[Finding]:
        prose = doc.prose
        if not _may_state_share(prose) or _ANY_SHARE_HINT_RE.search(prose) is None:
            return
        for block in doc.blocks:
            text = prose[block.start : block.end]
            if not _may_state_share(text) or _SHARE_HINT_RE.search(text) is None:
                continue  # numbers are read only where a part and its whole stand side by side
            numbers = read_numbers(prose, block.start, block.end)
            for part, whole, stated in _shares(prose, numbers):
                problem = _problem(prose, part, whole, stated)
                if problem is not None:
                    start = min(part.start, stated.start)
                    end = max(whole.end, stated.end)
                    yield Finding(start, end, problem)


def _may_state_share(text: str) -> bool:
    """Whether ``text`` may hold a percentage: "%", "per cent", "pct", "pc"."""
    return "%" in text or "cent" in text or "pc" in text


def _shares(prose: str, numbers: list[Number]) -> Iterator[tuple[Number, Number, Number]]:
    """(part, whole, percentage) triples written side by side."""
    yield from _whole_first(prose, numbers)
    for index in range(len(numbers) - 1):
        part, whole = numbers[index], numbers[index + 1]
        if part.kind != "count" or whole.kind != "count" or part.is_year or whole.is_year:
            continue
        if not _OF_RE.fullmatch(prose, part.end, whole.hedge_start or whole.start):
            continue
        after = numbers[index + 2] if index + 2 < len(numbers) else None
        before = numbers[index - 1] if index > 0 else None
        if (
            after is not None
            and after.kind == "percent"
            and _OR_RE.fullmatch(prose, whole.end, after.hedge_start or after.start)
        ):
            yield part, whole, after
        elif (
            before is not None
            and before.kind == "percent"
            and _BEFORE_PARTS_RE.search(prose, before.end, part.hedge_start or part.start)
            and prose[before.end : part.start].count("(") <= 1
        ):
            yield part, whole, before


def _whole_first(prose: str, numbers: list[Number]) -> Iterator[tuple[Number, Number, Number]]:
    """ "Of the 309 drains in the city, 96, or 27%": the whole, its part, the
    percentage; a number word may stand between the whole and its part ("Of
    the 48 plots surveyed across the six sites, 31, or 58%")."""
    for index, (part, stated) in enumerate(zip(numbers[1:], numbers[2:]), 1):
        if part.kind != "count" or stated.kind != "percent" or part.is_year:
            continue
        if not _OR_RE.fullmatch(prose, part.end, stated.hedge_start or stated.start):
            continue
        for whole in reversed(numbers[max(0, index - 2) : index]):
            if whole.kind != "count" or whole.is_year:
                continue
            if not _WHOLE_TO_PART_RE.fullmatch(prose, whole.end, part.hedge_start or part.start):
                continue
            if _WHOLE_FIRST_RE.search(prose, max(0, whole.start - 40), whole.hedge_start or whole.start):
                yield part, whole, stated
                break


def _of_another_whole(prose: str, whole: Number, stated: Number) -> bool:
    """Whether the percentage names a whole or a basis other than the parts'."""
    if _OWN_BASIS_RE.match(prose, stated.end):
        return True
    own = _OWN_WHOLE_RE.match(prose, stated.end)
    if own is None or own.group(1).lower() in _SAME_WHOLE:
        return False
    noun = _WORD_AFTER_RE.match(prose, whole.end)
    return noun is None or _stem(noun.group(1)) != _stem(own.group(1))


def _stem(word: str) -> str:
    return word.lower().removesuffix("s")


def _problem(prose: str, part: Number, whole: Number, stated: Number) -> dict[str, str] | None:
    if whole.value <= 0 or part.value > whole.value or _of_another_whole(prose, whole, stated):
        return None
    part_low, part_high = _range(part)
    whole_low, whole_high = _range(whole)
    actual_low = max(0.0, part_low) / whole_high * 100
    actual_high = part_high / max(whole_low, 1e-9) * 100
    stated_low, stated_high = stated.bounds()
    # A percentage is rounded to its last digit, or truncated: allow a point.
    slack = max(stated.unit, 1.0)
    if actual_high >= stated_low - slack and actual_low <= stated_high + slack:
        return None
    actual = format_like(part.value / whole.value * 100, stated)
    return {"part": part.text, "whole": whole.text, "actual": actual, "stated": _written(stated)}


def _range(number: Number) -> tuple[float, float]:
    """A count as written is exact ("7 of 19"); a scaled, hedged or round
    one allows what its rounding allows ("about 2,000 of 5m")."""
    exact = not number.scaled and number.hedge is None and float(number.value).is_integer()
    if exact and not (number.value >= 100 and number.text.replace(",", "").endswith("0")):
        return number.value, number.value
    return number.bounds()


def _written(number: Number) -> str:
    return f"{number.text}{number.suffix}"
