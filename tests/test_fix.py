"""--fix and --diff: never lose a word."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from support import SEED

import newslint
from newslint.cli import main
from newslint.config import from_text
from newslint.fixes import apply_fixes, choose_fixes, fix_until_stable

BRITISH = "extends: [british]\n"


@pytest.fixture()
def british_seed(tmp_path: Path) -> tuple[Path, Path]:
    config = tmp_path / "british.yaml"
    config.write_text(BRITISH)
    article = tmp_path / "nato-iraq-troops.txt"
    shutil.copy(SEED, article)
    return article, config


def test_british_fix_of_the_seed(british_seed: tuple[Path, Path]) -> None:
    article, config = british_seed
    before = article.read_text(encoding="utf-8")
    assert main(["check", "--fix", "--config", str(config), str(article)]) == 1  # the banner remains
    after = article.read_text(encoding="utf-8")
    assert '"' not in after and "..." not in after
    assert "they’re" in after and "Nato’s" in after
    lines = after.split("\n")
    assert lines[4] == "Beta V.1.0 – Powered by automated translation"
    assert lines[18].startswith("“Training") and lines[18].endswith("Baghdad.")  # continues
    assert lines[20].startswith("“Our presence") and lines[20].endswith("incremental.”")
    assert lines[38].endswith("combat operations,” Mr Stoltenberg said.")
    assert "As the 1 May deadline" in lines[52]

    # Only marks, the ellipsis, the dash and the date changed: the words are the same.
    def words(text: str) -> list[str]:
        text = text.replace("...", " ").replace("May 1", "1 May").replace("’", "'")
        return [word for word in (w.strip("\"“”'…-–.,") for w in text.split()) if word]

    assert words(before) == words(after)
    assert main(["check", "--fix", "--config", str(config), str(article)]) == 1
    assert article.read_text(encoding="utf-8") == after  # a second run changes nothing


def test_fix_keeps_bom_crlf_and_mode(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_bytes("\ufeffHeadline\r\n\r\nIt went on...  really.\r\n".encode())
    os.chmod(article, 0o640)
    assert main(["check", "--fix", str(article)]) == 0
    assert article.read_bytes() == "\ufeffHeadline\r\n\r\nIt went on… really.\r\n".encode()
    assert stat.S_IMODE(os.stat(article).st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]  # no temporary file left behind


def test_diff_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Headline\n\nIt went on...\n")
    assert main(["check", "--diff", str(article)]) == 1
    out = capsys.readouterr().out
    assert f"--- a/{article}\n+++ b/{article}\n" in out
    assert "-It went on...\n+It went on…\n" in out
    assert article.read_text() == "Headline\n\nIt went on...\n"


def test_fix_from_stdin_writes_to_stdout() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "newslint", "check", "--fix", "-"],
        input=b"Headline\n\nIt went on...\n",
        capture_output=True,
        cwd=Path(SEED).parent,
    )
    assert result.stdout.decode() == "Headline\n\nIt went on…\n"
    assert result.returncode == 0


def test_markdown_code_urls_and_front_matter_never_change(tmp_path: Path) -> None:
    text = "---\ntitle: Wait...\n---\n\nIt went on...\n\n`x...y` and https://e.com/a...b\n\n```\nz...\n```\n"
    article = tmp_path / "a.md"
    article.write_text(text)
    main(["check", "--fix", str(article)])
    assert article.read_text() == text.replace("It went on...", "It went on…")


def test_toml_front_matter_never_changes(tmp_path: Path) -> None:
    """Hugo's default front matter: curly quotes in it would break the site's build."""
    text = '+++\ntitle = "Wait..."\ntags = ["a", "b"]\n+++\n\nIt went on... “and on” and "so on".\n'
    article = tmp_path / "a.md"
    article.write_text(text)
    (tmp_path / "newslint.yaml").write_text("extends: [british]\n")
    main(["check", "--fix", "--no-cache", str(article)])
    assert article.read_text() == text.replace('It went on... “and on” and "so on"', "It went on… “and on” and “so on”")


def test_overlapping_fixes_resolve_the_same_way() -> None:
    from newslint.model import Diagnostic, Fix, Severity

    def fix(start: int, end: int, rule: str, replacement: str) -> Diagnostic:
        return Diagnostic(
            "-",
            1,
            start + 1,
            1,
            end + 1,
            rule,
            Severity.WARNING,
            "m",
            Fix(replacement) if replacement is not None else None,
            start=start,
            end=end,
        )

    diagnostics = [fix(0, 5, "b.rule", "X"), fix(0, 3, "a.rule", "Y"), fix(4, 6, "c.rule", "Z")]
    assert apply_fixes("abcdefg", diagnostics) == "YdZg"
    assert apply_fixes("abcdefg", list(reversed(diagnostics))) == "YdZg"


FRAGMENTS = [
    "Nato",
    "NATO",
    " ",
    "  ",
    "\u00a0",
    "\n",
    "\n\n",
    "\r\n",
    '"',
    "'",
    "“",
    "”",
    "‘",
    "’",
    "...",
    " - ",
    "the the",
    "they're",
    "TK",
    "May 1",
    "1 May",
    "per cent",
    "percent",
    "he said.",
    "5'10\"",
    "é",
    "🎉",
    "`",
    "#",
]
PROSE = st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=5), max_size=40).map("".join)
CONFIGS = [from_text("extends: [core]\n"), from_text(BRITISH), from_text("extends: [american]\n")]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=PROSE, config_index=st.integers(0, 2), markdown=st.booleans())
@example(text="\ufeffNatoNato\ufeff", config_index=0, markdown=False)  # a BOM: offsets still index the text
def test_fixing_is_safe_and_idempotent(text: str, config_index: int, markdown: bool) -> None:
    config, path = CONFIGS[config_index], "a.md" if markdown else "a.txt"

    def lint(text: str) -> list:
        return newslint.lint_text(text, path=path, config=config)

    diagnostics = lint(text)
    fixed = apply_fixes(text, diagnostics)
    # Walk the fixes: every character outside their spans is where it was.
    position, cursor = 0, 0
    for diagnostic in choose_fixes(diagnostics):
        assert diagnostic.fix is not None and diagnostic.fix.safe
        kept = text[cursor : diagnostic.start]
        assert fixed[position : position + len(kept)] == kept
        position += len(kept)
        replacement = diagnostic.fix.replacement
        assert fixed[position : position + len(replacement)] == replacement
        position += len(replacement)
        cursor = diagnostic.end
    assert fixed[position:] == text[cursor:]
    stable = fix_until_stable(text, lint)
    assert fix_until_stable(stable, lint) == stable


# -- Markdown markup is never fixed ------------------------------------------------

# Text every pack would fix in prose: an ellipsis, a spaced hyphen, straight
# quotes and apostrophes, a doubled word, a US date in British copy.
FIXABLE = st.sampled_from(["a...b", " - ", '"x"', "it's", "the the", "May 1", "per cent", "  "])
WORDS = st.sampled_from(["Nato", "said", "council", "budget", "rises", "x"])
URL_PART = st.lists(FIXABLE | WORDS, min_size=1, max_size=3).map("".join).map(lambda s: s.replace(" ", "_"))
TITLE = st.lists(FIXABLE | WORDS, min_size=1, max_size=3).map(" ".join).filter(lambda s: '"' not in s)
CODE = st.lists(FIXABLE | WORDS, min_size=1, max_size=3).map(" ".join).filter(lambda s: "`" not in s and s.strip())
MARKUP = st.one_of(
    st.tuples(st.just("link"), URL_PART, TITLE).map(lambda t: (f'[{t[0]}](https://example.com/{t[1]} "{t[2]}")', t[0])),
    st.tuples(st.just("angle"), URL_PART).map(lambda t: (f"[r](<https://example.com/{t[1]}...c>)", "r")),
    URL_PART.map(lambda part: (f"<https://example.com/{part}>", "")),
    TITLE.map(lambda title: (f'<span title="{title}">', "")),
    CODE.map(lambda code: (f"`{code}`", "")),
    st.tuples(st.just("image"), URL_PART).map(lambda t: (f"![alt](/img/{t[1]}.png)", "alt")),
)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    parts=st.lists(
        st.one_of(MARKUP, st.lists(FIXABLE | WORDS, max_size=4).map(lambda w: (" ".join(w), None))),
        min_size=1,
        max_size=6,
    ),
    config_index=st.integers(0, 2),
)
def test_fix_never_touches_markdown_markup(parts: list[tuple[str, str | None]], config_index: int) -> None:
    """Link destinations and titles, autolinks, inline HTML and code spans
    come through --fix unchanged, whatever fixable text they hold."""
    config = CONFIGS[config_index]
    body = " ".join(text for text, _ in parts)
    article = f"Council budget rises\n\n{body}\n"

    def lint(text: str) -> list:
        return newslint.lint_text(text, path="story.md", config=config)

    fixed = fix_until_stable(article, lint, unsafe=True)
    for text, label in parts:
        if label is None:
            continue  # prose: fixing it is the point
        # A link's label is prose and may be fixed; what follows it may not.
        markup = text[text.index("](") :] if label else text
        assert markup in fixed, (text, fixed)


def test_a_link_destination_with_an_ellipsis_is_kept(tmp_path: Path) -> None:
    """The case that went wrong: `--fix` rewrote `<https://example.com/a b...c>`."""
    story = tmp_path / "story.md"
    story.write_text("Council budget rises\n\nSee [r](<https://example.com/a b...c>) and wait...\n", encoding="utf-8")
    main(["check", "--fix", str(story)])
    assert (
        story.read_text(encoding="utf-8")
        == "Council budget rises\n\nSee [r](<https://example.com/a b...c>) and wait…\n"
    )
