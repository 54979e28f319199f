"""Text an article reproduces as written, whose spelling is its source's.

A tweet, a statement, a letter or a report quoted word for word keeps its
own "NAFTA", "June 1" and "Zelensky", and so does a document a colon brings
in without quotation marks ("Here's the full statement:"); an embedded
post keeps its hashtags; a passage in another language (Wikinews gives the
original after its translation: "((fr))French language: …") is not English
copy at all. Checks that compare an article's forms with each other (one
spelling of a name, one style of date) leave all of it out. Speech is
different: the reporter wrote down what was said, so a spoken quote's
spelling is the house's.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from newslint.lexicon import ABBREVIATIONS, alternation
from newslint.patterns import lazy_compile
from newslint.text import Block, Span
from newslint.text.quotes import Quote

# What says a quote was written, in the sentence that brings it in or closes
# it: a verb of writing, or the written thing itself. ("told reporters" is
# speech: "report" needs its own word boundary.)
_WRITTEN_RE = lazy_compile(
    r"(?i)\b(?:tweet(?:s|ed|ing)?|wrote|writes|written|writing|posted|posting|post|texted|text\s+messages?"
    r"|messages?|statements?|communiqu[eé]s?|letters?|memo(?:randum|s)?|e-?mail(?:s|ed)?|reports?"
    r"|documents?|read|reads|filings?|press\s+release|releases?|declaration|resolution|manifesto"
    r"|Facebook|Twitter|Instagram|blog)\b"
)
# The same words, for a quick look at a whole paragraph (a set of its words
# is checked three times faster than the pattern is run).
_WRITTEN_WORDS = frozenset(
    """tweet tweets tweeted tweeting wrote writes written writing posted posting post texted text message
    messages statement statements communique communiqué communiques communiqués letter letters memo memos
    memorandum email emails emailed mail report reports document documents read reads filing filings
    release releases declaration resolution manifesto facebook twitter instagram blog""".split()
)
_LETTERS_RE = lazy_compile(r"[^\W\d_]+", engine="re")
# Wikinews labels an original: "((fr))French language:", "((ru))Russian:".
_LANGUAGE_LABEL_RE = lazy_compile(r"\(\([a-z]{2,3}\)\)\p{L}+(?: language)?:")
# An embedded post's credit: "— Adam Schiff (@RepAdamSchiff) May 5, 2019",
# "A post shared by Meera Senthilingam (@meera_senthi) on Apr 22, 2017".
_POST_CREDIT_RE = lazy_compile(
    r"(?:—|--|shared by)[^\n—]{0,60}?\(@\w+\)(?:\s+on)?(?:\s+\p{Lu}\p{Ll}{2,8}\.?\s+\d{1,2},\s+\d{4})?"
)
# "Following are extracts from the communique", "the text of the letter".
_FOLLOWING_RE = lazy_compile(r"(?i)\b(?:following|as follows|extracts?|excerpts?|text of)\b")
# Not after an abbreviation's full stop: '"…" Mr. Trump wrote.' is one sentence.
_SENTENCE_BREAK_RE = lazy_compile(rf"(?<!\b(?:{alternation(ABBREVIATIONS)}))[.!?…][\"'”’)]*\s+(?=\S|$)")
_LOOK_BACK = 240  # characters before a quote searched for what brings it in
_LOOK_AHEAD = 120  # and after it, for "…," the statement read.
_OPENING_MARKS = frozenset("\"'“‘")  # a quoted paragraph is a quote: _written_quotes reads it
_ATTRIBUTION_LENGTH = 60  # "the president wrote on Twitter on Monday."


def verbatim_spans(prose: str, blocks: Sequence[Block], quotes: Sequence[Quote]) -> list[Span]:
    """Written quotes, documents brought in, embedded posts and passages in
    another language, in order, overlapping ones merged."""
    spans = list(_written_quotes(prose, blocks, quotes))
    spans.extend(_documents_brought_in(prose, blocks))
    for block in blocks:
        spans.extend(_other_language(prose, block))
        spans.extend(_embedded_posts(prose, block))
    merged: list[Span] = []
    for span in sorted(spans):
        if merged and span.start <= merged[-1].end:
            merged[-1] = Span(merged[-1].start, max(merged[-1].end, span.end))
        else:
            merged.append(span)
    return merged


def _written_quotes(prose: str, blocks: Sequence[Block], quotes: Sequence[Quote]) -> Iterator[Span]:
    # The block whose opening quote was written: a quote opening the next
    # block carries the document on ("Following are extracts from the
    # communique." then a quoted paragraph, then another).
    written_block = -1
    block_index = 0
    cues: dict[int, bool] = {}  # whether a block names anything written, asked once
    # Where the last written quote ended: the next quote of its paragraph,
    # after no more than the attribution ('"…?" he wrote. "Great anger…"'),
    # goes on with the same text.
    written_end = -1
    for quote in quotes:
        start = quote.open.offset
        while block_index < len(blocks) - 1 and blocks[block_index].end <= start:
            block_index += 1
        block = blocks[block_index]
        opens_block = prose[block.start : start].strip() == ""
        carried_on = opens_block and written_block == block_index - 1
        goes_on = block.start <= written_end and _only_attribution(prose[written_end:start])
        if carried_on or goes_on or _brought_in_as_written(prose, blocks, block_index, quote, cues):
            yield Span(start, quote.end)
            written_end = quote.end
            if opens_block:
                written_block = block_index


def _only_attribution(between: str) -> bool:
    """A short stretch that brings in no new quote: "he wrote." or "The
    president tweeted." between two quotes, not "Later he told reporters:"."""
    return len(between) <= _ATTRIBUTION_LENGTH and ":" not in between


