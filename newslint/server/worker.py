"""Checks in a child process, so that a check past its time limit can be stopped.

Python cannot interrupt a thread in the middle of a regular expression; it
can kill a process. Each worker of the HTTP service hands its checks, one at
a time, to a child process of its own holding a Checker, and kills it when a
check runs past the time limit (a megabyte of quotation marks takes tens of
seconds); the next check starts a fresh child. The event loop never runs a
check itself, so it stays free to answer health checks and other clients.

The child also keeps its rules fresh: at most once a second, before a check,
it looks at the config and rule files and reloads when they changed, keeping
the last good rules when the change breaks them.
"""

from __future__ import annotations

import json
import logging
import multiprocessing
import threading
import time
import traceback
from multiprocessing.connection import Connection
from typing import Any

from newslint.config import ConfigError
from newslint.server.checker import ApiError, Checker
from newslint.yamlfile import YamlError

#: Seconds between the child's looks at the config and rule files for changes.
RELOAD_INTERVAL = 1.0
#: Seconds a new child may take to load its rules before it is given up on.
START_TIMEOUT = 120.0
#: What a request may ask the child to run: Checker methods.
METHODS = ("check", "fix", "rules")
logger = logging.getLogger("newslint.serve")


class WorkerLost(Exception):
    """The child died during a call (killed after the time limit, or crashed); a new one is starting."""


class CheckWorker:
    """The parent's handle on one child. ``call`` blocks: run it on one thread
    (the service's check thread); ``kill`` may come from any other."""

    def __init__(self, config: str | None, packs: tuple[str, ...]) -> None:
        self.config, self.packs = config, packs
        self._process: Any = None
        self._connection: Connection | None = None
        self._lock = threading.Lock()
        self._running: object | None = None  # the call the child is working on

    def start(self) -> None:
        """Start a child and wait until its rules are loaded; ConfigError if they cannot be."""
        context = multiprocessing.get_context("spawn")  # forking a process with threads is unsafe
        parent, child = context.Pipe()
        process = context.Process(
            target=_child, args=(child, self.config, self.packs), name="newslint-check", daemon=True
        )
        process.start()
        child.close()  # ours closed, the child's death ends our reads
        try:
            if not parent.poll(START_TIMEOUT):
                process.kill()
                raise ConfigError(f"the checking process did not start within {START_TIMEOUT:g} s")
            kind, value = parent.recv()
        except (EOFError, OSError):
            process.join(5)
            raise ConfigError(f"the checking process exited as it started (exit status {process.exitcode})") from None
        if kind != "ready":
            process.join()
            raise ConfigError(str(value))
        with self._lock:
            self._process, self._connection = process, parent

    def call(self, method: str, argument: Any, call: object | None = None) -> bytes:
        """Run ``Checker.<method>(argument)`` in the child and return its result
        as JSON, raising the ApiError it raised; WorkerLost when the child dies meanwhile.
        ``call`` names this call for ``kill``."""
        self.ensure_started()
        assert self._connection is not None
        with self._lock:
            self._running = call
        try:
            self._connection.send((method, argument))
            kind, value = self._connection.recv()
        except (EOFError, OSError):
            self._discard()
            raise WorkerLost() from None
        finally:
            with self._lock:
                self._running = None
        if kind == "ok":
            return bytes(value)
        if kind == "api_error":
            status, code, message, details = value
            raise ApiError(status, code, message, **details)
        raise RuntimeError(f"the checking process failed:\n{value}")

    def ensure_started(self) -> None:
        """A child ready to check: the one there is, or a new one."""
        if self._process is None or not self._process.is_alive():
            self._discard()
            self.start()

    @property
    def process(self) -> Any:
        """The child process (a multiprocessing Process), None before it starts."""
        return self._process

    def kill(self, call: object | None = None) -> None:
        """Stop the child at once if it is working on ``call`` (any call when
        None): that check ran past its time. The next call starts another child."""
        with self._lock:
            if call is not None and self._running is not call:
                return
            if self._process is not None and self._process.is_alive():
                self._process.kill()

    def stop(self) -> None:
        self.kill()
        self._discard()

    def _discard(self) -> None:
        with self._lock:
            if self._connection is not None:
                self._connection.close()
            if self._process is not None:
                self._process.join(5)
            self._process, self._connection = None, None


class _FreshChecker:
    """The child's Checker, reloaded when its files change."""

    def __init__(self, config: str | None, packs: tuple[str, ...]) -> None:
        self.config, self.packs = config, packs
        self.checker = Checker(config, packs)
        self.state = self.checker.snapshot()
        self.looked = time.monotonic()

    def current(self) -> Checker:
        now = time.monotonic()
        if now - self.looked >= RELOAD_INTERVAL:
            self.looked = now
            state = self.checker.snapshot()
            if state != self.state:
                self.state = state
                try:
                    self.checker = Checker(self.config, self.packs)
                    self.state = self.checker.snapshot()
                    logger.warning("newslint serve: rules changed: reloaded")
                except (ConfigError, YamlError) as error:
                    logger.error("newslint serve: rules changed but cannot be loaded, keeping the last good: %s", error)
        return self.checker


def _child(connection: Connection, config: str | None, packs: tuple[str, ...]) -> None:
    logging.basicConfig(format="%(message)s")
    try:
        fresh = _FreshChecker(config, packs)
    except (ConfigError, YamlError) as error:
        connection.send(("failed", str(error)))
        return
    connection.send(("ready", None))
    while True:
        try:
            method, argument = connection.recv()
        except (EOFError, OSError):
            return  # the parent is gone
        connection.send(_answer(fresh, method, argument))


def _answer(fresh: _FreshChecker, method: str, argument: Any) -> tuple[str, Any]:
    if method not in METHODS:
        return "crash", f"unknown method {method!r}"
    try:
        # Encoded here, in the child: the parent only passes the bytes on.
        result = getattr(fresh.current(), method)(argument)
        return "ok", json.dumps(result, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    except ApiError as error:
        return "api_error", (error.status, error.code, error.message, error.details)
    except Exception:
        return "crash", traceback.format_exc()
