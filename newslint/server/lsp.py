"""``newslint server``: a Language Server over stdio, on pygls.

An editor opens an article (Markdown or plain text) and gets newslint's
findings as diagnostics as the writer types: on open at once, on each change
after a short pause (the debounce), with the rule ID as the code and a link to
the rule's docs. Code actions offer each fix as a quick fix, every safe fix at
once (exactly what ``newslint check --fix`` would write), and a comment that
switches the rule off for one line. Hovering over a finding shows its rule's
description and examples.

One Linter per workspace folder: each file gets the nearest config above it,
as on the command line. When a config, a rule file or a pack changes on disk
(the editor watches them for us), the Linters reload and every open article is
checked again.
"""

from __future__ import annotations

import asyncio
import os
import re
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from newslint.config import CONFIG_NAMES, Config, ConfigError, discover
from newslint.fixes import apply_fixes, fix_until_stable
from newslint.linter import Linter
from newslint.model import Diagnostic, Severity
from newslint.readers import parse, reader_for
from newslint.rules import Rule
from newslint.server.positions import LineIndex
from newslint.server.watch import Snapshot, rule_files, snapshot
from newslint.version import __version__
from newslint.yamlfile import YamlError

SOURCE = "newslint"
FIX_ALL = "source.fixAll.newslint"
#: Seconds to wait after a change before checking; each new change restarts it.
DEBOUNCE = 0.05
#: Seconds between the server's own looks at configs and rule files, for
#: editors that cannot watch files for it (Neovim on Linux, for one).
RELOAD_INTERVAL = 1.0
#: What the editor watches for us: configs, and the YAML of rules and packs.
WATCHED = ("**/newslint.yaml", "**/.newslint.yaml", "**/pyproject.toml", "**/*.yaml", "**/*.yml")
#: Editors' language IDs for the articles newslint reads, where the path does not say.
LANGUAGES = {"markdown": "markdown", "plaintext": "text", "text": "text"}
SEVERITIES = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}
DISABLE_NEXT_LINE = "<!-- newslint-disable-next-line {rules} -->"
#: Such a comment already on a line: a rule is added to its list.
_DISABLE_RE = re.compile(r"^[ \t]*<!--[ \t]*newslint-disable-next-line(?P<rules>(?:[ \t]+[a-z][a-z0-9.-]*)+)")


@dataclass
class Checked:
    """One version of one document, as checked: what code actions and hover read."""

    uri: str
    version: int | None
    index: LineIndex
    diagnostics: list[Diagnostic]
    rules: Mapping[str, Rule]
    #: Checks another text exactly as this one was (same linter, config, path and reader).
    lint: Callable[[str], list[Diagnostic]]
    linter: Linter
    config: Config
    #: What fix-all makes of the text, once asked for.
    fixed: str | None = None

    @property
    def text(self) -> str:
        return self.index.text


