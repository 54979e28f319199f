"""The Document: one article, parsed once and shared by every rule.

Every offset in the system points into ``Document.text``, the source exactly as
read (minus a UTF-8 byte-order mark), so line and column are always exact.
``Document.prose`` is the same text, character for character, with everything
that is not prose (front matter, code, URLs, link targets, HTML) replaced by
``MASK``: rules search ``prose`` and report offsets that are valid in ``text``.
A reader builds the Document; nothing in it reaches back up to readers,
rules or output.

A reader whose source spells characters in several (HTML: ``&rsquo;`` is
``’``) decodes them into ``text`` and keeps a ``SourceMap``: checks see one
character, and lines, columns, spans and fixes are given in the source.
"""

from __future__ import annotations

import bisect
import re
from array import array
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, NamedTuple

from newslint.lexicon import ABBREVIATIONS, MONTH_ABBREVIATIONS, alternation
from newslint.model import genre_named
from newslint.patterns import ascii_equivalent, lazy_compile
from newslint.text import Block, Span, Spans
from newslint.text.layout import appended_comments, caption_like, dateline_end, heading_like, in_capitals
from newslint.text.quotes import QuoteAnalysis, analyse
from newslint.text.verbatim import verbatim_spans

__all__ = ["MASK", "Block", "Span", "Directive", "Document", "SourceMap"]

#: Stands in for every character that is not prose. Not a word character, not
#: whitespace and not punctuation, so no rule pattern can match it.
MASK = "\x00"

# The stdlib engine scans plain \w+ about 1.4x faster than `regex`, with the same
# Unicode \w; this runs over every word of every article.
WORD_RE = re.compile(r"\w+")

# A sentence ends at . ! ? or … (with any closing quotes or brackets after it),
# before whitespace and a capital, digit or opening quote. Group 1 is the gap
# between sentences. (Starting with the terminator, not a lookbehind, lets the
# engine skip to candidates: 2.5x faster.)
_SENTENCE_END_RE = lazy_compile(r"""[.!?…]["'”’)\]]*+(\s+)(?=["'“‘(\[]?[\p{Lu}\d])""")
_ABBREVIATION_RE = lazy_compile(
    rf"""(?:\b(?:{alternation(ABBREVIATIONS + MONTH_ABBREVIATIONS)}|e\.g|i\.e)|\b\p{{Lu}}|(?:\b\p{{Lu}}\.)+\p{{Lu}})\.["'”’)]*$"""
)

# The same where the stretch and the character before it are ASCII (\p{Lu} is
# [A-Z] and \b means the same there): the stdlib engine's call costs a third
# of the regex module's, asked at every full stop (0.03 s over the BBC corpus).
_ASCII_ABBREVIATION_RE = re.compile(
    rf"""(?:\b(?:{alternation(ABBREVIATIONS + MONTH_ABBREVIATIONS)}|e\.g|i\.e)|\b[A-Z]|(?:\b[A-Z]\.)+[A-Z])\.["'”’)]*$""",
    re.ASCII,
)


def _abbreviation_before(prose: str, start: int, end: int) -> bool:
    """Whether ``prose[start:end]`` ends with an abbreviation's full stop."""
    if prose[max(start - 1, 0) : end].isascii():
        return _ASCII_ABBREVIATION_RE.search(prose, start, end) is not None
    return _ABBREVIATION_RE.search(prose, start, end) is not None


# A capitalised word, hyphened parts included ("Kramp-Karrenbauer", "Nato's"),
# also after the Arabic article's lower-case "al-" or "el-" ("al-Zubaidi").
NAME_RE = lazy_compile(r"(?:(?<![\w’'-])|(?<=(?<![\w’'-])[ae]l-))\p{Lu}[\p{L}’']*(?:-\p{Lu}[\p{L}]*)*(?![\w-])")
# The same for text that is all ASCII (most articles), where \p{Lu} is [A-Z],
# \p{L} is [A-Za-z], \w is [A-Za-z0-9_] and ’ cannot occur. The stdlib engine
# skips to a pattern's leading class fast, so the lookbehind comes second (the
# `.` is the capital just matched): 0.041 -> 0.030 s over the corpus's ASCII
# articles.
_ASCII_NAME_RE = re.compile(
    r"[A-Z](?:(?<![\w'-].)|(?<=(?<![\w'-])[ae]l-.))[A-Za-z']*(?:-[A-Z][A-Za-z]*)*(?![\w-])", re.ASCII
)


