"""Throughput, big files, Markdown and start-up of ``newslint check``, side by side in one run.

    python benchmarks/bench.py [CORPUS] [--runs N] [--only NAME,...] [--no-proselint] [--newslint CMD]

CORPUS defaults to ../shared/corpus/bbc beside the repository (2,225 BBC
articles, 5.0 MB). Every figure is the real command line in a subprocess,
start-up included, bytecode cached as after ``pip install``. Each case runs
N times (default 5), the cases taking turns within each round so that a slow
minute on a shared machine hits all of them; each reports the minimum,
median and maximum wall time, the median CPU time of the process and its
children (user + system, from ``wait4``) and the peak memory (the largest
resident set of the process or a child). The cases:

* ``1job``, ``2jobs``: the corpus with no cache, one and two worker processes;
* ``warm``: the corpus again with the cache full (nothing changed), default jobs;
* ``onefile``: one article (``newslint check story.txt``);
* ``5mb``: the corpus as one 5 MB article (``--max-file-size 0``);
* ``20mb``: 20 MB of distinct text as one article: every corpus in the
  folder that holds this one (16.7 MB for the four shared corpora), then
  this corpus's articles with their letters shifted, by one place, then
  two (new words, no article twice);
* ``quarter``: the first 5 MB of that text, the same mix of copy: 20 MB
  against it shows how time grows with length alone (against ``5mb``, the
  BBC's copy, it also shows what other copy costs);
* ``markdown``, ``text``: the corpus's articles as Markdown (the headline a
  ``#`` heading) and as text, one job;
* ``proselint``: proselint over the same files, where it is installed
  (``pip install proselint``; never a dependency), one run.

Targets (issue 13): one job >= 17x proselint; the 5 MB article at most 1.3x
the same text as separate files (``1job``); 20 MB at most 4.3x the 5 MB
article; peak memory under 5 bytes per input byte above the interpreter's
own (a one-file run's); Markdown within 1.3x of text.
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
from collections.abc import Callable
from dataclasses import dataclass, field
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
BIG = 20_000_000
# Runs the command given as arguments; prints its wall time, CPU time (user +
# system, its children included) and peak resident memory (bytes, the
# largest of it and its children), from wait4. Exit 0 unless the command
# failed (newslint exits 1 for findings).
_TIMER = """
import os, subprocess, sys, time
start = time.perf_counter()
process = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
_, status, usage = os.wait4(process.pid, 0)
wall = time.perf_counter() - start
code = os.waitstatus_to_exitcode(status)
if code not in (0, 1):
    sys.stderr.write(process.stderr.read().decode(errors="replace"))
    sys.exit(2)
print(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * 1024)
"""


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
    return f"{model}, {cpus} CPUs usable, Python {platform.python_version()}, {platform.system()}"


def load() -> str:
    try:
        return "load average " + " ".join(f"{value:.2f}" for value in os.getloadavg())
    except OSError:
        return "load average unknown"


@dataclass
class Case:
    """One command, run once a round."""

    name: str
    command: list[str]
    size: int = 0  # bytes of article text it checks
    files: int = 0
    before: Callable[[], None] | None = None  # untimed, before each run
    walls: list[float] = field(default_factory=list)
    cpus: list[float] = field(default_factory=list)
    peaks: list[int] = field(default_factory=list)  # bytes

    def run(self, cwd: str) -> None:
        if self.before is not None:
            self.before()
        # Started from a fresh, small Python that times it: a child forked
        # from this process would count this process's memory as its own.
        done = subprocess.run(
            [sys.executable, "-c", _TIMER, *self.command], cwd=cwd, capture_output=True, env=ENV, check=False
        )
        if done.returncode != 0:
            raise SystemExit(f"{' '.join(self.command)} failed: {done.stderr.decode(errors='replace')[-500:]}")
        wall, cpu, peak = done.stdout.split()
        self.walls.append(float(wall))
        self.cpus.append(float(cpu))
        self.peaks.append(int(peak))

    @property
    def wall(self) -> float:
        return statistics.median(self.walls)

    def line(self) -> str:
        walls = f"{min(self.walls):6.3f} {self.wall:6.3f} {max(self.walls):6.3f} s"
        rate = f"{self.size / 1e6 / self.wall:6.2f} MB/s" if self.size else " " * 11
        cpu = f"cpu {statistics.median(self.cpus):6.3f} s"
        return f"{self.name:10} {walls}  {rate}  {cpu}  peak {max(self.peaks) / 1e6:6.1f} MB"


def corpus_files(corpus: Path) -> list[Path]:
    return sorted(path for path in corpus.rglob("*") if path.suffix.lower() in (".txt", ".text"))


def shifted(text: str, shift: int) -> str:
    """``text`` with every letter moved ``shift`` places on in its alphabet
    (a-z, A-Z): new words, the same shapes, punctuation and figures."""
    lower = "abcdefghijklmnopqrstuvwxyz"
    table = str.maketrans(
        lower + lower.upper(), lower[shift:] + lower[:shift] + (lower[shift:] + lower[:shift]).upper()
    )
    return text.translate(table)


def distinct_text(corpus: Path, size: int) -> str:
    """``size`` characters of article text that never repeats: the corpora
    in ``corpus``'s folder, then its articles shifted by 1, 2, ... places."""
    pieces: list[str] = []
    total = 0
    sources = [path for other in sorted(corpus.parent.iterdir()) if other.is_dir() for path in corpus_files(other)]
    rounds = (
        shifted(path.read_text(encoding="utf-8"), shift) for shift in range(1, 26) for path in corpus_files(corpus)
    )
    for text in (*(path.read_text(encoding="utf-8") for path in sources), *rounds):
        pieces.append(text.strip() + "\n\n")
        total += len(pieces[-1])
        if total >= size:
            break
    return "".join(pieces)[:size]


