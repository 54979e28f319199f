"""Paths as reports show them."""

from __future__ import annotations

import os


def relative_path(path: str) -> str:
    """``path`` relative to the current folder, with forward slashes (what CI UIs link).

    A file outside the current folder keeps its absolute path: a ``../`` path
    would point outside the repository the CI system knows about.
    """
    if path == "-":
        return path
    if os.path.isabs(path):
        relative = os.path.relpath(path)
        path = path if relative.startswith("..") else relative
    else:
        path = os.path.normpath(path)
    return path.replace(os.sep, "/")
