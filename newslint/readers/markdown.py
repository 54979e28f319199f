"""Markdown (CommonMark): markdown-it-py finds the blocks and the inline markup.

Only paragraphs, headings and table cells (GFM tables, each cell a
paragraph) are prose, and in them only the text markdown-it
reads as text: block markers (``>``, list bullets, heading marks), code
spans, link and image destinations and titles, autolinks, inline HTML and
backslash escapes are masked, at the exact spans markdown-it's own rules
consume (recorded as they run, so the spec decides, not a regex of ours).
Bare URLs and template tags (Hugo shortcodes ``{{< … >}}``, Liquid
``{% … %}``) are masked too. The headline and standfirst come from front
matter (``title``, ``description``/``standfirst``) or the first ``#``
heading; front matter (YAML between ``---`` lines, or TOML between ``+++``
lines, as Hugo writes it) is checked but never fixed.

Nesting is bounded: markdown-it stops descending at MAX_NESTING levels of
blocks (lists in lists, quotes in quotes) and of inline markup, and leaves
what lies deeper unparsed (and so unchecked), so ten thousand nested lists
cost what the text costs to scan. Front matter is read with the limits of
newslint.yamlfile (depth, aliases).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING, Any

from newslint.document import Block, Directive, Document
from newslint.patterns import lazy_compile
from newslint.readers._directives import find_directives
from newslint.readers.text import masked_text, url_spans

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.rules_inline import StateInline
    from markdown_it.token import Token

NAME = "markdown"
SUFFIXES = (".md", ".markdown")

Span = tuple[int, int]

# A top-level "key: value" line of front matter, without a trailing comment.
_META_LINE_RE = lazy_compile(r"""(?m)^(\w+):[ \t]*(['"]?)(.+?)\2[ \t]*(?:[ \t]\#[^\r\n]*)?\r?$""")
_LINE_BREAK_RE = lazy_compile(r"\r\n|\r|\n")
_FRONT_MATTER_RE = lazy_compile(r"(?s)\A---[ \t]*\r?\n(.*?\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)")
# TOML front matter, Hugo's default: ``+++`` lines around ``key = "value"``.
_TOML_FRONT_MATTER_RE = lazy_compile(r"(?s)\A\+\+\+[ \t]*\r?\n(.*?\r?\n)?\+\+\+[ \t]*(?:\r?\n|\Z)")
# A top-level ``key = "value"`` line of TOML: a basic string with no escape, or a literal one.
_TOML_LINE_RE = lazy_compile(
    r"""(?m)^(\w+)[ \t]*=[ \t]*(?:"((?:[^"\\\r\n])+)"|'([^'\r\n]+)')[ \t]*(?:\#[^\r\n]*)?\r?$"""
)
_TEMPLATE_RE = lazy_compile(r"\{\{.*?\}\}|\{%.*?%\}")
# The front matter keys a headline and standfirst come from, in order of preference.
_HEADING_KEYS = {"title": "headline", "description": "standfirst", "standfirst": "standfirst"}
# The keys read without PyYAML when their values are plain one-line strings:
# the heading keys and the article's genre (``genre: opinion``).
_PLAIN_KEYS = (*_HEADING_KEYS, "genre")
# A one-line value PyYAML might not read as a string: a number, a date, true,
# null, a list or mapping, a block scalar, an anchor, a tag, a comment.
_NOT_PLAIN_RE = lazy_compile(
    r"[-+.\d:_ eE]*|(?i:y|n|yes|no|on|off|true|false|null|~|\.inf|\.nan)|[\[{&*!%@`#].*|.*(?::[ \t]|[ \t]\#).*",
)
# Characters without which a paragraph holds no inline markup that is not
# prose: most news paragraphs have none, and skip markdown-it's inline pass.
_MARKUP_CHARS = ("`", "<", "[", "\\")
#: How deep markdown-it goes into nested blocks and inline markup (its
#: CommonMark preset's own bound, stated here because the work depends on it).
MAX_NESTING = 20


def parse(text: str, path: str | None, layout: str = "article", html_blocks: bool = True) -> Document:
    """``html_blocks`` False reads lines that open with a tag as a paragraph,
    not as a block of HTML: MDX, where ``<Note>`` and its text on the next
    lines are a component and the Markdown it holds."""
    body_start, meta, meta_spans = _front_matter(text)
    line_starts = [0] + [m.end() for m in _LINE_BREAK_RE.finditer(text)]  # markdown-it breaks at a lone CR too
    first_line = len(_LINE_BREAK_RE.findall(text, 0, body_start))
    blocks: list[Block] = []
    prose_spans: list[Span] = []  # the text that is prose; all else is masked
    for key, kind in _HEADING_KEYS.items():
        if key in meta_spans and isinstance(meta.get(key), str) and layout == "article":
            if not any(block.kind == kind for block in blocks):
                blocks.append(Block(kind, *meta_spans[key]))
                prose_spans.append(meta_spans[key])

    reading = _Reading(text, line_starts, first_line)
    has_headline = any(block.kind == "headline" for block in blocks)
    env: dict[str, Any] = {}
    cell_end: int | None = None  # where the last cell of a table row ends
    tokens = _parser(html_blocks).parse(text[body_start:], env)
    for index, token in enumerate(tokens):
        if token.type in ("fence", "code_block") and token.map:
            reading.code.append(reading.line_span(*token.map))
        elif token.type in ("paragraph_open", "heading_open") and token.map:
            spans = reading.inline(tokens[index + 1], token.map[0], env)
            if not spans:
                continue
            prose_spans.extend(spans)
            kind = "body"
            if token.tag == "h1" and not has_headline and layout == "article":
                kind, has_headline = "headline", True
            blocks.append(Block(kind, spans[0][0], spans[-1][1]))
        elif token.type == "tr_open":
            cell_end = None
        elif token.type in ("th_open", "td_open"):
            cell = reading.cell(tokens[index + 1], cell_end, env)
            if cell is not None:
                cell_end = cell[1]
                prose_spans.append(cell)
                blocks.append(Block("body", *cell))

    blocks.sort(key=lambda block: block.start)
    masked = _complement(prose_spans, len(text)) + reading.markup
    directives = find_directives(text, sorted(reading.code)) + _front_matter_ignores(text, meta, body_start)
    return Document(
        text=text,
        prose=masked_text(text, masked),
        blocks=blocks,
        path=path,
        meta={key: value for key, value in meta.items() if isinstance(key, str)},
        fixable_from=body_start,
        directives=directives,
    )


# -- markdown-it, recording where its inline rules match -----------------------------

#: Inline rules whose text is not prose, and what of it to mask: the whole
#: match, or (links, images) everything but the label.
_RECORDED = ("backticks", "escape", "link", "image", "autolink", "html_inline")


@cache
def _parser(html_blocks: bool = True) -> MarkdownIt:
    """One parser per process (and per ``html_blocks``): building one costs
    more than parsing an article. Inline parsing is left to
    ``_Reading.inline``, for the paragraphs that need it."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark")
    md.options["maxNesting"] = MAX_NESTING
    md.disable("inline")  # a core rule: block tokens only, inline content unparsed
    md.enable("table")  # GFM tables, as static-site generators read them: a cell is a paragraph
    if not html_blocks:
        md.disable("html_block")
    for rule in md.inline.ruler.__rules__:
        if rule.name in _RECORDED:
            md.inline.ruler.at(rule.name, _recording(rule.name, rule.fn))
    return md


def _recording(name: str, rule: Callable[[StateInline, bool], bool]) -> Callable[[StateInline, bool], bool]:
    """``rule``, noting in ``env["spans"]`` the (name, start, end, label end)
    of each match it makes for real (not the silent look-aheads)."""

    def record(state: StateInline, silent: bool) -> bool:
        start = state.pos
        matched = rule(state, silent)
        if matched and not silent:
            label_end = -1
            if name in ("link", "image"):
                # Only once the rule has matched: looked for at every position
                # the rule is tried, the label's end cost a scan to the end of
                # the paragraph each time, quadratic in a long one.
                from markdown_it.helpers import parseLinkLabel

                end = state.pos
                label_end = parseLinkLabel(state, start + (1 if name == "image" else 0), True)
                state.pos = end
            state.env["spans"].append((name, start, state.pos, label_end))
        return matched

    return record


class _Reading:
    """Where the prose of each paragraph lies in the source, and what to mask in it."""

    def __init__(self, text: str, line_starts: list[int], first_line: int) -> None:
        self.text, self.line_starts, self.first_line = text, line_starts, first_line
        self.code: list[Span] = []  # code blocks and spans: no place for directives
        self.markup: list[Span] = []  # inline markup to mask inside prose

    def line_span(self, first: int, last: int) -> Span:
        """Source offsets of body lines ``first`` to ``last`` (exclusive), 0-based."""
        start = self.line_starts[self.first_line + first]
        end_line = self.first_line + last
        end = self.line_starts[end_line] if end_line < len(self.line_starts) else len(self.text)
        return start, start + len(self.text[start:end].rstrip())

    def _line(self, number: int) -> tuple[int, str]:
        start = self.line_starts[self.first_line + number]
        following = self.first_line + number + 1
        end = self.line_starts[following] if following < len(self.line_starts) else len(self.text)
        return start, self.text[start:end].rstrip("\r\n")

    def inline(self, token: Token, first: int, env: dict[str, Any]) -> list[Span]:
        """The prose spans of one paragraph or heading (its inline token's
        content, line by line, in source offsets), noting its markup."""
        content = token.content
        pieces = self._map_lines(content, first)
        if pieces is None:  # content markdown-it rewrote (tabs, NULs): the lines as they stand
            return [self.line_span(first, first + content.count("\n") + 1)]
        spans = [(source, source + length) for _, source, length in pieces if length]
        self._note_markup(content, pieces, spans, env)
        return spans

    def cell(self, token: Token, after: int | None, env: dict[str, Any]) -> Span | None:
        """The prose span of a table cell (its inline token's content, found
        in its row after the cell before, ``after``), noting its markup."""
        content = token.content
        if not content or token.map is None:
            return None
        row_start, row = self._line(token.map[0])
        at = row.find(content, 0 if after is None else after - row_start)
        if at == -1:  # content markdown-it rewrote (an escaped pipe): not read
            return None
        start = row_start + at
        self._note_markup(content, [(0, start, len(content))], [(start, start + len(content))], env)
        return start, start + len(content)

    def _note_markup(
        self, content: str, pieces: list[tuple[int, int, int]], spans: list[Span], env: dict[str, Any]
    ) -> None:
        """Mask the inline markup, template tags and URLs of prose ``spans``."""
        if any(char in content for char in _MARKUP_CHARS):
            self._mask_inline(content, pieces, env)
        if "{" in content:
            for start, end in spans:
                self.markup.extend(match.span() for match in _TEMPLATE_RE.finditer(self.text, start, end))
        for start, end in spans:
            self.markup.extend(url_spans(self.text, start, end))

    def _map_lines(self, content: str, first: int) -> list[tuple[int, int, int]] | None:
        """(content offset, source offset, length) of each line of ``content``."""
        pieces, offset = [], 0
        for number, line in enumerate(content.split("\n")):
            line_start, source = self._line(first + number)
            if source.endswith(line):
                at = len(source) - len(line)
            elif source.rstrip().endswith(line):
                at = len(source.rstrip()) - len(line)
            else:
                at = source.find(line)  # a heading's closing marks follow it
                if at == -1:
                    return None
            pieces.append((offset, line_start + at, len(line)))
            offset += len(line) + 1
        return pieces

    def _mask_inline(self, content: str, pieces: list[tuple[int, int, int]], env: dict[str, Any]) -> None:
        env["spans"] = []
        _parser().inline.parse(content, _parser(), env, [])
        for name, start, end, label_end in env.pop("spans"):
            if name in ("link", "image") and label_end != -1:
                keep = (start + (2 if name == "image" else 1), label_end)  # the label is prose
                parts = [(start, keep[0]), (keep[1], end)]
            elif name == "escape":
                parts = [(start, start + 1)]  # the backslash, not what it escapes
            else:
                parts = [(start, end)]
            for part in parts:
                source = [_to_source(pieces, offset) for offset in part]
                self.markup.append((source[0], source[1]))
                if name == "backticks":
                    self.code.append((source[0], source[1]))


def _to_source(pieces: list[tuple[int, int, int]], offset: int) -> int:
    """A content offset in source offsets (a line break maps to its line's end)."""
    for content_start, source_start, length in reversed(pieces):
        if offset >= content_start:
            return source_start + min(offset - content_start, length)
    return pieces[0][1]


def _complement(spans: list[Span], length: int) -> list[Span]:
    gaps, cursor = [], 0
    for start, end in sorted(spans):
        if start > cursor:
            gaps.append((cursor, start))
        cursor = max(cursor, end)
    if cursor < length:
        gaps.append((cursor, length))
    return gaps


# -- front matter ---------------------------------------------------------------------


def _front_matter(text: str) -> tuple[int, dict[str, Any], dict[str, Span]]:
    """The end offset of the front matter, its data, and value spans of its keys."""
    if text.startswith("+++"):
        return _toml_front_matter(text)
    match = _FRONT_MATTER_RE.match(text)
    if not match:
        return 0, {}, {}
    spans: dict[str, Span] = {}
    for line in _META_LINE_RE.finditer(text, 0, match.end()):
        if line.group(3)[0] not in "|>":  # a block scalar's lines follow: no one-line span for it
            spans.setdefault(line.group(1), line.span(3))
    if "newslint" not in (match.group(1) or "") and not any(
        _NOT_PLAIN_RE.fullmatch(text, *spans[key]) for key in _HEADING_KEYS if key in spans
    ):
        # Most front matter gives newslint nothing but one-line strings: read
        # them as they stand, and spare a one-file run PyYAML's ~10 ms.
        return match.end(), {key: text[slice(*spans[key])] for key in _PLAIN_KEYS if key in spans}, spans
    from newslint.yamlfile import YamlError, safe_load

    try:
        data = safe_load(match.group(1) or "", "front matter")
    except YamlError:  # not YAML, or YAML past the limits: no metadata
        data = None
    if not isinstance(data, dict):
        return match.end(), {}, {}
    return match.end(), data, spans


def _toml_front_matter(text: str) -> tuple[int, dict[str, Any], dict[str, Span]]:
    """TOML front matter (``+++``): checked where its title and description
    are one-line strings, and never fixed, as YAML's."""
    match = _TOML_FRONT_MATTER_RE.match(text)
    if not match:
        return 0, {}, {}
    spans: dict[str, Span] = {}
    for line in _TOML_LINE_RE.finditer(text, 0, match.end()):
        value = 2 if line.group(2) is not None else 3
        spans.setdefault(line.group(1), line.span(value))
    from newslint.tomlfile import load_toml

    try:
        data = load_toml(match.group(1) or "")
    except ValueError:  # not TOML: no metadata, and still never fixed
        return match.end(), {}, {}
    return match.end(), data, {key: span for key, span in spans.items() if isinstance(data.get(key), str)}


def file_ignores(meta: dict[str, Any]) -> tuple[str, ...]:
    """``newslint: {ignore: [...]}`` from front matter (a bare string is one rule)."""
    settings = meta.get("newslint")
    ignore = settings.get("ignore") if isinstance(settings, dict) else None
    if isinstance(ignore, str):
        ignore = [ignore]
    if not isinstance(ignore, list):
        return ()  # `ignore: 5`: nothing a rule could be named by
    return tuple(item for item in ignore if isinstance(item, str))


def _front_matter_ignores(text: str, meta: dict[str, Any], end: int) -> list[Directive]:
    """One "ignore" directive per rule the front matter ignores, placed on
    where the front matter names it (or on its ``newslint`` key), so an
    unused one is reported there."""
    selectors = file_ignores(meta) if meta else ()
    if not selectors:
        return []
    key = max(text.find("newslint", 0, end), 0)
    ignores = []
    for selector in selectors:
        start = text.find(selector, key, end)
        span = (start, start + len(selector)) if start != -1 else (key, key + len("newslint"))
        ignores.append(Directive("ignore", (selector,), *span))
    return ignores
