"""abbreviations: an abbreviation spelled out at its first mention.

Every style guide asks that a reader be told what an abbreviation stands for
the first time it appears ("the Confederation of British Industry (CBI)"),
unless it is one every reader knows (BBC, US, EU, Nato, FBI). The list of
familiar ones is lexicon data (``lexicon.FAMILIAR_ABBREVIATIONS``); a house
adds its own with the rule's ``familiar`` option, which extends the list and
never replaces it.

An abbreviation is introduced by its full name before or at its first use:
capitalised words whose initials spell it ("Office for National Statistics"
for ONS; "of", "and", "for" and "the" may stand between), or a bracket that
pairs them ("the IAAF (International Association of Athletics
Federations)", "Islamic State (IS)"). Houses differ on the bracket:
``brackets: true`` (Reuters, the Guardian) writes the short form in brackets
after the full name, ``false`` (the BBC, AP) only uses it afterwards. With
``brackets: true`` an introduction without one is reported where the full
name is; with ``false`` a bracketed one is.

Used only once, an abbreviation needs no introduction (``min_uses``). Read
only in the body, outside direct speech: capitals in a run (a shouted
phrase), Roman numerals, abbreviations with digits and those beside a
capitalised word that makes them part of a name ("RBS Six Nations",
"Transport for NSW") are left alone.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple

from newslint.checks import Check, Finding, Option
from newslint.document import Document
from newslint.lexicon import FAMILIAR_ABBREVIATIONS
from newslint.options import Bool, Choice, Int, Strings
from newslint.patterns import lazy_compile
from newslint.terms import Hit

FAMILIAR = frozenset(FAMILIAR_ABBREVIATIONS)
# Three to six capitals (an ampersand inside: "AT&T"), a possessive or plural
# allowed. Two capitals are left alone: as often initials of a person ("JK"),
# a product ("DS") or a currency ("HK$") as an abbreviation to spell out.
_ABBREVIATION_RE = lazy_compile(
    r"(?P<short>[A-Z](?<![\w&.'’@#/-][A-Z])[A-Z&]{1,4}[A-Z])(?:s|'s|’s)?(?![\w&'’/#$-]|\.\w)",
)
# What the writer calls the thing named, just before it: "security firm RSA",
# "athletics' ruling body the IAAF", "US band REM". A reader told what it is
# needs no full name (the BBC's practice for companies and bodies known by
# their initials).
_DESCRIPTORS = frozenset(
    """
    firm firms group groups company companies maker makers giant giants carmaker bank banks band agency
    network networks fund funds parent insurer retailer airline broadcaster operator operators supplier
    consortium chain brand label station studio channel regulator watchdog party union unions club body
    lobby association federation organisation organization council commission committee institute
    authority charity campaigners campaign developer publisher publishers manufacturer manufacturers
    conglomerate carrier carriers provider providers owner service services agencies partner partners
    rival rivals outfit team teams league tour laboratory subsidiary unit venue newspaper paper magazine
    console consoles handheld handhelds format formats card cards device devices handset handsets player
    players camera cameras chip chips drive drives disc discs software steroid drug affiliate affiliates
    compound compounds pharmacy program programs programme policy law act scheme plan initiative agreement
    treaty deal pact index test report survey
    """.split()
)
# What may follow a product's name and say what it is: "the PSP console", "UMD format".
_CLASS_AFTER = frozenset(
    "console consoles handheld handhelds format formats card cards device devices handset handsets player players "
    "camera cameras chip chips drive drives disc discs software steroid drug "
    # ... and a group's: "the anti-Islamic PEGIDA movement", "the ESG rating".
    "movement movements group groups party campaign coalition alliance network militia organisation "
    "organization rating ratings standard standards".split()
)
# A gloss after the first use: "PG - parental guidance -", "EDS, the computer firm".
_GLOSS_AFTER_RE = lazy_compile(r"\s*(?:,|\s[-–—]|\()\s*(?:the\s+|an?\s+)?(?P<gloss>(?:[\p{L}'’-]+\s+){0,4}[\p{L}'’-]+)")
_DESCRIBED_BEFORE_RE = lazy_compile(r"(?i)\b(?P<noun>[\p{L}-]+)(?:[’']s?)?,?\s+(?:the\s+)?$")
# "its members would be known as MSCPs", "dubbed the ABC": defined in words.
_NAMED_BEFORE_RE = lazy_compile(
    r"(?i)\b(?:known as|called|dubbed|termed|named|renamed|or|aka|abbreviated(?: to)?)\s+(?:the\s+|an?\s+)?$"
)
_ROMAN_RE = lazy_compile(r"[IVXLCDM]+")
_RATING_RE = lazy_compile(r"[ABC]{2,3}")  # a credit rating: AAA, BBB
_FINAL_STOP_RE = lazy_compile(r"""[.!?…]["'”’)\]]*\s*$""")
_CAPITALISED_WORD_RE = lazy_compile(r"\p{Lu}[\p{L}'’-]*")
_NAME_WORD_RE = lazy_compile(r"(?<![\w'’-])[\p{L}][\p{L}'’&-]*")
# Words a full name may carry that give no initial.
_CONNECTIVES = frozenset("of and for the on in de du des la le von van der am at to & a".split())


