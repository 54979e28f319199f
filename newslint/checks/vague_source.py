"""vague-source: sourcing a reader cannot weigh, found by its shape.

Vague sourcing comes in a few shapes, whatever the words in them:

- a group that speaks without a name: "critics say", "Some critics claimed",
  "many analysts agree", "some say", "one insider warned", "a source said";
- an agentless passive: "it is understood", "it was announced", "there have
  been reports";
- a report without its publisher: "according to one report", "reports
  suggest", "Local media reported";
- a poll without its pollster: "a poll showed";
- the formulas of anonymity: "a person familiar with the matter", "sources
  close to the minister";
- the newsroom told by no one: "Fox News is told", "CNN has learned".

And the shapes that only look vague are left alone: a source the same
sentence names ("according to reports in the Hollywood Reporter", "it is
thought he fled, said Mr Dobrow") or gives the reason it may not ("who
asked not to be named because the talks are private"), or the next
sentence or paragraph does
(US copy writes a summary line, "…, experts say.", then quotes a named
expert); sources tied to a named institution ("Treasury sources", "Bank of
Japan sources"); sources that spoke to the paper itself ("three sources told
the Gazette"); a phrase that points back to sources already described ("the
sources said", "those experts"); a poll result ("one-third of insiders
said"); and a headline whose body names its source.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, NamedTuple

from newslint.checks import Check, Finding, Option
from newslint.dictionary import everyday_word
from newslint.document import Block, Document
from newslint.lexicon import MONTH_ABBREVIATIONS, OPINION_VERBS, SPEECH_VERBS, alternation
from newslint.options import Strings
from newslint.patterns import lazy_compile, trie
from newslint.terms import Hit, Term

#: Verbs a source speaks or thinks with, in the finite forms ("say", "said",
#: "believes"): the shared speech verbs and the verbs of belief.
# Speech verbs whose base form is a noun as often ("some reason for
# optimism", "many state", "some comment").
_NOUNS_TOO = frozenset(
    "reason state report charge answer comment quote cry promise pledge post tweet counter remark sigh laugh "
    "joke snap cable radio sing shout whisper greet begin continue word add".split()
)
# Verbs of manner and of talking, which narrate a scene rather than source a
# claim: "one person shouts", "others spoke on condition of anonymity".
_NOT_SOURCING_VERBS = frozenset(
    """shout shouts shouted cry cries cried sing sings sang sung laugh laughs laughed sigh sighs sighed whisper
    whispers whispered greet greets greeted joke jokes joked quip quips quipped scoff scoffs scoffed snap snaps
    snapped fume fumes fumed rage rages raged exclaim exclaims exclaimed interject interjects interjected beg
    begs begged plead pleads pleaded speak speaks spoke spoken begin begins began begun continue continues
    continued ask asks asked wonder wonders wondered answer answers answered reply replies replied respond
    responds responded""".split()
)
_VERBS = sorted(
    {verb for verb in SPEECH_VERBS if not verb.endswith("ing") and verb not in _NOT_SOURCING_VERBS}
    # A group's opinion is sourcing too ("critics believe", "analysts agree").
    | {verb for verb in OPINION_VERBS if not verb.endswith("ing")}
    | set("reckon reckons reckoned".split())
)
# After a plural ("critics", "some"), a verb is never in its -s form: "some
# states" and "many reports" are nouns. After "one source" it may be.
_PLURAL_VERB = trie(
    verb
    for verb in _VERBS
    if not (verb.endswith("s") and verb[:-1] in _VERBS or verb.endswith("es") and verb[:-2] in _VERBS)
    and verb not in _NOUNS_TOO
    and not verb.startswith("estimat")  # "some estimated death tolls"
    and verb != "hope"  # "some hope among free traders"
)
# "Some called for younger leadership", "critics called on him to resign": a
# demand, not a claim sourced.
_NOT_A_CLAIM_AFTER = r"(?!(?<=call)\s+(?:for|on)\b|(?<=called)\s+(?:for|on)\b|(?<=calls)\s+(?:for|on)\b)"
_VERB = trie(_VERBS)
_VERB_SET = frozenset(_VERBS)
_WORD_RE = lazy_compile(r"\w+")
# Words a writer puts between a source and its verb: "critics also say",
# "experts have long argued", "sources privately said".
# ("some will say", "critics would argue" are the writer's rhetoric, not a source.)
_BETWEEN = r"(?:(?:also|now|often|long|still|privately|openly|widely|have|has|had|are|were)\s+){0,2}"
_QUANTIFIERS = ("some", "many", "most", "several", "other", "others", "few", "numerous", "various", "certain")

_PARTICIPLES = (
    "understood", "believed", "thought", "reported", "claimed", "suggested", "alleged", "rumoured", "rumored",
    "said", "announced", "learned", "learnt", "feared", "estimated", "gathered",
)  # fmt: skip
# "it is understood", "it was announced", "it has been suggested"; and
# "there have been reports".
_PASSIVE_RE = lazy_compile(
    rf"(?i)\b(?:it\s+(?:is|was|has\s+been|had\s+been|is\s+being|['’]s)\s+(?:(?:also|further|reliably|now)\s+)?"
    rf"{trie(_PARTICIPLES)}(?!\s+(?:at|as|by)\b)"
    r"|there\s+(?:have\s+been|has\s+been|had\s+been|were|are)\s+(?:unconfirmed\s+|unverified\s+|media\s+|press\s+)?reports)\b",
)
# "according to reports", "according to one report", "according to sources".
_ACCORDING_RE = lazy_compile(
    r"(?i)\baccording\s+to\s+(?:(?:one|a|an|some|several|two|three|unconfirmed|unverified|media|press|news|local|"
    r"recent|earlier|initial|early|published|other|various|foreign|numerous)\s+){0,2}(?:reports?|sources|insiders)\b"
    # "according to local media", "according to media": no outlet named (not "the media office").
    r"|\baccording\s+to\s+(?:(?:local|foreign|national|international|regional|some|other)\s+)?(?:media|press)\b"
    r"(?!\s+(?:office|officer|release|secretary|statement|conference|briefing|service|team|adviser|aide|reports?)\b)",
)
# "reports say", "Some reports suggest", "media reports claimed".
_REPORTS_RE = lazy_compile(
    r"(?i)\breports\s+(?:(?:have|had|also)\s+)?(?:say|said|suggest|suggested|claim|claimed|indicate|indicated|"
    r"allege|alleged|speculate|speculated)\b",
)
# "a poll showed", "a recent survey found".
# The shapes below are found by their fixed words, and their heads are read
# backwards from there: a pattern that starts with a literal runs many times
# faster than one that starts with an optional group of words.
#
# "a poll showed", "a recent survey found": the verb after the poll, then
# the determiner before it.
_POLL_RE = lazy_compile(
    r"(?i)(?:poll|survey)\s+(?:(?:also|has|had)\s+)?(?:showed|shows|shown|found|finds|suggests|suggested|indicates|"
    r"indicated|revealed|reveals|says|said|put|puts)\b",
)
_POLL_HEAD_RE = lazy_compile(
    r"(?i)\b(?:a|an|one|another|new|recent|latest)(?:\s+(?:new|recent|latest|national|separate|fresh|private|"
    r"internal|online|opinion))?\s+$",
)
# The formulas of anonymity: "a person familiar with the matter", "people
# briefed on the talks", "sources close to the minister".
_FAMILIAR_RE = lazy_compile(
    r"(?i)(?:familiar\s+with|close\s+to|briefed\s+on|with\s+(?:direct\s+)?"
    r"knowledge\s+of|who\s+(?:asked|declined|spoke\s+on\s+condition)\s+not\s+to\s+be\s+(?:named|identified)"
    r"|who\s+(?:did\s+not|didn['’]t)\s+(?:wish|want)\s+to\s+be\s+(?:named|identified))\b"
    r"(?:\s+the\s+(?:matter|situation|talks|negotiations|plans?|discussions?|thinking|case|investigation|process|"
    r"deal|decision))?",
)
_FAMILIAR_HEAD_RE = lazy_compile(
    r"(?i)\b(?:(?:a|one|two|three|four|several|some|other|senior)\s+)?(?:person|people|sources?|officials?|"
    r"insiders?|individuals?|(?:(?!(?:to|by|from|of|citing)\b)[\w-]+\s+)?(?:members?|officers?|employees?|staffers?|"
    r"aides?|executives?|diplomats?|dealers?|traders?|bankers?))\s*,?\s+(?:(?:directly|closely)\s+)?$",
)
# The newsroom told by no one: "Fox News is told", "CNN has learned", "the
# BBC understands".
_OUTLET_RE = lazy_compile(r"(?:(?:is|was|been)\s+told|has\s+learned|has\s+learnt|understands)\b")
# (On one line, and not across a sentence's end: "… said Mr Tan. The Straits Times".)
_OUTLET_HEAD_RE = lazy_compile(
    r"\b(?:(?:The|the)[ \t]+)?(?:[A-Z][\w&.-]*(?<![a-z]\.)[ \t]+){0,3}?(?:[A-Z]{2,}|News|Times|Post|Journal|Gazette|"
    r"Herald|Telegraph|Guardian|Tribune|Observer|Monitor|Reuters|Bloomberg|Politico|Axios)[ \t]+(?:(?:has|had)[ \t]+)?$",
)
# The media without an outlet: "Local media reported", "Russian media
# said"; not state media, which is one broadcaster or agency the reader can
# weigh ("state media said", "state-run media reported").
_MEDIA_RE = lazy_compile(
    r"(?i)(?:media|press)\s+(?:(?:have|has|had|also)\s+)?(?:reported|reports|report|said|says|say|quoted|cited|claimed|"
    r"claims|suggested|suggest|speculated)\b",
)
_MEDIA_HEAD_RE = lazy_compile(
    r"\b(?:(?i:local|foreign|national|international|regional|domestic|western|some|other)|"
    r"\p{Lu}\p{Ll}+(?:an|ian|ese|ish|ic|i|ch))[ \t]+$",
)
_ACCORDING_BEFORE_RE = lazy_compile(r"(?i)\baccording\s+to\s+$")
# (Not "citing sources", which names no one: the media stay the question.)
_CITING_RE = lazy_compile(r"(?i),\s*citing\s+(?!(?:unnamed\s+|anonymous\s+)?sources?\b)")
# Read on from the fixed word forwards, and the head back from it.
_ANCHORED = {
    "poll": (_POLL_RE, _POLL_HEAD_RE),
    "familiar": (_FAMILIAR_RE, _FAMILIAR_HEAD_RE),
    "outlet": (_OUTLET_RE, _OUTLET_HEAD_RE),
    "media": (_MEDIA_RE, _MEDIA_HEAD_RE),
}
# Read on from the fixed word forwards only.
_AT_HIT = {"passive": _PASSIVE_RE, "according": _ACCORDING_RE, "reports": _REPORTS_RE}
# The fixed words of each shape: where the shared pass over the text finds it.
_SHAPE_WORDS = {
    "crowd": ("some", "many", "others", "most"),
    "one": ("one", "another", "a single"),
    "passive": (
        "it is", "it was", "it has been", "it had been", "there have been", "there has been", "there had been",
        "there were", "there are",
    ),
    "according": ("according to",),
    "reports": ("reports",),
    "poll": ("poll", "survey"),
    "familiar": (
        "familiar with", "close to", "briefed on", "with knowledge of", "with direct knowledge of", "who asked",
        "who declined", "who spoke", "who did not", "who didn't", "who didn’t",
    ),
    "outlet": ("is told", "was told", "been told", "has learned", "has learnt", "understands"),
    "media": ("media", "press"),
}  # fmt: skip


class Candidate(NamedTuple):
    start: int
    end: int
    shape: str  # group, crowd, one, passive, according, reports, poll, familiar, outlet, media
    noun: str  # the group noun ("critics"), or ""


class VagueSource(Check):
    name = "vague-source"
    summary = "Sourcing a reader cannot weigh, by its shape (critics say, it is understood, a poll showed)."
    options = {
        "groups": Option(
            Strings("plural nouns"),
            [],
            'Groups that are vague sources on their own ("critics say", "experts believe").',
        ),
        "people": Option(
            Strings("plural nouns"),
            [],
            'Groups that are vague sources after "some", "many" or "one" ("some donors say", "one insider said").',
        ),
    }

    def __init__(self, options: Mapping[str, Any]) -> None:
        super().__init__(options)
        groups = [word.lower() for word in options["groups"]]
        people = sorted({*groups, *(word.lower() for word in options["people"])})
        self.groups = frozenset(groups)
        self.people = people
        # "a source said", "an insider claimed": one of a group that is vague
        # on its own, as "one source said" is. (Not "an official said": an
        # official belongs to an office the story names.)
        self.singular_groups = sorted({_singular(word) for word in groups})
        singular = sorted({_singular(word) for word in people})
        # What follows "one" or "another": at most two words, the source
        # ("one senior official"), its verb. With the `regex` engine, so that
        # it is compiled once per machine: the standard library's engine took
        # 9 ms to compile it in every run that met "one" before a noun, and
        # it is tried only there.
        self._one_tail = (
            lazy_compile(
                rf"(?i)\s+(?:(?!of\b|the\b)[\w’'-]+\s+){{0,2}}?({trie(singular)})\s+{_BETWEEN}({_VERB})\b"
                + _NOT_A_CLAIM_AFTER
            )
            if singular
            else None
        )

    def terms(self) -> Iterable[Term]:
        """The fixed words of every shape, found in the one pass over the
        article that every rule's terms share; each is read further from
        there (a pattern per shape over the whole text would cost far more)."""
        for noun in self.people:
            yield Term(noun, "group")
        for noun in self.singular_groups:
            yield Term(noun, "single")
        for shape, words in _SHAPE_WORDS.items():
            for word in words:
                yield Term(word, shape)

    def run(self, doc: Document, hits: list[Hit]) -> Iterable[Finding]:
        prose = doc.prose
        seen: set[tuple[int, int]] = set()
        reported: list[Candidate] = []
        for candidate in sorted(self._candidates(prose, hits)):
            if (candidate.start, candidate.end) in seen:
                continue
            seen.add((candidate.start, candidate.end))
            if reported and candidate.start < reported[-1].end:
                continue  # one phrase, one finding: "Japanese press reports said", not its "reports said" again
            block = doc.block_at(candidate.start)
            if block is None or doc.in_quote(candidate.start):
                continue
            if not _answered(doc, block, candidate):
                reported.append(candidate)
                yield Finding(candidate.start, candidate.end)

    def _candidates(self, prose: str, hits: list[Hit]) -> Iterator[Candidate]:
        for hit in hits:
            shape = hit.term.payload
            if shape == "group":
                tail = _GROUP_TAIL_RE.match(prose, hit.end)
                if tail is not None:
                    yield from _group(prose, hit.start, tail.end(), prose[hit.start : hit.end].lower(), self.groups)
            elif shape == "crowd":
                tail = _CROWD_TAIL_RE.match(prose, hit.end)
                if tail is not None and prose[max(0, hit.start - 4) : hit.start].lower() != "the ":
                    yield Candidate(hit.start, tail.end(), "crowd", "")  # (not "the most pledged")
            elif shape == "one":
                tail = self._one_tail.match(prose, hit.end) if self._one_tail is not None else None
                if tail is not None:
                    yield Candidate(hit.start, tail.end(), "one", tail.group(1).lower())
            elif shape == "single":
                head = _ARTICLE_BEFORE_RE.search(prose, max(0, hit.start - 40), hit.start)
                tail = _SINGLE_TAIL_RE.match(prose, hit.end) if head is not None else None
                if head is not None and tail is not None:
                    yield Candidate(head.start(), tail.end(), "one", prose[hit.start : hit.end].lower())
            elif shape in _AT_HIT:
                match = _AT_HIT[shape].match(prose, hit.start)
                if match is not None:
                    yield Candidate(match.start(), match.end(), shape, "")
            else:
                pattern, head_pattern = _ANCHORED[shape]
                match = pattern.match(prose, hit.start)
                head = head_pattern.search(prose, max(0, hit.start - 60), hit.start) if match else None
                if match is not None and head is not None:
                    yield Candidate(head.start(), match.end(), shape, "")


def _singular(word: str) -> str:
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word == "people":
        return "person"
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


# "A source", "an industry source", "a senior Labour source": the article
# and at most two modifiers before the noun, in one phrase.
_ARTICLE_BEFORE_RE = lazy_compile(r"(?i)\ban?\s+(?:(?!(?:of|and|or|the|to|in)\b)[\w’'-]+\s+){0,2}$")
# After one source: its verb in any form ("a source says", "an insider claimed").
_SINGLE_TAIL_RE = lazy_compile(rf"(?i)\s+{_BETWEEN}(?:{_VERB})\b{_NOT_A_CLAIM_AFTER}")
# "some say", "many believe", "others argue": a crowd with no noun at all.
# After a group noun: its verb ("critics say", "experts have long argued").
_GROUP_TAIL_RE = lazy_compile(rf"(?i)\s+{_BETWEEN}(?:{_PLURAL_VERB})\b{_NOT_A_CLAIM_AFTER}")
# "some say", "many believe", "others argue": a crowd with no noun at all.
_CROWD_TAIL_RE = lazy_compile(
    rf"(?i)\s+(?:people\s+|observers\s+)?{_BETWEEN}(?:{_PLURAL_VERB})\b(?!\s+of\b){_NOT_A_CLAIM_AFTER}",
)


def _group(prose: str, start: int, end: int, noun: str, groups: frozenset[str]) -> Iterator[Candidate]:
    """A group noun and its verb: on its own for a group that is vague by
    itself ("critics say", "sources said"), from the quantifier for any
    other ("Some donors say", "many broadcast analysts agree")."""
    if noun in groups:
        yield Candidate(start, end, "group", noun)
        return
    window = prose[max(0, start - 40) : start]
    quantifier = _QUANTIFIER_BEFORE_RE.search(window)
    if quantifier is not None:
        yield Candidate(start - len(window) + quantifier.start(), end, "group", noun)


# "Some donors", "many broadcast analysts", "other senior officials": a
# quantifier and at most two modifiers before the noun, in one phrase.
_QUANTIFIER_BEFORE_RE = lazy_compile(
    rf"(?i)\b(?:{'|'.join(_QUANTIFIERS)})\s+(?:(?!(?:of|and|or|the|to|in)\b)[\w’'-]+\s+){{0,2}}$"
)


# -- what answers the question --------------------------------------------------------

_DETERMINER_BEFORE_RE = lazy_compile(
    r"(?i)\b(?:the|these|those|such|both|the\s+same|the\s+two|the\s+three|the\s+four|all\s+the|all\s+three|"
    r"all\s+four)\s+(?:[\w-]+\s+){0,2}$",
)
# Nationalities, regions and parties: a group, not an institution ("American
# sources", "Western diplomats", "Tory sources"). Suffixes catch most
# nationalities; the rest are listed.
_DEMONYMS_RE = lazy_compile(
    r"(?:[A-Z][a-z]+(?:ian|ese|ish|ean|i)|American|Mexican|African|Dominican|Puerto|Chilean|Thai|Swiss|Dutch|"
    r"French|Greek|Arab|Soviet|Western|Eastern|Northern|Southern|Gulf|European|Asian|Latin|Saudi|Afghan|"
    r"Filipino|Philippine|Cuban|Tory|Labour|Conservative|Republican|Democratic|Democrat|Liberal|GOP|Opposition)$",
)
# Lower-case words that name the institution itself ("central bank sources",
# "commission sources", "ministry officials").
_INSTITUTION_WORDS = frozenset(
    "bank ministry commission treasury cabinet embassy police army navy court council committee department "
    "agency company firm kremlin pentagon club".split()
)
# The paper itself: "three sources told the Gazette", "told Reuters".
_TOLD_PAPER_RE = lazy_compile(
    r"\s+(?:(?:have|had|also)\s+)?(?:told|tell|tells|said\s+to|spoke\s+to|speaking\s+to)\s+(?:(?:the\s+|The\s+)?"
    r"[A-Z][\w&.-]*|me\b|us\b)",
)
# A proportion of a group is a poll result: "one-third of GOP insiders said".
_PROPORTION_BEFORE_RE = lazy_compile(
    r"(?i)(?:\d+(?:\.\d+)?\s*(?:%|per\s*cent|percent)|\b(?:half|third|quarter|two-thirds|three-quarters|"
    r"one-third|one-half|one-quarter|majority|minority|plurality|\w+\s+in\s+(?:\d+|ten|10))|\bmost)\s+of\s+"
    r"(?:the\s+)?(?:[\w’'-]+\s+){0,3}$",
)
# "supporters and critics claim it as a symbol": adopting, not sourcing; and
# "Many people believe you, Kilroy": believing a person, not a claim.
_CLAIM_AS_RE = lazy_compile(
    r"(?i)\s+(?:(?:it|them|him|her|this|that)\s+as\b|(?:you|him|her|them|me|us)(?:,?\s+(?-i:[A-Z])[\w’'-]+)?\s*[,.!?;])",
)
# A split the sentence before describes: "Republicans are divided: Some believe…".
# A group that speaks earlier in the sentence, of which "some" are a part:
# "Traders said …, and some said", "Hotel owners said …, though some warned".
_GROUP_SPOKE_BEFORE_RE = lazy_compile(
    r"(?i)\b[a-z]+s(?:\s+(?:on|at|in|from|of)\s+(?:the\s+)?[\w&-]+)?\s+(?:(?:also|have|had|has)\s+)?"
    r"(?:said|say|told|warned|argued|added|noted|agreed)\b[^.;]*,\s*"
    r"(?:and|but|though|although|while)\s+$"
)
# Or the group is the sentence's subject: "Relatives of Dr Wekesa packed the
# courtroom, and some said".
_GROUP_SUBJECT_RE = lazy_compile(
    r"[\"“‘']?(?:The\s+|Many\s+)?\p{Lu}\p{Ll}+s\b(?:\s+of\s+[^,;.]{1,40}?)?\s+\p{Ll}+[^.;]*,\s*"
    r"(?:and|but|though|although|while)\s+$"
)
_SPLIT_RE = lazy_compile(
    r"(?i)\b(?:divided|split|disagree\w*|differ\w*|compet\w*|debate\w*|contest\w*|uncontested|controvers\w*|"
    r"dispute\w*)\b",
)
# A named source in the same sentence: "according to the Finance Ministry",
# ", said Mr Dobrow", "Smith said", "in a report by Oxfam", "echoed in a 2014
# inspector general's report", "reports in the Hollywood Reporter".
_NAMED_IN_SENTENCE_RE = lazy_compile(
    r"[Aa]ccording\s+to\s+(?:the\s+|a\s+|an\s+)?(?!(?:reports?|sources|insiders|officials|people|one|some|many)\b)"
    r"(?:[\w’'-]+\s+){0,4}?(?:[A-Z][\w’'.&-]*|report|records|documents|filings|figures|data|statement|survey|"
    r"study|poll)\b"
    r"|,\s*(?:said|says|according\s+to|told)\s+(?:(?:Mr|Mrs|Ms|Dr|Prof|Sir|Lord|Lady)\.?\s+)?[A-Z]"
    r"|,\s+(?:(?:Mr|Mrs|Ms|Dr|Prof|Sir|Lord|Lady)\.?\s+)?[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*\s+(?:said|says|added|"
    r"argued|explained|noted|told)\b"
    r"|\b(?:echoed|confirmed|reported|published|cited)\s+(?:in|by)\s+(?:an?\s+|the\s+)?(?:[\w’'-]+\s+){0,3}?"
    r"(?:[A-Z][\w’'.&-]*|report|study|survey|documents?)\b"
    r"|\breports?\s+(?:in|by)\s+(?:the\s+)?[A-Z]"
    r"|\breports?\s+from\s+(?:the\s+)?(?:(?:[A-Z][\w’'.&-]*\s+){0,4}(?:Reporter|Times|Post|Journal|Telegraph|"
    r"Guardian|Mail|News|Herald|Gazette|Tribune|Observer|Independent|Express|Mirror|Standard|Economist|Variety|"
    r"Reuters|Bloomberg|Interfax|Agency|Press|Ministry|Office|Department|Police)\b|(?:[\w’'-]+\s+){0,3}?"
    r"(?:news\s+agency|newspaper|magazine|website|ministry|agency|government|police|authorities|office|department))"
    r"|\b(?:poll|survey|study|report)\s+(?:\w+\s+){0,3}?(?:by|for|from|of|conducted\s+by|commissioned\s+by|carried\s+out\s+by)"
    r"\s+(?:the\s+)?[A-Z][\w’'.&/-]*"
    r"|\b(?!(?:A|An|The|One|Another|This|That|Its|Their|Our|New|Latest|Recent)\b)[A-Z][\w’'.&/-]*\s+(?:poll|survey)\b",
    engine="re",
)
# A named speaker: "Robert Litwak of the Wilson Center said", ", said Doug
# Heye", "according to the IFS", "Tessa Jowell told The Times".
# A person by name, and what describes them between commas: "Rep. Angela
# Fry, a Detroit Democrat,".
_PERSON = (
    r"(?:\b[A-Z][\w’'.-]+(?:\s+(?:[A-Z][\w’'.-]+|de|van|von|al|bin))+|\b(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov)\.?\s+"
    r"[A-Z][\w’'-]+)(?:,[^,;]{0,80},)?"
)
_NAMED_SPEAKER_RE = lazy_compile(
    rf"{_PERSON}\s+(?:(?:also|has|had|have|previously|recently)\s+)?(?:{_VERB})\b"
    rf"|\b(?:{_VERB})\s+(?:(?:Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov)\.?\s+)?[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*"
    r"|\baccording\s+to\s+(?:the\s+)?[A-Z]"
    r"|\b[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+)+,[^,;]{0,80},\s+(?:[\w’'-]+\s+){0,4}?[\w’'-]+:"  # "Pamela Smith, president of X, gave this advice:"
    r"|[,”\"]\s+(?!(?:He|She|They|It|We|I|This|That|The|One|Another|A|An|Some|Many|Others|Critics|Experts|Officials|"
    r"Sources|Analysts|Observers|Insiders)\b)[A-Z][\w’'-]+\s+(?:said|says|added|told|wrote|explained|argued|noted)\b"
    r"|\b(?:said|says|added)\s+(?!(?:He|She|They|It|We|I|This|That|The|One|Another|A|An)\b)[A-Z][\w’'-]+",
    engine="re",
)
# (Not the stop of a month's abbreviation before its day: "on Feb. 17".)
_SENTENCE_END_RE = lazy_compile(
    rf"""(?:(?<!\b(?:{alternation(MONTH_ABBREVIATIONS)})(?=\.\s+\d))\.|[!?…])["'”’)\]]*\s+(?=["'“‘(\[]?[\p{{Lu}}\d])"""
)


