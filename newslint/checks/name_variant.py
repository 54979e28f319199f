"""name-variant: one person's or place's name spelled two ways in one article.

Found without a list. Three kinds of variant:

- one letter apart (edit distance 1), or two neighbouring letters swapped,
  in names of ``min_length`` or more letters: Stoltenberg / Stoltenburg,
  Gerrard / Gerard, Barrionuevo / Barrioneuvo; and, in shorter names of
  four letters or more, a doubled letter (Allen / Alen);
- only the accents, at any length and any letter (López / Lopez, Élysée /
  Elysee), but not in a form in capitals (a wire headline's LOPEZ);
- a hyphen, a space or nothing between the same capitalised parts:
  Al-Kadhimi / Al Kadhimi, Kramp-Karrenbauer / Kramp Karrenbauer /
  Krampkarrenbauer, Time Warner / TimeWarner.

What keeps it precise:

- a capitalised word counts as a name if it is seen in the middle of a
  sentence, or if it is no everyday word (so "Stores" opening a sentence is
  not one, "Stoltenburg" opening one is);
- short names are never compared (Iraq / Iran, Jon / John), nor a
  difference at the first or last letter (Austria / Austrian, Rooney /
  Mooney), nor at the last letter before a plural's s (Koreans / Koreas,
  Princes / Princess);
- two everyday words are two words, not one name misspelt ("Cattle Market",
  "Castle Market");
- a name beside a different first name or surname is another person's
  (Warren Beatty, American Beauty), so are two Pinyin given names after one
  Chinese family name (Chen Jiahua, Chen Jianhua) and a person introduced
  by name beside a double-barrelled surname (Carys Owen-Jones; "Owen Jones,
  a retired postman"), and a name used for a person beside one
  used for a place or as an adjective is another name (Jo Kendel of
  Kendal; Garbis Iradian on the Iranian economy), and so is a place named
  outright beside a name that speaks or employs ("the village of Glencoe",
  "Glencore said");
- a spaced form must be a whole run of capitalised words ("East Med" is not
  in "East Mediterranean", nor "East African" in "East African Affairs"), and
  a word inside a foreign name is that name's ("Banco do Brasil");
- forms that are meant: a pronunciation ("Pugsley (pronounced Pugsly)"), a
  nickname ("the Condos, as fans call them", "known as"); and forms that are
  not the article's: text reproduced as written (a tweet, a statement, a
  passage in another language: ``Document.verbatim``), @handles, #hashtags.

The form reported is the likelier misspelling (see _likelier_slip): the one
missing from the headline when the other is in it; else the rarer one; on a
tie, the one the word list does not know ("Villareal") when it knows the
other. With nothing to choose between them, the later one is
reported and the message asks which is right.
Under a config with a names authority, two forms the house prints as names
of their own (Kendal the town, Kendel the footballer) are two names, not one
spelled two ways.
"""

from __future__ import annotations

import copy
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from itertools import chain
from typing import Any

from newslint.authority import Authority
from newslint.checks import Check, Finding, Option
from newslint.dictionary import everyday_word, known_word, proper_name
from newslint.document import NAME_RE, Document
from newslint.lexicon import SPEECH_VERBS
from newslint.options import Groups, Int
from newslint.patterns import lazy_compile
from newslint.terms import Hit
from newslint.text.names import CHINESE_FAMILY_NAMES, chinese_given_name, starts_sentence

