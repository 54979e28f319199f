"""attribution: a paragraph of direct speech must say who is speaking.

A quotation with no "he said" is a quotation nobody can stand behind. What
counts as attribution is decided by where newsrooms put it, in the sentence
around the quote and the paragraphs beside it, with one shared lexicon of
speech verbs (``newslint.lexicon``) for the words:

- after the quote, in the same sentence: a quote that ends in a comma (or ?,
  ! or a dash) hands the sentence on to its tag, and a tag with a verb is an
  attribution whatever the verb ("…,” Pelosi, D-Calif., echoed", "…,”
  concluded the poll", "…,” the statement read", "…,” about 200 protesters
  chanted"). A tag with no verb is not ("…,” Anthony O'Reilly, chairman.": the
  "said" was lost). So is a dash label ("“…” — Tyler Merritt, CEO");
- before it, in the same sentence: a colon or a dash introduces it whatever
  the clause ("He acknowledged that …: “…”"), so does a comma after speech or
  a medium ("…, adding, “…”", "reacted on Twitter, “…”", "sniped, “…”") or
  "as follows"; a quote woven into the reporter's own clause is attributed
  by that clause when it has a verb ("Slate characterized it as “…”", "The
  directive reserves the right to “…”"), and is a title after a naming word
  or in title case ("the report “…”", "a “Salute to the Heroes of …”"); a
  question naming the speaker asks for it ("Harvey's bottom line? “…”");
- anywhere in the paragraph, outside the quotes: a speech verb or phrase
  ("said", "according to", "in a statement", "per the memo"), unless it
  stands in a relative clause ("an economist who has advised Warren");
- in the paragraph before, when this one opens with the quote: a paragraph
  that reports someone's words ("…, the bowler declared.", "said the plan
  had failed", "Trump tweeted his frustration Sunday.", "issued a
  statement", "“Let's go,” Engel said.") or ends with a colon introduces it,
  and a quote runs on over several paragraphs with one attribution
  (``Quote.continues``, or "“A,” he said.\\n\\n“B.”"). A paragraph that
  reports an act ("Mr Stoltenberg announced the plan.") or a stance ("Cook
  agrees that …") does not: the quote after it still needs its "says Cook";
  nor does "according to" someone, which sources that paragraph's facts
  ("368 patients were waiting, according to Nova Scotia Health."), though a
  report or a study it cites may be quoted after it;
- after a quote that opens its paragraph: the next sentence, or the next
  paragraph after a run of quotes, that points back at it ("“Never trust a
  map…” So runs the first line of a new guide", "These were the words of
  the president", "— Raj Chetty"), or, for a quote-first lede, that names
  the speaker with a speech verb; a headline that introduces the lede's
  quote ("Trump on Syria's Kurds: “…”"); a document the article introduces
  ("Following are extracts from the communique"), for the rest of it.

Not unattributed speech at all: a dialogue scene (an exchange of short
quotes, "“Where?” “Here.”"), a letter quoted in an advice column ("“Dear
Doctor: …"), excerpts set under subheads in an article framed as one
speaker's (a fact check, a speech's highlights), and a quote whose marks
are broken (a missing closing mark swallows the attribution after it, or a
closing and opening pair around ", he said." is missing): the quotes rules
report that one problem.

A paragraph counts as direct speech when a real quotation of ``min_words`` or
more words opens it or makes up most of it; a title or scare quote inside a
sentence ('the report, "Our failing schools", said') is not speech. Only the
first paragraph of an unattributed run is reported.

Every step is linear in the paragraph: only the outermost double quotes are
read (a quote inside a quote is part of the speech around it).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator, Sequence
from typing import NamedTuple

from newslint.checks import Check, Finding, Option
from newslint.document import Block, Document
from newslint.lexicon import (
    BARE_VERBS,
    OPINION_VERBS,
    PLURAL_SPEECH_BASES,
    SPEECH_MEDIA,
    SPEECH_NOUNS,
    SPEECH_PHRASES,
    SPEECH_VERB_FORMS,
    SPEECH_VERBS,
)
from newslint.options import Int
from newslint.patterns import lazy_compile, trie
from newslint.terms import Hit
from newslint.text import Span
from newslint.text.quotes import Mark, Quote


def _bare_forms_dropped(verbs: Sequence[str]) -> list[str]:
    """Every form but the bare one (a noun as often as not: "the state",
    "a call"), except the bare forms news copy uses as plural presents."""
    return [verb for verb in verbs if verb not in BARE_VERBS or verb in PLURAL_SPEECH_BASES]


# -- the words ------------------------------------------------------------------

# Speech verbs are found by reading the words of a stretch and looking each
# up in a set: a pattern of the lexicon's ~600 forms costs ~25 ms to compile,
# in every process, where this costs nothing.
_TOKEN_RE = lazy_compile(r"[^\W\d_]+(?:[’'][^\W\d_]+)?", engine="re")
#: Beside the quote, in its own sentence, every form counts: "…,” write the
#: authors", "…,” read talking points".
_BESIDE = frozenset(SPEECH_VERBS + OPINION_VERBS)
#: Anywhere in a paragraph: every speech and opinion verb ("believes"
#: attributes a quote as well as "says"), in every form but the bare ones
#: that are mostly nouns.
_ANYWHERE = frozenset(_bare_forms_dropped(SPEECH_VERBS + OPINION_VERBS))
#: In a paragraph that introduces the quote opening the next one: speech
#: verbs only ("Cook agrees that …" reports a stance).
_REPORTING = frozenset(_bare_forms_dropped(SPEECH_VERBS))
#: Phrasal speech verbs, as pairs of words: ("according", "to").
_PHRASES = frozenset(tuple(phrase.split()) for phrase in SPEECH_PHRASES)
_PHRASE_STARTS = frozenset(first for first, *_ in _PHRASES)


class _Verb(NamedTuple):
    start: int
    end: int
    word: str  # lower case; a phrase's words joined by a space


def _speech_verbs(prose: str, start: int, end: int, forms: frozenset[str]) -> Iterator[_Verb]:
    """The speech verbs among ``forms``, and the phrasal ones, in ``prose[start:end]``."""
    tokens = list(_TOKEN_RE.finditer(prose, start, end))
    for index, token in enumerate(tokens):
        word = token.group().lower()
        if index and _in_a_name(token.group(), tokens[index - 1].group()):
            continue  # "the United States", not "states"
        if word in forms:
            yield _Verb(token.start(), token.end(), word)
        elif word in _PHRASE_STARTS and index + 1 < len(tokens):
            following = tokens[index + 1]
            if (word, following.group().lower()) in _PHRASES:
                yield _Verb(token.start(), following.end(), f"{word} {following.group().lower()}")


def _in_a_name(word: str, previous: str) -> bool:
    """Whether ``word`` goes on a run of capitalised words, as in a name
    ("United States", "Justice Reports"), not in capitals throughout."""
    return word[0].isupper() and previous[0].isupper() and not word.isupper()


def _has_speech_verb(prose: str, start: int, end: int, forms: frozenset[str] = _BESIDE) -> bool:
    return next(_speech_verbs(prose, start, end, forms), None) is not None


def _speech_word_in(words: Sequence[str]) -> bool:
    """Whether ``words`` (a tag's or lead-in's) hold a speech verb or phrase."""
    lowered = [word.lower() for word in words]
    return any(word in _BESIDE for word in lowered) or any(pair in _PHRASES for pair in zip(lowered, lowered[1:]))


# The verbs whose every use reports words, whatever follows: "said the plan
# had failed", "told reporters", "tweeted his frustration", "addressed
# McConnell directly". Other speech verbs often take a thing ("announced the
# plan", "called a meeting").
_WORDS_VERBS = frozenset(
    [
        form
        for verb in ("say", "tell", "add", "write", "tweet", "post", "radio", "cable", "telegraph", "address")
        for form in SPEECH_VERB_FORMS[verb]
    ]
    + ["spoke to", "speaking to", "according to"]
)
_DETERMINER = r"(?:a|an|the|his|her|their|its|our|this|that|these|those|one|[\p{Lu}][\w’'.&-]*[’']s?)"
# The words that show where words were published, looked for first (a scan
# for a literal word is fast) and then read in their context: a speech noun
# ("in a statement", "issued a statement", "Trump’s comments"), a medium
# ("on Twitter", "took to Twitter"), "per the memo", "as follows", "the
# following".
_CUE_RE = lazy_compile(
    rf"(?i)\b{trie([word.lower() for word in SPEECH_NOUNS + SPEECH_MEDIA] + ['per', 'follows', 'following'])}\b",
)
_MEDIA_WORDS = frozenset(word.lower() for word in SPEECH_MEDIA)
#: Documents no one speaks in the first person singular ("report" among the
#: speech nouns; the rest cited as "according to … filings"). Records speak
#: in no person at all; a report's or a study's authors may write "we".
_RECORDS = frozenset(
    "filings records documents data figures statistics census numbers count counts tally tallies".split()
)
_IMPERSONAL = _RECORDS | frozenset("report reports papers study survey analysis".split())
# "according to the district's facilities report" (a link's brackets masked too).
_REPORT_AFTER_RE = lazy_compile(rf"\s+(?:[^\s,;.]+\s+){{0,4}}?\x00*({'|'.join(sorted(_IMPERSONAL))})\b")
_FIRST_PERSON_RE = lazy_compile(r"\b(?:I|I['’](?:m|d|ve|ll)|me|my|mine|myself)\b")
_FIRST_PERSON_PLURAL_RE = lazy_compile(r"\b(?:[Ww]e(?:['’](?:re|ve|d|ll))?|us|[Oo]urs?|[Oo]urselves)\b")
_PUBLISHED_BEFORE_RE = lazy_compile(rf"(?i)\b(?:in|on|via|during|at|from)\s+{_DETERMINER}\s+(?:[\w’'-]+\s+){{0,3}}$")
_OWNED_BEFORE_RE = lazy_compile(rf"(?i)\b{_DETERMINER}\s+(?:[\w’'-]+\s+){{0,2}}$")
_MEDIA_BEFORE_RE = lazy_compile(r"(?i)\b(?:on|via|to)\s+$")
_PER_AFTER_RE = lazy_compile(rf"(?i)\s+{_DETERMINER}\s")
_FOLLOWING_RE = lazy_compile(r"(?i)\s+(?:is|are)\b")
# A verb straight after a quotation that ends in no punctuation of its own
# makes the quotation its subject, a thing quoted rather than speech: a
# lyric, a slogan, graffiti ('"Keep calm and carry on" is printed on the mugs').
_QUOTED_SUBJECT_RE = lazy_compile(
    r"\s+(?:(?:has|have|had)\s+(?:\w+ly\s+)?\w+|is|are|was|were|became|becomes|remains|remained|"
    r"appears|appeared|adorns|adorned|greets|greeted|rang|rings|echoed|echoes|hangs|hung)\b"
)
# A verb in a relative clause describes someone; it attributes nothing:
# "Gabriel Zucman, an economist … who has advised Warren."
_RELATIVE_RE = lazy_compile(r"(?i)\b(?:who|whom|which|whose)\s+(?:[\w’'-]+\s+){0,3}$")
# What follows a speech verb that reports words: a content clause ("said
# that", "told CNN in June that", "described what"), or a subject and its
# verb ("said he would", "told his wife he thought").
_CONTENT_CLAUSE_RE = lazy_compile(
    r"\s+(?:[\w’'.-]+\s+){0,6}?(?:that|what|how|why|whether)\b"
    r"|\s+(?:[\w’'.-]+\s+){0,3}?(?:he|she|they|it|we|I|you|there)(?:[’']\w+)?\s"
    r"|\s+(?:[\w’'.-]+\s+){0,5}?(?:would|will|could|can|should|must|might|had|has|have|was|were|is|are)\b"
)
# Speech verbs that report words only as a tag ("“…,” begins the letter",
# "he laughed"), never with a clause after them: "It began the way it did"
# and "The rain continued as it had" report nothing.
_TAG_ONLY = frozenset(
    form
    for verb in ("begin", "continue", "greet", "laugh", "sigh", "sing", "chant", "address", "narrate", "recite", "echo")
    for form in SPEECH_VERB_FORMS[verb]
)
_CLAUSE_END_RE = lazy_compile(r"\s*(?:[,.;!?…]|$)")
# A tag that ends the reported sentence: "…, the bowler declared.", "…,”
# Rep. Eliot Engel (D-NY) said Thursday."
_TAG_START_RE = lazy_compile(r"(?:,[\"”’']?|[\"”’'],)\s+(?:\S+\s+){0,8}$")
_PASSIVE_RE = lazy_compile(r"(?i)\b(?:is|was|were|are|been|be|being)\s+(?:\w+ly\s+)?$")
# An attribution that a missing pair of marks has left inside the quote:
# “We sold it to Iraq, he said. Without the program …”
_INNER_TAG_RE = lazy_compile(
    rf"[,?!]\s+(?:he|she|they|it|\p{{Lu}}[\w’'.-]+(?:\s+\p{{Lu}}[\w’'.-]+){{0,3}})\s+"
    rf"(?:{trie(['said', 'says', 'added', 'adds', 'told', 'asked', 'explained', 'wrote', 'continued'])})[.,;]"
)

# -- the structures -------------------------------------------------------------

# Introduces the paragraphs after it: "Following are extracts from the
# communique", "The text of the statement reads as follows".
_DOCUMENT_INTRO_RE = lazy_compile(
    r"(?i)\bas\s+follows\b|\bfollowing\s+(?:is|are)\b|\b(?:excerpts?|extracts?)\s+(?:from|of)\b|\btext\s+of\b"
)
_DOCUMENT_INTRO_WORDS = ("ollow", "xcerpt", "xtract", "ext of")  # found case-blind
# ... and the paragraph that says everything after it is the document.
_DOCUMENT_FOLLOWS_RE = lazy_compile(
    r"(?:Following\s+(?:is|are)|(?:Here|These|Below)\s+(?:is|are)\s+(?:the\s+)?(?:full\s+)?"
    r"(?:text|excerpts?|extracts?|highlights|transcript))\b",
)
# A speaker named as a label before the quote, as in a match report's
# reactions: "- Bolton boss Sam Allardyce “I am bitterly disappointed…”". The
# label is a dash or bullet (masked in Markdown lists) and ends in a name of
# two capitalised words: "- Finally “…”" and "- On Monday “…”" name no one.
# A paragraph opening with a bare colon is a label a converter stripped
# (": “I remember going to see him…”" in an as-told-to piece).
_LABEL_RE = lazy_compile(
    r"[\s\x00]*(?:[-–—•*]\s+|\x00\s*)[^\n\"“”:.]{0,60}?"
    r"(?<!\S)(?!(?:On|In|At|By|The|Then|Finally|Meanwhile|Later|Monday|Tuesday|Wednesday|Thursday|Friday"
    r"|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November"
    r"|December)\b)\p{Lu}[\p{L}’'-]+\s+\p{Lu}[\p{L}’'-]+\s*"
)
_STRIPPED_LABEL_RE = lazy_compile(r"[\s\x00]*:\s")
# A label after the quote, or on the next line: "“…” — Raj Chetty, speaking at…".
_DASH_LABEL_RE = lazy_compile(r"[\s\x00]*(?:[—–]|--?)\s*\p{Lu}")
# A sentence that points back at a quote before it: "So runs the first line
# of …", "Those six simple words have emerged …", "This twist on Emma
# Lazarus’ poem, as delivered by …", "These were the words of …".
_BACK_REFERENCE_RE = lazy_compile(
    r"[\s\x00]*(?:(?:So|Thus)\s+\p{Ll}+|(?:This|That|These|Those|Such)\b[^.!?\n]{0,80}?\b"
    r"(?:words?|lines?|phrases?|question|advice|slogan|motto|message|verdict|plea|warning|refrain|sentiment"
    r"|mantra|lament|boast|promise|pledge|vow|claim|tweets?|posts?|remarks?|comments?|statement|quote"
    r"|quotation|poem|lyrics?|verse|saying|maxim|credo|creed|rallying|cry|chant|greeting|answer|reply"
    r"|response|description|assessment|observation|view|twist|passage|opening|headline|text|letter|note))\b"
)
# A question naming whose words follow: "Harvey's bottom line? “…”", "Her advice: “…”".
_ASKS_FOR_RE = lazy_compile(
    r"(?:\p{Lu}[\w.-]*[’']s?|His|Her|Their|Its|My|Our)\s+(?:[\w’'-]+\s+){0,3}[\w’'-]+[?:][\s\x00]*$"
)
# A letter quoted in an advice column: "“Dear Doctor: …", "Dear Abby,".
_SALUTATION_RE = lazy_compile(r"[\s\x00\"“'‘]*Dear\s+\p{Lu}[^:,\n.!?]{0,40}[:,]")
# A list item's number before a quote ("3. “…,” The Boston Globe"): a title.
_LIST_NUMBER_RE = lazy_compile(r"[\s\x00]*(?:\d{1,3}[.)]|[•*])[\s\x00]*$")
_HEADLINE_INTRO_RE = lazy_compile(r":\s*[\"“‘'„]")
# A word, with the full stops inside an abbreviation ("U.S") but not the one after it.
_WORD_RE = lazy_compile(r"[\p{L}\d](?:[\p{L}\d’'&-]|\.(?=[\p{L}\d]))*")

#: Bullets and other markers that may stand before a quote opening a paragraph.
_MARKERS = " \t\n\x00♦•◆▪►‣*–—-"
# The word before a quote woven into a sentence that names what follows as a
# title: "the report “…”", "a book titled “…”".
_TITLE_WORDS = frozenset(
    """titled entitled headlined dubbed named nicknamed called book books report reports article articles
    study paper film movie documentary song songs album series essay column op-ed editorial novel memoir
    play poem show program programme podcast headline slogan motto banner sign signs campaign exhibition
    guide textbook pamphlet bill act question phrase words term expression saying adage catchphrase mantra
    refrain chant message line caption hashtag tagline""".split()
)
# Small words a title in title case leaves in lower case.
_MINOR_WORDS = frozenset("a an the and or but of in on at to for by with from as vs nor".split())
# A tag starting with one of these is a new clause, not "…,” she said".
_NOT_A_TAG = frozenset(
    """although though but and or nor yet while whereas because since as if unless until when whenever
    where after before so then than that which who whom whose to in on at for with from of into onto
    about over under even not also instead rather despite""".split()
)
# Forms of "be" and the like: "Sanders is “…”" says what Sanders is, not who speaks.
_COPULAS = frozenset("is are was were be been being am seems seemed remains remained became becomes".split())
_PREPOSITIONS = frozenset(
    "at in on of for to from with by about into over under like as than per via among between".split()
)
_DETERMINERS = frozenset("a an the his her their its our my your this that these those some any no two".split())
# Past tenses no -ed rule finds, for a tag or lead-in whose verb is not a speech verb.
_IRREGULAR_PAST = frozenset(
    """made gave took put got went came saw knew held kept left set sent shot hit ran read began sang swore
    struck threw drew led let meant heard found told said wrote spoke felt thought brought bought fought
    sought taught caught won lost paid laid stood understood""".split()
)
_NOT_PAST = frozenset(
    """indeed need needed speed hundred united red bed shed seed feed breed deed greed creed bleed embed naked
    wicked sacred kindred sled fled bred freed""".split()
)


class _Paragraph(NamedTuple):
    """A body paragraph and its outermost double quotes, in order."""

    at: int  # its index in doc.blocks
    block: Block
    quotes: list[Quote]


class Attribution(Check):
    name = "attribution"
    summary = "A paragraph of direct speech must say who is speaking."
    options = {
        "min_words": Option(Int(minimum=1), 6, "Words a quotation needs to be speech rather than a phrase."),
    }

    def run(self, doc: Document, hits: list[Hit]) -> Iterable[Finding]:
        quotes_by_block = _quotes_by_block(doc)
        if not quotes_by_block:
            return
        reader = _Reader(doc, quotes_by_block, int(self.opts["min_words"]))
        if reader.excerpt_format():
            return  # a fact check or a speech's highlights: the frame names the speaker
        document_from = reader.document_follows()
        for run in reader.runs():
            first = reader.first_speech(run)
            if first is None:
                continue
            paragraph, quote = first
            if paragraph.at > document_from:
                continue  # the text of a document the article introduced
            if not reader.attributed(run, paragraph, quote):
                yield Finding(quote.open.offset, quote.open.end, {})


class _Reader:
    """One document's paragraphs, read for speech and its attribution."""

    def __init__(self, doc: Document, quotes_by_block: dict[int, list[Quote]], min_words: int) -> None:
        self.doc, self.prose, self.blocks = doc, doc.prose, doc.blocks
        self.quotes_by_block = quotes_by_block
        self.min_words = min_words
        # Both asked while grouping runs and again while judging them: kept.
        self._introduces: dict[int, bool] = {}
        self._reports: dict[int, str] = {}

    def paragraph(self, at: int) -> _Paragraph:
        return _Paragraph(at, self.blocks[at], self.quotes_by_block.get(at, []))

    # -- runs ------------------------------------------------------------------

    def runs(self) -> Iterable[list[_Paragraph]]:
        """Body paragraphs grouped into runs of one speaker's speech.

        A paragraph carries on into the next when its quote runs on, when it
        introduces the next (a colon, "as follows"), or when the next opens
        with a quotation mark and this one quotes someone or reports speech.
        """
        run: list[_Paragraph] = []
        blocks = self.blocks
        for at, block in enumerate(blocks):
            if block.kind != "body":
                continue
            paragraph = self.paragraph(at)
            run.append(paragraph)
            next_block = blocks[at + 1] if at + 1 < len(blocks) else None
            if next_block is None or not self._linked(paragraph, next_block):
                yield run
                run = []
        if run:
            yield run

    def _linked(self, paragraph: _Paragraph, next_block: Block) -> bool:
        quotes = paragraph.quotes
        if quotes and quotes[-1].continues:
            return True
        if _broken_between(self.prose, paragraph.block, next_block):
            return True  # one paragraph broken in two (a dropped link or name)
        if paragraph.at + 1 not in self.quotes_by_block:
            return False  # nothing quoted to carry on into: most paragraphs
        if self.introduces(paragraph):
            return True
        if not _opens_with_quote(self.prose, next_block):
            return False
        if any(self.real(quote) for quote in quotes):
            return True
        reported = self._reporting(paragraph)
        if reported in ("report", "records"):  # a report does not say "I": a quote that does is someone else's
            opening = _opening(next_block)
            if reported == "records" and _FIRST_PERSON_PLURAL_RE.search(self.prose, *opening):
                return False  # nor do filings say "we"
            return not _FIRST_PERSON_RE.search(self.prose, *opening)
        return reported == "words"

    def introduces(self, paragraph: _Paragraph) -> bool:
        known = self._introduces.get(paragraph.at)
        if known is None:
            known = self._introduces[paragraph.at] = self._introduces_next(paragraph)
        return known

    def _introduces_next(self, paragraph: _Paragraph) -> bool:
        """A paragraph ending in a colon ("He said:") or naming a document
        that follows ("Following are extracts from the communique")."""
        prose, block = self.prose, paragraph.block
        if prose.find(":", max(block.start, block.end - 3), block.end) != -1:
            if prose[block.start : block.end].rstrip(" \"'“‘").endswith(":"):
                return True
        if not _has_any(prose, block.start, block.end, _DOCUMENT_INTRO_WORDS):
            return False  # not in the paragraph, so in none of its gaps: most paragraphs
        return any(
            _DOCUMENT_INTRO_RE.search(prose, start, end)
            for start, end in self.gaps(paragraph)
            if _has_any(prose, start, end, _DOCUMENT_INTRO_WORDS)
        )

    def reports_speech(self, paragraph: _Paragraph) -> bool:
        return self._reporting(paragraph) != ""

    def _reporting(self, paragraph: _Paragraph) -> str:
        known = self._reports.get(paragraph.at)
        if known is None:
            known = self._reports[paragraph.at] = self._reported_by(paragraph)
        return known

    def _reported_by(self, paragraph: _Paragraph) -> str:
        """How the paragraph reports someone's words, outside its quotes, so
        that a quote opening the next paragraph is theirs: "words" (a verb of
        saying, a statement someone issued), "report" (only by citing a
        report or a study: "about 52% full, according to the district's
        facilities report"), "records" (only by citing records: "according
        to state campaign finance filings"), or "" (it does not)."""
        prose, floor = self.prose, paragraph.block.start
        cited: list[str] = []
        for start, end in self.gaps(paragraph):
            for word in _publications(prose, start, end, owned=True):
                if word not in _IMPERSONAL:
                    return "words"
                cited.append(word)
            for verb in _speech_verbs(prose, start, end, _REPORTING):
                if _in_relative_clause(prose, start, verb.start) or not _reports_words(prose, verb, floor, end):
                    continue
                if verb.word != "according to":
                    return "words"
                # "according to" sources the paragraph's facts, not the next
                # one's words: "368 patients were waiting, according to Nova
                # Scotia Health." leaves the quote after it with no speaker.
                # A document it names may be quoted ("according to the report").
                document = _REPORT_AFTER_RE.match(prose, verb.end, end)
                if document is not None:
                    cited.append(document.group(1).lower())
        if not cited:
            return ""
        return "records" if all(word in _RECORDS for word in cited) else "report"

    def document_follows(self) -> int:
        """The index of a paragraph that says the rest of the article is a
        document's text ("VIENNA, June 29 - Following are extracts from the
        communique"), or past the end. It says so in its first words, after
        a dateline."""
        doc, prose = self.doc, self.prose
        for word in ("Following", "Here", "These", "Below"):  # str.find, in C: most articles have none
            at = prose.find(word)
            while at != -1:
                block = doc.block_at(at)
                if block is not None and block.kind == "body" and at - block.start <= 60:
                    if _DOCUMENT_FOLLOWS_RE.match(prose, at):
                        return self.blocks.index(block)  # rare: an article that quotes a document
                at = prose.find(word, at + 1)
        return len(self.blocks)

    # -- speech ----------------------------------------------------------------

    def real(self, quote: Quote) -> bool:
        return _word_count(self.prose, quote.open.offset, quote.end) >= self.min_words

    def first_speech(self, run: list[_Paragraph]) -> tuple[_Paragraph, Quote] | None:
        for paragraph in run:
            if not paragraph.quotes:
                continue  # no quotation, so no speech: most paragraphs
            speech = self.speech(paragraph)
            if speech is not None:
                return paragraph, speech
        return None

    def speech(self, paragraph: _Paragraph) -> Quote | None:
        """The quotation that makes the paragraph direct speech."""
        prose, block = self.prose, paragraph.block
        quoted_words = 0
        first: Quote | None = None
        for quote in paragraph.quotes:
            words = _word_count(prose, quote.open.offset, quote.end)
            if words < self.min_words or self.is_title(paragraph, quote):
                continue
            quoted_words += words
            first = first or quote
        if first is None:
            return None
        if self.opens_paragraph(paragraph, first):
            return first
        # Mid-sentence, speech ends in its own punctuation ("...,” he said);
        # a title does not ('the report, "Our failing schools", said').
        ends_like_speech = first.close is None or prose[first.close.offset - 1 : first.close.offset] in ",.!?…"
        return first if ends_like_speech and quoted_words * 2 > _word_count(prose, block.start, block.end) else None

    def is_title(self, paragraph: _Paragraph, quote: Quote) -> bool:
        """A title: after a naming word ("the report “…”"), in title case
        ("a “Salute to the Heroes of …”"), a list item's ("3. “…”"), a
        line of display type (a pull quote set as a subhead, with no
        sentence punctuation at its end), or the subject of a verb (a lyric,
        a slogan: "“Keep calm and carry on” is printed on the mugs")."""
        prose, start, opening = self.prose, paragraph.block.start, quote.open.offset
        lead = prose[max(start, opening - 40) : opening]
        words = lead.split()
        # No punctuation of its own before the closing mark: not a sentence spoken.
        unpunctuated = quote.close is not None and prose[quote.close.offset - 1 : quote.close.offset].isalnum()
        if words:
            if words[-1][-1:] in ".)•*" and _LIST_NUMBER_RE.fullmatch(prose, _with_marker(prose, start), opening):
                return True
            if words[-1].lower().strip(",") in _TITLE_WORDS and not lead.rstrip().endswith(","):
                return True
        elif unpunctuated and len(paragraph.quotes) == 1 and self.quote_only(paragraph):
            return True
        if unpunctuated and quote.close is not None:
            if _QUOTED_SUBJECT_RE.match(prose, quote.close.end, paragraph.block.end):
                return True
        return _title_case(prose[quote.open.end : quote.end])

    # -- attribution -------------------------------------------------------------

    def attributed(self, run: list[_Paragraph], paragraph: _Paragraph, quote: Quote) -> bool:
        """Whether the run that ``quote`` (in ``paragraph``) starts says who
        speaks, or is no one's speech to attribute."""
        if self.names_speaker(paragraph):
            return True
        if any(self.introduces(member) for member in run if member is not run[-1]):
            return True  # "He rifled off his own tweet:" then the tweet
        if self.dangling_tag(paragraph, quote):
            return False  # "…,” a spokesman for the association.": the "said" was lost
        if any(self.names_speaker(member) for member in run if member is not paragraph):
            return True
        if any(self.introduces(member) or self.reports_speech(member) for member in run if member is not run[-1]):
            return True  # a lead-in paragraph linked to the quote after it
        if self.broken(paragraph, quote) or self.letter(run, paragraph) or self.dialogue(paragraph):
            return True
        return self.opens_paragraph(paragraph, quote) and (
            self.pointed_back_at(paragraph, quote) or self.introduced_by_headline(paragraph)
        )

    def names_speaker(self, paragraph: _Paragraph) -> bool:
        """An attribution in the paragraph: beside a quote, or anywhere outside its quotes."""
        prose = self.prose
        gaps = self.gaps(paragraph)
        if any(_says(prose, start, end) for start, end in gaps):
            return True
        for start, end in gaps:
            if _published(prose, start, end):
                return True
            for verb in _speech_verbs(prose, start, end, _ANYWHERE):
                if not _in_relative_clause(prose, start, verb.start):
                    return True
        if paragraph.quotes:
            label_from = _with_marker(prose, gaps[0][0])
            if _LABEL_RE.fullmatch(prose, label_from, gaps[0][1]) or _STRIPPED_LABEL_RE.match(prose, label_from):
                return True
        return any(self.tagged(paragraph, q) or self.led_in(paragraph, q) for q in paragraph.quotes)

    def tagged(self, paragraph: _Paragraph, quote: Quote) -> bool:
        """A tag after the quote in its sentence: "…,” Pelosi, D-Calif., echoed"."""
        if _DASH_LABEL_RE.match(self.prose, quote.end, self._tag_end(paragraph, quote)):
            return True  # "“…” — Tyler Merritt, CEO"
        words = self._tag_words(paragraph, quote)
        return bool(words) and (_speech_word_in(words) or any(map(_looks_past, words)))

    def dangling_tag(self, paragraph: _Paragraph, quote: Quote) -> bool:
        """A tag that names someone and has no verb: "…,” Anthony O'Reilly,
        chairman." The attribution was lost in editing, whatever the
        paragraph before says (it may be someone else's)."""
        words = self._tag_words(paragraph, quote)
        return bool(words) and not self.tagged(paragraph, quote)

    def _tag_words(self, paragraph: _Paragraph, quote: Quote) -> list[str]:
        """The first words of the tag a quote hands its sentence on to, an
        apposition taken out; none if the sentence ends with the quote or
        goes on with a new clause ("…,” although she …")."""
        prose = self.prose
        if quote.close is None:
            return []
        before_close = prose[quote.close.offset - 1 : quote.close.offset]
        if before_close not in (",", "?", "!", "—", "–", "-", "…") and prose[quote.end : quote.end + 1] != ",":
            return []
        tag = prose[quote.end : self._tag_end(paragraph, quote)].lstrip(" ,\t\n\x00")
        words: list[str] = _WORD_RE.findall(_without_apposition(tag))[:8]
        if not words or words[0].lower() in _NOT_A_TAG:
            return []
        return words

    def led_in(self, paragraph: _Paragraph, quote: Quote) -> bool:
        """A lead-in before the quote in its sentence: a colon or a dash, a comma
        after speech, or the reporter's own clause with a verb; or a question
        just before it that names the speaker."""
        prose = self.prose
        start = self._sentence_start(paragraph, quote)
        lead = prose[start : quote.open.offset].rstrip(" \t\n\x00")
        if not lead:
            previous = self._sentence_at(start - 1) if start > paragraph.block.start else None
            return previous is not None and bool(_ASKS_FOR_RE.search(prose, previous.start, quote.open.offset))
        if lead.endswith(":") or _published(prose, start, quote.open.offset):
            return True
        words = _WORD_RE.findall(lead)
        if lead.endswith(("—", "–", "--", " -")):
            return len(words) >= 2
        if lead.endswith(","):
            return _speech_word_in(words) or (bool(words) and _looks_past(words[-1]))
        if not lead[-1].isalnum():
            return False
        return _speech_word_in(words) or _has_verb(words)

    def opens_paragraph(self, paragraph: _Paragraph, quote: Quote) -> bool:
        return not self.prose[paragraph.block.start : quote.open.offset].strip(_MARKERS)

    def pointed_back_at(self, paragraph: _Paragraph, quote: Quote) -> bool:
        """The sentence after a paragraph-opening quote points back at it ("So
        runs the first line of …", "— Raj Chetty"), or, for a quote-first
        lede, names its speaker. After a run of paragraphs of nothing but
        quotes, the sentence after the run ("These were the words of …")."""
        prose, block = self.prose, paragraph.block
        if prose[quote.end : block.end].strip(_MARKERS):
            start = quote.end
            end = self._sentence_end(start, block.end)
        else:
            at = paragraph.at + 1
            while at < len(self.blocks) and self.blocks[at].kind == "body" and self.quote_only(self.paragraph(at)):
                at += 1
            if at >= len(self.blocks) or self.blocks[at].kind != "body":
                return False
            start = self.blocks[at].start
            end = self._sentence_end(start, self.blocks[at].end)
        if _DASH_LABEL_RE.match(prose, start, end) or _BACK_REFERENCE_RE.match(prose, start, end):
            return True
        return self.is_lede(paragraph) and _has_speech_verb(prose, start, end, _ANYWHERE)

    def introduced_by_headline(self, paragraph: _Paragraph) -> bool:
        """A quote-first lede whose headline or standfirst introduces it
        ("Trump on Syria's Kurds: “They're not angels”", "X says …")."""
        if not self.is_lede(paragraph):
            return False
        for block in self.blocks[: paragraph.at]:
            if block.kind in ("headline", "standfirst"):
                if _HEADLINE_INTRO_RE.search(self.prose, block.start, block.end):
                    return True
                if _has_speech_verb(self.prose, block.start, block.end, _ANYWHERE):  # "says", not "report"
                    return True
        return False

    def is_lede(self, paragraph: _Paragraph) -> bool:
        return all(block.kind != "body" for block in self.blocks[: paragraph.at])

    def broken(self, paragraph: _Paragraph, quote: Quote) -> bool:
        """Marks that do not pair as written (a closing mark missing, a quote
        opened inside a quote of the same kind) swallow what follows, the
        attribution too; or a closing and opening pair around ", he said." is
        missing. The quotes rules report the marks: one problem, once."""
        block, analysis = paragraph.block, self.doc.quotes
        for marks in (analysis.unbalanced, analysis.nested):
            index = bisect.bisect_left(marks, block.start, key=_mark_offset)
            if index < len(marks) and marks[index].offset < block.end:
                return True
        return _INNER_TAG_RE.search(self.prose, quote.open.end, quote.end) is not None

    def letter(self, run: list[_Paragraph], paragraph: _Paragraph) -> bool:
        """A letter quoted in an advice column ("“Dear Doctor: …"), or a
        paragraph of one."""
        prose = self.prose
        if any(_SALUTATION_RE.match(prose, member.block.start, member.block.end) for member in run):
            return True
        previous = self.blocks[paragraph.at - 1] if paragraph.at > 0 else None
        return previous is not None and _SALUTATION_RE.match(prose, previous.start, previous.end) is not None

    def dialogue(self, paragraph: _Paragraph) -> bool:
        """A scene told in dialogue: quotes exchanged in one paragraph ("“Where?”
        “Here.”"), or short paragraphs of nothing but a quote, one after
        another, with a question among them."""
        if self.exchange(paragraph):
            return True
        if not self.quote_only(paragraph):
            return False
        talk = [paragraph]
        for at in range(max(0, paragraph.at - 2), min(len(self.blocks), paragraph.at + 3)):
            if at != paragraph.at and self.blocks[at].kind != "headline":
                other = self.paragraph(at)
                if self.quote_only(other):
                    talk.append(other)
        return len(talk) > 1 and any(self.asks(member) for member in talk)

    def exchange(self, paragraph: _Paragraph) -> bool:
        quotes, prose = paragraph.quotes, self.prose
        return any(
            earlier.close is not None and not prose[earlier.end : later.open.offset].strip(_MARKERS)
            for earlier, later in zip(quotes, quotes[1:])
        )

    def quote_only(self, paragraph: _Paragraph) -> bool:
        """Nothing but quotes (and punctuation) in the paragraph."""
        prose = self.prose
        return bool(paragraph.quotes) and not any(
            any(char.isalnum() for char in prose[start:end]) for start, end in self.gaps(paragraph)
        )

    def asks(self, paragraph: _Paragraph) -> bool:
        prose = self.prose
        return any(
            quote.close is not None and "?" in prose[quote.open.offset : quote.end] for quote in paragraph.quotes
        )

    def excerpt_format(self) -> bool:
        """Excerpts set under subheads, three times or more: a fact check of one
        speech, a speech's highlights, a scorecard of one letter. The article's
        frame names the speaker once for all of them."""
        count = 0
        blocks, prose = self.blocks, self.prose
        for at in range(1, len(blocks)):
            block, previous = blocks[at], blocks[at - 1]
            if block.kind == "body" and previous.kind == "body" and _opens_with_quote(prose, block):
                if _is_subhead(prose[previous.start : previous.end]):
                    count += 1
                    if count >= 3:
                        return True
        return False

    # -- spans -----------------------------------------------------------------

    def gaps(self, paragraph: _Paragraph) -> list[tuple[int, int]]:
        """The stretches of the paragraph outside its quotes."""
        gaps: list[tuple[int, int]] = []
        position = paragraph.block.start
        for quote in paragraph.quotes:
            gaps.append((position, quote.open.offset))
            position = max(position, quote.end)
        gaps.append((position, paragraph.block.end))
        return gaps

    def _sentence_start(self, paragraph: _Paragraph, quote: Quote) -> int:
        """Where the sentence holding the quote's opening mark starts, or the
        end of the quote before it, whichever is later."""
        sentence = self._sentence_at(quote.open.offset)
        start = max(paragraph.block.start, sentence.start if sentence else paragraph.block.start)
        position = bisect.bisect_left(paragraph.quotes, quote.open.offset, key=_open_offset)
        if position > 0:
            start = max(start, paragraph.quotes[position - 1].end)
        return start

    def _tag_end(self, paragraph: _Paragraph, quote: Quote) -> int:
        """Where the quote's tag can run to: its sentence's end, or the next quote."""
        sentence = self._sentence_at(max(quote.end - 1, quote.open.offset))
        end = min(paragraph.block.end, sentence.end if sentence else paragraph.block.end)
        position = bisect.bisect_right(paragraph.quotes, quote.open.offset, key=_open_offset)
        if position < len(paragraph.quotes):
            end = min(end, paragraph.quotes[position].open.offset)
        return max(end, quote.end)

    def _sentence_end(self, start: int, limit: int) -> int:
        sentence = self._sentence_at(start)
        return min(limit, sentence.end) if sentence and sentence.end > start else limit

    def _sentence_at(self, offset: int) -> Span | None:
        index = bisect.bisect_right(self.doc.sentence_starts, offset) - 1
        return self.doc.sentences[index] if index >= 0 else None


