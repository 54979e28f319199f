"""`newslint learn` at scale, and what its names authority catches.

    python benchmarks/learn.py                  # 1x the corpora and a x20 synthetic archive
    python benchmarks/learn.py --scale 5        # a smaller synthetic archive
    python benchmarks/learn.py --no-scale       # only the misspelling test (quick)

Time and peak memory: `newslint learn` runs as the real command in a
subprocess, once over the corpora in ../shared/corpus (1x) and once over a
synthetic archive made from them (--scale copies; in every copy after the
first a tenth of the capitalised words get a suffix of their own, so that the
names table grows as a real archive's does, not just its counts). Peak memory
is the largest resident size of any process of the run (the learn process
and its workers), from getrusage. Each run is timed once: the machine is
shared, so these are a measurement, not a benchmark to the millisecond.

Misspellings: for each corpus, an authority is learned from the corpus;
then, in copies of articles drawn at random, one name the authority prints
five times or more is misspelt once (a letter changed, two letters swapped,
a hyphen dropped) and the copy is checked with consistency.house-term. The
table says how many of the slips were reported. The findings on the
unchanged corpora are judged in benchmarks/accuracy (precision).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import regex as re

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))

from newslint.authority import load as load_authority  # noqa: E402
from newslint.config import from_text  # noqa: E402
from newslint.learn import learn  # noqa: E402
from newslint.linter import Linter  # noqa: E402
from newslint.text.names import names  # noqa: E402

CORPORA = ("bbc", "reuters-1987", "us-news", "wikinews")
_CAPITALISED = re.compile(r"\b([A-Z][a-z]{4,})\b")


def synthetic(root: Path, target: Path, copies: int) -> int:
    """``copies`` of every corpus article under ``target``; returns bytes written."""
    written = 0
    for copy in range(copies):
        suffix = "".join(chr(ord("a") + int(digit)) for digit in str(copy))

        def rename(match: re.Match[str], copy: int = copy, suffix: str = suffix) -> str:
            word = match.group(1)
            digest = hashlib.blake2b(f"{word}{copy}".encode(), digest_size=2).digest()
            return word + suffix if copy and digest[0] % 10 == 0 else word

        for corpus in CORPORA:
            folder = target / f"copy-{copy:02}" / corpus
            folder.mkdir(parents=True, exist_ok=True)
            for path in sorted((root / corpus).glob("*.txt")):
                text = _CAPITALISED.sub(rename, path.read_text(encoding="utf-8"))
                (folder / path.name).write_text(text, encoding="utf-8")
                written += len(text.encode("utf-8"))
    return written


def size_of(paths: list[Path]) -> int:
    return sum(path.stat().st_size for folder in paths for path in folder.rglob("*.txt"))


def timed_learn(paths: list[Path], output: Path, jobs: int, max_names: int = 500_000) -> tuple[float, float, str]:
    """Wall seconds, peak resident MB of the run's processes, and the authority's size.

    The run goes through a wrapper process of its own: getrusage's figure for
    children is the largest of every child ever waited for, so only a fresh
    parent per run gives that run's peak."""
    command = [sys.executable, "-m", "newslint", "learn", *map(str, paths), "-o", str(output), "-j", str(jobs)]
    command += ["--max-names", str(max_names)]
    wrapper = (
        "import resource, subprocess, sys\n"
        "done = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
        "print(done.returncode)\n"
        "print(done.stdout.strip().splitlines()[-1] if done.stdout.strip() else done.stderr)\n"
    )
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", wrapper, *command], capture_output=True, text=True, cwd=REPO)
    seconds = time.perf_counter() - start
    peak, code, said = done.stdout.split("\n", 2)
    if code not in ("0", "2"):
        raise SystemExit(said)
    said = said.strip()
    return seconds, int(peak) / 1024, said[said.rfind("(") + 1 : -2] if said.endswith(").") else said


# -- misspellings -----------------------------------------------------------------------


def misspell(word: str, kind: str, rng: random.Random) -> str | None:
    """``word`` with one slip of ``kind`` inside it, or None if it has no room for one."""
    if kind == "hyphen dropped":
        return word.replace("-", " ", 1) if "-" in word else None
    inner = [i for i in range(1, len(word) - 1) if word[i].isalpha() and word[i].islower()]
    if kind == "letter changed" and inner:
        i = rng.choice(inner)
        letters = [c for c in "aeioulnrst" if c not in (word[i], word[i - 1], word[i + 1])]
        return word[:i] + rng.choice(letters) + word[i + 1 :]
    if kind == "letters swapped":
        pairs = [i for i in inner if i + 1 in inner and word[i] != word[i + 1]]
        if pairs:
            i = rng.choice(pairs)
            return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    return None


