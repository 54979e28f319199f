"""Claims a copy editor checks by hand: dates that cannot exist, one person's
age two ways, a percentage of stated parts, a doubled word after a noun."""

from __future__ import annotations

import pytest

import newslint
from newslint.config import from_text


def found(text: str, rule: str) -> list[tuple[int, int, str]]:
    config = from_text(f"extends: [core]\nselect: [{rule}]\n")
    return [(d.line, d.column, d.message) for d in newslint.lint_text(text, config=config)]


@pytest.mark.parametrize(
    ("text", "column", "message"),
    [
        ("The deadline is Feb. 31.", 17, "'Feb. 31' cannot exist: February has 29 days"),
        ("The vote is on 30 February.", 16, "'30 February' cannot exist: February has 29 days"),
        ("It ends June 31, 1987.", 9, "'June 31, 1987' cannot exist: June has 30 days"),
        ("The leap day, 29 February 2021, passed.", 15, "'29 February 2021' cannot exist: February 2021 has 28 days"),
        ("The ship sailed on 29 February 1901.", 20, "'29 February 1901' cannot exist: February 1901 has 28 days"),
    ],
)
def test_a_date_that_cannot_exist(text: str, column: int, message: str) -> None:
    assert found("Headline\n\n" + text, "claims.impossible-date") == [(3, column, message)]


@pytest.mark.parametrize(
    "text",
    [
        "He was born on 29 February 2020.",
        "Russia's calendar still had a 29 February 1900.",  # Julian: every fourth year, until 1923
        "In June 31 people died.",
        "Talks ran June 28-31.",
        "The vote is on 30 March.",
    ],
)
def test_a_date_that_can_exist_or_is_no_date(text: str) -> None:
    assert found("Headline\n\n" + text, "claims.impossible-date") == []


