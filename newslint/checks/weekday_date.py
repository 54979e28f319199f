"""weekday-date: a weekday that contradicts its date.

"Wednesday, February 18, 2021" is wrong (it was a Thursday); the calendar
settles it with no outside knowledge. A date without its year ("Wednesday,
Nov. 19", as AP writes dates of the current year) is read in the year the
article dates itself in, where it does: full dates at its top (a dateline)
or in a line that says when it was published ("This story was first
published Nov. 17, 2026"), all of one year; in it, or in the year before or
after where that is nearer them ("Friday, Jan. 2" in a story dated Dec.
30); and it is reported only if its weekday fits no year its paragraph, or
the one before, names before it ("began on Monday 14 May 1973 … ended on
Friday 29 June"; "In 1962 … on Saturday, November 24"): the story may be
telling of that year. Full dates further on are the story's history ("the
last meeting, on 16 January 1996"), no clue to its own year. With no year
of its own it cannot be checked. Impossible dates (30 February) are left to claims.impossible-date.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

import regex

from newslint.checks import Check, Finding
from newslint.document import Document
from newslint.patterns import lazy_compile
from newslint.terms import Hit
from newslint.text.layout import time_stamp

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = {
    name: number
    for number, names in enumerate(
        (("January", "Jan"), ("February", "Feb"), ("March", "Mar"), ("April", "Apr"), ("May",), ("June", "Jun"),
         ("July", "Jul"), ("August", "Aug"), ("September", "Sep", "Sept"), ("October", "Oct"),
         ("November", "Nov"), ("December", "Dec")),
        start=1,
    )
    for name in names
}  # fmt: skip
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_ORDINAL = r"(?:st|nd|rd|th)?"
# "Wednesday, February 18, 2021", "Monday 1 March 2021", "Monday the 1st of March, 2021".
_DATE_RE = lazy_compile(
    rf"""\b(?P<weekday>{"|".join(WEEKDAYS)}),?[ \t]+(?:the[ \t]+)?
    (?:(?P<day>\d{{1,2}}){_ORDINAL}(?:[ \t]+of)?[ \t]+(?P<month>{_MONTH})\.?
      |(?P<month2>{_MONTH})\.?[ \t]+(?P<day2>\d{{1,2}}){_ORDINAL})
    (?:,?[ \t]+(?P<year>(?:19|20)\d\d)\b(?![:.]\d))?""",
    regex.VERBOSE,
)
# The article's full dates, with or without a weekday: "Nov. 17, 2026", "17 November 2026".
_FULL_DATE_RE = lazy_compile(
    rf"""\b(?:(?P<day>\d{{1,2}}){_ORDINAL}(?:[ \t]+of)?[ \t]+(?P<month>{_MONTH})\.?
      |(?P<month2>{_MONTH})\.?[ \t]+(?P<day2>\d{{1,2}}){_ORDINAL})
    ,?[ \t]+(?P<year>(?:19|20)\d\d)\b(?![:.]\d)""",
    regex.VERBOSE,
)
_WEEKDAY_HINT_RE = lazy_compile(r"day,?\s+(?:the\s+)?[\dJFMASOND]")


class WeekdayDate(Check):
    name = "weekday-date"
    summary = "A weekday that contradicts its date."
    params = ("weekday", "date", "actual")

    def run(self, doc: Document, hits: list[Hit]) -> Iterable[Finding]:
        prose = doc.prose
        if _WEEKDAY_HINT_RE.search(prose) is None:
            return  # most articles give no weekday beside a date
        dated: list[datetime.date] | None = None
        for match in _DATE_RE.finditer(prose):
            day = int(match.group("day") or match.group("day2"))
            month = MONTHS[match.group("month") or match.group("month2")]
            weekday = match.group("weekday")
            if match.group("year") is None:
                dated = _own_dates(doc) if dated is None else dated
                date = _yearless(doc, match.start(), month, day, weekday, dated)
            else:
                date = _date(int(match.group("year")), month, day)
            if date is None or WEEKDAYS[date.weekday()] == weekday:
                continue
            written = prose[match.end("weekday") : match.end()].strip(" ,")
            params = {"weekday": weekday, "date": written, "actual": WEEKDAYS[date.weekday()]}
            yield Finding(match.start("weekday"), match.end("weekday"), params)


def _yearless(
    doc: Document, offset: int, month: int, day: int, weekday: str, dated: list[datetime.date]
) -> datetime.date | None:
    """The date that a weekday beside a date without its year contradicts,
    read in the article's own year; None where it cannot be read or the
    weekday fits a year in play ("in 1962 … on Saturday, November 24": that
    year's date). Where its paragraph names one year, the date in that year,
    whose weekday the message gives."""
    date = _in_the_articles_year(dated, month, day)
    if date is None or WEEKDAYS[date.weekday()] == weekday:
        return date
    for year in _years_in_play(doc, offset):
        found = _date(year, month, day)
        if found is not None and WEEKDAYS[found.weekday()] == weekday:
            return None
    return _own_paragraph_year(doc, offset, month, day) or date


def _own_paragraph_year(doc: Document, offset: int, month: int, day: int) -> datetime.date | None:
    """The date in the one year its paragraph names before it, if it names one."""
    block = doc.block_at(offset)
    years = set(_YEAR_RE.findall(doc.prose, block.start, offset)) if block is not None else set()
    return _date(int(years.pop()), month, day) if len(years) == 1 else None


def _years_in_play(doc: Document, offset: int) -> set[int]:
    """The years a date without its own may be of, besides the article's:
    those its paragraph, or the one before, names before it ("since April
    2022, when the rain, which began on Monday, 11 April"; "In 1962 … on
    Saturday, November 24"), or, where they name none, the last year the
    story named before ("on Saturday, March 15th, 2025." and, paragraphs on,
    "charged on Monday, March 17th"): the story may be telling of it."""
    block = doc.block_at(offset)
    if block is None:
        return set()
    start = doc.block_before(block).start
    years = {int(found) for found in _YEAR_RE.findall(doc.prose, start, offset)}
    if not years:
        # A narrative keeps its year until it names another (a few paragraphs back at most).
        earlier = _YEAR_RE.findall(doc.prose, max(0, start - 2000), start)
        years.update(int(found) for found in earlier[-1:])
    return years


_YEAR_RE = lazy_compile(r"(?<![\d,.])((?:19|20)\d\d)(?![\d,.]\d)")


def _date(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def _own_dates(doc: Document) -> list[datetime.date]:
    """The full dates the article dates itself with: in its first three
    paragraphs (headline, standfirst, dateline), in a short line among the
    first six (a date line under a byline), and in a time stamp anywhere
    ("This story was first published Nov. 17, 2026.")."""
    prose = doc.prose
    found = []
    for index, block in enumerate(doc.blocks):
        # A byline's or a date line's: short, and no sentence ("They last met on 16 January 1996." is copy).
        short = block.end - block.start <= 100 and prose[block.end - 1 : block.end] not in ".!?"
        if index < 3 or index < 6 and short or time_stamp(prose, block.start, block.end):
            found += _full_dates(prose, block.start, block.end)
    return found


def _full_dates(prose: str, start: int, end: int) -> list[datetime.date]:
    found = []
    for match in _FULL_DATE_RE.finditer(prose, start, end):
        month = MONTHS[match.group("month") or match.group("month2")]
        date = _date(int(match.group("year")), month, int(match.group("day") or match.group("day2")))
        if date is not None:
            found.append(date)
    return found


def _in_the_articles_year(dated: list[datetime.date], month: int, day: int) -> datetime.date | None:
    """The date in the one year all the article's full dates give, or the
    year either side where that is nearer them; None where they give no
    year or more than one (a story of two years, a history)."""
    if not dated or len({date.year for date in dated}) != 1:
        return None
    year = dated[0].year
    candidates = [date for date in (_date(year + shift, month, day) for shift in (-1, 0, 1)) if date is not None]
    if not candidates:
        return None
    return min(candidates, key=lambda date: min(abs((date - full).days) for full in dated))
