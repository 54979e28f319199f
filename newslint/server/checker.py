"""The HTTP service's work, with no web framework in sight: requests in,
JSON-ready answers out, every problem an ``ApiError`` with a status and a code.

Rules and configs come only from the server's side. A request chooses a pack
among those the server was started with (the built-in packs, its own config,
house packs named on its command line) and may narrow the rules with
``select`` and ``ignore``; it never sends a rule, a pattern or a path, so no
request can run a regex of its own or make the server read a file.

A CMS keeps the headline and standfirst in fields of their own. They are
checked as one article with the text (the headline's figure must be in the
body), and each finding says which field it is in: ``path`` is ``"-"`` for
the text, as ``newslint check --format json -`` reports stdin, or
``"headline"`` / ``"standfirst"``, with lines and columns counted within that
field.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from newslint.config import Config, ConfigError, discover, load, unknown_selector
from newslint.document import Document
from newslint.fixes import MAX_ROUNDS, apply_fixes, unified_diff
from newslint.linter import Linter
from newslint.model import Diagnostic
from newslint.readers import parse, readers
from newslint.rules import builtin_pack_path, builtin_packs, is_pack
from newslint.server.watch import Snapshot, rule_files, snapshot
from newslint.text import Block
from newslint.yamlfile import YamlError

#: The fields of an article a request may send, in the order they are read.
PARTS = ("headline", "standfirst", "text")
REQUEST_KEYS = ("text", "format", "headline", "standfirst", "pack", "select", "ignore")
FIX_KEYS = (*REQUEST_KEYS, "unsafe_fixes")
#: Between the fields when they are checked as one article: a paragraph break.
SEPARATOR = "\n\n"
_SELECTOR_RE = re.compile(r"[a-z][a-z0-9-]*(?:\.[a-z0-9][a-z0-9-]*)?")
MAX_SELECTORS = 64
#: Distinct (pack, select, ignore) choices whose compiled rules are kept; past
#: this the Linter starts afresh, so no stream of requests can grow it forever.
MAX_RULESETS = 64


class ApiError(Exception):
    """A request the service cannot answer: an HTTP status, a stable code and a message for people."""

    def __init__(self, status: int, code: str, message: str, **details: Any) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.details = status, code, message, details

    def to_dict(self) -> dict[str, Any]:
        return {"error": {"code": self.code, "message": self.message, **self.details}}


@dataclass(frozen=True)
class CheckRequest:
    text: str
    format: str = "text"
    headline: str | None = None
    standfirst: str | None = None
    pack: str | None = None
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    unsafe_fixes: bool = False

    def parts(self) -> dict[str, str]:
        """The fields sent, in article order."""
        given = {"headline": self.headline, "standfirst": self.standfirst, "text": self.text}
        return {name: value for name, value in given.items() if value is not None}


def parse_request(data: Any, *, fixing: bool = False) -> CheckRequest:
    """A CheckRequest from decoded JSON, or an ApiError (422) naming the field at fault."""
    if not isinstance(data, dict):
        raise _invalid('the body must be a JSON object, such as {"text": "..."}')
    allowed = FIX_KEYS if fixing else REQUEST_KEYS
    for key in data:
        if key not in allowed:
            raise _invalid(f"unknown field {key!r} (known: {', '.join(allowed)})", field=key)
    text = data.get("text")
    if not isinstance(text, str):
        raise _invalid("'text' is required: the article, as a string", field="text")
    format_ = data.get("format", "text")
    if not isinstance(format_, str) or format_ not in readers():
        raise _invalid(f"'format' must be one of {', '.join(sorted(readers()))}", field="format")
    for part in ("headline", "standfirst"):
        value = data.get(part)
        if value is not None and (not isinstance(value, str) or "\n" in value or "\r" in value):
            raise _invalid(f"'{part}' must be a string of one line", field=part)
    for part in PARTS:
        if isinstance(data.get(part), str) and not _is_unicode(data[part]):
            raise _invalid(f"'{part}' holds a lone surrogate (\\ud800-\\udfff), which is no character", field=part)
    pack = data.get("pack")
    if pack is not None and not isinstance(pack, str):
        raise _invalid("'pack' must be the name of a pack (GET /v1/packs lists them)", field="pack")
    unsafe = data.get("unsafe_fixes", False)
    if not isinstance(unsafe, bool):
        raise _invalid("'unsafe_fixes' must be true or false", field="unsafe_fixes")
    select = _selectors(data, "select")
    return CheckRequest(
        text=text,
        format=format_,
        headline=data.get("headline"),
        standfirst=data.get("standfirst"),
        pack=pack,
        select=select or None,
        ignore=_selectors(data, "ignore"),
        unsafe_fixes=unsafe,
    )


def _selectors(data: Mapping[str, Any], key: str) -> tuple[str, ...]:
    value = data.get(key)
    if value is None:
        return ()
    if (
        not isinstance(value, list)
        or len(value) > MAX_SELECTORS
        or not all(isinstance(item, str) and _SELECTOR_RE.fullmatch(item) for item in value)
    ):
        raise _invalid(
            f"'{key}' must be a list of at most {MAX_SELECTORS} rule IDs or prefixes, such as [\"quotes\"]", field=key
        )
    return tuple(value)


def _is_unicode(text: str) -> bool:
    """Whether ``text`` is characters only: JSON's escapes can spell half a surrogate pair."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _invalid(message: str, **details: Any) -> ApiError:
    return ApiError(422, "invalid_request", message, **details)


