"""The parsed-YAML cache: rule files parsed once, served while unchanged, never stale."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from newslint import yamlfile
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


def test_second_read_comes_from_the_cache_with_line_numbers(
    tmp_path: Path, fresh_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rule = tmp_path / "rule.yaml"
    rule.write_text(RULE, encoding="utf-8")
    parsed = read_yaml(str(rule))
    assert (fresh_cache / "newslint" / "parsed-yaml").is_file()

    monkeypatch.setattr(yamlfile, "load_yaml", no_parsing)
    monkeypatch.setattr(yamlfile._ParsedCache, "_instance", None)  # as a new process would
    cached = read_yaml(str(rule))
    assert cached == parsed
    assert isinstance(cached, LineDict) and isinstance(cached["terms"], LineList)
    assert [cached.line_of(key) for key in cached] == [1, 2, 3, 4, 7]
    assert [cached["terms"].line_of(index) for index in range(2)] == [5, 6]
    assert cached["examples"].line_of("good") == 7


def test_an_edited_file_is_parsed_again(tmp_path: Path, fresh_cache: Path) -> None:
    rule = tmp_path / "rule.yaml"
    rule.write_text(RULE, encoding="utf-8")
    read_yaml(str(rule))
    rule.write_text(RULE.replace("alpha", "delta"), encoding="utf-8")  # same size
    os.utime(rule, ns=(1, 1))  # and a different modification time
    assert read_yaml(str(rule))["terms"] == ["delta", "beta"]


def test_deleted_files_leave_the_cache(tmp_path: Path, fresh_cache: Path) -> None:
    gone, kept = tmp_path / "gone.yaml", tmp_path / "kept.yaml"
    for path in (gone, kept):
        path.write_text(RULE, encoding="utf-8")
        read_yaml(str(path))
    gone.unlink()
    reloaded = yamlfile._ParsedCache(yamlfile._cache_file())  # as a new process would
    assert set(reloaded.entries) == {str(gone), str(kept)}
    kept.write_text(RULE + "# edited\n", encoding="utf-8")
    yamlfile._ParsedCache._instance = reloaded
    read_yaml(str(kept))
    assert set(yamlfile._ParsedCache(yamlfile._cache_file()).entries) == {str(kept)}


def test_what_marshal_cannot_hold_is_read_but_not_cached(tmp_path: Path, fresh_cache: Path) -> None:
    dated = tmp_path / "dated.yaml"
    dated.write_text("when: 2026-11-26\n", encoding="utf-8")
    assert str(read_yaml(str(dated))["when"]) == "2026-11-26"
    assert str(dated) not in yamlfile._ParsedCache.instance().entries


def test_an_unwritable_cache_home_is_no_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    monkeypatch.setattr(yamlfile._ParsedCache, "_instance", None)
    rule = tmp_path / "rule.yaml"
    rule.write_text(RULE, encoding="utf-8")
    assert read_yaml(str(rule))["terms"] == ["alpha", "beta"]


def test_a_damaged_cache_file_is_replaced(tmp_path: Path, fresh_cache: Path) -> None:
    (fresh_cache / "newslint").mkdir(parents=True)
    (fresh_cache / "newslint" / "parsed-yaml").write_bytes(b"\x00 not marshal")
    rule = tmp_path / "rule.yaml"
    rule.write_text(RULE, encoding="utf-8")
    assert read_yaml(str(rule))["terms"] == ["alpha", "beta"]


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