def _mark_offset(mark: Mark) -> int:
    return mark.offset


def _open_offset(quote: Quote) -> int:
    return quote.open.offset


def _reports_words(prose: str, verb: _Verb, floor: int, ceiling: int) -> bool:
    """Whether a speech verb reports words, not an act: "…, the bowler
    declared.", "said the attack lacked value", "described what happened",
    "tweeted his frustration"; not "announced the plan after a meeting" or
    "the decision was announced by Mr Stoltenberg" (a thing announced)."""
    if _PASSIVE_RE.search(prose, max(floor, verb.start - 20), verb.start):
        return False
    if verb.word in _WORDS_VERBS:
        return True
    if verb.word not in _TAG_ONLY and _CONTENT_CLAUSE_RE.match(prose, verb.end, ceiling):
        return True
    # A tag that ends the reported sentence: "…, the bowler declared."
    return bool(
        _CLAUSE_END_RE.match(prose, verb.end, ceiling)
        and _TAG_START_RE.search(prose, max(floor, verb.start - 80), verb.start)
    )


def _published(prose: str, start: int, end: int) -> bool:
    """Whether ``prose[start:end]`` says where words were published: "in a
    statement", "on Twitter", "per the memo", "as follows"."""
    return next(_publications(prose, start, end), None) is not None


