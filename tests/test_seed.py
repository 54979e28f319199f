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


def test_every_straight_mark_is_reported_once() -> None:
    """Each straight mark of the seed lies in exactly one finding: at the odd
    end of a mismatched pair, or in its paragraph's mixed-style finding (one
    per paragraph), never in two (issue 11: one finding per problem)."""
    import newslint
    from newslint.config import from_text

    text = seed_text()
    diagnostics = [
        d
        for d in newslint.lint_text(text, config=from_text(CORE))
        if d.rule.startswith("quotes.") or d.rule == "typography.straight-apostrophe"
    ]
    straight = [offset for offset, char in enumerate(text) if char in "\"'" and text[offset - 1 : offset + 2] != "n't"]
    for offset in straight:
        covering = [d.rule for d in diagnostics if d.start <= offset < d.end and text[d.start] in "\"'"]
        assert len(covering) <= 1, (offset, covering)
    double = [offset for offset in straight if text[offset] == '"']
    assert all(any(d.start <= offset < d.end for d in diagnostics) for offset in double)
    assert {(d.line, d.rule) for d in diagnostics if d.rule == "quotes.mixed-style"} == {
        (19, "quotes.mixed-style"),
        (51, "quotes.mixed-style"),
        (53, "quotes.mixed-style"),
        (59, "quotes.mixed-style"),
        (61, "quotes.mixed-style"),
    }


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