class Use(NamedTuple):
    start: int
    end: int


class Abbreviations(Check):
    name = "abbreviations"
    summary = "An abbreviation spelled out at its first mention, unless every reader knows it."
    params = ("short",)
    fixable = True
    default_fix = "unsafe"
    options = {
        "problem": Option(
            Choice("not-introduced", "brackets"),
            "not-introduced",
            "`not-introduced`: used before it is spelled out; `brackets`: introduced against the house's bracket rule.",
        ),
        "brackets": Option(
            Bool(),
            False,
            "Whether the house writes the short form in brackets after the full name ('... Industry (CBI)').",
        ),
        "familiar": Option(
            Strings("abbreviations"),
            [],
            "Abbreviations the house treats as known, beside the lexicon's list (they extend it, never replace it).",
        ),
        "min_uses": Option(Int(minimum=1), 2, "Uses an abbreviation needs before it must be introduced."),
    }

    def __init__(self, options: Mapping[str, Any]) -> None:
        super().__init__(options)
        self.familiar = frozenset(FAMILIAR_ABBREVIATIONS) | frozenset(options["familiar"])

    def run(self, doc: Document, hits: list[Hit]) -> Iterable[Finding]:
        uses = self._uses(doc)
        for short, found in uses.items():
            if len(found) < self.opts["min_uses"]:
                continue
            first = found[0]
            introduction = _introduction(doc, short, first.start)
            if self.opts["problem"] == "not-introduced":
                if introduction is None:
                    yield Finding(first.start, first.end, {"short": short})
            elif introduction is not None:
                yield from self._bracket_finding(doc, short, introduction)

    def _uses(self, doc: Document) -> dict[str, list[Use]]:
        """Every abbreviation in the body that is not familiar, with its uses."""
        candidates = _candidates(doc)
        return {short: found for short, found in candidates.items() if short not in self.familiar}

    def _bracket_finding(self, doc: Document, short: str, introduction: Introduction) -> Iterable[Finding]:
        if self.opts["brackets"] and introduction.bracket is None and introduction.name is not None:
            start, end = introduction.name
            replacement = f"{doc.text[start:end]} ({short})"
            yield Finding(start, end, {"short": short}, replacement)
        elif not self.opts["brackets"] and introduction.bracket is not None:
            start, end = introduction.bracket
            yield Finding(start, end, {"short": short})


_CACHE_KEY = "_abbreviation_candidates"


def _candidates(doc: Document) -> dict[str, list[Use]]:
    """Every abbreviation in the body's running text, outside direct speech,
    with its uses, whatever the familiar list. Kept on the document: both
    abbreviation rules of a pack read it."""
    cached: dict[str, list[Use]] | None = vars(doc).get(_CACHE_KEY)
    if cached is not None:
        return cached
    prose = doc.prose
    uses: dict[str, list[Use]] = {}
    rejected: set[str] = set()
    for block in doc.body:
        if _FINAL_STOP_RE.search(prose, block.start, block.end) is None or _short(prose, block.start, block.end):
            continue  # a subhead, a caption, a list item: not running text
        for match in _ABBREVIATION_RE.finditer(prose, block.start, block.end):
            short = match.group("short")
            if short in rejected or short in FAMILIAR or _ROMAN_RE.fullmatch(short) or _RATING_RE.fullmatch(short):
                continue
            if _in_capitals_run(prose, match.start(), match.end(), block.start, block.end):
                continue
            if (
                prose.startswith(":", match.end())
                or prose[max(block.start, match.start() - 2) : match.start()].strip()[-1:].isdigit()
            ):
                continue  # a speaker's label in a transcript ("KARL:"), a code ("16 USC")
            if short not in uses and (doc.has_word(short.lower()) or _english_word(short)):
                # The article also writes it in lower case ("wave"), or it is a word.
                rejected.add(short)
                continue  # a word in capitals ("SECRET", "WAVE"), not an abbreviation
            if doc.in_quote(match.start()):
                continue
            uses.setdefault(short, []).append(Use(match.start("short"), match.end("short")))
    found = {short: places for short, places in uses.items() if not _part_of_name(prose, places)}
    vars(doc)[_CACHE_KEY] = found
    return found


