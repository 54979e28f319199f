"""loaded-verb: attribution verbs that take sides, where the story does not earn them.

"Claimed" hints the reporter doubts it, "admitted" and "conceded" that it was
wrung out of the speaker, "insisted" that it was contested. "Said" carries
no judgment. Only attribution counts: the verb beside a quotation ("…,” he
insisted", "insisted: “…"), before "that" ("she claimed that") or before a
clause of its own ("claims he would"). "Admitted to hospital", "claimed the
title", "insisted on paying" and the noun "claims" ("investigating claims
that", "Trump's own claims that", "American claims that") are left alone.

A copy editor lets the verb stand where the story shows it is deserved, and
so does this check, by what the verb says:

- a verb of doubt ("claimed") is earned where the story shows the claim
  doubtful (a refutation nearby: "in fact", "even though", "no evidence",
  "false"), where the claimant is unknown or discredited ("someone who
  claimed") or is a lawsuit or a pleading, whose "claim" is the legal word;
  a reply from the other side is not enough: "claimed" still takes sides
  in a two-sided dispute;
- a verb of insistence ("insisted") is earned where the point is shown to be
  contested (a denial, a rejection, a "but", critics), and is no attribution
  at all where it is a demand ("insisted that they stay");
- a verb of concession ("admitted", "conceded") is earned by a concession the
  sentence shows ("said …, but admitted"), an admission of wrongdoing
  ("admitted fraud") or a contest.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from typing import Any

from newslint.checks import Check, Finding, Option
from newslint.document import Block, Document
from newslint.options import Strings
from newslint.patterns import lazy_compile
from newslint.terms import Hit, Term

_QUOTE_CLOSE = "\"'”’"
_QUOTE_OPEN = "\"'“‘"


class LoadedVerb(Check):
    name = "loaded-verb"
    summary = "Attribution verbs that take sides (claimed) where the story does not earn them."
    params = ("verb",)
    options = {
        "terms": Option(
            Strings("verbs"),
            [],
            "Attribution verbs that take sides, in every form to flag. Forms of claim, insist, admit,"
            " concede and confess are each let pass where the story earns them.",
        ),
    }

    def terms(self) -> Iterable[Term]:
        return (Term(verb) for verb in self.opts["terms"])

    def run(self, doc: Document, hits: list[Hit]) -> Iterable[Finding]:
        prose = doc.prose
        for hit in hits:
            block = doc.block_at(hit.start)
            if block is None:
                continue
            verb = prose[hit.start : hit.end]
            kind = _kind(verb)
            if not _attributes(prose, hit.start, hit.end, block, kind):
                continue
            if _earned(doc, block, hit.start, hit.end, kind):
                continue
            yield Finding(hit.start, hit.end, {"verb": verb})


def _kind(verb: str) -> str:
    """What the verb says of the speaker: doubt, insistence or concession."""
    lowered = verb.lower()
    for stem, kind in (("claim", "doubt"), ("insist", "insist"), ("admit", "concede"), ("conce", "concede")):
        if lowered.startswith(stem):
            return kind
    return "concede" if lowered.startswith("confess") else "other"


# -- is it attribution? ----------------------------------------------------------------

# "…,” he insisted" / "…," insisted Mr Smith": a quote closes just before.
# The quote must end in a comma, ? or ! ("…,” he claimed"); after a full stop
# the next word starts a new sentence ("…budget.” If admitted…").
_AFTER_QUOTE_RE = lazy_compile(
    rf"""(?:[,?!…][{_QUOTE_CLOSE}]|[{_QUOTE_CLOSE}],)\s*\s*(?:(?:he|she|they|it|we|I)|(?:\p{{Lu}}[\w’'-]*\s+){{0,3}}\p{{Lu}}[\w’'-]*|the\s+\w+(?:\s+\w+)?)?\s*$"""
)
# "insisted: “…", "claimed, “…": a quote opens just after. A quote with
# nothing between may be the verb's object ("claims “are handled…”" is the
# noun "claims"), so for "claims" a colon or comma must stand between.
_BEFORE_QUOTE_RE = lazy_compile(rf"""\s*[:,]?\s*[{_QUOTE_OPEN}]""")
_BEFORE_QUOTE_PUNCTUATED_RE = lazy_compile(rf"""\s*[:,]\s*[{_QUOTE_OPEN}]""")
# "claimed that", "admitted that", but not the passive "it is claimed that".
# (A word between, or a time or place: "claimed on Monday that", "claimed
# in a statement that".)
_THAT_RE = lazy_compile(
    r"(?i)\s+(?:\w+\s+|(?:on|in|at|last|earlier|during|over)\s+(?:[\w’'-]+\s+){1,4}?"
    r"|this\s+(?:week|month|year|morning|afternoon|evening)\s+)?that\b"
)
# "claims he would", "claimed it was": a clause with a pronoun subject and a
# finite verb, without "that".
# A nominative pronoun starts a clause whatever follows ("claimed he sought");
# after "it", "you" or "there" (objects too) a verb must follow.
_CLAUSE_RE = lazy_compile(
    rf"(?i)\s+(?:(?:he|she|they|we|I)\s+(?-i:[a-z{_QUOTE_OPEN}])|(?:you|it|there)\s+(?:(?:had|has|have|was|were|is|are|"
    r"would|could|will|can|should|might|may|must|did|does|do|never|only|still|also|already)\b|(?-i:[a-z]+ed)\b))"
)
# "claimed the phone's battery would last": a clause with a noun subject, a
# few words with no preposition, relative or pronoun among them ("claimed
# the lives of", "claimed the seat he had held" are objects), then a verb.
_NOUN_CLAUSE_RE = lazy_compile(
    r"(?i)\s+(?:the|its|his|her|their|our|this|these|those)\s+"
    r"(?:(?!(?:who|which|that|whom|whose|where|when|he|she|they|it|we|i|you|of|in|on|at|for|with|by|from|to|and|"
    r"or|but|as)\b)[\w’'-]+\s+){1,4}(?:would|will|could|can|should|might|may|must|was|were|is|are|had|has|have)\b"
)
_PASSIVE_RE = lazy_compile(r"(?i)\b(?:is|was|are|were|been|be|being|if|when|once)\s+$")
# "claims" and "admits" are nouns after these ("about claims that", "denied claims").
_NOUN_BEFORE_RE = lazy_compile(
    r"(?i)\b(?:about|to|of|in|on|for|with|into|behind|against|despite|amid|over|after|following|by|from|"
    r"the|a|these|those|such|his|her|their|its|our|my|your|whose|any|all|some|many|several|both|other|no|own|"
    r"new|denied|deny|denies|rejected|reject|rejects|dismissed|dismiss|and|or|make|makes|made|making|counter|similar|"
    r"false|unfounded|previous|earlier|latest|recent|repeated|insurance|pay|paid|face|faces|faced|down|up|fresh|"
    r"[a-z]+-[a-z-]+|[a-z]{3,}ing)\s+$",
    engine="re",
)
# A possessive just before the noun: "Trump's own claims", "Reade’s claims".
_POSSESSIVE_RE = lazy_compile(r"(?:['’]s|s['’])\s+$")
_INTO_RE = lazy_compile(r"(?i)\s+(?:in)?to\b")
# "claimed the lives that": a noun phrase, not a clause. Compiled once, since
# ``regex.match(pattern, ...)`` pays a cache look-up dearer than the match.
# It has no lookaround or anchor, so matching up to ``endpos`` is matching a slice.
_DETERMINER_RE = lazy_compile(r"\s+(?:the|a|an|his|her|their|its)\s")


def _attributes(prose: str, start: int, end: int, block: Block, kind: str) -> bool:
    """Whether the verb at ``start:end`` attributes speech."""
    floor, ceiling = block.start, block.end
    if _PASSIVE_RE.search(prose, max(floor, start - 10), start):
        return False
    if _INTO_RE.match(prose, end, ceiling):
        return False  # "admitted to hospital", "admitted into the EU"
    if prose[start:end].lower() in ("claims", "admits") and _is_noun(prose, floor, start):
        return False
    if _AFTER_QUOTE_RE.search(prose, max(floor, start - 50), start):
        return True
    before_quote = _BEFORE_QUOTE_PUNCTUATED_RE if prose[start:end].lower() == "claims" else _BEFORE_QUOTE_RE
    if before_quote.match(prose, end, ceiling):
        return True
    if _CLAUSE_RE.match(prose, end, ceiling) or _NOUN_CLAUSE_RE.match(prose, end, ceiling):
        return True
    that = _THAT_RE.match(prose, end, ceiling)
    # "claimed last week that" is fine; "claimed the lives that" is not a clause.
    return that is not None and not _DETERMINER_RE.match(prose, end, that.end())


# Where a clause starts: what comes before it is not its subject.
_CLAUSE_START_RE = lazy_compile(
    r"""(?:[.!?;:]\s|\(|[,?!.][”"’']|—|–|\s-\s|,\s+(?=(?:the|a|an|this|that|its|his|her|their|but|and|while|as)\s)"""
    r"""|\b(?:who|which|whom|but|while|whereas|although|though|because|since|as|if|when|so)\b)""",
)
# A verb in what would be the subject: "is expected to propose an
# investigation of American claims", "unable to resolve Canadian claims",
# "challenged Clinton and State Department claims". A subject has none (an
# -ed word after "the" is its adjective: "the embattled Yukos claims").
_VERB_IN_SUBJECT_RE = lazy_compile(
    r"(?<![\w’'-])(?:is|are|was|were|be|been|being|has|have|had|will|would|can|could|should|may|might|must|"
    r"do|does|did|to|said|says|told|calls|called|(?<!\b(?i:the|a|an|its|his|her|their)\s)(?-i:[a-z]{2,}ed))(?![\w’'-])",
)


def _is_noun(prose: str, floor: int, start: int) -> bool:
    """Whether "claims" at ``start`` is the noun: after a possessive, a
    determiner, a preposition or a modifier, or ending a phrase that is no
    subject because a verb stands in it."""
    window = max(floor, start - 80)
    if _NOUN_BEFORE_RE.search(prose, max(floor, start - 16), start) or _POSSESSIVE_RE.search(
        prose, max(floor, start - 4), start
    ):
        return True
    clause_start = window
    for boundary in _CLAUSE_START_RE.finditer(prose, window, start):
        clause_start = boundary.end()
    return bool(
        _OBJECT_NAME_RE.search(prose, clause_start, start) or _VERB_IN_SUBJECT_RE.search(prose, clause_start, start)
    )


# A name after a preposition that no person's title comes before is the
# object of a verb, and "claims" its noun: "hit back at Labour claims he",
# "an investigation of American claims that"; but "a spokesman for Yukos
# claims that" is the verb.
_OBJECT_NAME_RE = lazy_compile(
    r"(?<!\b(?:spokesman|spokeswoman|spokesperson|head|chief|director|member|leader|lawyer|president|chairman|"
    r"chairwoman|minister|secretary|official|representative|executive|founder|owner|boss|manager|coach|"
    r"professor|analyst|economist|expert|researcher)s?)\s+(?:of|for|at|to|on|against|with|from|about|by|behind|"
    r"over|amid|into)\s+(?:the\s+)?(?:\p{Lu}(?:[\w’'&-]|\.(?!\s))*\.?\s+(?:(?:and|of|&)\s+)?){1,4}$"
)


# -- does the story earn it? -------------------------------------------------------------

# The story shows the claim doubtful: a refutation, by fact rather than by the
# other side's word. In the claim's own sentence a concessive ("even though",
# "despite") sets the facts against it; in the sentences after, only plain
# refutation counts ("In fact", "no evidence", "false").
_REFUTATION = (
    r"in\s+fact|in\s+reality|no\s+evidence|without\s+evidence|little\s+evidence|"
    r"false|falsely|untrue|not\s+true|misleading|inaccurate|incorrect|erroneous|debunk\w*|baseless|"
    r"unfounded|unsubstantiated|fact[-\s]check\w*|contrary\s+to|refut\w*|rebut\w*|contradict\w*|"
    r"not\s+consistent|inconsistent|lied|lying|exaggerat\w*|fabricat\w*|hoax|scam\w*|con|bogus|"
    r"walk(?:ed|s)?\s+back\w*|retract\w*|backtrack\w*|"
    r"Pinocchios?|(?:nobody|no\s+one)\s+(?:[\w’'-]+\s+){0,6}?(?:knew|know|confirm\w*|corroborat\w*|verif\w*)"
)
_REFUTED_RE = lazy_compile(rf"(?i)\b(?:{_REFUTATION})\b")
# In the claim's own sentence: a concessive, open doubt, or a claim its
# maker would not back ("but would not disclose tonnages", "unconfirmed").
_REFUTED_IN_SENTENCE_RE = lazy_compile(
    r"(?i)\b(?:even\s+though|although|despite|skeptic\w*|sceptic\w*|doubts?|doubted|dubious|questionable|"
    r"(?:but|and)\s+(?:declined\s+to|refused\s+to|would\s+not\s+(?:disclose|say|confirm|name|give|provide))|"
    r"without\s+(?:giving|providing|offering)|unverified|unconfirmed|could\s+not\s+be\s+(?:verified|confirmed)|no\s+proof|"
    rf"{_REFUTATION})\b",
)
# A ruling on the claim, just before or after it: "The Supreme Court decision
# stated they did so for a political reason", "in light of the ruling".
_RULED_RE = lazy_compile(
    r"(?i)\b(?:ruled|ruling|verdict|(?<!if\s)convicted|conviction|found\s+guilty|upheld|threw\s+out|thrown\s+out|"
    r"court\s+(?:decision|found|held)|decision\s+stated|lost\s+(?:the|its|his|her|their)\s+(?:case|appeal|libel))\b",
)
# The point is contested: a denial, a rejection, an opposing voice, a trial.
_CONTESTED_RE = lazy_compile(
    r"(?i)\b(?:but|however|although|though|despite|even\s+as|yet|denied|denies|deny|denial|rejected|rejects|"
    r"reject|dismissed|dismisses|disputed|disputes|dispute|refused|refuses|critics?|criticis\w*|criticiz\w*|"
    r"opponents?|opposition|opposed|accus\w*|alleg\w*|attack\w*|challeng\w*|question\w*|pressed|argued|"
    r"doubts?|sceptic\w*|skeptic\w*|row|standoff|speculation|rumou?r\w*|reports?|trial|charges|charged|"
    rf"court|lawsuit|suit|jury|prosecut\w*|misquot\w*|{_REFUTATION})\b",
)
# A concession the sentence shows: "said … but admitted", "although he
# admitted", "even X have conceded".
_CONCESSION_BEFORE_RE = lazy_compile(
    r"(?i)\b(?:but|although|though|while|yet|even|also|however|acknowledg\w*)\b[^.!?]*$"
)
# An admission of wrongdoing: "admitted fraud", "admitted that it
# fraudulently inflated", "admitted stealing".
_WRONGDOING_RE = lazy_compile(
    r"(?i)\b(?:fraud\w*|guilt\w*|charges?|offen[cs]es?|crimes?|criminal|illegal\w*|unlawful\w*|wrongdoing|"
    r"fault|mistakes?|errors?|lied|lying|stole|stealing|steal|theft|bribe\w*|cheat\w*|doping|drugs?|"
    r"misconduct|negligen\w*|sorry|apologi[sz]\w*|wrong|manslaughter|murder|assault\w*|"
    r"breach\w*|misled|mislead\w*|violat\w*)\b",
)
# An unknown, unverifiable or discredited claimant ("someone who claimed",
# "the attacker", "rebels claimed"), or a lawsuit, whose "claim" is the
# legal word ("the suit claimed", "sued by a make-up artist who claimed", "a
# case brought by Eolas which claimed").
_EARNED_SUBJECT_RE = lazy_compile(
    r"(?i)\b(?:someone|somebody|anyone|anybody|a\s+man|a\s+woman|a\s+caller|an?\s+e-?mails?|one\s+e-?mails?|"
    r"a\s+website|hoax\w*|scam\w*|fraudsters?|attackers?|assailants?|gunm[ae]n|hitm[ae]n|killers?|"
    r"kidnappers?|hijackers?|hackers?|militants?|rebels?|guerrillas?|insurgents?|terrorists?|"
    r"(?:law)?suits?|complaints?|indictments?|petitions?|affidavits?|filings?|writs?|plaintiffs?|"
    r"prosecutors?|prosecution|case|lawyers?|attorneys?)\b[^.!?;]{0,120}$",
)
# A claim in a legal dispute the story tells of, in the claim's sentence or
# the one before ("… has taken legal action against a number of lenders. He
# claims the banks were aware"; a threat of legal action is no dispute yet),
# or one that is a legal claim by its nature ("claims the service has
# infringed its rights", "claimed the documents were subject to executive
# privilege").
_LEGAL_CONTEXT_RE = lazy_compile(
    r"(?i)\b(?:sued|suing|lawsuits?|case\s+brought|claim\s+for\s+damages|compensation|damages|awarded|won\s+[£$€]\d|"
    r"(?:tak\w*|took|launch\w*|br(?:ing|ings|ought)|fil\w*|beg[au]n|start\w*|pursu\w*)\s+legal\s+action)",
)
_LEGAL_CLAIM_RE = lazy_compile(r"(?i)[^.!?;]{0,80}?\b(?:infring\w*|(?:executive\s+|legal\s+)?privilege|immunity)\b")
# A claim made in a pleading, where "claim" is the legal word: "claimed in
# the suit that".
_IN_PLEADING_RE = lazy_compile(
    r"(?i)\s+in\s+(?:(?:the|a|an|his|her|their|its)\s+)?(?:[\w-]+\s+)?(?:(?:law)?suit|complaint|filings?|petition|"
    r"affidavit|indictment|court\s+(?:papers|documents|filings))\b"
)
# The writer's own doubt, or a claim later dropped: "even claimed", "At
# first, White claimed", "had originally claimed".
_MARKED_BEFORE_RE = lazy_compile(r"(?i)\b(?:even|at\s+first|initially|originally)\b[^.!?;]{0,40}$")
# A claim that is itself a denial ("claimed they did not mislead", "claims he
# never used the slur"): the story around it carries the accusation.
_DENIAL_AFTER_RE = lazy_compile(
    r"(?i)\s+(?:that\s+)?(?:\w+\s+){0,3}?(?:did\s+not|didn['’]t|never|was\s+not|wasn['’]t|were\s+not|"
    r"weren['’]t|(?:there|it)\s+(?:was|were)\s+no)\b",
)
# The verb inside someone else's reported speech: "Schumer reiterated to
# reporters that while Republicans have claimed", "its lawyer told the court
# that Yukos had claimed", "Mr Kilroy-Silk said the man … claimed". The word
# is the speaker's characterisation, not the newsroom's.
_REPORTED_SPEECH_RE = lazy_compile(
    r"(?i)\b(?:said|says|told|tells|reiterated|argued|added|wrote|writes|tweeted|testified|explained|stated|"
    r"insisted|complained|warned|recalled|noted|stressed|alleged|reported)\b(?:\s+[\w’'-]+){0,4}?\s+"
    r"(?:that\b|(?-i:the|a|an|his|her|their|its)\s)",
)
# First person outside quotation marks: a column, a letter, a transcript of a
# speech ("those who claimed we could slam the brakes"), not the newsroom's
# reporting voice.
# (Not a numeral after a label mid-sentence: "the Phase I trial", "World War I".)
# (Nor a road: "I-95".)
_FIRST_PERSON_RE = lazy_compile(
    r"\b(?:(?<!\w\s\p{Lu}\p{Ll}+\s)(?<!\b(?:Title|Phase|Part|Stage|Chapter|Type|Class|Grade|Level|Division|Schedule|"
    r"Article|Section|Act|War)\s)I(?!-)|me|my|we|us|our)\b"
)
# The writer spoken to, in a sentence that also quotes someone: "one
# pensioner told me afterwards".
_TOLD_ME_RE = lazy_compile(r"\b(?:told|tells|asked|asks|wrote\s+to|said\s+to|emailed|texted)\s+(?:me|us)\b")


# "insisted that they stay", "insists that the budget include", "insisted
# that Porter stay": a demand in the subjunctive, not a statement. The subject
# is a pronoun, a name or "the" and a noun; _is_demand reads the verb after it.
_DEMAND_RE = lazy_compile(
    r"\s+that\s+(?P<subject>(?i:he|she|it|they|we|I|you)|(?i:the|a|an|his|her|their|its|our)\s+[a-z]+"
    r"|\p{Lu}[\w’'-]*(?:\s+\p{Lu}[\w’'-]*){0,2})\s+(?P<negated>not\s+)?(?P<verb>[a-z]+)\b"
)
_NOT_BARE = frozenset(
    """is are was were am has had have would could will can did does do might may must should shall never also
    only still already and or of in on at for to with by from who which that as if than then the a an not
    made told said took gave went came saw found knew thought got kept left felt became began brought bought
    built held meant met paid ran sent spent stood understood won wrote lost put set cut let hit hurt cost
    quit read led fell sold""".split()
)


def _is_demand(prose: str, end: int, sentence_end: int) -> bool:
    match = _DEMAND_RE.match(prose, end, sentence_end)
    if match is None:
        return False
    verb = match.group("verb")
    if verb in _NOT_BARE or verb.endswith("ed"):
        return False
    if verb == "be" or match.group("negated"):
        return True
    # "he stays" is a statement; "they stay" after "insisted" is the subjunctive.
    return not (verb.endswith("s") and not verb.endswith("ss"))


_SENTENCE_END_RE = lazy_compile(r"""[.!?…]["'”’)\]]*\s+(?=["'“‘(\[]?[\p{Lu}\d])""")


def _earned(doc: Document, block: Block, start: int, end: int, kind: str) -> bool:
    """Whether the story earns the verb, or the verb is not the newsroom's."""
    prose = doc.prose
    sentence_start, sentence_end = _sentence_around(prose, block, start)
    before = prose[sentence_start:start]
    if _in_reported_speech(before) or _not_reporting_voice(doc, block, sentence_start, sentence_end):
        return True
    if kind == "doubt":
        return _doubt_earned(doc, block, start, end, (sentence_start, sentence_end))
    story = (_story_before(doc, block), _story_after(doc, block, sentence_end))
    if kind == "insist":
        return _is_demand(prose, end, sentence_end) or _outside_speech(doc, _CONTESTED_RE, *story)
    if kind == "concede":
        return bool(
            _CONCESSION_BEFORE_RE.search(before)
            or _WRONGDOING_RE.search(prose, end, sentence_end)
            or _outside_speech(doc, _CONTESTED_RE, *story)
        )
    return _outside_speech(doc, _REFUTED_IN_SENTENCE_RE, sentence_start, sentence_end)


def _doubt_earned(doc: Document, block: Block, start: int, end: int, sentence: tuple[int, int]) -> bool:
    """A verb of doubt is earned by the claimant, by the claim (a denial), or
    by a refutation or a ruling the story gives."""
    prose = doc.prose
    sentence_start, sentence_end = sentence
    before = prose[sentence_start:start]
    if _EARNED_SUBJECT_RE.search(before) or _MARKED_BEFORE_RE.search(before) or _doubted_by_headline(doc):
        return True
    if _LEGAL_CONTEXT_RE.search(prose, _sentence_before(doc, block, sentence_start), start):
        return True
    if _DENIAL_AFTER_RE.match(prose, end, sentence_end) or _IN_PLEADING_RE.match(prose, end, sentence_end):
        return True
    if _LEGAL_CLAIM_RE.match(prose, end, sentence_end):
        return True
    after = _sentences_after(doc, block, sentence_end, 2)
    return (
        _outside_speech(doc, _REFUTED_IN_SENTENCE_RE, sentence_start, sentence_end)
        or _outside_speech(doc, _REFUTED_RE, sentence_end, after)
        or _outside_speech(
            doc,
            _RULED_RE,
            _sentence_before(doc, block, _sentence_before(doc, block, sentence_start)),
            _sentences_after(doc, block, sentence_end, 1),
        )
    )


def _in_reported_speech(before: str) -> bool:
    """The verb inside another speaker's reported speech, not coordinated
    with the speech verb ("Trump tweeted that …, and claimed he could" is
    the newsroom's verb again)."""
    return _REPORTED_SPEECH_RE.search(before) is not None and not _COORDINATED_RE.search(before)


_COORDINATED_RE = lazy_compile(r"(?i)(?:,\s*|\s)(?:and|but)\s+(?:\w+ly\s+|also\s+)?$")


def _not_reporting_voice(doc: Document, block: Block, sentence_start: int, sentence_end: int) -> bool:
    """First person outside quotation marks in the verb's sentence, or in a
    sentence with no quotation marks at all in its paragraph ("the minister
    claimed … In cash terms, this is true. It is also true that I weigh
    more"), or the writer spoken to ("one pensioner told me"): a column, a
    letter, a speech's transcript, not the newsroom reporting."""
    if _outside_speech(doc, _FIRST_PERSON_RE, sentence_start, sentence_end):
        return True
    return any(
        _outside_speech(doc, _FIRST_PERSON_RE, sentence.start, sentence.end)
        and not _quotes_anyone(doc, sentence.start, sentence.end)
        or _outside_speech(doc, _TOLD_ME_RE, sentence.start, sentence.end)
        for sentence in doc.sentences_in(block.start, block.end)
    )


def _quotes_anyone(doc: Document, start: int, end: int) -> bool:
    """Whether a quotation mark stands between ``start`` and ``end`` (as the
    quotation analysis reads marks: the apostrophe of "town's" is none)."""
    offsets = doc.quotes.quotation_marks
    return bisect.bisect_left(offsets, start) < bisect.bisect_left(offsets, end)


def _sentence_before(doc: Document, block: Block, sentence_start: int) -> int:
    """Where the sentence before the one at ``sentence_start`` starts, in its paragraph."""
    previous = block.start
    for mark in _SENTENCE_END_RE.finditer(doc.prose, block.start, max(block.start, sentence_start - 1)):
        previous = mark.end()
    return previous


_FACT_CHECK_RE = lazy_compile(
    r"(?i)(?<![‘'\"“])\b(?:reality\s+check|fact[-\s]?check\w*|false|untrue|misleading|debunk\w*|no\s+evidence|"
    r"myths?|hoax|bogus)\b",
)


def _doubted_by_headline(doc: Document) -> bool:
    """A headline that calls the story's claims into doubt ("Reality Check
    Team inspects the claims", "hack attack … was a false alarm"): doubt is
    what the story is about."""
    return any(_outside_speech(doc, _FACT_CHECK_RE, block.start, block.end) for block in doc.blocks_of("headline"))


def _outside_speech(doc: Document, pattern: Any, start: int, end: int) -> bool:
    """Whether ``pattern`` matches between ``start`` and ``end`` outside direct
    speech: the claimant's own "that is false" refutes nothing."""
    return any(not doc.in_quote(match.start()) for match in pattern.finditer(doc.prose, start, end))


def _sentences_after(doc: Document, block: Block, sentence_end: int, count: int) -> int:
    """The end of the ``count`` sentences after ``sentence_end``, in this
    paragraph and the next."""
    sentences = doc.sentences
    index = bisect.bisect_left(doc.sentence_starts, sentence_end - 1)
    following = doc.block_index(block) + 1
    limit = doc.blocks[following].end if following < len(doc.blocks) else block.end
    end = sentence_end
    # By index: islice() would make every sentence before these on the way.
    for position in range(index, len(sentences)):
        sentence = sentences[position]
        if not count or sentence.start >= limit:
            break
        end = max(end, sentence.end)
        if not doc.in_quote(sentence.start):  # the rest of a quote is the claimant's
            count -= 1
    return end


def _sentence_around(prose: str, block: Block, offset: int) -> tuple[int, int]:
    start = block.start
    # (The mark's lookahead must see the capital at ``offset``.)
    for end_mark in _SENTENCE_END_RE.finditer(prose, block.start, min(block.end, offset + 2)):
        if end_mark.end() > offset:
            break
        start = end_mark.end()
    following = _SENTENCE_END_RE.search(prose, offset, block.end)
    return start, following.start() + 1 if following else block.end


def _story_after(doc: Document, block: Block, sentence_end: int) -> int:
    """Where the story that may answer a verb ends: the end of the next
    paragraph (a rebuttal or a concession comes in the same paragraph or the
    one after it)."""
    body = doc.blocks
    index = doc.block_index(block)
    return body[index + 1].end if index + 1 < len(body) else max(block.end, sentence_end)


def _story_before(doc: Document, block: Block) -> int:
    """Where the story before a verb starts: the previous paragraph, which
    often sets out the other side."""
    body = doc.blocks
    index = doc.block_index(block)
    return body[index - 1].start if index > 0 and body[index - 1].kind == "body" else block.start
