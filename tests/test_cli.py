"""The command line, driven in-process through main(argv) -> int."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from support import SEED

from newslint.cli import main

JSON_KEYS = {"path", "line", "column", "end_line", "end_column", "rule", "severity", "message", "fix"}


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run in an empty folder so no config of the repository is discovered."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    return tmp_path


def write(path: Path, text: str) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_clean_file_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = write(tmp_path / "a.txt", "Headline\n\nAll is well here.\n")
    assert main(["check", article]) == 0
    assert capsys.readouterr().out == "No problems found in 1 file.\n"


def test_findings_exit_1_with_text_lines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = write(tmp_path / "a.txt", "Headline\n\nIt went on...\n")
    assert main(["check", article]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"{article}:3:11: warning typography.ellipsis '...' for an ellipsis: use '…' [*]"
    assert out[-1] == "Found 1 problem (1 warning) in 1 file. 1 fixable with --fix."


def test_fail_on(tmp_path: Path) -> None:
    article = write(tmp_path / "a.txt", "Headline\n\nIt went on...\n")
    assert main(["check", "--fail-on", "error", article]) == 0
    assert main(["check", "--fail-on", "warning", article]) == 1


def test_json_format_matches_the_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--format", "json", str(SEED)]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data and all(set(item) == JSON_KEYS for item in data)
    ellipsis = next(item for item in data if item["rule"] == "typography.ellipsis")
    assert ellipsis == {
        "path": str(SEED),
        "line": 61,
        "column": 97,
        "end_line": 61,
        "end_column": 100,
        "rule": "typography.ellipsis",
        "severity": "warning",
        "message": "'...' for an ellipsis: use '…'",
        "fix": {"replacement": "…", "safe": True},
    }
    assert any(item["fix"] is None for item in data)


def test_select_and_ignore_by_prefix(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = write(tmp_path / "a.txt", "Headline\n\nIt went on...  TK.\n")
    main(["check", "--format", "json", "--select", "hygiene", article])
    assert {item["rule"] for item in json.loads(capsys.readouterr().out)} == {"hygiene.placeholder"}
    main(["check", "--format", "json", "--ignore", "hygiene,typography.ellipsis", article])
    assert {item["rule"] for item in json.loads(capsys.readouterr().out)} == {"typography.double-space"}


def error_line(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "Traceback" not in err[0], err
    return err[0]


def test_unknown_rule_in_select(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = write(tmp_path / "a.txt", "Headline\n")
    assert main(["check", "--select", "quotes.nonsense", article]) == 2
    assert error_line(capsys) == (
        "newslint: error: --select: unknown rule or prefix 'quotes.nonsense' (did you mean 'quotes.nesting'?)"
        " (see `newslint rules`)"
    )


def test_ctrl_c_is_one_line_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("newslint.linter.Linter.lint_document", interrupted)
    assert main(["check", "--no-cache", write(tmp_path / "a.txt", "Headline\n")]) == 2
    assert error_line(capsys) == "newslint: error: interrupted"


def test_missing_path_and_binary_file_are_errors_but_others_are_checked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = write(tmp_path / "good.txt", "Headline\n\nIt went on...\n")
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    invalid = tmp_path / "latin1.txt"
    invalid.write_bytes(b"Caf\xe9 society\n")
    assert main(["check", "missing.txt", str(binary), str(invalid), good]) == 2
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [
        "newslint: error: missing.txt: no such file or directory",
        f"newslint: error: {binary}: binary file, not text",
        f"newslint: error: {invalid}: not valid UTF-8 (byte 0xe9 at offset 3)",
    ]
    assert f"{good}:3:11:" in captured.out


@pytest.mark.parametrize(
    ("rule_text", "expected"),
    [
        (
            "check: existence\nmessage: m\ndescription: d\nterms: [a]\ncolour: red\nexamples: {bad: [a], good: [b]}\n",
            "5: unknown key 'colour' for a existence rule",
        ),
        (  # a rule written for 0.1 is told what replaced its key
            "check: substitution\nmessage: m\ndescription: d\nquotes: outside\nterms: {a: b}\n"
            "examples: {bad: [a], good: [b]}\n",
            "4: 'quotes' is a key of newslint 0.1: write 'speech: outside | inside | any'",
        ),
        (
            "check: existence\nmessage: m\ndescription: d\nterms: yes\nexamples: {bad: [a], good: [b]}\n",
            "4: terms: must be a list of words or phrases",
        ),
        (
            "check: existence\nmessage: m\ndescription: d\npatterns: ['(unclosed']\nexamples: {bad: [a], good: [b]}\n",
            "4: patterns: invalid regex '(unclosed'",
        ),
        (
            "check: existence\nmessage: m\ndescription: d\nterms: [a]\nexceptions: ['a (b']\nexamples: {bad: [a], good: [b]}\n",
            "5: exceptions: invalid regex 'a (b'",
        ),
        (
            "check: substitution\nmessage: m\ndescription: d\npatterns:\n  - {pattern: '[a-', replacement: b}\nexamples: {bad: [a], good: [b]}\n",
            "4: patterns: invalid regex '[a-'",
        ),
        ("check: existence\nmessage: m\ndescription: d\nterms: [a]\n", "1: missing required key 'examples'"),
        ("check: nonsense\n", "1: unknown check 'nonsense'"),
        ("check: existence\nmessage: [unclosed\n", "3: invalid YAML"),
        (
            "check: existence\nmessage: m\nseverity: fatal\ndescription: d\nexamples: {bad: [a], good: [b]}\n",
            "3: severity: must be one of error, warning, info, not 'fatal'",
        ),
    ],
)
def test_malformed_rule_file(tmp_path: Path, capsys: pytest.CaptureFixture[str], rule_text: str, expected: str) -> None:
    rule_file = write(tmp_path / "house" / "style" / "bad-rule.yaml", rule_text)
    config = write(tmp_path / "newslint.yaml", "extends: [core, ./house]\n")
    article = write(tmp_path / "a.txt", "Headline\n")
    assert main(["check", "--config", config, article]) == 2
    assert error_line(capsys).startswith(f"newslint: error: {rule_file}:{expected}")


def test_malformed_config(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    config = write(tmp_path / "newslint.yaml", "extends: [core]\nselct: [quotes]\n")
    article = write(tmp_path / "a.txt", "Headline\n")
    assert main(["check", article]) == 2
    assert error_line(capsys).startswith(f"newslint: error: {config}:2: selct: unknown key")


def test_config_discovery_and_overrides(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(
        tmp_path / "newslint.yaml",
        "extends: [core]\nrules:\n  typography.ellipsis: error\noverrides:\n  - files: ['archive/*']\n    ignore: [typography]\nexclude: [drafts]\n",
    )
    write(tmp_path / "news" / "a.txt", "Headline\n\nIt went on...\n")
    write(tmp_path / "archive" / "old.txt", "Headline\n\nIt went on...\n")
    write(tmp_path / "drafts" / "wip.txt", "Headline\n\nIt went on... TK\n")
    assert main(["check", "--format", "json", "."]) == 1
    data = json.loads(capsys.readouterr().out)
    assert [(item["path"], item["rule"], item["severity"]) for item in data] == [
        (os.path.join(".", "news", "a.txt"), "typography.ellipsis", "error")
    ]


def test_pyproject_config(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(tmp_path / "pyproject.toml", "[tool.newslint]\nextends = ['core']\nignore = ['typography.ellipsis']\n")
    article = write(tmp_path / "a.txt", "Headline\n\nIt went on...\n")
    assert main(["check", article]) == 0


def test_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Headline\n\nIt went on...\n")))
    assert main(["check", "--stdin-filename", "story.md", "-"]) == 1
    assert capsys.readouterr().out.startswith("story.md:3:11: warning typography.ellipsis")


def test_rules_listing_and_rule_explanation(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rules"]) == 0
    listing = capsys.readouterr().out
    assert "  typography.ellipsis" in listing and "- quotes.straight" in listing
    assert main(["rule", "quotes.unbalanced"]) == 0
    explanation = capsys.readouterr().out
    assert explanation.startswith("quotes.unbalanced  (error, pack core, check quotes, active)\nFix: no\n")
    assert "✗ “Today we decided to expand the mission, he said." in explanation
    assert main(["rule", "quotes.nope"]) == 2


def test_rules_test_on_a_house_pack(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(
        tmp_path / "house" / "style" / "jargon.yaml",
        "check: existence\nmessage: avoid '{found}'\ndescription: Jargon.\nterms: [synergy]\n"
        "examples:\n  bad: ['A synergy.']\n  good: ['A plan.', 'Synergy again.']\n",
    )
    assert main(["rules", "test", str(tmp_path / "house")]) == 1
    out = capsys.readouterr().out
    assert "style.jargon: good example flagged (avoid 'Synergy'): 'Synergy again.'" in out
    assert out.endswith("1 rule, 1 failing example.\n")
    assert main(["rules", "test"]) == 0


def test_rules_test_on_a_folder_of_packs(capsys: pytest.CaptureFixture[str]) -> None:
    from newslint.rules import builtin_rules_dir

    assert main(["rules", "test"]) == 0  # the built-in packs, by name
    every_pack = capsys.readouterr().out
    assert main(["rules", "test", builtin_rules_dir()]) == 0  # core, british, american, as a folder
    assert capsys.readouterr().out == every_pack


def test_init_writes_a_working_config(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["init", "--style", "british"]) == 0
    assert main(["init"]) == 2
    article = write(tmp_path / "a.txt", "Headline\n\nNATO met.\n")
    capsys.readouterr()
    assert main(["check", "--format", "json", article]) == 1
    assert [item["rule"] for item in json.loads(capsys.readouterr().out)] == ["style.nato"]


def test_house_pack_rule_replaces_builtin_and_severity_override(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = write(tmp_path / "newslint.yaml", "extends: [core]\nrules:\n  typography.ellipsis: {severity: info}\n")
    article = write(tmp_path / "a.txt", "Headline\n\nIt went on...\n")
    assert main(["check", "--config", config, article]) == 0
    assert "info typography.ellipsis" in capsys.readouterr().out


def test_terminal_output_shows_the_line_and_a_caret() -> None:
    from newslint.formats import Report, render
    from newslint.model import Diagnostic, Fix, Severity

    diagnostic = Diagnostic(
        "a.txt", 3, 11, 3, 14, "typography.ellipsis", Severity.WARNING, "use '…'", Fix("…"), start=20, end=23
    )
    lines = {3: "It went on... and on"}
    plain = render("text", Report([diagnostic], 1, source_line=lambda path, line: lines[line]))
    assert plain.splitlines()[1:3] == ["    It went on... and on", "              ^^^"]
    coloured = render("text", Report([diagnostic], 1, source_line=lambda path, line: lines[line], color=True))
    assert "\x1b[33mwarning\x1b[0m" in coloured and "\x1b[33m^^^\x1b[0m" in coloured


def test_pipes_get_plain_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = write(tmp_path / "a.txt", "Headline\n\nIt went on...\n")
    main(["check", article])
    out = capsys.readouterr().out
    assert "\x1b[" not in out and "    It went on..." not in out  # no colour, no source line


def test_rules_and_rule_read_this_folders_config(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A newsroom's house rules are listed and explained like the built-in ones."""
    write(
        tmp_path / "house" / "style" / "jargon.yaml",
        "check: existence\nmessage: avoid '{found}'\ndescription: Jargon readers skip.\nterms: [synergy]\n"
        "examples:\n  bad: ['A synergy.']\n  good: ['A plan.']\n",
    )
    write(tmp_path / "newslint.yaml", "extends: [./house]\nignore: [typography.ellipsis]\n")
    monkeypatch.chdir(tmp_path)
    assert main(["rules"]) == 0
    listing = capsys.readouterr().out
    assert listing.startswith("  ID ")
    assert "  style.jargon " in listing and "- typography.ellipsis " in listing and "  quotes.unbalanced " in listing
    assert main(["rule", "style.jargon"]) == 0
    assert capsys.readouterr().out.startswith("style.jargon  (warning, pack house, check existence, active)\nFix: no\n")
    assert main(["rules", "--format", "json"]) == 0
    rules = {rule["id"]: rule for rule in json.loads(capsys.readouterr().out)}
    assert rules["style.jargon"]["active"] and not rules["typography.ellipsis"]["active"]
    assert rules["typography.ellipsis"]["fix"] == "safe" and rules["quotes.unbalanced"]["fix"] == "off"
    assert main(["rule", "style.jargn"]) == 2
    assert "did you mean 'style.jargon'?" in capsys.readouterr().err


def test_every_rules_help_link_points_at_its_entry() -> None:
    """SARIF's helpUri and `newslint rule` link to the pack's generated page,
    at the heading GitHub makes an anchor of."""
    from newslint.rules import builtin_pack_path, builtin_packs, load_pack

    docs = Path(__file__).resolve().parent.parent / "docs" / "rules"
    for pack in builtin_packs():
        page = (docs / f"{pack}.md").read_text(encoding="utf-8")
        for rule in load_pack(builtin_pack_path(pack), pack).rules:
            address, _, anchor = rule.help_uri.partition("#")
            assert address.endswith(f"docs/rules/{pack}.md")
            assert f"\n## {rule.id}\n" in page and anchor == rule.id.replace(".", "")


def test_version_answers_before_the_command_line_is_imported() -> None:
    """`newslint --version` costs little more than Python's start: no click, no typing."""
    import subprocess
    import sys

    script = (
        "import sys; sys.argv = ['newslint', '--version']\n"
        "from newslint.entry import run\n"
        "try:\n    run()\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('click', 'typing', 'newslint.cli') if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines() == [f"newslint, version {__import__('newslint').__version__}", "[]"]
