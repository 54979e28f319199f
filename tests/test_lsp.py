"""`newslint server` driven over stdio by a real LSP client (pytest-lsp).

Each test starts the server as editors do (`python -m newslint server`),
opens the seed article and checks what comes back against `newslint check`
run on the same text: the same findings, the same text after --fix.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import shutil
import sys
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("pygls", reason="newslint server needs the lsp extra: pip install -e '.[test]'")
pytest_lsp = pytest.importorskip("pytest_lsp", reason="pytest-lsp drives the server: pip install -e '.[test]'")
pytest_asyncio = pytest.importorskip("pytest_asyncio")

from lsprotocol import types  # noqa: E402
from pygls.uris import from_fs_path  # noqa: E402

from newslint.cli import main  # noqa: E402

pytestmark = [pytest.mark.e2e, pytest.mark.asyncio]

SEED = Path(__file__).parent.parent / "seeds" / "nato-iraq-troops.txt"
WAIT = 10.0  # seconds: generous for a loaded CI machine; a pass takes milliseconds


class Editor:
    """The test's side of the connection: a client plus the article it has open."""

    def __init__(self, client: Any, folder: Path) -> None:
        self.client = client
        self.folder = folder
        self.registrations: list[types.Registration] = []
        self.published: asyncio.Queue[types.PublishDiagnosticsParams] = asyncio.Queue()
        self.uri = ""
        self.text = ""
        self.version = 0

    async def open(self, path: Path, language: str = "plaintext") -> list[types.Diagnostic]:
        self.uri, self.text, self.version = from_fs_path(str(path)), path.read_text(encoding="utf-8"), 1
        item = types.TextDocumentItem(uri=self.uri, language_id=language, version=1, text=self.text)
        self.client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=item))
        return await self.diagnostics(version=1)

    async def diagnostics(self, version: int | None = None) -> list[types.Diagnostic]:
        """The next diagnostics published for the open article (for ``version``, when given)."""
        while True:
            params = await asyncio.wait_for(self.published.get(), WAIT)
            if params.uri == self.uri and (version is None or params.version == version):
                return list(params.diagnostics)

    async def change(self, edits: list[types.TextEdit]) -> list[types.Diagnostic]:
        """Send ``edits`` as an editor would (incrementally) and return the diagnostics that follow."""
        self.version += 1
        changes = [types.TextDocumentContentChangePartial(range=edit.range, text=edit.new_text) for edit in edits]
        self.text = apply_edits(self.text, edits)
        identifier = types.VersionedTextDocumentIdentifier(uri=self.uri, version=self.version)
        self.client.text_document_did_change(
            types.DidChangeTextDocumentParams(text_document=identifier, content_changes=changes)
        )
        return await self.diagnostics(version=self.version)

    async def actions(self, at: types.Range, only: list[str] | None = None) -> list[types.CodeAction]:
        context = types.CodeActionContext(diagnostics=[], only=only)
        params = types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=self.uri), range=at, context=context
        )
        result = await self.client.text_document_code_action_async(params)
        return [action for action in result or [] if isinstance(action, types.CodeAction)]

    def edits_of(self, action: types.CodeAction) -> list[types.TextEdit]:
        """The text edits of ``action`` (checking they are for this version of this article)."""
        assert action.edit is not None and action.edit.document_changes
        (change,) = action.edit.document_changes
        assert isinstance(change, types.TextDocumentEdit)
        assert change.text_document.uri == self.uri and change.text_document.version == self.version
        return [edit for edit in change.edits if isinstance(edit, types.TextEdit)]


def offset(text: str, position: types.Position) -> int:
    """A UTF-16 position (LSP's default) as a character offset into ``text``."""
    lines = text.split("\n")
    before = sum(len(line) + 1 for line in lines[: position.line])
    units, index, line = 0, 0, lines[position.line] if position.line < len(lines) else ""
    while index < len(line) and units < position.character:
        units += 2 if ord(line[index]) > 0xFFFF else 1
        index += 1
    return before + index


