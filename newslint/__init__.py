"""newslint: a newsroom editorial style and claims linter.

The public API::

    import newslint
    for diagnostic in newslint.lint_text("Nato met. NATO said no.\\n"):
        print(diagnostic.line, diagnostic.column, diagnostic.rule, diagnostic.message)

and ``newslint.Linter`` for a long-lived process that checks many texts
(an editor server, a web service): it keeps its configs and compiled rules,
and ``reload()`` forgets them.
"""

from __future__ import annotations

from newslint.version import __version__

# Not `from typing import TYPE_CHECKING`: importing typing costs every run of
# the command, `newslint --version` included, more than all the rest of it.
TYPE_CHECKING = False

__all__ = ["lint_text", "Diagnostic", "Linter", "__version__"]

if TYPE_CHECKING:
    from newslint.config import Config
    from newslint.linter import Linter
    from newslint.model import Diagnostic

_default: Linter | None = None


def lint_text(text: str, *, path: str | None = None, config: Config | str | None = None) -> list[Diagnostic]:
    """Check one article and return its diagnostics, sorted by position.

    ``path`` picks the reader (``.md`` is Markdown, anything else plain text) and
    is reported in each diagnostic. ``config`` is a ``Config``, the path of a
    config file (read on every call, so an edit is seen), or None for the
    built-in defaults (the ``core`` pack). Diagnostics suppressed by comments
    in the text are left out. A leading byte order mark is no column, as in a
    file, but ``start`` and ``end`` index ``text`` as given.
    """
    from dataclasses import replace

    from newslint.config import Config, load
    from newslint.linter import Linter
    from newslint.readers import BOM

    global _default
    if _default is None:
        _default = Linter()
    if isinstance(config, str):
        config = load(config)
    body = text.removeprefix(BOM)
    diagnostics = _default.lint_text(body, path, config or Config())
    if len(body) == len(text):
        return diagnostics
    return [replace(d, start=d.start + len(BOM), end=d.end + len(BOM)) for d in diagnostics]


def __getattr__(name: str) -> object:
    if name == "Diagnostic":
        from newslint.model import Diagnostic

        return Diagnostic
    if name == "Linter":
        from newslint.linter import Linter

        return Linter
    raise AttributeError(name)
