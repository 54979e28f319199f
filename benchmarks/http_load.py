"""A bounded load test of `newslint serve` on loopback.

    python benchmarks/http_load.py [--requests N] [--seconds S] [--workers W] [--clients 1,8,32]

Starts the real service (uvicorn, `--workers W`, default 1) on a free port
of 127.0.0.1, then for each number of concurrent clients sends POST
/v1/check with a 600-word article (the seed's first 600 words) until N
requests (default 400) or S seconds (default 10) have passed, whichever
comes first, over keep-alive connections. Prints requests/s and p50/p99
latency per level, and any non-200 answers. Targets (issue 17): at least 300
checks/s with p99 under 50 ms at 8 clients.

The clients run in this process on the same machine as the server, so
they take CPU from it: the figures are a floor. Traffic goes to loopback
only, and every loop stops by itself. Not a test: run it briefly on a
shared machine.
"""

from __future__ import annotations

import argparse
import asyncio
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "seeds" / "nato-iraq-troops.txt"


def article(words: int = 600) -> str:
    """The seed's first ``words`` words, paragraphs kept."""
    kept, count = [], 0
    for paragraph in SEED.read_text(encoding="utf-8").split("\n\n"):
        if count >= words:
            break
        taken = paragraph.split(" ")[: words - count]
        kept.append(" ".join(taken))
        count += len(taken)
    return "\n\n".join(kept) + "\n"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def level(url: str, clients: int, requests: int, seconds: float, body: dict[str, str]) -> None:
    latencies: list[float] = []
    failures: dict[int, int] = {}
    deadline = time.perf_counter() + seconds
    remaining = requests

    async def client(session: httpx.AsyncClient) -> None:
        nonlocal remaining
        while remaining > 0 and time.perf_counter() < deadline:
            remaining -= 1
            started = time.perf_counter()
            answer = await session.post("/v1/check", json=body)
            latencies.append(time.perf_counter() - started)
            if answer.status_code != 200:
                failures[answer.status_code] = failures.get(answer.status_code, 0) + 1

    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=url, limits=limits, timeout=30) as session:
        await session.post("/v1/check", json=body)  # warm: rules compiled, connection open
        started = time.perf_counter()
        await asyncio.gather(*(client(session) for _ in range(clients)))
        elapsed = time.perf_counter() - started
    latencies.sort()
    p99 = latencies[min(len(latencies) - 1, round(0.99 * len(latencies)) - 1)]
    print(
        f"{clients:3} clients: {len(latencies) / elapsed:7.1f} checks/s, "
        f"p50 {statistics.median(latencies) * 1000:6.1f} ms, p99 {p99 * 1000:6.1f} ms "
        f"({len(latencies)} requests in {elapsed:.1f} s)" + (f", failures {failures}" if failures else "")
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=400, help="requests per level, at most")
    parser.add_argument("--seconds", type=float, default=10.0, help="seconds per level, at most")
    parser.add_argument("--workers", type=int, default=1, help="the service's worker processes")
    parser.add_argument("--clients", default="1,8,32", help="concurrent clients per level, comma-separated")
    options = parser.parse_args()
    body = {"text": article()}
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    command = [sys.executable, "-m", "newslint", "serve", "--port", str(port), "--workers", str(options.workers)]
    command += ["--max-pending", "64"]
    with tempfile.TemporaryDirectory() as folder, tempfile.TemporaryFile() as log:
        server = subprocess.Popen(command, cwd=folder, stdout=log, stderr=subprocess.STDOUT)
        try:
            for _ in range(300):
                try:
                    if httpx.get(url + "/healthz", timeout=1).status_code == 200:
                        break
                except httpx.TransportError:
                    time.sleep(0.1)
            else:
                raise SystemExit("the service did not start")
            print(f"article: {len(body['text'].split())} words; service: {options.workers} worker(s)")
            for clients in (int(n) for n in options.clients.split(",")):
                asyncio.run(level(url, clients, options.requests, options.seconds, body))
        finally:
            server.terminate()
            server.wait(10)


if __name__ == "__main__":
    main()
