"""repetition: a word written twice in a row ("the the")."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from newslint.checks import Check, Finding, Option
from newslint.checks._patterns import RulePattern, passes
from newslint.dictionary import known_word
from newslint.document import Document
from newslint.options import Patterns, Strings, pattern_entries
from newslint.patterns import ASCII_SPACE, lazy_compile
from newslint.terms import Hit

# A word, whitespace, the same word again: groups 1 and 2. The stdlib engine
# runs this backreference about 2.5x faster than `regex`; letters-only and the
# apostrophe/hyphen edges are checked on the few matches.
#
# Shaped for speed (0.15 -> 0.09 s over the BBC corpus), with the same matches
# as r"\b(\w+)\s+(\1)\b":
# - it starts with the non-word character before the first word, not with \b:
#   a pattern that starts with a character class lets the engine skip straight
#   to the next candidate instead of trying a match at every letter. A word at
#   the very start of the text has no such character: _AT_START_RE covers it.
# - the quantifiers are possessive: giving back a letter of \w+ leaves a letter
#   where \s+ must start, and giving back a space leaves a space where the
#   word-only \1 must start, so backtracking could never find a match.
_DOUBLED_RE = re.compile(r"\W(\w++)\s++(\1)\b", re.IGNORECASE)
_AT_START_RE = re.compile(r"(\w++)\s++(\1)\b", re.IGNORECASE)
# Text that is all ASCII, or reads the same in ASCII mode (most articles: see
# patterns.ascii_equivalent), goes to the same patterns in the engine's ASCII
# mode (see patterns.ASCII_SPACE), which runs them about twice as fast (0.062
# -> 0.033 s over the corpus's ASCII articles).
_DOUBLED_ASCII_RE = re.compile(rf"\W(\w++){ASCII_SPACE}++(\1)\b", re.IGNORECASE | re.ASCII)
_AT_START_ASCII_RE = re.compile(rf"(\w++){ASCII_SPACE}++(\1)\b", re.IGNORECASE | re.ASCII)
_JOINERS = "'’-"


class Repetition(Check):
    name = "repetition"
    summary = "A word written twice in a row; the fix removes the second."
    fixable = True
    default_fix = "safe"
    params = ("word",)
    options = {
        "exceptions": Option(
            Patterns(),
            [],
            "Regexes for doubled words that may stand ('had had', 'that that'), matched against the two words with one space between.",
        ),
        "particles": Option(
            Strings("words"),
            [],
            "Prepositions that may stand twice when the first ends a phrasal verb ('placed in in the past',"
            " 'waiting for for years'), but not after a noun ('my doubt in in this plan').",
        ),
    }

    def __init__(self, options: Mapping[str, Any]) -> None:
        super().__init__(options)
        self.exceptions = [
            RulePattern(e["pattern"], False, "exceptions") for e in pattern_entries(options["exceptions"])
        ]
        self.particles = frozenset(word.lower() for word in options["particles"])

    def run(self, doc: Document, hits: list[Hit]) -> Iterable[Finding]:
        exceptions = self.exceptions
        prose = doc.prose
        for match in _doubled(prose, doc.ascii_equivalent):
            first, second = match.group(1), match.group(2)
            start, end = match.start(1), match.end()
            if not first.isalpha() or "\n\n" in prose[match.end(1) : match.start(2)].replace("\r", ""):
                continue  # figures ("10 10"), or the last word of one paragraph and the first of the next
            before, after = prose[max(0, start - 1) : start], prose[end : end + 1]
            if (before and before in _JOINERS) or (after and after in _JOINERS):
                continue  # "break-in in", "it's s"
            if second[:1].isupper() and first[:1].isupper() or _passes(exceptions, first, second):
                continue  # Names such as Duran Duran or Bora Bora
            if first.lower() in self.particles and (
                _after_verb(prose, start) or _FIXED_PHRASE_RE.match(prose, end) or first[:1].isupper()
            ):
                continue  # "placed in in the past", "at at least", "the Drive In in Rhode Island"
            if _title_before_name(prose, first, second, end):
                continue
            if _said_again(prose, start, end, first):
                continue  # "nil nil nil" across a table's columns; "Why, why why?"
            if _doubled_word_of_its_own(first):
                continue  # a word made by doubling, from another language: "boda boda", "tuk tuk", "piri piri"
            yield Finding(start, end, {"word": first}, first)


def _doubled_word_of_its_own(word: str) -> bool:
    """A syllable no English word list knows, doubled to make a word of its
    own ("boda boda", "tuk tuk", "mahi mahi"); not an abbreviation ("dlrs
    dlrs", no vowel) nor a short word the list leaves out ("to to")."""
    return len(word) >= 3 and any(vowel in word.lower() for vowel in "aeiouy") and not known_word(word)


# The same word again beside a doubled one, across spaces and commas.
_AGAIN_AFTER_RE = re.compile(r"[\s,]+(\w+)")
_AGAIN_BEFORE_RE = re.compile(r"(\w+)[\s,]+\Z")


def _said_again(prose: str, start: int, end: int, word: str) -> bool:
    """A word three times or more in a row is on purpose, never a slip of
    the keyboard: a row of a table ("nil nil nil nil"), a chant, emphasis
    ("Why, why why?", "no, no, no")."""
    after = _AGAIN_AFTER_RE.match(prose, end, end + 40)
    before = _AGAIN_BEFORE_RE.search(prose, max(0, start - 40), start)
    return any(m is not None and m.group(1).lower() == word.lower() for m in (after, before))


def _passes(exceptions: list[RulePattern], first: str, second: str) -> bool:
    phrase = f"{first} {second}"
    return passes(exceptions, phrase, 0, len(phrase))


# The word before a doubled preposition: a verb ("placed", "waiting", "is",
# "to weigh") makes the first a particle ending a phrasal verb; a noun does
# not ("my doubt in in this plan", "119.7 mln dlrs in in 1985"). A verb is
# told by its ending, by "to" or a modal before it, or by a short list of
# verbs that take particles; not after a determiner ("my doubt", "the wait").
_VERB_BEFORE_RE = lazy_compile(
    r"(?i)(?:^|[^\w’'])(?:(?:to|will|would|can|could|should|must|might|may|did|does|do|not)\s+[a-z]+"
    r"|(?!(?:my|your|his|her|its|our|their|the|a|an|this|that|these|those)\s)[\w’'-]+\s+"
    r"(?:[a-z]+(?:ed|ing|en)|is|was|are|were|be|been|being|am|has|have|had|do|does|did|get|gets|got|go|goes|"
    r"went|come|comes|came|put|puts|set|sets|take|takes|took|look|looks|give|gives|gave|turn|turns|bring|"
    r"brings|brought|let|lets|stay|stays|live|lives|wait|waits|fit|fits|sit|sits|stand|stands|stood|lie|lies|"
    r"lay|keep|keeps|kept|hold|holds|held|call|calls|send|sends|sent|pay|pays|paid|sell|sells|sold|win|wins|"
    r"won|lose|loses|lost|count|counts|rely|relies|depend|depends|agree|agrees|believe|believes|weigh|weighs|"
    r"fill|fills|log|logs|sign|signs|cash|cashes|chip|chips|pitch|pitches|kick|kicks|step|steps|move|moves|"
    r"check|checks|plug|plugs|tune|tunes|join|joins|hand|hands|factor|factors|phase|phases|zero|zeroes|rein|"
    r"reins|dig|digs|run|runs|ran|hit|hits|pull|pulls|push|pushes))\s+$"
)
# A second preposition that starts a fixed phrase: "at at least 400",
# "waiting for for now".
_FIXED_PHRASE_RE = lazy_compile(
    r"(?i)\s+(?:least|most|all|once|first|last|fact|part|turn|time|now|good|example|instance|hold|"
    r"particular|general|short|full|place|total|advance|addition|person|public|private)\b"
)


def _after_verb(prose: str, start: int) -> bool:
    return _VERB_BEFORE_RE.search(prose, max(0, start - 40), start) is not None


# Words whose capitalised double before a name is a typo ("in the The Times").
_FUNCTION_WORDS = frozenset("the a an of in on at to for and by with from".split())


def _title_before_name(prose: str, first: str, second: str, end: int) -> bool:
    """A word, then the same word as the title of the name that follows it:
    "the senior law lord Lord Bingham", "a king King Abdullah"."""
    after = prose[end : end + 20]
    name = after.lstrip()
    return (
        first[:1].islower()
        and second[:1].isupper()
        and first not in _FUNCTION_WORDS
        and len(name) < len(after)  # a space, then the name
        and name[:1].isupper()
    )


def _doubled(prose: str, ascii_mode: bool) -> Iterator[re.Match[str]]:
    """Every doubled word, as the plain pattern (see _DOUBLED_RE) finds them;
    ``ascii_mode`` where the engine's ASCII mode reads ``prose`` the same
    (``Document.ascii_equivalent``).

    A match ends at the end of a word, so the non-word character that
    _DOUBLED_RE needs before the next match is never part of the previous one:
    resuming after a match at the start loses nothing.
    """
    at_start, doubled = (_AT_START_ASCII_RE, _DOUBLED_ASCII_RE) if ascii_mode else (_AT_START_RE, _DOUBLED_RE)
    first = at_start.match(prose)
    if first is not None:
        yield first
    yield from doubled.finditer(prose, first.end() if first is not None else 0)
