"""Whether the files a Linter's rules come from have changed.

A long-lived process keeps its rules compiled; the newsroom edits
``newslint.yaml`` or a house rule and expects the next check to follow it.
Editors that can watch files tell the language server; the others, and the
HTTP service, look for themselves, at most once a second, with this: the
modification time and size of every config, pack folder, family folder and
rule file (a folder's time changes when a rule file is added or removed).
"""

from __future__ import annotations

import os
from collections.abc import Iterable

from newslint.config import Config
from newslint.linter import Linter

Snapshot = dict[str, "tuple[int, int] | None"]


def rule_files(linter: Linter, configs: Iterable[Config]) -> set[str]:
    paths: set[str] = set()
    for config in configs:
        if config.path is not None:
            paths.add(config.path)
        for pack in linter.packs.chain(config):
            paths.add(pack.path)
        for file in linter.packs.files(config):
            paths.update((file, os.path.dirname(file)))
    return paths


def snapshot(paths: Iterable[str]) -> Snapshot:
    return {path: _stat(path) for path in sorted(paths)}


def _stat(path: str) -> tuple[int, int] | None:
    try:
        status = os.stat(path)
    except OSError:
        return None
    return status.st_mtime_ns, status.st_size
