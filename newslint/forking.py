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


def forked(
    check: Callable[[Any], FileResult], paths: Sequence[Any], jobs: int, report: Callable[[int], None]
) -> Iterator[FileResult]:
    """``check`` of each path, in order, over this process and ``jobs - 1`` forked children."""
    running: dict[int, BinaryIO] = {}  # children not yet reaped, and their results
    try:
        for index in range(1, jobs):
            pid, results = _fork(check, paths[index::jobs])
            running[pid] = results
        mine = []
        for done, path in enumerate(paths[::jobs], 1):
            mine.append(check(path))
            report(min(done * jobs, len(paths)))  # the children keep about the same pace
        shares = [mine]
        for pid, results in list(running.items()):
            status = os.waitpid(pid, 0)[1]
            del running[pid]  # reaped: only now, so that an interrupt while waiting still ends it
            with results:
                shares.append(_receive(pid, status, results))
    finally:
        for pid, results in running.items():  # after a failure here: their results are no longer wanted
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            results.close()
    for index in range(len(paths)):
        yield shares[index % jobs][index // jobs]


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


def _receive(pid: int, status: int, results: BinaryIO) -> list[FileResult]:
    """The results of a child that has ended with ``status``."""
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        how = f"was killed by signal {-code} (out of memory?)" if code < 0 else "failed"
        raise WorkerError(f"worker process {pid} {how} before sending its results")
    results.seek(0)
    try:
        share = pickle.load(results)
    except Exception:  # a truncated or damaged file
        raise WorkerError(f"worker process {pid} sent damaged results") from None
    if isinstance(share, WorkerError):
        raise share
    return share  # type: ignore[no-any-return]
