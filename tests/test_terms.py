"""The term index: every term of every rule found in one pass, overlaps included."""

from __future__ import annotations

from newslint.checks.repetition import _doubled
from newslint.patterns import ascii_equivalent
from newslint.readers import parse
from newslint.terms import Term, TermIndex


def found(terms: list[tuple[str, bool]], text: str) -> list[tuple[int, int, str]]:
    index = TermIndex()
    for term, case_sensitive in terms:
        index.add(Term(term, case_sensitive=case_sensitive), "rule.id")
    hits = index.scan(parse(text, layout="body")).get("rule.id", [])
    return sorted((hit.start, hit.end, hit.term.text) for hit in hits)


def test_terms_sharing_words_and_overlapping_are_all_found() -> None:
    terms = [("al Qaeda", False), ("al-Qaeda", False), ("Qaeda", True), ("it is understood", False), ("is", False)]
    text = "Al  Qaeda, al-Qaeda and\nit is\nunderstood; Qaeda"
    assert found(terms, text) == [
        (0, 9, "al Qaeda"),
        (4, 9, "Qaeda"),
        (11, 19, "al-Qaeda"),
        (14, 19, "Qaeda"),
        (24, 40, "it is understood"),
        (27, 29, "is"),
        (42, 47, "Qaeda"),
    ]


def test_case_sensitivity_and_word_edges() -> None:
    terms = [("US", True), ("U.S.", False), ("it is thought", False)]
    text = "US troops, us, u.s. and bus. It is thoughtful; it is thought"
    assert found(terms, text) == [(0, 2, "US"), (15, 19, "U.S."), (47, 60, "it is thought")]


def test_ascii_and_unicode_text_find_the_same_terms() -> None:
    # \x1c is ASCII and, to Python, whitespace: the ASCII-mode scan must agree.
    terms = [("it is understood", False), ("Nato", True)]
    for text in ("it\x1cis understood by Nato", "it\x1cis understood by Nato, café"):
        assert found(terms, text) == [(0, 16, "it is understood"), (20, 24, "Nato")]


def test_text_with_symbols_and_punctuation_reads_as_ascii() -> None:
    # "£", curly quotes and dashes are no word characters, spaces or cased
    # letters: the engine's ASCII mode reads such text as its Unicode mode.
    for text in ("plain", "£5m for “Nato’s” plan — and €3 …", "US£3"):
        assert ascii_equivalent(text), text
    # A letter, a digit, a space or a cased character outside ASCII is read
    # differently: "é" is a word character in Unicode mode only.
    for text in ("café", "a\xa0b", "Ⅻ", "٣", "\u212a", "x\u2003y", "ǅ"):
        assert not ascii_equivalent(text), text


def test_ascii_mode_finds_what_unicode_mode_finds_beside_symbols() -> None:
    text = "£5 bn. “Nato’s” plan — it\x1cis understood by Nato,£ the the ‘the’ £the £ £the that That"
    assert ascii_equivalent(text)
    index = TermIndex()
    for term in ("it is understood", "Nato", "the", "that"):
        index.add(Term(term), "rule.id")
    lowered = text.lower()
    unicode_keys = [match.span(1) for match in index._candidates(lowered, ascii_mode=False)]
    assert unicode_keys == [match.span(1) for match in index._candidates(lowered, ascii_mode=True)]
    assert len(unicode_keys) >= 8
    unicode_doubles = [match.span() for match in _doubled(text, ascii_mode=False)]
    assert unicode_doubles == [match.span() for match in _doubled(text, ascii_mode=True)]
    assert len(unicode_doubles) == 2
