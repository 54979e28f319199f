"""Shared word lists: months, weekdays, honorifics, speech verbs, number words.

One place for the words several checks need, so that they never disagree
(which verbs attribute speech, which words are months). Rule files name
these lists in their patterns with the `regex` module's named lists:
``\\L<month>`` matches any month name (see ``NAMED_LISTS`` and docs/rules.md).
"""

from __future__ import annotations

from collections.abc import Iterable

MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
)  # fmt: skip
#: Abbreviations of the months, as AP and most house styles write them (with
#: or without the full stop, which is not part of the word).
MONTH_ABBREVIATIONS = ("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec")
#: Month number of every name and abbreviation.
MONTH_NUMBERS = {
    **{name: number for number, name in enumerate(MONTHS, 1)},
    **{abbreviation: MONTHS.index(next(m for m in MONTHS if m.startswith(abbreviation[:3]))) + 1
       for abbreviation in MONTH_ABBREVIATIONS},
}  # fmt: skip
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

#: Courtesy titles, written before a surname.
HONORIFICS = ("Mr", "Mrs", "Ms", "Miss", "Dr", "Prof", "Sir", "Dame", "Lord", "Lady", "Rev")
#: Abbreviations that end in a full stop without ending a sentence.
ABBREVIATIONS = (
    "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Gen", "Col", "Lt", "Sgt", "Capt", "Rev", "Sen", "Rep", "Gov",
    "Jr", "Sr", "Mt", "No", "vs", "etc", "Inc", "Ltd", "Co", "Corp", "approx", "Prop", "Ave", "Blvd", "Maj",
    "Adm", "Supt", "Insp", "Det", "Atty", "Fr",
)  # fmt: skip

# Verbs that attribute speech or writing, as base form and the forms that
# differ from the regular -s, -ed and -ing ones (``write:wrote:written``: the
# past tense, then the participle). "according to", "in a statement" and the
# like are phrases, not verbs: SPEECH_PHRASES and the checks add them.
# A verb is here when news copy uses it to report words someone said or
# wrote, before or after the speaker: "…,” he quipped", "writes Smith",
# "the statement read", "radioed the pilot". Verbs of opinion (believe,
# think, agree) report a stance, not words: OPINION_VERBS.
_SPEECH_VERB_BASES = """
    accuse acknowledge add address admit advise affirm allege announce answer argue ask assert attest beg
    begin:began:begun boast cable call caution chant claim comment complain concede conclude confess
    confide confirm contend continue counter cry declare deny describe detail echo emphasise emphasize
    exclaim explain fume greet grumble inform insist interject joke lament laugh maintain mention muse
    mutter narrate note observe opine plead pledge post predict proclaim promise propose quip quote
    radio rant read:read:read reason recall refer recite recollect recommend recount reiterate remark
    remember repeat reply report respond retort reveal say:said scoff scream shout sigh sing:sang:sung
    speak:spoke:spoken state stress suggest summarise summarize swear:swore:sworn telegraph tell:told
    testify tout tweet underline urge vow warn whisper wonder write:wrote:written yell
"""
#: The speech verbs whose bare form is a plural present in news copy ("…,”
#: say analysts", "write the authors") rather than, most of the time, a noun
#: ("the state", "a claim", "a call"): a check that looks for a speech verb
#: anywhere in a paragraph counts these bare forms and no others.
PLURAL_SPEECH_BASES = (
    "say", "tell", "add", "write", "argue", "insist", "warn", "explain", "recall", "remember", "predict",
    "suggest", "contend", "conclude", "acknowledge", "admit", "agree", "believe", "think", "fear", "hope",
)  # fmt: skip
_OPINION_VERB_BASES = """
    agree believe doubt fear feel:felt hope think:thought
"""
# Verbs whose consonant doubles before -ed and -ing (the stress falls on it).
_DOUBLING = ("admit", "beg", "begin", "quip", "snap", "stop", "plan", "commit", "regret", "refer")


