"""Reading and parsing: exact positions whatever the input looks like."""

from __future__ import annotations

import sys

import pytest
from support import findings

from newslint.readers import ReadError, decode, parse

ELLIPSIS = "typography.ellipsis"


def test_positions_in_plain_text() -> None:
    assert findings("Headline\n\nIt went on...\n", rule=ELLIPSIS) == {(3, 11, ELLIPSIS)}


def test_crlf_keeps_columns() -> None:
    assert findings("Headline\r\n\r\nFirst line.\r\nIt went on...\r\n", rule=ELLIPSIS) == {(4, 11, ELLIPSIS)}


def test_bom_is_not_a_column() -> None:
    source = decode("\ufeffIt went on...\n".encode(), "x.txt")
    assert source.bom and not source.text.startswith("\ufeff")
    assert findings(source.text, rule=ELLIPSIS) == {(1, 11, ELLIPSIS)}


def test_api_offsets_index_the_text_given_with_its_bom() -> None:
    import newslint

    text = "\ufeffIt went on...\n"
    (found,) = newslint.lint_text(text, path="a.txt")
    assert (found.line, found.column, text[found.start : found.end]) == (1, 11, "...")


def test_emoji_and_right_to_left_text_count_characters() -> None:
    assert findings("Fans 🎉🎉 cheered...\n", rule=ELLIPSIS) == {(1, 16, ELLIPSIS)}
    assert findings("قال المتحدث... ثم غادر\n", rule=ELLIPSIS) == {(1, 12, ELLIPSIS)}


def test_empty_and_blank_files_have_no_findings() -> None:
    assert findings("") == set()
    assert findings("\n\n   \n") == set()


def test_binary_and_invalid_utf8_are_read_errors() -> None:
    with pytest.raises(ReadError, match="binary"):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00", "image.txt")
    with pytest.raises(ReadError, match="not valid UTF-8"):
        decode(b"caf\xe9\n", "latin1.txt")


def test_plain_text_layout() -> None:
    doc = parse("Nato raises troop levels\n\nStoltenberg says forces must grow\n\nNato will act.\n")
    assert [block.kind for block in doc.blocks] == ["headline", "standfirst", "body"]
    body_only = parse("Nato raises troop levels\n", layout="body")
    assert [block.kind for block in body_only.blocks] == ["body"]


def test_urls_in_plain_text_are_not_prose() -> None:
    assert findings("See https://example.com/a...b for more.\n", rule=ELLIPSIS) == set()


MARKDOWN = """\
---
title: "Nato to send 4,000 troops"
description: Alliance expands mission
---

Nato said so... twice.

Link to [the report](https://example.com/x...y) and `code...`.

<!-- a comment... -->

```
fenced... code
```

    indented... code

- a list item... with a dot
"""


def test_markdown_masks_everything_but_prose() -> None:
    assert findings(MARKDOWN, path="a.md", rule=ELLIPSIS) == {(6, 13, ELLIPSIS), (18, 14, ELLIPSIS)}


def test_markdown_front_matter_gives_headline_and_standfirst() -> None:
    doc = parse(MARKDOWN, "a.md")
    kinds = {block.kind: doc.text[block.start : block.end] for block in doc.blocks if block.kind != "body"}
    assert kinds == {"headline": "Nato to send 4,000 troops", "standfirst": "Alliance expands mission"}
    assert doc.meta["title"] == "Nato to send 4,000 troops"


def test_markdown_template_tags_are_not_prose() -> None:
    """Static-site newsrooms put Hugo shortcodes and Liquid tags in copy: their
    attribute quotes are no quotation marks, their dots no ellipses."""
    text = (
        "Headline here\n\n"
        '{{< figure src="/img/river.jpg" caption="The river..." >}}\n\n'
        "{% include related.html %} The river rose... and fell.\n\n"
        '{{ page.title }} and "an open quote.\n'
    )
    assert findings(text, path="a.md", rule="quotes") == {(7, 22, "quotes.unbalanced")}
    assert findings(text, path="a.md", rule=ELLIPSIS) == {(5, 42, ELLIPSIS)}


