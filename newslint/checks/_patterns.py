"""Rule patterns: a rule file's regexes, compiled once, with the literal
prefilter the engine derives from each (see newslint/prefilter.py).

A rule file's pattern can backtrack for ever on some text (``(a+)+$``
against a long run of "a" and a "!"), so every run of one has a time limit;
past it the file is not checked and the error names the rule.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import regex

from newslint.compiled import compile_regex
from newslint.document import MASK, Document
from newslint.lexicon import NAMED_LISTS
from newslint.options import OptionError
from newslint.prefilter import Prefilter, prefilter, window, worth_finding

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
        return compile_regex(pattern, flags, lists)
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
        self.case_sensitive = case_sensitive
        self.compiled = compile_pattern(source, case_sensitive, option)
        self._window: tuple[Prefilter, int] | None = None  # _near's answer, once known
        self._window_known = False
        self._windowed: Any = None  # made by _near_literals when first needed
        lists = {name: words for name, words in NAMED_LISTS.items() if f"\\L<{name}>" in source}
        self.prefilter = prefilter(source, not case_sensitive, lists)

    def finditer(self, doc: Document) -> Iterable[Any]:
        """The matches in ``doc``'s prose that take in no masked text."""
        prefilter = self.prefilter
        if prefilter is not None and prefilter.absent_from(doc.prose, doc.lowered_prose, doc.memo):
            return ()  # most patterns in most articles: no generator made
        return self._finditer(doc)

    def _finditer(self, doc: Document) -> Iterator[Any]:
        prose = doc.prose
        try:
            # The timeout counts each search for the next match, not the
            # check's work between them.
            starts = None
            near = self._near()
            if near is not None:
                starts = near[0].starts(prose, doc.lowered_prose, doc.memo)
            if starts is not None and near is not None:
                matches = self._near_literals(prose, starts, near[1])
            else:
                matches = self.compiled.finditer(prose, timeout=PATTERN_TIMEOUT)
            for match in matches:
                if match.end() > match.start() and MASK not in match.group():
                    yield match
        except TimeoutError:
            raise PatternTimeout(self.source, PATTERN_TIMEOUT) from None

    def _near(self) -> tuple[Prefilter, int] | None:
        """The literals to try the pattern near and their reach, where
        that pays (see prefilter.worth_finding); worked out on first use."""
        if not self._window_known:
            found = None
            # Not for a pattern that requires a rare string ("z"): the regex
            # engine skips to it by itself.
            if self.prefilter is not None and not self.prefilter.rare:
                lists = {name: words for name, words in NAMED_LISTS.items() if f"\\L<{name}>" in self.source}
                found = window(self.source, not self.case_sensitive, lists)
                if found is not None and not worth_finding(frozenset(found[0].literals)):
                    found = None
            self._window, self._window_known = found, True
        return self._window

    def _near_literals(self, prose: str, starts: list[int], reach: int) -> Iterator[Any]:
        """The matches ``finditer`` gives, found by trying the pattern only
        where a match could start: at most ``reach`` characters before one of
        the ``starts`` of its literals.

        The next match after a position starts at or after it, and holds a
        literal that starts at most ``reach`` further on, so at or after the
        first literal from that position: no match can start more than
        ``reach`` before it. The places from there to the literal are tried
        in order, as a search tries them, in one call: the pattern behind a
        lazy run of up to ``reach`` characters and ``\\K`` (a call costs
        ~2 µs with a time limit, whatever it does). For the date styles (a
        month in every match, a few months an article) that is a try where
        a search tried every character: 0.25 -> 0.05 s over the BBC corpus.
        """
        if reach:
            if self._windowed is None:
                self._windowed = compile_pattern(_window(self.source, reach), self.case_sensitive)
            match_at = self._windowed.match
        else:
            match_at = self.compiled.match
        position = 0
        for literal in starts:
            if literal < position:
                continue
            start = max(position, literal - reach)
            match = match_at(prose, start, timeout=PATTERN_TIMEOUT)
            if match is None:
                # No match starts from ``start`` to ``start + reach``, which
                # is at or after the literal.
                position = start + reach + 1
            else:
                yield match
                position = max(match.end(), match.start() + 1)

    def match(self, prose: str, position: int) -> Any:
        try:
            return self.compiled.match(prose, position, timeout=PATTERN_TIMEOUT)
        except TimeoutError:
            raise PatternTimeout(self.source, PATTERN_TIMEOUT) from None


# Inline flags at a pattern's start, kept there when it is wrapped.
_LEADING_FLAGS_RE = regex.compile(r"(?:\(\?[a-zA-Z]+\))*")


def _window(source: str, reach: int) -> str:
    """``source`` tried at every place from where a match begins up to
    ``reach`` characters on, in order, reporting the match's own span: a
    lazy run of any characters, then ``\\K`` (which starts the match anew)."""
    flags = _LEADING_FLAGS_RE.match(source).group()  # type: ignore[union-attr]
    return f"{flags}(?s:.{{0,{reach}}}?)\\K{source[len(flags) :]}"


def passes(exceptions: list[RulePattern], prose: str, start: int, end: int) -> bool:
    """Whether an exception matches where a finding starts and takes in all of
    it: the finding is part of a wider text that is fine."""
    for exception in exceptions:
        match = exception.match(prose, start)
        if match is not None and match.end() >= end:
            return True
    return False
