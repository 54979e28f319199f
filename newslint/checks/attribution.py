"""attribution: a paragraph of direct speech must say who is speaking.

A quotation with no "he said" is a quotation nobody can stand behind. The
newsroom convention lets a quote run on over several paragraphs with one
attribution, so a paragraph is left alone when it carries on the speech of the
paragraph before: that paragraph's quote runs into this one (``Quote.continues``)
or it was itself direct speech and this one opens with a quotation mark
("“A,” he said.\\n\\n“B.”"). Only the first paragraph of an unattributed run is
reported.

A paragraph counts as direct speech when a real quotation of ``min_words`` or
more words opens it or makes up most of it; a title or scare quote inside a
sentence ('the report, "Our failing schools", said') is not speech.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable

from newslint.checks import Check, Finding, Option
from newslint.document import Block, Document
from newslint.options import Int
from newslint.patterns import lazy_compile, trie
from newslint.terms import Hit
from newslint.text.quotes import Quote

_ATTRIBUTION_VERBS = (
    "said|says|say|saying|told|tells|tell|telling|according to|asked|asks|added|adds|wrote|writes|"
    "explained|explains|insisted|insists|claimed|claims|stated|states|warned|warns|argued|argues|"
    "tweeted|tweets|posted|posts|continued|continues|replied|replies|responded|responds|declared|"
    "declares|commented|comments|noted|notes|observed|conceded|concedes|admitted|admits|acknowledged|"
    "acknowledges|stressed|stresses|urged|urges|recalled|recalls|predicted|predicts|suggested|suggests|"
    "confirmed|confirms|announced|announces|revealed|reveals|agreed|agrees|described|describes|"
    "called|calls|joked|jokes|laughed|boasted|boasts|complained|complains|pointed out|points out|"
    "went on|goes on|quoted|quotes|reported|reports|believes|believed|thinks|thought|felt|feels|"
    "promised|promises|vowed|vows|pledged|pledges|maintained|maintains|alleged|alleges|cautioned|"
    "emphasised|emphasized|underlined|summed up|remarked|remarks|shouted|cried|sang|sings|"
    "whispered|mused|countered|retorted|hit back|interjected|testified|wondered|speaking|"
    "spoke|attributed to|signalled|accused|accuses"
).split("|")


# An attribution: a verb of speech (outside the quote), "in a statement", or a
# colon that introduces the quote ("He said:", "The statement read:").
_ATTRIBUTION_RE = lazy_compile(
    rf"(?i)\b{trie(_ATTRIBUTION_VERBS)}\b|\bin\s+(?:a|an|his|her|their|its|the)\s+(?:\w+\s+)?"
    rf"(?:statement|interview|letter|speech|blog|message|post|tweet|email|e-mail|article|column|report)\b"
    rf"|:\s*$",
    engine="re",
)
# Reported speech that names the next paragraph's speaker: "Committee chairman
# John Denham said drugs were an excuse.\n\n"The committee believes..."".
# Narrower than _ATTRIBUTION_VERBS: "was announced by" names no speaker.
_REPORTED_SPEECH_RE = lazy_compile(
    r"(?i)\b(?:said|says|told|tells|added|adds|explained|explains|argued|argues|insisted|insists|warned|"
    r"warns|believes|thinks|claimed|claims|stressed|stresses|wrote|writes|accused|accuses|according\s+to|"
    r"speaking|signalled|admitted|admits|suggested|suggests|asked|urged|urges|predicted|predicts)\b"
)
# A speaker named as a label before the quote, as in a match report's
# reactions: "- Bolton boss Sam Allardyce “I am bitterly disappointed…”". The
# label is a dash or bullet (masked in Markdown lists) and ends in a name of
# two capitalised words: "- Finally “…”" and "- On Monday “…”" name no one.
_LABEL_RE = lazy_compile(
    r"[\s\x00]*(?:[-–—•*]\s+|\x00\s*)[^\n\"“”:.]{0,60}?"
    r"(?<!\S)(?!(?:On|In|At|By|The|Then|Finally|Meanwhile|Later|Monday|Tuesday|Wednesday|Thursday|Friday"
    r"|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November"
    r"|December)\b)\p{Lu}[\p{L}’'-]+\s+\p{Lu}[\p{L}’'-]+\s*"
)
_SENTENCE_BREAK_RE = lazy_compile(r"""[.!?]["'”’)]*\s+(?=["'“‘(]?[\p{Lu}\d])""")


class Attribution(Check):
    name = "attribution"
    summary = "A paragraph of direct speech must say who is speaking."
    options = {
        "min_words": Option(Int(minimum=1), 6, "Words a quotation needs to be speech rather than a phrase."),
    }

    def run(self, doc: Document, hits: list[Hit]) -> Iterable[Finding]:
        quotes_by_block = _quotes_by_block(doc)
        if not quotes_by_block:
            return
        for run in self._runs(doc, quotes_by_block):
            first = self._first_speech(doc, run, quotes_by_block)
            if first is None:
                continue
            if not any(_attributed(doc.prose, doc.blocks[index], quotes_by_block.get(index, [])) for index in run):
                yield Finding(first.open.offset, first.open.offset + 1, {})

    def _runs(self, doc: Document, quotes_by_block: dict[int, list[Quote]]) -> Iterable[list[int]]:
        """Body paragraphs grouped into runs of one speaker's speech.

        A paragraph carries on into the next when its quote runs on, when it
        ends with a colon that introduces the next ("He said:"), or when it
        quotes someone and the next opens with a quotation mark.
        """
        run: list[int] = []
        prose, blocks = doc.prose, doc.blocks
        for index, block in enumerate(blocks):
            if block.kind != "body":
                continue
            run.append(index)
            quotes = quotes_by_block.get(index, [])
            next_block = blocks[index + 1] if index + 1 < len(blocks) else None
            linked = next_block is not None and (
                # Most paragraphs quote no one: no generator for them.
                bool(quotes)
                and any(quote.continues for quote in quotes)
                or _introduces(prose, block)
                or _opens_with_quote(prose, next_block)
                and (any(self._real(doc, quote) for quote in quotes) or _ends_attributed(prose, block, quotes))
            )
            if not linked:
                yield run
                run = []
        if run:
            yield run

    def _first_speech(self, doc: Document, run: list[int], quotes_by_block: dict[int, list[Quote]]) -> Quote | None:
        for index in run:
            quotes = quotes_by_block.get(index)
            if quotes is None:
                continue  # no quotation, so no speech: most paragraphs
            speech = self._speech(doc, doc.blocks[index], quotes)
            if speech is not None:
                return speech
        return None

    def _real(self, doc: Document, quote: Quote) -> bool:
        return _word_count(doc.prose, quote.open.offset, quote.end) >= int(self.opts["min_words"])

    def _speech(self, doc: Document, block: Block, quotes: list[Quote]) -> Quote | None:
        """The quotation that makes ``block`` a paragraph of direct speech."""
        if block.kind != "body":
            return None
        quoted_words = 0
        first: Quote | None = None
        for quote in quotes:
            words = _word_count(doc.prose, quote.open.offset, quote.end)
            if words < self.opts["min_words"]:
                continue
            quoted_words += words
            first = first or quote
        if first is None:
            return None
        opens_paragraph = not doc.prose[block.start : first.open.offset].strip()
        if opens_paragraph:
            return first
        # Mid-sentence, speech ends in its own punctuation ("...,” he said);
        # a title does not ('the report, "Our failing schools", said').
        ends_like_speech = first.close is None or doc.prose[first.close.offset - 1 : first.close.offset] in ",.!?…"
        return first if ends_like_speech and quoted_words * 2 > _word_count(doc.prose, block.start, block.end) else None


def _word_count(prose: str, start: int, end: int) -> int:
    """Words between spaces: close enough to tell a phrase from a sentence,
    and far cheaper than a regex over every paragraph."""
    return len(prose[start:end].split())


def _quotes_by_block(doc: Document) -> dict[int, list[Quote]]:
    """Double-quoted speech per block index (single marks are mostly titles
    and scare quotes in news copy, or nested quotes)."""
    grouped: dict[int, list[Quote]] = {}
    if not doc.quotes.quotes:
        return grouped  # one article in seven quotes no one
    starts = [block.start for block in doc.blocks]
    for quote in doc.quotes.quotes:
        if quote.open.kind != "double":
            continue
        index = bisect.bisect_right(starts, quote.open.offset) - 1
        if index >= 0:
            grouped.setdefault(index, []).append(quote)
    return grouped


def _introduces(prose: str, block: Block) -> bool:
    """A paragraph ending in a colon ("He said:") introduces the next."""
    start = max(block.start, block.end - 3)
    # No colon at all, the usual case, is answered in C without a slice.
    return prose.find(":", start, block.end) != -1 and prose[start : block.end].rstrip(" \"'“‘").endswith(":")


def _opens_with_quote(prose: str, block: Block) -> bool:
    text = prose[block.start : block.start + 8].lstrip()
    return text[:1] in ('"', "“", "'", "‘")


def _ends_attributed(prose: str, block: Block, quotes: list[Quote]) -> bool:
    """Whether the paragraph's last sentence names a speaker, outside quotes."""
    start = max(block.start, block.end - 400)
    for brk in _SENTENCE_BREAK_RE.finditer(prose, start, block.end):
        start = brk.end()
    for match in _REPORTED_SPEECH_RE.finditer(prose, start, block.end):
        if not any(quote.open.offset <= match.start() < quote.end for quote in quotes):
            return True
    return False


def _attributed(prose: str, block: Block, quotes: list[Quote]) -> bool:
    """An attribution outside the paragraph's quotations."""
    gaps: list[tuple[int, int]] = []
    position = block.start
    for quote in sorted(quotes, key=lambda quote: quote.open.offset):
        gaps.append((position, quote.open.offset))
        position = max(position, quote.end)
    gaps.append((position, block.end))
    return (
        any(_says(prose, start, end) for start, end in gaps)
        or any(_ATTRIBUTION_RE.search(prose, start, end) for start, end in gaps)
        or _LABEL_RE.fullmatch(prose, _with_marker(prose, gaps[0][0]), gaps[0][1]) is not None
    )


def _with_marker(prose: str, start: int) -> int:
    """Where a paragraph starts, its list marker included: a Markdown reader
    masks "- " and starts the paragraph after it."""
    while start > 0 and prose[start - 1] in "\x00 \t":
        start -= 1
    return start


# Characters no engine counts as word characters: "said" between two of them
# stands between word boundaries.
_NON_WORD = frozenset(" \t\r\n\"'“”‘’(),.;:!?-–—")


def _says(prose: str, start: int, end: int) -> bool:
    """The quick yes: "said", "says" or "told" as a word in ``prose[start:end]``.

    Nine attributed paragraphs in ten have one, found by ``str.find`` in C
    where _ATTRIBUTION_RE tries its trie at every word. Each is one of
    _ATTRIBUTION_VERBS, so where this says yes the pattern would match too.
    Both neighbours are looked at inside the range, so a word cut by its
    edge is left to the pattern.
    """
    for verb in ("said", "says", "told"):
        offset = prose.find(verb, start + 1, end - 1)
        while offset != -1:
            if prose[offset - 1] in _NON_WORD and prose[offset + 4] in _NON_WORD:
                return True
            offset = prose.find(verb, offset + 1, end - 1)
    return False
