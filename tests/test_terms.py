"""The term index: every term of every rule found in one pass, overlaps included."""

from __future__ import annotations

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
