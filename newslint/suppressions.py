"""Suppressions: what editors switched off, applied to a document's diagnostics.

The readers record the directives (``newslint-disable`` comments, the front
matter's ``newslint: {ignore: [...]}``) on the Document; this module hides the
diagnostics they cover and says which of them hid nothing, so stale comments
do not pile up and hide tomorrow's mistakes (``hygiene.unused-suppression``).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

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
    # Open disables by selector ("" for every rule): the indices of the disables.
    open_: dict[str, list[int]] = {}
    # The open selectors by family (``quotes`` for ``quotes.nesting``), so that
    # an enable finds the ones it closes without trying each.
    families: dict[str, set[str]] = {}
    for index, directive in enumerate(doc.directives):
        if directive.kind == "disable-next-line":
            next_line = doc.position(directive.end)[0] + 1
            regions.append(_Region(index, directive.selectors, line=next_line))
        elif directive.kind == "disable":
            for selector in directive.selectors or ("",):
                open_.setdefault(selector, []).append(index)
                families.setdefault(selector.split(".")[0], set()).add(selector)
        elif directive.kind == "enable":
            closed = list(open_) if not directive.selectors else _closed_by(directive.selectors, families)
            for selector in closed:
                families[selector.split(".")[0]].discard(selector)
                for disable in open_.pop(selector, ()):
                    start = at(doc.directives[disable].end)
                    regions.append(_Region(disable, (selector,) if selector else (), start, at(directive.start)))
    end = at(len(doc.text), end=True)
    regions.extend(
        _Region(i, (s,) if s else (), at(doc.directives[i].end), end) for s, indices in open_.items() for i in indices
    )
    return regions


def _closed_by(names: tuple[str, ...], families: dict[str, set[str]]) -> list[str]:
    """The open selectors an ``enable`` naming ``names`` closes: those the
    names select. (A comment's selectors are a family or one rule: a rule
    closes itself, a family every selector in it.)"""
    closed: set[str] = set()
    for name in names:
        family = families.get(name.split(".")[0], set())
        if "." in name:
            closed.update(selector for selector in (name,) if selector in family)
        else:
            closed.update(family)
    return sorted(closed)


def _hides(region: _Region, d: Diagnostic) -> str | None:
    """The selector of a line region that hides ``d`` ("" for all rules), or None."""
    if d.line != region.line:
        return None
    if not region.selectors:
        return ""
    return next((s for s in region.selectors if selects(s, d.rule)), None)


T = TypeVar("T")


class _BySelector(Generic[T]):
    """Values filed under selectors, found for a rule ID without trying every
    selector: ``s`` selects ``rule`` when ``s == rule`` or ``s`` without
    trailing dots is a dot-prefix of it (``quotes`` of ``quotes.nesting``)."""

    def __init__(self) -> None:
        self.exact: dict[str, list[T]] = {}
        self.prefix: dict[str, list[T]] = {}

    def add(self, selector: str, value: T) -> None:
        self.exact.setdefault(selector, []).append(value)
        self.prefix.setdefault(selector.rstrip("."), []).append(value)

    def selecting(self, rule: str) -> list[T]:
        found = list(self.exact.get(rule, ()))
        for at, char in enumerate(rule):
            if char == ".":
                found.extend(self.prefix.get(rule[:at], ()))
        return found


UnusedReporter = Callable[[Directive, tuple[str, ...]], Diagnostic]


def apply(
    doc: Document, diagnostics: list[Diagnostic], active: Iterable[str], report_unused: UnusedReporter | None = None
) -> list[Diagnostic]:
    """``diagnostics`` less the suppressed ones, plus one for each unused directive.

    ``report_unused`` makes that diagnostic (None when the rule is off). Only
    selectors naming an active rule can be unused: a comment for a rule that
    this config turns off is not stale.

    Every lookup goes by rule, line or offset (dictionaries and bisection),
    never directive by finding: an article with ten thousand comments and ten
    thousand findings costs about what it costs to read them.
    """
    if not doc.directives:
        return diagnostics
    used: dict[int, set[str]] = {}
    ignores: _BySelector[int] = _BySelector()
    for index, directive in enumerate(doc.directives):
        if directive.kind == "ignore":
            ignores.add(directive.selectors[0], index)
    regions = _regions(doc)
    lines = _LineRegions([region for region in regions if region.line], used)
    spans = _SpanRegions([region for region in regions if not region.line])
    ignored_rules: dict[str, bool] = {}
    kept, shown = [], []
    for d in diagnostics:
        if d.rule not in ignored_rules:
            by = ignores.selecting(d.rule)
            for index in by:
                used.setdefault(index, set()).add(doc.directives[index].selectors[0])
            ignored_rules[d.rule] = bool(by)
        if ignored_rules[d.rule]:
            continue
        shown.append(d)
        hidden_by_line = lines.hides(d)
        if not (spans.hides(d) or hidden_by_line):
            kept.append(d)
    spans.mark_used(shown, used)
    if report_unused is not None and not ignores.selecting(UNUSED_RULE):
        active_ids = tuple(active)
        for index, directive in enumerate(doc.directives):
            unused = _unused(directive, used.get(index, set()), active_ids)
            if unused is not None:
                kept.append(report_unused(directive, unused))
        kept.sort(key=lambda d: d.sort_key)
    return kept


class _LineRegions:
    """``disable-next-line`` regions by line; each (line, rule) pair is worked out once."""

    def __init__(self, regions: list[_Region], used: dict[int, set[str]]) -> None:
        self.by_line: dict[int, list[_Region]] = {}
        for region in regions:
            self.by_line.setdefault(region.line, []).append(region)
        self.used = used
        self.answers: dict[tuple[int, str], bool] = {}

    def hides(self, d: Diagnostic) -> bool:
        key = (d.line, d.rule)
        if key not in self.answers:
            hidden = False
            for region in self.by_line.get(d.line, ()):
                selector = _hides(region, d)
                if selector is not None:
                    self.used.setdefault(region.directive, set()).add(selector)
                    hidden = True
            self.answers[key] = hidden
        return self.answers[key]


class _SpanRegions:
    """``disable``…``enable`` regions (one selector each, or none for every
    rule), merged per selector into sorted intervals for bisection."""

    def __init__(self, regions: list[_Region]) -> None:
        self.regions = regions
        spans: dict[str, list[tuple[int, int]]] = {}
        for region in regions:
            spans.setdefault(region.selectors[0] if region.selectors else "", []).append((region.start, region.end))
        self.merged = {selector: _merge(found) for selector, found in spans.items()}
        self.selectors: _BySelector[str] = _BySelector()
        for selector in self.merged:
            if selector:
                self.selectors.add(selector, selector)
        self.for_rule: dict[str, list[str]] = {}

    def hides(self, d: Diagnostic) -> bool:
        if d.rule not in self.for_rule:
            self.for_rule[d.rule] = ([""] if "" in self.merged else []) + self.selectors.selecting(d.rule)
        return any(_covers(self.merged[selector], d.start) for selector in self.for_rule[d.rule])

    def mark_used(self, diagnostics: list[Diagnostic], used: dict[int, set[str]]) -> None:
        """A region is used when a finding it could hide starts inside it."""
        if not self.regions:
            return
        every = sorted(d.start for d in diagnostics)
        by_rule: dict[str, list[int]] = {}
        for d in diagnostics:
            by_rule.setdefault(d.rule, []).append(d.start)
        for starts in by_rule.values():
            starts.sort()
        rules_of: dict[str, list[list[int]]] = {}
        for region in self.regions:
            selector = region.selectors[0] if region.selectors else ""
            if selector not in rules_of:
                rules_of[selector] = [starts for rule, starts in by_rule.items() if selects(selector, rule)]
            candidates = [every] if not selector else rules_of[selector]
            if any(_any_within(starts, region.start, region.end) for starts in candidates):
                used.setdefault(region.directive, set()).add(selector)


def _merge(spans: list[tuple[int, int]]) -> tuple[list[int], list[int]]:
    starts: list[int] = []
    ends: list[int] = []
    for start, end in sorted(spans):
        if ends and start <= ends[-1]:
            ends[-1] = max(ends[-1], end)
        elif start < end:
            starts.append(start)
            ends.append(end)
    return starts, ends


def _covers(merged: tuple[list[int], list[int]], offset: int) -> bool:
    starts, ends = merged
    index = bisect_right(starts, offset) - 1
    return index >= 0 and offset < ends[index]


def _any_within(starts: list[int], start: int, end: int) -> bool:
    index = bisect_left(starts, start)
    return index < len(starts) and starts[index] < end


def _unused(directive: Directive, used: set[str], active: tuple[str, ...]) -> tuple[str, ...] | None:
    """The selectors of a directive that hid nothing (() = the whole comment), or None."""
    if directive.kind == "enable":
        return None
    if not directive.selectors:
        return None if used else ()
    unused = tuple(s for s in directive.selectors if s not in used and any(selects(s, rule) for rule in active))
    return unused or None