def _publications(prose: str, start: int, end: int, owned: bool = False) -> Iterator[str]:
    """The words of ``prose[start:end]`` that say where words were published
    (see _published), in lower case: "statement", "twitter", "report"; with
    ``owned``, also whose words they were ("issued a statement", "Trump’s
    comments")."""
    for match in _CUE_RE.finditer(prose, start, end):
        word, at = match.group().lower(), match.start()
        before = max(start, at - 60)
        if word in _MEDIA_WORDS:
            found = _MEDIA_BEFORE_RE.search(prose, before, at)
        elif word == "per":
            found = _PER_AFTER_RE.match(prose, match.end(), end)
        elif word == "follows":
            found = prose[before:at].lower().endswith("as ")
        elif word == "following":
            found = prose[before:at].lower().endswith("the ") or _FOLLOWING_RE.match(prose, match.end(), end)
        else:
            found = _PUBLISHED_BEFORE_RE.search(prose, before, at) or (
                owned and _OWNED_BEFORE_RE.search(prose, before, at)
            )
        if found:
            yield word


def _opening(block: Block) -> tuple[int, int]:
    """The start of a paragraph, where the quote that opens it says who speaks."""
    return block.start, min(block.end, block.start + 300)


def _has_any(prose: str, start: int, end: int, words: tuple[str, ...]) -> bool:
    """Whether any of ``words`` occurs in ``prose[start:end]`` (``str.find``, in C)."""
    return any(prose.find(word, start, end) != -1 for word in words)


