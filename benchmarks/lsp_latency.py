"""How soon `newslint server` publishes diagnostics after a writer types.

    python benchmarks/lsp_latency.py [--changes N] [--words W]

Starts the real server over stdio (as an editor does, default debounce
included), opens an article of about W words (default 2,000: the seed's
paragraphs over and over), then N times (default 60) types one character
somewhere in it and times how long until the diagnostics for that version
arrive. Prints p50, p95 and the worst. Target (issue 17): p95 under 100 ms.

Each change waits for its diagnostics before the next, as a writer typing
and pausing would see them; the debounce (50 ms) is part of every figure.
A script, not a test: run it on a quiet machine, briefly on a shared one.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import time
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "seeds" / "nato-iraq-troops.txt"
URI = "untitled:article.txt"


def article(words: int) -> str:
    paragraphs = [p for p in SEED.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    headline, body = paragraphs[0], paragraphs[1:]
    chosen: list[str] = []
    count = 0
    while count < words:
        paragraph = body[len(chosen) % len(body)]
        chosen.append(paragraph)
        count += len(paragraph.split())
    return "\n\n".join([headline, *chosen]) + "\n"


async def measure(changes: int, words: int, seed: int) -> list[float]:
    client = LanguageClient("newslint-bench", "1")
    published: asyncio.Queue[types.PublishDiagnosticsParams] = asyncio.Queue()

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def on_publish(params: types.PublishDiagnosticsParams) -> None:
        published.put_nowait(params)

    await client.start_io(sys.executable, "-m", "newslint", "server")
    await client.initialize_async(types.InitializeParams(capabilities=types.ClientCapabilities()))
    client.initialized(types.InitializedParams())
    text = article(words)
    lines = text.split("\n")
    item = types.TextDocumentItem(uri=URI, language_id="plaintext", version=1, text=text)
    client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=item))
    await wait_for(published, 1)
    randomly = random.Random(seed)
    timings = []
    for version in range(2, changes + 2):
        line = randomly.choice([i for i, content in enumerate(lines) if content])
        at = types.Position(line=line, character=randomly.randrange(len(lines[line])))
        change = types.TextDocumentContentChangePartial(range=types.Range(start=at, end=at), text="x")
        lines[line] = lines[line][: at.character] + "x" + lines[line][at.character :]
        identifier = types.VersionedTextDocumentIdentifier(uri=URI, version=version)
        started = time.perf_counter()
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(text_document=identifier, content_changes=[change])
        )
        await wait_for(published, version)
        timings.append(time.perf_counter() - started)
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()
    return timings


async def wait_for(published: asyncio.Queue[types.PublishDiagnosticsParams], version: int) -> None:
    while (await asyncio.wait_for(published.get(), 30)).version != version:
        pass


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--changes", type=int, default=60)
    parser.add_argument("--words", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=17)
    options = parser.parse_args()
    timings = sorted(asyncio.run(measure(options.changes, options.words, options.seed)))
    p95 = timings[min(len(timings) - 1, round(0.95 * len(timings)) - 1)]
    print(f"article: {len(article(options.words).split()):,} words; {len(timings)} changes, one at a time")
    print(
        f"change -> diagnostics: p50 {statistics.median(timings) * 1000:.1f} ms, "
        f"p95 {p95 * 1000:.1f} ms, worst {timings[-1] * 1000:.1f} ms (target: p95 < 100 ms)"
    )


if __name__ == "__main__":
    main()