def apply_edits(text: str, edits: list[types.TextEdit]) -> str:
    spans = [(offset(text, edit.range.start), offset(text, edit.range.end), edit.new_text) for edit in edits]
    for start, end, new_text in sorted(spans, reverse=True):
        text = text[:start] + new_text + text[end:]
    return text


def columns(text: str, position: types.Position) -> tuple[int, int]:
    """An LSP position as newslint's 1-based line and character column."""
    line_start = offset(text, types.Position(line=position.line, character=0))
    return position.line + 1, offset(text, position) - line_start + 1


def as_findings(text: str, diagnostics: list[types.Diagnostic]) -> list[tuple[Any, ...]]:
    severities = {1: "error", 2: "warning", 3: "info"}
    found = []
    for d in diagnostics:
        found.append(
            (
                *columns(text, d.range.start),
                *columns(text, d.range.end),
                d.code,
                severities[d.severity or 0],
                d.message,
            )
        )
    return sorted(found)


def cli_findings(path: Path, capsys: pytest.CaptureFixture[str], *args: str) -> list[tuple[Any, ...]]:
    capsys.readouterr()
    main(["check", "--format", "json", "--no-cache", *args, str(path)])
    report = json.loads(capsys.readouterr().out)
    return sorted(
        (f["line"], f["column"], f["end_line"], f["end_column"], f["rule"], f["severity"], f["message"]) for f in report
    )


def cli_fix(path: Path, text: str, *args: str) -> str:
    """What `newslint check --fix` writes for ``text``, in a copy beside ``path`` (same config)."""
    copy = path.with_name("cli-" + path.name)
    copy.write_text(text, encoding="utf-8")
    main(["check", "--fix", "--no-cache", *args, str(copy)])
    fixed = copy.read_text(encoding="utf-8")
    copy.unlink()
    return fixed


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    folder = tmp_path / "newsroom"
    folder.mkdir()
    shutil.copy(SEED, folder / SEED.name)
    return folder


@contextlib.asynccontextmanager
async def connected(workspace: Path, client_name: str) -> AsyncIterator[Editor]:
    """`newslint server` started in ``workspace`` and initialised by a client
    with the capabilities of ``client_name`` (as pytest-lsp recorded them)."""
    from pygls.protocol import default_converter
    from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features

    client = pytest_lsp.LanguageClient(converter_factory=default_converter)
    session = Editor(client, workspace)
    # pytest-lsp's own handlers, but diagnostics go to the test's queue.
    register_lsp_features(
        client, {k: v for k, v in DEFAULT_CLIENT_FEATURES.items() if k != types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS}
    )

    @client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(params: types.RegistrationParams) -> None:
        session.registrations.extend(params.registrations)

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def published(params: types.PublishDiagnosticsParams) -> None:
        session.published.put_nowait(params)

    environment = {**os.environ, "PYTHONPATH": str(Path(__file__).parent.parent)}
    await client.start_io(sys.executable, "-m", "newslint", "server", "--stdio", cwd=str(workspace), env=environment)
    await client.initialize_session(
        types.InitializeParams(
            capabilities=pytest_lsp.client_capabilities(client_name),
            workspace_folders=[types.WorkspaceFolder(uri=from_fs_path(str(workspace)) or "", name="newsroom")],
            initialization_options={"debounceMs": 20},
        )
    )
    try:
        yield session
    finally:
        await client.shutdown_session()
        await client.stop()


@pytest_asyncio.fixture
async def editor(workspace: Path) -> AsyncIterator[Editor]:
    async with connected(workspace, "visual-studio-code") as session:
        yield session


