"""Suppression comments, found by the readers while they parse.

In Markdown, HTML and plain text alike::

    <!-- newslint-disable typography.dash quotes -->   ... until enabled again
    <!-- newslint-enable quotes -->                     (no rule: every rule)
    <!-- newslint-disable-next-line consistency.terms -- a quoted tweet -->

Rules are IDs or prefixes (``quotes``); text after `` -- `` is a reason.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Sequence

from newslint.document import Directive
from newslint.patterns import lazy_compile

_OPENING_RE = lazy_compile(r"<!--[ \t]*newslint-(disable-next-line|disable|enable)(?![\w-])")
_SELECTOR_RE = lazy_compile(r"[a-z][a-z0-9-]*(?:\.[a-z0-9][a-z0-9-]*)?")
_REASON_RE = lazy_compile(r"[ \t]--[ \t]")


def find_directives(text: str, skip: Sequence[tuple[int, int]] = ()) -> list[Directive]:
    """Directive comments in ``text``, except those starting inside ``skip``
    (Markdown code, where a directive is an example, not an instruction)."""
    if "newslint-" not in text:  # the common case: no comment, no regex pass
        return []
    starts, ends = _merged(skip)
    return [d for d in _directives(text) if not _inside(d.start, starts, ends)]


def _merged(spans: Sequence[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """``spans`` as sorted, disjoint (starts, ends), so that each directive
    is looked up by bisection: thousands of directives among thousands of
    code spans stay linear-logarithmic, not quadratic."""
    starts: list[int] = []
    ends: list[int] = []
    for start, end in sorted(spans):
        if ends and start <= ends[-1]:
            ends[-1] = max(ends[-1], end)
        else:
            starts.append(start)
            ends.append(end)
    return starts, ends


def _inside(offset: int, starts: list[int], ends: list[int]) -> bool:
    index = bisect_right(starts, offset) - 1
    return index >= 0 and offset < ends[index]


def _directives(text: str) -> Iterator[Directive]:
    """One pass: after each opening, the comment's end is found once, and the
    search goes on after it, so unclosed openings cost linear time."""
    position = 0
    while True:
        match = _OPENING_RE.search(text, position)
        if match is None:
            return
        close = text.find("-->", match.end())
        if close == -1:
            return  # no comment closes after here: nothing later is a directive either
        position = close + 3
        body = text[match.end() : close]
        reason = _REASON_RE.search(body)
        selectors = body[: reason.start()] if reason else body
        if "\n" in selectors or "\r" in selectors:
            continue  # the rule list is one line; a reason may run on
        yield Directive(match.group(1), tuple(_SELECTOR_RE.findall(selectors)), match.start(), position)
