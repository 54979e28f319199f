"""Configuration: which packs, which rules, with which settings, for which paths.

Found by walking up from the checked file to the first ``newslint.yaml``,
``.newslint.yaml`` or ``pyproject.toml`` with a ``[tool.newslint]`` table. With
none, the defaults apply: the ``core`` pack, every rule it enables.
"""

from __future__ import annotations

import fnmatch
import os
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from newslint.rules import SEVERITIES, Rule, builtin_pack_path, builtin_packs, load_pack
from newslint.yamlfile import LineDict, YamlError, load_yaml, read_yaml

CONFIG_NAMES = ("newslint.yaml", ".newslint.yaml", "pyproject.toml")
KEYS = ("extends", "select", "ignore", "rules", "overrides", "exclude", "fail-on")
OVERRIDE_KEYS = ("files", "select", "ignore", "rules")


class ConfigError(Exception):
    """A config that cannot be used; the message is one line."""


@dataclass(frozen=True)
class Override:
    files: tuple[str, ...]
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    rules: tuple[tuple[str, Any], ...] = ()


@dataclass(frozen=True)
class Config:
    path: str | None = None  # None: the built-in defaults
    root: str = "."
    extends: tuple[str, ...] = ("core",)
    select: tuple[str, ...] | None = None  # None: every rule the packs enable
    ignore: tuple[str, ...] = ()
    rules: tuple[tuple[str, Any], ...] = ()  # (rule ID, settings), in file order
    overrides: tuple[Override, ...] = ()
    exclude: tuple[str, ...] = ()
    fail_on: str | None = None

    @property
    def key(self) -> str:
        """Identifies the resolved rules: equal keys, equal rule sets."""
        return repr((self.extends, self.root, self.select, self.ignore, self.rules))

    # -- paths -----------------------------------------------------------------

    def _relative(self, path: str) -> str:
        return os.path.relpath(os.path.abspath(path), os.path.abspath(self.root)).replace(os.sep, "/")

    def is_excluded(self, path: str) -> bool:
        return bool(self.exclude) and _matches(self._relative(path), self.exclude)

    def for_path(self, path: str | None) -> Config:
        """This config with the overrides whose ``files`` match ``path`` applied."""
        if path is None or not self.overrides:
            return self
        relative, config = self._relative(path), self
        for override in self.overrides:
            if _matches(relative, override.files):
                config = replace(
                    config,
                    select=override.select if override.select is not None else config.select,
                    ignore=config.ignore + override.ignore,
                    rules=config.rules + override.rules,
                    overrides=(),
                )
        return replace(config, overrides=())

    def with_cli(self, select: tuple[str, ...] | None, ignore: tuple[str, ...]) -> Config:
        return replace(self, select=select if select else self.select, ignore=self.ignore + ignore)

    # -- rules -----------------------------------------------------------------

    def resolve_rules(self) -> list[Rule]:
        """Every active rule, settings applied; raises ConfigError on a bad selector."""
        if self.key not in _RESOLVED:
            _RESOLVED[self.key] = _resolve(self)
        return list(_RESOLVED[self.key])

    def all_rules(self) -> dict[str, Rule]:
        """Every rule the packs define, active or not, by ID."""
        return _pack_rules(self.extends, self.root, self.path or "<defaults>")


def _matches(relative: str, patterns: tuple[str, ...]) -> bool:
    for pattern in patterns:
        pattern = pattern.rstrip("/")
        if fnmatch.fnmatch(relative, pattern) or fnmatch.fnmatch(relative, pattern + "/*"):
            return True
        if "/" not in pattern and any(fnmatch.fnmatch(part, pattern) for part in relative.split("/")):
            return True
    return False


@cache
def _load_pack_cached(path: str, name: str):  # type: ignore[no-untyped-def]
    return load_pack(path, name)


def _pack_path(name: str, root: str) -> tuple[str, str]:
    if name in builtin_packs():
        return builtin_pack_path(name), name
    return os.path.normpath(os.path.join(root, name)), name


def _pack_rules(extends: tuple[str, ...], root: str, where: str) -> dict[str, Rule]:
    rules: dict[str, Rule] = {}
    seen: set[str] = set()

    def visit(name: str, base: str) -> None:
        path, label = _pack_path(name, base)
        if path in seen:
            return
        seen.add(path)
        if not os.path.isdir(path):
            known = ", ".join(builtin_packs())
            raise ConfigError(f"{where}: unknown rule pack {name!r} (built-in packs: {known}; or a folder of rules)")
        pack = _load_pack_cached(path, label)
        for parent in pack.extends:
            visit(parent, path)
        for rule in pack.rules:
            rules[rule.id] = rule  # a later pack replaces a rule of the same ID
        for rule_id, settings in pack.settings.items():
            manifest = os.path.join(path, "pack.yaml")
            if rule_id not in rules:
                raise YamlError(manifest, pack.settings_lines.line_of(rule_id), f"unknown rule {rule_id!r}")
            rules[rule_id] = rules[rule_id].with_settings(settings, manifest, _lines(settings))

    for name in extends:
        visit(name, root)
    return rules


