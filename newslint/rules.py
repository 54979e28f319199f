"""Rules: YAML files that name a check kind and give it data.

A rule lives at ``<pack>/<family>/<name>.yaml`` and its ID is ``<family>.<name>``.
A pack is a folder of such files, with an optional ``pack.yaml`` that may extend
other packs and set rule options (``british`` extends ``core`` and turns on
curly-quote fixes). Everything a rule file gets wrong is a ``YamlError`` naming
the file, the line and the problem.
"""

from __future__ import annotations

import os
import string
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any

from newslint.checks import Check, check_kind, load_checks
from newslint.model import GENRES, SEVERITIES, FixSafety, Severity
from newslint.options import Bool, Choice, Choices, ExampleTexts, Option, OptionError, Str, Strings
from newslint.yamlfile import LineDict, YamlError, read_yaml

RULE_SCOPES = ("headline", "standfirst", "body", "all")
SPEECH_MODES = ("outside", "inside", "any")
FIX_MODES = tuple(mode.value for mode in FixSafety)
_ID_CHARS = set("abcdefghijklmnopqrstuvwxyz0123456789-")

#: Keys every rule file may set; the rest belong to its check kind.
COMMON_KEYS: dict[str, Option] = {
    "check": Option(Str(), help="The kind of check the rule runs (see the check kinds)."),
    "message": Option(Str(), help="What a finding says; `{found}` and the kind's placeholders fill in."),
    "description": Option(Str(), help="What the rule flags and why, for `newslint rule ID` and the docs."),
    "severity": Option(Choice(*reversed(SEVERITIES)), "warning", "How much a finding matters."),
    "scope": Option(Choice(*RULE_SCOPES), "all", "Where in the article the rule looks."),
    "speech": Option(
        Choice(*SPEECH_MODES), "outside", "Whether the rule looks outside direct speech, inside it, or both."
    ),
    "verbatim": Option(
        Bool(),
        True,
        "Whether the rule also looks at text reproduced as written (a quoted tweet, statement or report): "
        "false for house style, which a quoted document keeps its own way.",
    ),
    "datelines": Option(
        Bool(),
        True,
        'Whether the rule also looks at a dateline ("PARIS (AFP) - ", "LONDON, March 2 (Reuters) - "): false where'
        " a wire's own format is not the article's to restyle.",
    ),
    "genres": Option(
        Choices(*GENRES, excluding=True),
        [],
        "The genres of article the rule checks (an article is news unless its front matter or config says"
        " otherwise), or, each with a leading !, the ones it leaves out; empty: every genre.",
    ),
    "enabled": Option(Bool(), True, "Whether the rule runs unless a config selects it by name."),
    "fix": Option(
        Choice(*FIX_MODES),
        None,
        "Whether `--fix` applies the rule's fix: always (safe), only with --unsafe-fixes, or never.",
    ),
    "link": Option(Str(), "", "A page that explains the rule further (shown in SARIF and editors)."),
    "supersedes": Option(
        Strings("rule IDs"),
        [],
        "Rules whose finding on the very span this rule reports is the same problem told less well: it is"
        " dropped (one problem, one finding; a house-style rule over the generic consistency check).",
    ),
    "examples": Option(ExampleTexts(), help="Texts the rule must flag (bad) and must pass (good); run as tests."),
}
#: What a config or pack may change of a rule: everything but its kind, docs and examples.
SETTABLE_KEYS = (
    "severity", "scope", "speech", "verbatim", "datelines", "genres", "enabled", "message", "fix", "link",
)  # fmt: skip
DOCS_URL = "https://github.com/newslint/newslint/blob/main/docs/rules/{pack}.md#{anchor}"


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
    severity: Severity
    scope: str
    speech: str
    verbatim: bool
    #: Whether the rule looks at a body paragraph's dateline.
    datelines: bool
    #: The genres the rule checks; empty: every genre.
    genres: tuple[str, ...]
    enabled: bool
    fix: FixSafety
    link: str
    examples: Examples
    options: Mapping[str, Any]
    source: str
    pack: str = ""
    #: Rules whose finding on the same span this rule's replaces.
    supersedes: tuple[str, ...] = ()

    def implementation(self) -> Check:
        """The rule's check, built (and its patterns compiled) once: loading a
        rule builds it to validate the rule, and the engine reuses it."""
        built: Check | None = self.__dict__.get("_implementation")
        if built is None:
            built = self.__dict__["_implementation"] = _kind(self.check)(self.options)
        return built

    def checks_genre(self, genre: str) -> bool:
        """Whether the rule runs on an article of ``genre``."""
        if self.genres and self.genres[0].startswith("!"):
            return f"!{genre}" not in self.genres
        return not self.genres or genre in self.genres

    @property
    def summary(self) -> str:
        """The description's first sentence, for one-line listings ("Oct. 21"
        and "Mr. Smith" do not end it)."""
        text = " ".join(self.description.split())
        end = text.find(". ")
        while end != -1 and (text[end + 2 : end + 3].islower() or _abbreviation_before(text, end)):
            end = text.find(". ", end + 2)
        return text if end == -1 else text[: end + 1]

    @property
    def help_uri(self) -> str:
        """The rule's own ``link``; for a built-in rule, its entry in the
        pack's generated docs page; else nothing."""
        if self.link:
            return self.link
        if os.path.dirname(os.path.dirname(os.path.dirname(self.source))) == builtin_rules_dir():
            return DOCS_URL.format(pack=self.pack, anchor=self.id.replace(".", ""))
        return ""

    def listing(self, active: bool) -> dict[str, Any]:
        """The rule as ``newslint rules --format json`` and the HTTP service
        list it (the CLI adds where its file lies; a service does not tell)."""
        return {
            "id": self.id,
            "pack": self.pack,
            "check": self.check,
            "severity": self.severity.value,
            "fix": self.fix.value,
            "active": active,
            "summary": self.summary,
            "description": self.description,
            "examples": {"bad": list(self.examples.bad), "good": list(self.examples.good)},
            "link": self.help_uri,
        }

    def with_settings(self, settings: Mapping[str, Any], where: str, lines: LineDict | None = None) -> Rule:
        """This rule with a config's or pack's settings applied, validated."""
        kind = _kind(self.check)
        common: dict[str, Any] = {}
        options = dict(self.options)
        for key, value in settings.items():
            line = lines.line_of(key) if lines is not None else None
            spec = COMMON_KEYS.get(key) if key in SETTABLE_KEYS else kind.options.get(key)
            if spec is None:
                settable = ", ".join([*SETTABLE_KEYS, *kind.options])
                raise YamlError(where, line, f"rule {self.id}: unknown setting {key!r} (known: {settable})")
            problem = spec.type.problem(value)
            if problem:
                raise YamlError(where, line, f"rule {self.id}: {key}: {problem}")
            (common if key in SETTABLE_KEYS else options)[key] = value
        for key, spec in kind.options.items():
            if key not in settings and any(followed in settings for followed in spec.follows):
                options[key] = spec.default
        common = _typed(common)
        rule = replace(self, options=options, **common)
        _validate_rule(rule, kind, where, lines, prefix=f"rule {self.id}: ")
        return rule


