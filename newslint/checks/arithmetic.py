"""arithmetic: a change stated with both of its ends must agree with itself.

"increased eightfold, from 500 to 4,000" can be checked without knowing
anything about the world: eight times 500 is 4,000. So can "doubled from 300
to 900" (it tripled), "rose 20% from 400 to 500" (that is 25%) and "fell from
5,200 to 6,000" (that is a rise).

Precision over recall: a pair is only read as ``from X to Y`` (or ``to Y from
X``) within one sentence, and only a multiplier, percentage or verb of change
standing just before the pair, or an aside just after it (", an eightfold
increase", ", up 20%"), is tied to it. Rounding and hedges ("just under
3,000", "more than doubled") widen what is accepted.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import NamedTuple

import regex

from newslint.checks import Check, Finding, Option
from newslint.document import Document
from newslint.lexicon import MONTH_ABBREVIATIONS, MONTHS, alternation
from newslint.options import Int
from newslint.patterns import lazy_compile
from newslint.terms import Hit
from newslint.text.numbers import (
    CURRENCY_WORDS,
    Number,
    format_like,
    is_times,
    read_multipliers,
    read_number_at,
    read_numbers,
)

# Cheap pre-filter: "from" followed by a figure (a currency's sign or letters
# before it: "$3", "HK$3", "N3,600", "Rs. 170") or a number word.
_FROM_RE = lazy_compile(
    r"(?i)\bfrom\s+(?=(?:[a-z]+\s+){0,2}(?:[a-z]{0,3}[£$€¥₹₦₱]?\.?\s?)?\d|(?:[a-z]+\s+){0,2}(?:one|two|three|four|five|six|seven"
    r"|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a\s+dozen|half)\b)"
)
# The same sum in another currency, in brackets, as the wires give it:
# "to 2.41 billion euros ($2.80 billion) from 2.05 billion euros".
_CONVERSION = (
    r"\(\s*(?:(?:about|around|roughly|some|nearly|almost)\s+)?(?:[A-Z]{0,3}[£$€¥₹₦₱]|(?:Rs\.?|[A-Z]{1,3})[ \t]?)"
    r"[ \t]?\d[\d.,]*(?:[ \t]*(?:billion|million|trillion|crore|lakh|bn|mn|mln|m|k)\b)?\s*\)"
)
# Between "from X" and "to Y": a few words, no clause or sentence break (a
# comma, "while", "but" or "and" starts the next clause: "rose to A from B,
# while C fell to D from E").
_TO_AFTER_RE = lazy_compile(
    rf"(?:\s+(?!(?:to|while|whereas|but|and)\b)[^\s.,;:!?()\"“”]+|\s*{_CONVERSION}){{0,6}}?\s+to\s+"
)
# "to Y, up from X": what may stand between Y and "from". An earnings story
# puts the share's figure and the period there: "rose 18% to $412 million,
# or $1.37 a share, in the three months ended March 28, from $310 million".
# The period is a few words with no clause of its own (no "to", "from",
# "while", "but" or "and": those start another change).
# A currency the wires write after the figure ("to 36.85 euros from 33.20
# euros") is part of Y, not of the gap; so is its conversion.
# A word of the period between Y and "from": any but punctuation, or a
# month's abbreviation with its stop ("the quarter ended Sept. 30").
_GAP_WORD = rf"""(?:(?:{alternation(MONTH_ABBREVIATIONS)})\.|[^\s,;:.!?()"“”]+)"""
_TO_BEFORE_GAP_RE = lazy_compile(
    rf"""(?i)
    (?:\s+(?:{"|".join(CURRENCY_WORDS)})\b)?
    (?:\s*{_CONVERSION})?
    (?:\s*,\s*or\s+(?:[£$€¥]\s?)?\d[\d.,]*\s+(?:a|per)\s+(?:diluted\s+)?share\s*(?=,))?
    (?:\s*,?\s+(?:in|for|during|over)\s+(?:(?!(?:to|from|while|whereas|but|and)\b){_GAP_WORD}\s+){{0,6}}?
       (?!(?:to|from|while|whereas|but|and)\b){_GAP_WORD})?
    (?:\s*,\s*which\s+(?:ended|began|ran|runs|ends)\b[^,;:!?]{{0,30}}(?=,))?
    \s*,?\s*(?:(?:up|down)\s+)?$""",
    re.VERBOSE,
)
_TO_BEFORE_RE = lazy_compile(r"(?i)\bto\s+$")
# (Not the stop of a month's abbreviation: "on Jan. 1, a 12 percent increase".)
# A line break inside a paragraph ends a line of a table ("Shr 1.38 dlrs vs
# 1.24 dlrs"), not a line of wrapped copy: one that runs on in lower case
# ("… to 3.12 billion euros\nfrom 2.86 billion euros") is a space.
_SENTENCE_BREAK_RE = lazy_compile(
    rf"""(?<!\b(?:{alternation(MONTH_ABBREVIATIONS)}))[.!?;:]["'”’)]*\s|\n(?![ \t]*[\p{{Ll}}$£€¥\d(])|\(|\)"""
)
_WORD_RE = lazy_compile(r"[\w’'-]+|%")

UP = frozenset(
    """rise rises rose risen rising increase increased increases increasing grow grows grew grown
    growing climb climbs climbed climbing jump jumps jumped jumping soar soars soared
    soaring surge surges surged surging rocket rockets rocketed rocketing leap leaps leapt leaped
    leaping swell swelled swollen boost boosts boosted boosting raise raises raised raising
    expand expands expanded expanding gained up hike hikes hiked lift lifts lifted
    lifting""".split()
)
DOWN = frozenset(
    """fall falls fell fallen falling drop drops dropped dropping decline declines declined
    declining decrease decreases decreased decreasing cut cuts cutting reduce reduces reduced
    reducing slash slashes slashed slashing slump slumps slumped slumping plunge plunges
    plunged plunging tumble tumbles tumbled tumbling sink sinks sank sunk shrink shrinks shrank
    shrunk shrinking dip dips dipped slide slides slid sliding lower lowers lowered lowering down
    trim trims trimmed trimming""".split()
)
# Words that name a change in the sentence before the verb ("growth", "gains")
# or revise a figure ("revised"): beside a verb of the other direction, the
# direction of the figures is not what the verb says.
UP_OR_REVISED = UP | {"gain", "gains", "revised", "revise", "revision"}
DOWN_OR_REVISED = DOWN | {"reduction", "revised", "revise", "revision"}

# Where a verb of change is about a rank, a smaller number can be the better
# outcome ("climbed from 20 to 5 in the charts"). (A pair of times is no
# pair at all, _TIME_UNITS_RE; "a year earlier" and "full-year" date a
# change, they do not make it a rank.)
_RANKING_RE = lazy_compile(
    r"(?i)\b(?:charts?|places?|ranks?|ranked|ranking|rankings|spot|seed|seeded|"
    r"league|table|number(?!\s+of\b)|(?-i:No)|top|age|aged)\b",
)
# An exchange rate, which a stronger currency can take down or up: a rate, a
# currency against another, or a currency that moves ("the yen rose to 150
# from 158 per dollar"); not a sum in a currency ("profit rose to 118.4
# billion yen").
_EXCHANGE_RATE_RE = lazy_compile(
    r"(?i)\b(?:exchange\s+rates?|\w+/\w+\s+rate"
    r"|(?:against|to)\s+the\s+(?:US\s+|U\.S\.\s+)?(?:dollar|yen|euro|pound|sterling|mark|franc)"
    r"|(?:per|a)\s+(?:US\s+|U\.S\.\s+)?(?:dollar|euro|pound)"
    r"|(?:yen|dollar|euro|sterling|pound|franc|mark|rupee|naira|peso|rand|rupiah|shilling)s?\s+(?:(?:also|has|had|now)\s+){0,2}"
    r"(?:rose|rises|fell|falls|slid|slides|climbed|dropped|firmed|weakened|strengthened|gained|slipped|eased|rallied|"
    r"lost|loses))\b"
)
# A figure followed by one of these is a time or a date, not a quantity to compare.
_TIME_UNITS_RE = lazy_compile(
    r"(?i)\s*(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|am|pm|"
    r"January|February|March|April|May|June|July|August|September|October|November|December)\b",
)
_PERCENTAGE_POINTS_RE = lazy_compile(r"(?i)percentage\s+points?")
_WORDS_BEFORE = 6  # how far back a verb or multiplier may stand from the pair


@dataclass(frozen=True)
class Change:
    """One ``from X to Y`` and what the sentence says about it."""

    start: int  # where the pair begins ("from" or "to")
    sentence: str
    clause: str  # the sentence's clause that holds the pair
    old: Number
    new: Number
    multiplier: Number | None
    percent: Number | None
    direction: str | None  # "up" | "down" | None
    verb: str | None


class Arithmetic(Check):
    name = "arithmetic"
    summary = "A change stated with both its ends must agree with itself (from X to Y, eightfold)."
    params = ("arithmetic",)
    options = {
        "tolerance": Option(Int(minimum=0), 10, "Percent by which a multiplier may be off before it is wrong."),
    }

    def run(self, doc: Document, hits: list[Hit]) -> Iterable[Finding]:
        prose = doc.prose
        for match in _FROM_RE.finditer(prose):
            block = doc.block_at(match.start())
            if block is None:
                continue
            change = _read_change(prose, match, block.start, block.end)
            if change is None:
                continue
            problem = self._problem(change)
            if problem is not None:
                start = min([change.start, *(n.start for n in (change.multiplier, change.percent) if n)])
                yield Finding(start, max(change.new.end, change.old.end), {"arithmetic": problem})

    def _problem(self, change: Change) -> str | None:
        old, new = change.old, change.new
        if old.value == 0 or not _comparable(old, new):
            return None
        if change.multiplier is not None:
            return _multiplier_problem(change, self.opts["tolerance"] / 100)
        if change.percent is not None and change.direction is not None:
            return _percent_problem(change)
        if change.direction is not None and not _RANKING_RE.search(change.sentence):
            if _EXCHANGE_RATE_RE.search(change.clause):
                return None  # "the yen/dollar rate rose to 158 yen from 207": yen a dollar, quoted either way
            return _direction_problem(change)
        return None


# -- reading -------------------------------------------------------------------


def _read_change(prose: str, match: regex.Match[str], floor: int, ceiling: int) -> Change | None:
    """The change whose "from" is ``match``, if the sentence states one."""
    old = read_number_at(prose, match.end(), ceiling)
    if old is None or _TIME_UNITS_RE.match(prose, old.end, ceiling):
        return None
    sentence_start = _sentence_start(prose, floor, match.start())
    stated = _stated_before(prose, sentence_start, match.start())
    if stated is not None:
        if stated.aside and not _plausible(old, stated):
            return None  # a figure read across an aside, too far off to be the one meant
        return _stated_change(prose, sentence_start, old, stated, ceiling)
    # A "from X" that ends a "to Y from X" pair belongs to it: it must not
    # start a pair with the next clause's "to".
    new = _number_before(prose, sentence_start, match.start())
    if new is not None:
        pair_start = _TO_BEFORE_RE.search(
            prose, max(sentence_start, (new.hedge_start or new.start) - 4), new.hedge_start or new.start
        ).start()
    else:
        to = _TO_AFTER_RE.match(prose, old.end, ceiling)
        new = read_number_at(prose, to.end(), ceiling) if to else None
        pair_start = match.start()
        if new is None or _UP_OR_DOWN_BEFORE_RE.search(prose, max(floor, match.start() - 8), match.start()):
            return None  # "down from 2.4 to 2.7 mln tonnes": the range it came down from
        old = _sharing_scale(old, new)
    if _TIME_UNITS_RE.match(prose, new.end, ceiling):
        return None
    brk = _SENTENCE_BREAK_RE.search(prose, max(old.end, new.end), ceiling)
    sentence_end = brk.start() if brk else ceiling
    change = _describe(prose, sentence_start, pair_start, old, new, prose[sentence_start:sentence_end])
    if change.multiplier is None and change.percent is None:
        return _described_after(prose, change, sentence_end) or change
    return change


# "net earnings of $184-million, up 12 per cent from $171-million": the new
# figure, then its change and the old one.
_STATED_GAP_RE = lazy_compile(r"(?i)\s*,\s*(up|down)\s+(?:by\s+)?$")


class _Stated(NamedTuple):
    """A change "Y, up P% from" states before its X."""

    new: Number  # Y
    percent: Number  # P
    direction: str  # "up" or "down"
    aside: bool  # words between Y and the comma ("1,412 flights in August, up")


def _stated_before(prose: str, sentence_start: int, offset: int) -> _Stated | None:
    """The change "Y, up P% from" that ends at ``offset``: Y just before the
    comma, or before an aside of a few words with no figure but a year
    ("1,412 flights in August, up 21 per cent from", "412 in 2024, up 18
    percent from")."""
    numbers = read_numbers(prose, max(sentence_start, offset - 160), offset)
    if len(numbers) < 2 or numbers[-1].kind != "percent" or prose[numbers[-1].end : offset].strip():
        return None
    percent = numbers[-1]
    percent_start = percent.hedge_start or percent.start
    # (Not a year nor a date's day: "in the financial year to March 31, up".)
    candidates = [
        number
        for number in numbers[:-1]
        if not number.is_year and not _MONTH_BEFORE_RE.search(prose, max(0, number.start - 12), number.start)
    ]
    if not candidates:
        return None
    new = candidates[-1]
    gap = _STATED_GAP_RE.search(prose, new.end, percent_start)
    if gap is None:
        return None
    aside = gap.start() > new.end
    if aside and not _ASIDE_RE.fullmatch(prose, new.end, gap.start()):
        return None
    if new.kind == "percent":
        return None
    if _LABEL_BEFORE_RE.search(prose, max(0, new.start - 20), new.start):
        return None  # nor a label's number: "traffic on Interstate 81, up 6 percent from 61,000"
    return _Stated(new, percent, gap.group(1).lower(), aside)


# What may stand between Y and ", up P% from": a unit, a period, an object,
# in up to eight words with no figure but a year and no clause of its own
# ("flights in August", "families in September", "of Indian equities so far
# this month"; "to" and "and" only before a month: "in the year to March",
# "in the financial year to March 31", "between July and September").
_ASIDE_RE = lazy_compile(
    rf"""(?i)(?:\s+(?:(?!(?:and|but|while|whereas|which|who|that|to|from|up|down)\b)(?:[^\W\d_][\w’'-]*|(?:1[89]|20)\d\d|\([^\W\d_][\w]{{0,5}}\))
    |(?:to|and)\s+(?:{alternation(MONTHS + MONTH_ABBREVIATIONS)})\b\.?(?:\s+\d{{1,2}}\b)?)){{1,8}}""",
    re.VERBOSE,
)


def _plausible(old: Number, stated: _Stated) -> bool:
    """Whether Y read across an aside is near enough to what the change
    says to be the figure meant (within half as much again): a wrong
    percentage is a slip, a figure ten times off is another figure."""
    percent = stated.percent.value
    claimed = 1 + (percent if stated.direction == "up" else -percent) / 100
    if old.value <= 0 or claimed <= 0:
        return False
    return 2 / 3 <= (stated.new.value / old.value) / claimed <= 3 / 2


_LABEL_BEFORE_RE = lazy_compile(r"\b\p{Lu}\p{Ll}+[ \t]+$")
_MONTH_BEFORE_RE = lazy_compile(rf"(?i)\b(?:{alternation(MONTHS + MONTH_ABBREVIATIONS)})\.?\s+$")


def _stated_change(prose: str, sentence_start: int, old: Number, stated: _Stated, ceiling: int) -> Change:
    """The change "Y, up P% from X" states, Y, P and its direction read by _stated_before."""
    new, percent, direction, _ = stated
    brk = _SENTENCE_BREAK_RE.search(prose, old.end, ceiling)
    sentence_end = brk.start() if brk else ceiling
    clause = _clause(prose, sentence_start, sentence_end, new.start, old.end)
    sentence = prose[sentence_start:sentence_end]
    return Change(new.start, sentence, clause, old, new, None, percent, direction, direction)


# ", down from 2.4 to 2.7 mln": an aside, from a range (not "went up from").
_UP_OR_DOWN_BEFORE_RE = lazy_compile(r"(?i),\s*(?:up|down)\s+$")


def _sharing_scale(first: Number, second: Number) -> Number:
    """``first`` with the scale written only after ``second``: "from 3.450 to
    1.350 billion dlrs" is from 3.45 billion."""
    if first.scaled or not second.scaled or "," in first.text or not first.text[:1].isdigit():
        return first
    digits = second.text.replace(",", "")
    if not digits.replace(".", "", 1).isdigit() or float(digits) == 0:
        return first
    scale = second.value / float(digits)
    if not 0.1 <= first.value * scale / second.value <= 10:
        return first  # "from 900 to 1.4 million users": 900, not 900 million
    return replace(first, value=first.value * scale, unit=first.unit * scale, scaled=True, suffix=second.suffix)


def _sentence_start(prose: str, floor: int, offset: int) -> int:
    window_start = max(floor, offset - 200)
    start = window_start
    # (Read a little past ``offset``: whether a line break ends a sentence
    # depends on what the next line starts with.)
    for brk in _SENTENCE_BREAK_RE.finditer(prose, window_start, offset + 2):
        if brk.end() <= offset and not _in_conversion(prose, brk):
            start = brk.end()
    return start


def _in_conversion(prose: str, brk: regex.Match[str]) -> bool:
    """Whether a bracket is one of a sum's conversion ("($2.80 billion)") or
    a unit's abbreviation ("250 gigawatts (GW)"), which no more ends the
    sentence than the sum does."""
    mark = brk.group()
    if mark == "(":
        return _BRACKETED_RE.match(prose, brk.start()) is not None
    if mark == ")":
        opening = prose.rfind("(", max(0, brk.start() - 40), brk.start())
        bracketed = _BRACKETED_RE.match(prose, opening) if opening != -1 else None
        return bracketed is not None and bracketed.end() == brk.end()
    return False


_ABBREVIATION = r"\(\p{Lu}[\p{L}\d]{0,5}\)"
_BRACKETED_RE = lazy_compile(rf"{_CONVERSION}|{_ABBREVIATION}")


def _number_before(prose: str, sentence_start: int, offset: int) -> Number | None:
    """Y in "to Y from X" / "to Y, up from X": the last figure before "from"
    that follows "to", with nothing but an aside between them."""
    for new in reversed(read_numbers(prose, max(sentence_start, offset - 120), offset)):
        if _TO_BEFORE_RE.search(
            prose, max(sentence_start, (new.hedge_start or new.start) - 4), new.hedge_start or new.start
        ):
            return new if _TO_BEFORE_GAP_RE.match(prose, new.end, offset) else None
    return None


def _describe(prose: str, sentence_start: int, pair_start: int, old: Number, new: Number, sentence: str) -> Change:
    """Find the multiplier, percentage and verb that stand just before the pair."""
    window_start = sentence_start
    words = list(_WORD_RE.finditer(prose, sentence_start, pair_start))
    if len(words) > _WORDS_BEFORE:
        window_start = words[-_WORDS_BEFORE].start()
    multipliers = read_multipliers(prose, window_start, pair_start)
    multiplier = multipliers[-1] if multipliers else None
    percents = [n for n in read_numbers(prose, window_start, pair_start) if n.kind == "percent"]
    direction, verb, verb_match = None, None, None
    for word in reversed(words[-_WORDS_BEFORE:]):
        lowered = word.group().lower()
        if lowered in UP or lowered in DOWN:
            direction, verb, verb_match = ("up" if lowered in UP else "down"), word.group(), word
            break
    percent = None
    if percents and verb_match is not None and _next_to(prose, verb_match, percents[-1]):
        percent = percents[-1]
    elif percents and "," not in prose[percents[-1].end : pair_start]:  # not another clause's
        tied = _verb_before_object(prose, sentence_start, percents[-1])
        if tied is not None and (verb_match is None or tied.start() == verb_match.start()):
            lowered = tied.group().lower()
            direction, verb, percent = ("up" if lowered in UP else "down"), tied.group(), percents[-1]
    if direction is not None and _mixed_directions(_in_clause(prose, words)):
        direction = None  # "revised down the gains", "cut its growth forecast"
    # "up"/"down" between Y and "from" ("to 500, up from 400") speaks last.
    between = prose[new.end : old.start].lower() if new.start < old.start and pair_start < new.start else ""
    if _UP_RE.search(between):
        direction, verb = "up", "up"
    elif _DOWN_RE.search(between):
        direction, verb = "down", "down"
    if multiplier is not None:
        direction = "up" if multiplier.value > 1 else "down"
    clause = _clause(prose, sentence_start, sentence_start + len(sentence), pair_start, max(old.end, new.end))
    return Change(pair_start, sentence, clause, old, new, multiplier, percent, direction, verb)


# The change named again just after its pair, as an aside: "from 500 to
# 4,000, an eightfold increase", ", an increase of 700%", ", a 700% rise",
# ", up 700%". Nothing may stand between the pair and it, and it must end the
# clause: ", up 30% since 2001" or "on the year" measures from elsewhere.
_CHANGE_NOUNS = (
    "increase rise jump leap surge gain growth fall drop decline decrease cut reduction slump plunge".split()
)
# (The price's unit and a short phrase of place or time may stand between
# the pair and its aside: "from KSh 120 to KSh 150 in Nairobi supermarkets,
# a 30 per cent rise", "to ₦1,030 per litre at some outlets, a 67 per cent
# increase".)
_AFTER_PAIR_RE = lazy_compile(
    rf"""(?i)(?:\s+(?:{"|".join(CURRENCY_WORDS)})\b)?(?:\s+(?:per|a|an)\s+[\w-]+(?=[\s,]))?
    (?:\s+(?:in|at|on|over|across|during|this|last|since)(?:\s+[\w’'.-]+){{1,4}}?)?\s*(?:,|\s[-–—])\s*(?:
        an?\s+(?P<noun>{"|".join(_CHANGE_NOUNS)})\s+of\s+
      | (?P<updown>up|down)\s+(?:by\s+)?
      | (?P<article>an?)\s+
    )""",
    re.VERBOSE,
)
_NOUN_AFTER_RE = lazy_compile(rf"(?i)-?\s*(?P<noun>{'|'.join(_CHANGE_NOUNS)})\b")
# The aside ends its clause, or names the change's own span ("a 67 per cent
# increase in less than three weeks"; not "since 2001", another baseline).
_CLAUSE_END_RE = lazy_compile(
    r"(?:\s+(?:in|over|within)\s+(?:(?:just|only|less\s+than|more\s+than|under|over|about)\s+)?"
    r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve|\d+)\s+(?:days?|weeks?|months?|years?))?"
    r"\s*(?:[,;:.!?)]|$)"
)


