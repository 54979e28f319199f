"""Plain text: paragraphs are separated by blank lines; a one-line first
paragraph is the headline, and a short second one with no full stop the
standfirst. URLs, e-mail addresses and suppression comments are not prose."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from newslint.document import MASK, Block, Directive, Document
from newslint.patterns import lazy_compile
from newslint.readers._directives import find_directives

NAME = "text"
SUFFIXES = (".txt", ".text")

_URL_RE = lazy_compile(r"""\b(?:https?://|ftp://|www\.)[^\s<>"“”]*[^\s<>"“”.,;:!?'’)\]]|\b[\w.+-]+@[\w-]+\.[\w.-]*\w""")
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


def _is_headline(text: str, start: int, end: int) -> bool:
    line = text[start:end]
    return "\n" not in line and len(line) <= 200 and not line.rstrip().endswith((".", ",", ";", ":"))


def _is_standfirst(text: str, start: int, end: int) -> bool:
    line = text[start:end].rstrip()
    return "\n" not in line and len(line) <= 300 and not line.endswith(".")


def layout_blocks(text: str, spans: list[tuple[int, int]], layout: str) -> list[Block]:
    kinds = ["body"] * len(spans)
    if layout == "article" and spans and _is_headline(text, *spans[0]):
        kinds[0] = "headline"
        if len(spans) > 2 and _is_standfirst(text, *spans[1]):
            kinds[1] = "standfirst"
    return [Block(kind, start, end) for kind, (start, end) in zip(kinds, spans)]


def url_spans(text: str, start: int = 0, end: int | None = None) -> Iterable[tuple[int, int]]:
    """URLs and e-mail addresses; most articles have none, and the scan is costly."""
    window = text[start:end]
    if "://" not in window and "www." not in window and "@" not in window:
        return ()
    return (match.span() for match in _URL_RE.finditer(text, start, len(text) if end is None else end))


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
