"""Every rule's own examples pass, and the rule data is sound."""

from __future__ import annotations

import pytest

from newslint.examples import run_examples
from newslint.rules import builtin_pack_path, builtin_packs, load_pack

ALL_RULES = [rule for name in builtin_packs() for rule in load_pack(builtin_pack_path(name), name).rules]


def test_every_pack_has_rules() -> None:
    assert {"core", "british", "american"} <= set(builtin_packs())
    assert len(ALL_RULES) >= 20


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda rule: rule.id)
def test_examples(rule) -> None:  # type: ignore[no-untyped-def]
    assert run_examples(rule) == []


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda rule: rule.id)
def test_rule_data_is_sound(rule) -> None:  # type: ignore[no-untyped-def]
    """Term lists free of duplicates; a substitution never maps a term to
    itself, or to a term it replaces in turn (a chain or a cycle)."""
    assert rule.description.strip() and rule.message.strip()
    terms = rule.options.get("terms", [])
    if isinstance(terms, dict):
        for wrong, right in terms.items():
            assert wrong != right
            assert right not in terms, f"{rule.id}: {wrong!r} -> {right!r} -> {terms[right]!r} is a chain or cycle"
    else:
        flat = [form for item in terms for form in (item if isinstance(item, list) else [item])]
        assert len(flat) == len(set(flat)), f"{rule.id}: a term listed twice"
    patterns = [str(entry) for entry in rule.options.get("patterns", []) + rule.options.get("exceptions", [])]
    assert len(patterns) == len(set(patterns)), f"{rule.id}: a pattern listed twice"


def test_term_data_checks_catch_a_cycle() -> None:
    """The test above can fail: a rule file with a cycle is caught."""
    from dataclasses import replace

    rule = next(rule for rule in ALL_RULES if rule.check == "substitution" and rule.options.get("terms"))
    broken = replace(rule, options={**rule.options, "terms": {"colour": "color", "color": "colour"}})
    with pytest.raises(AssertionError, match="chain or cycle"):
        test_rule_data_is_sound(broken)


def test_rule_ids_are_unique_per_pack() -> None:
    for name in builtin_packs():
        ids = [rule.id for rule in load_pack(builtin_pack_path(name), name).rules]
        assert len(ids) == len(set(ids))
