"""Bounded work for any input: no article, rule file or config can hang a run or exhaust memory."""

from __future__ import annotations

import os

import pytest
from hostile import ARTICLE, house_rule, one_error, run, write

from newslint.checks import _patterns
from newslint.readers import parse
from newslint.readers._directives import find_directives
from newslint.readers.markdown import MAX_NESTING

SLOW_RULE = """check: existence
message: slow
description: A pattern that backtracks exponentially on a long run of a.
patterns: ['{pattern}']
examples: {{bad: ['aaa'], good: ['b']}}
"""


@pytest.fixture
def short_timeout(monkeypatch: pytest.MonkeyPatch) -> float:
    """A rule pattern's time limit cut to a fraction of a second, so the case is fast."""
    monkeypatch.setattr(_patterns, "PATTERN_TIMEOUT", 0.3)
    return 0.3


# -- articles --------------------------------------------------------------------------


@pytest.mark.timeout(10)
def test_twenty_thousand_unclosed_directives_are_linear(capsys: pytest.CaptureFixture[str]) -> None:
    text = "Headline here\n\n" + "<!-- newslint-disable " * 20_000 + "\n"  # 440 kB, quadratic before
    assert find_directives(text) == []
    assert run(["check", "--no-cache", write("a.txt", text)], capsys)[0] == 0


@pytest.mark.timeout(10)
def test_many_closed_directives_among_many_code_spans() -> None:
    text = "# Headline\n\n" + "`code` <!-- newslint-disable-next-line quotes --> " * 5_000 + "\n"
    assert len(parse(text, "a.md").directives) == 5_000


@pytest.mark.timeout(10)
@pytest.mark.parametrize(
    "markup",
    [
        "- " * 10_000 + "deep\n",  # nested lists on one line
        "> " * 10_000 + "deep\n",  # nested block quotes
        "".join("  " * level + "- item\n" for level in range(300)),  # a list nested 300 levels
        "*" * 10_000 + "deep" + "*" * 10_000 + "\n",  # nested emphasis
        "[" * 10_000 + "deep" + "](x)" * 10_000 + "\n",  # nested links
    ],
)
def test_deep_markdown_nesting_is_bounded(markup: str, capsys: pytest.CaptureFixture[str]) -> None:
    doc = parse("# Headline\n\n" + markup, "a.md")
    assert doc.text.endswith(markup)
    assert run(["check", "--no-cache", write("a.md", "# Headline\n\n" + markup)], capsys)[0] in (0, 1)


def test_markdown_nesting_bound_is_stated() -> None:
    from newslint.readers.markdown import _parser

    assert _parser().options["maxNesting"] == MAX_NESTING == 20


@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        ("(a+)+$", "a" * 5_000 + "!"),
        ("(a|a)+$", "a" * 40 + "!"),
    ],
)
def test_a_backtracking_rule_pattern_is_a_per_file_error_naming_the_rule(
    short_timeout: float, capsys: pytest.CaptureFixture[str], pattern: str, text: str
) -> None:
    house_rule(".", "style.slow", SLOW_RULE.format(pattern=pattern))
    slow = write("slow.txt", f"Headline here\n\n{text}\n")
    fine = write("fine.txt", ARTICLE)
    code, out, err = run(["check", "--no-cache", slow, fine], capsys)
    assert code == 2
    assert one_error(err) == (
        f"newslint: error: slow.txt: not checked: rule style.slow gave up after 0.3 s on its pattern {pattern!r}"
        " (it backtracks too much on this text: simplify it)"
    )
    assert "fine.txt:3:15: error hygiene.placeholder" in out  # the other file is still checked


def test_a_backtracking_exception_pattern_is_bounded_too(
    short_timeout: float, capsys: pytest.CaptureFixture[str]
) -> None:
    """An exception runs where each finding starts: its time adds up over the document."""
    house_rule(
        ".",
        "style.word",
        "check: existence\nmessage: m\ndescription: d\nterms: [word]\nexceptions: ['word (a|a)+$']\n"
        "examples: {bad: ['word'], good: ['b']}\n",
    )
    text = "Headline here\n\n" + " ".join(["word " + "a" * 30 + "!"] * 50) + "\n"
    code, _, err = run(["check", "--no-cache", write("a.txt", text)], capsys)
    assert code == 2 and "rule style.word gave up after 0.3 s" in one_error(err)


def test_the_same_pattern_is_fast_on_sensible_text(short_timeout: float, capsys: pytest.CaptureFixture[str]) -> None:
    house_rule(".", "style.slow", SLOW_RULE.format(pattern="(a+)+$"))
    code, out, _ = run(["check", "--no-cache", write("a.txt", "Headline here\n\naaaa\n")], capsys)
    assert code == 1 and "style.slow slow" in out


# -- files that are not articles -----------------------------------------------------------


def test_a_symlink_to_dev_zero_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    os.symlink("/dev/zero", "story.txt")
    code, _, err = run(["check", "--no-cache", "story.txt", "."], capsys)
    assert code == 2
    assert err.splitlines() == [
        "newslint: error: story.txt: a device, not a regular file",
        "newslint: error: ./story.txt: a device, not a regular file",
    ]


@pytest.mark.timeout(10)
def test_a_fifo_is_refused_without_blocking(capsys: pytest.CaptureFixture[str]) -> None:
    os.mkfifo("story.txt")
    write("drafts/other.txt", ARTICLE)
    os.mkfifo("drafts/pipe.md")
    code, out, err = run(["check", "--no-cache", "story.txt", "drafts"], capsys)
    assert code == 2
    assert err.splitlines() == [
        "newslint: error: story.txt: a named pipe (FIFO), not a regular file",
        "newslint: error: drafts/pipe.md: a named pipe (FIFO), not a regular file",
    ]
    assert "drafts/other.txt:3:15:" in out


