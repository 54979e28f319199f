"""newslint's version: one place, read by the package, the build and every
cache key; and what to say when the install it came with is incomplete."""

__version__ = "0.2.0"


def missing_dependency(error: ModuleNotFoundError) -> str | None:
    """The one-line problem for a library newslint needs that is not installed
    (an install from before it was needed: a checkout pulled over an old
    editable install), or None for a module of newslint's own, which is a bug.
    The optional libraries (docx, lsp, serve) say so where they are used."""
    missing = (error.name or "").partition(".")[0]
    if not missing or missing == "newslint":
        return None
    return (
        f"the Python package {missing!r} that newslint needs is not installed; reinstall newslint"
        " (`pip install -e .` in a checkout, `pip install -U newslint` otherwise)"
    )
