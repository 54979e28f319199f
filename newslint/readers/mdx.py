"""MDX: Markdown with JSX, read as Markdown with the JSX masked.

Everything the Markdown reader masks stays masked; on top of that, JSX tags
(``<Chart data={x} />``, ``<Note>``, ``</Note>``, fragments ``<>``), JavaScript
expressions in braces (``{props.title}``, ``{/* a comment */}``) and
``import``/``export`` paragraphs are not prose. The text between a
component's tags is Markdown, and prose, also on the lines right under its
tag: MDX has no blocks of raw HTML, so markdown-it's HTML block rule is off. The scan runs over the Markdown
reader's prose, so braces and angle brackets in code are never looked at.

MDX has no HTML comments, so suppression comments are also read in its own
comment syntax: ``{/* newslint-disable-next-line typography.dash */}``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from newslint.document import MASK, Directive, Document
from newslint.patterns import lazy_compile
from newslint.readers import markdown
from newslint.readers._directives import find_directives
from newslint.readers.text import masked_text

NAME = "mdx"
SUFFIXES = (".mdx",)

_QUOTES = "\"'`"
_COMMENT_RE = lazy_compile(r"(?s)\{/\*(.*?)\*/\}")


def parse(text: str, path: str | None, layout: str = "article") -> Document:
    doc = markdown.parse(text, path, layout, html_blocks=False)
    prose = doc.prose
    spans = [(block.start, block.end) for block in doc.blocks if prose.startswith(("import ", "export "), block.start)]
    if "{" in prose or "<" in prose:
        spans.extend(_jsx_spans(prose))
    if not spans:
        return doc
    directives = doc.directives
    if "newslint-" in text:
        directives = sorted(directives + _comment_directives(text, prose), key=lambda d: d.start)
    prose = masked_text(prose, spans)
    blocks = [block for block in doc.blocks if prose[block.start : block.end].strip(MASK + " \t\r\n")]
    return replace(doc, prose=prose, blocks=blocks, directives=directives)


def _comment_directives(text: str, prose: str) -> list[Directive]:
    """Directives in MDX comments outside code (where the Markdown prose is not masked)."""
    found = []
    for match in _COMMENT_RE.finditer(text):
        if prose[match.start()] != MASK:
            for directive in find_directives(f"<!--{match.group(1)}-->"):
                found.append(directive._replace(start=match.start(), end=match.end()))
    return found


def _jsx_spans(prose: str) -> Iterator[tuple[int, int]]:
    """Expressions in braces and JSX tags; an unclosed one is left as it is."""
    position = 0
    length = len(prose)
    while position < length:
        brace, angle = prose.find("{", position), prose.find("<", position)
        candidates = [index for index in (brace, angle) if index != -1]
        if not candidates:
            return
        start = min(candidates)
        if start == brace:
            end = _closing(prose, start + 1, "}")
        elif start + 1 < length and (prose[start + 1].isalpha() or prose[start + 1] in "/>"):
            end = _closing(prose, start + 1, ">")
        else:
            end = -1
        if end == -1:
            position = start + 1
            continue
        yield start, end
        position = end


def _closing(prose: str, position: int, closer: str) -> int:
    """The offset just past ``closer`` at depth 0 from ``position``, skipping
    nested braces and quoted strings; -1 if there is none."""
    depth = 0
    quote = ""
    index = position - 1
    while index + 1 < len(prose):
        index += 1
        char = prose[index]
        script = depth > 0 or closer == "}"  # JavaScript: its strings and comments; else a tag's attribute values
        if quote:
            if char == quote:
                quote = ""
        elif script and prose.startswith("/*", index):
            index = prose.find("*/", index + 2)
            if index == -1:
                return -1
            index += 1
        elif char in (_QUOTES if script else "\"'"):
            quote = char
        elif char == "{":
            depth += 1
        elif char == "}" and depth:
            depth -= 1
        elif char == closer and depth == 0:
            return index + 1
    return -1