def _answered(doc: Document, block: Block, candidate: Candidate) -> bool:
    """Whether the story says who the source is, or the phrase is no vague source."""
    prose = doc.prose
    start, end = candidate.start, candidate.end
    sentence_start, sentence_end = _sentence_around(prose, block, start)
    before = prose[max(sentence_start, start - 80) : start]
    if candidate.shape in ("group", "one", "familiar", "crowd"):
        if _not_a_new_source(prose, before, candidate, sentence_start):
            return True
        if _TOLD_PAPER_RE.search(prose, max(sentence_start, start - 40), sentence_end):
            return True
    if candidate.shape in ("group", "crowd", "one") and _CLAIM_AS_RE.match(prose, end, sentence_end):
        return True
    if candidate.shape in ("crowd", "group", "reports", "passive", "one", "media") and _not_sourcing(
        prose, block, candidate, sentence_start
    ):
        return True
    if candidate.shape != "outlet" and _NAMED_IN_SENTENCE_RE.search(prose, sentence_start, sentence_end):
        return True
    if candidate.shape in ("familiar", "according", "reports", "one", "media") and (
        _PUBLISHED_BY_RE.search(prose, sentence_start, sentence_end)
        or _named_reporter(prose, sentence_start, sentence_end)
    ):
        return True  # "the Washington Post reported …, citing three people briefed on"
    if candidate.shape == "familiar" and not _attributing(prose, candidate, sentence_start, sentence_end):
        return True  # "orders that former officials close to Trump not cooperate": no source here
    if candidate.shape in ("familiar", "one") or candidate.noun in ("sources", "source"):
        if _ANONYMITY_REASON_RE.search(prose, sentence_start, sentence_end):
            return True  # the stylebooks' terms: anonymous, and why ("… because the talks are private")
        if _ONE_MORE_RE.match(prose, start) and _ANONYMITY_REASON_RE.search(
            prose, doc.block_before(block).start, start
        ):
            return True  # "A fourth source said" after "three sources …, declining to be named because"
    if candidate.shape in ("familiar", "outlet") or candidate.noun in ("sources", "source"):
        return False  # an anonymous source stays anonymous whoever speaks next
    if block.kind != "body":
        return _body_names_a_source(doc)
    return _named_next(doc, block, sentence_end, candidate)


