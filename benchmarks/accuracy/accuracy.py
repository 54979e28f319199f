"""Precision per rule and per corpus, from findings judged once and kept.

    python benchmarks/accuracy/accuracy.py                    # the table
    python benchmarks/accuracy/accuracy.py --unjudged         # findings nobody has judged yet
    python benchmarks/accuracy/accuracy.py --sample 30 --rules claims > to-judge.md
    python benchmarks/accuracy/accuracy.py --check            # exit 1 below the floors

newslint runs over each corpus in corpora.yaml (under --corpus-root, or at
its `path:` beside this file; the core pack, and the
corpus's own house-style pack for style.* rules). Each finding is matched to
a judgment in judged/<corpus>.jsonl by (file, line, rule, the text found);
precision is true / (true + false) over the judged findings. Judged-true
findings that no longer appear are listed: a fix that loses them has traded
recall for precision, and must say so.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
sys.path.insert(0, str(REPO))

from newslint.config import from_text  # noqa: E402
from newslint.linter import Linter  # noqa: E402
from newslint.model import Diagnostic  # noqa: E402
from newslint.readers import ReadError, decode, read_bytes, reader_for  # noqa: E402

#: The floors the project holds itself to: claims and consistency rules on
#: every corpus, house-style rules on the corpus of their own house style.
FLOORS = {"claims": 0.90, "consistency": 0.90, "style": 0.95}
FOUND_WIDTH = 80  # judgments keep at most this much of the text found
MIN_JUDGED = 30  # per rule and corpus, or every finding where there are fewer


@dataclass(frozen=True)
class Key:
    corpus: str
    file: str
    line: int
    rule: str
    found: str


@dataclass
class Judgment:
    key: Key
    verdict: str
    reason: str
    column: int


def load_judgments(corpus: str) -> dict[Key, Judgment]:
    path = HERE / "judged" / f"{corpus}.jsonl"
    judged: dict[Key, Judgment] = {}
    if not path.exists():
        return judged
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        item = json.loads(line)
        if item.get("verdict") not in ("true", "false", "unsure"):
            raise SystemExit(f"{path}:{number}: verdict must be true, false or unsure")
        key = Key(corpus, item["file"], int(item["line"]), item["rule"], item["found"][:FOUND_WIDTH])
        judged[key] = Judgment(key, item["verdict"], item.get("reason", ""), int(item.get("column", 0)))
    return judged


def corpora() -> dict[str, dict[str, str]]:
    import yaml

    return yaml.safe_load((HERE / "corpora.yaml").read_text(encoding="utf-8"))


def articles(folder: Path) -> Iterator[Path]:
    for path in sorted(folder.rglob("*")):
        if path.is_file() and reader_for(str(path)) is not None and path.name.lower() != "readme.md":
            yield path


def house_authority(folder: Path) -> str:
    """The names authority `newslint learn` writes from the corpus itself:
    its house memory, for consistency.house-term (its findings on the corpus
    are the slips the archive printed)."""
    import tempfile

    from newslint.learn import learn
    from newslint.parallel import default_jobs

    output = tempfile.mkdtemp(prefix="newslint-accuracy-")
    return learn([str(folder)], output, jobs=default_jobs()).authority_path


def findings(corpus: str, folder: Path, style: str | None) -> Iterator[tuple[Key, Diagnostic, str]]:
    """Every finding of the core pack, of the house style's style.* rules, and
    of consistency.house-term with the authority learned from the corpus."""
    linter = Linter()
    configs = [from_text("extends: [core]\n", str(folder / "newslint.yaml"))]
    if style:
        configs.append(from_text(f"extends: [{style}]\nselect: [style]\n", str(folder / "newslint.yaml")))
    authority = house_authority(folder)
    configs.append(
        from_text(f"select: [consistency.house-term]\nauthority: {authority}\n", str(folder / "newslint.yaml"))
    )
    for path in articles(folder):
        try:
            text = decode(read_bytes(str(path)), str(path)).text
        except ReadError:
            continue
        seen: set[Key] = set()
        for config in configs:
            for d in linter.lint_text(text, str(path), config):
                found = d.found if d.line == d.end_line else d.found.split("\n")[0]
                key = Key(corpus, str(path.relative_to(folder)), d.line, d.rule, found[:FOUND_WIDTH])
                if key not in seen:
                    seen.add(key)
                    yield key, d, text


@dataclass
class Tally:
    findings: int = 0
    true: int = 0
    false: int = 0
    unsure: int = 0

    @property
    def judged(self) -> int:
        return self.true + self.false + self.unsure

    @property
    def precision(self) -> float | None:
        decided = self.true + self.false
        return self.true / decided if decided else None


def floor_for(rule: str) -> float | None:
    return FLOORS.get(rule.split(".")[0])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--corpus-root", default=os.environ.get("NEWSLINT_CORPUS", str(REPO.parent / "shared" / "corpus"))
    )
    parser.add_argument("--corpus", action="append", help="only this corpus (repeatable)")
    parser.add_argument("--rules", default="", help="only rules with these prefixes (comma-separated)")
    parser.add_argument("--unjudged", action="store_true", help="list findings nobody has judged")
    parser.add_argument(
        "--sample",
        type=int,
        metavar="N",
        help="write up to N unjudged findings per rule and corpus, with context, for judging",
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--check", action="store_true", help="exit 1 if a rule is under its floor or a judged-true finding disappeared"
    )
    args = parser.parse_args(argv)

    root = Path(args.corpus_root)
    prefixes = [p for p in args.rules.split(",") if p]
    wanted = {name: spec or {} for name, spec in corpora().items() if not args.corpus or name in args.corpus}
    tallies: dict[tuple[str, str], Tally] = defaultdict(Tally)
    unjudged: dict[tuple[str, str], list[tuple[Key, Diagnostic, str]]] = defaultdict(list)
    lost: list[Judgment] = []
    for corpus, spec in wanted.items():
        folder = HERE / spec["path"] if "path" in spec else root / corpus
        if not folder.is_dir():
            print(f"accuracy: {folder}: no such corpus (set --corpus-root or NEWSLINT_CORPUS)", file=sys.stderr)
            return 2
        judged = load_judgments(corpus)
        seen: set[Key] = set()
        for key, d, text in findings(corpus, folder, spec.get("style")):
            if prefixes and not any(key.rule == p or key.rule.startswith(p + ".") for p in prefixes):
                continue
            seen.add(key)
            tally = tallies[(corpus, key.rule)]
            tally.findings += 1
            judgment = judged.get(key)
            if judgment is None:
                unjudged[(corpus, key.rule)].append((key, d, text))
            else:
                setattr(tally, judgment.verdict, getattr(tally, judgment.verdict) + 1)
        lost += [
            j
            for key, j in judged.items()
            if j.verdict == "true"
            and key not in seen
            and (not prefixes or any(key.rule.startswith(p) for p in prefixes))
        ]

    if args.sample:
        write_sample(unjudged, args.sample, args.seed)
        return 0
    if args.unjudged:
        for items in unjudged.values():
            for key, d, _ in items:
                print(f"{key.corpus}/{key.file}:{key.line}:{d.column}: {key.rule} {json.dumps(key.found)}")
        return 0
    failing = print_table(tallies)
    if lost:
        print(f"\nJudged true, no longer found ({len(lost)}):")
        for judgment in sorted(lost, key=lambda j: (j.key.corpus, j.key.file, j.key.line)):
            k = judgment.key
            print(f"  {k.corpus}/{k.file}:{k.line}: {k.rule} {json.dumps(k.found)} -- {judgment.reason}")
    return 1 if args.check and (failing or lost) else 0


def print_table(tallies: dict[tuple[str, str], Tally]) -> list[str]:
    """Print precision per rule and corpus; return the rules under their floor."""
    names = sorted({corpus for corpus, _ in tallies})
    rules = sorted({rule for _, rule in tallies})
    print(f"{'rule':34}" + "".join(f"{name:>22}" for name in names))
    failing = []
    for rule in rules:
        cells = []
        for name in names:
            tally = tallies.get((name, rule))
            if tally is None or not tally.findings:
                cells.append(f"{'-':>22}")
                continue
            precision = tally.precision
            shown = "  n/a" if precision is None else f"{precision:5.0%}"
            under = precision is not None and floor_for(rule) is not None and precision < floor_for(rule)  # type: ignore[operator]
            thin = tally.judged < min(MIN_JUDGED, tally.findings)
            cells.append(
                f"{shown}{'!' if under else ' '} {tally.true:>3}/{tally.judged:<3}of{tally.findings:>5}{'?' if thin else ' '}"
            )
            if under:
                failing.append(f"{name}:{rule}")
        print(f"{rule:34}" + "".join(f"{cell:>22}" for cell in cells))
    print(
        "\nprecision true/judged of findings; ! under the floor "
        f"({', '.join(f'{k} {v:.0%}' for k, v in FLOORS.items())}); ? fewer than {MIN_JUDGED} judged"
    )
    return failing


def write_sample(unjudged: dict[tuple[str, str], list[tuple[Key, Diagnostic, str]]], per_rule: int, seed: int) -> None:
    """Unjudged findings with their paragraph, for a person (or a helper) to judge."""
    rng = random.Random(seed)
    for (corpus, rule), items in sorted(unjudged.items()):
        chosen = items if len(items) <= per_rule else rng.sample(items, per_rule)
        print(f"\n# {corpus} {rule}: {len(chosen)} of {len(items)} unjudged")
        for key, d, text in sorted(chosen, key=lambda item: (item[0].file, item[0].line)):
            lines = text.split("\n")
            line = lines[key.line - 1]
            if len(line) > 900:
                line = line[max(0, d.column - 450) : d.column + 450]
            print(f"\n## {key.file}:{key.line}:{d.column} {rule}")
            print(f"found: {json.dumps(key.found)}\nmessage: {d.message}")
            if key.line >= 3 and lines[key.line - 3].strip():
                print(f"prev para: {lines[key.line - 3][-300:]}")
            print(f"line: {line}")


if __name__ == "__main__":
    raise SystemExit(main())
