"""Caches that are never wrong: stale state, damaged entries and symlinks cannot change a result."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest
from hostile import ARTICLE, run, write

from newslint import files, usercache, yamlfile
from newslint.cache import CACHE_DIR

TK_RULE = """check: existence
message: tk
description: d
terms: [TK]
case_sensitive: true
examples: {bad: ['TK here'], good: ['b']}
"""

SHARDS = Path(CACHE_DIR) / "results"


@pytest.fixture
def yaml_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "cache-home"
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    monkeypatch.setattr(yamlfile._ParsedCache, "_instance", None)
    return home / "newslint" / "yaml"


def test_a_settings_only_pack_yaml_edit_misses_the_results_cache(capsys: pytest.CaptureFixture[str]) -> None:
    write("newslint.yaml", "extends: [./house]\ncore: false\n")
    write("house/hyg/tk.yaml", TK_RULE)
    write("house/pack.yaml", "rules:\n  hyg.tk: {enabled: false}\n")
    article = write("a.txt", ARTICLE)
    assert run(["check", article], capsys)[1].startswith("No problems")
    assert list(SHARDS.glob("*.json"))  # cached
    write("house/pack.yaml", "rules:\n  hyg.tk: {enabled: true}\n")
    code, out, _ = run(["check", article], capsys)
    assert code == 1 and "a.txt:3:15: warning hyg.tk tk" in out


def test_a_rule_edit_that_keeps_size_and_time_is_seen(yaml_cache: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write("newslint.yaml", "extends: [./house]\ncore: false\n")
    rule = Path(write("house/hyg/tk.yaml", TK_RULE.replace("[TK]", "[XX]")))
    article = write("a.txt", ARTICLE)
    assert run(["check", "--no-cache", article], capsys)[0] == 0
    before = os.stat(rule)
    rule.write_text(TK_RULE, encoding="utf-8")  # the same size
    os.utime(rule, ns=(before.st_atime_ns, before.st_mtime_ns))  # and the same modification time
    yamlfile._ParsedCache._instance = None  # a new process
    assert run(["check", "--no-cache", article], capsys)[0] == 1


@pytest.mark.timeout(10)
def test_a_garbage_file_in_the_parsed_yaml_cache_is_a_quick_miss(
    yaml_cache: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = write("a.txt", ARTICLE)
    assert run(["check", "--no-cache", article], capsys)[0] == 1
    entries = sorted(yaml_cache.glob("*.json"))
    assert entries
    garbage = [
        b"\x00" * 100,
        b"[" * 1_000_000,
        b"\xdb\xff\xff\xff\x7f" * 10,  # what a marshal list of two billion items starts with
        json.dumps(["newslint parsed YAML 2", "x", {"map": [1, [["k", 1, {"list": [1, [], "x" * 10]}]]]}]).encode(),
    ]
    for number, entry in enumerate(entries):
        entry.write_bytes(garbage[number % len(garbage)])
    yamlfile._ParsedCache._instance = None
    started = time.monotonic()
    code, out, _ = run(["check", "--no-cache", article], capsys)
    assert code == 1 and "hygiene.placeholder" in out
    assert time.monotonic() - started < 5


def test_each_parsed_file_is_one_small_entry_written_once(
    yaml_cache: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """10,000 rule files with a cold cache took minutes: every new entry rewrote them all."""
    for number in range(300):
        write(f"house/many/rule-{number:03}.yaml", TK_RULE.replace("[TK]", f"[word{number}]"))
    write("newslint.yaml", "extends: [core, ./house]\n")
    written: list[int] = []
    real = files.write_atomically

    def spy(path: str, data: bytes, **kwargs: object) -> None:
        if str(yaml_cache) in path:
            written.append(len(data))
        real(path, data, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(usercache, "write_atomically", spy)
    assert run(["check", "--no-cache", write("a.txt", ARTICLE)], capsys)[0] == 1
    assert len(written) >= 300 and max(written) < 20_000  # no entry grows with the number of files


def test_a_run_reads_only_the_entries_of_the_files_it_loads(
    yaml_cache: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A huge cached rule pack elsewhere must not slow a one-file run here."""
    write("elsewhere/house/big/list.yaml", TK_RULE.replace("[TK]", "[" + ", ".join(f"w{n}" for n in range(5000)) + "]"))
    write("elsewhere/newslint.yaml", "extends: [core, ./house]\n")
    run(["check", "--no-cache", write("elsewhere/a.txt", ARTICLE)], capsys)
    biggest = max(entry.stat().st_size for entry in yaml_cache.glob("*.json"))
    read: list[str] = []
    real = files.read_regular

    def spy(path: str, *args: object, **kwargs: object) -> bytes:
        read.append(path)
        return real(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(usercache, "read_regular", spy)
    yamlfile._ParsedCache._instance = None
    run(["check", "--no-cache", write("here/a.txt", ARTICLE)], capsys)
    entries_read = [path for path in read if path.startswith(str(yaml_cache))]
    assert entries_read and all(os.path.getsize(path) < biggest for path in entries_read)


@pytest.mark.parametrize(
    "damage",
    [
        lambda text: text.replace('"error"', '"bogus"'),  # a severity that does not exist
        lambda text: text.replace('"hygiene.placeholder"', "17"),  # a rule that is not a string
        lambda text: text.replace(',"error",', ',["error"],'),  # a list where a string belongs
        lambda text: "[" * 100_000 + "]" * 100_000,  # too deep for the JSON reader
        lambda text: '{"fields": 5, "entries": []}',
        lambda text: text[: len(text) // 2],  # half written
    ],
)
def test_a_damaged_result_cache_entry_is_a_miss(damage: object, capsys: pytest.CaptureFixture[str]) -> None:
    article = write("a.txt", ARTICLE)
    first = run(["check", article], capsys)
    for shard in SHARDS.glob("*.json"):
        text = shard.read_text(encoding="utf-8")
        damaged = damage(text)  # type: ignore[operator]
        assert damaged != text
        shard.write_text(damaged, encoding="utf-8")
    assert run(["check", article], capsys) == first


def test_a_cache_folder_that_is_a_symlink_is_not_written_through(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    os.symlink(outside, CACHE_DIR)
    article = write("a.txt", ARTICLE)
    assert run(["check", article], capsys)[0] == 1
    assert list(outside.iterdir()) == []


def test_a_results_folder_or_shard_that_is_a_symlink_is_not_followed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = write("a.txt", ARTICLE)
    run(["check", article], capsys)
    [shard] = SHARDS.glob("*.json")
    secret = Path(write(tmp_path / "outside" / "secret.json", '{"keep": "me"}'))
    shard.unlink()
    os.symlink(secret, shard)
    assert run(["check", article], capsys)[0] == 1
    assert secret.read_text(encoding="utf-8") == '{"keep": "me"}'  # replaced as a link, never written through
    assert not shard.is_symlink()


def test_temporary_files_of_killed_cache_writers_are_removed(capsys: pytest.CaptureFixture[str]) -> None:
    article = write("a.txt", ARTICLE)
    run(["check", article], capsys)
    stale = SHARDS / ".newslint-999999999-abcdefgh.tmp"  # no such process
    stale.write_text("{", encoding="utf-8")
    write("b.txt", ARTICLE.replace("year", "month"))
    run(["check", "b.txt"], capsys)
    assert not stale.exists()
