"""Compiled patterns kept between runs: read back only for the very pattern,
flags and named lists they were compiled from, and a damaged or foreign entry
is a miss that builds nothing."""

from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path

import pytest
import regex

from newslint import compiled
from newslint.compiled import compile_regex

PATTERN = r"(?i)\b(?:\L<month>|spring)\s+\d{4}\b"


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(compiled, "_entries", None)  # as a new process would start
    return tmp_path / "cache" / "newslint" / "regex"


def fresh_process(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Forget this process's store and count what the module compiles from now on."""
    monkeypatch.setattr(compiled, "_entries", None)
    compiled_now: list[str] = []
    real = regex.compile

    def spy(pattern: str, flags: int = 0, **lists: object) -> object:
        compiled_now.append(pattern)
        return real(pattern, flags, **lists)  # type: ignore[arg-type]

    monkeypatch.setattr(compiled.regex, "compile", spy)
    return compiled_now


def test_a_pattern_is_compiled_once_then_read_back(cache_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = compile_regex(PATTERN, regex.VERSION0, {"month": ["May", "June"]})
    assert len(list(cache_home.glob("*.pickle"))) == 1
    compiled_now = fresh_process(monkeypatch)
    again = compile_regex(PATTERN, regex.VERSION0, {"month": ["May", "June"]})
    assert compiled_now == []
    assert again.flags == first.flags and again.pattern == PATTERN
    assert again.search("in JUNE 2020 and").span() == first.search("in JUNE 2020 and").span() == (3, 12)
    assert again.search("in July 2020") is None


@pytest.mark.parametrize(
    ("flags", "lists"),
    [
        (regex.VERSION0 | regex.IGNORECASE, {"month": ["May", "June"]}),  # other flags
        (regex.VERSION0, {"month": ["May", "July"]}),  # other words in a named list
    ],
)
def test_an_entry_serves_only_what_it_was_compiled_from(
    cache_home: Path, monkeypatch: pytest.MonkeyPatch, flags: int, lists: dict[str, list[str]]
) -> None:
    compile_regex(PATTERN, regex.VERSION0, {"month": ["May", "June"]})
    compiled_now = fresh_process(monkeypatch)
    other = compile_regex(PATTERN, flags, lists)
    assert compiled_now == [PATTERN]
    assert (other.search("July 2020") is not None) == ("July" in lists["month"])


def _only_entry(cache_home: Path) -> Path:
    [entry] = cache_home.glob("*.pickle")
    return entry


def _signed(payload: bytes) -> bytes:
    return hashlib.sha256(payload).digest() + payload


class _Mkdir:
    """Pickles as a call to os.mkdir: what a planted entry would run, unchecked."""

    def __init__(self, path: str) -> None:
        self.path = path

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return os.mkdir, (self.path,)


@pytest.mark.parametrize("damage", ["truncated", "flipped", "garbage", "foreign call", "other pattern"])
def test_a_damaged_or_foreign_entry_is_a_miss(
    cache_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damage: str
) -> None:
    compile_regex(PATTERN, regex.VERSION0, {"month": ["May"]})
    entry = _only_entry(cache_home)
    raw = entry.read_bytes()
    planted = tmp_path / "planted"
    if damage == "truncated":
        entry.write_bytes(raw[: len(raw) // 2])
    elif damage == "flipped":
        entry.write_bytes(raw[:-10] + bytes([raw[-10] ^ 1]) + raw[-9:])
    elif damage == "garbage":
        entry.write_bytes(b"\x00" * 100)
    elif damage == "foreign call":  # a valid checksum, but not a pattern
        entry.write_bytes(_signed(pickle.dumps((entry.stem, _Mkdir(str(planted))))))
    else:  # a valid entry of another pattern, under this one's name
        entry.write_bytes(_signed(pickle.dumps((entry.stem, regex.compile("other")))))
    compiled_now = fresh_process(monkeypatch)
    pattern = compile_regex(PATTERN, regex.VERSION0, {"month": ["May"]})
    assert compiled_now == [PATTERN] and not planted.exists()
    assert pattern.search("May 2020") is not None


def test_a_bad_pattern_raises_and_keeps_nothing(cache_home: Path) -> None:
    with pytest.raises(regex.error):
        compile_regex(r"(unclosed", regex.VERSION0)
    assert not list(cache_home.glob("*.pickle"))


def test_a_home_that_cannot_be_written_still_compiles(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder would go", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    monkeypatch.setattr(compiled, "_entries", None)
    assert compile_regex(r"\bspring\b", regex.VERSION0).search("in spring") is not None
    assert compile_regex(r"\bspring\b", regex.VERSION0).search("in spring") is not None
