"""Each output format, as a whole, on the seed article: a change to any
format shows up here as a diff. Set UPDATE_SNAPSHOTS=1 to rewrite them after
a deliberate change (and read the diff before committing it)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from support import ROOT, seed_text

from newslint.formats import Report, formats, render
from newslint.linter import Linter

SNAPSHOTS = Path(__file__).parent / "snapshots"


def report() -> Report:
    linter = Linter()
    path = "seeds/nato-iraq-troops.txt"
    config = linter.config_for(str(ROOT / path))
    diagnostics = linter.lint_text(seed_text(), path, config)
    lines = seed_text().split("\n")
    return Report(
        diagnostics=diagnostics,
        files_checked=2,
        source_line=lambda path, line: lines[line - 1],
        rules={rule.id: rule for rule in linter.rules(config)},
        paths=[path, "seeds/clean-council-budget.txt"],
    )


@pytest.mark.parametrize("name", sorted(set(formats()) - {"auto"}))
def test_format_snapshot(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    output = render(name, report())
    snapshot = SNAPSHOTS / f"seed.{name}"
    if os.environ.get("UPDATE_SNAPSHOTS"):
        snapshot.write_text(output, encoding="utf-8")
    assert output == snapshot.read_text(encoding="utf-8")


def test_auto_is_github_in_actions_and_text_elsewhere(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert render("auto", report()) == (SNAPSHOTS / "seed.github").read_text(encoding="utf-8")
    monkeypatch.delenv("GITHUB_ACTIONS")
    assert render("auto", report()) == (SNAPSHOTS / "seed.text").read_text(encoding="utf-8")