def _short(prose: str, start: int, end: int) -> bool:
    """A paragraph of six words or fewer: a subhead ("What will CBO say?")."""
    return len(prose[start:end].split()) <= 6


def _english_word(short: str) -> bool:
    """A word of five letters or more the word list knows in lower case
    ("SECRET", "URGENT"): shorter ones are as often initials ("CARE")."""
    from newslint.dictionary import everyday_word

    return len(short) >= 5 and short.isalpha() and everyday_word(short)


def _in_capitals_run(prose: str, start: int, end: int, floor: int, ceiling: int) -> bool:
    """Beside another word in capitals: a shouted phrase or a heading, not an abbreviation."""
    before = prose[max(floor, start - 12) : start].split()
    after = prose[end : min(ceiling, end + 12)].split()
    neighbours = [before[-1] if before else "", after[0] if after else ""]
    return any(len(word) > 1 and word.strip(".,:;!?\"'“”‘’()").isupper() for word in neighbours if word)


def _part_of_name(prose: str, found: list[Use]) -> bool:
    """The first use stands in a name, which explains it: a capitalised word
    follows ("WMC Resources", "RBS Six Nations") or precedes it mid-sentence
    ("Sony PSP", "Windows XP", "Channel Islands AC")."""
    first = found[0]
    following = prose[first.end : first.end + 30].lstrip(" ")
    if following[:1].isupper() and not following.startswith(("I ", "A ")) or following[:1].isdigit():
        return True
    before = prose[max(0, first.start - 40) : first.start]
    words = before.split()
    if not words or not before.endswith((" ", "\t")):
        return False
    previous = words[-1].lstrip('("“‘')
    # The last word of a name, even one that opens a sentence: "Transport
    # for NSW", "Bank of NSW".
    joined = previous in _NAME_JOINERS and len(words) > 1
    if joined:
        previous = words[-2].lstrip('("“‘')
    if not previous[:1].isupper() or previous in ("The", "A", "An"):
        return False
    if joined:
        return True
    if previous.endswith(("'s", "’s")):
        return True  # "Sony's PSP"
    ahead = before[: len(before.rstrip()) - len(previous)].rstrip()
    return bool(ahead) and ahead[-1] not in ".!?:\n"


# Small words inside a name before its last word.
_NAME_JOINERS = frozenset(("for", "of", "&"))  # not "and": "GPRS and MMS" is a list


class Introduction(NamedTuple):
    """How an article introduces an abbreviation. ``name`` spans the full name
    where the initials spelled it out (None for a description or a gloss:
    "security firm RSA"); ``bracket`` spans the bracket that pairs the full
    name and the short form ("(CBI)"), if there is one."""

    name: tuple[int, int] | None
    bracket: tuple[int, int] | None


def _introduction(doc: Document, short: str, first: int) -> Introduction | None:
    """How the article introduces ``short`` by its first use (or in the
    sentence of it), or None if it never does."""
    prose = doc.prose
    block = doc.block_at(first)
    limit = block.end if block is not None else len(prose)
    floor = block.start if block is not None else 0
    end = first + len(short)
    bracket_end = prose.find(")", end, limit)
    if first >= 2 and prose[first - 1] == "(" and prose[first - 2] in " \t" and bracket_end != -1:
        # "research and development (R&D)", "EverQuest (EQ)": the first use in
        # brackets after its full name, whether or not the initials match.
        name_start = _words_before_spell(prose, max(floor, first - 120), first - 2, short)
        name = (name_start, len(prose[: first - 1].rstrip())) if name_start is not None else None
        return Introduction(name, (first - 1, bracket_end + 1))
    if _described(prose, short, first, floor, limit):
        return Introduction(None, None)
    if prose.startswith(" (", end) and bracket_end != -1:
        # "the IAAF (International Association of ...)": a bracket after the first use.
        opening = end + 2
        spelled = _full_name_in(prose[opening:bracket_end], short)
        if spelled is not None:
            return Introduction((opening + spelled[0], opening + spelled[1]), (end + 1, bracket_end + 1))
    # Explained in the rest of its paragraph, or the next ("Those initials stand for ...").
    following = next((block.end for block in doc.blocks if block.start > limit), limit)
    if _explained_after(prose, short, end, following) or _department(prose, short, limit):
        return Introduction(None, None)
    name = _full_names(doc).first(short, limit)
    if name is not None:
        return Introduction(name, _bracket_after(prose, name[1], short))
    return None


