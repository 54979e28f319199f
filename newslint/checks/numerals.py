"""numerals: numbers in words or in figures, by the house rule.

Every big style guide writes small numbers in words and the rest in figures
(AP, BBC and the Guardian switch at 10: ``figures_from``), and none starts a
sentence with a figure unless it is a year. Each rule names one problem:

- ``figures``: "3 ministers" (write "three") and "fifteen ministers" (write
  "15"). Only a number that counts the word after it is read, and only
  outside the exceptions every guide makes: ages, percentages, money,
  measurements and units, dates, times, scores and votes (written with a
  hyphen or before "points" and "votes"), ranges and lists of numbers (another
  figure close by), and a number that is part of a name or label ("Channel 4",
  "phase 3", "No 10").
- ``sentence-start``: "12 people died." (write "Twelve people died." or recast
  the sentence). Years, times, numbered list items and names ("10 Downing
  Street") may start a sentence.

Headlines are left alone by the rules' scope: they use figures in every house.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from newslint.checks import Check, Finding, Option
from newslint.document import Document
from newslint.lexicon import MEASUREMENT_WORDS, MONTH_ABBREVIATIONS, MONTHS, NUMBER_TENS, NUMBER_UNITS
from newslint.options import Choice, Int
from newslint.patterns import lazy_compile, trie
from newslint.terms import Hit
from newslint.text import Block

_UNIT_WORDS = frozenset(word.lower() for word in MEASUREMENT_WORDS)
_MONTHS = frozenset(MONTHS) | frozenset(MONTH_ABBREVIATIONS)
_UNITS = {word: value for value, word in enumerate(NUMBER_UNITS)}
_TENS = {word: 20 + 10 * index for index, word in enumerate(NUMBER_TENS)}

# A plain whole figure: not part of a decimal, a time, a fraction, a range,
# a score, a code ("PS2", "3G") or a word ("'90s").
# The digit first, then the lookbehind at the character before it: the engine
# skips to each digit instead of trying the lookbehind everywhere.
_SMALL_FIGURE_RE = lazy_compile(r"\d(?<![\w.,:/£$€¥#&'’-]\d)\d?(?![\w%.,:/-]|[.,]\d|\s?[-–]\s?\d)")
# A number word from the switch up to 99: "ten", "fifteen", "twenty-five".
# A number word from the switch up to 99: "ten", "fifteen", "twenty-five". The
# words as a trie, first; that no letter stands before one is checked after.
_NUMBER_WORD_RE = lazy_compile(
    rf"(?P<word>{trie([*NUMBER_UNITS[10:], *NUMBER_TENS])})"
    rf"(?:-(?P<unit>{'|'.join(NUMBER_UNITS[1:10])}))?(?![\w'’]|-(?:fold|plus|something|odd|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)\b)",
)
_WORD_AFTER_RE = lazy_compile(
    r"[ \t]+(?P<word>(?:[^\W\d_]|['’.])+(?:/[^\W\d_]+)?)(?:[ \t]+(?P<second>(?:[^\W\d_]|['’])+))?"
)
_HYPHEN_AFTER_RE = lazy_compile(r"-\p{L}")


# Words after which a figure is a label or a value, not a count: "phase 3",
# "No 10", "aged 5", "page 2", "minus 3", "version 2".
_LABEL_WORDS = frozenset(
    """
    no no. nos number numbers page pages chapter chapters phase phases stage stages level levels grade grades
    size sizes type types room rooms route gate step steps tier tiers category class version section
    article articles rule item items game games round rounds race day week year act scene verse lane
    platform exit channel line pier terminal figure table series season episode episodes volume issue
    part ward district zone division formula aged age ages under over minus plus versus vs v vs. score
    scored scoring seed seeded number. term heat court hole holes match leg test form pick model mark
    """.split()
)
# Words after a figure that make it a measure, a score or a value ("5 votes",
# "3 points", "2 to 1", "1 in 4"), or that show it counts nothing.
_NOT_COUNTED = _UNIT_WORDS | frozenset(
    """
    and or to of in on at by for with from into per than times out over under up down off more less fewer
    is are was were will would has have had can could should may might must be been being said says a an
    the this that these those vote votes point points pts goals-against seed seeds x years-old
    yard-line a.m p.m am pm percent percentage billion million trillion thousand hundred dozen bn m k
    year-old month-old week-old day-old hour-old
    """.split()
)
# Plural nouns that do not end in s.
_IRREGULAR_PLURALS = frozenset(
    "people men women children police staff cattle sheep fish feet teeth mice geese data media personnel "
    "troops crew".split()
)
# "years old", "months old": an age.
_AGE_RE = lazy_compile(r"[ \t]+(?:years?|months?|weeks?|days?)[ \t-]+old\b")
# A sentence that starts with a figure: "12 people died", "40% of voters".
_START_FIGURE_RE = lazy_compile(
    r"""[“"‘'(]?(?P<figure>[£$€¥]?\d[\d,]*(?:\.\d+)?(?:%|\s?(?:per\s?cent|percent))?)(?=[\s,])"""
)
_YEAR_RE = lazy_compile(r"(?:1[0-9]|20)\d\d(?:s|’s|'s)?")
# A numbered list item, a time or a table row: "1. Stir", "10:30", "1 Arsenal".
_NOT_AFTER_START = frozenset(("am", "pm", "a.m", "p.m", "is", "was", "has", "does"))
_AFTER_START_RE = lazy_compile(r"[\s,]+(?P<next>[\p{L}'’]+)")


