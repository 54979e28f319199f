"""Which files a run checks: each folder's own config, gitignore patterns as
git reads them, .gitignore honoured, named files, and fail-on per file."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from newslint.cli import main
from newslint.config import Config, from_text
from newslint.walk import walk

ARTICLE = "Headline\n\nIt went on...\n"  # one typography.ellipsis warning


def write(path: Path, text: str = ARTICLE) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def git(folder: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=folder, capture_output=True, text=True, check=True).stdout


def checked(capsys: pytest.CaptureFixture[str], *args: str) -> set[str]:
    main(["check", "--no-cache", "--format", "json", *args])
    return {os.path.relpath(item["path"]) for item in json.loads(capsys.readouterr().out)}


TREE = [
    "news/a.txt", "news/keep.txt", "news/2004/old.txt", "sport/news/b.txt", "a/x/y/c.md", "a/c.md",
    "drafts/wip.txt", "node_modules/pkg/readme.md", "notes.txt", "deep/er/keep.txt",
]  # fmt: skip
PATTERNS = [
    "/news/*",
    "!/news/keep.txt",
    "a/**/c.md",
    "drafts/",
    "node_modules",
    "*.txt",
    "!notes.txt",
    "deep/**/keep.txt",
]


def test_exclude_patterns_behave_as_gits(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same patterns as `exclude` and as a .gitignore: newslint excludes
    exactly what `git check-ignore` says git ignores."""
    for name in TREE:
        write(tmp_path / name)
    git(tmp_path, "init", "-q")
    (tmp_path / ".gitignore").write_text("\n".join(PATTERNS) + "\n", encoding="utf-8")
    ignored_by_git = set(git(tmp_path, "check-ignore", "--no-index", *TREE).split())
    (tmp_path / ".gitignore").unlink()
    config = from_text("exclude:\n" + "".join(f"  - '{p}'\n" for p in PATTERNS), str(tmp_path / "newslint.yaml"))
    monkeypatch.chdir(tmp_path)
    found = {
        os.path.relpath(entry.path)
        for entry in walk(["."], lambda path: config, lambda path, cfg: True, respect_gitignore=False)
    }
    assert found == set(TREE) - ignored_by_git
    assert ignored_by_git and found  # the tree exercises both sides


def test_gitignore_files_are_honoured_as_git_honours_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Nested .gitignore files (a deeper one overriding), .git/info/exclude,
    and a negation: what newslint walks is what git does not ignore."""
    for name in TREE:
        write(tmp_path / name)
    git(tmp_path, "init", "-q")
    write(tmp_path / ".gitignore", "node_modules/\n*.md\ndrafts/\n")
    write(tmp_path / "a" / ".gitignore", "!c.md\n")
    write(tmp_path / ".git" / "info" / "exclude", "sport/\n")
    monkeypatch.chdir(tmp_path)
    not_ignored = {
        line
        for line in git(tmp_path, "ls-files", "--others", "--exclude-standard").split()
        if not line.endswith(".gitignore")
    }
    assert checked(capsys, ".") == not_ignored
    assert "a/x/y/c.md" in not_ignored and "node_modules/pkg/readme.md" not in not_ignored
    assert "node_modules/pkg/readme.md" in checked(capsys, "--no-respect-gitignore", ".")


def test_a_nested_configs_exclude_holds_from_a_parent_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path / "sub" / "newslint.yaml", "exclude: [drafts/]\n")
    write(tmp_path / "sub" / "drafts" / "wip.txt")
    write(tmp_path / "sub" / "story.txt")
    monkeypatch.chdir(tmp_path)
    assert checked(capsys, ".") == {"sub/story.txt"}
    monkeypatch.chdir(tmp_path / "sub")
    assert checked(capsys, ".") == {"story.txt"}


def test_a_named_file_is_checked_unless_force_exclude(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path / "newslint.yaml", "exclude: [drafts/]\n")
    write(tmp_path / "drafts" / "wip.txt")
    monkeypatch.chdir(tmp_path)
    assert checked(capsys, "drafts/wip.txt") == {"drafts/wip.txt"}
    assert checked(capsys, "--force-exclude", "drafts/wip.txt") == set()


def test_fail_on_is_read_per_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """An archive folder failing only on errors; the newsroom's own copy on warnings."""
    write(tmp_path / "archive" / "newslint.yaml", "fail-on: error\n")
    write(tmp_path / "archive" / "old.txt")
    write(tmp_path / "news" / "new.txt")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--no-cache", "archive"]) == 0  # a warning, below the archive's threshold
    assert main(["check", "--no-cache", "news"]) == 1
    assert main(["check", "--no-cache", "archive", "news"]) == 1
    assert main(["check", "--no-cache", "--fail-on", "error", "archive", "news"]) == 0
    capsys.readouterr()


def test_the_walk_gives_each_file_its_folders_config(tmp_path: Path) -> None:
    write(tmp_path / "a" / "newslint.yaml", "ignore: [typography]\n")
    write(tmp_path / "a" / "one.txt")
    write(tmp_path / "b" / "two.txt")
    configs = {}

    def config_for(path: str) -> Config:
        from newslint.linter import Linter

        return Linter().config_for(path)

    for entry in walk([str(tmp_path)], config_for, lambda path, cfg: path.endswith(".txt")):
        assert entry.config is not None
        configs[Path(entry.path).name] = entry.config.ignore
    assert configs == {"one.txt": ("typography",), "two.txt": ()}
