"""The types of the options rule files and configs may set.

Each type checks a value (saying what is wrong, in words an editor can act
on), describes itself for the docs, and gives its JSON Schema, so the shipped
schemas, the docs' option tables and load-time validation come from one source.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

Schema = dict[str, Any]


def type_name(value: Any) -> str:
    """What a YAML value is, in words."""
    names = {bool: "true/false", int: "a number", float: "a number", list: "a list", dict: "a mapping", str: "a string"}
    for kind, name in names.items():  # LineDict and LineList are dict and list
        if isinstance(value, kind):
            return name
    return "nothing" if value is None else type(value).__name__


class OptionType:
    """A kind of value. Subclasses say what fits (``problem``), how the docs
    name it (``describe``) and its JSON Schema (``schema``)."""

    def problem(self, value: Any) -> str | None:
        raise NotImplementedError

    def describe(self) -> str:
        raise NotImplementedError

    def schema(self) -> Schema:
        raise NotImplementedError


class Str(OptionType):
    def problem(self, value: Any) -> str | None:
        return None if isinstance(value, str) else f"must be a string, not {type_name(value)}"

    def describe(self) -> str:
        return "string"

    def schema(self) -> Schema:
        return {"type": "string"}


class Int(OptionType):
    def __init__(self, minimum: int | None = None) -> None:
        self.minimum = minimum

    def problem(self, value: Any) -> str | None:
        if not isinstance(value, int) or isinstance(value, bool):
            return f"must be a whole number, not {type_name(value)}"
        if self.minimum is not None and value < self.minimum:
            return f"must be at least {self.minimum}, not {value}"
        return None

    def describe(self) -> str:
        return "whole number" if self.minimum is None else f"whole number, at least {self.minimum}"

    def schema(self) -> Schema:
        schema: Schema = {"type": "integer"}
        if self.minimum is not None:
            schema["minimum"] = self.minimum
        return schema


class Bool(OptionType):
    def problem(self, value: Any) -> str | None:
        return None if isinstance(value, bool) else f"must be true or false, not {type_name(value)}"

    def describe(self) -> str:
        return "true or false"

    def schema(self) -> Schema:
        return {"type": "boolean"}


class Choice(OptionType):
    def __init__(self, *choices: str) -> None:
        self.choices = choices

    def problem(self, value: Any) -> str | None:
        return None if value in self.choices else f"must be one of {', '.join(self.choices)}, not {value!r}"

    def describe(self) -> str:
        return " | ".join(f"`{choice}`" for choice in self.choices)

    def schema(self) -> Schema:
        return {"enum": list(self.choices)}


class Strings(OptionType):
    """A list of strings (a lone string is not accepted: say it as a list)."""

    def __init__(self, what: str = "strings") -> None:
        self.what = what

    def problem(self, value: Any) -> str | None:
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            return f"must be a list of {self.what}"
        return None

    def describe(self) -> str:
        return f"list of {self.what}"

    def schema(self) -> Schema:
        return {"type": "array", "items": {"type": "string"}}


class Choices(OptionType):
    """A list of values, each one of a fixed set ("genres: [news, feature]");
    with ``excluding``, or each one of the set with a leading ``!``, for all
    but those ("genres: ['!corrections']"), never the two kinds mixed."""

    def __init__(self, *choices: str, excluding: bool = False) -> None:
        self.choices = choices
        self.excluding = excluding

    def problem(self, value: Any) -> str | None:
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            return f"must be a list of {', '.join(self.choices)}"
        negated = [item.startswith("!") for item in value] if self.excluding else []
        if any(negated) and not all(negated):
            return "either the values to take or, each with a leading !, the ones to leave out: not both"
        unknown = [item for item in value if (item[1:] if any(negated) else item) not in self.choices]
        if unknown:
            return f"unknown {unknown[0]!r} (known: {', '.join(self.choices)})"
        return None

    def describe(self) -> str:
        listed = "list of " + ", ".join(f"`{choice}`" for choice in self.choices)
        return listed + (", or of those with a leading `!` to leave out" if self.excluding else "")

    def schema(self) -> Schema:
        values = list(self.choices)
        if not self.excluding:
            return {"type": "array", "items": {"enum": values}, "uniqueItems": True}
        left_out = [f"!{choice}" for choice in values]
        return {
            "type": "array",
            "anyOf": [{"items": {"enum": values}}, {"items": {"enum": left_out}}],
            "uniqueItems": True,
        }


class Groups(OptionType):
    """A list of groups, each a list of two or more strings."""

    def problem(self, value: Any) -> str | None:
        ok = isinstance(value, list) and all(
            isinstance(group, list) and len(group) >= 2 and all(isinstance(item, str) for item in group)
            for group in value
        )
        return None if ok else "must be a list of groups, each a list of two or more strings"

    def describe(self) -> str:
        return "list of groups of two or more strings"

    def schema(self) -> Schema:
        return {"type": "array", "items": {"type": "array", "items": {"type": "string"}, "minItems": 2}}


class StrMapping(OptionType):
    def __init__(self, what: str = "strings to strings") -> None:
        self.what = what

    def problem(self, value: Any) -> str | None:
        ok = isinstance(value, dict) and all(isinstance(k, str) and isinstance(v, str) for k, v in value.items())
        return None if ok else f"must be a mapping of {self.what}"

    def describe(self) -> str:
        return f"mapping of {self.what}"

    def schema(self) -> Schema:
        return {"type": "object", "additionalProperties": {"type": "string"}}


class Patterns(OptionType):
    """A list of regular expressions. An entry is the regex itself, or a
    mapping with ``pattern`` and the fields the check kind names (a
    substitution's ``replacement``, a consistency style's ``name``)."""

    def __init__(self, fields: Mapping[str, str] | None = None, required: tuple[str, ...] = ()) -> None:
        self.fields = dict(fields or {})  # field -> what it means, for the docs
        self.required = required

    def problem(self, value: Any) -> str | None:
        if not isinstance(value, list):
            return f"must be a list of patterns, not {type_name(value)}"
        for index, item in enumerate(value, 1):
            if isinstance(item, str):
                if self.required:
                    return f"pattern {index} needs {', '.join(self.required)}: write it as {{pattern: ..., {self.required[0]}: ...}}"
                continue
            if not isinstance(item, dict) or not isinstance(item.get("pattern"), str):
                return f"pattern {index} must be a regex, or a mapping with 'pattern'"
            unknown = set(item) - {"pattern", *self.fields}
            if unknown:
                known = ", ".join(["pattern", *self.fields])
                return f"pattern {index}: unknown key {sorted(unknown)[0]!r} (known: {known})"
            missing = [name for name in self.required if name not in item]
            if missing:
                return f"pattern {index}: missing {missing[0]!r}"
            for name in self.fields:
                if name in item and not isinstance(item[name], str):
                    return f"pattern {index}: {name} must be a string"
        return None

    def describe(self) -> str:
        if not self.fields:
            return "list of regexes"
        return "list of regexes, or of mappings with `pattern` and " + ", ".join(f"`{name}`" for name in self.fields)

    def schema(self) -> Schema:
        entry: Schema = {
            "type": "object",
            "properties": {"pattern": {"type": "string"}, **{name: {"type": "string"} for name in self.fields}},
            "required": ["pattern", *self.required],
            "additionalProperties": False,
        }
        items: Schema = entry if self.required else {"anyOf": [{"type": "string"}, entry]}
        return {"type": "array", "items": items}


def pattern_entries(value: list[Any]) -> list[dict[str, str]]:
    """Patterns in one shape: every entry a mapping with ``pattern``."""
    return [{"pattern": item} if isinstance(item, str) else dict(item) for item in value]


class ExampleTexts(OptionType):
    def problem(self, value: Any) -> str | None:
        if not isinstance(value, dict) or set(value) - {"bad", "good"}:
            return "must be a mapping with 'bad' and 'good' lists"
        for key in ("bad", "good"):
            items = value.get(key)
            if not isinstance(items, list) or not items or not all(isinstance(item, str) for item in items):
                return f"examples.{key} must be a non-empty list of strings"
        return None

    def describe(self) -> str:
        return "`bad:` and `good:` lists of example texts"

    def schema(self) -> Schema:
        texts = {"type": "array", "items": {"type": "string"}, "minItems": 1}
        return {
            "type": "object",
            "properties": {"bad": texts, "good": texts},
            "required": ["bad", "good"],
            "additionalProperties": False,
        }


#: ``default=REQUIRED``: a rule file must set the option.
REQUIRED: Any = ...


@dataclass(frozen=True)
class Option:
    """One option a rule file may set: its type, default and meaning."""

    type: OptionType
    default: Any = REQUIRED
    help: str = ""
    #: Options this one belongs to: a config that replaces any of them but not
    #: this one gets this one's default (new terms need new exceptions).
    follows: tuple[str, ...] = ()

    @property
    def required(self) -> bool:
        return self.default is REQUIRED

    def schema(self) -> Schema:
        schema = self.type.schema()
        if self.help:
            schema["description"] = self.help
        if not self.required and self.default not in ([], {}):
            schema["default"] = self.default
        return schema


class OptionError(ValueError):
    """A rule option its check cannot use; ``key`` names it, so the error can
    point at its line in the rule file."""

    def __init__(self, key: str, problem: str) -> None:
        self.key = key
        super().__init__(f"{key}: {problem}")