class NewslintServer(LanguageServer):
    def __init__(self, debounce: float = DEBOUNCE) -> None:
        super().__init__("newslint", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental)
        self.debounce = debounce
        self.linters: dict[str, Linter] = {}  # workspace folder ("" for none) -> its Linter
        self.checked: dict[str, Checked] = {}  # uri -> the last check of an open document
        self.timers: dict[str, asyncio.TimerHandle] = {}
        self.shown_problem: str | None = None
        self.shut_down = False
        self.broken: set[str] = set()  # config and rule files that failed to load
        self._snapshot: Snapshot = {}
        self._looked = 0.0

    # -- checking --------------------------------------------------------------

    def linter_for(self, path: str | None) -> tuple[str, Linter]:
        """The workspace folder holding ``path`` (the deepest; "" for none) and its Linter."""
        folder = ""
        if path is not None:
            for workspace_folder in self.workspace.folders.values():
                root = to_fs_path(workspace_folder.uri)
                if root and (path == root or path.startswith(root.rstrip(os.sep) + os.sep)) and len(root) > len(folder):
                    folder = root
        if folder not in self.linters:
            self.linters[folder] = Linter()
        return folder, self.linters[folder]

    def article(self, uri: str) -> tuple[str | None, str] | None:
        """The path (None for an unsaved document) and reader of ``uri``, or
        None when it is no article newslint reads (a config, code...)."""
        document = self.workspace.get_text_document(uri)
        path = document.path if uri.startswith("file:") else None
        reader = reader_for(path) or LANGUAGES.get(document.language_id or "")
        return None if reader is None else (path, reader)

    def check(self, uri: str, path: str | None, reader: str) -> Checked | None:
        """Check the document's current text; None when its config excludes
        it, or a config or rule file is broken (the editor is told)."""
        document = self.workspace.get_text_document(uri)
        folder, linter = self.linter_for(path)
        try:
            config = linter.config_for(path) if path else linter.config_for_folder(folder or os.getcwd())
            if path is not None and config.is_excluded(path):
                return None
            config = config.for_path(path)
            rules = {rule.id: rule for rule in linter.rules(config)}

            def lint(text: str) -> list[Diagnostic]:
                return linter.lint_document(parse(text, path, reader=reader), config)

            diagnostics = lint(document.source)
        except (ConfigError, YamlError) as error:
            self.tell_problem(f"newslint: {error}")
            found = error.path if isinstance(error, YamlError) else discover(path or folder or os.getcwd())
            if found is not None:
                self.broken.add(os.path.abspath(found))
                self._snapshot.update(snapshot([os.path.abspath(found)]))  # so its repair is seen
            return None
        self.shown_problem = None
        index = LineIndex(document.source, self.workspace.position_encoding or types.PositionEncodingKind.Utf16)
        return Checked(uri, document.version, index, diagnostics, rules, lint, linter, config)

    def tell_problem(self, message: str) -> None:
        """Show a config or rule-file problem once, not on every keystroke."""
        if message != self.shown_problem:
            self.shown_problem = message
            self.window_show_message(types.ShowMessageParams(type=types.MessageType.Error, message=message))

    def current(self, uri: str) -> Checked | None:
        """The check of the document's current version, checking it now if the last is stale."""
        checked = self.checked.get(uri)
        document = self.workspace.get_text_document(uri)
        if checked is None or checked.version != document.version or checked.text != document.source:
            return self.publish(uri)
        return checked

    def publish(self, uri: str) -> Checked | None:
        """Check ``uri`` now and send its diagnostics (none for what is not an article)."""
        self.timers.pop(uri, None)
        self.refresh()
        article = self.article(uri)
        if article is None:
            return None
        checked = self.check(uri, *article)
        if checked is None:
            self.checked.pop(uri, None)
        else:
            self.checked[uri] = checked
            self.remember(checked)
        diagnostics = lsp_diagnostics(checked) if checked is not None else []
        version = self.workspace.get_text_document(uri).version
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, version=version, diagnostics=diagnostics)
        )
        return checked

    def schedule(self, uri: str) -> None:
        """Check ``uri`` once the writer pauses for ``debounce`` seconds."""
        timer = self.timers.pop(uri, None)
        if timer is not None:
            timer.cancel()
        self.timers[uri] = asyncio.get_running_loop().call_later(self.debounce, self.publish, uri)

    def forget(self, uri: str) -> None:
        timer = self.timers.pop(uri, None)
        if timer is not None:
            timer.cancel()
        self.checked.pop(uri, None)
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    def reload(self) -> None:
        """Forget every config and rule, then check every open article again."""
        for linter in self.linters.values():
            linter.reload()
        self.shown_problem = None
        self.broken.clear()
        self._looked = time.monotonic()  # the checks below read everything afresh
        for uri in list(self.workspace.text_documents):
            self.publish(uri)
        self._snapshot = snapshot(self.watched())

    def watched(self) -> set[str]:
        """The configs and rule files of the open articles, and those that failed to load."""
        paths = set(self.broken)
        for checked in self.checked.values():
            try:
                paths |= rule_files(checked.linter, [checked.config])
            except (ConfigError, YamlError):
                continue
        return paths

    def remember(self, checked: Checked) -> None:
        """Note the state of rule files seen for the first time, so that the next look sees their change."""
        unseen = rule_files(checked.linter, [checked.config]) - self._snapshot.keys()
        self._snapshot.update(snapshot(unseen))

    def refresh(self) -> None:
        """Reload if a config or rule file changed since the last look (at most once a second)."""
        now = time.monotonic()
        if now - self._looked < RELOAD_INTERVAL:
            return
        self._looked = now
        current = snapshot(self.watched())
        changed = any(path in self._snapshot and self._snapshot[path] != state for path, state in current.items())
        self._snapshot = current
        if changed:
            self.reload()


