"""The quotation analyser and the quotes.* rules."""

from __future__ import annotations

import pytest
from support import findings

import newslint
from newslint.config import from_text
from newslint.fixes import apply_fixes
from newslint.readers import parse

QUOTES = "extends: [core]\nselect: [quotes]\n"
BRITISH = "extends: [british]\nselect: [quotes]\n"
STRAIGHT_ON = "rules:\n  quotes.straight: {enabled: true}\n"  # for a house whose copy must be typed curly


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
    # The straight mark at 38 is mismatched and of the minority style: one
    # problem, reported once, by the more specific rule.
    text = 'Headline\n\n“We are ready,” he said. “We will go," she said. “He said “no” to me,” I said.\n'
    assert findings(text, QUOTES) == {(3, 59, "quotes.nesting"), (3, 38, "quotes.mismatched")}


def test_british_straight_to_curly_fixes() -> None:
    text = "Headline\n\n\"They're here,\" he said. She said: 'It's 'fine'.'\n"
    diagnostics = newslint.lint_text(text, config=from_text(BRITISH + STRAIGHT_ON))
    fixes = {(d.column, d.fix.replacement if d.fix else None) for d in diagnostics if d.rule == "quotes.straight"}
    assert fixes == {(1, "“"), (6, "’"), (15, "”"), (36, "‘"), (39, "’"), (47, "’"), (49, "’")}
    # The single mark at 42 opens a quote inside a quote of its own kind: that
    # is its problem, reported once; its role is in doubt, so no fix curls it.
    assert {(d.column, d.rule) for d in diagnostics if d.column == 42} == {(42, "quotes.nesting")}


def test_headline_in_single_quotes() -> None:
    assert findings("‘We will not go back’, says minister\n\nThe minister said so.\n", QUOTES) == set()


# -- marks typed for other marks -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Two single marks for a double one, old wire style: one closing mark.
        ("“It was made in error,’’ said Mr Stueve.", [("“", "open"), ("’’", "close")]),
        ("''There are limits,'' Sanders says.", [("''", "open"), ("''", "close")]),
        ("the company''s plant", [("'", "apostrophe"), ("'", "apostrophe")]),
        # Curly marks the wrong way round, read by where they stand.
        ("“We are not going,“ the mayor said.", [("“", "open"), ("“", "close")]),
        ("”We are not going,” the mayor said.", [("”", "open"), ("”", "close")]),
        ("He said “no” to “them”.", [("“", "open"), ("”", "close"), ("“", "open"), ("”", "close")]),
        # „ opens (German, Hungarian), and “ or ” closes it.
        ("Er sagte: „Wir gehen.“ Dann ging er.", [("„", "open"), ("“", "close")]),
        ("a „vas” felirat", [("„", "open"), ("”", "close")]),
        # A double mark typed for an apostrophe, and an opening single one.
        ('India"s rating fell.', [('"', "apostrophe")]),
        ("Kim‘s envoy and the ‘90s", [("‘", "apostrophe"), ("‘", "apostrophe")]),
        ('He said"We go" and left.', [('"', "open"), ('"', "close")]),
    ],
)
def test_marks_typed_for_other_marks(text: str, expected: list[tuple[str, str]]) -> None:
    assert roles(text) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A reversed mark is reported once, as reversed: not "never matched" at both ends.
        ("“We are not going anywhere,“ the mayor said.", {(3, 28, "quotes.reversed")}),
        ("”We are not going anywhere,” the mayor said.", {(3, 1, "quotes.reversed")}),
        # Two apostrophes as a closing mark: the quote pairs, and is reported once.
        ("“The filing was made in error,’’ said Joshua Stueve.", {(3, 31, "quotes.doubled-single")}),
        ("''It was wrong,'' he said.", {(3, 1, "quotes.doubled-single"), (3, 16, "quotes.doubled-single")}),
        # A double mark as an apostrophe opens no quote.
        ('India"s rating is one notch below investment grade.', {(3, 6, "quotes.apostrophe")}),
        ("Kim‘s envoy arrived.", {(3, 4, "quotes.apostrophe")}),
        # „ opens a quote: nothing to report.
        ("A felirat szerint „vas” volt.", set()),
        ("Er sagte: „Wir gehen jetzt.“ Dann ging er.", set()),
    ],
)
def test_each_slip_is_one_finding(body: str, expected: set[tuple[int, int, str]]) -> None:
    assert findings("Headline\n\n" + body + "\n", QUOTES) == expected


