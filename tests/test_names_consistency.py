"""Names and consistency on the sentences of issue 11: what is a variant, what
is a convention that depends on position, and which form is reported."""

from __future__ import annotations

import pytest
from support import findings

import newslint

NAMES = "claims.name-variant"
TERMS = "consistency.terms"
DATES = "consistency.date-style"


@pytest.mark.parametrize(
    "text",
    [
        "Jo Kendel runs a bakery in Kendal. Kendel said trade in Kendal was slow.\n",
        "The Princes arrived first. The Princess followed.\n",
        "Her book, Cattle Market: A Life, opens at the Castle Market in Sheffield.\n",
        "Pugsley (pronounced Pugsly) scored twice. Pugsley was named man of the match.\n",
        "The Condors won again. The Condos, as fans call them, top the league.\n",
        "Follow @HurricaneHarvey and #HurricaneHarvey for news. Hurricane Harvey hit Texas.\n",
        "Banco do Brasil lent more. Brazil grew.\n",
        "He pointed to Montreal, where the Société de transport de Montréal froze fares.\n",
        "Output in the East Mediterranean grew. The EastMed pipeline was delayed.\n",
        "The mayor thanked Parisians. ((fr))French language: Paris pleure. Mes pensées vont aux Parisiens.\n",
        "Shares in Standard Life rose. The exchange Liffe said so.\n",
        "Venus and Serena and Selena were named. Serena won.\n",
        # Accents apart, but one always starts a longer name: a company and a city, a player and a landmark.
        "Zurich Insurance said profits rose, at its headquarters in Zürich.\n",
        "Ángel Di María scored twice. Fans gathered at the Angel of the North.\n",
        # A wire headline in capitals drops accents.
        "LOPEZ CHARGED IN MADRID\n\nMaría López was charged. López pleaded not guilty.\n",
        # A place named outright beside a company that speaks and employs.
        "Glencore said it would close the smelter. The village of Glencoe depends on it. Glencore employs 400.\n",
        # Chinese order: a family name, then two people's given names.
        "Chen Jiahua, a customs spokesman, spoke. Chen Jianhua, an economist, disagreed.\n",
        # A double-barrelled surname, and another person introduced by first name and surname.
        "The minister, Carys Owen-Jones, said waits fell. Owen Jones, a retired postman, said it was cold comfort.\n",
        # One first name, two surnames: two people (Malaysian copy opens half its names with "Mohd").
        "Datuk Mohd Faizal Ismail said so. Mohd Faisal Hassan, an analyst, agreed.\n",
        # First names before the Arabic article.
        "Khalid al-Mansouri of the land department spoke. Ahmed al-Mansoori, an analyst, agreed.\n",
        # A councillor's title is no first name they share.
        "Cllr Ian MacKenzie will lead. Cllr Fiona McKenzie lost. Cllr MacKenzie spoke. Cllr McKenzie left.\n",
        # A French institution's name keeps its accents.
        "Power lines in the Montreal region. Researchers at the Université du Québec à Montréal agree.\n",
        # The local spelling, given on purpose.
        "The Azores, or the Açores as the Portuguese write it, are nine islands. The Azores are green.\n",
        "The Azores (Açores in Portuguese) are nine islands. The Azores are green.\n",
        # Two longer names, one accented and one not.
        "Ships carry grain to the Río de la Plata. In Rio de Janeiro, the ministry expected more.\n",
        "The Azores — the Açores, to the Portuguese — are nine islands. The Azores are green.\n",
        "The Azores, known in Portuguese as the Açores, are nine islands. The Azores are green.\n",
    ],
)
def test_not_name_variants(text: str) -> None:
    assert findings(text, rule=NAMES) == set()