def _described_after(prose: str, change: Change, sentence_end: int) -> Change | None:
    """``change`` with the multiplier or percentage of an aside just after its pair."""
    pair_end = max(change.old.end, change.new.end)
    aside = _AFTER_PAIR_RE.match(prose, pair_end, sentence_end)
    if aside is None:
        return None
    if aside.group("article"):  # "an eightfold increase", "a 700% rise"
        multipliers = read_multipliers(prose, aside.end(), sentence_end)
        figure = multipliers[0] if multipliers and multipliers[0].start == aside.end() else None
        figure = figure or read_number_at(prose, aside.end(), sentence_end)
        noun = _NOUN_AFTER_RE.match(prose, figure.end, sentence_end) if figure else None
        if figure is None or noun is None:
            return None
        verb, aside_end = noun.group("noun"), noun.end()
        direction = "up" if verb.lower() in UP_OR_REVISED else "down"
    else:  # "an increase of 700%", "up 700%"
        figure = read_number_at(prose, aside.end(), sentence_end)
        word = aside.group("noun") or aside.group("updown")
        direction, verb = ("up" if word.lower() in UP_OR_REVISED else "down"), word
        aside_end = figure.end if figure else sentence_end
    if figure is None or (change.direction is not None and change.direction != direction):
        return None
    if not _CLAUSE_END_RE.match(prose, aside_end, sentence_end + 1):
        return None
    if figure.kind == "multiplier":
        if direction == "down" and figure.value > 1:
            return None  # "a threefold decrease": a third, or a fall of three times the whole? Do not guess
        return replace(change, multiplier=figure, direction="up" if figure.value > 1 else "down")
    if figure.kind == "percent":
        return replace(change, percent=figure, direction=direction, verb=change.verb or verb)
    return None


