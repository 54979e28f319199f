"""Throughput and start-up time of ``newslint check``, with proselint for scale.

    python benchmarks/bench.py [CORPUS] [--runs N]

CORPUS defaults to ../shared/corpus/bbc beside the repository (2,225 BBC
articles, 5.0 MB). Every figure is the median wall time of N runs of the real
command line in a subprocess, start-up included, as an editor or CI sees it:

* one job and all CPUs, each with no cache, a cold cache and a warm cache;
* a one-file run (median of 15);
* proselint (when installed) over the same files, and the ratio.

Targets (docs/ci.md): >= 5 MB/s with one job, >= 1.7x that (8.5 MB/s) with
two, a cached re-run under 1 s, a one-file run under 100 ms. The speed-up of
two jobs over this run's one job is printed beside them.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "bbc"
# The console script a user runs; `python -m newslint` where it is not installed.
_SCRIPT = shutil.which("newslint", path=os.path.dirname(sys.executable))
NEWSLINT = [_SCRIPT] if _SCRIPT else [sys.executable, "-m", "newslint"]
# Measure what an installed newslint costs: pip byte-compiles a wheel at install
# time and Python caches bytecode by default. An environment that forbids it
# (PYTHONDONTWRITEBYTECODE) would add ~40 ms of compiling newslint's own source
# to every run, which no user pays twice.
ENV = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}


def machine() -> str:
    model = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return f"{model}, {cpus} CPUs usable, Python {platform.python_version()} ({platform.python_implementation()}), {platform.system()}"


def timed(command: list[str], cwd: str, before: object = None) -> float:
    """Wall time of one run; ``before`` (a callable) runs first, untimed."""
    if callable(before):
        before()
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False, env=ENV)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(command)} failed ({done.returncode}): {done.stderr.decode()[-500:]}")
    return elapsed


def median(command: list[str], cwd: str, runs: int, before: object = None) -> float:
    return statistics.median(timed(command, cwd, before) for _ in range(runs))


def interleaved_medians(commands: dict[int, list[str]], cwd: str, runs: int) -> dict[int, float]:
    """Median wall time of each command, its runs taken in turn with the
    others': a speed-up compares runs made under the same load, however the
    machine drifts between them."""
    times: dict[int, list[float]] = {key: [] for key in commands}
    for _ in range(runs):
        for key, command in commands.items():
            times[key].append(timed(command, cwd))
    return {key: statistics.median(values) for key, values in times.items()}


def corpus_files(corpus: Path) -> list[Path]:
    return sorted(path for path in corpus.rglob("*") if path.suffix.lower() in (".txt", ".md", ".markdown", ".text"))


def rate(seconds: float, megabytes: float, articles: int) -> str:
    return f"{seconds:7.3f} s  {megabytes / seconds:6.2f} MB/s  {articles / seconds:7.0f} articles/s"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--runs", type=int, default=3, help="runs per figure (median) [3]")
    parser.add_argument("--no-proselint", action="store_true", help="skip the proselint comparison")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        raise SystemExit(f"corpus {args.corpus} not found: pass a folder of articles")
    files = corpus_files(args.corpus)
    size = sum(path.stat().st_size for path in files) / 1e6
    corpus = str(args.corpus.resolve())
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    print(f"machine: {machine()}")
    print(f"corpus:  {corpus}: {len(files)} articles, {size:.2f} MB; median of {args.runs} runs")
    print("bytecode: cached, as after `pip install` (PYTHONDONTWRITEBYTECODE is ignored here)\n")

    # The cache goes in the working folder (no config above the corpus): a
    # scratch folder keeps the repository clean and "cold" really cold.
    scratch = tempfile.mkdtemp(prefix="newslint-bench-")
    cache = os.path.join(scratch, ".newslint_cache")

    def clear() -> None:
        shutil.rmtree(cache, ignore_errors=True)

    results: dict[str, float] = {}
    try:
        timed([*NEWSLINT, "check", "--no-cache", str(files[0])], scratch)  # write the bytecode cache
        job_counts = sorted({1, 2, cpus})
        no_cache = {jobs: [*NEWSLINT, "check", corpus, "--jobs", str(jobs), "--no-cache"] for jobs in job_counts}
        for jobs, seconds in interleaved_medians(no_cache, scratch, args.runs).items():
            results[f"nocache{jobs}"] = seconds
        for jobs in job_counts:
            check = [*NEWSLINT, "check", corpus, "--jobs", str(jobs)]
            results[f"cold{jobs}"] = median(check, scratch, args.runs, before=clear)
            results[f"warm{jobs}"] = median(check, scratch, args.runs)
            print(
                f"newslint, {jobs} job{'s' if jobs > 1 else ' '}, no cache:   {rate(results[f'nocache{jobs}'], size, len(files))}"
            )
            print(
                f"newslint, {jobs} job{'s' if jobs > 1 else ' '}, cold cache: {rate(results[f'cold{jobs}'], size, len(files))}"
            )
            print(
                f"newslint, {jobs} job{'s' if jobs > 1 else ' '}, warm cache: {rate(results[f'warm{jobs}'], size, len(files))}"
            )
        one = [*NEWSLINT, "check", str(files[0]), "--no-cache"]
        timed(one, scratch)  # warm the OS file cache and .pyc files
        results["one"] = median(one, scratch, max(15, args.runs))
        start = median([sys.executable, "-c", "pass"], scratch, max(15, args.runs))
        print(
            f"\none-file run (median of {max(15, args.runs)}): {results['one'] * 1000:.0f} ms (bare Python start: {start * 1000:.0f} ms)"
        )

        one_job = size / results["nocache1"]
        two_jobs = size / results["nocache2"]
        print(f"\nspeed-up with 2 jobs: {results['nocache1'] / results['nocache2']:.2f}x one job")
        print("targets:")
        print(f"  >= 5 MB/s, 1 job:        {one_job:.2f} MB/s  {'ok' if one_job >= 5 else 'MISSED'}")
        print(f"  >= 8.5 MB/s, 2 jobs:     {two_jobs:.2f} MB/s  {'ok' if two_jobs >= 8.5 else 'MISSED'}")
        print(
            f"  cached re-run < 1 s:     {results[f'warm{cpus}']:.3f} s  {'ok' if results[f'warm{cpus}'] < 1 else 'MISSED'}"
        )
        print(
            f"  one-file run < 100 ms:   {results['one'] * 1000:.0f} ms  {'ok' if results['one'] < 0.1 else 'MISSED'}"
        )

        proselint = shutil.which("proselint", path=os.path.dirname(sys.executable)) or shutil.which("proselint")
        if proselint and not args.no_proselint:
            # Its own command line over the same folder, one process, as newslint -j1.
            seconds = median([proselint, "check", corpus], scratch, 1)
            print(f"\nproselint (1 run):        {rate(seconds, size, len(files))}")
            print(f"newslint -j1 is {seconds / results['nocache1']:.1f}x as fast as proselint on this corpus")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
