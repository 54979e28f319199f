"""Check kinds: the Python half of a rule. One module per kind, found by discovery.

A check subclass names itself (``name = "existence"``), declares the options its
YAML rules may set, and yields ``Finding``s; the engine stamps rule ID and
severity, applies scope and quote filters and turns offsets into positions.
A new kind of check is one new module here and nothing edited elsewhere.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

if TYPE_CHECKING:
    from newslint.document import Document
    from newslint.rules import Rule
    from newslint.terms import Hit, Term

REGISTRY: dict[str, type[Check]] = {}
_loaded = False


@dataclass(frozen=True)
class Option:
    """One option a rule file may set: its type and default (``...`` = required)."""

    type: str  # str | int | bool | strings | groups | mapping | regexes | one of "a|b|c"
    default: Any = ...
    help: str = ""
    #: Options this one describes: a config that sets any of them but not this
    #: one gets this one's default (new patterns may not need what the old did).
    follows: tuple[str, ...] = ()


class OptionError(ValueError):
    """A rule option its check cannot use; ``key`` names it, so the error can
    point at its line in the rule file."""

    def __init__(self, key: str, problem: str) -> None:
        self.key = key
        super().__init__(f"{key}: {problem}")


@dataclass(frozen=True)
class Finding:
    start: int
    end: int
    params: Mapping[str, Any]
    fix: str | None = None  # replacement text for text[start:end]


class Check:
    name: ClassVar[str]
    options: ClassVar[dict[str, Option]] = {}
    #: Whether findings can carry fixes (shown by ``newslint rules``).
    fixable: ClassVar[bool] = False

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "name" in cls.__dict__:
            REGISTRY[cls.name] = cls

    def __init__(self, rule: Rule) -> None:
        self.rule = rule
        self.opts = rule.options

    def terms(self) -> Iterable[Term]:
        """Literal terms to find in one shared pass over the document."""
        return ()

    def run(self, doc: Document, hits: list[Hit]) -> Iterable[Finding]:
        raise NotImplementedError

    def is_fixable(self) -> bool:
        return self.fixable

    def needy_patterns(self) -> list[Any]:
        """The patterns the rule's ``needs`` stands guard over (``rules test``
        checks that each of their matches in the examples contains one)."""
        return []


def load_checks() -> dict[str, type[Check]]:
    """Import every check module once; each registers itself."""
    global _loaded
    if not _loaded:
        _loaded = True
        for module in pkgutil.iter_modules(__path__):
            importlib.import_module(f"{__name__}.{module.name}")
    return REGISTRY
