"""weekday-date: a weekday that contradicts its date.

"Wednesday, February 18, 2021" is wrong (it was a Thursday); the calendar
settles it with no outside knowledge. Only a full date with a year is read:
without the year the weekday cannot be checked. Impossible dates (30
February) are left to the writer's eye.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

import regex

from newslint.checks import Check, Finding
from newslint.document import Document
from newslint.patterns import lazy_compile
from newslint.terms import Hit

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
        for match in _DATE_RE.finditer(prose):
            day = int(match.group("day") or match.group("day2"))
            month = MONTHS[match.group("month") or match.group("month2")]
            try:
                date = datetime.date(int(match.group("year")), month, day)
            except ValueError:
                continue
            actual = WEEKDAYS[date.weekday()]
            if actual != match.group("weekday"):
                written = prose[match.end("weekday") : match.end()].strip(" ,")
                params = {"weekday": match.group("weekday"), "date": written, "actual": actual}
                yield Finding(match.start("weekday"), match.end("weekday"), params)