def misspelling_trials(root: Path, per_kind: int, seed: int) -> list[tuple[str, str, str, int, int]]:
    """(corpus, name, kind, trials, reported) for each corpus, name length and kind of slip."""
    rows = []
    for corpus in CORPORA:
        with tempfile.TemporaryDirectory() as output:
            learned = learn([str(root / corpus)], output, jobs=2)
            authority = load_authority(learned.authority_path)
            config = from_text(
                f"select: [consistency.house-term]\nauthority: {learned.authority_path}\n",
                str(Path(output) / "x.yaml"),
            )
            linter = Linter(config)
            files = sorted((root / corpus).glob("*.txt"))
            rng = random.Random(seed)
            for lone in (False, True):
                for kind in ("letter changed", "letters swapped", "hyphen dropped"):
                    trials = reported = 0
                    for path in rng.sample(files, len(files)):
                        if trials == per_kind:
                            break
                        text = path.read_text(encoding="utf-8")
                        trial = _one_trial(text, str(path), kind, lone, authority, linter, rng)
                        if trial is not None:
                            trials += 1
                            reported += trial
                    rows.append((corpus, "one word" if lone else "two words or more", kind, trials, reported))
    return rows


def _one_trial(  # type: ignore[no-untyped-def]
    text: str, path: str, kind: str, lone: bool, authority, linter: Linter, rng: random.Random
) -> bool | None:
    """Misspell one printed name in ``text``; whether house-term reports it (None: no name to misspell)."""
    candidates = []
    for name in names(text):
        entry = authority.entries.get(name.form)
        if entry is None or entry.count < 5 or name.initial or (len(name.words) == 1) != lone:
            continue
        # A hyphened name (Kilroy-Silk, Al-Kadhimi), not a compound (London-based).
        if kind == "hyphen dropped" and not re.search(r"-\p{Lu}", name.form):
            continue
        candidates.append(name)
    rng.shuffle(candidates)
    for name in candidates:
        words = list(name.words)
        index = max(range(len(words)), key=lambda i: ("-" in words[i]) if kind == "hyphen dropped" else len(words[i]))
        slipped = misspell(words[index], kind, rng)
        if slipped is None:
            continue
        words[index] = slipped
        form = " ".join(words)
        if form in authority.entries:
            continue  # the slip made another name the house prints
        changed = text[: name.start] + form + text[name.end :]
        found = linter.lint_text(changed, path)
        return any(d.start <= name.start + len(form) and d.end >= name.start for d in found)
    return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--corpus-root", default=os.environ.get("NEWSLINT_CORPUS", str(REPO.parent / "shared" / "corpus"))
    )
    parser.add_argument("--scale", type=int, default=20)
    parser.add_argument("--no-scale", action="store_true", help="skip the timing runs")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument(
        "--bounded", type=int, default=50_000, help="--max-names for a third run over the synthetic archive"
    )
    parser.add_argument("--trials", type=int, default=40, help="misspellings per corpus and kind")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    root = Path(args.corpus_root)

    if not args.no_scale:
        work = Path(tempfile.mkdtemp(prefix="newslint-learn-bench-"))
        try:
            one = [root / corpus for corpus in CORPORA]
            print("| archive | articles | MB | jobs | time | MB/s | peak memory | authority |")
            print("| --- | --- | --- | --- | --- | --- | --- | --- |")
            megabytes = size_of(one) / 1e6
            seconds, peak, said = timed_learn(one, work / "one", args.jobs)
            articles = sum(1 for folder in one for _ in folder.glob("*.txt"))
            print(
                f"| 1x corpora | {articles:,} | {megabytes:.1f} | {args.jobs} | {seconds:.1f} s | {megabytes / seconds:.2f} | {peak:.0f} MB | {said} |"
            )
            written = synthetic(root, work / "archive", args.scale) / 1e6
            seconds, peak, said = timed_learn([work / "archive"], work / "many", args.jobs)
            print(
                f"| x{args.scale} synthetic | {articles * args.scale:,} | {written:.1f} | {args.jobs} | {seconds:.1f} s | {written / seconds:.2f} | {peak:.0f} MB | {said} |"
            )
            seconds, peak, said = timed_learn([work / "archive"], work / "bounded", args.jobs, args.bounded)
            print(
                f"| x{args.scale} synthetic, --max-names {args.bounded:,} | {articles * args.scale:,} | {written:.1f} | {args.jobs} | {seconds:.1f} s | {written / seconds:.2f} | {peak:.0f} MB | {said} |"
            )
        finally:
            shutil.rmtree(work, ignore_errors=True)

    print("\n| corpus | name | slip | trials | reported |")
    print("| --- | --- | --- | --- | --- |")
    for corpus, length, kind, trials, reported in misspelling_trials(root, args.trials, args.seed):
        share = f"{reported / trials:.0%}" if trials else "-"
        print(f"| {corpus} | {length} | {kind} | {trials} | {reported} ({share}) |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