async def test_opening_the_seed_gives_the_findings_of_newslint_check(
    editor: Editor, workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    diagnostics = await editor.open(workspace / SEED.name)
    expected = cli_findings(workspace / SEED.name, capsys)
    assert len(expected) == 23  # the seed's report (tests/test_seed.py)
    assert as_findings(editor.text, diagnostics) == expected
    ellipsis = next(d for d in diagnostics if d.code == "typography.ellipsis")
    assert ellipsis.source == "newslint"
    assert ellipsis.code_description is not None and "typography" in ellipsis.code_description.href


async def test_editing_a_line_updates_the_diagnostics(editor: Editor, workspace: Path) -> None:
    before = await editor.open(workspace / SEED.name)
    ellipsis = next(d for d in before if d.code == "typography.ellipsis")
    # The writer types the ellipsis properly, and a placeholder on line 1 of the body.
    start = types.Position(line=8, character=0)
    after = await editor.change(
        [
            types.TextEdit(range=ellipsis.range, new_text="…"),
            types.TextEdit(range=types.Range(start=start, end=start), new_text="TK "),
        ]
    )
    rules_before = sorted(str(d.code) for d in before)
    rules_after = sorted(str(d.code) for d in after)
    assert "typography.ellipsis" not in rules_after
    placeholder = [d for d in after if d.code == "hygiene.placeholder"]
    assert [(d.range.start.line, d.range.start.character, d.range.end.character) for d in placeholder] == [(8, 0, 2)]
    assert sorted([*rules_after, "typography.ellipsis"]) == sorted([*rules_before, "hygiene.placeholder"])


async def test_a_quick_fix_changes_the_text_as_fix_would(editor: Editor, workspace: Path) -> None:
    path = workspace / SEED.name
    diagnostics = await editor.open(path)
    original = editor.text
    ellipsis = next(d for d in diagnostics if d.code == "typography.ellipsis")
    actions = await editor.actions(ellipsis.range)
    (quick_fix,) = [
        a for a in actions if a.kind == types.CodeActionKind.QuickFix and a.title.startswith("typography.ellipsis")
    ]
    assert quick_fix.is_preferred
    after = await editor.change(editor.edits_of(quick_fix))
    assert editor.text == cli_fix(path, original, "--select", "typography.ellipsis")
    assert editor.text != original
    assert "typography.ellipsis" not in {d.code for d in after}


async def test_fix_all_writes_what_fix_writes(editor: Editor, workspace: Path) -> None:
    path = workspace / SEED.name
    await editor.open(path)
    original = editor.text
    actions = await editor.actions(
        types.Range(start=types.Position(line=0, character=0), end=types.Position(line=0, character=0)),
        only=["source.fixAll"],
    )
    (fix_all,) = actions
    assert fix_all.kind == "source.fixAll.newslint"
    assert fix_all.edit is None  # VS Code asks for it once chosen: the work is not done on every cursor move
    fix_all = await editor.client.code_action_resolve_async(fix_all)
    await editor.change(editor.edits_of(fix_all))
    expected = cli_fix(path, original)
    assert expected != original
    assert editor.text == expected


async def test_fix_all_for_an_editor_that_cannot_resolve_actions(workspace: Path) -> None:
    path = workspace / SEED.name
    async with connected(workspace, "emacs") as editor:  # eglot: the edit comes with the action
        await editor.open(path)
        original = editor.text
        start = types.Position(line=0, character=0)
        (fix_all,) = await editor.actions(types.Range(start=start, end=start), only=["source.fixAll"])
        assert fix_all.edit is not None
        await editor.change(editor.edits_of(fix_all))
        assert editor.text == cli_fix(path, original) != original


async def test_disabling_a_rule_on_a_line_silences_it_there_only(editor: Editor, workspace: Path) -> None:
    diagnostics = await editor.open(workspace / SEED.name)
    vague = next(d for d in diagnostics if d.code == "claims.vague-source")
    actions = await editor.actions(vague.range)
    (disable,) = [a for a in actions if a.title == "newslint: disable claims.vague-source on this line"]
    after = await editor.change(editor.edits_of(disable))
    line = editor.text.split("\n")[vague.range.start.line]
    assert line == "<!-- newslint-disable-next-line claims.vague-source -->"
    assert "claims.vague-source" not in {d.code for d in after}
    assert "hygiene.unused-suppression" not in {d.code for d in after}
    assert len(after) == len(diagnostics) - 1


async def test_hover_shows_the_rule_and_its_examples(editor: Editor, workspace: Path) -> None:
    diagnostics = await editor.open(workspace / SEED.name)
    ellipsis = next(d for d in diagnostics if d.code == "typography.ellipsis")
    params = types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=editor.uri), position=ellipsis.range.start
    )
    hover = await editor.client.text_document_hover_async(params)
    assert hover is not None and isinstance(hover.contents, types.MarkupContent)
    assert hover.contents.value.startswith("**typography.ellipsis** (warning)")
    assert "Flags:" in hover.contents.value and "Passes:" in hover.contents.value
    nowhere = types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=editor.uri), position=types.Position(line=2, character=0)
    )
    assert await editor.client.text_document_hover_async(nowhere) is None


