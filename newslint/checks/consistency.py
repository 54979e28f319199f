"""consistency: one article, one form of each term.

Sources of forms, any of which a rule may use:

- ``terms``: groups of literal forms (``[Nato, NATO]``, ``[Avenue, Ave.]``);
- ``patterns``: named patterns, one style per group (date styles:
  ``month-day``, ``day-month``, ``ordinal``; ``month-year`` against
  ``month-comma-year`` in a group of their own);
- ``acronyms: true``: an acronym written both in capitals and as a word
  (NATO and Nato, IBM and Ibm) in one article, with no list;
- ``compounds: true``: a hyphenated compound whose parts change case
  (Anglo-French and Anglo-french);
- ``honorifics: true``: a courtesy title dropped or added on later
  references ("Mr. Hollis" five times, then "Hollis said").

The first form used wins unless ``preferred`` names the house form. A later
variant that introduces or explains the first ("Islamic State (IS)") is fine.

What is not an inconsistency, whatever the source: a convention that depends
on position (headlines and subheads write "US" where the body writes "U.S.",
so each is compared only with its own kind; a headline or crosshead in
capitals, a dateline's "MOSCOW —"); a numbered address beside a street
named in full ("1600 Pennsylvania Ave." and "Pennsylvania Avenue", AP
style); text reproduced as written (a tweet's "NAFTA", a statement's
"June 1": ``Document.verbatim``); a currency (US$); a form inside a longer
name ("T-Mobile US", "Climate Assembly UK"); an honorific beside a brand in
capitals ("Mrs Bello", "MRS and Conoil stations"); @handles and #hashtags.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import cached_property
from typing import Any, NamedTuple, TypeVar

from newslint.checks import Check, Finding, OptionError
from newslint.checks._patterns import RulePattern
from newslint.checks.existence import CASE_SENSITIVE
from newslint.dictionary import everyday_word, proper_name
from newslint.document import Document, lower
from newslint.lexicon import HONORIFICS, SPEECH_VERBS
from newslint.options import Bool, Groups, Option, Patterns, Strings
from newslint.patterns import lazy_compile
from newslint.terms import Hit, Term
from newslint.text.layout import time_stamp, title_case
from newslint.text.words import whole_word_offsets

# "Islamic State (IS)", "Islamic State, also known as Daesh": an introduction.
_INTRODUCTION_RE = lazy_compile(
    r"\s*(?:\(|,?\s+(?:or|also known as|known as|also known by the acronyms?|aka|formerly|now)\s+)\s*$"
)
_NAME_FOR_RE = lazy_compile(
    r"\s+(?:is|was|being)\s+(?:another|the\s+\w+|an?\s+\w+)?\s*(?:name|term|acronym|abbreviation)\s+(?:for|of)\b"
)
_OR_BEFORE_RE = lazy_compile(r"(?:\(|,\s*or\s+(?:the\s+)?|also called\s+)$")
# The same, anywhere in the sentence before: "also known by the acronyms ISIL and ISIS".
_NAMED_AS_RE = lazy_compile(r"(?:known|referred to)\s+(?:by\s+the\s+acronyms?\s+|as\s+)?[\w\s,]{0,30}$")
_ACRONYM_RE = lazy_compile(r"(?<![\w'’.@#$-])(?:\p{Lu}{3,6}|\p{Lu}\p{Ll}{2,5})(?![\w'’$-]|\.\p{L}|\.\.)")
_CAPITALS_RE = lazy_compile(r"(?<![\w'’.-])\p{Lu}{3,6}(?![\w'’-]|\.\p{L})")
_CAPS_NEIGHBOUR_RE = lazy_compile(r"\p{Lu}{2,}")
# Title-case forms that are also everyday words ("Who", "Aids") mean nothing,
# and the same words in capitals are emphasis ("shown LIVE" beside "Five Live").
_COMMON_WORDS = frozenset(
    """aids bat cap con dan fed gap guy ice lab led mac man met mid nice owl pac pet pin
    pop sad sat sub sun tab tip top war who win cash fund gold mark bill rose jean
    live help free new news now not all one big star love best god end sky real red
    open time life world film show game hit hot rock soul sale vote stop yes""".split()
)
_HONORIFICS = frozenset(title.lower() for title in HONORIFICS)
# A title-case word just after a title is a personal name ("Mr Raf Smith").
_AFTER_TITLE_RE = lazy_compile(r"\b(?:Mr|Mrs|Ms|Dr|Sir|Lord|Lady|Dame|Prof)\.?\s+$")
# A house number and the street's name before a street word: "1600
# Pennsylvania Ave.", "10 Downing Street". AP abbreviates only there.
_HOUSE_NUMBER_RE = lazy_compile(r"\b\d{1,5}[A-Za-z]?\s+(?:[NSEW]\.?\s+)?(?:\p{Lu}[\p{L}'’.-]*\s+){1,4}$")
_STREET_WORDS = frozenset(
    "Avenue Ave. Ave Boulevard Blvd. Blvd Street St. Road Rd. Drive Dr. Lane Ln. Place Pl. Parkway Pkwy.".split()
)
# What after "US" makes it part of an organisation's name.
_ORGANISATION_AFTER_RE = lazy_compile(
    r"[ \t]+\p{Lu}{2,}\b|(?:-\p{Lu}\p{Ll}+)?(?:[ \t]+\p{Lu}[\p{L}&.]*){0,3}?[ \t]+"
    r"(?:Council|Association|Institute|Center|Centre|Foundation|Society|Forum|Alliance|Inc\.?|Corp\.?|Ltd|LLC)\b"
)
_CAPITALISED_NEXT_RE = lazy_compile(r"[ \t]+\p{Lu}")  # "said Wang Yan": the name goes on
_CAPITALISED_AFTER_RE = lazy_compile(r"\S+[ \t]+\p{Lu}\p{Ll}")
_IN_ANGLE_BRACKETS_RE = lazy_compile(r"<[^<>\n]*$")
_LEFT_PART_RE = lazy_compile(r"(?<![\w'’@#.-])[^\W\d_]+(?:-[^\W\d_]+)*$")
_RIGHT_PART_RE = lazy_compile(r"[^\W\d_]+(?:-[^\W\d_]+)*(?![\w-])")
# Two forms of a compound that differ in case past their first letter: one
# has a capital after a hyphen ("Anglo-French") or two capitals ("CAN-Spam").
# Most articles have neither, and are done with in one quick scan.
_CAPITAL_AFTER_HYPHEN_RE = lazy_compile(r"-\p{Lu}")
_SENTENCE_OPENERS = frozenset(".!?:;\"'“‘(—–")


class Occurrence(NamedTuple):
    start: int
    end: int
    group: str
    form: str  # what is compared
    shown: str = ""  # how a message names it, where that differs from ``form``

    @property
    def name(self) -> str:
        return self.shown or self.form


class Consistency(Check):
    name = "consistency"
    summary = "One article, one form: variants of a term, or styles of a date, must not be mixed."
    params = ("first", "first_line", "form")
    options = {
        "terms": Option(Groups(), [], "Groups of forms that must not be mixed in one article."),
        "patterns": Option(
            Patterns(
                {
                    "name": "the style's name, for messages and `preferred`",
                    "group": "styles compared with each other (default: all in one)",
                },
                required=("name",),
            ),
            [],
            "Named styles (each a regex); one style per group per article.",
        ),
        "acronyms": Option(Bool(), False, "Also find acronyms written two ways (NATO, Nato), with no list."),
        "compounds": Option(Bool(), False, "Also find hyphenated compounds whose case differs (Anglo-French)."),
        "honorifics": Option(Bool(), False, "Also find courtesy titles dropped or added (Mr. Hollis, Hollis)."),
        "headlines_apart": Option(
            Bool(), True, "Compare headlines and subheads only with each other: they keep their own style."
        ),
        "preferred": Option(Strings("forms or style names"), [], "The house form of a group, where it has one."),
        "case_sensitive": CASE_SENSITIVE,
    }

    def __init__(self, options: Mapping[str, Any]) -> None:
        super().__init__(options)
        self.styles = [
            (entry["name"], entry.get("group", ""), RulePattern(entry["pattern"], True, "patterns"))
            for entry in options["patterns"]
        ]
        forms = [form for group in options["terms"] for form in group]
        self.listed = frozenset(form.lower() for form in forms)  # left to the term groups
        if len(forms) != len(set(forms)):
            raise OptionError("terms", "a form appears in more than one group")
        if not options["case_sensitive"] and len(self.listed) != len(forms):
            raise OptionError("terms", "forms that differ only in case (Nato, NATO) need case_sensitive: true")
        unknown = set(options["preferred"]) - set(forms) - {name for name, _, _ in self.styles}
        if unknown:
            raise OptionError("preferred", f"{sorted(unknown)} not in any group")

    def terms(self) -> Iterable[Term]:
        for index, group in enumerate(self.opts["terms"]):
            for form in group:
                yield Term(form, index, self.opts["case_sensitive"])

    def run(self, doc: Document, hits: list[Hit]) -> Iterable[Finding]:
        place = _Places(doc, self.opts["headlines_apart"])
        occurrences = list(
            self._term_occurrences(
                doc, _mixed_groups(hits, lambda hit: hit.term.payload, lambda hit: hit.term.text), place
            )
        )
        occurrences.extend(self._style_occurrences(doc, place))
        if self.opts["acronyms"]:
            occurrences.extend(self._acronym_occurrences(doc, place))
        if self.opts["compounds"]:
            occurrences.extend(self._compound_occurrences(doc, place))
        occurrences.sort()
        yield from self._mixed(doc, occurrences)
        if self.opts["honorifics"]:
            yield from _honorific_findings(doc, place)

    def _term_occurrences(self, doc: Document, hits: list[Hit], place: _Places) -> Iterator[Occurrence]:
        prose = doc.prose
        for hit in hits:
            form = hit.term.text
            where = place.of(hit.start)
            if where is None or prose[hit.end : hit.end + 1] == "$":  # US$3.6 billion: a currency
                continue
            block = doc.block_at(hit.start)
            if form.isupper() and block is not None and _inside_name(prose, block.start, hit.start):
                continue  # T-Mobile US Inc., Climate Assembly UK
            if form.isupper() and _ORGANISATION_AFTER_RE.match(prose, hit.end):
                continue  # US SIF, the U.S.-China Business Council: an organisation's own name
            if form in _STREET_WORDS and _HOUSE_NUMBER_RE.search(prose, max(0, hit.start - 60), hit.start):
                where += "+address"
            yield Occurrence(hit.start, hit.end, f"variant-{hit.term.payload}@{where}", form)

    def _style_occurrences(self, doc: Document, place: _Places) -> Iterator[Occurrence]:
        found = [(name, group, match) for name, group, pattern in self.styles for match in pattern.finditer(doc)]
        for name, group, match in _mixed_groups(found, lambda item: item[1], lambda item: item[0]):
            where = place.of(match.start(), datelines=True)
            if where is not None:
                yield Occurrence(match.start(), match.end(), f"style-{group}@{where}", name)

    def _acronym_occurrences(self, doc: Document, place: _Places) -> Iterable[Occurrence]:
        """Words seen both in capitals and in title case; each word is its own group.

        A title-case word at the start of a sentence may be an everyday word
        ("It", "Us"); one that is no word ("Ibm") counts there too. Words a
        variant group lists are left to that group.
        """
        listed = self.listed
        # Most articles have no word both in capitals and capitalised (BBC, but no
        # Bbc): then there is nothing to compare and the costlier scans are skipped.
        # Every _CAPITALS_RE match is also a whole capitalised word (what may stand
        # before or after one is narrower), so the document's capitalised words
        # give a superset to rule that out first, at no cost of its own.
        if not _also_capitalised(doc, doc.capitalised_words, listed):
            return
        in_capitals = _also_capitalised(doc, set(_CAPITALS_RE.findall(doc.prose)), listed)
        if not in_capitals:
            return
        sentence_starts = set(doc.sentence_starts)
        candidates: list[tuple[int, int, str]] = []
        for block in doc.blocks:
            title_case_headline = block.kind == "headline" and title_case(doc.text[block.start : block.end])
            for match in _ACRONYM_RE.finditer(doc.prose, block.start, block.end):
                word = match.group()
                if word.lower() not in in_capitals:
                    continue
                if word.isupper():
                    if _is_emphasis(doc.prose, match.start(), match.end()):
                        continue
                    if _inside_name(doc.prose, block.start, match.start()):
                        continue
                elif title_case_headline:
                    continue
                elif _AFTER_TITLE_RE.search(doc.prose, max(block.start, match.start() - 8), match.start()):
                    continue
                elif _starts_sentence(doc.prose, match.start(), sentence_starts) and everyday_word(word):
                    continue  # "It was late", "Us and them": a word, not IT or US
                candidates.append((match.start(), match.end(), word))
        # Where each stands is asked only of words written two ways (a long
        # text has many acronyms, most written one way: 1.0 -> 0.4 s for 20
        # MB of the corpora as one file).
        candidates = _mixed_groups(candidates, lambda item: item[2].lower(), lambda item: item[2])
        counted = [
            (start, end, word, where) for start, end, word in candidates if (where := place.of(start)) is not None
        ]
        forms: dict[tuple[str, str], set[str]] = defaultdict(set)
        for _, _, word, where in counted:
            forms[(word.lower(), where)].add(word)
        for start, end, word, where in counted:
            if len(forms[(word.lower(), where)]) > 1:
                yield Occurrence(start, end, f"acronym-{word.lower()}@{where}", word)

    def _compound_occurrences(self, doc: Document, place: _Places) -> Iterator[Occurrence]:
        """Hyphenated compounds whose case differs past their first letter
        (the capital a sentence or a name starts with is not part of the
        form: "E-mail", "Wal-Mart"). One of two such forms has a capital
        after a hyphen ("Anglo-French", "CAN-Spam"); those are found first,
        and the rest of the prose is searched for each, case aside."""
        prose = doc.prose
        keys = set()
        for match in _CAPITAL_AFTER_HYPHEN_RE.finditer(prose):
            left = _LEFT_PART_RE.search(prose, max(0, match.start() - 40), match.start())
            right = _RIGHT_PART_RE.match(prose, match.start() + 1)
            if left is not None and right is not None:
                keys.add((left.group() + "-" + right.group()).lower())
        if not keys:
            return
        # The prose lower-cased, shared with the term scan where that is
        # prose.lower() (no "İ" in it): a copy less of a long text.
        lowered = doc.lowered_prose() if doc.lowered_is_lower() else lower(prose)
        offsets = whole_word_offsets(lowered, keys - self.listed)
        for key, starts in offsets.items():
            found = []
            for start in starts:
                text = prose[start : start + len(key)]
                # A compound all in lower case is the word, beside a name
                # that holds it ("sci-fi", the "Sci-Fi Channel").
                if text.isupper() or text.islower():
                    continue
                block = doc.block_at(start)
                if block is None or _inside_name(prose, block.start, start):
                    continue  # "Transit Drive-in Theatre", "England Cross-Country champion": a name's own
                found.append((start, text))
            if len({text[0].lower() + text[1:] for _, text in found}) < 2:
                continue  # one form wherever they stand: where is not worked out
            # A heading capitalises as it likes.
            found = [(start, text) for start, text in found if place.of(start) == "body"]
            forms = {text[0].lower() + text[1:] for _, text in found}
            if len(forms) > 1:
                for start, text in found:
                    form = text[0].lower() + text[1:]
                    yield Occurrence(start, start + len(text), f"compound-{key}@body", form, text)

    def _mixed(self, doc: Document, occurrences: list[Occurrence]) -> Iterable[Finding]:
        preferred = set(self.opts["preferred"])
        chosen: dict[str, Occurrence] = {}
        for occurrence in occurrences:
            if occurrence.form in preferred:
                chosen.setdefault(occurrence.group, occurrence)
        previous: dict[str, Occurrence] = {}
        introduced: set[tuple[str, str]] = set()
        for occurrence in occurrences:
            first = chosen.setdefault(occurrence.group, occurrence)
            last = previous.get(occurrence.group)
            previous[occurrence.group] = occurrence
            if occurrence.form == first.form or (occurrence.group, occurrence.form) in introduced:
                continue
            if _introduces(doc, last, occurrence):
                introduced.add((occurrence.group, occurrence.form))  # "Islamic State (IS)": IS is fine from now on
                continue
            line, _ = doc.position(first.start)
            params = {"first": first.name, "form": occurrence.name, "first_line": line}
            yield Finding(occurrence.start, occurrence.end, params)


def _mixed_groups(items: list[_T], group_of: Callable[[_T], object], form_of: Callable[[_T], str]) -> list[_T]:
    """The items (term hits; style matches as (name, group, match)) of the
    groups that have two forms or more in the article. A group with one form
    throughout has no variant wherever its forms stand, so where they stand
    is not worked out: most articles write one date style and one of each
    term (0.1 s over the BBC corpus)."""
    forms: dict[object, set[str]] = defaultdict(set)
    for item in items:
        forms[group_of(item)].add(form_of(item))
    return [item for item in items if len(forms[group_of(item)]) > 1]


_T = TypeVar("_T")


class _Places:
    """Where an occurrence stands, for comparing like with like: "heading"
    (headline, deck, subhead, teaser), "caption" or "body"; None where forms are not
    the article's to compare (a block in capitals, a dateline, text
    reproduced as written, readers' comments, outside every block)."""

    def __init__(self, doc: Document, headlines_apart: bool) -> None:
        self.doc = doc
        self.headlines_apart = headlines_apart

    @cached_property
    def _time_stamps(self) -> frozenset[int]:
        """Where the blocks that are a page's time stamp start (read once, not per occurrence)."""
        prose = self.doc.prose
        return frozenset(block.start for block in self.doc.blocks if time_stamp(prose, block.start, block.end))

    def of(self, offset: int, datelines: bool = False) -> str | None:
        """``datelines``: a dateline's own date counts (it shows the wire's
        date style), though its place in capitals never does."""
        doc = self.doc
        block = doc.block_at(offset)
        if block is None or doc.in_capitals(block) or doc.in_verbatim(offset) or doc.in_comments(offset):
            return None
        if not datelines and doc.in_dateline(offset):
            return None
        if block.start in self._time_stamps:
            return None  # a web page's time stamp ("Posted Tue 24 Nov 2026", "09:41 December 01"): the CMS's style
        if doc.prose[offset - 1 : offset] in ("@", "#"):
            return None  # @handles and #hashtags are names of accounts and topics
        if "<" in doc.prose[max(block.start, offset - 60) : offset] and _IN_ANGLE_BRACKETS_RE.search(
            doc.prose, max(block.start, offset - 60), offset
        ):
            return None  # a wire's ticker or company tag: <MACK>, <Nissan Motor Manufacturing (UK) Ltd>
        if not self.headlines_apart:
            return "body"
        return "heading" if doc.is_heading(block) else "caption" if doc.is_caption(block) else "body"


