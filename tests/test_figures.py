"""Reading figures as news copy writes them, and the two rules that do sums
with them: claims.headline-figure and claims.arithmetic."""

from __future__ import annotations

import pytest

import newslint
from newslint.config import from_text
from newslint.text.numbers import read_numbers
from tests.support import findings


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("CANADA PRICES 1.2 BILLION DLR BOND ISSUE", [(1.2e9, "count", "$")]),
        ("U.S. Cuts $300 Million In Aid", [(3e8, "count", "$")]),
        ("Dow Closes After Plunging Nearly 3.6 Percent", [(3.6, "percent", None)]),
        ("GREAT WESTERN OFFERS 2.5 MLN COMMON SHARES", [(2.5e6, "count", None)]),
        ("profit rose 5 PCT to 417 mln dlrs", [(5.0, "percent", None), (4.17e8, "count", "$")]),
        ("a loss of 15 billion yen", [(1.5e10, "count", "¥")]),
        ("trade deficit of 2.6 BILLION STG", [(2.6e9, "count", "£")]),
        ("worst day since ’87.", []),  # a year
        ("the '90s and '10,000 jobs'", [(1e4, "count", None)]),
        ("HIGHLIGHTS 1300 GMT APRIL 7", [(7.0, "count", None)]),  # a time, and a date headline-figure leaves alone
        # Canadian Press style: scales and "per cent" joined by hyphens, money abbreviated in headlines.
        ("a $4.6-billion deficit and a 12-per-cent rise", [(4.6e9, "count", "$"), (12.0, "percent", None)]),
        ("Budget forecasts $4.2B deficit, $80M surplus", [(4.2e9, "count", "$"), (8e7, "count", "$")]),
        ("Apartment 4B was sold", []),  # a capital scale letter only after a currency sign
        # South Asian copy: lakhs and crores, digits grouped by lakhs, rupees.
        ("a refund of Rs 4,500 crore", [(4.5e10, "count", "Rs ")]),
        ("Rs. 12 crores and ₹3 lakh", [(1.2e8, "count", "Rs "), (3e5, "count", "₹")]),
        ("1,10,000 people, 1.1 lakh homes", [(1.1e5, "count", None), (pytest.approx(1.1e5), "count", None)]),
        ("Mrs 5 cats", [(5.0, "count", None)]),
        # Currencies as their signs, their letters, or a letter before a figure with a scale or separators.
        ("HK$2.4 billion, US$3bn, ₦500m", [(2.4e9, "count", "HK$"), (3e9, "count", "US$"), (5e8, "count", "₦")]),
        ("KSh2.3 billion, Sh450m, Dh500", [(2.3e9, "count", "KSh"), (4.5e8, "count", "Sh"), (500.0, "count", "Dh")]),
        ("N3,600, R4.5bn and P2.5 billion", [(3600.0, "count", "N"), (4.5e9, "count", "R"), (2.5e9, "count", "P")]),
        ("N95 masks on the R2", []),
        (
            "₹1.2 lakh crore, RM1.3bil and RM450mil",
            [(1.2e12, "count", "₹"), (1.3e9, "count", "RM"), (4.5e8, "count", "RM")],
        ),
        # Dawn's percentages, and rupees with no space.
        ("Rs170.5bn, a 45pc increase", [(1.705e11, "count", "Rs "), (45.0, "percent", None)]),
    ],
)
def test_figures_are_read_in_any_case_and_in_wire_style(
    text: str, expected: list[tuple[float, str, str | None]]
) -> None:
    assert [(n.value, n.kind, n.currency) for n in read_numbers(text)] == expected


HEADLINE = "claims.headline-figure"
ARITHMETIC = "claims.arithmetic"


def headline(text: str, path: str | None = None) -> set[tuple[int, int, str]]:
    return findings(text, f"extends: [core]\nselect: [{HEADLINE}]\n", path=path, rule=HEADLINE)


def test_figures_that_happen_to_add_up_do_not_count() -> None:
    """In a story with a dozen figures nearly every small number is the sum
    or difference of two of them."""
    text = "Death toll rises to 31\n\nOfficials said 21 people died on Monday. Another 10 were hurt in a blast."
    assert headline(text) == {(1, 21, HEADLINE)}