def as_markdown(text: str) -> str:
    """An article as Markdown: its first paragraph a '#' heading."""
    paragraphs = [part.strip() for part in text.replace("\r\n", "\n").split("\n\n") if part.strip()]
    if not paragraphs:
        return ""
    return "# " + paragraphs[0].replace("\n", " ") + "\n\n" + "\n\n".join(paragraphs[1:]) + "\n"


def as_text(text: str) -> str:
    """The same article as text, its headline on one line, as as_markdown has it."""
    paragraphs = [part.strip() for part in text.replace("\r\n", "\n").split("\n\n") if part.strip()]
    if not paragraphs:
        return ""
    return paragraphs[0].replace("\n", " ") + "\n\n" + "\n\n".join(paragraphs[1:]) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--runs", type=int, default=5, help="runs of each case [5]")
    parser.add_argument("--only", default="", help="comma-separated case names")
    parser.add_argument("--no-proselint", action="store_true", help="skip the proselint comparison")
    parser.add_argument(
        "--newslint",
        default="",
        help="the command to time instead of the installed one ('python -m newslint'), to compare two trees",
    )
    args = parser.parse_args()
    if args.newslint:
        NEWSLINT[:] = args.newslint.split()
    if not args.corpus.is_dir():
        raise SystemExit(f"corpus {args.corpus} not found: pass a folder of articles")
    files = corpus_files(args.corpus)
    texts = [path.read_text(encoding="utf-8") for path in files]
    size = sum(path.stat().st_size for path in files)
    print(f"machine: {machine()}")
    print(f"when:    {time.strftime('%Y-%m-%d %H:%M')}, {load()} at the start")
    print(f"corpus:  {args.corpus}: {len(files)} articles, {size / 1e6:.2f} MB; {args.runs} runs of each case\n")

    scratch = tempfile.mkdtemp(prefix="newslint-bench-")
    try:
        # Copies in a scratch folder: the cache is written beside what is
        # checked, and the shared corpus stays as it is.
        folder = Path(scratch)
        for name in ("corpus", "markdown", "text"):
            (folder / name).mkdir()
        for path, text in zip(files, texts):
            (folder / "corpus" / path.name).write_text(text, encoding="utf-8")
            (folder / "markdown" / (path.stem + ".md")).write_text(as_markdown(text), encoding="utf-8")
            (folder / "text" / path.name).write_text(as_text(text), encoding="utf-8")
        five = "".join(text.strip() + "\n\n" for text in texts)
        (folder / "5mb.txt").write_text(five, encoding="utf-8")
        distinct = distinct_text(args.corpus, BIG)
        (folder / "20mb.txt").write_text(distinct, encoding="utf-8")
        # Its first quarter: 5 MB of the same mix of corpora, to tell how the
        # time grows with length from how it varies with the copy.
        (folder / "20mb-quarter.txt").write_text(distinct[: distinct.rfind("\n\n", 0, BIG // 4)], encoding="utf-8")
        story = str(folder / "corpus" / files[0].name)
        big = ["--no-cache", "--max-file-size", "0", "--jobs", "1"]
        cache = folder / ".newslint_cache"  # in the working folder: no config above it
        cases = [
            Case("1job", [*NEWSLINT, "check", "--no-cache", "--jobs", "1", "corpus"], size, len(files)),
            Case("2jobs", [*NEWSLINT, "check", "--no-cache", "--jobs", "2", "corpus"], size, len(files)),
            Case("warm", [*NEWSLINT, "check", "corpus"], size, len(files)),
            Case("onefile", [*NEWSLINT, "check", "--no-cache", story], len(texts[0].encode()), 1),
            Case("5mb", [*NEWSLINT, "check", *big, "5mb.txt"], (folder / "5mb.txt").stat().st_size, 1),
            Case("20mb", [*NEWSLINT, "check", *big, "20mb.txt"], (folder / "20mb.txt").stat().st_size, 1),
            Case(
                "quarter",
                [*NEWSLINT, "check", *big, "20mb-quarter.txt"],
                (folder / "20mb-quarter.txt").stat().st_size,
                1,
            ),
            Case("markdown", [*NEWSLINT, "check", "--no-cache", "--jobs", "1", "markdown"], size, len(files)),
            Case("text", [*NEWSLINT, "check", "--no-cache", "--jobs", "1", "text"], size, len(files)),
        ]
        only = {name for name in args.only.split(",") if name}
        cases = [case for case in cases if not only or case.name in only]
        Case("setup", [*NEWSLINT, "check", "--no-cache", story]).run(scratch)  # bytecode written
        if any(case.name == "warm" for case in cases):
            shutil.rmtree(cache, ignore_errors=True)
            Case("fill", [*NEWSLINT, "check", "corpus"]).run(scratch)
        for _ in range(args.runs):
            for case in cases:
                case.run(scratch)
        python = Case("python", [sys.executable, "-c", "pass"])
        for _ in range(max(5, args.runs)):
            python.run(scratch)

        print(f"{'case':10} {'min':>6} {'median':>6} {'max':>6}     throughput   CPU (median)  peak memory")
        for case in cases:
            print(case.line())
        by_name = {case.name: case for case in cases}
        print(f"(bare Python start: {python.wall * 1000:.0f} ms, {max(python.peaks) / 1e6:.1f} MB)")
        print("\ntargets:")
        if "1job" in by_name and "5mb" in by_name:
            ratio = by_name["5mb"].wall / by_name["1job"].wall
            cpu = statistics.median(by_name["5mb"].cpus) / statistics.median(by_name["1job"].cpus)
            print(f"  5 MB article / separate files <= 1.3x: {ratio:.2f}x wall, {cpu:.2f}x CPU")
        if "5mb" in by_name and "20mb" in by_name:
            ratio = by_name["20mb"].wall / by_name["5mb"].wall
            print(f"  20 MB / 5 MB <= 4.3x: {ratio:.2f}x")
        if "20mb" in by_name and "quarter" in by_name:
            ratio = by_name["20mb"].wall / by_name["quarter"].wall
            print(f"  20 MB / its own first 5 MB (the same copy; linear is 4x): {ratio:.2f}x")
        base = max(by_name["onefile"].peaks) if "onefile" in by_name else 0
        for name in ("5mb", "quarter", "20mb"):
            if name in by_name and base:
                case = by_name[name]
                per_byte = (max(case.peaks) - base) / case.size
                print(f"  peak memory of {name} above a one-file run's: {per_byte:.1f} bytes per input byte (< 5)")
        if "markdown" in by_name and "text" in by_name:
            ratio = by_name["markdown"].wall / by_name["text"].wall
            cpu = statistics.median(by_name["markdown"].cpus) / statistics.median(by_name["text"].cpus)
            print(f"  Markdown / text <= 1.3x: {ratio:.2f}x wall, {cpu:.2f}x CPU")
        if "1job" in by_name and "2jobs" in by_name:
            print(f"  two jobs: {by_name['1job'].wall / by_name['2jobs'].wall:.2f}x one job")
        if "warm" in by_name and "1job" in by_name:
            print(
                f"  warm cache: {by_name['warm'].wall:.3f} s ({by_name['1job'].wall / by_name['warm'].wall:.1f}x one job)"
            )

        proselint = shutil.which("proselint", path=os.path.dirname(sys.executable)) or shutil.which("proselint")
        if proselint and not args.no_proselint and (not only or "proselint" in only) and "1job" in by_name:
            # Its own command line over the same folder, one process, as newslint -j1.
            case = Case("proselint", [proselint, "check", "corpus"], size, len(files))
            case.run(scratch)
            print(f"\n{case.line()}")
            print(f"newslint -j1 is {case.wall / by_name['1job'].wall:.1f}x as fast as proselint (target 17x)")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
