"""newslint: a newsroom editorial style and claims linter.

The public API is one function::

    import newslint
    for diagnostic in newslint.lint_text("Nato met. NATO said no.\\n"):
        print(diagnostic.line, diagnostic.column, diagnostic.rule, diagnostic.message)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"
__all__ = ["lint_text", "Diagnostic", "__version__"]

if TYPE_CHECKING:
    from newslint.config import Config
    from newslint.engine import Diagnostic


def lint_text(text: str, *, path: str | None = None, config: Config | str | None = None) -> list[Diagnostic]:
    """Check one article and return its diagnostics, sorted by position.

    ``path`` picks the reader (``.md`` is Markdown, anything else plain text) and
    is reported in each diagnostic. ``config`` is a ``Config``, the path of a
    config file, or None for the built-in defaults (the ``core`` pack).
    Diagnostics suppressed by comments in the text are left out. A leading
    byte order mark is no column, as in a file, but ``start`` and ``end`` index
    ``text`` as given.
    """
    from dataclasses import replace

    from newslint.config import Config, load
    from newslint.engine import lint_document
    from newslint.readers import BOM, parse

    if isinstance(config, str):
        config = load(config)
    resolved = (config or Config()).for_path(path)
    body = text.removeprefix(BOM)
    diagnostics = lint_document(parse(body, path), resolved)
    if len(body) == len(text):
        return diagnostics
    return [replace(d, start=d.start + len(BOM), end=d.end + len(BOM)) for d in diagnostics]


def __getattr__(name: str) -> object:
    if name == "Diagnostic":
        from newslint.engine import Diagnostic

        return Diagnostic
    raise AttributeError(name)
