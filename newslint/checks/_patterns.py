"""Rule patterns: a rule file's regexes, compiled once, with the literal
prefilter the engine derives from each (see newslint/prefilter.py).

A rule file's pattern can backtrack for ever on some text (``(a+)+$``
against a long run of "a" and a "!"), so every run of one has a time limit;
past it the file is not checked and the error names the rule.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import regex

from newslint.document import MASK, Document
from newslint.lexicon import NAMED_LISTS
from newslint.options import OptionError
from newslint.prefilter import prefilter

#: Seconds one search by a rule pattern may take (the `regex` module's own
#: timeout, kept in C: a Python-side account of each pattern's time cost a
#: tenth of a run). Built-in and sensible patterns take milliseconds on the
#: largest article newslint reads.
PATTERN_TIMEOUT = 5.0


class PatternTimeout(Exception):
    """A rule's pattern ran past PATTERN_TIMEOUT; the engine fills in the rule."""

    def __init__(self, pattern: str, seconds: float, rule: str = "") -> None:
        super().__init__(pattern, seconds)
        self.pattern, self.seconds, self.rule = pattern, seconds, rule

    def __str__(self) -> str:
        who = f"rule {self.rule}" if self.rule else "a rule"
        return (
            f"{who} gave up after {self.seconds:g} s on its pattern {self.pattern!r}"
            " (it backtracks too much on this text: simplify it)"
        )


def compile_pattern(pattern: str, case_sensitive: bool, option: str = "patterns") -> Any:
    """Compile a rule's pattern once, here; a bad one is an error on ``option``'s line.

    Named lists of the lexicon (``\\L<month>``) are filled in. Version 0 of
    the `regex` module's syntax, whatever a host program set as its default;
    ``(?V1)`` in a pattern asks for version 1.
    """
    flags = regex.VERSION0 if case_sensitive else regex.VERSION0 | regex.IGNORECASE
    lists = {name: words for name, words in NAMED_LISTS.items() if f"\\L<{name}>" in pattern}
    try:
        return regex.compile(pattern, flags, **lists)  # type: ignore[arg-type]
    except (regex.error, ValueError, KeyError) as error:
        message = str(error)
        if "named list" in message or isinstance(error, KeyError):
            message = f"unknown named list (known: {', '.join(sorted(NAMED_LISTS))})"
        raise OptionError(option, f"invalid regex {pattern!r}: {message}") from None


class RulePattern:
    """One regex of a rule: its matches in a document's prose.

    Each pattern runs on its own, once over the whole prose (the engine drops
    what falls outside the rule's scope): joined into one alternation,
    patterns lose the literal-prefix scan that makes them fast. A match that
    takes in text that is not prose (code, a URL) is not a finding.
    """

    def __init__(self, source: str, case_sensitive: bool, option: str = "patterns") -> None:
        self.source = source
        self.compiled = compile_pattern(source, case_sensitive, option)
        lists = {name: words for name, words in NAMED_LISTS.items() if f"\\L<{name}>" in source}
        self.prefilter = prefilter(source, not case_sensitive, lists)

    def finditer(self, doc: Document) -> Iterator[Any]:
        prose = doc.prose
        if self.prefilter is not None and self.prefilter.absent_from(prose, doc.lowered_prose, doc.memo):
            return
        try:
            # The timeout counts each search for the next match, not the
            # check's work between them.
            for match in self.compiled.finditer(prose, timeout=PATTERN_TIMEOUT):
                if match.end() > match.start() and MASK not in match.group():
                    yield match
        except TimeoutError:
            raise PatternTimeout(self.source, PATTERN_TIMEOUT) from None

    def match(self, prose: str, position: int) -> Any:
        try:
            return self.compiled.match(prose, position, timeout=PATTERN_TIMEOUT)
        except TimeoutError:
            raise PatternTimeout(self.source, PATTERN_TIMEOUT) from None


def passes(exceptions: list[RulePattern], prose: str, start: int, end: int) -> bool:
    """Whether an exception matches where a finding starts and takes in all of
    it: the finding is part of a wider text that is fine."""
    for exception in exceptions:
        match = exception.match(prose, start)
        if match is not None and match.end() >= end:
            return True
    return False
