"""age-mismatch: one person's age given two ways in one article.

News gives an age where it names someone ("Tom Hollis, 45,", "Hollis, aged
45", "45-year-old Tom Hollis", "Tom Hollis (45)"). When the same person is
45 in one paragraph and 46 in another, one of them is wrong: a copy editor
checks which. People are matched by surname and told apart by first name
("Lee Whitcombe, 29", "Ryan Whitcombe, 26"); the surname alone ("Beaudoin,
71") is a person only where the article names one person by it, not a
father beside "his son Marc-André Beaudoin, 44". Left alone: an age the
story says that person reached ("then 12", "Ruiz, who turned 30") or gives
as it was at a time the sentence dates ("Abernathy, 90, attended the
opening in October 2024", a year before "Abernathy, 91, died on Sunday"):
people only grow older, so the younger age in a dated sentence is a
flashback, not a slip. (A year in what the person says dates what they
speak of: "Pickering, 86, said the school nearly shut in 1992"; and a
person's introduction gives the age now unless a date leads it.)
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Iterator
from operator import attrgetter
from typing import NamedTuple

import regex

from newslint.checks import Check, Finding
from newslint.document import Document
from newslint.lexicon import HONORIFICS, MONTH_ABBREVIATIONS, MONTHS, SPEECH_VERBS, WEEKDAYS, alternation
from newslint.patterns import lazy_compile, trie
from newslint.terms import Hit
from newslint.text.names import OPENING_WORDS

_TITLES = alternation(
    [*HONORIFICS, "Sen", "Rep", "Gov", "Gen", "Col", "Capt", "Sgt", "Lt", "Det", "Insp", "Supt", "Cllr", "Councillor"]
)
_WORD = r"\p{Lu}[\p{Ll}’'-]+(?:-\p{Lu}[\p{Ll}’'-]+)?"
# Words of one name stand on one line: a headline above is not part of it.
_NAME = rf"(?:(?:{_TITLES})\.?[^\S\r\n]+)?{_WORD}(?:[^\S\r\n]+(?:{_WORD}|de|van|von|da|al|bin|le|la))*"
# An age where news gives it: after a comma ("Tom Hollis, 45,", "Hollis, aged
# 45", "Hollis, who is 45 and", an obituary's "who has died aged 84"), in
# brackets ("Tom Hollis (45)"), or before the name ("45-year-old Tom Hollis",
# "the 45-year-old actor Tom Hollis"). Each starts with what is fixed (a
# comma and digits, a bracket, the digits); the name before it is read back
# from there, since a pattern that starts with a name would be tried at
# every capital.
_AGE_AFTER_RE = lazy_compile(
    r",\s+(?:(?:aged\s+)?(?P<age>\d{1,3})(?=\s*[,;)]|\s+(?:and|of|from|who|is|was|has|had)\b)"
    r"|who(?:\s+is|['’]s)\s+(?P<age>\d{1,3})(?=\s*[,;.)](?!\d)|\s+(?:and|but|years\s+old)\b)"
    # An obituary's: "who has died aged 84", "who died at 84", "who was 85," (not "who was 45 when").
    r"|who\s+(?:has\s+)?died,?\s+(?:aged|at(?:\s+the\s+age\s+of)?)\s+(?P<age>\d{1,3})(?=\s*[,;.)](?!\d))"
    r"|who\s+was\s+(?P<age>\d{1,3})(?=\s*[,;)])"
    # An appositive: "Jarso, the 46-year-old father of seven".
    r"|(?:the|a)\s+(?P<age>\d{1,3})-year-old\b)"
)
_AGE_BRACKETED_RE = lazy_compile(r"\((?:aged\s+)?(?P<age>\d{1,3})\)")
# A label that opens an agate line's list, on the bracket's line: "Tries:",
# "Canterbury: Tries:", "Canterbury 31: Tries:", "Goals:".
_LABEL_BEFORE_RE = lazy_compile(r"(?:^|[\n.;–—-])[ \t]*(?:\p{Lu}[\p{L}\d ]{0,20}:[ \t]*)+[^\n:;]*$")
_NAME_BEFORE_RE = lazy_compile(rf"(?P<name>{_NAME})$")
_AGE_BEFORE_RE = lazy_compile(rf"(?P<age>\d{{1,3}})-year-old\s+(?:[\p{{Ll}}-]+\s+){{0,3}}(?P<name>{_NAME})")
_RELATIVE_CLAUSE_RE = lazy_compile(r"\b(?:who|whom|whose|which)\s+[^,]*(?:,|$)")
# A birthday the story tells of: "who turned 30 on Wednesday", "turns 46 today".
_TURNED_RE = lazy_compile(r"\b(?:turned|turns|turning)\s+(\d{1,3})\b")
# Whose birthday: the name just before ("Lindiwe, who turned 30", "Ruiz turns 30").
_BIRTHDAY_NAME_RE = lazy_compile(rf"(?P<name>{_NAME})(?:,?\s+who)?\s+$")
# A sentence that dates what it tells: a year, "… ago", "last year", "at the time".
# (Not "last year's", a title: "Last year's Teacher of the Year".)
_DATED_RE = lazy_compile(
    r"(?i)\b(?:(?:1[89]|20)\d\d\b(?!\s*(?:%|per\s?cent|percent))|ago\b|last\s+year\b(?!['’]s)|at\s+the\s+time\b)"
)
# A time up to now, which dates no age: "has worked there since 2011",
# "since March 2011", "struggling since losing his job last year".
_SINCE_RE = lazy_compile(
    r"(?i)\bsince\b(?:[ \t]+(?!(?:when|where|after|before|and|but|because|while|as)\b)[\w’'-]+){1,10}"
)
# A speech verb is looked up word by word (a set), not matched by a pattern
# of every verb, which would take a millisecond and a half to build in every
# process for the few sentences that need it.
_SPEECH_VERB_SET = frozenset(SPEECH_VERBS)
_WORD_RE = lazy_compile(r"[a-z]+")
# When the saying was: "said in 2019", "said last year", "said three years
# ago", or, with words between, a time that ends before what was said ("said
# on March 3, 2021, that", "told the club's website in an interview in
# August 2024 that", "told the committee in March 2023:"; not "said the
# school nearly shut in 1992", which is what was said).
_WHEN = (
    r"\s+(?:(?:in|on|during)\s+(?:[\w’'-]+,?\s+){0,3}?(?:1[89]|20)\d\d\b|last\s+year\b"
    r"|(?:\w+\s+){1,2}ago\b)"
)
_SAID_WHEN_RE = lazy_compile(rf"{_WHEN}|(?:\s+(?!that\b)[\w’'-]+){{1,6}}?{_WHEN}(?=[,:]|\s+that\b)")
_NOT_NAMES = frozenset([*MONTHS, *MONTH_ABBREVIATIONS, *WEEKDAYS, "The", "A", "An", "In", "On", "At", "By", "Of"])


class Mention(NamedTuple):
    start: int
    end: int
    first: str | None
    surname: str
    age: int
    woman: bool = False  # named with Mrs, Ms or Miss


class AgeMismatch(Check):
    name = "age-mismatch"
    summary = "One person's age given two ways in one article."
    params = ("person", "other", "line")

    def run(self, doc: Document, hits: list[Hit]) -> Iterable[Finding]:
        prose = doc.prose
        by_surname: dict[str, list[Mention]] = defaultdict(list)
        for mention in _mentions(prose):
            by_surname[mention.surname].append(mention)
        birthdays = _birthdays(prose) if "turn" in prose else {}
        # Only a surname given two ages can hold a contradiction: most give one.
        people = {surname: mentions for surname, mentions in by_surname.items() if len({m.age for m in mentions}) > 1}
        # Where each surname that stands alone beside an age is written in
        # full, found in one pass for them all (a pass per surname is
        # quadratic in a long text: an archive holds thousands).
        full_names = _full_names(prose, [surname for surname, mentions in people.items() if _bare(mentions)])
        body_start = next((block.start for block in doc.blocks if block.kind == "body"), len(prose))
        for surname, mentions in people.items():
            reached = birthdays.get(surname, set()) | birthdays.get("", set())
            if any(mention.age in reached for mention in mentions):
                continue  # "who turned 30 on Wednesday": 29 and 30 are both right
            # A headline's capitalised word is no first name ("Late Walker
            # fumble" names no Late Walker), but its mention's is ("Tom Hollis, 45,").
            names = [
                name
                for name in full_names.get(surname, [])
                if name.start() >= body_start or any(m.start <= name.start() < m.end for m in mentions)
            ]
            for person in _people(prose, mentions, names):
                yield from _contradictions(doc, person)


def _bare(mentions: list[Mention]) -> list[Mention]:
    """The mentions by surname alone at an age no one named has (the
    surname alone at an age someone of it has is that person: "John Smith,
    60, and his son Tom Smith, 32" then "Smith, 32")."""
    ages = {mention.age for mention in mentions if mention.first}
    return [mention for mention in mentions if not mention.first and mention.age not in ages]


def _full_names(prose: str, surnames: list[str]) -> dict[str, list[regex.Match[str]]]:
    """The capitalised word just before each of ``surnames`` where it
    follows one (a first name, or a title or an opening word the caller
    sets aside), by surname. The surnames are found first and the word read
    back from each: a pattern that starts with a capitalised word is tried
    at every capital of the text."""
    found: dict[str, list[regex.Match[str]]] = defaultdict(list)
    if surnames:
        for match in regex.finditer(rf"(?<![\w’'-])(?:{trie(surnames)})(?![\w’'-])", prose):
            before = _WORD_BEFORE_RE.search(prose, max(0, match.start() - 40), match.start())
            if before is not None:
                found[match.group()].append(before)
    return found


_WORD_BEFORE_RE = lazy_compile(rf"(?<![\w’'-])({_WORD})[^\S\r\n]+$")


def _people(prose: str, mentions: list[Mention], full_names: list[regex.Match[str]]) -> Iterable[list[Mention]]:
    """``mentions`` of one surname, person by person: a first name tells
    people apart ("Lee Whitcombe, 29", "Ryan Whitcombe, 26"), and the
    surname alone, at an age no one named has, is the one person the story
    is about (see _bare_is), or no one it can tell."""
    by_first: dict[str, list[Mention]] = defaultdict(list)
    for mention in mentions:
        if mention.first:
            by_first[mention.first].append(mention)
    bare = _bare(mentions)
    first = _bare_is(prose, mentions, full_names) if bare else None
    if first is not None:
        by_first[first] = sorted([*by_first[first], *bare])
    return by_first.values()


def _bare_is(prose: str, mentions: list[Mention], full_names: list[regex.Match[str]]) -> str | None:
    """Whose first name the surname alone stands for: the one person of it
    the story names who is not introduced as someone's relative ("Beaudoin,
    71" is Lucien Beaudoin, not "his son Marc-André Beaudoin, 44"); where
    all are relatives, the one whose age it gives ("her sister, Joan
    Pickering, 88", not "the daughter of Walter Pickering"); never, for
    "Mrs Baxter", a man the story gives a wife ("Derek Baxter, 71, and his
    wife, Ann"); "" where it names no one in full; None where it cannot
    tell."""
    named: dict[str, bool] = {}  # first name: introduced as a relative
    husbands: set[str] = set()  # "Derek Baxter, 71, and his wife": no "Mrs Baxter"
    starts = [mention.start for mention in mentions]  # in order: _mentions sorts them
    for match in full_names:
        word = match.group(1)
        if word in OPENING_WORDS or word.rstrip(".") in _TITLE_WORDS:
            continue  # "When Beaudoin", "Mr Beaudoin": no first name
        # As the mention there gives it: "Jane Wambui Njoroge, 47" is Jane.
        # (Found by bisection: a common surname in an archive is written
        # thousands of times, with hundreds of ages.)
        around = mentions[bisect_right(starts, match.start()) - 1] if starts[0] <= match.start() else None
        first = around.first if around and around.first and match.start() < around.end else word
        relative = _RELATIVE_BEFORE_RE.search(prose, max(0, match.start() - 40), match.start()) is not None
        named[first] = named.get(first, True) and relative
        if _HIS_WIFE_RE.match(prose, match.end() + len(mentions[0].surname)):
            husbands.add(first)
    if not named:
        return ""
    if all(mention.woman for mention in _bare(mentions)):
        named = {first: relative for first, relative in named.items() if first not in husbands}
    principals = [first for first, relative in named.items() if not relative]
    if len(principals) == 1:
        return principals[0]
    aged = [first for first in named if any(m.first == first for m in mentions)]
    return aged[0] if not principals and len(aged) == 1 else None


_HIS_WIFE_RE = lazy_compile(r",?\s*(?:\d{1,3},\s*)?(?:and\s+)?his\s+(?:wife|widow|partner)\b")
# "his son", "her sister,", "the daughter of", "their grandmother": a relative
# of the person the story is about.
_RELATIVE_BEFORE_RE = lazy_compile(
    r"(?i)\b(?:(?:his|her|their|whose|[\w-]+['’]s?)\s+(?:[\w-]+\s+)?(?:step-?)?(?:sons?|daughters?|mother|father|wife|husband|brothers?|"
    r"sisters?|partner|widow|widower|uncle|aunt|nephew|niece|cousin|grandson|granddaughter|grandmother|"
    r"grandfather|children|child|parents?)|(?:son|daughter|wife|husband|widow|mother|father|sister|brother)\s+of)"
    r"\s*,?\s+$"
)


def _mentions(prose: str) -> Iterator[Mention]:
    found: list[tuple[int, int, str, int]] = []
    for pattern in (_AGE_AFTER_RE, _AGE_BRACKETED_RE):
        for match in pattern.finditer(prose):
            name_end = match.start() - (pattern is _AGE_BRACKETED_RE)  # the space before a bracket
            if pattern is _AGE_BRACKETED_RE and (
                prose[name_end : match.start()] != " "
                or _LABEL_BEFORE_RE.search(prose, max(0, name_end - 80), name_end)
            ):
                continue  # (a scorers' line counts in brackets: "Conversions: Fourie (3)")
            name = _NAME_BEFORE_RE.search(prose, max(0, name_end - 60), name_end)
            if name is not None:
                found.append((name.start(), match.end(), name.group("name"), int(match.group("age"))))
    if "-year-old" in prose:
        for match in _AGE_BEFORE_RE.finditer(prose):
            found.append((match.start(), match.end(), match.group("name"), int(match.group("age"))))
    for start, end, name, age in sorted(found):
        words = [word for word in name.split() if word.rstrip(".") not in _TITLE_WORDS]
        if not words or words[-1] in _NOT_NAMES or words[0] in _NOT_NAMES or not 0 < age < 120:
            continue
        first = words[0] if len(words) > 1 else None
        woman = name.split()[0].rstrip(".") in _WOMENS_TITLES
        yield Mention(start, end, first, words[-1], age, woman)


_TITLE_WORDS = frozenset(_TITLES.split("|"))
_WOMENS_TITLES = frozenset(("Mrs", "Ms", "Miss"))
_AGE = attrgetter("age")


def _birthdays(prose: str) -> dict[str, set[int]]:
    """The ages the story says someone reached, by the surname (or the one
    name) of whoever reached them; under "" those of someone unnamed ("she
    turned 30"), which may be anyone's."""
    reached: dict[str, set[int]] = defaultdict(set)
    for match in _TURNED_RE.finditer(prose):
        name = _BIRTHDAY_NAME_RE.search(prose, max(0, match.start() - 60), match.start())
        words = [word for word in name.group("name").split() if word.rstrip(".") not in _TITLE_WORDS] if name else []
        reached[words[-1] if words and words[-1] not in OPENING_WORDS else ""].add(int(match.group(1)))
    return reached


def _dated(doc: Document, mention: Mention, introduction: bool) -> bool:
    """Whether the sentence of ``mention`` dates what it tells (its age then).

    A person's introduction gives the age now, as news does, unless a date
    leads the sentence ("In 2019, Tom Hollis, 45, opened a shop"): "Ryan
    Whitcombe, 26, … ran the operation between March 2021 and …" dates the
    crime, not the age."""
    starts = doc.sentence_starts
    index = bisect_right(starts, mention.start)
    start = starts[index - 1] if index else 0
    end = mention.start if introduction else starts[index] if index < len(starts) else len(doc.prose)
    # Not a year in what the person says: "Pickering, 86, said the council
    # tried to close the school in 1992" is 86 now.
    # (But the time of the saying is the age's: "said in 2019 that".)
    speech = next(
        (word for word in _WORD_RE.finditer(doc.prose, mention.end, end) if word.group() in _SPEECH_VERB_SET), None
    )
    if speech is not None:
        when = _SAID_WHEN_RE.match(doc.prose, speech.end(), end)
        end = when.end() if when else speech.start()
    # Not a year in a relative clause about the person: "Mwangi, 41, who was
    # elected in 2022, said" gives today's age.
    sentence = _SINCE_RE.sub("", _RELATIVE_CLAUSE_RE.sub("", doc.prose[start:end]))
    return _DATED_RE.search(sentence) is not None


def _contradictions(doc: Document, mentions: list[Mention]) -> Iterator[Finding]:
    """Each mention whose age differs from the first one's, unless the
    younger of the two is given in a dated sentence (a flashback)."""
    first = mentions[0]
    for mention in mentions[1:]:
        younger = min(first, mention, key=_AGE)
        if mention.age != first.age and not _dated(doc, younger, younger is first and first.first is not None):
            person = f"{first.first} {first.surname}" if first.first else first.surname
            line = doc.position(first.start)[0]
            yield Finding(mention.start, mention.end, {"person": person, "other": str(first.age), "line": str(line)})