# Compiled once: ``regex.search(pattern, ...)`` looks the pattern up in the
# module's cache on every call, which costs more than the search itself.
_UP_RE = lazy_compile(r"\bup\b")
_DOWN_RE = lazy_compile(r"\bdown\b")
_GAP_RE = lazy_compile(r"(?i)[\s,]*(?:by\s+|a\s+|an\s+)?[\s,]*")


def _next_to(prose: str, verb: regex.Match[str], percent: Number) -> bool:
    """A percentage tied to its verb: "rose 20%", "fell by almost 3%", "a 20% rise"."""
    percent_start = percent.hedge_start if percent.hedge_start is not None else percent.start
    if percent_start >= verb.end():
        gap = _GAP_RE.match(prose, verb.end(), percent_start)
        return gap is not None and gap.end() == percent_start
    return percent.end <= verb.start() and not prose[percent.end : verb.start()].strip()


# "raise capital spending by 12 per cent": a verb, its object (a few words,
# no clause), then "by" and the percentage.
_BY_BEFORE_RE = lazy_compile(r"(?i)\bby\s+$")
_OBJECT_WORDS = 6


def _verb_before_object(prose: str, sentence_start: int, percent: Number) -> regex.Match[str] | None:
    """The verb of change in "raise capital spending by 12 per cent this year
    to $4.6-billion from $4.3-billion": further back than the pair's
    window, past the verb's object, and tied to the percentage by "by"."""
    percent_start = percent.hedge_start if percent.hedge_start is not None else percent.start
    by = _BY_BEFORE_RE.search(prose, max(sentence_start, percent_start - 4), percent_start)
    if by is None:
        return None
    words: list[regex.Match[str]] = list(_WORD_RE.finditer(prose, max(sentence_start, by.start() - 80), by.start()))
    # The verb stands one to _OBJECT_WORDS words before "by".
    for index in range(len(words) - 2, max(-1, len(words) - 2 - _OBJECT_WORDS), -1):
        lowered = words[index].group().lower()
        if lowered in UP or lowered in DOWN:
            between = prose[words[index].end() : by.start()]
            if _CLAUSE_IN_OBJECT_RE.search(between) is None:
                return words[index]
            return None
        if lowered in _NOT_IN_OBJECT:
            return None
    return None


