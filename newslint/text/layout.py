"""How a news story is laid out, read from its text: datelines, decks and
headings.

These conventions depend on position, not on words, so every check that
compares one part of a story with another needs them: wire copy writes "US"
in a headline and "U.S." in the body, "MOSCOW —" opens the first paragraph in
capitals, a related-story teaser between paragraphs is a headline, not prose.
"""

from __future__ import annotations

import re
from itertools import accumulate

from newslint.lexicon import MONTH_ABBREVIATIONS, MONTHS, alternation
from newslint.patterns import lazy_compile

# Dashes that end a dateline: a hyphen or two (wire copy), an en or em dash.
_DASH = r"(?:-{1,2}|–|—)"
# A place in capitals: WASHINGTON, ST. LOUIS, WINSTON-SALEM, RIO DE JANEIRO,
# AMSTERDAM/FRANKFURT (a story from two).
_CAPITAL_PLACE = r"\p{Lu}{2,}[\p{Lu}.'’/-]*(?:[ \t]+\p{Lu}[\p{Lu}.'’/-]*)*"
# What may follow it, each after a comma: a state or country (N.C., France),
# a date (March 18, Oct. 5).
_QUALIFIER = r"\p{Lu}[\p{L}.]*(?:[ \t]+\p{Lu}[\p{L}.]*){0,2}"
# The month in any case (wire copy of the 1980s writes "SAO PAULO, MARCH 13 -",
# "Kingston, march 11 -"), and the day first too, as British and
# Commonwealth wires write it: "London, 27 March -".
_MONTH = rf"(?i:{alternation(MONTHS + MONTH_ABBREVIATIONS)})\.?"
_DATE = rf"(?:{_MONTH}[ \t]+\d{{1,2}}|\d{{1,2}}[ \t]+{_MONTH})"
# A news agency's credit: (AP), (CNN), (Reuters), (Yonhap).
_CREDIT = (
    r"\((?:\p{Lu}{2,8}|Reuters|Bloomberg|CNNMoney|Xinhua|Yonhap|Kyodo|Bernama|Antara|Interfax|Anadolu|Jiji|"
    r"Prensa[ \t]Latina)\)"
)
# After a date: a credit, or the 1980s wire's ", Reuter", and a stray comma ("June 19, -").
_DATED_CREDIT = rf"(?:[ \t]*{_CREDIT}|,[ \t]*Reuters?)?,?"
# A place in ordinary case before a credit: Washington (CNN), New York (AP).
_PLACE = r"\p{Lu}[\p{L}.'’-]*(?:[ \t]+\p{Lu}[\p{L}.'’-]*){0,2}"

_DATELINE_RE = lazy_compile(
    rf"""[\s\u200b\ufeff*]*(?:
        {_CAPITAL_PLACE}(?:,[ \t]*{_QUALIFIER}){{0,2}}(?:,[ \t]*{_DATE})?{_DATED_CREDIT}[ \t]*(?:{_DASH}|:)[ \t]
      | {_PLACE}(?:,[ \t]*{_QUALIFIER})?,[ \t]*{_DATE}{_DATED_CREDIT}[ \t]*{_DASH}[ \t]
      | (?:{_PLACE}[ \t]*)?{_CREDIT}(?:[ \t]*{_DASH})?[ \t]*(?=[\p{{Lu}}"“‘'\d])
      | {_DATE}[ \t]*{_CREDIT}[ \t]*{_DASH}[ \t]
    )""",
    re.VERBOSE,
)
# The first paragraph's dateline may be a place of a word or two in ordinary
# case alone, as South African papers write it ("Durban - ", "Cape Town - ");
# elsewhere that could be anything ("Meanwhile - ").
_LEAD_DATELINE_RE = lazy_compile(
    r"[\s\u200b\ufeff]*\p{Lu}[\p{L}.'’-]*(?:[ \t]+\p{Lu}[\p{L}.'’-]*)?[ \t]+" + _DASH + r"[ \t](?=\p{Lu})"
)
# A sentence ends with . ! ? or … (quotes and brackets may close after it); a
# line ending in : ; or , runs on into what follows.
_RUNS_ON_RE = lazy_compile(r"""[.!?…:;,]["'”’)\]]*\s*$""")
_LONG_WORD_RE = lazy_compile(r"\p{L}{4,}")


def dateline_end(text: str, start: int, end: int, lead: bool = False) -> int | None:
    """Where the dateline that opens ``text[start:end]`` ends (after its
    dash), or None: "WASHINGTON — ", "ST. LOUIS, March 18 - ",
    "Washington (CNN) ", "TREBES, France — ", "Toronto, March 27 - ",
    "PUNE: ", "July 29 (Reuters) - "; in the ``lead`` paragraph, also
    "Durban - "."""
    match = _DATELINE_RE.match(text, start, end) or (lead and _LEAD_DATELINE_RE.match(text, start, end))
    return match.end() if match else None


