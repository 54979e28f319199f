"""Checking many files: in this process, or spread over worker processes.

Results come back in the order the paths were given, whatever the number of
jobs, so output and exit codes never depend on scheduling.

Where the platform can fork, newslint.forking splits the files between this
process and forked children. Elsewhere (Windows, and macOS, where forking is
unsafe), and in a process with other threads, a pool of spawned processes
does the work.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Generator, Iterator, Sequence

from newslint.checking import FileResult, check_file
from newslint.config import Config
from newslint.files import DEFAULT_MAX_FILE_SIZE
from newslint.linter import Linter

Job = tuple[str, Config]  # a file and its config

#: Below this many files per job another process costs more than it saves.
MIN_FILES_PER_JOB = 40

#: Forking is unsafe on macOS (system libraries) and missing on Windows.
CAN_FORK = hasattr(os, "fork") and sys.platform != "darwin"

_worker: dict[str, object] = {}


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))  # what this process may use, not the whole machine
    except AttributeError:
        return os.cpu_count() or 1


def effective_jobs(jobs: int, files: int) -> int:
    return max(1, min(jobs, files // MIN_FILES_PER_JOB))


def _init(linter: Linter, cache_dir: str | None, max_size: int | None = DEFAULT_MAX_FILE_SIZE) -> None:
    _worker["linter"] = linter
    _worker["max_size"] = max_size
    _worker["cache"] = None
    if cache_dir:
        from newslint.cache import Cache  # with hashlib: not for --no-cache

        _worker["cache"] = Cache(cache_dir)


def _check(job: Job) -> FileResult:
    linter = _worker["linter"]
    assert isinstance(linter, Linter)
    max_size = _worker.get("max_size", DEFAULT_MAX_FILE_SIZE)
    return check_file(job[0], job[1], linter, cache=_worker["cache"], max_size=max_size)  # type: ignore[arg-type]


def _lost(job: Job, why: str) -> FileResult:
    """The result for a file a worker process ended without checking."""
    return FileResult(job[0], error=f"{job[0]}: not checked: {why}")


def check_paths(
    jobs_list: Sequence[Job],
    linter: Linter,
    *,
    jobs: int,
    cache_dir: str | None,
    on_done: Callable[[int], None] | None = None,
    max_size: int | None = DEFAULT_MAX_FILE_SIZE,
    warn: Callable[[str], None] = lambda message: None,
) -> Generator[FileResult, None, None]:
    """FileResults for ``jobs_list`` (files only, no stdin, no fixing), in order.

    ``on_done`` hears how many files are done, at least roughly: a forked run
    counts this process's share times the number of jobs. A file a worker
    process could not check (it was killed) has an error as its result;
    ``warn`` hears of workers that could not be started.
    """
    jobs = effective_jobs(jobs, len(jobs_list))
    _init(linter, cache_dir, max_size)
    cache = _worker["cache"]
    report = on_done or (lambda done: None)
    try:
        for result in _results(jobs_list, jobs, linter, cache_dir, report, warn):
            if cache is not None and result.cache_key is not None:
                cache.put(result.cache_key, result.diagnostics)  # type: ignore[attr-defined]
            yield result
    finally:
        if cache is not None:
            cache.close()  # type: ignore[attr-defined]


def _results(
    paths: Sequence[Job],
    jobs: int,
    linter: Linter,
    cache_dir: str | None,
    report: Callable[[int], None],
    warn: Callable[[str], None],
) -> Iterator[FileResult]:
    if jobs == 1:
        for done, job in enumerate(paths, 1):
            yield _check(job)
            report(done)
    elif CAN_FORK and _single_threaded():
        from newslint.forking import forked  # pickle and traceback: not for one job

        yield from forked(_check, paths, jobs, report, _lost, warn)
    else:
        yield from _pooled(paths, jobs, linter, cache_dir, report)


def _single_threaded() -> bool:
    """No other thread that a fork could catch holding a lock (a host program
    calling check_paths from a thread pool): the command line never has one."""
    threading = sys.modules.get("threading")
    return threading is None or threading.active_count() == 1


def _pooled(
    paths: Sequence[Job], jobs: int, linter: Linter, cache_dir: str | None, report: Callable[[int], None]
) -> Iterator[FileResult]:
    # Imported here: multiprocessing costs a one-file run 15 ms it never needs.
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # Chunks amortise the inter-process round trip; many per job keep the load
    # even, so no worker idles long at the end.
    chunksize = max(1, len(paths) // (jobs * 32))
    spawn = multiprocessing.get_context("spawn")
    from concurrent.futures.process import BrokenProcessPool

    max_size = _worker.get("max_size")
    assert max_size is None or isinstance(max_size, int)
    done = 0
    with ProcessPoolExecutor(jobs, mp_context=spawn, initializer=_init, initargs=(linter, cache_dir, max_size)) as pool:
        try:
            for result in pool.map(_check, paths, chunksize=chunksize):
                done += 1
                yield result
                report(done)
        except BrokenProcessPool:  # a worker was killed: the files not yet returned were not checked
            for job in paths[done:]:
                yield _lost(job, "a worker process ended before sending its results")
