"""Claims rules: arithmetic, headline figures, attribution, sourcing, names, dates."""

from __future__ import annotations

from pathlib import Path

import pytest

import newslint
from newslint.config import from_text
from newslint.examples import run_examples
from newslint.linter import Linter
from newslint.text.numbers import parse_number, read_multipliers, read_numbers

SEED = (Path(__file__).parent.parent / "seeds" / "nato-iraq-troops.txt").read_text(encoding="utf-8")
CLAIMS_RULES = (
    "claims.arithmetic claims.headline-figure claims.unattributed-quote claims.vague-source "
    "claims.name-variant claims.loaded-verb claims.weekday-date"
).split()


def diagnostics(text: str, select: str = "claims", path: str | None = None) -> list[newslint.Diagnostic]:
    return newslint.lint_text(text, path=path, config=from_text(f"extends: [core]\nselect: [{select}]\n"))


def findings(text: str, select: str = "claims", path: str | None = None) -> set[tuple[int, int, str]]:
    return {(d.line, d.column, d.rule) for d in diagnostics(text, select, path)}


def replace_line(text: str, line: int, old: str, new: str) -> str:
    lines = text.split("\n")
    assert old in lines[line - 1], (line, old)
    lines[line - 1] = lines[line - 1].replace(old, new)
    return "\n".join(lines)


# -- numbers -------------------------------------------------------------------


@pytest.mark.parametrize(
    "phrase, value",
    [
        ("4,000", 4000), ("4000", 4000), ("4.5", 4.5), ("£3.5bn", 3.5e9), ("2m", 2e6), ("4k", 4000),
        ("eight million", 8e6), ("a dozen", 12), ("two-thirds", 2 / 3), ("half", 0.5), ("three", 3),
        ("twenty-five", 25), ("two hundred and fifty thousand", 250_000), ("20%", 20),
        ("20 per cent", 20), ("20 percent", 20), ("2.5 million", 2.5e6), ("just under 3,000", 3000),
        ("46.2C", 46.2), ("40°C", 40), ("104F", 104),
    ],
)  # fmt: skip
def test_parse_number(phrase: str, value: float) -> None:
    assert parse_number(phrase) == pytest.approx(value)


@pytest.mark.parametrize(
    "phrase", ["1st", "3-1", "PS2", "5ft", "10:30", "v1.0", "a", "&#163;", "a third-wicket stand", "a half-century"]
)
def test_not_a_number(phrase: str) -> None:
    assert read_numbers(phrase) == []


def test_kinds_and_hedges() -> None:
    (percent,) = read_numbers("rose 20 per cent")
    assert percent.kind == "percent" and percent.value == 20
    (hedged,) = read_numbers("cut to just under 3,000")
    assert hedged.hedge == "just under" and hedged.bounds()[0] < 2800 < hedged.bounds()[1]
    (year,) = read_numbers("in 2004")
    assert year.is_year
    (strong,) = read_numbers("the 10,000-strong force")
    assert strong.value == 10000 and not strong.is_year


def test_multipliers() -> None:
    text = "eightfold, doubled, tripled, quadrupled, halved, three times, 10-fold"
    assert [m.value for m in read_multipliers(text)] == [8, 2, 3, 4, 0.5, 3, 10]


# -- the seed article ----------------------------------------------------------


def test_seed_has_only_vague_source() -> None:
    assert findings(SEED) == {(29, 1, "claims.vague-source")}


def test_seed_sevenfold() -> None:
    text = replace_line(SEED, 9, "eightfold", "sevenfold")
    found = [d for d in diagnostics(text) if d.rule == "claims.arithmetic"]
    assert [(d.line, d.rule) for d in found] == [(9, "claims.arithmetic")]
    assert "sevenfold from 500 is 3,500, not 4,000" in found[0].message


def test_seed_headline_figure() -> None:
    text = replace_line(SEED, 1, "4,000", "5,000")
    assert findings(text, "claims.headline-figure") == {(1, 75, "claims.headline-figure")}


def test_seed_name_variant() -> None:
    text = replace_line(SEED, 47, "Mr Stoltenberg", "Mr Stoltenburg")
    found = [d for d in diagnostics(text) if d.rule == "claims.name-variant"]
    assert [(d.line, d.column) for d in found] == [(47, 4)]
    assert "'Stoltenberg' on line 3" in found[0].message


def test_seed_unattributed_quote() -> None:
    text = replace_line(SEED, 17, "return,” he said.", "return.”")
    assert findings(text, "claims.unattributed-quote") == {(17, 1, "claims.unattributed-quote")}


