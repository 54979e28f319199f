"""--changed-since REF, on real git repositories in a temporary folder: only
the files changed since the branch left REF, only findings on changed lines."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from newslint.cli import main
from newslint.gitdiff import parse_diff

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")

OLD = "Old story\n\nIt went on... and TK.\n\nMore text here.\n"  # two old problems on line 3


def git(*args: str) -> str:
    done = subprocess.run(["git", *args], check=True, capture_output=True, text=True)
    return done.stdout


def commit(message: str) -> None:
    git("add", "-A")
    git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", message)


def write(path: str, text: str) -> None:
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_text(text, encoding="utf-8")


@pytest.fixture
def archive(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An archive full of old problems on main, and a branch to work on."""
    monkeypatch.chdir(tmp_path)
    git("init", "-q", "-b", "main")
    write("articles/old.txt", OLD)
    write("articles/untouched.txt", OLD)
    write("articles/moved.txt", OLD)
    write("other/elsewhere.txt", OLD)
    commit("the archive")
    git("checkout", "-q", "-b", "desk")
    return tmp_path


def findings(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[tuple[str, int, str]], str]:
    code = main(["check", "--no-cache", "--format", "json", "--changed-since", *args])
    captured = capsys.readouterr()
    found = [(item["path"], item["line"], item["rule"]) for item in json.loads(captured.out)]
    return code, found, captured.err


def test_only_changed_files_and_lines_are_reported(archive: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write("articles/old.txt", OLD.replace("More text here.", "More text here... TK."))  # line 5
    commit("an edit")
    write("articles/new.txt", "New story\n\nBrand new... piece.\n")  # committed below
    commit("a new file")
    write("articles/staged.txt", "Staged\n\nStaged... piece.\n")
    git("add", "articles/staged.txt")
    write("articles/untracked.txt", "Untracked\n\nNot yet added... piece.\n")
    write("articles/untouched.txt", OLD)  # written again, unchanged
    code, found, err = findings(capsys, "main", "articles")
    assert code == 1 and err == ""
    assert found == [
        ("articles/new.txt", 3, "typography.ellipsis"),
        ("articles/old.txt", 5, "typography.ellipsis"),
        ("articles/old.txt", 5, "hygiene.placeholder"),
        ("articles/staged.txt", 3, "typography.ellipsis"),
        ("articles/untracked.txt", 3, "typography.ellipsis"),
    ]


def test_what_reached_main_since_the_branch_left_it_does_not_count(
    archive: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    git("checkout", "-q", "main")
    write("articles/untouched.txt", OLD + "\nA paragraph added on main... TK.\n")
    commit("work on main")
    git("checkout", "-q", "desk")
    code, found, err = findings(capsys, "main")
    assert (code, found) == (0, [])
    assert err == "newslint: warning: nothing to check: no file a reader takes changed since main\n"


def test_a_renamed_file_reports_only_its_edited_lines(archive: Path, capsys: pytest.CaptureFixture[str]) -> None:
    git("mv", "articles/moved.txt", "articles/renamed.txt")
    write("articles/renamed.txt", OLD + "\nOne more... line.\n")
    commit("rename and edit")
    code, found, _ = findings(capsys, "main")
    assert code == 1 and found == [("./articles/renamed.txt", 7, "typography.ellipsis")]


def test_an_added_line_that_looks_like_a_diff_header_is_a_line(
    archive: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """In a diff, an added line reading '++ b/x' is '+++ b/x': it must not start a new file."""
    write("articles/old.txt", OLD + "\n++ b/other/elsewhere.txt\n\nNew... line.\n")
    code, found, _ = findings(capsys, "main")
    assert code == 1 and found == [("./articles/old.txt", 9, "typography.ellipsis")]


def test_names_git_quotes_are_read(archive: Path, capsys: pytest.CaptureFixture[str]) -> None:
    name = 'articles/a "quoted" café\tstory.txt'
    write(name, "Headline\n\nIt went on... piece.\n")
    commit("an odd name")
    code, found, _ = findings(capsys, "main", "articles")
    assert code == 1 and found == [(name, 3, "typography.ellipsis")]


def test_paths_still_limit_what_is_checked(archive: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write("other/elsewhere.txt", OLD + "\nNew... line.\n")
    write("articles/old.txt", OLD + "\nNew... line.\n")
    code, found, _ = findings(capsys, "main", "articles")
    assert code == 1 and [path for path, _, _ in found] == ["articles/old.txt"]


def test_from_a_subfolder(archive: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    write("articles/old.txt", OLD + "\nNew... line.\n")
    monkeypatch.chdir(archive / "articles")
    code, found, _ = findings(capsys, "main", ".")
    assert code == 1 and found == [("./old.txt", 7, "typography.ellipsis")]


@pytest.mark.parametrize(
    ("ref", "message"),
    [
        ("no-such-branch", "--changed-since: 'no-such-branch' is not a branch, tag or commit in this repository"),
        ("HEAD~5", "--changed-since: 'HEAD~5' is not a branch, tag or commit in this repository"),
    ],
)
def test_a_ref_git_does_not_know_is_a_usage_error(
    archive: Path, capsys: pytest.CaptureFixture[str], ref: str, message: str
) -> None:
    assert main(["check", "--changed-since", ref]) == 2
    assert capsys.readouterr().err == f"newslint: error: {message}\n"


def test_outside_a_repository_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "plain"
    folder.mkdir()
    monkeypatch.chdir(folder)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    assert main(["check", "--changed-since", "main"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("newslint: error: --changed-since: not a git repository") and len(err.splitlines()) == 1


def test_standard_input_cannot_have_changed(archive: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--changed-since", "main", "--stdin-filename", "a.txt", "-"]) == 2
    assert "cannot say of standard input" in capsys.readouterr().err


def test_parse_diff_reads_hunks_binary_files_and_deletions() -> None:
    diff = (
        "diff --git a/a.txt b/a.txt\nindex 1..2 100644\n--- a/a.txt\n+++ b/a.txt\n"
        "@@ -3 +3 @@\n-old\n+new\n@@ -10,2 +10,0 @@\n-gone\n-gone\n@@ -20,0 +19,2 @@\n+++ b/evil.txt\n+x\n"
        "diff --git a/draft.docx b/draft.docx\nindex 1..2 100644\nBinary files a/draft.docx and b/draft.docx differ\n"
        "diff --git a/gone.txt b/gone.txt\ndeleted file mode 100644\n--- a/gone.txt\n+++ /dev/null\n@@ -1 +0,0 @@\n-x\n"
        "diff --git a/last.txt b/last.txt\n--- a/last.txt\n+++ b/last.txt\n@@ -1 +1 @@\n-a\n\\ No newline at end of file\n"
        "+b\n\\ No newline at end of file\n"
    )
    assert parse_diff(diff) == {
        "a.txt": frozenset({3, 19, 20}),
        "draft.docx": None,
        "last.txt": frozenset({1}),
    }
