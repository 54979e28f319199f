"""house-term: a name spelled otherwise than the house prints it.

Reads the config's names authority (``authority:``, which ``newslint learn``
writes from the archive): a name the house has printed by mistake before (a
variant the authority lists), or one it has never printed that is one slip
from a name it prints often ("Kier Starmer" where the archive has "Keir
Starmer" ten thousand times; "Proctor & Gamble"; "Al Kadhimi" for
"Al-Kadhimi"), is reported with the house's form. A name the house has
printed, and a new name near nothing it prints often, are not. Without an
authority the check finds nothing.

Names are read as ``newslint.text.names`` reads them, the same way learn
read the archive. A name that opens a sentence is held up whole only when it
has two words or more (a capitalised first word may be an ordinary word);
when a run of capitalised words is not one slip from anything, the run less
its first words is tried, so long as the words dropped are ones the house
prints ("Labour MP Kier Starmer"). Blocks in capitals (wire headlines) are
skipped: their case says nothing.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from newslint.authority import Authority, Entry, Suggestion
from newslint.checks import Check, Finding, Option
from newslint.document import Document
from newslint.options import Int, Strings
from newslint.terms import Hit
from newslint.text.names import TITLES, Name, names


class HouseTerm(Check):
    name = "house-term"
    summary = "A name spelled otherwise than the house's names authority has it."
    fixable = True
    default_fix = "unsafe"
    params = ("house", "evidence")
    options = {
        "min_count": Option(
            Int(minimum=1), 5, "How often the house must have printed a form before a slip from it is reported."
        ),
        "names": Option(
            Strings("names"), [], "Names the house prints, listed in the rule, besides those in the authority."
        ),
    }

    def __init__(self, options: Mapping[str, Any]) -> None:
        super().__init__(options)
        self.authority: Authority | None = None
        # A listed name counts as printed as often as need be.
        listed = [Entry(" ".join(form.split()), count=_LISTED) for form in options["names"]]
        self.sources = [Authority(listed)] if listed else []

    def with_authority(self, authority: Authority | None) -> Check:
        bound = copy.copy(self)
        bound.authority = authority
        if authority is not None:
            bound.sources = [authority, *self.sources]
        return bound

    def run(self, doc: Document, hits: list[Hit]) -> Iterable[Finding]:
        prose = doc.prose
        suggestions: list[tuple[tuple[int, int], Suggestion]] = []
        # The surname of a person the article names in full, and the house
        # does not question, is that person's, not a slip ("Monte Alejandro
        # Rubido ... Rubido said", beside a Rubio the house prints often).
        # Such a name is in a block read here: it holds the same word, so the
        # same whole half of the house's form.
        surnames: set[str] = set()
        if len(prose) <= _WHOLE_AT_MOST and not self._may_suggest(prose):
            return  # no block can hold a name to suggest for: most articles
        for block in doc.blocks:
            text = prose[block.start : block.end]
            if text.isupper() or not self._may_suggest(text):
                continue  # a block in capitals (a wire headline) says nothing by its case
            for name in names(prose, block.start, block.end):
                suggestion = self._suggest(name)
                if suggestion is not None:
                    suggestions.append(suggestion)
                elif len(name.words) > 1:
                    surnames.add(name.words[-1])
        for (start, end), house in suggestions:
            if " " not in prose[start:end] and prose[start:end] in surnames:
                continue
            yield Finding(start, end, _params(house), house.house.form)

    def _may_suggest(self, text: str) -> bool:
        return any(source.entries and source.may_suggest_in(text) for source in self.sources)

    def _suggest(self, name: Name) -> tuple[tuple[int, int], Suggestion] | None:
        minimum = self.opts["min_count"]
        for start, words in _windows(self.sources, name):
            form = " ".join(words)
            if any(form in source.entries for source in self.sources):
                return None
            for source in self.sources:
                suggestion = source.suggest(words, minimum)
                if suggestion is not None:
                    return (start, start + len(form)), suggestion
        return None


def _windows(sources: list[Authority], name: Name) -> Iterator[tuple[int, tuple[str, ...]]]:
    """The name, then the name less its first words while those are words
    the house prints or titles ("Labour MP Kier Starmer"). A lone word is
    tried only as the whole name or after a title ("Commissioner Rubido"),
    never after a first name (Alejandro Rubido is not a slip of Rubio) nor
    opening a sentence."""
    words, start = name.words, name.start
    for index in range(len(words)):
        dropped = words[index - 1] if index else ""
        if index and dropped not in TITLES and not any(source.knows_word(dropped) for source in sources):
            return
        rest = words[index:]
        if len(rest) == 1 and (name.initial if index == 0 else dropped not in TITLES):
            return  # a lone word after a first name is a surname of someone the house may not know
        yield start, rest
        start += len(words[index]) + 1


_LISTED = 1 << 62
# Up to this many characters, the whole article is tested before its blocks:
# a form found in a block's text, casefolded without spaces and hyphens, is
# in the article's too (both go character by character), and most articles
# hold none (one test, not one per block: 0.1 s over the BBC corpus). A
# longer text is left to its blocks: casefolding text that is not ASCII
# takes twelve bytes a character while it works.
_WHOLE_AT_MOST = 1 << 16


def _params(suggestion: Suggestion) -> dict[str, Any]:
    house = suggestion.house
    if house.count >= _LISTED:
        evidence = "a name the rule lists"
    elif suggestion.how == "variant":
        evidence = f"printed {house.count:,} times; this form {suggestion.printed:,}, listed as a slip"
    else:
        evidence = f"printed {house.count:,} times; this form never"
    return {"house": house.form, "evidence": evidence}
