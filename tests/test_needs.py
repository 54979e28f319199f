"""The quick no of rules that list what their patterns' matches need."""

from __future__ import annotations

import pytest
from support import seed_text

from newslint.checks.existence import Needs
from newslint.rules import builtin_pack_path, builtin_packs, load_pack

RULES_WITH_NEEDS = [
    rule
    for name in builtin_packs()
    for rule in load_pack(builtin_pack_path(name), name).rules
    if rule.options.get("needs")
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
    needed = rule.options["needs"]
    patterns = rule.implementation().needy_patterns()
    samples = [*rule.examples.bad, *rule.examples.good, seed_text()]
    matches = [match.group() for pattern in patterns for sample in samples for match in pattern.finditer(sample)]
    assert matches
    assert all(any(text in match for text in needed) for match in matches)


def test_rules_test_catches_a_match_needs_does_not_list(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    from newslint.cli import main

    rule = tmp_path / "house" / "style" / "colour.yaml"
    rule.parent.mkdir(parents=True)
    rule.write_text(
        "check: existence\nmessage: m\ndescription: d\npatterns: ['colou?r']\nneeds: [colour]\n"
        "examples: {bad: [The color red.], good: [The hue.]}\n",
        encoding="utf-8",
    )
    assert main(["rules", "test", str(tmp_path / "house")]) == 1
    assert f"{rule}: style.colour: a match ('color') holds nothing `needs` lists" in capsys.readouterr().out


def test_patterns_set_by_a_config_are_not_held_to_the_rule_files_needs() -> None:
    from support import findings

    config = "extends: [core]\nrules:\n  typography.invisible-character:\n    patterns: {'\\u200c': ''}\n"
    assert findings("Head\n\nNato\u200c allies met.\n", config, rule="typography.invisible-character") == {
        (3, 5, "typography.invisible-character")
    }