@pytest.mark.parametrize(
    "text",
    [
        # A difference the sentence states.
        "Nortel in $300m profit revision\n\nNortel said it made $434m, not the $732m first reported.",
        # The parts of a whole, side by side.
        "Plane with 71 aboard crashes\n\nThe plane crashed, killing all 65 passengers and six crew members.",
        # A total the sentence states.
        "Crash kills 31\n\nThe crash killed 21 passengers and 10 crew, 31 in all.",
        "Storms cost insurers $12bn\n\nStorms cost $8bn in Florida and $4bn in Texas, a total of $12bn.",
        # The same duration in other units.
        "Consultant gets 18 months for campaign schemes\n\nHe was sentenced to a year and a half in prison.",
        # A span of years the body states.
        "Growth unlike anything seen in 13 years\n\nThe economy has not done so since 2005. It could slow in 2018.",
        "MACAO TO KEEP ITS SYSTEM FOR 50 YEARS\n\nMacao returns on December 20, 1999, but keeps its system until 2050.",
        # An obituary's career, from the year it started to the year it ended.
        "Head for 24 years, she saved a school\n\nIn 1968 she was appointed head.\n\nShe retired in 1992.",
        "Head for 24 years\n\nIn 1968 she was appointed head.\n\nIn 1987 she won a prize.\n\n"
        "The merger was abandoned in 1992.\n\nShe retired that year, aged 58.",
        # Hours as days, in a standfirst the dateline below it shows for one.
        "Crash closes N1\n\nNorthbound lanes stayed closed for 48 hours while investigators worked\n\n"
        "Polokwane - A bus overturned.\n\nThe carriageway was closed for two days.",
        # The fate written after the figure is its own.
        "31 rescued, 9 still missing\n\n31 were rescued. Six crew and three passengers are missing.",
        # A career that starts with taking up a post.
        "Head for 20 years\n\nIn 1980 she took up the headship.\n\nShe retired in 2000.",
        # A hedged count worked out from two others.
        "More than 40 families back home\n\nHouseholds in temporary housing fell to 310 from 352.",
        # A career that starts with an elevation.
        "Judge for 22 years\n\nIn 1996 she was elevated to the High Court.\n\nShe retired in 2018.",
        # Deaths in two places, added up.
        "Storms kill 5 across Queensland\n\nThree died in Gympie and two near Toowoomba, police said.",
        # A second part said to add to the first, however far on.
        "Boat mishap: 11 dead\n\nSeven bodies were recovered on Sunday night and four more on Monday.",
        "Bushfire destroys 41 homes\n\nFirefighters said 37 homes were lost on Saturday and a further four on Sunday.",
        # A hedged body figure that covers the headline's.
        "Dorsey and 185 other CEOs sign letter\n\nMore than 180 CEOs have signed a letter.",
        # A round headline figure.
        "New forecast: 180,000 deaths by October\n\nThe model forecasts 179,106 deaths by October 1.",
        # A bare decimal for the body's rate.
        "MARCH PURCHASING MANAGERS INDEX UP AT 53.9\n\nThe index rose to 53.9 pct from 51.9 pct.",
        # A unit two figures share.
        "BILL AUCTION RATES AVERAGE 5.72, 5.80 PCT\n\nThe rates averaged 5.72 pct and 5.80 pct.",
        # The same figure in Canadian Press style.
        "Budget forecasts $4.6 billion deficit\n\nThe budget projects a $4.6-billion deficit.",
        "Budget forecasts $4.6B deficit and 12 per cent rise\n\nIt projects a $4.6-billion deficit and a 12-per-cent rise.",
    ],
)
def test_a_figure_the_body_states_another_way_is_found(text: str) -> None:
    assert headline(text) == set()


