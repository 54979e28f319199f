"""consistency: one article, one form of each term.

Three sources of forms, any of which a rule may use:

- ``terms``: groups of literal forms (``[Nato, NATO]``);
- ``patterns``: one group of named patterns (date styles: ``month-day``,
  ``day-month``, ``ordinal``);
- ``acronyms: true``: no list at all; an acronym written both in capitals and
  as a word (NATO and Nato) in one article.

The first form used wins unless ``preferred`` names the house form. A later
variant that introduces or explains the first ("Islamic State (IS)") is fine.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple

import regex

from newslint.checks import Check, Finding, OptionError
from newslint.checks._patterns import RulePattern
from newslint.checks.existence import CASE_SENSITIVE
from newslint.document import Document
from newslint.options import Bool, Groups, Option, Patterns, Strings
from newslint.patterns import lazy_compile
from newslint.terms import Hit, Term

# "Islamic State (IS)", "Islamic State, also known as Daesh": an introduction.
_INTRODUCTION_RE = lazy_compile(r"\s*(?:\(|,?\s+(?:or|also known as|known as|aka|formerly|now)\s+)\s*$")
_ACRONYM_RE = lazy_compile(r"(?<![\w'’.-])(?:\p{Lu}{3,6}|\p{Lu}\p{Ll}{2,5})(?![\w'’-]|\.\p{L})")
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
# A title-case word just after a title is a personal name ("Mr Raf Smith").
_AFTER_TITLE_RE = lazy_compile(r"\b(?:Mr|Mrs|Ms|Dr|Sir|Lord|Lady|Dame|Prof)\.?\s+$")


class Occurrence(NamedTuple):
    start: int
    end: int
    group: str
    form: str


class Consistency(Check):
    name = "consistency"
    summary = "One article, one form: variants of a term, or styles of a date, must not be mixed."
    params = ("first", "first_line", "form")
    options = {
        "terms": Option(Groups(), [], "Groups of forms that must not be mixed in one article."),
        "patterns": Option(
            Patterns({"name": "the style's name, for messages and `preferred`"}, required=("name",)),
            [],
            "Named styles (each a regex); one style per article.",
        ),
        "acronyms": Option(Bool(), False, "Also find acronyms written two ways (NATO, Nato), with no list."),
        "preferred": Option(Strings("forms or style names"), [], "The house form of a group, where it has one."),
        "case_sensitive": CASE_SENSITIVE,
    }

    def __init__(self, options: Mapping[str, Any]) -> None:
        super().__init__(options)
        self.styles = [
            (entry["name"], RulePattern(entry["pattern"], True, "patterns")) for entry in options["patterns"]
        ]
        forms = [form for group in options["terms"] for form in group]
        self.listed = frozenset(form.lower() for form in forms)  # left to the term groups
        if len(forms) != len(set(forms)):
            raise OptionError("terms", "a form appears in more than one group")
        if not options["case_sensitive"] and len(self.listed) != len(forms):
            raise OptionError("terms", "forms that differ only in case (Nato, NATO) need case_sensitive: true")
        unknown = set(options["preferred"]) - set(forms) - {name for name, _ in self.styles}
        if unknown:
            raise OptionError("preferred", f"{sorted(unknown)} not in any group")

    def terms(self) -> Iterable[Term]:
        for index, group in enumerate(self.opts["terms"]):
            for form in group:
                yield Term(form, index, self.opts["case_sensitive"])

    def run(self, doc: Document, hits: list[Hit]) -> Iterable[Finding]:
        capitals = _CapitalsMemo(doc)
        occurrences = [
            Occurrence(hit.start, hit.end, f"variant-{hit.term.payload}", hit.term.text)
            for hit in hits
            if not (hit.term.text.isupper() and capitals.in_capitals(hit.start))
        ]
        occurrences.extend(self._style_occurrences(doc))
        if self.opts["acronyms"]:
            occurrences.extend(self._acronym_occurrences(doc))
        occurrences.sort()
        yield from self._mixed(doc, occurrences)

    def _style_occurrences(self, doc: Document) -> Iterable[Occurrence]:
        for name, pattern in self.styles:
            for match in pattern.finditer(doc):
                yield Occurrence(match.start(), match.end(), "style", name)

    def _acronym_occurrences(self, doc: Document) -> Iterable[Occurrence]:
        """Words seen both in capitals and in title case; each word is its own group.

        A title-case word at the start of a sentence may be an everyday word
        ("It", "Us"), so it only counts once the same word is seen mid-sentence.
        Words a variant group lists are left to that group.
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
        sentence_starts = {sentence.start for sentence in doc.sentences}
        candidates: list[tuple[regex.Match[str], bool]] = []
        mid_sentence: dict[str, set[str]] = {}
        for block in doc.blocks:
            title_case_headline = block.kind == "headline" and _title_case(doc.text[block.start : block.end])
            for match in _ACRONYM_RE.finditer(doc.prose, block.start, block.end):
                word = match.group()
                if word.lower() not in in_capitals:
                    continue
                if word.isupper():
                    if _is_emphasis(doc.prose, match.start(), match.end()):
                        continue
                elif title_case_headline:
                    continue
                elif _AFTER_TITLE_RE.search(doc.prose, max(block.start, match.start() - 8), match.start()):
                    continue
                initial = not word.isupper() and _starts_sentence(doc.prose, match.start(), sentence_starts)
                candidates.append((match, initial))
                if not initial:
                    mid_sentence.setdefault(word.lower(), set()).add(word)
        mixed = {key for key, forms in mid_sentence.items() if len(forms) > 1}
        for match, initial in candidates:
            word = match.group()
            if word.lower() in mixed and (not initial or word in mid_sentence[word.lower()]):
                yield Occurrence(match.start(), match.end(), f"acronym-{word.lower()}", word)

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
            if last is not None and _INTRODUCTION_RE.match(doc.prose, last.end, occurrence.start):
                introduced.add((occurrence.group, occurrence.form))  # "Islamic State (IS)": IS is fine from now on
                continue
            line, _ = doc.position(first.start)
            params = {"first": first.form, "form": occurrence.form, "first_line": line}
            yield Finding(occurrence.start, occurrence.end, params)