def _forms(entry: str) -> list[str]:
    """The base form of a verb and its -s, past, -ing (and participle) forms."""
    base, *irregular = entry.split(":")
    if base.endswith("y") and base[-2] not in "aeiou":
        regular = [base[:-1] + "ies", base[:-1] + "ied", base + "ing"]
    elif base.endswith("ee"):
        regular = [base + "s", base + "d", base + "ing"]
    elif base.endswith("e"):
        regular = [base + "s", base + "d", base[:-1] + "ing"]
    elif base.endswith(("s", "sh", "ch", "x")) or (base.endswith("o") and base[-2] not in "aeiou"):
        regular = [base + "es", base + "ed", base + "ing"]
    elif base in _DOUBLING:
        regular = [base + "s", base + base[-1] + "ed", base + base[-1] + "ing"]
    else:
        regular = [base + "s", base + "ed", base + "ing"]
    if irregular:
        regular[1] = irregular[0]  # the past tense
        regular.extend(irregular[1:])  # a past participle of its own
    if base == "say":
        regular[0] = "says"
    return [base, *regular]


def _unique(words: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(words))


#: The bare form of every speech and opinion verb: "say", "write", "think".
BARE_VERBS = frozenset(entry.split(":")[0] for entry in (_SPEECH_VERB_BASES + _OPINION_VERB_BASES).split())
#: The forms of each speech verb, by its bare form: "write" -> write, writes, wrote, writing, written.
SPEECH_VERB_FORMS = {entry.split(":")[0]: tuple(_forms(entry)) for entry in _SPEECH_VERB_BASES.split()}
#: Every form of every speech verb: "said", "says", "saying", "wrote", "recalls"...
SPEECH_VERBS = _unique(form for forms in SPEECH_VERB_FORMS.values() for form in forms)
#: Every form of the verbs that report an opinion rather than words: "believes", "thought".
OPINION_VERBS = _unique(form for entry in _OPINION_VERB_BASES.split() for form in _forms(entry))
#: Phrasal speech verbs, in the forms news copy uses.
SPEECH_PHRASES = (
    "according to", "pointed out", "points out", "went on", "goes on", "summed up", "sums up", "hit back",
    "hits back", "attributed to", "spoke to", "speaking to", "shot back", "shoots back", "fired back",
    "fires back", "put it", "puts it", "chimed in", "chimes in", "weighed in", "weighs in", "spelled out",
    "spelt out", "wrote back", "writes back", "called out", "calls out", "followed up", "follows up",
)  # fmt: skip
#: Nouns for something said or written: "in a statement", "his remarks", "a tweet".
SPEECH_NOUNS = (
    "announcement", "blog post", "briefing", "column", "comment", "comments", "communique", "communiqué",
    "editorial", "email", "e-mail", "essay", "excerpt", "excerpts", "extract", "extracts", "interview",
    "letter", "memo", "message", "news conference", "op-ed", "podcast", "press conference",
    "press release", "remark", "remarks", "report", "sermon", "speech", "statement", "testimony", "tweet",
    "tweets", "words",
)  # fmt: skip
#: Where words are published: "reacted on Twitter", "said on Facebook".
SPEECH_MEDIA = ("Twitter", "Facebook", "Instagram", "social media", "television", "radio")

NUMBER_UNITS = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
)  # fmt: skip
NUMBER_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
NUMBER_SCALES = ("hundred", "thousand", "million", "billion", "trillion")
ORDINALS = (
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
    "eighteenth", "nineteenth", "twentieth", "thirtieth",
)  # fmt: skip