@pytest.mark.parametrize(
    ("front_matter", "headline"),
    [
        ("title: Council backs plan\ndate: 2026-11-20\ntags: [a, b]\n", "Council backs plan"),
        ("title: 'It''s done'\n", "It''s done"),  # the value as it stands in the file
        ('title: "Nato: the plan"\n', "Nato: the plan"),
        ("title: Council backs plan\t# check the figure\n", "Council backs plan"),  # a YAML comment
        ('title: "Nato #1" # a comment\n', "Nato #1"),
        ("title: 2024\n", None),  # a number, not a headline
        ("title: [a, b]\n", None),
        ("title: >\n  A folded\n  headline\n", None),  # several lines: no one-line span
    ],
)
def test_markdown_headline_from_front_matter(front_matter: str, headline: str | None) -> None:
    doc = parse(f"---\n{front_matter}---\n\nBody text.\n", "a.md")
    assert [doc.text[b.start : b.end] for b in doc.blocks if b.kind == "headline"] == ([headline] if headline else [])


@pytest.mark.parametrize(
    ("front_matter", "headline"),
    [
        ('title = "Council backs plan"\ndate = 2026-11-20\ntags = ["a", "b"]\n', "Council backs plan"),
        ("title = 'Nato: the plan' # a comment\n", "Nato: the plan"),
        ('title = "He said \\"no\\""\n', None),  # an escape: the span is not the value as read
        ("title = 2024\n", None),
        ("title = \n", None),  # not TOML: no metadata, never fixed
    ],
)
def test_markdown_headline_from_toml_front_matter(front_matter: str, headline: str | None) -> None:
    doc = parse(f"+++\n{front_matter}+++\n\nBody text.\n", "a.md")
    assert [doc.text[b.start : b.end] for b in doc.blocks if b.kind == "headline"] == ([headline] if headline else [])
    assert [doc.text[b.start : b.end] for b in doc.blocks if b.kind == "body"] == ["Body text."]
    assert doc.fixable_from == len(f"+++\n{front_matter}+++\n")


def test_plain_front_matter_is_read_without_pyyaml(monkeypatch: pytest.MonkeyPatch) -> None:
    """PyYAML costs a one-file run ~10 ms; one-line titles do not need it."""
    monkeypatch.setitem(sys.modules, "yaml", None)  # any import of it now fails
    doc = parse("---\ntitle: Council backs plan\ndate: 2026-11-20\n---\n\nBody text.\n", "a.md")
    assert doc.meta == {"title": "Council backs plan"}
    with pytest.raises(ImportError):
        parse("---\ntitle: Plan\nnewslint: {ignore: [claims]}\n---\n\nBody.\n", "a.md")  # needs the real thing


def test_markdown_table_cells_are_paragraphs_and_their_pipes_are_not_prose() -> None:
    text = (
        "# Where the cuts fall\n\n| Area | Savings |\n|------|--------:|\n"
        "| Transport routes | - |\n| Reserves | - |\n| North | It went on... the the end |\n"
    )
    assert findings(text, path="a.md") == {(7, 21, ELLIPSIS), (7, 25, "typography.doubled-word")}
    doc = parse(text, "a.md")
    assert [doc.text[b.start : b.end] for b in doc.blocks if b.kind == "body"][:3] == [
        "Area",
        "Savings",
        "Transport routes",
    ]


def test_markdown_list_markers_are_not_dashes() -> None:
    text = "Intro paragraph.\n\n- first item\n- second item\n"
    assert findings(text, path="a.md", rule="typography.dash") == set()


def test_markdown_heading_is_headline_without_front_matter() -> None:
    doc = parse("# Nato acts\n\nBody text.\n", "a.md")
    assert [(b.kind, doc.text[b.start : b.end]) for b in doc.blocks] == [
        ("headline", "Nato acts"),  # the heading marks are not part of it
        ("body", "Body text."),
    ]
