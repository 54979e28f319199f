"""Rules: YAML files that name a check kind and give it data.

A rule lives at ``<pack>/<family>/<name>.yaml`` and its ID is ``<family>.<name>``.
A pack is a folder of such files, with an optional ``pack.yaml`` that may extend
other packs and set rule options (``british`` extends ``core`` and turns on
curly-quote fixes). Everything a rule file gets wrong is a ``YamlError`` naming
the file, the line and the problem.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any

import regex

from newslint.checks import Check, Option, OptionError, load_checks
from newslint.yamlfile import LineDict, YamlError, read_yaml

SEVERITIES = ("error", "warning", "info")
RULE_SCOPES = ("headline", "standfirst", "body", "all")
QUOTE_MODES = ("outside", "inside", "any")
ID_RE = regex.compile(r"^[a-z][a-z0-9-]*\.[a-z0-9][a-z0-9-]*$")

#: Keys every rule file may set; the rest belong to its check kind.
COMMON_KEYS: dict[str, Option] = {
    "check": Option("str"),
    "message": Option("str"),
    "description": Option("str"),
    "severity": Option("|".join(SEVERITIES), "warning"),
    "scope": Option("|".join(RULE_SCOPES), "all"),
    "quotes": Option("|".join(QUOTE_MODES), "outside"),
    "enabled": Option("bool", True),
    # An unsafe fix is shown but applied only with --unsafe-fixes: the rule
    # cannot be sure the replacement is right every time.
    "unsafe_fix": Option("bool", False),
    "examples": Option("examples"),
}
#: What a config or pack may change of a rule: everything but its kind and docs.
SETTABLE_KEYS = ("severity", "scope", "quotes", "enabled", "message", "unsafe_fix")


@dataclass(frozen=True)
class Examples:
    bad: tuple[str, ...]
    good: tuple[str, ...]


@dataclass(frozen=True)
class Rule:
    id: str
    check: str
    message: str
    description: str
    severity: str
    scope: str
    quotes: str
    enabled: bool
    unsafe_fix: bool
    examples: Examples
    options: Mapping[str, Any]
    source: str
    pack: str = ""

    def implementation(self) -> Check:
        """The rule's check, built (and its patterns compiled) once: loading a
        rule builds it to validate the rule, and the engine reuses it."""
        built = self.__dict__.get("_implementation")
        if built is None:
            built = self.__dict__["_implementation"] = load_checks()[self.check](self)
        return built

    @property
    def summary(self) -> str:
        """The description's first sentence, for one-line listings."""
        text = " ".join(self.description.split())
        end = text.find(". ")
        return text if end == -1 else text[: end + 1]

    def with_settings(self, settings: Mapping[str, Any], where: str, lines: LineDict | None = None) -> Rule:
        """This rule with a config's or pack's settings applied, validated."""
        kind = load_checks()[self.check]
        common, options = {}, dict(self.options)
        for key, value in settings.items():
            line = lines.line_of(key) if lines is not None else None
            spec = COMMON_KEYS.get(key) if key in SETTABLE_KEYS else kind.options.get(key)
            if spec is None:
                raise YamlError(where, line, f"rule {self.id}: unknown setting {key!r}")
            problem = validate(value, spec)
            if problem:
                raise YamlError(where, line, f"rule {self.id}: {key}: {problem}")
            (common if key in SETTABLE_KEYS else options)[key] = value
        for key, spec in kind.options.items():
            if key not in settings and any(followed in settings for followed in spec.follows):
                options[key] = spec.default
        rule = replace(self, options=options, **common)
        _instantiate(rule, where, lines, prefix=f"rule {self.id}: ")
        return rule


# -- validation ----------------------------------------------------------------


def validate(value: Any, spec: Option) -> str | None:
    """Why ``value`` does not fit ``spec``, or None."""
    kind = spec.type
    if "|" in kind:
        choices = kind.split("|")
        return None if value in choices else f"must be one of {', '.join(choices)}, not {value!r}"
    if kind == "str":
        return None if isinstance(value, str) else f"must be a string, not {_type(value)}"
    if kind == "int":
        ok = isinstance(value, int) and not isinstance(value, bool)
        return None if ok else f"must be a whole number, not {_type(value)}"
    if kind == "bool":
        return None if isinstance(value, bool) else f"must be true or false, not {_type(value)}"
    if kind in ("strings", "regexes"):  # a check compiles its regexes, once (OptionError)
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            return "must be a list of strings"
        return None
    if kind == "groups":
        ok = isinstance(value, list) and all(
            isinstance(group, list) and len(group) >= 2 and all(isinstance(item, str) for item in group)
            for group in value
        )
        return None if ok else "must be a list of groups, each a list of two or more strings"
    if kind == "mapping":
        ok = isinstance(value, dict) and all(isinstance(k, str) and isinstance(v, str) for k, v in value.items())
        return None if ok else "must be a mapping of strings to strings"
    if kind == "examples":
        if not isinstance(value, dict) or set(value) - {"bad", "good"}:
            return "must be a mapping with 'bad' and 'good' lists"
        for key in ("bad", "good"):
            items = value.get(key)
            if not isinstance(items, list) or not items or not all(isinstance(item, str) for item in items):
                return f"examples.{key} must be a non-empty list of strings"
        return None
    raise AssertionError(f"unknown option type {kind}")


def _type(value: Any) -> str:
    return {bool: "true/false", int: "a number", float: "a number", list: "a list", dict: "a mapping"}.get(
        type(value), type(value).__name__
    )


