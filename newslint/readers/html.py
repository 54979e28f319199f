"""HTML: the text of a page's elements, at exact source positions, entities included.

The parser is the standard library's ``html.parser``: it is maintained with
Python, tolerates the broken markup CMSs produce, needs no dependency, and
reports where each tag, comment and piece of text starts, which is all
exact positions need (each event runs to where the next starts). lxml and
html5lib build better trees but give at most a line, never a column.

Prose is the text of the page's elements; tags and their attributes,
comments, scripts, styles, code, pre and the like, and the elements the
``skip`` selectors name (by default captions, asides, navigation, footers,
addresses, forms, advertising slots, embedded posts, bylines and time
stamps) are masked; so, on a page with an ``<article>`` or ``<main>``, is
what lies outside it. ``newslint-disable`` comments are directives. The
headline is the first ``<h1>`` in an ``<article>`` or ``<main>`` (a theme's
site title is an ``<h1>`` too), else the first ``<h1>``, else ``<title>``;
the standfirst is the element the ``standfirst`` selectors name, or else the
description meta tag's content (checked, never fixed: it is an attribute).
Each block element (``p``, ``li``, ``h2``, ``td``, ...) is a paragraph.

Entities are one character of prose: the Document's text holds ``’`` where
the source has ``&rsquo;``, and a ``SourceMap`` takes positions and fixes
back to the source. A run of spaces is one space, as a browser shows it. A
fix writes characters as entities where the span it replaces used one, or
where the page is all ASCII (it may not say which encoding it is in), and
always escapes ``&`` and ``<``.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from functools import cache
from typing import Any, NamedTuple

from newslint.document import MASK, Block, Document, SourceMap
from newslint.options import Option, Strings
from newslint.patterns import lazy_compile
from newslint.readers._directives import find_directives
from newslint.readers.text import masked_text, url_spans

NAME = "html"
SUFFIXES = (".html", ".htm")

#: Elements whose content is never prose.
NOT_PROSE = frozenset(
    "script style code pre kbd samp template noscript svg math textarea select button iframe object canvas".split()
)
#: Elements skipped unless a config says otherwise ("!figcaption" checks captions).
DEFAULT_SKIP = (
    "figcaption",
    "aside",
    "nav",
    "footer",
    "address",
    "form",
    # Advertising slots, with the labels they carry ("Advertisement", "Story
    # continues below advertisement"): the page's, not the story's.
    ".ad",
    ".advertisement",
    "[data-ad]",
    # Posts embedded as their platforms emit them: someone else's words, as posted.
    "blockquote.twitter-tweet",
    "blockquote.instagram-media",
    "blockquote.tiktok-embed",
    # The page's own furniture beside the story: the byline and the time
    # stamps a template writes ("Updated 6:40 PM PDT, September 4, 2024").
    "[class*=byline]",
    "[class*=timestamp]",
    "time",
)
#: Elements that start and end a paragraph; any other element is inline.
BLOCK_ELEMENTS = frozenset(
    """address article aside blockquote body caption dd details dialog div dl dt fieldset figcaption figure
    footer form h1 h2 h3 h4 h5 h6 head header hgroup hr html li main nav ol p pre section summary table
    tbody td tfoot th thead title tr ul""".split()
)
VOID_ELEMENTS = frozenset("area base br col embed hr img input link meta param source track wbr".split())
#: Inline elements whose tags sit inside a word as often as between words
#: ("Stolten<em>berg</em>", "the <a href=...>the</a>"). Where only their tags
#: stand between two pieces of prose, the text the rules read leaves the tags
#: out, so that words and names are whole; a line break, an image, a comment
#: or text that is not prose between them stays, masked.
JOINING_ELEMENTS = frozenset(
    "a abbr b bdi bdo cite data dfn em font i mark small span strong sub sup time u var wbr".split()
)

# Compiled on first use: every run imports every reader, and most read no HTML.
_SELECTOR_RE = lazy_compile(
    r"(?P<tag>[a-zA-Z][\w-]*|\*)?(?P<rest>(?:\.[\w-]+|#[\w-]+|\[[\w-]+(?:=(?:\"[^\"]*\"|'[^']*'|[^\]\"']*)|\*=(?:\"[^\"]+\"|'[^']+'|[^\]\"']+))?\])*)",
)
_SIMPLE_RE = lazy_compile(r"\.([\w-]+)|#([\w-]+)|\[([\w-]+)(?:(\*?)=(?:\"([^\"]*)\"|'([^']*)'|([^\]\"']*)))?\]")
#: A character reference as html.unescape reads one (named ones may lack the semicolon).
_CHARREF = r"&(?:#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[A-Za-z][A-Za-z0-9]{0,31};?)"
_CHARREF_RE = lazy_compile(_CHARREF)
#: What the text holds otherwise than the source spells it: a character
#: reference, or a run of spaces and tabs, which a browser shows as one space.
_DECODED_RE = lazy_compile(rf"{_CHARREF}|[ \t]{{2,}}")
_CONTENT_RE = lazy_compile(r"""(?i)\scontent\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""")
_NOT_LINE_BREAK_RE = lazy_compile("[^\r\n]+")
_TAG_RE = lazy_compile(r"</?([a-zA-Z][a-zA-Z0-9]*)(?:\s[^<>]*)?/?>")


class Selectors(Strings):
    """Simple CSS selectors: a tag, classes, an id, attributes (``aside``,
    ``div.related``, ``#ad-slot``, ``[data-ad]``, ``p[class=byline]``, a
    value within the attribute's: ``[class*=byline]``); no
    combinators. A leading ``!`` removes a built-in one."""

    def problem(self, value: Any) -> str | None:
        problem = super().problem(value)
        if problem is None:
            # "[class*=]" is none: it would match every element with a class.
            bad = [item for item in value if not _SELECTOR_RE.fullmatch(item.removeprefix("!")) or item in ("", "!")]
            if bad:
                return f"{bad[0]!r} is not a selector newslint reads (a tag, .class, #id, [attribute=value], [attribute*=part])"
        return problem

    def describe(self) -> str:
        return "list of simple CSS selectors"


OPTIONS = {
    "skip": Option(
        Selectors(),
        default=[],
        help=f"elements whose text is not prose, besides {', '.join(DEFAULT_SKIP)} (a leading ! checks one of those)",
    ),
    "standfirst": Option(
        Selectors(), default=[], help="the element holding the standfirst (default: the description meta tag)"
    ),
}


class Selector(NamedTuple):
    tag: str | None
    classes: frozenset[str] = frozenset()
    id: str | None = None
    #: (name, value or None for any, whether the value need only be in the attribute's: ``*=``)
    attributes: tuple[tuple[str, str | None, bool], ...] = ()

    @classmethod
    def parse(cls, text: str) -> Selector:
        match = _SELECTOR_RE.fullmatch(text)
        if match is None:
            raise ValueError(f"not a selector: {text!r}")
        tag = match.group("tag")
        classes, ident, attributes = set(), None, []
        for part in _SIMPLE_RE.finditer(match.group("rest")):
            if part.group(1):
                classes.add(part.group(1))
            elif part.group(2):
                ident = part.group(2)
            else:
                value = next((v for v in part.group(5, 6, 7) if v is not None), None)
                attributes.append((part.group(3).lower(), value, part.group(4) == "*"))
        return cls(None if tag in (None, "*") else tag.lower(), frozenset(classes), ident, tuple(attributes))

    def matches(self, tag: str, attrs: Mapping[str, str | None]) -> bool:
        if self.tag is not None and self.tag != tag:
            return False
        if self.id is not None and attrs.get("id") != self.id:
            return False
        if self.classes and not self.classes <= set((attrs.get("class") or "").split()):
            return False
        return all(
            name in attrs and (value is None or (value in (attrs[name] or "") if within else attrs[name] == value))
            for name, value, within in self.attributes
        )


@cache
def _selectors(items: tuple[str, ...]) -> _Matcher:
    return _Matcher([Selector.parse(item) for item in items])


def _skip_selectors(configured: Sequence[str]) -> _Matcher:
    removed = {item[1:] for item in configured if item.startswith("!")}
    kept = [item for item in DEFAULT_SKIP if item not in removed]
    return _selectors(tuple(kept + [item for item in configured if not item.startswith("!")]))


# -- the page's structure: which text is prose, in which paragraph -------------------------


class _Open(NamedTuple):
    tag: str
    skip: bool  # this element's text is not prose
    role: str  # "article-h1", "h1", "title", "standfirst" or "" (body), inherited by what it holds
    in_story: bool  # inside an <article> or <main>


class _Paragraph(NamedTuple):
    role: str
    spans: list[tuple[int, int]]  # source spans of its text
    in_story: bool = False  # inside an <article> or <main>


class _Structure:
    def __init__(self) -> None:
        self.paragraphs: list[_Paragraph] = []
        self.description: tuple[int, int] | None = None  # the description meta tag's content
        self.comments: list[int] = []  # source offsets where comments start


class _Matcher:
    """Selectors, with those that name only a tag (most) looked up by the tag."""

    def __init__(self, selectors: list[Selector]) -> None:
        self.tags = frozenset(s.tag for s in selectors if s.tag and s == Selector(s.tag))
        self.others = [s for s in selectors if not (s.tag and s == Selector(s.tag))]

    def matches(self, tag: str, attrs: list[tuple[str, str | None]]) -> bool:
        if tag in self.tags:
            return True
        if not self.others:
            return False
        named = {name.lower(): value for name, value in attrs}
        return any(s.matches(tag, named) for s in self.others)


_NO_PARENT = _Open("", False, "", False)
_ROLES = {"h1": "h1", "title": "title"}


@cache
def _reader_class() -> Any:
    """html.parser, imported when a page is first read."""
    from html.parser import HTMLParser

    class PageReader(HTMLParser):
        """The page's paragraphs of prose, read as html.parser reports events.

        Each event runs to where the next one starts. html.parser moves
        through its buffer with ``updatepos(i, j)`` after each event, so that
        is where the next start is noted (its line and column counting,
        which costs as much again, is not needed). After ``feed`` the buffer
        keeps only an unfinished tail, counted from 0 again: ``base`` says
        where that tail starts."""

        def __init__(self, skip: _Matcher, standfirst: _Matcher) -> None:
            super().__init__(convert_charrefs=True)
            self.skip, self.standfirst = skip, standfirst
            self.found = _Structure()
            self.stack: list[_Open] = []
            self.current: _Paragraph | None = None
            self.text_start = -1  # where the text being read started, if prose
            self.base = self.at = 0

        def read(self, text: str) -> _Structure:
            self.feed(text)
            self.base, self.at = len(text) - len(self.rawdata), 0
            self.close()
            self._start_event(len(text))
            return self.found

        def updatepos(self, i: int, j: int) -> int:
            self.at = j
            return j

        def _start_event(self, at: int) -> None:
            """An event starts at ``at``: any prose text before it ends there."""
            if self.text_start != -1 and self.current is not None:
                self.current.spans.append((self.text_start, at))
            self.text_start = -1

        def handle_data(self, data: str) -> None:
            at = self.base + self.at
            self._start_event(at)
            top = self.stack[-1] if self.stack else _NO_PARENT
            if not top.skip:
                if self.current is None:
                    if data.isspace():
                        return  # the layout between paragraphs
                    self.current = _Paragraph(top.role, [], top.in_story)
                    self.found.paragraphs.append(self.current)
                self.text_start = at

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            self._open(tag, attrs, tag in VOID_ELEMENTS)

        def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            self._open(tag, attrs, True)

        def _open(self, tag: str, attrs: list[tuple[str, str | None]], void: bool) -> None:
            at = self.base + self.at
            self._start_event(at)
            if tag in BLOCK_ELEMENTS:
                self.current = None
            if tag == "meta" and self.found.description is None and _is_description(attrs):
                self.found.description = _content_span(self.get_starttag_text() or "", at)
            if void:
                return
            parent = self.stack[-1] if self.stack else _NO_PARENT
            role = parent.role or _ROLES.get(tag, "")
            if role == "h1" and parent.in_story:
                role = "article-h1"  # the story's own, not a theme's site title
            if self.standfirst.matches(tag, attrs):
                role, self.standfirst = "standfirst", _Matcher([])  # the first one only
            skip = parent.skip or tag in NOT_PROSE or self.skip.matches(tag, attrs)
            self.stack.append(_Open(tag, skip, role, parent.in_story or tag in ("article", "main")))

        def handle_endtag(self, tag: str) -> None:
            self._start_event(self.base + self.at)
            if tag in BLOCK_ELEMENTS:
                self.current = None
            stack = self.stack
            for depth in range(len(stack) - 1, -1, -1):  # close it, and what it left open
                if stack[depth].tag == tag:
                    del stack[depth:]
                    break

        def handle_comment(self, data: str) -> None:
            at = self.base + self.at
            self._start_event(at)
            self.found.comments.append(at)

        def handle_decl(self, decl: str) -> None:
            self._start_event(self.base + self.at)

        def handle_pi(self, data: str) -> None:
            self._start_event(self.base + self.at)

        def unknown_decl(self, data: str) -> None:
            self._start_event(self.base + self.at)

    return PageReader


def _structure(text: str, skip: _Matcher, standfirst: _Matcher) -> _Structure:
    found: _Structure = _reader_class()(skip, standfirst).read(text)
    return found


def _is_description(attrs: list[tuple[str, str | None]]) -> bool:
    return any(name.lower() == "name" and (value or "").lower() == "description" for name, value in attrs)


def _content_span(raw: str, start: int) -> tuple[int, int] | None:
    """Where the content attribute's value is, in the tag ``raw`` written at ``start``."""
    match = _CONTENT_RE.search(raw)
    if match is None:
        return None
    group = next(number for number in (1, 2, 3) if match.group(number) is not None)
    at = start + match.start(group)
    return (at, at + len(match.group(group))) if match.group(group).strip() else None


# -- decoding: entities to characters, with the map back ----------------------------------


def _reference(ref: str) -> tuple[int, str] | None:
    """(source characters a reference spans, the text they stand for), or
    None where ``ref`` is no reference. A named one without its semicolon
    may stand for less than the pattern took (``&ampfoo`` is ``&`` + ``foo``)."""
    from html import unescape

    decoded = unescape(ref)
    if decoded == ref:
        return None
    same = 0  # a literal tail html.unescape left as it was
    while same < min(len(decoded), len(ref)) - 1 and decoded[-1 - same] == ref[-1 - same]:
        same += 1
    return len(ref) - same, decoded[: len(decoded) - same]


class _Decoded:
    """The page with its prose's entities decoded (``text``), the same with
    everything else masked (``prose``), and the stretches that map back."""

    def __init__(self, source: str, prose_spans: list[tuple[int, int]]) -> None:
        self.stretches: list[tuple[int, int, int, int]] = []
        self.views: dict[tuple[int, int], tuple[int, int]] = {}  # source span -> text span
        text: list[str] = []
        prose: list[str] = []
        cursor = length = 0
        for start, end in prose_spans:
            between = source[cursor:start]
            if cursor and _only_joining_tags(between):
                self.stretches.append((length, length, cursor, start))  # tags the text leaves out
            else:
                text.append(between)
                prose.append(_masked(between))
                length += len(between)
            view_start = length
            for piece, decoded, source_start, source_end in _pieces(source, start, end):
                if decoded:
                    self.stretches.append((length, length + len(piece), source_start, source_end))
                text.append(piece)
                prose.append(piece)
                length += len(piece)
            self.views[(start, end)] = (view_start, length)
            cursor = end
        rest = source[cursor:]
        text.append(rest)
        prose.append(_masked(rest))
        self.text, self.prose = "".join(text), "".join(prose)
        self._source_starts = [stretch[2] for stretch in self.stretches]

    def to_text(self, offset: int) -> int:
        """The text offset of a source offset outside any entity."""
        index = _bisect(self._source_starts, offset)
        if index < 0:
            return offset
        _, text_end, _, source_end = self.stretches[index]
        return text_end + max(0, offset - source_end)


def _only_joining_tags(between: str) -> bool:
    """Whether ``between`` is nothing but tags of joining elements (``</em>``, ``<a href="...">``)."""
    at = 0
    while at < len(between):
        tag = _TAG_RE.match(between, at)
        if tag is None or tag.group(1).lower() not in JOINING_ELEMENTS:
            return False
        at = tag.end()
    return at > 0


def _bisect(values: list[int], value: int) -> int:
    return bisect.bisect_right(values, value) - 1


def _pieces(source: str, start: int, end: int) -> Iterator[tuple[str, bool, int, int]]:
    """The text of ``source[start:end]`` in pieces: (text, is decoded, source span)."""
    segment = source[start:end]
    if "&" not in segment and "  " not in segment and "\t" not in segment:
        yield segment, False, start, end
        return
    cursor = start
    for match in _DECODED_RE.finditer(source, start, end):
        reference = _reference(match.group()) if match.group().startswith("&") else (match.end() - match.start(), " ")
        if reference is None:
            continue
        spanned, decoded = reference
        if match.start() > cursor:
            yield source[cursor : match.start()], False, cursor, match.start()
        yield decoded, True, match.start(), match.start() + spanned
        cursor = match.start() + spanned
    if cursor < end:
        yield source[cursor:end], False, cursor, end


def _masked(segment: str) -> str:
    if "\r" in segment:
        masked: str = _NOT_LINE_BREAK_RE.sub(lambda match: MASK * len(match.group()), segment)
        return masked
    if "\n" not in segment:
        return MASK * len(segment)
    return "\n".join([MASK * len(line) for line in segment.split("\n")])


# -- writing a fix back -------------------------------------------------------------------


def _writer(source: str, read_only: list[tuple[int, int]]) -> Callable[[str, int, int], str | None]:
    ascii_page = source.isascii()

    def write(replacement: str, start: int, end: int) -> str | None:
        if any(low < end and start < high or low <= start < high for low, high in read_only):
            return None
        used = next((m.group() for m in _CHARREF_RE.finditer(source, start, end) if _reference(m.group())), None)
        style = _style(used) if used else ("named" if ascii_page else None)
        return "".join(_escaped(char, style) for char in replacement)

    return write


def _style(reference: str) -> str:
    if reference.startswith(("&#x", "&#X")):
        return "hex"
    return "decimal" if reference.startswith("&#") else "named"


def _escaped(char: str, style: str | None) -> str:
    if char == "&":
        return "&amp;"
    if char == "<":
        return "&lt;"
    if style is None or char.isascii():
        return char
    from html.entities import codepoint2name

    name = codepoint2name.get(ord(char))
    if style == "named" and name:
        return f"&{name};"
    return f"&#x{ord(char):x};" if style == "hex" else f"&#{ord(char)};"


# -- the Document -------------------------------------------------------------------------


def parse(text: str, path: str | None, layout: str = "article", options: Mapping[str, Any] | None = None) -> Document:
    settings = options or {}
    standfirst = tuple(settings.get("standfirst") or ())
    found = _structure(text, _skip_selectors(settings.get("skip") or []), _selectors(standfirst))
    paragraphs = _the_story(p for p in found.paragraphs if any(not text[a:b].isspace() for a, b in p.spans))
    kinds = _kinds(paragraphs, layout)
    read_only: list[tuple[int, int]] = []
    description = found.description
    if description is not None and _repeats(text, description, paragraphs):
        description = None  # an excerpt of the headline or the first paragraph: checked there
    if layout == "article" and not standfirst and description is not None:
        paragraphs.append(_Paragraph("standfirst", [description]))
        kinds.append("standfirst")
        read_only.append(description)
    kept = [(p, kind) for p, kind in zip(paragraphs, kinds) if kind is not None]
    spans = sorted(span for p, _ in kept for span in p.spans)
    decoded = _Decoded(text, spans)
    blocks = [block for p, kind in kept if (block := _block(decoded, p, kind)) is not None]
    blocks.sort(key=lambda block: block.start)
    urls = [url for span in spans for url in url_spans(decoded.text, *decoded.views[span])]
    comment_starts = {decoded.to_text(start) for start in found.comments}
    directives = [d for d in find_directives(decoded.text) if d.start in comment_starts]
    return Document(
        text=decoded.text,
        prose=masked_text(decoded.prose, urls),
        blocks=blocks,
        path=path,
        directives=directives,
        source_map=SourceMap(text, decoded.stretches, _writer(text, read_only)),
    )


def _the_story(paragraphs: Iterable[_Paragraph]) -> list[_Paragraph]:
    """The paragraphs of the story: on a page with an ``<article>`` or
    ``<main>``, what lies outside it (the site's header and navigation,
    related links, the footer) is not, but for the ``<title>`` and a
    headline ``<h1>`` the story lacks."""
    paragraphs = list(paragraphs)
    if not any(p.in_story for p in paragraphs):
        return paragraphs
    has_h1 = any(p.role == "article-h1" for p in paragraphs)
    return [p for p in paragraphs if p.in_story or p.role == "title" or (p.role == "h1" and not has_h1)]


def _repeats(text: str, description: tuple[int, int], paragraphs: list[_Paragraph]) -> bool:
    """Whether the description is the start of a paragraph (CMSs fill it
    with the headline or an excerpt of the first paragraph)."""
    from html import unescape

    def words(source: str) -> str:
        return " ".join(unescape(source).split())

    wanted = words(text[slice(*description)]).rstrip(".…").rstrip()
    return any(words("".join(text[a:b] for a, b in p.spans)).startswith(wanted) for p in paragraphs)


def _kinds(paragraphs: list[_Paragraph], layout: str) -> list[str | None]:
    """Each paragraph's block kind; None for a ``<title>`` not used as the headline."""
    if layout != "article":
        return [None if p.role == "title" else "body" for p in paragraphs]
    kinds: list[str | None] = []
    headline = next(
        (p for role in ("article-h1", "h1", "title") for p in paragraphs if p.role == role),
        None,
    )
    for paragraph in paragraphs:
        if paragraph is headline:
            kinds.append("headline")
        elif paragraph.role == "title":
            kinds.append(None)
        else:
            kinds.append("standfirst" if paragraph.role == "standfirst" else "body")
    return kinds


def _block(decoded: _Decoded, paragraph: _Paragraph, kind: str) -> Block | None:
    start = decoded.views[paragraph.spans[0]][0]
    end = decoded.views[paragraph.spans[-1]][1]
    prose = decoded.prose
    while start < end and (prose[start].isspace() or prose[start] == MASK):
        start += 1
    while end > start and (prose[end - 1].isspace() or prose[end - 1] == MASK):
        end -= 1
    return Block(kind, start, end) if start < end else None
