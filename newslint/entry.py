"""The ``newslint`` command's first step: ``--version`` is answered before
the command line's framework (click, ~25 ms) is imported; everything else
goes to newslint.cli."""

from __future__ import annotations

import sys

TYPE_CHECKING = False  # not typing's: it costs a --version more than the rest
if TYPE_CHECKING:
    from typing import NoReturn


def run() -> NoReturn:
    if sys.argv[1:] == ["--version"]:
        from newslint.version import __version__

        print(f"newslint, version {__version__}")  # as click's version option says it
        raise SystemExit(0)
    try:
        from newslint.cli import run as command
    except ModuleNotFoundError as error:  # click or regex, say: the rest are imported when used
        from newslint.version import missing_dependency

        problem = missing_dependency(error)
        if problem is None:
            raise
        print(f"newslint: error: {problem}", file=sys.stderr)
        raise SystemExit(2) from None
    command()
