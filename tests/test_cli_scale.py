"""Many files: --jobs keeps output order and results; progress only on a terminal."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from newslint.cli import main
from newslint.parallel import MIN_FILES_PER_JOB, effective_jobs
from newslint.progress import Progress

ARTICLE = "Council budget rises\n\nThe fund lost TK in the year - and Nato and NATO said so.\n"


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    for folder in ("b", "a"):
        (tmp_path / folder).mkdir()
        for n in range(60):
            body = ARTICLE if n % 3 else "Council budget rises\n\nThe council met on Tuesday.\n"
            (tmp_path / folder / f"{n:02}.txt").write_text(body, encoding="utf-8")
    return tmp_path


def test_jobs_give_the_same_output_in_the_same_order(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "b", "a", "--no-cache", "-j", "1"]) == 1
    serial = capsys.readouterr().out
    assert main(["check", "b", "a", "--no-cache", "-j", "3"]) == 1
    assert capsys.readouterr().out == serial
    paths = [line.split(":")[0] for line in serial.splitlines()[:-1]]
    assert paths[0].startswith("b/") and paths[-1].startswith("a/")  # the order given, then sorted within
    assert paths == sorted(paths, key=lambda path: (path[0] != "b", path))


def test_few_files_stay_in_process() -> None:
    assert effective_jobs(8, MIN_FILES_PER_JOB - 1) == 1
    assert effective_jobs(8, MIN_FILES_PER_JOB * 3) == 3
    assert effective_jobs(2, 10_000) == 2


def test_progress_only_on_a_terminal_and_for_many_files() -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    assert not Progress(5000, io.StringIO()).enabled
    assert not Progress(3, Terminal()).enabled
    stream = Terminal()
    bar = Progress(5000, stream)
    bar.update(5000)
    bar.close()
    assert "5000/5000" in stream.getvalue()


def test_statistics_go_to_stderr_with_a_machine_format(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["check", "a", "--no-cache", "--format", "json", "--statistics"])
    captured = capsys.readouterr()
    assert captured.out.startswith("[") and "hygiene.placeholder" in captured.err