@pytest.mark.parametrize(
    ("text", "person"),
    [
        (
            "Shop owner speaks\n\nTom Hollis, 45, runs the shop.\n\nHollis, 46, said trade was slow.\n",
            "Tom Hollis is 45",
        ),
        # "who was elected MP in 2022" tells of the past; the age beside it is today's.
        (
            "MP\n\nDaniel Mwangi, 41, who was elected MP in 2022, spoke.\n\nMr Mwangi, 44, said so.\n",
            "Daniel Mwangi is 41",
        ),
        # People only grow older: 92 in 2024 cannot precede 91 now.
        (
            "Obituary\n\nRuth Abernathy, 91, died on Sunday.\n\nAbernathy, 92, opened the library in 2024.\n",
            "Ruth Abernathy is 91",
        ),
        # A first name tells a family apart, and each person keeps one age.
        (
            "Jailed\n\nDarren Whitcombe, 51, and his son Ryan Whitcombe, 26, ran it.\n\nRyan Whitcombe, 27, wept.\n",
            "Ryan Whitcombe is 26",
        ),
        # The surname alone is the person the story names first by it.
        (
            "Strike\n\nKeisha Lamont, 34, held a sign. Her mother, Denise Lamont, retired.\n\nLamont, 43, said so.\n",
            "Keisha Lamont is 34",
        ),
        # An honorific is no first name; a year in a "whom" clause dates nothing of the person.
        (
            "Obituary\n\nPeadar Kinsella (89) has died.\n\nMr Kinsella (88) leaves his wife, whom he married in 1961.\n",
            "Peadar Kinsella is 89",
        ),
        # A year in what the person says dates what they speak of, not their age.
        (
            "Obituary\n\nJoan Pickering, 88, survives her.\n\nPickering, 86, said the school nearly shut in 1992.\n",
            "Joan Pickering is 88",
        ),
        # Relatives all: the surname alone is the one whose age the story gives.
        (
            "Obituary\n\nShe was the daughter of Walter Pickering. Her sister, Joan Pickering, 88, survives her.\n\n"
            "Pickering, 86, said so.\n",
            "Joan Pickering is 88",
        ),
        # A stepdaughter is a relative.
        (
            "Fraud\n\nMary Brennan, 69, was fined. Her stepdaughter, Kate Brennan, 30, wept.\n\nBrennan, 68, left.\n",
            "Mary Brennan is 69",
        ),
        # "Since 2011" is a time up to now.
        (
            "Bail\n\nNomsa Khumalo, 44, faces charges.\n\nKhumalo, 43, has worked for the metro since 2011.\n",
            "Nomsa Khumalo is 44",
        ),
        # A "since" clause is a time up to now, whatever it names.
        (
            "Jobless\n\nTom Whitfield, 29, spoke.\n\nWhitfield, 28, had struggled since losing his job last year.\n",
            "Tom Whitfield is 29",
        ),
        # "Last year's" is a title, no date.
        (
            "Award\n\nAnne Cole, 44, spoke.\n\nCole, 41, was last year's Teacher of the Year.\n",
            "Anne Cole is 44",
        ),
        # A relative introduced by a possessive ("Mahlangu's father") is not the one the story is about.
        (
            "Bail\n\nSipho Mahlangu, 39, faces charges. Mahlangu's father, Jabulani Mahlangu, 68, spoke.\n\n"
            "Mahlangu, 38, was arrested in August.\n",
            "Sipho Mahlangu is 39",
        ),
        # A person's introduction gives the age now; its year dates the crime.
        (
            "Jailed\n\nRyan Whitcombe, 26, ran the operation between March 2021 and May 2022.\n\n"
            "Ryan Whitcombe, 27, wept.\n",
            "Ryan Whitcombe is 26",
        ),
        # Another person's birthday excuses no one else's age.
        (
            "Court\n\nThabo Nkosi, 31, was bailed. His wife, Lindiwe, who turned 30 in May, watched.\n\nNkosi, 30, spoke.\n",
            "Thabo Nkosi is 31",
        ),
        # "who is 57" gives an age as ", 57," does.
        (
            "School\n\n“It's been a turnaround,” principal Hemi Walker, 58, said.\n\n"
            "Walker, who is 57 and attended the school himself, said so.\n",
            "Hemi Walker is 58",
        ),
        # "Cllr" is a title, not a first name.
        (
            "Count\n\nCllr Liam Breen, 52, recalled the count.\n\nLiam Breen, 53, thanked the public.\n",
            "Liam Breen is 52",
        ),
        # An appositive: "a 32-year-old", "the 46-year-old father of seven".
        (
            "Court\n\nCiarán Doyle, 31, was bailed.\n\nMr Doyle, a 32-year-old carpenter, denies the charge.\n",
            "Ciarán Doyle is 31",
        ),
        (
            "Drought\n\nDUBLUK, Ethiopia - Guyo Jarso, 48, has buried his herd.\n\n"
            "Jarso, the 46-year-old father of seven, said so.\n",
            "Guyo Jarso is 48",
        ),
        # An obituary's ages: "who has died aged 84", "who was 85,".
        (
            "Obituary\n\nThe glaciologist Helen Marsh, who has died aged 84, drilled the ice.\n\n"
            "Marsh, who was 85, is survived by two children.\n",
            "Helen Marsh is 84",
        ),
    ],
)
def test_one_person_two_ages(text: str, person: str) -> None:
    assert found(text, "claims.age-mismatch") == [(5, 1, f"{person} on line 3: check the age")]


def test_a_headlines_capitalised_word_is_no_first_name() -> None:
    """ "Late Walker fumble" names no second Walker to tell the goalkeeper's ages apart by."""
    text = (
        "Late Walker fumble costs Pools\n\nGoalkeeper Danny Walker let a shot squirm under him.\n\n"
        "The 36-year-old Walker held his hands up.\n\nWalker, who is 37, is out of contract.\n"
    )
    assert found(text, "claims.age-mismatch") == [(7, 1, "Walker is 36 on line 5: check the age")]