class Numerals(Check):
    name = "numerals"
    summary = "Numbers in words or figures by the house rule (one to nine in words), and no figure to start a sentence."
    fixable = True
    default_fix = "unsafe"
    params = ("replacement",)
    options = {
        "problem": Option(Choice("figures", "sentence-start"), help="The problem this rule reports."),
        "figures_from": Option(
            Int(minimum=2),
            10,
            "The first number the house writes in figures; smaller ones in words (10: one to nine in words).",
        ),
    }

    def __init__(self, options: Mapping[str, Any]) -> None:
        super().__init__(options)
        self.figures_from: int = options["figures_from"]

    def run(self, doc: Document, hits: list[Hit]) -> Iterable[Finding]:
        if self.opts["problem"] == "sentence-start":
            yield from self._sentence_starts(doc)
            return
        for block in doc.body:
            yield from self._small_figures(doc, block.start, block.end)
            yield from self._large_words(doc, block.start, block.end)

    # -- small numbers in figures ----------------------------------------------

    def _small_figures(self, doc: Document, start: int, end: int) -> Iterable[Finding]:
        prose = doc.prose
        for match in _SMALL_FIGURE_RE.finditer(prose, start, end):
            value = int(match.group())
            if not 1 <= value < min(self.figures_from, 10) or match.group().startswith("0"):
                continue
            if not _counts_next_word(prose, match.end(), end, value):
                continue  # first: most figures count nothing, and this test is the cheapest
            if _is_label_or_value(prose, match.start(), start, match.group()) or _in_list(
                prose, match.start(), match.end(), start, end
            ):
                continue
            if _sentence_start(doc, match.start()):
                continue  # the sentence-start rule's finding
            word = NUMBER_UNITS[value]
            yield Finding(match.start(), match.end(), {"replacement": word}, word)

    # -- large numbers in words --------------------------------------------------

    def _large_words(self, doc: Document, start: int, end: int) -> Iterable[Finding]:
        prose = doc.prose
        for match in _NUMBER_WORD_RE.finditer(prose, start, end):
            if match.start() > 0 and (prose[match.start() - 1].isalnum() or prose[match.start() - 1] in "_'’-"):
                continue  # inside a longer word ("often", "attention")
            word = match.group("word")
            value = _UNITS.get(word, _TENS.get(word, 0)) + (_UNITS[match.group("unit")] if match.group("unit") else 0)
            if value < self.figures_from or _sentence_start(doc, match.start()):
                continue
            if _is_label_or_value(prose, match.start(), start, match.group()) or _in_list(
                prose, match.start(), match.end(), start, end
            ):
                continue
            if _HYPHEN_AFTER_RE.match(prose, match.end()):
                yield Finding(match.start(), match.end(), {"replacement": str(value)}, str(value))
                continue
            if not _counts_next_word(prose, match.end(), end, value) or _idiom(prose, match.start(), match.end()):
                continue
            yield Finding(match.start(), match.end(), {"replacement": str(value)}, str(value))

    # -- figures that start a sentence -----------------------------------------

    def _sentence_starts(self, doc: Document) -> Iterable[Finding]:
        prose = doc.prose
        body = doc.body
        index_of = {block.start: index for index, block in enumerate(body)}
        for sentence in doc.sentences:
            block = doc.block_at(sentence.start)
            if block is None or block.start not in index_of:
                continue
            if sentence.start == block.start and _list_item(prose, body, index_of[block.start]):
                continue
            match = _START_FIGURE_RE.match(prose, sentence.start, sentence.end)
            if match is None:
                continue
            figure = match.group("figure")
            if _YEAR_RE.fullmatch(figure):
                continue
            after = _AFTER_START_RE.match(prose, match.end(), sentence.end)
            if after is None or not after.group("next")[0].islower() or after.group("next") in _NOT_AFTER_START:
                continue  # a table row, a list item, a name ("10 Downing Street", "3 is"), a time
            if len(prose[sentence.start : sentence.end].split()) < 4:
                continue  # a caption or a fragment
            replacement = _spelled_out(figure)
            params = {"replacement": replacement or figure}
            yield Finding(match.start("figure"), match.end("figure"), params, replacement)