_UNKNOWN = object()
# Up to this many characters, has_word searches the prose.
_SEARCHED_AT_MOST = 50_000

# A word as has_word reads it: a run of word characters, apostrophes and hyphens.
_TOKEN_RE = re.compile(r"[\w'’-]+")


def lower_in_place(text: str) -> str:
    """``text`` lower-cased with every offset kept (``"İ".lower()`` is two characters)."""
    lowered = lower(text)
    if len(lowered) == len(text):
        return lowered
    return "".join(
        "".join(char if len(char.lower()) != 1 else char.lower() for char in piece) for piece in _pieces(text)
    )


def lower(text: str) -> str:
    """``text.lower()``, a piece at a time: while it works, CPython's
    lower() of text that is not all ASCII takes twelve bytes a character
    (a 5 MB article: 60 MB, the peak of a run over it). The pieces end at
    whitespace, where lower-casing depends on nothing on either side (only
    a final sigma looks at its neighbours)."""
    if text.isascii() or len(text) <= _PIECE:
        return text.lower()  # ASCII text is lower-cased in place of the copy alone
    return "".join(piece.lower() for piece in _pieces(text))


_PIECE = 1 << 16
#: The characters whose lower case is more than one character (a test keeps
#: it complete for the Python in use).
LONGER_LOWER = "\u0130"


def _findall_set(findall: Callable[[str], list[str]], text: str) -> frozenset[str]:
    """The distinct matches of a pattern none of whose matches takes in
    whitespace, piece by piece: a list of every word of a 5 MB text takes
    50 MB."""
    if len(text) <= _PIECE:
        return frozenset(findall(text))
    found: set[str] = set()
    for piece in _pieces(text):
        found.update(findall(piece))
    return frozenset(found)


def _pieces(text: str) -> Iterator[str]:
    """``text`` in pieces of about _PIECE characters, each ending after a
    line break or a space where there is one (a word, a name, a token runs
    across neither)."""
    start = 0
    while start < len(text):
        end = text.find("\n", start + _PIECE)
        if end == -1:
            end = text.find(" ", start + _PIECE)
        end = len(text) if end == -1 else end + 1
        yield text[start:end]
        start = end


class Directive(NamedTuple):
    """A suppression an editor wrote: a ``newslint-disable`` comment, or a
    rule the front matter's ``newslint: {ignore: [...]}`` names.

    ``kind`` is "disable", "enable", "disable-next-line" or "ignore" (front
    matter); ``selectors`` are rule IDs or prefixes (empty: every rule);
    ``start``/``end`` are where it is written, for reporting it unused.
    """

    kind: str
    selectors: tuple[str, ...]
    start: int
    end: int


class SourceMap:
    """Where a Document's ``text`` differs from its source, and how a fix is written back.

    ``stretches`` are (text start, text end, source start, source end) of
    each decoded piece, in order (``’`` at text 10-11 was ``&rsquo;`` at
    source 10-17); every other character is itself, shifted. ``write(replacement,
    start, end)`` gives what a fix of the source span ``start``-``end`` writes
    there (``&rdquo;`` where the source spells characters so), or None where
    the source cannot take a fix (an attribute value read as prose).
    """

    def __init__(
        self,
        source: str,
        stretches: Sequence[tuple[int, int, int, int]],
        write: Callable[[str, int, int], str | None],
    ) -> None:
        self.source = source
        self.stretches = stretches
        self.write = write
        self._text_starts = [stretch[0] for stretch in stretches]

    def offset(self, offset: int, *, end: bool = False) -> int:
        """The source offset of a text offset. One inside a decoded piece of
        several characters goes to the piece's start, or its end for ``end``.
        Where the text leaves source out (an HTML reader's inline tags, a
        piece of no characters), a start goes after it and an end before it."""
        find = bisect.bisect_left if end else bisect.bisect_right
        index = find(self._text_starts, offset) - 1
        if index < 0:
            return offset
        text_start, text_end, source_start, source_end = self.stretches[index]
        if offset >= text_end:
            return source_end + offset - text_end
        return source_end if end and offset > text_start else source_start

    def splits(self, offset: int) -> bool:
        """Whether ``offset`` falls inside a piece (two characters from one entity)."""
        index = bisect.bisect_right(self._text_starts, offset) - 1
        return index >= 0 and self.stretches[index][0] < offset < self.stretches[index][1]

    def hides(self, start: int, end: int) -> bool:
        """Whether source the text leaves out lies inside ``start``-``end`` of
        the text: a fix there would rewrite it (the tags in "Stolten<em>berg")."""
        first = bisect.bisect_right(self._text_starts, start)
        last = bisect.bisect_left(self._text_starts, end)
        return any(self.stretches[index][1] == self.stretches[index][0] for index in range(first, last))