@dataclass(frozen=True)
class PackChoice:
    name: str
    description: str
    config: Config


@dataclass(frozen=True)
class Article:
    """The fields of one request joined into the text newslint checks."""

    text: str
    spans: Mapping[str, tuple[int, int]]  # field -> where it lies in ``text``

    @classmethod
    def join(cls, parts: Mapping[str, str]) -> Article:
        pieces: list[str] = []
        spans: dict[str, tuple[int, int]] = {}
        cursor = 0
        for name, value in parts.items():
            if pieces:
                pieces.append(SEPARATOR)
                cursor += len(SEPARATOR)
            spans[name] = (cursor, cursor + len(value))
            pieces.append(value)
            cursor += len(value)
        return cls("".join(pieces), spans)

    def document(self, reader: str) -> Document:
        """The article parsed; when the headline or standfirst came in a field
        of its own, the blocks in each field are of that kind and the text's
        are body copy, whatever the reader would have guessed."""
        doc = parse(self.text, None, reader=reader)
        if set(self.spans) != {"text"}:
            kinds = {"headline": "headline", "standfirst": "standfirst", "text": "body"}
            doc.blocks = [Block(kinds[self.field_at(block.start)], block.start, block.end) for block in doc.blocks]
        return doc

    def field_at(self, offset: int) -> str:
        for name, (_, end) in self.spans.items():
            if offset <= end:
                return name
        return "text"

    def within(self, d: Diagnostic, field: str) -> Diagnostic:
        """``d`` with its offsets, lines and columns counted within ``field``."""
        start, end = self.spans[field]
        lines_before = self.text.count("\n", 0, start)
        return replace(
            d,
            path="-" if field == "text" else field,
            line=d.line - lines_before,
            end_line=d.end_line - lines_before,
            start=d.start - start,
            end=min(d.end, end) - start,
        )


