"""The published hook, run by the real pre-commit against this repository."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from support import ROOT

#: A real pre-commit building a real environment: ~10 s.
e2e = pytest.mark.e2e
HOOK = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))[0]

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


def try_repo(
    repository: Path, workdir: Path, article: str, text: str, *others: str
) -> subprocess.CompletedProcess[str]:
    """pre-commit running the hook on ``article`` (and ``others``, each holding ``text`` too)."""
    workdir.mkdir(parents=True, exist_ok=True)
    git(workdir, "init", "-q")
    for name in (article, *others):
        (workdir / name).parent.mkdir(parents=True, exist_ok=True)
        (workdir / name).write_text(text, encoding="utf-8")
        git(workdir, "add", name)
    env = {**os.environ, "PRE_COMMIT_HOME": str(repository.parent / "pre-commit-home")}
    return subprocess.run(
        [PRE_COMMIT, "try-repo", str(repository), "newslint", "--files", article, *others],
        cwd=workdir,
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )


@e2e
@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_hook_fails_on_a_bad_article_and_passes_on_a_clean_one(repository: Path, tmp_path: Path) -> None:
    bad = try_repo(repository, tmp_path / "bad", "story.md", "# Nato acts\n\nTalks went on... and on.\n")
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "story.md:3:14: warning typography.ellipsis" in bad.stdout
    clean = try_repo(repository, tmp_path / "clean", "story.md", "# Nato acts\n\nTalks went on and on.\n")
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "Passed" in clean.stdout


@e2e
@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_hook_leaves_out_what_is_not_an_article(repository: Path, tmp_path: Path) -> None:
    bad = "# Notes\n\nThis went on... and on.\n"
    others = ("LICENSE", "CHANGELOG.md", "requirements.txt", ".github/PULL_REQUEST_TEMPLATE.md")
    result = try_repo(repository, tmp_path / "repo", "README.md", bad, *others)
    assert result.returncode == 0 and "(no files to check)Skipped" in result.stdout, result.stdout + result.stderr
    result = try_repo(repository, tmp_path / "articles", "articles/story.md", bad, "LICENSE")
    assert result.returncode == 1 and "articles/story.md:3:13: warning typography.ellipsis" in result.stdout
    assert "LICENSE" not in result.stdout


def hook_takes(path: str, hook: dict[str, str] = HOOK) -> bool:
    """What pre-commit does with a staged file: ``files`` and ``exclude`` (regexes
    searched in the path), then ``types_or`` against identify's tags."""
    from identify import identify

    if not re.search(hook.get("files", ""), path) or re.search(hook.get("exclude", "^$"), path):
        return False
    return bool(set(hook["types_or"]) & identify.tags_from_filename(path))


@pytest.mark.parametrize(
    "path",
    [
        "LICENSE",
        "LICENSE.md",
        "LICENCE.txt",
        "LICENSE-MIT",
        "COPYING",
        "CHANGELOG.md",
        "changelog",
        "README.md",
        "docs/README.md",
        "CONTRIBUTING.md",
        "CODE_OF_CONDUCT.md",
        "AUTHORS",
        "NOTICE",
        "HISTORY.md",
        "SECURITY.md",
        "requirements.txt",
        "requirements-dev.txt",
        "constraints.txt",
        "robots.txt",
        ".github/ISSUE_TEMPLATE/bug.md",
    ],
)
def test_the_hooks_defaults_leave_out_what_is_not_an_article(path: str) -> None:
    assert not hook_takes(path)


@pytest.mark.parametrize(
    "path",
    [
        "story.md",
        "articles/2024/council-budget.md",
        "articles/history.md",
        "articles/news.md",
        "articles/license-fees-rise.txt",
        "articles/readme-of-the-year.md",
        "contributing-factors.mdx",
        "notes.txt",
        "page.html",
    ],
)
def test_the_hook_takes_articles(path: str) -> None:
    assert hook_takes(path)


def test_a_files_filter_narrows_the_hook_to_an_articles_folder() -> None:
    """The README's example: `files: ^articles/` beside the hook's own exclude."""
    narrowed = {**HOOK, "files": "^articles/"}
    assert hook_takes("articles/story.md", narrowed)
    assert not hook_takes("notes/story.md", narrowed) and not hook_takes("articles/LICENSE", narrowed)