# A line the publishing system writes, not the writer: "Published 3 December
# 2026", "Sipho Mthembu | Updated 24 November", "This story was first
# published Nov. 17, 2026.", a page's "09:41 December 01, 2026".
_STAMP_RE = lazy_compile(r"(?im)\b(?:updated|published|posted)\b|^[ \t]*\d{1,2}:\d\d\b", engine="re")


def time_stamp(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a page's time stamp: a short line that
    says when the story was published or updated."""
    return end - start <= 160 and _STAMP_RE.search(text, start, end) is not None


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
    # A quick no for ordinary prose, where e t a o i n alone make up more than
    # a fifth of the text. It is exact: with n of those lowercase letters,
    # 5n >= len(line) leaves at most len(line) - n <= 4n capitals beside n
    # lowercase letters, a share of at most 80%.
    if 5 * sum(map(line.count, "etaoin")) >= len(line):
        return False
    letters = _NOT_LETTER_RE.sub("", line)
    upper = len(_NOT_UPPER_RE.sub("", letters))
    return len(letters) >= 12 and upper / len(letters) > 0.8


_NOT_LETTER_RE = lazy_compile(r"\P{L}+")
_NOT_UPPER_RE = lazy_compile(r"\P{Lu}+")


def heading_like(line: str) -> bool:
    """A line set as a heading in the body: a subhead, a related-story teaser
    ("Under surveillance: The lives of asylum-seekers in the US"), a deck.
    One line, short, with no sentence punctuation at its end."""
    return "\n" not in line and len(line) <= 150 and ends_open(line)


# A photo caption: a sentence that says when the picture was taken, "...
# on the South Lawn in Washington, DC on March 29, 2018."
_CAPTION_DATE_RE = lazy_compile(rf"\b(?:in|on)\s+(?:{alternation(MONTHS)})(?:\s+\d{{1,2}},)?\s+\d{{4}}\b")
_SENTENCE_INSIDE_RE = lazy_compile(r"[.!?][\"'”’)]*\s+[\"'“‘(]?\p{Lu}\p{Ll}")


def caption_like(paragraph: str) -> bool:
    """A photo caption left in the text (a gallery's): a first sentence of
    250 characters or fewer that dates the picture, and at most one more
    sentence. Agency captions keep their own style ("US President Donald
    Trump kisses …", "Netanyahu speaks to US President Donald Trump in May
    2017.")."""
    if len(paragraph) > 500 or "\n" in paragraph.strip():
        return False
    breaks = list(_SENTENCE_INSIDE_RE.finditer(paragraph))
    first = paragraph[: breaks[0].start() + 1] if breaks else paragraph
    return len(breaks) <= 1 and len(first) <= 250 and _CAPTION_DATE_RE.search(first) is not None


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


# Reader comments: first or second person, no reporting verb, few quotation marks.
_PERSONAL_RE = lazy_compile(r"\b(?:I|I'm|I've|I'd|my|we|We|our|Our|us|you|You|your|Your)\b")
_REPORTED_RE = lazy_compile(r"\b(?:said|says|told|according to)\b")
_MIN_COMMENTS = 4


def _comment_like(paragraph: str, reported: bool) -> bool:
    """``reported``: whether the paragraph has a reporting verb."""
    marks = paragraph.count('"') + paragraph.count("“") + paragraph.count("”")
    if marks > 2 or reported:
        return False
    return _PERSONAL_RE.search(paragraph) is not None or paragraph.rstrip().endswith(("?", "!"))


def appended_comments(prose: str, spans: list[tuple[int, int]]) -> int | None:
    """Where readers' comments appended to an article begin ("Have your say"
    pages: "I agree with Frederick Forsyth.", "Thank goodness that Kilroy-Silk
    has gone"), or None. One author's spelling and date style are not
    another's, so checks that compare forms stop there.

    A tail of four or more paragraphs, three in five of them personal (first
    or second person, or ending in ? or !) with no reporting verb and no
    quotation, after an article that reports (said, quotes)."""
    paragraphs = [prose[start:end] for start, end in spans]
    reported = [_REPORTED_RE.search(paragraph) is not None for paragraph in paragraphs]
    flags = [_comment_like(paragraph, said) for paragraph, said in zip(paragraphs, reported)]
    # How many paragraphs before each one report: a running count, not a
    # sum per paragraph (which made a long text quadratic).
    reported_before = list(accumulate(reported, initial=0))
    best = None
    personal = 0
    for index in range(len(spans) - 1, 1, -1):
        personal += flags[index]
        length = len(spans) - index
        if flags[index] and length >= _MIN_COMMENTS and personal / length >= 0.6 and reported_before[index] >= 2:
            best = index
    return spans[best][0] if best is not None else None
