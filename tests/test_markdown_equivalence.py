"""The Markdown reader reads an article as the text reader does.

An article whose paragraphs hold no Markdown syntax, written as Markdown
(the headline as a "# " heading), gives the same findings as the same
article as plain text, the headline's columns two further on. A property
test checks it on generated articles, and a corpus test on the BBC corpus
converted (where the shared corpora are beside the repository). What makes
Markdown cost more than text is markdown-it's block pass; its inline pass
runs only for the few paragraphs with a character that starts markup.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from support import ROOT

import newslint
from newslint.config import from_text

CONFIGS = [from_text(f"extends: [{pack}]\n") for pack in ("core", "british")]
CORPUS = Path(os.environ.get("NEWSLINT_CORPUS", ROOT.parent / "shared" / "corpus")) / "bbc"


def as_markdown_and_text(headline: str, paragraphs: list[str]) -> tuple[str, str]:
    body = "\n\n".join(paragraphs) + "\n"
    return f"# {headline}\n\n{body}", f"{headline}\n\n{body}"


def same_findings(headline: str, paragraphs: list[str], config: object) -> None:
    markdown, text = as_markdown_and_text(headline, paragraphs)
    from_markdown = {
        (d.rule, d.line, d.column - (2 if d.line == 1 else 0), d.message)
        for d in newslint.lint_text(markdown, path="a.md", config=config)  # type: ignore[arg-type]
    }
    from_text_reader = {
        (d.rule, d.line, d.column, d.message)
        for d in newslint.lint_text(text, path="a.txt", config=config)  # type: ignore[arg-type]
    }
    assert from_markdown == from_text_reader


# Words and marks with no Markdown meaning wherever they stand.
WORDS = [
    *"the said Nato NATO per cent percent May 3 12 1,200 Mr Smith Smyth it is understood critics say".split(),
    *"US U.S. e-mail email Anglo-French Anglo-french TK the the 40% of 7 19 , ; : - \" ' ’ “ ” ... …".split(),
]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.sampled_from([w for w in WORDS if w.isalpha()]), min_size=1, max_size=6),
    st.lists(st.lists(st.sampled_from(WORDS), min_size=3, max_size=25), min_size=1, max_size=5),
)
def test_an_article_without_markdown_syntax_reads_the_same_as_markdown(
    headline: list[str], paragraphs: list[list[str]]
) -> None:
    # A paragraph ends with a full stop: a second one is never a text article's standfirst.
    for config in CONFIGS:
        same_findings(" ".join(headline).capitalize(), [" ".join(["It", *words]) + "." for words in paragraphs], config)


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared BBC corpus is not beside the repository")
def test_the_bbc_corpus_reads_the_same_as_markdown() -> None:
    """Every eighth article (all of them agreed when this was written)."""
    for path in sorted(CORPUS.glob("*.txt"))[::8]:
        parts = [part.strip() for part in path.read_text(encoding="utf-8").split("\n\n") if part.strip()]
        same_findings(parts[0].replace("\n", " "), parts[1:], CONFIGS[0])