@pytest.mark.parametrize(
    "text",
    [
        "Family farm\n\nJohn Smith, 60, and his son Tom Smith, 32, run the farm.\n\nSmith, 32, said so.\n",
        # The father the story is about, then his son: the surname alone is the father.
        "Rink\n\nLucien Beaudoin floods the rink.\n\nBeaudoin, 71, is helped by his son Marc-André Beaudoin, 44.\n",
        "Shop owner\n\nTom Hollis, then 12, moved to Leeds.\n\nHollis, 45, said trade was slow.\n",
        "Shop owner\n\nThe 45-year-old Tom Hollis runs it.\n\nTom Hollis (45) said so.\n",
        # A flashback: the age then, in a sentence that dates it.
        "Obituary\n\nRuth Abernathy, 91, died on Sunday.\n\nAbernathy, 90, opened the library in October 2024.\n",
        "Obituary\n\nAbernathy, 88, won the prize three years ago.\n\nRuth Abernathy, 91, died on Sunday.\n",
        # A birthday the story tells of.
        "Ruiz turns 30\n\nAna Ruiz, 29, trained on Monday.\n\nRuiz, who turned 30 on Wednesday, won.\n\nRuiz, 30, said so.\n",
        "Ruiz turns 30\n\nAna Ruiz, 29, trained on Monday.\n\nShe turned 30 on Wednesday.\n\nRuiz, 30, said so.\n",
        # The time of the saying, with words between, before what was said.
        "Deal\n\nTom Larson, 66, voted no.\n\nLarson, 61, said on March 3, 2021, that he would never apologize.\n",
        "Board\n\nAna Reyes, 52, spoke.\n\nReyes, 49, told the school board in March 2023 that it would close.\n",
        "Board\n\nAna Reyes, 52, spoke.\n\nReyes, 49, told the board three years ago that it would close.\n",
        "Board\n\nAna Reyes, 52, spoke.\n\nReyes, 51, told the board last year that it would close.\n",
        'Board\n\nAna Reyes, 52, spoke.\n\nReyes, 49, told the committee in March 2023: "It will close."\n',
        # A date that leads the introduction's sentence dates the age.
        "Shops\n\nIn 2019, Tom Hollis, 45, opened a shop.\n\nHollis, 50, now runs three.\n",
        # "Mrs Baxter" is not the man the story gives a wife.
        "Floods\n\nDerek Baxter, 71, and his wife, Ann, moved back.\n\nMrs Baxter, 68, said so.\n",
        # A "since" clause ends where another clause begins.
        "Greenway\n\nTom Hollis, 45, spoke.\n\nHollis, 43, has pushed since 2012 when the council floated it in 2020.\n",
        # The time of the saying is the age's.
        "Retiring\n\nTom Hollis, 45, is retiring.\n\nHollis, 41, said in 2021 that he would stay.\n",
        # A scorers' line's labels after a semicolon.
        "Final\n\nCentre Sam Walker, 24, kicked well.\n\nCanterbury 31: Tries: Hale; Cons: Walker (2); Pens: Walker (4).\n",
        # A scorers' line counts in brackets, after a label with the score in it too.
        "Final\n\nWing Tamati Rawiri, 22, scored twice.\n\nCanterbury 31: Tries: Rawiri (2), Bell.\n",
        "Final\n\nFly-half Ruan Fourie, who is 22, kicked a penalty.\n\nTuks – Tries: Mokoena. Conversions: Fourie (3).\n",
        "Final\n\nWing Tamati Rawiri, 22, scored twice.\n\nCanterbury: Tries: Rawiri (2), Bell. Cons: Hames (2).\n",
        # "who was 45 when": an age then, not now.
        "Shop\n\nTom Hollis, 52, runs it.\n\nHollis, who was 45 when he founded it, said so.\n",
        # "who is" and a height, a rank: no age.
        "Centre\n\nTom Hollis, 24, plays centre.\n\nHollis, who is 6 feet tall, scored. Hollis, who is 12th, won.\n",
    ],
)
def test_ages_that_agree_or_belong_to_two_people(text: str) -> None:
    assert found(text, "claims.age-mismatch") == []


@pytest.mark.parametrize(
    ("text", "finding", "stated", "right"),
    [
        # The parts of a whole.
        (
            "Vote split\n\nOnly 7 of 19, or 40 per cent, voted for the plan.\n",
            (3, 6, "7 of 19 is 36.84 per cent, not 40 per cent"),
            "40 per cent",
            "37 per cent",
        ),
        # The whole first.
        (
            "Drains\n\nOf the 309 drains in the city, 96, or 27%, run east.\n",
            (3, 32, "96 of 309 is 31.07%, not 27%"),
            "27%",
            "31%",
        ),
        # The whole first, with a longer phrase and a number word before its part.
        (
            "Reefs\n\nOf the 48 reef plots surveyed across the six sites, 31, or 58%, showed no loss.\n",
            (3, 53, "31 of 48 is 64.58%, not 58%"),
            "58%",
            "65%",
        ),
        # The whole qualified at length, as health copy does.
        (
            "Malnutrition\n\nOf the 1,240 children under five screened in Loima and Turkana West sub-counties "
            "last month, 310, or 31 per cent, were malnourished.\n",
            (3, 94, "310 of 1,240 is 25 per cent, not 31 per cent"),
            "31 per cent",
            "25 per cent",
        ),
        # A unit's abbreviation in brackets, and the whole qualified before ", or".
        (
            "Coal\n\nPlants generated 57.3 terawatt hours (TWh) of the 163.6 TWh produced in Poland between January "
            "and October, or 38%, figures show.\n",
            (3, 18, "57.3 of 163.6 is 35.02%, not 38%"),
            "38%",
            "35%",
        ),
        # A whole after an owner of two words.
        (
            "Wall Street\n\nOf the S&P 500's 500 companies, 412, or 59%, closed higher.\n",
            (3, 33, "412 of 500 is 82.4%, not 59%"),
            "59%",
            "82%",
        ),
        # A whole after its owner.
        (
            "Markets\n\nTwenty-six of the Dow's 30 stocks, or 90 percent, fell.\n",
            (3, 1, "Twenty-six of 30 is 86.67 percent, not 90 percent"),
            "90 percent",
            "87 percent",
        ),
    ],
)
def test_a_share_of_stated_parts(text: str, finding: tuple[int, int, str], stated: str, right: str) -> None:
    assert found(text, "claims.percentage-share") == [finding]
    assert found(text.replace(stated, right), "claims.percentage-share") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The Conservatives won 13 of the 48 seats (25.4 per cent of the vote).",
        "Two of the 12 reactors, or 20% of capacity, were offline.",
        "Of the 1,204 voters surveyed, 806 backed the levy, or 64% once the results were weighted.",
    ],
)
def test_a_percentage_of_another_whole_or_basis_is_not_the_share(sentence: str) -> None:
    assert found(f"Results\n\n{sentence}\n", "claims.percentage-share") == []


