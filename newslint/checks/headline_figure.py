"""headline-figure: every figure in the headline and standfirst is in the body.

Headlines are rewritten late and by other hands; a figure that changed in the
copy but not in the headline (or was never in the copy) is a classic error.
The body may write the value any way (4,000, 4000, four thousand, 4k); a
headline may round it ("£1bn" for £1.13bn) and may hedge it ("nearly 4,000").

Left alone: years ("’87" too), ordinals, codes and names with digits (PS2,
Formula 1 is matched like any figure), labels ("Day 2", "Round 3"), times
and dates in any case ("1300 GMT APRIL 7"), figures inside quotation marks
in the headline (a quoted claim is the speaker's), fractions, multipliers
and the word "one". A percentage must be matched by a percentage, a count by
a count (but a bare decimal may be the body's index or rate: "INDEX UP AT
53.9", "53.9 pct").

Found only by the same value (as rounded or hedged), or by what the body
itself states: a sum or difference of two figures one sentence sets side
by side and says how ("$434m, not the $732m first reported"), a duration in
other units ("a year and a half" for "18 months"), a share written as "N in
M" ("1 in 10" for "10 per cent"; not "4 in 10 minutes"), a span of years ("since
2005" in a story of 2018), a listicle's count of crossheads. Two figures
that merely happen to add up are no match: in a story with a dozen figures
nearly every small number is the sum or difference of two of them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace

import regex

from newslint.checks import Check, Finding, Option
from newslint.document import Block, Document
from newslint.lexicon import MEASUREMENT_WORDS
from newslint.options import Bool
from newslint.patterns import lazy_compile, trie
from newslint.terms import Hit
from newslint.text.numbers import Number, read_numbers

# The quick no: a headline with neither a digit nor a number word of two or
# more has no figure _figures would keep. Two searches, a digit and then a
# trie of words, run faster than one pattern that starts with an alternation.
_DIGIT_RE = lazy_compile(r"\d")
# Number words of two and more: a headline's "one" is never checked.
_COUNT_WORDS = """two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
    sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred
    thousand million billion dozen""".split()
_COUNT_WORD_RE = lazy_compile(rf"(?i)\b{trie(_COUNT_WORDS)}\b")


_MONTHS = r"(?i:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b"
# A day of the month is a date, not a figure the body must repeat (in any
# case: a wire digest's "HIGHLIGHTS - APRIL 7").
# A date ("5th of May") or a time of day ("Updated 5 p.m. EDT").
_DATE_AFTER_RE = lazy_compile(rf"(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTHS}|(?i:\s*[ap]\.?m\b\.?)")
_DATE_BEFORE_RE = lazy_compile(rf"{_MONTHS}\.?\s+$")
_TIME_OF_DAY_RE = lazy_compile(r"(?i)(?::\d\d)?\s*[ap]\.?m\b\.?")
# Sport's "last eight", "top 10", "best of five": a stage, not a count. And a
# label's number: "Day 2 of G-7 meeting", "Round 3", "Article 50".
# A moment of a match, not a quantity: "score at 90 mins".
_CLOCK_RE = lazy_compile(r"(?i)\s*(?:mins?|minutes?|secs?|seconds?)\b")
_STAGE_BEFORE_RE = lazy_compile(
    r"(?i)\b(?:last|top|final|best\s+of|round\s+of|under|aged|age|day|week|round|game|match|phase|stage|part|"
    r"chapter|episode|season|series|act|article|section|title|level|step|grade|class|category|term|flight|"
    r"route|highway|interstate|proposition|prop|measure|amendment|no\.|number|version|gen|generation)\s+$"
)
_QUOTE_CLOSE = "'\"’”"


class HeadlineFigure(Check):
    name = "headline-figure"
    summary = "Every figure in the headline and standfirst is in the body."
    params = ("figure", "line")
    options = {
        "words": Option(Bool(), True, 'Check figures written as words ("three") too.'),
    }

    def run(self, doc: Document, hits: list[Hit]) -> Iterable[Finding]:
        prose = doc.prose
        tops = [block for block in doc.blocks if block.kind in ("headline", "standfirst")]
        # The readers name a standfirst only where it is one: a deck of the
        # text reader's, a description in front matter or a meta tag (which
        # may end in a full stop), a Word Subtitle.
        body_blocks = [block for block in doc.blocks if block.kind == "body"]
        if not body_blocks or not any(_has_figure(prose, block) for block in tops):
            return
        yield from _unmatched_scores(doc, tops, body_blocks)
        figures = [number for block in tops for number in self._figures(doc, block)]
        if not figures:
            return
        # A result line's score is the body's score, not a figure that happens
        # to equal it ("on 28 minutes" for "Scarlets 28 Ospreys 20").
        scores = [figure for figure in figures if _in_result_line(prose, figure) is not None]
        figures = [figure for figure in figures if figure not in scores]
        # The body is read a paragraph at a time and no further than needed:
        # once every figure has its match, the rest of the body cannot change
        # that. Only a figure still unmatched at the end needs the body's
        # sentences, for _derived, and its durations.
        for block in body_blocks:
            # (Not a time of day: "to 6 a.m. Tuesday" is no "6 dead".)
            numbers = [
                n for n in read_numbers(prose, block.start, block.end) if not _TIME_OF_DAY_RE.match(prose, n.end)
            ]
            numbers += [ratio for ratio, _ in _ratios(prose, numbers)]
            figures = [
                figure
                for figure in figures
                if not any(
                    _same(figure, number)
                    and _units_agree(prose, figure, number)
                    and _fates_agree(prose, figure, number)
                    for number in numbers
                )
            ]
            if not figures and not scores:
                return
        for figure in scores:
            if not _scored(prose, figure, body_blocks):
                yield _not_in_body(doc, figure.start, figure.end)
        for figure in figures:
            if _derived(doc, figure, body_blocks) or _same_duration(doc, figure, body_blocks):
                continue
            if _counts_sections(prose, figure, body_blocks) or _scored(prose, figure, body_blocks):
                continue
            yield _not_in_body(doc, figure.start, figure.end)

    def _figures(self, doc: Document, block: Block) -> Iterable[Number]:
        numbers = read_numbers(doc.prose, block.start, block.end)
        for ratio, parts in _ratios(doc.prose, numbers):  # "1 in 10": one figure, a percentage
            numbers = [number for number in numbers if number not in parts]
            if ratio.value < 100:  # "3 in 3": a streak, not a share
                numbers.append(ratio)
        numbers.sort(key=lambda number: number.start)
        for index, number in enumerate(numbers):
            if number.kind not in ("count", "percent") or number.is_year or _compound(doc.prose, number):
                continue
            number = _shared_unit(doc.prose, number, numbers[index + 1 : index + 2])
            if (
                doc.in_quote(number.start)
                or _quoted(doc.prose, block, number)
                or _date_or_stage(doc.prose, block, number)
            ):
                continue
            if not number.text[:1].isdigit() and (not self.opts["words"] or number.value < 10):
                continue  # "Two banks merge": the body names them, it need not count them
            if number.value == 0:
                continue  # "ad spending: $0": the body says "nothing", "not … anything"
            yield number


def _not_in_body(doc: Document, start: int, end: int) -> Finding:
    return Finding(start, end, {"figure": doc.text[start:end], "line": doc.position(start)[0]})


_SERIES_GAP_RE = lazy_compile(r"\s*(?:,|and|to|-|–)\s*$")
_IN_RE = lazy_compile(r"\s+(?:in|out\s+of)\s+")


def _ratios(prose: str, numbers: list[Number]) -> list[tuple[Number, tuple[Number, Number]]]:
    """Each "N in M" ("1 in 10 landlords", "nine in 10", "nine out of 10") as
    the percentage it is, with its two parts: the headline's "1 in 10" is the
    body's "10 per cent" or its own "one in 10"."""
    return [
        (
            replace(first, value=first.value / second.value * 100, end=second.end, kind="percent", suffix=""),
            (first, second),
        )
        for first, second in zip(numbers, numbers[1:])
        if first.kind == second.kind == "count"
        and 0 < first.value <= second.value
        and _IN_RE.fullmatch(prose, first.end, second.hedge_start or second.start)
        and _unit_after(prose, second) not in _TIME_UNITS  # "4 in 10 minutes": a rate, not a share
    ]


