"""Configuration: which packs, which rules, with which settings, for which paths.

Found by walking up from the checked file to the first ``newslint.yaml``,
``.newslint.yaml`` or ``pyproject.toml`` with a ``[tool.newslint]`` table. With
none, the defaults apply: the ``core`` pack, every rule it enables. Paths in
``exclude`` and ``overrides`` are gitignore patterns relative to the config
file's folder (``pathspec``, which follows git's rules).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any

from newslint.model import GENRES, SEVERITIES, genre_named, selects
from newslint.options import Bool, Choice, Option, OptionType, Schema, Str, Strings, type_name
from newslint.rules import SETTABLE_KEYS, Pack, Rule, builtin_pack_path, builtin_packs, is_pack, load_pack
from newslint.yamlfile import LineDict, YamlError, load_yaml, read_yaml

CONFIG_NAMES = ("newslint.yaml", ".newslint.yaml", "pyproject.toml")
OVERRIDE_KEYS = ("files", "select", "ignore", "rules", "genre")


class ConfigError(Exception):
    """A config that cannot be used; the message is one line."""


class RuleSettings(OptionType):
    """``rules:``: rule ID -> a severity, or a mapping of that rule's settings
    (checked against the rule when it is resolved)."""

    def problem(self, value: Any) -> str | None:
        if not isinstance(value, dict):
            return f"must be a mapping of rule IDs to settings, not {type_name(value)}"
        for rule_id, settings in value.items():
            if not isinstance(settings, (dict, str)):
                return f"{rule_id}: settings must be a mapping (or a severity)"
            if isinstance(settings, str) and settings not in SEVERITIES:
                return f"{rule_id}: severity must be one of {', '.join(reversed(SEVERITIES))}"
        return None

    def describe(self) -> str:
        return "mapping of rule IDs to a severity or settings"

    def schema(self) -> Schema:
        return {"type": "object", "additionalProperties": rule_settings_schema({})}


class Overrides(OptionType):
    def problem(self, value: Any) -> str | None:
        if not isinstance(value, list):
            return "must be a list of {files: [...], select/ignore/rules/genre: ...}"
        for item in value:
            if not isinstance(item, dict) or "files" not in item or set(item) - set(OVERRIDE_KEYS):
                return f"each override needs 'files' and may set {', '.join(OVERRIDE_KEYS[1:])}"
        return None

    def describe(self) -> str:
        return "list of `files:` patterns with `select`, `ignore`, `rules`, `genre`"

    def schema(self) -> Schema:
        strings = {"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]}
        return {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "files": strings,
                    "select": strings,
                    "ignore": strings,
                    "rules": RuleSettings().schema(),
                    "genre": {"enum": list(GENRES)},
                },
                "required": ["files"],
                "additionalProperties": False,
            },
        }


class ReaderSettings(OptionType):
    """``readers:``: suffix -> reader name, and reader name -> its settings."""

    def problem(self, value: Any) -> str | None:
        try:
            _readers(value)
        except ValueError as error:
            return str(error)
        return None

    def describe(self) -> str:
        return "mapping of suffixes to readers, and of readers to their settings"

    def schema(self) -> Schema:
        from newslint.readers import readers

        known = readers()
        settings = {
            name: {
                "type": "object",
                "properties": {key: o.schema() for key, o in module.OPTIONS.items()},
                "additionalProperties": False,
            }
            for name, module in sorted(known.items())
            if getattr(module, "OPTIONS", None)
        }
        return {
            "type": "object",
            "properties": settings,
            "patternProperties": {r"^\.": {"enum": sorted(known)}},
            "additionalProperties": False,
        }


def rule_settings_schema(options: dict[str, Option]) -> Schema:
    """What ``rules: {ID: ...}`` may hold for a rule whose kind has ``options``:
    a severity, or a mapping of the settable keys and the kind's options."""
    from newslint.rules import COMMON_KEYS

    settable = {key: COMMON_KEYS[key].schema() for key in SETTABLE_KEYS}
    settings: Schema = {"type": "object", "properties": {**settable, **{k: o.schema() for k, o in options.items()}}}
    if options:
        settings["additionalProperties"] = False
    return {"anyOf": [{"enum": list(reversed(SEVERITIES))}, settings]}


