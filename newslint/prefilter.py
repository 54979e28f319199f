"""Literal prefilters, derived from a rule's own regex.

A regex pass costs far more than looking for a string: "does the article
contain ' - ' at all?" is answered in C. For each rule pattern this module
works out a set of literal strings of which every match must contain one (for
the date styles, the month names; for the dash, ' - '), so that prose without
any of them is not searched. Rule authors write no hint: the engine reads the
pattern. Where it cannot be sure (a construct it does not read), it derives
nothing and the pattern always runs; it never derives a set a match could
avoid (tested against every built-in rule's examples).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

Literals = frozenset[str]

_SIMPLE_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v", "a": "\a", "e": "\x1b"}
# Escapes that match no character (assertions): they leave a literal run unbroken.
_ZERO_WIDTH_ESCAPES = set("bBAZzGKmM")
_QUANTIFIER_RE = re.compile(r"(?:[*+?]|\{(\d*)(?:,(\d*))?\})[?+]?")


class _Unreadable(Exception):
    """A construct this reader does not follow: derive nothing."""


@dataclass
class _Item:
    """One atom of a sequence: its exact text if it is a single literal
    character, what any match of it must contain, and whether it is zero-width."""

    char: str | None = None
    required: Literals | None = None
    zero_width: bool = False


def required_literals(pattern: str, named_lists: Mapping[str, Sequence[str]] | None = None) -> Literals | None:
    """Strings one of which every match of ``pattern`` contains, or None."""
    if "(?x" in pattern or "(?(" in pattern:
        return None  # verbose mode and conditionals: not read here
    try:
        parser = _Parser(pattern, named_lists or {})
        found = parser.alternation()
        if parser.position != len(pattern):
            return None
    except (_Unreadable, IndexError):
        return None
    if not found or "" in found:
        return None
    return found


def is_case_insensitive(pattern: str) -> bool:
    """Whether any part of ``pattern`` turns case-insensitivity on (the
    prefilter then ignores case everywhere: a weaker filter, never a wrong one)."""
    return re.search(r"\(\?[a-zA-Z]*i", pattern) is not None


class _Parser:
    def __init__(self, pattern: str, named_lists: Mapping[str, Sequence[str]]) -> None:
        self.pattern, self.position, self.named_lists = pattern, 0, named_lists

    def _peek(self) -> str:
        return self.pattern[self.position] if self.position < len(self.pattern) else ""

    def alternation(self) -> Literals | None:
        """Branches up to a closing bracket or the end: the union of what each requires."""
        branches = [self.sequence()]
        while self._peek() == "|":
            self.position += 1
            branches.append(self.sequence())
        if any(branch is None for branch in branches):
            return None
        return frozenset().union(*branches)  # type: ignore[arg-type]

    def sequence(self) -> Literals | None:
        candidates: list[Literals] = []
        run = ""
        while self._peek() not in ("", "|", ")"):
            item = self.atom()
            low, _ = self.quantifier()
            if item.zero_width:
                continue  # matches no character: the run goes on across it
            if item.char is not None and low == 1 and not self._quantified:
                run += item.char
                continue
            if run:
                candidates.append(frozenset([run]))
                run = ""
            if low >= 1 and item.required:
                candidates.append(item.required)
        if run:
            candidates.append(frozenset([run]))
        return max(candidates, key=_strength) if candidates else None

    _quantified = False

    def quantifier(self) -> tuple[int, bool]:
        """The minimum count of the quantifier after an atom (1 if none)."""
        match = _QUANTIFIER_RE.match(self.pattern, self.position)
        self._quantified = match is not None
        if match is None:
            return 1, False
        self.position = match.end()
        text = match.group()
        if text[0] == "+":
            return 1, True
        if text[0] in "*?":
            return 0, True
        low = match.group(1)
        return (int(low) if low else 0), True

    def atom(self) -> _Item:
        char = self.pattern[self.position]
        self.position += 1
        if char == "\\":
            return self.escape()
        if char in "^$":
            return _Item(zero_width=True)
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
            return _Item(zero_width=True)
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
            return _Item()  # a class, a back-reference: no literal
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
        return _Item(required=frozenset(words))

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
                return _Item(zero_width=True)
            elif kind == "P" or kind == "<":
                if kind == "P":
                    self.position += 1
                    if self._peek() in "=>":
                        raise _Unreadable("(?P=")
                self.position = self.pattern.index(">", self.position) + 1
            else:  # flags: (?i) for the rest, or (?i-s:...) for a group
                while self._peek() and self._peek() in "aiLmsuxVwfbre0123456789-^":
                    self.position += 1
                if self._peek() == ")":
                    self.position += 1
                    return _Item(zero_width=True)
                if self._peek() != ":":
                    raise _Unreadable("(?")
                self.position += 1
        inner = self.alternation()
        if self._peek() != ")":
            raise _Unreadable("(")
        self.position += 1
        if zero_width:
            return _Item(zero_width=True)
        return _Item(required=inner)


#: Characters in nearly every article: a literal made only of them filters little.
_COMMON = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,'\"-\n")


def _strength(literals: Literals) -> tuple[int, int]:
    """How well a set of literals filters: longer shortest strings, then a
    character most articles lack ("[" before "link"), then fewer strings."""

    def worth(literal: str) -> int:
        return len(literal) + (3 if any(char not in _COMMON for char in literal) else 0)

    return (min(map(worth, literals)), -len(literals))


class Prefilter:
    """The quick no: prose holding none of ``literals`` cannot match.

    A few strings are looked for one by one with ``in``, all but free where
    the prose's characters cannot spell them (an invisible character in ASCII
    text); more (the twelve months) in one pass of the stdlib engine. Where
    case does not matter, the literals are looked for, lower-cased, in the
    lower-cased prose (made once per document and shared): an
    ``re.IGNORECASE`` scan of every article cost ten times as much.
    """

    def __init__(self, literals: Literals, ignore_case: bool) -> None:
        self.ignore_case = ignore_case
        self.literals = tuple(sorted({literal.lower() for literal in literals} if ignore_case else literals))
        self.key = (ignore_case, self.literals)
        self.pattern: re.Pattern[str] | None = None  # for many literals, compiled on first use

    def absent_from(self, prose: str, lowered: Callable[[], str], memo: dict[object, bool] | None = None) -> bool:
        """Whether ``prose`` (or ``lowered()``, the same lower-cased) holds none
        of the literals. ``memo`` keeps the answer for one document: the date
        styles share their month names, and ask once."""
        if memo is not None and self.key in memo:
            return memo[self.key]
        text = lowered() if self.ignore_case else prose
        if len(self.literals) > 4:
            if self.pattern is None:
                self.pattern = re.compile("|".join(map(re.escape, self.literals)))
            absent = self.pattern.search(text) is None
        else:
            absent = not any(map(text.__contains__, self.literals))
        if memo is not None:
            memo[self.key] = absent
        return absent


def starts_with_literal(pattern: str) -> bool:
    """Whether the pattern's first atom is a plain character: the regex
    engine then skips ahead to it at C speed, and a prefilter would only
    add a pass (measured: the dash, double spaces and single characters ran
    slower behind one)."""
    first = pattern[:1]
    if first == "\\":
        return len(pattern) > 1 and not pattern[1].isalnum() or pattern[1:2] in ("u", "x")
    return bool(first) and first not in "()[]{}.^$|*+?"


def prefilter(
    pattern: str, ignore_case: bool, named_lists: Mapping[str, Sequence[str]] | None = None
) -> Prefilter | None:
    """The prefilter for ``pattern``, or None where it needs none."""
    if starts_with_literal(pattern):
        return None
    literals = required_literals(pattern, named_lists)
    if literals is None:
        return None
    return Prefilter(literals, ignore_case or is_case_insensitive(pattern))
