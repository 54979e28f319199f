"""Deciding the names authority from the names a Tally counted.

Forms are taken from the most printed down. Each is held up against the
forms already accepted (``Authority.suggest``): a form one typing slip from
a form printed ``ratio`` times as often (and ``min_count`` times at least)
is a variant of it: a letter dropped or doubled, two letters swapped, a
hyphen or space dropped. Not a letter changed or added: two printed names
that differ so are more often two names (Gartner, Gardner; Johnson,
Johnston; Ireland, Iceland) than one misspelt; the house-term check still
holds a draft's unprinted form up against every kind of slip. A variant it is, unless what the archive says of the two disagrees (one a
person, the other a place: Kendel the footballer, Kendal the town). Every
other form is a name of its own. Because the slipped word must be one no
accepted name uses (``Authority.suggest``), and accepted names come first, a
word the house prints in names of its own is never taken for a slip (Joan
Smith beside John Smith), and an end letter never is (Princes, Princess).

Only forms printed mid-sentence at least once are names, or forms of two
words or more: a lone capitalised word that opens a sentence says nothing. A form's kind comes from what stood before
it (a title: a person; "in": a place), its last word (Ltd, Party, Bank: an
organisation), or a surname it shares with a person ("Keir Starmer" after
"Mr Starmer"); else it is a term.

``previous`` (an authority written before, perhaps edited) is kept as its
editors left it: its forms stay names, its variants stay variants.
"""

from __future__ import annotations

from newslint.authority import LEARNED_SLIPS, Authority, Entry
from newslint.learn.tally import DOCS, FIRST, INITIAL, LAST, MID, ORGANISATION, PERSON, PLACE, Tally

MIN_COUNT = 5
RATIO = 10


def decide_names(
    tally: Tally, previous: Authority | None = None, *, min_count: int = MIN_COUNT, ratio: int = RATIO
) -> list[Entry]:
    forms = {form: stats for form, stats in tally.names.items() if stats[MID] > 0 or " " in form}
    persons = _surnames(forms)
    kept: dict[str, Entry] = {}
    variant_of: dict[str, str] = {}
    if previous is not None:
        for entry in previous:
            variant_of.update((variant, entry.form) for variant in entry.variants)
    accepted = Authority(min_indexed=min_count)  # only a name printed min_count times can be a variant's
    for form in sorted(forms, key=lambda form: (-_count(forms[form]), form)):
        stats = forms[form]
        count, kind = _count(stats), _kind(form, stats, persons)
        house = variant_of.get(form)
        if house is None and (previous is None or form not in previous.entries):
            suggestion = accepted.suggest(tuple(form.split(" ")), max(min_count, ratio * count), LEARNED_SLIPS, 1)
            if suggestion is not None and _compatible(kind, suggestion.house.kind):
                house = suggestion.house.form
        if house is not None and house in kept:
            kept[house].variants[form] = kept[house].variants.get(form, 0) + count
            continue
        entry = kept[form] = Entry(form, kind, count, stats[DOCS], _date(stats[FIRST]), _date(stats[LAST]))
        accepted.add(entry)
    if previous is not None:  # names the editors listed that this archive did not print
        for entry in previous:
            if entry.form not in kept:
                kept[entry.form] = entry
    return list(kept.values())


def _count(stats: list[int]) -> int:
    return stats[MID] + stats[INITIAL]


def _surnames(forms: dict[str, list[int]]) -> set[str]:
    """Last words of the forms mostly printed after a title (Mr Starmer)."""
    return {
        form.rsplit(" ", 1)[-1]
        for form, stats in forms.items()
        if stats[PERSON] * 5 >= _count(stats) > 0 and stats[PERSON]
    }


def _kind(form: str, stats: list[int], persons: set[str]) -> str:
    evidence = {"person": stats[PERSON], "place": stats[PLACE], "organisation": stats[ORGANISATION]}
    best = max(evidence, key=lambda kind: evidence[kind])
    if evidence[best] and evidence[best] * 5 >= _count(stats):
        return best
    if " " in form and form.rsplit(" ", 1)[-1] in persons:
        return "person"
    return "term"


def _compatible(one: str, other: str) -> bool:
    return one == other or "term" in (one, other)


def _date(value: int) -> str:
    if not value:
        return ""
    text = str(value)
    return f"{text[:4]}-{text[4:6]}-{text[6:8]}"