# -- one rule at a time --------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Profits rose 20% from 400 to 500.\n", {(1, 14, "claims.arithmetic")}),
        ("Sales doubled from 300 to 900.\n", {(1, 7, "claims.arithmetic")}),
        ("Troop numbers fell from 5,200 to 6,000.\n", {(1, 20, "claims.arithmetic")}),
        ("Sales rose 2% to $11.1bn from $10.9bn.\n", set()),
        ("He would reduce troops from 5,200 to just under 3,000.\n", set()),
        ("Prices doubled.\n", set()),
        ("Prices rose sharply from 2003 to 2005.\n", set()),
        ("“Sales doubled from 300 to 900,” he said.\n", set()),
        # The change named again in an aside just after the pair:
        ("Sales rose from 500 to 4,000, a sevenfold increase.\n", {(1, 12, "claims.arithmetic")}),
        ("Sales rose from 500 to 4,000, an eightfold increase.\n", set()),
        ("Sales rose from 500 to 4,000, an increase of 800%.\n", {(1, 12, "claims.arithmetic")}),
        ("Sales rose from 500 to 4,000, an increase of 700%.\n", set()),
        ("Profits went from £400m to £300m - a 20% fall.\n", {(1, 14, "claims.arithmetic")}),
        ("Profits went from £400m to £300m, down 25%.\n", set()),
        ("Sales rose from 500 to 4,000, while costs rose 10%.\n", set()),  # another change
        ("Sales fell from 900 to 300, a threefold decrease.\n", set()),  # ambiguous: not read
        ("Sales rose from 500 to 600, up 30% since 2001.\n", set()),  # another baseline
        ("Sales rose from 500 to 600, a 30% rise on 2003.\n", set()),
        ("Sales rose from 500 to 600, up 30%, the firm said.\n", {(1, 12, "claims.arithmetic")}),
        # A verb with its object before "by" and the percentage.
        (
            "It will raise capital spending by 12 per cent this year to $4.6-billion from $4.3-billion.\n",
            {(1, 35, "claims.arithmetic")},
        ),
        ("It will raise capital spending by 7 per cent this year to $4.6-billion from $4.3-billion.\n", set()),
        ("The firm will cut its workforce by 10% to 900 from 1,000.\n", set()),
        ("The firm will cut its workforce by 20% to 900 from 1,000.\n", {(1, 36, "claims.arithmetic")}),
        # The aside after the price's unit and a place, and before the change's own span.
        (
            "Petrol rose from ₦617 to ₦1,030 per litre at some outlets, a 76 per cent increase.\n",
            {(1, 13, "claims.arithmetic")},
        ),
        ("Petrol rose from ₦617 to ₦1,030 per litre at some outlets, a 67 per cent increase.\n", set()),
        (
            "Petrol rose from ₦617 to ₦1,030, a 76 per cent increase in less than three weeks.\n",
            {(1, 13, "claims.arithmetic")},
        ),
        # "A year earlier" dates the change; it does not make it a rank.
        ("Sales rose to $5.2m from $6.1m a year earlier.\n", {(1, 12, "claims.arithmetic")}),
        # "Growth" names the quantity, not its direction.
        ("GNP growth slowed to 2.6 pct from 4.3 pct.\n", set()),
        # "Down from" a range.
        ("Estimates ranged from 2.3 to 2.6 mln tonnes, down from 2.4 to 2.7 mln tonnes.\n", set()),
        # A scale written once, after the second figure.
        ("Payments were lowered from 3.450 to 1.350 billion dlrs.\n", set()),
        ("Payments were raised from 3.450 to 1.350 billion dlrs.\n", {(1, 22, "claims.arithmetic")}),
        # Another clause's verbs are not the pair's.
        (
            "The index fell 1.2% as yields rose, and Halbury dropped 5.1% to 412.6 pence from 425.8 pence.\n",
            {(1, 57, "claims.arithmetic")},
        ),
        # A sum in yen is no exchange rate.
        ("Profit rose to 118.4 billion yen from 131.9 billion yen.\n", {(1, 13, "claims.arithmetic")}),
        # "Went up from" is a change, not the range of ", down from".
        (
            "The adult fare went up from $4.50 to $5.20 in April, a 25 per cent increase.\n",
            {(1, 24, "claims.arithmetic")},
        ),
        # The aside after a currency written after the figure, a unit and a date.
        (
            "Rates rose from 7.59 cents to 8.32 cents a kilowatt-hour on April 1, a 12 per cent increase.\n",
            {(1, 12, "claims.arithmetic")},
        ),
        # The "by" percentage of another clause, and a scale that is not the first figure's.
        ("It will raise fares by 10 per cent, taking revenue to £182m from £171m.\n", set()),
        ("Users have grown from 900 to 1.4 million.\n", set()),
        # The new figure first, then its change and the old one.
        ("Net earnings were $184-million, up 12 per cent from $171-million.\n", {(1, 19, "claims.arithmetic")}),
        ("Rice was 3,650 yen in the week through Nov. 15, down 14.8 percent from 4,285 yen.\n", set()),
        # A rate against another currency, in the pair's clause only.
        ("The naira fell from N1,470 to N1,580 against the US dollar.\n", set()),
        (
            "Oil earnings rose to N14.1 trillion from N14.6 trillion, as the naira weakened against the dollar.\n",
            {(1, 19, "claims.arithmetic")},
        ),
        # "The number of" is a count, not a rank; "growth" in pay is no rise.
        ("The number of people killed fell to 91 from 78 last year.\n", {(1, 34, "claims.arithmetic")}),
        ("Annual growth in pay fell to 5.9 per cent from 5.4 per cent.\n", {(1, 27, "claims.arithmetic")}),
        # A month's abbreviation ends no sentence; an object of six words.
        (
            "The minimum wage rose from $15.50 to $16.90 an hour on Jan. 1, a 12 percent increase.\n",
            {(1, 23, "claims.arithmetic")},
        ),
        (
            "It will raise the average residential property tax bill by 3.9 per cent this year to $4,380 from $4,102.\n",
            {(1, 60, "claims.arithmetic")},
        ),
        # A label's number is no new figure; a clause with no subject keeps the one before.
        ("Traffic on Interstate 81, up 6 percent from 61,000, slowed.\n", set()),
        ("The shilling has lost ground for days, and fell to 131.20 from 129.85.\n", set()),
        # "Position" is no rank.
        ("The ratio fell to 14.6% from 14.1%, a strong capital position.\n", {(1, 16, "claims.arithmetic")}),
        # An exchange rate, quoted either way.
        ("The yen/dollar rate rose to 158 yen from 207 a year earlier.\n", set()),
        # Not another verb's percentage: prices, not the pair, rose 5%.
        ("Shops raised prices by 5% as sales fell to 900 from 1,000.\n", set()),
        # A sum's conversion in brackets is part of it, either way round.
        (
            "Sales rose 9% to 2.41 billion euros ($2.80 billion) from 2.05 billion euros.\n",
            {(1, 12, "claims.arithmetic")},
        ),
        (
            "Sales rose 9% from 2.05 billion euros ($2.38 billion) to 2.41 billion euros ($2.80 billion).\n",
            {(1, 12, "claims.arithmetic")},
        ),
        ("Sales rose 17.6% to 2.41 billion euros ($2.80 billion) from 2.05 billion euros.\n", set()),
        # "Y, up P% from X" with an aside of unit, period or object after Y.
        ("Crashes climbed to 412 in 2024, up 18 percent from 329 the year before.\n", {(1, 20, "claims.arithmetic")}),
        (
            "The Qantas group cancelled 1,412 flights in August, up 21 per cent from 1,256 a year ago.\n",
            {(1, 28, "claims.arithmetic")},
        ),
        ("The group cancelled 1,412 flights in August, up 12 per cent from 1,256 a year ago.\n", set()),
        # Wrapped copy: a line that runs on in lower case is the same sentence.
        (
            "Revenue rose 12% to 3.12 billion euros\nfrom 2.86 billion euros a year earlier.\n",
            {(1, 14, "claims.arithmetic")},
        ),
        # A period "to" or "between … and" a month; a currency written after the figure.
        (
            "It recorded 1,412 incidents in the year to March, up 21 per cent from 1,256.\n",
            {(1, 13, "claims.arithmetic")},
        ),
        (
            "It handled 1.28 million passengers between July and September, up 31 per cent from 1.13 million.\n",
            {(1, 12, "claims.arithmetic")},
        ),
        ("Net income fell 22% to 412 million reais from 498 million reais.\n", {(1, 17, "claims.arithmetic")}),
        (
            "Revenue was RM2.94 billion in the financial year to March 31, up 12.6% from RM2.71 billion.\n",
            {(1, 13, "claims.arithmetic")},
        ),
        # The period between Y and "from": an abbreviated month, a "which" aside.
        (
            "Revenue rose 14% to $5.21 billion in the quarter ended Sept. 30 from $4.72 billion.\n",
            {(1, 14, "claims.arithmetic")},
        ),
        (
            "Revenue rose 14% to $5.21 billion in the third quarter, which ended in September, from $4.72 billion.\n",
            {(1, 14, "claims.arithmetic")},
        ),
        # A unit's abbreviation in brackets is part of the figure's aside.
        ("Demand reached 250 gigawatts (GW) in May, up 4.8% from 243 GW.\n", {(1, 16, "claims.arithmetic")}),
        # "About" a figure written to a decimal: one of its last digit either way.
        (
            "The price has risen threefold, from about 1.3 million pesos to 2.9 million pesos.\n",
            {(1, 21, "claims.arithmetic")},
        ),
        # A figure read across an aside that is far off what the change says is another figure.
        ("The firm employs 412 people at 12 sites, up 18 percent from 329 in 2020.\n", set()),
    ],
)
def test_arithmetic(text: str, expected: set) -> None:
    assert findings(text, "claims.arithmetic") == expected


