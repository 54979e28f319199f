"""The starter config ``newslint init`` writes.

For the house-style packs it also writes out the pack's house-style choices
(``HOUSE_STYLE``), each option with the values it may take, so that a
newsroom sees what it can change; ``newslint learn`` will set them from an
archive. A test checks that the values written here are the packs' own.
"""

from __future__ import annotations

from typing import NamedTuple

STARTER = """\
# newslint configuration: https://github.com/newslint/newslint#configuration
extends:
  - {pack}
# select: [consistency, quotes, typography, hygiene, claims]
# ignore: [claims.loaded-verb]
{rules}# overrides:
#   - files: ["archive/**"]
#     ignore: [claims]
# exclude: ["drafts/"]
"""

_PLAIN_RULES = """\
# rules:
#   headline.length: {max: 80}
#   typography.double-space: info
"""


class Choice(NamedTuple):
    """One house-style option of a rule: its value in the pack, and what it may be."""

    rule: str
    option: str
    value: str
    values: str  # the choices, as the comment shows them


#: The house-style choices of each pack, as its rule files set them.
HOUSE_STYLE: dict[str, tuple[Choice, ...]] = {
    "british": (
        Choice("style.numbers", "figures_from", "10", "a number: 10 writes one to nine in words"),
        Choice("style.millions", "money", "abbreviated", "abbreviated ('£5m') | words ('£5 million')"),
        Choice("style.millions", "counts", "words", "abbreviated ('5m people') | words ('5 million people')"),
        Choice("style.per-cent", "figures", '"%"', "'%' ('5%') | percent | per cent ('5 per cent')"),
        Choice("style.per-cent", "words", "per cent", "percent | per cent"),
        Choice("style.units", "space", "false", "false ('60mph') | true ('60 mph')"),
        Choice("style.time", "meridiem", "am", "am ('10am') | a.m. ('10 a.m.')"),
        Choice("style.time", "separator", '"."', "'.' ('10.30am') | ':' ('10:30am')"),
        Choice("style.time", "noon", "words", "words ('noon', 'midnight') | figures ('12pm')"),
        Choice("style.time", "zero_minutes", "drop", "drop ('10am') | keep ('10.00am')"),
        Choice("style.abbreviation-brackets", "brackets", "true", "true ('... Industry (CBI)') | false"),
        Choice("style.later-references", "style", "honorific", "honorific ('Mr Blair') | surname ('Blair')"),
        Choice("style.headline-case", "case", "sentence", "sentence | title"),
        Choice("style.headline-quotes", "marks", "single", "single | double"),
    ),
    "american": (
        Choice("style.numbers", "figures_from", "10", "a number: 10 writes one to nine in words"),
        Choice("style.millions", "money", "words", "words ('$5 million') | abbreviated ('$5m')"),
        Choice("style.millions", "counts", "words", "words ('5 million people') | abbreviated ('5m people')"),
        Choice("style.percent", "figures", '"%"', "'%' ('5%', AP since 2019) | percent ('5 percent') | per cent"),
        Choice("style.percent", "words", "percent", "percent | per cent"),
        Choice("style.units", "space", "true", "true ('60 mph') | false ('60mph')"),
        Choice("style.time", "meridiem", "a.m.", "a.m. ('10 a.m.') | am ('10am')"),
        Choice("style.time", "separator", '":"', "':' ('10:30 a.m.') | '.' ('10.30 a.m.')"),
        Choice("style.time", "noon", "words", "words ('noon', 'midnight') | figures ('12 p.m.')"),
        Choice("style.time", "zero_minutes", "drop", "drop ('10 a.m.') | keep ('10:00 a.m.')"),
        Choice("style.abbreviation-brackets", "brackets", "false", "false (AP) | true ('... Administration (FAA)')"),
        Choice("style.later-references", "style", "surname", "surname ('Biden') | honorific ('Mr. Biden')"),
        Choice("style.headline-case", "case", "sentence", "sentence | title"),
        Choice("style.headline-quotes", "marks", "single", "single | double"),
    ),
}


def house_style(pack: str) -> str:
    """The ``rules:`` block of a house-style pack's choices, with comments."""
    choices = HOUSE_STYLE.get(pack)
    if not choices:
        return _PLAIN_RULES
    lines = [
        f"# House style: the {pack} pack's choices. Change a value to match your newsroom",
        "# (`newslint learn` will infer them from your archive).",
        "rules:",
        "  # headline.length: {max: 80}",
    ]
    rule = ""
    for choice in choices:
        if choice.rule != rule:
            rule = choice.rule
            lines.append(f"  {rule}:")
        lines.append(f"    {choice.option}: {choice.value}  # {choice.values}")
    lines += [
        "  # style.abbreviations:",
        "  #   familiar: [...]  # abbreviations your readers know, beside the built-in list (this replaces",
        "  #                    # the pack's own additions: `newslint rule style.abbreviations` shows them)",
    ]
    return "\n".join(lines) + "\n"


def starter(pack: str) -> str:
    return STARTER.format(pack=pack, rules=house_style(pack))