# What an object does not hold: another clause or change ("raised prices and
# cut staff by 10%", "rose as costs fell by 10%").
_NOT_IN_OBJECT = frozenset("and or but while whereas as to from that which who after before".split())
_CLAUSE_IN_OBJECT_RE = lazy_compile(r"[,;:()]")


# Where the pair's clause starts and ends: at ", and", ", but", ", while",
# ", as" or a semicolon ("The index fell 1.2% as yields rose, and Halbury
# dropped 5.1% to 412.6 pence from 425.8 pence": the first clause's verbs are
# not the pair's; "rose to N14.1 trillion from N14.6 trillion, as the naira
# weakened against the dollar": the rate is the other clause's).
_CLAUSE_BREAK_RE = lazy_compile(r"(?i)(?:,\s*(?:and|but|while|whereas|as)|;)\s")


def _clause(prose: str, sentence_start: int, sentence_end: int, pair_start: int, pair_end: int) -> str:
    start = sentence_start
    for brk in _CLAUSE_BREAK_RE.finditer(prose, sentence_start, pair_start):
        first_word = _WORD_RE.match(prose, brk.end())
        if first_word is None or first_word.group().lower() not in UP | DOWN:
            start = brk.end()  # (", and fell to 131.20": the clause before holds its subject)
    after = _CLAUSE_BREAK_RE.search(prose, pair_end, sentence_end)
    return prose[start : after.start() if after else sentence_end]


