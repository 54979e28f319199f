"""name-variant: one person's or place's name spelled two ways in one article.

Found without a list. Two kinds of variant:

- one letter apart (edit distance 1), or two neighbouring letters swapped,
  in names of ``min_length`` or more letters: Stoltenberg / Stoltenburg,
  Gerrard / Gerard, Barrionuevo / Barrioneuvo;
- a hyphen, a space or nothing between the same capitalised parts:
  Al-Kadhimi / Al Kadhimi, Kramp-Karrenbauer / Kramp Karrenbauer,
  Time Warner / TimeWarner.

What keeps it precise: only words capitalised in the middle of a sentence
count as names (so "Stores" opening a sentence is not one); short names are
never compared (Iraq / Iran, Jon / John); an edit at the first or the last
letter is ignored, since that is where different names and inflections differ
(Austria / Austrian, Germans / Germany, Rooney / Mooney). The less frequent
form is reported, the later one on a tie. Under a config with a names
authority, two forms the house prints as names of their own (Kendal the
town, Kendel the footballer) are two names, not one spelled two ways.
"""

from __future__ import annotations

import copy
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from newslint.authority import Authority
from newslint.checks import Check, Finding, Option
from newslint.document import NAME_RE, Document
from newslint.options import Groups, Int
from newslint.patterns import lazy_compile
from newslint.terms import Hit

_CAMEL_RE = lazy_compile(r"(?<=\p{Ll})(?=\p{Lu}\p{Ll})")
# Where _CAMEL_RE could split a word in two; most articles have no such word.
_CAMEL_HINT_RE = lazy_compile(r"\p{Ll}\p{Lu}\p{Ll}")
# What before a word makes it the start of a sentence (or of a quote, a list).
_OPENERS = frozenset(".!?:;…\"'“”‘’(-–—\n\x00")
# Titles say nothing about which person a name belongs to.
_TITLES = frozenset(
    """Mr Mrs Ms Miss Dr Prof Sir Dame Lord Lady President Minister Prime Secretary General Chancellor
    King Queen Prince Princess Judge Justice Rev Father Sister Brother Captain Capt Coach Manager Boss
    Chief Senator Governor Mayor Ayatollah Sheikh Saint St The A An And Of In At On For By To""".split()
)


@dataclass
class Form:
    text: str
    offsets: list[int] = field(default_factory=list)
    proper: bool = False  # seen capitalised mid-sentence somewhere

    @property
    def count(self) -> int:
        return len(self.offsets)


