"""style.date-order's fix never breaks a date: a range or a list of days is
rewritten whole ("16-22 April", "3 and 4 June"), in both house styles."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import newslint
from newslint.config import Config, from_text
from newslint.fixes import fix_until_stable
from newslint.lexicon import MONTHS

BRITISH = from_text("extends: [british]\nselect: [style.date-order]\n")
AMERICAN = from_text("extends: [american]\nselect: [style.date-order]\n")


def fixed(text: str, config: Config) -> str:
    return fix_until_stable(text, lambda current: newslint.lint_text(current, config=config))


def findings(text: str, config: Config) -> list[str]:
    return [d.found for d in newslint.lint_text(text, config=config)]


months = st.sampled_from(MONTHS)
days = st.integers(min_value=1, max_value=28)
separators = st.sampled_from(["-", "–", " - ", " – ", " to "])
years = st.one_of(st.none(), st.integers(min_value=1990, max_value=2030))


@settings(max_examples=150, deadline=None)
@given(month=months, first=days, last=days, separator=separators, year=years)
def test_a_range_within_a_month_is_rewritten_whole(
    month: str, first: int, last: int, separator: str, year: int | None
) -> None:
    american = f"{month} {first}{separator}{last}" + (f", {year}" if year else "")
    british = f"{first}{separator}{last} {month}" + (f" {year}" if year else "")
    assert fixed(f"It runs {american} in Leeds.", BRITISH) == f"It runs {british} in Leeds."
    assert fixed(f"It runs {british} in Leeds.", AMERICAN) == f"It runs {american} in Leeds."
    assert findings(f"It runs {british} in Leeds.", BRITISH) == []
    assert findings(f"It runs {american} in Leeds.", AMERICAN) == []


@settings(max_examples=100, deadline=None)
@given(start=months, end=months, first=days, last=days, separator=st.sampled_from(["-", "–", " - "]), year=years)
def test_a_range_across_months_is_rewritten_whole(
    start: str, end: str, first: int, last: int, separator: str, year: int | None
) -> None:
    american = f"{start} {first}{separator}{end} {last}" + (f", {year}" if year else "")
    british = f"{first} {start}{separator}{last} {end}" + (f" {year}" if year else "")
    assert fixed(f"They met {american}.", BRITISH) == f"They met {british}."
    assert fixed(f"They met {british}.", AMERICAN) == f"They met {american}."


@settings(max_examples=100, deadline=None)
@given(month=months, listed=st.lists(days, min_size=2, max_size=4), year=years)
def test_a_list_of_days_is_rewritten_whole(month: str, listed: list[int], year: int | None) -> None:
    head = ", ".join(str(day) for day in listed[:-1])
    spelled = f"{head} and {listed[-1]}"
    american = f"{month} {spelled}" + (f", {year}" if year else "")
    british = f"{spelled} {month}" + (f" {year}" if year else "")
    assert fixed(f"The fair is on {american}.", BRITISH) == f"The fair is on {british}."
    assert fixed(f"The fair is on {british}.", AMERICAN) == f"The fair is on {american}."


def test_the_examples_from_the_issue() -> None:
    assert fixed("The talks are on June 3 and 4.", BRITISH) == "The talks are on 3 and 4 June."
    assert fixed("The festival runs April 16-22.", BRITISH) == "The festival runs 16-22 April."


def test_a_list_before_a_verb_is_rewritten_whole() -> None:
    text = "A hearing scheduled for February 16 and 17 will rule on it."
    assert fixed(text, BRITISH) == "A hearing scheduled for 16 and 17 February will rule on it."
