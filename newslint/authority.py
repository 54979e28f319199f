"""The names authority: how a newsroom spells the names and terms it prints.

A data file a config names (``authority: house/names.jsonl``), written by
``newslint learn`` and edited by hand: one line per name, sorted, so that it
reviews and diffs well in version control::

    {"form": "Keir Starmer", "kind": "person", "count": 10234, "docs": 5120, "first": "2015-05-08", "last": "2024-07-05", "variants": {"Kier Starmer": 3}}

``form`` is the spelling the house prints; ``variants`` are spellings it has
printed for the same name by mistake, with how often. Every form and variant
is a run of capitalised words as ``newslint.text.names`` reads them.

The house-term check asks ``Authority.suggest`` about each name in a draft:
a known variant, or a form the house has never printed that is one slip from
a form it prints often (a letter changed, added or dropped inside a word, two
neighbouring letters swapped, a hyphen or space dropped), gets the house's
form. A form the house has printed, and a new name that is near nothing it
prints often, get nothing.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, NamedTuple

KINDS = ("person", "organisation", "place", "term")
#: The shortest word a one-letter slip is looked for in: a name of one word
#: needs more letters before it is told apart from a different name by one
#: letter alone (Iran, Iraq; Jon, John).
MIN_WORD = 4
MIN_SINGLE_WORD = 6
#: Letters a name needs before a hyphen or space in it is a slip: R-N-C
#: spelt out and RNC, or RN and R-N, are not one name misspelt.
MIN_SQUASHED = 4
#: Up to this many look-ups, an article is searched for the authority's
#: names before they are read (``Authority.may_suggest_in``).
MAX_PROBES = 200


class AuthorityError(Exception):
    """A names file that cannot be read; the message is one line."""


@dataclass(slots=True)
class Entry:
    form: str
    kind: str = "term"
    count: int = 0
    docs: int = 0
    first: str = ""
    last: str = ""
    variants: dict[str, int] = field(default_factory=dict)

    @property
    def words(self) -> tuple[str, ...]:
        return tuple(self.form.split(" "))

    def to_json(self) -> str:
        data: dict[str, Any] = {"form": self.form, "kind": self.kind, "count": self.count, "docs": self.docs}
        if self.first:
            data["first"] = self.first
        if self.last:
            data["last"] = self.last
        if self.variants:
            data["variants"] = dict(sorted(self.variants.items(), key=lambda item: (-item[1], item[0])))
        return json.dumps(data, ensure_ascii=False)


class Suggestion(NamedTuple):
    """What the house prints instead of a form: ``house``, and how the form
    differs from it (``variant``: the house has printed it by mistake
    ``printed`` times; ``spelling``; ``spacing``)."""

    house: Entry
    how: str
    printed: int = 0


def sort_key(entry: Entry) -> tuple[str, str]:
    return entry.form.casefold(), entry.form


def dumps(entries: Iterable[Entry]) -> str:
    """The file's text: one entry a line, sorted by form."""
    return "".join(entry.to_json() + "\n" for entry in sorted(entries, key=sort_key))


def parse(text: str, where: str) -> list[Entry]:
    entries = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as error:
            raise AuthorityError(f"{where}:{number}: not a JSON object: {error.msg}") from None
        entries.append(_entry(data, f"{where}:{number}"))
    return entries


def _entry(data: Any, where: str) -> Entry:
    if not isinstance(data, dict) or not isinstance(data.get("form"), str) or not data["form"].strip():
        raise AuthorityError(f"{where}: each line needs a 'form' (the spelling the house prints)")
    unknown = set(data) - {"form", "kind", "count", "docs", "first", "last", "variants"}
    if unknown:
        raise AuthorityError(f"{where}: unknown key {sorted(unknown)[0]!r}")
    count, docs = data.get("count", 1), data.get("docs", 0)
    variants = data.get("variants", {})
    if not isinstance(count, int) or not isinstance(docs, int):
        raise AuthorityError(f"{where}: 'count' and 'docs' must be whole numbers")
    if not isinstance(variants, dict) or not all(isinstance(v, int) for v in variants.values()):
        raise AuthorityError(f"{where}: 'variants' must map forms to counts")
    kind = data.get("kind", "term")
    if kind not in KINDS:
        raise AuthorityError(f"{where}: 'kind' must be one of {', '.join(KINDS)}")
    return Entry(
        " ".join(data["form"].split()), kind, count, docs, str(data.get("first", "")), str(data.get("last", "")),
        {" ".join(form.split()): n for form, n in variants.items()},
    )  # fmt: skip


