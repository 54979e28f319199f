"""Suppression comments: editors switching rules off for a passage or a file.

In Markdown, HTML and plain text alike::

    <!-- newslint-disable typography.dash quotes -->   ... until enabled again
    <!-- newslint-enable quotes -->                     (no rule: every rule)
    <!-- newslint-disable-next-line consistency.terms -- a quoted tweet -->

and in Markdown front matter ``newslint: {ignore: [rule, ...]}`` for the whole
file. Rules are IDs or prefixes (``quotes``); text after `` -- `` is a reason.
A disable that suppresses nothing is reported (``hygiene.unused-suppression``),
so stale comments do not pile up and hide tomorrow's mistakes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import regex

from newslint.config import selects
from newslint.patterns import lazy_compile

if TYPE_CHECKING:
    from newslint.document import Document
    from newslint.engine import Diagnostic

UNUSED_RULE = "hygiene.unused-suppression"

#: One directive comment; the rule list ends at the comment's end or at ``--``.
DIRECTIVE_RE = lazy_compile(
    r"<!--[ \t]*newslint-(disable-next-line|disable|enable)(?![\w-])((?:(?!-->)[^\r\n])*?)(?:[ \t]--[ \t](?:(?!-->).)*?)?[ \t]*-->",
    regex.S,
)
_SELECTOR_RE = lazy_compile(r"[a-z][a-z0-9-]*(?:\.[a-z0-9][a-z0-9-]*)?")


@dataclass
class Directive:
    kind: str  # "disable" | "enable" | "disable-next-line" | "ignore" (front matter)
    selectors: tuple[str, ...]  # empty: every rule
    start: int
    end: int
    used: set[str] = field(default_factory=set)  # selectors that hid a finding ("" = all)


@dataclass(frozen=True)
class _Region:
    """Where a directive hides findings: offsets [start, end) or one line."""

    directive: Directive
    selectors: tuple[str, ...]
    start: int = 0
    end: int = 0
    line: int = 0  # for disable-next-line


def find_directives(text: str, code: Sequence[tuple[int, int]] = ()) -> list[Directive]:
    """Directive comments, except those shown as examples inside code."""
    if "newslint-" not in text:  # the common case: no comment, no regex pass
        return []
    return [
        Directive(match.group(1), tuple(_SELECTOR_RE.findall(match.group(2))), match.start(), match.end())
        for match in DIRECTIVE_RE.finditer(text)
        if not any(start <= match.start() < end for start, end in code)
    ]


def _regions(doc: Document, directives: list[Directive]) -> list[_Region]:
    regions: list[_Region] = []
    open_: list[tuple[Directive, str]] = []  # (disable, one of its selectors or "")
    for directive in directives:
        if directive.kind == "disable-next-line":
            next_line = doc.position(directive.end)[0] + 1
            regions.append(_Region(directive, directive.selectors, line=next_line))
        elif directive.kind == "disable":
            open_.extend((directive, selector) for selector in directive.selectors or ("",))
        else:
            still_open = []
            for disable, selector in open_:
                closes = not directive.selectors or any(
                    selector and selects(name, selector) for name in directive.selectors
                )
                if closes:
                    regions.append(_Region(disable, (selector,) if selector else (), disable.end, directive.start))
                else:
                    still_open.append((disable, selector))
            open_ = still_open
    regions.extend(_Region(d, (s,) if s else (), d.end, len(doc.text)) for d, s in open_)
    return regions


def _hides(region: _Region, d: Diagnostic) -> str | None:
    """The selector of ``region`` that hides ``d`` ("" for all rules), or None."""
    if region.line:
        if d.line != region.line:
            return None
    elif not region.start <= d.start < region.end:
        return None
    if not region.selectors:
        return ""
    return next((s for s in region.selectors if selects(s, d.rule)), None)


def file_ignores(meta: dict[str, Any]) -> tuple[str, ...]:
    """``newslint: {ignore: [...]}`` from front matter (a bare string is one rule)."""
    settings = meta.get("newslint")
    ignore = settings.get("ignore") if isinstance(settings, dict) else None
    if isinstance(ignore, str):
        ignore = [ignore]
    return tuple(item for item in ignore or () if isinstance(item, str))


def apply(
    doc: Document,
    diagnostics: list[Diagnostic],
    active: Iterable[str],
    report_unused: Callable[[Directive, tuple[str, ...]], Diagnostic] | None = None,
) -> list[Diagnostic]:
    """``diagnostics`` less the suppressed ones, plus one for each unused disable.

    ``report_unused`` makes the diagnostic (None when the rule is off). Only
    selectors naming an active rule can be unused: a comment for a rule that
    this config turns off is not stale.
    """
    ignores = _front_matter_ignores(doc)
    directives = find_directives(doc.text, doc.code)
    if not directives and not ignores:
        return diagnostics
    regions = _regions(doc, directives)
    kept = []
    for d in diagnostics:
        ignored_by = [ignore for ignore in ignores if selects(ignore.selectors[0], d.rule)]
        for ignore in ignored_by:
            ignore.used.add(ignore.selectors[0])
        if ignored_by:
            continue
        hidden = False
        for region in regions:
            selector = _hides(region, d)
            if selector is not None:
                region.directive.used.add(selector)
                hidden = True
        if not hidden:
            kept.append(d)
    if report_unused is not None and not any(selects(ignore.selectors[0], UNUSED_RULE) for ignore in ignores):
        active_ids = tuple(active)
        for directive in directives + ignores:
            unused = _unused(directive, active_ids)
            if unused is not None:
                kept.append(report_unused(directive, unused))
        kept.sort()
    return kept


def _front_matter_ignores(doc: Document) -> list[Directive]:
    """One "ignore" directive per rule the front matter ignores, placed on
    where the front matter names it (or on its ``newslint`` key), so an
    unused one is reported there."""
    selectors = file_ignores(doc.meta) if doc.meta else ()
    if not selectors:
        return []
    text, end = doc.text, doc.fixable_from
    key = max(text.find("newslint", 0, end), 0)
    ignores = []
    for selector in selectors:
        start = text.find(selector, key, end)
        span = (start, start + len(selector)) if start != -1 else (key, key + len("newslint"))
        ignores.append(Directive("ignore", (selector,), *span))
    return ignores


def _unused(directive: Directive, active: tuple[str, ...]) -> tuple[str, ...] | None:
    """The selectors of a disable that hid nothing (() = the whole comment), or None."""
    if directive.kind == "enable":
        return None
    if not directive.selectors:
        return None if directive.used else ()
    unused = tuple(
        s for s in directive.selectors if s not in directive.used and any(selects(s, rule_id) for rule_id in active)
    )
    return unused or None
