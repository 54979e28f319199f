"""The parsed-YAML cache: rule files parsed once, served while their bytes are the same, never stale or harmful."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from newslint import usercache, yamlfile
from newslint.cli import main
from newslint.yamlfile import LineDict, LineList, read_yaml

RULE = "check: existence\nmessage: m\ndescription: d\nterms:\n  - alpha\n  - beta\nexamples: {bad: [alpha], good: [gamma]}\n"


@pytest.fixture
def fresh_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache home for this test, and no cache object left from others."""
    home = tmp_path / "cache-home"
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    monkeypatch.setattr(yamlfile._ParsedCache, "_instance", None)
    return home


def no_parsing(text: str, path: str) -> None:
    raise AssertionError(f"{path} was parsed again")


def entries(home: Path) -> list[Path]:
    return sorted((home / "newslint" / "yaml").glob("*.json"))


def test_second_read_comes_from_the_cache_with_line_numbers(
    tmp_path: Path, fresh_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rule = tmp_path / "rule.yaml"
    rule.write_text(RULE, encoding="utf-8")
    parsed = read_yaml(str(rule))
    assert len(entries(fresh_cache)) == 1

    monkeypatch.setattr(yamlfile, "load_yaml", no_parsing)
    monkeypatch.setattr(yamlfile._ParsedCache, "_instance", None)  # as a new process would
    cached = read_yaml(str(rule))
    assert cached == parsed
    assert isinstance(cached, LineDict) and isinstance(cached["terms"], LineList)
    assert [cached.line_of(key) for key in cached] == [1, 2, 3, 4, 7]
    assert [cached["terms"].line_of(index) for index in range(2)] == [5, 6]
    assert cached["examples"].line_of("good") == 7


def test_an_edited_file_is_parsed_again_even_with_the_same_size_and_time(tmp_path: Path, fresh_cache: Path) -> None:
    """Entries are keyed by the file's bytes: an edit that keeps size and mtime still misses."""
    rule = tmp_path / "rule.yaml"
    rule.write_text(RULE, encoding="utf-8")
    before = os.stat(rule)
    read_yaml(str(rule))
    rule.write_text(RULE.replace("alpha", "delta"), encoding="utf-8")  # same size
    os.utime(rule, ns=(before.st_atime_ns, before.st_mtime_ns))  # and the same modification time
    assert read_yaml(str(rule))["terms"] == ["delta", "beta"]


def test_equal_files_share_one_entry_and_a_run_reads_only_its_own(tmp_path: Path, fresh_cache: Path) -> None:
    for name in ("a.yaml", "b.yaml"):
        (tmp_path / name).write_text(RULE, encoding="utf-8")
        read_yaml(str(tmp_path / name))
    (tmp_path / "c.yaml").write_text(RULE + "# another\n", encoding="utf-8")
    read_yaml(str(tmp_path / "c.yaml"))
    assert len(entries(fresh_cache)) == 2


def test_what_json_cannot_hold_is_read_but_not_cached(tmp_path: Path, fresh_cache: Path) -> None:
    dated = tmp_path / "dated.yaml"
    dated.write_text("when: 2026-11-26\n", encoding="utf-8")
    assert str(read_yaml(str(dated))["when"]) == "2026-11-26"
    assert entries(fresh_cache) == []


def test_an_unwritable_cache_home_is_no_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    monkeypatch.setattr(yamlfile._ParsedCache, "_instance", None)
    rule = tmp_path / "rule.yaml"
    rule.write_text(RULE, encoding="utf-8")
    assert read_yaml(str(rule))["terms"] == ["alpha", "beta"]


@pytest.mark.parametrize(
    "damage",
    [
        b"\x00 not JSON at all \xff",
        b"[" * 100_000 + b"]" * 100_000,  # too deep for the JSON reader
        b'["newslint parsed YAML 2", "KEY", {"map": [1, [["terms", "x", 5]]]}]',  # a line that is not a number
        b'["newslint parsed YAML 2", "KEY", {"list": [1, [], 7]}]',  # items that are not a list
        b'["newslint parsed YAML 2", "KEY", {"map": [1, [[["unhashable"], 1, 2]]]}]',
        b'["another format", "KEY", "anything"]',
    ],
)
@pytest.mark.timeout(10)
def test_a_damaged_entry_is_a_miss(tmp_path: Path, fresh_cache: Path, damage: bytes) -> None:
    rule = tmp_path / "rule.yaml"
    rule.write_text(RULE, encoding="utf-8")
    read_yaml(str(rule))
    [entry] = entries(fresh_cache)
    entry.write_bytes(damage.replace(b"KEY", entry.stem.encode()))
    yamlfile._ParsedCache._instance = None
    assert read_yaml(str(rule))["terms"] == ["alpha", "beta"]


def test_the_old_single_cache_file_goes(tmp_path: Path, fresh_cache: Path) -> None:
    """Older versions kept every entry in one file, read whole by every run."""
    old = fresh_cache / "newslint" / "parsed-yaml"
    old.parent.mkdir(parents=True)
    old.write_bytes(b"\x00" * 1000)
    rule = tmp_path / "rule.yaml"
    rule.write_text(RULE, encoding="utf-8")
    assert read_yaml(str(rule))["terms"] == ["alpha", "beta"]
    assert not old.exists() and len(entries(fresh_cache)) == 1


def test_a_cache_folder_that_is_a_symlink_is_not_written_through(tmp_path: Path, fresh_cache: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (fresh_cache / "newslint").mkdir(parents=True)
    (fresh_cache / "newslint" / "yaml").symlink_to(elsewhere)
    rule = tmp_path / "rule.yaml"
    rule.write_text(RULE, encoding="utf-8")
    assert read_yaml(str(rule))["terms"] == ["alpha", "beta"]
    assert list(elsewhere.iterdir()) == []


def test_the_oldest_entries_go_when_there_are_too_many(
    tmp_path: Path, fresh_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(usercache, "MAX_ENTRIES", 8)
    for number in range(10):
        yamlfile._ParsedCache._instance = None  # pruning happens once per process that writes
        rule = tmp_path / f"rule-{number}.yaml"
        rule.write_text(RULE + f"# {number}\n", encoding="utf-8")
        read_yaml(str(rule))
    assert 6 <= len(entries(fresh_cache)) <= 8


def test_a_bad_rule_names_its_line_when_served_from_the_cache(
    tmp_path: Path, fresh_cache: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rule = tmp_path / "house" / "style" / "bad.yaml"
    rule.parent.mkdir(parents=True)
    rule.write_text(RULE.replace("terms:", "colour: red\nterms:"), encoding="utf-8")
    config = tmp_path / "newslint.yaml"
    config.write_text("extends: [core, ./house]\n", encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("Headline\n", encoding="utf-8")
    for _ in range(2):  # parsed, then from the cache
        yamlfile._ParsedCache._instance = None
        assert main(["check", "--config", str(config), str(article)]) == 2
        assert f"{rule}:4: unknown key 'colour'" in capsys.readouterr().err


def test_a_run_with_cached_rules_does_not_import_pyyaml(tmp_path: Path, fresh_cache: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Headline\n\nThe council met on Monday.\n", encoding="utf-8")
    script = (
        "import sys; from newslint.cli import main; "
        f"code = main(['check', '--no-cache', {str(article)!r}]); "
        "print('yaml' in sys.modules, code)"
    )
    runs = [subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True) for _ in "ab"]
    assert [run.stdout.splitlines()[-1] for run in runs] == ["True 0", "False 0"]
