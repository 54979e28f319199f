"""Word documents (.docx): each paragraph one line, so a finding's line is its paragraph.

python-docx (the optional extra ``newslint[docx]``) opens the package and
names paragraph styles; the text of each paragraph is read from its XML here,
because Word keeps revisions there and python-docx's ``Paragraph.text``
leaves out runs inside tracked insertions. What a reader of the draft would
see once every change is accepted is prose: text, tracked insertions and
moves in; tracked deletions, moved-from text, field codes and comments out
(comments live in their own part, never in a paragraph). Tables are read
cell by cell, paragraph by paragraph, in document order. A manual line break
inside a paragraph is a vertical tab, as Word itself writes one in plain
text, so the paragraph stays one line.

The headline is the first paragraph in Word's Title style, else the first
heading, else what the plain-text reader would take (a first short line with
no full stop); the standfirst a Subtitle paragraph, or a short paragraph
with no full stop right after the headline. Word files are checked, never
written: ``--fix`` refuses them.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

from newslint.document import Block, Document
from newslint.readers import ReadError
from newslint.readers._directives import find_directives
from newslint.readers.text import layout_blocks, masked_text, url_spans

_Element = Any  # an lxml element of the document's XML

NAME = "docx"
SUFFIXES = (".docx",)
BINARY = True

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
#: Containers whose content a reader of the accepted draft sees.
_TRANSPARENT = {f"{_W}{tag}" for tag in ("ins", "moveTo", "hyperlink", "smartTag", "customXml", "sdt", "sdtContent")}
_TRANSPARENT.add(f"{_W}fldSimple")  # a simple field: its displayed result is in its runs
#: What a run's children stand for (anything else, such as deleted text, stands for nothing).
_RUN_TEXT = {f"{_W}t": None, f"{_W}tab": "\t", f"{_W}ptab": "\t", f"{_W}br": "\v", f"{_W}cr": "\v"}
_RUN_TEXT[f"{_W}noBreakHyphen"] = "\u2011"


def parse(data: bytes, path: str | None, layout: str = "article") -> Document:
    paragraphs = list(_paragraphs(_open(data, path or "<docx>")))
    text = "\n".join(line for line, _ in paragraphs)
    spans, offset = [], 0
    for line, _ in paragraphs:
        spans.append((offset, offset + len(line.rstrip())))
        offset += len(line) + 1
    directives = find_directives(text)
    masked = [(d.start, d.end) for d in directives] + list(url_spans(text))
    prose = masked_text(text, masked)
    kept = [(index, span) for index, span in enumerate(spans) if prose[span[0] : span[1]].strip("\x00 \t\v")]
    blocks = _blocks(text, kept, [style for _, style in paragraphs], layout)
    # Checked, never written: no finding offers a fix (fixable_from is past the end).
    return Document(text=text, prose=prose, blocks=blocks, path=path, directives=directives, fixable_from=len(text) + 1)


def _open(data: bytes, name: str) -> Any:
    try:
        import docx
    except ImportError:
        raise ReadError(f"{name}: reading Word files needs python-docx: pip install 'newslint[docx]'") from None
    try:
        return docx.Document(io.BytesIO(data))
    except Exception as error:  # a zip that is no Word document fails in many ways, each one line here
        raise ReadError(f"{name}: not a Word (.docx) document ({type(error).__name__}: {error})") from None


def _paragraphs(document: Any) -> Iterator[tuple[str, str]]:
    """(text, style name) of every paragraph of the body, tables included, in order."""
    styles = {style.style_id: style.name or "" for style in document.styles}
    for p in _paragraph_elements(document.element.body):
        style_ids = p.xpath("./w:pPr/w:pStyle/@w:val")
        style = styles.get(style_ids[0], "") if style_ids else ""  # none: Normal
        yield "".join(_text(p)).replace("\n", "\v").replace("\r", "\v"), style


def _paragraph_elements(container: _Element) -> Iterator[_Element]:
    for child in container:
        tag = child.tag
        if tag == f"{_W}p":
            yield child
        elif tag in (f"{_W}tbl", f"{_W}tr", f"{_W}tc", f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml"):
            yield from _paragraph_elements(child)


def _text(element: _Element) -> Iterator[str]:
    """The text of a paragraph (or of a container in one) as accepted changes leave it."""
    for child in element:
        tag = child.tag
        if tag == f"{_W}r":
            for part in child:
                if part.tag in _RUN_TEXT:
                    yield _RUN_TEXT[part.tag] or part.text or ""
        elif tag in _TRANSPARENT:
            yield from _text(child)


def _blocks(text: str, kept: list[tuple[int, tuple[int, int]]], styles: list[str], layout: str) -> list[Block]:
    if layout != "article" or not kept:
        return [Block("body", *span) for _, span in kept]
    headline = next((i for i, (index, _) in enumerate(kept) if styles[index] == "Title"), None)
    if headline is None:
        headline = next((i for i, (index, _) in enumerate(kept) if styles[index].startswith("Heading")), None)
    if headline is None:  # no styles to go by: as in a plain-text draft
        return layout_blocks(text, [span for _, span in kept], layout)
    kinds = ["body"] * len(kept)
    kinds[headline] = "headline"
    subtitle = next((i for i, (index, _) in enumerate(kept) if styles[index] == "Subtitle"), None)
    if subtitle is not None:
        kinds[subtitle] = "standfirst"
    elif headline + 1 < len(kept) - 1:
        start, end = kept[headline + 1][1]
        if len(text[start:end]) <= 300 and not text[start:end].endswith("."):
            kinds[headline + 1] = "standfirst"
    return [Block(kind, *span) for kind, (_, span) in zip(kinds, kept)]
