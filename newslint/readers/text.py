"""Plain text: paragraphs are separated by blank lines; a one-line first
paragraph is the headline, and a second one that looks like a deck (short,
with no sentence punctuation at its end, no dateline; or of any length
above a paragraph that opens with a dateline) the standfirst. A first
paragraph of two lines is a headline over its standfirst, unless the copy
is wrapped and the first line filled its width: then it is a headline that
runs over lines, read as one. URLs, e-mail addresses and suppression
comments are not prose."""

from __future__ import annotations

from collections.abc import Sequence

from newslint.document import MASK, Block, Directive, Document
from newslint.patterns import lazy_compile
from newslint.readers._directives import find_directives
from newslint.text.layout import dateline_end, ends_open, looks_like_standfirst

NAME = "text"
SUFFIXES = (".txt", ".text")

_URL_RE = lazy_compile(r"""\b(?:https?://|ftp://|www\.)[^\s<>"“”]*[^\s<>"“”.,;:!?'’)\]]|\b[\w.+-]+@[\w-]+\.[\w.-]*\w""")
_REPORTED_RE = lazy_compile(r"\b(?:said|told)\b")
_PARAGRAPH_RE = lazy_compile(r"[ \t]*[^\s][^\r\n]*(?:\r?\n[ \t]*[^\s][^\r\n]*)*")


def parse(text: str, path: str | None, layout: str = "article") -> Document:
    spans = paragraph_spans(text)
    directives = find_directives(text)  # editors paste comments into .txt too
    if directives:
        # A paragraph that is only suppression comments is no paragraph (nor a headline).
        spans = [span for span in spans if not _only_directives(text, span, directives)]
    blocks = layout_blocks(text, spans, layout)
    masked = [(d.start, d.end) for d in directives] + list(url_spans(text))
    return Document(text=text, prose=masked_text(text, masked), blocks=blocks, path=path, directives=directives)


def paragraph_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    spans = []
    for match in _PARAGRAPH_RE.finditer(text, start, len(text) if end is None else end):
        # Trailing spaces and the CR of a CRLF belong to no paragraph. (Nothing
        # is left of a "paragraph" of control characters such as \x1c, which
        # the pattern counts as text but Python as whitespace.)
        length = len(match.group().rstrip())
        if length:
            spans.append((match.start(), match.start() + length))
    return spans


def _is_headline(text: str, spans: list[tuple[int, int]]) -> bool:
    """A one-line first paragraph that reads as a headline: no sentence
    punctuation at its end, or, above more paragraphs, short enough for one
    even so (US features: "Trump made Twitter his megaphone. A fact check
    won't change that."; wire: "BRAZIL WANTS TO INCREASE STEEL EXPORTS TO
    U.S.")."""
    line = text[spans[0][0] : spans[0][1]]
    if "\n" in line:
        first_break = text.find("\n", spans[0][0], spans[0][1])
        if not _wrapped(text, spans) or not _filled(text, spans[0][0], first_break, spans):
            return False
        line = " ".join(line.split())  # a headline wrapped like the rest of the copy
    if len(line) > 200:
        return False
    if line.rstrip().endswith((",", ";", ":")):
        return False  # runs on into the next paragraph
    if not line.rstrip().endswith("."):
        return True
    # Not a paragraph of a quote that runs on, nor a wire story's lede, nor a
    # lede that reports in the past tense as copy does ("Police said 12
    # people were hurt."): a headline reports in the present ("says").
    opens_quote = line[:1] in "\"'“‘"
    return (
        len(spans) > 1
        and len(line) <= 100
        and not opens_quote
        and dateline_end(line, 0, len(line)) is None
        and not _REPORTED_RE.search(line)
    )


def _is_standfirst(text: str, spans: list[tuple[int, int]]) -> bool:
    """The paragraph under the headline as a deck: not a lede that ends in
    '.”' or '.)', nor a wire story's first paragraph ("ST. LOUIS, March 18 -
    Shr 1.38 dlrs vs 1.24 dlrs"). A line of any length that ends with no
    sentence punctuation is one where the paragraph after it opens with a
    dateline, as a story's first paragraph does ("Polokwane - Eight people
    were killed …")."""
    start, end = spans[1]
    if looks_like_standfirst(text[start:end]):
        return True
    line = text[start:end].strip()
    return (
        "\n" not in line
        and ends_open(line)
        and dateline_end(line, 0, len(line)) is None
        and dateline_end(text, spans[2][0], spans[2][1], lead=True) is not None
    )


