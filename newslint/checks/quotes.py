"""quotes: problems the quotation analyser (newslint/text/quotes.py) finds.

One check kind, several rules: each rule names the problem it reports, and
each mark is reported once, by the most specific problem that has it. From
most to least specific:

1. ``reversed``: a curly mark the wrong way round (“ closing, ” opening);
2. ``apostrophe``: another mark typed for an apostrophe (Kim‘s, India"s);
3. ``doubled-single``: two single marks typed for a double one ('' or ’’);
4. ``unbalanced``, 5. ``nesting``: marks that do not pair as written;
6. ``mismatched``: a pair whose two ends differ in style (either end is the
   pair's: the other style's rules leave both alone);
7. ``mixed-style``: double marks of the style the article does not use;
8. ``straight-apostrophe``: straight apostrophes in curly-quoted copy;
9. ``straight``: any other straight mark, where the house wants curly ones.
   In an article that mixes styles, its double marks belong to
   ``mixed-style`` (which the british and american packs set to prefer
   curly), so a straight mark there is reported by that rule alone.

The order does not depend on which rules are on: a rule never reports a mark
that a more specific problem has, whether or not that rule runs.

The two article-level style rules, ``mixed-style`` and
``straight-apostrophe``, give one finding per paragraph: the first odd mark,
with the number of others in the paragraph, and a fix for all of them. An
editor reads an article paragraph by paragraph; an article with fourteen
stray marks gets a line for each paragraph to look at, not one per mark, and
one fix per paragraph.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from newslint.checks import Check, Finding, Option
from newslint.document import Document
from newslint.options import Choice
from newslint.terms import Hit
from newslint.text.quotes import CURLY_FOR, STRAIGHT_FOR, Mark, QuoteAnalysis

PROBLEMS = (
    "reversed",
    "apostrophe",
    "doubled-single",
    "unbalanced",
    "nesting",
    "mismatched",
    "mixed-style",
    "straight-apostrophe",
    "straight",
)


def _style_marks(analysis: QuoteAnalysis) -> list[Mark]:
    """Double quotation marks that show the article's style: one character,
    opening or closing, and not a quote opened with „ (text in another
    language keeps its own marks: a Hungarian „vas” in English copy)."""
    foreign = {
        mark.offset for quote in analysis.quotes if quote.open.char == "„" for mark in (quote.open, quote.close) if mark
    }
    return [
        mark
        for mark in analysis.marks
        if mark.kind == "double" and mark.role in ("open", "close") and not mark.doubled and mark.offset not in foreign
    ]


def _straight_count(styles: list[Mark]) -> int:
    """How many of the style marks (one character each) are straight:
    counted in C, not by asking each mark (thousands per corpus)."""
    chars = [mark.char for mark in styles]
    return chars.count('"') + chars.count("'")


def _curly_copy(analysis: QuoteAnalysis, styles: list[Mark]) -> bool:
    """Whether the article's style is curly: by the majority of its double
    marks (``styles``, of _style_marks), or, where they are even or absent,
    of its apostrophes."""
    straight = _straight_count(styles)
    curly = len(styles) - straight
    if curly != straight:
        return curly > straight
    apostrophes = Counter(mark.char for mark in analysis.marks if mark.role == "apostrophe")
    if apostrophes["’"] != apostrophes["'"]:
        return apostrophes["’"] > apostrophes["'"]
    return curly > 0  # an even split: curly, as the british and american packs want


@dataclass
class _Claims:
    """Which marks each problem reports: one problem per mark."""

    by_problem: dict[str, list[Mark]] = field(default_factory=dict)
    pairs: list[tuple[Mark, Mark]] = field(default_factory=list)  # mismatched
    taken: set[int] = field(default_factory=set)  # offsets of marks reported above mixed-style
    mixed: bool = False  # the article has straight and curly double marks
    has_style: bool = False  # the article has double marks of one character, to take a style from
    curly: bool = False  # the article's style is curly

    def claim(self, problem: str, marks: Iterable[Mark]) -> None:
        kept = [mark for mark in marks if mark.offset not in self.taken]
        self.by_problem[problem] = kept
        self.taken.update(mark.offset for mark in kept)


def _claims(analysis: QuoteAnalysis) -> _Claims:
    """The problem of every mark, worked out once per document."""
    cached = analysis.memo.get("claims")
    if isinstance(cached, _Claims):
        return cached
    claims = _Claims()
    marks = analysis.marks
    claims.claim("reversed", analysis.reversed())
    claims.claim("apostrophe", analysis.wrong_apostrophes())
    claims.claim("doubled-single", [mark for mark in marks if mark.doubled and mark.role in ("open", "close")])
    claims.claim("unbalanced", analysis.unbalanced)
    claims.claim("nesting", analysis.nested)
    taken = claims.taken
    claims.pairs = [(o, c) for o, c in analysis.mismatched() if o.offset not in taken and c.offset not in taken]
    taken.update(mark.offset for pair in claims.pairs for mark in pair)
    styles = _style_marks(analysis)
    straight = _straight_count(styles)
    claims.mixed = 0 < straight < len(styles)
    claims.has_style = bool(styles)
    claims.curly = _curly_copy(analysis, styles)
    analysis.memo["claims"] = claims
    return claims


class Quotes(Check):
    name = "quotes"
    summary = "Problems the quotation analyser finds; each rule names one, and each mark has one problem."
    fixable = True
    params = ("mark", "role", "other", "replacement", "more", "style", "usage")
    options = {
        "problem": Option(Choice(*PROBLEMS), help="The problem this rule reports."),
        "prefer": Option(
            Choice("majority", "curly", "straight"),
            "majority",
            "mixed-style and mismatched: the style to keep (the article's majority, or the house's).",
        ),
    }

    def run(self, doc: Document, hits: list[Hit]) -> Iterable[Finding]:
        analysis = doc.quotes
        if not analysis.marks:
            return
        problem = self.opts["problem"]
        claims = _claims(analysis)
        if problem == "mismatched":
            yield from self._mismatched(doc, claims)
        elif problem == "mixed-style":
            yield from self._mixed_style(doc, claims)
        elif problem == "straight-apostrophe":
            yield from self._straight_apostrophes(doc, claims)
        elif problem == "straight":
            yield from self._straight(doc, claims)
        else:
            yield from self._marks(problem, claims)

    def _marks(self, problem: str, claims: _Claims) -> Iterator[Finding]:
        """The problems of one mark each: reversed, apostrophe, doubled-single, unbalanced, nesting."""
        for mark in claims.by_problem[problem]:
            params: dict[str, str] = {"mark": mark.char, "role": mark.role}
            replacement: str | None = None
            if problem == "reversed":
                replacement = CURLY_FOR[(mark.kind, mark.role)]
                params["usage"] = "a closing mark" if mark.role == "close" else "an opening mark"
            elif problem == "apostrophe":
                replacement = "’" if claims.curly or mark.char == "‘" else "'"
            elif problem == "doubled-single":
                # The article's style, or with no other double marks, the mark's own ('' or ’’).
                curly = claims.curly if claims.has_style else mark.char[0] != "'"
                replacement = CURLY_FOR[("double", mark.role)] if curly else '"'
            if replacement is not None:
                params["replacement"] = replacement
            yield Finding(mark.offset, mark.end, params, replacement)

    def _keep_curly(self, claims: _Claims) -> bool:
        prefer = self.opts["prefer"]
        return claims.curly if prefer == "majority" else prefer == "curly"

    def _mismatched(self, doc: Document, claims: _Claims) -> Iterator[Finding]:
        keep_curly = self._keep_curly(claims)
        for opener, closer in claims.pairs:
            if opener.kind != closer.kind:
                # ‘The Bible,” or “We are done,’: the single mark is the odd one
                # (news copy quotes with double marks).
                odd = opener if opener.kind == "single" else closer
                replacement = '"' if odd.straight else CURLY_FOR[("double", odd.role)]
            else:
                odd = opener if opener.straight == keep_curly else closer
                replacement = odd.curly if odd.straight else STRAIGHT_FOR[odd.kind]
            other = closer if odd is opener else opener
            params = {"mark": odd.char, "other": other.char, "replacement": replacement}
            yield Finding(odd.offset, odd.end, params, replacement)

    def _mixed_style(self, doc: Document, claims: _Claims) -> Iterator[Finding]:
        if not claims.mixed:
            return
        keep_curly = self._keep_curly(claims)
        odd = [
            mark for mark in _style_marks(doc.quotes) if mark.straight == keep_curly and mark.offset not in claims.taken
        ]
        style = "curly" if keep_curly else "straight"
        for group in _by_paragraph(doc, odd):
            yield _grouped(doc, group, lambda mark: mark.curly if keep_curly else STRAIGHT_FOR[mark.kind], style)

    def _straight_apostrophes(self, doc: Document, claims: _Claims) -> Iterator[Finding]:
        if not claims.curly:
            return  # straight copy, or mostly straight: a stray curly mark is the odd one
        straight = [mark for mark in doc.quotes.marks if mark.char == "'" and mark.role == "apostrophe"]
        for group in _by_paragraph(doc, straight):
            yield _grouped(doc, group, lambda mark: "’", "curly")

    def _straight(self, doc: Document, claims: _Claims) -> Iterator[Finding]:
        for mark in doc.quotes.marks:
            if not mark.straight or mark.role == "prime" or mark.offset in claims.taken:
                continue
            if claims.mixed and mark.kind == "double" and not mark.doubled:
                continue  # mixed-style's
            if claims.curly and mark.role == "apostrophe":
                continue  # straight-apostrophe's
            params = {"mark": mark.char, "replacement": mark.curly}
            yield Finding(mark.offset, mark.end, params, mark.curly)


def _by_paragraph(doc: Document, marks: list[Mark]) -> Iterator[list[Mark]]:
    """``marks`` (in order) grouped by the block they stand in."""
    group: list[Mark] = []
    block = None
    for mark in marks:
        here = doc.block_at(mark.offset)
        if group and here != block:
            yield group
            group = []
        block = here
        group.append(mark)
    if group:
        yield group


def _grouped(doc: Document, group: list[Mark], fix: Callable[[Mark], str], style: str) -> Finding:
    """One finding for a paragraph's odd marks: at the first, with the count
    of the others, and a fix that replaces them all and nothing else."""
    start, end = group[0].offset, group[-1].end
    pieces: list[str] = []
    cursor = start
    replacements: list[str] = []
    for mark in group:
        pieces.append(doc.text[cursor : mark.offset])
        replacement = fix(mark)
        pieces.append(replacement)
        if replacement not in replacements:
            replacements.append(replacement)
        cursor = mark.end
    pieces.append(doc.text[cursor:end])
    others = len(group) - 1
    params = {
        "mark": group[0].char,
        "more": f" (and {others} more in this paragraph)" if others else "",
        "style": style,
        "replacement": " and ".join(replacements),
    }
    return Finding(start, end, params, "".join(pieces))