def _introduces(doc: Document, last: Occurrence | None, occurrence: Occurrence) -> bool:
    """ "Islamic State (IS)", "the Islamic State, also known as ISIS", "also
    known by the acronyms ISIL and ISIS": the new form is brought in."""
    prose = doc.prose
    if last is not None and _INTRODUCTION_RE.match(prose, last.end, occurrence.start):
        return True
    if last is not None and occurrence.start - last.end <= 80:
        # "the Islamic State of Iraq and Syria group, or ISIS"
        if _OR_BEFORE_RE.search(prose, last.end, occurrence.start):
            return True
    if _NAMED_AS_RE.search(prose, max(0, occurrence.start - 60), occurrence.start) is not None:
        return True
    return _NAME_FOR_RE.match(prose, occurrence.end) is not None  # "Daesh is another name for ISIS"


def _also_capitalised(doc: Document, words: Iterable[str], listed: frozenset[str]) -> set[str]:
    """The words in capitals (lower-cased) also written capitalised ("Nato"),
    bar those a variant group lists and everyday words."""
    # The capitalised form is looked up among the document's capitalised
    # words, not searched for in the prose: a search per word in capitals
    # made a 5 MB article quadratic (4.8 s of its run). Every match of
    # _ACRONYM_RE in title case is one of those words, so no pair is lost.
    capitalised = doc.capitalised_words
    found = {
        word.lower()
        for word in words
        # isupper() first: it turns away most capitalised words, at one call each.
        if word.isupper() and 3 <= len(word) <= 6 and word.isalpha() and word.capitalize() in capitalised
    }
    found -= listed | _COMMON_WORDS | _HONORIFICS  # "Mrs Bello" beside "MRS and Conoil stations": a title, a brand
    # An everyday word in capitals is emphasis or a sign's words (a plate
    # that says GHETTO), not an acronym.
    return {word for word in found if not everyday_word(word)} if found else found