class NameVariant(Check):
    name = "name-variant"
    summary = "One name spelled two ways in one article."
    params = ("form", "other", "other_line", "other_count")
    options = {
        "min_length": Option(Int(minimum=3), 6, "Letters a name needs before one-letter variants count."),
        "distinct": Option(Groups(), [], "Names that look alike but are different (Boston, Bolton)."),
    }

    def __init__(self, options: Mapping[str, Any]) -> None:
        super().__init__(options)
        self.distinct = {
            frozenset((first.lower(), second.lower()))
            for group in self.opts["distinct"]
            for first in group
            for second in group
            if first != second
        }
        self.authority: Authority | None = None

    def with_authority(self, authority: Authority | None) -> Check:
        bound = copy.copy(self)
        bound.authority = authority
        return bound

    def _house_prints_both(self, one: str, other: str) -> bool:
        """Both forms are names of their own in the house's authority."""
        entries = self.authority.entries if self.authority is not None else {}
        return one in entries and other in entries

    def run(self, doc: Document, hits: list[Hit]) -> Iterable[Finding]:
        if not self._may_have_variants(doc):
            return
        words = _collect(doc)
        variants = [
            (one, other) for one, other in self._spelling_pairs(words) if not _two_people(doc.prose, one, other)
        ]
        variants.extend(_spacing_pairs(doc.prose, words))
        reported: set[int] = set()
        for one, other in variants:
            if frozenset((one.text.lower(), other.text.lower())) in self.distinct:
                continue
            if self._house_prints_both(one.text, other.text):
                continue
            minor, major = _minor_major(one, other)
            line = doc.position(major.offsets[0])[0]
            for offset in minor.offsets:
                if offset in reported:
                    continue
                reported.add(offset)
                end = offset + len(minor.text)
                params = {
                    "form": doc.prose[offset:end],
                    "other": major.text,
                    "other_line": line,
                    "other_count": major.count,
                }
                yield Finding(offset, end, params)

    def _may_have_variants(self, doc: Document) -> bool:
        """A quick look at the distinct capitalised words, before collecting
        every occurrence: most articles spell every name one way.

        Never False where run() would find a variant: it looks for the same
        pairs, among every capitalised word rather than only the ones seen
        mid-sentence, and with looser tests (a spaced form anywhere in the
        text, not just after the first part's occurrences).
        """
        prose, found = doc.prose, doc.capitalised_words
        if next(_one_letter_apart(_long_names(found, self.opts["min_length"])), None) is not None:
            return True
        # One string to look for hyphens and inner capitals in (C speed): most
        # articles have neither, and then no spacing variant either.
        listing = "\n".join(found)
        hyphened, camel = "-" in listing, _CAMEL_HINT_RE.search(listing) is not None
        if not hyphened and not camel:
            return False
        names = {_bare(name) for name in found}
        if hyphened and any(_hyphen_variant(name, names, prose) for name in names if "-" in name):
            return True
        return camel and any(_camel_variant(name, prose) for name in names if not name[1:].islower())

    def _spelling_pairs(self, words: dict[str, Form]) -> Iterable[tuple[Form, Form]]:
        """Names one inner edit apart: a letter, or two neighbours swapped.

        Forms that differ only in case (MMORPGs, MMORPGS) are one name here,
        so a misspelling is held up against all of them together, not
        against each (MMOPRGs is the odd one out, not MMORPGS)."""
        minimum = self.opts["min_length"]
        by_case: dict[str, list[Form]] = defaultdict(list)
        for form in words.values():
            if form.proper and len(form.text) >= minimum and form.text.isalpha():
                by_case[form.text.lower()].append(form)
        names = {}
        for forms in by_case.values():
            commonest = max(forms, key=lambda form: form.count)
            offsets = sorted(offset for form in forms for offset in form.offsets)
            names[commonest.text] = Form(commonest.text, offsets, True) if len(forms) > 1 else commonest
        for first, second in _one_letter_apart(names):
            yield names[first], names[second]


def _collect(doc: Document) -> dict[str, Form]:
    """Capitalised words with where they occur and whether they are names."""
    prose = doc.prose
    words: dict[str, Form] = {}
    for block in doc.blocks:
        headline = block.kind == "headline"
        for match in NAME_RE.finditer(prose, block.start, block.end):
            text = _bare(match.group())
            form = words.get(text)
            if form is None:
                form = words[text] = Form(text)
            form.offsets.append(match.start())
            if not form.proper and not headline and not _starts_sentence(prose, block.start, match.start()):
                form.proper = True
    return words


def _long_names(found: frozenset[str], minimum: int) -> set[str]:
    """The bare forms of ``found`` that are all letters, ``minimum`` or more.

    A word of letters only is its own bare form, so only the others (Nato's,
    Al-Kadhimi) go through _bare: it is the same set, for a tenth of the calls.
    """
    names = {name for name in found if len(name) >= minimum and name.isalpha()}
    others = map(_bare, [name for name in found if not name.isalpha()])
    names.update(name for name in others if len(name) >= minimum and name.isalpha())
    return names


def _hyphen_variant(name: str, names: set[str], prose: str) -> bool:
    """Al-Kadhimi with Al Kadhimi in the text, or AlKadhimi among the names."""
    return name.replace("-", " ") in prose or name.replace("-", "") in names


def _camel_variant(name: str, prose: str) -> bool:
    """TimeWarner with Time Warner in the text."""
    parts = _CAMEL_RE.split(name)
    return len(parts) == 2 and " ".join(parts) in prose


def _one_letter_apart(names: Iterable[str]) -> Iterator[tuple[str, str]]:
    """Pairs of names one inner edit apart (case aside; see _inner_edit).

    Such names share their first and last letters and differ in length by at
    most one, so only names filed under the same two letters are compared,
    shortest first.
    """
    groups: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for name in names:
        lowered = name.lower()
        groups[(lowered[0], lowered[-1])].append((lowered, name))
    for group in groups.values():
        if len(group) == 1:
            continue  # most groups: nothing to compare, no need to sort
        group.sort(key=lambda item: len(item[0]))
        for index, (first, first_name) in enumerate(group):
            for second, second_name in group[index + 1 :]:
                if len(second) - len(first) > 1:
                    break
                if first != second and _inner_edit(first, second):
                    yield first_name, second_name


