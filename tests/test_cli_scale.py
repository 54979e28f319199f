"""Many files: --jobs keeps output order and results; progress only on a terminal."""

from __future__ import annotations

import io
import os
import re
import signal
from pathlib import Path

import pytest

from newslint import forking, parallel
from newslint.checking import FileResult
from newslint.cli import main
from newslint.config import Config
from newslint.forking import WorkerError
from newslint.linter import Linter
from newslint.parallel import MIN_FILES_PER_JOB, check_paths, effective_jobs
from newslint.progress import Progress

ARTICLE = "Council budget rises\n\nThe fund lost TK in the year - and Nato and NATO said so.\n"


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    for folder in ("b", "a"):
        (tmp_path / folder).mkdir()
        for n in range(60):
            body = ARTICLE if n % 3 else "Council budget rises\n\nThe council met on Tuesday.\n"
            (tmp_path / folder / f"{n:02}.txt").write_text(body, encoding="utf-8")
    return tmp_path


def test_jobs_give_the_same_output_in_the_same_order(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "b", "a", "--no-cache", "-j", "1"]) == 1
    serial = capsys.readouterr().out
    assert main(["check", "b", "a", "--no-cache", "-j", "3"]) == 1
    assert capsys.readouterr().out == serial
    paths = [line.split(":")[0] for line in serial.splitlines()[:-1]]
    assert paths[0].startswith("b/") and paths[-1].startswith("a/")  # the order given, then sorted within
    assert paths == sorted(paths, key=lambda path: (path[0] != "b", path))