_CAMEL_RE = lazy_compile(r"(?<=\p{Ll})(?=\p{Lu}\p{Ll})")
# Where _CAMEL_RE could split a word in two; most articles have no such word.
_CAMEL_HINT_RE = lazy_compile(r"\p{Ll}\p{Lu}\p{Ll}")
# Titles say nothing about which person a name belongs to.
_TITLES = frozenset(
    """Mr Mrs Ms Miss Dr Prof Sir Dame Lord Lady President Minister Prime Secretary General Chancellor
    King Queen Prince Princess Judge Justice Rev Father Sister Brother Captain Capt Coach Manager Boss
    Chief Senator Governor Mayor Ayatollah Sheikh Saint St Cllr Councillor Councilor Cr Ald Alderman The A An And
    Of In At On For By To""".split()
)
# Titles that show a name is a person's.
_PERSON_TITLES = frozenset(
    """Mr Mrs Ms Miss Dr Prof Sir Dame Lord Lady Sen Rep Gov Mayor Senator Governor President Minister Judge Cllr
    Councillor Councilor Cr Ald Alderman""".split()
)
_VERBS_AFTER = frozenset(SPEECH_VERBS) | frozenset("is was has had will would can could did does".split())
# Words before a place: "in Kendal", "from Kendal".
_PLACE_BEFORE = frozenset("in at from near outside across around into throughout".split())
# Adjectives of nationality and origin: Iranian, Ecuadorean, Japanese, Polish.
_DEMONYM_ENDINGS = ("an", "ese", "ish")
# A foreign name's joining word: Banco do Brasil, Jornal da Tarde, Van der Sar.
# The shortest name compared (its accents alone: Sao, São; one-letter and
# doubled-letter variants need longer names, see min_length and _doubled_apart).
_SHORTEST = 3
_FOREIGN_JOINS = frozenset("do da de dos das del della di du des der den van von à".split())
# Forms that are meant as they are: a pronunciation, a nickname, the local
# spelling ("the Açores, as the Portuguese write it", "(Açores in
# Portuguese)", "— the Açores, to the Portuguese —", "known in Portuguese as").
_GLOSS_BEFORE_RE = lazy_compile(
    r"(?i)(?:\bpronounced|\bnicknamed|\bdubbed|\bknown\s+(?:in\s+\w+\s+)?as|\baka|\ba\.k\.a\.|\bspelt|\bspelled)\s+"
    r"(?:the\s+)?[\"'“‘]?$"
)
_GLOSS_HINT_RE = lazy_compile(
    r"(?i)pronounced|nicknamed|dubbed|known\s+(?:in\s+\w+\s+)?as|aka|a\.k\.a\.|spelt|spelled|call|write|spell|"
    r"\bin\s+\p{Lu}\p{Ll}+\)|,\s+to\s+the\s+\p{Lu}"
)
_GLOSS_AFTER_RE = lazy_compile(
    r"[\"'”’]?,?\s+as\s+(?:\w+\s+){1,3}(?:call|calls|called|know|knows|dub|dubs|nickname|nicknames|write|writes|"
    r"spell|spells)\s+(?:them|him|her|it)\b"
    r"|\s+in\s+\p{Lu}\p{Ll}+\)"
    r"|,\s+to\s+the\s+\p{Lu}\p{Ll}+\s*[—–-]"
)
_DOUBLED_RE = lazy_compile(r"(\w)\1", engine="re")
_DOMAIN_RE = lazy_compile(r"\.(?:com|org|net|gov|edu|co|io|uk|tv|info)\b")
# Two forms side by side in a list are two names: "Venus and Serena and
# Selena", "Austria and Australia".
_LISTED_RE = lazy_compile(r"\s*(?:,|,?\s+(?:and|&|v|vs\.?))\s+$")
# (A first name before a particle is the name's too: "Khalid al-Mansouri".)
_WORD_BEFORE_RE = lazy_compile(r"(?<![\w’'-])(\p{Lu}[\p{L}’'-]*) (?:[ae]l-)?$")
_WORD_AFTER_RE = lazy_compile(r"[’']?s? (\p{Lu}[\p{L}’'-]*)")
_LOWER_WORD_BEFORE_RE = lazy_compile(r"\b(\p{Ll}+|In|At|From|Near)\s+$")
_LOWER_WORD_AFTER_RE = lazy_compile(r"[ \t]+(\p{Ll}+)")
_TITLE_BEFORE_RE = lazy_compile(r"\b(\p{Lu}\p{Ll}+)\.?\s+$")
# A name given as a place's outright: "the village of Glencoe", "the town of Kendal".
_PLACE_NAMED_RE = lazy_compile(
    r"(?i)\b(?:village|town|city|hamlet|suburb|district|borough|county|region|province|state|island|port)\s+of\s+$"
)
# What a company or a person does and a place does not: "Glencore said", "Glencore employs 400".
_ACTOR_VERBS = frozenset(SPEECH_VERBS) | frozenset(
    "employs employed owns owned operates operated hired hires sacked fired appointed bought sold".split()
)
# A person introduced after their name: "Owen Jones, a retired postman", "Owen Jones, 71,".
_INTRODUCED_RE = lazy_compile(r",\s+(?:(?:a|an)\s|\d{1,3},)")

CONFIDENT = "spell the name one way"
UNSURE = "check which spelling is right"


@dataclass
class Form:
    text: str
    offsets: list[int] = field(default_factory=list)
    proper: bool = False  # seen capitalised mid-sentence somewhere
    headline: bool = False  # seen in the headline

    @property
    def count(self) -> int:
        return len(self.offsets)


