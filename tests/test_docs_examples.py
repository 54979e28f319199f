"""Every shell and YAML example in README.md and docs/*.md runs, as written.

The docs follow one convention, so that an example cannot drift from what
newslint does; a new example needs nothing unless it cannot run.

- ```sh blocks: each command (a line; a trailing backslash continues it)
  runs with bash, in order, in a scratch newsroom repository that the page's
  examples share (``newsroom()``: the seeds, ``articles/``, ``drafts/``,
  ``story.md``, ``house-rules/``, a git repository with ``origin/main`` and
  an edit since). It must print no traceback and exit 0 or 1 (findings), or
  the status its comment names ("exits 0", "exit status 1"), on its line or
  on a comment line just above it. Installation steps in a line (``python3
  -m venv``, ``. .venv/bin/activate``, ``pip install``, ``pipx install``)
  are taken as done: the newslint under test is on PATH.
- ```text blocks that start with ``$ `` are a command and its output: the
  command runs, and every line shown must come out, in order; a line ``...``
  stands for lines left out (without one, the output must be exactly that).
- ```yaml blocks: one whose first line is a comment naming a file
  (``# house-rules/style/jargon.yaml``) is written there before the page's
  commands run; the pack a rule file is in must then pass ``newslint rules
  test``. One with ``repos:`` is a pre-commit config: pre-commit validates
  it, and it names the hook .pre-commit-hooks.yaml defines. One with
  ``jobs:`` is a GitHub workflow: its ``run:`` steps run as commands, as in
  Actions. Any other is a newslint config: ``newslint check --config`` with
  it over the repository exits 0 or 1 and warns of nothing.
- ```python blocks run with python and must exit 0.
- A block that cannot run here (it installs from PyPI, starts a server,
  shows a fragment of a file) is preceded by ``<!-- example: not run (why) -->``;
  ``<!-- example: file PATH -->`` names the file a YAML block is (a pack's
  ``pack.yaml``) where its text does not.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from support import ROOT

pytestmark = pytest.mark.slow

PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md")), *sorted((ROOT / "docs" / "rules").glob("*.md"))]
SHELLS = {"sh", "shell", "bash", "console"}
YAMLS = {"yaml", "yml"}
_FENCE_RE = re.compile(r"^```([\w-]*)[^\n]*\n(.*?)^```[ \t]*$", re.S | re.M)
_DIRECTIVE_RE = re.compile(r"<!--\s*example:\s*(not run|file)\b\s*(.*?)\s*-->\s*\Z", re.S)
_EXIT_RE = re.compile(r"\bexit(?:s| status)\s+(\d)\b")
_PATH_COMMENT_RE = re.compile(r"#\s*([\w./-]+\.ya?ml)\b")
_INSTALL_RE = re.compile(
    r"^\s*(python3? -m venv\b|\. \S*activate\b|source \S*activate\b|pip3? install\b|pipx install\b)"
)
_HOUSE_RULE = """\
check: substitution
message: "'{found}' is jargon: say '{replacement}'"
description: Business jargon readers skip over.
terms:
  going forward: from now on
examples:
  bad: ["We will grow going forward."]
  good: ["We will grow from now on."]
"""


@dataclass(frozen=True)
class Block:
    page: str
    line: int
    language: str
    text: str
    directive: str  # "", "not run" or "file"
    argument: str  # the reason, or the file's path

    @property
    def where(self) -> str:
        return f"{self.page}:{self.line}"


def blocks(path: Path) -> list[Block]:
    """The fenced blocks of a Markdown page, each with the directive just before it."""
    text = path.read_text(encoding="utf-8")
    found = []
    for match in _FENCE_RE.finditer(text):
        before = text[: match.start()].rstrip()
        directive = _DIRECTIVE_RE.search(before[-300:])
        found.append(
            Block(
                page=str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else path.name,
                line=text.count("\n", 0, match.start()) + 1,
                language=match.group(1).lower(),
                text=match.group(2),
                directive=directive.group(1) if directive else "",
                argument=directive.group(2) if directive else "",
            )
        )
    return found


def examples(path: Path) -> list[Block]:
    """The blocks the convention runs or names: shell, YAML, Python and ``$`` output blocks."""
    return [
        block
        for block in blocks(path)
        if block.language in SHELLS | YAMLS | {"python"} or (block.language == "text" and block.text.startswith("$ "))
    ]


# -- the scratch repository --------------------------------------------------


def git(folder: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=folder, check=True, capture_output=True)


def newsroom(folder: Path) -> Path:
    """A small newsroom repository: what the docs' examples name."""
    shutil.copytree(ROOT / "seeds", folder / "seeds")
    (folder / "articles").mkdir()
    shutil.copy(ROOT / "seeds" / "nato-iraq-troops.txt", folder / "articles" / "nato-iraq-troops.txt")
    shutil.copy(ROOT / "seeds" / "clean-council-budget.txt", folder / "articles" / "council-budget.txt")
    (folder / "drafts").mkdir()
    (folder / "drafts" / "budget.md").write_text("# Budget rises\n\nThe council met... and agreed.\n", "utf-8")
    (folder / "story.md").write_text("# Nato acts\n\nTalks went on... and on.\n", encoding="utf-8")
    (folder / "archive").mkdir()  # what `newslint learn` reads: a few published articles
    for number, name in enumerate(("nato-iraq-troops.txt", "clean-council-budget.txt") * 3):
        shutil.copy(ROOT / "seeds" / name, folder / "archive" / f"{number:02}-{name}")
    (folder / "house-rules" / "style").mkdir(parents=True)
    (folder / "house-rules" / "style" / "jargon.yaml").write_text(_HOUSE_RULE, encoding="utf-8")
    git(folder, "init", "-q")
    git(folder, "add", "-A")
    git(folder, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "the archive")
    git(folder, "update-ref", "refs/remotes/origin/main", "HEAD")
    with open(folder / "articles" / "council-budget.txt", "a", encoding="utf-8") as handle:
        handle.write("\nA late paragraph went on... and on.\n")  # an edit since origin/main
    return folder


