"""Throughput on HTML against the same articles as text (issue 14: within 1.5x).

    python benchmarks/html_bench.py [CORPUS] [--runs N] [--jobs J]

Converts every .txt article of CORPUS (default: the 2,225 BBC articles in
../shared/corpus/bbc) into a CMS-like page in a temporary folder: a head with
a title, a description meta tag, a stylesheet and a script, the headline in
<h1>, each paragraph in <p>, a figure with a caption and a footer. Then it
runs the real command line (``newslint check --no-cache``) over the text
folder and the HTML folder, alternately, N times each, and prints the median
times, the throughput over the articles' text and the HTML/text ratio. It
also counts the findings of both runs by rule: the same articles give the
same findings whatever the format (the caption, navigation and footer are
skipped; the description repeats the headline, so it is not checked twice),
except where the .txt reader's guess at the headline and standfirst differs
from the page's <h1> (on the BBC corpus: 4 findings in 4 articles).

Where the time goes (in-process, 2026-12-04, a loaded machine): html.parser
~0.12 ms a page, the rest of the reader ~0.1 ms, and the rules ~0.2 ms more
than on the text, since patterns that start with a non-word character try
every masked character of the markup; the HTML run took 1.4-1.6x the text
run's CPU time. Pages with large inline scripts pay that per character.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = REPO.parent / "shared" / "corpus" / "bbc"
_SCRIPT = shutil.which("newslint", path=os.path.dirname(sys.executable))
NEWSLINT = [_SCRIPT] if _SCRIPT else [sys.executable, "-m", "newslint"]
# As bench.py: measure an installed newslint, whose bytecode is cached.
ENV = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{title} - News</title>
<meta name="description" content="{title}">
<link rel="stylesheet" href="/site.css">
<style>.byline {{ color: #666; }} q::before {{ content: "\\201C"; }}</style>
<script>window.dataLayer = [{{"page": "article", "title": "{script_title}"}}];</script>
</head>
<body>
<nav><a href="/">Home</a> | <a href="/news">News</a></nav>
<article>
<h1>{headline}</h1>
{paragraphs}
<figure><img src="/img/lead.jpg" alt="{title}"><figcaption>A photograph... "credit" here</figcaption></figure>
</article>
<footer>&copy; News Ltd. All rights reserved.</footer>
</body>
</html>
"""


def to_html(text: str) -> str:
    """One article as a page: the first paragraph the headline, the others <p>s."""
    paragraphs = [part.strip() for part in text.replace("\r\n", "\n").split("\n\n") if part.strip()]
    headline, body = (paragraphs[0], paragraphs[1:]) if paragraphs else ("", [])
    title = html.escape(headline.replace("\n", " "))
    return PAGE.format(
        title=title,
        script_title=headline.replace("\\", "").replace('"', "'").replace("<", " ").replace("\n", " "),
        headline=html.escape(headline, quote=False),
        paragraphs="\n".join(f"<p>{html.escape(part, quote=False)}</p>" for part in body),
    )


def convert(corpus: Path, folder: Path) -> tuple[int, int]:
    """Write each article to ``folder``/text and ``folder``/html; (articles, bytes of text)."""
    (folder / "text").mkdir()
    (folder / "html").mkdir()
    count = size = 0
    for path in sorted(corpus.rglob("*.txt")):
        data = path.read_bytes()
        name = f"{count:05d}-{path.stem}"
        (folder / "text" / f"{name}.txt").write_bytes(data)
        text = data.decode("utf-8", errors="replace")
        (folder / "html" / f"{name}.html").write_text(to_html(text), encoding="utf-8")
        count, size = count + 1, size + len(data)
    return count, size


def timed(command: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False, env=ENV)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        sys.exit(f"{' '.join(command)} failed: {done.stderr.decode(errors='replace')}")
    return elapsed


def findings_by_rule(folder: str, cwd: Path) -> Counter[str]:
    command = [*NEWSLINT, "check", "--no-cache", "--format", "json", folder]
    done = subprocess.run(command, cwd=cwd, capture_output=True, check=False, env=ENV)
    return Counter(d["rule"] for d in json.loads(done.stdout))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--runs", type=int, default=5, help="runs of each folder (median)")
    parser.add_argument("--jobs", type=int, default=1, help="newslint --jobs (default 1: the per-process cost)")
    options = parser.parse_args()
    if not options.corpus.is_dir():
        sys.exit(f"no corpus at {options.corpus}")
    with tempfile.TemporaryDirectory(prefix="newslint-html-bench-") as scratch:
        folder = Path(scratch)
        articles, size = convert(options.corpus, folder)
        megabytes = size / 1e6
        timed([*NEWSLINT, "check", "--no-cache", str(next((folder / "html").iterdir()))], folder)  # warm up
        times: dict[str, list[float]] = {"text": [], "html": []}
        for _ in range(options.runs):
            for kind in times:  # alternate, so a slow minute on the machine hits both
                times[kind].append(timed([*NEWSLINT, "check", "--no-cache", "--jobs", str(options.jobs), kind], folder))
        medians = {kind: statistics.median(values) for kind, values in times.items()}
        print(f"{articles:,} articles, {megabytes:.1f} MB of text; --jobs {options.jobs}; median of {options.runs}")
        for kind, seconds in medians.items():
            print(f"  {kind:5} {seconds:6.2f} s  {megabytes / seconds:5.1f} MB/s of article text")
        ratio = medians["html"] / medians["text"]
        print(f"  HTML / text: {ratio:.2f}x (target: at most 1.5x) {'ok' if ratio <= 1.5 else 'MISSED'}")
        text_rules, html_rules = findings_by_rule("text", folder), findings_by_rule("html", folder)
        differing = {rule for rule in text_rules | html_rules if text_rules[rule] != html_rules[rule]}
        print(f"  findings: text {sum(text_rules.values()):,}, HTML {sum(html_rules.values()):,}")
        for rule in sorted(differing):
            print(f"    {rule}: text {text_rules[rule]}, HTML {html_rules[rule]}")


if __name__ == "__main__":
    main()