class NameVariant(Check):
    name = "name-variant"
    summary = "One name spelled two ways in one article."
    params = ("form", "other", "other_line", "other_count", "advice")
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
        words = _collect(doc, _worth_collecting(doc, self.opts["min_length"]))
        variants = [
            (one, other)
            for one, other in self._spelling_pairs(words)
            if not _two_people(doc.prose, one, other)
            and not _person_and_place(doc.prose, one, other)
            and not _used_differently(doc.prose, one, other)
            and not _listed_together(doc.prose, one, other)
            and not _two_places(doc.prose, one, other)
            and not _place_and_actor(doc.prose, one, other)
            and not _accented_in_another_name(doc.prose, one, other)
        ]
        spacing = [
            pair
            for pair in _spacing_pairs(doc.prose, words)
            if not _two_people(doc.prose, *pair) and not _introduced_apart(doc.prose, *pair)
        ]
        headline = next((b for b in doc.blocks if b.kind == "headline" and not doc.in_capitals(b)), None)
        for pair in spacing:  # spaced forms are built here, not collected
            for form in pair:
                form.headline = form.headline or headline is not None and form.offsets[0] < headline.end
        variants.extend(spacing)
        reported: set[int] = set()
        for one, other in variants:
            if frozenset((one.text.lower(), other.text.lower())) in self.distinct:
                continue
            if self._house_prints_both(one.text, other.text):
                continue
            minor, major, sure = _likelier_slip(one, other)
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
                    "advice": CONFIDENT if sure else UNSURE,
                }
                yield Finding(offset, end, params)

    def _may_have_variants(self, doc: Document) -> bool:
        """A quick look at the distinct capitalised words, before collecting
        every occurrence: most articles spell every name one way.

        Never False where run() would find a variant: it looks for the same
        pairs, among every capitalised word rather than only the ones that
        count as names, and with looser tests (a spaced form anywhere in the
        text, not just after the first part's occurrences).
        """
        prose, found = doc.prose, doc.capitalised_words
        minimum = self.opts["min_length"]
        names = _long_names(found, _SHORTEST)
        long = [name for name in names if len(name) >= minimum]
        if _may_be_one_letter_apart(long) and next(_one_letter_apart(long), None) is not None:
            return True
        short = "\n".join(name for name in names if len(name) < minimum)
        if _DOUBLED_RE.search(short) and next(_doubled_apart(names, minimum), None) is not None:
            return True
        if not doc.ascii_equivalent and next(_accents_apart(names), None) is not None:
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
        """Names one inner edit apart: a letter, or two neighbours swapped;
        in shorter names, a doubled letter.

        Forms that differ only in case (MMORPGs, MMORPGS; PENNZOIL in a wire
        headline, Pennzoil) are one name here, so a misspelling is held up
        against all of them together, not against each."""
        minimum = self.opts["min_length"]
        by_case: dict[str, list[Form]] = defaultdict(list)
        for form in words.values():
            if len(form.text) >= _SHORTEST and _lettered(form.text):
                by_case[form.text.lower()].append(form)
        names = {}
        for forms in by_case.values():
            commonest = max(forms, key=lambda form: (form.proper, form.count))
            if len(forms) > 1:
                offsets = sorted(offset for form in forms for offset in form.offsets)
                proper, headline = any(f.proper for f in forms), any(f.headline for f in forms)
                names[commonest.text] = Form(commonest.text, offsets, proper, headline)
            else:
                names[commonest.text] = commonest
        long_names = [name for name in names if len(name) >= minimum]
        pairs = list(_one_letter_apart(long_names)) + list(_doubled_apart(names, minimum))
        seen = {frozenset(pair) for pair in pairs}
        pairs += [pair for pair in _accents_apart(names) if frozenset(pair) not in seen]
        for first, second in pairs:
            one, other = names[first], names[second]
            if _plural_ending(one.text, other.text) or not (_a_name(one) and _a_name(other)):
                continue
            if everyday_word(one.text) and everyday_word(other.text):
                continue  # "Cattle Market" and "Castle Market": two names
            yield one, other


def _a_name(form: Form) -> bool:
    """Seen mid-sentence, or no everyday word: "Stoltenburg" opening a
    sentence is a name, "Stores" is not."""
    return form.proper or not everyday_word(form.text)


def _plural_ending(first: str, second: str) -> bool:
    """The two differ where a plural's s meets its word (Koreans, Koreas;
    Condors, Condos): a demonym and a place, two words."""
    if not (first.endswith("s") and second.endswith("s")) or first.endswith("ss") or second.endswith("ss"):
        return False
    return not _inner_edit(first[:-1].lower(), second[:-1].lower())