def _instantiate(rule: Rule, path: str, lines: LineDict | None, prefix: str = "") -> Check:
    """Build the rule's check, turning what it rejects into an error on the right line."""
    try:
        return rule.implementation()
    except OptionError as error:
        line = lines.line_of(error.key) if lines is not None else None
        raise YamlError(path, line, f"{prefix}{error}") from None
    except (ValueError, regex.error) as error:
        raise YamlError(path, lines.line if lines is not None else None, f"{prefix}{error}") from None


# -- loading -------------------------------------------------------------------


def load_rule(path: str, rule_id: str, pack: str = "") -> Rule:
    data = read_yaml(path)
    if not isinstance(data, LineDict):
        raise YamlError(path, None, "a rule file must be a mapping of keys to values")
    checks = load_checks()
    check_name = data.get("check")
    if not isinstance(check_name, str):
        raise YamlError(path, data.line_of("check"), "missing 'check': the kind of check this rule runs")
    if check_name not in checks:
        known = ", ".join(sorted(checks))
        raise YamlError(path, data.line_of("check"), f"unknown check {check_name!r} (known: {known})")
    kind = checks[check_name]
    values: dict[str, Any] = {}
    for key, value in data.items():
        spec = COMMON_KEYS.get(key) or kind.options.get(key)
        if spec is None:
            raise YamlError(path, data.line_of(key), f"unknown key {key!r} for a {check_name} rule")
        problem = validate(value, spec)
        if problem:
            raise YamlError(path, data.line_of(key), f"{key}: {problem}")
        values[key] = value
    for key, spec in {**COMMON_KEYS, **kind.options}.items():
        if key not in values:
            if spec.default is ...:
                raise YamlError(path, data.line, f"missing required key {key!r}")
            values[key] = spec.default
    examples = values.pop("examples")
    common = {key: values.pop(key) for key in list(values) if key in COMMON_KEYS}
    common.pop("check")
    rule = Rule(
        id=rule_id,
        check=check_name,
        examples=Examples(tuple(examples["bad"]), tuple(examples["good"])),
        options=values,
        source=path,
        pack=pack,
        **common,
    )
    _instantiate(rule, path, data)
    return rule


@dataclass
class Pack:
    name: str
    path: str
    extends: list[str] = field(default_factory=list)
    settings: dict[str, Any] = field(default_factory=dict)
    settings_lines: LineDict | None = None
    rules: list[Rule] = field(default_factory=list)


@cache
def builtin_rules_dir() -> str:
    """The packs shipped in the wheel (newslint/rules); in a source checkout or an
    editable install, the top-level rules/.

    The package folder is looked at directly, with ``os.path``: ``importlib.resources``
    finds the same folder for any installed package, but importing it (and
    pathlib) costs a one-file run 8 ms, so it is only the fallback for packages
    not on the file system.
    """
    package = os.path.dirname(os.path.realpath(__file__))
    for candidate in (os.path.join(package, "rules"), os.path.join(os.path.dirname(package), "rules")):
        if os.path.isdir(candidate):
            return candidate
    from importlib import resources

    return os.path.join(str(resources.files("newslint")), "rules")


def builtin_pack_path(name: str) -> str:
    return os.path.join(builtin_rules_dir(), name)


def builtin_packs() -> list[str]:
    root = builtin_rules_dir()
    return sorted(name for name in os.listdir(root) if os.path.isdir(os.path.join(root, name)))


def load_pack(path: str, name: str | None = None) -> Pack:
    """Every rule file under ``path`` (``<family>/<name>.yaml``) and its pack.yaml."""
    if not os.path.isdir(path):
        raise YamlError(path, None, "rule pack not found (a built-in pack name or a folder of rules)")
    pack = Pack(name=name or os.path.basename(os.path.normpath(path)), path=path)
    manifest = os.path.join(path, "pack.yaml")
    if os.path.isfile(manifest):
        data = read_yaml(manifest) or LineDict()
        if not isinstance(data, LineDict):
            raise YamlError(manifest, None, "pack.yaml must be a mapping")
        for key in data:
            if key not in ("extends", "rules", "description"):
                raise YamlError(
                    manifest, data.line_of(key), f"unknown key {key!r} (known: extends, rules, description)"
                )
        extends = data.get("extends", [])
        if not isinstance(extends, list) or not all(isinstance(item, str) for item in extends):
            raise YamlError(manifest, data.line_of("extends"), "extends must be a list of pack names or folders")
        pack.extends = list(extends)
        rules = data.get("rules", LineDict())
        if not isinstance(rules, LineDict):
            raise YamlError(manifest, data.line_of("rules"), "rules must be a mapping of rule IDs to settings")
        pack.settings, pack.settings_lines = dict(rules), rules
    for family in sorted(os.listdir(path)):
        family_dir = os.path.join(path, family)
        if not os.path.isdir(family_dir) or family.startswith((".", "_")):
            continue
        for filename in sorted(os.listdir(family_dir)):
            if filename.endswith((".yaml", ".yml")):
                rule_id = f"{family}.{filename.rsplit('.', 1)[0]}"
                file_path = os.path.join(family_dir, filename)
                if not ID_RE.match(rule_id):
                    raise YamlError(file_path, None, f"bad rule ID {rule_id!r}: use lower-case words and hyphens")
                pack.rules.append(load_rule(file_path, rule_id, pack.name))
    return pack