def test_fixes_for_marks_typed_for_other_marks() -> None:
    text = 'Headline\n\n“We go,“ he said. “It was wrong,’’ she said. Kim‘s aide and India"s.\n'
    diagnostics = newslint.lint_text(text, config=from_text(QUOTES))
    replacements = {(d.rule, d.found, d.fix.replacement if d.fix else None) for d in diagnostics}
    assert replacements == {
        ("quotes.reversed", "“", "”"),
        ("quotes.doubled-single", "’’", "”"),
        ("quotes.apostrophe", "‘", "’"),
        ("quotes.apostrophe", '"', "’"),
    }
    fixed = apply_fixes(text, diagnostics)
    assert fixed == "Headline\n\n“We go,” he said. “It was wrong,” she said. Kim’s aide and India’s.\n"
    assert newslint.lint_text(fixed, config=from_text(QUOTES)) == []


# -- one finding per problem -----------------------------------------------------

CURLY_ARTICLE = "Headline\n\n“We are ready,” he said. “We will go,” she said.\n\n“It is time,” they said.\n\n"


def test_one_straight_mark_is_one_finding_with_the_british_pack() -> None:
    # A mismatched pair, a straight pair and a straight apostrophe in curly copy:
    # quotes.straight, turned on, reports none of them again.
    text = CURLY_ARTICLE + '“Not yet," he said. "Soon," she said. They\'re here.\n'
    config = from_text("extends: [british]\nselect: [quotes, typography]\n" + STRAIGHT_ON)
    diagnostics = newslint.lint_text(text, config=config)
    by_mark = {}
    for d in diagnostics:
        by_mark.setdefault((d.line, d.column), []).append(d.rule)
    assert by_mark == {
        (7, 10): ["quotes.mismatched"],
        (7, 21): ["quotes.mixed-style"],
        (7, 43): ["typography.straight-apostrophe"],
    }


def test_mixed_style_is_one_finding_per_paragraph_with_the_count_and_one_fix() -> None:
    paragraph = '"We are not ready," he said. "We will go," she said. "Not yet," they said.'
    text = CURLY_ARTICLE * 3 + paragraph + "\n\n“Fine,” he said.\n\n" + paragraph + "\n"
    diagnostics = [d for d in newslint.lint_text(text, config=from_text(QUOTES)) if d.rule == "quotes.mixed-style"]
    assert [(d.line, d.column) for d in diagnostics] == [(19, 1), (23, 1)]
    assert diagnostics[0].message == (
        '" here (and 5 more in this paragraph), in an article that uses curly quotation marks: use “ and ”'
    )
    assert diagnostics[0].fix is None  # core reports; the british and american packs fix
    config = from_text("extends: [british]\nselect: [quotes]\n")
    british = [d for d in newslint.lint_text(text, config=config) if d.rule == "quotes.mixed-style"]
    assert [(d.line, d.column) for d in british] == [(19, 1), (23, 1)]
    assert british[0].fix is not None
    assert british[0].fix.replacement == "“We are not ready,” he said. “We will go,” she said. “Not yet,”"
    fixed = apply_fixes(text, british)
    assert '"' not in fixed and fixed.replace("“", '"').replace("”", '"') == text.replace("“", '"').replace("”", '"')
    assert newslint.lint_text(fixed, config=config) == []


def test_straight_apostrophes_follow_the_articles_double_marks() -> None:
    # Straight copy with one curly apostrophe pasted in: the straight ones are right.
    straight = 'Headline\n\n"We\'re ready," he said. "They\'re not," she said. It’s over.\n'
    assert findings(straight, "extends: [core]\nselect: [typography.straight-apostrophe]\n") == set()
    # Curly copy: one finding per paragraph, at the first straight apostrophe.
    curly = "Headline\n\n“We're ready,” he said. “They're not,” she said.\n\nIt's over.\n"
    assert findings(curly, "extends: [core]\nselect: [typography.straight-apostrophe]\n") == {
        (3, 4, "typography.straight-apostrophe"),
        (5, 3, "typography.straight-apostrophe"),
    }