def _is_emphasis(prose: str, start: int, end: int) -> bool:
    """Capitals beside other capitalised words: SHOUTING, not an acronym."""
    before = prose[max(0, start - 20) : start].split()
    after = prose[end : end + 20].split()
    neighbours = before[-1:] + after[:1]
    return any(_CAPS_NEIGHBOUR_RE.fullmatch(word.strip(".,;:!?\"'“”‘’")) for word in neighbours)


def _starts_sentence(prose: str, offset: int, sentence_starts: set[int]) -> bool:
    while offset > 0 and prose[offset - 1] in "\"'“‘(":
        offset -= 1
    return offset in sentence_starts


def _opens_sentence(prose: str, floor: int, offset: int) -> bool:
    index = offset - 1
    while index >= floor and prose[index] in " \t":
        index -= 1
    if index > floor and prose[index] in "\"”’'" and prose[index - 1] == ",":
        return False  # '…,” Hostage US said': a quote closed mid-sentence
    return index < floor or prose[index] in _SENTENCE_OPENERS


def _inside_name(prose: str, floor: int, start: int) -> bool:
    """The capitalised word just before ``start`` goes on into it, as in
    "T-Mobile US Inc." or "Climate Assembly UK"; not a sentence's first word
    ("The US said")."""
    before = prose[max(floor, start - 40) : start]
    if not before.endswith((" ", "\t")):
        return False
    words = before.split()
    if len(words) >= 2 and words[-1] in ("of", "for") and words[-2][:1].isupper():
        # "Office of US Foreign Disaster Assistance": a name goes on after it
        return _CAPITALISED_AFTER_RE.match(prose, start) is not None
    if not words or not words[-1][:1].isupper() or words[-1][-1:] in ".,;:!?\"”’')":
        return False
    word_start = start - len(before) + before.rindex(words[-1])
    return not _opens_sentence(prose, floor, word_start)