def test_arithmetic_message() -> None:
    (found,) = diagnostics("Profits rose 20% from 400 to 500.\n", "claims.arithmetic")
    assert found.message == "the figures do not agree: rose 20% from 400 is 480, not 500"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Troops rise to 5,000\n\nThe force grows to 4,000.\n", {(1, 16, "claims.headline-figure")}),
        ("Troops rise to 4,000\n\nThe force grows to four thousand.\n", set()),
        ("Troops rise to 4k\n\nThe force grows to 4000.\n", set()),
        ("Prices up 20%\n\nPrices rose by 20 per cent.\n", set()),
        ("Prices up 20%\n\nPrices rose from 20 to 24.\n", {(1, 11, "claims.headline-figure")}),
        ("Elections in 2005 and Blair's 3rd term\n\nThe prime minister spoke.\n", set()),
        ("'10,000 jobs' at risk\n\nThe union said jobs were at risk.\n", set()),
        ("Troops rise to 5,000\n", set()),
    ],
)
def test_headline_figure(text: str, expected: set) -> None:
    assert findings(text, "claims.headline-figure") == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The match ended.\n\n“We will expand the training mission in Iraq now.”\n",
            {(3, 1, "claims.unattributed-quote")},
        ),
        ("“We will expand the training mission in Iraq now,” he said.\n\n“It will grow.”\n", set()),
        ("“We will expand the training mission in Iraq now.\n\n“It will grow,” he said.\n", set()),
        ("He said:\n\n“We will expand the training mission in Iraq now.”\n", set()),
        ("The report, “Our failing schools and what we can do about them”, was out.\n", set()),
        ("He said it was a “critical juncture”.\n", set()),
        # A match report's reactions name the speaker as a label (BBC corpus, sport-105):
        ("The match ended.\n\n- Bolton boss Sam Allardyce “I am bitterly disappointed with the result.”\n", set()),
        (
            "The match ended.\n\n- “I am bitterly disappointed with the result.”\n",
            {(3, 3, "claims.unattributed-quote")},
        ),
        (
            "The match ended.\n\n- Finally “we are bitterly disappointed with the result.”\n",
            {(3, 11, "claims.unattributed-quote")},
        ),
        (
            "The match ended.\n\n- On Monday “we are bitterly disappointed with the result.”\n",
            {(3, 13, "claims.unattributed-quote")},
        ),
    ],
)
def test_unattributed_quote(text: str, expected: set) -> None:
    assert findings(text, "claims.unattributed-quote") == expected


