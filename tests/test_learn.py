"""newslint learn, the names authority, consistency.house-term and rules impact,
on small archives written into temporary folders."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import newslint
from newslint.authority import Authority, AuthorityError, Entry, dumps, parse, slip
from newslint.cli import main
from newslint.config import from_text
from newslint.learn import learn
from newslint.learn.tally import Tally
from newslint.readers import parse as parse_document
from newslint.text.names import names

BRITISH = (
    "Talks on trade resume\n\n"
    'Keir Starmer met Jens Stoltenberg in Kendal on 3 May - and said the deal was "close". '
    "Prices rose 5 per cent, Mr Starmer said. Mr Kendel, a farmer, said they "
    "would organise a visit. Nato officials agreed...\n\n"
    "Sales at Procter & Gamble rose {n} per cent - the best in years, Dr Lee said.\n"
)
AMERICAN = (
    "Talks on trade resume\n\n"
    "“The deal is close,” said Sen. Ann Lee on May 3 — a day after NATO met. Prices rose 5 percent, "
    "Mr. Jones said. They will organize a visit.\n\n"
    "“It’s over,” he said. Sales at General Motors rose {n} percent — the best in years.\n"
)


def write_archive(folder: Path, template: str, count: int = 12) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        (folder / f"story-{n:03}.txt").write_text(template.replace("{n}", str(n + 2)), encoding="utf-8")
    (folder / "README.md").write_text("# Not an article\n\nThe archive's notes - not learned.\n", encoding="utf-8")
    return folder


def lint(text: str, config_path: Path | None, rule: str | None = None) -> set[tuple[int, int, str]]:
    config = str(config_path) if config_path else from_text("extends: [core]\n")
    found = {(d.line, d.column, d.rule) for d in newslint.lint_text(text, path="draft.txt", config=config)}
    return {item for item in found if rule is None or item[2] == rule}


# -- names --------------------------------------------------------------------------


def test_names_are_runs_of_capitalised_words_without_titles_or_possessives() -> None:
    text = "Labour leader Keir Starmer met Mr Stoltenberg and Britain's Procter & Gamble staff at the Bank of England."
    found = [(name.form, name.titled, name.initial) for name in names(text)]
    assert found == [
        ("Labour", False, True),
        ("Keir Starmer", False, False),
        ("Stoltenberg", True, False),
        ("Britain", False, False),
        ("Procter & Gamble", False, False),
        ("Bank of England", False, False),
    ]


def test_a_name_after_an_opening_word_is_not_sentence_initial() -> None:
    assert [(n.form, n.initial) for n in names("The Guardian said so. Kier Starmer agreed.")] == [
        ("Guardian", False),
        ("Kier Starmer", True),
    ]


# -- the authority file -------------------------------------------------------------------


def test_the_authority_file_is_sorted_one_entry_a_line_and_reads_back() -> None:
    entries = [Entry("Keir Starmer", "person", 40, 20, "2020-01-01", "2024-07-05", {"Kier Starmer": 2}), Entry("BBC")]
    text = dumps(entries)
    assert text.splitlines()[0].startswith('{"form": "BBC"')
    assert json.loads(text.splitlines()[1]) == {
        "form": "Keir Starmer",
        "kind": "person",
        "count": 40,
        "docs": 20,
        "first": "2020-01-01",
        "last": "2024-07-05",
        "variants": {"Kier Starmer": 2},
    }
    assert [e.form for e in parse(text, "names.jsonl")] == ["BBC", "Keir Starmer"]


def test_a_broken_authority_line_is_one_error_with_its_line() -> None:
    with pytest.raises(AuthorityError, match=r"^names.jsonl:2: each line needs a 'form'"):
        parse('{"form": "BBC"}\n{"count": 3}\n', "names.jsonl")


@pytest.mark.parametrize(
    ("variant", "house", "kind"),
    [
        ("stoltenburg", "stoltenberg", "changed"),
        ("stoltneberg", "stoltenberg", "swapped"),
        ("rodick", "roddick", "dropped"),
        ("roddicks", "roddick", None),  # at the end
        ("johnsson", "johnson", "doubled"),
        ("johnston", "johnson", "added"),
        ("princes", "princess", None),  # the last letter
        ("americas", "americans", None),  # a plural's ending
        ("mcintosh", "macintosh", None),  # Mc and Mac are different names
        ("kendel", "kendal", "changed"),
    ],
)
def test_slips(variant: str, house: str, kind: str | None) -> None:
    assert slip(variant, house) == kind


def test_suggest_knows_printed_forms_variants_slips_and_new_names() -> None:
    authority = Authority(
        [
            Entry("Keir Starmer", "person", 900, 400, variants={"Kier Starmer": 2}),
            Entry("Joan Collins", "person", 30),
            Entry("John Smith", "person", 50),
            Entry("Al-Kadhimi", "person", 40),
            Entry("Stoltenberg", "person", 300),
            Entry("Nielsen", "organisation", 19),
        ]
    )
    assert authority.suggest(("Keir", "Starmer"), 5) is None
    variant = authority.suggest(("Kier", "Starmer"), 5)
    assert variant is not None and (variant.house.form, variant.how, variant.printed) == ("Keir Starmer", "variant", 2)
    slipped = authority.suggest(("Keir", "Stramer"), 5)
    assert slipped is not None and (slipped.house.form, slipped.how) == ("Keir Starmer", "spelling")
    spaced = authority.suggest(("Al", "Kadhimi"), 5)
    assert spaced is not None and (spaced.house.form, spaced.how) == ("Al-Kadhimi", "spacing")
    assert authority.suggest(("Joan", "Smith"), 5) is None  # Joan is a name the house prints: a new person
    assert authority.suggest(("Stoltneberg",), 5) is not None  # a lone word: a typing slip of a name printed often
    assert authority.suggest(("Stoltenburg",), 5) is not None  # a letter changed: only in a name printed 100 times
    assert authority.suggest(("Nielson",), 5) is None  # ... not in one printed 19 times: more likely another name
    assert authority.suggest(("Neilsen",), 5) is None  # printed too rarely to judge a lone word by
    assert authority.suggest(("Keir", "Starmer"), 1000) is None


def one_edit_slips(form: str) -> set[str]:
    """Every form one letter changed, dropped, added or swapped from ``form``."""
    slips = set()
    for i in range(len(form)):
        slips.add(form[:i] + form[i + 1 :])
        slips.update(form[:i] + letter + form[i + 1 :] for letter in "xz")
        slips.update(form[:i] + letter + form[i:] for letter in "xz")
        slips.add(form[:i] + form[i + 1 : i + 2] + form[i : i + 1] + form[i + 2 :])
    return slips


def test_an_article_is_searched_for_a_small_authoritys_names_before_they_are_read() -> None:
    authority = Authority([Entry("Procter & Gamble", count=50, variants={"Proctor and Gamble": 1})])
    for slipped in one_edit_slips("Procter & Gamble") | {"Proctor and Gamble", "PROCTER-GAMBLE"}:
        assert authority.may_suggest_in(f"Sales at {slipped} rose."), slipped
    assert not authority.may_suggest_in("Sales at Unilever rose.")
    big = Authority(Entry(f"Name{n} Surname{n}", count=9) for n in range(300))
    assert big.may_suggest_in("nothinglikeaname")  # a learned authority: every article is read


# -- consistency.house-term ------------------------------------------------------------


@pytest.fixture
def house(tmp_path: Path) -> Path:
    (tmp_path / "names.jsonl").write_text(
        dumps(
            [
                Entry("Keir Starmer", "person", 10000, 5000),
                Entry("Anneliese Dodds", "person", 300),
                Entry("Labour", count=90),
            ]
        ),
        encoding="utf-8",
    )
    config = tmp_path / "newslint.yaml"
    config.write_text("extends: [core]\nauthority: names.jsonl\n", encoding="utf-8")
    return config


def test_house_term_reports_a_slip_from_a_name_the_house_prints(house: Path) -> None:
    text = "Labour wins\n\nThe vote was won by Labour MP Kier Starmer on Friday.\n"
    assert lint(text, house, "consistency.house-term") == {(3, 31, "consistency.house-term")}
    [d] = [d for d in newslint.lint_text(text, path="draft.txt", config=str(house)) if d.rule.endswith("house-term")]
    assert d.message == "'Kier Starmer': the house writes 'Keir Starmer' (printed 10,000 times; this form never)"
    assert d.fix is not None and d.fix.replacement == "Keir Starmer" and not d.fix.safe


def test_house_term_is_silent_on_printed_and_new_names(house: Path) -> None:
    text = "Labour wins\n\nKeir Starmer and Anneliese Dodds met Kier Hardie's heirs and Ann Dods.\n"
    assert lint(text, house, "consistency.house-term") == set()


def test_house_term_without_an_authority_knows_only_its_listed_names() -> None:
    config = from_text("extends: [core]\n")
    found = [d.found for d in newslint.lint_text("Kier Starmer met Proctor & Gamble.\n", config=config)]
    assert found == ["Proctor & Gamble"]


def test_a_lone_surname_of_someone_the_article_names_in_full_is_not_a_slip(tmp_path: Path) -> None:
    (tmp_path / "names.jsonl").write_text(dumps([Entry("Rubio", "person", 500)]), encoding="utf-8")
    config = tmp_path / "newslint.yaml"
    config.write_text("extends: [core]\nauthority: names.jsonl\n", encoding="utf-8")
    alone = "Border talks\n\nThe plan was drawn up in May.\n\nLater, Rubido said it would work.\n"
    assert lint(alone, config, "consistency.house-term") == {(5, 8, "consistency.house-term")}
    named = alone.replace("drawn up in May", "drawn up by Monte Alejandro Rubido")
    assert lint(named, config, "consistency.house-term") == set()


def test_an_edited_authority_is_a_new_cache_stamp(house: Path) -> None:
    linter = newslint.Linter(str(house))
    config = linter.explicit
    assert config is not None
    before = linter.stamp(config)
    names_file = house.parent / "names.jsonl"
    names_file.write_text(names_file.read_text(encoding="utf-8") + dumps([Entry("BBC")]), encoding="utf-8")
    linter.reload()
    assert linter.stamp(linter.explicit) != before  # type: ignore[arg-type]


def test_a_missing_authority_is_a_one_line_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "newslint.yaml").write_text("authority: missing.jsonl\n", encoding="utf-8")
    (tmp_path / "story.txt").write_text("Keir Starmer spoke.\n", encoding="utf-8")
    assert main(["check", "--no-cache", str(tmp_path / "story.txt")]) == 2
    assert "authority: " in capsys.readouterr().err


# -- learn --------------------------------------------------------------------------


def test_learn_writes_a_profile_of_the_house_style_and_a_names_authority(tmp_path: Path) -> None:
    archive = write_archive(tmp_path / "archive", BRITISH)
    learned = learn([str(archive)], str(tmp_path / "house"))
    assert learned.tally.documents == 12  # README.md is not an article
    decided = {d.choice.name: d.value for d in learned.profile.decided}
    assert decided == {
        "quotes": "straight",
        "dash": " - ",
        "ellipsis": "...",
        "date-order": "day-month",
        "percent": "per cent",
        "honorific-stop": "Mr",
        "ise-ize": "s",
        "nato": "Nato",
        "headline-case": "sentence",
        "later-references": "honorific",
    }
    profile = (tmp_path / "house" / "newslint.yaml").read_text(encoding="utf-8")
    assert "extends: [british]" in profile
    assert "authority: names.jsonl" in profile
    assert "  # Dash: a spaced hyphen ( - ): 24 of 24 uses (100.0%)." in profile
    entries = {e.form: e for e in parse((tmp_path / "house" / "names.jsonl").read_text(encoding="utf-8"), "names")}
    assert entries["Keir Starmer"].count == 12 and entries["Keir Starmer"].docs == 12
    assert entries["Procter & Gamble"].kind == "organisation"
    assert entries["Kendal"].kind == "place" and entries["Kendel"].kind == "person"  # two names, not one


def test_checking_with_the_profile_drops_what_the_house_does_on_purpose(tmp_path: Path) -> None:
    archive = write_archive(tmp_path / "archive", BRITISH)
    before = {rule for _, _, rule in lint((archive / "story-000.txt").read_text(encoding="utf-8"), None)}
    assert {"typography.dash", "typography.ellipsis"} <= before
    learn([str(archive)], str(tmp_path / "house"))
    profile = tmp_path / "house" / "newslint.yaml"
    assert lint((archive / "story-000.txt").read_text(encoding="utf-8"), profile) == set()
    # A real problem is still reported, and a dash the house does not write is now one.
    draft = "Talks resume\n\nThe deal – as Mr Starmer said – is close. It was the the best, Kier Starmer said.\n"
    assert lint(draft, profile) == {
        (3, 9, "typography.dash"),
        (3, 30, "typography.dash"),
        (3, 50, "typography.doubled-word"),
        (3, 64, "consistency.house-term"),
    }


def test_an_unclear_choice_is_left_out_and_said(tmp_path: Path) -> None:
    archive = write_archive(tmp_path / "archive", BRITISH, 6)
    write_archive(tmp_path / "archive" / "us", AMERICAN, 6)
    learned = learn([str(archive)], str(tmp_path / "house"))
    assert "quotes" in {d.choice.name for d in learned.profile.undecided}
    profile = (tmp_path / "house" / "newslint.yaml").read_text(encoding="utf-8")
    assert "# Quotation marks: not clear. straight quotes" in profile


def test_each_house_gets_its_own_style(tmp_path: Path) -> None:
    learned = learn([str(write_archive(tmp_path / "us", AMERICAN))], str(tmp_path / "house"))
    decided = {d.choice.name: d.value for d in learned.profile.decided}
    assert decided["quotes"] == "curly" and decided["dash"] == " — " and decided["date-order"] == "month-day"
    assert learned.profile.base == "american"


def test_shards_merged_equal_one_run_and_update_adds_articles(tmp_path: Path) -> None:
    one = write_archive(tmp_path / "one", BRITISH, 6)
    two = write_archive(tmp_path / "two", BRITISH.replace("Kendal", "Leeds"), 6)
    whole = learn([str(one), str(two)], str(tmp_path / "whole"), jobs=2)
    learn([str(one)], str(tmp_path / "a"))
    learn([str(two)], str(tmp_path / "b"))
    merged = learn([], str(tmp_path / "merged"), merge=[str(tmp_path / "a"), str(tmp_path / "b")])
    assert merged.tally.to_data()["names"] == whole.tally.to_data()["names"]
    assert merged.tally.choices == whole.tally.choices
    updated = learn([str(two)], str(tmp_path / "a"), update=True)
    assert updated.tally.documents == 12
    assert (tmp_path / "a" / "names.jsonl").read_text() == (tmp_path / "whole" / "names.jsonl").read_text()


def test_update_keeps_an_edited_profile_and_the_editors_variants(tmp_path: Path) -> None:
    archive = write_archive(tmp_path / "archive", BRITISH)
    house = tmp_path / "house"
    learn([str(archive)], str(house))
    (house / "newslint.yaml").write_text("extends: [british]\nauthority: names.jsonl\n", encoding="utf-8")
    entries = parse((house / "names.jsonl").read_text(encoding="utf-8"), "names")
    for entry in entries:
        if entry.form == "Keir Starmer":
            entry.variants["Kier Starmer"] = 1
    (house / "names.jsonl").write_text(dumps(entries), encoding="utf-8")
    (archive / "story-new.txt").write_text("News\n\nKier Starmer spoke in Leeds.\n", encoding="utf-8")
    learned = learn([str(archive / "story-new.txt")], str(house), update=True)
    assert learned.profile_path.endswith("newslint.learned.yaml")
    assert (house / "newslint.yaml").read_text(encoding="utf-8").startswith("extends: [british]")
    entries = {e.form: e for e in parse((house / "names.jsonl").read_text(encoding="utf-8"), "names")}
    assert entries["Keir Starmer"].variants == {"Kier Starmer": 1}
    assert "Kier Starmer" not in entries


def test_the_names_table_stays_under_its_bound(tmp_path: Path) -> None:
    tally = Tally(max_names=100)
    for n in range(60):
        alpha, beta = "Alpha" + "abcdefghij"[n % 10] * (n + 1), "Beta" + "abcdefghij"[n % 10] * (n + 1)
        doc = parse_document(f"Headline\n\nWe met {alpha} and {beta} and Keir Starmer in Leeds.\n", "a.txt")
        tally.add(doc, "a.txt")
    assert len(tally.names) <= 100
    assert tally.floor == 1
    assert tally.names["Keir Starmer"][0] == 60


def test_learn_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    archive = write_archive(tmp_path / "archive", BRITISH)
    assert main(["learn", str(archive), "--output", str(tmp_path / "house"), "--jobs", "1"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Learned from 12 articles")
    assert "  Dash: a spaced hyphen ( - ) (100.0%)\n" in out
    assert main(["check", "--no-cache", "--config", str(tmp_path / "house" / "newslint.yaml"), str(archive)]) == 0


# -- rules impact -------------------------------------------------------------------


def test_rules_impact_on_a_changed_rule_file_prints_before_and_after(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    archive = write_archive(tmp_path / "archive", BRITISH, 4)
    rule = tmp_path / "typography" / "dash.yaml"
    rule.parent.mkdir()
    rule.write_text(
        "check: existence\nmessage: \"' - ' as a dash\"\nspeech: any\ndescription: Dashes after a figure only.\n"
        "patterns: ['(?<=cent) - ']\nexamples: {bad: ['Up 5 per cent - then'], good: ['Up - then']}\n",
        encoding="utf-8",
    )
    assert main(["rules", "impact", str(rule), str(archive), "--jobs", "1"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("typography.dash over 4 articles (")
    assert re.search(r"\n  current \(this folder's config\) +8 findings in 4 articles, [\d.]+ per 1,000 words\n", out)
    assert re.search(rf"\n  changed \({re.escape(str(rule))}\) +4 findings in 4 articles,", out)
    assert "  difference: -4 (-50%): 0 new, 4 no longer reported\n" in out
    assert "No longer reported (4 of 4):\n" in out


def test_learn_reads_markdown_and_dates_names_from_front_matter(tmp_path: Path) -> None:
    archive = tmp_path / "archive"
    archive.mkdir()
    for day in (3, 9):
        (archive / f"story-{day}.md").write_text(
            f"---\ntitle: Talks\ndate: 2021-05-0{day}\n---\n\nWe met Keir Starmer in `Leeds` today.\n",
            encoding="utf-8",
        )
    learn([str(archive)], str(tmp_path / "house"))
    entries = {e.form: e for e in parse((tmp_path / "house" / "names.jsonl").read_text(encoding="utf-8"), "names")}
    assert (entries["Keir Starmer"].first, entries["Keir Starmer"].last) == ("2021-05-03", "2021-05-09")
    assert "Leeds" not in entries  # code is not prose


def test_rules_impact_of_a_rule_id_samples_its_findings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    archive = write_archive(tmp_path / "archive", BRITISH, 3)
    assert main(["rules", "impact", "typography.ellipsis", str(archive), "--jobs", "1"]) == 0
    out = capsys.readouterr().out
    assert re.search(
        r"\n  as configured \(.*ellipsis\.yaml\)  +3 findings in 3 articles, [\d.]+ per 1,000 words\n", out
    )
    assert "\nSample of findings (3 of 3):\n" in out
    assert main(["rules", "impact", "no.such-rule", str(archive)]) == 2
