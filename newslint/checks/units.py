"""units: a unit after a figure, with a space or without, as the house writes it.

British houses close up units to the figure ("60mph", "2.5km/h", "4GB");
AP puts a space before "mph" ("60 mph"). ``space`` says which and ``units``
lists the symbols the rule looks at, matched with their case ("MB" is
megabytes, "mb" is not read). The fix adds or removes the space: safe.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from newslint.checks import Check, Finding, Option
from newslint.document import Document
from newslint.lexicon import UNIT_SYMBOLS, alternation
from newslint.options import Bool, Strings
from newslint.patterns import lazy_compile
from newslint.terms import Hit


class Units(Check):
    name = "units"
    summary = "Units after a figure, closed up ('60mph') or spaced ('60 mph'), as the house writes them."
    fixable = True
    default_fix = "safe"
    params = ("replacement",)
    options = {
        "space": Option(Bool(), False, "Whether a space stands between the figure and the unit ('60 mph')."),
        "units": Option(
            Strings("unit symbols"), list(UNIT_SYMBOLS), "The unit symbols to look at, matched with their case."
        ),
    }

    def __init__(self, options: Mapping[str, Any]) -> None:
        super().__init__(options)
        self.space: bool = options["space"]
        units = alternation(options["units"])
        # A figure (not part of a code or a version) and a unit that ends there:
        # "60mph", "2.5 km/h", not "MP3", "60 mphs", "4 GBP".
        self.pattern = lazy_compile(rf"(?<![\w.,])\d+(?:[.,]\d+)*(?P<gap>[ \t]?)(?:{units})(?![\w/])")

    def run(self, doc: Document, hits: list[Hit]) -> Iterable[Finding]:
        wanted = " " if self.space else ""
        for match in self.pattern.finditer(doc.prose):
            if match.group("gap") == wanted:
                continue
            start, end = match.span("gap")
            replacement = match.group()[: start - match.start()] + wanted + match.group()[end - match.start() :]
            yield Finding(match.start(), match.end(), {"replacement": replacement}, replacement)
