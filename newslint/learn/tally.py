"""What ``learn`` counts: the map (one article at a time) and the reduce (merging).

A Tally holds, for a shard of the archive, the counts of every choice in the
choices table (with up to three example files per value) and of every name
(``newslint.text.names``): how often it was printed mid-sentence and opening
a sentence, in how many articles, what stood before it (a title: a person;
"in": a place), and the first and last date it was seen. Tallies merge by
adding, in any order, so a shard can be learned anywhere and merged later:
the per-shard state is written beside the profile as JSON.

Memory is bounded by ``max_names``: the names table is the only part that
grows with the archive (the choices table has a few entries per choice).
When it passes ``max_names`` forms, the forms printed least are dropped until
it is at half that, and ``floor`` records the highest count dropped: a form
printed fewer times than that may be missing, or undercounted by at most
that much (the lossy counting of Manku and Motwani). A name printed that
rarely is not one the authority can say the house "prints often".
"""

from __future__ import annotations

import gzip
import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from newslint.document import Document
from newslint.learn.choices import CHOICES
from newslint.text.names import names

VERSION = 1
EXAMPLES = 3
#: The default bound on distinct names held at once, per process: at about
#: 300 bytes a form (its text, eight counts, a dictionary slot), about 150 MB.
MAX_NAMES = 500_000

# Indices into a name's stats list (a list, not an object: there are millions).
MID, INITIAL, DOCS, PERSON, PLACE, ORGANISATION, FIRST, LAST = range(8)
_PLACE_WORDS = frozenset(("in", "near", "outside", "across", "throughout"))
_ORGANISATION_WORDS = frozenset(
    """Ltd Plc plc Inc Corp Corporation Group Company Co Holdings Bank Council Party Union Association
    Federation Agency Ministry Department Institute University College Club FC Trust Foundation Commission
    Committee Authority Office Service Services Airlines Airways Motors Systems Industries Partners Capital
    Securities Entertainment Records Studios Network News Times Post Journal""".split()
)


@dataclass
class Tally:
    documents: int = 0
    words: int = 0
    #: choice -> value -> count (articles or uses, as the choice counts)
    choices: dict[str, Counter[str]] = field(default_factory=dict)
    #: choice -> value -> up to EXAMPLES files
    examples: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    names: dict[str, list[int]] = field(default_factory=dict)
    max_names: int = MAX_NAMES
    floor: int = 0

    # -- map ------------------------------------------------------------------

    def add(self, doc: Document, path: str, date: int = 0) -> None:
        """Count one article (``date``: YYYYMMDD, 0 if unknown)."""
        self.documents += 1
        self.words += len(doc.prose.split())
        for choice in CHOICES:
            counts = choice.count(doc)
            if not counts:
                continue
            tally = self.choices.setdefault(choice.name, Counter())
            examples = self.examples.setdefault(choice.name, {})
            for value, count in counts.items():
                tally[value] += count
                files = examples.setdefault(value, [])
                if len(files) < EXAMPLES:
                    files.append(path)
        self._add_names(doc, date)
        if len(self.names) > self.max_names:
            self.prune()

    def _add_names(self, doc: Document, date: int) -> None:
        prose, table = doc.prose, self.names
        seen: set[str] = set()
        for block in doc.blocks:
            if block.kind == "headline" or prose[block.start : block.end].isupper():
                continue
            for name in names(prose, block.start, block.end):
                form = name.form
                stats = table.get(form)
                if stats is None:
                    stats = table[form] = [0, 0, 0, 0, 0, 0, date, date]
                stats[INITIAL if name.initial else MID] += 1
                if form not in seen:
                    seen.add(form)
                    stats[DOCS] += 1
                if name.titled:
                    stats[PERSON] += 1
                elif name.before in _PLACE_WORDS:
                    stats[PLACE] += 1
                if name.words[-1] in _ORGANISATION_WORDS or "&" in name.words:
                    stats[ORGANISATION] += 1
                if date:
                    if not stats[FIRST] or date < stats[FIRST]:
                        stats[FIRST] = date
                    if date > stats[LAST]:
                        stats[LAST] = date

    # -- reduce ---------------------------------------------------------------

    def merge(self, other: Tally) -> Tally:
        """Add ``other`` into this tally (in any order: the result is the
        same). ``other`` is used up: its names' counts become this tally's."""
        self.documents += other.documents
        self.words += other.words
        for name, counts in other.choices.items():
            self.choices.setdefault(name, Counter()).update(counts)
        for name, values in other.examples.items():
            mine = self.examples.setdefault(name, {})
            for value, files in values.items():
                merged = mine.setdefault(value, [])
                merged.extend(files[: EXAMPLES - len(merged)])
        table = self.names
        for form, theirs in other.names.items():
            stats = table.get(form)
            if stats is None:
                table[form] = theirs
                continue
            for index in (MID, INITIAL, DOCS, PERSON, PLACE, ORGANISATION):
                stats[index] += theirs[index]
            if theirs[FIRST] and (not stats[FIRST] or theirs[FIRST] < stats[FIRST]):
                stats[FIRST] = theirs[FIRST]
            stats[LAST] = max(stats[LAST], theirs[LAST])
        self.floor = max(self.floor, other.floor)
        if len(table) > self.max_names:
            self.prune()
        return self

    def prune(self) -> None:
        """Drop the least printed forms until at most half of ``max_names`` remain."""
        target = self.max_names // 2
        by_count = Counter(stats[MID] + stats[INITIAL] for stats in self.names.values())
        kept, floor = len(self.names), self.floor
        for count in sorted(by_count):
            if kept <= target:
                break
            kept -= by_count[count]
            floor = max(floor, count)
        self.names = {form: stats for form, stats in self.names.items() if stats[MID] + stats[INITIAL] > floor}
        self.floor = floor

    # -- storage ----------------------------------------------------------------

    def to_data(self, names: bool = True) -> dict[str, Any]:
        data = {
            "version": VERSION,
            "documents": self.documents,
            "words": self.words,
            "choices": {name: dict(sorted(counts.items())) for name, counts in sorted(self.choices.items())},
            "examples": self.examples,
            "floor": self.floor,
        }
        if names:
            data["names"] = dict(sorted(self.names.items()))
        return data

    @classmethod
    def from_data(cls, data: dict[str, Any], max_names: int = MAX_NAMES) -> Tally:
        if data.get("version") != VERSION:
            raise ValueError(f"learn state version {data.get('version')!r}, not {VERSION}")
        return cls(
            documents=data["documents"],
            words=data["words"],
            choices={name: Counter(counts) for name, counts in data["choices"].items()},
            examples=data["examples"],
            names={form: list(stats) for form, stats in data["names"].items()},
            max_names=max_names,
            floor=data["floor"],
        )

    def save(self, path: str) -> None:
        """The state as JSON, the names written one at a time (no copy of the table)."""
        data = self.to_data(names=False)
        with gzip.open(path, "wt", encoding="utf-8") as handle:
            handle.write(json.dumps(data, ensure_ascii=False, separators=(",", ":"))[:-1] + ',"names":{')
            for index, form in enumerate(sorted(self.names)):
                separator = "," if index else ""
                handle.write(f"{separator}{json.dumps(form, ensure_ascii=False)}:{json.dumps(self.names[form])}")
            handle.write("}}")

    @classmethod
    def load(cls, path: str, max_names: int = MAX_NAMES) -> Tally:
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            return cls.from_data(json.load(handle), max_names)