def test_a_long_whole_is_still_a_whole() -> None:
    text = "Board\n\nThe firm named 7 of the 19 members of its senior leadership team, or 40%, as women.\n"
    assert found(text, "claims.percentage-share") == [(3, 16, "7 of 19 is 36.84%, not 40%")]


def test_a_percentage_of_the_same_whole_is_the_share() -> None:
    text = "Results\n\nThe party won 13 of the 48 seats, or 32% of the seats.\n"
    assert found(text, "claims.percentage-share") == [(3, 15, "13 of 48 is 27.08%, not 32%")]
    text = "Results\n\nThe party won 13 of the 48 seats, or 32% of them.\n"
    assert found(text, "claims.percentage-share") == [(3, 15, "13 of 48 is 27.08%, not 32%")]


def test_the_whole_first_opens_an_html_paragraph() -> None:
    """In HTML a paragraph starts after masked markup, not after a space."""
    page = "<article><h1>Mill flats</h1>\n<p>Of the 64 flats, 22, or 30%, will be sold.</p></article>\n"
    config = from_text("extends: [core]\nselect: [claims.percentage-share]\n")
    found = [(d.line, d.column, d.message) for d in newslint.lint_text(page, path="flats.html", config=config)]
    assert found == [(2, 21, "22 of 64 is 34.38%, not 30%")]


def test_a_share_is_written_with_no_decimal_it_does_not_need() -> None:
    text = "Votes\n\nThe party won 56 of 165 seats, or 38.1 per cent.\n"
    assert found(text, "claims.percentage-share") == [(3, 15, "56 of 165 is 33.94 per cent, not 38.1 per cent")]
    text = "Votes\n\nThe party won 60 of 171 seats, or 38.1 per cent.\n"  # 35.0877...: not 35.090
    assert found(text, "claims.percentage-share") == [(3, 15, "60 of 171 is 35.09 per cent, not 38.1 per cent")]


def test_a_front_matter_description_is_a_standfirst_even_with_its_full_stop() -> None:
    text = '---\ntitle: "Bike review"\ndescription: "A $1,799 bike."\n---\n\nThe bike costs $1,899.\n'
    config = from_text("extends: [core]\nselect: [claims.headline-figure]\n")
    found = [(d.line, d.column) for d in newslint.lint_text(text, path="review.md", config=config)]
    assert found == [(3, 17)]
    assert newslint.lint_text(text.replace("1,899", "1,799"), path="review.md", config=config) == []


def test_a_word_made_by_doubling_is_no_typo() -> None:
    assert found("Nairobi\n\nHe rode a boda boda to work, past the tuk tuk rank.\n", "typography.doubled-word") == []
    assert found("Nairobi\n\nHe rode the the boda to work.\n", "typography.doubled-word") == [
        (3, 9, "'the' twice in a row")
    ]


def test_a_doubled_preposition_after_a_noun_is_a_typo() -> None:
    assert found("Plan\n\nI have my doubt in in this plan.\n", "typography.doubled-word") == [
        (3, 17, "'in' twice in a row")
    ]
    assert found("Plan\n\nPlayers have been placed in in the past.\n", "typography.doubled-word") == []
    assert found("Bank\n\nThey put its value at at least 400 mln francs.\n", "typography.doubled-word") == []
