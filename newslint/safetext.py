"""Text from articles, rule files and file names, made safe to print.

An article, a rule file or a file name may hold anything: terminal escape
sequences (clear the screen, retitle the window, write the clipboard), line
breaks that would forge output lines (a CI system obeys a line that starts
``::error``), bidirectional overrides that reorder what a line appears to say,
or bytes that are not UTF-8. Human output goes through ``shown()``, JSON
through ``dump_json()``.
"""

from __future__ import annotations

import json
import re

#: What must not reach a reader raw: C0 controls but the tab, DEL and the C1
#: controls (terminal escape sequences, carriage returns, line feeds), line and
#: paragraph separators, bidirectional embeddings, overrides and isolates
#: (which reorder what a line appears to say), the two non-characters XML
#: forbids, and lone surrogates (a file name that is not UTF-8).
_UNSAFE_RE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufffe\uffff\ud800-\udfff]")
#: What JSON leaves raw but line-splitting readers or JavaScript take as breaks.
_JSON_UNSAFE_RE = re.compile("[\x7f-\x9f\u2028\u2029\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r"}


def _escape(char: str) -> str:
    code = ord(char)
    if char in _NAMED:
        return _NAMED[char]
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a file name that was not UTF-8 (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def shown(text: str) -> str:
    """``text`` safe to print on one line: every unsafe character as an escape (``\\x1b``, ``\\n``)."""
    return _UNSAFE_RE.sub(lambda match: _escape(match.group()), text)


def printable_path(path: str) -> str:
    """A path as text any encoder takes: the bytes of a name that is not UTF-8 as ``\\xNN``."""
    return re.sub("[\ud800-\udfff]", lambda match: _escape(match.group()), path)


def dump_json(value: object, indent: int | None = None) -> str:
    """JSON that any parser and any line-splitting reader take as written."""
    text = json.dumps(value, indent=indent, ensure_ascii=False)
    return _JSON_UNSAFE_RE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)
