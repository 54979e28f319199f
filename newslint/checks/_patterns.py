"""Rule patterns: a rule file's regexes, compiled once, with the literal
prefilter the engine derives from each (see newslint/prefilter.py).

A rule file's pattern can backtrack for ever on some text (``(a+)+$``
against a long run of "a" and a "!"), so every run of one has a time limit;
past it the file is not checked and the error names the rule.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

import regex

from newslint.document import MASK, Document
from newslint.lexicon import NAMED_LISTS
from newslint.options import OptionError
from newslint.prefilter import prefilter

#: Seconds one rule pattern may spend on one document, all its runs together
#: (its search, and its matches where findings start when it is an exception).
#: Built-in and sensible patterns take milliseconds on the largest article
#: newslint reads.
PATTERN_TIMEOUT = 5.0

#: Seconds each pattern has spent on the document being checked, by id();
#: set per document by ``pattern_budget`` (a context variable, so that
#: threads checking documents side by side keep separate accounts).
_SPENT: ContextVar[dict[int, float] | None] = ContextVar("newslint_pattern_time", default=None)


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


@contextmanager
def pattern_budget() -> Iterator[None]:
    """Within, each pattern has PATTERN_TIMEOUT seconds in all: one document's checking."""
    token = _SPENT.set({})
    try:
        yield
    finally:
        _SPENT.reset(token)


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
        # Collected at once, so that the time limit counts the matching alone,
        # not the work the check does with each match.
        matches: list[Any] = self._timed(lambda left: list(self.compiled.finditer(prose, timeout=left)))
        for match in matches:
            if match.end() > match.start() and MASK not in match.group():
                yield match

    def match(self, prose: str, position: int) -> Any:
        return self._timed(lambda left: self.compiled.match(prose, position, timeout=left))

    def _timed(self, run: Callable[[float], Any]) -> Any:
        """``run(seconds left)``, charged to this pattern's time on the document."""
        spent = _SPENT.get()
        used = spent.get(id(self), 0.0) if spent is not None else 0.0
        left = PATTERN_TIMEOUT - used
        if left <= 0:
            raise PatternTimeout(self.source, PATTERN_TIMEOUT)
        started = time.monotonic()
        try:
            return run(left)
        except TimeoutError:
            raise PatternTimeout(self.source, PATTERN_TIMEOUT) from None
        finally:
            if spent is not None:
                spent[id(self)] = used + time.monotonic() - started


def passes(exceptions: list[RulePattern], prose: str, start: int, end: int) -> bool:
    """Whether an exception matches where a finding starts and takes in all of
    it: the finding is part of a wider text that is fine."""
    for exception in exceptions:
        match = exception.match(prose, start)
        if match is not None and match.end() >= end:
            return True
    return False
