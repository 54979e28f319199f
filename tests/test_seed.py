"""The seed article: what the default rules must and must not say about it."""

from __future__ import annotations

from support import findings, seed_lines, seed_text

CORE = "extends: [core]\nignore: [claims]\n"


def by_rule(found: set[tuple[int, int, str]], prefix: str) -> set[int]:
    return {line for line, _, rule in found if rule.startswith(prefix)}


def test_seed_findings() -> None:
    found = findings(seed_text(), CORE, path="seeds/nato-iraq-troops.txt")
    assert by_rule(found, "hygiene.") == {5}
    assert (61, 20, "consistency.date-style") in found
    assert (61, 97, "typography.ellipsis") in found
    assert by_rule(found, "typography.no-break-space") == {9, 15, 29, 47, 49, 57}
    assert by_rule(found, "quotes.mismatched") == {21, 35, 39, 41}
    assert by_rule(found, "quotes.unbalanced") == set()
    assert by_rule(found, "consistency.terms") == set()


def test_mismatched_at_the_odd_mark() -> None:
    found = findings(seed_text(), CORE)
    assert {(line, col) for line, col, rule in found if rule == "quotes.mismatched"} == {
        (21, 1),
        (35, 1),
        (39, 190),
        (41, 1),
    }


def test_mixed_style_flags_every_straight_double_quote() -> None:
    lines = seed_lines()
    straight = {(n, col + 1) for n, line in enumerate(lines, 1) for col, char in enumerate(line) if char == '"'}
    found = findings(seed_text(), CORE)
    assert {(line, col) for line, col, rule in found if rule == "quotes.mixed-style"} == straight


def test_one_sentence_with_nato_in_capitals() -> None:
    lines = seed_lines()
    lines[12] = lines[12].replace("the Nato announcement", "the NATO announcement")
    found = findings("\n".join(lines), CORE)
    assert by_rule(found, "consistency.") == {13, 61}  # 61: the date style, as before
    assert (13, 84, "consistency.terms") in found


def test_closing_mark_deleted_on_line_17() -> None:
    lines = seed_lines()
    lines[16] = lines[16].replace("return,” he said", "return, he said")
    assert by_rule(findings("\n".join(lines), CORE), "quotes.unbalanced") == {17}


def test_clean_seed_has_no_findings() -> None:
    from support import ROOT

    text = (ROOT / "seeds" / "clean-council-budget.txt").read_text(encoding="utf-8")
    assert findings(text, "extends: [core]\n") == set()