def _names_writing(prose: str, blocks: Sequence[Block], index: int, cues: dict[int, bool]) -> bool:
    known = cues.get(index)
    if known is None:
        block = blocks[index]
        words = _LETTERS_RE.findall(prose[block.start : block.end].lower())
        known = cues[index] = not _WRITTEN_WORDS.isdisjoint(words)
    return known


def _brought_in_as_written(
    prose: str, blocks: Sequence[Block], block_index: int, quote: Quote, cues: dict[int, bool]
) -> bool:
    """The sentence around the quote says it was written ("In a statement,
    the ministry said: …", "…, she tweeted", "The letter reads: …"); for a
    quote that opens its paragraph, the end of the paragraph before may
    bring it in ("The statement read:")."""
    block = blocks[block_index]
    start = quote.open.offset
    if not _names_writing(prose, blocks, block_index, cues) and not (
        block_index > 0 and _names_writing(prose, blocks, block_index - 1, cues)
    ):
        return False  # nothing written named anywhere near: most paragraphs
    before = prose[max(block.start, start - _LOOK_BACK) : start]
    breaks = list(_SENTENCE_BREAK_RE.finditer(before))
    if breaks:
        before = before[breaks[-1].end() :]
    after = prose[quote.end : min(block.end, quote.end + _LOOK_AHEAD)]
    first_break = _SENTENCE_BREAK_RE.search(after)
    if first_break:
        after = after[: first_break.start()]
    if _WRITTEN_RE.search(before) or _WRITTEN_RE.search(after):
        return True
    if before.strip() or block_index == 0:
        return False
    previous = blocks[block_index - 1]
    tail = prose[max(previous.start, previous.end - _LOOK_BACK) : previous.end].rstrip()
    brings_in = tail.endswith(":") or _FOLLOWING_RE.search(tail) is not None
    return brings_in and _WRITTEN_RE.search(tail) is not None


def _documents_brought_in(prose: str, blocks: Sequence[Block]) -> Iterator[Span]:
    """A paragraph that a colon and a written thing bring in, with no
    quotation marks of its own: the document itself ("Here's the full
    statement from the USTR:" then the statement)."""
    for previous, block in zip(blocks, blocks[1:]):
        tail = prose[max(previous.start, previous.end - _LOOK_BACK) : previous.end].rstrip()
        if not tail.endswith(":"):
            continue
        breaks = list(_SENTENCE_BREAK_RE.finditer(tail))
        sentence = tail[breaks[-1].end() :] if breaks else tail
        if _WRITTEN_RE.search(sentence) and prose[block.start : block.start + 1] not in _OPENING_MARKS:
            yield Span(block.start, block.end)


def _other_language(prose: str, block: Block) -> Iterator[Span]:
    """From a language label to the end of its paragraph: the original and
    the translation's end cannot be told apart without reading the language."""
    if "((" not in prose[block.start : block.end]:
        return
    for match in _LANGUAGE_LABEL_RE.finditer(prose, block.start, block.end):
        yield Span(match.start(), block.end)


def _embedded_posts(prose: str, block: Block) -> Iterator[Span]:
    """An embedded tweet or post, from its paragraph's start to its credit."""
    if "(@" not in prose[block.start : block.end]:
        return
    for match in _POST_CREDIT_RE.finditer(prose, block.start, block.end):
        yield Span(block.start, match.end())
