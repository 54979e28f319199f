"""Suppressions: what editors switched off, applied to a document's diagnostics.

The readers record the directives (``newslint-disable`` comments, the front
matter's ``newslint: {ignore: [...]}``) on the Document; this module hides the
diagnostics they cover and says which of them hid nothing, so stale comments
do not pile up and hide tomorrow's mistakes (``hygiene.unused-suppression``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from newslint.document import Directive, Document
from newslint.model import Diagnostic, selects

UNUSED_RULE = "hygiene.unused-suppression"


@dataclass(frozen=True)
class _Region:
    """Where a directive hides findings: offsets [start, end) or one line."""

    directive: int  # its index in the document's directives
    selectors: tuple[str, ...]  # empty: every rule
    start: int = 0
    end: int = 0
    line: int = 0  # for disable-next-line


def _regions(doc: Document) -> list[_Region]:
    """Offsets in the source, as diagnostics give them (directives index ``doc.text``)."""
    at = doc.source_offset
    regions: list[_Region] = []
    open_: list[tuple[int, str]] = []  # (index of a disable, one of its selectors or "")
    for index, directive in enumerate(doc.directives):
        if directive.kind == "disable-next-line":
            next_line = doc.position(directive.end)[0] + 1
            regions.append(_Region(index, directive.selectors, line=next_line))
        elif directive.kind == "disable":
            open_.extend((index, selector) for selector in directive.selectors or ("",))
        elif directive.kind == "enable":
            still_open = []
            for disable, selector in open_:
                closes = not directive.selectors or any(
                    selector and selects(name, selector) for name in directive.selectors
                )
                if closes:
                    start = at(doc.directives[disable].end)
                    regions.append(_Region(disable, (selector,) if selector else (), start, at(directive.start)))
                else:
                    still_open.append((disable, selector))
            open_ = still_open
    end = at(len(doc.text), end=True)
    regions.extend(_Region(i, (s,) if s else (), at(doc.directives[i].end), end) for i, s in open_)
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


UnusedReporter = Callable[[Directive, tuple[str, ...]], Diagnostic]


def apply(
    doc: Document, diagnostics: list[Diagnostic], active: Iterable[str], report_unused: UnusedReporter | None = None
) -> list[Diagnostic]:
    """``diagnostics`` less the suppressed ones, plus one for each unused directive.

    ``report_unused`` makes that diagnostic (None when the rule is off). Only
    selectors naming an active rule can be unused: a comment for a rule that
    this config turns off is not stale.
    """
    if not doc.directives:
        return diagnostics
    ignores = [(i, d) for i, d in enumerate(doc.directives) if d.kind == "ignore"]
    regions = _regions(doc)
    used: dict[int, set[str]] = {}
    kept = []
    for d in diagnostics:
        ignored_by = [i for i, ignore in ignores if selects(ignore.selectors[0], d.rule)]
        for i in ignored_by:
            used.setdefault(i, set()).add(doc.directives[i].selectors[0])
        if ignored_by:
            continue
        hidden = False
        for region in regions:
            selector = _hides(region, d)
            if selector is not None:
                used.setdefault(region.directive, set()).add(selector)
                hidden = True
        if not hidden:
            kept.append(d)
    if report_unused is not None and not any(selects(ignore.selectors[0], UNUSED_RULE) for _, ignore in ignores):
        active_ids = tuple(active)
        for index, directive in enumerate(doc.directives):
            unused = _unused(directive, used.get(index, set()), active_ids)
            if unused is not None:
                kept.append(report_unused(directive, unused))
        kept.sort(key=lambda d: d.sort_key)
    return kept


def _unused(directive: Directive, used: set[str], active: tuple[str, ...]) -> tuple[str, ...] | None:
    """The selectors of a directive that hid nothing (() = the whole comment), or None."""
    if directive.kind == "enable":
        return None
    if not directive.selectors:
        return None if used else ()
    unused = tuple(s for s in directive.selectors if s not in used and any(selects(s, rule) for rule in active))
    return unused or None