# -- honorifics --------------------------------------------------------------

_HONORIFIC_RE = lazy_compile(r"\b(Mr|Mrs|Ms|Miss|Mx)\b(\.?)((?:[ \t]+\p{Lu}\p{L}+(?:-\p{Lu}\p{L}+)?)+)")
# After a bare surname, what makes it a reference to the person: a verb of
# speech or an auxiliary ("Hollis said", "Hollis has") or a possessive; or a
# verb of speech before it ("says Hollis"). Anything else may be attributive
# ("Trump supporters", "all things Trump", "the Age of Trump").
_AUXILIARIES = frozenset("is was has had will would can could did does should may might must also later then".split())
# Past tenses, and the present forms that are no noun: "Trump states" and
# "the Mueller report" are attributive, "Trump said" is not.
_VERBS_AFTER = (
    frozenset(verb for verb in SPEECH_VERBS if verb.endswith("ed"))
    | frozenset("said says told tells wrote writes adds asks thought spoke explains insists argues".split())
    | _AUXILIARIES
)
_DASHES_RE = lazy_compile(r"[—–/(]", engine="re")
_TITLES = frozenset(
    """Mr Mrs Ms Miss Mx Dr Prof Sir Dame Lord Lady Rev Sen Rep Gov Gen Col Lt Sgt Capt Cmdr Adm Maj Atty Supt Insp
    Governor Senator President Judge Justice Mayor Secretary Chancellor Minister General Colonel Captain Coach
    Professor Bishop Pope King Queen Prince Princess Sheriff Chief Commissioner Director Speaker Leader Ambassador
    Representative Congressman Congresswoman Attorney Premier Sergeant Lieutenant Officer Detective Agent""".split()
)
_NOT_A_PERSON_BEFORE = frozenset("the a an in at from near into outside across younger elder older".split())
# "says Hart", "said Hollis": the surname after a verb of speech is its subject.
_SPEECH_BEFORE = frozenset("said says told asked added wrote".split())
# "a trial date for Spector, who", "voted for Trump, she says": an object.
_PREPOSITIONS = frozenset("for by with to against about".split())
_WORD_AFTER_RE = lazy_compile(r"[ \t]+(\p{L}+)")