def _in_clause(prose: str, words: list[regex.Match[str]]) -> list[regex.Match[str]]:
    """The last of ``words`` (a sentence's, up to the pair) that share the pair's clause."""
    if not words:
        return words
    breaks = list(_CLAUSE_BREAK_RE.finditer(prose, words[0].start(), words[-1].end()))
    if not breaks:
        return words
    clause_start = breaks[-1].end()
    return [word for word in words if word.start() >= clause_start]


def _mixed_directions(words: list[regex.Match[str]]) -> bool:
    lowered = {word.group().lower() for word in words}
    return bool(lowered & UP_OR_REVISED) and bool(lowered & DOWN_OR_REVISED)


def _comparable(old: Number, new: Number) -> bool:
    """Two figures measured in the same thing: not years, not times, not a
    percentage against a count, not pounds against dollars."""
    if old.is_year or new.is_year:
        return False
    if (old.kind == "percent") != (new.kind == "percent"):
        return False
    if old.kind not in ("count", "percent") or new.kind not in ("count", "percent"):
        return False
    if old.currency and new.currency and old.currency != new.currency:
        return False
    return True


# -- judging -------------------------------------------------------------------


def _ratio_range(old: Number, new: Number) -> tuple[float, float]:
    old_low, old_high = _bounds(old)
    new_low, new_high = _bounds(new)
    return new_low / old_high if old_high > 0 else 0.0, new_high / max(old_low, 1e-9)


