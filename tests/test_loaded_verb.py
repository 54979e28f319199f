"""claims.loaded-verb: a verb that takes sides, where the story does not earn it."""

from __future__ import annotations

import pytest

from tests.support import findings

RULE = "claims.loaded-verb"
CORE = "extends: [core]\nselect: [claims.loaded-verb]\n"
# A newsroom that also wants the verbs of concession and insistence.
ALL_VERBS = CORE + (
    "rules:\n  claims.loaded-verb:\n"
    "    terms: [claimed, claims, insisted, insists, admitted, admits, conceded, concedes]\n"
)


def loaded(text: str, config: str = CORE, path: str | None = None) -> set[tuple[int, int, str]]:
    return findings(text, config, path=path, rule=RULE)


@pytest.mark.parametrize(
    ("text", "column"),
    [
        ("President Trump claims he would be okay if the shutdown went on for years.", 17),
        ("The minister claimed that the plan had worked.", 14),
        ("“America already has that!” Trump claimed.", 35),
        ("Some critics claimed she “ran as a man.”", 14),
        ("The EC claims that Spain's entry has helped Japan.", 8),
        ("A spokesman for Yukos claims that the sale was illegal.", 23),
        # A clause with a noun subject and no "that".
        ("Nimbus claimed the phone's battery would last two days.", 8),
        ("Yukos claims its downfall was punishment for its founder's politics.", 7),
        # A threat of legal action is no legal dispute yet.
        ("Yukos has threatened legal action. Yukos claims its downfall was political.", 42),
    ],
)
def test_claimed_as_attribution_is_reported(text: str, column: int) -> None:
    assert loaded("Headline\n\n" + text) == {(3, column, RULE)}


@pytest.mark.parametrize(
    "text",
    [
        "He also challenged Clinton and State Department claims that the emails were classified.",
        "Ministers were unable to resolve Canadian claims that its fish sales had suffered.",
        "And he hit back at Labour claims he had used Mrs Dixon as a human shield.",
        "Addressing claims that the law was unenforceable, Mr Michael said it was clear.",
        "McFadden makes claims that he was beaten at his school.",
        "Lloyd's offered to meet part of the 235 mln stg in claims that investors face.",
        "Over-the-top claims that this is World War III play into their hands.",
    ],
)
def test_the_noun_claims_is_left_alone(text: str) -> None:
    assert loaded("Headline\n\n" + text) == set()


def test_a_headline_is_left_alone() -> None:
    assert loaded("Disaster claims 'less than $10bn'\n\nThe insurers said the bill was lower.") == set()


@pytest.mark.parametrize(
    "text",
    [
        # A refutation in the sentence or the two after it.
        "He claimed there is no vetting of refugees. In fact, vetting takes two years.",
        "The world reacted with skepticism after North Korea claimed that it had tested a bomb.",
        "It all made headlines.\n\nTrump claimed that China had called.\n\nBut nobody in Beijing appeared to know about a call.",
        # A ruling on the claim.
        "Yukos lost the case. However, it claimed that the court had backed its argument.",
        # A claim that is a denial: the accusation is the story.
        "Rhodes later claimed they did not mislead the public.",
        # An unknown, discredited or legal claimant.
        "One e-mail came from someone who claimed that he had lost his parents.",
        "The attacker jumped on stage and claimed he was wrongfully imprisoned.",
        "Snoop Dogg has been sued by a make-up artist who claimed he drugged her.",
        # A legal claim: lawyers', in a dispute the sentence before tells of, or a right by its nature.
        "Lawyers claimed the auction was illegal because Yukos had filed for bankruptcy.",
        "Bondi has taken legal action against the lenders. He claims the banks were aware of the problems.",
        "Orange claims the new service has infringed its rights.",
        "Trump formally claimed the documents were subject to executive privilege.",
        # A concessive in the claim's own sentence sets the facts against it.
        "Mourinho claimed his gesture was aimed at the media, although they were on the other side of the ground.",
        # An object, not a clause.
        "The blast claimed the lives of 12 people who were at the market.",
        "Ms Reyes claimed the seat he had held since 2010.",
        # The writer's own doubt, or a claim dropped later.
        "The spokesman even claimed that the president never reads polls.",
        "At first, White claimed she took the drug for narcolepsy.",
        # Not the newsroom's verb: someone's reported speech, or first-person copy.
        "Schumer told reporters that while Republicans have claimed there is no need, he disagreed.",
        "Each time there were those who claimed we could slam the brakes on change.",
        # A columnist's paragraph: first person in it, outside the quotation it holds.
        'The minister claimed councils had "more money than ever". In cash terms, this is true. '
        "It is also true that I weigh more than I did at 20.",
    ],
)
def test_a_verb_the_story_earns_is_left_alone(text: str) -> None:
    assert loaded("Headline\n\n" + text) == set()


