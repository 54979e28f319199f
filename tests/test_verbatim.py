"""Text reproduced as written (newslint/text/verbatim.py): rules that leave
it alone (typography.dash here) stay silent inside it and speak beside it."""

from __future__ import annotations

import pytest
from support import findings

DASH = "typography.dash"
HEADLINE = "Talks fail\n\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The second quote of a paragraph goes on with the tweet the first
        # began, after no more than its attribution...
        (f'{HEADLINE}"Why no vote?" he wrote. "Great anger - totally unfair!"\n', set()),
        (f"{HEADLINE}“Will they apologise?” The president tweeted. “A perfect call - got them!”\n", set()),
        # ... a title's full stop does not end the attribution's sentence ...
        (f"{HEADLINE}“The crowd is tiny - about 200 people,” Mr. Trump wrote.\n", set()),
        # ... but spoken words are the desk's to punctuate,
        (f'{HEADLINE}"Why no vote?" he said. "Great anger - totally unfair!"\n', {(3, 37, DASH)}),
        # and a quote a new introduction brings in is not the tweet.
        (f'{HEADLINE}"Why no vote?" he wrote. Later he told reporters: "Anger - yes."\n', {(3, 57, DASH)}),
    ],
)
def test_quotes_that_go_on_with_written_text(text: str, expected: set[tuple[int, int, str]]) -> None:
    assert findings(text, rule=DASH) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A paragraph a colon and a written thing bring in is the document.
        (f"{HEADLINE}Here is the full statement from the ministry:\n\nThe talks - held in Geneva - failed.\n", set()),
        # Speech brought in by a colon is not, nor a paragraph after the next.
        (
            f"{HEADLINE}This is what she said next:\n\nThe talks - held in Geneva - failed.\n",
            {(5, 10, DASH), (5, 27, DASH)},
        ),
        (
            f"{HEADLINE}The ministry's statement:\n\nTalks failed.\n\nThe talks - held in Geneva - failed.\n",
            {(7, 10, DASH), (7, 27, DASH)},
        ),
    ],
)
def test_a_document_brought_in_by_a_colon(text: str, expected: set[tuple[int, int, str]]) -> None:
    assert findings(text, rule=DASH) == expected