def _shared_unit(prose: str, number: Number, following: list[Number]) -> Number:
    """A figure written before another that carries the unit for both: "5.72,
    5.80 PCT", "2.30 to 2.90 dlrs"."""
    if not following or number.suffix or number.currency:
        return number
    second = following[0]
    if not _SERIES_GAP_RE.match(prose[number.end : second.start]):
        return number
    return replace(number, kind=second.kind, currency=second.currency)


def _has_figure(prose: str, block: Block) -> bool:
    return bool(_DIGIT_RE.search(prose, block.start, block.end) or _COUNT_WORD_RE.search(prose, block.start, block.end))


def _compound(prose: str, number: Number) -> bool:
    """ "10-man", "24-hour", "two-way": a figure inside a compound adjective,
    which the body describes rather than repeats."""
    return prose[number.end : number.end + 1] in ("-", "‑")


def _quoted(prose: str, block: Block, number: Number) -> bool:
    """Inside quotation marks in the headline, even marks the analyser reads
    as apostrophes ("'10,000 jobs' at risk")."""
    before = prose[block.start : number.hedge_start or number.start]
    after = prose[number.end : block.end]
    opened = (
        any(before.count(mark) % 2 for mark in "'\"")
        or before.count("‘") > before.count("’")
        or "“" in before
        and before.count("“") > before.count("”")
    )
    closes = any(mark in after for mark in _QUOTE_CLOSE)
    return opened and closes


