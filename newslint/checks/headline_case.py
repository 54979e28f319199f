"""headline-case: a headline in the house's case, sentence or title.

AP, the BBC and the Guardian write headlines in sentence case ("Ad sales
boost Time Warner profit"); Bloomberg, NPR and the Wall Street Journal in
title case ("Bill to Defund Homeland Security Unlikely to Pass Senate").
``case`` says which.

Capitals alone cannot tell a title-case headline from one full of names
("Obituary: Dame Alicia Markova"), so the article is the evidence: a
capitalised headline word that the body writes in lower case is a common
word, capitalised for title case; a lower-case headline word that is not a
short function word is sentence case. It takes two such words to decide.
An all-capitals headline is left to the writer.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from newslint.checks import Check, Finding, Option
from newslint.document import Document
from newslint.options import Choice
from newslint.patterns import lazy_compile
from newslint.terms import Hit

_WORD_RE = lazy_compile(r"(?<![\w'’-])\p{L}[\p{L}'’]*(?:-\p{L}[\p{L}'’]*)*")
# Words title case leaves in lower case (AP, Chicago): articles, short
# conjunctions and prepositions.
_MINOR_WORDS = frozenset(
    "a an the and but or nor for so yet as at by in of off on per to up via vs with from into onto than over".split()
)
#: Words that may follow a colon or dash label and start afresh ("Analysis: ...").
_LABEL_END = ":—–|"


class HeadlineCase(Check):
    name = "headline-case"
    summary = "A headline in the house's case: sentence case or title case."
    params = ("case", "evidence")
    options = {
        "case": Option(
            Choice("sentence", "title"),
            "sentence",
            "`sentence` ('Ad sales boost Time Warner profit': AP, BBC, Guardian) or `title` ('Bill to Defund Security').",
        ),
    }

    def run(self, doc: Document, hits: list[Hit]) -> Iterable[Finding]:
        for block in doc.blocks_of("headline"):
            text = doc.prose[block.start : block.end]
            if sum(c.isupper() for c in text) > 0.6 * sum(c.isalpha() for c in text):
                continue  # ALL CAPITALS
            words = [m.group() for m in _WORD_RE.finditer(text) if not _starts_afresh(text, m.start())]
            if self.opts["case"] == "sentence":
                candidates = [
                    w for w in words if w[0].isupper() and not w.isupper() and _lowered(w) not in _MINOR_WORDS
                ]
                evidence = []
                for word in candidates:
                    if _common_in_body(doc, _lowered(word)):
                        evidence.append(word)
                        if len(evidence) == 3:
                            break
            else:
                evidence = [word for word in words if _lower_case_word(word)]
            if len(evidence) >= 2:
                params = {"case": self.opts["case"], "evidence": ", ".join(evidence[:3])}
                yield Finding(block.start, block.end, params)


def _lowered(word: str) -> str:
    return word[0].lower() + word[1:]


def _starts_afresh(text: str, offset: int) -> bool:
    """The headline's first word, or the first after a label's colon or a dash."""
    before = text[:offset].rstrip(" \t'\"‘“")
    return not before or before[-1] in _LABEL_END or before.endswith((".", "?", "!"))


def _common_in_body(doc: Document, lower: str) -> bool:
    """Whether the body writes ``lower`` in lower case and never capitalises
    it mid-sentence: a common word ("house"), not a name ("the White House")."""
    prose = doc.prose
    body = doc.body
    if not body:
        return False
    start, end = body[0].start, body[-1].end
    pattern = _word_pattern(lower)
    seen_lower = False
    for match in pattern.finditer(prose, start, end):
        if match.group()[0].islower():
            seen_lower = True
        elif _MID_SENTENCE_RE.search(prose, max(start, match.start() - 3), match.start()):
            return False
    return seen_lower


@functools.lru_cache(maxsize=4096)
def _word_pattern(lower: str) -> re.Pattern[str]:
    """The word, in lower case or capitalised, whole."""
    first = re.escape(lower[0])
    return re.compile(rf"(?<![\w'’-])(?:{first}|{re.escape(lower[0].upper())}){re.escape(lower[1:])}(?![\w'’-])")


_MID_SENTENCE_RE = lazy_compile(r"[\w,;] $")


def _lower_case_word(word: str) -> bool:
    """A lower-case headline word title case would capitalise: not a minor
    word, not a name with inner capitals ("iPhone", "eBay")."""
    return word[0].islower() and word.lower() not in _MINOR_WORDS and word.islower()