# One more of the sources the story has just described: "A fourth source",
# "another source".
_ONE_MORE_RE = lazy_compile(r"(?i)(?:another|an?\s+(?:second|third|fourth|fifth|sixth|further))\b")


# Why a source is not named, which is what the stylebooks ask of anonymity:
# "who asked not to be identified because the talks are private", "spoke on
# condition of anonymity to discuss internal deliberations", "who was not
# authorised to speak to the media".
_ANONYMITY_REASON_RE = lazy_compile(
    r"(?i)\b(?:anonymity|(?:not|declined|refused)\s+to\s+be\s+(?:named|identified|quoted)|"
    r"(?:not|n['’]t)\s+(?:wish|want)\s+to\s+be\s+(?:named|identified)|"
    r"without\s+being\s+(?:named|identified)|not\s+be(?:ing)?\s+(?:named|identified))"
    r"[,\s]+(?:because|as|since|citing|given|in\s+order\s+to|(?:to\s+|when\s+|while\s+)?(?:discuss|describe|talk|speak|"
    r"discussing|describing|talking|speaking|reveal|revealing|share|sharing)|so\s+as\s+to)\b"
    r"|\b(?:not|n['’]t)\s+(?:authori[sz]ed|permitted|allowed|cleared)\s+to\s+(?:speak|talk|discuss|comment|brief|be\s+"
    r"(?:named|quoted|identified))",
)
# A publication that reported what the vague source said: "the Washington
# Post reported", "Reuters first reported on Feb. 17", "the newspaper,
# citing people familiar with the matter, reported", "Znak.com claiming an
# anonymous source described", "The State Journal-Register reported".
_PUBLISHED_BY_RE = lazy_compile(
    r"(?:\b(?:[A-Z][\w&.-]*\s+)*(?:Times|Post|Journal|News|Telegraph|Guardian|Mail|Herald|Gazette|Tribune|Observer|"
    r"Reuters|Bloomberg|BBC|CNN|NBC|CBS|ABC|AP|Associated\s+Press|Politico|Axios)(?:-[A-Z][\w&.]*)?"
    r"|\b[A-Z][\w-]*\.(?:com|org|net|ru|ua|in|co\.uk|com\.au)"
    r"|\b[Tt]he\s+(?:newspaper|paper|agency|news\s+agency|magazine|broadcaster|website)"
    # "Japan's Nikkei newspaper", "the Qatari daily Al-Sharq": a name a kind of outlet stands beside.
    r"|\b[A-Z][\w&.'’-]*\s+(?:newspaper|daily|weekly|tabloid|broadcaster|magazine|news\s+agency|website)"
    r"|\b(?:newspaper|daily|weekly|tabloid|broadcaster|magazine|news\s+agency|website)\s+(?:[A-Z][\w&.'’-]*\s+){0,2}"
    r"[A-Z][\w&.'’-]*)"
    r"(?:,[^,;]{1,80},)?\s+(?:(?:has|had|first|exclusively|previously|earlier|also|originally)\s+){0,2}"
    r"(?:reported|reports|said|says|wrote|revealed|claimed|claims|claiming)\b",
)
# Any name that "reported …, citing" them is a publication: "Clarín reported
# on Sunday, citing people familiar with the talks".
# (A name, not an everyday word that opens the sentence: "Local media reported".)
_REPORTED_CITING_RE = lazy_compile(r"\b(\p{Lu}[\w’'.-]*)\s+(?:\w+\s+){0,2}?reported\b[^.;]{0,80}?,\s*citing\b")


