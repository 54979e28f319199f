"""Readers: bytes to a Document, one module per input format.

A reader module names itself and its file suffixes and parses text into a
Document (``NAME``, ``SUFFIXES``, ``parse(text, path, layout)``); it is found
by discovery, so a new format is one new module here. Reading is shared:
regular files only, up to a size limit (newslint.files). So is decoding:
UTF-8 with or without a byte-order mark (kept for writing back), line endings
untouched, binary or undecodable files refused in one line.

Two optional extensions:

- ``BINARY = True``: the reader takes the file's bytes (``parse(data, path,
  layout)``) and its Document's text is what it extracted. Such files are
  checked, never written (``--fix`` refuses them).
- ``OPTIONS``: option specs (``newslint.options.Option``) a config may set
  under ``readers: {NAME: {...}}``; ``parse`` then takes the validated
  settings, defaults filled in, as a fourth argument.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from types import ModuleType
from typing import Any, BinaryIO

from newslint.document import Document
from newslint.files import DEFAULT_MAX_FILE_SIZE, FileProblem, describe_size, read_regular

BOM = "\ufeff"

Parse = Callable[..., Document]


class ReadError(Exception):
    """A file that cannot be read as an article; the message is one line."""


@dataclass(frozen=True)
class Source:
    """Decoded text plus what is needed to write it back byte for byte."""

    text: str
    bom: bool = False

    def encode(self, text: str) -> bytes:
        return ((BOM if self.bom else "") + text).encode("utf-8")


def decode(data: bytes, name: str) -> Source:
    if b"\x00" in data[:8192]:
        raise ReadError(f"{name}: binary file, not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ReadError(f"{name}: not valid UTF-8 (byte 0x{data[error.start]:02x} at offset {error.start})") from None
    if text.startswith(BOM):
        return Source(text[1:], bom=True)
    return Source(text)


def read_bytes(path: str, limit: int | None = DEFAULT_MAX_FILE_SIZE) -> bytes:
    """The bytes of the article at ``path``: a regular file (never a FIFO or a
    device, which would block or never end) of at most ``limit`` bytes."""
    try:
        return read_regular(path, limit)
    except FileProblem as problem:
        raise ReadError(str(problem)) from None


def read_stream(stream: BinaryIO | None, name: str, limit: int | None = DEFAULT_MAX_FILE_SIZE) -> bytes:
    """Standard input (``stream``), at most ``limit`` bytes; ReadError when it is closed or fails."""
    if stream is None:
        raise ReadError(f"{name}: standard input is closed")
    try:
        data = stream.read(limit + 1) if limit is not None else stream.read()
    except (OSError, ValueError) as error:  # ValueError: a closed file object
        raise ReadError(f"{name}: cannot read standard input: {getattr(error, 'strerror', None) or error}") from None
    if limit is not None and len(data) > limit:
        raise ReadError(f"{name}: over the {describe_size(limit)} limit (--max-file-size raises it)")
    return data


# -- the registry -----------------------------------------------------------------

_READERS: dict[str, ModuleType] = {}


def readers() -> Mapping[str, ModuleType]:
    """Every reader module, by name (imported once, on first use)."""
    if not _READERS:
        for module in pkgutil.iter_modules(__path__):
            if not module.name.startswith("_"):
                reader = importlib.import_module(f"{__name__}.{module.name}")
                _READERS[reader.NAME] = reader
    return _READERS


@cache
def default_suffixes() -> dict[str, str]:
    """Suffix (lower case, with its dot) -> reader name, as the readers declare them."""
    return {suffix: name for name, reader in readers().items() for suffix in reader.SUFFIXES}


def reader_for(path: str | None, suffixes: Mapping[str, str] | None = None) -> str | None:
    """The reader for ``path`` by its suffix, or None for a file newslint does not read."""
    if path is None:
        return None
    table = default_suffixes() if suffixes is None else suffixes
    return table.get(os.path.splitext(path)[1].lower())


def is_binary(reader: str) -> bool:
    """Whether ``reader`` takes a file's bytes rather than its text."""
    return bool(getattr(readers()[reader], "BINARY", False))


def reader_options(reader: str, settings: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """A reader's option values: ``settings`` (validated by the config) over the defaults."""
    specs = getattr(readers()[reader], "OPTIONS", {})
    return {key: (settings or {}).get(key, spec.default) for key, spec in specs.items()}


def parse(
    text: str | bytes,
    path: str | None = None,
    *,
    layout: str = "article",
    reader: str | None = None,
    options: Mapping[str, Any] | None = None,
) -> Document:
    """Parse ``text`` with ``reader``, or the reader ``path``'s suffix names (plain text when unknown).

    ``layout="body"`` reads every paragraph as body copy (for rule examples and
    snippets that have no headline). A binary reader takes bytes; a text
    reader given bytes decodes them first. ``options`` are the config's
    settings for the reader.
    """
    name = reader or reader_for(path) or "text"
    module = readers()[name]
    if is_binary(name) != isinstance(text, bytes):
        if not isinstance(text, bytes):
            raise ReadError(f"{path or '<text>'}: a {name} file is read from its bytes, not from text")
        text = decode(text, path or "<bytes>").text
    if hasattr(module, "OPTIONS"):
        return module.parse(text, path, layout, reader_options(name, options))  # type: ignore[no-any-return]
    return module.parse(text, path, layout)  # type: ignore[no-any-return]


def display_text(path: str, reader: str) -> str:
    """The text a file's line numbers count (for showing a finding's line):
    the decoded file, or what a binary reader extracted; empty if unreadable."""
    try:
        data = read_bytes(path)
        return parse(data, path, reader=reader).text if is_binary(reader) else decode(data, path).text
    except ReadError:
        return ""