def _honorific_findings(doc: Document, place: _Places) -> Iterator[Finding]:
    """A surname written with a courtesy title in the article's own text
    ("Mr. Hollis") and also without one ("Hollis said"): the form used much
    less is the slip (see _minority). A surname two people share (Mr and Mrs
    Hollis; Tom and Ann Hollis) is left alone."""
    prose = doc.prose
    if "Mr" not in prose and "Ms" not in prose and "Miss" not in prose and "Mx" not in prose:
        return  # "Mrs" has "Mr" in it
    by_surname: dict[str, list[Any]] = defaultdict(list)
    for match in _HONORIFIC_RE.finditer(prose):
        by_surname[match.group(3).split()[-1]].append(match)
    # Every surname's bare references in one pass over the prose, not one per
    # surname: a 5 MB article names hundreds (7.7 s -> 0.1 s on the BBC
    # corpus as one file).
    offsets = whole_word_offsets(prose, by_surname)
    for surname, matches in by_surname.items():
        # Whether a reference is the article's own words (not a heading, a
        # quote, a caption, comments) is the costly question: asked only of a
        # surname that stands somewhere bare at all, which it only narrows
        # (most titled people are titled throughout: 0.05 s over the BBC corpus).
        bare, first_names = _bare_references(doc, surname, offsets[surname])
        if not bare:
            continue
        references = []
        titles = set()
        for match in matches:
            if _narrative(doc, place, match.start()):
                names = match.group(3).split()
                references.append((match.start(), match.end(), " ".join([match.group(1) + match.group(2), *names])))
                titles.add(match.group(1))
        if not references or len(titles) > 1:
            continue
        bare = [reference for reference in bare if _narrative(doc, place, reference[0])]
        if len({name for name in first_names if not _not_a_name(name)}) > 1:
            continue
        yield from _minority(doc, references, bare)


