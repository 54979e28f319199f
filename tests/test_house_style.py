"""House style (issue 15): the british and american packs' mechanical rules,
their options, their fixes, and the starter config that writes the options."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import newslint
from newslint.config import from_text
from newslint.fixes import fix_until_stable
from newslint.lexicon import FAMILIAR_ABBREVIATIONS
from newslint.options import Choice
from newslint.rules import builtin_pack_path, load_pack
from newslint.starter import HOUSE_STYLE, starter

BRITISH = "extends: [british]\nselect: [style]\n"
AMERICAN = "extends: [american]\nselect: [style]\n"
HEAD = "Headline\n\n"  # a headline, so that the next paragraph is body copy


def diagnostics(text: str, config: str) -> list[newslint.Diagnostic]:
    return newslint.lint_text(text, config=from_text(config))


def found(text: str, config: str, rule: str) -> set[tuple[int, int, str]]:
    """(line, column, text found) of one rule's findings."""
    return {(d.line, d.column, d.found) for d in diagnostics(text, config) if d.rule == rule}


def fixed(text: str, config: str, unsafe: bool = False) -> str:
    return fix_until_stable(text, lambda t: diagnostics(t, config), unsafe=unsafe)


def with_rule(pack: str, rule: str, **options: object) -> str:
    """A config that selects one rule of a pack and sets its options."""
    settings = yaml.safe_dump({rule: options}, default_flow_style=True).strip() if options else ""
    return f"extends: [{pack}]\nselect: [{rule}]\n" + (f"rules: {settings}\n" if settings else "")


# -- numbers -------------------------------------------------------------------


def test_small_figures_and_large_words_are_reported_where_they_count_something() -> None:
    text = HEAD + "The firm cut 3 jobs and hired fifteen engineers on a ten-year plan.\n"
    assert found(text, BRITISH, "style.numbers") == {(3, 14, "3"), (3, 31, "fifteen"), (3, 54, "ten")}
    assert (
        fixed(text, BRITISH, unsafe=True)
        == HEAD + "The firm cut three jobs and hired 15 engineers on a 10-year plan.\n"
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "The boy, who is 5 years old, was unhurt.",  # an age
        "Prices rose 4% and the shares cost $3 each.",  # a percentage, money
        "The pipe is 6 feet long and the trip took 2 hours.",  # measurements
        "They won 3-1 and the bill passed by 5 votes.",  # a score, votes
        "Between 4 and 12 people were hurt.",  # a range
        "They hired 3 engineers, 12 designers and 40 drivers.",  # a list of numbers
        "The show aired on Channel 4 and BBC Radio 2.",  # names
        "The trial reached phase 3 on March 4.",  # a label, a date
        "Vodafone cut off between eight and ten sellers.",  # a range in words
        "It is the twenty-first century, and one in ten agree.",  # an ordinal, a ratio
    ],
)
def test_every_guide_keeps_its_exceptions_in_figures(sentence: str) -> None:
    assert found(HEAD + sentence + "\n", BRITISH, "style.numbers") == set()


def test_headlines_keep_their_figures() -> None:
    text = "3 killed as storm hits coast\n\nThree people were killed.\n"
    assert found(text, BRITISH, "style.numbers") == set()
    assert found(text, BRITISH, "style.number-start") == set()


def test_figures_from_moves_the_switch() -> None:
    text = HEAD + "Police arrested ten people. Later 3 officers were hurt.\n"
    assert found(text, with_rule("british", "style.numbers", figures_from=11), "style.numbers") == {(3, 35, "3")}
    assert found(text, BRITISH, "style.numbers") == {(3, 17, "ten"), (3, 35, "3")}


def test_a_figure_may_not_start_a_sentence_unless_it_is_a_year() -> None:
    text = HEAD + "The storm passed. 12 people died in the floods. 2004 was a record year for rain.\n"
    assert found(text, BRITISH, "style.number-start") == {(3, 19, "12")}
    assert fixed(text, BRITISH, unsafe=True).startswith(HEAD + "The storm passed. Twelve people died")


def test_list_items_and_subheads_may_start_with_a_figure() -> None:
    text = HEAD + "The plan sets tariffs:\n\n25% tariffs on 2,493 items from the current 10%.\n\n5 things to watch\n"
    assert found(text, AMERICAN, "style.number-start") == set()


# -- millions, percent, units ------------------------------------------------------