# -- bounded work ----------------------------------------------------------------

# The case from the hostile-input battery (issue 18) at full size; the other
# shapes at a fifth of it, enough for quadratic work to take minutes.
HOSTILE = {
    "100,000 curly opening marks (300 KB)": "“" * 100_000,
    "20,000 opening marks and words": "“a " * 20_000,
    "20,000 single openers, then double closers": "‘a " * 10_000 + "”" * 10_000,
    "20,000 straight marks": '"' * 20_000,
    "20,000 two-apostrophe marks": "''" * 10_000,
    "10,000 paragraphs with an unclosed quote": "a “b\n\n" * 10_000,
    "10,000 paragraphs broken mid-sentence": "a\n\nb\n\n" * 10_000,
}


@pytest.mark.parametrize("body", HOSTILE.values(), ids=HOSTILE.keys())
def test_the_analyser_and_attribution_are_linear(body: str) -> None:
    """100,000 curly marks take a second or two; the quadratic
    innermost-quote search never finished."""
    import time

    from newslint.checks.attribution import Attribution

    started = time.perf_counter()
    doc = parse("Headline\n\n" + body, layout="article")
    assert doc.quotes.marks or "\n\nb" in body
    list(Attribution({"min_words": 6}).run(doc, []))
    assert time.perf_counter() - started < 10


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A single mark and a double one around one quote: the single is the odd one.
        ("The campaign studied ratings for ‘The Bible,” a 2013 miniseries.", {(3, 34, "quotes.mismatched")}),
        ("“We are now working to find more beds,’ Cuomo said.", {(3, 39, "quotes.mismatched")}),
        # A curly apostrophe typed the wrong way after a plural's s.
        ("Mr. Sanders‘ stump speech drew crowds.", {(3, 12, "quotes.apostrophe")}),
        # A zero-width space beside a reversed opening mark, and a missing space.
        (
            "\u200b”I have confidence in him,” Trump wrote .”Perhaps that is a signal?”",
            {
                (3, 2, "quotes.reversed"),
                (3, 43, "quotes.reversed"),
            },
        ),
        # Markup left in the copy: an attribute's value is not a quote.
        ('Obama wipes away tears poster="http://example.com/a.jpg" during the event.', set()),
    ],
)
def test_marks_of_the_wrong_kind_and_markup(body: str, expected: set[tuple[int, int, str]]) -> None:
    assert findings("Headline\n\n" + body + "\n", QUOTES) == expected


def test_spaced_marks_and_a_reversed_mark_at_the_paragraph_end() -> None:
    # Wire style spaces a double mark from the single one inside it.
    body = "\"He said stocks fell. \" 'We see this as a very nasty correction,' he said, 'not a bear market.' \""
    assert findings("Headline\n\n" + body + "\n", QUOTES) == set()
    # A closing mark typed the wrong way, after a space, ends the paragraph.
    body = "“Acadia was created by private philanthropists,” one user tweeted. “Read the signs next time. “"
    assert findings("Headline\n\n" + body + "\n", QUOTES) == {(3, 95, "quotes.reversed")}


def test_foreign_marks_and_a_spaced_closing_pair() -> None:
    # A quote in another language keeps its own marks: „vas” is no curly mark in straight copy.
    body = 'He said, "the army is buying hardware." In Hungarian: a „vas” megvétele mellett. "Yes," he said.'
    assert findings("Headline\n\n" + body + "\n", QUOTES) == set()
    # A double mark spaced from the single closing mark before it closes the quote.
    body = "Zoe said \"[i]t felt like 'am I going to live or am I going to die?' \"."
    assert findings("Headline\n\n" + body + "\n", QUOTES) == set()


def test_a_continuation_paragraph_that_lost_its_opening_mark_is_one_finding() -> None:
    body = "He said: “We will stay in the city for as long as it takes.\n\nThe work is hard but we will finish it,” he added."
    assert findings("Headline\n\n" + body + "\n", QUOTES) == {(5, 40, "quotes.unbalanced")}
