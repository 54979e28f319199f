"""The quotation analyser: which marks open, close or are apostrophes, and
where direct speech runs.

It works paragraph by paragraph and knows the newsroom convention for a quote
that runs over several paragraphs: each paragraph opens with a quotation mark
and only the last one closes. Every rule shares one analysis per Document.

Classification of a straight mark depends on its neighbours (flanking, as
CommonMark calls it): a mark after a space and before a word opens, one after a
word and before a space or punctuation closes. Apostrophes sit inside words
(``they're``, ``Nato’s``) or start an elision (``’90s``, ``rock ’n’ roll``);
primes follow digits (``5'10"``). An unclosed straight single quote is read as
an apostrophe, never reported: precision over recall.

Curly marks are read by position too, so a mark typed the wrong way round is
seen for what it is: ``“`` after a word, closing an open quote, is a closing
mark (reversed); ``”`` after a space and before a word, with no quote open, an
opening one. ``„`` opens (German, Hungarian, Polish), and ``“`` closes a quote
it opened. Two single marks typed for a double one (``''``, ``’’``: old wire
copy) are one double mark; a ``"`` typed for an apostrophe (``India"s``) is an
apostrophe.

Every pass is linear in the number of marks: the innermost open mark of each
kind is kept in its own stack, and nothing rescans a paragraph per mark.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from operator import attrgetter
from typing import Literal, NamedTuple

from newslint.lexicon import HONORIFICS, alternation
from newslint.patterns import lazy_compile
from newslint.text import Block

Role = Literal["open", "close", "apostrophe", "prime"]
Kind = Literal["double", "single"]

DOUBLE = {'"', "“", "”", "„"}
SINGLE = {"'", "‘", "’"}
STRAIGHT = {'"', "'"}
CURLY_FOR = {("double", "open"): "“", ("double", "close"): "”", ("single", "open"): "‘", ("single", "close"): "’"}
STRAIGHT_FOR = {"double": '"', "single": "'"}

MARKS = "\"'“”‘’„"
_ELISION_RE = lazy_compile(r"(?i)(?:\d\d?s?\b|n['’]|em\b|til\b|tis\b|cause\b|twas\b)")
# What follows an apostrophe typed as a double mark: India"s, don"t, we"ll.
_APOSTROPHE_SUFFIX_RE = lazy_compile(r"(?:s|t|ll|re|ve|d|m)(?!\p{L})")
# An attribution clause inside an unclosed quote means the closing mark was
# forgotten, not that the quote runs on into the next paragraph.
# The speaker is a third person: "I said" and "we said" inside a quote are the
# speaker talking ("I said then you don't do deals"), not the reporter.
_SPEAKER = (
    rf"(?:he|she|they|it|(?:{alternation(HONORIFICS)})\.?\s+\p{{Lu}}[\w-]*|\p{{Lu}}[\w-]+(?:\s+\p{{Lu}}[\w-]+){{0,3}})"
)
_SPEECH_VERB = r"(?:said|says|added|adds|told|asked|explained|wrote|continued|countered|replied|insisted|warned)"
# After a comma (or ? !) only: ". Mr Smith said so." may well be the speaker.
_ATTRIBUTION_RE = lazy_compile(rf"[,?!]\s+{_SPEAKER}\s+{_SPEECH_VERB}\b")
# "He added: " or "In a statement, it said: " just before an opening mark: a new
# quote starts, so a quote still open was never closed (not nested).
_INTRODUCTION_RE = lazy_compile(rf"(?:^|[\s,])(?:{_SPEAKER})\s+{_SPEECH_VERB}(?:\s+[\w\s,'’-]{{0,40}}?)?:\s*$")
# A paragraph that stops mid-sentence ("... i.e. like an") before one starting
# in lower case ("agent provocateur"): one paragraph broken in two, often where
# a bold name or a link was dropped. Quotes run on across the break.
_BROKEN_START_RE = lazy_compile(r"\s*\p{Ll}")
# Where an opening mark stands: after a space, a bracket, a dash, another
# opening mark, or an invisible character a CMS leaves (zero-width space).
# Every whitespace character is in the set (all lie below U+3001), so one
# membership test answers.
_OPENING_CONTEXT = set("([{—–-/\x00\u200b\u200c\u200d\u2060\ufeff“‘„") | {
    chr(code) for code in range(0x3001) if chr(code).isspace()
}
# What a closing mark stands before, besides a space or the paragraph's end.
_AFTER_CLOSE = set(",.;:!?)]}…—–-'’\"”")
# Invisible characters a CMS leaves beside marks (zero-width spaces and joiners).
_INVISIBLE = set("\u200b\u200c\u200d\u2060\ufeff")
_LOOKBACK = 120  # characters before an opening mark that can introduce a new quote


class Mark(NamedTuple):  # a tuple: tens of thousands per corpus, built fast
    offset: int
    char: str  # one character, or two for a doubled single mark ('' or ’’)
    kind: Kind
    role: Role

    @property
    def end(self) -> int:
        return self.offset + len(self.char)

    @property
    def straight(self) -> bool:
        return self.char[0] in STRAIGHT

    @property
    def doubled(self) -> bool:
        """Two single marks typed for one double mark ('' or ’’)."""
        return len(self.char) == 2

    @property
    def curly(self) -> str:
        """The typographically right mark for this one."""
        if self.role == "apostrophe":
            return "’"
        if self.role == "prime":
            return self.char
        return CURLY_FOR[(self.kind, self.role)]


class Quote(NamedTuple):  # a tuple, like Mark: thousands per corpus, built fast
    """One paragraph's stretch of direct speech."""

    open: Mark
    close: Mark | None  # None: runs to the end of the paragraph
    end: int  # exclusive: after the closing mark, or the paragraph's end
    continues: bool = False  # the next paragraph carries the quote on