def test_british_money_is_short_and_counts_are_words() -> None:
    text = HEAD + "The deal is worth £5 million and the firm has 14m customers; she won the 800m final.\n"
    assert found(text, BRITISH, "style.millions") == {(3, 19, "£5 million"), (3, 47, "14m")}
    assert fixed(text, BRITISH) == HEAD + (
        "The deal is worth £5m and the firm has 14 million customers; she won the 800m final.\n"
    )


def test_ap_writes_millions_in_words() -> None:
    text = HEAD + "Exports fell to $1.2bn, or 40m rupees.\n"
    assert fixed(text, AMERICAN) == HEAD + "Exports fell to $1.2 billion, or 40 million rupees.\n"


def test_ap_writes_percent_as_a_sign_since_2019() -> None:
    text = HEAD + "Prices rose 5 percent and 6 per cent, a zero percent chance.\n"
    assert found(text, AMERICAN, "style.percent") == {(3, 14, " percent"), (3, 28, " per cent")}
    assert fixed(text, AMERICAN) == HEAD + "Prices rose 5% and 6%, a zero percent chance.\n"


def test_percent_options_write_each_house_form() -> None:
    text = HEAD + "Prices rose 5% and five percent.\n"
    times = with_rule("british", "style.per-cent", figures="per cent")
    assert fixed(text, times) == HEAD + "Prices rose 5 per cent and five per cent.\n"
    assert fixed(text, BRITISH) == HEAD + "Prices rose 5% and five per cent.\n"


def test_a_difference_of_percentages_is_in_points() -> None:
    text = HEAD + "Unemployment rose from 5% to 7%, an increase of 2%. It rose from 20% to 25%, up 25%.\n"
    assert found(text, BRITISH, "style.percentage-points") == {(3, 49, "2%")}


def test_units_are_closed_up_or_spaced_by_house() -> None:
    text = HEAD + "The limit is 60 mph and the phone has 4GB.\n"
    assert fixed(text, BRITISH) == HEAD + "The limit is 60mph and the phone has 4GB.\n"
    assert fixed(HEAD + "The limit is 60mph.\n", AMERICAN) == HEAD + "The limit is 60 mph.\n"


# -- dates and times -------------------------------------------------------------


def test_ap_times_noon_and_the_sentence_stop() -> None:
    text = HEAD + "It opens at 10am. The vote is at 7:00 p.m. on Friday, and ends at 12 p.m. Then 9 AM.\n"
    assert (
        fixed(text, AMERICAN)
        == HEAD + "It opens at 10 a.m. The vote is at 7 p.m. on Friday, and ends at noon. Then 9 a.m.\n"
    )


def test_british_times_keep_the_stop_that_ends_a_sentence() -> None:
    text = HEAD + "It opens at 10 a.m. The vote is at 7:30pm on Friday, not 12 noon.\n"
    assert fixed(text, BRITISH) == HEAD + "It opens at 10am. The vote is at 7.30pm on Friday, not noon.\n"


def test_a_time_without_am_or_pm_is_left_alone() -> None:
    assert found(HEAD + "The score was 10:30 at half-time.\n", AMERICAN, "style.time") == set()


def test_ap_dates_drop_ordinals_and_abbreviate_long_months_with_a_day() -> None:
    text = HEAD + "The vote is on January 5th, not in Dec. 2019; the 4th of July fell on September 11.\n"
    assert fixed(text, AMERICAN) == HEAD + "The vote is on Jan. 5, not in December 2019; July 4 fell on Sept. 11.\n"


def test_ap_spells_out_a_month_that_stands_alone() -> None:
    text = HEAD + "Sales fell in Jan. and rose in Feb. Then they fell.\n"
    assert fixed(text, AMERICAN) == HEAD + "Sales fell in January and rose in February. Then they fell.\n"


def test_british_dates_drop_ordinals_and_the_comma_before_the_year() -> None:
    text = HEAD + "It was held on the 1st of May, and the law took effect on 1 May, 2004. On 1 May, 2,000 marched.\n"
    assert fixed(text, BRITISH) == HEAD + (
        "It was held on 1 May, and the law took effect on 1 May 2004. On 1 May, 2,000 marched.\n"
    )


# -- spelling --------------------------------------------------------------------


def test_house_spelling_beyond_ise_and_never_in_proper_names() -> None:
    american = HEAD + "The colours of the Labour Party and the World Health Organization were unfavourable.\n"
    assert fixed(american, AMERICAN) == HEAD + (
        "The colors of the Labour Party and the World Health Organization were unfavorable.\n"
    )
    british = HEAD + "He traveled toward Pearl Harbor and met the Australian Labor Party's defense team.\n"
    assert fixed(british, BRITISH) == HEAD + (
        "He travelled towards Pearl Harbor and met the Australian Labor Party's defence team.\n"
    )