def test_a_count_is_no_price_and_a_worked_out_count_is_exact() -> None:
    """ "7 things" is not "$7.70"; "lose 11 seats" is not 21 less nine."""
    listicle = "# 4 things that will change\n\nHere it is.\n\n## Scripts\n\nCard holders pay $4.70.\n\n## Energy\n\nA credit.\n\n## Rent\n\nHelp rises.\n"
    assert headline(listicle, path="budget.md") == {(1, 3, HEADLINE)}
    text = "Conservatives lose 11 seats\n\nThe Conservatives were reduced to nine seats from 21."
    assert headline(text) == {(1, 20, HEADLINE)}
    assert headline(text.replace("21", "20")) == set()


def test_a_result_line_is_matched_by_its_own_game() -> None:
    """Not by a score of another game that holds one of its figures."""
    text = (
        "Lincoln 28, Jefferson 24: Eagles hold on\n\nA late interception sealed a 28-21 win for Lincoln over "
        "Jefferson.\n\nAnkeny Central beat Lincoln 31-24 in Week 3."
    )
    assert headline(text) == {(1, 23, HEADLINE)}
    assert headline(text.replace("28-21", "28-24")) == set()


def test_a_time_of_day_is_no_figure() -> None:
    assert headline("Storm weakens\n\nUpdated 5 p.m. EDT\n\nThe storm weakened on Tuesday.") == set()


def test_a_temperature_written_closed_up_is_read() -> None:
    text = "Penrith hits 46.2C as Sydney bakes\n\nPenrith reached 45.9C at 3.40pm."
    assert headline(text) == {(1, 14, HEADLINE)}
    assert headline(text.replace("45.9C", "46.2C")) == set()


@pytest.mark.parametrize(
    ("text", "column"),
    [
        # The dead and the missing are no whole that "kills" counts.
        ("Typhoon kills 23\n\nOfficials said 21 people were dead and two missing.", 15),
        # The injured are no part of a death toll, whatever else the headline counts.
        (
            "Bus crash kills 9, injures 14\n\nEight were killed and 14 injured. Seven passengers and two crew were injured.",
            17,
        ),
        ("Blast kills 12\n\nNine died. Seven traders and five policemen were injured.", 13),
        # "More" adds only what the sum needs.
        ("Boat mishap: 11 dead\n\nSeven bodies were recovered on Sunday night and five more on Monday.", 14),
        # Years that merely lie that far apart are no career.
        (
            "Head for 25 years\n\nIn 1968 she was appointed head.\n\nBy 1993 the roll had doubled.\n\nShe retired in 1999.",
            10,
        ),
        # "third-wicket" is no third to add to 112.
        ("Saim's 114 powers Pakistan\n\nSaim's 112 off 109 balls and a third-wicket stand of 131 won it.", 8),
    ],
)
def test_parts_that_make_no_whole_are_no_source(text: str, column: int) -> None:
    assert headline(text) == {(1, column, HEADLINE)}


def test_a_stale_toll_is_no_difference_the_body_states() -> None:
    """ "The toll from the crash" compares nothing: 14 less two is no source for a headline's 12."""
    text = "Lorry kills 12 at junction\n\nThe death toll from the crash rose to 14 after two more victims died."
    assert headline(text) == {(1, 13, HEADLINE)}
    assert headline(text.replace("rose to 14", "rose to 14 from 12")) == set()


def test_about_a_figure_written_to_a_decimal_is_close_to_it() -> None:
    """ "About $2.1 million" is not $2.4 million; "about 180" may be 200."""
    assert headline("Council saves $2.4 million\n\nThe closures will save about $2.1 million a year.") == {
        (1, 15, HEADLINE)
    }
    assert headline("Council saves $2.2 million\n\nThe closures will save about $2.1 million a year.") == set()
    assert headline("Dorsey and 200 CEOs sign letter\n\nAbout 180 CEOs have signed a letter.") == set()
    assert headline("Council saves $2.4 million\n\nThe closures will save more than $2.1 million.") == set()
    # One of its last digit either way: "about £1.2m" is not £1.4m.
    assert headline("Cleaning up costs £1.4m\n\nClearing it cost about £1.2m last year.") == {(1, 19, HEADLINE)}
    # A count is whole: "About 11 people died" is 10 or 12, not 9.
    assert headline("Fire kills 9\n\nAbout 11 people died in the fire.") == {(1, 12, HEADLINE)}
    assert headline("Fire kills 10\n\nAbout 11 people died in the fire.") == set()


