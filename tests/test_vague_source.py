"""claims.vague-source: the shapes of vague sourcing, and what answers them."""

from __future__ import annotations

import pytest

from tests.support import findings

RULE = "claims.vague-source"
CONFIG = "extends: [core]\nselect: [claims.vague-source]\n"


def vague(text: str) -> set[tuple[int, int, str]]:
    return findings("Headline\n\n" + text, CONFIG, rule=RULE)


@pytest.mark.parametrize(
    ("text", "column"),
    [
        ("The deal is off, according to one report.", 18),
        ("It was announced that the plant would close.", 1),
        ("A poll showed most voters backed the plan.", 1),
        ("Some critics claimed she “ran as a man.”", 6),  # "critics claimed": critics are vague alone
        ("Many broadcast analysts agree that the deal is good.", 1),
        ("Goldstein was fired from his job, Fox News is told.", 35),
        ("The deal was confirmed by a person familiar with the matter.", 27),
        ("“We will win,” one conservative warned in an interview.", 16),
        ("Industry sources said output would fall.", 10),
        ("There have been reports that the group is recruiting.", 1),
        ("It was gathered that the refinery would reopen.", 1),  # Nigerian papers' formula
        ("It was also gathered that the refinery would reopen.", 1),
        # One of a group that is vague on its own, as "one source said".
        ("A source said the deal was off.", 1),
        ("The speech has been delayed, a senior campaign source said.", 30),
        ("The rise will lift prices, an agricultural expert claimed.", 28),
        # The media without an outlet.
        ("Local media reported that the culverts were undersized.", 1),
        ("One person died in Tibet, local media said.", 27),
        ("The Japanese press has reported that he proposed a freeze.", 5),
        ("According to local media, most of the dead suffocated.", 1),
        # Anonymity asked for, with no reason given, after a comma too.
        ("A senior official, who did not wish to be named, said the survey was late.", 3),
        ("A source, who asked not to be named, said the survey was late.", 1),
        ("A club member, who did not wish to be named, said the vote was rigged.", 1),
        ("A dealer who did not wish to be named said the naira would weaken.", 1),
        ("“We are not there yet,” said a GOP leadership aide close to the issue.", 36),
    ],
)
def test_the_shapes_of_vague_sourcing_are_reported(text: str, column: int) -> None:
    assert vague(text) == {(3, column, RULE)}


