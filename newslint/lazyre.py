"""Regular expressions compiled on first use.

Compiling a pattern with the ``regex`` module costs a fraction of a
millisecond; a module-level pattern compiled at import costs every run,
including a one-file pre-commit run that never reaches the code using it.
"""

from __future__ import annotations

from typing import Any


class LazyPattern:
    """Stands in for ``regex.compile(pattern, flags)`` until it is first used.

    The compiled pattern's methods are then copied onto the instance, so later
    calls cost what calls on the compiled pattern cost.
    """

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._source = (pattern, flags)

    def __getattr__(self, name: str) -> Any:
        import regex

        compiled = regex.compile(*self._source)
        for method in ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split"):
            setattr(self, method, getattr(compiled, method))
        self.pattern, self.flags = compiled.pattern, compiled.flags
        return getattr(compiled, name)


def lazy_compile(pattern: str, flags: int = 0) -> Any:
    return LazyPattern(pattern, flags)