def _date_or_stage(prose: str, block: Block, number: Number) -> bool:
    start = number.hedge_start if number.hedge_start is not None else number.start
    return bool(
        _DATE_AFTER_RE.match(prose, number.end, block.end)
        or _CLOCK_RE.match(prose, number.end, block.end)
        and prose[max(block.start, start - 4) : start].strip() == "at"
        or _DATE_BEFORE_RE.search(prose, max(block.start, start - 12), start)
        or _STAGE_BEFORE_RE.search(prose, max(block.start, start - 12), start)
        and not _UNIT_AFTER_RE.match(prose, number.end, block.end)  # "final 18 months": a span, not a stage
    )


def _same(figure: Number, other: Number) -> bool:
    """Whether ``other`` in the body gives ``figure``'s value, allowing for the
    headline's rounding ("£1bn" for £1.13bn, "180,000" for 179,106) and
    hedge ("nearly 4,000"), and for the body's hedge ("185 other CEOs" for
    "more than 180 CEOs")."""
    if (figure.kind == "percent") != (other.kind == "percent") and not _bare_reading(figure, other):
        return False
    if abs(figure.value - other.value) <= 1e-9 * max(1.0, abs(figure.value)):
        return True
    if figure.currency is None and other.currency is not None and not figure.scaled:
        return False  # a count is no price rounded: "7 things" is not "$7.70"
    low, high = figure.bounds()
    rounding = _rounding(figure)
    low, high = low - rounding / 2, high + rounding / 2
    # Headlines round down as often as to the nearest: "$16bn" for $16.6bn,
    # but not to the step below: "7" for 7.9, never for 8 ("Fire kills 7"
    # over "eight people died").
    high += max(figure.unit, rounding) / 2
    if low - 1e-9 <= other.value < high - 1e-9:
        return True
    if other.hedge is not None and abs(figure.value - other.value) <= 0.25 * other.value:
        other_low, other_high = _hedged_bounds(other)
        return other_low - 1e-9 <= figure.value <= other_high + 1e-9
    return False


def _hedged_bounds(number: Number) -> tuple[float, float]:
    """What a hedged body figure allows. "About" a figure written to a
    decimal ("about $2.1 million") says the writer knew it that closely: one
    of its last digit either way ("about £1.2m" is not £1.4m), not the 15%
    "about 180" allows; and a count is whole, so its hedge is not widened by
    half a unit more ("About 11 people died" is not "Fire kills 9")."""
    low, high = number.bounds()
    if number.approximate and "." in number.text:
        low, high = max(low, number.value - number.unit), min(high, number.value + number.unit)
    elif number.approximate and number.currency is None and not number.scaled:
        low, high = low + number.unit / 2, high - number.unit / 2
    return low, high


def _units_agree(prose: str, figure: Number, other: Number) -> bool:
    """Not a span of time beside another unit: "113 days" is not "above 110
    degrees", however the hedge stretches, nor "3 years" "3 months". (Other
    units are spelled too many ways to tell apart: "70 mph", "70 miles an
    hour".)"""
    first, second = _unit_after(prose, figure), _unit_after(prose, other)
    if first is None and second is not None and second.rstrip("s") in ("second", "minute"):
        return False  # a count is no clock: "Novak stops 38" is not "38 seconds left"
    if first is None or second is None or first == second:
        return True
    return first not in _TIME_UNITS and second not in _TIME_UNITS


def _unit_after(prose: str, number: Number) -> str | None:
    """The unit named right after a figure ("days", "degrees", "miles"), as a
    singular in lower case, or None."""
    match = _UNIT_WORD_RE.match(prose, number.end)
    return match.group(1).lower().removesuffix("s") if match else None


def _rounding(figure: Number) -> float:
    """What a round figure's trailing zeros say it was rounded to: "180,000"
    to the nearest 10,000 (a figure of three or more digits ending in zeros)."""
    digits = figure.text.replace(",", "")
    if not digits.isdigit() or len(digits) < 3 or figure.scaled:
        return 0.0
    zeros = len(digits) - len(digits.rstrip("0"))
    return 10.0 ** min(zeros, len(digits) - 2) if zeros else 0.0


