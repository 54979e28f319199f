"""What checks find and what newslint reports: the bottom floor.

Every other module may import this one; it imports nothing of newslint's.
A ``Finding`` is what a check yields (offsets into the document, message
parameters, a replacement); the engine turns it into a ``Diagnostic``, which
carries everything any later stage needs (position, message, fix, the text it
covers), so formats, baselines and caches never need the article again.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum
from typing import Any


class Severity(str, Enum):
    """How much a finding matters; a run fails on findings at or above ``--fail-on``."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _RANKS[self]

    def __str__(self) -> str:
        return self.value

    def __format__(self, spec: str) -> str:
        return format(self.value, spec)


_RANKS = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}
#: The severity names, lowest first, as rule files and configs write them.
SEVERITIES: tuple[str, ...] = tuple(severity.value for severity in Severity)


#: What an article is, as its front matter (``genre: opinion``) or its config
#: (``overrides: [{files: [...], genre: opinion}]``) says; a rule's ``genres``
#: names the ones it checks. An article that says nothing is news.
GENRES: tuple[str, ...] = ("news", "opinion", "review", "letters", "feature", "corrections")
DEFAULT_GENRE = "news"


def genre_named(value: Any) -> str | None:
    """The genre a front-matter or config value names ("Opinion" too), or None."""
    if isinstance(value, str) and value.strip().lower() in GENRES:
        return value.strip().lower()
    return None


class FixSafety(str, Enum):
    """A rule's ``fix`` setting: applied by ``--fix``, only with ``--unsafe-fixes``, or never."""

    SAFE = "safe"
    UNSAFE = "unsafe"
    OFF = "off"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class Fix:
    """Text that replaces a diagnostic's span. An unsafe fix is applied only
    with ``--unsafe-fixes``: the rule cannot be sure it is right every time."""

    replacement: str
    safe: bool = True


@dataclass(frozen=True)
class Finding:
    """What a check yields: offsets into ``Document.text``, the values its
    rule's message may name, and the replacement text when it has one."""

    start: int
    end: int
    params: Mapping[str, Any] = field(default_factory=dict)
    replacement: str | None = None


@dataclass(frozen=True)
class Diagnostic:
    """One problem in one file. Lines and columns are 1-based; ends are exclusive.

    ``start`` and ``end`` index the decoded text (for ``--fix``); ``found`` is
    the text the span covers, which fingerprints (baselines, SARIF, GitLab)
    are made from.
    """

    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    rule: str
    severity: Severity
    message: str
    fix: Fix | None = None
    start: int = 0
    end: int = 0
    found: str = ""

    @property
    def sort_key(self) -> tuple[str, int, int, int, int, str, str]:
        """Document order: by position, then rule and message."""
        return (self.path, self.line, self.column, self.end_line, self.end_column, self.rule, self.message)

    def to_dict(self) -> dict[str, Any]:
        """The public JSON shape (docs/json-format.md)."""
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "rule": self.rule,
            "severity": self.severity.value,
            "message": self.message,
            "fix": None if self.fix is None else {"replacement": self.fix.replacement, "safe": self.fix.safe},
        }


def selects(selector: str, rule_id: str) -> bool:
    """Whether a selector (an ID, or a prefix such as ``quotes``) names ``rule_id``."""
    return rule_id == selector or rule_id.startswith(selector.rstrip(".") + ".")
