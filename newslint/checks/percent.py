"""percent: "5%", "5 percent" or "5 per cent", as the house writes it.

AP has written "%" after a figure since 2019 ("5%", no space) and "percent"
in words ("a zero percent chance"); the BBC, the Guardian and The Economist
write "5%" and "per cent"; The Times and the Telegraph "5 per cent".
``figures`` says how a percentage after a figure is written, ``words`` how
the word is spelled everywhere else (after a number word, or alone). The fix
is safe: the value does not change.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from newslint.checks import Check, Finding, Option
from newslint.document import Document
from newslint.options import Choice
from newslint.patterns import lazy_compile
from newslint.terms import Hit

# A figure and its percent, in any of the three forms ("5%", "5 %", "5 per cent").
_FIGURE_PERCENT_RE = lazy_compile(
    r"(?P<figure>\d(?<![\w.,]\d)\d*(?:[.,]\d+)*)(?P<form>[ \t]?%|[ \t]+per[ \t]?cent\b|[ \t]+percent\b)",
    re.IGNORECASE,
)
# The word on its own ("per cent", "percent").
_WORD_RE = lazy_compile(r"(?<![\w-])(?:per[ \t]?cent|percent)(?![\w-])", re.IGNORECASE)
# "%" after a number word: "five %".
_SIGN_AFTER_WORD_RE = lazy_compile(r"(?<=[a-z])[ \t]?%", re.IGNORECASE)
_NUMBER_WORD_BEFORE_RE = lazy_compile(
    r"(?i)\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|thirty|forty"
    r"|fifty|sixty|seventy|eighty|ninety|hundred|a)(?:-\w+)?[ \t]*$",
)


class Percent(Check):
    name = "percent"
    summary = "Percentages as the house writes them: '5%', '5 percent' or '5 per cent'."
    fixable = True
    default_fix = "safe"
    params = ("replacement",)
    options = {
        "figures": Option(
            Choice("%", "percent", "per cent"),
            "%",
            "After a figure: `%` ('5%', AP since 2019, BBC, Guardian), `percent` or `per cent` ('5 per cent').",
        ),
        "words": Option(
            Choice("percent", "per cent"),
            "percent",
            "The word, after a number word or alone: `percent` (AP) or `per cent` (British houses).",
        ),
    }

    def __init__(self, options: Mapping[str, Any]) -> None:
        super().__init__(options)
        self.figures: str = options["figures"]
        self.words: str = options["words"]

    def run(self, doc: Document, hits: list[Hit]) -> Iterable[Finding]:
        prose = doc.prose
        if "%" not in prose and "cent" not in doc.lowered_prose():  # no lower() of the whole prose again
            return
        taken: list[tuple[int, int]] = []
        for match in _FIGURE_PERCENT_RE.finditer(prose):
            taken.append(match.span("form"))
            form = match.group("form")
            wanted = "%" if self.figures == "%" else " " + _cased(form.strip(), self.figures)
            if form != wanted:
                yield Finding(match.start("form"), match.end("form"), {"replacement": wanted.strip()}, wanted)
        for match in _WORD_RE.finditer(prose):
            if any(start <= match.start() < end for start, end in taken):
                continue
            found = match.group()
            wanted = _cased(found, self.words)
            if " ".join(found.split()) != wanted:
                yield Finding(match.start(), match.end(), {"replacement": wanted}, wanted)
        if "%" in prose:
            for match in _SIGN_AFTER_WORD_RE.finditer(prose):
                if _NUMBER_WORD_BEFORE_RE.search(prose, max(0, match.start() - 20), match.start()) is not None:
                    wanted = " " + self.words
                    yield Finding(match.start(), match.end(), {"replacement": self.words}, wanted)


def _cased(found: str, wanted: str) -> str:
    """``wanted`` with the capitals of ``found`` ("Per cent", "PERCENT")."""
    if found.isupper() and len(found) > 1:
        return wanted.upper()
    if found[:1].isupper():
        return wanted[:1].upper() + wanted[1:]
    return wanted