def test_the_spelling_lists_mirror_each_other() -> None:
    """Every American spelling the british pack corrects is one the american
    pack writes: the two lists never disagree about a pair."""
    british = _terms("british", "style.spelling")
    american = _terms("american", "style.spelling")
    for us, uk in british.items():
        assert american[uk] == us


def _terms(pack: str, rule_id: str) -> dict[str, str]:
    rule = next(rule for rule in load_pack(builtin_pack_path(pack), pack).rules if rule.id == rule_id)
    return dict(rule.options["terms"])


# -- abbreviations ---------------------------------------------------------------


def test_an_abbreviation_is_spelled_out_at_its_first_mention() -> None:
    text = HEAD + "The ONS said prices rose. Later the ONS said they fell. The BBC and the BBC agreed.\n"
    assert found(text, BRITISH, "style.abbreviations") == {(3, 5, "ONS")}


@pytest.mark.parametrize(
    "body",
    [
        "The Office for National Statistics (ONS) said so. The ONS agreed.",
        "The Office for National Statistics said so. The ONS agreed.",
        "The ONS (Office for National Statistics) said so. The ONS agreed.",
        "Security firm RSA ran the poll. RSA said so.",  # described
        "Sony's PSP went on sale. The PSP sold out.",  # a product's name
        "Tickets for the RBS Six Nations sold out. The RBS deal was signed.",  # a name
        "Transport for NSW closed roads. Transport for NSW apologised.",  # the last word of a name
        "The ONS said so.",  # used once
    ],
)
def test_introductions_that_count(body: str) -> None:
    assert found(HEAD + body + "\n", BRITISH, "style.abbreviations") == set()


def test_a_newsroom_adds_its_own_familiar_abbreviations() -> None:
    text = HEAD + "The ONS said prices rose. Later the ONS said they fell.\n"
    config = with_rule("british", "style.abbreviations", familiar=["ONS"])
    assert found(text, config, "style.abbreviations") == set()
    assert "BBC" in FAMILIAR_ABBREVIATIONS  # the lexicon's list stays


def test_the_bracket_rule_goes_both_ways() -> None:
    bare = HEAD + "The Federal Aviation Administration said so. The FAA will decide, the FAA says.\n"
    bracketed = HEAD + "The Federal Aviation Administration (FAA) said so. The FAA will decide, the FAA says.\n"
    assert found(bare, BRITISH, "style.abbreviation-brackets") == {(3, 5, "Federal Aviation Administration")}
    assert found(bracketed, BRITISH, "style.abbreviation-brackets") == set()
    assert found(bracketed, AMERICAN, "style.abbreviation-brackets") == {(3, 37, "(FAA)")}
    assert found(bare, AMERICAN, "style.abbreviation-brackets") == set()


# -- people ----------------------------------------------------------------------


def test_ap_drops_courtesy_titles_on_later_references() -> None:
    text = HEAD + "Joe Biden spoke on Monday. Mr. Biden said the plan would work.\n"
    assert found(text, AMERICAN, "style.later-references") == {(3, 28, "Mr. Biden")}
    assert "Biden said the plan" in fixed(text, AMERICAN)


def test_a_shared_surname_keeps_its_titles() -> None:
    text = HEAD + "Bill Clinton and Hillary Clinton arrived. Mrs. Clinton spoke first.\n"
    assert found(text, AMERICAN, "style.later-references") == set()


def test_the_bbc_titles_a_person_it_titles_elsewhere() -> None:
    text = HEAD + "Tony Blair spoke on Monday. Mr Blair said it would work. Later Blair added a caveat.\n"
    assert found(text, BRITISH, "style.later-references") == {(3, 64, "Blair")}
    assert fixed(text, BRITISH, unsafe=True).endswith("Later Mr Blair added a caveat.\n")


@pytest.mark.parametrize(
    "body",
    [
        "Thierry Henry scored twice. Henry said the team was improving.",  # never titled
        "Tony Blair spoke. Mr Blair said the Blair government would act.",  # attributive
        "Tony Blair spoke. Mr Blair said so, and his wife Cherie Blair agreed with Blair.",  # shared
        'Tony Blair spoke. Mr Blair said so. "Blair is right," she said.',  # speech
    ],
)
def test_bare_surnames_that_stay(body: str) -> None:
    assert found(HEAD + body + "\n", BRITISH, "style.later-references") == set()