#: What a config may say, with the meaning the docs and the JSON Schema give.
CONFIG_KEYS: dict[str, Option] = {
    "extends": Option(
        Strings("pack names or folders"), ["core"], "Packs to use, in order: built-in names or folders of rules."
    ),
    "core": Option(Bool(), True, "Put core first when `extends` names no built-in pack (false: only the packs named)."),
    "select": Option(
        Strings("rule IDs or prefixes"), [], "Only these rules (IDs or prefixes); default: every rule the packs enable."
    ),
    "ignore": Option(
        Strings("rule IDs or prefixes"), [], "Rules to leave out (IDs or prefixes); the longest match wins."
    ),
    "rules": Option(RuleSettings(), {}, "Settings per rule ID: a severity, or a mapping of the rule's settings."),
    "overrides": Option(
        Overrides(), [], "Settings for some files: `files` (gitignore patterns) with select, ignore, rules."
    ),
    "exclude": Option(
        Strings("gitignore patterns"), [], "Files and folders not to check, relative to this config's folder."
    ),
    "fail-on": Option(
        Choice(*reversed(SEVERITIES)),
        "warning",
        "The lowest severity that fails a run, for the files this config covers.",
    ),
    "genre": Option(Choice(*GENRES), "news", "What the articles this config covers are; front matter's `genre:` wins."),
    "readers": Option(
        ReaderSettings(),
        {},
        "More suffixes for readers (`.xhtml: html`), and readers' settings (`html: {skip: [...]}`).",
    ),
    "authority": Option(
        Str(), None, "A names authority (`newslint learn` writes one), relative to this config, for house-term."
    ),
}
KEYS = tuple(CONFIG_KEYS)


@dataclass(frozen=True)
class Override:
    files: tuple[str, ...]
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    rules: tuple[tuple[str, Any], ...] = ()
    genre: str | None = None

    @cached_property
    def spec(self) -> Any:
        return _spec(self.files)