class _FullNames:
    """Which body paragraphs may hold a full name, by the first two letters
    of what it could spell.

    The first run of words in the body that spells an abbreviation was
    looked for in every paragraph before its first use, for each
    abbreviation: on a long text, hundreds of abbreviations times thousands
    of paragraphs (25 s for the BBC corpus as one file). A full name starts
    with a capitalised word whose first letter is the abbreviation's; its
    second letter is one the word gives (a capital inside it, "PlayStation";
    its initials, "Anti-Social", "UK") or the first letter of the next word
    that is no lower-case connective. So each paragraph is filed, once,
    under every such pair its words make, and only the paragraphs filed
    under an abbreviation's first two letters are searched, in order, as
    before."""

    def __init__(self, doc: Document) -> None:
        self.prose = doc.prose
        self.body = doc.body
        self.filed: dict[str, list[int]] = defaultdict(list)  # pair -> body paragraph indexes, in order
        self.indexed = 0  # paragraphs filed so far

    def first(self, short: str, limit: int) -> tuple[int, int] | None:
        """The span of the first run of words in a body paragraph before
        ``limit`` whose initials spell ``short``, or None."""
        body = self.body
        while self.indexed < len(body) and body[self.indexed].start < limit:
            self._file(self.indexed)
            self.indexed += 1
        for index in self.filed.get(short.replace("&", "")[:2], ()):
            block = body[index]
            if block.start >= limit:
                break
            found = _full_name_in(self.prose[block.start : block.end], short)
            if found is not None:
                return block.start + found[0], block.start + found[1]
        return None

    def _file(self, index: int) -> None:
        block = self.body[index]
        words = _NAME_WORD_RE.findall(self.prose[block.start : block.end])
        pairs: set[str] = set()
        for position, word in enumerate(words):
            first = word[0]
            if not first.isupper():
                continue
            if word[1:].islower() or len(word) == 1:
                seconds = set()  # no capital after the first: it gives one letter (most words)
            else:
                camel = first + "".join(char for char in word[1:] if char.isupper())
                seconds = {camel[1:2], _initials(word)[1:2]}
            for following in words[position + 1 :]:
                if following.lower() in _CONNECTIVES and following[0].islower():
                    continue
                if following[0].isupper():
                    seconds.update((following[0], following[0].upper()))
                break
            pairs.update(first + second for second in seconds if second)
        for pair in pairs:
            self.filed[pair].append(index)


def _full_names(doc: Document) -> _FullNames:
    """The document's _FullNames, made on first use and kept: both
    abbreviation rules of a pack ask it."""
    names: _FullNames | None = vars(doc).get(_NAMES_KEY)
    if names is None:
        names = vars(doc)[_NAMES_KEY] = _FullNames(doc)
    return names


_NAMES_KEY = "_abbreviation_full_names"


def _explained_after(prose: str, short: str, end: int, limit: int) -> bool:
    """The writer says what it is straight after: "THC and CBD are chemical
    compounds found in marijuana", or in the next sentence, "… vaped THC
    products. THC is the psychoactive ingredient in cannabis"."""
    defined = _DEFINED_RE.match(prose, end, limit)
    if defined is not None and any(word.lower() in _DESCRIPTORS for word in defined.group("words").split()):
        return True
    # (or "Those initials stand for …", "The acronym means …")
    subject = rf"(?:{re.escape(short)}s?|(?:The|Those|These|Its) (?:initials|letters|acronym|abbreviation))"
    return re.search(rf"[.!?]\s+{subject} (?:is|are|stands? for|means?)\b", prose[end:limit]) is not None


_DEFINED_RE = lazy_compile(
    r"(?:\s+and\s+\p{Lu}{2,6})?\s+(?:is|are)\s+(?:(?:a|an|the)\s+)?(?P<words>(?:[\p{L}-]+\s+){0,3}[\p{L}-]+)"
)