def _kind(name: str) -> type[Check]:
    kind = check_kind(name)
    assert kind is not None, name  # a Rule is made only for a known kind
    return kind


def _abbreviation_before(text: str, end: int) -> bool:
    from newslint.lexicon import ABBREVIATIONS, MONTH_ABBREVIATIONS

    word = text[:end].rsplit(" ", 1)[-1].lstrip("(\"'“‘")
    return word in ABBREVIATIONS or word in MONTH_ABBREVIATIONS


def _typed(common: dict[str, Any]) -> dict[str, Any]:
    """Common settings as the Rule holds them (severity and fix as enums)."""
    if "severity" in common:
        common["severity"] = Severity(common["severity"])
    if "fix" in common:
        common["fix"] = FixSafety(common["fix"])
    for key in ("genres", "supersedes"):
        if key in common:
            common[key] = tuple(common[key])
    return common


# -- validation ----------------------------------------------------------------


def message_problem(message: str, allowed: set[str]) -> str | None:
    """Why ``message`` cannot be filled in (an unknown or numbered
    placeholder, a lone brace), or None."""
    try:
        fields = [name for _, name, _, _ in string.Formatter().parse(message) if name is not None]
    except ValueError as error:
        return f"{error} (write {{{{ and }}}} for a literal brace)"
    for name in fields:
        base = name.split(".")[0].split("[")[0]
        if not base or base.isdigit():
            return "placeholders are named, such as {found}: not {" + name + "}"
        if base not in allowed:
            return f"unknown placeholder {{{base}}} (known: {', '.join('{' + a + '}' for a in sorted(allowed))})"
    return None


