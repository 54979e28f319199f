"""A progress bar on stderr, for long runs at a terminal only.

Never in CI logs or pipes (stderr not a terminal), never for a handful of
files: there it would only be noise.
"""

from __future__ import annotations

import time
from typing import TextIO

MIN_FILES = 200
_WIDTH = 30


class Progress:
    def __init__(self, total: int, stream: TextIO) -> None:
        isatty = getattr(stream, "isatty", lambda: False)
        self.enabled = total >= MIN_FILES and bool(isatty())
        self.total, self.stream = total, stream
        self._last = 0.0

    def update(self, done: int) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self._last < 0.1 and done != self.total:  # a redraw per file would cost more than the file
            return
        self._last = now
        filled = _WIDTH * done // self.total
        self.stream.write(f"\r[{'#' * filled}{' ' * (_WIDTH - filled)}] {done}/{self.total} files")
        self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\r" + " " * (_WIDTH + 30) + "\r")
            self.stream.flush()