@dataclass(frozen=True)
class Config:
    path: str | None = None  # None: the built-in defaults
    root: str = "."
    extends: tuple[str, ...] = ("core",)
    #: Whether core comes first when ``extends`` names no built-in pack.
    core: bool = True
    select: tuple[str, ...] | None = None  # None: every rule the packs enable
    ignore: tuple[str, ...] = ()
    #: ``--extend-select``: rules (IDs or prefixes) added to ``select``, whatever it is.
    extend_select: tuple[str, ...] = ()
    rules: tuple[tuple[str, Any], ...] = ()  # (rule ID, settings), in file order
    overrides: tuple[Override, ...] = ()
    exclude: tuple[str, ...] = ()
    fail_on: str | None = None
    #: ``readers:`` as validated: suffix -> reader name (".xhtml": "html"), and
    #: reader name -> its settings ("html": {"skip": [...]}), in file order.
    readers: tuple[tuple[str, Any], ...] = ()
    #: The genre of the articles it checks, unless their front matter says
    #: (None: news); an override may set it for some paths.
    genre: str | None = None
    #: The names authority file (absolute), for the rules that read it.
    authority: str | None = None
    #: Lines of the keys in the file, for errors found when rules are resolved.
    lines: LineDict | None = field(default=None, compare=False, repr=False)

    @cached_property
    def key(self) -> str:
        """Identifies the resolved rules and how files are read: equal keys, equal results."""
        return repr(
            (
                self.packs,
                self.root,
                self.select,
                self.ignore,
                self.extend_select,
                self.rules,
                self.readers,
                self.genre,
                self.authority,
            )
        )

    @property
    def where(self) -> str:
        return self.path or "<defaults>"

    @property
    def packs(self) -> tuple[str, ...]:
        """The packs to load, in order: ``extends``, with core first when no
        built-in pack is named and the config does not say ``core: false``."""
        if self.core and not any(name in builtin_packs() for name in self.extends):
            return ("core", *self.extends)
        return self.extends

    # -- readers ---------------------------------------------------------------

    @cached_property
    def suffixes(self) -> dict[str, str]:
        """Suffix -> reader: the readers' own, with the config's ``readers`` over them."""
        from newslint.readers import default_suffixes

        table = default_suffixes()
        table.update((key, name) for key, name in self.readers if key.startswith("."))
        return table

    def reader_for(self, path: str | None) -> str | None:
        """The reader for ``path`` by its suffix; None for a file no reader takes."""
        from newslint.readers import reader_for

        return reader_for(path, self.suffixes)

    def reader_settings(self, reader: str) -> dict[str, Any]:
        """What the config sets for ``reader`` (``readers: {html: {...}}``)."""
        return next((dict(value) for key, value in self.readers if key == reader), {})

    # -- paths -----------------------------------------------------------------

    def relative(self, path: str) -> str:
        """``path`` relative to the config's folder, with forward slashes."""
        return os.path.relpath(os.path.abspath(path), os.path.abspath(self.root)).replace(os.sep, "/")

    @cached_property
    def _exclude_spec(self) -> Any:
        return _spec(self.exclude)

    def is_excluded(self, path: str, folder: bool = False) -> bool:
        """Whether ``exclude`` matches ``path`` (a folder when ``folder``)."""
        if not self.exclude:
            return False
        relative = self.relative(path)
        if relative.startswith("../") or relative == "..":
            return False
        return bool(self._exclude_spec.match_file(relative + ("/" if folder else "")))

    def for_path(self, path: str | None) -> Config:
        """This config with the overrides whose ``files`` match ``path`` applied."""
        if path is None or not self.overrides:
            return self
        relative, config = self.relative(path), self
        for override in self.overrides:
            if override.spec.match_file(relative):
                config = replace(
                    config,
                    select=override.select if override.select is not None else config.select,
                    ignore=config.ignore + override.ignore,
                    rules=config.rules + override.rules,
                    genre=override.genre or config.genre,
                )
        return replace(config, overrides=())

    def with_cli(
        self, select: tuple[str, ...] | None, ignore: tuple[str, ...], extend_select: tuple[str, ...] = ()
    ) -> Config:
        """This config with the command line's ``--select`` (replacing), ``--ignore``
        and ``--extend-select`` (adding)."""
        return replace(
            self,
            select=select if select else self.select,
            ignore=self.ignore + ignore,
            extend_select=self.extend_select + extend_select,
        )


def _spec(patterns: tuple[str, ...]) -> Any:
    import pathspec  # gitignore semantics exactly as git has them: /anchored, a/**/b, !negation

    return pathspec.GitIgnoreSpec.from_lines(patterns)


