"""The literal prefilter the engine derives from each rule pattern: it must
never keep a pattern from text the pattern matches."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from support import findings, seed_text

from newslint.checks._patterns import RulePattern
from newslint.document import Document
from newslint.lexicon import NAMED_LISTS
from newslint.options import pattern_entries
from newslint.prefilter import Prefilter, literal_anchor, required_literals
from newslint.rules import builtin_pack_path, builtin_packs, load_pack

BUILTIN_RULES = [rule for name in builtin_packs() for rule in load_pack(builtin_pack_path(name), name).rules]
PATTERNS = [
    (rule, entry["pattern"])
    for rule in BUILTIN_RULES
    for key in ("patterns",)
    for entry in pattern_entries(rule.options.get(key) or [])
]


@pytest.mark.parametrize(
    ("pattern", "literals"),
    [
        (r" - (?:(?<=[^\s\d] - )(?=[^\s])|(?<=\d - )(?=[^\s\d]))", {" - "}),
        (r"(?<!\.)\.\.\.(?!\.)", {"..."}),
        (r"\u200B", {"\u200b"}),
        (r"\b(Mr|Mrs|Ms|Dr)\.(?=\s+\p{Lu})", {"Mr", "Mrs", "Ms", "Dr"}),
        (r"\bthe (?:first|second) of (?:May|June)\b", {"first", "second"}),  # the longest shortest string wins
        (r"(?i:\[(?:link|url)\])", {"["}),  # a character most articles lack beats a common word
        (r"\b\d{1,2} \L<month>\b", set(NAMED_LISTS["month"])),
        (r"colou?r", {"colo"}),
        (r"x|y?", None),  # a branch that can match nothing: no filter
        (r"(ab)?c*", None),
        (r"\d+", None),
        (r"(?x) a b", None),  # verbose mode is not read: no filter rather than a wrong one
        (r"(?ix) a b", None),  # nor with other flags (it matches "ab": " a b" would keep it from "xab")
        (r"(a)(?(1)b|c)", None),
    ],
)
def test_required_literals(pattern: str, literals: set[str] | None) -> None:
    found = required_literals(pattern, NAMED_LISTS)
    assert (set(found) if found is not None else None) == literals


@pytest.mark.parametrize(
    ("pattern", "reach"),
    [
        (r"\b\L<month> \d", 0),  # the month opens every match
        (r"(?<![\d,.])\b\d{1,2}(?:st|nd|rd|th)? \L<month>", 5),  # "31st May": at most five characters in
        (r"(?:a|bc)?x*yz", None),  # "yz" after any number of x: no bound
        (r"\d+ \L<month>", None),
        (r"\Ka\L<month>", None),  # \K moves the start: not tried at chosen places
        (r"(?f)ab\L<month>", None),  # full case folding may change lengths
    ],
)
def test_reach_bounds_how_far_into_a_match_the_literal_starts(pattern: str, reach: int | None) -> None:
    anchor = literal_anchor(pattern, NAMED_LISTS, bounded=True)
    assert anchor is not None and anchor.reach == reach


def absent(prefilter: Prefilter, text: str) -> bool:
    return prefilter.absent_from(text, text.lower)


def test_a_filter_says_absent_only_without_any_literal() -> None:
    for literals in ({"\u00a0"}, {"May", "June"}, {f"word{n}" for n in range(12)} | {"May"}):
        prefilter = Prefilter(frozenset(literals), ignore_case=False)
        assert absent(prefilter, "Talks end on 3 Jun.")
        assert not absent(prefilter, "Talks end in mid-May.") or "May" not in literals
    assert not absent(Prefilter(frozenset({"May"}), ignore_case=True), "In MAY.")
    assert not absent(Prefilter(frozenset({f"Word{n}" for n in range(9)}), ignore_case=True), "A WORD7.")
    assert absent(Prefilter(frozenset({"May"}), ignore_case=False), "In MAY.")


def test_most_builtin_patterns_get_a_filter() -> None:
    filtered = [source for _, source in PATTERNS if required_literals(source, NAMED_LISTS)]
    assert len(filtered) >= len(PATTERNS) * 3 // 4


@pytest.mark.parametrize(("rule", "source"), PATTERNS, ids=lambda item: getattr(item, "id", "")[:40])
def test_every_match_holds_a_required_literal(rule, source) -> None:  # type: ignore[no-untyped-def]
    """Over the rule's own examples and the seed, every match of the pattern
    contains one of the literals (as the case setting reads them)."""
    from newslint.checks._patterns import compile_pattern

    literals = required_literals(source, NAMED_LISTS)
    if literals is None:
        return
    compiled = compile_pattern(source, rule.options.get("case_sensitive", True))
    ignore_case = not rule.options.get("case_sensitive", True) or "(?i" in source
    for sample in (*rule.examples.bad, *rule.examples.good, seed_text()):
        for match in compiled.finditer(sample):
            text = match.group().lower() if ignore_case else match.group()
            wanted = {literal.lower() for literal in literals} if ignore_case else literals
            assert any(literal in text for literal in wanted), (source, match.group())


def test_patterns_a_config_sets_get_their_own_filter() -> None:
    config = "extends: [core]\nrules:\n  typography.invisible-character:\n    patterns: ['\\u200c']\n"
    assert findings("Head\n\nNato\u200c allies met.\n", config, rule="typography.invisible-character") == {
        (3, 5, "typography.invisible-character")
    }


# -- rule patterns tried near their literals ---------------------------------------------


def _builtin_patterns() -> list[RulePattern]:
    found = {}
    for rule, source in PATTERNS:
        case = rule.options.get("case_sensitive", True)
        found[(source, case)] = RulePattern(source, case)
    return list(found.values())


RULE_PATTERNS = _builtin_patterns()
DATES = [
    "May",
    "June",
    "Jan.",
    "Sept",
    "Mar",
    "March",
    "1",
    "12",
    "31st",
    "2019",
    "1987",
    " ",
    ", ",
    "-",
    " to ",
    " and ",
]
DATE_WORDS = [
    "the ",
    "of ",
    "first ",
    "In ",
    "Theresa ",
    "Friday ",
    "attacks",
    "\n",
    "Mr.",
    "Mr",
    "organiz",
    "ation",
    ".",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(DATES + DATE_WORDS), max_size=40))
def test_patterns_tried_near_their_literals_find_what_a_search_finds(pieces: list[str]) -> None:
    text = "".join(pieces)
    doc = Document(text=text, prose=text, blocks=[])
    for pattern in RULE_PATTERNS:
        expected = [m.span() for m in pattern.compiled.finditer(text) if m.end() > m.start()]
        doc.__dict__.pop("memo", None)
        assert [m.span() for m in pattern.finditer(doc)] == expected, pattern.source


def test_most_date_patterns_are_tried_near_their_months() -> None:
    near = [pattern for pattern in RULE_PATTERNS if pattern._near() is not None]
    assert len(near) >= 10