def _department(prose: str, short: str, limit: int) -> bool:
    """DOJ, DOD, DOE, DOL: a "Department of X" the article has called the "X
    Department" (the "Justice Department") by the first use."""
    if len(short) != 3 or not short.startswith("DO"):
        return False
    return re.search(rf"\b{short[2]}\w+ Department\b", prose[:limit]) is not None


def _bracket_after(prose: str, end: int, short: str) -> tuple[int, int] | None:
    """The span of "(CBI)" just after a full name, if it is there."""
    gap = len(prose[end : end + 3]) - len(prose[end : end + 3].lstrip(" "))
    if prose.startswith(f"({short}", end + gap):
        close = prose.find(")", end + gap)
        if close != -1:
            return end + gap, close + 1
    return None


def _described(prose: str, short: str, first: int, floor: int, limit: int) -> bool:
    """Whether the writer says what ``short`` is instead of spelling it out:
    "known as MSCPs", "security firm RSA", "the PSP console", "HD for short",
    "EDS, the computer firm", "PG - parental guidance -"."""
    if _NAMED_BEFORE_RE.search(prose, max(floor, first - 20), first):
        return True
    described = _DESCRIBED_BEFORE_RE.search(prose, max(floor, first - 40), first)
    if described is not None and described.group("noun").lower() in _DESCRIPTORS:
        return True
    end = first + len(short)
    if prose.startswith(" for short", end):
        return True
    following = prose[end : end + 30].split()
    if following and following[0].lower().strip(".,;:!?") in _CLASS_AFTER:
        return True
    gloss = _GLOSS_AFTER_RE.match(prose, end + (1 if prose[end : end + 1] == "s" else 0), limit)
    if gloss is None:
        return False
    words = gloss.group("gloss").split()
    return any(word.lower() in _DESCRIPTORS for word in words) or (
        _spell_from(list(_NAME_WORD_RE.finditer(gloss.group("gloss"))), 0, short, any_case=True) is not None
    )


def _full_name_in(text: str, short: str) -> tuple[int, int] | None:
    """The first run of words in ``text`` whose initials spell ``short``."""
    words = list(_NAME_WORD_RE.finditer(text))
    for index, word in enumerate(words):
        if word.group()[0] != short[0] or not word.group()[0].isupper():
            continue
        end = _spell_from(words, index, short)
        if end is not None:
            return word.start(), end
    return None


def _spell_from(words: list[Any], index: int, short: str, any_case: bool = False) -> int | None:
    """Where a full name starting at ``words[index]`` that spells ``short``
    ends: capitalised words (any words, with ``any_case``) whose initials
    are its letters; an all-capitals word gives all its letters ("UK
    Independence Party"), but never the whole abbreviation."""
    letters = short.replace("&", "")
    position = 0
    end = None
    for word in words[index:]:
        text = word.group()
        if position == len(letters):
            break
        if text.lower() in _CONNECTIVES and (text[0].islower() or any_case) and position:
            continue
        if not (text[0].isupper() or any_case) or text.startswith(short):
            return None  # not capitalised, or the abbreviation itself ("SMEs")
        given = _initials(text) if not any_case else _initials(text[0].upper() + text[1:])
        camel = text[0] + "".join(char for char in text[1:] if char.isupper()) if not text.isupper() else ""
        if len(camel) > max(1, len(given)) and letters[position:].startswith(camel):
            position += len(camel)  # "PlayStation Portable": PSP
        elif given and len(given) < len(letters) and letters[position:].startswith(given):
            position += len(given)
        elif letters[position] == text[0].upper():
            position += 1
        else:
            return None
        end = word.end()
    return end if position == len(letters) else None


def _initials(word: str) -> str:
    """The letters a word gives an abbreviation: "Anti-Social" gives AS, "UK" UK."""
    if word.isupper() and len(word) > 1:
        return word.replace("&", "")
    return "".join(
        part[0] for part in word.replace("’", "-").replace("'", "-").split("-") if part and part[0].isupper()
    )


def _words_before_spell(prose: str, start: int, end: int, short: str) -> int | None:
    """Where the words just before ``end`` that spell ``short`` begin, in
    any case ("personal video recorders (PVRs)"), or None."""
    words = list(_NAME_WORD_RE.finditer(prose, start, end))
    for index in range(len(words) - 1, -1, -1):
        if _spell_from(words, index, short, any_case=True) == words[-1].end():
            return int(words[index].start())
    return None