class Packs:
    """Rule packs loaded once each, and configs resolved once each, for one Linter."""

    def __init__(self) -> None:
        self._packs: dict[str, Pack] = {}
        self._outlines: dict[str, Pack] = {}  # manifests and file lists, rules not loaded
        self._resolved: dict[str, tuple[Rule, ...]] = {}

    def load(self, path: str, name: str, rules: bool = True) -> Pack:
        if path in self._packs:
            return self._packs[path]
        if not rules:
            if path not in self._outlines:
                self._outlines[path] = load_pack(path, name, rules=False)
            return self._outlines[path]
        self._packs[path] = load_pack(path, name)
        return self._packs[path]

    def chain(self, config: Config, rules: bool = True) -> list[Pack]:
        """Every pack the config reads, parents before the packs that extend them
        (``rules=False``: their manifests and file lists only)."""
        chain: list[Pack] = []
        seen: set[str] = set()

        def visit(name: str, base: str) -> None:
            path, label = _pack_path(name, base)
            if path in seen:
                return
            seen.add(path)
            if not os.path.isdir(path):
                known = ", ".join(builtin_packs())
                raise ConfigError(
                    f"{config.where}: unknown rule pack {name!r} (built-in packs: {known}; or a folder of rules)"
                )
            if not is_pack(path):  # a folder with no rules would silently run none
                raise ConfigError(
                    f"{config.where}: {name!r} is not a rule pack (no pack.yaml, no <family>/<rule>.yaml files)"
                )
            pack = self.load(path, label, rules)
            for parent in pack.extends:
                visit(parent, path)
            chain.append(pack)

        for name in config.packs:
            visit(name, config.root)
        return chain

    def all_rules(self, config: Config) -> dict[str, Rule]:
        """Every rule the packs define, active or not, by ID, pack settings applied."""
        rules: dict[str, Rule] = {}
        for pack in self.chain(config):
            for rule in pack.rules:
                rules[rule.id] = rule  # a later pack replaces a rule of the same ID
            manifest = os.path.join(pack.path, "pack.yaml")
            for rule_id, settings in pack.settings.items():
                if rule_id not in rules:
                    line = pack.settings_lines.line_of(rule_id) if pack.settings_lines is not None else None
                    raise YamlError(manifest, line, f"unknown rule {rule_id!r}")
                rules[rule_id] = rules[rule_id].with_settings(settings, manifest, _lines(settings))
        return rules

    def resolve(self, config: Config) -> tuple[Rule, ...]:
        """Every active rule, settings applied; ConfigError on a bad selector."""
        if config.key not in self._resolved:
            self._resolved[config.key] = _resolve(config, self.all_rules(config))
        return self._resolved[config.key]

    def files(self, config: Config) -> list[str]:
        """Every file the config's rules come from: pack manifests and rule
        files (listed, not loaded: a run served from the result cache loads
        no rule)."""
        return [file for pack in self.chain(config, rules=False) for file in pack.files]


def _pack_path(name: str, root: str) -> tuple[str, str]:
    if name in builtin_packs():
        return builtin_pack_path(name), name
    path = os.path.normpath(os.path.join(root, name))
    return path, os.path.basename(path)


def _lines(value: Any) -> LineDict | None:
    return value if isinstance(value, LineDict) else None


def _resolve(config: Config, rules: dict[str, Rule]) -> tuple[Rule, ...]:
    rules = dict(rules)
    where = config.where
    for rule_id, settings in config.rules:
        if rule_id not in rules:
            raise ConfigError(f"{where}: rules: unknown rule {rule_id!r}{_nearest(rule_id, rules)}")
        if isinstance(settings, str):  # a bare severity: `quotes.nesting: error`
            settings = {"severity": settings}
        rules[rule_id] = rules[rule_id].with_settings(settings, where, _lines(settings))
    for key, selectors in (("select", config.select or ()), ("ignore", config.ignore)):
        for selector in selectors:
            problem = unknown_selector(selector, rules)
            if problem:
                line = config.lines.line_of(key) if config.lines is not None and key in config.lines else None
                raise ConfigError(f"{where}:{line}: {key}: {problem}" if line else f"{where}: {key}: {problem}")
    return tuple(rule for rule_id, rule in sorted(rules.items()) if is_active(config, rule))


def unknown_selector(selector: str, rules: dict[str, Rule]) -> str | None:
    """Why ``selector`` names no rule, with the nearest one that exists; None if it names some."""
    if any(selects(selector, rule_id) for rule_id in rules):
        return None
    return f"unknown rule or prefix {selector!r}{_nearest(selector, rules)} (see `newslint rules`)"