def _in_relative_clause(prose: str, floor: int, offset: int) -> bool:
    return _RELATIVE_RE.search(prose, max(floor, offset - 40), offset) is not None


def _without_apposition(tag: str) -> str:
    """A tag with the apposition after its first noun phrase taken out:
    "Thomas Donohue, president of the Chamber, said this month" → "Thomas
    Donohue said this month"; an apposition that runs to the end is dropped
    ("Anthony O'Reilly, Heinz's newly elected chairman.")."""
    first = tag.find(",")
    if first == -1:
        return tag
    second = tag.find(",", first + 1)
    return tag[:first] if second == -1 else tag[:first] + " " + tag[second + 1 :]


def _looks_past(word: str) -> bool:
    """A past tense or participle by its shape: "echoed", "chanted", "quipped"."""
    lower = word.lower()
    if lower in _IRREGULAR_PAST:
        return True
    return len(lower) > 4 and lower.endswith("ed") and lower not in _NOT_PAST and word[0].islower()


def _has_verb(words: list[str]) -> bool:
    """Whether a clause has a finite verb by its shape, a form of "be" alone
    aside: a past ("characterized"), a present after a noun ("the directive
    reserves"), or a progressive ("was hosting")."""
    previous = ""
    for word in words:
        lower = word.lower()
        if _looks_past(word):
            return True
        if previous in _COPULAS and lower.endswith("ing") and len(lower) > 5:
            return True
        if (
            word.islower()
            and len(lower) > 3
            and lower.endswith("s")
            and not lower.endswith(("ss", "us", "is", "ous"))
            and previous.isalpha()
            and previous.islower()
            and previous not in _DETERMINERS
            and previous not in _PREPOSITIONS
            and previous not in _COPULAS
        ):
            return True
        previous = lower
    return False