_LIST_START_RE = lazy_compile(r"[\s\-*•·–—]*[£$€¥]?\d")
_FINAL_STOP_RE = lazy_compile(r"""[.!?…]["'”’)\]]*\s*$""")


def _list_item(prose: str, body: list[Block], index: int) -> bool:
    """A paragraph that is an item of a list or a subhead: it follows a
    paragraph ending in a colon, ends without a full stop, or sits beside
    another paragraph that starts with a figure."""
    block = body[index]
    if index > 0 and prose[body[index - 1].start : body[index - 1].end].rstrip().endswith(":"):
        return True
    if _FINAL_STOP_RE.search(prose, block.start, block.end) is None:
        return True
    neighbours = [body[i] for i in (index - 1, index + 1) if 0 <= i < len(body)]
    return any(_LIST_START_RE.match(prose, other.start, other.end) for other in neighbours)


def _spelled_out(figure: str) -> str | None:
    """``figure`` in words, capitalised, where that is certain (a whole number under 100)."""
    if not figure.isdigit() or int(figure) >= 100 or int(figure) == 0 and figure != "0":
        return None
    value = int(figure)
    if value < 20:
        word = NUMBER_UNITS[value]
    else:
        tens, unit = divmod(value, 10)
        word = NUMBER_TENS[tens - 2] + (f"-{NUMBER_UNITS[unit]}" if unit else "")
    return word[0].upper() + word[1:]


def _sentence_start(doc: Document, offset: int) -> bool:
    """Whether only opening quotes and brackets stand between ``offset`` and
    the start of its sentence (or paragraph)."""
    prose = doc.prose
    index = offset - 1
    while index >= 0 and prose[index] in "\"'“‘(":
        index -= 1
    while index >= 0 and prose[index] in " \t":
        index -= 1
    return index < 0 or prose[index] in "\n.!?:…" or prose[index] in "\"'”’" and index > 0 and prose[index - 1] in ".!?"


def _previous_word(prose: str, offset: int, floor: int) -> tuple[str, int]:
    """The word before ``offset`` (spaces between allowed) and where it starts."""
    index = offset
    while index > floor and prose[index - 1] in " \t":
        index -= 1
    start = index
    while start > floor and (prose[start - 1].isalnum() or prose[start - 1] in ".'’"):
        start -= 1
    return prose[start:index], start


