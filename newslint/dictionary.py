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
read on first use (~25 ms), which only an article with a candidate pair of
names or a mixed acronym pays. To rebuild it::

    words = {w for f in ("american-english", "british-english")
             for w in open(f"/usr/share/dict/{f}").read().split()
             if len(w) >= 3 and "'" not in w}
    gzip.GzipFile(path, "wb", mtime=0).write(("\\n".join(sorted(words)) + "\\n").encode())
"""

from __future__ import annotations

import os
from functools import lru_cache

# os.path, not pathlib, and gzip imported on first use: every run imports this
# module, few read the list.
_PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "english-words.txt.gz")


@lru_cache(maxsize=1)
def _words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(every entry lower-cased, the entries written in lower case, the
    capitalised ones)."""
    import gzip

    with open(_PATH, "rb") as handle:
        entries = gzip.decompress(handle.read()).decode("utf-8").split()
    return (
        frozenset(entry.lower() for entry in entries),
        frozenset(entry for entry in entries if entry.islower()),
        frozenset(entry for entry in entries if entry[:1].isupper()),
    )


def everyday_word(word: str) -> bool:
    """An everyday word, in any case: "Castle", "princes", "IT"."""
    return word.lower() in _words()[1]


def proper_name(word: str) -> bool:
    """A name the list knows, as written: "Tony", "Will", "January"; not
    "Later"."""
    return word in _words()[2]


def known_word(word: str) -> bool:
    """A word or a name the list knows, in any case: "January", "Pennzoil",
    "castle"; not "Janaury" nor "Penzoil"."""
    return word.lower() in _words()[0]