def _named_reporter(prose: str, start: int, end: int) -> bool:
    match = _REPORTED_CITING_RE.search(prose, start, end)
    return match is not None and not everyday_word(match.group(1))


# What makes the formulas of anonymity a source: something said, by them
# or according to them.
_ATTRIBUTION_BEFORE_RE = lazy_compile(
    r"(?i)\b(?:according\s+to|said|says|say|told|tells|citing|cited|confirmed\s+by|by)\s+(?:\w+\s+){0,2}$",
)


def _attributing(prose: str, candidate: Candidate, sentence_start: int, sentence_end: int) -> bool:
    if _ATTRIBUTION_BEFORE_RE.search(prose, max(sentence_start, candidate.start - 40), candidate.start):
        return True
    after = prose[candidate.end : min(sentence_end, candidate.end + 80)]
    # A verb after it, as a whole word: a set look-up per word, not a
    # pattern of every verb (2.4 ms to compile in each process).
    return any(word.lower() in _VERB_SET for word in _WORD_RE.findall(after))


# "as badly as some fear", "as seriously hurt as some reports have suggested":
# a comparison, not a claim sourced.
_AS_BEFORE_RE = lazy_compile(r"(?i)\bas\s+(?:[\w-]+\s+){1,2}as\s+(?:the\s+|some\s+)?$")
# A survey's finding: "It found that most artists saw …, though most agreed",
# "The CBI found some firms … but many said".
_SURVEY_RE = lazy_compile(
    r"(?i)\b(?:found|showed|shows|finds|survey\w*|poll\w*|questioned|respondents|interviewed|spoke\s+to)\b",
)
# Someone's reported speech: "He said he was surprised because many people
# thought", "the kind of renationalisation which many fear, Mr Hensel said".
_SPEAKER_BEFORE_RE = lazy_compile(
    r"\b(?:[Hh]e|[Ss]he|[Tt]hey|(?:Mr|Mrs|Ms|Dr)\.?\s+[A-Z][\w’'-]+|[A-Z][\w’'-]+\s+[A-Z][\w’'-]+|[Tt]he\s+(?:sources|"
    r"officials|analysts|experts|bankers|dealers|diplomats))\s+(?:also\s+)?"
    rf"(?:{_VERB})\b(?![^.;]*\b(?:but|while|whereas)\b)",
)
_NEW_CLAUSE_RE = lazy_compile(r"(?:,\s*(?:and|but|while)|;)\s")
_PRONOUN_SPEAKER_RE = lazy_compile(r"(?:[Hh]e|[Ss]he|[Tt]hey|[Tt]he)\b")
# "others" after "Some firms say …": the other side of a split the sentence
# describes, not a new source. And "Republicans are divided. Some believe…".
_SOME_BEFORE_RE = lazy_compile(r"(?i)\b(?:some|many)\b")


