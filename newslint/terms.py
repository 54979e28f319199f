"""One pass over a document for every term of every rule.

A big alternation of terms runs at about 2 MB/s in Python's regex engines.
Instead each term is filed under its first word, lower-cased; the document's
words (found once) are looked up in that hash, and only candidates are checked
against the whole term. Cost grows with the words of the article, hardly with
the number of terms.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

import regex

from newslint.document import WORD_RE, Document


@dataclass(frozen=True)
class Term:
    text: str
    payload: Any = None  # what the check wants back with a hit
    case_sensitive: bool = False


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    term: Term
    rule_id: str


@dataclass(frozen=True)
class _Entry:
    pattern: regex.Pattern
    lead: int  # characters between the term's start and its first word
    term: Term
    rule_id: str


def _compile(term: Term) -> tuple[regex.Pattern, str, int]:
    first = WORD_RE.search(term.text)
    if first is None:
        raise ValueError(f"term {term.text!r} has no word in it")
    # Words of a term may be split by any run of whitespace, a line break included.
    parts = regex.split(r"\s+", term.text.strip())
    body = r"\s+".join(regex.escape(part) for part in parts)
    flags = 0 if term.case_sensitive else regex.IGNORECASE
    lead_guard = r"(?<!\w)" if term.text[0].isalnum() else ""
    tail_guard = r"(?!\w)" if term.text[-1].isalnum() else ""
    pattern = regex.compile(lead_guard + body + tail_guard, flags)
    return pattern, first.group().lower(), first.start()


class TermIndex:
    def __init__(self) -> None:
        self._by_word: dict[str, list[_Entry]] = defaultdict(list)

    def add(self, term: Term, rule_id: str) -> None:
        pattern, key, lead = _compile(term)
        self._by_word[key].append(_Entry(pattern, lead, term, rule_id))

    def __bool__(self) -> bool:
        return bool(self._by_word)

    def scan(self, doc: Document) -> dict[str, list[Hit]]:
        """Hits grouped by rule ID, in document order."""
        hits: dict[str, list[Hit]] = defaultdict(list)
        by_word, prose = self._by_word, doc.prose
        for start, end in doc.words:
            entries = by_word.get(prose[start:end].lower())
            if not entries:
                continue
            for entry in entries:
                match = entry.pattern.match(prose, start - entry.lead)
                if match:
                    hits[entry.rule_id].append(Hit(match.start(), match.end(), entry.term, entry.rule_id))
        return hits