@dataclass
class QuoteAnalysis:
    marks: list[Mark] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    unbalanced: list[Mark] = field(default_factory=list)
    nested: list[Mark] = field(default_factory=list)
    _starts: list[int] = field(default_factory=list)
    _ends: list[int] = field(default_factory=list)
    #: What the checks work out from the analysis once per document (which
    #: problem each mark has), kept here so every rule shares it.
    memo: dict[str, object] = field(default_factory=dict, compare=False)

    def contains(self, offset: int) -> bool:
        index = bisect.bisect_right(self._starts, offset) - 1
        return index >= 0 and offset < self._ends[index]

    @cached_property
    def quotation_marks(self) -> list[int]:
        """Where the marks that open or close a quotation stand, in order
        (not apostrophes nor primes)."""
        return [mark.offset for mark in self.marks if mark.role in ("open", "close")]

    def mismatched(self) -> list[tuple[Mark, Mark]]:
        """(open, close) pairs whose marks differ in style, straight against
        curly, or in kind, single against double (‘The Bible,”).

        A doubled single mark ('' or ’’) is a problem of its own, not a style.
        """
        return [
            (quote.open, quote.close)
            for quote in self.quotes
            if quote.close is not None
            and (quote.open.straight != quote.close.straight or quote.open.kind != quote.close.kind)
            and not quote.open.doubled
            and not quote.close.doubled
        ]

    def reversed(self) -> list[Mark]:
        """Curly marks typed the wrong way round: ``“`` or ``‘`` closing a
        quote (one that ``„`` did not open), ``”`` opening one."""
        found = [mark for mark in self.marks if mark.char == "”" and mark.role == "open"]
        found += [
            quote.close
            for quote in self.quotes
            if quote.close is not None and quote.close.char in ("“", "‘") and quote.open.char != "„"
        ]
        return sorted(found, key=_OFFSET)

    def wrong_apostrophes(self) -> list[Mark]:
        """Marks typed for an apostrophe that are not one: ``Kim‘s``, ``India"s``."""
        return [mark for mark in self.marks if mark.role == "apostrophe" and mark.char in ("‘", '"')]


# Sort keys in C rather than lambdas: there are thousands of quotes per corpus.
_OPEN_OFFSET = attrgetter("open.offset")
_OFFSET = attrgetter("offset")