def affects_rules(path: str) -> bool:
    """Whether a changed file can change findings: a config, or the YAML of a rule or pack."""
    name = os.path.basename(path)
    return name in CONFIG_NAMES or name.endswith((".yaml", ".yml"))


# -- diagnostics, code actions, hover --------------------------------------------


def lsp_diagnostic(checked: Checked, d: Diagnostic) -> types.Diagnostic:
    rule = checked.rules.get(d.rule)
    return types.Diagnostic(
        range=checked.index.range(d.start, d.end),
        severity=SEVERITIES[d.severity],
        code=d.rule,
        code_description=types.CodeDescription(href=rule.help_uri) if rule is not None else None,
        source=SOURCE,
        message=d.message,
    )


def lsp_diagnostics(checked: Checked) -> list[types.Diagnostic]:
    return [lsp_diagnostic(checked, d) for d in checked.diagnostics]


def edit(checked: Checked, start: int, end: int, new_text: str, versioned: bool) -> types.WorkspaceEdit:
    """Replace ``[start, end)`` of the checked version (refused by the editor
    if the document has changed since, where it supports versions)."""
    text_edit = types.TextEdit(range=checked.index.range(start, end), new_text=new_text)
    if versioned:
        document = types.OptionalVersionedTextDocumentIdentifier(uri=checked.uri, version=checked.version)
        return types.WorkspaceEdit(document_changes=[types.TextDocumentEdit(text_document=document, edits=[text_edit])])
    return types.WorkspaceEdit(changes={checked.uri: [text_edit]})


def minimal_change(before: str, after: str) -> tuple[int, int, str]:
    """One replacement turning ``before`` into ``after``: (start, end, text),
    the common start and end left alone so the editor's cursor stays put."""
    limit = min(len(before), len(after))
    prefix = 0
    while prefix < limit and before[prefix] == after[prefix]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and before[-1 - suffix] == after[-1 - suffix]:
        suffix += 1
    return prefix, len(before) - suffix, after[prefix : len(after) - suffix]


def quick_fix(checked: Checked, d: Diagnostic, versioned: bool) -> types.CodeAction:
    assert d.fix is not None
    fixed = apply_fixes(checked.text, [d], unsafe=True)
    start, end, new_text = minimal_change(checked.text, fixed)
    unsafe = "" if d.fix.safe else " (unsafe: check it reads right)"
    return types.CodeAction(
        title=f"{d.rule}: replace {d.found!r} with {d.fix.replacement!r}{unsafe}",
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[lsp_diagnostic(checked, d)],
        is_preferred=d.fix.safe,
        edit=edit(checked, start, end, new_text, versioned),
    )


def fix_all(checked: Checked, versioned: bool, deferred: bool) -> types.CodeAction | None:
    """Every safe fix, repeated until nothing changes: what ``--fix`` writes.

    Editors ask for code actions as the cursor moves; working out every fix
    takes a few checks of the whole article, so where the editor can ask for
    the edit later (codeAction/resolve) it is left out until then.
    """
    if not any(d.fix is not None and d.fix.safe for d in checked.diagnostics):
        return None
    action = types.CodeAction(title="newslint: fix all safe problems", kind=FIX_ALL)
    if deferred:
        action.data = {"uri": checked.uri, "version": checked.version}
        return action
    action.edit = fix_all_edit(checked, versioned)
    return action if action.edit is not None else None


def fix_all_edit(checked: Checked, versioned: bool) -> types.WorkspaceEdit | None:
    if checked.fixed is None:
        checked.fixed = fix_until_stable(checked.text, checked.lint)
    if checked.fixed == checked.text:
        return None
    start, end, new_text = minimal_change(checked.text, checked.fixed)
    return edit(checked, start, end, new_text, versioned)


