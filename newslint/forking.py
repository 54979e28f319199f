"""Checking files over forked processes: this one and ``jobs - 1`` children.

Each child checks every ``jobs``-th file and sends its results back once, in a
single pickle over a pipe, while this process checks the first share itself.
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
    children = [_fork(check, paths[index::jobs]) for index in range(1, jobs)]
    received = False
    try:
        mine = []
        for done, path in enumerate(paths[::jobs], 1):
            mine.append(check(path))
            report(min(done * jobs, len(paths)))  # the children keep about the same pace
        shares = [mine] + [_receive(pid, stream) for pid, stream in children]
        received = True
    finally:
        for pid, stream in children:
            stream.close()
            if not received:
                os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
    for index in range(len(paths)):
        yield shares[index % jobs][index // jobs]


def _fork(check: Callable[[str], FileResult], paths: Sequence[str]) -> tuple[int, BinaryIO]:
    """Fork a child that checks ``paths``: its pid, and the pipe its results will come down."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        try:  # whatever happens, the child must not return into the parent's code
            os.close(read_end)
            try:
                share: object = list(map(check, paths))
            except BaseException:  # an exception object may not pickle; its traceback does
                share = WorkerError(traceback.format_exc())
            with open(write_end, "wb") as stream:
                pickle.dump(share, stream, pickle.HIGHEST_PROTOCOL)
        finally:
            os._exit(0)
    os.close(write_end)
    return pid, open(read_end, "rb")


def _receive(pid: int, stream: BinaryIO) -> list[FileResult]:
    try:
        share = pickle.load(stream)
    except (EOFError, pickle.UnpicklingError):
        raise WorkerError(f"worker process {pid} ended without sending its results") from None
    if isinstance(share, WorkerError):
        raise share
    return share  # type: ignore[no-any-return]