def analyse(prose: str, blocks: Sequence[Block]) -> QuoteAnalysis:
    """The marks and quotes of ``prose``, block by block (blocks in order)."""
    analysis = QuoteAnalysis()
    # A block without marks has no marks, quotes or stray marks to add, so
    # it is skipped: many paragraphs have none, and some articles none at all.
    offsets = _mark_offsets(prose)
    if not offsets:
        return analysis
    units = _units(prose, blocks)
    all_marks, all_quotes, all_unbalanced = analysis.marks, analysis.quotes, analysis.unbalanced
    first, count = 0, len(offsets)
    pending: tuple[int, int] | None = None  # (unit, index in quotes) of a quote left open at a paragraph's end
    for index, block in enumerate(units):
        # Blocks come sorted by start, so the search resumes where the last
        # one began: a block without marks costs a comparison or two, and the
        # blocks after the last mark nothing.
        if offsets[first] < block.start:
            first = bisect.bisect_left(offsets, block.start, first)
            if first == count:
                break
        if offsets[first] >= block.end:
            continue
        last = bisect.bisect_left(offsets, block.end, first)
        marks, quotes, unbalanced, nested = _analyse_block(prose, block, offsets[first:last])
        all_marks += marks
        if (
            pending is not None
            and pending[0] == index - 1
            and _closes_a_run_on(prose, block, marks, unbalanced, pending)
        ):
            # The quote ran on into this paragraph, which lost its opening mark
            # and closes it: one problem, the closing mark that matches nothing here.
            all_unbalanced.remove(all_quotes[pending[1]].open)
            old = all_quotes[pending[1]]
            all_quotes[pending[1]] = Quote(old.open, None, old.end, continues=True)
        pending = None
        next_block = units[index + 1] if index + 1 < len(units) else None
        attributed: _AttributedAfter | None = None  # made for the first unclosed quote, if any
        for quote in quotes:
            if quote.close is None and not quote.continues:
                attributed = attributed or _AttributedAfter(prose, block.end)
                if _continues(prose, quote, block, next_block, attributed):
                    quote = Quote(quote.open, None, quote.end, continues=True)
                else:
                    unbalanced.append(quote.open)
                    pending = (index, len(all_quotes))
            all_quotes.append(quote)
        all_unbalanced += unbalanced
        # Nesting is only clear inside a quote that is itself sound: a "nested"
        # mark in a quote never closed is more likely a new quote after a
        # forgotten closing mark, which ``unbalanced`` already reports.
        if nested:
            unsound = set(unbalanced) | {mark for mark in marks if mark.role == "apostrophe"}
            analysis.nested.extend(mark for mark, outer in nested if outer not in unsound and mark.role == "open")
    analysis.quotes.sort(key=_OPEN_OFFSET)
    analysis.unbalanced.sort(key=_OFFSET)
    # Spans are merged so containment is one bisect, nesting or not.
    starts, ends = analysis._starts, analysis._ends
    for quote in analysis.quotes:
        if ends and quote.open.offset < ends[-1]:
            ends[-1] = max(ends[-1], quote.end)
        else:
            starts.append(quote.open.offset)
            ends.append(quote.end)
    return analysis


def _closes_a_run_on(
    prose: str, block: Block, marks: list[Mark], unbalanced: list[Mark], pending: tuple[int, int]
) -> bool:
    """Whether ``block`` carries on a quote left open in the paragraph before
    it without its opening mark: it starts with a word, and its first double
    mark is a closing one that matches nothing in it."""
    if not prose[block.start : block.start + 1].isalnum():
        return False
    first = next((mark for mark in marks if mark.kind == "double" and mark.role in ("open", "close")), None)
    return first is not None and first.role == "close" and first in unbalanced


def _mark_offsets(prose: str) -> list[int]:
    """Where every quotation mark or apostrophe stands, in order.

    ``str.find`` per mark character runs in C: six times faster than
    iterating a regex's matches over the whole text.
    """
    offsets: list[int] = []
    for char in MARKS:
        offset = prose.find(char)
        while offset != -1:
            offsets.append(offset)
            offset = prose.find(char, offset + 1)
    offsets.sort()
    return offsets


def _last_char(prose: str, start: int, end: int) -> str:
    """The last character of ``prose[start:end]`` that is not whitespace
    (found from the end: no copy of a paragraph that may be long)."""
    while end > start and prose[end - 1].isspace():
        end -= 1
    return prose[end - 1] if end > start else ""


def _ends_mid_sentence(prose: str, block: Block) -> bool:
    last = _last_char(prose, block.start, block.end)
    return last.isalpha() or last.isdigit() or last in (",", ";")


def _units(prose: str, blocks: Sequence[Block]) -> list[Block]:
    """Blocks, with body paragraphs broken mid-sentence joined back together."""
    units: list[Block] = []
    for block in blocks:
        previous = units[-1] if units else None
        if (
            previous is not None
            and previous.kind == block.kind == "body"
            # An upper-case first character is neither space nor lower case,
            # so the pattern cannot match: skip the call for most paragraphs.
            and not prose[block.start : block.start + 1].isupper()
            and _BROKEN_START_RE.match(prose, block.start, block.end)
            and _ends_mid_sentence(prose, previous)
        ):
            units[-1] = Block("body", previous.start, block.end)
        else:
            units.append(block)
    return units