def test_a_count_is_not_rounded_to_the_next_one() -> None:
    """A headline rounds down within a step ("$16bn" for $16.6bn), never to the step below."""
    assert headline("Fire kills 7 in tower block\n\nEight people died in the fire.") == {(1, 12, HEADLINE)}
    assert headline("Fire kills 8 in tower block\n\nEight people died in the fire.") == set()
    assert headline("Firm books $16bn profit\n\nIt made $16.6bn last year.") == set()


@pytest.mark.parametrize(
    "text",
    [
        "RNC TV ad spending for Trump: $0\n\nThe committee has not spent anything on commercials.",
        "How the candidates get their money, in 1 infographic\n\nHere is how they stack up.",
        # Six crossheads, one a question of its own; a quoted question is no crosshead.
        "6 things to watch\n\nHere is what to watch:\n\nWhat could surprise Biden?\n\nSanders rising\n\n"
        "A target again\n\nKlobuchar needs a moment\n\nThe outer edges\n\nWho isn't there\n\n"
        "He asked: “Do you disagree with that?”",
    ],
)
def test_what_a_headline_counts_that_the_body_need_not(text: str) -> None:
    assert headline(text) == set()


def test_a_result_line_is_the_bodys_score() -> None:
    """ "Gloucester 25 Bath 23" is the body's "25-23", which is read as a score, not two figures."""
    assert headline("Gloucester 25 Bath 23\n\nGloucester beat Bath 25-23 at Kingsholm.") == set()
    assert headline("Cedar Falls 35, Waverly 14\n\nCedar Falls beat Waverly 35-14 on Friday.") == set()
    assert headline("Gloucester 25 Bath 23\n\nGloucester beat Bath 24-23 at Kingsholm.") == {(1, 12, HEADLINE)}
    # A score on the way is not the result: a body that gives no final score leaves the line alone.
    assert headline("Canterbury 33 Wellington 26\n\nWellington's late try cut Canterbury's lead to 28-26.") == set()
    # A figure that happens to equal the score is no score: "on 28 minutes".
    text = "Scarlets 28 Ospreys 20\n\nThe Scarlets beat the Ospreys 27-20 on Saturday. Prosser scored on 28 minutes."
    assert headline(text) == {(1, 10, HEADLINE)}
    # A body that tells the game without its final score, as under a scoreboard.
    text = (
        "Scarlets 27 Ospreys 20\n\nLlewellyn scored twice as the Scarlets beat the Ospreys.\n\n"
        "The Ospreys had drawn level at 20-20 with 17 minutes left."
    )
    assert headline(text) == set()


def test_a_score_in_the_headline_is_checked_against_the_body() -> None:
    """ "beat Flames 4-2" over "5-2"; but not a scoreboard's score, whose body tells the goals."""
    assert headline("Oilers beat Flames 4-2\n\nThe Oilers beat the Flames 5-2 on Saturday.") == {(1, 20, HEADLINE)}
    assert headline("Shabana stun Tusker 2-0\n\nShabana beat Tusker 2-1 at Gusii Stadium.") == {(1, 21, HEADLINE)}
    assert headline("Oilers beat Flames 4-2\n\nThe Oilers beat the Flames 2–4 on Saturday.") == set()
    assert headline("Oilers beat Flames 4-2\n\nConnor Mack scored twice as the Oilers beat the Flames 4-2.") == set()
    # "unaccounted for" is missing, "to safety" rescued; a fate ends at its sentence.
    text = (
        "Collapse: 11 dead, 14 pulled out alive\n\nEleven bodies were recovered. Rescuers pulled 12 people out. "
        "Fourteen remained unaccounted for."
    )
    assert headline(text) == {(1, 20, HEADLINE)}
    text = "Floods: 14 dead, 37 injured\n\nFourteen bodies were found. A helicopter flew 37 people to safety."
    assert headline(text) == {(1, 18, HEADLINE)}
    # "final 18 months": a span, not a stage.
    text = (
        "Man jailed\nJudge suspends final 18 months of sentence\n\nHe was jailed, with the final two years suspended."
    )
    assert headline(text) == {(2, 22, HEADLINE)}
    # Nor a time of day: "to 6 a.m. Tuesday" is no "6 dead".
    text = "Typhoon leaves 6 dead\n\nFive people were confirmed dead. Rain is forecast in the hours to 6 a.m. Tuesday."
    assert headline(text) == {(1, 16, HEADLINE)}
    # A count is no clock: "stops 38" is not "38 seconds left".
    text = "Novak stops 38 as Hitmen win\n\nNovak made 36 saves. He stopped a breakaway with 38 seconds left."
    assert headline(text) == {(1, 13, HEADLINE)}
    assert headline("Jail terms of 3-5 years\n\nThey face from 3 to 5 years.") == set()
    assert headline("Middlesbrough 2-2 Charlton\n\nA late header earned Middlesbrough a draw.") == set()
    assert headline("Kilbrack win\n\nFinal: Kilbrack 1-14 St Fintan's 0-12\n\nKilbrack won the title.") == set()
    text = "Nadal puts Spain 2-0 up\n\nResult: Nadal 6-7 (6/8) 6-2 7-6 (8/6) 6-2 Roddick\n\nSpain go 2-0 up."
    assert headline(text) == set()


