"""One pass over a document for every term of every rule.

A big alternation of terms runs at about 2 MB/s in Python's regex engines.
Instead each term is filed under a key, its first one or two words lower-cased,
and the keys of all terms become one trie-shaped pattern ("u(?:k|s)?" rather
than "u|uk|us"), run once over the lower-cased prose by the stdlib engine. Only
its matches are checked against whole terms. Cost grows with the length of the
article, hardly with the number of terms. Two words make a key rare where one
would not be: "it is understood" waits for "it is", not for every "it".
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, NamedTuple

from newslint.document import WORD_RE, Document
from newslint.patterns import ASCII_SPACE, trie


@dataclass(frozen=True)
class Term:
    text: str
    payload: Any = None  # what the check wants back with a hit
    case_sensitive: bool = False


class Hit(NamedTuple):
    start: int
    end: int
    term: Term
    rule_id: str


class _Entry:
    """A term filed under its first word. Its pattern is compiled on the first
    candidate: most terms never meet one in a given run, and a one-file run
    should not pay for compiling them all."""

    def __init__(self, term: Term, rule_id: str) -> None:
        # Words of a term may be split by any run of whitespace, a line break included.
        body = r"\s+".join(re.escape(part) for part in term.text.split())
        lead_guard = r"(?<!\w)" if term.text[0].isalnum() else ""
        tail_guard = r"(?!\w)" if term.text[-1].isalnum() else ""
        self.source = lead_guard + body + tail_guard
        self.flags = 0 if term.case_sensitive else re.IGNORECASE
        self.lead = _first_word(term).start()  # characters before the term's first word
        self.term, self.rule_id = term, rule_id

    def match(self, text: str, start: int) -> re.Match[str] | None:
        # The compiled pattern's own method takes this one's place on first
        # use (an instance attribute: no __slots__ for the hundred entries).
        self.match = re.compile(self.source, self.flags).match  # type: ignore[method-assign, assignment]
        return self.match(text, start)


def _first_word(term: Term) -> re.Match[str]:
    first = WORD_RE.search(term.text)
    if first is None:
        raise ValueError(f"term {term.text!r} has no word in it")
    return first


def _key(term: Term) -> str:
    """The first word of ``term``, lower-cased, and the second too when the
    first stands alone ("it is" for "it is understood"; "al" for "al-Qaeda")."""
    first = _first_word(term).group().lower()
    parts = term.text.lower().split()
    second = WORD_RE.match(parts[1]) if len(parts) > 1 and parts[0] == first else None
    return f"{first} {second.group()}" if second else first


class TermIndex:
    def __init__(self) -> None:
        self._by_key: dict[str, list[_Entry]] = {}
        # (anywhere, at the start) patterns, for Unicode and for ASCII text.
        self._patterns: dict[bool, tuple[re.Pattern[str], re.Pattern[str]]] = {}
        self._entries_of: dict[str, list[_Entry]] = {}  # a key as found in the text -> its terms

    def add(self, term: Term, rule_id: str) -> None:
        self._by_key.setdefault(_key(term), []).append(_Entry(term, rule_id))
        self._patterns.clear()
        self._entries_of.clear()

    def __bool__(self) -> bool:
        return bool(self._by_key)

    def scan(self, doc: Document) -> dict[str, list[Hit]]:
        """Hits grouped by rule ID, in document order."""
        hits: dict[str, list[Hit]] = defaultdict(list)
        prose = doc.prose
        entries_of = self._entries_of
        for candidate in self._candidates(doc.lowered_prose(), doc.ascii_equivalent):
            found = candidate.group(1)
            entries = entries_of.get(found)
            if entries is None:
                entries = entries_of[found] = self._entries(found)
            start = candidate.start(1)
            for entry in entries:
                match = entry.match(prose, start - entry.lead)
                if match:
                    hits[entry.rule_id].append(Hit(match.start(), match.end(), entry.term, entry.rule_id))
        return hits

    def _entries(self, found: str) -> list[_Entry]:
        """The terms to try where ``found``, a key, is in the text. A two-word
        key ("al qaeda") is also the first word's place ("al-Qaeda"); its
        words may be split by any whitespace, so ``_entries_of`` keeps the
        answer for each spelling met (a split and two look-ups a candidate
        cost a tenth of the scan)."""
        words = found.split()
        if len(words) == 1:
            return self._by_key[found]
        return self._by_key.get(words[0], []) + self._by_key.get(" ".join(words), [])

    def _candidates(self, lowered: str, ascii_mode: bool) -> Iterator[re.Match[str]]:
        """Every key of a term in ``lowered``, as group 1 (a space in a key:
        any run of whitespace); ``ascii_mode`` where the text reads the same
        in the engine's ASCII mode (``Document.ascii_equivalent``)."""
        anywhere, at_start = self._compiled(ascii_mode)
        first = at_start.match(lowered)
        if first is not None:
            yield first
        yield from anywhere.finditer(lowered)

    def _compiled(self, ascii_text: bool) -> tuple[re.Pattern[str], re.Pattern[str]]:
        """The key patterns, in the engine's ASCII mode for text it reads the
        same way (most articles; 30% faster, see patterns.ascii_equivalent).

        The pattern starts with the non-word character before the word, not
        with \\b: the stdlib engine skips ahead to a leading character class,
        but tries \\b at every position (15% faster). A word at the very start
        of the text has no such character before it, hence a second pattern.
        The key is looked ahead at, not consumed, so the next search starts
        inside it: "is" is still a candidate in "it is".
        """
        if ascii_text not in self._patterns:
            keys = trie(self._by_key, ASCII_SPACE if ascii_text else r"\s")
            flags = re.ASCII if ascii_text else 0
            self._patterns[ascii_text] = (
                re.compile(rf"\W(?=({keys})\b)", flags),
                re.compile(rf"(?=({keys})\b)", flags),
            )
        return self._patterns[ascii_text]
