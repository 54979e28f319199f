"""English words, to tell a name from an everyday word.

"Castle Market" and "Cattle Market" are two names made of words, not one
name misspelt; "Ibm" opening a sentence is an acronym written as a word,
while "It" is a word; "Janaury" is the odd one out beside "January". A list
of English words answers each of these where no rule about letters can.

The list (``data/english-words.txt.gz``, 76,000 words, 200 KB) is SCOWL's
American and British lists of size 50, as Debian ships them in wamerican and
wbritish, less words shorter than three letters or with an apostrophe
(``data/english-words.LICENSE`` has SCOWL's notices). Entries keep their case:
"castle" is an everyday word, "January" and "Pennzoil" proper names. It is
read on first use (~25 ms, 1 MB kept), which only an article with a
candidate pair of names or a mixed acronym pays. The entries must stay
sorted (a look-up bisects them). To rebuild it::

    words = {w for f in ("american-english", "british-english")
             for w in open(f"/usr/share/dict/{f}").read().split()
             if len(w) >= 3 and "'" not in w}
    gzip.GzipFile(path, "wb", mtime=0).write(("\\n".join(sorted(words)) + "\\n").encode())
"""

from __future__ import annotations

import bisect
import os
import re
from functools import lru_cache

# os.path, not pathlib, and gzip imported on first use: every run imports this
# module, few read the list.
_PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "english-words.txt.gz")

# Characters of words a bucket of SortedWords holds: a look-up bisects a
# list of a few hundred first words, then searches one bucket this long.
_BUCKET = 512
_LINE_RE = re.compile(r"[^\n]+")


class SortedWords:
    """A set of words (none holding whitespace) kept as a sorted list cut in
    buckets of about _BUCKET characters, each one string.

    A frozenset of the list's 76,000 words took 12 MB, as much as a 5 MB
    article's text twice (a string is 50 bytes before its first letter, a set
    slot 16 more); this takes a little more than the words' own characters,
    0.8 MB, and a look-up is still under a microsecond (the checks ask a few
    thousand in a long article).
    """

    __slots__ = ("_firsts", "_buckets")

    def __init__(self, lines: str) -> None:
        """``lines``: the words in sorted order, each followed by a line break."""
        self._firsts: list[str] = []  # each bucket's first word, for bisecting
        self._buckets: list[str] = []  # "\nword\nword\n": a word is "\n{word}\n" in it
        start = 0
        while start < len(lines):
            end = lines.find("\n", start + _BUCKET)
            end = len(lines) if end == -1 else end + 1
            self._firsts.append(lines[start : lines.index("\n", start)])
            self._buckets.append("\n" + lines[start:end])
            start = end

    def __contains__(self, word: str) -> bool:
        # Only the bucket whose first word is the last not after ``word`` can hold it.
        index = bisect.bisect_right(self._firsts, word) - 1
        return index >= 0 and "\n" not in word and f"\n{word}\n" in self._buckets[index]


@lru_cache(maxsize=1)
def _words() -> tuple[SortedWords, SortedWords]:
    """(every entry as written, the entries that are not in lower case
    lower-cased). The file's entries are sorted and unique."""
    import gzip

    with open(_PATH, "rb") as handle:
        lines = gzip.decompress(handle.read()).decode("utf-8")
    # One word at a time, never a list of all 76,000 (4 MB, while a long
    # article's checks hold the most they will).
    others = {match.group().lower() for match in _LINE_RE.finditer(lines) if not match.group().islower()}
    return SortedWords(lines), SortedWords("".join(word + "\n" for word in sorted(others)))


def everyday_word(word: str) -> bool:
    """An everyday word, in any case: "Castle", "princes", "IT"."""
    lowered = word.lower()
    return lowered.islower() and lowered in _words()[0]


def proper_name(word: str) -> bool:
    """A name the list knows, as written: "Tony", "Will", "January"; not
    "Later"."""
    return word[:1].isupper() and word in _words()[0]


def known_word(word: str) -> bool:
    """A word or a name the list knows, in any case: "January", "Pennzoil",
    "castle"; not "Janaury" nor "Penzoil"."""
    lowered = word.lower()
    entries, others = _words()
    # An entry in lower case is its own lower case.
    return lowered in entries or lowered in others