def test_a_count_of_people_in_the_body_is_the_headlines_only_if_the_same_befell_them() -> None:
    """ "9 missing" is not "nine were found alive"; what befell them is read in the figure's own clause."""
    text = "Boat mishap: 9 missing\n\nHe said 13 passengers were pulled out alive by rescuers and nine by fishermen."
    assert headline(text) == {(1, 14, HEADLINE)}
    text = (
        "Storm toll climbs to 23; 9 missing\n\nThe death toll rose to 23 on Saturday. Of the 16 people reported "
        "missing, nine were found alive and seven remained unaccounted for."
    )
    assert headline(text) == {(1, 26, HEADLINE)}
    text = "5 dead, 8 injured in shooting\n\nA gunman opened fire, killing five people and injuring eight others."
    assert headline(text) == set()
    text = "Cyclone toll rises to 57\n\nThe death toll rose to at least 57 on Thursday as rescue teams reached islands."
    assert headline(text) == set()
    # Treated is hurt, evacuated is displaced; an aside's count does not end its clause.
    text = "Fire: 12 people treated\n\nNine were treated by paramedics, and 12 residents were evacuated by bus."
    assert headline(text) == {(1, 7, HEADLINE)}
    text = (
        "Typhoon toll climbs to 14; over 230,000 displaced\n\nThe toll rose to 14. Nine people had been injured "
        "and 231,460 people, or 62,115 families, had been displaced."
    )
    assert headline(text) == set()
    # A fate in the paragraph before is not this figure's.
    text = (
        "Toll rises to 46, with 21 missing\n\nThe death toll rose to 46.\n\nTwenty-one others remain unaccounted for."
    )
    assert headline(text) == set()


def test_n_in_m_is_a_share() -> None:
    """ "1 in 10" is 10 per cent, however the body writes it; "4 in 10 minutes" is no share."""
    assert headline("1 in 10 landlords plan to sell\n\nTen per cent of landlords plan to sell.") == set()
    assert headline("1 in 10 landlords plan to sell\n\nOne in 10 landlords plan to sell.") == set()
    assert headline("Nine in 10 landlords plan to sell\n\nTen per cent of landlords plan to sell.") == {
        (1, 1, HEADLINE)
    }
    assert headline("Scores 4 in 10 minutes\n\nHe scored four goals in 10 minutes.") == set()
    assert headline("9 in 10 dentists agree\n\nNine out of 10 dentists agree.") == set()
    assert headline("Martinez makes it 3 in 3\n\nHe scored in a third straight game.") == set()  # a streak


def test_a_span_of_time_is_not_another_unit() -> None:
    assert headline("Phoenix logged 113 days over 110 degrees\n\nIt had 74 days at or above 110 degrees.") == {
        (1, 16, HEADLINE)
    }
    assert headline("Speed limit cut to 70 mph\n\nThe limit falls to 70 miles an hour.") == set()


