"""Text helpers under the checks: the quotation analyser and the number reader.

They work on plain strings and spans, never on a Document, so the Document
(built by a reader) can use them without anything reaching back up.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator, Sequence
from typing import NamedTuple, overload


class Block(NamedTuple):  # tuples, not frozen dataclasses: built by the thousand
    """A span of prose: the headline, the standfirst or one body paragraph."""

    kind: str  # "headline" | "standfirst" | "body"
    start: int
    end: int


class Span(NamedTuple):
    start: int
    end: int


class Spans(Sequence[Span]):
    """Spans in order, kept as two arrays of offsets; a Span is made when
    one is asked for. A long article has tens of thousands of sentences: as
    a list of Spans each took 136 bytes (the tuple, its two ints, the list's
    slot), here 16."""

    __slots__ = ("starts", "ends")

    def __init__(self) -> None:
        self.starts = array("q")
        self.ends = array("q")

    def append(self, start: int, end: int) -> None:
        self.starts.append(start)
        self.ends.append(end)

    def __len__(self) -> int:
        return len(self.starts)

    @overload
    def __getitem__(self, index: int) -> Span: ...

    @overload
    def __getitem__(self, index: slice) -> list[Span]: ...

    def __getitem__(self, index: int | slice) -> Span | list[Span]:
        if isinstance(index, slice):
            return list(map(Span, self.starts[index], self.ends[index]))
        return Span(self.starts[index], self.ends[index])

    def __iter__(self) -> Iterator[Span]:
        return map(Span, self.starts, self.ends)