def _also_capitalised(doc: Document, words: Iterable[str], listed: frozenset[str]) -> set[str]:
    """The words in capitals (lower-cased) also written capitalised ("Nato"),
    bar those a variant group lists and everyday words."""
    prose = doc.prose
    found = {
        word.lower()
        for word in words
        # isupper() first: it turns away most capitalised words, at one call each.
        if word.isupper() and 3 <= len(word) <= 6 and word.isalpha() and word.capitalize() in prose
    }
    return found - listed - _COMMON_WORDS


def _is_emphasis(prose: str, start: int, end: int) -> bool:
    """Capitals beside other capitalised words: SHOUTING, not an acronym."""
    before = prose[max(0, start - 20) : start].split()
    after = prose[end : end + 20].split()
    neighbours = before[-1:] + after[:1]
    return any(_CAPS_NEIGHBOUR_RE.fullmatch(word.strip(".,;:!?\"'“”‘’")) for word in neighbours)


class _CapitalsMemo:
    """Whether a block is set in capitals ("NATO CHIEF WARNS", "TALKS WITH US
    FAIL"), where the case of a form says nothing about the house form.
    Worked out once per block: "US" and "UK" come up often."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.known: dict[int, bool] = {}

    def in_capitals(self, offset: int) -> bool:
        block = self.doc.block_at(offset)
        if block is None:
            return False
        if block.start not in self.known:
            self.known[block.start] = _in_capitals(self.doc.prose[block.start : block.end])
        return self.known[block.start]


def _in_capitals(text: str) -> bool:
    """More than 80% of 12 or more letters are capitals."""
    # A quick no for ordinary prose, where e t a o i n alone make up more than
    # a fifth of the text. It is exact: with n of those lowercase letters,
    # 5n >= len(text) leaves at most len(text) - n <= 4n capitals beside n
    # lowercase letters, a share of at most 80%. Counting six characters is
    # five times faster than the two substitutions below.
    if 5 * sum(map(text.count, "etaoin")) >= len(text):
        return False
    letters = _NOT_LETTER_RE.sub("", text)
    upper = len(_NOT_UPPER_RE.sub("", letters))
    return len(letters) >= 12 and upper / len(letters) > 0.8


_NOT_LETTER_RE = lazy_compile(r"\P{L}+")
_NOT_UPPER_RE = lazy_compile(r"\P{Lu}+")


def _starts_sentence(prose: str, offset: int, sentence_starts: set[int]) -> bool:
    while offset > 0 and prose[offset - 1] in "\"'“‘(":
        offset -= 1
    return offset in sentence_starts


def _title_case(headline: str) -> bool:
    words = [word for word in regex.findall(r"\p{L}{4,}", headline)]
    return bool(words) and sum(word[0].isupper() for word in words) / len(words) > 0.6
