"""Run a rule set's checks over a Document and turn their findings into Diagnostics.

The engine, not the check, stamps each finding with its rule's ID, severity
and message, keeps it only in the rule's scope and on the rule's side of
direct speech, and attaches the fix the rule allows.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from newslint.checks import Check
from newslint.checks._patterns import PatternTimeout
from newslint.document import MASK, Document
from newslint.model import DEFAULT_GENRE, Diagnostic, Finding, Fix, FixSafety
from newslint.rules import Rule
from newslint.terms import TermIndex

if TYPE_CHECKING:
    from newslint.authority import Authority


class _Params(dict[str, Any]):
    """Leaves an unknown ``{placeholder}`` in a message as it is (rules are
    checked at load; a config's message may still name one a finding lacks)."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


class RuleSet:
    """Rules with their checks built and their terms in one index, ready to run."""

    def __init__(self, rules: Sequence[Rule], authority: Authority | None = None) -> None:
        """``authority``: the config's names authority, for the checks that read it."""
        self.rules = list(rules)
        self.by_id = {rule.id: rule for rule in self.rules}
        self.checks: list[tuple[Rule, Check]] = [
            (rule, rule.implementation().with_authority(authority)) for rule in self.rules
        ]
        self._by_genre: dict[str, list[tuple[Rule, Check]]] = {}
        self._supersedes = {rule.id: rule.supersedes for rule in self.rules if rule.supersedes}
        self.index = TermIndex()
        for rule, check in self.checks:
            for term in check.terms():
                self.index.add(term, rule.id)

    def lint(self, doc: Document, genre: str = DEFAULT_GENRE) -> list[Diagnostic]:
        """Every diagnostic of the rules that check articles of ``genre``, for
        ``doc``, in document order, none twice."""
        hits = self.index.scan(doc) if self.index else {}
        diagnostics = []
        checks = self._by_genre.get(genre)
        if checks is None:
            checks = self._by_genre[genre] = [(rule, check) for rule, check in self.checks if rule.checks_genre(genre)]
        for rule, check in checks:
            # Taken out, not looked up: a rule's hits go once its check has run
            # (tens of thousands in a long article, held to the end otherwise).
            found = hits.pop(rule.id, None)
            rule_hits = [hit for hit in found if applies(doc, rule, hit.start)] if found else []
            try:
                for finding in check.run(doc, rule_hits):
                    if applies(doc, rule, finding.start):
                        diagnostics.append(diagnostic(doc, rule, finding))
            except PatternTimeout as timeout:
                timeout.rule = rule.id  # the check knows its pattern, the engine its rule
                raise
        if self._supersedes:
            diagnostics = _one_per_problem(diagnostics, self._supersedes)
        return sorted(set(diagnostics), key=_sort_key)


def _one_per_problem(diagnostics: list[Diagnostic], supersedes: Mapping[str, tuple[str, ...]]) -> list[Diagnostic]:
    """Without the findings another rule's finding on the same span supersedes."""
    covered = {(d.start, d.end, rule) for d in diagnostics for rule in supersedes.get(d.rule, ())}
    if not covered:
        return diagnostics
    return [d for d in diagnostics if (d.start, d.end, d.rule) not in covered]


def _sort_key(d: Diagnostic) -> tuple[Any, ...]:
    return d.sort_key


def applies(doc: Document, rule: Rule, offset: int) -> bool:
    """Whether ``offset`` is in the rule's scope and on the right side of direct speech."""
    block = doc.block_at(offset)
    if block is None or (rule.scope != "all" and block.kind != rule.scope):
        return False
    if not rule.verbatim and doc.in_verbatim(offset):
        return False  # a quoted tweet or report keeps its own dates, dashes, spelling
    if not rule.datelines and doc.in_dateline(offset):
        return False  # "PARIS (AFP) - ": the wire's format
    if rule.speech == "any":
        return True
    return doc.in_quote(offset) == (rule.speech == "inside")


def diagnostic(doc: Document, rule: Rule, finding: Finding) -> Diagnostic:
    """Findings index ``doc.text``; a diagnostic's position, span and fix are
    in the source (the same, except where the reader decoded HTML entities)."""
    line, column = doc.position(finding.start)
    end_line, end_column = doc.position(finding.end, end=True)
    found = doc.text[finding.start : finding.end]
    start, end = doc.source_offset(finding.start), doc.source_offset(finding.end, end=True)
    params = _Params(finding.params)
    params.setdefault("found", found)
    return Diagnostic(
        path=doc.path or "-",
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        rule=rule.id,
        severity=rule.severity,
        message=rule.message.format_map(params),
        fix=_fix(doc, rule, finding, start, end),
        start=start,
        end=end,
        found=found,
    )


def _fix(doc: Document, rule: Rule, finding: Finding, start: int, end: int) -> Fix | None:
    if finding.replacement is None or rule.fix is FixSafety.OFF or finding.start < doc.fixable_from:
        return None
    if MASK in doc.prose[finding.start : finding.end]:
        return None  # a fix never rewrites what is not prose: markup, code, URLs
    replacement: str | None = finding.replacement
    source = doc.source_map
    if source is not None:
        if source.splits(finding.start) or source.splits(finding.end):
            return None  # half of what one entity spells
        if source.hides(finding.start, finding.end):
            return None  # markup the text leaves out ("the <a>the</a>")
        replacement = source.write(finding.replacement, start, end)
    return None if replacement is None else Fix(replacement, safe=rule.fix is FixSafety.SAFE)