class _AttributedAfter:
    """Whether an attribution clause ("..., he said") follows an offset in a
    block, for every unclosed quote of the block in one pass.

    Whether a match starts at or after an offset can only turn from yes to no
    as the offset grows, so each search starts past the last match found, and
    after the first search that finds nothing, none is needed: the block is
    read once however many quotes it leaves open.
    """

    def __init__(self, prose: str, end: int) -> None:
        self.prose, self.end = prose, end
        self.found_at = -1  # start of the last match found
        self.none_after: int | None = None  # no match starts at or after this

    def __call__(self, offset: int) -> bool:
        if offset <= self.found_at:
            return True
        if self.none_after is not None and offset >= self.none_after:
            return False
        match = _ATTRIBUTION_RE.search(self.prose, offset, self.end)
        if match is None:
            self.none_after = offset
            return False
        self.found_at = match.start()
        return True


def _continues(prose: str, quote: Quote, block: Block, next_block: Block | None, attributed: _AttributedAfter) -> bool:
    if next_block is None or block.kind != "body" or next_block.kind != "body":
        return False
    opener = prose[next_block.start : next_block.end].lstrip()[:1]
    same_kind = DOUBLE if quote.open.kind == "double" else SINGLE
    if opener not in same_kind or opener in "”’":
        return False
    return not attributed(quote.open.offset)


# Mark(...) goes through a Python-level __new__; _make is tuple.__new__ in C,
# twice as fast for the tens of thousands of marks in a corpus.
_new_mark = Mark._make


class _Stack:
    """The open marks of a block, innermost last, with the innermost of each
    kind found at once (a scan of the stack per mark made hostile input,
    thousands of marks deep, quadratic)."""

    def __init__(self) -> None:
        self.items: list[int] = []  # indexes into the block's marks
        self.positions: dict[str, list[int]] = {"double": [], "single": []}  # stack positions per kind

    def __bool__(self) -> bool:
        return bool(self.items)

    def innermost(self, kind: str) -> int | None:
        positions = self.positions[kind]
        return positions[-1] if positions else None

    def push(self, index: int, kind: str) -> None:
        self.positions[kind].append(len(self.items))
        self.items.append(index)

    def cut(self, position: int) -> list[int]:
        """Remove and return the marks from ``position`` on (innermost last)."""
        removed = self.items[position:]
        del self.items[position:]
        for positions in self.positions.values():
            while positions and positions[-1] >= position:
                positions.pop()
        return removed