def _not_a_name(word: str) -> bool:
    """An everyday word that is not also a first name: "Later", "But";
    not "Tony" or "Will"."""
    return everyday_word(word) and not proper_name(word)


def _minority(doc: Document, titled: list[tuple[int, int, str]], bare: list[tuple[int, int, str]]) -> Iterator[Finding]:
    """A title dropped: at least twice as many titled references, two or
    more. A title added: one among three or more bare references. (Reader
    comments appended to an article write "Mr Kapranos" where the article
    does not; two or three of those are not reported.)"""
    if not titled or not bare:
        return
    if len(titled) >= max(2, 2 * len(bare)):
        major, minor = titled, bare
    elif len(titled) == 1 and len(bare) >= 3:
        major, minor = bare, titled
    else:
        return
    line, _ = doc.position(major[0][0])
    for start, end, form in minor:
        yield Finding(start, end, {"first": major[0][2], "form": form, "first_line": line})


def _bare_references(doc: Document, surname: str, offsets: list[int]) -> tuple[list[tuple[int, int, str]], list[str]]:
    """The surname's references with no title, and the first names seen
    before it ("Tom Hollis"), from where it stands as a whole word
    (``offsets``); only those in the body count. Whether each is in the
    article's own words (_narrative) is the caller's to ask."""
    prose = doc.prose
    bare: list[tuple[int, int, str]] = []
    first_names: list[str] = []
    for start in offsets:
        end = start + len(surname)
        block = doc.block_at(start)
        if block is None or block.kind != "body" or end > block.end:
            continue
        before = prose[max(block.start, start - 30) : start]
        words = before.split()
        previous = words[-1] if words and before[-1:] in " \t" else ""
        previous = _DASHES_RE.split(previous)[-1]  # "2011—Mr."
        if previous.rstrip(".") in _TITLES or _INITIALS_RE.fullmatch(previous):
            continue  # "Mr. Hollis", "Sen. Hollis", "George W. Hollis", "B.S. Chandrashekar"
        core = previous.strip("\"'“”‘’")
        if core[:1].isupper() and core[-1:] not in ".!?:;":  # Marion "Suge" Knight
            word_start = start - len(before) + before.rindex(previous)
            opener = _opens_sentence(prose, block.start, word_start) and _not_a_name(previous)
            if not opener:  # "Later Hollis said": an adverb, not a first name
                if core.isalpha():
                    first_names.append(core)
                continue  # a full name, or a title before it
        if previous.lower() in _NOT_A_PERSON_BEFORE:
            continue
        if (
            _refers_to_person(prose, end)
            or previous.lower() in _SPEECH_BEFORE
            and not _CAPITALISED_NEXT_RE.match(prose, end)
            or previous.lower() in _PREPOSITIONS
            and prose[end : end + 1] in (",", ".", ";", ":")
        ):
            bare.append((start, end, surname))
    return bare, first_names


# A first name given as initials, as South Asian copy gives it: "W.", "B.S.", "J.R.D.".
_INITIALS_RE = lazy_compile(r"(?:[^\W\d_]\.){1,4}", engine="re")


def _refers_to_person(prose: str, end: int) -> bool:
    after = prose[end : end + 4]
    if after[:2] in ("'s", "’s"):
        return not after[3:4].isupper()  # "Brown's Britain", a book's title
    match = _WORD_AFTER_RE.match(prose, end)
    return match is not None and match.group(1) in _VERBS_AFTER


def _narrative(doc: Document, place: _Places, offset: int) -> bool:
    """The article's own words in the body: not a heading, not a quote."""
    return place.of(offset) == "body" and not doc.in_quote(offset)
