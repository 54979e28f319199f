"""Pattern helpers: regular expressions compiled on first use, and word lists
shaped as tries.

Compiling a pattern with the ``regex`` module costs a fraction of a
millisecond; a module-level pattern compiled at import costs every run,
including a one-file pre-commit run that never reaches the code using it.
The ~90 patterns a typical article needs would cost every process ~25 ms;
compiled once, they are read back from the user's cache (newslint/compiled.py).

A long alternation of words runs slowly in both of Python's engines: at each
position they try every word in turn. The same words as a trie ("u(?:k|s)?"
rather than "u|uk|us") try each prefix once, two to five times faster.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any, Literal

Engine = Literal["regex", "re"]


class LazyPattern:
    """Stands in for ``regex.compile(pattern, flags)`` (or ``re.compile``)
    until it is first used.

    The compiled pattern's methods are then copied onto the instance, so later
    calls cost what calls on the compiled pattern cost.
    """

    def __init__(self, pattern: str, flags: int = 0, engine: Engine = "regex") -> None:
        self._source = (pattern, flags, engine)

    def __getattr__(self, name: str) -> Any:
        pattern, flags, engine = self._source
        compiled: Any
        if engine == "re":
            compiled = re.compile(pattern, flags)
        else:
            import regex

            from newslint.compiled import compile_regex

            compiled = compile_regex(pattern, flags | regex.VERSION0)
        for method in ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split"):
            setattr(self, method, getattr(compiled, method))
        self.pattern, self.flags = compiled.pattern, compiled.flags
        return getattr(compiled, name)


def lazy_compile(pattern: str, flags: int = 0, engine: Engine = "regex") -> Any:
    """A pattern compiled on first use.

    A `regex` pattern is compiled once per machine and read back from the
    user's cache after that (newslint/compiled.py); the standard library's
    engine compiles in every process, two to three times faster than
    `regex` but 1-12 ms for a long pattern. ``engine="re"`` (with ``re``
    flags) is for the few patterns it matches markedly faster, by more than
    ~2 µs an article over a corpus (measured pattern by pattern: the
    ``(\\w)\\1`` of a doubled letter, a long alternation of capitalised
    words); on the rest the two engines agree within noise."""
    return LazyPattern(pattern, flags, engine)


#: Whitespace in the stdlib engine's ASCII mode as in its Unicode mode on
#: ASCII text: ASCII \s leaves out the separators \x1c-\x1f that str.isspace
#: (and so Unicode \s) counts. The ASCII mode scans about 1.5-2x faster, and on
#: ASCII text \w, \W, \b and letter case mean the same in both.
ASCII_SPACE = r"[\s\x1c-\x1f]"

_NON_ASCII_RE = re.compile(r"[^\x00-\x7f]")


def ascii_equivalent(text: str) -> bool:
    """Whether the stdlib engine reads ``text`` in its ASCII mode as in its
    Unicode mode (ASCII_SPACE in place of \\s): text that is ASCII, or whose
    other characters are all symbols and punctuation ("£", "€", curly
    quotes, dashes). None of those is a word character, a space, a digit or
    has a case, so \\w, \\W, \\b, \\d, \\s and case-blind matching treat them
    alike in both modes; a pattern that names one (’ in a class) matches it
    in both. Three BBC articles in ten are not ASCII, for a "£" alone.

    Each distinct character is judged once; the scan stops at the first
    one that does not qualify."""
    if text.isascii():
        return True
    seen: set[str] = set()
    for match in _NON_ASCII_RE.finditer(text):
        char = match.group()
        if char not in seen:
            if not _inert(char):
                return False
            seen.add(char)
    return True


def _inert(char: str) -> bool:
    """Neither a word character nor a space for the stdlib engine (\\w is
    isalnum() or "_"), and without a case."""
    return not (char.isalnum() or char == "_" or char.isspace()) and char.lower() == char == char.upper()


def trie(words: Iterable[str], space: str | None = r"\s") -> str:
    """A pattern matching exactly ``words``, shaped as a trie. Characters are
    taken literally, except that a space matches any run of ``space`` (just
    a space when ``space`` is None)."""
    tree: dict[str, Any] = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_node(tree, " " if space is None else space + "+")


def _trie_node(node: dict[str, Any], spaces: str) -> str:
    branches = [
        # (A letter or digit needs no escape: re.escape() for each would
        # cost a fifth of building the trie, built at import in every run.)
        (spaces if char == " " else char if char.isalnum() else re.escape(char)) + _trie_node(child, spaces)
        for char, child in sorted(node.items())
        if char
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body
