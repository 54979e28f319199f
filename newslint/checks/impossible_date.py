"""impossible-date: a date that cannot exist ("Feb. 31", "30 February").

The calendar settles it: a day past the end of its month, and 29 February in
a year that is not a leap year (in the calendar of its time: until 1923,
when Greece last changed calendars, every fourth year had a 29 February
somewhere, 1900 included). Only what reads as a date is checked: a day
and a month side by side, the month in full or abbreviated ("Sept. 31"). A
month followed by a count is not a date ("in June 31 people died"), nor is a
range's far end ("June 28-31" is left to the editor's eye).
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable

import regex

from newslint.checks import Check, Finding
from newslint.document import Document
from newslint.lexicon import MONTH_ABBREVIATIONS, MONTH_NUMBERS, MONTHS, alternation
from newslint.patterns import lazy_compile
from newslint.terms import Hit

# A month in full, or abbreviated with or without its full stop (a full stop
# after a full name ends the sentence, and is not the date's).
_MONTH = alternation(MONTHS + MONTH_ABBREVIATIONS)
_ABBREVIATION_DOT = rf"(?:(?<=\b(?:{alternation(MONTH_ABBREVIATIONS)}))\.)?"
_ORDINAL = r"(?:st|nd|rd|th)?"
# "30 February", "31st of April 2021", "Feb. 31", "June 31, 2021".
_DATE_RE = lazy_compile(
    rf"""(?<![\w.,/-])
    (?:(?P<day>\d{{1,2}}){_ORDINAL}(?:[ \t\xa0]+of)?[ \t\xa0]+(?P<month>{_MONTH})\b{_ABBREVIATION_DOT}
      |(?P<month2>{_MONTH})\b{_ABBREVIATION_DOT}[ \t\xa0]+(?P<day2>\d{{1,2}}){_ORDINAL}\b(?![-–/:.,]\d))
    (?:,?[ \t\xa0]+(?P<year>(?:1[6-9]|20)\d\d)\b)?""",
    regex.VERBOSE,
)
# After "June 31", what shows it is a date: punctuation, a year, a time, the
# end of the text, the year named ("of last year"); not a noun ("June 31 people").
_DATE_END_RE = lazy_compile(
    r"(?:\s*(?:[,.;:!?)”’\"']|$)|\s+(?:at|and|to|until|when|as|in|on|or|through|from)\b"
    r"|\s+(?:of\s+)?(?:last|next|this|that)\s+year\b)"
)
# The quick no: a day past the 28th beside a month.
_HINT_RE = lazy_compile(r"(?<!\d)(?:29|3[01])(?!\d)")


# The Julian calendar, where every fourth year is a leap year, was in use
# somewhere until 1923 (Greece, the last to change).
_LAST_JULIAN_YEAR = 1923


class ImpossibleDate(Check):
    name = "impossible-date"
    summary = 'A date that cannot exist ("Feb. 31", "30 February").'
    params = ("days", "month")

    def run(self, doc: Document, hits: list[Hit]) -> Iterable[Finding]:
        prose = doc.prose
        if prose.isascii() and "29" not in prose and "30" not in prose and "31" not in prose:
            return  # most articles: scans in C before the regex engine's (0.02 -> 0.01 s over the BBC corpus)
        if _HINT_RE.search(prose) is None:
            return
        for match in _DATE_RE.finditer(prose):
            day = int(match.group("day") or match.group("day2"))
            if day < 29:
                continue
            written_month = match.group("month") or match.group("month2")
            if match.group("month2") and not match.group("year") and not _DATE_END_RE.match(prose, match.end()):
                continue  # "in June 31 people died": a count after the month
            month = MONTH_NUMBERS[written_month]
            year = int(match.group("year")) if match.group("year") else None
            days = calendar.monthrange(year if year else 2000, month)[1]  # 2000: a leap year
            if month == 2 and day == 29 and year is not None and year < _LAST_JULIAN_YEAR and year % 4 == 0:
                continue  # a Julian leap year: "29 February 1900" in Russia's calendar
            if day > days:
                name = MONTHS[month - 1]
                yield Finding(match.start(), match.end(), {"days": str(days), "month": _month_of(name, year)})


def _month_of(name: str, year: int | None) -> str:
    return f"{name} {year}" if year is not None and name == "February" else name