def _bare_reading(figure: Number, other: Number) -> bool:
    """A headline's bare decimal for the body's percentage of an index or a
    rate: "INDEX UP AT 53.9" and "rising to 53.9 pct"."""
    return figure.kind == "count" and not float(figure.value).is_integer() and figure.currency is None


# Words by which a sentence states a sum or a difference of its figures.
_SUM_RE = lazy_compile(
    r"(?i)\b(?:plus|together|combined|in\s+all|in\s+total|a\s+total|altogether|between\s+them)\b",
)
# ("from" only before a figure: "rose to 14 from 12", not "the toll from the crash".)
_DIFFERENCE_RE = lazy_compile(
    r"(?i)\b(?:not|rather\s+than|instead\s+of|compared\s+(?:with|to)|against|versus|vs|revised|than)\b"
    r"|\bfrom\s+(?:[\w’'-]+\s+){0,2}?(?:[£$€¥]\s?)?\d",
)


def _derived(doc: Document, figure: Number, blocks: list[Block]) -> bool:
    """The headline's figure as the sum or difference of two figures of its
    kind that one body sentence sets side by side, saying how: "$434m, not
    the $732m first reported" for a "$300m revision", "all 65 passengers and
    six crew" for "71 aboard" (the parts of a whole, joined by "and"), "…,
    12 in all". Two figures that merely happen to add up in a story full of
    figures are no source for a third."""
    low, high = figure.bounds()
    # A derived figure is rounded by whoever worked it out: allow 2%; but a
    # count of whole things is worked out exactly ("lose 11 seats" is not
    # "reduced to nine seats from 21"), as far as its hedge allows ("More
    # than 40 families" for 352 less 310).
    if figure.kind == "count" and figure.text.isdigit() and not figure.scaled and figure.currency is None:
        if figure.hedge is None:
            low = high = figure.value
    else:
        low, high = min(low, figure.value * 0.98), max(high + figure.unit / 2, figure.value * 1.02)
    prose = doc.prose
    for block in blocks:
        for sentence in _sentences(doc, block):
            numbers = [
                n
                for n in read_numbers(prose, sentence[0], sentence[1])
                if (n.kind == "percent") == (figure.kind == "percent")
                and not n.is_year
                and (n.currency == figure.currency or n.currency is None or figure.currency is None)
            ]
            if len(numbers) < 2 or len(numbers) > 6:
                continue
            sums = _SUM_RE.search(prose, sentence[0], sentence[1]) is not None
            differences = _DIFFERENCE_RE.search(prose, sentence[0], sentence[1]) is not None
            for index, first in enumerate(numbers):
                for second in numbers[index + 1 :]:
                    total, gap = first.value + second.value, abs(first.value - second.value)
                    joined = sums or (
                        _joined(prose, first, second) and _same_fate(prose, figure, first, second, sentence[1])
                    )
                    if joined and low <= total <= high or differences and low <= gap <= high:
                        return True
    return False


def _joined(prose: str, first: Number, second: Number) -> bool:
    """Two parts of a whole: side by side ("65 passengers and six crew",
    "Three died in Gympie and two near Toowoomba"), or the second said to
    add to the first, however far on ("Seven bodies were recovered on Sunday
    night and four more on Monday", "and a further four")."""
    second_start = second.hedge_start or second.start
    if _JOINED_RE.fullmatch(prose, first.end, second_start):
        return True
    if _ANOTHER_BEFORE_RE.search(prose, first.end, second_start):
        return True  # "and a further four", "and another four"
    return bool(_AND_BEFORE_RE.search(prose, first.end, second_start) and _MORE_AFTER_RE.match(prose, second.end))


_JOINED_RE = lazy_compile(r"(?:\s+[\w’'-]+){0,3}\s+and\s+")
_AND_BEFORE_RE = lazy_compile(r"\band\s+(?:another\s+|a\s+further\s+)?$")
_ANOTHER_BEFORE_RE = lazy_compile(r"\band\s+(?:another|a\s+further)\s+$")
_MORE_AFTER_RE = lazy_compile(r"\s+(?:more|others|further)\b")
# What befell people: the parts of a toll share it with the headline's figure
# ("kills 12" is not "seven traders and five policemen were injured", nor "21
# people were dead and two missing").
_FATES = {
    "dead": "kill kills killed killing dead die dies died dying death deaths toll",
    "hurt": "injure injures injured injuring injuries hurt wounded wounding treated hospitalised hospitalized",
    "displaced": "evacuated evacuees displaced homeless",
    "missing": "missing unaccounted",
    "rescued": "rescue rescued rescues saved alive safety",
    "held": "arrest arrests arrested detained held",
}
_FATE_OF = {word: fate for fate, words in _FATES.items() for word in words.split()}
_FATE_WORD_RE = lazy_compile(rf"(?i)\b(?:{'|'.join(sorted(_FATE_OF))})\b")


