"""Every pass linear in the document: the one-pass forms of what was a pass
per word, per name or per paragraph find exactly what the passes found, and
a text eight times as long costs about eight times as much."""

from __future__ import annotations

import random
import re
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from support import ROOT

import newslint
from newslint.checks import abbreviations, name_variant
from newslint.config import from_text
from newslint.document import Document
from newslint.readers import parse
from newslint.readers.text import _URL_RE, url_spans
from newslint.text.words import NOT_BEFORE, whole_word_offsets

# -- whole words, all at once --------------------------------------------------------


def _brute_whole_words(text: str, word: str, not_before: tuple[str, ...]) -> list[int]:
    """The definition, one position at a time."""
    found = []
    for index in range(len(text) - len(word) + 1):
        if not text.startswith(word, index):
            continue
        before, after = text[index - 1 : index], text[index + len(word) : index + len(word) + 1]
        if before.isalnum() or before in ("_", "-") or before in not_before:
            continue
        if after.isalnum() or after in ("_", "-"):
            continue
        found.append(index)
    return found


WORDS = ["Hollis", "Hol", "lis", "Al-Kadhimi", "Al", "Kadhimi", "anglo-french", "é", "Bé", "a-b", "Hol-lis"]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from([*WORDS, " ", "-", "_", "'", "’", "@", "#", ".", "x", "1", "\n", "\u0301"]), max_size=40)
)
def test_whole_words_in_one_pass_are_where_a_search_per_word_finds_them(pieces: list[str]) -> None:
    text = "".join(pieces)
    few = ["Hollis", "Al"]  # searched one by one
    many = WORDS + [f"Filler{n}" for n in range(10)]  # one pattern for all
    hyphened = ["Al-Kadhimi", "anglo-french", "a-b", "x-1", "Bé-é", "-", "Hol-lis"] + [f"F-{n}" for n in range(5)]
    for not_before in (NOT_BEFORE, ("'", "’", ".")):
        for words in (few, many, hyphened):
            found = whole_word_offsets(text, words, not_before)
            assert found == {word: _brute_whole_words(text, word, not_before) for word in words}


# -- blocks begin and end where words do --------------------------------------------


SAMPLES = {
    "a.txt": "Smith wins\n\nSmith said so.  Jones-Smith agreed\n\nO'Brien: www.example.com and me@example.com\n",
    "a.md": "---\ntitle: Smith wins\n---\n\n# Smith\n\n**Smith** said [Jones](http://x.y) `code` so.\n\n> Quoted Smith\n",
    "a.mdx": "# Smith\n\nimport X from 'y'\n\n<Box>Smith</Box> said {1 + 1} so.\n",
    "a.html": "<h1>Smith</h1><p>Smith&rsquo;s <b>word</b></p><p>Jones<br>Smith</p><figcaption>Cap</figcaption>",
}


@pytest.mark.parametrize("path", [*SAMPLES, *(str(p) for p in sorted((ROOT / "seeds").iterdir()))])
def test_blocks_begin_and_end_where_words_do(path: str) -> None:
    """What finds words over the whole prose relies on it: a word stands
    whole in a block exactly when it does in the prose."""
    text = SAMPLES.get(path) or Path(path).read_text(encoding="utf-8")
    doc = parse(text, path)
    for block in doc.blocks:
        before, after = doc.prose[block.start - 1 : block.start], doc.prose[block.end : block.end + 1]
        assert not (before.isalnum() or before in ("_", "-")), (path, block)
        assert not (after.isalnum() or after in ("_", "-")), (path, block)


# -- the document's own words ------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(["wave", "Wave", "waved", "new-wave", "wave's", " ", ".", "\n", "’", "a&b"]), max_size=20),
    st.sampled_from(["wave", "waved", "a&b", "new-wave", "ave"]),
)
def test_has_word_is_a_whole_word_search(pieces: list[str], word: str) -> None:
    prose = "".join(pieces)
    expected = re.search(rf"(?<![\w'’-]){re.escape(word)}(?![\w'’-])", prose) is not None
    assert Document(text=prose, prose=prose, blocks=[]).has_word(word) == expected
    long = prose + " " * 60_000  # a long text: its words listed, not searched
    assert Document(text=long, prose=long, blocks=[]).has_word(word) == expected


