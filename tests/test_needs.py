"""The quick no of rules that list what their patterns' matches need."""

from __future__ import annotations

import pytest
from support import seed_text

from newslint.checks.existence import Needs
from newslint.rules import builtin_pack_path, builtin_packs, load_pack

NEED_OPTIONS = ("patterns_need", "styles_need")
RULES_WITH_NEEDS = [
    rule
    for name in builtin_packs()
    for rule in load_pack(builtin_pack_path(name), name).rules
    if any(rule.options.get(option) for option in NEED_OPTIONS)
]


def test_nothing_needed_never_skips() -> None:
    assert not Needs([]).absent_from("")


@pytest.mark.parametrize("needed", [["\u00a0"], ["May", "June"], [f"word{n}" for n in range(12)] + ["May"]])
def test_absent_only_without_any_needed_text(needed: list[str]) -> None:
    needs = Needs(needed)
    assert needs.absent_from("Talks end on 3 Jun.")
    assert not needs.absent_from(f"Talks end in mid-{needed[-1]}.")
    assert not needs.absent_from(needed[0])


def test_some_rules_use_it() -> None:
    assert {rule.id for rule in RULES_WITH_NEEDS} >= {"consistency.date-style", "typography.invisible-character"}


@pytest.mark.parametrize("rule", RULES_WITH_NEEDS, ids=lambda rule: rule.id)
def test_every_match_contains_needed_text(rule) -> None:  # type: ignore[no-untyped-def]
    from newslint.checks import load_checks

    check = load_checks()[rule.check](rule)
    needed = [text for option in NEED_OPTIONS for text in rule.options.get(option, [])]
    if rule.check == "consistency":
        patterns = [pattern for _, pattern in check.styles]
    elif rule.check == "substitution":
        patterns = [pattern for pattern, _ in check.patterns]
    else:
        patterns = check.patterns
    samples = [*rule.examples.bad, *rule.examples.good, seed_text()]
    matches = [match.group() for pattern in patterns for sample in samples for match in pattern.finditer(sample)]
    assert matches
    assert all(any(text in match for text in needed) for match in matches)
