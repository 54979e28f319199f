"""Suppression comments and front matter; unused ones reported where they stand."""

from __future__ import annotations

from pathlib import Path

import pytest

import newslint
from newslint.cli import main
from newslint.readers._directives import find_directives


def rules_at(text: str, path: str = "story.md") -> list[tuple[str, int, int]]:
    return [(d.rule, d.line, d.column) for d in newslint.lint_text(text, path=path)]


HEADLINE = "# Council budget rises\n\n"


@pytest.mark.parametrize("path", ["story.md", "story.txt"])
def test_disable_next_line(path: str) -> None:
    text = (
        HEADLINE
        + "<!-- newslint-disable-next-line hygiene.placeholder -->\nThe fund lost TK.\n\nThe fire hurt XX people.\n"
    )
    if path.endswith(".txt"):
        text = text.removeprefix("# ")
    assert rules_at(text, path) == [("hygiene.placeholder", 6, 15)]


def test_disable_and_enable_a_passage() -> None:
    text = (
        HEADLINE
        + "<!-- newslint-disable hygiene -->\n\nThe fund lost TK.\n\nThe fire hurt XX people.\n\n"
        + "<!-- newslint-enable hygiene -->\n\nThe fund lost TK again.\n"
    )
    assert rules_at(text) == [("hygiene.placeholder", 11, 15)]


def test_enable_without_rules_ends_every_disable() -> None:
    text = (
        HEADLINE
        + "<!-- newslint-disable hygiene.placeholder -->\nThe fund lost TK.\n<!-- newslint-enable -->\n\nThe fund lost TK.\n"
    )
    assert rules_at(text) == [("hygiene.placeholder", 7, 15)]


def test_disable_without_rules_hides_everything_to_the_end() -> None:
    text = HEADLINE + "<!-- newslint-disable -->\n\nThe fund lost TK - and Nato and NATO agreed.\n"
    assert rules_at(text) == []


def test_enable_one_rule_keeps_the_others_disabled() -> None:
    text = (
        HEADLINE
        + "<!-- newslint-disable hygiene.placeholder typography.dash -->\n\nThe fund lost TK - again.\n\n"
        + "<!-- newslint-enable hygiene.placeholder -->\n\nThe fund lost TK - again.\n"
    )
    assert rules_at(text) == [("hygiene.placeholder", 9, 15)]


def test_reason_after_double_dash_is_not_a_rule() -> None:
    (directive,) = find_directives("<!-- newslint-disable-next-line hygiene.placeholder -- quoting the memo -->")
    assert directive.kind == "disable-next-line" and directive.selectors == ("hygiene.placeholder",)


def test_front_matter_ignore() -> None:
    text = "---\ntitle: Council budget rises\nnewslint:\n  ignore: [hygiene.placeholder]\n---\n\nThe fund lost TK - again.\n"
    assert [rule for rule, _, _ in rules_at(text)] == ["typography.dash"]


def test_unused_front_matter_ignore_is_reported_where_it_is_named() -> None:
    text = (
        "---\ntitle: Council budget rises\nnewslint:\n  ignore: [hygiene.placeholder, typography.ellipsis]\n---\n\n"
        "The fund lost TK.\n"
    )
    (diagnostic,) = newslint.lint_text(text, path="story.md")
    assert (diagnostic.rule, diagnostic.line, diagnostic.column, diagnostic.end_column) == (
        "hygiene.unused-suppression",
        4,
        33,
        52,
    )
    assert "typography.ellipsis" in diagnostic.message


def test_front_matter_can_ignore_the_unused_suppression_rule_itself() -> None:
    text = "---\ntitle: Council budget rises\nnewslint: {ignore: [hygiene]}\n---\n\nThe fund lost money.\n"
    assert rules_at(text) == []


def test_unused_suppression_is_reported_at_the_comment() -> None:
    text = (
        HEADLINE
        + "The council met.\n\n   <!-- newslint-disable-next-line hygiene.placeholder -->\nNothing to hide here.\n"
    )
    (diagnostic,) = newslint.lint_text(text, path="story.md")
    assert (diagnostic.rule, diagnostic.severity) == ("hygiene.unused-suppression", "info")
    assert (diagnostic.line, diagnostic.column, diagnostic.end_line, diagnostic.end_column) == (5, 4, 5, 59)
    assert "hygiene.placeholder" in diagnostic.message


def test_only_the_unused_rules_of_a_comment_are_named() -> None:
    text = HEADLINE + "<!-- newslint-disable-next-line hygiene.placeholder typography.dash -->\nThe fund lost TK.\n"
    (diagnostic,) = newslint.lint_text(text, path="story.md")
    assert diagnostic.rule == "hygiene.unused-suppression" and (diagnostic.line, diagnostic.column) == (3, 1)
    assert "typography.dash" in diagnostic.message and "placeholder" not in diagnostic.message


def test_unused_in_plain_text_with_exact_position() -> None:
    text = "Council budget rises\n\nThe council met.\n<!-- newslint-disable typography.dash -->\n"
    assert rules_at(text, "story.txt") == [("hygiene.unused-suppression", 4, 1)]


def test_a_comment_for_a_rule_that_is_off_is_not_stale() -> None:
    config = newslint.config.from_text("ignore: [typography.dash]\n")  # type: ignore[attr-defined]
    text = HEADLINE + "<!-- newslint-disable-next-line typography.dash -->\nThe council met.\n"
    assert newslint.lint_text(text, path="story.md", config=config) == []


def test_comment_text_in_plain_text_is_not_prose() -> None:
    # "disable -- reason" would be a spaced hyphen (typography.dash) if it were prose.
    text = "Council budget rises\n\n<!-- newslint-disable-next-line hygiene.placeholder -- the memo says TK -->\nThe fund lost TK.\n"
    assert rules_at(text, "story.txt") == []


def test_cli_reports_unused_as_info_without_failing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    story = tmp_path / "story.md"
    story.write_text(HEADLINE + "<!-- newslint-disable-next-line hygiene -->\nThe council met.\n", encoding="utf-8")
    assert main(["check", "--no-cache", str(story)]) == 0
    assert f"{story}:3:1: info hygiene.unused-suppression" in capsys.readouterr().out


def test_directives_shown_as_code_in_markdown_are_not_directives() -> None:
    text = (
        HEADLINE
        + "To hide a finding, write:\n\n```markdown\n<!-- newslint-disable typography -->\n```\n\n"
        + "or inline: `<!-- newslint-disable-next-line hygiene -->`.\n\nThe fund lost TK.\n"
    )
    assert rules_at(text) == [("hygiene.placeholder", 11, 15)]