def _lines(value: Any) -> LineDict | None:
    return value if isinstance(value, LineDict) else None


_RESOLVED: dict[str, tuple[Rule, ...]] = {}


def _resolve(config: Config) -> tuple[Rule, ...]:
    rules = dict(config.all_rules())
    where = config.path or "<defaults>"
    for rule_id, settings in config.rules:
        if rule_id not in rules:
            raise ConfigError(f"{where}: rules: unknown rule {rule_id!r}")
        if isinstance(settings, str):  # a bare severity: `quotes.nesting: error`
            settings = {"severity": settings}
        rules[rule_id] = rules[rule_id].with_settings(settings, where, _lines(settings))
    for selector in (config.select or ()) + config.ignore:
        if not any(selects(selector, rule_id) for rule_id in rules):
            raise ConfigError(f"unknown rule or prefix {selector!r} (see `newslint rules`)")
    return tuple(rule for rule_id, rule in sorted(rules.items()) if _is_active(config, rule))


def selects(selector: str, rule_id: str) -> bool:
    """Whether a selector (an ID or a prefix such as ``quotes``) names ``rule_id``."""
    return rule_id == selector or rule_id.startswith(selector.rstrip(".") + ".")


def _is_active(config: Config, rule: Rule) -> bool:
    """The longest matching selector wins; on a tie, ignore wins."""
    best_select = max((len(s) for s in config.select or () if selects(s, rule.id)), default=-1)
    best_ignore = max((len(s) for s in config.ignore if selects(s, rule.id)), default=-1)
    if best_ignore >= 0 and best_ignore >= best_select:
        return False
    if config.select is None:
        return rule.enabled
    # A rule off by default is turned on by naming it, not by a prefix.
    return best_select >= 0 and (rule.enabled or rule.id in config.select)


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
        with open(path, encoding="utf-8") as handle:
            return "[tool.newslint" in handle.read()
    except OSError:
        return False


def _read_toml(path: str) -> dict[str, Any]:
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib  # type: ignore[no-redef]
    try:
        with open(path, "rb") as handle:
            data = tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"{path}: {error}") from None
    return data.get("tool", {}).get("newslint", {})


@cache
def load(path: str) -> Config:
    try:
        data = _read_toml(path) if path.endswith(".toml") else read_yaml(path)
    except YamlError as error:
        raise ConfigError(str(error)) from None
    return from_data(data or {}, path)


def from_data(data: Any, path: str) -> Config:
    lines = data if isinstance(data, LineDict) else LineDict()

    def fail(key: str, problem: str) -> ConfigError:
        line = lines.line_of(key) if key in lines else None
        return ConfigError(f"{path}:{line}: {key}: {problem}" if line else f"{path}: {key}: {problem}")

    if not isinstance(data, dict):
        raise ConfigError(f"{path}: a config must be a mapping")
    for key in data:
        if key not in KEYS:
            raise fail(key, f"unknown key (known: {', '.join(KEYS)})")

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
            if not isinstance(settings, (dict, str)):
                raise fail("rules", f"{rule_id}: settings must be a mapping (or a severity)")
            if isinstance(settings, str) and settings not in SEVERITIES:
                raise fail("rules", f"{rule_id}: severity must be one of {', '.join(SEVERITIES)}")
        return tuple(value.items())

    overrides = []
    raw_overrides = data.get("overrides", [])
    if not isinstance(raw_overrides, list):
        raise fail("overrides", "must be a list of {files: [...], select/ignore/rules: ...}")
    for item in raw_overrides:
        if not isinstance(item, dict) or "files" not in item or set(item) - set(OVERRIDE_KEYS):
            raise fail("overrides", f"each override needs 'files' and may set {', '.join(OVERRIDE_KEYS[1:])}")
        overrides.append(
            Override(
                files=strings("files", item),
                select=strings("select", item) if "select" in item else None,
                ignore=strings("ignore", item),
                rules=rule_settings(item),
            )
        )
    fail_on = data.get("fail-on")
    if fail_on is not None and fail_on not in SEVERITIES:
        raise fail("fail-on", f"must be one of {', '.join(SEVERITIES)}")
    return Config(
        path=path,
        root=os.path.dirname(os.path.abspath(path)),
        extends=strings("extends") if "extends" in data else ("core",),
        select=strings("select") if "select" in data else None,
        ignore=strings("ignore"),
        rules=rule_settings(data),
        overrides=tuple(overrides),
        exclude=strings("exclude"),
        fail_on=fail_on,
    )


def from_text(text: str, path: str = "newslint.yaml") -> Config:
    """A config from YAML text (for tests and the API)."""
    try:
        return from_data(load_yaml(text, path) or {}, path)
    except YamlError as error:
        raise ConfigError(str(error)) from None


STARTER = """\
# newslint configuration: https://github.com/newslint/newslint#configuration
extends:
  - {pack}
# select: [consistency, quotes, typography, hygiene, claims]
# ignore: [claims.loaded-verb]
# rules:
#   headline.length: {{max: 80}}
#   typography.double-space: info
# overrides:
#   - files: ["archive/**"]
#     ignore: [claims]
# exclude: ["drafts/**"]
"""