def _bounds(number: Number) -> tuple[float, float]:
    """The range a figure allows in a sum the sentence states. Copy writes a
    figure with a scale to a tenth of it ("$2.4 million", "£3.5bn"), so
    "$2 million" there is 1.95 to 2.05 million, not anything that rounds to 2."""
    low, high = number.bounds()
    if number.scaled and "." not in number.text and number.text[:1].isdigit():
        slack = number.unit * 0.45  # the last digit's half, less a tenth's half
        low, high = low + slack, high - slack
    if number.approximate and "." in number.text:
        # "About" a figure written to a decimal: one of its last digit either
        # way ("about 1.3 million" is 1.2 to 1.4 million), not 15%.
        low, high = max(low, number.value - number.unit), min(high, number.value + number.unit)
    return low, high


def _multiplier_problem(change: Change, tolerance: float) -> str | None:
    multiplier, old, new = change.multiplier, change.old, change.new
    assert multiplier is not None
    factor = multiplier.value
    low, high = factor * (1 - tolerance), factor * (1 + tolerance)
    if is_times(multiplier):
        high = (factor + 1) * (1 + tolerance)  # "three times more" is read both ways
    if multiplier.hedging is not None:
        # "Nearly tripled" is within the hedge's own reach of three: 2.3, not 2.2 ($870m to $1.9bn).
        direction, reach = multiplier.hedging
        if direction in "+~":
            high = float("inf") if direction == "+" else high * (1 + reach)
        if direction in "-~":
            low = low * (1 - min(reach, 0.5))
    ratio_low, ratio_high = _ratio_range(old, new)
    if ratio_high >= low and ratio_low <= high:
        return None
    expected = format_like(old.value * factor, new)
    return f"{multiplier.text} from {_as_written(old)} is {expected}, not {_as_written(new)}"