def load(path: str) -> Authority:
    try:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
    except OSError as error:
        raise AuthorityError(f"{path}: cannot read the names authority: {error.strerror}") from None
    except UnicodeDecodeError:
        raise AuthorityError(f"{path}: the names authority is not UTF-8") from None
    return Authority(parse(text, path))


# -- slips -------------------------------------------------------------------------


def slip(variant: str, house: str) -> str | None:
    """How ``variant`` slipped from ``house``, if by one inner edit: a
    letter "changed", "dropped", "added", "doubled" (added beside the same
    letter), or two neighbouring letters "swapped"; None otherwise.

    Never at either end of the word: an end is where different names and
    inflections differ (Princes, Princess; Austria, Austrian). Nor Mc for
    Mac: McIntosh and Macintosh are different names, not one misspelt.
    """
    if variant == house or variant[0] != house[0] or variant[-1] != house[-1]:
        return None
    if variant[-1] == "s" and len(variant) != len(house) and variant[-2:] != house[-2:]:
        return None  # a plural's or demonym's ending (Americans, Americas)
    if (variant[:2] == "mc") != (house[:2] == "mc"):
        return None
    if len(variant) == len(house):
        differences = [i for i, (a, b) in enumerate(zip(variant, house)) if a != b]
        if len(differences) == 2:
            i, j = differences
            swapped = j == i + 1 and variant[i] == house[j] and variant[j] == house[i]
            return "swapped" if swapped else None
        return "changed" if len(differences) == 1 else None
    if len(variant) == len(house) - 1:
        dropped = any(house[:i] + house[i + 1 :] == variant for i in range(1, len(house) - 1))
        return "dropped" if dropped else None
    if len(variant) == len(house) + 1:
        for i in range(1, len(variant) - 1):
            if variant[:i] + variant[i + 1 :] == house:
                return "doubled" if variant[i] in (variant[i - 1], variant[i + 1]) else "added"
    return None


#: Every kind of slip; learn groups printed forms by the ones typing makes
#: (LEARNED_SLIPS), since two printed names one letter apart are more often
#: two names (Gartner, Gardner) than one misspelt.
SLIPS = frozenset(("changed", "dropped", "added", "doubled", "swapped"))
LEARNED_SLIPS = frozenset(("dropped", "doubled", "swapped"))
#: A lone word (Mr Stoltenburg) has no other word to say it is the same
#: name: it is held up against typing slips of a form printed this many
#: times the minimum (a new Nielson is more likely than a misspelt Nielsen),
#: and against a letter changed or added only in a form printed
#: LONE_CHANGE_FACTOR times the minimum (Glogle for Google).
SINGLE_WORD_FACTOR = 4
LONE_CHANGE_FACTOR = 20


def squash(form: str) -> str:
    """The form without spaces or hyphens: Al-Kadhimi, Al Kadhimi, AlKadhimi.
    Case stays: NATO and Nato are a house-style choice, for the style rules."""
    return form.replace(" ", "").replace("-", "")


# -- the index -----------------------------------------------------------------------