@pytest.mark.parametrize(
    "text",
    [
        # Named in the same sentence.
        "According to reports in the Hollywood Reporter, the film will be made.",
        "A Gallup poll showed most voters backed the plan.",
        "It is thought he took no card numbers, said Mr Dobrow.",
        "Critics say the plan is flawed, concerns echoed in a 2014 inspector general's report.",
        # The paper itself.
        "Three sources told the Gazette that the deal was off.",
        "A source told the Gazette that the deal was off.",
        # A source of something, an expert witness: no source speaking.
        "A source of income said to be worth millions has gone.",
        "An expert witness said the wall was unsafe.",
        # A publication that reported it, citing them.
        "Reuters first reported on Feb. 17 that the two were in talks, citing people familiar with the matter.",
        "The Wall Street Journal, citing people familiar with the matter, reported on Feb. 17 that talks began.",
        "The newspaper reported that talks had stalled, citing people familiar with the matter.",
        "Police found nothing, despite Znak.com claiming an anonymous source described a depot.",
        "The State Journal-Register reported, citing two people familiar with the investigation, that it was off.",
        "Japan's Nikkei newspaper reported last month, citing people familiar with the matter, that talks began.",
        "The Qatari daily Al-Sharq reported on Sunday, citing sources close to the project, that work was late.",
        "Okafor was the first choice, a club source said.",
        "Clarín reported on Sunday, citing people familiar with the talks, that duties would fall.",
        "Prosecutor Jane Atieno told the court that a source had told detectives the notes were signed early.",
        # Tied to a named institution.
        "Treasury sources said the budget would balance.",
        "Bank of Japan sources said rates would hold.",
        "Central bank sources said rates would hold.",
        "Phillips shares rose, a company source said.",
        "Shares rose, a White House source said.",
        # Pointing back to sources already described.
        "Three sources close to the inquiry told the Gazette he would quit. The sources said a report was ready.",
        # A poll's result, a split described, a label, a comparison.
        "One-third of GOP insiders said the party would lose.",
        "Republicans are divided. Some believe the bill goes too far.",
        "Clinton pursued what some call snub diplomacy.",
        "He is not as badly hurt as some reports have suggested.",
        # Someone else's reported speech.
        "Mr Blair acknowledged some people believed he was too close to Israel.",
        # Anonymous, and why: what the stylebooks ask of an anonymous source.
        "The fee could rise, according to a person with knowledge of the negotiations, who asked not to be named "
        "because the details of the deal are confidential.",
        "The raise is $1, according to two people familiar with the matter who asked not to be identified "
        "discussing pay.",
        "Two people familiar with the talks said, on condition of anonymity to discuss internal deliberations, "
        "that the fee would rise.",
        "A source who was not authorised to speak to the media said the fee would rise.",
        "Talks are under way, according to the aide, who asked not to be identified when talking about them.",
        "A senior council officer, who did not wish to be named when talking about staffing, said it was hard.",
        # One more of the sources just described, with their reason.
        "OPEC+ will raise output, three sources told Reuters, declining to be named because they were not "
        "authorised to speak.\n\nA fourth source said a pause was possible.",
        # Some of the group the sentence is about.
        "Relatives of Dr Wekesa packed the courtroom, and some said outside court that they would appeal.",
        # Some of a group that spoke earlier in the sentence.
        "Traders on the NGX said the naira would hold, and some said it could firm.",
        "Traders said they saw a smaller cut as likely, and some said a pause could not be ruled out.",
        "Hotel owners said it was the best season, though some warned that prices were rising.",
        # A survey named in the next sentence as the index it compiles.
        "Output rose at the fastest pace in a year, a private survey showed. The S&P Global Vietnam Manufacturing "
        "Purchasing Managers' Index rose to 53.1.",
        # State media is one broadcaster or agency; a press office is no press.
        "State media said the plant had closed.",
        "The press office said the plant had closed.",
        "According to the press secretary, the plant had closed.",
    ],
)
def test_what_answers_the_question_is_left_alone(text: str) -> None:
    assert vague(text) == set()


def test_a_summary_line_then_a_named_expert_is_answered() -> None:
    text = (
        "North Korea is unlikely to give up its weapons, experts say.\n\n"
        "“They see them as a guarantee,” said John Delury, a professor at Yonsei University."
    )
    assert vague(text) == set()


def test_one_anonymous_source_stays_anonymous_whoever_speaks_next() -> None:
    text = "Lille wanted £25m, a source said. Olivier Renard, Lille's sporting director, said it was not for sale."
    assert vague(text) == {(3, 20, RULE)}


def test_one_source_after_a_named_speakers_clause_is_vague() -> None:
    text = "Adaeze Nwankwo confirmed the audit, and a source said the report was ready."
    assert vague(text) == {(3, 41, RULE)}


def test_local_media_is_no_publication() -> None:
    text = "Local media reported on Sunday, citing people familiar with the matter, that he had resigned."
    assert vague(text) == {(3, 40, RULE)}


def test_a_ratings_agency_that_says_so_next_answers_a_group() -> None:
    text = (
        "Some analysts say supply is the main risk.\n\n"
        "Fitch Ratings warned in a report in February that prices could fall by up to 15 percent."
    )
    assert vague(text) == set()


def test_a_ratings_service_that_says_so_next_answers_a_group() -> None:
    text = "Some analysts warn of defaults.\n\nMoody's Investors Service said in a note that defaults would rise."
    assert vague(text) == set()


def test_a_name_alone_does_not_answer_a_group() -> None:
    """The story's own subject speaking next is no expert answering."""
    text = "The economy is slowing, experts believe.\n\nMr Bush said the outlook was good."
    assert vague(text) == {(3, 25, RULE)}


def test_one_of_the_group_introduced_in_the_next_sentence_answers_it() -> None:
    said = "Some residents said they would not go back."
    introduced = " Rosalind Tate, 64, who has lived in Peoplestown for 30 years, said she had nothing left."
    assert vague(said + introduced) == set()
    # Only the very next sentence: a new scene's speaker in the next paragraph is not one of them.
    assert vague(said + "\n\nAt a cafe nearby," + introduced) == {(3, 1, RULE)}


