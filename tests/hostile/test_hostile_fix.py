"""Files kept as they were: --fix changes the bytes it fixes and nothing else, or says in one
line why it did not write, and still fixes the other files."""

from __future__ import annotations

import errno
import os
import random
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hostile import one_error, run, write

from newslint import fixes

BEFORE = "Council budget rises\n\nIt went on...\n"
AFTER = "Council budget rises\n\nIt went on…\n"


def leftovers(folder: Path | str = ".") -> list[str]:
    return sorted(name for name in os.listdir(folder) if name.startswith(".newslint-"))


def fix(capsys: pytest.CaptureFixture[str], *paths: str, extra: tuple[str, ...] = ()) -> tuple[int, str, str]:
    return run(["check", "--fix", *extra, *paths], capsys)


# -- what the file is ------------------------------------------------------------------


def test_a_symlink_is_written_through_to_its_target(capsys: pytest.CaptureFixture[str]) -> None:
    write("drafts/story.txt", BEFORE)
    os.symlink("drafts/story.txt", "link.txt")
    assert fix(capsys, "link.txt")[0] == 0
    assert os.path.islink("link.txt") and Path("drafts/story.txt").read_text(encoding="utf-8") == AFTER


def test_a_symlink_out_of_the_folder_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "project").mkdir()
    os.chdir(tmp_path / "project")
    outside = Path(write(tmp_path / "home" / ".bashrc.txt", BEFORE))
    os.symlink(outside, "story.txt")
    other = write("other.txt", BEFORE)
    code, _, err = fix(capsys, "story.txt", other)
    assert code == 2
    assert one_error(err) == (
        f"newslint: error: story.txt: a symlink to {outside}, outside this folder: not fixed (fix the file itself)"
    )
    assert outside.read_text(encoding="utf-8") == BEFORE and os.path.islink("story.txt")
    assert Path(other).read_text(encoding="utf-8") == AFTER


def test_hard_links_are_kept(capsys: pytest.CaptureFixture[str]) -> None:
    write("a.txt", BEFORE)
    os.link("a.txt", "b.txt")
    assert fix(capsys, "a.txt")[0] == 0
    assert Path("b.txt").read_text(encoding="utf-8") == AFTER
    assert os.stat("a.txt").st_ino == os.stat("b.txt").st_ino and os.stat("a.txt").st_nlink == 2
    assert leftovers() == []


def test_mode_owner_group_and_extended_attributes_are_kept(capsys: pytest.CaptureFixture[str]) -> None:
    write("a.txt", BEFORE)
    os.chmod("a.txt", 0o640)
    owner = (os.getuid(), os.getgid())
    if os.geteuid() == 0:
        owner = (4321, 8765)  # another user's file, fixed by root
        os.chown("a.txt", *owner)
    try:
        os.setxattr("a.txt", "user.newsroom", b"desk=politics")
    except OSError:
        pytest.skip("no extended attributes on this file system")
    assert fix(capsys, "a.txt")[0] == 0
    status = os.stat("a.txt")
    assert Path("a.txt").read_text(encoding="utf-8") == AFTER
    assert (stat.S_IMODE(status.st_mode), status.st_uid, status.st_gid) == (0o640, *owner)
    assert os.getxattr("a.txt", "user.newsroom") == b"desk=politics"


def test_a_file_whose_owner_cannot_be_kept_is_written_in_place(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A user who may write another user's file, but not give a new file that owner."""
    write("a.txt", BEFORE)
    inode = os.stat("a.txt").st_ino

    def refuse(*args: object) -> None:
        raise PermissionError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "fchown", refuse)
    monkeypatch.setattr(os, "fstat", lambda fd, real=os.fstat: _other_owner(real(fd)))
    assert fix(capsys, "a.txt")[0] == 0
    assert Path("a.txt").read_text(encoding="utf-8") == AFTER and os.stat("a.txt").st_ino == inode
    assert leftovers() == []


def _other_owner(status: os.stat_result) -> os.stat_result:
    values = list(status)
    values[stat.ST_UID] = status.st_uid + 1
    return os.stat_result(values)


def test_a_read_only_file_is_refused_unless_told(capsys: pytest.CaptureFixture[str]) -> None:
    write("a.txt", BEFORE)
    os.chmod("a.txt", 0o444)
    other = write("b.txt", BEFORE)
    code, _, err = fix(capsys, "a.txt", other)
    assert code == 2
    assert one_error(err) == (
        "newslint: error: a.txt: read-only file (mode 0444), not fixed (--fix-read-only fixes it anyway)"
    )
    assert Path("a.txt").read_text(encoding="utf-8") == BEFORE and Path(other).read_text(encoding="utf-8") == AFTER
    assert fix(capsys, "a.txt", extra=("--fix-read-only",))[0] == 0
    assert Path("a.txt").read_text(encoding="utf-8") == AFTER
    assert stat.S_IMODE(os.stat("a.txt").st_mode) == 0o444


