"""YAML loading that remembers line numbers, so every error can name one.

Parsed rule files are kept, line numbers and all, in a user-level cache
(``~/.cache/newslint/parsed-yaml``, or under ``$XDG_CACHE_HOME``), like Python's
bytecode cache: an entry serves while its file keeps its size and modification
time. A run whose rule files have not changed then never imports PyYAML, which
with parsing is a tenth of a one-file pre-commit run. The cache holds only
what the files say, so it can never change a result; validation runs as usual.
"""

from __future__ import annotations

import marshal
import os
import sys
from functools import cache
from typing import Any


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
    import yaml

    try:
        return yaml.load(text, Loader=_loader())
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        raise YamlError(path, line, f"invalid YAML: {error.problem or error.context}") from None
    except yaml.YAMLError as error:
        raise YamlError(path, None, f"invalid YAML: {error}") from None


def read_yaml(path: str) -> Any:
    """The parsed file, from the parsed-YAML cache while the file is unchanged."""
    try:
        status = os.stat(path)
        stamp = (status.st_mtime_ns, status.st_size)
        cached = _ParsedCache.instance().get(path, stamp)
        if cached is not None:
            return _decode(cached)
        with open(path, encoding="utf-8-sig") as handle:
            text = handle.read()
    except (OSError, UnicodeDecodeError) as error:
        raise YamlError(path, None, f"cannot read: {getattr(error, 'strerror', None) or error}") from None
    data = load_yaml(text, path)
    _ParsedCache.instance().put(path, stamp, data)
    return data


# -- the parsed-YAML cache -------------------------------------------------------

#: Entries are (mtime_ns, size, encoded data); the format is marshal's, so the
#: key names the Python version and marshal's format as well as ours.
Entry = tuple[int, int, Any]


def _format_key() -> str:
    from newslint.version import __version__

    return f"newslint {__version__}, python {sys.version_info[0]}.{sys.version_info[1]}, marshal {marshal.version}"


class _ParsedCache:
    _instance: _ParsedCache | None = None

    def __init__(self, file: str | None) -> None:
        self.file = file
        self.entries: dict[str, Entry] = {}
        self.pruned = False
        if file is None:
            return
        try:
            with open(file, "rb") as handle:
                key, entries = marshal.load(handle)
            if key == _format_key() and isinstance(entries, dict):
                self.entries = entries
        except (OSError, EOFError, ValueError, TypeError):
            pass  # missing, from another version or damaged: start afresh

    @classmethod
    def instance(cls) -> _ParsedCache:
        if cls._instance is None:
            cls._instance = cls(_cache_file())
        return cls._instance

    def get(self, path: str, stamp: tuple[int, int]) -> Any:
        entry = self.entries.get(os.path.abspath(path))
        return entry[2] if entry is not None and entry[:2] == stamp else None

    def put(self, path: str, stamp: tuple[int, int], data: Any) -> None:
        """Remember a freshly parsed file; written at once, atomically, so a
        process that stops early or runs beside another never leaves half a file."""
        if self.file is None:
            return
        if not self.pruned:  # rule files since deleted go, once per process that writes
            self.entries = {known: entry for known, entry in self.entries.items() if os.path.exists(known)}
            self.pruned = True
        try:
            self.entries[os.path.abspath(path)] = (*stamp, _encode(data))
            payload = marshal.dumps((_format_key(), self.entries))
        except ValueError:  # a value marshal cannot hold (a YAML date): not cached
            self.entries.pop(os.path.abspath(path), None)
            return
        temporary = f"{self.file}.{os.getpid()}.tmp"
        try:
            os.makedirs(os.path.dirname(self.file), exist_ok=True)
            with open(temporary, "wb") as handle:
                handle.write(payload)
            os.replace(temporary, self.file)
        except OSError:
            self.file = None  # a read-only home: parse every time, quietly
            try:
                os.remove(temporary)
            except OSError:
                pass


def _cache_file() -> str | None:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "newslint", "parsed-yaml") if os.path.isabs(base) else None


def _encode(value: Any) -> Any:
    """Line-numbered mappings and lists as plain tuples marshal can store."""
    if isinstance(value, LineDict):
        items = [(key, value.key_lines.get(key, value.line), _encode(item)) for key, item in value.items()]
        return ("map", value.line, items)
    if isinstance(value, LineList):
        return ("list", value.line, list(value.item_lines), [_encode(item) for item in value])
    return value  # YAML's own scalars; tuples never come from YAML


def _decode(value: Any) -> Any:
    if not isinstance(value, tuple):
        return value
    if value[0] == "map":
        mapping = LineDict()
        mapping.line, mapping.key_lines = value[1], {}
        for key, line, item in value[2]:
            mapping[key] = _decode(item)
            mapping.key_lines[key] = line
        return mapping
    sequence = LineList(_decode(item) for item in value[3])
    sequence.line, sequence.item_lines = value[1], value[2]
    return sequence