#: The lists rule patterns may name: ``\\L<month>``. Case follows the rule's
#: ``case_sensitive`` setting, like the rest of the pattern.
NAMED_LISTS: dict[str, tuple[str, ...]] = {
    "month": MONTHS,
    "month_abbreviation": MONTH_ABBREVIATIONS,
    "weekday": WEEKDAYS,
    "honorific": HONORIFICS,
    "speech_verb": SPEECH_VERBS,
    "number_word": NUMBER_UNITS + NUMBER_TENS + NUMBER_SCALES,
    "ordinal_word": ORDINALS,
}


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first (so "Sept" before "Sep")."""
    import re

    return "|".join(re.escape(word) for word in sorted(set(words), key=lambda word: (-len(word), word)))


# -- House style (issue 15) --------------------------------------------------

#: Abbreviations a general reader knows, never spelled out: countries and
#: blocs, broadcasters, agencies and bodies known by their initials, companies
#: whose name is their initials, and everyday terms. ``style.abbreviations``
#: adds a newsroom's own with its ``familiar`` option.
FAMILIAR_ABBREVIATIONS = tuple(
    """
    US USA UK EU UN UAE USSR GB NATO Nato UNESCO Unesco UNICEF Unicef OPEC Opec LA NYC DC
    BBC ITV CNN CBS NBC ABC PBS NPR MSNBC CNBC HBO ESPN MTV AP AFP UPI CBC RTE
    FBI CIA NSA IRS NASA Nasa NHS MI5 MI6 GCHQ KGB FSB IMF WHO WTO FIFA Fifa UEFA Uefa IOC NFL NBA NHL MLB
    NCAA NASCAR GOP MP MPs MEP MEPs PM QC VIP IRA SAS RAF DNA RNA HIV Aids AIDS SARS Covid COVID
    TV HD HDTV PC PCs DVD DVDs CD CDs MP3 USB SMS GPS LCD LED ATM PIN SIM IT AI VR URL FAQ HQ ID IQ VCR
    ISBN CCTV DJ DJs R&B CEO CEOs CFO CFOs IPO GDP VAT PR DIY OK UFO UFOs SUV SUVs BMX PE
    AM FM GMT BST UTC EST EDT CST CDT MST MDT PST PDT ET PT CET ICU NAFTA UCLA TED SEAL SEALs MLK JFK
    BT IBM AOL MSN RCA UPN CVS UBS ADP BP HSBC RBS BMW EMI HMV KPMG AT&T IKEA Ikea NEC LG HP UPS DHL M&S VW
    """.split()
)
#: Courtesy titles: what AP drops on later references and BBC keeps.
COURTESY_TITLES = ("Mr", "Mrs", "Ms", "Miss", "Mx")
#: Titles kept on later references by houses that use honorifics (military,
#: clerical, academic), beside the courtesy titles.
RANKED_TITLES = (
    "Dr", "Prof", "Lord", "Lady", "Rev", "Gen", "Col", "Lt", "Sgt", "Capt", "Maj", "Adm", "Cdr", "Cpl", "Pte",
    "Fr", "Sen", "Rep", "Gov", "Rabbi", "Imam", "Bishop", "Cardinal", "Archbishop", "Sheikh",
)  # fmt: skip
#: Units of measurement written after a figure, as words: what a figure
#: under ten may count in any style ("5 miles", "3 degrees").
MEASUREMENT_WORDS = tuple(
    """
    mile miles kilometre kilometres kilometer kilometers km metre metres meter meters foot feet ft
    inch inches yard yards centimetre centimetres centimeter centimeters cm millimetre millimetres
    millimeter millimeters mm acre acres hectare hectares square cubic pound pounds lb lbs ounce ounces
    oz ton tons tonne tonnes kilogram kilograms kilo kilos kg gram grams g litre litres liter liters
    gallon gallons pint pints degree degrees mph km/h kph knots volt volts watt watts kilowatt kilowatts
    megawatt megawatts gigawatt gigawatts calorie calories megabits megabit megabytes gigabytes
    terabytes GB MB TB Mbps kbps GHz MHz percent per cent percentage points point storey storeys
    second seconds minute minutes hour hours o'clock am pm a.m. p.m.
    dollar dollars cent cents pence penny euro euros yen yuan rupee rupees peso pesos rand francs
    krona kronor
    """.split()
)
#: Units written with a figure, for ``style.units``: symbols and short forms.
UNIT_SYMBOLS = (
    "mph", "km/h", "kph", "km", "cm", "mm", "kg", "mg", "ml", "GB", "MB", "TB", "KB", "Mbps", "Gbps",
    "kbps", "GHz", "MHz", "kW", "MW", "GW", "kWh", "MWh", "GWh", "ft",
)  # fmt: skip