def test_a_spawned_pool_gives_the_same_output(
    corpus: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Windows and macOS cannot fork: there a pool of fresh processes does the work."""
    assert main(["check", "b", "a", "--no-cache", "-j", "1"]) == 1
    serial = capsys.readouterr().out
    monkeypatch.setattr(parallel, "CAN_FORK", False)
    assert main(["check", "b", "a", "--no-cache", "-j", "2"]) == 1
    assert capsys.readouterr().out == serial


def test_a_process_with_threads_does_not_fork(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Forking a threaded process can leave a lock held forever in the child."""
    import threading

    monkeypatch.setattr(threading, "active_count", lambda: 2)
    monkeypatch.setattr("newslint.forking.forked", None)  # would fail if called
    results = list(check_paths(_jobs(corpus), Linter(), jobs=2, cache_dir=None))
    assert [result.path for result in results] == _paths(corpus)


def _paths(corpus: Path) -> list[str]:
    return sorted(str(path) for path in corpus.glob("*/*.txt"))


def _jobs(corpus: Path) -> list[tuple[str, Config]]:
    return [(path, Config()) for path in _paths(corpus)]


@pytest.mark.parametrize("in_memory", [True, False])
def test_forked_runs_return_every_result_in_order_and_report_progress(
    corpus: Path, monkeypatch: pytest.MonkeyPatch, in_memory: bool
) -> None:
    if not in_memory:  # as on systems without memfd_create: the results go through a temporary file
        monkeypatch.delattr(os, "memfd_create", raising=False)
    serial = list(check_paths(_jobs(corpus), Linter(), jobs=1, cache_dir=None))
    heard: list[int] = []
    results = list(check_paths(_jobs(corpus), Linter(), jobs=3, cache_dir=None, on_done=heard.append))
    assert results == serial
    assert heard == sorted(heard) and heard[-1] == len(results) == 120


@pytest.mark.parametrize(
    ("crashing", "error"),
    [
        ("b/30.txt", RuntimeError),  # in the first of three shares: this process's own
        ("b/31.txt", WorkerError),  # in the second: a child's, whose traceback comes back
    ],
)
def test_a_crash_fails_the_run_and_leaves_no_process_behind(
    corpus: Path, monkeypatch: pytest.MonkeyPatch, crashing: str, error: type[Exception]
) -> None:
    check = parallel._check

    def broken(job: tuple[str, Config]) -> FileResult:
        if job[0].endswith(crashing):
            raise RuntimeError(f"rule crashed on {crashing}")
        return check(job)

    children: list[int] = []

    def fork(*args: object) -> tuple[int, object]:
        pid, stream = real_fork(*args)
        children.append(pid)
        return pid, stream

    real_fork = forking._fork
    monkeypatch.setattr(parallel, "_check", broken)
    monkeypatch.setattr(forking, "_fork", fork)
    with pytest.raises(error, match=f"rule crashed on {crashing}"):
        list(check_paths(_jobs(corpus), Linter(), jobs=3, cache_dir=None))
    assert len(children) == 2
    for pid in children:
        with pytest.raises(ChildProcessError):  # reaped: neither running nor a zombie
            os.waitpid(pid, os.WNOHANG)


def test_a_failed_fork_leaves_its_share_to_this_process(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A system out of processes: the run still checks every file, and says why it is slower."""
    real_fork, started = os.fork, []

    def fork() -> int:
        if started:
            raise OSError(11, "Resource temporarily unavailable")
        pid = real_fork()
        if pid:
            started.append(pid)
        return pid

    monkeypatch.setattr(os, "fork", fork)
    warnings: list[str] = []
    serial = list(check_paths(_jobs(corpus), Linter(), jobs=1, cache_dir=None))
    results = list(check_paths(_jobs(corpus), Linter(), jobs=3, cache_dir=None, warn=warnings.append))
    assert results == serial
    assert warnings == ["cannot start a worker process (Resource temporarily unavailable): its files are checked here"]
    with pytest.raises(ChildProcessError):  # the child that did start was reaped
        os.waitpid(started[0], os.WNOHANG)


@pytest.mark.parametrize(
    ("how", "message"),
    [
        ("killed", r"was killed by signal 9 \(out of memory\?\) before sending its results"),
        ("orphaned", "failed before sending its results"),  # its parent seemed gone: it stopped
    ],
)
def test_a_child_that_ends_without_results_names_the_files_it_did_not_check(
    corpus: Path, monkeypatch: pytest.MonkeyPatch, how: str, message: str
) -> None:
    check, parent = parallel._check, os.getpid()

    def dying(job: tuple[str, Config]) -> FileResult:
        if os.getpid() != parent:
            if how == "killed":
                os.kill(os.getpid(), signal.SIGKILL)  # as the out-of-memory killer would
            monkeypatch.setattr(os, "getppid", lambda: 1)  # as after the parent was killed
        return check(job)

    monkeypatch.setattr(parallel, "_check", dying)
    results = list(check_paths(_jobs(corpus), Linter(), jobs=2, cache_dir=None))
    paths = _paths(corpus)
    assert [result.path for result in results] == paths
    assert all(result.error is None for result in results[::2])  # this process's share
    for result in results[1::2]:  # the child's
        assert result.error is not None and re.fullmatch(
            f"{re.escape(result.path)}: not checked: worker process \\d+ {message}", result.error
        )


def test_few_files_stay_in_process() -> None:
    assert effective_jobs(8, MIN_FILES_PER_JOB - 1) == 1
    assert effective_jobs(8, MIN_FILES_PER_JOB * 3) == 3
    assert effective_jobs(2, 10_000) == 2


def test_progress_only_on_a_terminal_and_for_many_files() -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    assert not Progress(5000, io.StringIO()).enabled
    assert not Progress(3, Terminal()).enabled
    stream = Terminal()
    bar = Progress(5000, stream)
    bar.update(5000)
    bar.close()
    assert "5000/5000" in stream.getvalue()


def test_statistics_go_to_stderr_with_a_machine_format(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", "a", "--no-cache", "--format", "json", "--statistics"])
    captured = capsys.readouterr()
    assert captured.out.startswith("[") and "hygiene.placeholder" in captured.err