# -- attribution: where newsrooms put it (issue 11) ------------------------------

QUOTE = "We will take every wicket we can get on this pitch"


def unattributed(body: str) -> set[tuple[int, int, str]]:
    """claims.unattributed-quote findings for a body under a headline (line 1)."""
    return findings("Ashes report\n\n" + body + "\n", "claims.unattributed-quote")


@pytest.mark.parametrize(
    "body",
    [
        # Quote-first lede: the next sentence, or the next paragraph, points back.
        "“Never trust a map drawn by a man who has never been lost.” So runs the first line of a new guide "
        "by a retired surveyor.",
        "“Never trust a map drawn by a man who has never been lost.”\n\nSo runs the first line of a new guide.",
        "“Never trust a map drawn by a man who has never been lost.”\n\nThose words open a guide by a retired surveyor.",
        # The paragraph before paraphrases the speaker with a speech verb.
        f"The pitch would not last five days, the bowler declared.\n\n“{QUOTE}.”",
        f"Root said the pitch would break up by the third day.\n\n“{QUOTE}.”",
        # A lead-in paragraph with no colon.
        "In a statement, the club condemned the chants from the away end.\n\n“Racism has no place in our game.”",
        "Trump tweeted his frustration on Sunday.\n\n“I win a state and then get non-representative delegates!”",
        "Here's how Perry described what happened next.\n\n“We got to the door and it was locked from inside.”",
        # Before the quote: a colon, a dash, "as follows", a comma after speech.
        f"He put it plainly: “{QUOTE}.”",
        f"Her answer came at once — “{QUOTE}.”",
        f"The coach's statement to the club was as follows.\n\n“{QUOTE}.”",
        f"He ended the call, adding, “{QUOTE}.”",
        f"Mick Jagger also reacted on Twitter, “{QUOTE}.”",
        # After it: any speech verb, and a tag with any verb.
        f"“{QUOTE},” the statement read.",
        f"“{QUOTE},” he said, adding, “There is no other way to win here.”",
        f"“{QUOTE},” Root, the England captain, echoed at a press conference.",
        f"“{QUOTE},” about 200 fans chanted.",
        f"“{QUOTE},” concluded the report.",
        f"“{QUOTE}” — Joe Root, England captain",
        f"“{QUOTE}.”\n\n— Joe Root, England captain",
        # The reporter's clause carries a quote woven into it.
        "Slate characterized it as “the most hostile speech ever delivered by an American president.”",
        "The directive reserves the right for the agency to “review the totality of the circumstances.”",
        # A question naming the speaker.
        "Harvey's bottom line? “I would sit down with him again any time he asks.”",
        # Not speech: a title, a letter, a dialogue scene.
        "He hosted a “Salute to the Heroes of the Immigration and Customs Enforcement Agency,” at noon.",
        "The question “How am I going to explain this to the press?” can be a powerful motivator.",
        # A quotation that is the subject of its sentence: a lyric, a slogan.
        "The fans stayed on.\n\n“Goodnight Irene, goodnight Irene, I'll see you in my dreams” has rung round the "
        "ground since the 1950s.",
        "“Keep calm and carry on, the kettle is always on” is printed on the mugs in the staff room.",
        "“Dear Doctor: I am 68 and I wake at three every morning. What can I do?”\n\nDear Reader: It is common.",
        "My son came home at midnight.\n\n“Where have you been all evening, young man?”\n\n"
        "“Out with my friends, like I told you this morning.”",
        "“Where have you been all evening, young man?” “Out with my friends, like I told you.”",
        # A document the article introduces, for the rest of it.
        "VIENNA, June 29 - Following are extracts from the communique.\n\n“The conference expressed satisfaction "
        "with the agreement.”\n\nThe conference decided to meet again.\n\n“The conference noted that all market "
        "indicators were firming.”",
        # A quote from the report a paragraph cites.
        "The schools are 52% full, according to the district's facilities report.\n\n“The buildings cost more than they teach.”",
        # A study's authors write "we".
        "Sleep fell by an hour, according to a study of 4,000 teenagers.\n\n“We found the effect in every age group.”",
    ],
)
def test_attribution_where_newsrooms_put_it(body: str) -> None:
    assert unattributed(body) == set()


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # No one speaks: a narrative paragraph before, or beside, the quote.
        (f"The bowler took five wickets.\n\n“{QUOTE}.”", {(5, 1)}),
        (f"He is starting to look beyond the series. “{QUOTE}.”", {(3, 43)}),
        # An act or a stance is not a paraphrase of words.
        (f"Root announced the team after a meeting.\n\n“{QUOTE}.”", {(5, 1)}),
        (f"Root agrees that the pitch is the key.\n\n“{QUOTE}.”", {(5, 1)}),
        # A speech verb that reports only as a tag reports nothing here.
        (f"The second half began the way the first had.\n\n“{QUOTE}.”", {(5, 1)}),
        (f"The rain continued as it had all week.\n\n“{QUOTE}.”", {(5, 1)}),
        # A report does not say "I": the first-person quote after it is someone else's.
        (
            f"The schools are 52% full, according to the district's facilities report.\n\n“{QUOTE}. I'd rather spend it on teachers.”",
            {(5, 1)},
        ),
        # Nor do records and filings, in the singular or the plural.
        (
            f"The campaign spent $410,000, according to state campaign finance filings.\n\n“{QUOTE}. I knew it.”",
            {(5, 1)},
        ),
        (
            f"The campaign spent $410,000, according to state campaign finance filings.\n\n“{QUOTE}. We knew it.”",
            {(5, 1)},
        ),
        (
            f"Enrollment fell 11 percent, according to state enrollment numbers.\n\n“We knew it. {QUOTE}.”",
            {(5, 1)},
        ),
        (f"Turnout was 41 percent, according to the official count.\n\n“We knew it. {QUOTE}.”", {(5, 1)}),
        # "according to" sources its own paragraph's facts, not the next one's words.
        (f"Some 368 patients were waiting, according to Nova Scotia Health.\n\n“{QUOTE}.”", {(5, 1)}),
        (f"The pitch cost £2m to relay, according to the groundsman, Ted Hale.\n\n“{QUOTE}.”", {(5, 1)}),
        # A verb's form inside a name is no verb: "the United States" does not state.
        (f"The reef, the only one in the United States, is dying.\n\n“{QUOTE}.”", {(5, 1)}),
        # A tag that names someone and has no verb: the "said" was lost, even
        # with a speech verb in the paragraph before (it may be someone else's).
        (f"The board said profits rose.\n\n“{QUOTE},” Anthony O'Reilly, the chairman.", {(5, 1)}),
        # A speech verb in a relative clause describes the speaker.
        (f"“{QUOTE},” Gabriel Zucman, an economist who has advised Warren.", {(3, 1)}),
        # A quote-first lede with nothing pointing back at it.
        ("“Never trust a map drawn by a man who has never been lost.” The guide costs £12.", {(3, 1)}),
        # A clause before the quote with no verb.
        ("The plan “is not a solution. It says give me more time and keep our fingers crossed.”", {(3, 10)}),
    ],
)
def test_unattributed_speech_is_still_found(body: str, expected: set[tuple[int, int]]) -> None:
    assert unattributed(body) == {(line, column, "claims.unattributed-quote") for line, column in expected}


