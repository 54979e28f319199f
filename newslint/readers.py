"""Bytes to a Document: decoding, and one parser per format.

Plain text: paragraphs are separated by blank lines; a one-line first paragraph
is the headline and a short second one with no full stop the standfirst.
Markdown: blocks come from markdown-it-py's line maps; the headline and
standfirst from front matter (``title``, ``description``/``standfirst``) or the
first ``#`` heading. Everything that is not prose is masked (see document.py).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import regex

from newslint.document import MASK, Block, Document
from newslint.patterns import lazy_compile

BOM = "\ufeff"
TEXT_SUFFIXES = (".txt", ".text")
MARKDOWN_SUFFIXES = (".md", ".markdown")
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + MARKDOWN_SUFFIXES


class ReadError(Exception):
    """A file that cannot be read as an article; the message is one line."""


@dataclass(frozen=True)
class Source:
    """Decoded text plus what is needed to write it back byte for byte."""

    text: str
    bom: bool = False

    def encode(self, text: str) -> bytes:
        return ((BOM if self.bom else "") + text).encode("utf-8")


def decode(data: bytes, name: str) -> Source:
    if b"\x00" in data[:8192]:
        raise ReadError(f"{name}: binary file, not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ReadError(f"{name}: not valid UTF-8 (byte 0x{data[error.start]:02x} at offset {error.start})") from None
    if text.startswith(BOM):
        return Source(text[1:], bom=True)
    return Source(text)


def read_bytes(path: str) -> bytes:
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except FileNotFoundError:
        raise ReadError(f"{path}: no such file or directory") from None
    except IsADirectoryError:
        raise ReadError(f"{path}: is a directory") from None
    except OSError as error:
        raise ReadError(f"{path}: {error.strerror}") from None


def parse(text: str, path: str | None = None, *, layout: str = "article") -> Document:
    """Parse ``text`` by the suffix of ``path`` (plain text when unknown).

    ``layout="body"`` reads every paragraph as body copy (for rule examples and
    snippets that have no headline).
    """
    if path and path.lower().endswith(MARKDOWN_SUFFIXES):
        return _parse_markdown(text, path, layout)
    return _parse_text(text, path, layout)


# -- masking -------------------------------------------------------------------

_URL_RE = lazy_compile(r"""\b(?:https?://|ftp://|www\.)[^\s<>"“”]*[^\s<>"“”.,;:!?'’)\]]|\b[\w.+-]+@[\w-]+\.[\w.-]*\w""")


def _mask(chars: list[str], start: int, end: int) -> None:
    for index in range(start, end):
        if chars[index] not in "\r\n":
            chars[index] = MASK


# -- plain text ----------------------------------------------------------------

_PARAGRAPH_RE = lazy_compile(r"[ \t]*[^\s][^\r\n]*(?:\r?\n[ \t]*[^\s][^\r\n]*)*")


def _paragraph_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
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


def _layout_blocks(text: str, spans: list[tuple[int, int]], layout: str) -> list[Block]:
    kinds = ["body"] * len(spans)
    if layout == "article" and spans and _is_headline(text, *spans[0]):
        kinds[0] = "headline"
        if len(spans) > 2 and _is_standfirst(text, *spans[1]):
            kinds[1] = "standfirst"
    return [Block(kind, start, end) for kind, (start, end) in zip(kinds, spans)]


def _parse_text(text: str, path: str | None, layout: str) -> Document:
    spans = _paragraph_spans(text)
    directives = _directive_spans(text)
    if directives:
        # A paragraph that is only suppression comments is no paragraph (nor a headline).
        spans = [span for span in spans if not _only_directives(text, span, directives)]
    blocks = _layout_blocks(text, spans, layout)
    masked = [match.span() for match in _urls(text)] + directives  # editors paste comments into .txt too
    if not masked:
        return Document(text=text, prose=text, blocks=blocks, path=path)
    chars = list(text)
    for start, end in masked:
        _mask(chars, start, end)
    return Document(text=text, prose="".join(chars), blocks=blocks, path=path)


def _urls(text: str, start: int = 0, end: int | None = None) -> Iterable[regex.Match]:
    """URLs and e-mail addresses; most articles have none, and the scan is costly."""
    window = text[start:end]
    if "://" not in window and "www." not in window and "@" not in window:
        return ()
    return _URL_RE.finditer(text, start, len(text) if end is None else end)


def _directive_spans(text: str) -> list[tuple[int, int]]:
    if "newslint-" not in text:
        return []
    from newslint.suppressions import DIRECTIVE_RE

    return [match.span() for match in DIRECTIVE_RE.finditer(text)]


def _only_directives(text: str, span: tuple[int, int], directives: list[tuple[int, int]]) -> bool:
    chars = list(text[span[0] : span[1]])
    for start, end in directives:
        for index in range(max(start, span[0]), min(end, span[1])):
            chars[index - span[0]] = " "
    return not "".join(chars).strip()


# -- Markdown ------------------------------------------------------------------

# A top-level "key: value" line of front matter, without a trailing comment.
_META_LINE_RE = lazy_compile(r"""(?m)^(\w+):[ \t]*(['"]?)(.+?)\2[ \t]*(?:[ \t]\#[^\r\n]*)?\r?$""")
_LINE_BREAK_RE = lazy_compile(r"\r\n|\r|\n")
_FRONT_MATTER_RE = lazy_compile(r"\A---[ \t]*\r?\n(.*?\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", regex.S)
# Not prose inside a Markdown paragraph: inline code, HTML comments and tags,
# template tags (Hugo shortcodes, Liquid and Jinja), autolinks, link and image
# targets, reference labels, bare URLs.
_INLINE_MARKUP_RE = lazy_compile(
    r"""(?P<code>(`+)(?:(?!\2).)+?\2)
      | <!--.*?-->
      | \{\{.*?\}\} | \{%.*?%\}
      | </?[A-Za-z][\w-]*(?:\s[^<>]*)?/?>
      | <(?:https?|ftp|mailto):[^>\s]*>
      | (?P<target>\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*\))
      | \]\[[^\]]*\]
      | !(?=\[)
      | (?<!\\)\[(?=[^\]]*\](?:\(|\[))
      | \\(?=[^\w\s])
    """,
    regex.X | regex.S,
)
_LINE_PREFIX_RE = lazy_compile(r"(?m)^[ \t]*(?:>[ \t]?)*[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?(?:\[[ xX]\][ \t]+)?")
_HEADING_MARKS_RE = lazy_compile(r"(?m)^[ \t]*#{1,6}(?:[ \t]+|$)|[ \t]+#+[ \t]*$|^[ \t]*(?:=+|-+)[ \t]*$")


# The front matter keys a headline and standfirst come from, in order of preference.
_HEADING_KEYS = {"title": "headline", "description": "standfirst", "standfirst": "standfirst"}
# A one-line value PyYAML might not read as a string: a number, a date, true,
# null, a list or mapping, a block scalar, an anchor, a tag, a comment.
_NOT_PLAIN_RE = lazy_compile(
    r"[-+.\d:_ eE]*|(?i:y|n|yes|no|on|off|true|false|null|~|\.inf|\.nan)|[\[{&*!%@`#].*|.*(?::[ \t]|[ \t]\#).*",
    engine="re",
)


def _front_matter(text: str) -> tuple[int, dict[str, Any], dict[str, tuple[int, int]]]:
    """The end offset of the front matter, its data, and value spans of its keys."""
    match = _FRONT_MATTER_RE.match(text)
    if not match:
        return 0, {}, {}
    spans: dict[str, tuple[int, int]] = {}
    for line in _META_LINE_RE.finditer(text, 0, match.end()):
        if line.group(3)[0] not in "|>":  # a block scalar's lines follow: no one-line span for it
            spans.setdefault(line.group(1), line.span(3))
    if "newslint" not in (match.group(1) or "") and not any(
        _NOT_PLAIN_RE.fullmatch(text, *spans[key]) for key in _HEADING_KEYS if key in spans
    ):
        # Most front matter gives newslint nothing but one-line strings: read
        # them as they stand, and spare a one-file run PyYAML's ~10 ms.
        return match.end(), {key: text[slice(*spans[key])] for key in _HEADING_KEYS if key in spans}, spans
    import yaml

    try:
        data = yaml.safe_load(match.group(1) or "")
    except yaml.YAMLError:
        data = None
    if not isinstance(data, dict):
        return match.end(), {}, {}
    return match.end(), data, spans


def _markdown_blocks(text: str, start: int) -> list[tuple[str, int, int]]:
    """(kind, first line, last line) of paragraphs, headings ("h1"…) and code
    blocks ("code"), lines 0-based and relative to ``start``."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").parse(text[start:])
    found = []
    for token in tokens:
        if token.map and token.type in ("paragraph_open", "heading_open", "fence", "code_block"):
            kind = {"paragraph_open": "p", "heading_open": token.tag}.get(token.type, "code")
            found.append((kind, token.map[0], token.map[1]))
    return found


def _parse_markdown(text: str, path: str | None, layout: str) -> Document:
    body_start, meta, meta_spans = _front_matter(text)
    # markdown-it counts a lone CR as a line break too, so its line maps do.
    line_starts = [0] + [m.end() for m in _LINE_BREAK_RE.finditer(text)]
    first_line = len(_LINE_BREAK_RE.findall(text, 0, body_start))
    chars = [c if c in "\r\n" else MASK for c in text]
    blocks: list[Block] = []

    def unmask(start: int, end: int) -> None:
        chars[start:end] = text[start:end]

    for key, kind in _HEADING_KEYS.items():
        if key in meta_spans and isinstance(meta.get(key), str) and layout == "article":
            if not any(block.kind == kind for block in blocks):
                blocks.append(Block(kind, *meta_spans[key]))
                unmask(*meta_spans[key])

    has_headline = any(block.kind == "headline" for block in blocks)
    code: list[tuple[int, int]] = []
    for kind, first, last in _markdown_blocks(text, body_start):
        start = line_starts[first_line + first]
        end_line = first_line + last
        end = line_starts[end_line] if end_line < len(line_starts) else len(text)
        end = start + len(text[start:end].rstrip())
        if kind == "code":
            code.append((start, end))
            continue
        unmask(start, end)
        for match in _LINE_PREFIX_RE.finditer(text, start, end):
            _mask(chars, *match.span())
        if kind != "p":
            for match in _HEADING_MARKS_RE.finditer(text, start, end):
                _mask(chars, *match.span())
        block_kind = "body"
        if kind == "h1" and not has_headline and layout == "article":
            block_kind, has_headline = "headline", True
        blocks.append(Block(block_kind, start, end))

    for block in blocks:
        code.extend(_mask_inline(text, chars, block.start, block.end))
    blocks.sort(key=lambda block: block.start)
    meta = {key: value for key, value in meta.items() if isinstance(key, str)}
    return Document(
        text=text,
        prose="".join(chars),
        blocks=blocks,
        path=path,
        meta=meta,
        fixable_from=body_start,
        code=sorted(code),
    )


def _mask_inline(text: str, chars: list[str], start: int, end: int) -> list[tuple[int, int]]:
    """Mask inline markup; return the spans of inline code."""
    code = []
    for match in _INLINE_MARKUP_RE.finditer(text, start, end):
        _mask(chars, *match.span())
        if match.group("code"):
            code.append(match.span())
    for match in _urls(text, start, end):
        _mask(chars, *match.span())
    return code


# -- discovery -----------------------------------------------------------------


def discover(paths: Iterable[str], is_excluded: Callable[[str], bool]) -> Iterable[str]:
    """Expand directories to supported files, in a stable order."""
    for path in paths:
        if path != "-" and os.path.isdir(path):
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not is_excluded(os.path.join(root, d)))
                for name in sorted(files):
                    full = os.path.join(root, name)
                    if name.lower().endswith(SUPPORTED_SUFFIXES) and not is_excluded(full):
                        yield full
        elif path == "-" or not is_excluded(path):
            yield path