def environment(folder: Path) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY", "NO_COLOR", "FORCE_COLOR", "COLUMNS")
    }
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    env["PRE_COMMIT_HOME"] = str(folder.parent / "pre-commit-home")
    return env


# -- running the examples ----------------------------------------------------


def commands(text: str) -> Iterator[tuple[str, set[int]]]:
    """The commands of a shell block, installation steps taken as done, each
    with the exit statuses it may end with."""
    expected: set[int] | None = None
    for line in text.replace("\\\n", " ").splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        said = _EXIT_RE.search(stripped)
        if stripped.startswith("#"):
            expected = {int(said.group(1))} if said else None
            continue
        steps = [step for step in stripped.split("&&") if not _INSTALL_RE.match(step)]
        if steps:
            yield "&&".join(steps), {int(said.group(1))} if said else expected or {0, 1}
        expected = None


def run(command: str, folder: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """``command`` run by bash. One that does not end within a minute (a
    server) is stopped, with everything it started, and exits 124 as
    timeout(1) says."""
    with subprocess.Popen(
        ["bash", "-o", "pipefail", "-c", command],
        cwd=folder,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, to stop as one
    ) as process:
        try:
            out, err = process.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
            return subprocess.CompletedProcess(command, 124, "", "still running after 60 s (a server?)")
    return subprocess.CompletedProcess(command, process.returncode, out, err)


def problem(block: Block, command: str, done: subprocess.CompletedProcess[str], expected: set[int]) -> str | None:
    if done.returncode in expected and "Traceback" not in done.stderr:
        return None
    said = (done.stderr or done.stdout).strip().splitlines()[-3:]
    return f"{block.where}: `{command}` exited {done.returncode} (expected {sorted(expected)}): {said}"


def run_shell(block: Block, folder: Path, env: dict[str, str]) -> list[str]:
    found = []
    for command, expected in commands(block.text):
        done = run(command, folder, env)
        found.append(problem(block, command, done, expected))
    return [item for item in found if item]


def run_output(block: Block, folder: Path, env: dict[str, str]) -> list[str]:
    command, *shown = block.text.rstrip("\n").split("\n")
    done = run(command[2:], folder, env)
    failed = problem(block, command[2:], done, {0, 1})
    if failed:
        return [failed]
    actual = done.stdout.rstrip("\n").split("\n")
    if "..." not in shown:
        return [] if actual == shown else [f"{block.where}: `{command[2:]}` printed {actual}, the docs show {shown}"]
    position = 0
    for line in (line for line in shown if line != "..."):
        try:
            position = actual.index(line, position) + 1
        except ValueError:
            return [f"{block.where}: `{command[2:]}` did not print, in this order: {line!r}"]
    return []


def written_file(block: Block) -> str | None:
    """The file a YAML block is: named by a directive, or by its first line's comment."""
    if block.directive == "file":
        return block.argument
    first = block.text.split("\n", 1)[0]
    match = _PATH_COMMENT_RE.match(first)
    return match.group(1) if match else None


def run_yaml(block: Block, folder: Path, env: dict[str, str]) -> list[str]:
    try:
        data = yaml.safe_load(block.text)
    except yaml.YAMLError as error:
        return [f"{block.where}: not valid YAML: {error}"]
    name = written_file(block)
    if name is not None and name.startswith(".github/workflows/"):
        return run_workflow(block, data, folder, env)
    if name is not None and not name.endswith(".pre-commit-config.yaml"):
        return check_pack(block, Path(name), folder, env)
    if isinstance(data, dict) and "repos" in data:
        return check_pre_commit(block, folder, env)
    if isinstance(data, dict) and "jobs" in data:
        return run_workflow(block, data, folder, env)
    (folder / "example-config.yaml").write_text(block.text, encoding="utf-8")
    command = "newslint check --no-cache --config example-config.yaml ."
    done = run(command, folder, env)
    failed = problem(block, command, done, {0, 1})
    if failed is None and "newslint: " in done.stderr:
        failed = f"{block.where}: the config works but newslint says: {done.stderr.strip()}"
    return [failed] if failed else []


def check_pack(block: Block, name: Path, folder: Path, env: dict[str, str]) -> list[str]:
    """A rule file (``<pack>/<family>/<rule>.yaml``) or a ``pack.yaml``: its pack's examples pass."""
    pack = name.parent if name.name == "pack.yaml" else name.parent.parent
    command = f"newslint rules test {pack}"
    done = run(command, folder, env)
    failed = problem(block, command, done, {0})
    return [failed] if failed else []


def check_pre_commit(block: Block, folder: Path, env: dict[str, str]) -> list[str]:
    (folder / "example-pre-commit-config.yaml").write_text(block.text, encoding="utf-8")
    done = run("pre-commit validate-config example-pre-commit-config.yaml", folder, env)
    if done.returncode != 0:
        return [f"{block.where}: pre-commit rejects it: {done.stdout.strip()} {done.stderr.strip()}"]
    ours = {hook["id"] for hook in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}
    found = []
    for repository in yaml.safe_load(block.text)["repos"]:
        for hook in repository["hooks"]:
            if "newslint" in repository["repo"] and hook["id"] not in ours:
                found.append(f"{block.where}: no hook {hook['id']!r} in .pre-commit-hooks.yaml")
            for key in ("files", "exclude"):
                if key in hook:
                    re.compile(hook[key])
    return found


def run_workflow(block: Block, data: dict[str, object], folder: Path, env: dict[str, str]) -> list[str]:
    """Every ``run:`` step of every job, in Actions' environment (GITHUB_ACTIONS, a step summary file)."""
    env = {**env, "GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(folder / "step-summary.md")}
    found = []
    jobs = data.get("jobs")
    assert isinstance(jobs, dict), f"{block.where}: a workflow with no jobs"
    for job in jobs.values():
        for step in job.get("steps", []):
            if "run" in step:
                found += run_shell(Block(block.page, block.line, "sh", step["run"], "", ""), folder, env)
    return found


def run_python(block: Block, folder: Path, env: dict[str, str]) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", block.text], cwd=folder, env=env, capture_output=True, text=True, timeout=120
    )
    failed = problem(block, "python", done, {0})
    return [failed] if failed else []


def run_page(path: Path, folder: Path) -> list[str]:
    """Every example of a page, files first; the problems found."""
    newsroom(folder)
    env = environment(folder)
    page = examples(path)
    for block in page:
        name = written_file(block) if block.language in YAMLS and not block.directive == "not run" else None
        if name is not None:
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            (folder / name).write_text(block.text, encoding="utf-8")
    found = []
    for block in page:
        if block.directive == "not run":
            continue
        if block.language in SHELLS:
            found += run_shell(block, folder, env)
        elif block.language in YAMLS:
            found += run_yaml(block, folder, env)
        elif block.language == "python":
            found += run_python(block, folder, env)
        else:
            found += run_output(block, folder, env)
    return found


# -- the tests ---------------------------------------------------------------


@pytest.mark.skipif(shutil.which("git") is None, reason="the scratch repository needs git")
@pytest.mark.parametrize("page", [page for page in PAGES if examples(page)], ids=lambda page: page.name)
def test_every_example_runs_as_written(page: Path, tmp_path: Path) -> None:
    assert run_page(page, tmp_path / "newsroom") == []


def test_a_block_that_is_not_run_says_why() -> None:
    unexplained = [
        block.where for page in PAGES for block in examples(page) if block.directive == "not run" and not block.argument
    ]
    assert unexplained == []


def test_the_convention_catches_a_drifted_example(tmp_path: Path) -> None:
    """The checks above can fail: a wrong option, a wrong output line and a
    broken config are each reported, and a correct page is not."""
    page = tmp_path / "page.md"
    page.write_text(
        "```sh\nnewslint check --no-such-option story.md\nnewslint check story.md   # exits 1\n```\n\n"
        "```text\n$ newslint check story.md\nstory.md:3:14: error typography.ellipsis nonsense\n...\n```\n\n"
        "```yaml\nselct: [quotes]\n```\n\n"
        "<!-- example: not run (a server) -->\n```sh\nnewslint serve\n```\n",
        encoding="utf-8",
    )
    problems = run_page(page, tmp_path / "newsroom")
    assert len(problems) == 3, problems
    assert "--no-such-option" in problems[0] and "exited 2" in problems[0]
    assert "did not print" in problems[1]
    assert "selct" in problems[2]


def test_commands_take_installation_as_done_and_read_the_exit_status() -> None:
    block = (
        "# Install and check (exit status 1: problems on purpose)\n"
        "python3 -m venv .venv && . .venv/bin/activate && pip install -e . && newslint check seeds/\n"
        "pip install 'newslint[serve]'\n"
        "newslint check a/ --write-baseline b.json   # exits 0\n"
        "newslint check \\\n  --format json a/\n"
    )
    assert list(commands(block)) == [
        (" newslint check seeds/", {1}),
        ("newslint check a/ --write-baseline b.json   # exits 0", {0}),
        ("newslint check    --format json a/", {0, 1}),
    ]