def test_block_index_and_sentences_in() -> None:
    doc = parse("Head line\n\nOne. Two.\n\nThree. Four.\n", "a.txt")
    for index, block in enumerate(doc.blocks):
        assert doc.block_index(block) == index
        assert doc.sentences_in(block.start, block.end) == [
            s for s in doc.sentences if block.start <= s.start < block.end
        ]


# -- URLs found line by line ------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(["http://a.b/c", "www.x.org", "me@x.com", "a", " ", "\n", ".", "@", "://"]), max_size=30)
)
def test_urls_found_line_by_line_are_those_of_one_search(pieces: list[str]) -> None:
    text = "".join(pieces)
    for start, end in ((0, len(text)), (1, max(1, len(text) - 2))):
        expected = [m.span() for m in _URL_RE.finditer(text, start, end)]
        assert url_spans(text, start, end) == expected


# -- full names of abbreviations ---------------------------------------------------------


def _first_full_name(doc: Document, short: str, limit: int) -> tuple[int, int] | None:
    """The scan of every paragraph up to ``limit`` that _FullNames replaces."""
    for body in doc.body:
        if body.start > limit:
            break
        found = abbreviations._full_name_in(doc.prose[body.start : min(body.end, limit)], short)
        if found is not None:
            return body.start + found[0], body.start + found[1]
    return None


NAME_WORDS = ["Office", "for", "National", "Statistics", "of", "the", "Anti-Social", "UK", "Independence", "Party"]
NAME_WORDS += ["PlayStation", "Portable", "and", "Of", "research", "Development", "R&D", "ONS", "PSP", "UKIP", "the"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.sampled_from(NAME_WORDS), min_size=1, max_size=12), min_size=1, max_size=6))
def test_full_names_filed_by_two_letters_are_those_a_scan_finds(paragraphs: list[list[str]]) -> None:
    text = "Headline\n\n" + "\n\n".join(" ".join(words) + "." for words in paragraphs) + "\n"
    doc = parse(text, "a.txt")
    for short in ("ONS", "ASB", "UKIP", "PSP", "R&D", "NS", "OFT", "ANP"):
        for limit in (len(text), doc.body[0].end if doc.body else 0):
            names = abbreviations._FullNames(doc)
            assert names.first(short, limit) == _first_full_name(doc, short, limit)


# -- names: only the words that can pair are read in context -----------------------------


def test_name_variants_read_from_the_paired_words_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = [(ROOT / "seeds" / "nato-iraq-troops.txt").read_text(encoding="utf-8"), _long_article(40, seed=3)]
    texts.append("Stoltenberg said\n\nStoltenberg said. Stoltenburg said. Al-Kadhimi met Al Kadhimi and TimeWarner.\n")
    config = from_text("extends: [core]\n")
    found = [newslint.lint_text(text, path="a.txt", config=config) for text in texts]
    monkeypatch.setattr(name_variant, "_worth_collecting", lambda doc, minimum: _Everything())
    newslint._default = None
    assert [newslint.lint_text(text, path="a.txt", config=config) for text in texts] == found


def _pairs_compared_one_by_one(names: list[str]) -> list[tuple[str, str]]:
    """_one_letter_apart as it compared every pair of a group."""
    groups: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for name in names:
        lowered = name.lower()
        groups.setdefault((lowered[0], lowered[-1]), []).append((lowered, name))
    found = []
    for group in groups.values():
        group.sort(key=lambda item: len(item[0]))
        for index, (first, first_name) in enumerate(group):
            for second, second_name in group[index + 1 :]:
                if len(second) - len(first) > 1:
                    break
                if first != second and name_variant._inner_edit(first, second):
                    found.append((first_name, second_name))
    return found


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet="abAB", min_size=3, max_size=7).map(lambda word: "S" + word + "n"), max_size=60))
def test_names_one_edit_apart_found_by_shared_keys_are_those_every_pair_finds(names: list[str]) -> None:
    """Groups of more than 16 names share keys rather than compare every pair."""
    assert list(name_variant._one_letter_apart(names)) == _pairs_compared_one_by_one(names)