def _worth_collecting(doc: Document, minimum: int) -> set[str]:
    """The capitalised words (bare) whose occurrences run() can use: those
    in a pair of spellings one edit apart (any case of them), and those
    that may have a spacing variant (hyphened, run together) with the first
    part of each. Worked out from the distinct words alone, so _collect
    reads the context of only these: on a long text, which has such pairs,
    the rest is nearly every word (the BBC corpus as one file: 2.6 -> 0.4 s).

    A superset of what counts: pairs are looked for among every form of
    every word in the blocks, before any occurrence is set aside."""
    prose = doc.prose
    texts = {_bare(word) for block in doc.blocks for word in NAME_RE.findall(prose, block.start, block.end)}
    letters = [text for text in texts if len(text) >= _SHORTEST and _lettered(text)]
    pairs = chain(
        _one_letter_apart(text for text in letters if len(text) >= minimum),
        _doubled_apart(letters, minimum),
        _accents_apart(letters),
    )
    paired = {name.lower() for pair in pairs for name in pair}
    keep = {text for text in letters if text.lower() in paired}
    for text in texts:  # what _spacing_pairs reads: the form, its first part, the forms run together
        if "-" in text:
            joined = text.replace("-", "")
            keep.update((text, text.partition("-")[0], joined, joined.capitalize()))
        if len(text) >= 6 and _CAMEL_HINT_RE.search(text):
            keep.update((text, _CAMEL_RE.split(text)[0]))
    return keep


def _collect(doc: Document, keep: set[str]) -> dict[str, Form]:
    """The capitalised words of ``keep`` with where they occur and whether
    they are names.

    Left out: text reproduced as written, @handles and #hashtags, forms that
    are meant (a pronunciation, a nickname), words of a foreign name."""
    prose = doc.prose
    words: dict[str, Form] = {}
    glosses = _GLOSS_HINT_RE.search(prose) is not None  # most articles give none
    for block in doc.blocks:
        headline = block.kind == "headline"
        for match in NAME_RE.finditer(prose, block.start, block.end):
            start = match.start()
            text = _bare(match.group())
            if text not in keep:
                continue
            if prose[start - 1 : start] in ("@", "#") or doc.in_verbatim(start) or doc.in_comments(start):
                continue
            if glosses and _meant(prose, block.start, start, start + len(text)):
                continue
            if _in_foreign_name(prose, block.start, start):
                continue
            if _DOMAIN_RE.match(prose, match.end()):
                continue  # TheCapitalistLeague.com: an address, not a name
            form = words.get(text)
            if form is None:
                form = words[text] = Form(text)
            form.offsets.append(start)
            # A wire headline in capitals is typed in haste ("BUDGET
            # COMMITTTEE"): it says nothing about the right spelling.
            form.headline = form.headline or (headline and not doc.in_capitals(block))
            if not form.proper and not headline and not starts_sentence(prose, block.start, start):
                form.proper = True
    return words


def _meant(prose: str, floor: int, start: int, end: int) -> bool:
    """A form given on purpose: "Pugsley (pronounced Pugsly)", "nicknamed
    the Condos", "the Condos, as fans call them"."""
    if _GLOSS_BEFORE_RE.search(prose, max(floor, start - 30), start):
        return True
    return _GLOSS_AFTER_RE.match(prose, end, end + 60) is not None


def _in_foreign_name(prose: str, floor: int, start: int) -> bool:
    """ "Brasil" in "Banco do Brasil", "Montréal" in "Société de transport de
    Montréal": a capitalised word, then lower-case ones (a joining word
    among them), a joining word, this one."""
    before = prose[max(floor, start - 50) : start].split()
    if len(before) < 2 or before[-1] not in _FOREIGN_JOINS:
        return False
    for word in reversed(before[-5:-1]):
        if word[:1].isupper():
            return True
        if not word.isalpha():
            return False
    return False


def _long_names(found: frozenset[str], minimum: int) -> set[str]:
    """The bare forms of ``found`` that are all letters (hyphened or not), ``minimum`` or more.

    A word of letters only is its own bare form, so only the others (Nato's,
    Al-Kadhimi) go through _bare: it is the same set, for a tenth of the calls.
    """
    names = {name for name in found if len(name) >= minimum and name.isalpha()}
    others = map(_bare, [name for name in found if not name.isalpha()])
    names.update(name for name in others if len(name) >= minimum and _lettered(name))
    return names


def _lettered(name: str) -> bool:
    """Letters, hyphened or not: Stoltenberg, Orde-Ransome (compared letter by letter)."""
    return name.isalpha() or name.replace("-", "").isalpha()


def _hyphen_variant(name: str, names: set[str], prose: str) -> bool:
    """Al-Kadhimi with Al Kadhimi in the text, or AlKadhimi or Alkadhimi among the names."""
    joined = name.replace("-", "")
    return name.replace("-", " ") in prose or joined in names or joined.capitalize() in names


def _camel_variant(name: str, prose: str) -> bool:
    """TimeWarner with Time Warner in the text."""
    parts = _CAMEL_RE.split(name)
    return len(parts) >= 2 and " ".join(parts) in prose


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
        for index, later in _close(group):
            (first, first_name), (second, second_name) = group[index], group[later]
            if len(second) - len(first) <= 1 and first != second and _inner_edit(first, second):
                yield first_name, second_name