@pytest.mark.parametrize(
    "verb",
    "said says told added replied declared greeted recalled remembers wrote radioed cabled begins confessed "
    "insisted quipped mused pleaded".split(),
)
def test_speech_verbs_in_any_tense_before_or_after_the_speaker(verb: str) -> None:
    assert unattributed(f"“{QUOTE},” {verb} the captain.") == set()
    assert unattributed(f"“{QUOTE},” the captain {verb}.") == set()


def test_a_quote_swallowed_by_a_missing_closing_mark_is_one_finding() -> None:
    text = f"Ashes report\n\nThe bowler took five wickets.\n\n“{QUOTE}, the captain said.\n\nPlay starts at ten.\n"
    found = findings(text, "claims.unattributed-quote, quotes")
    assert found == {(5, 1, "quotes.unbalanced")}


def test_loaded_verbs_are_speech_verbs_and_the_two_rules_agree() -> None:
    """The shared lexicon: every verb claims.loaded-verb judges is a speech
    verb to claims.unattributed-quote, so "…,” he claimed" is attributed
    (no unattributed quote) and its verb is loaded (one loaded-verb finding)."""
    from newslint.lexicon import SPEECH_VERBS
    from newslint.rules import builtin_pack_path, load_pack

    core = {rule.id: rule for rule in load_pack(builtin_pack_path("core"), "core").rules}
    assert set(core["claims.loaded-verb"].options["terms"]) <= set(SPEECH_VERBS)
    text = f"Ashes report\n\nThe bowler took five wickets.\n\n“{QUOTE},” he claimed.\n"
    assert findings(text, "claims.unattributed-quote, claims.loaded-verb") == {(5, 58, "claims.loaded-verb")}