async def test_a_changed_config_gives_new_diagnostics(
    editor: Editor, workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = workspace / SEED.name
    before = await editor.open(path)
    assert any(d.code == "quotes.mixed-style" for d in before)
    # The server asked the editor to watch configs and rule files for it.
    (watching,) = [r for r in editor.registrations if r.method == types.WORKSPACE_DID_CHANGE_WATCHED_FILES]
    patterns = [watcher["globPattern"] for watcher in watching.register_options["watchers"]]
    assert "**/newslint.yaml" in patterns and "**/*.yaml" in patterns
    config = workspace / "newslint.yaml"
    config.write_text("extends: [british]\nignore: [typography.no-break-space]\n", encoding="utf-8")
    change = types.FileEvent(uri=from_fs_path(str(config)) or "", type=types.FileChangeType.Created)
    editor.client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(changes=[change]))
    after = await editor.diagnostics()
    assert as_findings(editor.text, after) == cli_findings(path, capsys)
    assert not any(d.code == "typography.no-break-space" for d in after)
    assert any(str(d.code).startswith("style.") for d in after)  # british's house style


async def test_without_file_watching_the_server_looks_for_itself(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = workspace / "newslint.yaml"
    config.write_text("extends: [core]\n", encoding="utf-8")
    async with connected(workspace, "neovim@v0.10.0") as editor:  # it cannot watch files for a server
        before = await editor.open(workspace / SEED.name)
        assert editor.registrations == []
        assert any(str(d.code).startswith("quotes.") for d in before)
        config.write_text("extends: [core]\nignore: [quotes]\n", encoding="utf-8")
        await asyncio.sleep(1.2)  # past the server's next look at the files
        start = types.Position(line=2, character=0)
        after = await editor.change([types.TextEdit(range=types.Range(start=start, end=start), new_text="x")])
        assert not any(str(d.code).startswith("quotes.") for d in after)
        edited = workspace / "edited.txt"
        edited.write_text(editor.text, encoding="utf-8")
        assert as_findings(editor.text, after) == cli_findings(edited, capsys)


async def test_a_broken_config_is_reported_once_and_clears_the_diagnostics(editor: Editor, workspace: Path) -> None:
    await editor.open(workspace / SEED.name)
    config = workspace / "newslint.yaml"
    config.write_text("extends: [no-such-pack]\n", encoding="utf-8")
    change = types.FileEvent(uri=from_fs_path(str(config)) or "", type=types.FileChangeType.Created)
    editor.client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(changes=[change]))
    assert await editor.diagnostics() == []
    (message,) = editor.client.messages
    assert message.type == types.MessageType.Error and "unknown rule pack 'no-such-pack'" in message.message


async def test_markdown_by_language_for_an_unsaved_document(editor: Editor) -> None:
    editor.uri, editor.text = "untitled:Untitled-1", "# A headline\n\nThe minister said TK on Monday.\n"
    item = types.TextDocumentItem(uri=editor.uri, language_id="markdown", version=1, text=editor.text)
    editor.client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=item))
    diagnostics = await editor.diagnostics(version=1)
    assert [(d.code, d.range.start.line, d.range.start.character) for d in diagnostics] == [
        ("hygiene.placeholder", 2, 18)
    ]
