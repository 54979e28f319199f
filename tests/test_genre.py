"""Genres: an article says what it is (front matter, or its config by path),
and a rule says which genres it checks (``genres: [news]``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newslint.config import ConfigError, from_text
from newslint.linter import Linter
from newslint.rules import load_rule
from newslint.yamlfile import YamlError

RULE = (
    "check: existence\nmessage: m\ndescription: d\nterms: [alpha]\n{genres}examples: {{bad: [alpha], good: [gamma]}}\n"
)


def make_pack(tmp_path: Path, genres: str) -> Path:
    family = tmp_path / "house" / "style"
    family.mkdir(parents=True)
    (family / "alpha.yaml").write_text(RULE.format(genres=genres), encoding="utf-8")
    return tmp_path / "house"


def found(text: str, config_text: str, path: str = "story.md") -> list[tuple[int, int, str]]:
    config = from_text(config_text, "/newsroom/newslint.yaml")
    return [(d.line, d.column, d.rule) for d in Linter().lint_text(text, path, config)]


def test_a_rule_checks_only_the_genres_it_names(tmp_path: Path) -> None:
    pack = make_pack(tmp_path, "genres: [news, feature]\n")
    config = f"extends: [{pack}]\ncore: false\n"
    assert found("---\ntitle: t\n---\n\nalpha\n", config) == [(5, 1, "style.alpha")]  # news by default
    assert found("---\ntitle: t\ngenre: feature\n---\n\nalpha\n", config) == [(6, 1, "style.alpha")]
    assert found("---\ntitle: t\ngenre: opinion\n---\n\nalpha\n", config) == []
    assert found("---\ntitle: t\ngenre: Letters\n---\n\nalpha\n", config) == []  # any case


def test_a_rule_without_genres_checks_every_genre(tmp_path: Path) -> None:
    pack = make_pack(tmp_path, "")
    config = f"extends: [{pack}]\ncore: false\n"
    assert found("---\ntitle: t\ngenre: opinion\n---\n\nalpha\n", config) == [(6, 1, "style.alpha")]


def test_an_unknown_front_matter_genre_counts_as_none(tmp_path: Path) -> None:
    """A typo must not switch rules off: the article is checked as news."""
    pack = make_pack(tmp_path, "genres: [news]\n")
    config = f"extends: [{pack}]\ncore: false\n"
    assert found("---\ntitle: t\ngenre: opinon\n---\n\nalpha\n", config) == [(6, 1, "style.alpha")]


def test_a_config_gives_a_genre_by_path_and_front_matter_wins(tmp_path: Path) -> None:
    pack = make_pack(tmp_path, "genres: [news]\n")
    config = f'extends: [{pack}]\ncore: false\noverrides:\n  - files: ["opinion/**"]\n    genre: opinion\n'
    assert found("---\ntitle: t\n---\n\nalpha\n", config, "/newsroom/opinion/a.md") == []
    assert found("---\ntitle: t\n---\n\nalpha\n", config, "/newsroom/news/a.md") == [(5, 1, "style.alpha")]
    says_news = "---\ntitle: t\ngenre: news\n---\n\nalpha\n"
    assert found(says_news, config, "/newsroom/opinion/a.md") == [(6, 1, "style.alpha")]
    # A whole config's articles, plain text included (no front matter to say otherwise).
    whole = f"extends: [{pack}]\ncore: false\ngenre: review\n"
    assert found("Headline\n\nalpha here.\n", whole, "/newsroom/a.txt") == []


def test_a_config_may_set_the_genres_of_a_rule(tmp_path: Path) -> None:
    pack = make_pack(tmp_path, "")
    config = f"extends: [{pack}]\ncore: false\nrules:\n  style.alpha: {{genres: [opinion]}}\n"
    assert found("---\ntitle: t\n---\n\nalpha\n", config) == []
    assert found("---\ntitle: t\ngenre: opinion\n---\n\nalpha\n", config) == [(6, 1, "style.alpha")]


def test_a_rule_may_name_the_genres_it_leaves_out(tmp_path: Path) -> None:
    pack = make_pack(tmp_path, "genres: ['!corrections', '!letters']\n")
    config = f"extends: [{pack}]\ncore: false\n"
    assert found("---\ntitle: t\n---\n\nalpha\n", config) == [(5, 1, "style.alpha")]
    assert found("---\ntitle: t\ngenre: corrections\n---\n\nalpha\n", config) == []
    assert found("---\ntitle: t\ngenre: letters\n---\n\nalpha\n", config) == []


def test_genres_to_take_and_to_leave_out_are_not_mixed(tmp_path: Path) -> None:
    pack = make_pack(tmp_path, "genres: [news, '!letters']\n")
    with pytest.raises(YamlError, match="alpha.yaml:5: genres: either the values to take or"):
        load_rule(str(pack / "style" / "alpha.yaml"), "style.alpha")


def test_a_corrections_column_is_not_queried_for_the_error_it_corrects() -> None:
    text = (
        "---\ntitle: Corrections\ngenre: corrections\n---\n\n"
        "A report on the election said the Greens won 7 of 19 seats, or 40%. They won 7 of 19, or 37%.\n"
    )
    assert found(text, "extends: [core]\n") == []
    assert found(text.replace("genre: corrections\n", ""), "extends: [core]\n") == [(5, 46, "claims.percentage-share")]


def test_an_unknown_genre_in_a_rule_is_an_error_on_its_line(tmp_path: Path) -> None:
    pack = make_pack(tmp_path, "genres: [news, column]\n")
    with pytest.raises(YamlError) as error:
        load_rule(str(pack / "style" / "alpha.yaml"), "style.alpha")
    assert (
        "alpha.yaml:5: genres: unknown 'column' (known: news, opinion, review, letters, feature, corrections)"
        in str(error.value)
    )


@pytest.mark.parametrize(
    "config_text",
    ["genre: column\n", 'overrides:\n  - files: ["a/*"]\n    genre: 3\n'],
)
def test_an_unknown_genre_in_a_config_is_refused(config_text: str) -> None:
    with pytest.raises(ConfigError, match="genre: must be one of news, opinion, review, letters, feature"):
        from_text(config_text)


def test_the_genre_is_part_of_the_cache_stamp() -> None:
    linter = Linter()
    news = from_text("extends: [core]\n", "/newsroom/newslint.yaml")
    opinion = from_text("extends: [core]\ngenre: opinion\n", "/newsroom/newslint.yaml")
    assert linter.stamp(news) != linter.stamp(opinion)
