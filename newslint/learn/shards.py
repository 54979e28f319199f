"""Reading an archive in shards, one process each: the map of a map-reduce.

Each shard walks the same paths (walking is cheap beside parsing) and takes
every ``jobs``-th article, so no list of the archive is ever held: a shard
holds one article at a time and its own result, whose size the caller
bounds. The results come back to this process to be merged (the reduce);
a run over machines would run the same ``work`` per shard and merge the same
way.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

from newslint.config import Config
from newslint.document import Document
from newslint.linter import Linter
from newslint.readers import ReadError, decode, parse, read_bytes, reader_for
from newslint.walk import walk

T = TypeVar("T")
Articles = Iterator[tuple[str, Document, int]]  # (path, document, date as YYYYMMDD or 0)
Work = Callable[[Articles], T]

#: Files in an archive that are not articles: its own notes.
NOT_ARTICLES = frozenset(("readme.md", "readme.txt", "readme", "license.md", "changelog.md"))


def articles(paths: Sequence[str], shard: int = 0, shards: int = 1, errors: list[str] | None = None) -> Articles:
    """Every ``shards``-th article under ``paths`` from the ``shard``-th,
    parsed by the reader for its format, in walking order."""
    linter = Linter()

    def config_for(path: str) -> Config:
        return linter.config_for(path) if os.path.exists(path) else Config()

    index = -1
    for found in walk(paths, config_for, lambda path, config: reader_for(path) is not None):
        if found.error:
            if errors is not None and shard == 0:
                errors.append(f"{found.path}: {found.error}")
            continue
        if found.config is None or os.path.basename(found.path).lower() in NOT_ARTICLES:
            continue
        index += 1
        if index % shards != shard:
            continue
        try:
            text = decode(read_bytes(found.path), found.path).text
        except ReadError as error:
            if errors is not None:
                errors.append(str(error))
            continue
        doc = parse(text, found.path)
        yield found.path, doc, _date(doc, found.path)


_DATE_LINE_RE = re.compile(r"^(?:date|published):[ \t]*[\"']?(\d{4}-\d{2}-\d{2})", re.MULTILINE)


def _date(doc: Document, path: str) -> int:
    """The article's date: its front matter's ``date``, else the file's."""
    value = doc.meta.get("date") or doc.meta.get("published")
    if not value and doc.fixable_from:  # the reader keeps only the keys it needs: read the front matter's line
        found = _DATE_LINE_RE.search(doc.text, 0, doc.fixable_from)
        value = found.group(1) if found else None
    text = str(value)[:10] if value else ""
    if len(text) == 10 and text[4] == "-" and text[7] == "-" and (text[:4] + text[5:7] + text[8:]).isdigit():
        return int(text[:4] + text[5:7] + text[8:])
    import time

    try:
        stamp = time.gmtime(os.stat(path).st_mtime)
    except OSError:
        return 0
    return stamp.tm_year * 10000 + stamp.tm_mon * 100 + stamp.tm_mday


def map_shards(paths: Sequence[str], work: Work[T], jobs: int) -> tuple[list[T], list[str]]:
    """``work`` over each of ``jobs`` shards of the articles under ``paths``,
    in forked processes where the platform forks; the results, shard by
    shard, and the paths that could not be read."""
    if jobs <= 1:
        errors: list[str] = []
        return [work(articles(paths, 0, 1, errors))], errors
    import multiprocessing

    from newslint.parallel import CAN_FORK

    if CAN_FORK:
        # Forked workers inherit ``work`` (compiled rules and all) instead of
        # receiving it pickled: only the shard number travels.
        _inherited["work"] = work
        try:
            with multiprocessing.get_context("fork").Pool(jobs) as pool:
                outcomes = pool.starmap(_forked_shard, [(paths, shard, jobs) for shard in range(jobs)])
        finally:
            _inherited.clear()
    else:
        with multiprocessing.get_context("spawn").Pool(jobs) as pool:
            outcomes = pool.starmap(_shard, [(paths, work, shard, jobs) for shard in range(jobs)])
    return [result for result, _ in outcomes], [error for _, errors in outcomes for error in errors]


_inherited: dict[str, Any] = {}


def _forked_shard(paths: Sequence[str], shard: int, shards: int) -> tuple[Any, list[str]]:
    return _shard(paths, _inherited["work"], shard, shards)


def _shard(paths: Sequence[str], work: Work[T], shard: int, shards: int) -> tuple[T, list[str]]:
    errors: list[str] = []
    return work(articles(paths, shard, shards, errors)), errors