def _close(group: list[tuple[str, str]]) -> Iterable[tuple[int, int]]:
    """The pairs of places (i < j, in order) in ``group`` (names filed
    under the same two letters, shortest first) whose names may be one
    inner edit apart.

    A few names: every pair of lengths one apart at most. Many (a long
    text has thousands of names, dozens under each two letters): names one
    inner edit apart share a key, a name itself or with one inner letter
    left out ("stoltenberg", "stoltenburg": "stoltenbrg"), so only those
    pairs are compared (the BBC corpus as one file: 113,000 comparisons,
    0.4 s -> 0.05 s)."""
    if len(group) <= 16:
        for index, (first, _) in enumerate(group):
            for later in range(index + 1, len(group)):
                if len(group[later][0]) - len(first) > 1:
                    break
                yield index, later
        return
    keyed: dict[str, list[int]] = defaultdict(list)
    for index, (lowered, _) in enumerate(group):
        keyed[lowered].append(index)
        for cut in range(1, len(lowered) - 1):
            keyed[lowered[:cut] + lowered[cut + 1 :]].append(index)
    pairs = {
        (one, other)
        for places in keyed.values()
        if len(places) > 1
        for one in places
        for other in places
        if one < other
    }
    yield from sorted(pairs)


def _may_be_one_letter_apart(names: list[str]) -> bool:
    """Whether two of ``names`` share their first and last letters (case
    aside) and differ in length by one at most: what any two one inner edit
    apart do. Asked with sets in C before _one_letter_apart's groups are made
    in Python (most articles have no such two: 0.03 s over the BBC corpus)."""
    lowered = set(map(str.lower, names))  # one name in two cases is no pair
    shapes = {(name[0], name[-1], len(name)) for name in lowered}
    return len(shapes) < len(lowered) or any((first, last, size + 1) in shapes for first, last, size in shapes)


def _accents_apart(names: Iterable[str]) -> Iterator[tuple[str, str]]:
    """Names of three letters or more that differ only in their accents, at
    any letter: López / Lopez, Fáil / Fail, Élysée / Elysee.
    (Not a form in capitals: wire headlines drop accents, LOPEZ.)"""
    present = {name.lower(): name for name in names if len(name) >= _SHORTEST and not name.isupper()}
    groups: dict[str, list[str]] = defaultdict(list)
    for lowered, name in present.items():
        folded = _without_accents(lowered) if not lowered.isascii() else lowered
        if folded != lowered:
            groups[folded].append(name)
    for folded, accented in groups.items():
        forms = accented + ([present[folded]] if folded in present else [])
        for index, first in enumerate(forms):
            for second in forms[index + 1 :]:
                yield first, second


# Letters with a stroke, which Unicode does not decompose: Wałęsa, Øresund.
_STROKES = str.maketrans("łŁøØđĐħĦı", "lLoOdDhHi")


def _accented_in_another_name(prose: str, first: Form, second: Form) -> bool:
    """Two forms that differ only in accents, one always the start of a
    longer name and the other never: "Zurich Insurance" and the city of
    Zürich, "Ángel Di María" and the Angel of the North; or both the starts
    of different longer names, "Río de la Plata" and "Rio de Janeiro". (A
    first name before a form says nothing: "Lech Wałęsa", then "Walesa";
    and one before the longer name makes it a person's double surname:
    "Pedro Echániz Gorostiza", then "Echaniz".)"""
    if _without_accents(first.text.lower()) != _without_accents(second.text.lower()):
        return False
    first_after, second_after = _continued(prose, first), _continued(prose, second)
    if first_after and second_after and not first_after & second_after:
        return True  # "Río de la Plata" and "Rio de Janeiro": two longer names
    first_named, second_named = _always_named_on(prose, first), _always_named_on(prose, second)
    if first_named is second_named or None in (first_named, second_named):
        return False
    longer = first if first_named else second
    return not _neighbours(prose, longer)[0]


# A place's name that runs on past a joining word: "Rio de Janeiro", "Río de la Plata".
_CONTINUED_RE = lazy_compile(
    r"[ \t]+(?:de|da|do|dos|das|del|della|di|du|des)[ \t]+(?:(?:la|las|los|el|le|les)[ \t]+)?(\p{Lu}[\p{L}’'-]*)"
)


def _continued(prose: str, form: Form) -> set[str] | None:
    """The names ``form`` runs on into after a joining word, or None if
    some use of it does not run on."""
    names = set()
    for offset in form.offsets:
        match = _CONTINUED_RE.match(prose, offset + len(form.text))
        if match is None:
            return None
        names.add(match.group(1))
    return names