def test_ap_lower_cases_a_title_away_from_a_name() -> None:
    text = HEAD + "The President said so, and President Biden agreed with the Vice President.\n"
    assert fixed(text, AMERICAN) == HEAD + (
        "The president said so, and President Biden agreed with the vice president.\n"
    )


# -- headlines -------------------------------------------------------------------


def test_a_title_case_headline_is_told_by_the_body() -> None:
    title = "Council Votes To Close Local Library\n\nThe council voted to close the local library.\n"
    names = "White House rebukes Hill\n\nThe White House rebuked Capitol Hill. The house on the hill was white.\n"
    assert found(title, BRITISH, "style.headline-case") == {(1, 1, "Council Votes To Close Local Library")}
    assert found(names, BRITISH, "style.headline-case") == set()
    sentence = "Council votes to close local library\n\nThe council voted to close the local library.\n"
    assert found(sentence, with_rule("american", "style.headline-case", case="title"), "style.headline-case") == {
        (1, 1, "Council votes to close local library")
    }


def test_headline_quotes_are_swapped_as_a_pair() -> None:
    text = 'Minister says cuts are "unavoidable"\n\nThe minister said the cuts were “unavoidable”.\n'
    assert found(text, BRITISH, "style.headline-quotes") == {(1, 24, '"unavoidable"')}
    assert fixed(text, BRITISH).startswith("Minister says cuts are 'unavoidable'\n")


def test_a_yes_or_no_question_headline_is_asked_about() -> None:
    question = "Will tax cuts lift spirits?\n\nThe chancellor hopes so.\n"
    explainer = "What's in the bill?\n\nHere is what it holds.\n"
    assert found(question, BRITISH, "style.headline-question") == {(1, 1, "Will tax cuts lift spirits?")}
    assert found(explainer, BRITISH, "style.headline-question") == set()


# -- the starter config -----------------------------------------------------------


@pytest.mark.parametrize("pack", sorted(HOUSE_STYLE))
def test_the_starter_writes_the_packs_own_choices(pack: str, tmp_path: Path) -> None:
    """Each option the starter writes is the pack's value, every choice of a
    closed option is named in its comment, and the config loads."""
    path = tmp_path / "newslint.yaml"
    path.write_text(starter(pack), encoding="utf-8")
    rules = {rule.id: rule for rule in load_pack(builtin_pack_path(pack), pack).rules}
    written = yaml.safe_load(starter(pack))["rules"]
    for choice in HOUSE_STYLE[pack]:
        rule = rules[choice.rule]
        assert written[choice.rule][choice.option] == rule.options[choice.option], choice
        kind_option = rule.implementation().options[choice.option]
        if isinstance(kind_option.type, Choice):
            for value in kind_option.type.choices:
                assert value in choice.values, (choice, value)
    assert newslint.lint_text(HEAD + "Text.\n", config=str(path)) == []


def test_a_pack_without_house_style_gets_the_plain_starter() -> None:
    assert "# rules:\n#   headline.length" in starter("core")


@pytest.mark.parametrize(
    "body",
    [
        # Explained in the next paragraph (csmonitor, judged): a teaser, then the spelling out.
        "Investors pour money into ESG funds, the report said. ESG funds grew.\n\n"
        "Those initials stand for environmental, social and governance. The ESG market is big.",
        # A word in capitals, not initials (foxnews, judged).
        "The file was marked SECRET by officials. The SECRET label stuck.",
        # Described by the noun after it (usatoday, judged).
        "The anti-Islamic PEGIDA movement marched again. PEGIDA drew thousands.",
    ],
)
def test_abbreviations_introduced_another_way_are_not_findings(body: str) -> None:
    text = "Headline here\n\n" + body + "\n"
    assert found(text, "extends: [american]\n", "style.abbreviations") == set()


@pytest.mark.parametrize(
    ("config", "text", "kept"),
    [
        ("extends: [british]\n", "Nato leaders met on Monday. Later NATO said no.", "style.nato"),
        ("extends: [american]\n", "NATO leaders met on Monday. Later Nato said no.", "style.nato-capitals"),
        ("extends: [british]\n", "The vote is on 1 May. It was moved from May 8.", "style.date-order"),
    ],
)
def test_a_house_rule_supersedes_the_generic_finding_on_the_same_span(config: str, text: str, kept: str) -> None:
    """One problem, one finding: where the house rule says it, the generic consistency check does not."""
    found = [(d.line, d.column, d.rule) for d in diagnostics(HEAD + text, config)]
    spans = [(line, column) for line, column, rule in found if rule == kept]
    assert spans, found
    assert [rule for line, column, rule in found if (line, column) in spans] == [kept]
