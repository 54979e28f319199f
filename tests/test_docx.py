"""The Word reader: a finding's line is its paragraph; revisions read as accepted; never written."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest
from support import seed_text

from newslint.cli import main
from newslint.config import from_text
from newslint.linter import Linter
from newslint.readers import ReadError, parse
from newslint.run import RunOptions, run

docx = pytest.importorskip("docx")  # the optional extra newslint[docx]; the test extra installs it

ELLIPSIS = "typography.ellipsis"
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
REVISION = 'w:author="Desk" w:date="2026-11-20T10:00:00Z"'


def word_file(paragraphs: list[str]) -> bytes:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    data = io.BytesIO()
    document.save(data)
    return data.getvalue()


def test_the_seed_as_docx_gives_the_txt_findings_at_paragraph_and_column() -> None:
    lines = seed_text().split("\n")
    paragraph_of = {}  # .txt line -> paragraph number
    for number, line in enumerate(lines, 1):
        if line:
            paragraph_of[number] = len(paragraph_of) + 1
    data = word_file([line for line in lines if line])
    linter, config = Linter(), from_text("extends: [core]\n")
    as_text = linter.lint_text(seed_text(), "seed.txt", config)
    as_word = linter.lint_text(data, "seed.docx", config)
    assert len(as_text) == 23  # the seed's report (tests/test_seed.py)
    assert {(d.rule, d.line, d.column, d.found) for d in as_word} == {
        (d.rule, paragraph_of[d.line], d.column, d.found) for d in as_text
    }
    date = next(d for d in as_word if d.rule == "consistency.date-style")
    assert "on line 27" in date.message  # "line" is the paragraph here too


def test_tracked_insertions_are_prose_and_deletions_and_comments_are_not() -> None:
    document = docx.Document()
    document.add_paragraph("Budget passes", style="Title")
    paragraph = document.add_paragraph("The council ")
    from docx.oxml import parse_xml

    paragraph._p.append(parse_xml(f'<w:ins {W} w:id="1" {REVISION}><w:r><w:t>agreed... </w:t></w:r></w:ins>'))
    paragraph._p.append(parse_xml(f'<w:del {W} w:id="2" {REVISION}><w:r><w:delText>said... </w:delText></w:r></w:del>'))
    paragraph.add_run("the plan.")
    document.add_comment(paragraph.runs, text="Check this... and 'that", author="Desk")
    data = io.BytesIO()
    document.save(data)
    doc = parse(data.getvalue(), "a.docx")
    assert doc.text == "Budget passes\nThe council agreed... the plan."
    assert [block.kind for block in doc.blocks] == ["headline", "body"]
    found = Linter().lint_text(data.getvalue(), "a.docx", from_text("extends: [core]\n"))
    assert [(d.line, d.column, d.rule) for d in found] == [(2, 19, ELLIPSIS)]


def test_headline_is_the_title_or_first_heading_and_line_breaks_keep_the_paragraph() -> None:
    document = docx.Document()
    document.add_paragraph("SLUG: NATO-IRAQ")
    document.add_heading("Nato raises troop levels", level=1)
    document.add_paragraph("Stoltenberg says forces must grow", style="Subtitle")
    paragraph = document.add_paragraph("First line")
    paragraph.add_run().add_break()
    paragraph.add_run("second line... here")
    document.add_paragraph("")
    document.add_paragraph("Last paragraph...")
    data = io.BytesIO()
    document.save(data)
    doc = parse(data.getvalue(), "a.docx")
    assert [(b.kind, doc.text[b.start : b.end]) for b in doc.blocks][:3] == [
        ("body", "SLUG: NATO-IRAQ"),
        ("headline", "Nato raises troop levels"),
        ("standfirst", "Stoltenberg says forces must grow"),
    ]
    found = Linter().lint_text(data.getvalue(), "a.docx", from_text("extends: [core]\n"))
    assert {(d.line, d.column) for d in found if d.rule == ELLIPSIS} == {(4, 23), (6, 15)}


def test_fix_and_diff_refuse_word_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "draft.docx"
    article.write_bytes(word_file(["Headline", "It went on..."]))
    before = article.read_bytes()
    for option in ("--fix", "--diff"):
        assert main(["check", option, str(article)]) == 2
        assert f"newslint: error: {article}: --fix and --diff do not write .docx files" in capsys.readouterr().err
    assert article.read_bytes() == before
    assert main(["check", str(article)]) == 1
    out = capsys.readouterr().out
    assert f"{article}:2:11: warning {ELLIPSIS} '...' for an ellipsis: use '…'\n" in out  # no [*]: nothing to fix
    assert "fixable" not in out


def test_the_text_format_shows_the_paragraph(tmp_path: Path) -> None:
    article = tmp_path / "draft.docx"
    article.write_bytes(word_file(["Headline", "First paragraph.", "It went on... and on."]))
    out = io.StringIO()
    assert run(RunOptions(paths=(str(article),), color=True, cache=False), stdout=out, stderr=io.StringIO()) == 1
    assert "    It went on... and on.\n" in out.getvalue()


def test_broken_file_and_missing_library_are_one_line_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    assert main(["check", str(broken)]) == 2
    assert f"newslint: error: {broken}: not a Word (.docx) document" in capsys.readouterr().err
    monkeypatch.setitem(sys.modules, "docx", None)  # as if python-docx were not installed
    with pytest.raises(ReadError, match=r"needs python-docx: pip install 'newslint\[docx\]'"):
        parse(b"PK", "a.docx")
    with pytest.raises(ReadError, match="read from its bytes"):
        parse("text", "a.docx")


def test_walking_a_folder_finds_word_and_mdx_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "draft.docx").write_bytes(word_file(["Headline", "It went on..."]))
    (tmp_path / "page.mdx").write_text("Intro {props.x}.\n\nIt went on...\n")
    (tmp_path / "notes.rtf").write_text("It went on...\n")  # no reader takes it
    assert main(["check", "--no-cache", "--select", ELLIPSIS, str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert f"{tmp_path / 'draft.docx'}:2:11:" in out and f"{tmp_path / 'page.mdx'}:3:11:" in out
    assert "notes.rtf" not in out and "in 2 files" in out