def layout_blocks(text: str, spans: list[tuple[int, int]], layout: str) -> list[Block]:
    if layout == "article" and spans:
        spans = _headline_over_standfirst(text, spans)
    kinds = ["body"] * len(spans)
    if layout == "article" and spans and _is_headline(text, spans):
        kinds[0] = "headline"
        if len(spans) > 2 and _is_standfirst(text, spans):
            kinds[1] = "standfirst"
    return [Block(kind, start, end) for kind, (start, end) in zip(kinds, spans)]


def _headline_over_standfirst(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` with a first paragraph of two lines, a headline and the
    standfirst under it with no blank line between (as many systems export
    them), read as two paragraphs. In wrapped copy only where the first line
    ended short of the width the copy is wrapped to: elsewhere there a line
    break inside a paragraph means nothing."""
    start, end = spans[0]
    first_break = text.find("\n", start, end)
    if first_break == -1 or text.find("\n", first_break + 1, end) != -1 or len(spans) < 2:
        return spans
    if _wrapped(text, spans) and _filled(text, start, first_break, spans):
        return spans  # a headline wrapped like the rest of the copy: one line
    headline_end = first_break - (text[first_break - 1 : first_break] == "\r")
    standfirst_start = first_break + 1 + (len(text[first_break + 1 : end]) - len(text[first_break + 1 : end].lstrip()))
    split = [(start, headline_end), (standfirst_start, end), *spans[1:]]
    if not _is_headline(text, split) or dateline_end(text, standfirst_start, end, lead=True) is not None:
        return spans
    if dateline_end(text, start, headline_end) is not None:
        return spans  # a lede's first line, wrapped short: "WASHINGTON, March 2 - The Treasury said it would"
    return split


def _filled(text: str, start: int, line_end: int, spans: list[tuple[int, int]]) -> bool:
    """Whether the line ending at ``line_end`` was broken by wrapping: the
    next line's first word would not have fitted after it in the width the
    copy is wrapped to (its longest line). A headline shorter than that
    ("Amber wind warning …" over "Met Office says …") ended where it did."""
    width = max(len(line) for other_start, other_end in spans[1:6] for line in text[other_start:other_end].splitlines())
    next_word = text[line_end + 1 :].split(maxsplit=1)[:1]
    length = len(text[start:line_end].rstrip())
    # (A line longer than the width was not wrapped to it: the export left the headline alone.)
    return length <= width < length + 1 + len(next_word[0] if next_word else "")


def _wrapped(text: str, spans: list[tuple[int, int]]) -> bool:
    """Whether the copy is wrapped: a paragraph after the first of a few runs over lines."""
    return any(text.find("\n", start, end) != -1 for start, end in spans[1:6])


def url_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """URLs and e-mail addresses between ``start`` and ``end``.

    Each holds "://", "www." or "@", and none spans a line break, so only
    the lines holding one of those are searched (the same matches as a
    search of the whole stretch: each line starts after a line break, which
    no match takes in). Most articles have none; a long text has a few
    among thousands of lines (the BBC corpus as one file: 0.26 -> 0.01 s).
    """
    end = len(text) if end is None else end
    lines = set()
    for marker in _URL_MARKERS:
        index = text.find(marker, start, end)
        while index != -1:
            line_start = text.rfind("\n", start, index) + 1 or start
            line_end = text.find("\n", index, end)
            line_end = end if line_end == -1 else line_end
            lines.add((line_start, line_end))
            index = text.find(marker, line_end, end)
    return [match.span() for line in sorted(lines) for match in _URL_RE.finditer(text, *line)]


# What every match of _URL_RE holds.
_URL_MARKERS = ("://", "www.", "@")


def masked_text(text: str, spans: Sequence[tuple[int, int]]) -> str:
    """``text`` with every span in ``spans`` masked, line breaks kept.

    Built from slices, never a list of characters: a 5 MB article costs one
    copy of its text, not eight bytes a character.
    """
    if not spans:
        return text
    pieces: list[str] = []
    cursor = 0
    for start, end in sorted(spans):
        start = max(start, cursor)
        if start >= end:
            continue
        pieces.append(text[cursor:start])
        pieces.append(_mask(text[start:end]))
        cursor = end
    pieces.append(text[cursor:])
    return "".join(pieces)


def _mask(segment: str) -> str:
    if "\n" not in segment and "\r" not in segment:
        return MASK * len(segment)
    return "".join(char if char in "\r\n" else MASK for char in segment)


def _only_directives(text: str, span: tuple[int, int], directives: list[Directive]) -> bool:
    start, end = span
    rest = masked_text(text[start:end], [(max(d.start, start) - start, min(d.end, end) - start) for d in directives])
    return not rest.replace(MASK, "").strip()
