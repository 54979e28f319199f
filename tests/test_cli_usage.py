"""What a new user trips over on the command line (issue 12), each item as
ruff, Vale and yamllint users expect it; driven through main(argv) and run()."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from newslint.cli import main
from newslint.run import RunOptions, run, use_color

STORY = "Headline\n\nIt went on...\n"
LONG = "Headline\n\n" + "Word " * 150 + "then TK appears" + " more text" * 40 + ".\n"


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    for name in ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY", "NO_COLOR", "FORCE_COLOR", "COLUMNS", "TERM"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path


def write(path: str, text: str) -> str:
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_text(text, encoding="utf-8")
    return path


def check(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["check", "--no-cache", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def on_terminal(options: RunOptions) -> str:
    out = Terminal()
    run(options, stdout=out, stderr=io.StringIO())
    return out.getvalue()


# -- 1. every usage error is one line, exit 2 ---------------------------------


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["check", "--frobnicate"], "newslint: error: no such option '--frobnicate'"),
        (["check", "--fail-on", "fatal"], "newslint: error: invalid value for '--fail-on'"),
        (["check", "--color", "sometimes"], "newslint: error: invalid value for '--color'"),
        (["nonsense"], "newslint: error: no such command 'nonsense'"),
    ],
)
def test_a_usage_error_is_one_line(args: list[str], expected: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(args) == 2
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and err.startswith(expected), err
    assert err.rstrip().endswith("--help`)")


# -- 4. settings for a rule that does not run are a warning -------------------


@pytest.mark.parametrize(
    ("config", "why"),
    [
        ("select: [quotes]\nrules:\n  headline.length: {max: 70}\n", "not selected (select: quotes)"),
        ("ignore: [headline]\nrules:\n  headline.length: info\n", "ignored (ignore: headline)"),
        ("rules:\n  style.sentence-length: {max: 30}\n", "off by default: add `enabled: true`"),
    ],
)
def test_settings_for_a_rule_that_does_not_run_are_a_warning(
    config: str, why: str, capsys: pytest.CaptureFixture[str]
) -> None:
    write("newslint.yaml", config)
    code, _, err = check(capsys, write("a.txt", STORY))
    lines = config.split("\n")
    number, rule = next((n, line.split(":")[0].strip()) for n, line in enumerate(lines, 1) if line.startswith("  "))
    assert err == f"newslint: warning: newslint.yaml:{number}: rules: {rule} is configured but {why}" + (
        ", so it does not run\n" if "off by default" not in why else " to its settings, or name it in `select`\n"
    )
    assert code in (0, 1)


@pytest.mark.parametrize(
    "config",
    [
        "select: [quotes, headline]\nrules:\n  headline.length: {max: 70}\n",
        "rules:\n  style.sentence-length: {enabled: true, max: 30}\n",
        "select: [quotes]\nrules:\n  headline.length: {max: 70}\noverrides:\n  - files: ['news/']\n    select: [headline]\n",
    ],
)
def test_settings_for_a_rule_that_runs_are_silent(config: str, capsys: pytest.CaptureFixture[str]) -> None:
    write("newslint.yaml", config)
    check(capsys, write("a.txt", STORY))
    assert "warning" not in capsys.readouterr().err
    check(capsys, write("a.txt", STORY))
    assert "warning" not in capsys.readouterr().err


def test_the_command_lines_own_selection_is_not_warned_about(capsys: pytest.CaptureFixture[str]) -> None:
    write("newslint.yaml", "rules:\n  headline.length: {max: 70}\n")
    _, _, err = check(capsys, "--select", "quotes", write("a.txt", STORY))
    assert err == ""


# -- 5. a folder of house rules keeps core, unless the config says so ---------

HOUSE_RULE = (
    "check: existence\nmessage: avoid '{found}'\ndescription: Jargon.\nterms: [synergy]\n"
    "examples:\n  bad: ['A synergy.']\n  good: ['A plan.']\n"
)


@pytest.mark.parametrize(
    ("config", "rules"),
    [
        ("extends: [./house]\n", ["typography.ellipsis", "style.jargon"]),
        ("extends: [./house]\ncore: false\n", ["style.jargon"]),
    ],
)
def test_house_rules_keep_core_unless_the_config_says_so(
    config: str, rules: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    write("house/style/jargon.yaml", HOUSE_RULE)
    write("newslint.yaml", config)
    code, out, _ = check(capsys, "--format", "json", write("a.txt", "Headline\n\nIt went on... synergy.\n"))
    assert code == 1 and [item["rule"] for item in json.loads(out)] == rules


# -- 6. --color, NO_COLOR and FORCE_COLOR --------------------------------------


def test_no_color_removes_the_colour_not_the_source_line(monkeypatch: pytest.MonkeyPatch) -> None:
    write("a.txt", STORY)
    monkeypatch.setenv("NO_COLOR", "1")
    out = on_terminal(RunOptions(paths=("a.txt",), cache=False))
    assert "\x1b[" not in out
    assert out.splitlines()[1:3] == ["    It went on...", "              ^^^"]


@pytest.mark.parametrize(
    ("setting", "terminal", "environ", "coloured"),
    [
        ("auto", True, {}, True),
        ("auto", False, {}, False),
        ("auto", True, {"NO_COLOR": "1"}, False),
        ("auto", True, {"NO_COLOR": ""}, True),  # present but empty: no effect
        ("auto", False, {"FORCE_COLOR": "1"}, True),
        ("auto", False, {"FORCE_COLOR": "0"}, True),  # any non-empty value forces
        ("auto", False, {"FORCE_COLOR": ""}, False),
        ("auto", True, {"NO_COLOR": "1", "FORCE_COLOR": "1"}, False),  # NO_COLOR wins, as in Python
        ("auto", True, {"TERM": "dumb"}, False),
        ("always", False, {"NO_COLOR": "1"}, True),  # the command line over the environment
        ("never", True, {"FORCE_COLOR": "1"}, False),
    ],
)
def test_use_color(setting: str, terminal: bool, environ: dict[str, str], coloured: bool) -> None:
    assert use_color(setting, terminal, environ) is coloured


def test_color_always_colours_a_pipe_and_never_a_terminal(capsys: pytest.CaptureFixture[str]) -> None:
    article = write("a.txt", STORY)
    _, out, _ = check(capsys, "--color", "always", article)
    assert "\x1b[33mwarning\x1b[0m" in out and "    It went on..." in out
    never = on_terminal(RunOptions(paths=(article,), cache=False, color="never"))
    assert "\x1b[" not in never and "    It went on..." in never


def test_force_color_colours_a_ci_log(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    _, out, _ = check(capsys, write("a.txt", STORY))
    assert "\x1b[33mwarning\x1b[0m" in out


# -- 7. a long line is shown as a window around the span ----------------------


def test_a_long_line_shows_a_window_around_the_span(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    write("a.txt", LONG)
    out = on_terminal(RunOptions(paths=("a.txt",), cache=False, color="never", select=("hygiene",)))
    finding, line, caret, _ = out.splitlines()
    assert finding == "a.txt:3:756: error hygiene.placeholder placeholder 'TK' left in copy"
    assert len(line) <= 80 and line.startswith("    …") and line.endswith("…")
    assert caret.strip() == "^^" and line[caret.index("^") : caret.index("^") + 2] == "TK"


def test_a_short_line_is_shown_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    write("a.txt", STORY)
    out = on_terminal(RunOptions(paths=("a.txt",), cache=False, color="never"))
    assert out.splitlines()[1] == "    It went on..."


# -- 9. --stdin-filename: its folder's config, and its exclude ----------------


def stdin(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8"))))


def test_stdin_gets_the_config_of_its_files_folder(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write("news/newslint.yaml", "ignore: [typography.ellipsis]\n")
    stdin(monkeypatch, STORY)
    assert check(capsys, "--stdin-filename", "news/story.txt", "-")[0] == 0
    stdin(monkeypatch, STORY)
    assert check(capsys, "--stdin-filename", "other/story.txt", "-")[0] == 1


def test_stdin_named_for_an_excluded_file_is_skipped_with_force_exclude(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write("newslint.yaml", "exclude: [drafts/]\n")
    stdin(monkeypatch, STORY)
    code, out, err = check(capsys, "--force-exclude", "--stdin-filename", "drafts/x.txt", "-")
    assert (code, out) == (0, "No files checked.\n")
    assert (
        err == "newslint: warning: drafts/x.txt: not checked: excluded by the config or .gitignore (--force-exclude)\n"
    )
    stdin(monkeypatch, STORY)
    assert check(capsys, "--stdin-filename", "drafts/x.txt", "-")[0] == 1  # named without --force-exclude: checked


def test_fixing_an_excluded_stdin_gives_the_text_back_unchanged(
    monkeypatch: pytest.MonkeyPatch, capfdbinary: pytest.CaptureFixture[bytes]
) -> None:
    write("newslint.yaml", "exclude: [drafts/]\n")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(STORY.encode("utf-8"))))
    code = main(["check", "--fix", "--force-exclude", "--stdin-filename", "drafts/x.txt", "-"])
    captured = capfdbinary.readouterr()
    assert code == 0 and captured.out == STORY.encode("utf-8")


# -- 10. nothing checked is never a silent pass -------------------------------


@pytest.mark.parametrize("folder", ["empty", "unsupported"])
def test_a_named_folder_with_nothing_to_check_is_an_error(folder: str, capsys: pytest.CaptureFixture[str]) -> None:
    Path("empty").mkdir()
    write("unsupported/code.py", "print('hi')\n")
    code, out, err = check(capsys, folder)
    assert code == 2 and out == "No files checked.\n"
    assert err == (
        f"newslint: error: {folder}: no file to check (none that a reader takes, or every one excluded); "
        "--allow-no-files lets such a path pass\n"
    )
    code, _, err = check(capsys, "--allow-no-files", folder)
    assert code == 0 and err.startswith(f"newslint: warning: {folder}: no file to check")


def test_a_folder_whose_files_are_all_excluded_is_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    write("newslint.yaml", "exclude: ['*.txt']\n")
    write("news/a.txt", STORY)
    assert check(capsys, "news")[0] == 2


def test_a_named_file_force_exclude_skips_is_named_on_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    write("newslint.yaml", "exclude: [drafts/]\n")
    draft, story = write("drafts/a.txt", STORY), write("b.txt", "Headline\n\nAll well.\n")
    code, out, err = check(capsys, "--force-exclude", draft, story)
    assert code == 0 and out == "No problems found in 1 file.\n"
    assert err == f"newslint: warning: {draft}: not checked: excluded by the config or .gitignore (--force-exclude)\n"


def test_a_folder_with_nothing_to_check_says_so_without_paths(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = check(capsys)
    assert (code, out) == (0, "No files checked.\n")
    assert (
        err == "newslint: warning: nothing to check in this folder: no file a reader takes (see `newslint formats`)\n"
    )


def test_rules_test_on_a_folder_with_no_rules_is_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    Path("house").mkdir()
    assert main(["rules", "test", "house"]) == 2
    assert capsys.readouterr().err == (
        "newslint: error: house: no rules to test (a pack is <pack>/<family>/<name>.yaml)\n"
    )


# -- 11. --fix says what it fixed ----------------------------------------------


def test_fix_says_how_many_it_fixed_and_how_many_remain(capsys: pytest.CaptureFixture[str]) -> None:
    write("a.txt", "Headline\n\nIt went on...  and TK.\n")
    code, out, _ = check(capsys, "--fix", "a.txt")
    assert code == 1
    assert out.splitlines()[-1] == "Found 3 problems (2 fixed, 1 remaining: 1 error) in 1 file."
    write("b.txt", STORY)
    code, out, _ = check(capsys, "--fix", "b.txt")
    assert (code, out) == (0, "Found 1 problem (1 fixed, 0 remaining) in 1 file.\n")
    code, out, _ = check(capsys, "--fix", "b.txt")
    assert (code, out) == (0, "No problems found in 1 file.\n")


# -- 12. rule, rules, formats ---------------------------------------------------


def test_rule_says_whether_its_fix_is_safe_or_unsafe(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["rule", "typography.ellipsis"]) == 0
    assert "\nFix: yes, applied by --fix\n" in capsys.readouterr().out
    assert main(["rule", "typography.no-break-space"]) == 0
    assert "\nFix: yes, unsafe: applied only with --fix --unsafe-fixes\n" in capsys.readouterr().out


def test_rules_has_a_header_and_columns_that_hold_long_pack_names(capsys: pytest.CaptureFixture[str]) -> None:
    write("a-house-style-pack-with-a-long-name/style/jargon.yaml", HOUSE_RULE)
    write("newslint.yaml", "extends: [./a-house-style-pack-with-a-long-name]\n")
    assert main(["rules"]) == 0
    lines = capsys.readouterr().out.splitlines()
    header = lines[0]
    assert header.split() == ["ID", "PACK", "SEVERITY", "FIX", "SUMMARY"]
    columns = [header.index(name) for name in ("PACK", "SEVERITY", "FIX", "SUMMARY")]
    for line in lines[1 : lines.index("")]:
        assert [line[column - 1] for column in columns] == [" "] * 4, line  # every column starts under its name
        assert line[columns[1] :].split()[0] in ("error", "warning", "info")


def test_formats_prints_plain_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["formats"]) == 0
    out = capsys.readouterr().out
    assert "``" not in out
    assert "text     path:line:col: severity rule-id message, with the source line and a caret on a terminal." in out


def test_counts_are_singular_for_one(capsys: pytest.CaptureFixture[str]) -> None:
    write("house/style/jargon.yaml", HOUSE_RULE)
    assert main(["rules", "test", "house"]) == 0
    assert capsys.readouterr().out == "1 rule, 0 failing examples.\n"


# -- 13. small messages ---------------------------------------------------------


def test_an_unknown_id_in_a_configs_select_names_the_file_and_the_nearest_id(
    capsys: pytest.CaptureFixture[str],
) -> None:
    write("newslint.yaml", "extends: [core]\nselect: [quotes.unbalancd]\n")
    code, _, err = check(capsys, write("a.txt", STORY))
    assert code == 2
    assert err == (
        f"newslint: error: {Path('newslint.yaml').resolve()}:2: select: unknown rule or prefix 'quotes.unbalancd'"
        " (did you mean 'quotes.unbalanced'?) (see `newslint rules`)\n"
    )


@pytest.mark.parametrize(
    ("rules", "line", "problem"),
    [
        ("  typography.ellipsis: info\n  quotes.unbalanced: fatal\n", 4, "rules: quotes.unbalanced: severity"),
        (
            "  typography.ellipsis: info\n  quotes.unbalanced:\n    severity: fatal\n",
            5,
            "rule quotes.unbalanced: severity:",
        ),
    ],
)
def test_a_bad_severity_points_at_the_rules_own_line(
    rules: str, line: int, problem: str, capsys: pytest.CaptureFixture[str]
) -> None:
    write("newslint.yaml", "extends: [core]\nrules:\n" + rules)
    code, _, err = check(capsys, write("a.txt", STORY))
    assert code == 2
    assert err.startswith(f"newslint: error: {Path('newslint.yaml').resolve()}:{line}: {problem}"), err


def test_config_on_a_pyproject_without_a_newslint_table_is_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    write("pyproject.toml", "[project]\nname = 'x'\n")
    code, _, err = check(capsys, "--config", "pyproject.toml", write("a.txt", STORY))
    assert code == 2 and err == "newslint: error: pyproject.toml: no [tool.newslint] table\n"


@pytest.mark.parametrize(
    ("name", "text", "what"),
    [
        ("pyproject.toml", "[tool.newslint]\nextends = ['british']\n", "pyproject.toml's [tool.newslint]"),
        (".newslint.yaml", "extends: [british]\n", ".newslint.yaml"),
    ],
)
def test_init_refuses_to_shadow_a_config_here(
    name: str, text: str, what: str, capsys: pytest.CaptureFixture[str]
) -> None:
    write(name, text)
    assert main(["init"]) == 2
    assert capsys.readouterr().err == (
        f"newslint: error: {what} already configures newslint here, and newslint.yaml would replace it\n"
    )
    assert not Path("newslint.yaml").exists()


def test_init_beside_a_pyproject_without_a_newslint_table(capsys: pytest.CaptureFixture[str]) -> None:
    write("pyproject.toml", "[project]\nname = 'x'\n# [tool.newslint] would go here\n")
    assert main(["init"]) == 0 and Path("newslint.yaml").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--fix", "--diff"], "--fix and --diff together: --fix writes the fixes, --diff only shows them; choose one"),
        (
            ["--stdin-filename", "story.md"],
            "--stdin-filename names standard input, but no '-' among the paths reads it",
        ),
    ],
)
def test_contradictory_options_are_errors(args: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    article = write("a.txt", STORY)
    assert check(capsys, *args, article) == (2, "", f"newslint: error: {message}\n")
    assert Path(article).read_text(encoding="utf-8") == STORY


# -- 14. what ruff, Vale and yamllint users expect ------------------------------


def test_quiet_prints_the_findings_only(capsys: pytest.CaptureFixture[str]) -> None:
    write("newslint.yaml", "rules:\n  style.sentence-length: {max: 30}\n")  # would warn: the rule is off
    code, out, err = check(capsys, "-q", write("a.txt", STORY))
    assert (code, out, err) == (1, "a.txt:3:11: warning typography.ellipsis '...' for an ellipsis: use '…' [*]\n", "")
    code, out, err = check(capsys, "--quiet", write("b.txt", "Headline\n\nAll well.\n"))
    assert (code, out, err) == (0, "", "")
    assert check(capsys, "--quiet", "missing.txt")[2] == "newslint: error: missing.txt: no such file or directory\n"


def test_exit_zero_with_findings_but_not_with_errors(capsys: pytest.CaptureFixture[str]) -> None:
    article = write("a.txt", STORY)
    assert check(capsys, "--exit-zero", article)[0] == 0
    assert check(capsys, "--exit-zero", article, "missing.txt")[0] == 2


def test_min_severity_hides_findings_below_it_and_they_do_not_fail(capsys: pytest.CaptureFixture[str]) -> None:
    article = write("a.txt", "Headline\n\nIt went on... TK.\n")
    code, out, _ = check(capsys, "--min-severity", "error", "--format", "json", article)
    assert code == 1 and [item["rule"] for item in json.loads(out)] == ["hygiene.placeholder"]
    code, out, _ = check(capsys, "--min-severity", "error", write("b.txt", STORY))
    assert (code, out) == (0, "No problems found in 1 file.\n")


def test_short_options(capsys: pytest.CaptureFixture[str]) -> None:
    config = write("house.yaml", "ignore: [typography.ellipsis]\n")
    article = write("a.txt", "Headline\n\nIt went on... TK.\n")
    assert check(capsys, "-c", config, "-f", "json", "-o", "report.json", article)[0] == 1
    assert [item["rule"] for item in json.loads(Path("report.json").read_text())] == ["hygiene.placeholder"]


def test_extend_select_adds_to_the_configs_selection(capsys: pytest.CaptureFixture[str]) -> None:
    write("newslint.yaml", "select: [hygiene]\n")
    article = write("a.txt", "Headline\n\nIt went on... TK.\n")

    def rules(*args: str) -> list[str]:
        _, out, _ = check(capsys, "-f", "json", *args, article)
        return [item["rule"] for item in json.loads(out)]

    assert rules() == ["hygiene.placeholder"]
    assert rules("--extend-select", "typography.ellipsis") == ["typography.ellipsis", "hygiene.placeholder"]
    assert rules("--select", "typography") == ["typography.ellipsis"]  # --select replaces


def test_extend_select_turns_on_a_rule_that_is_off_by_default_by_its_id(capsys: pytest.CaptureFixture[str]) -> None:
    long_sentence = "Headline\n\n" + " ".join(["word"] * 80) + ".\n"
    article = write("a.txt", long_sentence)
    _, out, _ = check(capsys, "-f", "json", "--select", "style", article)
    assert json.loads(out) == []
    _, out, _ = check(capsys, "-f", "json", "--extend-select", "style.sentence-length", article)
    assert "style.sentence-length" in [item["rule"] for item in json.loads(out)]
    assert main(["check", "--extend-select", "style.nonsense", article]) == 2


def test_show_files_lists_what_would_be_checked(capsys: pytest.CaptureFixture[str]) -> None:
    write("newslint.yaml", "exclude: [drafts/]\n")
    write("news/b.md", STORY)
    write("news/a.txt", STORY)
    write("drafts/c.txt", STORY)
    write("news/notes.py", "")
    code, out, _ = check(capsys, "--show-files", "news", "drafts")
    assert (code, out) == (2, "news/a.txt\nnews/b.md\n")  # drafts/ holds nothing to check: still an error
    assert check(capsys, "--show-files", "news")[:2] == (0, "news/a.txt\nnews/b.md\n")


def test_show_settings_says_what_a_file_gets(capsys: pytest.CaptureFixture[str]) -> None:
    write("newslint.yaml", "extends: [british]\nignore: [claims]\nfail-on: error\n")
    code, out, _ = check(capsys, "--show-settings", write("a.txt", STORY))
    lines = out.splitlines()
    assert code == 0 and lines[:3] == ["Settings for a.txt:", "  config: newslint.yaml", "  packs: british"]
    assert "  ignore: claims" in lines and "  fail-on: error" in lines
    assert any(line.split() == ["style.nato", "warning", "fix", "safe"] for line in lines)
    assert not any(line.strip().startswith("claims.") for line in lines)


def test_a_one_file_run_imports_nothing_the_new_options_need(tmp_path: Path) -> None:
    """A pre-commit run on one file pays for what it uses: git, diffs,
    baselines and the GitHub summary are imported only when asked for."""
    import subprocess

    write("a.txt", STORY)
    program = (
        "import sys\nfrom newslint.cli import main\nmain(['check', '--no-cache', 'a.txt'])\n"
        "print(' '.join(sorted(sys.modules)), file=sys.stderr)"
    )
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, cwd=tmp_path, check=True)
    imported = set(done.stderr.split())
    unwanted = {"subprocess", "difflib", "newslint.gitdiff", "newslint.baseline", "newslint.fixes"}
    assert imported & (unwanted | {"newslint.formats.github", "newslint.formats.json"}) == set()
    assert "newslint.formats.text" in imported


def test_a_missing_library_is_one_line_and_exit_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """An install from before a library was needed (a checkout pulled over an
    old editable install) says what to do, not a traceback."""
    (tmp_path / "story.txt").write_text("Headline\n\nThe text.\n", encoding="utf-8")
    (tmp_path / ".git").mkdir()  # a repository, whose .gitignore is read with pathspec
    (tmp_path / ".gitignore").write_text("drafts/\n", encoding="utf-8")
    monkeypatch.setitem(sys.modules, "pathspec", None)  # import pathspec now fails
    assert main(["check", "--no-cache", str(tmp_path)]) == 2
    assert capsys.readouterr().err == (
        "newslint: error: the Python package 'pathspec' that newslint needs is not installed;"
        " reinstall newslint (`pip install -e .` in a checkout, `pip install -U newslint` otherwise)\n"
    )
