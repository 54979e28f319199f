"""Run rules over a Document and turn their findings into Diagnostics."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from newslint import suppressions
from newslint.checks import Check, Finding
from newslint.config import Config
from newslint.document import Document
from newslint.rules import Rule
from newslint.terms import TermIndex

SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One problem in one file. Lines and columns are 1-based; ends are exclusive."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    rule: str
    severity: str
    message: str
    fix: str | None = None  # the text that replaces the span, when fixable
    unsafe: bool = False  # the fix is applied only with --unsafe-fixes
    start: int = 0  # offsets into the decoded text, for --fix and baselines
    end: int = 0

    def to_dict(self) -> dict[str, Any]:
        """The public JSON shape (docs/json-format.md)."""
        data = asdict(self)
        del data["start"], data["end"], data["unsafe"]
        data["fix"] = None if self.fix is None else {"replacement": self.fix}
        return data


class _Params(dict):
    """Leaves an unknown ``{placeholder}`` in a message as it is."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


class RuleSet:
    """Rules compiled once per process and per resolved config."""

    _cache: dict[str, RuleSet] = {}

    def __init__(self, rules: list[Rule]) -> None:
        self.rules = rules
        self.checks: list[tuple[Rule, Check]] = [(rule, rule.implementation()) for rule in rules]
        self.index = TermIndex()
        self.active_ids = tuple(rule.id for rule in rules)
        self.unused_rule = next((rule for rule in rules if rule.id == suppressions.UNUSED_RULE), None)
        for rule, check in self.checks:
            for term in check.terms():
                self.index.add(term, rule.id)

    @classmethod
    def for_config(cls, config: Config) -> RuleSet:
        key = config.key
        if key not in cls._cache:
            cls._cache[key] = cls(config.resolve_rules())
        return cls._cache[key]

    def lint(self, doc: Document) -> list[Diagnostic]:
        hits = self.index.scan(doc) if self.index else {}
        diagnostics = []
        for rule, check in self.checks:
            rule_hits = [hit for hit in hits.get(rule.id, ()) if applies(doc, rule, hit.start)]
            for finding in check.run(doc, rule_hits):
                if applies(doc, rule, finding.start):
                    diagnostics.append(_diagnostic(doc, rule, finding))
        return self._suppress(doc, sorted(set(diagnostics)))

    def _suppress(self, doc: Document, diagnostics: list[Diagnostic]) -> list[Diagnostic]:
        """Drop what suppression comments hide; report the comments that hide nothing."""
        unused_rule = self.unused_rule

        def report_unused(directive: suppressions.Directive, selectors: tuple[str, ...]) -> Diagnostic:
            assert unused_rule is not None
            rules = ", ".join(selectors) if selectors else "any rule"
            return _diagnostic(doc, unused_rule, Finding(directive.start, directive.end, {"rules": rules}))

        return suppressions.apply(doc, diagnostics, self.active_ids, report_unused if unused_rule else None)


def applies(doc: Document, rule: Rule, offset: int) -> bool:
    """Whether ``offset`` is in the rule's scope and on the right side of quotes."""
    block = doc.block_at(offset)
    if block is None or (rule.scope != "all" and block.kind != rule.scope):
        return False
    if rule.quotes == "any":
        return True
    return doc.in_quote(offset) == (rule.quotes == "inside")


def _diagnostic(doc: Document, rule: Rule, finding: Finding) -> Diagnostic:
    line, column = doc.position(finding.start)
    end_line, end_column = doc.position(finding.end)
    params = _Params(finding.params)
    params.setdefault("found", doc.text[finding.start : finding.end])
    return Diagnostic(
        path=doc.path or "-",
        line=line,
        column=column,
        end_line=end_line,
        end_column=end_column,
        rule=rule.id,
        severity=rule.severity,
        message=rule.message.format_map(params),
        fix=finding.fix if finding.start >= doc.fixable_from else None,
        unsafe=rule.unsafe_fix,
        start=finding.start,
        end=finding.end,
    )


def lint_document(doc: Document, config: Config) -> list[Diagnostic]:
    """Every diagnostic for ``doc`` under ``config`` (overrides already applied)."""
    return RuleSet.for_config(config).lint(doc)