@pytest.mark.parametrize(
    "text, expected",
    [
        # At the start of a sentence and of a quote.
        ("Jens Stoltenberg met ministers. Stoltenburg said so.\n", {(1, 33, NAMES)}),
        ("Jens Stoltenberg met ministers. “Stoltenburg is right,” one said.\n", {(1, 34, NAMES)}),
        # A hyphen dropped, with the parts run together.
        ("Ms Kramp-Karrenbauer said no. Later Ms Krampkarrenbauer said yes.\n", {(1, 40, NAMES)}),
        # A space dropped.
        ("Time Warner rose. Analysts said TimeWarner would gain. Time Warner fell.\n", {(1, 33, NAMES)}),
        # A doubled letter in a short name.
        ("Mr Allen said no. Later Mr Alen said yes.\n", {(1, 28, NAMES)}),
        # A name after the Arabic article's lower-case "al-".
        ("Haidar al-Zubaidi spoke. Later Mr al-Zubeidi left.\n", {(1, 38, NAMES)}),
        # The same first name and the same surname after it: one person spelled two ways.
        ("Mohd Faizal Ismail said so. Later Mohd Faisal Ismail agreed.\n", {(1, 6, NAMES)}),
        # First names apart only in accents are one first name, and the surname's accents dropped are a slip.
        ("The chairman, José Echániz, spoke. Later Jose Echaniz said so.\n", {(1, 47, NAMES)}),
        # A double surname, then its first part alone (not "Zurich Insurance" beside Zürich).
        ("The chairman, Pedro Echániz Gorostiza, spoke. Later Echaniz said so.\n", {(1, 53, NAMES)}),
        # Accents apart in a name of three letters.
        (
            "Whales off Sao Miguel\n\nThe lookouts across São Miguel spot whales. São Miguel is green.\n",
            {(1, 12, NAMES)},
        ),
        # A headline that drops the accents the body keeps.
        (
            "Kaczynski promises reform\n\nJarosław Kaczyński spoke. Kaczyński said so. Kaczyński left.\n",
            {(1, 1, NAMES)},
        ),
        # A hyphened name, letter by letter.
        ("Sarah Orde-Ransome spoke. Later, Orde-Ransome left. Then Orde-Ransone said so.\n", {(1, 58, NAMES)}),
        # Accents dropped, in a short name and at a name's first letter.
        ("María López was charged. López pleaded not guilty. Lopez will be tried.\n", {(1, 52, NAMES)}),
        ("The Élysée said so. The Elysee denied it. The Élysée later agreed.\n", {(1, 25, NAMES)}),
        # A letter with a stroke; the form without its accents is the slip (a first name says nothing).
        ("Lech Wałęsa spoke on Monday. Walesa said the shipyard had changed.\n", {(1, 30, NAMES)}),
        # A place misspelt is still a place, whatever it has.
        ("The village of Glencoe is quiet. Glenncoe has one pub. Glencoe has two shops.\n", {(1, 34, NAMES)}),
        # One given name after the same first name, when neither is Chinese.
        ("Lee Anderson spoke first. Then Lee Andersen spoke.\n", {(1, 36, NAMES)}),
        # The same double-barrelled name with its hyphen dropped.
        ("The minister, Carys Owen-Jones, said waits fell. Owen Jones said so again.\n", {(1, 50, NAMES)}),
    ],
)
def test_name_variants_found(text: str, expected: set[tuple[int, int, str]]) -> None:
    assert findings(text, rule=NAMES) == expected


def messages(text: str, rule: str) -> list[str]:
    return [d.message for d in newslint.lint_text(text) if d.rule == rule]