def test_one_of_the_group_described_in_the_next_sentence_answers_it() -> None:
    text = "Some residents said prices had doubled. Mary Chepkoech, a vegetable seller, said she had stopped buying."
    assert vague(text) == set()


def test_an_anonymous_source_stays_anonymous_whoever_speaks_next() -> None:
    text = "The talks failed, sources said.\n\n“It is over,” said John Smith, a professor at Yale University."
    assert vague(text) == {(3, 19, RULE)}


def test_a_report_is_answered_by_the_publication_in_the_next_paragraph() -> None:
    text = "The coach has quit, according to reports.\n\nHe told The Times he was leaving."
    assert vague(text) == set()


def test_a_headline_is_answered_by_a_source_the_body_names() -> None:
    answered = "Plan will cost jobs, critics say\n\nTodd Ament, president of the Anaheim Chamber, said jobs would go."
    assert findings(answered, CONFIG, rule=RULE) == set()
    unanswered = "Trump to sign the order, sources say\n\nThe order was signed on Tuesday."
    assert findings(unanswered, CONFIG, rule=RULE) == {(1, 26, RULE)}


def test_an_outlet_is_read_back_no_further_than_its_sentence() -> None:
    """The finding starts at the outlet's name, not at the paragraph before it."""
    text = "“Lifts are not a luxury,” said Mr Tan.\n\nThe Straits Times understands that councils were consulted."
    assert vague(text) == {(5, 1, RULE)}
    text = "The plan was approved, said Mr Tan. The Straits Times understands that councils were consulted."
    assert vague(text) == {(3, 37, RULE)}


def test_a_letter_writer_is_the_source() -> None:
    letter = "---\ntitle: Letters\ngenre: {genre}\n---\n\nSir, some say the bypass will unlock growth. I doubt it.\n"
    assert findings(letter.format(genre="letters"), CONFIG, path="letters.md", rule=RULE) == set()
    assert findings(letter.format(genre="news"), CONFIG, path="letters.md", rule=RULE) == {(6, 6, RULE)}


def test_direct_speech_is_left_alone() -> None:
    assert vague("“Sources say all sorts of things,” the minister said.") == set()


@pytest.mark.parametrize(
    ("text", "column"),
    [
        # Anonymous with no reason: the request alone is no reason.
        ("The fee could rise, according to two people familiar with the talks.", 34),
        ("The fee could rise, according to two people familiar with the talks, who asked not to be named.", 34),
        # A reason in another sentence answers only that one.
        ("A source said the fee would rise. Another, who asked not to be named because he was not authorised to "
         "speak, said it would not.", 1),
    ],
)  # fmt: skip
def test_anonymity_without_its_reason_is_still_reported(text: str, column: int) -> None:
    assert vague(text) == {(3, column, RULE)}


def test_media_citing_a_source_are_judged_by_that_source() -> None:
    text = "Local media reported on Monday, citing people familiar with the matter, that he had resigned."
    assert vague(text) == {(3, 40, RULE)}
    # "citing sources" names no one: the media stay the question.
    assert vague("Local media reported, citing sources, that he had resigned.") == {(3, 1, RULE)}


def test_one_phrase_is_one_finding() -> None:
    assert vague("Japanese press reports said Tokuyama had offered $480 million.") == {(3, 1, RULE)}
    assert vague("Many observers now say the deal is off.") == {(3, 1, RULE)}


def test_a_named_member_of_the_group_who_says_it_answers_it() -> None:
    text = (
        "The plan moves $600 million to roads, a shift that some Democrats said would leave a hole.\n\n"
        "Rep. Angela Fry, a Detroit Democrat, voted for the bill but said she had concerns."
    )
    assert vague(text) == set()
    # Not a passive's: whoever speaks next is not who "understands".
    text = (
        "It is understood that the Treasury resisted a larger settlement.\n\n"
        "David McAlpine, who chairs the Local Government Association's transport board, welcomed the money but "
        "said it fell short."
    )
    assert vague(text) == {(3, 1, RULE)}


def test_one_more_source_with_no_reason_before_it_is_vague() -> None:
    text = "OPEC+ will raise output, three sources told Reuters.\n\nA fourth source said a pause was possible."
    assert vague(text) == {(5, 1, RULE)}
