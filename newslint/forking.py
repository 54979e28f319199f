"""Checking files over forked processes: this one and ``jobs - 1`` children.

Each child checks every ``jobs``-th file and writes its results once, in a
single pickle to a file, while this process checks the first share itself.
The children inherit the compiled rules instead of loading them again, and
nothing runs beside the checking: a process pool, fed and drained by threads
in the parent, took a tenth of the speed-up of two jobs from the workers when
there is one CPU per job. A static split costs little balance here, since
articles are of a size and interleaving mixes any folder of long ones.
"""

from __future__ import annotations

import os
import pickle
import signal
import traceback
from collections.abc import Callable, Iterator, Sequence
from typing import Any, BinaryIO, NoReturn

from newslint.checking import FileResult


class WorkerError(Exception):
    """A forked child failed; the message holds its traceback."""


#: Makes the result for an item a child could not check, from the reason.
Lost = Callable[[Any, str], FileResult]


def forked(
    check: Callable[[Any], FileResult],
    paths: Sequence[Any],
    jobs: int,
    report: Callable[[int], None],
    lost: Lost,
    warn: Callable[[str], None] = lambda message: None,
) -> Iterator[FileResult]:
    """``check`` of each path, in order, over this process and ``jobs - 1`` forked children.

    A child that cannot be started leaves its share to this process (and
    ``warn`` says so); a child killed before it sent its results (the
    out-of-memory killer) gives ``lost(path, why)`` for each of its paths.
    A child's exception (a bug) fails the run with its traceback.
    """
    shares: list[list[FileResult] | None] = [None] * jobs
    running: dict[int, tuple[int, BinaryIO]] = {}  # children not yet reaped: share index, results
    try:
        mine = [0]
        for index in range(1, jobs):
            try:
                pid, results = _fork(check, paths[index::jobs])
            except OSError as error:
                warn(f"cannot start a worker process ({error.strerror or error}): its files are checked here")
                mine.append(index)
                continue
            running[pid] = (index, results)
        for index in mine:
            shares[index] = _check_share(check, paths, index, jobs, report)
        for pid, (index, results) in list(running.items()):
            status = os.waitpid(pid, 0)[1]
            del running[pid]  # reaped: only now, so that an interrupt while waiting still ends it
            with results:
                shares[index] = _receive(pid, status, results, paths[index::jobs], lost)
    finally:
        for pid, (_, results) in running.items():  # after a failure here: their results are no longer wanted
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            results.close()
    for index in range(len(paths)):
        share = shares[index % jobs]
        assert share is not None
        yield share[index // jobs]


def _check_share(
    check: Callable[[Any], FileResult], paths: Sequence[Any], index: int, jobs: int, report: Callable[[int], None]
) -> list[FileResult]:
    done = []
    for path in paths[index::jobs]:
        done.append(check(path))
        if index == 0:
            report(min(len(done) * jobs, len(paths)))  # the children keep about the same pace
    return done


def _fork(check: Callable[[Any], FileResult], paths: Sequence[Any]) -> tuple[int, BinaryIO]:
    """Fork a child that checks ``paths``: its pid, and the file its results will be in."""
    results = _scratch_file()
    try:
        pid = os.fork()
    except OSError:
        results.close()
        raise
    if pid == 0:
        _child(check, paths, results)
    return pid, results


def _child(check: Callable[[Any], FileResult], paths: Sequence[Any], results: BinaryIO) -> NoReturn:
    """Check ``paths``, write the results, and leave: never return into the parent's code."""
    code = 1
    try:
        # Ctrl-C reaches the whole process group: the parent alone handles it
        # (it says "interrupted" and ends the children).
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        parent = os.getppid()
        checked: list[FileResult] = []
        share: object = checked
        try:
            for path in paths:
                if os.getppid() != parent:
                    os._exit(1)  # the parent was killed (a cancelled CI job): stop, do not finish alone
                checked.append(check(path))
        except BaseException:  # an exception object may not pickle; its traceback does
            share = WorkerError(traceback.format_exc())
        pickle.dump(share, results, pickle.HIGHEST_PROTOCOL)
        results.flush()
        code = 0
    finally:
        os._exit(code)


def _scratch_file() -> BinaryIO:
    """A file for a child's results: in memory where the system has such files.
    Not a pipe, whose small buffer would hold a child that is done until the
    parent is done too and reads it."""
    if hasattr(os, "memfd_create"):
        return open(os.memfd_create("newslint-results"), "w+b")
    import tempfile

    return tempfile.TemporaryFile()


def _receive(pid: int, status: int, results: BinaryIO, paths: Sequence[Any], lost: Lost) -> list[FileResult]:
    """The results of a child that has ended with ``status``."""
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        how = f"was killed by signal {-code} (out of memory?)" if code < 0 else "failed"
        why = f"worker process {pid} {how} before sending its results"
        return [lost(path, why) for path in paths]
    results.seek(0)
    try:
        share = pickle.load(results)
    except Exception:  # a truncated or damaged file
        return [lost(path, f"worker process {pid} sent damaged results") for path in paths]
    if isinstance(share, WorkerError):
        raise share
    return share  # type: ignore[no-any-return]
