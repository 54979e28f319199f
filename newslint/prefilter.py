"""Literal prefilters, derived from a rule's own regex.

A regex pass costs far more than looking for a string: "does the article
contain ' - ' at all?" is answered in C. For each rule pattern this module
works out a set of literal strings of which every match must contain one (for
the date styles, the month names; for the dash, ' - '), so that prose without
any of them is not searched. Rule authors write no hint: the engine reads the
pattern. Where it cannot be sure (a construct it does not read), it derives
nothing and the pattern always runs; it never derives a set a match could
avoid (tested against every built-in rule's examples).

It also works out how far into a match one of those strings starts, at
most (its *reach*: 0 for the month that opens a date, a few characters for
"12 May"), where the pattern bounds it. Then the pattern need not be run
over the whole prose at all: it is tried only at the few places from which
a match could reach one of the strings (see ``checks/_patterns.py``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from newslint.patterns import trie

Literals = frozenset[str]

_SIMPLE_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v", "a": "\a", "e": "\x1b"}
# Escapes that match no character (assertions): they leave a literal run unbroken.
_ZERO_WIDTH_ESCAPES = set("bBAZzGKmM")
# \K and \G move or pin where a match starts: a pattern with them is not
# tried at chosen places.
_START_ESCAPES = set("KG")
# Escapes of one character of a class; \X (a grapheme) and \R (a line break)
# may take several.
_CLASS_ESCAPES = set("pPNdDwWsShH")
_QUANTIFIER_RE = re.compile(r"(?:[*+?]|\{(\d*)(?:,(\d*))?\})[?+]?")
# Inline flags whose matches are as long as without them. Full case folding
# (f, or version 1's default) lets one character match two ("ß", "ss").
_PLAIN_FLAGS = set("aimsu-")


class _Unreadable(Exception):
    """A construct this reader does not follow: derive nothing."""


@dataclass
class _Item:
    """One atom of a sequence: its exact text if it is a single literal
    character, what any match of it must contain and how far into the item
    that starts at most (None: no bound), the most characters it matches
    (None: no bound), and whether it is zero-width."""

    char: str | None = None
    required: Literals | None = None
    reach: int | None = 0
    width: int | None = 1
    zero_width: bool = False


class _Found(NamedTuple):
    """What a sequence or an alternation requires (None: nothing), how far
    into a match it starts at most, and the most characters a match takes."""

    required: Literals | None
    reach: int | None
    width: int | None


class Anchor(NamedTuple):
    """Strings one of which every match of a pattern contains, and the
    furthest from a match's start one of them begins (None: no bound, or a
    pattern that is not tried at chosen places)."""

    literals: Literals
    reach: int | None


def required_literals(pattern: str, named_lists: Mapping[str, Sequence[str]] | None = None) -> Literals | None:
    """Strings one of which every match of ``pattern`` contains, or None."""
    anchor = literal_anchor(pattern, named_lists)
    return anchor.literals if anchor is not None else None


def literal_anchor(
    pattern: str, named_lists: Mapping[str, Sequence[str]] | None = None, bounded: bool = False
) -> Anchor | None:
    """The strings one of which every match of ``pattern`` contains, with
    their reach; or None. The strongest filter, or with ``bounded``, the
    strongest whose reach is bounded where the pattern has one."""
    if "(?x" in pattern or "(?(" in pattern:
        return None  # verbose mode and conditionals: not read here
    try:
        parser = _Parser(pattern, named_lists or {}, bounded)
        found = parser.alternation()
        if parser.position != len(pattern):
            return None
    except (_Unreadable, IndexError):
        return None
    if not found.required or "" in found.required:
        return None
    return Anchor(found.required, None if parser.unplaceable else found.reach)


def _plus(first: int | None, second: int | None) -> int | None:
    return None if first is None or second is None else first + second


def _times(width: int | None, count: int | None) -> int | None:
    if width == 0 or count == 0:
        return 0
    return None if width is None or count is None else width * count


def is_case_insensitive(pattern: str) -> bool:
    """Whether any part of ``pattern`` turns case-insensitivity on (the
    prefilter then ignores case everywhere: a weaker filter, never a wrong one)."""
    return re.search(r"\(\?[a-zA-Z]*i", pattern) is not None


class _Parser:
    def __init__(self, pattern: str, named_lists: Mapping[str, Sequence[str]], bounded: bool = False) -> None:
        self.pattern, self.position, self.named_lists = pattern, 0, named_lists
        self.bounded = bounded  # prefer literals with a bounded reach to the strongest
        self.unplaceable = False  # a construct that moves a match's start, or changes its length

    def _peek(self) -> str:
        return self.pattern[self.position] if self.position < len(self.pattern) else ""

    def alternation(self) -> _Found:
        """Branches up to a closing bracket or the end: the union of what each requires."""
        branches = [self.sequence()]
        while self._peek() == "|":
            self.position += 1
            branches.append(self.sequence())
        width = None if any(branch.width is None for branch in branches) else max(b.width or 0 for b in branches)
        if any(branch.required is None for branch in branches):
            return _Found(None, None, width)
        reach = None if any(branch.reach is None for branch in branches) else max(b.reach or 0 for b in branches)
        return _Found(frozenset().union(*(branch.required or () for branch in branches)), reach, width)

    def sequence(self) -> _Found:
        candidates: list[tuple[Literals, int | None]] = []
        run = ""
        run_start: int | None = 0  # the most characters before the run
        consumed: int | None = 0  # the most characters the items so far take
        while self._peek() not in ("", "|", ")"):
            item = self.atom()
            low, high = self.quantifier()
            if item.zero_width:
                continue  # matches no character: the run goes on across it
            if item.char is not None and low == 1 and not self._quantified:
                if not run:
                    run_start = consumed
                run += item.char
                consumed = _plus(consumed, 1)
                continue
            if run:
                candidates.append((frozenset([run]), run_start))
                run = ""
            if low >= 1 and item.required:
                candidates.append((item.required, _plus(consumed, item.reach)))
            consumed = _plus(consumed, _times(item.width, high))
        if run:
            candidates.append((frozenset([run]), run_start))
        if not candidates:
            return _Found(None, None, consumed)
        if self.bounded:
            # Only a candidate whose reach is bounded lets the pattern be tried
            # near its literals, and those worth finding first (FEW) rather
            # than the strongest: the months of "the first of May", not "the ".
            candidates = [candidate for candidate in candidates if candidate[1] is not None] or candidates
            required, reach = max(candidates, key=lambda c: (worth_finding(c[0]), _strength(c[0])))
        else:
            # A required string with a rare character ("z" in "-ize") beats the
            # strongest set: one "in" test finds it, and the regex engine skips
            # to it by itself (the 84 stems of -ise: 0.15 -> 0.02 s over the
            # BBC corpus).
            rare = [candidate for candidate in candidates if len(candidate[0]) == 1 and _rare(*candidate[0])]
            required, reach = max(rare or candidates, key=lambda candidate: _strength(candidate[0]))
        return _Found(required, reach, consumed)

    _quantified = False

    def quantifier(self) -> tuple[int, int | None]:
        """The least and the most counts of the quantifier after an atom
        (1 and 1 if none; None for no most)."""
        match = _QUANTIFIER_RE.match(self.pattern, self.position)
        self._quantified = match is not None
        if match is None:
            return 1, 1
        self.position = match.end()
        text = match.group()
        if text[0] == "+":
            return 1, None
        if text[0] == "*":
            return 0, None
        if text[0] == "?":
            return 0, 1
        low, high = match.group(1), match.group(2)
        least = int(low) if low else 0
        if "," not in text:
            return least, least
        return least, int(high) if high else None

    def atom(self) -> _Item:
        char = self.pattern[self.position]
        self.position += 1
        if char == "\\":
            return self.escape()
        if char in "^$":
            return _Item(width=0, zero_width=True)
        if char == ".":
            return _Item()
        if char == "[":
            self.character_class()
            return _Item()
        if char == "(":
            return self.group()
        if char in "*+?{":
            raise _Unreadable(char)
        return _Item(char=char, required=frozenset([char]))

    def escape(self) -> _Item:
        char = self.pattern[self.position]
        self.position += 1
        if char in _ZERO_WIDTH_ESCAPES:
            self.unplaceable = self.unplaceable or char in _START_ESCAPES
            return _Item(width=0, zero_width=True)
        if char in _SIMPLE_ESCAPES:
            return self._literal(_SIMPLE_ESCAPES[char])
        if char in "xuU":
            return self._literal(self._code_point(char))
        if char == "L":
            return self._named_list()
        if char in "pPNXdDwWsShHRQE" or char.isdigit() or char == "g":
            if char in "pPN" and self._peek() == "{":
                self.position = self.pattern.index("}", self.position) + 1
            elif char == "g" and self._peek() == "<":
                self.position = self.pattern.index(">", self.position) + 1
            elif char in "QE":
                raise _Unreadable("\\Q")
            # A class is one character; a back-reference or a grapheme, any number.
            return _Item(width=1 if char in _CLASS_ESCAPES else None)
        if char.isalnum():
            raise _Unreadable(f"\\{char}")
        return self._literal(char)

    def _literal(self, char: str) -> _Item:
        return _Item(char=char, required=frozenset([char]))

    def _code_point(self, kind: str) -> str:
        if self._peek() == "{":
            end = self.pattern.index("}", self.position)
            digits, self.position = self.pattern[self.position + 1 : end], end + 1
        else:
            width = {"x": 2, "u": 4, "U": 8}[kind]
            digits = self.pattern[self.position : self.position + width]
            self.position += width
        return chr(int(digits, 16))

    def _named_list(self) -> _Item:
        if self._peek() != "<":
            raise _Unreadable("\\L")
        end = self.pattern.index(">", self.position)
        name, self.position = self.pattern[self.position + 1 : end], end + 1
        words = self.named_lists.get(name)
        if not words:
            raise _Unreadable(f"\\L<{name}>")
        return _Item(required=frozenset(words), width=max(map(len, words)))

    def character_class(self) -> None:
        """Skip a class ([...], nested sets and escapes included)."""
        depth = 1
        if self._peek() == "^":
            self.position += 1
        if self._peek() == "]":
            self.position += 1
        while depth:
            char = self.pattern[self.position]
            self.position += 1
            if char == "\\":
                self.position += 1
            elif char == "[":
                depth += 1
            elif char == "]":
                depth -= 1

    def group(self) -> _Item:
        zero_width = False
        if self._peek() == "?":
            self.position += 1
            kind = self._peek()
            if kind in "=!":
                self.position += 1
                zero_width = True
            elif kind == "<" and self.pattern[self.position + 1] in "=!":
                self.position += 2
                zero_width = True
            elif kind in ":>|":
                if kind == "|":
                    raise _Unreadable("(?|")
                self.position += 1
            elif kind == "#":
                self.position = self.pattern.index(")", self.position) + 1
                return _Item(width=0, zero_width=True)
            elif kind == "P" or kind == "<":
                if kind == "P":
                    self.position += 1
                    if self._peek() in "=>":
                        raise _Unreadable("(?P=")
                self.position = self.pattern.index(">", self.position) + 1
            else:  # flags: (?i) for the rest, or (?i-s:...) for a group
                flags_start = self.position
                while self._peek() and self._peek() in "aiLmsuxVwfbre0123456789-^":
                    self.position += 1
                flags = self.pattern[flags_start : self.position]
                if "x" in flags:
                    raise _Unreadable("(?x")  # verbose: spaces are no literals ("(?ix) a b" matches "ab")
                self.unplaceable = self.unplaceable or not set(flags) <= _PLAIN_FLAGS
                if self._peek() == ")":
                    self.position += 1
                    return _Item(width=0, zero_width=True)
                if self._peek() != ":":
                    raise _Unreadable("(?")
                self.position += 1
        inner = self.alternation()
        if self._peek() != ")":
            raise _Unreadable("(")
        self.position += 1
        if zero_width:
            return _Item(width=0, zero_width=True)
        return _Item(required=inner.required, reach=inner.reach, width=inner.width)


#: Characters in nearly every article: a literal made only of them filters little.
_COMMON = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,'\"-\n")


def _rare(literal: str) -> bool:
    """A string with a character few articles have: one not in _COMMON, or
    one of the rarest letters of English."""
    return any(char not in _COMMON or char in "jqxzJQXZ" for char in literal)


def _strength(literals: Literals) -> tuple[int, int]:
    """How well a set of literals filters: longer shortest strings, then a
    character most articles lack ("[" before "link"), then fewer strings."""

    def worth(literal: str) -> int:
        return len(literal) + (3 if any(char not in _COMMON for char in literal) else 0)

    return (min(map(worth, literals)), -len(literals))


class Prefilter:
    """The quick no: prose holding none of ``literals`` cannot match; and,
    where the pattern bounds their ``reach``, where they are.

    A few strings are looked for one by one with ``in``, all but free where
    the prose's characters cannot spell them (an invisible character in ASCII
    text); more (the twelve months) in one pass of the stdlib engine, as a
    trie (three times faster than an alternation of 84 stems). Where case does
    not matter, the literals are looked for, lower-cased, in the lower-cased
    prose (made once per document and shared): an ``re.IGNORECASE`` scan of
    every article cost ten times as much.
    """

    def __init__(self, literals: Literals, ignore_case: bool) -> None:
        self.ignore_case = ignore_case
        self.literals = tuple(sorted({literal.lower() for literal in literals} if ignore_case else literals))
        # A string: its hash is kept, where a tuple's is worked out again at
        # every look-up (the memo is asked ~20 times an article).
        self.key = ("i" if ignore_case else "c") + "\x00".join(self.literals)
        self.rare = len(self.literals) == 1 and _rare(self.literals[0])  # one string with a rare character
        self.pattern: re.Pattern[str] | None = None  # for many literals, compiled on first use
        self._overlap_free: bool | None = None

    def _compiled(self) -> re.Pattern[str]:
        if self.pattern is None:
            self.pattern = re.compile(trie(self.literals, space=None))
        return self.pattern

    def absent_from(self, prose: str, lowered: Callable[[], str], memo: dict[object, bool] | None = None) -> bool:
        """Whether ``prose`` (or ``lowered()``, the same lower-cased) holds none
        of the literals. ``memo`` keeps the answer for one document: the date
        styles share their month names, and ask once."""
        if memo is not None and self.key in memo:
            return memo[self.key]
        text = lowered() if self.ignore_case else prose
        if len(self.literals) > 4:
            absent = self._compiled().search(text) is None
        else:
            absent = not any(map(text.__contains__, self.literals))
        if memo is not None:
            memo[self.key] = absent
        return absent

    def _apart(self) -> bool:
        """Whether no two places where literals start can overlap ("Mar"
        and "March" start at one place; "ab" and "bc" overlap in "abc"): then
        one scan, which resumes after each literal it finds, finds every
        place (one call, not one per place: 0.04 -> 0.01 s for the months
        over the BBC corpus)."""
        if self._overlap_free is None:
            literals = self.literals
            self._overlap_free = not any(
                literal[cut:].startswith(other) or other.startswith(literal[cut:])
                for literal in literals
                for cut in range(1, len(literal))
                for other in literals
            )
        return self._overlap_free

    def starts(self, prose: str, lowered: Callable[[], str], memo: dict[object, Any]) -> list[int] | None:
        """Every place a literal starts in ``prose`` (in ``lowered()`` where
        case does not matter), overlapping ones too, in order; None where
        there are so many (more than one in _SPARSE characters) that trying
        the pattern at each would cost more than running it over the prose.
        ``memo`` keeps the answer for one document: the date styles share
        their month names, and look for them once."""
        key = "starts\x00" + self.key
        if key in memo:
            found: list[int] | None = memo[key]
            return found
        text = lowered() if self.ignore_case else prose
        most = len(text) // _SPARSE + 16
        places: list[int] = []
        if len(self.literals) > 4 and self._apart():
            places = [match.start() for match in self._compiled().finditer(text)]
        elif len(self.literals) > 4:
            search = self._compiled().search
            match = search(text)
            while match is not None and len(places) <= most:
                places.append(match.start())
                match = search(text, match.start() + 1)  # the leftmost start after it, overlapping or not
        else:
            for literal in self.literals:
                at = text.find(literal)
                while at != -1 and len(places) <= most:
                    places.append(at)
                    at = text.find(literal, at + 1)
            places = sorted(set(places))
        found = memo[key] = places if len(places) <= most else None
        return found


#: How many literals make finding them and trying a pattern near each beat
#: running it over the prose: the 24 month names and abbreviations (the date
#: styles ran 0.18 s over the BBC corpus, 0.05 s so). Fewer ("Mr", "Mrs",
#: "Ms", "Dr"), the regex engine finds them as fast itself; more (84 stems),
#: the stdlib engine scans for them slower than the pattern runs.
FEW = (5, 128)


def worth_finding(literals: Literals) -> bool:
    """Whether ``literals`` are worth finding first to try a pattern near
    them: FEW of them, none shorter than three characters ("st", "th" are
    everywhere)."""
    return FEW[0] <= len(literals) <= FEW[1] and min(map(len, literals)) >= 3


#: Literals this far apart on average, or further, are worth finding first
#: and trying the pattern near (the months of the date styles); closer ("the
#: " of "the first of May"), the pattern runs over the prose, faster then.
_SPARSE = 100


def prefilter(
    pattern: str, ignore_case: bool, named_lists: Mapping[str, Sequence[str]] | None = None
) -> Prefilter | None:
    """The prefilter for ``pattern``, or None where it needs none.

    A pattern that starts with a literal gets one too: the regex engine
    would skip to the literal as fast, but each call with a time limit costs
    ~2 µs (two clock system calls) before it starts, and most articles hold
    no invisible character, placeholder or boilerplate (0.05 s over the BBC
    corpus, against 0.01 s for the ``in`` tests)."""
    literals = required_literals(pattern, named_lists)
    if literals is None:
        return None
    return Prefilter(literals, ignore_case or is_case_insensitive(pattern))


def window(
    pattern: str, ignore_case: bool, named_lists: Mapping[str, Sequence[str]] | None = None
) -> tuple[Prefilter, int] | None:
    """Literals to try ``pattern`` near, with their reach, where it has
    literals of bounded reach; else None."""
    anchor = literal_anchor(pattern, named_lists, bounded=True)
    if anchor is None or anchor.reach is None:
        return None
    return Prefilter(anchor.literals, ignore_case or is_case_insensitive(pattern)), anchor.reach