def test_a_lede_is_not_a_standfirst() -> None:
    """A one-sentence lede that ends inside its closing quote is body copy:
    its figure is the body's, not a figure to find in the body."""
    text = (
        "Democrats load subpoena cannon\n\n"
        "Axios has assembled a list of at least 85 possible targets for the new majority (“the list.”)\n\n"
        "The list names 85 people."
    )
    assert headline(text) == set()


def test_a_dateline_paragraph_is_body() -> None:
    text = "ROYAL DUTCH PROFIT FALLS\n\nNEW YORK, March 5 - Shr 2.30 dlrs vs 2.90 dlrs\n\nNet fell."
    assert headline(text) == set()


def test_a_listicle_count_is_checked_against_its_crossheads() -> None:
    five = "\n\n".join(f"Point {n}\n\nText {n}." for n in "ABCDE")
    assert headline(f"5 takeaways from the hearing\n\nThe hearing ran late.\n\n{five}") == set()
    assert headline(f"4 things to know\n\nThe talks resume.\n\n{five}") == {(1, 1, HEADLINE)}
    assert headline("Clinton's running mates in 100 words\n\nThey are many.") == set()


def arithmetic(text: str) -> list[tuple[int, int, str]]:
    config = from_text(f"extends: [core]\nselect: [{ARITHMETIC}]\n")
    return [(d.line, d.column, d.message) for d in newslint.lint_text("Headline\n\n" + text, config=config)]


@pytest.mark.parametrize(
    "text",
    [
        "Spending rose to 208 mln stg from 184 mln while exploration dropped to 87 mln from 156 mln.",
        "Tax receipts rose to 206.45 billion yuan from 201.82 billion, bond receipts to 6.2 billion from 6.04 billion.",
        "Credits will rise to 70 dlrs from 50 dlrs for adults and to 35 dlrs from 25 dlrs for children.",
        "Production rose to 407,600 from 386,000, while exports climbed to 226,300 from 218,200.",
        "Investment rose fivefold, from 417 mln dlrs to 2.3 billion.",
    ],
)
def test_the_from_of_one_clause_never_pairs_with_the_to_of_the_next(text: str) -> None:
    assert arithmetic(text) == []


@pytest.mark.parametrize(
    "aside",
    [
        ", or $1.37 a share, in the three months ended March 28,",  # an earnings story's lede
        " in the quarter",
        "",
    ],
)
def test_to_y_from_x_with_the_share_and_the_period_between(aside: str) -> None:
    text = f"Net income rose 18% to $412 million{aside} from $310 million a year earlier."
    assert arithmetic(text) == [
        (3, 17, "the figures do not agree: rose 18% from $310 million is $365.8 million, not $412 million")
    ]
    assert arithmetic(text.replace("18%", "33%")) == []


@pytest.mark.parametrize(
    ("currency", "written"),
    [("euros", "euros"), ("mln dlrs", "mln dlrs"), ("billion yen", "billion yen"), ("pence", "pence")],
)
def test_to_y_from_x_with_the_currency_written_after_each_figure(currency: str, written: str) -> None:
    """The wires write the currency after the figure, on both ends of the change, and so does the message."""
    text = f"Shares rose 14 pct to 36.85 {currency} from 33.20 {currency}."
    assert arithmetic(text) == [
        (
            3,
            13,
            f"the figures do not agree: rose 14 pct from 33.20 {written} is 37.85 {written}, not 36.85 {written}",
        )
    ]
    assert arithmetic(text.replace("14 pct", "11 pct")) == []


def test_lakhs_and_crores_are_figures_like_any_other() -> None:
    assert arithmetic("Spending rose from Rs 1,200 crore to Rs 2,400 crore, a threefold increase.") == [
        (3, 15, "the figures do not agree: threefold from Rs 1,200 crore is Rs 3,600 crore, not Rs 2,400 crore")
    ]
    config = from_text(f"extends: [core]\nselect: [{HEADLINE}]\n")
    for headline, body in (("1.1 lakh people", "110,000 people"), ("Rs 45 billion", "Rs 4,500 crore")):
        text = f"Floods cost {headline}\n\nThe floods cost {body} across the state.\n"
        assert newslint.lint_text(text, config=config) == []