def _analyse_block(
    prose: str, block: Block, offsets: list[int]
) -> tuple[list[Mark], list[Quote], list[Mark], list[tuple[Mark, Mark]]]:
    """Marks, quotes, stray marks and (nested mark, enclosing mark) pairs of
    one block, whose marks stand at ``offsets``."""
    marks: list[Mark] = []
    quotes: list[Quote] = []
    unbalanced: list[Mark] = []
    nested: list[tuple[int, int]] = []  # indexes into marks
    stack = _Stack()
    closes: set[int] = set()  # offsets of closing marks so far, for _sentence_ended
    stand_ins: dict[int, int] = {}  # open double mark -> a single mark that may close it
    start, end = block.start, block.end
    count = len(offsets)
    position = 0
    while position < count:
        offset = offsets[position]
        position += 1
        char = prose[offset]
        before = prose[offset - 1] if offset > start else " "
        after = prose[offset + 1] if offset + 1 < end else " "
        if before in _INVISIBLE or after in _INVISIBLE:  # a zero-width space a CMS left beside the mark
            before, after = _visible(prose, offset - 1, start, -1), _visible(prose, offset + 1, end, 1)
        if char == '"' and before == "=":
            # An attribute's value in leftover markup (poster="…"): no quotation marks.
            while position < count and prose[offsets[position]] != '"':
                position += 1
            position += 1
            continue
        if char in SINGLE and after == char and position < count and offsets[position] == offset + 1:
            after_both = prose[offset + 2] if offset + 2 < end else " "
            if not (before.isalpha() and after_both.isalpha()):  # not company''s: a typo, two apostrophes
                char, after = char * 2, after_both  # '' or ’’ for a double mark
                position += 1
        if char in DOUBLE or len(char) == 2:
            kind: Kind = "double"
        elif before.isalpha() and after.isalpha():
            marks.append(_new_mark((offset, char, "single", "apostrophe")))  # they're, Nato’s: most marks in news copy
            continue
        else:
            kind = "single"
        innermost = stack.innermost(kind)
        opener = marks[stack.items[innermost]].char if innermost is not None else None
        if char == '"' or len(char) == 2:
            role = _straight_double_role(before, after, opener is not None, prose, offset)
        else:
            role = _role(char, kind, before, after, prose, offset, opener)
            if role == "open" and opener is not None and char in "“‘" and _blank_to(prose, offset + 1, end):
                role = "close"  # “Read the signs next time. “ at the paragraph's end closes (reversed)
        if role == "apostrophe" and before in ",.!?…" and (after.isspace() or after in ")]—–"):
            # “We are done,’ he said: perhaps a single mark typed to close the
            # double quote open around it. Kept in mind, and used only if that
            # quote is still open at the paragraph's end (see below): a lost
            # opening mark of a quote inside it is as likely ("’If you …,’ and").
            top = stack.items[-1] if stack else None
            if top is not None and marks[top].kind == "double":
                stand_ins[top] = len(marks)
        if role == "close" and innermost is None:
            # ‘The Bible,” a miniseries: a double mark closing a single one.
            other = stack.innermost("single" if kind == "double" else "double")
            if other is not None and other == len(stack.items) - 1 and marks[stack.items[other]].char != "’":
                kind = "single" if kind == "double" else "double"
        innermost = stack.innermost(kind)
        index = len(marks)
        mark = _new_mark((offset, char, kind if role != "close" else _own_kind(char), role))
        marks.append(mark)
        if role == "open":
            top = stack.items[-1] if stack else None
            if top is not None and marks[top].kind == kind:
                if _sentence_ended(prose, start, offset, closes):
                    # Run-together paragraphs: the old quote ran on into this one.
                    quotes.append(Quote(marks[top], None, offset, continues=True))
                    stack.cut(len(stack.items) - 1)
                elif _INTRODUCTION_RE.search(prose, max(marks[top].offset + 1, offset - _LOOKBACK), offset):
                    # "... He added: "": the old quote was never closed.
                    unbalanced.append(marks[top])
                    stack.cut(len(stack.items) - 1)
                else:
                    nested.append((index, top))
            stack.push(index, kind)
        elif role == "close":
            closes.update(range(offset, mark.end))
            if innermost is None:
                unbalanced.append(mark)
                continue
            inner = stack.cut(innermost)
            # Any mark opened inside and never closed is left dangling.
            for dangling in inner[1:]:
                _drop_unclosed(marks, dangling, unbalanced)
            quotes.append(Quote(marks[inner[0]], mark, mark.end))
    for dangling in stack.items:
        stand_in = stand_ins.get(dangling)
        if stand_in is not None and marks[dangling].kind == "double" and dangling == stack.items[-1]:
            # The quote closes at the single mark typed for its closing one.
            single = marks[stand_in] = Mark(marks[stand_in].offset, marks[stand_in].char, "single", "close")
            quotes.append(Quote(marks[dangling], single, single.end))
            # A quote opened after it was never inside it.
            nested = [(inner, outer) for inner, outer in nested if outer != dangling or inner < stand_in]
        elif _unclosed_is_quote(marks[dangling]):
            quotes.append(Quote(marks[dangling], None, end))
        else:
            _drop_unclosed(marks, dangling, unbalanced)
    # Nested marks are reported by identity, so point them at the final marks.
    return marks, quotes, unbalanced, [(marks[inner], marks[outer]) for inner, outer in nested]


def _own_kind(char: str) -> Kind:
    """The kind a mark is by its shape: a closing mark keeps it when it
    closes a quote of the other kind (the pair is then mismatched)."""
    return "double" if char in DOUBLE or len(char) == 2 else "single"


def _blank_to(prose: str, offset: int, end: int) -> bool:
    """Whether only spaces stand from ``offset`` to ``end`` (read up to the
    first other character, so each stretch is read once)."""
    while offset < end and prose[offset].isspace():
        offset += 1
    return offset >= end


def _visible(prose: str, offset: int, limit: int, step: int) -> str:
    """The first character from ``offset`` on (``step`` 1) or back (-1) that
    is not an invisible one, or a space at ``limit``."""
    while (offset < limit if step > 0 else offset >= limit) and prose[offset] in _INVISIBLE:
        offset += step
    return prose[offset] if (offset < limit if step > 0 else offset >= limit) else " "


