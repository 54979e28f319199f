"""Text helpers under the checks: the quotation analyser and the number reader.

They work on plain strings and spans, never on a Document, so the Document
(built by a reader) can use them without anything reaching back up.
"""

from __future__ import annotations

from typing import NamedTuple


class Block(NamedTuple):  # tuples, not frozen dataclasses: built by the thousand
    """A span of prose: the headline, the standfirst or one body paragraph."""

    kind: str  # "headline" | "standfirst" | "body"
    start: int
    end: int


class Span(NamedTuple):
    start: int
    end: int
