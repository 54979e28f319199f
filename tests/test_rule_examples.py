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
    assert rule.description.strip() and rule.message.strip()
    swap = rule.options.get("swap", {})
    for wrong, right in swap.items():
        assert wrong != right
        assert right not in swap, f"{rule.id}: {wrong!r} -> {right!r} -> {swap.get(right)!r} is a chain or cycle"
    forms = [form for group in rule.options.get("variants", []) for form in group]
    assert len(forms) == len(set(forms)), f"{rule.id}: a form in two groups"
    for option in ("terms", "exceptions"):
        items = rule.options.get(option, [])
        assert len(items) == len(set(items)), f"{rule.id}: duplicate {option}"


def test_rule_ids_are_unique_per_pack() -> None:
    for name in builtin_packs():
        ids = [rule.id for rule in load_pack(builtin_pack_path(name), name).rules]
        assert len(ids) == len(set(ids))
