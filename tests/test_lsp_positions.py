"""Positions as editors count them: lines ended by \\n, \\r\\n or \\r; columns in UTF-16 units by default."""

from __future__ import annotations

import pytest

pytest.importorskip("lsprotocol", reason="the language server needs the lsp extra: pip install -e '.[test]'")

from lsprotocol.types import Position, PositionEncodingKind  # noqa: E402

from newslint.server.lsp import minimal_change  # noqa: E402
from newslint.server.positions import LineIndex  # noqa: E402


def test_an_emoji_is_two_utf16_units_and_one_character() -> None:
    text = "A 🎉 party…\nnext"
    index = LineIndex(text)
    party = text.index("party")
    assert index.position(party) == Position(line=0, character=5)
    assert index.offset(Position(line=0, character=5)) == party
    assert index.position(text.index("next")) == Position(line=1, character=0)


def test_utf8_and_utf32_clients() -> None:
    text = "café 🎉 x"
    x = text.index("x")
    assert LineIndex(text, PositionEncodingKind.Utf8).position(x) == Position(line=0, character=11)
    assert LineIndex(text, PositionEncodingKind.Utf32).position(x) == Position(line=0, character=7)
    assert LineIndex(text, PositionEncodingKind.Utf8).offset(Position(line=0, character=11)) == x


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_every_line_break_the_protocol_knows(newline: str) -> None:
    text = f"one{newline}two{newline}three"
    index = LineIndex(text)
    assert index.position(text.index("three")) == Position(line=2, character=0)
    assert index.line_text(1) == "two"
    # Past a line's end is its end, not the next line; past the last line, the text's end.
    assert index.offset(Position(line=0, character=99)) == 3
    assert index.offset(Position(line=9, character=0)) == len(text)


def test_one_edit_keeps_the_common_start_and_end() -> None:
    assert minimal_change('He said "yes".', "He said “yes”.") == (8, 13, "“yes”")
    assert minimal_change("aaa", "aaaa") == (3, 3, "a")
    assert minimal_change("same", "same") == (4, 4, "")
