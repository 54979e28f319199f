"""The diagnostics cache: hits, misses on change, and sharing between processes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from newslint.cache import CACHE_DIR, Cache
from newslint.cli import main
from newslint.config import Config
from newslint.linter import Linter
from newslint.model import Diagnostic, Severity

ARTICLE = "Council budget rises\n\nThe fund lost TK in the year - and Nato and NATO said so.\n"


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "news"
    folder.mkdir()
    for n in range(120):
        (folder / f"story-{n:03}.txt").write_text(ARTICLE.replace("year", f"year {n}"), encoding="utf-8")
    return folder


SHARDS = Path(CACHE_DIR) / "results"


def entries() -> dict[str, list]:
    """Every entry of every shard."""
    found: dict[str, list] = {}
    for shard in SHARDS.glob("*.json"):
        found.update(json.loads(shard.read_text(encoding="utf-8"))["entries"])
    return found


def test_second_run_is_served_from_the_cache(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "news", "-j", "1", "--format", "json"]) == 1
    first = capsys.readouterr().out
    assert len(entries()) == 120 and (Path(CACHE_DIR) / ".gitignore").is_file()
    assert main(["check", "news", "-j", "1", "--format", "json"]) == 1
    assert capsys.readouterr().out == first
    # Doctor every entry: only a run served from the cache can report this.
    for shard in SHARDS.glob("*.json"):
        shard.write_text(shard.read_text(encoding="utf-8").replace("left in copy", "from the cache"), encoding="utf-8")
    main(["check", "news", "-j", "1"])
    assert "placeholder 'TK' from the cache" in capsys.readouterr().out


def test_a_changed_file_misses(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", "news/story-000.txt"])
    capsys.readouterr()
    (corpus / "story-000.txt").write_text("Council budget rises\n\nThe council met on Tuesday.\n", encoding="utf-8")
    assert main(["check", "news/story-000.txt"]) == 0
    assert len(entries()) == 2


def test_a_one_file_run_reads_and_writes_one_shard(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """However large the archive's cache, a pre-commit run on one file touches one small file."""
    main(["check", "news", "-j", "1"])
    shards = {path: path.stat().st_mtime_ns for path in SHARDS.glob("*.json")}
    # 120 entries spread over the 16 shards by hash (a rule edit moves every
    # key, and now and then leaves one shard empty by chance).
    assert len(shards) >= 12
    (corpus / "story-000.txt").write_text("Council budget rises\n\nThe council met.\n", encoding="utf-8")
    opened: list[str] = []
    real_open, real_replace = os.open, os.replace

    def spy_open(file, *args, **kwargs):  # type: ignore[no-untyped-def]
        opened.append(str(file))
        return real_open(file, *args, **kwargs)

    def spy_replace(source, destination, *args, **kwargs):  # type: ignore[no-untyped-def]
        opened.append(str(destination))
        return real_replace(source, destination, *args, **kwargs)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(os, "open", spy_open)
        patch.setattr(os, "replace", spy_replace)
        assert main(["check", "news/story-000.txt"]) == 0
    touched = {
        os.path.basename(path).split(".")[0]
        for path in opened
        if f"{os.sep}results{os.sep}" in path and path.endswith(".json")
    }
    assert len(touched) == 1
    changed = [path for path in SHARDS.glob("*.json") if shards.get(path) != path.stat().st_mtime_ns]
    assert [path.stem for path in changed] == sorted(touched)


def test_a_changed_config_misses(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "news/story-000.txt"]) == 1
    Path("newslint.yaml").write_text("ignore: [hygiene, typography, consistency, claims]\n", encoding="utf-8")
    assert main(["check", "news/story-000.txt"]) == 0


def test_no_cache_writes_nothing(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", "news", "--no-cache"])
    assert not Path(CACHE_DIR).exists()


def test_fix_does_not_use_the_cache(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", "news/story-000.txt", "--fix"])
    assert not Path(CACHE_DIR).exists()


def test_corrupt_entry_is_a_miss(tmp_path: Path) -> None:
    cache = Cache(str(tmp_path / CACHE_DIR))
    diagnostic = Diagnostic("a.txt", 1, 2, 1, 4, "hygiene.placeholder", Severity.ERROR, "TK", fix=None, start=1, end=3)
    key = cache.key("a.txt", b"x TK", Linter().stamp(Config()))
    cache.put(key, [diagnostic])
    cache.close()
    assert cache.get(key) == [diagnostic]
    Path(cache.file_for(key)).write_text('{"fields": ', encoding="utf-8")
    assert Cache(cache.directory).get(key) is None


def test_racing_processes_leave_the_cache_readable(corpus: Path) -> None:
    command = [sys.executable, "-m", "newslint", "check", "news", "--format", "json", "-j", "1"]
    env = {**os.environ, "NO_COLOR": "1"}
    runs = [subprocess.Popen(command, stdout=subprocess.PIPE, env=env) for _ in range(2)]
    outputs = [run.communicate(timeout=120)[0] for run in runs]
    assert [run.returncode for run in runs] == [1, 1]
    assert json.loads(outputs[0]) == json.loads(outputs[1])
    assert len(entries()) == 120
    assert not list(SHARDS.glob("*.tmp"))  # every shard is complete: entries() parsed them
    served = subprocess.run(command, stdout=subprocess.PIPE, env=env, check=False)
    assert json.loads(served.stdout) == json.loads(outputs[0])


def test_a_warm_cache_answers_before_compiling_or_forking(
    corpus: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """With every file known, the run builds no rule set and forks no
    worker: two jobs cost what one does."""
    assert main(["check", "news", "-j", "2", "--format", "json"]) == 1
    first = capsys.readouterr().out

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a warm run built a rule set or forked")

    monkeypatch.setattr("newslint.linter.Linter.ruleset", refuse)
    monkeypatch.setattr("newslint.forking.forked", refuse)
    assert main(["check", "news", "-j", "2", "--format", "json"]) == 1
    assert capsys.readouterr().out == first
    # One file changed: that one alone is checked.
    (corpus / "story-007.txt").write_text("Headline\n\nIt went on...\n", encoding="utf-8")
    monkeypatch.undo()
    monkeypatch.chdir(corpus.parent)
    assert main(["check", "news", "-j", "2", "--format", "json"]) == 1
    assert '"path": "news/story-007.txt"' in capsys.readouterr().out