@pytest.mark.timeout(10)
def test_a_rule_file_that_is_a_fifo_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    house_rule(".", "style.real", SLOW_RULE.format(pattern="x"))
    os.mkfifo("house/style/pipe.yaml")
    code, _, err = run(["check", "--no-cache", write("a.txt", ARTICLE)], capsys)
    assert code == 2
    assert one_error(err).endswith("house/style/pipe.yaml: cannot read: a named pipe (FIFO), not a regular file")


def test_a_file_over_the_size_limit_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    with open("big.txt", "wb") as handle:  # 6.8 MB, most of it a hole: never read
        handle.truncate(6_800_000)
    fine = write("fine.txt", ARTICLE)
    code, out, err = run(["check", "--no-cache", "big.txt", fine], capsys)
    assert code == 2
    assert one_error(err) == "newslint: error: big.txt: 6.8 MB, over the 5 MB limit (--max-file-size raises it)"
    assert "fine.txt:3:15:" in out
    article = write("article.txt", "Headline here\n\n" + "The council met. " * 2_000)  # 34 kB
    code, _, err = run(["check", "--no-cache", "--max-file-size", "20k", fine, article], capsys)
    assert code == 2 and one_error(err) == (
        "newslint: error: article.txt: 34 kB, over the 20 kB limit (--max-file-size raises it)"
    )
    assert run(["check", "--no-cache", "--max-file-size", "40k", article], capsys)[0] == 0
    assert run(["check", "--no-cache", "--max-file-size", "0", article], capsys)[0] == 0  # no limit


def test_max_file_size_must_be_a_size(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["check", "--max-file-size", "lots", write("a.txt", ARTICLE)], capsys)
    assert code == 2 and "'lots' is not a size such as 5000000, 500k or 20M" in err


def test_standard_input_over_the_limit_is_refused(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import io
    import sys

    class Stdin:
        buffer = io.BytesIO(b"Headline\n\n" + b"x" * 30_000)

    monkeypatch.setattr(sys, "stdin", Stdin())
    code, _, err = run(["check", "--max-file-size", "20k", "-"], capsys)
    assert code == 2 and one_error(err) == "newslint: error: <stdin>: over the 20 kB limit (--max-file-size raises it)"


# -- YAML ----------------------------------------------------------------------------------

BILLION_LAUGHS = """a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
"""


@pytest.mark.timeout(10)
def test_an_alias_bomb_in_a_rule_file_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    house_rule(".", "style.bomb", BILLION_LAUGHS + "check: existence\n")
    code, _, err = run(["check", "--no-cache", write("a.txt", ARTICLE)], capsys)
    assert code == 2 and one_error(err).endswith("house/style/bomb.yaml:6: aliases expand to over 100,000 nodes")


@pytest.mark.timeout(10)
def test_an_alias_bomb_in_a_config_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    write("newslint.yaml", BILLION_LAUGHS + "extends: [core]\n")
    code, _, err = run(["check", "--no-cache", write("a.txt", ARTICLE)], capsys)
    assert code == 2 and one_error(err).endswith("newslint.yaml:6: aliases expand to over 100,000 nodes")


@pytest.mark.timeout(10)
def test_an_alias_bomb_in_front_matter_is_no_metadata(capsys: pytest.CaptureFixture[str]) -> None:
    text = "---\ntitle: Council budget rises\n" + BILLION_LAUGHS + "---\n\nThe fund lost TK.\n"
    doc = parse(text, "a.md")
    assert doc.meta == {"title": "Council budget rises"} or doc.meta == {}
    assert run(["check", "--no-cache", write("a.md", text)], capsys)[0] == 1


@pytest.mark.parametrize(
    ("yaml_text", "problem"),
    [
        ("extends: " + "[" * 900 + "]" * 900 + "\n", "1: nested deeper than 100 levels"),
        ("extends: &a [*a]\n", "1: an alias refers to a node that contains it"),
        ("extends: [core]\n? [a, b]\n: c\n", "2: invalid YAML: a key must be a plain value, not a list or mapping"),
    ],
)
def test_yaml_past_the_limits_is_one_line(capsys: pytest.CaptureFixture[str], yaml_text: str, problem: str) -> None:
    write("newslint.yaml", yaml_text)
    code, _, err = run(["check", "--no-cache", write("a.txt", ARTICLE)], capsys)
    assert code == 2 and one_error(err).endswith(f"newslint.yaml:{problem}")


def test_deep_front_matter_is_no_metadata(capsys: pytest.CaptureFixture[str]) -> None:
    text = "---\ntitle: " + "[" * 900 + "]" * 900 + "\n---\n\nThe fund lost TK.\n"
    assert run(["check", "--no-cache", write("a.md", text)], capsys)[0] == 1


def test_a_large_word_list_is_no_alias_bomb(monkeypatch: pytest.MonkeyPatch) -> None:
    """The alias limit counts what aliases add, not what a file spells out."""
    from newslint import yamlfile

    monkeypatch.setattr(yamlfile, "MAX_ALIAS_NODES", 1_000)
    words = "".join(f"  - word{number}\n" for number in range(5_000))
    assert len(yamlfile.load_yaml("terms:\n" + words, "big.yaml")["terms"]) == 5_000
    with pytest.raises(yamlfile.YamlError, match="aliases expand to over 1,000 nodes"):
        yamlfile.load_yaml("a: &a [" + "x, " * 100 + "]\nb: [" + "*a, " * 20 + "]\n", "bomb.yaml")
