"""Baselines: today's findings stay quiet after edits above them; new ones fail."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from newslint.cli import main

ARTICLE = """Council budget rises

The fund lost TK in the last year, officials said.

Nato and NATO both spoke about the plan - which was late.

The fire hurt XX people and TK more were moved.
"""
PARAGRAPHS = "".join(
    f"The council met for the {n} time on Tuesday to agree the plan.\n\n" for n in ("first", "second", "third")
)


@pytest.fixture
def story(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "story.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def check(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[dict[str, object]]]:
    code = main(["check", "--no-cache", "story.txt", "--format", "json", *args])
    return code, json.loads(capsys.readouterr().out or "[]")


def test_write_baseline_records_findings_and_passes(story: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--no-cache", "story.txt", "--write-baseline", "baseline.json"]) == 0
    data = json.loads(Path("baseline.json").read_text(encoding="utf-8"))
    rules = sorted(entry["rule"] for entry in data["findings"])
    assert rules.count("hygiene.placeholder") == 3
    assert all(entry["path"] == "story.txt" for entry in data["findings"])
    assert "Wrote" in capsys.readouterr().err


def test_baseline_survives_paragraphs_inserted_above(story: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, before = check(capsys)
    assert code == 1 and before
    main(["check", "--no-cache", "story.txt", "--write-baseline", "baseline.json"])
    capsys.readouterr()
    head, rest = ARTICLE.split("\n\n", 1)
    story.write_text(head + "\n\n" + PARAGRAPHS + rest, encoding="utf-8")

    code, after = check(capsys, "--baseline", "baseline.json")
    assert (code, after) == (0, [])
    # The findings did move: without the baseline they are all there, six lines down.
    _, moved = check(capsys)
    assert sorted(d["line"] for d in moved) == sorted(int(d["line"]) + 6 for d in before)  # type: ignore[call-overload]


def test_new_problem_still_fails(story: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", "--no-cache", "story.txt", "--write-baseline", "baseline.json"])
    capsys.readouterr()
    head, rest = ARTICLE.split("\n\n", 1)
    story.write_text(head + "\n\n" + PARAGRAPHS + rest + "\nThe fund lost TK again.\n", encoding="utf-8")
    code, found = check(capsys, "--baseline", "baseline.json")
    assert code == 1
    assert [(d["rule"], d["line"], d["column"]) for d in found] == [("hygiene.placeholder", 15, 15)]


def test_a_fourth_equal_finding_is_new(story: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", "--no-cache", "story.txt", "--write-baseline", "baseline.json"])
    capsys.readouterr()
    story.write_text(ARTICLE.replace("officials said", "officials said TK"), encoding="utf-8")
    code, found = check(capsys, "--baseline", "baseline.json")
    assert code == 1 and len(found) == 1 and found[0]["rule"] == "hygiene.placeholder"


def test_unreadable_baseline_is_a_usage_error(story: Path, capsys: pytest.CaptureFixture[str]) -> None:
    Path("baseline.json").write_text("not json", encoding="utf-8")
    assert main(["check", "--no-cache", "story.txt", "--baseline", "baseline.json"]) == 2
    assert "not a newslint baseline" in capsys.readouterr().err
    assert main(["check", "--no-cache", "story.txt", "--baseline", "missing.json"]) == 2


def test_a_baseline_matches_from_any_folder(story: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Written at the root, used from a subfolder (a pre-commit hook there), and the other way round."""
    news = story.parent / "news"
    news.mkdir()
    story.rename(news / "story.txt")
    assert main(["check", "--no-cache", "news", "--write-baseline", "baseline.json"]) == 0
    data = json.loads(Path("baseline.json").read_text(encoding="utf-8"))
    assert data["version"] == 2 and {entry["path"] for entry in data["findings"]} == {"news/story.txt"}
    capsys.readouterr()
    os.chdir(news)
    assert main(["check", "--no-cache", "story.txt", "--baseline", "../baseline.json"]) == 0
    assert capsys.readouterr().out == "No problems found in 1 file.\n"
    assert main(["check", "--no-cache", "story.txt", "--write-baseline", "../baseline.json"]) == 0
    assert json.loads(Path("../baseline.json").read_text(encoding="utf-8")) == data
    os.chdir(story.parent)
    assert main(["check", "--no-cache", str(news / "story.txt"), "--baseline", "baseline.json"]) == 0


def test_a_version_1_baseline_still_matches_from_where_it_was_written(
    story: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """newslint 0.2 wrote paths relative to the current folder: they still match there."""
    from newslint.baseline import fingerprints
    from newslint.linter import Linter

    found = Linter().lint_text(ARTICLE, "story.txt")
    Path("old").mkdir()
    entries = [{"fingerprint": fp, "rule": d.rule, "path": "story.txt"} for d, fp in zip(found, fingerprints(found))]
    Path("old/baseline.json").write_text(json.dumps({"version": 1, "findings": entries}), encoding="utf-8")
    assert main(["check", "--no-cache", "story.txt", "--baseline", "old/baseline.json"]) == 0
