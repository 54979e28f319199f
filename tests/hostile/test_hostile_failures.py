"""Every failure is one line naming the file, and exit 2: never a traceback, never a silent gap."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from hostile import ARTICLE, house_rule, newslint, one_error, run, write

from newslint import parallel
from newslint.checking import FileResult
from newslint.config import Config

# -- walking and reading ------------------------------------------------------------------


def test_an_unreadable_folder_is_an_error_not_a_gap(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write("news/ok.txt", ARTICLE)
    write("news/locked/story.txt", ARTICLE)
    locked = os.path.join("news", "locked")
    real = os.scandir

    def scandir(path: str = ".") -> object:  # as for a folder of mode 000 (root reads those anyway)
        if os.fspath(path) == locked:
            raise PermissionError(errno.EACCES, "Permission denied", path)
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    code, out, err = run(["check", "--no-cache", "news"], capsys)
    assert code == 2
    assert one_error(err) == "newslint: error: news/locked: cannot read folder: Permission denied"
    assert "news/ok.txt:3:15:" in out and "1 file could not be checked" in out


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a folder of mode 000")
def test_an_unreadable_folder_for_real(capsys: pytest.CaptureFixture[str]) -> None:
    write("news/locked/story.txt", ARTICLE)
    os.chmod("news/locked", 0)
    try:
        code, _, err = run(["check", "--no-cache", "news"], capsys)
    finally:
        os.chmod("news/locked", 0o755)
    assert code == 2 and one_error(err) == "newslint: error: news/locked: cannot read folder: Permission denied"


def test_an_unreadable_file_on_the_command_line_leaves_the_others_checked(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    locked, other = write("locked.txt", ARTICLE), write("other.txt", ARTICLE)
    real = os.open

    def open_(path: str, *args: object, **kwargs: object) -> int:
        if os.fspath(path) == locked:
            raise PermissionError(errno.EACCES, "Permission denied", path)
        return real(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", open_)
    code, out, err = run(["check", "--no-cache", locked, other], capsys)
    assert code == 2
    assert one_error(err) == "newslint: error: locked.txt: permission denied"
    assert "other.txt:3:15:" in out


def test_standard_input_closed() -> None:
    result = newslint(["check", "-"], stdin=subprocess.DEVNULL, pass_fds=(), preexec_fn=lambda: os.close(0))
    assert result.returncode == 2
    assert result.stderr.decode().splitlines()[0] == "newslint: error: <stdin>: standard input is closed"
    assert b"Traceback" not in result.stderr


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("output_format", ["text", "sarif"])
def test_standard_output_on_a_full_device(output_format: str) -> None:
    write("a.txt", ARTICLE)
    with open("/dev/full", "w") as full:
        result = newslint(
            ["check", "--no-cache", "--format", output_format, "a.txt"], stdout=full, stderr=subprocess.PIPE
        )
    assert result.returncode == 2
    assert result.stderr.decode() == "newslint: error: cannot write to standard output: no space left on device\n"


def test_standard_output_closed() -> None:
    write("a.txt", ARTICLE)
    result = newslint(
        ["check", "--no-cache", "a.txt"], stdout=None, stderr=subprocess.PIPE, preexec_fn=lambda: os.close(1)
    )
    assert result.returncode == 2
    assert result.stderr.decode() == "newslint: error: cannot write to standard output: standard output is closed\n"


# -- rules, configs, baselines, caches -------------------------------------------------------


@pytest.mark.parametrize(
    ("rule", "problem"),
    [
        (
            "check: substitution\nmessage: m\ndescription: d\npatterns: [{pattern: 'fund', replacement: '\\9'}]\n"
            "examples: {bad: ['fund'], good: ['b']}\n",
            "style/bad.yaml:4: patterns: replacement '\\\\9': the pattern has no group 9",
        ),
        (
            "check: existence\nmessage: '{0} is wrong'\ndescription: d\nterms: [fund]\nexamples: {bad: [fund], good: [b]}\n",
            "style/bad.yaml:2: message: placeholders are named, such as {found}: not {0}",
        ),
        (
            "check: existence\nmessage: 'a lone { brace'\ndescription: d\nterms: [fund]\n"
            "examples: {bad: [fund], good: [b]}\n",
            "style/bad.yaml:2: message: expected '}' before end of string (write {{ and }} for a literal brace)",
        ),
    ],
)
def test_a_bad_rule_is_one_line(capsys: pytest.CaptureFixture[str], rule: str, problem: str) -> None:
    house_rule(".", "style.bad", rule)
    code, _, err = run(["check", "--no-cache", write("a.txt", ARTICLE)], capsys)
    assert code == 2 and one_error(err).endswith(problem)


def test_front_matter_ignore_that_is_not_a_list_is_ignored(capsys: pytest.CaptureFixture[str]) -> None:
    article = write("a.md", "---\ntitle: Council budget rises\nnewslint: {ignore: 5}\n---\n\nThe fund lost TK.\n")
    code, out, err = run(["check", "--no-cache", article], capsys)
    assert (code, err) == (1, "") and "a.md:6:15: error hygiene.placeholder" in out


@pytest.mark.parametrize(
    "pyproject",
    [b"[tool]\nnewslint = 5\n# [tool.newslint]\n", b"tool = 5\n# [tool.newslint]\n", b"[tool.newslint]\n# \xff\n"],
)
def test_a_broken_pyproject_in_a_parent_folder_is_one_line(
    capsys: pytest.CaptureFixture[str], pyproject: bytes
) -> None:
    write("pyproject.toml", pyproject)
    code, _, err = run(["check", "--no-cache", write("sub/a.txt", ARTICLE)], capsys)
    assert code == 2 and one_error(err).startswith(f"newslint: error: {os.path.abspath('pyproject.toml')}: ")


@pytest.mark.parametrize("extends", ["/etc", "./empty"])
def test_extending_a_folder_without_rules_is_an_error(capsys: pytest.CaptureFixture[str], extends: str) -> None:
    os.mkdir("empty")
    write("newslint.yaml", f"extends: [{extends}]\ncore: false\n")
    code, _, err = run(["check", "--no-cache", write("a.txt", ARTICLE)], capsys)
    assert code == 2 and "is not a rule pack" in one_error(err) or "missing 'check'" in one_error(err)


@pytest.mark.parametrize(
    ("baseline", "problem"),
    [
        ('{"version": 1, "tool": "newslint", "findings": [{"fingerprint": ["x"]}]}', "finding 1 has no fingerprint"),
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
        ('{"version": 1, "findings": {}}', "version 1"),
        ("\x00\x01", "invalid JSON"),
    ],
)
def test_a_damaged_baseline_is_one_line(capsys: pytest.CaptureFixture[str], baseline: str, problem: str) -> None:
    write("baseline.json", baseline)
    code, _, err = run(["check", "--no-cache", "--baseline", "baseline.json", write("a.txt", ARTICLE)], capsys)
    assert code == 2 and one_error(err).startswith("newslint: error: baseline.json: not a newslint baseline (")
    assert problem in err


def test_a_baseline_that_is_a_fifo_does_not_block(capsys: pytest.CaptureFixture[str]) -> None:
    os.mkfifo("baseline.json")
    code, _, err = run(["check", "--no-cache", "--baseline", "baseline.json", write("a.txt", ARTICLE)], capsys)
    assert code == 2 and one_error(err) == (
        "newslint: error: baseline.json: cannot read baseline: a named pipe (FIFO), not a regular file"
    )


@pytest.mark.parametrize("option", ["--output", "--write-baseline"])
def test_writing_into_a_missing_folder_is_one_line(capsys: pytest.CaptureFixture[str], option: str) -> None:
    code, _, err = run(["check", "--no-cache", option, "missing/out.json", write("a.txt", ARTICLE)], capsys)
    assert code == 2
    what = "cannot write the report" if option == "--output" else "cannot write baseline"
    assert one_error(err) == f"newslint: error: missing/out.json: {what}: no such file or directory"


def test_write_baseline_on_a_full_disk_keeps_the_old_one(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    article = write("a.txt", ARTICLE)
    assert run(["check", "--no-cache", "--write-baseline", "baseline.json", article], capsys)[0] == 0
    old = Path("baseline.json").read_bytes()

    def full(*args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    write(article, ARTICLE + "\nAnd TK more.\n")
    code, _, err = run(["check", "--no-cache", "--write-baseline", "baseline.json", article], capsys)
    assert code == 2 and one_error(err) == (
        "newslint: error: baseline.json: cannot write baseline: no space left on device"
    )
    assert Path("baseline.json").read_bytes() == old and sorted(os.listdir()) == ["a.txt", "baseline.json"]


def test_a_run_stopped_while_writing_the_baseline_keeps_the_old_one(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """kill -9 left a truncated baseline five times out of five: it is now written beside and renamed."""
    article = write("a.txt", ARTICLE)
    assert run(["check", "--no-cache", "--write-baseline", "baseline.json", article], capsys)[0] == 0
    old = Path("baseline.json").read_bytes()
    written: list[bytes] = []

    def stopped(descriptor: int) -> None:  # the new baseline is written, not yet renamed: stop here
        written.append(Path(os.readlink(f"/proc/self/fd/{descriptor}")).read_bytes())
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", stopped)
    write(article, ARTICLE + "\nAnd TK more.\n")
    assert run(["check", "--no-cache", "--write-baseline", "baseline.json", article], capsys)[0] == 2
    assert written and written[0] != old  # it was stopped with the new baseline half-way to its place
    assert Path("baseline.json").read_bytes() == old and sorted(os.listdir()) == ["a.txt", "baseline.json"]


def test_init_in_a_folder_it_cannot_write(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    code, _, err = run(["init"], capsys)
    assert code == 2 and one_error(err) == "newslint: error: newslint.yaml: cannot write: permission denied"
    assert os.listdir() == []


# -- workers and signals ---------------------------------------------------------------


@pytest.fixture
def archive() -> list[str]:
    return [write(f"news/{number:03}.txt", ARTICLE) for number in range(100)]


def test_fork_failing_with_jobs_2_checks_everything_here(
    archive: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def no_fork() -> int:
        raise BlockingIOError(errno.EAGAIN, "Resource temporarily unavailable")

    serial = run(["check", "--no-cache", "-j", "1", "news"], capsys)
    monkeypatch.setattr(os, "fork", no_fork)
    code, out, err = run(["check", "--no-cache", "-j", "2", "news"], capsys)
    assert (code, out) == serial[:2]
    assert err == (
        "newslint: warning: cannot start a worker process (Resource temporarily unavailable): "
        "its files are checked here\n"
    )


def test_a_worker_killed_with_9_names_the_files_not_checked(
    archive: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    check, parent = parallel._check, os.getpid()

    def killed(job: tuple[str, Config]) -> FileResult:
        if os.getpid() != parent:
            os.kill(os.getpid(), signal.SIGKILL)  # the out-of-memory killer
        return check(job)

    monkeypatch.setattr(parallel, "_check", killed)
    code, out, err = run(["check", "--no-cache", "-j", "2", "news"], capsys)
    assert code == 2 and "Traceback" not in err
    lines = err.splitlines()
    assert len(lines) == 50 and all(
        line.startswith("newslint: error: news/")
        and ": not checked: worker process " in line
        and line.endswith("was killed by signal 9 (out of memory?) before sending its results")
        for line in lines
    )
    assert {line.split(": ")[2] for line in lines} == set(archive[1::2])
    assert out.count("hygiene.placeholder") == 50 and "50 files could not be checked" in out


@pytest.mark.timeout(60)
def test_ctrl_c_with_jobs_2_says_interrupted() -> None:
    for number in range(200):
        write(f"news/{number:03}.txt", ARTICLE)
    slowly = (  # 20 ms a file, so that the interrupt surely comes while both processes check
        "import time; from newslint import parallel; check = parallel._check; "
        "parallel._check = lambda job: (open('started', 'a').close(), time.sleep(0.02), check(job))[2]; "
        "from newslint.cli import run; run()"
    )
    process = subprocess.Popen(
        [sys.executable, "-c", slowly, "check", "--no-cache", "-j", "2", "news"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
        # A run started in the background (``&``, nohup) inherits SIGINT
        # ignored, and Python then keeps it so; a terminal's run does not.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    while not os.path.exists("started"):  # checking has begun (Python's start can take a second)
        time.sleep(0.05)
    time.sleep(0.3)
    os.killpg(process.pid, signal.SIGINT)  # as Ctrl-C reaches the whole foreground group
    _, err = process.communicate(timeout=30)
    assert (process.returncode, err.decode()) == (2, "newslint: error: interrupted\n")