def _broken_between(prose: str, block: Block, next_block: Block) -> bool:
    """Whether a paragraph stops mid-sentence and the next carries the
    sentence on: it starts in lower case or with punctuation, or is a short
    fragment (where a feed dropped a link or a bold name: "McCreadie told
    the" / "News Letter" / ". ''We want an explanation…")."""
    end = block.end
    while end > block.start and prose[end - 1].isspace():
        end -= 1
    last = prose[end - 1 : end]
    if not (last.isalnum() or last == ","):
        return False
    first = prose[next_block.start : next_block.start + 1]
    if first.islower() or first in ".,;:":
        return True
    fragment = prose[next_block.start : next_block.end]
    return len(fragment) <= 40 and "\n" not in fragment and fragment.rstrip()[-1:].isalnum()


def _title_case(text: str) -> bool:
    """Whether quoted words are a title in title case: three in four of its
    words capitalised, small words aside ("Salute to the Heroes of …").
    The first words decide most quotes at once."""
    first = text.split(None, 3)
    if len(first) < 3 or not (first[1][:1].isupper() or first[2][:1].isupper()):
        return False
    words = [word for word in text.split(None, 12)[:12] if word.lower().strip("\"“‘'(") not in _MINOR_WORDS]
    capitalised = sum(word.lstrip("\"“‘'(")[:1].isupper() for word in words)
    return len(words) >= 3 and capitalised * 4 >= len(words) * 3