def disable_on_line(checked: Checked, rule_id: str, line: int, versioned: bool) -> types.CodeAction:
    """A ``newslint-disable-next-line`` comment above ``line`` (0-based), with
    that line's indentation; or ``rule_id`` added to such a comment already there."""
    index = checked.index
    above = index.line_text(line - 1) if line > 0 else ""
    existing = _DISABLE_RE.match(above)
    if existing is not None:
        start = index.starts[line - 1] + existing.end("rules")
        return _disable_action(checked, rule_id, line, edit(checked, start, start, f" {rule_id}", versioned))
    text = index.line_text(line)
    indent = text[: len(text) - len(text.lstrip(" \t"))]
    break_ = _line_break(checked.text)
    comment = indent + DISABLE_NEXT_LINE.format(rules=rule_id) + break_
    start = index.starts[line]
    return _disable_action(checked, rule_id, line, edit(checked, start, start, comment, versioned))


def _disable_action(checked: Checked, rule_id: str, line: int, change: types.WorkspaceEdit) -> types.CodeAction:
    matching = [lsp_diagnostic(checked, d) for d in checked.diagnostics if d.rule == rule_id and d.line == line + 1]
    return types.CodeAction(
        title=f"newslint: disable {rule_id} on this line",
        kind=types.CodeActionKind.QuickFix,
        diagnostics=matching,
        edit=change,
    )


def _line_break(text: str) -> str:
    position = text.find("\n")
    return "\r\n" if position > 0 and text[position - 1] == "\r" else "\n"


def code_actions(
    checked: Checked, start: int, end: int, only: Sequence[str] | None, versioned: bool, deferred: bool = False
) -> list[types.CodeAction]:
    """The actions for the findings touching ``[start, end]``, and fix-all."""
    actions: list[types.CodeAction] = []
    disabled: set[tuple[str, int]] = set()
    for d in checked.diagnostics:
        if d.end < start or d.start > end:
            continue
        if d.fix is not None:
            actions.append(quick_fix(checked, d, versioned))
        if (d.rule, d.line) not in disabled:
            disabled.add((d.rule, d.line))
            actions.append(disable_on_line(checked, d.rule, d.line - 1, versioned))
    if not only or any(FIX_ALL.startswith(kind) for kind in only):
        everything = fix_all(checked, versioned, deferred)
        if everything is not None:
            actions.append(everything)
    if only:
        actions = [action for action in actions if any(str(action.kind).startswith(kind) for kind in only)]
    return actions


def hover_text(checked: Checked, offset: int) -> tuple[str, Diagnostic] | None:
    """Markdown for the rules of the findings at ``offset``, the narrowest
    first (an ellipsis before the paragraph-wide quotation finding it sits
    in), and that narrowest finding."""
    here = [d for d in checked.diagnostics if d.start <= offset < d.end or d.start == offset == d.end]
    if not here:
        return None
    here.sort(key=lambda d: d.end - d.start)
    sections, seen = [], set()
    for d in here:
        rule = checked.rules.get(d.rule)
        if rule is None or rule.id in seen:
            continue
        seen.add(rule.id)
        sections.append(rule_markdown(rule, d))
    return "\n\n---\n\n".join(sections), here[0]


def rule_markdown(rule: Rule, d: Diagnostic) -> str:
    lines = [f"**{rule.id}** ({rule.severity}): {d.message}", "", rule.description.strip()]
    if rule.examples.bad:
        lines += ["", "Flags:", *(f"- ✗ `{_code(text)}`" for text in rule.examples.bad)]
    if rule.examples.good:
        lines += ["", "Passes:", *(f"- ✓ `{_code(text)}`" for text in rule.examples.good)]
    lines += ["", f"[More about {rule.id}]({rule.help_uri})"]
    return "\n".join(lines)


def _code(text: str) -> str:
    return " ".join(text.split()).replace("`", "'")


# -- the server's handlers ----------------------------------------------------------


