"""Names in prose, found without a model: runs of capitalised words.

"Keir Starmer", "Procter & Gamble", "Bank of England", "Annegret
Kramp-Karrenbauer": a run of capitalised words joined by single spaces,
with the small words names carry inside them ("of", "de", "van", "&"). A
possessive ends a name ("Britain's Keir Starmer" is two), a handle or
hashtag or domain is not one (@KamalaHarris, #MeToo, FoxNews.com: they are
spelt as typed), and courtesy
titles and offices in front are not part of it ("Mr", "Prime Minister"),
though they say what kind of name follows.

Used by ``newslint learn`` to build a newsroom's names authority and by the
house-term check to hold a draft's names up against it; both must read
names the same way, so both read them here.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from newslint.lexicon import HONORIFICS, MONTHS, WEEKDAYS
from newslint.patterns import lazy_compile

#: Small words inside a name: "Bank of England", "Procter & Gamble", "Ludwig van Beethoven".
CONNECTORS = ("&", "of", "de", "du", "da", "van", "von", "der", "den", "la", "le", "del", "bin", "y")
# A capitalised word (hyphened parts and inner apostrophes kept: "Kramp-Karrenbauer",
# "O'Brien"), an acronym with stops ("U.S."), or an initial before another word.
_WORD = r"(?:\p{Lu}(?:\.\p{Lu})+\.?|\p{Lu}\.(?= \p{Lu})|\p{Lu}[\p{L}\p{M}’']*(?:-\p{L}[\p{L}\p{M}’']*)*)"
_RUN_RE = lazy_compile(rf"(?<![\w’'&.@#/-]){_WORD}(?:(?: (?:{'|'.join(CONNECTORS)}))* {_WORD})*(?![\w-]|\.\p{{Ll}})")
# What before a name makes it the start of a sentence (or of a quote, a list).
_OPENERS = frozenset(".!?:;…\"'“”‘’(-–—\n\x00")
_POSSESSIVE = ("'s", "’s", "s'", "s’")

#: Offices and courtesy titles: not part of the name after them.
TITLES = frozenset(
    (
        *HONORIFICS,
        *"""Mr. Mrs. Ms. Dr. Prof. Rev. President Vice Minister Prime Secretary General Chancellor King
    Queen Prince Princess Judge Justice Father Captain Capt Capt. Coach Manager Senator Sen. Sen Governor
    Gov. Gov Mayor Ayatollah Sheikh Rep. Rep Representative Deputy Shadow Chairman Chairwoman Director
    Commissioner Ambassador Inspector Detective Sergeant Sgt Sgt. Lt Lt. Lieutenant Colonel Col Col. Gen
    Gen. Admiral Pope Cardinal Bishop Archbishop Rabbi Imam Emperor Empress Professor Dame Lord Lady
    Baroness Baron Earl Duke Duchess Countess MP MEP MSP Senator-elect President-elect""".split(),
    )
)
#: Words that open a sentence and are never part of a name after them.
OPENING_WORDS = frozenset(
    """The A An And But Or So Yet If In On At For From By To Of With As When While Where After Before Since
    Until Although Though Because However Meanwhile Also Then Now This That These Those There Here It Its He
    She They We You I His Her Their Our My Your Some Many Most Few All Both Each Every No Not Other Another
    Such What Which Who Whom Whose Why How Last Next Earlier Later Only Even Still Under Over Despite Like
    Unlike During Without Within Against Between Among About Around Above Below Asked Speaking Writing Former
    According""".split()
)
_NOT_NAMES = frozenset((*MONTHS, *WEEKDAYS))
# The pronoun, capitalised everywhere: never a name on its own.
_PRONOUN = frozenset(("I", "I'm", "I’m", "I'd", "I’d", "I'll", "I’ll", "I've", "I’ve"))


class Name(NamedTuple):
    """A name in prose: its span, its words, and what surrounds it."""

    start: int
    end: int
    words: tuple[str, ...]
    #: It opens a sentence (its first word may be an ordinary word capitalised).
    initial: bool
    #: A courtesy title or office stood before it ("Mr", "President").
    titled: bool
    #: The lower-case word just before it ("in", "said"), or "".
    before: str

    @property
    def form(self) -> str:
        return " ".join(self.words)


def names(prose: str, start: int = 0, end: int | None = None) -> Iterator[Name]:
    """Every name in ``prose[start:end]``, in order."""
    end = len(prose) if end is None else end
    for match in _RUN_RE.finditer(prose, start, end):
        yield from _split(prose, start, match.start(), match.group())


def _split(prose: str, floor: int, offset: int, run: str) -> Iterator[Name]:
    """A run of capitalised words cut into names: after each possessive, and
    with titles, months and weekdays in front taken off."""
    initial = starts_sentence(prose, floor, offset)
    before = _word_before(prose, floor, offset)
    words: list[str] = []
    word_start = offset
    start = offset
    titled = False
    position = offset
    for word in run.split(" "):
        if not words and (word in TITLES or word in _NOT_NAMES or (initial and word in OPENING_WORDS)):
            titled = titled or word in TITLES
            initial = False  # what follows a title or an opening word is a name
            position += len(word) + 1
            start = position
            continue
        if not words and word in CONNECTORS:
            position += len(word) + 1
            start = position
            continue
        word_start = position
        position += len(word) + 1
        possessive = word.endswith(_POSSESSIVE) and len(word) > 2
        if possessive:
            word = word[:-2] if word[-2] in "'’" else word[:-1]
        words.append(word)
        if possessive:
            yield from _name(start, word_start + len(word), words, initial, titled, before)
            words, start, initial, titled, before = [], position, False, False, ""
    yield from _name(start, word_start + len(words[-1]) if words else start, words, initial, titled, before)


def _name(start: int, end: int, words: list[str], initial: bool, titled: bool, before: str) -> Iterator[Name]:
    while words and words[-1] in CONNECTORS:  # "Bank of" before a lower-case word
        words = words[:-1]
    if words and not (len(words) == 1 and words[0] in _PRONOUN):
        yield Name(start, start + len(" ".join(words)), tuple(words), initial, titled, before)


def starts_sentence(prose: str, floor: int, offset: int) -> bool:
    """Whether ``offset`` opens a sentence, a quote or a line: only spaces
    lie between it and a full stop, an opening mark, a dash or ``floor``."""
    index = offset - 1
    while index >= floor and prose[index] in " \t":
        index -= 1
    return index < floor or prose[index] in _OPENERS


def _word_before(prose: str, floor: int, offset: int) -> str:
    """The lower-case word just before ``offset``, across one space."""
    index = offset - 1
    if index < floor or prose[index] != " ":
        return ""
    stop = index
    while index > floor and prose[index - 1].isalpha():
        index -= 1
    word = prose[index:stop]
    return word if word.islower() else ""


#: Common Chinese family names in Hanyu Pinyin, which news writes first
#: ("Chen Jiahua", "Wang Yi"): the word after one is a given name.
CHINESE_FAMILY_NAMES = frozenset(
    """Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Lin Gao Luo Zheng Liang Xie
    Song Tang Han Feng Deng Cao Peng Zeng Xiao Tian Dong Pan Yuan Cai Jiang Yu Du Ye Cheng Wei Su Lu Ding
    Ren Shen Yao Jin Fu Cui Tan Liao Zou Xiong Qiu Qin Shi Jia Xia Fang Bai Zhong Wan Kong Hou Yin Qian
    Lei Long Duan Hao Tao Mao Gu Meng Wen Mo Kang Xue Qi Yan Niu Zhan Dai Geng Hua Chang Ge Lai Luan""".split()
)
# A syllable of Hanyu Pinyin (tone marks dropped): an initial, then a final
# ("er" stands alone).
_PINYIN_SYLLABLE = (
    r"(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|an|en|ia|ie|iu|in|ua|uo|ui|un|ue|a|o|e|i|u|v)"
    r"|er)"
)
_PINYIN_GIVEN_NAME_RE = lazy_compile(rf"(?i)(?:{_PINYIN_SYLLABLE}){{2,3}}", engine="re")


def chinese_given_name(word: str) -> bool:
    """Whether ``word`` reads as a Chinese given name of two or three
    syllables of Pinyin ("Jiahua", "Xiaoming"; not "Anderson")."""
    return _PINYIN_GIVEN_NAME_RE.fullmatch(word) is not None
