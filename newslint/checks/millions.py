"""millions: how the house writes millions, billions and trillions.

British houses write money with the short scale ("£5m", "$1.2bn", "40m
rupees"; "trillion" stays a word) and, at the BBC, other counts in words ("5 million people"); AP
writes words everywhere ("$5 million", "1.2 billion"). ``money`` and
``counts`` say which, each ``abbreviated`` or ``words``; the fix writes the
house form, safely: the value does not change.

"m" is also metres: a count written "800m" is read as millions only before a
plural noun that is not a race, an event or a measure ("3m people"; not "the
800m final", "a 6m wall"), and never for a track distance.
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

_ABBREVIATED = {"million": "m", "billion": "bn"}  # "trillion" stays a word: few houses write "tn"
_WORDS = {"m": "million", "bn": "billion", "tn": "trillion"}
#: Currencies written as a word after the figure ("40m rupees").
CURRENCY_WORDS = frozenset(
    """
    dollars euros euro pounds sterling yen yuan renminbi rupees rupiah pesos francs kronor kroner krona
    kronur roubles rubles won rand dinars riyals rials dirhams lira lire baht ringgit shekels naira reais
    zlotys forint cedis shillings
    """.split()
)
# Words after "800m" that make it a distance, not millions.
_DISTANCE_WORDS = frozenset(
    """
    hurdles hurdler relay relays heats heat race races runners runner final finals finalist champion
    champions championship title titles gold silver bronze record records world indoor indoors outdoor
    event events sprint sprinter freestyle backstroke breaststroke butterfly medley crown victory squad
    team stage track lap laps mark man woman leg legs swim swimmers long high wide deep tall taller
    away above below under over across along tunnel wall waves deep-sea
    """.split()
)
_TRACK_DISTANCES = frozenset({60, 100, 110, 200, 300, 400, 500, 800, 1000, 1500, 3000, 5000, 10000})

# The stdlib engine: this runs over every article with a "million" in it.
_SCALED_RE = lazy_compile(
    r"""(?<![\w.,])(?P<currency>(?:[A-Z]{1,3})?[£$€¥])?(?P<figure>\d{1,3}(?:,\d{3})*(?:\.\d+)?)
    (?:(?P<short>m|bn|tn)|[ \t]+(?P<word>million|billion|trillion))(?![\w-]|\.\d)
    (?:[ \t]+(?P<next>[^\W\d_](?:[^\W\d_]|-)*))?""",
    re.VERBOSE,
)


class Millions(Check):
    name = "millions"
    summary = (
        "Millions and billions as the house writes them: '£5m' or '$5 million', '5 million people' or '5m people'."
    )
    fixable = True
    default_fix = "safe"
    params = ("replacement",)
    options = {
        "money": Option(
            Choice("abbreviated", "words"),
            "abbreviated",
            "Money: `abbreviated` ('£5m', '$1.2bn', '40m rupees') or `words` ('$5 million').",
        ),
        "counts": Option(
            Choice("abbreviated", "words"),
            "words",
            "Everything else: `abbreviated` ('5m people') or `words` ('5 million people').",
        ),
    }

    def __init__(self, options: Mapping[str, Any]) -> None:
        super().__init__(options)
        self.money, self.counts = options["money"], options["counts"]

    def run(self, doc: Document, hits: list[Hit]) -> Iterable[Finding]:
        prose = doc.prose
        if "million" not in prose and "billion" not in prose and "trillion" not in prose and not _has_short(prose):
            return
        for match in _SCALED_RE.finditer(prose):
            following = match.group("next") or ""
            money = bool(match.group("currency")) or following.lower() in CURRENCY_WORDS
            wanted = self.money if money else self.counts
            short = match.group("short")
            if short and wanted == "words":
                if not money and not _counted_millions(match.group("figure"), short, following):
                    continue
                replacement = f"{match.group('currency') or ''}{match.group('figure')} {_WORDS[short]}"
            elif match.group("word") in _ABBREVIATED and wanted == "abbreviated":
                replacement = (
                    f"{match.group('currency') or ''}{match.group('figure')}{_ABBREVIATED[match.group('word')]}"
                )
            else:
                continue
            end = match.end("short") if short else match.end("word")
            yield Finding(match.start(), end, {"replacement": replacement}, replacement)


_SHORT_HINT_RE = lazy_compile(r"\d(?:m|bn|tn)\b")


def _has_short(prose: str) -> bool:
    return _SHORT_HINT_RE.search(prose) is not None


def _counted_millions(figure: str, short: str, following: str) -> bool:
    """Whether "3m" or "2bn" without a currency counts millions of something:
    before a plural noun, and for "m" not a distance ("the 800m final")."""
    if not following or not following[0].islower():
        return False
    plural = following.endswith("s") or following in ("people", "men", "women", "children")
    if short != "m":
        return plural
    value = float(figure.replace(",", ""))
    return plural and following not in _DISTANCE_WORDS and value not in _TRACK_DISTANCES
