"""The Linter: everything checking needs beyond the text, owned in one place.

It finds the config for each folder (or takes the one given), resolves and
compiles each config's rules once, and checks documents with them, applying
suppressions. Nothing here is process-wide: a long-lived process (an editor
server, an HTTP service, ``learn``) keeps one Linter and calls ``reload()``
when configs or rule files change, and a test makes a fresh one.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable

from newslint.authority import Authority, AuthorityError
from newslint.authority import load as load_authority
from newslint.config import Config, ConfigError, Packs, discover, load, unknown_selector
from newslint.document import Directive, Document
from newslint.engine import RuleSet, diagnostic
from newslint.files import FileProblem, read_regular
from newslint.model import DEFAULT_GENRE, Diagnostic, Finding
from newslint.readers import parse
from newslint.rules import Rule
from newslint.suppressions import UNUSED_RULE
from newslint.suppressions import apply as apply_suppressions

_State = tuple[Config | str | None, tuple[str, ...] | None, tuple[str, ...], tuple[str, ...]]


class Linter:
    def __init__(
        self,
        config: Config | str | None = None,
        *,
        select: tuple[str, ...] | None = None,
        ignore: tuple[str, ...] = (),
        extend_select: tuple[str, ...] = (),
    ) -> None:
        """``config`` (a Config or a config file's path) is used for every
        file; without it each file gets the nearest config above it.
        ``select`` replaces and ``ignore`` and ``extend_select`` add to every config's own."""
        self._given = config
        self.select, self.ignore, self.extend_select = select, ignore, extend_select
        self.reload()

    def __getstate__(self) -> _State:
        """A Linter travels to a spawned worker as its settings; the worker
        loads and compiles afresh (compiled patterns do not pickle cheaply)."""
        return self._given, self.select, self.ignore, self.extend_select

    def __setstate__(self, state: _State) -> None:
        given, select, ignore, extend_select = state
        self.__init__(given, select=select, ignore=ignore, extend_select=extend_select)  # type: ignore[misc]

    def reload(self) -> None:
        """Forget every config, pack and compiled rule: the next check reads them afresh."""
        given = self._given
        self.explicit = load(given) if isinstance(given, str) else given
        self.packs = Packs()
        self._loaded: dict[str, Config] = {}
        self._by_folder: dict[str, Config] = {}
        self._rulesets: dict[str, RuleSet] = {}
        self._stamps: dict[str, str] = {}
        self._authorities: dict[str, Authority] = {}
        self._last: tuple[str, Config] | None = None

    # -- configs ---------------------------------------------------------------

    def config_for(self, path: str) -> Config:
        """The config for a file or folder (``-``: the current folder)."""
        if path == "-":
            return self.config_for_folder(os.getcwd())
        if os.path.isdir(path):
            return self.config_for_folder(os.path.abspath(path))
        # The files of one folder come in a row: remember the folder as written.
        head = os.path.dirname(path)
        if self._last is None or self._last[0] != head:
            self._last = (head, self.config_for_folder(os.path.dirname(os.path.abspath(path))))
        return self._last[1]

    def config_for_folder(self, folder: str) -> Config:
        config = self._by_folder.get(folder)
        if config is None:
            if self.explicit is not None:
                found = self.explicit
            else:
                path = discover(folder)
                found = self._load(path) if path else Config()
            # --select and --ignore applied once per folder, not once per file.
            config = self._by_folder[folder] = found.with_cli(self.select, self.ignore, self.extend_select)
        return config

    def _load(self, path: str) -> Config:
        if path not in self._loaded:
            self._loaded[path] = load(path)
        return self._loaded[path]

    # -- rules -----------------------------------------------------------------

    def rules(self, config: Config) -> tuple[Rule, ...]:
        """The active rules of ``config``, settings applied."""
        if self.select or self.ignore or self.extend_select:
            known = self.packs.all_rules(config)
            options = (
                ("--select", self.select or ()),
                ("--ignore", self.ignore),
                ("--extend-select", self.extend_select),
            )
            for option, selectors in options:
                for selector in selectors:
                    problem = unknown_selector(selector, known)
                    if problem:
                        raise ConfigError(f"{option}: {problem}")
        return self.packs.resolve(config)

    def all_rules(self, config: Config) -> dict[str, Rule]:
        """Every rule ``config``'s packs define, active or not."""
        return self.packs.all_rules(config)

    def ruleset(self, config: Config) -> RuleSet:
        ruleset = self._rulesets.get(config.key)
        if ruleset is None:
            ruleset = self._rulesets[config.key] = RuleSet(self.rules(config), self.authority(config))
        return ruleset

    def authority(self, config: Config) -> Authority | None:
        """The names authority ``config`` names, loaded once per file."""
        path = config.authority
        if path is None:
            return None
        authority = self._authorities.get(path)
        if authority is None:
            try:
                authority = self._authorities[path] = load_authority(path)
            except AuthorityError as error:
                raise ConfigError(f"{config.where}: authority: {error}") from None
        return authority

    def stamp(self, config: Config) -> str:
        """A hash of everything that decides ``config``'s results: its
        settings (the genre it gives articles too, part of its key), the
        bytes of every pack file and rule file it reads, and of the names
        authority it names (an edited authority is a new stamp)."""
        stamp = self._stamps.get(config.key)
        if stamp is None:
            self.authority(config)  # a missing or broken file: one line, not a traceback
            digest = hashlib.sha256(config.key.encode())
            files = self.packs.files(config) + ([config.authority] if config.authority else [])
            for path in files:
                try:
                    data = read_regular(path)  # never a FIFO swapped in since the rules were loaded
                except FileProblem as problem:
                    raise ConfigError(f"{problem.path}: cannot read: {problem.problem}") from None
                digest.update(path.encode("utf-8", "surrogateescape") + b"\0" + data + b"\0")
            stamp = self._stamps[config.key] = digest.hexdigest()
        return stamp

    # -- checking --------------------------------------------------------------

    def lint_document(self, doc: Document, config: Config) -> list[Diagnostic]:
        """Every diagnostic for ``doc`` under ``config`` (its overrides for the
        document's path applied here), suppressions applied. The article's
        genre is what its front matter says, else what the config says for
        its path, else news."""
        config = config.for_path(doc.path)
        genre = doc.genre or config.genre or DEFAULT_GENRE
        return check_document(self.ruleset(config), doc, genre)

    def lint_text(
        self, text: str | bytes, path: str | None = None, config: Config | None = None, *, reader: str | None = None
    ) -> list[Diagnostic]:
        """Check one article's text (bytes for a binary format such as .docx);
        ``path`` picks the reader (by the config's suffixes) and the config
        (unless ``config`` is given) and is reported in each diagnostic."""
        if config is None:
            config = self.config_for(path) if path is not None else self.explicit or Config()
        reader = reader or config.reader_for(path) or "text"
        return self.lint_document(parse(text, path, reader=reader, options=config.reader_settings(reader)), config)


def check_document(ruleset: RuleSet, doc: Document, genre: str = DEFAULT_GENRE) -> list[Diagnostic]:
    """``ruleset``'s diagnostics for ``doc`` (an article of ``genre``), less
    what its suppressions hide, plus a finding for each suppression that
    hides nothing (when that rule is on)."""
    diagnostics = ruleset.lint(doc, genre)
    if not doc.directives:
        return diagnostics
    unused = ruleset.by_id.get(UNUSED_RULE)

    def report_unused(directive: Directive, selectors: tuple[str, ...]) -> Diagnostic:
        assert unused is not None
        rules = ", ".join(selectors) if selectors else "any rule"
        return diagnostic(doc, unused, Finding(directive.start, directive.end, {"rules": rules}))

    return apply_suppressions(doc, diagnostics, ruleset.by_id, report_unused if unused else None)


def rules_of(linter: Linter, configs: Iterable[Config]) -> dict[str, Rule]:
    """Every active rule of ``configs``, by ID (the first config's wins)."""
    found: dict[str, Rule] = {}
    for config in configs:
        for rule in linter.rules(config):
            found.setdefault(rule.id, rule)
    return found