class Checker:
    """One long-lived Linter and the packs requests may choose among.

    Not safe for threads: the service runs every call on one thread of its own.
    """

    def __init__(self, config_path: str | None = None, house_packs: Sequence[str] = (), root: str | None = None):
        self.linter = Linter()
        self.packs: dict[str, PackChoice] = {}
        root = os.path.abspath(root or os.getcwd())
        config_path = config_path or discover(root)
        if config_path is not None:
            config = load(config_path)
            self.packs["default"] = PackChoice("default", f"this server's config ({config_path})", config)
        for name in builtin_packs():
            description = self.linter.packs.load(builtin_pack_path(name), name).description
            self.packs[name] = PackChoice(name, description or f"the built-in {name} pack", Config(extends=(name,)))
        for folder in house_packs:
            folder = os.path.abspath(folder)
            name = os.path.basename(folder.rstrip(os.sep))
            if not os.path.isdir(folder) or not is_pack(folder):
                raise ConfigError(f"{folder}: not a pack (a folder of <family>/<rule>.yaml files)")
            description = self.linter.packs.load(folder, name).description
            self.packs[name] = PackChoice(
                name, description or f"house pack {name}", Config(root=root, extends=(folder,))
            )
        self.default_pack = "default" if "default" in self.packs else "core"
        self._seen: set[str] = set()
        for choice in self.packs.values():
            self.linter.ruleset(choice.config)  # fail at start, not on the first request, on a broken pack

    def reload(self) -> None:
        self.linter.reload()
        self._seen.clear()

    def snapshot(self) -> Snapshot:
        """The state of every file the packs' rules come from (see ``watch``)."""
        return snapshot(rule_files(self.linter, [choice.config for choice in self.packs.values()]))

    # -- what a request chose ------------------------------------------------------

    def config(self, request: CheckRequest) -> Config:
        name = self.default_pack if request.pack is None else request.pack
        choice = self.packs.get(name)
        if choice is None:
            known = sorted(self.packs)
            raise ApiError(422, "unknown_pack", f"unknown pack {name!r} (known: {', '.join(known)})", known=known)
        config = choice.config
        if request.select is None and not request.ignore:
            return config
        rules = self.linter.all_rules(config)
        for key, selectors in (("select", request.select or ()), ("ignore", request.ignore)):
            for selector in selectors:
                problem = unknown_selector(selector, rules)
                if problem:
                    raise ApiError(
                        422, "unknown_rule", f"{key}: {problem.replace('`newslint rules`', 'GET /v1/rules')}"
                    )
        chosen = config.with_cli(request.select, request.ignore)
        if chosen.key not in self._seen:
            if len(self._seen) >= MAX_RULESETS:
                self.reload()
            self._seen.add(chosen.key)
        return chosen

    def lint(self, article: Article, request: CheckRequest, config: Config) -> list[Diagnostic]:
        try:
            return self.linter.lint_document(article.document(request.format), config)
        except (ConfigError, YamlError) as error:  # the server's own config or packs
            raise ApiError(500, "config_error", str(error)) from None

    # -- the endpoints' work ---------------------------------------------------------

    def check(self, request: CheckRequest) -> dict[str, Any]:
        config = self.config(request)
        article = Article.join(request.parts())
        findings = [article.within(d, article.field_at(d.start)).to_dict() for d in self.lint(article, request, config)]
        return {"findings": findings}

    def fix(self, request: CheckRequest) -> dict[str, Any]:
        """Every fix ``--fix`` would apply (with ``unsafe_fixes``, ``--unsafe-fixes``
        too), round after round until nothing changes, each field fixed within itself."""
        config = self.config(request)
        before = parts = request.parts()
        for _ in range(MAX_ROUNDS):
            article = Article.join(parts)
            diagnostics = self.lint(article, request, config)
            fixed = {
                name: apply_fixes(value, self._inside(article, diagnostics, name), unsafe=request.unsafe_fixes)
                for name, value in parts.items()
            }
            if fixed == parts:
                break
            parts = fixed
        article = Article.join(parts)
        remaining = [article.within(d, article.field_at(d.start)) for d in self.lint(article, request, config)]
        diff = "".join(unified_diff(name, before[name], parts[name]) for name in parts)
        return {**parts, "diff": diff, "findings": [d.to_dict() for d in remaining]}

    @staticmethod
    def _inside(article: Article, diagnostics: list[Diagnostic], field: str) -> list[Diagnostic]:
        start, end = article.spans[field]
        return [article.within(d, field) for d in diagnostics if start <= d.start and d.end <= end]

    def rules(self, pack: str | None) -> dict[str, Any]:
        config = self.config(CheckRequest(text="", pack=pack))
        active = {rule.id for rule in self.linter.rules(config)}
        listed = sorted(self.linter.all_rules(config).values(), key=lambda rule: rule.id)
        return {
            "pack": self.default_pack if pack is None else pack,
            "rules": [rule.listing(rule.id in active) for rule in listed],
        }

    def pack_list(self) -> dict[str, Any]:
        packs = [{"name": choice.name, "description": choice.description} for choice in self.packs.values()]
        return {"default": self.default_pack, "packs": packs, "formats": sorted(readers())}
