"""Output that cannot be forged: whatever an article or a file name holds, a finding is one
line, no escape sequence reaches a terminal or CI log, and machine formats stay well-formed."""

from __future__ import annotations

import io
import json
import os
import re
import xml.etree.ElementTree as ElementTree

import pytest
from hostile import house_rule, one_error, run, write

from newslint.run import RunOptions
from newslint.run import run as run_options

#: A rule whose finding takes in whatever follows "TK" on the same paragraph, line breaks included.
GREEDY_RULE = """check: existence
message: "'{found}' here"
description: A rule whose finding spans control characters and line breaks.
patterns: ['TK[^.]{1,120}']
examples: {bad: ['TK and more'], good: ['b']}
"""

HOSTILE = (
    "Council budget rises\n\n"
    "The fund lost TK\x1b]0;pwned\x07\x1b[2J\x1b]52;c;ZXZpbA==\x07 in the year.\n\n"
    "It fell TK\r\n::error file=x,line=1::forged\u2028::warning::forged too\x85\x0b\x0c\x7f\u202eevil.\n"
)
FORMATS = ["text", "github", "json", "jsonl", "sarif", "gitlab", "junit"]


@pytest.fixture
def hostile() -> str:
    house_rule(".", "style.greedy", GREEDY_RULE)
    return write("a.txt", HOSTILE)


def test_terminal_output_escapes_the_article(hostile: str) -> None:
    """On a terminal the source line is shown: its escape sequences must not run."""
    out, err = io.StringIO(), io.StringIO()
    assert run_options(RunOptions(paths=(hostile,), cache=False, color=True), stdout=out, stderr=err) == 1
    text = out.getvalue()
    plain = re.sub(r"\x1b\[[0-9;]*m", "", text)  # newslint's own colours: the only escapes allowed
    assert all(line.isprintable() for line in plain.splitlines())
    assert "\x1b]" not in text and "\x07" not in text and "\x1b[2J" not in text
    assert "TK\\x1b]0;pwned\\x07" in text  # shown, escaped
    assert all(line.startswith(("a.txt:", "    ", "Found")) for line in plain.splitlines())


@pytest.mark.parametrize("output_format", ["text", "github"])
def test_one_finding_is_one_line(hostile: str, output_format: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["check", "--no-cache", "--format", output_format, hostile], capsys)
    assert code == 1
    lines = out.splitlines()  # str.splitlines breaks at \u2028, \x85, \x0b, \x0c too
    findings = [line for line in lines if not line.startswith(("Found", "No problems"))]
    prefix = "a.txt:" if output_format == "text" else "::"
    assert all(line.startswith(prefix) for line in findings), lines
    if output_format == "github":
        assert all(re.match(r"::(error|warning|notice) file=a\.txt,line=\d+,", line) for line in findings), lines
    assert all(line.isprintable() for line in lines), lines
    greedy = [line for line in findings if "style.greedy" in line]
    assert len(greedy) == 2  # both findings of the greedy rule, each on its own line


@pytest.mark.parametrize("output_format", ["json", "jsonl", "sarif", "gitlab", "junit"])
def test_machine_formats_stay_well_formed(hostile: str, output_format: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["check", "--no-cache", "--format", output_format, hostile], capsys)
    assert code == 1
    if output_format == "junit":
        failures = ElementTree.fromstring(out).iter("failure")
        assert any("\\x1b]0;pwned" in (failure.get("message") or "") for failure in failures)
    elif output_format == "jsonl":
        rows = [json.loads(line) for line in out.splitlines()]  # every line whole, even split as Python splits
        assert any("\x1b]0;pwned" in row["message"] for row in rows)  # JSON keeps the text exactly
    else:
        json.loads(out)
        assert "\u2028" not in out and "\x85" not in out


NOT_UTF8 = os.fsdecode(b"caf\xe9 story.txt")


@pytest.mark.parametrize("output_format", FORMATS)
def test_a_file_name_that_is_not_utf8_in_every_format(output_format: str, capsys: pytest.CaptureFixture[str]) -> None:
    write(NOT_UTF8, "Council budget rises\n\nThe fund lost TK in the year.\n")
    code, out, err = run(["check", "--no-cache", "--format", output_format, "."], capsys)  # strict UTF-8 inside
    assert (code, err) == (1, "")
    if output_format == "sarif":
        assert (
            json.loads(out)["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            == "caf%E9%20story.txt"
        )
    elif output_format in ("json", "jsonl"):
        row = json.loads(out.splitlines()[0]) if output_format == "jsonl" else json.loads(out)[0]
        assert row["path"] == "./caf\\xe9 story.txt"
    elif output_format == "junit":
        ElementTree.fromstring(out)
        assert "caf\\xe9 story.txt" in out
    elif output_format == "gitlab":
        assert json.loads(out)[0]["location"]["path"] == "caf\\xe9 story.txt"
    else:
        assert "caf\\xe9 story.txt" in out


def test_a_file_name_that_is_not_utf8_in_a_baseline(capsys: pytest.CaptureFixture[str]) -> None:
    write(NOT_UTF8, "Council budget rises\n\nThe fund lost TK in the year.\n")
    code, _, err = run(["check", "--no-cache", "--write-baseline", "baseline.json", "."], capsys)
    assert (code, err) == (0, "Wrote 1 finding to baseline.json.\n")
    json.loads(open("baseline.json", "rb").read())
    assert run(["check", "--no-cache", "--baseline", "baseline.json", "."], capsys)[0] == 0


def test_error_lines_escape_file_names(capsys: pytest.CaptureFixture[str]) -> None:
    name = "x\n::error file=a.txt::forged \x1b[2J.txt"
    write(name, b"\x00binary")
    code, _, err = run(["check", "--no-cache", name], capsys)
    assert code == 2
    assert one_error(err) == "newslint: error: x\\n::error file=a.txt::forged \\x1b[2J.txt: binary file, not text"


def test_a_file_name_with_a_line_break_cannot_forge_a_finding(capsys: pytest.CaptureFixture[str]) -> None:
    name = "a.txt:1:1: error forged.rule\n.txt"
    write(name, "Council budget rises\n\nThe fund lost TK in the year.\n")
    code, out, _ = run(["check", "--no-cache", name], capsys)
    assert code == 1 and out.splitlines()[0].startswith("a.txt:1:1: error forged.rule\\n.txt:3:15:")
    assert len(out.splitlines()) == 2


def test_a_diff_header_cannot_be_forged(capsys: pytest.CaptureFixture[str]) -> None:
    name = "story\n+++ b/other.txt.txt"
    write(name, "Council budget rises\n\nIt went on...\n")
    code, out, _ = run(["check", "--diff", name], capsys)
    assert code == 1
    # The tab ends a name with a space in it, as git writes it.
    assert out.splitlines()[:2] == ["--- a/story\\n+++ b/other.txt.txt\t", "+++ b/story\\n+++ b/other.txt.txt\t"]
