"""How a news story is laid out, read from its text: datelines, decks and
headings.

These conventions depend on position, not on words, so every check that
compares one part of a story with another needs them: wire copy writes "US"
in a headline and "U.S." in the body, "MOSCOW —" opens the first paragraph in
capitals, a related-story teaser between paragraphs is a headline, not prose.
"""

from __future__ import annotations

import re

from newslint.lexicon import MONTH_ABBREVIATIONS, MONTHS, alternation
from newslint.patterns import lazy_compile

# Dashes that end a dateline: a hyphen or two (wire copy), an en or em dash.
_DASH = r"(?:-{1,2}|–|—)"
# A place in capitals: WASHINGTON, ST. LOUIS, WINSTON-SALEM, RIO DE JANEIRO.
_CAPITAL_PLACE = r"\p{Lu}{2,}[\p{Lu}.'’-]*(?:[ \t]+\p{Lu}[\p{Lu}.'’-]*)*"
# What may follow it, each after a comma: a state or country (N.C., France),
# a date (March 18, Oct. 5).
_QUALIFIER = r"\p{Lu}[\p{L}.]*(?:[ \t]+\p{Lu}[\p{L}.]*){0,2}"
_DATE = rf"(?:{alternation(MONTHS + MONTH_ABBREVIATIONS)})\.?[ \t]+\d{{1,2}}"
# A news agency's credit: (AP), (CNN), (Reuters).
_CREDIT = r"\((?:\p{Lu}{2,8}|Reuters|Bloomberg|CNNMoney|Xinhua)\)"
# A place in ordinary case before a credit: Washington (CNN), New York (AP).
_PLACE = r"\p{Lu}[\p{L}.'’-]*(?:[ \t]+\p{Lu}[\p{L}.'’-]*){0,2}"

_DATELINE_RE = lazy_compile(
    rf"""[\s\u200b\ufeff]*(?:
        {_CAPITAL_PLACE}(?:,[ \t]*{_QUALIFIER}){{0,2}}(?:,[ \t]*{_DATE})?(?:[ \t]*{_CREDIT})?[ \t]*{_DASH}[ \t]
      | (?:{_PLACE}[ \t]*)?{_CREDIT}(?:[ \t]*{_DASH})?[ \t]*(?=[\p{{Lu}}"“‘'\d])
    )""",
    re.VERBOSE,
)
# A sentence ends with . ! ? or … (quotes and brackets may close after it); a
# line ending in : ; or , runs on into what follows.
_RUNS_ON_RE = lazy_compile(r"""[.!?…:;,]["'”’)\]]*\s*$""")
_LONG_WORD_RE = lazy_compile(r"\p{L}{4,}")


def dateline_end(text: str, start: int, end: int) -> int | None:
    """Where the dateline that opens ``text[start:end]`` ends (after its
    dash), or None: "WASHINGTON — ", "ST. LOUIS, March 18 - ",
    "Washington (CNN) ", "TREBES, France — "."""
    match = _DATELINE_RE.match(text, start, end)
    return match.end() if match else None


def ends_open(line: str) -> bool:
    """No full stop, question mark, colon or comma at the end: a heading, a
    deck or a label rather than a sentence."""
    return _RUNS_ON_RE.search(line) is None


def title_case(line: str) -> bool:
    """Most words of four letters or more start with a capital (US and NPR
    headline style: "Dow Index Closes Below 16,000")."""
    words = _LONG_WORD_RE.findall(line)
    return bool(words) and sum(word[0].isupper() for word in words) / len(words) > 0.6


def in_capitals(line: str) -> bool:
    """More than 80% of 12 or more letters are capitals: a wire headline
    ("MOBIL <MOB> SETS OIL PRICE"), a crosshead, a table's header."""
    letters = [char for char in line if char.isalpha()]
    return len(letters) >= 12 and sum(char.isupper() for char in letters) / len(letters) > 0.8


def heading_like(line: str) -> bool:
    """A line set as a heading in the body: a subhead, a related-story teaser
    ("Under surveillance: The lives of asylum-seekers in the US"), a deck.
    One line, short, with no sentence punctuation at its end."""
    return "\n" not in line and len(line) <= 150 and ends_open(line)


def looks_like_standfirst(line: str) -> bool:
    """A deck under the headline: one short line that ends with no sentence
    punctuation, set in title case or a few words long ("Stoltenberg says
    forces must grow"), and no dateline or quotation. A lede that only lacks
    its full stop stays body: when unsure, body."""
    line = line.strip()
    if not line or "\n" in line or len(line) > 200 or not ends_open(line):
        return False
    if line[0] in "([\"'“‘" or dateline_end(line, 0, len(line)) is not None:
        return False
    return len(line.split()) <= 12 or title_case(line)