# What may follow an attribution that ends its sentence: "on Tuesday", "in
# Tokyo" (not a clause: "… thought computer gaming was a fad").
_ENDS_SENTENCE_RE = lazy_compile(
    r"(?:\s+(?!(?:is|was|are|were|will|would|had|has|have|could|may|might)\b)[\w’'-]+){0,3}\s*[.!?]"
)


_MODIFIERS_AFTER_COMMA_RE = lazy_compile(r",\s+(?:[\w’'-]+\s+){0,3}$")


def _ends_sentence(prose: str, candidate: Candidate, sentence_start: int) -> bool:
    """The phrase attributes its whole sentence: "The IMF predicts slower
    growth, monetary sources said." """
    return bool(
        _MODIFIERS_AFTER_COMMA_RE.search(prose, max(sentence_start, candidate.start - 40), candidate.start)
        and _ENDS_SENTENCE_RE.match(prose, candidate.end)
    )


def _not_sourcing(prose: str, block: Block, candidate: Candidate, sentence_start: int) -> bool:
    """A crowd that is a comparison, a survey's finding, the other side of a
    split, or part of someone's reported speech."""
    start = candidate.start
    if (
        candidate.shape == "one"
    ):  # one source in a named speaker's reported speech: "Atieno told the court that a source"
        speaker = _SPEAKER_BEFORE_RE.search(prose, sentence_start, start)
        return (
            speaker is not None
            and not _PRONOUN_SPEAKER_RE.match(speaker.group())
            and _NEW_CLAUSE_RE.search(prose, speaker.end(), start)
            is None  # (", and a source said": a clause of its own)
        )
    if candidate.shape == "media" and (
        _ACCORDING_BEFORE_RE.search(prose, max(sentence_start, start - 20), start)
        or _CITING_RE.search(prose, candidate.end, _sentence_around(prose, block, start)[1])
    ):
        return True  # "according to local press reports", or media citing a source judged on its own
    if _AS_BEFORE_RE.search(prose, max(sentence_start, start - 40), start):
        return True
    if not _ends_sentence(prose, candidate, sentence_start) and _SPEAKER_BEFORE_RE.search(prose, sentence_start, start):
        return True  # the phrase is inside someone's reported speech
    if candidate.shape == "reports":
        return _DETERMINER_BEFORE_RE.search(prose, max(sentence_start, start - 30), start) is not None
    quantified = candidate.shape == "crowd" or prose[start : candidate.end].split()[0].lower() in _QUANTIFIERS
    before_sentence = _sentence_before(prose, block, sentence_start)
    if candidate.shape == "crowd" or quantified:
        if _SURVEY_RE.search(prose, _sentence_before(prose, block, before_sentence), start):
            return True
        word = prose[start : start + 6].lower()
        if word.startswith("others") and _SOME_BEFORE_RE.search(prose, before_sentence, start):
            return True
        if _SPLIT_RE.search(prose, before_sentence, start):
            return True
        if candidate.shape == "crowd" and (
            _GROUP_SPOKE_BEFORE_RE.search(prose, sentence_start, start)
            or _GROUP_SUBJECT_RE.match(prose, sentence_start, start)
        ):
            return True  # "Traders said …, and some said": some of those the sentence is about
    return False