class Authority:
    """Entries indexed for ``suggest``: by form, by variant, by every word
    but one (for a slip in that word), and by their squashed form."""

    def __init__(self, entries: Iterable[Entry] = (), min_indexed: int = 1) -> None:
        """``min_indexed``: entries printed fewer times than this are known
        (never questioned, their words known) but never suggested, so they
        are left out of the look-up indexes (most names are rare)."""
        self.min_indexed = min_indexed
        self.entries: dict[str, Entry] = {}
        self._variant_of: dict[str, Entry] = {}
        self._words: set[str] = set()
        # Keys are strings, not tuples: a tenth of the memory, on an index of
        # every name the house prints.
        self._holes: dict[str, list[tuple[str, Entry]]] = defaultdict(list)
        self._singles: dict[str, list[tuple[str, Entry]]] = defaultdict(list)
        self._squashed: dict[str, Entry] = {}
        # None once there are too many to search for: a learned authority.
        self._probes: set[str] | None = set()
        for entry in entries:
            self.add(entry)

    def __len__(self) -> int:
        return len(self.entries)

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries.values())

    def add(self, entry: Entry) -> None:
        known = self.entries.get(entry.form)
        if known is not None:  # the same form twice (a hand edit): one entry
            known.count += entry.count
            known.docs += entry.docs
            for variant, count in entry.variants.items():
                known.variants[variant] = known.variants.get(variant, 0) + count
                self._variant_of[variant] = known
            return
        self.entries[entry.form] = entry
        for variant in entry.variants:
            self._variant_of[variant] = entry
            self._probe(squash(variant).casefold())
        lowered = tuple(word.casefold() for word in entry.words)
        self._words.update(lowered)
        if entry.count < self.min_indexed:
            return
        if len(lowered) == 1:
            word = lowered[0]
            self._singles[_single_key(word, len(word))].append((word, entry))
        else:
            for index, word in enumerate(lowered):
                self._holes[_hole_key(lowered, index)].append((word, entry))
        key = squash(entry.form)
        for half in _halves(key.casefold()):
            self._probe(half)
        other = self._squashed.get(key)
        if other is None or other.count < entry.count:
            self._squashed[key] = entry

    def may_suggest_in(self, prose: str) -> bool:
        """Whether ``prose`` can hold a name ``suggest`` answers: casefolded,
        with spaces and hyphens taken out, it must hold a known variant, or
        one half of a suggestible form (a slip is one edit, so it leaves the
        form's first half or its second half whole). Asked of a small
        authority (the names a rule lists), it spares most articles the
        reading of their names; a learned authority is always a maybe."""
        if self._probes is None:
            return True
        squashed = squash(prose).casefold()
        return any(map(squashed.__contains__, self._probes))

    def _probe(self, text: str) -> None:
        if self._probes is not None:
            self._probes.add(text)
            if len(self._probes) > MAX_PROBES:
                self._probes = None

    def knows_word(self, word: str) -> bool:
        """Whether the house prints ``word`` in some name."""
        return word.casefold() in self._words

    def suggest(
        self,
        words: tuple[str, ...],
        min_count: int,
        slips: frozenset[str] = SLIPS,
        lone_factor: int = SINGLE_WORD_FACTOR,
    ) -> Suggestion | None:
        """What the house prints instead of the name ``words``, if it is a
        slip from a form printed ``min_count`` times or more; None for a form
        the house prints, and for a name near nothing it prints often."""
        form = " ".join(words)
        if form in self.entries:
            return None
        house = self._variant_of.get(form)
        if house is not None:
            return Suggestion(house, "variant", house.variants[form])
        squashed = squash(form)
        house = self._squashed.get(squashed) if len(squashed) >= MIN_SQUASHED else None
        if house is not None and house.count >= min_count and house.form != form:
            return Suggestion(house, "spacing")
        return self._slip(words, min_count, slips, lone_factor)

    def _slip(
        self, words: tuple[str, ...], min_count: int, slips: frozenset[str], lone_factor: int
    ) -> Suggestion | None:
        """A form one slip away in one word, the others the same; the
        slipped word must be one the house never prints in any name (a
        word it does print makes a different name: Joan Smith, John Smith)."""
        lowered = tuple(word.casefold() for word in words)
        lone = len(lowered) == 1
        best: Entry | None = None
        for index, word in enumerate(lowered):
            if len(word) < (MIN_SINGLE_WORD if lone else MIN_WORD) or word in self._words:
                continue
            if not word.replace("-", "").replace("'", "").replace("’", "").isalpha():
                continue
            for other, entry in self._candidates(lowered, index):
                if best is not None and entry.count <= best.count:
                    continue
                kind = slip(word, other)
                if kind in slips and entry.count >= _needed(lone, kind, min_count, lone_factor):
                    best = entry
        return Suggestion(best, "spelling") if best is not None else None

    def _candidates(self, lowered: tuple[str, ...], index: int) -> Iterator[tuple[str, Entry]]:
        word = lowered[index]
        if len(lowered) == 1:
            for length in (len(word) - 1, len(word), len(word) + 1):
                yield from self._singles.get(_single_key(word, length), ())
        else:
            yield from self._holes.get(_hole_key(lowered, index), ())


def _halves(squashed: str) -> tuple[str, str]:
    """The form's two halves, around the letter between them: one edit
    (a letter changed, dropped or added, two swapped) leaves one whole."""
    middle = len(squashed) // 2
    return squashed[:middle], squashed[middle + 1 :]


def _single_key(word: str, length: int) -> str:
    """Words one slip apart share their first and last letters and differ in
    length by one at most."""
    return f"{word[0]}{word[-1]}{length}"


def _hole_key(words: tuple[str, ...], index: int) -> str:
    """The name with one word left out: names one slip apart in that word share it."""
    return f"{len(words)}\x00{index}\x00" + "\x00".join(words[:index] + words[index + 1 :])


def _needed(lone: bool, kind: str | None, min_count: int, lone_factor: int) -> int:
    """How often the house must print a form before ``kind`` of slip from it
    counts: a lone word needs more, the more so for a letter changed or added
    (two real names often differ so). ``lone_factor`` 1 (learn, grouping
    printed forms) takes typing slips at the minimum and nothing else."""
    if not lone:
        return min_count
    if kind in LEARNED_SLIPS:
        return min_count * lone_factor
    return min_count * LONE_CHANGE_FACTOR if lone_factor > 1 else 1 << 62