def test_an_immutable_file_is_one_line_and_the_next_file_is_still_fixed(capsys: pytest.CaptureFixture[str]) -> None:
    write("a.txt", BEFORE)
    other = write("b.txt", BEFORE)
    if subprocess.run(["chattr", "+i", "a.txt"], capture_output=True, check=False).returncode != 0:
        pytest.skip("chattr +i needs root and a file system that has it")
    try:
        code, _, err = fix(capsys, "a.txt", other)
        assert code == 2 and one_error(err).startswith("newslint: error: a.txt: not fixed: ")
        code, _, err = fix(capsys, "a.txt", other, extra=("--fix-read-only",))
        assert code == 2 and one_error(err) == (
            "newslint: error: a.txt: not fixed: operation not permitted (an immutable or append-only file?)"
        )
    finally:
        subprocess.run(["chattr", "-i", "a.txt"], check=False)
    assert Path("a.txt").read_text(encoding="utf-8") == BEFORE and Path(other).read_text(encoding="utf-8") == AFTER
    assert leftovers() == []


# -- faults while writing ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("failing", "code", "message"),
    [
        ("tempfile.mkstemp", errno.EROFS, "the file system is read-only"),
        ("tempfile.mkstemp", errno.EACCES, "permission denied"),  # a folder this user cannot write
        ("os.fsync", errno.ENOSPC, "no space left on the device"),  # a full disk
        ("os.replace", errno.EPERM, "operation not permitted (an immutable or append-only file?)"),
        ("os.replace", errno.EIO, "input/output error"),
    ],
)
def test_an_os_error_while_writing_is_one_line_and_the_other_files_are_fixed(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], failing: str, code: int, message: str
) -> None:
    write("a/story.txt", BEFORE)
    other = write("b/story.txt", BEFORE)
    broken = os.path.abspath("a")
    module, name = failing.split(".")
    real = getattr(sys.modules[module], name)

    def path_of(args: tuple[object, ...], kwargs: dict[str, object]) -> str:
        """Where the call writes: the folder, the file renamed onto, the file synced."""
        if name == "mkstemp":
            return str(kwargs.get("dir"))
        if name == "replace":
            return str(args[1])
        return os.readlink(f"/proc/self/fd/{args[0]}")

    def fails_in_a(*args: object, **kwargs: object) -> object:
        if path_of(args, kwargs).startswith(broken + os.sep) or path_of(args, kwargs) == broken:
            raise OSError(code, os.strerror(code))
        return real(*args, **kwargs)

    if name == "fsync" and not os.path.exists("/proc/self/fd"):
        pytest.skip("needs /proc to tell which file is synced")
    monkeypatch.setattr(failing, fails_in_a)
    exit_code, _, err = fix(capsys, "a/story.txt", other)
    assert exit_code == 2
    assert one_error(err) == f"newslint: error: a/story.txt: not fixed: {message}"
    assert Path("a/story.txt").read_text(encoding="utf-8") == BEFORE
    assert Path(other).read_text(encoding="utf-8") == AFTER
    assert leftovers("a") == [] and leftovers("b") == []


def test_a_file_changed_while_it_was_fixed_is_skipped(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A reporter saves in an editor while the pre-commit hook runs: their change is kept."""
    write("a.txt", BEFORE)
    other = write("b.txt", BEFORE)
    real = fixes.fix_until_stable

    def reporter_saves(text: str, *args: object, **kwargs: object) -> str:
        fixed = real(text, *args, **kwargs)  # type: ignore[arg-type]
        if Path("a.txt").read_text(encoding="utf-8") == BEFORE:
            Path("a.txt").write_text(BEFORE + "\nA paragraph the reporter just wrote.\n", encoding="utf-8")
        return fixed

    monkeypatch.setattr(fixes, "fix_until_stable", reporter_saves)
    code, _, err = fix(capsys, "a.txt", other)
    assert code == 2
    assert one_error(err) == (
        "newslint: error: a.txt: changed by another program while it was being fixed: not fixed (run again)"
    )
    assert Path("a.txt").read_text(encoding="utf-8").endswith("A paragraph the reporter just wrote.\n")
    assert Path(other).read_text(encoding="utf-8") == AFTER
    assert leftovers() == []


def test_temporary_files_of_killed_runs_are_removed_by_the_next(capsys: pytest.CaptureFixture[str]) -> None:
    write("a.txt", BEFORE)
    dead = Path(".newslint-999999999-k1ll3d.tmp")  # no such process
    alive = Path(f".newslint-{os.getppid()}-running.tmp")  # a process still writing it
    old_style = Path(".newslint-abcd1234.tmp")  # written before names carried the process
    for leftover in (dead, alive, old_style):
        leftover.write_text(BEFORE, encoding="utf-8")
    os.utime(old_style, (time.time() - 7200, time.time() - 7200))
    assert fix(capsys, "a.txt")[0] == 0
    assert leftovers() == [alive.name]


@pytest.mark.timeout(60)
def test_kill_9_at_random_moments_leaves_whole_files_and_no_temporary_files(tmp_path: Path) -> None:
    for number in range(30):
        write(f"news/{number:02}.txt", BEFORE * 40)
    whole = {BEFORE * 40, AFTER * 40}
    rng = random.Random(18)
    command = [sys.executable, "-m", "newslint", "check", "--fix", "news"]
    for _ in range(2):
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.15, 0.6))
        process.send_signal(signal.SIGKILL)
        process.wait()
        assert {path.read_text(encoding="utf-8") for path in Path("news").iterdir() if path.suffix == ".txt"} <= whole
        for path in Path("news").glob("*.txt"):
            path.write_text(BEFORE * 40, encoding="utf-8")
    subprocess.run(command, capture_output=True, check=False, timeout=60)
    assert leftovers("news") == []
    assert all(path.read_text(encoding="utf-8") == AFTER * 40 for path in Path("news").glob("*.txt"))