def _not_a_new_source(prose: str, before: str, candidate: Candidate, sentence_start: int) -> bool:
    """A phrase that points back ("the sources said", "the person familiar
    with the campaign"), is tied to a named institution ("Bank of Japan
    sources", "one White House official familiar with", "one RJC member"),
    names its group's first member ("Mnuchin and others had noted"), labels
    rather than sources ("what some call snub diplomacy"), or reports a
    poll's proportion ("one-third of GOP insiders said")."""
    if candidate.shape in ("group", "familiar") and _DETERMINER_BEFORE_RE.search(before):
        return True
    if _PROPORTION_BEFORE_RE.search(before):
        return True
    if _NAME_AND_RE.search(before):
        return True
    if candidate.shape == "crowd":
        return _WHAT_BEFORE_RE.search(before) is not None
    if candidate.shape in ("one", "familiar"):
        phrase = prose[candidate.start : candidate.end]
        return _institution_in(phrase) or candidate.shape == "one" and _institution_word_in(phrase, candidate.noun)
    return candidate.noun in _INSTITUTIONAL and _institution_before(prose, candidate.start, sentence_start)


# "Mnuchin and others": the group's named first member.
_NAME_AND_RE = lazy_compile(r"(?:\b[A-Z][\w’'-]+|\b[Hh]e|\b[Ss]he|\bI)\s+and\s+(?:(?:other|some|several|many)\s+)?$")
# "what some call", "what many have dubbed": a label, not a claim.
_WHAT_BEFORE_RE = lazy_compile(r"(?i)\bwhat\s+$")
# A name inside "one White House official", "one RJC member", "a Pentagon
# source familiar with": the institution the source belongs to.
_INSIDE_NAME_RE = lazy_compile(
    r"\b(?i:one|another|a|an|two|three|several|some|senior)\s+(?:senior\s+)?(?P<name>(?:[A-Z][\w&.-]*\s+)+)"
)