# ("five people and injuring eight": not past "and", where the next part starts.)
_FATE_AFTER_RE = lazy_compile(
    rf"(?i)(?:[ \t]+(?!(?:and|or|but|as|while)\b)[\w’'-]+){{0,2}}?[ \t]+({'|'.join(sorted(_FATE_OF))})\b"
)


# What ends a figure's clause: a mark, or a word that starts another clause
# ("rose to at least 57 on Thursday as rescue teams reached"); "and" starts
# the next part of a list, whose own verb may come after its figure.
_CLAUSE_MARK = r"[;:,\n]|\.\s|\b(?:as|while|when|after|before|because|but)\b"
_PART_MARK = rf"{_CLAUSE_MARK}|\band\b"
_CLAUSE_MARK_BEFORE_RE = lazy_compile(rf"(?:{_CLAUSE_MARK})(?:(?!{_CLAUSE_MARK}).)*$")
_PART_MARK_BEFORE_RE = lazy_compile(rf"(?:{_PART_MARK})(?:(?!{_PART_MARK}).)*$")
_PART_MARK_RE = lazy_compile(_PART_MARK)
# A figure's other count between commas, which its clause runs on past:
# "231,460 people, or 62,115 families, had been displaced".
_ASIDE_COUNT_RE = lazy_compile(r",\s*or\s+(?:about\s+|some\s+)?[\d,.]+\s+[\w-]+,")


def _nearest_fate(prose: str, figure: Number) -> set[str]:
    """What befell the people a figure counts, as its own part of the
    sentence says: the word just after it ("9 still missing"), else the
    nearest before it ("The death toll … rose to at least 57", "kills 9,
    injures 14": for 14, injured), else the nearest after it ("231,460
    people, or 62,115 families, had been displaced"), else the one its part
    shares with the part before ("13 were pulled out alive by rescuers and
    nine by fishermen"); none across a clause's end ("toll climbs to 23; 9
    missing" gives 23 no fate of the 9's)."""
    after = _FATE_AFTER_RE.match(prose, figure.end)
    if after is not None:  # "31 rescued, 9 still missing": the 9's own
        return {_FATE_OF[after.group(1).lower()]}
    for mark_before in (_PART_MARK_BEFORE_RE, None, _CLAUSE_MARK_BEFORE_RE):
        if mark_before is None:
            word = _fate_after(prose, figure)
        else:
            mark = mark_before.search(prose, max(0, figure.start - 60), figure.start)
            start = mark.start() + 1 if mark else max(0, figure.start - 60)
            words = list(_FATE_WORD_RE.finditer(prose, start, figure.start))
            word = words[-1] if words else None
        if word is not None:
            return {_FATE_OF[word.group().lower()]}
    return set()


def _fate_after(prose: str, figure: Number) -> regex.Match[str] | None:
    """The first word of fate after a figure in its part of the sentence."""
    end = figure.end
    mark = _PART_MARK_RE.search(prose, end, end + 40)
    while mark is not None and (aside := _ASIDE_COUNT_RE.match(prose, mark.start())) is not None:
        end = aside.end()
        mark = _PART_MARK_RE.search(prose, end, end + 40)
    word: regex.Match[str] | None = _FATE_WORD_RE.search(prose, figure.end, mark.start() if mark else end + 40)
    return word


def _fates_agree(prose: str, figure: Number, other: Number) -> bool:
    """Not the same people where both figures name what befell them, and
    differently: "9 missing" is not "nine were found alive"."""
    if figure.kind != "count" or figure.currency is not None:
        return True
    wanted = _nearest_fate(prose, figure)
    if not wanted:
        return True
    found = _nearest_fate(prose, other)
    return not found or bool(found & wanted)


def _fates(prose: str, start: int, end: int) -> set[str]:
    return {_FATE_OF[word.lower()] for word in _FATE_WORD_RE.findall(prose, start, end)}


def _same_fate(prose: str, figure: Number, first: Number, second: Number, sentence_end: int) -> bool:
    """Whether two parts joined by "and" befell what the headline's figure
    did, where both say: the words around the headline's figure, and those
    of each part (between them, and just after the second)."""
    wanted = _nearest_fate(prose, figure)
    if not wanted:
        return True
    parts = _fates(prose, first.end, second.start) | _fates(prose, second.end, min(sentence_end, second.end + 40))
    return parts <= wanted