def test_terms_set_by_a_config_drop_the_rule_files_exceptions(tmp_path: Path) -> None:
    """A newsroom's own list replaces the phrases the built-in exceptions were written for."""
    family = tmp_path / "house" / "claims"
    family.mkdir(parents=True)
    (family / "reports.yaml").write_text(
        "check: existence\nmessage: m\ndescription: d\nterms: [according to reports]\n"
        "exceptions: ['according\\s+to\\s+reports\\s+in\\s+the\\s+Hollywood\\s+Reporter']\n"
        "examples: {bad: [according to reports], good: [according to reports in the Hollywood Reporter]}\n",
        encoding="utf-8",
    )
    text = "The film is on, according to reports in the Hollywood Reporter.\n"
    pack = f"extends: [{tmp_path / 'house'}]\ncore: false\n"
    assert {(d.line, d.column) for d in newslint.lint_text(text, config=from_text(pack))} == set()
    config = from_text(pack + "rules:\n  claims.reports:\n    terms: [according to reports]\n")
    assert {(d.line, d.column) for d in newslint.lint_text(text, config=config)} == {(1, 17)}


def test_a_reaction_label_in_a_markdown_list_attributes_the_quote() -> None:
    label = "# Match report\n\nHe spoke.\n\n- Bolton boss Sam Allardyce “I am bitterly disappointed with the result.”\n"
    assert findings(label, "claims.unattributed-quote", path="a.md") == set()
    unlabelled = label.replace("Bolton boss Sam Allardyce ", "")
    assert findings(unlabelled, "claims.unattributed-quote", path="a.md") == {(5, 3, "claims.unattributed-quote")}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Sources say the minister will resign.\n", {(1, 1, "claims.vague-source")}),
        ("It is understood that talks failed.\n", {(1, 1, "claims.vague-source")}),
        ("“Sources say all sorts of things,” she said.\n", set()),
        ("The ministry reported the attack.\n", set()),
        # A source named in the same sentence (exceptions), as in the BBC corpus:
        ("The deal stands, according to reports.\n", {(1, 18, "claims.vague-source")}),
        ("The deal stands, according to reports from Interfax.\n", set()),
        ("It is thought he fled. Mr Dobrow said so.\n", {(1, 1, "claims.vague-source")}),
        ("It is thought he took no card numbers, said Mr Dobrow.\n", set()),
        ("It is thought that it will be shown, according to a Reuters report.\n", set()),
        (
            "It is thought that it will be shown, according to reports.\n",
            {(1, 1, "claims.vague-source"), (1, 38, "claims.vague-source")},
        ),
        ("Many people believe the plan failed.\n", {(1, 1, "claims.vague-source")}),
        ("Many people believe you, Kilroy.\n", set()),  # a person believed: no claim
        ("Many believe him to be the killer.\n", {(1, 1, "claims.vague-source")}),
        ("It is believed that he fled, according to one insider.\n", {(1, 1, "claims.vague-source")}),
        ("The deal stands, according to reports on Monday.\n", {(1, 18, "claims.vague-source")}),
        ("It is as bad as the reports suggest.\n", set()),  # coverage looked back on
        ("Reports suggest he left.\n", {(1, 1, "claims.vague-source")}),
    ],
)
def test_vague_source(text: str, expected: set) -> None:
    assert findings(text, "claims.vague-source") == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Mr Al-Kadhimi spoke. Mr Al Kadhimi left. Mr Al-Kadhimi said no.\n", {(1, 25, "claims.name-variant")}),
        ("Ms Kramp-Karrenbauer spoke. Later Ms Kramp Karrenbauer left.\n", {(1, 38, "claims.name-variant")}),
        # Forms differing only in case are one name: the misspelling alone is reported (tech-401).
        (
            "Players love MMORPGs, and many play MMORPGs, or MMOPRGs: so called MMORPGS.\n",
            {(1, 49, "claims.name-variant")},
        ),
        # Two neighbouring letters swapped, as in the BBC corpus (business-140).
        (
            "Steel shares fall\n\nShares in Arcelor fell.\n\nAnalysts expect Arcleor and Arcelor to merge.\n",
            {(5, 17, "claims.name-variant")},
        ),
        ("Rockets hit Iraq, fired by groups from Iran.\n", set()),
        ("Marian Brain and Marina Bain spoke.\n", set()),
        ("Fans from Austria and Australia met.\n", set()),
        ("Jon Smith met John Smith.\n", set()),
        ("Michael Mann and Michel Gondry were nominated.\n", set()),
    ],
)
def test_name_variant(text: str, expected: set) -> None:
    assert findings(text, "claims.name-variant") == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("“We did nothing wrong,” he claimed.\n", {(1, 28, "claims.loaded-verb")}),
        ("The minister admitted that the plan failed.\n", set()),  # not in the default list (test_loaded_verb.py)
        ("He was admitted to hospital.\n", set()),
        ("Chelsea claimed the title.\n", set()),
        ("It is claimed that he stole a car.\n", set()),
        ("Prosecutors alleged that he stole a car.\n", set()),  # the right verb for an accusation
        # "claims" the verb after a name or "the", the noun after a verb or preposition:
        ("Yukos claims that it is being punished.\n", {(1, 7, "claims.loaded-verb")}),
        ("The Mozilla Foundation claims that it grew.\n", {(1, 24, "claims.loaded-verb")}),
        ("Mr Brown denied Conservative claims that he had.\n", set()),
        ("It could dent Lycos claims that it is legal.\n", set()),
        ("The AMF is investigating claims that they knew.\n", set()),
        ("He will deal with claims that he lied.\n", set()),
        ("A spokesman for Yukos claims that it is punished.\n", {(1, 23, "claims.loaded-verb")}),
        ("The embattled Yukos claims that it is punished.\n", {(1, 21, "claims.loaded-verb")}),
        # (A first line that ends without a full stop is a headline, which the rule leaves alone.)
        ("Yukos\n\nMeanwhile, the embattled Yukos claims: “We are innocent.”\n", {(3, 32, "claims.loaded-verb")}),
    ],
)
def test_loaded_verb(text: str, expected: set) -> None:
    assert findings(text, "claims.loaded-verb") == expected