def _percent_problem(change: Change) -> str | None:
    percent, old, new = change.percent, change.old, change.new
    assert percent is not None and change.direction is not None
    sign = 1 if change.direction == "up" else -1
    stated_low, stated_high = percent.bounds()
    slack = 0.5  # a percentage truncated rather than rounded: "18%" for 18.9%
    ratio_low, ratio_high = _ratio_range(old, new)

    def agrees(sign: int) -> bool:
        actual_low, actual_high = sorted(((ratio_low - 1) * 100 * sign, (ratio_high - 1) * 100 * sign))
        return actual_high >= stated_low - slack and actual_low <= stated_high + slack

    if agrees(sign):
        return None
    if agrees(-sign):
        return None  # a figure quoted as its inverse: the yen "rose 0.8 pct to 153.50 from 154.67" (yen a dollar)
    if old.kind == "percent" and not _PERCENTAGE_POINTS_RE.search(percent.suffix):
        # "rose from 5% to 7%, an increase of 2%": the difference of two
        # percentages is in percentage points; as a percentage it is 40%.
        points = (new.value - old.value) * sign
        if stated_low - slack <= points <= stated_high + slack:
            relative = format_like(abs(new.value / old.value - 1) * 100, percent)
            return (
                f"from {_as_written(old)} to {_as_written(new)} is {_points(points)} percentage "
                f"point{'' if points == 1 else 's'} (a {relative} {'rise' if sign > 0 else 'fall'}), not {_as_written(percent)}"
            )
    if old.kind == "percent" and _PERCENTAGE_POINTS_RE.search(percent.suffix):
        points = (new.value - old.value) * sign
        if stated_low - slack <= points <= stated_high + slack:
            return None
        expected = format_like(old.value + sign * percent.value, new)
    else:
        expected = format_like(old.value * (1 + sign * percent.value / 100), new)
    verb = change.verb or ("up" if sign > 0 else "down")
    return f"{verb} {_as_written(percent)} from {_as_written(old)} is {expected}, not {_as_written(new)}"


def _points(points: float) -> str:
    return f"{points:g}"


def _direction_problem(change: Change) -> str | None:
    old, new = change.old, change.new
    old_low, old_high = old.bounds()
    new_low, new_high = new.bounds()
    if change.direction == "up" and new_high < old_low:
        relation = "less"
    elif change.direction == "down" and new_low > old_high:
        relation = "more"
    else:
        return None
    return f"{change.verb} from {_as_written(old)} to {_as_written(new)}, but {_as_written(new)} is {relation} than {_as_written(old)}"


def _as_written(number: Number) -> str:
    if not number.text[:1].isdigit():
        return number.text + number.suffix
    sign = "" if number.currency_word else number.currency or ""
    return f"{sign}{number.text}{number.suffix}{number.currency_word}"