class _Everything:
    def __contains__(self, item: object) -> bool:
        return True


# -- a text eight times as long costs eight times as much --------------------------------


def _name(rng: random.Random) -> str:
    syllables = ["ka", "lo", "mi", "ran", "del", "sto", "ber", "gen", "tu", "vi", "son", "ell"]
    return "".join(rng.choice(syllables) for _ in range(3)).capitalize()


def _long_article(paragraphs: int, seed: int = 1) -> str:
    """An article whose names, titles, acronyms and abbreviations are new in
    every paragraph, each person given two ages: what made the old passes
    per word, per name and per surname quadratic."""
    rng = random.Random(seed)
    lines = ["Talks go on"]
    for n in range(paragraphs):
        first, surname, place = _name(rng), _name(rng), _name(rng)
        acronym = "".join(rng.choice("BCDFGHJKLMNPRSTVWXZ") for _ in range(4))
        lines.append(
            f"{first} {surname}, {30 + n % 40}, of the {place} Research Institute ({acronym}) said on 3 May that "
            f"Mr {surname} would go. The {acronym} and the {acronym.capitalize()} team met in {place} on May "
            f'{n % 28 + 1}. "We will see," said {surname}, whose {place}-{surname} plan the {acronym} backed. '
            f"{surname}, {31 + n % 40}, left later."
        )
    return "\n\n".join(lines) + "\n"


@pytest.mark.slow
@pytest.mark.parametrize(
    "config_text",
    [
        "extends: [core]\n",
        "extends: [british]\n",
        # The claims rules alone, where a pass per person would not hide in the rest.
        "extends: [core]\nselect: [claims]\n",
    ],
)
def test_eight_times_the_text_costs_about_eight_times_as_much(config_text: str) -> None:
    """Before the one-pass forms: 15x (core) and 18x (british); 17x (claims)
    with a pass over the text per surname for the age check."""
    config = from_text(config_text)
    short, long = _long_article(100), _long_article(800)
    newslint.lint_text(short, path="a.txt", config=config)  # patterns compiled, word lists read

    def cost(text: str) -> float:
        best = float("inf")
        for _ in range(2):
            start = time.process_time()
            newslint.lint_text(text, path="a.txt", config=config)
            best = min(best, time.process_time() - start)
        return best

    ratio = cost(long) / cost(short)
    assert ratio < 12, ratio  # linear: about 8; a pass per name or per paragraph: 15 or more


# -- lower case, a piece at a time -----------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["ΟΔΟΣ", "Σ", "ΣΑ", " ", "\n", "İ", "Nato", "É", "x" * 50, "ß"]), max_size=200))
def test_lower_case_by_pieces_is_lower_case(pieces: list[str]) -> None:
    from newslint import document

    text = "".join(pieces)
    small = document._PIECE
    try:
        document._PIECE = 16  # many pieces, cut at spaces and line breaks
        assert document.lower(text) == text.lower()
        lowered = document.lower_in_place(text)
    finally:
        document._PIECE = small
    assert lowered == document.lower_in_place(text) and len(lowered) == len(text)


def test_the_characters_whose_lower_case_is_longer_are_listed() -> None:
    from newslint.document import LONGER_LOWER

    assert {chr(code) for code in range(0x110000) if len(chr(code).lower()) != 1} == set(LONGER_LOWER)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["Mr", ".", " ", "Smith", "U.S", "é", "A", "said", "!", "?", "”", "e.g", "Jan", "\n", "5"]),
        max_size=30,
    )
)
def test_sentences_split_as_the_regex_engine_alone_split_them(pieces: list[str]) -> None:
    from newslint import document

    text = "".join(pieces) + "."
    doc = Document(text=text, prose=text, blocks=[document.Block("body", 0, len(text))])
    expected, start = [], 0
    for end_mark in document._SENTENCE_END_RE.finditer(text):
        gap_start, gap_end = end_mark.span(1)
        if not document._ABBREVIATION_RE.search(text, max(start, gap_start - 12), gap_start):
            expected.append((start, gap_start))
            start = gap_end
    if start < len(text):
        expected.append((start, len(text)))
    assert [tuple(sentence) for sentence in doc.sentences] == expected