def _sentences(doc: Document, block: Block) -> Iterable[tuple[int, int]]:
    for sentence in doc.sentences_in(block.start, block.end):
        yield sentence.start, sentence.end


# -- lists ----------------------------------------------------------------------------

# "5 takeaways from …", "4 things that …": the figure counts the story's
# sections, which the body lists under crossheads rather than counts. "In 9
# charts", "in 100 words": the figure counts what the text cannot show.
_LIST_NOUN_RE = lazy_compile(
    r"(?i)\s+(?:\w+\s+)?(?:(?P<sections>things|takeaways|ways|reasons|questions|facts|lessons|tips|signs|moments|"
    r"stories|myths|mistakes|rules|steps|items|highlights|answers)|(?:info)?graphics?|charts?|graphs?|maps?|photos?|"
    r"pictures?|images?|videos?|words)\b",
)
# Any other plural after the count: "our 8 picks", "12 novels for summer".
_PLURAL_AFTER_RE = lazy_compile(r"(?i)\s+(?:\w+\s+)?\w+s\b")
# A crosshead: a short paragraph that does not end a sentence (it may ask a
# question of its own: "What could surprise Biden?", not a quoted one).
_CROSSHEAD_RE = lazy_compile(r"""[^\n]{1,79}(?:[^\n.!?:;,"'”’]["'”’]?|[^\n"'”’]\?)""")


def _counts_sections(prose: str, figure: Number, blocks: list[Block]) -> bool:
    """A listicle's count, matched by its crossheads (or unknowable without
    any): "5 takeaways" over five crossheads is found, "4 things" over five
    is not; any other plural ("our 8 picks") only by as many crossheads."""
    if figure.kind != "count":
        return False
    noun = _LIST_NOUN_RE.match(prose, figure.end)
    if noun is not None and not noun.group("sections"):
        return True
    if noun is None and _PLURAL_AFTER_RE.match(prose, figure.end) is None:
        return False
    crossheads = sum(1 for block in blocks if _CROSSHEAD_RE.fullmatch(prose, block.start, block.end))
    return crossheads == figure.value or (noun is not None and crossheads == 0)


# -- results -----------------------------------------------------------------------------

# A side's name beside its score in a result line: "Gloucester 25 Bath 23",
# "Cedar Falls 35, Waverly-Shell Rock 14".
_SIDE_BEFORE_RE = lazy_compile(r"\p{Lu}[\p{L}'’.-]*[ \t]+$")
_SIDE_AFTER_RE = lazy_compile(r",?[ \t]+\p{Lu}")
# (Not a decimal's or a thousand's digits, "1.4-2", "4-2,000"; but a score may
# end a sentence or a clause: "beat the Flames 4-2.")
_SCORE_RE = lazy_compile(r"(?<![\d.,])(\d{1,3})\s?[-–]\s?(\d{1,3})(?!\d|[.,]\d)")


def _scored(prose: str, figure: Number, blocks: list[Block]) -> bool:
    """A result line's score, which the body writes as a score ("25-23",
    which the number reader declines to read as two figures). Where the
    line gives both sides' scores ("Lincoln 28, Jefferson 24"), the body's
    score holds both, or the figure is in the score of a paragraph that
    names both sides ("a 28-21 win for Lincoln over Jefferson"), not in
    another game's ("Ankeny Central beat Lincoln 31-24")."""
    if figure.kind != "count" or figure.currency or figure.scaled or not figure.text.isdigit():
        return False
    start = figure.hedge_start if figure.hedge_start is not None else figure.start
    scores = [(score, block) for block in blocks for score in _SCORE_RE.finditer(prose, block.start, block.end)]
    line = _in_result_line(prose, figure)
    if line is not None:
        if any(sorted(score.groups()) == sorted((line["first"], line["second"])) for score, _ in scores):
            return True
        sides = (line["home"].split()[-1], line["away"].split()[-1])
        in_game = [
            score
            for score, block in scores
            if all(side in prose[block.start : block.end] for side in sides)
            and not _RUNNING_SCORE_BEFORE_RE.search(prose, max(block.start, score.start() - 30), score.start())
            and not _RUNNING_SCORE_AFTER_RE.match(prose, score.end(), block.end)
        ]
        # A body that tells the game without its score, as under a scoreboard
        # headline, leaves the line as it is.
        return not in_game or any(figure.text in score.groups() for score in in_game)
    beside = _SIDE_BEFORE_RE.search(prose, max(0, start - 40), start) or _SIDE_AFTER_RE.match(prose, figure.end)
    return beside is not None and any(figure.text in score.groups() for score, _ in scores)