def test_loaded_verb_is_info() -> None:
    (found,) = diagnostics("She claimed that it was fine.\n", "claims.loaded-verb")
    assert found.severity == "info"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("They met on Wednesday, February 18, 2021, in Brussels.\n", {(1, 13, "claims.weekday-date")}),
        ("They meet on Monday 1 March 2021.\n", set()),
        ("They meet on Tuesday 1 March.\n", set()),
        ("The deadline is 1 May 2021.\n", set()),
        # Without its year, a date is read in the year the article dates itself in.
        (
            "Boil advisory lifted\n\nDAYTON, Ohio (AP) — The board meets Wednesday, Nov. 19.\n\n"
            "This story was first published Nov. 17, 2026.\n",
            {(3, 37, "claims.weekday-date")},
        ),
        (
            "Boil advisory lifted\n\nDAYTON, Ohio (AP) — The board meets Thursday, Nov. 19.\n\n"
            "This story was first published Nov. 17, 2026.\n",
            set(),
        ),
        # The year either side where that is nearer: Jan. 2, 2026 was a Friday.
        ("Markets close\n\nNEW YORK, Dec. 30, 2025 — Trading resumes Friday, Jan. 2.\n", set()),
        # The article's date on a line under its byline.
        (
            "Council agrees budget\n\nBy Sipho Mthembu\n\nCape Town\n\n30 November 2026\n\n"
            "The council meets on Friday, December 2nd.\n",
            {(9, 22, "claims.weekday-date")},
        ),
        # A year its paragraph, or the one before, names: the story may be telling of it.
        (
            "Swimmer dies\n\nPublished December 10, 2026\n\nIn 1962 she was picked for the team. In Perth she won "
            "on Saturday, November 24.\n",
            set(),
        ),
        (
            "Man jailed\n\nPublished Nov 24 2026\n\nHe stabbed him on Saturday, March 15th, 2025.\n\n"
            "He was charged on Monday, March 17th.\n",
            set(),
        ),
        # The year its own paragraph has just given: 29 June 1973 was a Friday.
        (
            "Obituary\n\nPublished 18 Nov 2026\n\nThe walkout began on Monday 14 May 1973. It ended on "
            "Friday 29 June.\n",
            set(),
        ),
        # A date of the story's history is no clue to its year.
        (
            "Blackburn v Burnley\n\nTuesday, 1 March\n\nThe sides drew.\n\nThey last met on 16 January 1996.\n",
            set(),
        ),
    ],
)
def test_weekday_date(text: str, expected: set) -> None:
    assert findings(text, "claims.weekday-date") == expected


