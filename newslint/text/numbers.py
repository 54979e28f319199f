"""Reading numbers out of news copy, for the claims rules.

News writes one value many ways: ``4,000``, ``4000``, ``4k``, ``four thousand``;
``£3.5bn`` and ``3.5 billion``; ``20%``, ``20 per cent`` and ``20 percent``;
``eightfold``, ``doubled`` and ``three times``. This module turns each into a
``Number``: its value, its span in the text, what kind of figure it is and the
hedge in front of it ("just under", "about", "more than"), which widens the
range of values the writer can mean.

It is a small hand-written reader, not a general parser: it reads what news
copy writes and declines the rest (ordinals, scores such as ``3-1``, times,
versions, measurements such as ``5ft``), because every claims rule prefers to
miss a figure than to misread one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

import regex

from newslint.patterns import lazy_compile, trie

Kind = Literal["count", "percent", "fraction", "multiplier"]

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}  # fmt: skip
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}  # fmt: skip
SCALES = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
# South Asian copy counts in lakhs (100,000) and crores (10 million): "Rs 4,500 crore", "1.1 lakh people".
SCALES.update({"lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7, "lakh crore": 1e12})
# "mln" and "bln" are the wires' ("1.2 BLN DLRS"), in any case.
ABBREVIATED_SCALES = {"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "b": 1e9, "bn": 1e9, "bln": 1e9, "tn": 1e12}
# Malaysian papers' "RM1.3bil", "RM450mil".
ABBREVIATED_SCALES.update({"mil": 1e6, "bil": 1e9})
# A currency written after the figure, as wire copy writes it ("2.30 dlrs",
# "1.6 billion stg", "15 billion yen"): the sign it stands for, or its name.
CURRENCY_WORDS = {
    "dlr": "$", "dlrs": "$", "dollar": "$", "dollars": "$", "stg": "£", "sterling": "£", "pound": "£",
    "pounds": "£", "euro": "€", "euros": "€", "yen": "¥", "marks": "DM", "francs": "Fr", "guilders": "Dfl",
    "yuan": "yuan", "lire": "lire", "pesos": "pesos", "rupees": "rupees",
    # The world's other currencies news writes after the figure.
    "reais": "reais", "rand": "rand", "naira": "naira", "shillings": "shillings", "ringgit": "ringgit",
    "rupiah": "rupiah", "baht": "baht", "dirhams": "dirhams", "riyals": "riyals", "lira": "lira",
    "kronor": "kronor", "kroner": "kroner", "zlotys": "zlotys", "forints": "forints", "roubles": "roubles",
    "rubles": "rubles", "taka": "taka", "cedis": "cedis", "kwacha": "kwacha", "pula": "pula",
    "pence": "p", "cents": "¢", "cts": "¢",
}  # fmt: skip
FRACTIONS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4}
MULTIPLIER_VERBS = {"doubl": 2, "tripl": 3, "trebl": 3, "quadrupl": 4, "halv": 0.5}

# Hedges, longest first. The direction says on which side of the written
# figure the true value may lie: "+" above it, "-" below it, "~" either side.
HEDGES: dict[str, tuple[str, float]] = {
    "just under": ("-", 0.1), "just below": ("-", 0.1), "just short of": ("-", 0.1),
    "just over": ("+", 0.1), "just above": ("+", 0.1), "just more than": ("+", 0.1),
    "more than": ("+", 0.5), "over": ("+", 0.5), "above": ("+", 0.5), "at least": ("+", 0.5),
    "upwards of": ("+", 0.5), "in excess of": ("+", 0.5),
    "less than": ("-", 0.5), "fewer than": ("-", 0.5), "under": ("-", 0.5), "below": ("-", 0.5),
    "up to": ("-", 1.0), "nearly": ("-", 0.15), "almost": ("-", 0.15), "close to": ("-", 0.15),
    "about": ("~", 0.15), "around": ("~", 0.15), "roughly": ("~", 0.15), "some": ("~", 0.15),
    "approximately": ("~", 0.15), "an estimated": ("~", 0.15), "estimated": ("~", 0.15),
    "almost exactly": ("~", 0.02),
    # Headline verbs that hedge upwards: "brand value tops $400 billion".
    "tops": ("+", 0.5), "top": ("+", 0.5), "exceeds": ("+", 0.5), "surpasses": ("+", 0.5), "passes": ("+", 0.5),
}  # fmt: skip

_HEDGE_ALTERNATION = "|".join(
    regex.escape(hedge).replace(r"\ ", r"\s+") for hedge in sorted(HEDGES, key=len, reverse=True)
)
# A hedge right before a number (searched backwards from the number's start).
_HEDGE_AT_RE = lazy_compile(rf"(?i)(?:{_HEDGE_ALTERNATION})\s+")
_HEDGE_BEFORE_RE = lazy_compile(rf"(?i)(?<![\w-])(?P<hedge>{_HEDGE_ALTERNATION})\s+$", engine="re")

# A figure: 4,000  4000  4.5  £3.5bn  2m  4k  20%  20 per cent  2.5 million.
# Scale and percent words in any case: headlines are in title case ("$300
# Million", "3.6 Percent") or capitals ("1.2 BILLION DLR", "2.5 MLN", "5
# PCT"). Canadian Press style joins them with hyphens ("$4.6-billion",
# "12-per-cent") and abbreviates money in headlines ("$4.2B", "$80M"); South
# Asian copy groups digits by lakhs ("1,10,000") and writes rupees "Rs 4,500
# crore", "Rs170.5bn" or "₹4,500 crore", and Dawn "45pc". Currencies are
# written as their signs (HK$, US$, S$, ₦, ₱), their letters (KSh, Sh, Dh,
# RM, Tk) or a letter that only reads as money before a figure with a scale
# or separators ("N3,600", "R450m", "P2.5 billion"; not "N95" or "R2"). Not
# part of a longer token: a version (v1.0), a time (10:30, "1300 GMT"), a
# score (3-1), a fraction (1/2), a code (PS2, MP3, 3G), a measurement (5ft,
# 70mph) or an abbreviated year ("’87", "the '90s").
#
# A match starts at a sign or a digit, never at a letter (the engine skips to
# those fast); the letters of a currency before it are allowed by the
# lookbehinds and read back by _currency_before.
_CURRENCY_LETTERS = r"(?:Rs|KSh|Sh|Dh|AED|RM|Tk)\.?\s?"
_MONEY_LETTER_FIGURE = r"\d{1,3}(?:,\d{3})+(?!,?\d)|\d+(?:\.\d+)?\s?(?:bn|mn|m|k|million|billion|trillion|crore|lakh)\b"
_FIGURE_RE = lazy_compile(
    r"""(?:(?<![\w.,/:£$€¥₹₦₱#&-])
      | (?<=(?<![\w.,/-])[A-Z]{1,3})(?=[£$€¥₹₦₱])
      | (?<=(?<![\w.,/-])LETTERS_BEFORE)(?=\d)
      | (?<=(?<![\w.,/-])[NRP])(?=LETTER_MONEY)
    )(?<!\d[-–]\s?)(?<!['’](?=\d\d(?!\d|[.,]\d)))
    (?P<currency>[£$€¥₹₦₱]\s?)?
    (?P<figure>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,2}(?:,\d\d)+,\d{3}(?:\.\d+)?|\d+(?:\.\d+)?)
    (?:(?P<abbreviation>\s?(?:bn|tn|bil|mil|m|k|(?i:mln|bln|mn))|(?(currency)[BMK]|(?!)))
      |(?:\s+|-)(?P<scale>(?i:hundred|thousand|million|billion|trillion|lakh\s+crores?|lakhs?|crores?))
      |(?<![\d,]\d{3})°?[CF](?!\w))?  # a temperature written closed up: "46.2C", "40C", "104F"
    (?P<percent>\s?%|\s+(?i:per\s?cent|percent|pct)\b|-(?i:per-cent|percent)\b|pc\b|\s+(?i:percentage\s+points?)\b)?
    (?![\w%]|[.,]\d|[-–/:]\d|\s?[-–]\s?\d|\s*(?i:GMT|UTC|BST|EST|EDT|CST|CDT|PST|PDT|CET|JST|hrs)\b)""".replace(
        "LETTERS_BEFORE", _CURRENCY_LETTERS
    ).replace("LETTER_MONEY", _MONEY_LETTER_FIGURE),
    regex.VERBOSE,
)
# The letters of a currency right before a figure's match (see _FIGURE_RE).
_SIGN_LETTERS_RE = lazy_compile(r"(?<![\w.,/-])[A-Z]{1,3}$")
_CURRENCY_LETTERS_RE = lazy_compile(rf"(?<![\w.,/-])(?:{_CURRENCY_LETTERS}|[NRP])$")
# The same letters where a figure is read from a given position (read_number_at).
_CURRENCY_LETTERS_AT_RE = lazy_compile(rf"[A-Z]{{1,3}}(?=[£$€¥₹₦₱])|{_CURRENCY_LETTERS}|[NRP]")
_CURRENCY_AFTER_RE = lazy_compile(rf"(?i)\s+(?:{'|'.join(CURRENCY_WORDS)})\b")


_NUMBER_WORDS = [*UNITS, *TENS, *SCALES, "dozen", "half", "halves", "third", "thirds", "quarter", "quarters"]
_COUNT_WORD = trie(_NUMBER_WORDS)
# "a" starts a number only before a scale or fraction: "a dozen", "a third".
_ARTICLE = r"an?(?=[\s-]+(?:dozen|hundred|thousand|million|billion|trillion|half|third|quarter)\b)"
# A run of number words ("two hundred and fifty thousand", "twenty-five",
# "a dozen", "two-thirds"); _words_value decides how much of it is a number.
# Every alternative starts with a letter, so "\b(?<!-)" is "(?<![\w-])" here,
# and twice as fast: the engine tests the cheap word boundary first.
_WORDS_RE = lazy_compile(
    rf"""(?i)\b(?<!-)(?:{_ARTICLE}|{_COUNT_WORD})(?:(?:\s+and\s+|\s+|-)(?:{_COUNT_WORD}))*(?!\w)
    (?P<percent>\s+per\s?cent\b|\s+percent\b)?""",
    re.VERBOSE,
    engine="re",
)
_WORD_SPLIT_RE = lazy_compile(r"\w+")

_MULTIPLIER_RE = lazy_compile(
    rf"""(?i)(?<![\w-])(?:
        (?P<fold>\d+|{"|".join([*UNITS, *TENS])})-?fold
      | (?P<verb>doubl|tripl|trebl|quadrupl|halv)(?:ed|es|e|ing)
      | (?P<times>\d+(?:\.\d+)?|{"|".join([*UNITS, *TENS])})\s+times
    )(?!\w)""",
    re.VERBOSE,
)


@dataclass(frozen=True)
class Number:
    """One figure in the text.

    ``start``/``end`` cover the figure itself (currency sign and percent sign
    included, hedge excluded); ``hedge_start`` is where the hedge begins.
    ``unit`` is what the last written digit is worth (``4.5m``: 100,000), so
    ``value ± unit / 2`` is the range the figure's rounding allows.
    """

    value: float
    start: int
    end: int
    text: str
    kind: Kind = "count"
    hedge: str | None = None
    hedge_start: int | None = None
    currency: str | None = None
    unit: float = 1.0
    scaled: bool = False  # written with a scale: 2m, £3.5bn, eight million
    suffix: str = ""  # as written after the digits: "bn", " million", "%", " per cent"
    currency_word: str = ""  # a currency as wire copy writes it after the figure: " dlrs", " euros"

    @property
    def is_year(self) -> bool:
        """A bare four-digit figure a year could be (2004, 1990): not a quantity."""
        return (
            self.kind == "count" and not self.scaled and self.currency is None
            and 1800 <= self.value <= 2100 and float(self.value).is_integer()
            and self.text.isdigit()
        )  # fmt: skip

    @property
    def approximate(self) -> bool:
        """Hedged both ways: "about", "around", "roughly"."""
        return self.hedging is not None and self.hedging[0] == "~"

    @property
    def hedging(self) -> tuple[str, float] | None:
        """The hedge's direction ("+", "-", "~") and reach (a fraction), if hedged."""
        return HEDGES[_normal(self.hedge)] if self.hedge is not None else None

    def bounds(self) -> tuple[float, float]:
        """The range of true values this figure, as written and hedged, allows."""
        low = high = self.value
        if self.hedging is not None:
            direction, width = self.hedging
            if direction in "-~":
                low = self.value * (1 - width)
            if direction in "+~":
                high = self.value * (1 + width)
        half = self.unit / 2
        return min(low, high) - half, max(low, high) + half


def _normal(hedge: str) -> str:
    return " ".join(hedge.lower().split())


def _hedge_before(text: str, start: int, floor: int) -> tuple[str | None, int | None]:
    match = _HEDGE_BEFORE_RE.search(text, max(floor, start - 20), start)
    if match is None:
        return None, None
    return _normal(match.group("hedge")), match.start("hedge")


def _currency_before(text: str, match: regex.Match[str], floor: int) -> tuple[int, str | None]:
    """Where the figure starts, its currency's letters included, and its
    currency as written: "HK$", "KSh", "Rs ", "N"; or the sign alone."""
    start, sign = match.start(), match.group("currency")
    if start <= floor or not (text[start - 1].isalpha() or text[start - 1] in ". "):
        return start, sign  # most figures: nothing but a space or a sign before them
    window = max(floor, start - 5)
    if sign is not None:
        letters = _SIGN_LETTERS_RE.search(text, window, start)
        return (letters.start(), letters.group() + sign) if letters else (start, sign)
    letters = _CURRENCY_LETTERS_RE.search(text, window, start)
    return (letters.start(), letters.group().replace(".", "")) if letters else (start, None)


def _figure(text: str, match: regex.Match[str], floor: int) -> Number:
    figure = match.group("figure")
    mantissa = float(figure.replace(",", ""))
    decimals = len(figure.partition(".")[2])
    scale = 1.0
    if match.group("abbreviation"):
        scale = ABBREVIATED_SCALES[match.group("abbreviation").strip().lower()]
    elif match.group("scale"):
        scale = SCALES[" ".join(match.group("scale").lower().split()).removesuffix("s")]
    start, currency = _currency_before(text, match, floor)
    hedge, hedge_start = _hedge_before(text, start, floor)
    currency_word = ""
    if currency is None and not match.group("percent"):
        written = _CURRENCY_AFTER_RE.match(text, match.end())
        if written:
            currency_word = " " + written.group().strip()
            currency = CURRENCY_WORDS[currency_word[1:].lower()]
    return Number(
        value=mantissa * scale,
        start=start,
        end=match.end(),
        text=figure,
        kind="percent" if match.group("percent") else "count",
        hedge=hedge,
        hedge_start=hedge_start,
        currency=("Rs " if currency.startswith("Rs") else currency.strip()) if currency else None,
        unit=scale * 10.0**-decimals,
        scaled=scale != 1.0,
        suffix=text[match.end("figure") : match.end()],
        currency_word=currency_word,
    )


def _words_value(words: list[str]) -> tuple[float, int, Kind, float] | None:
    """Read the longest prefix of ``words`` that is a number.

    Returns the value, how many words it takes, whether it is a count or a
    fraction, and the worth of its last place ("eight million": a million).
    """
    total, current, last, used, unit = 0.0, 0.0, "none", 0, 1.0
    for index, word in enumerate(words):
        if word in UNITS:
            if last not in ("none", "hundred", "scale") and not (last == "tens" and UNITS[word] < 10):
                break
            current, last = current + UNITS[word], "unit"
        elif word in TENS:
            if last not in ("none", "hundred", "scale"):
                break
            current, last = current + TENS[word], "tens"
        elif word in ("a", "an"):
            if index != 0:
                break
            current, last = 1, "a"
        elif word == "dozen":
            if last not in ("unit", "a"):
                break
            current, last = current * 12, "dozen"
        elif word == "hundred":
            if last not in ("unit", "tens", "a") or current >= 100:
                break
            current, last = current * 100, "hundred"
        elif word in SCALES:
            if last not in ("unit", "tens", "a", "hundred", "dozen"):
                break
            total, current, last, unit = total + current * SCALES[word], 0, "scale", SCALES[word]
        elif word in FRACTIONS:
            plural = word.endswith("s")
            if last == "none" and word == "half":
                return 0.5, index + 1, "fraction", 0.0
            if last == "a" and not plural or last == "unit" and (current >= 2) == plural and current < 10:
                return current / FRACTIONS[word], index + 1, "fraction", 0.0
            break
        elif word == "and":
            following = words[index + 1] if index + 1 < len(words) else ""
            if last not in ("hundred", "scale") or not (following in UNITS or following in TENS):
                break
            continue
        else:
            break
        used = index + 1
    if last == "a" and used == 1 or not used:
        return None  # a lone "a" is an article, not one
    return total + current, used, "count", unit


_COMPOUND_AFTER_RE = lazy_compile(r"-\p{L}")


def _word_number(text: str, match: regex.Match[str], floor: int) -> Number | None:
    words_end = match.start("percent") if match.group("percent") else match.end()
    spans = [m.span() for m in _WORD_SPLIT_RE.finditer(text, match.start(), words_end)]
    parsed = _words_value([text[s:e].lower() for s, e in spans])
    if parsed is None:
        return None
    value, used, kind, unit = parsed
    end = spans[used - 1][1]
    if kind == "fraction" and _COMPOUND_AFTER_RE.match(text, end):
        return None  # "a third-wicket stand", "a half-century", "the quarter-final": no fraction
    if used == len(spans) and match.group("percent"):
        kind, end = "percent", match.end()
    hedge, hedge_start = _hedge_before(text, match.start(), floor)
    return Number(
        value=value,
        start=match.start(),
        end=end,
        text=text[match.start() : spans[used - 1][1]],
        kind=kind,
        hedge=hedge,
        hedge_start=hedge_start,
        unit=unit,
        scaled=unit > 1,
        suffix=text[spans[used - 1][1] : end],
    )


def read_numbers(text: str, start: int = 0, end: int | None = None) -> list[Number]:
    """Every figure and number phrase in ``text[start:end]``, in order."""
    end = len(text) if end is None else end
    numbers = [_figure(text, match, start) for match in _FIGURE_RE.finditer(text, start, end)]
    if _has_number_word(text, start, end):
        taken = [(number.start, number.end) for number in numbers]
        for match in _WORDS_RE.finditer(text, start, end):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            number = _word_number(text, match, start)
            if number is not None:
                numbers.append(number)
        numbers.sort(key=lambda number: number.start)
    return numbers


# Every number word but "halves", which alone is no number ("two halves": "two").
_NUMBER_WORD_HINT_RE = lazy_compile(rf"(?i)\b{trie([word for word in _NUMBER_WORDS if word != 'halves'])}\b")


def _has_number_word(text: str, start: int, end: int) -> bool:
    return _NUMBER_WORD_HINT_RE.search(text, start, end) is not None


def read_number_at(text: str, position: int, end: int | None = None) -> Number | None:
    """The number (after any hedge) that starts at ``position``, or None."""
    end = len(text) if end is None else end
    hedge = _HEDGE_AT_RE.match(text, position, end)
    start = hedge.end() if hedge else position
    match = _FIGURE_RE.match(text, start, end)
    if match is None and text[start : start + 1].isupper():  # "N3,600", "HK$2bn": the match starts after the letters
        letters = _CURRENCY_LETTERS_AT_RE.match(text, start, end)
        match = _FIGURE_RE.match(text, letters.end(), end) if letters else None
    if match is not None:
        return _figure(text, match, position)
    match = _WORDS_RE.match(text, start, end)
    if match is not None:
        return _word_number(text, match, position)
    return None


def parse_number(phrase: str) -> float | None:
    """The value of ``phrase`` if the whole of it is one number ("£3.5bn",
    "eight million", "two-thirds", "20 per cent"), else None."""
    stripped = phrase.strip()
    number = read_number_at(stripped, 0)
    if number is None or number.end != len(stripped):
        return None
    return number.value


def read_multipliers(text: str, start: int = 0, end: int | None = None) -> list[Number]:
    """ "eightfold", "doubled", "halved", "three times": factors of change."""
    end = len(text) if end is None else end
    found = []
    for match in _MULTIPLIER_RE.finditer(text, start, end):
        if match.group("verb"):
            value = MULTIPLIER_VERBS[match.group("verb").lower()]
        else:
            count = (match.group("fold") or match.group("times")).lower()
            value = float(count) if count[0].isdigit() else UNITS.get(count, TENS.get(count, 0))
        if value <= 0:
            continue
        hedge, hedge_start = _hedge_before(text, match.start(), start)
        found.append(
            Number(value, match.start(), match.end(), match.group(), "multiplier", hedge, hedge_start, unit=0.0)
        )
    return found


def is_times(number: Number) -> bool:
    """A multiplier written "N times", which writers use loosely for N or N+1."""
    return number.kind == "multiplier" and number.text.lower().endswith("times")


def decimals_of(number: Number) -> int:
    return len(number.text.partition(".")[2]) if number.text[:1].isdigit() else 0


def format_like(value: float, like: Number) -> str:
    """``value`` written the way ``like`` is: "£3.5bn", "4,000", "20%", "46.48 mln dlrs".

    Decimals follow ``like`` but grow (up to two places) where the value
    needs them, so an expected 3,500 is not shown as 4,000.
    """
    scale = like.value / float(like.text.replace(",", "")) if like.text[:1].isdigit() and like.scaled else 1.0
    mantissa = value / scale
    sign = "" if like.currency_word else like.currency or ""
    if value and abs(mantissa) < 0.05:
        # A value far below the other figure's scale ("417 mln" against "2.3
        # billion"): written in its own digits, never as "0.0 billion".
        return f"{sign}{value:,.0f}" + ("%" if like.kind == "percent" else "") + like.currency_word
    places = decimals_of(like)
    most = max(places, 2)  # 33.94, not 33.939
    while places < most and round(mantissa, places) != round(mantissa, places + 3):
        places += 1
    while places > decimals_of(like) and round(mantissa, places - 1) == round(mantissa, places):
        places -= 1  # no decimal the value does not need: 35.09, not 35.090
    separators = "," in like.text or (not like.text[:1].isdigit() and mantissa >= 10000)
    digits = f"{mantissa:,.{places}f}" if separators else f"{mantissa:.{places}f}"
    suffix = like.suffix if like.text[:1].isdigit() else "%" if like.kind == "percent" else ""
    return f"{sign}{digits}{suffix}{like.currency_word}"