def _institution_in(phrase: str) -> bool:
    match = _INSIDE_NAME_RE.search(phrase)
    if match is None:
        return False
    words = match.group("name").split()
    return not all(_DEMONYMS_RE.match(word) for word in words)


def _institution_word_in(phrase: str, noun: str) -> bool:
    """ "a company source", "one ministry official": the word before the
    source names its institution, as in "company sources"."""
    words = phrase.lower().split()
    return noun in words and any(word in _INSTITUTION_WORDS for word in words[1 : words.index(noun)])


# The sources that a named institution pins down.
_INSTITUTIONAL = frozenset("sources source officials official insiders insider".split())


_CAPITALISED_RUN_RE = lazy_compile(r"(?:(?:[A-Z][\w&.-]*|of|and|&|de|du)\s+)*[A-Z][\w&.-]*\s+(?:(?:[a-z]+)\s+)?$")


def _institution_before(prose: str, start: int, sentence_start: int) -> bool:
    """Sources tied to a named institution: "Treasury sources", "Bank of
    Japan sources", "EC Commission sources", "central bank sources"; not a
    nationality, a party or a trade ("American sources", "Tory sources",
    "industry sources")."""
    before = prose[max(sentence_start, start - 50) : start]
    words = before.split()
    if not words:
        return False
    last = words[-1]
    if last.lower() in _INSTITUTION_WORDS:
        return True
    run = _CAPITALISED_RUN_RE.search(before)
    if run is None:
        return False
    named = run.group().split()
    if named[-1].islower():  # "Japanese government sources": the institution's adjective
        named = named[:-1]
        if not named:
            return False
    head = named[-1]
    if len(named) == 1 and (_DEMONYMS_RE.match(head) or run.start() == 0 and _sentence_initial(before, run.start())):
        return False
    return not _DEMONYMS_RE.match(head) or len(named) > 1 and not all(_DEMONYMS_RE.match(w) for w in named)


def _sentence_initial(before: str, offset: int) -> bool:
    """A capital that only starts the sentence ("Banking sources said")."""
    return not before[:offset].strip() or before[:offset].rstrip()[-1:] in '.!?"”'


def _sentence_around(prose: str, block: Block, offset: int) -> tuple[int, int]:
    start = block.start
    # (The mark's lookahead must see the capital at ``offset``: a sentence
    # that starts with the phrase.)
    for mark in _SENTENCE_END_RE.finditer(prose, max(block.start, offset - 600), min(block.end, offset + 2)):
        if mark.end() > offset:
            break
        start = mark.end()
    following = _SENTENCE_END_RE.search(prose, offset, block.end)
    return start, following.start() + 1 if following else block.end


def _sentence_before(prose: str, block: Block, sentence_start: int) -> int:
    previous = block.start
    for mark in _SENTENCE_END_RE.finditer(
        prose, max(block.start, sentence_start - 600), max(block.start, sentence_start - 1)
    ):
        previous = mark.end()
    return previous


def _named_next(doc: Document, block: Block, sentence_end: int, candidate: Candidate) -> bool:
    """The source named in the rest of the paragraph or the next one (a
    one-line teaser or crosshead between is skipped): the summary line then
    the named expert, "it has been suggested" then the minister who told The
    Times. A name alone is not enough (the story's own subject speaks in most
    paragraphs): the speaker must be described, as an expert is ("a
    professor at Yonsei University", "of the Wilson Center", "strategist"),
    or, for a report, be a publication."""
    publication = candidate.shape in ("passive", "according", "reports", "media")
    person = candidate.shape not in ("according", "reports", "poll", "media")
    spans = [(sentence_end, block.end)]
    blocks = doc.blocks
    index = doc.block_index(block)
    for following in blocks[index + 1 : index + 4]:
        if following.kind != "body":
            continue
        spans.append((following.start, following.end))
        if following.end - following.start > 120:
            break  # a paragraph of copy, not a teaser: the answer would be in it
    nearest = candidate.noun not in ("critics", "opponents", "")
    for start, end in spans:
        for sentence in _sentences(doc, start, end):
            named = person and (
                _NAMED_SPEAKER_RE.search(sentence)
                or candidate.shape in ("group", "crowd")
                and _MEMBER_SPEAKS_RE.search(sentence)
            )
            quoted = nearest and any(mark in sentence for mark in '"“”')
            if named and (quoted or _DESCRIBED_RE.search(sentence)):
                return True  # the next sentence quotes one of the experts by name, or a described speaker does
            if nearest and start == sentence_end and person and _INTRODUCED_SPEAKER_RE.search(sentence):
                return True  # the very next sentence introduces one of them, by name
            nearest = False
            if publication and _PUBLICATION_RE.search(sentence):
                return True
            if candidate.shape == "poll" and _POLLSTER_RE.search(sentence):
                return True
    return False


