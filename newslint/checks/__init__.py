"""Check kinds: the Python half of a rule. One module per kind, found by discovery.

A check subclass names itself (``name = "existence"``), declares the options its
YAML rules may set and the placeholders its messages may use, and yields
``Finding``s; the engine stamps rule ID and severity, applies scope, speech and
fix settings and turns offsets into positions. A check knows its options, not
the rule around them. A new kind of check is one new module here and nothing
edited elsewhere.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from newslint.model import Finding
from newslint.options import Option, OptionError

if TYPE_CHECKING:
    from newslint.authority import Authority
    from newslint.document import Document
    from newslint.terms import Hit, Term

__all__ = ["Check", "Finding", "Option", "OptionError", "check_kind", "load_checks"]

REGISTRY: dict[str, type[Check]] = {}
_loaded = False


class Check:
    name: ClassVar[str]
    #: A sentence for the docs: what the kind finds.
    summary: ClassVar[str] = ""
    options: ClassVar[dict[str, Option]] = {}
    #: Placeholders its findings fill in, beyond {found} (the text found).
    params: ClassVar[tuple[str, ...]] = ()
    #: Whether findings can carry a replacement, and the ``fix`` setting its rules start from.
    fixable: ClassVar[bool] = False
    default_fix: ClassVar[str] = "off"

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "name" in cls.__dict__:
            REGISTRY[cls.name] = cls

    def __init__(self, options: Mapping[str, Any]) -> None:
        self.opts = options

    def with_authority(self, authority: Authority | None) -> Check:
        """This check as it runs under a config that names a names authority
        (``authority:``): the same check, unless the kind reads the authority,
        when it is a copy that holds it. Rules are shared between configs, so
        the check a rule built is never changed."""
        return self

    def terms(self) -> Iterable[Term]:
        """Literal terms to find in one shared pass over the document."""
        return ()

    def run(self, doc: Document, hits: list[Hit]) -> Iterable[Finding]:
        raise NotImplementedError


def check_kind(name: str) -> type[Check] | None:
    """The check kind called ``name``, its module (``checks/<name>.py``, with
    ``_`` for ``-``) imported on first use: a run imports the kinds its rules
    use, not all of them."""
    if name not in REGISTRY:
        module = name.replace("-", "_")
        if module.isidentifier() and not module.startswith("_"):
            try:
                importlib.import_module(f"{__name__}.{module}")
            except ModuleNotFoundError as error:
                if error.name != f"{__name__}.{module}":
                    raise  # the module exists and failed: not an unknown kind
    return REGISTRY.get(name)


def load_checks() -> dict[str, type[Check]]:
    """Import every check module once (for listing them all); each registers itself."""
    global _loaded
    if not _loaded:
        _loaded = True
        for module in pkgutil.iter_modules(__path__):
            importlib.import_module(f"{__name__}.{module.name}")
    return REGISTRY