def _is_label_or_value(prose: str, offset: int, floor: int, number: str) -> bool:
    """A figure that names or measures rather than counts: after a capitalised
    word ("Channel 4", "March 3"), a label ("phase 3", "No 10"), a currency or
    a sign."""
    if offset > floor and prose[offset - 1] in "£$€¥#+-–−±":
        return True
    before, index = _previous_word(prose, offset, floor)
    if not before:
        return False
    if _RATIO_BEFORE_RE.search(prose, max(floor, offset - 20), offset):
        return True  # "1 in 4", "one of 5", "4 out of 5": a ratio
    bare = before.rstrip(".")
    if bare in _MONTHS or before.lower() in _LABEL_WORDS or bare.lower() in _LABEL_WORDS:
        return True
    if before[0].isupper() and not before.endswith(("'s", "’s", "s'", "s’")):
        # "Channel 4", "Halo 2", "Phase 3": a name. A sentence's first word is not.
        while index > floor and prose[index - 1] in " \t":
            index -= 1
        if index > floor and prose[index - 1] not in '.!?\n"“‘(':
            return True
        # First in its sentence: a name if the article writes it so again ("Motel 6").
        return prose.count(f"{before} {number}") > 1
    return False


def _in_list(prose: str, start: int, end: int, floor: int, ceiling: int) -> bool:
    """A figure in a range or list of numbers ("2 to 12", "3 engineers, 12
    designers", "between 4 and 15", "eight and ten"), where every guide
    uses one form for all: another number joined to it by a comma, "and",
    "or", "to" or a dash, with at most the first number's noun between."""
    window_start, window_end = max(floor, start - 30), min(ceiling, end + 30)
    for match in _NUMBER_NEAR_RE.finditer(prose, window_start, window_end):
        if start <= match.start() < end:
            continue
        between = prose[match.end() : start] if match.end() <= start else prose[end : match.start()]
        if _LIST_GAP_RE.fullmatch(between):
            return True
    return False


_NUMBER_NEAR_RE = lazy_compile(
    rf"(?<![\w.,])\d[\d,.]*%?|(?i)\b(?:{'|'.join([*NUMBER_UNITS[1:], *NUMBER_TENS])})(?:-\w+)?\b"
)
# What may stand between two numbers of one list or range.
_LIST_GAP_RE = lazy_compile(r"(?i)\s*(?:[\p{L}'’-]+)?\s*(?:,|\band\b|\bor\b|\bto\b|[-–/])\s*(?:(?:and|or)\s+)?")


def _counts_next_word(prose: str, end: int, ceiling: int, value: int) -> bool:
    """Whether the number counts the word after it ("3 ministers", "2 other
    sources"): a lower-case word that is not a unit, a preposition or a verb;
    for more than one, a plural within two words."""
    if _AGE_RE.match(prose, end, ceiling):
        return False
    after = _WORD_AFTER_RE.match(prose, end, ceiling)
    if after is None:
        return False
    word, second = after.group("word"), after.group("second")
    if not word[0].islower() or word.lower().rstrip(".") in _NOT_COUNTED or word.lower() in _NOT_COUNTED:
        return False
    if value == 1:
        return not word.endswith("s") or word.endswith("ss")
    candidates = [word] if second is None or not second[0].islower() else [word, second]
    if second is not None and second.lower() in _NOT_COUNTED and not _plural(word):
        return False
    return any(_plural(candidate) for candidate in candidates)


def _plural(word: str) -> bool:
    lower = word.lower().rstrip(".")
    return lower in _IRREGULAR_PLURALS or (lower.endswith("s") and not lower.endswith(("ss", "us", "is", "'s", "’s")))


_RATIO_BEFORE_RE = lazy_compile(
    rf"(?i)\b(?:\d+|{'|'.join([*NUMBER_UNITS[1:], *NUMBER_TENS])})\s+(?:in|of|out\s+of)\s+$"
)
# "one in ten", "ten to one", "nine out of ten", "ten times": set phrases.
_IDIOM_BEFORE_RE = lazy_compile(r"(?i)\b(?:in|of|out of|to)\s+$")


def _idiom(prose: str, start: int, end: int) -> bool:
    return _IDIOM_BEFORE_RE.search(prose, max(0, start - 10), start) is not None
