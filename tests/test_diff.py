"""--diff: standard output is a patch git apply and patch -p1 take, whatever
the file's last line and line endings; the report goes to standard error."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from newslint.cli import main
from newslint.fixes import unified_diff

ARTICLES = {
    "final-newline.txt": "Headline\n\nIt went on...\n\nThe end.\n",
    "no-final-newline.txt": "Headline\n\nIt went on...\n\nThe end...",
    "unchanged-last-line.txt": "Headline\n\nIt went on...\n\nThe end.",
    "crlf.txt": "Headline\r\n\r\nIt went on...\r\n\r\nThe end...",
    "separators.md": "# Headline\n\nA line\u2028with a separator... and\x0ca form feed...\n",
    "with space.txt": "Headline\n\nIt went on...\n",
}

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")


@pytest.fixture
def repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    subprocess.run(["git", "init", "-q"], check=True)
    for name, text in ARTICLES.items():
        (tmp_path / name).write_bytes(text.encode("utf-8"))
    return tmp_path


def diff(capsys: pytest.CaptureFixture[str], *paths: str) -> tuple[int, str, str]:
    code = main(["check", "--diff", *paths])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def fixed(tmp_path: Path, name: str) -> bytes:
    """What --fix makes of the article, in a folder of its own."""
    other = tmp_path / "fixed"
    other.mkdir(exist_ok=True)
    (other / name).write_bytes(ARTICLES[name].encode("utf-8"))
    main(["check", "--fix", str(other / name)])
    return (other / name).read_bytes()


@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_git_apply_takes_the_diff_and_it_does_what_fix_does(
    repository: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    code, out, err = diff(capsys, name)
    assert code == 1 and out.startswith(f"--- a/{name}")
    (repository / "fixes.patch").write_text(out, encoding="utf-8", newline="")
    check = subprocess.run(["git", "apply", "--check", "fixes.patch"], capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
    after = fixed(repository, name)
    capsys.readouterr()
    subprocess.run(["git", "apply", "fixes.patch"], check=True)
    assert (repository / name).read_bytes() == after != ARTICLES[name].encode("utf-8")


@pytest.mark.skipif(shutil.which("patch") is None, reason="needs patch")
def test_patch_takes_the_diff_of_every_file_at_once(repository: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = diff(capsys, *sorted(ARTICLES))
    (repository / "fixes.patch").write_text(out, encoding="utf-8", newline="")
    done = subprocess.run(["patch", "-p1", "--dry-run", "-i", "fixes.patch"], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.count("checking file") == len(ARTICLES)


def test_the_report_goes_to_standard_error(repository: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = diff(capsys, "no-final-newline.txt")
    assert code == 1
    assert out.splitlines()[-2:] == ["+The end…", "\\ No newline at end of file"]
    assert err.splitlines() == [
        "no-final-newline.txt:3:11: warning typography.ellipsis '...' for an ellipsis: use '…' [*]",
        "no-final-newline.txt:5:8: warning typography.ellipsis '...' for an ellipsis: use '…' [*]",
        "Found 2 problems (2 warnings) in 1 file. 2 fixable with --fix.",
    ]


def test_a_missing_final_newline_is_marked_on_both_sides() -> None:
    assert unified_diff("a.txt", "one\ntwo", "one\n2") == (
        "--- a/a.txt\n+++ b/a.txt\n@@ -1,2 +1,2 @@\n one\n-two\n\\ No newline at end of file\n+2\n"
        "\\ No newline at end of file\n"
    )
    assert unified_diff("a.txt", "one\ntwo", "one\ntwo\n") == (
        "--- a/a.txt\n+++ b/a.txt\n@@ -1,2 +1,2 @@\n one\n-two\n\\ No newline at end of file\n+two\n"
    )


def test_paths_are_relative_and_a_name_with_a_space_ends_with_a_tab() -> None:
    assert unified_diff("./news/a.txt", "a\n", "b\n").splitlines()[:2] == ["--- a/news/a.txt", "+++ b/news/a.txt"]
    assert unified_diff("my story.txt", "a\n", "b\n").splitlines()[:2] == [
        "--- a/my story.txt\t",
        "+++ b/my story.txt\t",
    ]
