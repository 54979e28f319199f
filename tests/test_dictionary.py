"""The English word list: kept sorted in buckets, asked like sets."""

from __future__ import annotations

import gzip

from newslint import dictionary
from newslint.dictionary import SortedWords, everyday_word, known_word, proper_name


def _entries() -> list[str]:
    with open(dictionary._PATH, "rb") as handle:
        return gzip.decompress(handle.read()).decode("utf-8").split("\n")[:-1]


def test_the_list_is_sorted_and_unique() -> None:
    # SortedWords finds a word by bisecting: it relies on this.
    entries = _entries()
    assert entries == sorted(set(entries))


def test_sorted_words_answers_as_a_set() -> None:
    words = ["Alpha", "alpha", "beta", "delta", "gamma", "zeta"]
    found = SortedWords("".join(word + "\n" for word in words))
    for word in [*words, "", "Beta", "alph", "alphas", "omega", "\n", "beta\ndelta", "AAA"]:
        assert (word in found) == (word in set(words)), word


def test_look_ups_match_the_sets_they_replace() -> None:
    entries = _entries()
    lowered = {entry.lower() for entry in entries}
    in_lower_case = {entry for entry in entries if entry.islower()}
    capitalised = {entry for entry in entries if entry[:1].isupper()}
    for entry in entries[::7]:
        for word in (entry, entry.lower(), entry.upper(), entry.capitalize(), entry + "s", entry[:-1]):
            assert everyday_word(word) == (word.lower() in in_lower_case), word
            assert proper_name(word) == (word in capitalised), word
            assert known_word(word) == (word.lower() in lowered), word