def _is_subhead(text: str) -> bool:
    """A short line with no sentence punctuation at its end: a subhead."""
    text = text.strip().rstrip("\"'”’")
    return (
        0 < len(text.split()) <= 10
        and "\n" not in text
        and text[-1:] not in ".,;:!?…"
        and (text[:1].isupper() or text[:1].isdigit() or text[:1] in "\"'“‘")
    )


def _word_count(prose: str, start: int, end: int) -> int:
    """Words between spaces: close enough to tell a phrase from a sentence,
    and far cheaper than a regex over every paragraph."""
    return len(prose[start:end].split())


def _quotes_by_block(doc: Document) -> dict[int, list[Quote]]:
    """The outermost double quotes per block index (single marks are mostly
    titles and scare quotes in news copy, or nested quotes; a quote inside a
    quote is part of the speech around it)."""
    grouped: dict[int, list[Quote]] = {}
    if not doc.quotes.quotes:
        return grouped  # one article in seven quotes no one
    starts = [block.start for block in doc.blocks]
    reach = -1  # the end of the last outermost quote
    for quote in doc.quotes.quotes:  # sorted by opening mark
        if quote.open.kind != "double" or quote.open.offset < reach:
            continue
        reach = quote.end
        index = bisect.bisect_right(starts, quote.open.offset) - 1
        if index >= 0:
            grouped.setdefault(index, []).append(quote)
    return grouped


