"""The house-style choices ``learn`` infers: one table entry per choice.

An entry says what to count in each article (a function from a Document to
counts per value), in what unit the shares are taken (articles, for a choice
an article makes once, such as its quotation marks; uses, for one it makes
every time), and for each value what the profile then sets: the built-in
pack whose style it is, the rule settings, and the form it prefers where the
consistency rule groups forms. Adding a choice, or a value, is adding an
entry here; nothing else changes.

What a value sets may depend on the pack the profile extends (the dash rule
is core's existence rule, or the british or american pack's substitution),
so ``settings`` is a function of that pack's name.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from newslint.document import Document
from newslint.lexicon import MONTHS
from newslint.patterns import lazy_compile

Counts = Mapping[str, int]


@dataclass(frozen=True)
class Settings:
    """What a value sets in the profile."""

    rules: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    #: Rules to leave out (the base pack's rule for the other way).
    ignore: tuple[str, ...] = ()
    #: Said in the profile beside the evidence (what no rule can set yet).
    note: str = ""


SettingsFor = Callable[[str], Settings]  # the base pack -> what to set
NOTHING = Settings()


@dataclass(frozen=True)
class Value:
    label: str
    #: The built-in pack whose style this is: a vote for extending it.
    pack: str = ""
    settings: SettingsFor = lambda base: NOTHING


@dataclass(frozen=True)
class Choice:
    name: str
    question: str
    unit: str  # "articles" or "uses"
    count: Callable[[Document], Counts]
    values: Mapping[str, Value]
    #: Rules of the base pack that decide this choice: left out when the
    #: archive does not decide it (unless ``undecided`` says what to set).
    governs: tuple[str, ...] = ()
    #: What to set when the archive does not decide it, instead of leaving
    #: the governed rules out.
    undecided: SettingsFor | None = None
    #: The ``consistency.terms`` group whose form the values pick (each
    #: value of the group is the form ``consistency.terms`` then prefers).
    group: tuple[str, ...] = ()


# -- counting helpers -----------------------------------------------------------------


def _prose_blocks(doc: Document) -> list[tuple[int, int]]:
    """Body and standfirst blocks not set in capitals: headlines follow
    rules of their own (wire headlines are all capitals)."""
    prose = doc.prose
    return [
        (block.start, block.end)
        for block in doc.blocks
        if block.kind != "headline" and not prose[block.start : block.end].isupper()
    ]


def pattern_counter(
    pattern: str, value_of: Callable[[Any], str | None], flags: str = ""
) -> Callable[[Document], Counts]:
    """Counts per value of every match of ``pattern`` in the article's prose blocks."""
    compiled = lazy_compile(flags + pattern)

    def count(doc: Document) -> Counts:
        found: Counter[str] = Counter()
        prose = doc.prose
        for start, end in _prose_blocks(doc):
            for match in compiled.finditer(prose, start, end):
                value = value_of(match)
                if value:
                    found[value] += 1
        return found

    return count


def _group(number: int) -> Callable[[Any], str | None]:
    return lambda match: match.group(number)


_COURTESY_RE = lazy_compile(r"\b(?:Mr|Mrs|Ms|Miss)\.? \p{Lu}")
_FULL_NAME_RE = lazy_compile(r"\b\p{Lu}\p{Ll}+ (\p{Lu}\p{Ll}{2,})\b")


def _headline_case(doc: Document) -> Counts:
    """One vote per article with a headline of four or more words: capitals,
    title case (most longer words capitalised) or sentence case."""
    headlines = [doc.prose[block.start : block.end] for block in doc.blocks_of("headline")]
    if not headlines:
        return {}
    words = [word for word in headlines[0].split() if word[:1].isalpha()]
    if len(words) < 4:
        return {}
    if headlines[0].isupper():
        return {"capitals": 1}
    long_words = [word for word in words[1:] if len(word) >= 4]
    if not long_words:
        return {}
    title = sum(word[0].isupper() for word in long_words) / len(long_words) > 0.75
    return {"title" if title else "sentence": 1}


def _later_references(doc: Document) -> Counts:
    """One vote per article that names a person in full and again by the
    surname: with a courtesy title ("Mr Smith") anywhere, or never."""
    prose = doc.prose
    surnames = {match.group(1) for match in _FULL_NAME_RE.finditer(prose)}
    repeated = [name for name in surnames if prose.count(name) >= 2]
    if not repeated:
        return {}
    return {"honorific" if _COURTESY_RE.search(prose) else "surname": 1}


