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