def _validate_rule(rule: Rule, kind: type[Check], path: str, lines: LineDict | None, prefix: str = "") -> None:
    """Build the rule's check and check what only the whole rule can say,
    turning every problem into an error on the right line."""

    def fail(key: str | None, problem: str) -> YamlError:
        line = (lines.line_of(key) if key else lines.line) if lines is not None else None
        return YamlError(path, line, f"{prefix}{key + ': ' if key else ''}{problem}")

    problem = message_problem(rule.message, {"found", *kind.params})
    if problem:
        raise fail("message", problem)
    if rule.fix is not FixSafety.OFF and not kind.fixable:
        raise fail("fix", f"a {kind.name} rule has no fix to offer: leave fix out, or set it to off")
    try:
        rule.implementation()
    except OptionError as error:
        raise fail(error.key, str(error).removeprefix(f"{error.key}: ")) from None
    except ValueError as error:
        raise fail(None, str(error)) from None


# -- loading -------------------------------------------------------------------


#: Keys of 0.1 rule files, and what replaced them in 0.2 (docs/rules.md).
RENAMED_KEYS = {
    "quotes": "write 'speech: outside | inside | any'",
    "swap": "write the wrong -> right mapping under 'terms'",
    "variants": "write the groups of forms under 'terms'",
    "styles": "write the named styles under 'patterns' (a list of {name, pattern})",
    "needs": "leave it out: newslint finds a pattern's literals itself",
    "unsafe_fix": "write 'fix: unsafe'",
}


def load_rule(path: str, rule_id: str, pack: str = "") -> Rule:
    data = read_yaml(path)
    if not isinstance(data, LineDict):
        raise YamlError(path, None, "a rule file must be a mapping of keys to values")
    check_name = data.get("check")
    if not isinstance(check_name, str):
        raise YamlError(path, data.line_of("check"), "missing 'check': the kind of check this rule runs")
    kind = check_kind(check_name)
    if kind is None:
        known = ", ".join(sorted(load_checks()))
        raise YamlError(path, data.line_of("check"), f"unknown check {check_name!r} (known: {known})")
    values: dict[str, Any] = {}
    for key, value in data.items():
        spec = COMMON_KEYS.get(key) or kind.options.get(key)
        if spec is None:
            if key in RENAMED_KEYS:
                raise YamlError(path, data.line_of(key), f"{key!r} is a key of newslint 0.1: {RENAMED_KEYS[key]}")
            known = ", ".join([*COMMON_KEYS, *kind.options])
            raise YamlError(path, data.line_of(key), f"unknown key {key!r} for a {check_name} rule (known: {known})")
        problem = spec.type.problem(value)
        if problem:
            raise YamlError(path, data.line_of(key), f"{key}: {problem}")
        values[key] = value
    for key, spec in {**COMMON_KEYS, **kind.options}.items():
        if key not in values:
            if spec.required:
                raise YamlError(path, data.line, f"missing required key {key!r}")
            values[key] = kind.default_fix if key == "fix" else spec.default
    examples = values.pop("examples")
    common = _typed({key: values.pop(key) for key in list(values) if key in COMMON_KEYS})
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
    _validate_rule(rule, kind, path, data)
    return rule