def _bare(name: str) -> str:
    """The name without a possessive ending: Nato's -> Nato, Jones' -> Jones."""
    if name[-2:] in ("'s", "’s"):
        return name[:-2]
    return name[:-1] if name[-1] in "'’" else name


_WORD_BEFORE_RE = lazy_compile(r"(?<![\w’'-])(\p{Lu}[\p{L}’'-]*) $")
_WORD_AFTER_RE = lazy_compile(r"[’']?s? (\p{Lu}[\p{L}’'-]*)")


def _neighbours(prose: str, form: Form) -> tuple[set[str], set[str]]:
    """Capitalised words just before (first names) and after (surnames) a form."""
    before, after = set(), set()
    for offset in form.offsets:
        match = _WORD_BEFORE_RE.search(prose, max(0, offset - 30), offset)
        if match and match.group(1) not in _TITLES:
            before.add(match.group(1))
        match = _WORD_AFTER_RE.match(prose, offset + len(form.text))
        if match:
            after.add(match.group(1))
    return before, after


def _spaced(prose: str, words: dict[str, Form], spaced: str) -> Form | None:
    """Occurrences of two capitalised words side by side ("Al Kadhimi")."""
    first = words.get(spaced.partition(" ")[0])
    if first is None:
        return None
    offsets = [offset for offset in first.offsets if prose.startswith(spaced, offset)]
    return Form(spaced, offsets, True) if offsets else None


def _starts_sentence(prose: str, floor: int, offset: int) -> bool:
    index = offset - 1
    while index >= floor and prose[index] in " \t":
        index -= 1
    return index < floor or prose[index] in _OPENERS


def _two_people(prose: str, first: Form, second: Form) -> bool:
    """Different first names (Warren Beatty, American Beauty; Ali Khamenei,
    Ruhollah Khomenei) or different surnames (Michael Mann, Michel Gondry)
    beside the two forms: two names, not one spelled twice."""
    first_before, first_after = _neighbours(prose, first)
    second_before, second_after = _neighbours(prose, second)
    return bool(
        first_before
        and second_before
        and not first_before & second_before
        or first_after
        and second_after
        and not first_after & second_after
    )


def _inner_edit(first: str, second: str) -> bool:
    """One substitution, insertion or deletion, or two neighbouring letters
    swapped (Stoltenberg / Stoltneberg), at neither end of the word."""
    if first[0] != second[0] or first[-1] != second[-1]:
        return False
    if len(first) == len(second):
        differences = [i for i, (a, b) in enumerate(zip(first, second)) if a != b]
        if len(differences) == 2:
            i, j = differences
            return j == i + 1 and first[i] == second[j] and first[j] == second[i]
        return len(differences) == 1
    longer, shorter = (first, second) if len(first) > len(second) else (second, first)
    if len(longer) - len(shorter) != 1:
        return False
    return any(longer[:i] + longer[i + 1 :] == shorter for i in range(1, len(longer) - 1))


def _spacing_pairs(prose: str, words: dict[str, Form]) -> Iterable[tuple[Form, Form]]:
    """ "Al-Kadhimi" beside "Al Kadhimi"; "TimeWarner" beside "Time Warner"."""
    for text, form in list(words.items()):
        if "-" in text:
            spaced = _spaced(prose, words, text.replace("-", " "))
            if spaced is not None:
                yield form, spaced
            joined = words.get(text.replace("-", ""))
            if joined is not None:
                yield form, joined
        elif form.proper and len(text) >= 6:
            parts = _CAMEL_RE.split(text)
            if len(parts) == 2 and all(len(part) >= 2 for part in parts):
                spaced = _spaced(prose, words, " ".join(parts))
                if spaced is not None:
                    yield form, spaced


def _minor_major(one: Form, other: Form) -> tuple[Form, Form]:
    """The less frequent form first; on a tie the later one."""
    if one.count != other.count:
        return (one, other) if one.count < other.count else (other, one)
    return (one, other) if one.offsets[0] > other.offsets[0] else (other, one)