def test_a_percentage_allows_its_rounding_and_the_figures_theirs_and_no_more() -> None:
    """ "£1.2bn" may be £1.15bn to £1.25bn, so the fall is 9.4 to 16.9 per cent: not 18."""
    assert arithmetic("Profit fell 18 per cent to £1.2bn from £1.38bn.") == [
        (3, 13, "the figures do not agree: fell 18 per cent from £1.38bn is £1.13bn, not £1.2bn")
    ]
    assert arithmetic("Profit fell 13 per cent to £1.2bn from £1.38bn.") == []
    assert arithmetic("Profit fell 17 per cent to £1.2bn from £1.38bn.") == []  # truncated 16.9


def test_a_hedged_multiplier_reaches_as_far_as_its_hedge() -> None:
    """ "Nearly tripled" is 2.3 times or more, not 2.2."""
    assert arithmetic("Free cash flow nearly tripled to $1.9 billion from $870 million.") == [
        (3, 23, "the figures do not agree: tripled from $870 million is $2.61 billion, not $1.9 billion")
    ]
    assert arithmetic("Free cash flow nearly tripled to $2.4 billion from $870 million.") == []


def test_a_currency_written_as_letters_is_a_figure_like_any_other() -> None:
    assert arithmetic("A ticket rose from N3,600 to N6,000, an increase of 76 per cent.") == [
        (3, 15, "the figures do not agree: rose 76 per cent from N3,600 is N6,336, not N6,000")
    ]
    assert headline("Nairobi approves Sh3.1 billion plan\n\nThe assembly approved a Sh3.4 billion plan.") == {
        (1, 18, HEADLINE)
    }


def test_an_aside_after_a_phrase_of_place_is_read() -> None:
    assert arithmetic("Flour rose from $120 to $150 in Nairobi supermarkets, a 30 per cent rise.") == [
        (3, 12, "the figures do not agree: rose 30 per cent from $120 is $156, not $150")
    ]
    assert arithmetic("Flour rose from $120 to $150 in Nairobi supermarkets, a 25 per cent rise.") == []


def test_dollars_against_cents_are_not_compared() -> None:
    assert arithmetic("Net income rose to 1.04 dlrs from 83 cts a share.") == []


def test_a_clause_between_y_and_from_is_another_change() -> None:
    assert arithmetic("Sales rose 18% to $412 million in May and costs fell from $310 million.") == []


def test_a_figure_quoted_as_its_inverse_is_not_a_wrong_sum() -> None:
    """Yen a dollar: the yen's value rises as the figure falls."""
    text = "The yen rose 0.8 pct to 153.50 in February from 154.67 in January."
    assert arithmetic(text) == []
    assert arithmetic(text.replace("0.8 pct", "5 pct")) != []


def test_a_scaled_figure_is_read_to_a_tenth_of_its_scale() -> None:
    """Copy writes "$2.4 million"; "$2 million" is not anything from 1.5 to 2.5 million."""
    assert arithmetic("Spending doubled from $2 million to $6 million.") == [
        (3, 10, "the figures do not agree: doubled from $2 million is $4 million, not $6 million")
    ]
    assert arithmetic("Spending doubled from $2 million to $4.1 million.") == []
    assert arithmetic("Spending rose 50% from 2 million to 3 million.") == []


def test_a_multiplier_across_scales_is_written_in_digits() -> None:
    (found,) = arithmetic("Investment rose tenfold, from 417 mln dlrs to 2.3 billion.")
    assert found == (3, 17, "the figures do not agree: tenfold from 417 mln dlrs is 4.17 billion, not 2.3 billion")
    assert "0.0" not in found[2]


def test_percentage_points_are_not_a_percentage() -> None:
    assert arithmetic("Unemployment rose from 5% to 7%, an increase of 2%.") == [
        (3, 19, "the figures do not agree: from 5% to 7% is 2 percentage points (a 40% rise), not 2%")
    ]
    assert arithmetic("Unemployment rose from 5% to 7%, an increase of 2 percentage points.") == []
    assert arithmetic("Unemployment rose from 5% to 7%, an increase of 40%.") == []
