"""Helpers for the hostile battery: articles, rule packs and runs of the command."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from newslint.cli import main

ARTICLE = "Council budget rises\n\nThe fund lost TK in the year.\n"


def write(path: Path | str, text: str | bytes) -> str:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return str(path)


def house_rule(folder: Path | str, rule_id: str, body: str, config: str = "newslint.yaml") -> None:
    """A pack ``house`` in ``folder`` with one rule, and a config that extends it."""
    family, name = rule_id.split(".")
    write(Path(folder) / "house" / family / f"{name}.yaml", body)
    write(Path(folder) / config, "extends: [core, ./house]\n")


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """``newslint ARGS`` in this process: exit code, stdout, stderr.

    Both streams must encode as strict UTF-8, as a terminal or a CI log
    would demand (a lone surrogate from a file name would fail there).
    """
    code = main(args)
    captured = capsys.readouterr()
    captured.out.encode("utf-8")
    captured.err.encode("utf-8")
    return code, captured.out, captured.err


def one_error(err: str) -> str:
    """The single line on stderr, which must be an error, not a traceback."""
    lines = [line for line in err.splitlines() if line]
    assert len(lines) == 1, err
    assert lines[0].startswith("newslint: error: "), err
    return lines[0]


def newslint(args: list[str], *, timeout: float = 20, **kwargs: object) -> subprocess.CompletedProcess[bytes]:
    """``newslint ARGS`` as its own process (for what a process does at its edges:
    closed or full standard streams, signals)."""
    env = {**os.environ, "NO_COLOR": "1"}
    streams = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, **kwargs}
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        [sys.executable, "-c", "from newslint.cli import run; run()", *args],
        timeout=timeout,
        env=env,
        check=False,
        **streams,
    )