def _sentences(doc: Document, start: int, end: int) -> Iterator[str]:
    """The text of each sentence (abbreviation-aware: "Sen. Elizabeth Warren")
    that starts between ``start`` and ``end``."""
    sentences = doc.sentences
    starts = doc.sentence_starts
    first = max(0, bisect.bisect_left(starts, start) - 1)
    # Only the sentences wanted, by index: islice() walked past every
    # sentence before them, for each candidate of a long article.
    for sentence in sentences[first : bisect.bisect_left(starts, end)]:
        if sentence.end > start:
            yield doc.prose[max(sentence.start, start) : min(sentence.end, end)]


# The pollster named after "a poll suggests": "the Sunday Times poll",
# "YouGov polled", "the survey, by Mori".
_POLLSTER_RE = lazy_compile(
    r"\b(?!(?:A|An|The|This|That|Its|New|Latest|Recent)\b)[A-Z][\w’'.&/-]*\s+(?:poll|survey|polled|surveyed|questioned|"
    r"interviewed)\b|\b(?:poll|survey)\w*,?\s+(?:\w+\s+)?(?:by|for|of|from|conducted\s+by|commissioned\s+by|carried\s+out\s+by)"
    r"\s+(?:the\s+)?[A-Z]"
    # A survey named as the index it compiles: "The S&P Global Vietnam Manufacturing Purchasing Managers' Index".
    r"|\b[A-Z][\w’'.&/-]*(?:\s+[A-Z][\w’'.&/-]*)+\s+(?:Index|Barometer|Tracker)\b",
)
# What describes a speaker as one who can answer for a group: a profession, a
# post, an institution.
_DESCRIBED_RE = lazy_compile(
    r"(?i)\b(?:professor|prof|economist|analyst|expert|researcher|fellow|director|scientist|strategist|lecturer|"
    r"historian|author|consultant|dean|specialist|adviser|advisor|chief|founder|partner|editor|managing|"
    r"spokes(?:man|woman|person)|chairman|chairwoman|secretary|minister|senator|congress(?:man|woman)|MP|MEP|"
    r"campaigner|activist|lawyer|attorney|pollster|commentator|critic)\b"
    r"|\b(?-i:(?:Sen|Rep|Gov|Dr|Prof)\.?)\s+[A-Z]"
    r"|\b(?-i:[A-Z][\w&.'’-]*\s+(?:University|Institute|Center|Centre|Foundation|School|College|Council|Association|"
    r"Society|Capital|Partners|Research|Fund|Agency|Commission|Union|Federation|Institution|Group|Bank|Economics|"
    r"Analytics|Advisors|Advisers|Associates|Consulting|Securities|Studies|Ratings|Investors\s+Service))\b"
    r"|\b(?-i:(?:University|Institute|Center|Centre|School|College)\s+of)\b"
    r"|,\s+\d{2},\s+(?:of|from)\s+(?-i:[A-Z])"  # a voter: "Doug Johnson, 54, of Hannibal, Mo."
    r"|(?-i:[A-Z])[\w’'-]+,\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:at|of|with|for|from)\s+(?:the\s+)?(?-i:[A-Z])",  # "Stichler, an agronomist with the …"
)
# One of the group, introduced by full name and a relative clause or a
# description, speaking: "Rosalind Tate, 64, who has lived in Peoplestown for
# 30 years, said …", "Mary Chepkoech, a vegetable seller, said …".
# One of a group, named, with a verb of their own before "but said": "some
# Democrats said …" then "Rep. Angela Fry, a Detroit Democrat, voted for the
# bill but said". (For a group only: a passive's "it is understood" is not
# answered by whoever speaks next.)
_MEMBER_SPEAKS_RE = lazy_compile(
    rf"{_PERSON}\s+(?:[\w’'-]+\s+){{1,6}}?(?:but|and)\s+(?:also\s+)?(?:{_VERB})\b",
    engine="re",
)
_INTRODUCED_SPEAKER_RE = lazy_compile(
    rf"\b[A-Z][\w’'-]+\s+[A-Z][\w’'-]+,\s+(?:\d{{1,3}},\s+)?(?:who|an?)\s+[^.;:!?]{{1,120}}?,\s+(?:{_VERB})\b"
)
# A publication that answers "according to reports": "told The Times", "the
# Times reported", "reported by the Mail".
_PUBLISHER = (
    r"(?:(?:[A-Z][\w&.-]*\s+)*(?:Times|Post|Journal|News|Telegraph|Guardian|Mail|Herald|Gazette|Tribune|Observer|"
    r"Independent|Express|Mirror|Standard|Economist|Reporter|Variety|Reuters|Bloomberg|BBC|CNN|NBC|CBS|ABC|AP|"
    r"Associated\s+Press|Interfax|Xinhua|Kyodo|Politico|Axios)|(?:[\w’'-]+\s+){0,3}?(?:newspaper|magazine|website|"
    r"broadcaster|news\s+agency))"
)
_PUBLICATION_RE = lazy_compile(
    rf"\b(?:told|to|according\s+to|in|by|from)\s+(?:the\s+|The\s+)?{_PUBLISHER}\b"
    rf"|\b{_PUBLISHER}\s+(?:has\s+|had\s+|also\s+)?(?:reported|reports|said|says|wrote|writes|revealed|quoted)\b",
    engine="re",
)


def _body_names_a_source(doc: Document) -> bool:
    """A headline or standfirst compresses its source: the body may name it."""
    prose = doc.prose
    return any(_NAMED_SPEAKER_RE.search(prose, block.start, block.end) for block in doc.body[:4])
