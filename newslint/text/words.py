"""Where words stand as whole words, for many words in one pass.

Looking for each of a document's surnames (or compounds) with ``str.find``
over the whole text costs a pass per word: nothing on a news story naming
three people, but a 5 MB transcript or archive dump names hundreds, and the
passes add up to minutes. ``whole_word_offsets`` gives the same offsets for
any number of words at the cost of one pass.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from newslint.patterns import trie

#: Marks that, just before a word, make it part of something else
#: ("@Hollis", "#Hollis", "O'Hollis", "www.hollis"); a letter, a digit, "_"
#: and "-" always do.
NOT_BEFORE = ("’", "'", "@", "#", ".")
#: Up to this many words, one ``str.find`` pass each is cheaper than
#: compiling a pattern for them (a pattern costs ~0.1 ms to compile; a find
#: pass over a 2 KB story costs microseconds).
_FIND_AT_MOST = 8


def whole_word_offsets(
    text: str, words: Collection[str], not_before: tuple[str, ...] = NOT_BEFORE
) -> dict[str, list[int]]:
    """Each of ``words`` (letters, digits and hyphens) with the offsets, in
    order, where it stands in ``text`` as a whole word: with no letter,
    digit, ``_`` or ``-`` right after it, and none of those nor one of
    ``not_before`` right before.

    Blocks begin and end where words do (every reader's, and a test says
    so), so a word stands whole in a block exactly when it does in the text.
    """
    if len(words) <= _FIND_AT_MOST:
        return {word: _find_whole(text, word, not_before) for word in words}
    if all("-" in word for word in words):
        return _hyphened(text, words, not_before)
    found: dict[str, list[int]] = {word: [] for word in words}
    # The stdlib engine skips to the words' first letters; the lookahead
    # asks for the end of the whole run of word characters and hyphens,
    # where _find_whole asks that nothing of the kind follows. A match the
    # lookbehind test turns away ends where that run ends, so no whole-word
    # occurrence can start inside it: a non-overlapping scan misses none.
    # (Unicode \w of the stdlib engine is exactly str.isalnum() and "_".)
    pattern = re.compile(f"(?:{trie(words)})(?![\\w-])")
    for match in pattern.finditer(text):
        start = match.start()
        before = text[start - 1 : start]
        if not (before.isalnum() or before in ("_", "-") or before in not_before):
            found[match.group()].append(start)
    return found


# The run of word characters and hyphens that ends where the search ends.
_RUN_BEFORE_RE = re.compile(r"[\w-]*\Z")
_RUN_AFTER_RE = re.compile(r"[\w-]*")


def _hyphened(text: str, words: Collection[str], not_before: tuple[str, ...]) -> dict[str, list[int]]:
    """whole_word_offsets for words that all hold a hyphen (compounds): a
    whole word is a whole run of word characters and hyphens, so each run
    around a hyphen is read and looked up. Hyphens are far rarer than the
    first letters of hundreds of compounds, which a pattern of them would
    stop at (the BBC corpus as one file: 0.24 -> 0.03 s)."""
    found: dict[str, list[int]] = {word: [] for word in words}
    longest = max(map(len, words))
    # A run is read back from its first hyphen this far at most: one whose
    # first part is longer than every word's is none of them.
    first_part = max(len(word.partition("-")[0]) for word in words) + 1
    hyphen = text.find("-")
    while hyphen != -1:  # the first hyphen of a run: the last run ended before it
        floor = max(0, hyphen - first_part)
        start = _RUN_BEFORE_RE.search(text, floor, hyphen).start()  # type: ignore[union-attr]
        end = _RUN_AFTER_RE.match(text, hyphen).end()  # type: ignore[union-attr]
        if start > floor or floor == 0:  # the whole run was read back
            word = text[start:end] if end - start <= longest else ""
            before = text[start - 1 : start]
            if word in found and not (before.isalnum() or before in ("_", "-") or before in not_before):
                found[word].append(start)
        hyphen = text.find("-", end)
    return found


def _find_whole(text: str, word: str, not_before: tuple[str, ...]) -> list[int]:
    offsets = []
    size = len(word)
    index = text.find(word)
    while index != -1:
        before, after = text[index - 1 : index], text[index + size : index + size + 1]
        if not (before.isalnum() or before in ("_", "-") or before in not_before):
            if not (after.isalnum() or after in ("_", "-")):
                offsets.append(index)
        index = text.find(word, index + 1)
    return offsets