@dataclass
class Document:
    #: The source as read; or, from a reader that decodes (HTML), the decoded text.
    text: str
    #: ``text`` with everything that is not prose replaced by MASK, character for character.
    prose: str
    blocks: list[Block]
    path: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    #: Offsets before this (front matter) are checked but never fixed.
    fixable_from: int = 0
    #: Suppression comments and front-matter ignores, in the order written.
    directives: list[Directive] = field(default_factory=list)
    #: Set when ``text`` is decoded from a source that differs (HTML entities).
    source_map: SourceMap | None = None

    # -- positions -----------------------------------------------------------

    def source_offset(self, offset: int, *, end: bool = False) -> int:
        """Where ``offset`` of ``text`` lies in the source (the same offset
        unless the reader decoded its source)."""
        return offset if self.source_map is None else self.source_map.offset(offset, end=end)

    @cached_property
    def _line_starts(self) -> array[int]:
        # An array, not a list of ints: 8 bytes a line, not 40 (a 5 MB
        # article has 26,000 lines).
        starts = array("q", [0])
        find = (self.text if self.source_map is None else self.source_map.source).find
        index = find("\n")
        while index != -1:
            starts.append(index + 1)
            index = find("\n", index + 1)
        return starts

    def position(self, offset: int, *, end: bool = False) -> tuple[int, int]:
        """1-based (line, column) in the source of ``offset`` of ``text``;
        columns count characters."""
        if self.source_map is not None:
            offset = self.source_map.offset(offset, end=end)
        line = bisect.bisect_right(self._line_starts, offset) - 1
        return line + 1, offset - self._line_starts[line] + 1

    @property
    def genre(self) -> str | None:
        """The genre the article's front matter gives it (``genre: opinion``), or None."""
        return genre_named(self.meta.get("genre"))

    # -- structure -----------------------------------------------------------

    @cached_property
    def _block_starts(self) -> list[int]:
        return [block.start for block in self.blocks]

    def block_at(self, offset: int) -> Block | None:
        index = bisect.bisect_right(self._block_starts, offset) - 1
        if index >= 0 and offset < self.blocks[index].end:
            return self.blocks[index]
        return None

    def block_index(self, block: Block) -> int:
        """Where ``block`` is in ``blocks``, as ``blocks.index(block)`` says,
        found by its start (a search of the list per call made checks that ask
        it of every paragraph quadratic on a long text)."""
        index = bisect.bisect_left(self._block_starts, block.start)
        if index < len(self.blocks) and self.blocks[index] == block:
            return index
        return self.blocks.index(block)

    def block_before(self, block: Block) -> Block:
        """The paragraph before ``block``, or ``block`` itself if it is the first."""
        return self.blocks[max(0, self.block_index(block) - 1)]

    def blocks_of(self, scope: str) -> list[Block]:
        """The blocks of one kind ("all": every block); listed once per kind,
        as checks ask for the headline per candidate (a search of every
        block each time cost 0.5 s in a 20 MB article)."""
        if scope == "all":
            return self.blocks
        found: list[Block] | None = self._of_kind.get(scope)
        if found is None:
            found = self._of_kind[scope] = [block for block in self.blocks if block.kind == scope]
        return found

    @cached_property
    def _of_kind(self) -> dict[str, list[Block]]:
        return {}

    @property
    def body(self) -> list[Block]:
        return self.blocks_of("body")

    @cached_property
    def sentences(self) -> Spans:
        """Sentences of every block, abbreviation-aware (Mr, Dr, U.S., Jan.)."""
        spans = Spans()
        for block in self.blocks:
            self._split_sentences(block.start, block.end, spans)
        return spans

    @property
    def sentence_starts(self) -> Sequence[int]:
        """Where each of ``sentences`` starts, in order: for bisecting."""
        return self.sentences.starts

    def sentences_in(self, start: int, end: int) -> list[Span]:
        """The sentences that start at ``start`` or after and before ``end``."""
        starts = self.sentence_starts
        return self.sentences[bisect.bisect_left(starts, start) : bisect.bisect_left(starts, end)]

    def _split_sentences(self, start: int, end: int, spans: Spans) -> None:
        prose = self.prose
        sentence_start = start
        for end_mark in _SENTENCE_END_RE.finditer(prose, start, end):
            gap_start, gap_end = end_mark.span(1)
            # Abbreviations are short: look only at the end of the sentence so
            # far; and each ends with a full stop, not "?" or "!".
            if end_mark.group()[0] == "." and _abbreviation_before(
                prose, max(sentence_start, gap_start - 12), gap_start
            ):
                continue
            spans.append(sentence_start, gap_start)
            sentence_start = gap_end
        if sentence_start < end:
            spans.append(sentence_start, end)

    @cached_property
    def ascii_equivalent(self) -> bool:
        """Whether the stdlib engine's ASCII mode, faster, reads the prose as
        its Unicode mode does (``patterns.ascii_equivalent``); then so it
        reads ``lowered_prose()``, whose letters are all ASCII too."""
        return ascii_equivalent(self.prose)

    @cached_property
    def capitalised_words(self) -> frozenset[str]:
        """Every distinct capitalised word (NAME_RE) in the prose: one scan
        shared by the checks that look for names and acronyms."""
        prose = self.prose
        findall = (_ASCII_NAME_RE if prose.isascii() else NAME_RE).findall
        return _findall_set(findall, prose)

    @cached_property
    def _words(self) -> frozenset[str]:
        # Piece by piece (no word spans the whitespace a piece ends with):
        # a list of every word of a 5 MB article took 50 MB.
        return _findall_set(_TOKEN_RE.findall, self.prose)

    def has_word(self, word: str) -> bool:
        """Whether ``word`` stands in the prose with no word character,
        apostrophe or hyphen either side ("wave" in "a wave of", not in
        "waved" or "new-wave"). In a long text the prose's words are listed
        once, on the first question: a search per question made it
        quadratic. A news story is searched (listing its words cost 0.13 s
        over the BBC corpus, the searches 0.01 s)."""
        prose = self.prose
        if len(prose) > _SEARCHED_AT_MOST and _TOKEN_RE.fullmatch(word):
            return word in self._words
        return word in prose and re.search(rf"(?<![\w'’-]){re.escape(word)}(?![\w'’-])", prose) is not None

    @cached_property
    def memo(self) -> dict[object, Any]:
        """Answers several rules ask of this document (prefilters), kept once."""
        return {}

    def lowered_prose(self) -> str:
        """``prose`` lower-cased, offset for offset; made once, on first use,
        and shared by the term index and the case-blind prefilters."""
        lowered: str | None = self.__dict__.get("_lowered")
        if lowered is None:
            lowered = self.__dict__["_lowered"] = lower_in_place(self.prose)
        return lowered

    def lowered_is_lower(self) -> bool:
        """Whether ``lowered_prose()`` is ``prose.lower()`` (it is unless a
        letter's lower case is longer: "İ")."""
        return not any(char in self.prose for char in LONGER_LOWER)

    @cached_property
    def quotes(self) -> QuoteAnalysis:
        return analyse(self.prose, self.blocks)

    def in_quote(self, offset: int) -> bool:
        """Whether ``offset`` lies inside direct speech."""
        return self.quotes.contains(offset)

    # -- layout: conventions that depend on position ---------------------------

    @cached_property
    def datelines(self) -> list[Span]:
        """Datelines opening body paragraphs ("WASHINGTON — ", "ST. LOUIS,
        March 18 - ", "Washington (CNN) "): the place is in the wire's
        capitals, not the article's spelling. Any paragraph may open with
        one: a caption or a byline may come first, and a wire digest gives
        each item its own ("BONN - West German Chancellor...")."""
        spans = []
        for index, block in enumerate(self.body):
            end = dateline_end(self.prose, block.start, block.end, lead=index == 0)
            if end is not None:
                spans.append(Span(block.start, end))
        return spans

    def in_dateline(self, offset: int) -> bool:
        block = self.block_at(offset)
        if block is None or block.kind != "body":
            return False
        lead = self.body[0] is block
        end = self._per_block("dateline", block, lambda: dateline_end(self.prose, block.start, block.end, lead))
        return end is not None and offset < end

    # What follows is worked out per block when first asked, not for every
    # block of the article at once: most articles ask about a few blocks
    # (captions, headings and datelines of every block cost 0.05 s over the
    # BBC corpus, and most was never read).

    def _per_block(self, question: str, block: Block, answer: Callable[[], Any]) -> Any:
        known = self._answers.get((question, block.start), _UNKNOWN)
        if known is _UNKNOWN:
            known = self._answers[(question, block.start)] = answer()
        return known

    @cached_property
    def _answers(self) -> dict[tuple[str, int], Any]:
        return {}

    def is_heading(self, block: Block) -> bool:
        """Headlines follow their own conventions: wire and US style write
        "US" in a headline and "U.S." in the body. The headline, the
        standfirst, and body lines that look like subheads or related-story
        teasers are headings."""
        if block.kind != "body":
            return True
        return bool(self._per_block("heading", block, lambda: heading_like(self.prose[block.start : block.end])))

    def is_caption(self, block: Block) -> bool:
        """A photo caption left in the text: agency captions keep their own
        style ("US President Donald Trump speaks …" where the copy has "U.S.")."""
        if block.kind != "body":
            return False
        return bool(self._per_block("caption", block, lambda: caption_like(self.prose[block.start : block.end])))

    def in_capitals(self, block: Block) -> bool:
        """A block set in capitals (a wire headline, a crosshead, a table
        header): the case of its words says nothing about their spelling."""
        return bool(self._per_block("capitals", block, lambda: in_capitals(self.prose[block.start : block.end])))

    @cached_property
    def comments_start(self) -> int | None:
        """Where readers' comments appended to the article begin, or None
        (``text/layout.py``)."""
        body = self.body
        if len(body) < 6:
            return None
        return appended_comments(self.prose, [(block.start, block.end) for block in body])

    def in_comments(self, offset: int) -> bool:
        start = self.comments_start
        return start is not None and offset >= start

    @cached_property
    def verbatim(self) -> list[Span]:
        """Text reproduced as written: quotes of tweets, statements, letters
        and reports, documents a colon brings in, embedded posts, passages in
        another language (``text/verbatim.py``). Its spelling is its source's."""
        if not self.quotes.quotes and not self._verbatim_outside_quotes:
            return []
        return verbatim_spans(self.prose, self.blocks, self.quotes.quotes)

    @cached_property
    def _verbatim_outside_quotes(self) -> bool:
        """Whether the article may hold text as written outside quotation
        marks: a passage in another language, an embedded post, a paragraph
        a colon brings in."""
        prose = self.prose
        return (
            "((" in prose
            or "(@" in prose
            or any(prose[max(block.start, block.end - 8) : block.end].rstrip().endswith(":") for block in self.blocks)
        )

    @cached_property
    def _verbatim_starts(self) -> list[int]:
        return [span.start for span in self.verbatim]

    def in_verbatim(self, offset: int) -> bool:
        """Whether ``offset`` lies in text reproduced as written."""
        if not self._verbatim_outside_quotes and not self.in_quote(offset):
            return False  # outside quotes only other languages, posts and documents are; most articles have none
        index = bisect.bisect_right(self._verbatim_starts, offset) - 1
        return index >= 0 and offset < self.verbatim[index].end
