"""Offsets into an article as editors count them.

newslint counts characters (code points) from the start of the text; the
Language Server Protocol counts lines (ended by ``\\n``, ``\\r\\n`` or ``\\r``)
and, within a line, code units of the encoding the client and server agreed
on: UTF-16 unless both said otherwise. An emoji is one character to newslint
and two UTF-16 units to most editors, so every position crosses here.
"""

from __future__ import annotations

import bisect
import re

from lsprotocol import types

_LINE_END_RE = re.compile(r"\r\n|\r|\n")


class LineIndex:
    """Converts between character offsets into ``text`` and LSP positions."""

    def __init__(
        self, text: str, encoding: str | types.PositionEncodingKind = types.PositionEncodingKind.Utf16
    ) -> None:
        self.text = text
        self.encoding = getattr(encoding, "value", encoding)  # "utf-8", "utf-16" or "utf-32"
        self.starts = [0] + [match.end() for match in _LINE_END_RE.finditer(text)]

    def _units(self, chars: str) -> int:
        if self.encoding == "utf-32" or chars.isascii():
            return len(chars)
        if self.encoding == "utf-8":
            return len(chars.encode("utf-8", "surrogatepass"))
        return len(chars.encode("utf-16-le", "surrogatepass")) // 2

    def _line_end(self, line: int) -> int:
        """Where line ``line``'s text ends (before its line break)."""
        if line + 1 < len(self.starts):
            end = self.starts[line + 1]
            return end - (2 if self.text.startswith("\r\n", end - 2) else 1)
        return len(self.text)

    def position(self, offset: int) -> types.Position:
        offset = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(self.starts, offset) - 1
        return types.Position(line=line, character=self._units(self.text[self.starts[line] : offset]))

    def range(self, start: int, end: int) -> types.Range:
        return types.Range(start=self.position(start), end=self.position(end))

    def offset(self, position: types.Position) -> int:
        """The character offset of ``position``; past a line's end is its end
        (as the protocol says), past the last line the end of the text."""
        if position.line >= len(self.starts):
            return len(self.text)
        start, end = self.starts[position.line], self._line_end(position.line)
        if self.encoding == "utf-32" or self.text[start:end].isascii():
            return min(start + position.character, end)
        units = 0
        for index in range(start, end):
            if units >= position.character:
                return index
            units += self._units(self.text[index])
        return end

    def line_text(self, line: int) -> str:
        """Line ``line`` (0-based) without its line break."""
        return self.text[self.starts[line] : self._line_end(line)]
