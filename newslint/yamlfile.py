"""YAML loading that remembers line numbers, so every error can name one.

Rule and config files may come from anywhere (a repository just cloned), so
loading is bounded: a file is read only if it is a regular file of at most
MAX_YAML_SIZE bytes, nesting is limited to MAX_DEPTH levels, and aliases may
add at most MAX_ALIAS_NODES nodes to what the file spells out (a "billion
laughs" file of a few lines would otherwise expand without end).

Parsed files are kept, line numbers and all, in a user-level cache
(``~/.cache/newslint/yaml/``, or under ``$XDG_CACHE_HOME``), one small JSON
file per entry, named by a hash of the file's bytes: an entry can only ever
serve the very bytes it was parsed from, a run reads only the entries of the
files it loads, and writing one entry costs one small file. A run whose rule
files have not changed then never imports PyYAML, which with parsing is a
tenth of a one-file pre-commit run. An entry is validated as it is read; a
damaged one is a miss. The cache holds only what the files say, so it can
never change a result; validation runs as usual.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Hashable
from functools import cache
from typing import Any

from newslint.files import FileProblem, read_regular, remove_quietly
from newslint.usercache import EntryCache

#: A rule or config file larger than this is refused (the largest word list
#: newsrooms keep is a fraction of it).
MAX_YAML_SIZE = 50_000_000
#: Deeper nesting than any rule or config needs: refused before it can
#: exhaust the stack.
MAX_DEPTH = 100
#: How many nodes aliases may add to a file, beyond the ones written out.
MAX_ALIAS_NODES = 100_000


class YamlError(Exception):
    """``path:line: problem``, one line, for a file an editor wrote."""

    def __init__(self, path: str, line: int | None, problem: str) -> None:
        self.path, self.line, self.problem = path, line, problem
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {problem}")


class LineDict(dict[Any, Any]):
    """A mapping that knows the line of each of its keys."""

    line: int = 0
    key_lines: dict[Any, int]

    def line_of(self, key: Any) -> int:
        return self.key_lines.get(key, self.line)


class LineList(list[Any]):
    line: int = 0
    item_lines: list[int]

    def line_of(self, index: int) -> int:
        return self.item_lines[index] if index < len(self.item_lines) else self.line


@cache
def _loader() -> type:
    """The YAML loader, built on first use: a run whose rule files are all in
    the parsed-YAML cache never imports PyYAML."""
    import yaml

    class Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
        pass

    def mapping(loader: Loader, node: yaml.MappingNode) -> LineDict:
        loader.flatten_mapping(node)
        result = LineDict()
        result.line, result.key_lines = node.start_mark.line + 1, {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, Hashable):
                raise yaml.constructor.ConstructorError(
                    None, None, "a key must be a plain value, not a list or mapping", key_node.start_mark
                )
            if key in result:
                raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)
            result[key] = loader.construct_object(value_node, deep=True)
            result.key_lines[key] = key_node.start_mark.line + 1
        return result

    def sequence(loader: Loader, node: yaml.SequenceNode) -> LineList:
        result = LineList(loader.construct_object(item, deep=True) for item in node.value)
        result.line = node.start_mark.line + 1
        result.item_lines = [item.start_mark.line + 1 for item in node.value]
        return result

    Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, mapping)
    Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, sequence)
    return Loader


def load_yaml(text: str, path: str) -> Any:
    """``text`` parsed, line numbers kept (LineDict, LineList), within the limits above."""
    return _load(text, path, _loader())


def safe_load(text: str, path: str) -> Any:
    """PyYAML's ``safe_load`` (plain dicts and lists, a repeated key's last
    value wins) within the limits above, for YAML newslint only reads
    (Markdown front matter)."""
    import yaml

    return _load(text, path, getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def _load(text: str, path: str, loader_class: Any) -> Any:
    import yaml

    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        _check_shape(node, path)
        return loader.construct_document(node)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        raise YamlError(path, line, f"invalid YAML: {error.problem or error.context}") from None
    except yaml.YAMLError as error:
        raise YamlError(path, None, f"invalid YAML: {error}") from None
    finally:
        loader.dispose()


def _check_shape(root: Any, path: str) -> None:
    """Refuse a node graph nested deeper than MAX_DEPTH, with a recursive
    alias, or whose aliases expand it by more than MAX_ALIAS_NODES nodes.

    Sizes are counted once per node, bottom up and without recursion, so
    checking costs what the file spells out, however far it would expand.
    """
    expanded: dict[int, int] = {}  # id(node) -> nodes it stands for, aliases expanded
    open_nodes: set[int] = set()
    stack: list[tuple[Any, bool, int]] = [(root, False, 1)]
    while stack:
        node, finished, depth = stack.pop()
        key = id(node)
        children = _children(node)
        if finished:
            open_nodes.discard(key)
            expanded[key] = 1 + sum(expanded[id(child)] for child in children)
            if expanded[key] - len(expanded) > MAX_ALIAS_NODES:
                raise YamlError(path, _line(node), f"aliases expand to over {MAX_ALIAS_NODES:,} nodes")
            continue
        if key in expanded:
            continue
        if key in open_nodes:
            raise YamlError(path, _line(node), "an alias refers to a node that contains it")
        if depth > MAX_DEPTH:
            raise YamlError(path, _line(node), f"nested deeper than {MAX_DEPTH} levels")
        open_nodes.add(key)
        stack.append((node, True, depth))
        stack.extend((child, False, depth + 1) for child in children if id(child) not in expanded)


def _children(node: Any) -> list[Any]:
    value = node.value
    if isinstance(value, str):
        return []
    if value and isinstance(value[0], tuple):  # a mapping: (key, value) pairs
        return [part for pair in value for part in pair]
    return list(value)


def _line(node: Any) -> int | None:
    return node.start_mark.line + 1 if node.start_mark is not None else None


def read_yaml(path: str) -> Any:
    """The parsed file, from the parsed-YAML cache when these bytes were parsed before."""
    try:
        data = read_regular(path, MAX_YAML_SIZE)
    except FileProblem as problem:
        raise YamlError(path, None, f"cannot read: {problem.problem}") from None
    parsed = _ParsedCache.instance()
    key = parsed.key(data)
    cached = parsed.get(key)
    if cached is not _MISS:
        return cached
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise YamlError(path, None, f"cannot read: not valid UTF-8 (byte 0x{data[error.start]:02x})") from None
    value = load_yaml(text, path)
    parsed.put(key, value)
    return value


# -- the parsed-YAML cache -------------------------------------------------------

#: Names the encoding below; a change makes every old entry a miss.
_FORMAT = "newslint parsed YAML 2"
_MISS = object()


class _Damaged(Exception):
    """A cache entry that is not what this module writes."""


class _ParsedCache:
    _instance: _ParsedCache | None = None

    def __init__(self) -> None:
        self.entries = EntryCache("yaml", ".json", MAX_YAML_SIZE * 4)
        self.old_file_gone = False

    @classmethod
    def instance(cls) -> _ParsedCache:
        if cls._instance is None:
            cls._instance = cls()
        return cls._instance

    @staticmethod
    def key(data: bytes) -> str:
        return hashlib.sha256(_FORMAT.encode() + b"\0" + data).hexdigest()

    def get(self, key: str) -> Any:
        """The cached value for these bytes, or _MISS."""
        raw = self.entries.read(key)
        if raw is None:
            return _MISS
        try:
            entry = json.loads(raw)
            if not isinstance(entry, list) or len(entry) != 3 or entry[:2] != [_FORMAT, key]:
                raise _Damaged
            return _decode(entry[2])
        except (ValueError, RecursionError, _Damaged):
            return _MISS  # damaged: parse the file

    def put(self, key: str, value: Any) -> None:
        """Remember a freshly parsed file, in its own entry."""
        if self.entries.folder is None:
            return
        try:
            payload = json.dumps([_FORMAT, key, _encode(value)], ensure_ascii=False, separators=(",", ":"))
        except (_Damaged, ValueError, RecursionError):  # a value JSON cannot hold (a YAML date): not cached
            return
        if not self.old_file_gone:  # the one file of old versions, read whole by every run
            remove_quietly(os.path.join(os.path.dirname(self.entries.folder), "parsed-yaml"))
            self.old_file_gone = True
        self.entries.write(key, payload.encode("utf-8"))


#: YAML scalars as JSON holds them (a YAML date, binary or set is not cached).
_SCALARS = (str, int, float, bool, type(None))


def _encode(value: Any) -> Any:
    """Line-numbered mappings and lists as tagged JSON objects."""
    if isinstance(value, LineDict):
        items = []
        for key, item in value.items():
            if not isinstance(key, _SCALARS):
                raise _Damaged
            items.append([key, value.key_lines.get(key, value.line), _encode(item)])
        return {"map": [value.line, items]}
    if isinstance(value, LineList):
        return {"list": [value.line, list(value.item_lines), [_encode(item) for item in value]]}
    if isinstance(value, _SCALARS):
        return value
    raise _Damaged


def _decode(value: Any) -> Any:
    """What ``_encode`` wrote, checked at every step; _Damaged otherwise."""
    if not isinstance(value, dict):
        if isinstance(value, list):
            raise _Damaged
        return value
    if set(value) == {"map"}:
        line, items = _fields(value["map"], 2)
        mapping = LineDict()
        mapping.line, mapping.key_lines = _int(line), {}
        for item in _list(items):
            key, key_line, child = _fields(item, 3)
            if isinstance(key, (dict, list)) or key in mapping:
                raise _Damaged
            mapping[key] = _decode(child)
            mapping.key_lines[key] = _int(key_line)
        return mapping
    if set(value) == {"list"}:
        line, item_lines, items = _fields(value["list"], 3)
        sequence = LineList(_decode(item) for item in _list(items))
        sequence.line, sequence.item_lines = _int(line), [_int(number) for number in _list(item_lines)]
        return sequence
    raise _Damaged


def _fields(value: Any, count: int) -> list[Any]:
    if not isinstance(value, list) or len(value) != count:
        raise _Damaged
    return value


def _list(value: Any) -> list[Any]:
    if not isinstance(value, list):
        raise _Damaged
    return value


def _int(value: Any) -> int:
    if type(value) is not int:
        raise _Damaged
    return value