def _quote_style(doc: Document) -> Counts:
    """One vote per article with double quotation marks: its majority style."""
    counts = Counter(
        mark.straight for mark in doc.quotes.marks if mark.kind == "double" and mark.role in ("open", "close")
    )
    if not counts:
        return {}
    return {"straight": 1} if counts[True] > counts[False] else {"curly": 1}


# A wire dateline ("LOS ANGELES, Feb 26 - ") is a convention of its own, not a dash.
_DATELINE_RE = lazy_compile(r"\p{Lu}{2,}[\p{Lu}\p{Lu} .,'()/-]*(?:, [\p{L}.]+ \d{1,2})? - ")


def _dashes(doc: Document) -> Counts:
    found: Counter[str] = Counter()
    prose = doc.prose
    for index, (start, end) in enumerate(_prose_blocks(doc)):
        for match in _DASH_RE.finditer(prose, start, end):
            if index == 0 and match.group() == " - " and _DATELINE_RE.match(prose, start, match.end()):
                continue
            found[_DASH_VALUES[match.group()]] += 1
    return found


_DASH_RE = lazy_compile(r" - (?=[^\s\d])(?<=[^\s\d] - )| ?-- ?(?=\w)(?<=\w ?-- ?)| – | — |(?<=\w)—(?=\w)")
_DASH_VALUES = {" - ": " - ", " -- ": "--", "--": "--", " --": "--", "-- ": "--", " – ": " – ", " — ": " — ", "—": "—"}

_MONTH = "|".join(MONTHS)
_ABBREVIATED = "Jan|Feb|Aug|Sept|Sep|Oct|Nov|Dec"
_ISE_STEMS = (
    "organi|recogni|reali|critici|apologi|emphasi|prioriti|authori|characteri|minimi|maximi|moderni|privati|"
    "legali|mobili|normali|stabili|summari|utili|sympathi|finali|speciali|categori|centrali|destabili|globali|"
    "hospitali|jeopardi|memori|monopoli|neutrali|polari|publici|rationali|revitali|scrutini|subsidi|symboli|"
    "visuali|familiari|penali|itemi|harmoni|optimi|standardi|urbani|vandali|computeri|democrati|energi|"
    "equali|evangeli|fertili|industriali|internationali|legitimi|liberali|marginali|materiali|miniaturi|"
    "nationali|naturali|personali|politici|radicali|randomi|satiri|scandali|sensiti|sterili|stigmati|"
    "terrori|theori|westerni"
)


# -- what the values set ------------------------------------------------------------------


def _own_dash(form: str, others: str) -> SettingsFor:
    """A house that writes ``form`` on purpose: the dash rule, pointed at the
    other dashes (``others``, a regex), says so. Core's rule is an existence
    rule (no fix); the packs' is a substitution, whose fix writes the house's."""
    message = f"'{{found}}' as a dash: the house writes '{form}'"

    def settings(base: str) -> Settings:
        if base == "core":
            return Settings({"typography.dash": {"patterns": [others], "message": message}})
        return Settings({"typography.dash": {"patterns": [others], "replacement": form, "message": message}})

    return settings


def _typographic_dash(form: str, pack: str) -> SettingsFor:
    """A spaced en or em dash, or a closed em dash: the packs' rule fixes
    ' - ' to it; core's only points ' - ' out."""
    message = f"' - ' used as a dash: the house writes '{form}'"

    def settings(base: str) -> Settings:
        if base == "core" or base == pack:
            return NOTHING
        return Settings({"typography.dash": {"replacement": form, "message": message}})

    return settings


def _pack_rule(pack: str, rule: str) -> SettingsFor:
    """A choice the ``pack``'s ``rule`` makes: under the other pack, that
    pack's rule for the other way is left out."""
    other = {"british": "american", "american": "british"}[pack]

    def settings(base: str) -> Settings:
        return Settings(ignore=(rule,)) if base == other else NOTHING

    return settings


#: Each pack's rule for what follows a figure ("5%", "5 per cent", "5 percent").
_PERCENT_RULES = {"british": "style.per-cent", "american": "style.percent"}


def _percent_form(form: str) -> SettingsFor:
    """The house's form after a figure, set on the base pack's percent rule."""

    def settings(base: str) -> Settings:
        rule = _PERCENT_RULES.get(base)
        return Settings({rule: {"figures": form}}) if rule else NOTHING

    return settings


def _neither_pack(note: str) -> SettingsFor:
    """A form neither pack writes: the base pack's rule for its own form is left out."""
    rules = {"british": ("style.per-cent",), "american": ("style.percent",)}

    def settings(base: str) -> Settings:
        return Settings(ignore=rules.get(base, ()), note=note)

    return settings