def create_server(debounce: float = DEBOUNCE) -> NewslintServer:
    server = NewslintServer(debounce)

    @server.feature(types.INITIALIZE)
    def initialize(ls: NewslintServer, params: types.InitializeParams) -> None:
        options = params.initialization_options
        if isinstance(options, dict) and isinstance(options.get("debounceMs"), (int, float)):
            ls.debounce = max(0.0, float(options["debounceMs"]) / 1000)

    @server.feature(types.SHUTDOWN)
    def shutdown(ls: NewslintServer, params: None) -> None:
        ls.shut_down = True

    @server.feature(types.INITIALIZED)
    async def initialized(ls: NewslintServer, params: types.InitializedParams) -> None:
        workspace = ls.client_capabilities.workspace
        watched = workspace.did_change_watched_files if workspace is not None else None
        if watched is None or not watched.dynamic_registration:
            return  # the editor cannot watch files for us: configs reload when saved in it
        options = types.DidChangeWatchedFilesRegistrationOptions(
            watchers=[types.FileSystemWatcher(glob_pattern=pattern) for pattern in WATCHED]
        )
        registration = types.Registration(
            id="newslint-configs", method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES, register_options=options
        )
        await ls.client_register_capability_async(types.RegistrationParams(registrations=[registration]))

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: NewslintServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.publish(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: NewslintServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: NewslintServer, params: types.DidSaveTextDocumentParams) -> None:
        path = to_fs_path(params.text_document.uri)
        if path is not None and affects_rules(path):
            ls.reload()

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: NewslintServer, params: types.DidCloseTextDocumentParams) -> None:
        ls.forget(params.text_document.uri)

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def did_change_watched_files(ls: NewslintServer, params: types.DidChangeWatchedFilesParams) -> None:
        paths = [to_fs_path(change.uri) for change in params.changes]
        if any(path is not None and affects_rules(path) for path in paths):
            ls.reload()

    @server.feature(types.WORKSPACE_DID_CHANGE_WORKSPACE_FOLDERS)
    def did_change_folders(ls: NewslintServer, params: types.DidChangeWorkspaceFoldersParams) -> None:
        for removed in params.event.removed:
            ls.linters.pop(to_fs_path(removed.uri) or "", None)
        ls.reload()  # a document may now belong to another folder's Linter

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix, FIX_ALL], resolve_provider=True),
    )
    def code_action(ls: NewslintServer, params: types.CodeActionParams) -> list[types.CodeAction] | None:
        checked = ls.current(params.text_document.uri)
        if checked is None:
            return None
        start, end = checked.index.offset(params.range.start), checked.index.offset(params.range.end)
        return code_actions(checked, start, end, params.context.only, supports_versions(ls), resolves_edits(ls))

    @server.feature(types.CODE_ACTION_RESOLVE)
    def resolve_code_action(ls: NewslintServer, action: types.CodeAction) -> types.CodeAction:
        data = action.data if isinstance(action.data, dict) else {}
        uri = data.get("uri")
        checked = ls.current(uri) if isinstance(uri, str) and uri in ls.workspace.text_documents else None
        if checked is not None and action.kind == FIX_ALL:
            action.edit = fix_all_edit(checked, supports_versions(ls))  # for the version open now
        return action

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: NewslintServer, params: types.HoverParams) -> types.Hover | None:
        checked = ls.current(params.text_document.uri)
        if checked is None:
            return None
        found = hover_text(checked, checked.index.offset(params.position))
        if found is None:
            return None
        text, d = found
        return types.Hover(
            contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=text),
            range=checked.index.range(d.start, d.end),
        )

    return server


def resolves_edits(ls: NewslintServer) -> bool:
    """Whether the editor asks for a code action's edit when it is chosen (codeAction/resolve)."""
    text_document = ls.client_capabilities.text_document
    code_action = text_document.code_action if text_document is not None else None
    resolve = code_action.resolve_support if code_action is not None else None
    return resolve is not None and "edit" in resolve.properties


def supports_versions(ls: NewslintServer) -> bool:
    workspace = ls.client_capabilities.workspace
    return bool(workspace and workspace.workspace_edit and workspace.workspace_edit.document_changes)


def serve(debounce: float = DEBOUNCE) -> int:
    """Run the server on stdin and stdout until the editor says exit; the exit
    status is 0 when it said shutdown first, as the protocol asks.

    The protocol gets its own copy of standard output, and ``sys.stdout``
    becomes standard error, so that a stray print (ours or a library's) lands
    in the editor's log instead of corrupting the stream.
    """
    server = create_server(debounce)
    protocol_out = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    sys.stdout = sys.stderr
    server.start_io(sys.stdin.buffer, protocol_out)
    return 0 if server.shut_down else 1