def test_the_likelier_misspelling_is_reported() -> None:
    # The headline's spelling wins over the body's count.
    text = "Ad sales boost Time Warner profit\n\nTimeWarner rose. TimeWarner said so. TimeWarner grew.\n"
    assert {d[0] for d in findings(text, rule=NAMES)} == {3}
    # On a tie, the known word wins: "Villareal" is reported, not "Villarreal".
    assert messages("Villareal drew with Boro. Later Villarreal won.\n", NAMES) == [
        "'Villareal' here, but 'Villarreal' on line 1: spell the name one way"
    ]
    # With nothing to tell them apart, the message says so.
    assert messages("Motjaba Saminejad was held. Friends of Mojtaba protested.\n", NAMES) == [
        "'Mojtaba' here, but 'Motjaba' on line 1: check which spelling is right"
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The Anglo-French treaty was signed. Anglo-french trade grew.\n", {(1, 37, TERMS)}),
        ("IBM cut jobs. Ibm said the cuts were over.\n", {(1, 15, TERMS)}),
        ("The parade went down Fifth Avenue. Crowds lined Fifth Ave. all day.\n", {(1, 55, TERMS)}),
        ("Mr. Hollis said no. Mr. Hollis said it twice. Later Hollis said yes.\n", {(1, 53, TERMS)}),
        ("Hollis said no. Hollis said it twice. Hollis added more. Later Mr. Hollis said yes.\n", {(1, 64, TERMS)}),
    ],
)
def test_terms_found(text: str, expected: set[tuple[int, int, str]]) -> None:
    assert findings(text, rule=TERMS) == expected


@pytest.mark.parametrize(
    "text",
    [
        # Wire style: "US" in headlines, "U.S." in the body.
        "Trade talks with US stall\n\nThe U.S. said talks would go on. U.S. officials agreed.\n",
        # A headline in capitals, a dateline in capitals.
        "MOBIL <MOB> RAISES CRUDE OIL PRICES\n\nNEW YORK, March 2 - Mobil Corp said it raised prices.\n",
        "MOSCOW — Russia said Moscow would respond.\n",
        "PUNE: The cabinet approved the second phase of the Pune Metro.\n",  # Indian papers' dateline
        # Text quoted as written keeps its own forms.
        "The deal, NAFTA, ended. In a statement, the ministry said: “Nafta is dead.”\n",
        "“Nafta is dead,” the president tweeted. NAFTA was replaced.\n",
        # A currency, a name, handles and hashtags.
        "The fund raised US$3.6 billion. The U.S. Treasury welcomed it.\n",
        "Shares in T-Mobile US Inc. rose. The U.S. market gained.\n",
        "Follow @NATO and #Nato for updates. Nato said so.\n",
        # A web page's time stamp is the publishing system's style, not the writer's.
        "Exports rise\n\n09:41 December 01, 2026\n\nSEOUL, Dec. 1 (Yonhap) -- Exports rose on Dec. 1.\n",
        "Floods\n\nPosted Tue 24 Nov 2026\n\nThe river rose on Nov. 23.\n",
        # A dateline with an agency's credit in ordinary case.
        "SEOUL, Oct. 29 (Yonhap) -- Sejin said profit rose.\n\nShares rose on the Seoul bourse.\n",
        "TOKYO, Oct. 29 (Kyodo) -- Sejin said profit rose.\n\nShares rose in Tokyo.\n",
        # A numbered address (AP) beside the street named in full.
        "The White House is at 1600 Pennsylvania Ave. Protesters filled Pennsylvania Avenue.\n",
        # A first name given as initials (South Asian style), then the title.
        "Leader of the Opposition B.S. Chandrashekar said so.\n\nMr. Chandrashekar said more.\n\n"
        "Mr. Chandrashekar left.\n",
    ],
)
def test_terms_conventions_by_position(text: str) -> None:
    assert findings(text, rule=TERMS) == set()


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The vote is on Oct. 21. Results follow on 3 November.\n", {(1, 43, DATES)}),
        ("Talks began on Sept. 3 and end on 30 September.\n", {(1, 35, DATES)}),
        ("The plant opened in October 2019 and closed in March, 2020.\n", {(1, 48, DATES)}),
        # The event's name is not a date style; a statement keeps its own.
        ("He spoke on 12 September about the September 11 attacks.\n", set()),
        ("The vote is on 5 June. In a statement, the party said: “The count ends June 9.”\n", set()),
    ],
)
def test_date_styles(text: str, expected: set[tuple[int, int, str]]) -> None:
    assert findings(text, rule=DATES) == expected
