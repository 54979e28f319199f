"""clock-time: times of day as the house writes them.

AP writes "10 a.m.", "10:30 p.m.", "noon" and "midnight"; the BBC and the
Guardian "10am", "10.30pm", "noon", "midnight". Four options say how:

- ``meridiem``: ``a.m.`` (with full stops, after a space: "10 a.m.") or
  ``am`` (closed up: "10am");
- ``separator``: ``":"`` ("10:30") or ``"."`` ("10.30");
- ``noon``: ``words`` ("noon", "midnight" for 12 p.m. and 12 a.m.; "12 noon"
  says it twice) or ``figures``;
- ``zero_minutes``: ``drop`` ("10 a.m.", not "10:00 a.m.") or ``keep``.

Only a time with am or pm is read: "10:30" alone may be a score or a
24-hour time. The fix writes the house form and is safe: the time does not
change. A full stop that ends the sentence after "a.m." is kept.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

import regex

from newslint.checks import Check, Finding, Option
from newslint.document import Document
from newslint.options import Choice
from newslint.patterns import lazy_compile
from newslint.terms import Hit

# "10am", "10 a.m.", "10:30 PM", "10.30pm", "12 noon".
_TIME_RE = lazy_compile(
    r"""(?<![\w.,:£$€])(?P<hour>1[0-2]|0?[1-9])(?:(?P<sep>[:.])(?P<minutes>[0-5]\d))?
    (?P<gap>[ \t]?)(?P<meridiem>[ap]\.?[ \t]?m\b\.?)(?![\w])""",
    regex.VERBOSE | regex.IGNORECASE,
)
# Cheap to run everywhere (the stdlib engine skips to each digit).
_HINT_RE = lazy_compile(r"\d[ \t]?(?:[ap]\.?[ \t]?m\b|noon|midnight)", re.IGNORECASE)
_TWELVE_WORD_RE = lazy_compile(r"(?i)(?<![\w.:])12(?:[:.]00)?[ \t]+(?P<word>noon|midnight)\b")
# After "a.m." a capital or the end of the paragraph: the stop also ends the sentence.
_SENTENCE_AFTER_RE = lazy_compile(r"\s+[\"'“‘(]?\p{Lu}|\s*$|\s*\n")


class ClockTime(Check):
    name = "clock-time"
    summary = "Times of day as the house writes them: '10 a.m.' or '10am', '10:30' or '10.30', noon and midnight."
    fixable = True
    default_fix = "safe"
    params = ("replacement",)
    options = {
        "meridiem": Option(Choice("a.m.", "am"), "a.m.", "`a.m.` ('10 a.m.', AP) or `am` ('10am', BBC, Guardian)."),
        "separator": Option(Choice(":", "."), ":", "Between hours and minutes: `:` ('10:30', AP) or `.` ('10.30')."),
        "noon": Option(
            Choice("words", "figures"), "words", "`words`: 'noon' and 'midnight' for 12 p.m. and 12 a.m.; `figures`."
        ),
        "zero_minutes": Option(Choice("drop", "keep"), "drop", "`drop`: '10 a.m.', not '10:00 a.m.'; `keep`."),
    }

    def __init__(self, options: Mapping[str, Any]) -> None:
        super().__init__(options)
        self.dotted = options["meridiem"] == "a.m."
        self.separator: str = options["separator"]
        self.noon_words = options["noon"] == "words"
        self.drop_zeros = options["zero_minutes"] == "drop"

    def run(self, doc: Document, hits: list[Hit]) -> Iterable[Finding]:
        prose = doc.prose
        if _HINT_RE.search(prose) is None:
            return  # most articles give no time of day
        for match in _TIME_RE.finditer(prose):
            shown, stop = self._house_form(match.group("hour"), match.group("minutes"), match.group("meridiem"))
            ends_sentence = match.group().endswith(".") and _SENTENCE_AFTER_RE.match(prose, match.end()) is not None
            replacement = shown + (stop if ends_sentence else "")
            if replacement != match.group():
                yield Finding(match.start(), match.end(), {"replacement": shown}, replacement)
        if self.noon_words and "12" in prose:
            for match in _TWELVE_WORD_RE.finditer(prose):
                word = match.group("word")
                yield Finding(match.start(), match.end(), {"replacement": word}, word)

    def _house_form(self, hour: str, minutes: str | None, written: str) -> tuple[str, str]:
        """The house form of a time, and the full stop it needs where the
        written form's last stop also ended the sentence."""
        pm = written[0].lower() == "p"
        if self.noon_words and hour.lstrip("0") == "12" and minutes in (None, "00"):
            return ("noon" if pm else "midnight"), "."
        time = hour.lstrip("0") or "0"
        if minutes and not (minutes == "00" and self.drop_zeros):
            time += self.separator + minutes
        if self.dotted:
            return f"{time} {'p' if pm else 'a'}.m.", ""
        return f"{time}{'pm' if pm else 'am'}", "."
