"""Story layout read from plain text: headline, deck, datelines, headings."""

from __future__ import annotations

import pytest

from newslint.readers import parse
from newslint.text.layout import dateline_end, heading_like, in_capitals, looks_like_standfirst


def kinds(text: str) -> list[str]:
    return [block.kind for block in parse(text).blocks]


@pytest.mark.parametrize(
    "text, expected",
    [
        # A deck: short, no sentence punctuation.
        ("Nato raises troop levels\n\nStoltenberg says forces must grow\n\nNato will act.\n", "standfirst"),
        (
            "Dow Closes Below 16,000\n\nDow Index Closes Below 16,000 After Plunging Nearly 3.6 Percent\n\nIt fell.\n",
            "standfirst",
        ),
        # A lede ending in .” or .) is body, not a deck.
        ("Trump signs bill\n\nHe called it “a great day.”\n\nMore followed.\n", "body"),
        ("Axios list\n\nBasu has tracked the 85 members. (See the list.)\n\nMore followed.\n", "body"),
        # A wire story's first paragraph starts with a dateline.
        ("ACME <ACM> 1ST QTR NET\n\nST. LOUIS, March 18 - Shr 1.38 dlrs vs 1.24 dlrs\n\nNet 5 mln.\n", "body"),
        # A question ends a sentence: a lede.
        ("Korea tests missile\n\n(CNN) Could North Korea fire a rocket at a potential adversary?\n\nMaybe.\n", "body"),
        # A long lede that only lacks its full stop.
        (
            "Brewers switch\n\nJapanese brewers are increasingly making money from beer-flavoured drinks rather than beer itself\n\nMore.\n",
            "body",
        ),
        # The same long line above a paragraph that opens with a dateline: a deck.
        (
            "Bus crash\n\nNorthbound lanes of the N1 stayed closed for 48 hours while crash investigators worked at "
            "the scene\n\nPolokwane - Eight people were killed.\n",
            "standfirst",
        ),
    ],
)
def test_second_paragraph(text: str, expected: str) -> None:
    assert kinds(text)[1] == expected


@pytest.mark.parametrize(
    "first",
    [
        "Trump made Twitter his megaphone. A fact check won't change that.",
        "BRAZIL WANTS TO INCREASE STEEL EXPORTS TO U.S.",
        "Nato raises troop levels",
        "Police say 12 people were hurt.",
    ],
)
def test_headline_above_the_body(first: str) -> None:
    assert kinds(first + "\n\nThe body starts here. It goes on.\n") == ["headline", "body"]


@pytest.mark.parametrize(
    "first",
    [
        "He said:",  # runs on into the quote
        "“Training will include more institutions.",  # a quote that runs on
        "WASHINGTON — The Senate voted.",  # a lede with its dateline
        "Nato met. Later, NATO said no.",  # one paragraph only
        "Police said 12 people were hurt.",  # a lede: copy reports in the past tense, a headline in the present
    ],
)
def test_not_a_headline(first: str) -> None:
    text = first + "\n\nThe body starts here.\n" if "NATO said" not in first else first + "\n"
    assert kinds(text)[0] == "body"


def test_headline_over_its_standfirst_with_no_blank_line() -> None:
    text = "Pile-up injures 14\nFog blamed for crash on I-81\n\nSixteen cars crashed.\n\nPolice said so.\n"
    doc = parse(text)
    assert [(block.kind, text[block.start : block.end]) for block in doc.blocks] == [
        ("headline", "Pile-up injures 14"),
        ("standfirst", "Fog blamed for crash on I-81"),
        ("body", "Sixteen cars crashed."),
        ("body", "Police said so."),
    ]


def test_a_headline_wrapped_like_the_rest_of_the_copy_is_a_headline() -> None:
    text = (
        "Bins to be emptied every three weeks as council\nseeks to save £1.4m a year\n\n"
        "The change is expected to save £1.2m a year from\na waste budget of £6.8m.\n"
    )
    assert kinds(text) == ["headline", "body"]


def test_a_headline_over_its_standfirst_in_wrapped_copy() -> None:
    """The headline's line is longer than the width the body is wrapped to: the export left it alone."""
    text = (
        "Amber wind warning for Wales and south-west England as gusts of up to 80mph forecast\n"
        "Met Office says travel disruption and power cuts are likely on Friday\n\n"
        "Gusts of up to 80mph could hit exposed coasts in Wales and south-west\n"
        "England on Friday, the Met Office has warned.\n"
    )
    assert kinds(text) == ["headline", "standfirst", "body"]


@pytest.mark.parametrize(
    "text",
    [
        # Wrapped copy: a line break inside a paragraph means nothing.
        "WASHINGTON, March 2 - The Treasury said it would\nsell bonds on Monday.\n\nThe sale is\nlarge.\n",
        # A lede under its headline with no blank line, opening with a dateline.
        "Senate votes\nWASHINGTON — The Senate voted.\n\nIt was close.\n",
    ],
)
def test_a_two_line_first_paragraph_that_is_no_headline_and_deck(text: str) -> None:
    assert kinds(text)[0] == "body"


@pytest.mark.parametrize(
    "paragraph, dateline",
    [
        ("WASHINGTON — The Senate voted.", "WASHINGTON — "),
        ("ST. LOUIS, March 18 - Shr 1.38 dlrs vs 1.24 dlrs", "ST. LOUIS, March 18 - "),
        ("WINSTON-SALEM, N.C., March 30 - RJR Nabisco Inc said", "WINSTON-SALEM, N.C., March 30 - "),
        ("TREBES, France — A French police officer", "TREBES, France — "),
        ("NEW YORK, N.Y. -- If Hillary Clinton", "NEW YORK, N.Y. -- "),
        ("LONDON (Reuters) - Shares rose", "LONDON (Reuters) - "),
        ("Washington (CNN) Indiana Gov. Mike Pence says", "Washington (CNN) "),
        ("(CNN) Could North Korea fire?", "(CNN) "),
        ("\u200bWASHINGTON – Amy Klobuchar said", "\u200bWASHINGTON – "),
        ("MOSCOW — Russia said", "MOSCOW — "),
        ("Mike Pence (R) said so.", None),
        ("Nato met in Brussels - and agreed.", None),
        ("The Federal Bureau of Investigation (FBI) said", None),
    ],
)
def test_datelines(paragraph: str, dateline: str | None) -> None:
    end = dateline_end(paragraph, 0, len(paragraph))
    assert (paragraph[:end] if end is not None else None) == dateline


def test_headings_and_capitals() -> None:
    assert heading_like("Under surveillance: The lives of asylum-seekers in the US")
    assert not heading_like("The US said so.")
    assert in_capitals("MOBIL <MOB> SETS OIL PRICE RISE")
    assert not in_capitals("Mobil set a price")
    assert looks_like_standfirst("Texas church massacre")
    assert not looks_like_standfirst("“Where is the collusion?”")
