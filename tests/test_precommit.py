"""The published hook, run by the real pre-commit against this repository."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from support import ROOT

pytestmark = pytest.mark.e2e  # a real pre-commit building a real environment: ~10 s

PRE_COMMIT = shutil.which("pre-commit") or str(Path(sys.executable).with_name("pre-commit"))


def git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


@pytest.fixture(scope="module")
def repository(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A snapshot of this checkout as a git repository, as `try-repo` needs one."""
    source = tmp_path_factory.mktemp("newslint-repo")
    ignore = shutil.ignore_patterns(
        ".venv", ".git", "__pycache__", "*.egg-info", ".pytest_cache", ".newslint_cache", ".hypothesis"
    )
    shutil.copytree(ROOT, source, dirs_exist_ok=True, ignore=ignore)
    git(source, "init", "-q")
    git(source, "add", "-A")
    git(source, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "snapshot")
    return source


def try_repo(repository: Path, workdir: Path, article: str, text: str) -> subprocess.CompletedProcess[str]:
    workdir.mkdir(parents=True, exist_ok=True)
    git(workdir, "init", "-q")
    (workdir / article).write_text(text, encoding="utf-8")
    git(workdir, "add", article)
    env = {**os.environ, "PRE_COMMIT_HOME": str(repository.parent / "pre-commit-home")}
    return subprocess.run(
        [PRE_COMMIT, "try-repo", str(repository), "newslint", "--files", article],
        cwd=workdir,
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_hook_fails_on_a_bad_article_and_passes_on_a_clean_one(repository: Path, tmp_path: Path) -> None:
    bad = try_repo(repository, tmp_path / "bad", "story.md", "# Nato acts\n\nTalks went on... and on.\n")
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "story.md:3:14: warning typography.ellipsis" in bad.stdout
    clean = try_repo(repository, tmp_path / "clean", "story.md", "# Nato acts\n\nTalks went on and on.\n")
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "Passed" in clean.stdout