def _always_named_on(prose: str, form: Form) -> bool | None:
    """True if every use of ``form`` has a capitalised word after it, False
    if none has, None if some do."""
    named_on = [bool(_WORD_AFTER_RE.match(prose, offset + len(form.text))) for offset in form.offsets]
    return True if all(named_on) else False if not any(named_on) else None


def _without_accents(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.translate(_STROKES))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _doubled_apart(names: Iterable[str], below: int) -> Iterator[tuple[str, str]]:
    """Names shorter than ``below`` (four letters or more) that differ by a
    doubled inner letter: Allen / Alen. (Longer ones are one edit apart.)"""
    short = {name.lower(): name for name in names if len(name) < below}
    for lowered, name in short.items():
        if len(lowered) < 5 or _DOUBLED_RE.search(lowered, 1, len(lowered) - 1) is None:
            continue  # most names have no doubled inner letter
        for index in range(1, len(lowered) - 2):
            if lowered[index] == lowered[index + 1]:
                single = lowered[:index] + lowered[index + 1 :]
                if single in short:
                    yield short[single], name


def _bare(name: str) -> str:
    """The name without a possessive ending: Nato's -> Nato, Jones' -> Jones."""
    if name[-2:] in ("'s", "’s"):
        return name[:-2]
    return name[:-1] if name[-1] in "'’" else name


def _neighbours(prose: str, form: Form) -> tuple[set[str], set[str]]:
    """Capitalised words just before (first names) and after (surnames) a form."""
    before, after = set(), set()
    for offset in form.offsets:
        match = _WORD_BEFORE_RE.search(prose, max(0, offset - 30), offset)
        if match and match.group(1) not in _TITLES and not _everyday_not_name(match.group(1)):
            before.add(match.group(1))  # not "But Volkwagen", "Free Mojtaba and Arash Day"
        match = _WORD_AFTER_RE.match(prose, offset + len(form.text))
        if match:  # surnames may be everyday words: Rachael Bade
            after.add(match.group(1))
    return before, after


def _everyday_not_name(word: str) -> bool:
    return everyday_word(word) and not proper_name(word)


def _spaced(prose: str, words: dict[str, Form], spaced: str, same: Form) -> Form | None:
    """Occurrences of capitalised words side by side ("Al Kadhimi") that make
    a whole name: not the start of a longer word ("East Mediterranean"), nor
    of a longer run of capitalised words ("East African Affairs") unless the
    other form goes on the same way ("High Speed Downlink", "High-Speed
    Downlink")."""
    first = words.get(spaced.partition(" ")[0])
    if first is None:
        return None
    going_on = {_next_word(prose, offset + len(same.text)) for offset in same.offsets}
    offsets = [
        offset
        for offset in first.offsets
        if prose.startswith(spaced, offset) and _whole(prose, offset + len(spaced), going_on)
    ]
    return Form(spaced, offsets, True) if offsets else None


def _next_word(prose: str, end: int) -> str:
    match = _WORD_AFTER_RE.match(prose, end)
    return match.group(1) if match and prose[end : end + 1] not in ("'", "’") else ""


def _whole(prose: str, end: int, going_on: set[str]) -> bool:
    after = prose[end : end + 2]
    if after[:1].isalpha() or after[:1] in ("-", "'", "’") and after[1:2].isalpha():
        return False  # "East Med" in "East Mediterranean"
    return not (after[:1] == " " and after[1:2].isupper()) or _next_word(prose, end) in going_on


def _two_people(prose: str, first: Form, second: Form) -> bool:
    """Different first names (Warren Beatty, American Beauty; Ali Khamenei,
    Ruhollah Khomenei) or different surnames (Michael Mann, Michel Gondry)
    beside the two forms: two names, not one spelled twice."""
    first_before, first_after = _neighbours(prose, first)
    second_before, second_after = _neighbours(prose, second)
    if (first_after and not first_before and second_before and not second_after) or (
        second_after and not second_before and first_before and not first_after
    ):
        return True  # "Xiaoqing Pi" beside "Zhou Xiaoming": a given name, and another's
    if _surnames_apart(first_after, second_after):
        return True  # "Mohd Faizal Ismail", "Mohd Faisal Hassan": a shared first name says nothing
    shared = _folded(first_before) & _folded(second_before)  # José and Jose: one first name
    if shared:
        # One name after the same first name is one person's ("Hans Christian
        # Andersen Award", "Hans Christian Anderson School"); but Chinese
        # order puts the family name first, so "Chen Jiahua" and "Chen
        # Jianhua" are two people's given names.
        return shared <= CHINESE_FAMILY_NAMES and chinese_given_name(first.text) and chinese_given_name(second.text)
    return bool(first_before and second_before or first_after and second_after and not first_after & second_after)