def _house_option(rule: str, **options: Any) -> SettingsFor:
    """An option of a house-style rule both packs have (core has none)."""

    def settings(base: str) -> Settings:
        return Settings({rule: options}) if base != "core" else NOTHING

    return settings


def _base_rule_off(rule: str, pack: str) -> SettingsFor:
    """The ``pack``'s ``rule`` left out where the profile extends that pack."""

    def settings(base: str) -> Settings:
        return Settings(ignore=(rule,)) if base == pack else NOTHING

    return settings


def _fixed(settings: Settings) -> SettingsFor:
    return lambda base: settings


# -- the table ------------------------------------------------------------------------

CHOICES: tuple[Choice, ...] = (
    Choice(
        "quotes",
        "Quotation marks",
        "articles",
        _quote_style,
        {
            "straight": Value(
                "straight quotes (\" and ')",
                settings=_fixed(
                    Settings({"quotes.straight": {"enabled": False}, "quotes.mixed-style": {"prefer": "straight"}})
                ),
            ),
            "curly": Value(
                "curly quotes (“ ” and ’)",
                settings=_fixed(
                    Settings(
                        {"quotes.straight": {"enabled": True}, "quotes.mixed-style": {"prefer": "curly", "fix": "safe"}}
                    )
                ),
            ),
        },
        governs=("quotes.straight",),
        # A house of both styles: each article keeps to its own majority.
        undecided=_fixed(
            Settings({"quotes.straight": {"enabled": False}, "quotes.mixed-style": {"prefer": "majority"}})
        ),
    ),
    Choice(
        "dash",
        "Dash",
        "uses",
        _dashes,
        {
            " - ": Value("a spaced hyphen ( - )", settings=_own_dash(" - ", r" [–—] |(?<=\w)—(?=\w)| -- ")),
            "--": Value("a double hyphen (--)", settings=_own_dash("--", r" [–—] |(?<=\w)—(?=\w)")),
            " – ": Value("a spaced en dash ( – )", "british", _typographic_dash(" – ", "british")),
            " — ": Value("a spaced em dash ( — )", "american", _typographic_dash(" — ", "american")),
            "—": Value("a closed em dash (—)", settings=_typographic_dash("—", "")),
        },
        governs=("typography.dash",),
    ),
    Choice(
        "ellipsis",
        "Ellipsis",
        "uses",
        pattern_counter(r"(?<!\.)(\.\.\.|\. \. \.)(?!\.)|(…)", lambda m: "..." if m.group(1) else "…"),
        {
            "...": Value(
                "three full stops (...)",
                settings=_fixed(
                    Settings(
                        {
                            "typography.ellipsis": {
                                "patterns": [{"pattern": "…", "replacement": "..."}],
                                "message": "'…': the house writes '...'",
                            }
                        }
                    )
                ),
            ),
            "…": Value("the ellipsis character (…)"),
        },
        governs=("typography.ellipsis",),
    ),
    Choice(
        "date-order",
        "Date order",
        "uses",
        pattern_counter(
            rf"(?<![\d,.])\b(?:{_MONTH}|{_ABBREVIATED})\.? \d{{1,2}}(?:st|nd|rd|th)?\b(?![.,]?\d|:\d)"
            rf"|(?<![\d,.£$€]|\d )\b(\d{{1,2}})(?:st|nd|rd|th)? (?:{_MONTH})\b",
            lambda m: "day-month" if m.group(1) else "month-day",
        ),
        {
            "day-month": Value("day before month (1 May)", "british", _pack_rule("british", "style.date-order")),
            "month-day": Value("month before day (May 1)", "american", _pack_rule("american", "style.date-order")),
        },
        governs=("style.date-order",),
    ),
    Choice(
        "month-abbreviation",
        "Months in dates",
        "uses",
        pattern_counter(
            rf"\b(?:(January|February|August|September|October|November|December)|(?:{_ABBREVIATED})\.?)"
            r" \d{1,2}\b(?![.,]?\d|:\d)",
            lambda m: "full" if m.group(1) else "abbreviated",
        ),
        {
            "full": Value("spelt out (January 5)", settings=_base_rule_off("style.month-abbreviation", "american")),
            "abbreviated": Value("abbreviated (Jan 5, Jan. 5)", "american"),
        },
        governs=("style.month-abbreviation",),
    ),
    Choice(
        "numbers",
        "Numbers under ten",
        "uses",
        pattern_counter(
            r"(?<![\w.,/£$€%-])(?:((?i:two|three|four|five|six|seven|eight|nine))|[2-9])"
            r" (?!per|percent|%|am\b|pm\b|a\.m|p\.m|o'clock|years? old|\p{Lu})(?=\p{Ll}+\b)",
            lambda m: "words" if m.group(1) else "figures",
        ),
        {
            "words": Value("in words (five ministers)", settings=_house_option("style.numbers", figures_from=10)),
            "figures": Value("in figures (5 ministers)", settings=_house_option("style.numbers", figures_from=2)),
        },
        governs=("style.numbers",),
    ),
    Choice(
        "time",
        "Times of day",
        "uses",
        pattern_counter(r"\d ?(a\.m\.|p\.m\.|am|pm)(?!\w)", lambda m: "a.m." if "." in m.group(1) else "am"),
        {
            "am": Value("10am", settings=_house_option("style.time", meridiem="am")),
            "a.m.": Value("10 a.m.", settings=_house_option("style.time", meridiem="a.m.")),
        },
        governs=("style.time",),
    ),
    Choice(
        "headline-case",
        "Headline case",
        "articles",
        _headline_case,
        {
            "sentence": Value("sentence case", settings=_house_option("style.headline-case", case="sentence")),
            "title": Value("Title Case", settings=_house_option("style.headline-case", case="title")),
            "capitals": Value("CAPITALS (wire)", settings=_fixed(Settings(ignore=("style.headline-case",)))),
        },
        governs=("style.headline-case",),
    ),
    Choice(
        "later-references",
        "People after the first mention",
        "articles",
        _later_references,
        {
            "honorific": Value(
                "with a title (Mr Smith)", settings=_house_option("style.later-references", style="honorific")
            ),
            "surname": Value("surname only (Smith)", settings=_house_option("style.later-references", style="surname")),
        },
        governs=("style.later-references",),
    ),
    Choice(
        "percent",
        "Per cent",
        "uses",
        pattern_counter(r"\d ?(per cent|percent|pct|%)(?!\w)", _group(1)),
        {
            "per cent": Value("per cent", "british", _percent_form("per cent")),
            "percent": Value("percent", "american", _percent_form("percent")),
            "pct": Value("pct", settings=_neither_pack("no rule writes 'pct': the percent rule is left out")),
            "%": Value("the sign (%)", settings=_percent_form("%")),
        },
        governs=("style.per-cent", "style.percent"),
        group=("per cent", "percent"),
    ),
    Choice(
        "honorific-stop",
        "Mr, Mrs, Ms, Dr",
        "uses",
        pattern_counter(r"\b(?:Mr|Mrs|Ms|Dr)(\.?) (?=\p{Lu})", lambda m: "Mr." if m.group(1) else "Mr"),
        {
            "Mr": Value("no full stop (Mr Smith)", "british", _pack_rule("british", "style.honorific-stop")),
            "Mr.": Value("a full stop (Mr. Smith)", "american", _pack_rule("american", "style.honorific-stop")),
        },
        governs=("style.honorific-stop",),
    ),
    Choice(
        "ise-ize",
        "-ise or -ize",
        "uses",
        pattern_counter(rf"\b(?:{_ISE_STEMS})([sz])(?:e|ed|es|ing|ation|ations|er|ers)\b", _group(1)),
        {
            "s": Value("-ise (organise)", "british", _pack_rule("british", "style.ise-spelling")),
            "z": Value("-ize (organize)", "american", _pack_rule("american", "style.ize-spelling")),
        },
        governs=("style.ise-spelling", "style.ize-spelling"),
    ),
    Choice(
        "nato",
        "Acronyms said as words",
        "uses",
        pattern_counter(
            r"\b(Nato|NATO|Unesco|UNESCO|Unicef|UNICEF)\b", lambda m: "Nato" if m.group(1)[1].islower() else "NATO"
        ),
        {
            "Nato": Value("one capital (Nato, Unesco)", "british", _pack_rule("british", "style.nato")),
            "NATO": Value("capitals (NATO, UNESCO)", "american", _pack_rule("american", "style.nato-capitals")),
        },
        governs=("style.nato", "style.nato-capitals"),
        group=("Nato", "NATO"),
    ),
    Choice(
        "us",
        "United States, abbreviated",
        "uses",
        pattern_counter(r"(?<![\w.])(US|U\.S\.)(?![\w.]\w)", _group(1)),
        {"US": Value("US"), "U.S.": Value("U.S.")},
        group=("US", "U.S."),
    ),
)
