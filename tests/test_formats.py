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
