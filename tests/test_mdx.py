"""MDX: Markdown with its JSX tags, expressions and imports masked, at exact positions."""

from __future__ import annotations

from support import findings

from newslint.readers import parse

ELLIPSIS = "typography.ellipsis"

PAGE = """\
---
title: Nato raises troop levels
---
import { Chart } from "./chart"
export const meta = { note: "..." }

Nato said so... and <Badge color="red" label='it"s...'>new...</Badge> with {props.count} "troops."

<Chart
  data={[1, 2, "..."]}
  title="Growth... in 'troops"
/>

{/* a comment... with "quotes */}

<Note>

The end... of it.

</Note>

Braces in `code {...` stay code, and the next paragraph is prose... still.
"""


def test_jsx_and_expressions_are_not_prose() -> None:
    assert findings(PAGE, path="a.mdx", rule=ELLIPSIS) == {
        (7, 13, ELLIPSIS),
        (7, 59, ELLIPSIS),
        (18, 8, ELLIPSIS),
        (22, 65, ELLIPSIS),
    }
    assert findings(PAGE, path="a.mdx", rule="quotes") == set()


def test_mdx_blocks_keep_markdown_headline_and_drop_jsx_only_paragraphs() -> None:
    doc = parse(PAGE, "a.mdx")
    texts = [(block.kind, doc.text[block.start : block.end]) for block in doc.blocks]
    assert texts[0] == ("headline", "Nato raises troop levels")
    assert not any(text.startswith(("import", "export", "<Chart", "{/*")) for _, text in texts)
    assert ("body", "The end... of it.") in texts


def test_the_same_text_as_markdown_reads_the_jsx_as_prose() -> None:
    """What MDX adds: as .md, the expression's quote mark is an unbalanced quote."""
    text = "A line with {'\"'} in it.\n"
    assert findings(text, path="a.md", rule="quotes")
    assert findings(text, path="a.mdx", rule="quotes") == set()


def test_suppression_comments_in_mdx_syntax() -> None:
    text = (
        "Intro paragraph here.\n\n"
        "{/* newslint-disable-next-line typography.ellipsis -- quoted tweet */}\n"
        "It went on...\n\n"
        "It went on... again.\n\n"
        "```\n{/* newslint-disable */}\n```\n\n"
        "And on... still.\n"
    )
    assert findings(text, path="a.mdx", rule=ELLIPSIS) == {(6, 11, ELLIPSIS), (12, 7, ELLIPSIS)}


def test_a_components_text_on_the_lines_under_its_tag_is_prose() -> None:
    """In MDX a line that opens with a tag is JSX, not a block of raw HTML:
    the text under ``<PullQuote>`` is read, with or without blank lines."""
    text = "Rents rise\n\nRents rose again.\n\n<PullQuote>\nWe cannot keep up with the the demand...\n</PullQuote>\n"
    assert findings(text, path="a.mdx", rule="typography") == {(6, 24, "typography.doubled-word"), (6, 38, ELLIPSIS)}
    # As Markdown, the same lines are a block of HTML, whose text is not prose.
    assert findings(text, path="a.md", rule="typography") == set()