@dataclass
class Pack:
    name: str
    path: str
    description: str = ""
    extends: list[str] = field(default_factory=list)
    settings: dict[str, Any] = field(default_factory=dict)
    settings_lines: LineDict | None = None
    rules: list[Rule] = field(default_factory=list)
    #: Every file the pack was read from (pack.yaml and rule files), for cache keys.
    files: list[str] = field(default_factory=list)


PACK_KEYS = ("extends", "rules", "description")


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


@cache
def builtin_packs() -> list[str]:
    root = builtin_rules_dir()
    return sorted(name for name in os.listdir(root) if os.path.isdir(os.path.join(root, name)))


def is_pack(folder: str) -> bool:
    """A folder of ``<family>/<rule>.yaml`` files, or one with a pack.yaml."""
    if os.path.isfile(os.path.join(folder, "pack.yaml")):
        return True
    try:
        families = [os.path.join(folder, name) for name in os.listdir(folder) if not name.startswith((".", "_"))]
        return any(
            name.endswith((".yaml", ".yml")) and name != "pack.yaml"
            for family in families
            if os.path.isdir(family)
            for name in os.listdir(family)
        )
    except OSError:
        return False


def load_pack(path: str, name: str | None = None, *, rules: bool = True) -> Pack:
    """Every rule file under ``path`` (``<family>/<name>.yaml``) and its
    pack.yaml. ``rules=False`` reads the manifest and lists the rule files
    without loading them: what a result-cache stamp needs."""
    if not os.path.isdir(path):
        raise YamlError(path, None, "rule pack not found (a built-in pack name or a folder of rules)")
    pack = Pack(name=name or os.path.basename(os.path.normpath(path)), path=path)
    manifest = os.path.join(path, "pack.yaml")
    if os.path.isfile(manifest):
        _read_manifest(pack, manifest)
    for family in sorted(os.listdir(path)):
        family_dir = os.path.join(path, family)
        if not os.path.isdir(family_dir) or family.startswith((".", "_")):
            continue
        for filename in sorted(os.listdir(family_dir)):
            if filename.endswith((".yaml", ".yml")):
                rule_id = f"{family}.{filename.rsplit('.', 1)[0]}"
                file_path = os.path.join(family_dir, filename)
                if not _valid_id(rule_id):
                    raise YamlError(file_path, None, f"bad rule ID {rule_id!r}: use lower-case words and hyphens")
                if rules:
                    pack.rules.append(load_rule(file_path, rule_id, pack.name))
                pack.files.append(file_path)
    return pack


def _read_manifest(pack: Pack, manifest: str) -> None:
    data = read_yaml(manifest) or LineDict()
    if not isinstance(data, LineDict):
        raise YamlError(manifest, None, "pack.yaml must be a mapping")
    for key in data:
        if key not in PACK_KEYS:
            raise YamlError(manifest, data.line_of(key), f"unknown key {key!r} (known: {', '.join(PACK_KEYS)})")
    extends = data.get("extends", [])
    if not isinstance(extends, list) or not all(isinstance(item, str) for item in extends):
        raise YamlError(manifest, data.line_of("extends"), "extends must be a list of pack names or folders")
    rules = data.get("rules", LineDict())
    if not isinstance(rules, LineDict):
        raise YamlError(manifest, data.line_of("rules"), "rules must be a mapping of rule IDs to settings")
    description = data.get("description", "")
    pack.description = description if isinstance(description, str) else ""
    pack.extends = list(extends)
    pack.settings, pack.settings_lines = dict(rules), rules
    pack.files.append(manifest)


def _valid_id(rule_id: str) -> bool:
    family, _, name = rule_id.partition(".")
    return bool(
        family and name and family[0].isalpha() and family[0].islower() and name[0] != "-"
        and set(family) <= _ID_CHARS and set(name) <= _ID_CHARS
    )  # fmt: skip