def _opens_with_quote(prose: str, block: Block) -> bool:
    """Whether the block opens with a quotation mark (after any bullet)."""
    text = prose[block.start : block.start + 12].lstrip(_MARKERS)
    return text[:1] in ('"', "“", "'", "‘", "„")


def _with_marker(prose: str, start: int) -> int:
    """Where a paragraph starts, its list marker included: a Markdown reader
    masks "- " and starts the paragraph after it."""
    while start > 0 and prose[start - 1] in "\x00 \t":
        start -= 1
    return start


# Characters no engine counts as word characters: "said" between two of them
# stands between word boundaries.
_NON_WORD = frozenset(" \t\r\n\"'“”‘’(),.;:!?-–—")


def _says(prose: str, start: int, end: int) -> bool:
    """The quick yes: "said", "says" or "told" as a word in ``prose[start:end]``.

    Nine attributed paragraphs in ten have one, found by ``str.find`` in C
    where the verb pattern tries its trie at every word. Each is a speech
    verb, so where this says yes the pattern would match too. Both
    neighbours are looked at inside the range, so a word cut by its edge is
    left to the pattern.
    """
    for verb in ("said", "says", "told"):
        offset = prose.find(verb, start + 1, end - 1)
        while offset != -1:
            if prose[offset - 1] in _NON_WORD and prose[offset + 4] in _NON_WORD:
                return True
            offset = prose.find(verb, offset + 1, end - 1)
    return False