def _unclosed_is_quote(mark: Mark) -> bool:
    """An unclosed straight single mark is an apostrophe after all; any other
    unclosed mark opens a quote that runs on (or was never closed)."""
    return mark.kind == "double" or mark.char == "‘"


def _drop_unclosed(marks: list[Mark], index: int, unbalanced: list[Mark]) -> None:
    mark = marks[index]
    if _unclosed_is_quote(mark):
        unbalanced.append(mark)
    else:  # a straight single: an apostrophe, as at the end of the block
        marks[index] = Mark(mark.offset, mark.char, mark.kind, "apostrophe")


def _closing_position(before: str, after: str) -> bool:
    """Where a closing mark stands: after a word or punctuation, before a
    space, punctuation or the paragraph's end."""
    return before not in _OPENING_CONTEXT and (after.isspace() or after in _AFTER_CLOSE)


def _role(char: str, kind: str, before: str, after: str, prose: str, offset: int, opener: str | None) -> Role:
    """The role of a curly mark, or of a straight single one. ``opener`` is
    the innermost open mark of the same kind, if any."""
    if char == "„":
        return "open"
    if char == "“":
        # After a word and before a space, with a quote open: a closing mark
        # (typed the wrong way round, unless „ opened the quote).
        return "close" if opener is not None and _closing_position(before, after) else "open"
    if char == "‘":
        if _ELISION_RE.match(prose, offset + 1):
            return "apostrophe"  # ‘90s: the wrong mark, reported as such
        if opener is None and before.isalpha() and not after.isalnum():
            return "apostrophe"  # Sanders‘ speech: the wrong mark, reported as such
        return "close" if opener is not None and _closing_position(before, after) else "open"
    if char == "”":
        if opener is None:
            if before.isdigit():
                return "prime"  # 5’10” typed with autocorrect on: an inch mark when no quote is open
            if after.isalnum() and not before.isalnum():
                return "open"  # typed the wrong way round (wrote .”Perhaps: a space missing too)
        return "close"
    word_before, word_after = before.isalnum(), after.isalnum()
    if word_before and word_after:
        return "prime" if before.isdigit() and char == "'" and after.isdigit() else "apostrophe"
    if before in _OPENING_CONTEXT and _ELISION_RE.match(prose, offset + 1):
        return "apostrophe"
    if before.isdigit() and char == "'":
        return "prime"
    if char == "’" and not word_before and word_after:
        return "apostrophe"  # ’Tis, or an opening mark typed the wrong way round
    if before in _OPENING_CONTEXT and not after.isspace():
        return "open"
    if opener is None:
        return "apostrophe"  # the students' union
    return "close"


def _straight_double_role(before: str, after: str, is_open: bool, prose: str, offset: int) -> Role:
    """The role of ``"`` (or of two single marks typed for it), by flanking.
    Most marks in news copy are this one, so ``_analyse_block`` calls it directly."""
    if before.isdigit() and not is_open:
        return "prime"
    if (
        after in "stldmrv"
        and before.isalpha()
        and prose[offset] == '"'
        and _APOSTROPHE_SUFFIX_RE.match(prose, offset + 1)
    ):
        return "apostrophe"  # India"s: a double mark typed for an apostrophe
    if after == " " and prose[offset + 2 : offset + 3] in ("'", "‘") and prose[offset + 3 : offset + 4].isalpha():
        return "open"  # " 'We see…,' he said, 'not…' ": marks spaced apart, wire style
    if is_open and before.isspace() and not after.isalnum() and prose[offset - 2 : offset - 1] in ("'", "’"):
        return "close"  # …, 'not a bear market.' " (or a thin space): the pair's other end
    left_flanking = before in _OPENING_CONTEXT and not after.isspace()
    right_flanking = before not in _OPENING_CONTEXT and (after.isspace() or not after.isalnum())
    if left_flanking and not right_flanking:
        return "open"
    if right_flanking and not left_flanking:
        return "close"
    return "close" if is_open else "open"


def _sentence_ended(prose: str, start: int, offset: int, closes: set[int]) -> bool:
    """Whether a sentence ends before ``offset``, after any closing marks
    (``interesting.’``). Reads back from ``offset`` over spaces, brackets and
    closing marks only, so each stretch of text is read at most once."""
    end = offset
    while end > start and prose[end - 1].isspace():
        end -= 1
    while end > start and (prose[end - 1] in ")]" or end - 1 in closes):
        end -= 1
    return end > start and prose[end - 1] in (".", "!", "?", "…")