def _surnames_apart(first_after: set[str], second_after: set[str]) -> bool:
    """Both forms followed by names, and never by the same one: two
    people's surnames (not "Andersen Award", "Anderson School": one name
    before two everyday words)."""
    if not first_after or not second_after or any(map(_everyday_not_name, first_after | second_after)):
        return False
    return not _folded(first_after) & _folded(second_after)  # "Diné Bikéyah", "Dine Bikeyah": one name


def _folded(names: set[str]) -> set[str]:
    return {_without_accents(name) for name in names}


def _introduced_apart(prose: str, hyphened: Form, spaced: Form) -> bool:
    """A double-barrelled surname with a first name before it ("Carys
    Owen-Jones") beside a spaced form introduced as a person of its own
    ("Owen Jones, a 71-year-old retired postman"): two people."""
    if not any(_WORD_BEFORE_RE.search(prose, max(0, offset - 30), offset) for offset in hyphened.offsets):
        return False
    return any(_INTRODUCED_RE.match(prose, offset + len(spaced.text)) for offset in spaced.offsets)


def _roles(prose: str, form: Form) -> tuple[bool, bool]:
    """Whether the form is used for a person (a first name or a title
    before it: companies say things too), and whether for a place or as an
    adjective ("in Kendal", "Iranian officials")."""
    person = other = False
    for offset in form.offsets:
        end = offset + len(form.text)
        title = _TITLE_BEFORE_RE.search(prose, max(0, offset - 20), offset)
        word_before = _WORD_BEFORE_RE.search(prose, max(0, offset - 30), offset)
        lower_before = _LOWER_WORD_BEFORE_RE.search(prose, max(0, offset - 20), offset)
        lower_after = _LOWER_WORD_AFTER_RE.match(prose, end)
        if title and title.group(1) in _PERSON_TITLES:
            person = True
        elif word_before and word_before.group(1) not in _TITLES and proper_name(word_before.group(1)):
            person = True
        elif word_before and not everyday_word(word_before.group(1)) and word_before.group(1) not in _TITLES:
            person = True
        if lower_before and lower_before.group(1).lower() in _PLACE_BEFORE:
            other = True
        elif lower_after and form.text.endswith(_DEMONYM_ENDINGS) and not _a_verb(lower_after.group(1)):
            other = True  # "Iranian officials"; not "Hasanuzzaman rejected"
    return person, other


def _a_verb(word: str) -> bool:
    """A word after a name that makes the name its subject, not an adjective:
    a speech verb or an auxiliary, or a past tense ("rejected")."""
    return word in _VERBS_AFTER or (len(word) > 4 and word.endswith("ed"))


def _listed_together(prose: str, first: Form, second: Form) -> bool:
    """ "Venus and Serena and Selena", "Ireland, Iceland": two names the word
    list knows, named side by side, are two names ("Arcleor and Arcelor" is
    one misspelt beside itself)."""
    if not (proper_name(first.text) and proper_name(second.text)):
        return False
    for one, other in ((first, second), (second, first)):
        for offset in other.offsets:
            for start in one.offsets:
                end = start + len(one.text)
                if 0 < offset - end <= 8 and _LISTED_RE.match(prose[end:offset] + " "):
                    return True
    return False


def _two_places(prose: str, first: Form, second: Form) -> bool:
    """Two names the word list knows, each used for a place ("in Ireland",
    "in Iceland"): two places."""
    if not (proper_name(first.text) and proper_name(second.text)):
        return False
    return _roles(prose, first)[1] and _roles(prose, second)[1]


def _used_differently(prose: str, first: Form, second: Form) -> bool:
    """One form only ever a known first name ("Richie Byrne", "Jennifer Lopez")
    and the other never one ("Ritchie" in a line-up, "Singer Jenifer"); or
    one an everyday word only ever inside a longer name ("Standard Life")
    beside a name always on its own ("Liffe"; not "McDonnell Doughlas")."""
    first_given, second_given = _given_name(prose, first), _given_name(prose, second)
    if first_given != second_given and not any(
        _next_word(prose, offset + len(form.text))
        for form in (first, second)
        for offset in form.offsets
        if not (first_given if form is first else second_given)
    ):
        return True
    for inside, alone in ((first, second), (second, first)):
        if _inside_a_name(prose, inside) and not any(_name_before(prose, offset) for offset in alone.offsets):
            return True
    return False


def _given_name(prose: str, form: Form) -> bool:
    """A first name the word list knows, always first of a name: "Richie
    Byrne"; not "Atletico Madrid" (no first name) nor "McDonnell Douglas
    Corp" (not first)."""
    return proper_name(form.text) and all(
        _next_word(prose, offset + len(form.text)) and not _name_before(prose, offset) for offset in form.offsets
    )