# A score on the way to the result: "cut the lead to 28-26", "level at
# 20-20", "led 22-6 at the break", "an 18-12 lead".
_RUNNING_SCORE_BEFORE_RE = lazy_compile(r"(?i)\b(?:to|at|led|leading|trailed|trailing|was|were)\s+(?:by\s+)?$")
_RUNNING_SCORE_AFTER_RE = lazy_compile(
    r"(?i)\s+(?:lead|advantage|deficit|half-?time|(?:at|by)\s+(?:half-?time|the\s+(?:break|interval)))\b"
)


def _unmatched_scores(doc: Document, tops: list[Block], body_blocks: list[Block]) -> Iterator[Finding]:
    """A score in the headline ("Oilers beat Flames 4-2", "a 51-49 vote")
    that the body gives neither as a score, either way round, nor as its
    two figures ("from 3 to 5 years" for "3-5 years").

    Not a scoreboard's ("Middlesbrough 2-2 Charlton", a side each side of
    it; "Kilbrack 1-14 St Fintan's 0-12", the GAA's goals and points),
    whose body tells the goals rather than repeats the score, nor a line of
    set scores ("Nadal 6-7 (6/8) 6-2 7-6 (8/6) 6-2 Roddick")."""
    prose = doc.prose
    for block in tops:
        scores = list(_SCORE_RE.finditer(prose, block.start, block.end))
        if len(scores) > 2:
            continue
        scoreboard = False
        for score in scores:
            if doc.in_quote(score.start()):
                continue
            if _SIDE_BEFORE_RE.search(prose, max(block.start, score.start() - 40), score.start()) and (
                scoreboard or _SIDE_AFTER_RE.match(prose, score.end(), block.end)
            ):
                scoreboard = True
                continue
            if sorted(score.groups()) in _body_scores(prose, body_blocks):
                continue
            if all(int(side) in _body_values(prose, body_blocks) for side in score.groups()):
                continue
            yield _not_in_body(doc, score.start(), score.end())


def _body_scores(prose: str, body_blocks: list[Block]) -> list[list[str]]:
    return [sorted(score.groups()) for body in body_blocks for score in _SCORE_RE.finditer(prose, body.start, body.end)]


def _body_values(prose: str, body_blocks: list[Block]) -> set[float]:
    return {number.value for body in body_blocks for number in read_numbers(prose, body.start, body.end)}


def _in_result_line(prose: str, figure: Number) -> regex.Match[str] | None:
    """The result line ("Scarlets 27 Ospreys 20") whose score ``figure`` is."""
    start = figure.hedge_start if figure.hedge_start is not None else figure.start
    line: regex.Match[str] | None = _RESULT_LINE_RE.search(prose, max(0, start - 60), figure.end + 60)
    return line if line is not None and figure.start in (line.start("first"), line.start("second")) else None


# "Lincoln 28, Jefferson 24", "Gloucester 25 Bath 23": two sides and their scores.
_SIDE = r"(?:\p{Lu}[\p{L}'’.-]*[ \t]+){1,4}"
_RESULT_LINE_RE = lazy_compile(
    rf"(?P<home>{_SIDE})(?P<first>\d{{1,3}})\b,?[ \t]+(?P<away>{_SIDE})(?P<second>\d{{1,3}})\b"
)


# -- durations ---------------------------------------------------------------------------

_MONTHS_IN = {"hour": 1 / 730.56, "day": 1 / 30.44, "week": 7 / 30.44, "month": 1.0, "year": 12.0, "decade": 120.0}
# Units a figure counts in (currencies and percentages are told apart by the
# figures themselves).
_NOT_UNITS = frozenset("percent per cent percentage points point am pm dollar dollars cent cents pence penny".split())
# The spans of time a duration is counted in ("18 months", "a year and a half").
_DURATIONS = ("hour", "day", "week", "month", "year", "decade")
_TIME_UNITS = frozenset(("second", "minute", *_DURATIONS))
_UNIT_WORDS = sorted(
    {word for word in MEASUREMENT_WORDS if word.isalpha() and word not in _NOT_UNITS}
    | {f"{unit}{plural}" for unit in _TIME_UNITS for plural in ("", "s")}
)
_UNIT_WORD_RE = lazy_compile(rf"(?i)[ \t]+({trie(_UNIT_WORDS)})\b")
_UNIT_AFTER_RE = lazy_compile(rf"(?i)[\s-]+({'|'.join(_DURATIONS)})s?\b")
# "a year and a half", "one and a half years", "half a decade", "a decade".
_WORDED_DURATION_RE = lazy_compile(
    r"(?i)\b(?:(?P<whole>a|an|one|two|three|four|five)\s+(?:(?P<and>and\s+a\s+half)\s+)?(?P<unit>day|week|month|year|decade)s?"
    r"(?P<tail>\s+and\s+a\s+half)?|half\s+an?\s+(?P<half>day|week|month|year|decade))\b",
)
_WORD_VALUES = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5}


