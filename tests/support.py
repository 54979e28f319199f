"""Helpers shared by the tests: findings as (line, column, rule) sets."""

from __future__ import annotations

from pathlib import Path

import newslint
from newslint.config import Config, from_text

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "nato-iraq-troops.txt"


def config(text: str = "extends: [core]\n") -> Config:
    return from_text(text)


def findings(
    text: str, config_text: str = "extends: [core]\n", path: str | None = None, rule: str | None = None
) -> set[tuple[int, int, str]]:
    """(line, column, rule) of every diagnostic, optionally of one rule family or ID."""
    found = {(d.line, d.column, d.rule) for d in newslint.lint_text(text, path=path, config=from_text(config_text))}
    if rule is None:
        return found
    return {item for item in found if item[2] == rule or item[2].startswith(rule + ".")}


def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def seed_lines() -> list[str]:
    return seed_text().split("\n")
