"""TOML, read with the standard library's tomllib (tomli before Python 3.11):
``pyproject.toml``'s ``[tool.newslint]`` table and Hugo's front matter."""

from __future__ import annotations

from typing import Any


def load_toml(text: str) -> dict[str, Any]:
    """The table ``text`` spells; ValueError (TOMLDecodeError is one) where it is not TOML."""
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib  # type: ignore[no-redef,import-not-found,unused-ignore]
    return tomllib.loads(text)