def _nearest(name: str, rules: dict[str, Rule]) -> str:
    import difflib

    candidates = set(rules) | {rule_id.split(".")[0] for rule_id in rules}
    close = difflib.get_close_matches(name, sorted(candidates), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


def is_active(config: Config, rule: Rule) -> bool:
    """The longest matching selector wins; on a tie, ignore wins. ``extend_select``
    adds to ``select`` (to every rule the packs enable when there is none)."""
    selectors = (*(config.select or ()), *config.extend_select)
    best_select = max((len(s) for s in selectors if selects(s, rule.id)), default=-1)
    best_ignore = max((len(s) for s in config.ignore if selects(s, rule.id)), default=-1)
    if best_ignore >= 0 and best_ignore >= best_select:
        return False
    # A rule off by default is turned on by naming it, not by a prefix.
    named = rule.id in selectors
    if config.select is None:
        return rule.enabled or named
    return best_select >= 0 and (rule.enabled or named)


# -- loading -------------------------------------------------------------------


def discover(start: str) -> str | None:
    """The nearest config file at or above ``start`` (a file or folder)."""
    directory = os.path.abspath(start if os.path.isdir(start) else os.path.dirname(start) or ".")
    while True:
        for name in CONFIG_NAMES:
            candidate = os.path.join(directory, name)
            if os.path.isfile(candidate) and (name != "pyproject.toml" or _has_tool_table(candidate)):
                return candidate
        parent = os.path.dirname(directory)
        if parent == directory:
            return None
        directory = parent


def _has_tool_table(path: str) -> bool:
    try:
        with open(path, "rb") as handle:
            return b"[tool.newslint" in handle.read()
    except OSError:
        return False


def _read_toml(path: str) -> Any:
    from newslint.tomlfile import load_toml

    try:
        with open(path, "rb") as handle:
            data = load_toml(handle.read().decode("utf-8"))
    except OSError as error:
        raise ConfigError(f"{path}: cannot read: {error.strerror}") from None
    except ValueError as error:  # not UTF-8, or not TOML
        raise ConfigError(f"{path}: invalid TOML: {error}") from None
    tool = data.get("tool")
    table = tool.get("newslint") if isinstance(tool, dict) else None
    if table is None:
        raise ConfigError(f"{path}: no [tool.newslint] table")
    return table


def load(path: str) -> Config:
    try:
        data = _read_toml(path) if path.endswith(".toml") else read_yaml(path)
    except YamlError as error:
        raise ConfigError(str(error)) from None
    return from_data(data if data is not None else {}, path)


def from_data(data: Any, path: str) -> Config:
    lines = data if isinstance(data, LineDict) else LineDict()

    def fail(key: str, problem: str) -> ConfigError:
        line = lines.line_of(key) if key in lines else None
        return ConfigError(f"{path}:{line}: {key}: {problem}" if line else f"{path}: {key}: {problem}")

    if not isinstance(data, dict):
        raise ConfigError(f"{path}: a config must be a mapping")
    for key in data:
        if key not in KEYS:
            raise fail(str(key), f"unknown key (known: {', '.join(KEYS)})")

    def strings(key: str, source: dict[str, Any] = data) -> tuple[str, ...]:
        value = source.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise fail(key, "must be a list of strings")
        return tuple(value)

    def rule_settings(source: dict[str, Any]) -> tuple[tuple[str, Any], ...]:
        value = source.get("rules", {})
        if not isinstance(value, dict):
            raise fail("rules", "must be a mapping of rule IDs to settings")
        for rule_id, settings in value.items():
            where = value.line_of(rule_id) if isinstance(value, LineDict) else None
            prefix = f"{path}:{where}: " if where else f"{path}: "
            if not isinstance(settings, (dict, str)):
                raise ConfigError(f"{prefix}rules: {rule_id}: settings must be a mapping (or a severity)")
            if isinstance(settings, str) and settings not in SEVERITIES:
                raise ConfigError(
                    f"{prefix}rules: {rule_id}: severity must be one of {', '.join(reversed(SEVERITIES))}"
                )
        return tuple(value.items())

    def genre(source: dict[str, Any]) -> str | None:
        value = source.get("genre")
        if value is None:
            return None
        named = genre_named(value)
        if named is None:
            raise fail("genre", f"must be one of {', '.join(GENRES)}, not {value!r}")
        return named

    overrides = []
    raw_overrides = data.get("overrides", [])
    if not isinstance(raw_overrides, list):
        raise fail("overrides", "must be a list of {files: [...], select/ignore/rules/genre: ...}")
    for item in raw_overrides:
        if not isinstance(item, dict) or "files" not in item or set(item) - set(OVERRIDE_KEYS):
            raise fail("overrides", f"each override needs 'files' and may set {', '.join(OVERRIDE_KEYS[1:])}")
        overrides.append(
            Override(
                files=strings("files", item),
                select=strings("select", item) if "select" in item else None,
                ignore=strings("ignore", item),
                rules=rule_settings(item),
                genre=genre(item),
            )
        )
    fail_on = data.get("fail-on")
    if fail_on is not None and fail_on not in SEVERITIES:
        raise fail("fail-on", f"must be one of {', '.join(reversed(SEVERITIES))}")
    core = data.get("core", True)
    if not isinstance(core, bool):
        raise fail("core", "must be true or false")
    try:
        readers = _readers(data.get("readers", {}))
    except ValueError as error:
        raise fail("readers", str(error)) from None
    authority = data.get("authority")
    if authority is not None and (not isinstance(authority, str) or not authority.strip()):
        raise fail("authority", "must be the path of a names file (newslint learn writes one)")
    return Config(
        path=path,
        root=os.path.dirname(os.path.abspath(path)),
        extends=strings("extends") if "extends" in data else ("core",),
        core=core,
        select=strings("select") if "select" in data else None,
        ignore=strings("ignore"),
        rules=rule_settings(data),
        overrides=tuple(overrides),
        exclude=strings("exclude"),
        fail_on=fail_on,
        readers=readers,
        genre=genre(data),
        authority=os.path.join(os.path.dirname(os.path.abspath(path)), authority) if authority else None,
        lines=lines,
    )


def _readers(value: Any) -> tuple[tuple[str, Any], ...]:
    """``readers:`` validated: ``.suffix: reader`` entries and ``reader: {settings}``."""
    from newslint.readers import readers as known_readers

    if not isinstance(value, dict):
        raise ValueError("must be a mapping of suffixes to readers ('.xhtml': html) and of readers to settings")
    known = known_readers()
    names = ", ".join(sorted(known))
    entries: list[tuple[str, Any]] = []
    for key, setting in value.items():
        if not isinstance(key, str):
            raise ValueError(f"{key!r} is neither a suffix ('.xhtml') nor a reader ({names})")
        if key.startswith("."):
            if len(key) < 2 or "/" in key or "\\" in key:
                raise ValueError(f"{key!r} is not a file suffix such as '.xhtml'")
            if setting not in known:
                raise ValueError(f"{key}: unknown reader {setting!r} (known: {names})")
            entries.append((key.lower(), setting))
        elif key in known:
            entries.append((key, _reader_settings(key, getattr(known[key], "OPTIONS", {}), setting)))
        else:
            raise ValueError(f"{key!r} is neither a suffix ('.xhtml') nor a reader ({names})")
    return tuple(entries)


def _reader_settings(reader: str, specs: dict[str, Any], setting: Any) -> tuple[tuple[str, Any], ...]:
    if not specs:
        raise ValueError(f"{reader}: the {reader} reader has no settings")
    if not isinstance(setting, dict):
        raise ValueError(f"{reader}: settings must be a mapping ({', '.join(specs)})")
    for option, option_value in setting.items():
        if option not in specs:
            raise ValueError(f"{reader}: unknown setting {option!r} (known: {', '.join(specs)})")
        problem = specs[option].type.problem(option_value)
        if problem:
            raise ValueError(f"{reader}: {option}: {problem}")
    return tuple((option, _plain(option_value)) for option, option_value in setting.items())


def _plain(value: Any) -> Any:
    """A YAML value as plain lists and dicts (for a stable key and cache stamp)."""
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    return value


def from_text(text: str, path: str = "newslint.yaml") -> Config:
    """A config from YAML text (for tests and the API)."""
    try:
        return from_data(load_yaml(text, path) or {}, path)
    except YamlError as error:
        raise ConfigError(str(error)) from None