def _name_before(prose: str, offset: int) -> bool:
    match = _WORD_BEFORE_RE.search(prose, max(0, offset - 30), offset)
    return match is not None and match.group(1) not in _TITLES


def _inside_a_name(prose: str, form: Form) -> bool:
    """An everyday word that only ever follows another capitalised word of
    the same name: "Life" in "Standard Life", "Market" in "Castle Market"."""
    if not everyday_word(form.text):
        return False
    for offset in form.offsets:
        match = _WORD_BEFORE_RE.search(prose, max(0, offset - 30), offset)
        if not match or match.group(1) in _TITLES:
            return False
    return True


def _person_and_place(prose: str, first: Form, second: Form) -> bool:
    """One form only ever a person's name, the other only a place's or an
    adjective: Jo Kendel from Kendal, the economist Garbis Iradian on
    Iranian oil."""
    first_person, first_other = _roles(prose, first)
    second_person, second_other = _roles(prose, second)
    return (first_person and not first_other and second_other and not second_person) or (
        second_person and not second_other and first_other and not first_person
    )


def _place_and_actor(prose: str, first: Form, second: Form) -> bool:
    """One form named a place outright ("the village of Glencoe") and never
    acting, the other acting ("Glencore said", see _acts) and never named a
    place: a place and a company or a person, two names."""
    first_place, second_place = _named_place(prose, first), _named_place(prose, second)
    first_acts, second_acts = _acts(prose, first), _acts(prose, second)
    return (first_place and not first_acts and second_acts and not second_place) or (
        second_place and not second_acts and first_acts and not first_place
    )


def _named_place(prose: str, form: Form) -> bool:
    return any(_PLACE_NAMED_RE.search(prose, max(0, offset - 30), offset) for offset in form.offsets)


def _acts(prose: str, form: Form) -> bool:
    """The form says or runs something somewhere, as a company or a person
    does and a place does not: "Glencore said", "Glencore employs"."""
    for offset in form.offsets:
        after = _LOWER_WORD_AFTER_RE.match(prose, offset + len(form.text))
        if after and after.group(1) in _ACTOR_VERBS:
            return True
    return False


def _inner_edit(first: str, second: str) -> bool:
    """One substitution, insertion or deletion, or two neighbouring letters
    swapped (Stoltenberg / Stoltneberg), at neither end of the word."""
    if not first or not second or first[0] != second[0] or first[-1] != second[-1]:
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
    """ "Al-Kadhimi" beside "Al Kadhimi" or "Alkadhimi"; "TimeWarner"
    beside "Time Warner"."""
    for text, form in list(words.items()):
        if "-" in text and all(len(part) >= 2 for part in text.split("-")):  # not "D-R.I."
            spaced = _spaced(prose, words, text.replace("-", " "), form)
            if spaced is not None:
                yield form, spaced
            joined = text.replace("-", "")
            for candidate in {joined, joined.capitalize()}:
                if candidate in words:
                    yield form, words[candidate]
        elif len(text) >= 6 and _a_name(form):
            parts = _CAMEL_RE.split(text)
            if len(parts) >= 2 and all(len(part) >= 2 for part in parts):
                spaced = _spaced(prose, words, " ".join(parts), form)
                if spaced is not None:
                    yield form, spaced


def _likelier_slip(one: Form, other: Form) -> tuple[Form, Form, bool]:
    """(the likelier misspelling, the other form, whether there was evidence).

    In order: the form missing from the headline when the other is in it
    (subeditors check the names in a headline; but not of two forms apart
    only in accents, which headlines drop too); the rarer form; on a tie,
    the one without the accents ("Walesa" beside "Wałęsa": accents are
    dropped, not added, and the word list has none); the one the word list
    does not know when it knows the other ("Villareal" beside "Villarreal",
    "COMMITTTEE" beside "Committee"); else the later one, with no evidence.
    (The article's own count comes before the list: "Anastacia" three times
    beside one "Anastasia" is a singer who spells her name so, and "Britain
    called for" beside three "Brittain" a slip into a word the list knows.
    So "Penzoil" three times beside one "Pennzoil" is reported the wrong way
    round: the message names both.)"""
    accents_only = one.text.isascii() != other.text.isascii() and _without_accents(one.text) == _without_accents(
        other.text
    )
    if one.headline != other.headline and not accents_only:
        return (other, one, True) if one.headline else (one, other, True)
    if one.count != other.count:
        return (one, other, True) if one.count < other.count else (other, one, True)
    if accents_only:
        return (one, other, True) if one.text.isascii() else (other, one, True)  # accents are dropped, not added
    one_known, other_known = known_word(one.text), known_word(other.text)
    if one_known != other_known:
        return (other, one, True) if one_known else (one, other, True)
    return (one, other, False) if one.offsets[0] > other.offsets[0] else (other, one, False)
