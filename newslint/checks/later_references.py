"""later-references: a person named again, as the house does it.

A person is introduced by full name ("Tony Blair"); later references follow
the house's rule, the ``style`` option:

- ``surname``: the surname alone ("Blair"), as AP and the Guardian write.
  A courtesy title (Mr, Mrs, Ms, Miss) on a later reference is reported and
  the fix removes it.
- ``honorific``: the title and surname ("Mr Blair"), as the BBC and The
  Economist write, keeping military, clerical and academic titles ("Gen
  Jackson", "Dr Williams"). A bare surname is reported for a person the
  article calls "Mr Blair" before it, no more than a paragraph after the
  last such title (readers' comments below a story are not its copy), and
  the fix adds that title.
  Whom to give a title is the house's call (the BBC's sport pages use bare
  surnames), so a person the article never titles is left alone, and so is
  one whose title the article gives two ways.

Either way, a page of readers' comments or a first-person piece (a third of
its paragraphs say "I" outside quotes) is left alone, and two people who share a surname ("Bill Clinton", "Hillary
Clinton"; "Mr and Mrs Smith") are left alone: AP keeps courtesy titles to
tell them apart. Only references after the full name count, outside direct
speech; "the Blair government" and "Blair-Brown" are not references to the
person.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator

from newslint.checks import Check, Finding, Option
from newslint.document import Block, Document
from newslint.lexicon import COURTESY_TITLES, HONORIFICS, RANKED_TITLES, alternation
from newslint.options import Choice
from newslint.patterns import lazy_compile, trie
from newslint.terms import Hit
from newslint.text.words import whole_word_offsets

_TITLES = tuple(dict.fromkeys((*COURTESY_TITLES, *HONORIFICS, *RANKED_TITLES)))
# Titles written before a surname alone; Sir and Dame go with the first name.
_SURNAME_TITLES = tuple(title for title in _TITLES if title not in ("Sir", "Dame"))
# Capital and small letters of the Latin alphabets (the stdlib engine has no
# \p{Lu}, and this pattern runs over every article: the stdlib is faster).
_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ"
_SURNAME = rf"[{_UPPER}][^\W\d_{_UPPER}]+(?:-[{_UPPER}][^\W\d_{_UPPER}]+)?"
# "Mr Blair", "Mr. Blair", "Gen Jackson".
# The character before the title is matched, not looked behind at: the stdlib
# engine then scans for the titles' first letters (a trie) instead of trying a
# lookbehind at every position. Spans are taken from the groups.
# The titles as a trie, first: the stdlib engine skips to their first letters.
# That no letter stands before the title is checked after (_titled).
_TITLED_RE = lazy_compile(rf"(?P<title>{trie(_SURNAME_TITLES)})\.?\s+(?P<surname>{_SURNAME})(?![\w-])")
_NAME_WORD_RE = lazy_compile(rf"[{_UPPER}][^\W\d_{_UPPER}]+")
_INITIAL_RE = lazy_compile(rf"[{_UPPER}]\.")


def _first_name_before(prose: str, start: int, floor: int) -> tuple[str, int] | None:
    """The first name just before a surname ("Tony Blair", "George W. Bush"),
    and where it starts; None if the word there is no capitalised name."""
    window = prose[max(floor, start - 40) : start]
    if not window[-1:].isspace():
        return None
    words = window.split()
    if words and _INITIAL_RE.fullmatch(words[-1]):
        words.pop()  # a middle initial
    first = words[-1].lstrip("([{\"“‘'") if words else ""
    if not _NAME_WORD_RE.fullmatch(first):
        return None
    offset = max(floor, start - 40) + window.rfind(first)
    if offset > 0 and (prose[offset - 1].isalnum() or prose[offset - 1] in ".'’-"):
        return None
    return first, offset


# Capitalised words that come before a surname but are no first name.
_NOT_FIRST_NAMES = frozenset(
    {*_TITLES, "The", "A", "An", "Minister", "Secretary", "Leader", "Chairman", "Chief", "Coach", "Manager",
     "Officer", "Director", "Spokesman", "Spokeswoman", "Speaker", "General", "Admiral", "Commissioner",
     "Prosecutor", "Attorney", "Ambassador", "Representative", "Deputy", "Vice", "Premier", "Sheriff",
     "Detective", "Inspector", "Constable", "Superintendent", "Sergeant", "Lieutenant", "Colonel", "Major",
     "Captain", "Professor", "Doctor", "Pastor", "Reverend", "Saint", "Mrs", "Mr", "Ms", "President",
     "Senator", "Governor", "Chancellor", "Mayor", "King", "Queen", "Prince", "Princess", "Pope", "Judge",
     "Justice", "Father", "Sister", "Brother", "Congressman", "Congresswoman", "Dame", "Sir"}
)  # fmt: skip
# Titles that introduce a person on their own ("President Obama", "Chancellor Merkel").
_INTRODUCING_TITLES = frozenset(
    "President Senator Governor Chancellor Mayor King Queen Prince Princess Pope Judge Justice Congressman "
    "Congresswoman Secretary Minister Premier General Admiral Ambassador Representative".split()
)
# Capitalised words that open a sentence before a surname: no first names.
_SENTENCE_OPENERS = frozenset(
    """Later Earlier Yesterday Today Tomorrow Now Then But And So Meanwhile However When After Before While If
    As In On At For With From By Last Next Since Until Although Though Once Still Also Instead Indeed Only
    Even Asked Speaking Writing Like Unlike Under Despite Because""".split()
)
_SENTENCE_BREAK_RE = lazy_compile(r"""(?:[.!?:;]["'”’)]*\s+|^\s*|\n\s*)$""")


class LaterReferences(Check):
    name = "later-references"
    summary = "A person named again as the house does it: by surname, or by title and surname."
    fixable = True
    default_fix = "unsafe"
    params = ("replacement", "name")
    options = {
        "style": Option(
            Choice("surname", "honorific"),
            "surname",
            "`surname` ('Blair': AP, Guardian) or `honorific` ('Mr Blair': BBC, The Economist).",
        ),
    }

    def run(self, doc: Document, hits: list[Hit]) -> Iterable[Finding]:
        prose = doc.prose
        if not any(True for _ in _titled(prose, 0, len(prose))):
            return  # both styles need an article that titles someone
        if _first_person_page(doc):
            return  # readers' comments, a diary: not news copy the house edits
        people = _People(doc)
        if self.opts["style"] == "surname":
            yield from self._titled(doc, people)
        else:
            yield from self._bare(doc, people)

    def _titled(self, doc: Document, people: _People) -> Iterable[Finding]:
        """ "Mr Blair" after "Tony Blair", for houses that drop the title."""
        for match in people.titled:
            title, surname = match.group("title"), match.group("surname")
            start = match.start()
            if title not in COURTESY_TITLES or not people.introduced_before(surname, start):
                continue
            if people.shared(surname) or doc.in_quote(start):
                continue
            params = {"replacement": surname, "name": people.full_name(surname)}
            yield Finding(start, match.end(), params, surname)

    def _bare(self, doc: Document, people: _People) -> Iterable[Finding]:
        """ "Blair" after "Tony Blair", for a person the article calls "Mr Blair"."""
        prose = doc.prose
        wanted = [
            surname
            for surname, titles in people.titles.items()
            if len(titles) == 1 and not people.shared(surname) and surname in people.first_names
        ]
        # Every surname's candidates in one pass (a pass per surname made a
        # long text quadratic: 150 s for the BBC corpus as one file).
        offsets = whole_word_offsets(prose, wanted, _NOT_BEFORE_SURNAME)
        body_starts = [block.start for block in doc.body]
        for surname, titles in people.titles.items():
            if len(titles) != 1 or people.shared(surname) or surname not in people.first_names:
                continue
            title = next(iter(titles))
            bare = [
                match
                for match in _surname_alone(doc, surname, offsets[surname])
                if people.introduced_before(surname, match.start())
                and not doc.in_quote(match.start())
                and _bare_reference(prose, match.start(), _block_start(doc, match.start()), people)
            ]
            titled = people.titled_at[surname]
            # Only within the stretch the article titles the person: from the
            # first titled reference to the paragraph after the last one.
            # Readers' comments after the story, or a title only there, say
            # nothing about the story's style.
            last = doc.block_at(titled[-1])
            ceiling = _paragraph_after(body_starts, doc.body, last.end) if last is not None else titled[-1]
            for match in bare:
                if not titled[0] < match.start() < ceiling:
                    continue
                replacement = f"{title} {surname}"
                params = {"replacement": replacement, "name": people.full_name(surname)}
                yield Finding(match.start(), match.end(), params, replacement)


def _titled(prose: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """ "Mr Blair", "Dr. Williams": a title (not inside a longer word) and a surname."""
    for match in _TITLED_RE.finditer(prose, start, end):
        if match.start() == 0 or not (prose[match.start() - 1].isalnum() or prose[match.start() - 1] in "_'’"):
            yield match


@functools.lru_cache(maxsize=4096)
def _surname_pattern(surname: str) -> re.Pattern[str]:
    """The surname alone, not inside a longer word or before a capitalised one
    ("Brown's Britain"). Cached: the same surnames come up article after
    article. The name comes first, so the engine skips to it."""
    name = re.escape(surname)
    return re.compile(rf"{name}(?<![\w'’./-]{name})(?![\w/-]|['’]?s?\s+[A-Z][a-z])")


# What may not stand before a surname: "O'Blair", "www.blair" (besides a
# letter, a digit, "_" and "-"). _surname_pattern also turns away "/".
_NOT_BEFORE_SURNAME = ("'", "’", ".")


def _surname_alone(doc: Document, surname: str, candidates: list[int]) -> Iterator[re.Match[str]]:
    """_surname_pattern's matches in body paragraphs, from the places where
    the surname stands as a whole word (a superset)."""
    pattern = _surname_pattern(surname)
    for start in candidates:
        block = doc.block_at(start)
        if block is not None and block.kind == "body" and start + len(surname) <= block.end:
            # Matched within the paragraph, as a search of it would: what
            # follows the surname is looked at up to the paragraph's end.
            match = pattern.match(doc.prose, start, block.end)
            if match is not None:
                yield match


def _block_start(doc: Document, offset: int) -> int:
    block = doc.block_at(offset)
    assert block is not None
    return block.start


# The letter first, then the lookbehind: the engine skips to each capital I.
_FIRST_PERSON_RE = lazy_compile(r"I(?<![\w'’]I)(?![\w'’])")


def _first_person_page(doc: Document) -> bool:
    """A page of readers' comments or a first-person piece: a third or more of
    its body paragraphs (four at least) say "I" outside quotation marks."""
    body = doc.body
    first_person = 0
    for block in body:
        for match in _FIRST_PERSON_RE.finditer(doc.prose, block.start, block.end):
            if not doc.in_quote(match.start()):
                first_person += 1
                break
    return first_person >= 4 and first_person * 3 >= len(body)


_FINAL_STOP_RE = lazy_compile(r"""[.!?…]["'”’)\]]*\s*$""")


def _paragraph_after(body_starts: list[int], body: list[Block], end: int) -> int:
    """Where the paragraph after the one ending at ``end`` ends (``body``
    are the body paragraphs, ``body_starts`` where each starts)."""
    index = bisect.bisect_left(body_starts, end)
    return body[index].end if index < len(body) else end


def _running_text(prose: str, start: int, end: int) -> bool:
    """A paragraph of sentences, not a subhead or a list of related links
    ("FBI in Internal Feud Over Clinton Probe"), whose capitals are no names."""
    return _FINAL_STOP_RE.search(prose, start, end) is not None and len(prose[start:end].split()) > 6


def _common_word(doc: Document, word: str) -> bool:
    """A capitalised word the article also writes in lower case ("Over",
    "Latest", "Can" in a title-case line): no first name."""
    return doc.has_word(word.lower())


def _bare_reference(prose: str, start: int, floor: int, people: _People) -> bool:
    """A surname standing alone: not after a title ("Mr Blair"), a first name
    ("Tony Blair") or another capitalised word mid-sentence ("Labour
    Blair"), nor after a determiner ("the Blair government", "a key Blair
    lieutenant"); first in its sentence, or after a sentence's first word
    ("Later Blair added"), it is."""
    before = prose[max(floor, start - 40) : start]
    if _TITLE_BEFORE_RE.search(before) or _DETERMINER_BEFORE_RE.search(before):
        return False
    if _SENTENCE_BREAK_RE.search(before):
        return True
    previous = _CAPITALISED_BEFORE_RE.search(before)
    if previous is None:
        return True
    word = previous.group("word")
    starts_sentence = _SENTENCE_BREAK_RE.search(before[: previous.start("word")]) is not None
    return starts_sentence and word not in people.all_first_names and word not in _NOT_FIRST_NAMES


_TITLE_BEFORE_RE = lazy_compile(rf"\b(?:{alternation(_TITLES)})\.?\s+$")
_DETERMINER_BEFORE_RE = lazy_compile(
    r"\b(?:the|a|an|this|that|his|her|their|its|our|every|another)\s+(?:\p{Ll}[\p{L}-]*\s+)?$"
)
_CAPITALISED_BEFORE_RE = lazy_compile(r"(?P<word>\p{Lu}[\p{L}'’.-]*)\s+$")


class _People:
    """The people of one article an editor might title: titled references,
    and for each titled surname its full names and first names."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        prose = doc.prose
        blocks = [block for block in doc.blocks if block.kind != "headline"]
        self.titled = [match for block in blocks for match in _titled(prose, block.start, block.end)]
        self.titles: dict[str, set[str]] = defaultdict(set)
        self.titled_at: dict[str, list[int]] = defaultdict(list)
        for match in self.titled:
            if not doc.in_quote(match.start()):
                self.titles[match.group("surname")].add(match.group("title"))
                self.titled_at[match.group("surname")].append(match.start())
        self.first_names: dict[str, set[str]] = defaultdict(set)
        self.first_mention: dict[str, int] = {}
        self.names: dict[str, str] = {}
        # Only a titled surname matters to either style: look for its full
        # names alone, not for every name in the article.
        running = {block.start for block in blocks if _running_text(prose, block.start, block.end)}
        surnames = {match.group("surname") for match in self.titled}
        # Every surname found in one pass, not a pass each (see _bare).
        for surname, offsets in whole_word_offsets(prose, surnames, _NOT_BEFORE_SURNAME).items():
            for start in offsets:
                block = doc.block_at(start)
                if block is not None and block.start in running and start + len(surname) <= block.end:
                    self._full_name_before(prose, surname, start, block.start)
        self.all_first_names = frozenset(name for names in self.first_names.values() for name in names)

    def _full_name_before(self, prose: str, surname: str, start: int, floor: int) -> None:
        """Record "Tony Blair" or "President Obama" ending at ``surname``."""
        before = _first_name_before(prose, start, floor)
        if before is None:
            return
        first, first_start = before
        if first in _SENTENCE_OPENERS:
            return
        if first in _NOT_FIRST_NAMES:
            if first not in _INTRODUCING_TITLES:
                return
        elif _common_word(self.doc, first):
            return
        else:
            self.first_names[surname].add(first)
        if surname not in self.first_mention or first_start < self.first_mention[surname]:
            self.first_mention[surname] = first_start
            self.names[surname] = prose[first_start : start + len(surname)]

    def introduced_before(self, surname: str, offset: int) -> bool:
        return surname in self.first_mention and self.first_mention[surname] < offset

    def shared(self, surname: str) -> bool:
        """Two people of one surname: two first names, or two courtesy titles
        ("Mr and Mrs Smith")."""
        courtesy = {title for title in self.titles.get(surname, ()) if title in COURTESY_TITLES}
        return len(self.first_names.get(surname, ())) > 1 or len(courtesy) > 1

    def full_name(self, surname: str) -> str:
        return self.names.get(surname, surname)