def _same_duration(doc: Document, figure: Number, blocks: list[Block]) -> bool:
    """ "18 months" in the headline, "a year and a half" in the body; "in 13
    years" over a body that says "since 2005" in a story of 2018."""
    prose = doc.prose
    unit = _UNIT_AFTER_RE.match(prose, figure.end)
    if unit is None or figure.kind != "count":
        return False
    wanted = figure.value * _MONTHS_IN[unit.group(1).lower()]
    for block in blocks:
        for duration in _durations(prose, block.start, block.end):
            if abs(duration - wanted) <= 0.03 * wanted:
                return True
    return unit.group(1).lower() == "year" and (
        _years_since(prose, blocks, figure.value) or _career(doc, blocks, figure.value)
    )


_SINCE_YEAR_RE = lazy_compile(r"(?i)\bsince\s+((?:19|20)\d\d)\b")
_YEAR_RE = lazy_compile(r"\b(?:19|20)\d\d\b")


def _years_since(prose: str, blocks: list[Block], years: float) -> bool:
    """A "since YEAR" the body states, counted to the latest year it names;
    or two years one body paragraph sets as a span ("hand back Macao on
    December 20, 1999, but … maintained until the year 2050")."""
    named = [[int(m.group()) for m in _YEAR_RE.finditer(prose, block.start, block.end)] for block in blocks]
    for paragraph in named:
        if any(abs(later - earlier - years) <= 1 for earlier in paragraph for later in paragraph if later > earlier):
            return True
    starts = [int(m.group(1)) for block in blocks for m in _SINCE_YEAR_RE.finditer(prose, block.start, block.end)]
    latest = max((year for paragraph in named for year in paragraph), default=0)
    return any(abs(latest - start - years) <= 1 for start in starts)


def _career(doc: Document, blocks: list[Block], years: float) -> bool:
    """A span from the year of a sentence that starts something to that of
    one that ends it, anywhere in the body (an obituary's "In 1968 she was
    appointed head" and "The merger was abandoned in 1992. She retired that
    year"); not years that merely lie that far apart ("By 1993 the roll had
    doubled")."""
    prose = doc.prose
    started: list[int] = []
    ended: list[int] = []
    before: list[int] = []  # the years of the sentence before, for "that year"
    for block in blocks:
        for sentence in doc.sentences_in(block.start, block.end):
            named = [int(m.group()) for m in _YEAR_RE.finditer(prose, sentence.start, sentence.end)]
            if _STARTED_RE.search(prose, sentence.start, sentence.end):
                started.extend(named)
            if _ENDED_RE.search(prose, sentence.start, sentence.end):
                ended.extend(named or (before if _THAT_YEAR_RE.search(prose, sentence.start, sentence.end) else []))
            before = named
    return any(abs(end - start - years) <= 1 for start in started for end in ended if end > start)


_STARTED_RE = lazy_compile(
    r"(?i)\b(?:appointed|became|joined|took\s+over|elected|founded|started|began|opened|hired|named|took\s+charge|"
    r"elevated|promoted|sworn\s+in|enlisted|ordained|signed|took\s+up)\b"
)
_THAT_YEAR_RE = lazy_compile(r"(?i)\b(?:that|the\s+same)\s+year\b")
_ENDED_RE = lazy_compile(
    r"(?i)\b(?:retired|retirement|left|stepped\s+down|resigned|died|closed|ended|quit|departed|until|replaced)\b"
)


def _durations(prose: str, start: int, end: int) -> Iterable[float]:
    """Every duration in months the text gives, in figures or in words."""
    for number in read_numbers(prose, start, end):
        unit = _UNIT_AFTER_RE.match(prose, number.end, end)
        if unit is not None and number.kind == "count":
            yield number.value * _MONTHS_IN[unit.group(1).lower()]
    for match in _WORDED_DURATION_RE.finditer(prose, start, end):
        if match.group("half"):
            yield _MONTHS_IN[match.group("half").lower()] / 2
            continue
        value = _WORD_VALUES[match.group("whole").lower()] + (0.5 if match.group("and") or match.group("tail") else 0)
        yield value * _MONTHS_IN[match.group("unit").lower()]


# -- what is a deck ----------------------------------------------------------------------