def test_weekday_date_message_names_the_weekday_in_the_year_its_paragraph_tells_of() -> None:
    text = (
        "Singer dies\n\nPublished 24 Nov 2026\n\nHer album followed in 1975.\n\n"
        "She won in 1981, accepting the award on Thursday, January 24.\n"
    )
    (found,) = diagnostics(text, "claims.weekday-date")
    assert found.message == "January 24 is a Saturday, not a Thursday"  # 24 January 1981


def test_weekday_date_message() -> None:
    (found,) = diagnostics("They met on Wednesday, February 18, 2021.\n", "claims.weekday-date")
    assert found.message == "February 18, 2021 is a Thursday, not a Wednesday"


def test_clean_text_has_no_claims_findings() -> None:
    text = (
        "Council agrees budget of £3.5bn\n\n"
        "The council agreed a budget of £3.5bn on Monday 1 March 2021, up 5% from £3.33bn.\n\n"
        "“We have protected the services people rely on most,” the council leader, Jane Smith, said.\n\n"
        "“Nobody pretends this is easy.”\n\n"
        "Ms Smith said spending on roads would double from £20m to £40m.\n"
    )
    assert findings(text) == set()


@pytest.mark.parametrize("rule_id", CLAIMS_RULES)
def test_rule_examples(rule_id: str) -> None:
    rules = {rule.id: rule for rule in Linter().rules(from_text("extends: [core]\n"))}
    assert rule_id in rules
    assert run_examples(rules[rule_id]) == []


def test_a_paragraph_broken_by_the_feed_keeps_its_attribution() -> None:
    text = (
        "Cup row\n\nNewry were thrown out of the cup.\n\nMcCreadie is annoyed. “We are being kept in the dark,” "
        "McCreadie told the\n\nNews Letter\n\n"
        ". “We want an explanation from the association, and we want it this week.”\n"
    )
    assert findings(text, "claims.unattributed-quote") == set()
