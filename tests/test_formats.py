"""The CI formats: SARIF against its schema, GitHub escaping, GitLab, JUnit, jsonl, auto."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import jsonschema
import pytest

from newslint.cli import main
from newslint.formats import Report, render
from newslint.formats.github import escape_data as github_escape_data
from newslint.formats.github import escape_property as github_escape_property
from newslint.model import Diagnostic, Severity

SCHEMA = json.loads((Path(__file__).parent / "sarif-2.1.0.json").read_text(encoding="utf-8"))
ARTICLE = "Council budget rises\n\nThe fund lost TK in the year - and Nato and NATO said so.\n"


@pytest.fixture
def article(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "story one.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "news" / "clean.txt").write_text(
        "Council budget rises\n\nThe council met on Tuesday.\n", encoding="utf-8"
    )
    return "news"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["check", "--no-cache", *args])
    return code, capsys.readouterr().out


def test_sarif_validates_against_the_schema(article: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, article, "--format", "sarif")
    assert code == 1
    log = json.loads(out)
    jsonschema.validate(log, SCHEMA)
    run_ = log["runs"][0]
    driver = run_["tool"]["driver"]
    assert driver["name"] == "newslint" and driver["version"] and driver["informationUri"]
    rule_ids = [rule["id"] for rule in driver["rules"]]
    assert "hygiene.placeholder" in rule_ids
    for rule in driver["rules"]:
        assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"] and rule["help"]["text"]
    result = next(r for r in run_["results"] if r["ruleId"] == "hygiene.placeholder")
    assert rule_ids[result["ruleIndex"]] == "hygiene.placeholder"
    assert result["level"] == "error"
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "news/story%20one.txt"
    assert location["region"] == {"startLine": 3, "startColumn": 15, "endLine": 3, "endColumn": 17}
    assert result["partialFingerprints"]


def test_sarif_of_a_clean_run_validates(article: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(capsys, "news/clean.txt", "--format", "sarif")
    assert code == 0
    jsonschema.validate(json.loads(out), SCHEMA)


def test_sarif_levels_map_info_to_note() -> None:
    d = Diagnostic("a.txt", 1, 1, 1, 2, "headline.length", Severity.INFO, "long")
    log = json.loads(render("sarif", Report([d])))
    jsonschema.validate(log, SCHEMA)
    assert log["runs"][0]["results"][0]["level"] == "note"


def test_github_escapes_message_and_properties() -> None:
    d = Diagnostic("dir,x/a:b.txt", 2, 3, 2, 9, "hygiene.placeholder", Severity.ERROR, "100% wrong, see\nnext\rline")
    out = render("github", Report([d]))
    assert out == (
        "::error file=dir%2Cx/a%3Ab.txt,line=2,col=3,endLine=2,endColumn=9,"
        "title=newslint hygiene.placeholder::100%25 wrong, see%0Anext%0Dline\n"
    )
    assert github_escape_data("a%b,c:d\n") == "a%25b,c:d%0A"
    assert github_escape_property("a%b,c:d\n") == "a%25b%2Cc%3Ad%0A"


def test_github_info_is_a_notice() -> None:
    d = Diagnostic("a.txt", 1, 1, 1, 2, "headline.length", Severity.INFO, "long")
    assert render("github", Report([d])).startswith("::notice file=a.txt,")


def test_auto_is_github_in_actions(
    article: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    _, out = run(capsys, article, "--format", "auto")
    assert out.startswith("::error file=news/story one.txt,line=3,col=15,")
    monkeypatch.delenv("GITHUB_ACTIONS")
    _, out = run(capsys, article, "--format", "auto")
    assert out.startswith("news/story one.txt:3:15: error hygiene.placeholder")


def test_gitlab_code_quality(article: str, capsys: pytest.CaptureFixture[str]) -> None:
    _, out = run(capsys, article, "--format", "gitlab")
    issues = json.loads(out)
    assert len({issue["fingerprint"] for issue in issues}) == len(issues)
    placeholder = next(issue for issue in issues if issue["check_name"] == "hygiene.placeholder")
    assert placeholder["severity"] == "major"
    assert len(placeholder["fingerprint"]) == 32 and int(placeholder["fingerprint"], 16) >= 0
    assert placeholder["location"] == {
        "path": "news/story one.txt",
        "positions": {"begin": {"line": 3, "column": 15}, "end": {"line": 3, "column": 17}},
    }
    assert {issue["severity"] for issue in issues} <= {"info", "minor", "major", "critical", "blocker"}


def test_gitlab_fingerprints_differ_for_equal_findings() -> None:
    one = Diagnostic("a.txt", 1, 1, 1, 3, "hygiene.placeholder", Severity.ERROR, "TK", start=0, end=2, found="TK")
    two = Diagnostic("a.txt", 2, 1, 2, 3, "hygiene.placeholder", Severity.ERROR, "TK", start=3, end=5, found="TK")
    issues = json.loads(render("gitlab", Report([one, two])))
    assert issues[0]["fingerprint"] != issues[1]["fingerprint"]


def test_junit_has_a_case_per_file(article: str, capsys: pytest.CaptureFixture[str]) -> None:
    _, out = run(capsys, article, "--format", "junit")
    suite = ElementTree.fromstring(out).find("testsuite")
    assert suite is not None
    cases = {case.get("name"): case for case in suite.findall("testcase")}
    assert set(cases) == {"news/clean.txt", "news/story one.txt"}
    assert not cases["news/clean.txt"].findall("failure")
    assert any(f.get("type") == "hygiene.placeholder" for f in cases["news/story one.txt"].findall("failure"))
    assert suite.get("failures") == "1" and suite.get("tests") == "2"


def test_jsonl_has_the_json_keys(article: str, capsys: pytest.CaptureFixture[str]) -> None:
    _, as_json = run(capsys, article, "--format", "json")
    _, as_jsonl = run(capsys, article, "--format", "jsonl")
    assert [json.loads(line) for line in as_jsonl.splitlines()] == json.loads(as_json)


def test_output_file_gets_the_report_and_the_terminal_the_summary(
    article: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["check", "--no-cache", article, "--format", "sarif", "--output", "out.sarif"])
    captured = capsys.readouterr()
    assert code == 1 and captured.out == ""
    assert captured.err.startswith("Found ")
    jsonschema.validate(json.loads(Path("out.sarif").read_text(encoding="utf-8")), SCHEMA)


def test_statistics_counts_per_rule(article: str, capsys: pytest.CaptureFixture[str]) -> None:
    _, out = run(capsys, article, "--statistics")
    assert "      1 hygiene.placeholder" in out


def test_formats_are_listed(capsys: pytest.CaptureFixture[str]) -> None:
    main(["formats"])
    listed = {line.split()[0] for line in capsys.readouterr().out.splitlines()}
    assert {"sarif", "github", "gitlab", "junit", "jsonl", "auto", "text", "json"} <= listed


# -- files that could not be checked, in every format --------------------------


@pytest.fixture
def unreadable(article: str) -> str:
    Path("news/latin1.txt").write_bytes(b"Caf\xe9 society\n")
    return article


def run_with_error(capsys: pytest.CaptureFixture[str], output_format: str) -> str:
    code = main(["check", "--no-cache", "--format", output_format, "news", "missing.txt"])
    captured = capsys.readouterr()
    assert code == 2
    assert captured.err.splitlines() == [
        "newslint: error: missing.txt: no such file or directory",
        "newslint: error: news/latin1.txt: not valid UTF-8 (byte 0xe9 at offset 3)",
    ]
    return captured.out


def test_text_counts_files_not_checked(unreadable: str, capsys: pytest.CaptureFixture[str]) -> None:
    out = run_with_error(capsys, "text")
    assert out.splitlines()[-1] == ("Found 3 problems (1 error, 2 warnings) in 2 files. 2 files could not be checked.")


def test_junit_shows_files_not_checked_as_errors(unreadable: str, capsys: pytest.CaptureFixture[str]) -> None:
    root = ElementTree.fromstring(run_with_error(capsys, "junit"))
    suite = root.find("testsuite")
    assert suite is not None
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("4", "1", "2")
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("4", "1", "2")
    cases = {case.get("name"): case for case in suite.findall("testcase")}
    error = cases["news/latin1.txt"].find("error")
    assert error is not None and error.get("message") == "not valid UTF-8 (byte 0xe9 at offset 3)"
    assert cases["missing.txt"].find("error") is not None


def test_sarif_notes_files_not_checked(unreadable: str, capsys: pytest.CaptureFixture[str]) -> None:
    log = json.loads(run_with_error(capsys, "sarif"))
    jsonschema.validate(log, SCHEMA)
    invocation = log["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    notes = invocation["toolExecutionNotifications"]
    assert [(note["level"], note["message"]["text"]) for note in notes] == [
        ("error", "no such file or directory"),
        ("error", "not valid UTF-8 (byte 0xe9 at offset 3)"),
    ]
    assert notes[1]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "news/latin1.txt"


@pytest.mark.parametrize("output_format", ["json", "jsonl", "gitlab", "github"])
def test_finding_formats_list_files_not_checked_as_errors(
    unreadable: str, capsys: pytest.CaptureFixture[str], output_format: str
) -> None:
    out = run_with_error(capsys, output_format)
    if output_format == "json":
        items = json.loads(out)
    elif output_format == "jsonl":
        items = [json.loads(line) for line in out.splitlines()]
    elif output_format == "gitlab":
        items = [
            {"rule": i["check_name"], "path": i["location"]["path"], "severity": i["severity"]} for i in json.loads(out)
        ]
    else:
        items = [{"rule": line.split("title=newslint ")[1].split("::")[0], "line": line} for line in out.splitlines()]
    not_checked = [item for item in items if item["rule"] == "newslint.not-checked"]
    assert len(not_checked) == 2
    if output_format in ("json", "jsonl"):
        assert not_checked[1] == {
            "path": "news/latin1.txt",
            "line": 1,
            "column": 1,
            "end_line": 1,
            "end_column": 1,
            "rule": "newslint.not-checked",
            "severity": "error",
            "message": "not valid UTF-8 (byte 0xe9 at offset 3)",
            "fix": None,
        }
    if output_format == "github":
        assert items[0]["line"].startswith("::error file=missing.txt,line=1,col=1,")


def test_a_clean_sarif_run_is_successful(article: str, capsys: pytest.CaptureFixture[str]) -> None:
    _, out = run(capsys, "news/clean.txt", "--format", "sarif")
    assert json.loads(out)["runs"][0]["invocations"] == [{"executionSuccessful": True}]


# -- GitHub's limits: most severe first, and a step summary ---------------------


def diagnostics_of_every_level() -> list[Diagnostic]:
    levels = [Severity.INFO, Severity.WARNING, Severity.ERROR] * 12
    return [
        Diagnostic("a.txt", n + 1, 1, n + 1, 3, f"rule.{severity.value}", severity, f"message {n}")
        for n, severity in enumerate(levels)
    ]


def test_github_puts_the_most_severe_first() -> None:
    lines = render("github", Report(diagnostics_of_every_level(), 1)).splitlines()
    kinds = [line.split(" ")[0] for line in lines]
    assert kinds == ["::error"] * 12 + ["::warning"] * 12 + ["::notice"] * 12
    errors = [int(line.split("line=")[1].split(",")[0]) for line in lines[:12]]
    assert errors == sorted(errors)  # each level in the order found


def test_github_step_summary_counts_everything_and_says_what_github_hides() -> None:
    from newslint.formats.github import step_summary

    summary = step_summary(Report(diagnostics_of_every_level(), 1))
    lines = summary.splitlines()
    assert lines[:3] == ["## newslint", "", "Found 36 problems (12 errors, 12 warnings, 12 info) in 1 file."]
    assert "2 errors, 2 warnings, 2 notices are only in this summary and the log" in summary
    assert "| rule.error | error | 12 |" in lines
    assert "| a.txt | 3 | error | rule.error | message 2 |" in lines


def test_github_step_summary_keeps_article_text_as_text() -> None:
    from newslint.formats.github import step_summary

    d = Diagnostic(
        "a|b.md", 1, 1, 1, 3, "x.y", Severity.ERROR, "'<script>alert(1)</script>' | [link](http://x) **b**\n# h"
    )
    row = step_summary(Report([d], 1)).splitlines()[-1]
    assert row == (
        "| a\\|b.md | 1 | error | x.y | '&lt;script&gt;alert(1)&lt;/script&gt;' \\| \\[link\\](http://x) \\*\\*b\\*\\*\\\\n\\# h |"
    )


def test_github_format_writes_the_step_summary_when_actions_asks(
    article: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    run(capsys, article, "--format", "github")
    written = summary.read_text(encoding="utf-8")
    assert written.startswith("earlier step\n## newslint\n")  # appended, as Actions expects
    assert "| news/story one.txt | 3 | error | hygiene.placeholder | placeholder 'TK' left in copy |" in written
    run(capsys, article, "--format", "json")
    assert summary.read_text(encoding="utf-8") == written  # only the github format writes it


def test_an_unwritable_step_summary_is_a_warning(
    article: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", "no/such/folder/summary.md")
    code = main(["check", "--no-cache", article, "--format", "github"])
    assert code == 1
    assert capsys.readouterr().err == (
        "newslint: warning: $GITHUB_STEP_SUMMARY (no/such/folder/summary.md): cannot write the summary: "
        "no such file or directory\n"
    )
