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
from typing import BinaryIO

from newslint.runner import FileResult


class WorkerError(Exception):
    """A forked child failed; the message holds its traceback."""


def forked(
    check: Callable[[str], FileResult], paths: Sequence[str], jobs: int, report: Callable[[int], None]
) -> Iterator[FileResult]:
    """``check`` of each path, in order, over this process and ``jobs - 1`` forked children."""
    running = dict(_fork(check, paths[index::jobs]) for index in range(1, jobs))
    files = list(running.values())
    try:
        mine = []
        for done, path in enumerate(paths[::jobs], 1):
            mine.append(check(path))
            report(min(done * jobs, len(paths)))  # the children keep about the same pace
        shares = [mine] + [_receive(pid, running.pop(pid)) for pid in list(running)]
    finally:
        for pid in running:  # still running after a failure here: no need to wait for their results
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
        for file in files:
            file.close()
    for index in range(len(paths)):
        yield shares[index % jobs][index // jobs]


def _fork(check: Callable[[str], FileResult], paths: Sequence[str]) -> tuple[int, BinaryIO]:
    """Fork a child that checks ``paths``: its pid, and the file its results will be in."""
    results = _scratch_file()
    pid = os.fork()
    if pid == 0:
        try:  # whatever happens, the child must not return into the parent's code
            try:
                share: object = list(map(check, paths))
            except BaseException:  # an exception object may not pickle; its traceback does
                share = WorkerError(traceback.format_exc())
            pickle.dump(share, results, pickle.HIGHEST_PROTOCOL)
            results.flush()
        finally:
            os._exit(0)
    return pid, results


def _scratch_file() -> BinaryIO:
    """A file for a child's results: in memory where the system has such files.
    Not a pipe, whose small buffer would hold a child that is done until the
    parent is done too and reads it."""
    if hasattr(os, "memfd_create"):
        return open(os.memfd_create("newslint-results"), "w+b")
    import tempfile

    return tempfile.TemporaryFile()


def _receive(pid: int, results: BinaryIO) -> list[FileResult]:
    os.waitpid(pid, 0)
    results.seek(0)
    try:
        share = pickle.load(results)
    except (EOFError, pickle.UnpicklingError):
        raise WorkerError(f"worker process {pid} ended without sending its results") from None
    if isinstance(share, WorkerError):
        raise share
    return share  # type: ignore[no-any-return]