@pytest.mark.parametrize(
    ("text", "column"),
    [
        # A time or a place between the verb and "that".
        ("NeuroVale claimed on Monday that its drug halved attacks.", 11),
        ("NeuroVale claimed in a statement on Tuesday that its drug halved attacks.", 11),
        # A numeral after a label is no first person, nor a road.
        ("NeuroVale claimed that its drug works. The crash closed I-95 for hours.", 11),
        ("The district claimed that its schools improved. Title I money paid for tutors.", 14),
        ("NeuroVale claimed that its drug halved attacks. The Phase I trial enrolled 42 adults.", 11),
    ],
)
def test_claimed_with_more_around_it_is_reported(text: str, column: int) -> None:
    assert loaded("Headline\n\n" + text) == {(3, column, RULE)}


@pytest.mark.parametrize(
    "text",
    [
        # The writer spoken to, in a sentence that quotes someone.
        'The chief executive claimed that homes would be "affordable". "Not for me," one pensioner told me.',
        # An apostrophe quotes no one.
        "Harbourside claimed last week that it would create 400 jobs. I have covered this town's waterfront for years.",
        # A pleading, where "claim" is the legal word.
        "The couples claimed in the suit that they were turned away.",
        "The couples claimed in court papers that they were turned away.",
        # A claim its maker walked back.
        "Maxwell claimed on MSNBC that he ignored race. She later walked back her comments.",
    ],
)
def test_claimed_that_the_story_earns_or_the_writer_voices(text: str) -> None:
    assert loaded("Headline\n\n" + text) == set()


def test_first_person_inside_a_quotation_is_not_the_writer() -> None:
    text = 'Headline\n\nHe claimed he was beaten. He said: "I lost three years. They broke me."'
    assert loaded(text) == {(3, 4, RULE)}


def test_a_reply_from_the_other_side_does_not_earn_it() -> None:
    text = "Headline\n\nFiat claims that GM must buy the unit. GM says the contract is no longer valid."
    assert loaded(text) == {(3, 6, RULE)}


def test_a_headline_that_doubts_the_story_earns_it() -> None:
    text = "DNC hack attack was a false alarm\n\nThe DNC claimed on Tuesday that it had thwarted an attack."
    assert loaded(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "Kelly has long insisted that Porter stay in his job.",  # a demand, not a statement
        "Democrats insisted that they stay in session until the bill passed.",
        "The president insists that the budget include money for the wall.",
        "Mr Sayeed denied the claims. He insisted that the report contained errors.",  # contested
        "Hirabayashi said progress had been made, but admitted that it was slow.",  # a concession
        "Ahold has admitted that it fraudulently inflated its allowances.",  # wrongdoing
    ],
)
def test_insisted_and_admitted_pass_where_earned(text: str) -> None:
    assert loaded("Headline\n\n" + text, ALL_VERBS) == set()


@pytest.mark.parametrize(
    ("text", "column"),
    [
        ("“It came as a bolt out of the blue to us,” admitted Lindsay.", 44),
        ("The panel insisted that casual gamers were not just women.", 11),
    ],
)
def test_insisted_and_admitted_are_reported_when_a_newsroom_lists_them(text: str, column: int) -> None:
    assert loaded("Headline\n\n" + text, ALL_VERBS) == {(3, column, RULE)}


def test_the_default_list_leaves_admitted_and_insisted_alone() -> None:
    assert loaded("Headline\n\n“It came as a bolt out of the blue,” admitted Lindsay.") == set()


def test_opinion_copy_is_left_alone() -> None:
    article = "---\ntitle: Why the plan failed\ngenre: {genre}\n---\n\nThe minister claimed that the plan had worked.\n"
    assert loaded(article.format(genre="opinion"), path="column.md") == set()
    assert loaded(article.format(genre="review"), path="column.md") == set()
    assert loaded(article.format(genre="news"), path="story.md") == {(6, 14, RULE)}
    by_path = CORE + 'overrides:\n  - files: ["opinion/**"]\n    genre: opinion\n'
    plain = "Why the plan failed\n\nThe minister claimed that the plan had worked.\n"
    assert loaded(plain, by_path, path="opinion/column.txt") == set()
    assert loaded(plain, by_path, path="news/story.txt") == {(3, 14, RULE)}
