"""The quotation analyser and the quotes.* rules."""

from __future__ import annotations

import pytest
from support import findings

import newslint
from newslint.config import from_text
from newslint.readers import parse

QUOTES = "extends: [core]\nselect: [quotes]\n"
BRITISH = "extends: [british]\nselect: [quotes]\n"


def roles(text: str) -> list[tuple[str, str]]:
    doc = parse(text, layout="body")
    return [(mark.char, mark.role) for mark in doc.quotes.marks]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nato’s plan", [("’", "apostrophe")]),
        ("they're here", [("'", "apostrophe")]),
        ("the ’90s and rock ’n’ roll", [("’", "apostrophe"), ("’", "apostrophe"), ("’", "apostrophe")]),
        ("He is 5'10\" tall", [("'", "prime"), ('"', "prime")]),
        ("the players' union", [("'", "apostrophe")]),
        ('He said: "Yes."', [('"', "open"), ('"', "close")]),
        ('It was—"Never"—he said', [('"', "open"), ('"', "close")]),
        ('("No") he said', [('"', "open"), ('"', "close")]),
        ("“He told me ‘no’,” she said", [("“", "open"), ("‘", "open"), ("’", "close"), ("”", "close")]),
        ("\"He told me 'no',\" she said", [('"', "open"), ("'", "open"), ("'", "close"), ('"', "close")]),
    ],
)
def test_mark_roles(text: str, expected: list[tuple[str, str]]) -> None:
    assert roles(text) == expected


def test_in_quote() -> None:
    doc = parse("He said “we go now” and left.", layout="body")
    assert [doc.in_quote(i) for i in (3, 8, 12, 18, 21)] == [False, True, True, True, False]


def test_multi_paragraph_quote_is_balanced() -> None:
    text = "Headline\n\n“We will go,” he said. “Then we will stay.\n\n“And then we will leave.”\n"
    assert findings(text, QUOTES) == set()
    doc = parse(text)
    assert doc.in_quote(text.index("And"))


def test_unclosed_quote_followed_by_attribution_is_unbalanced() -> None:
    text = "Headline\n\n“We will go, he said.\n\n“Then we stay,” he added.\n"
    assert findings(text, QUOTES) == {(3, 1, "quotes.unbalanced")}


def test_unclosed_quote_at_the_end_and_stray_closing_mark() -> None:
    assert findings("Headline\n\nHe said “we will go.\n", QUOTES) == {(3, 9, "quotes.unbalanced")}
    assert findings("Headline\n\nHe said we will go.” Then he left.\n", QUOTES) == {(3, 20, "quotes.unbalanced")}


def test_mismatched_and_nesting() -> None:
    text = 'Headline\n\n“We are ready,” he said. “We will go," she said. “He said “no” to me,” I said.\n'
    assert findings(text, QUOTES) == {
        (3, 59, "quotes.nesting"),
        (3, 38, "quotes.mismatched"),
        (3, 38, "quotes.mixed-style"),
    }


def test_british_straight_to_curly_fixes() -> None:
    text = "Headline\n\n\"They're here,\" he said. She said: 'It's 'fine'.'\n"
    diagnostics = newslint.lint_text(text, config=from_text(BRITISH))
    fixes = {(d.column, d.fix.replacement if d.fix else None) for d in diagnostics if d.rule == "quotes.straight"}
    assert fixes == {(1, "“"), (6, "’"), (15, "”"), (36, "‘"), (39, "’"), (42, "‘"), (47, "’"), (49, "’")}


def test_headline_in_single_quotes() -> None:
    assert findings("‘We will not go back’, says minister\n\nThe minister said so.\n", QUOTES) == set()
