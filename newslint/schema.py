"""JSON Schemas for rule files and newslint.yaml, generated from the typed
options of the check kinds, the common rule keys and the config keys.

The generated files ship in ``newslint/schemas/``, so an editor with a YAML
language server completes and validates rule files and configs (see
docs/editors.md); a test keeps them equal to what this module generates.
Regenerate with ``python -m newslint.schema``.
"""

from __future__ import annotations

import json
import os
from typing import Any

from newslint.checks import load_checks
from newslint.config import CONFIG_KEYS, rule_settings_schema
from newslint.options import Schema
from newslint.rules import COMMON_KEYS, builtin_pack_path, builtin_packs, load_pack

DRAFT = "http://json-schema.org/draft-07/schema#"
BASE_URI = "https://raw.githubusercontent.com/newslint/newslint/main/newslint/schemas/"
SCHEMA_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "schemas")


def rule_schema() -> Schema:
    """A rule file: the common keys, and for each check kind its own options."""
    kinds = load_checks()
    common = {key: option.schema() for key, option in COMMON_KEYS.items()}
    common["check"] = {**common["check"], "enum": sorted(kinds)}
    required = sorted(key for key, option in COMMON_KEYS.items() if option.required)
    branches = []
    for name, kind in sorted(kinds.items()):
        properties = {**common, **{key: option.schema() for key, option in kind.options.items()}}
        if not kind.fixable:
            properties["fix"] = {**properties["fix"], "enum": ["off"]}
        branches.append(
            {
                "if": {"properties": {"check": {"const": name}}, "required": ["check"]},
                "then": {
                    "properties": properties,
                    "required": sorted({*required, *(k for k, o in kind.options.items() if o.required)}),
                    "additionalProperties": False,
                },
            }
        )
    return {
        "$schema": DRAFT,
        "$id": BASE_URI + "rule.schema.json",
        "title": "newslint rule",
        "description": "A newslint rule file: <pack>/<family>/<name>.yaml, ID <family>.<name>.",
        "type": "object",
        "properties": common,
        "required": required,
        "allOf": branches,
    }


def config_schema() -> Schema:
    """newslint.yaml (or [tool.newslint]): the config keys; under ``rules``,
    each built-in rule's own settings, and any settings for house rules."""
    properties = {key: option.schema() for key, option in CONFIG_KEYS.items()}
    for key in ("extends", "select", "ignore", "exclude"):
        properties[key] = {
            "anyOf": [{"type": "string"}, properties[key]],
            "description": properties[key].get("description", ""),
        }
    kinds = load_checks()
    builtin = {
        rule.id: {"$ref": f"#/definitions/{rule.check}-settings", "description": rule.summary}
        for pack in builtin_packs()
        for rule in load_pack(builtin_pack_path(pack), pack).rules
    }
    properties["rules"] = {
        **properties["rules"],
        "properties": dict(sorted(builtin.items())),
        "additionalProperties": rule_settings_schema({}),
    }
    return {
        "$schema": DRAFT,
        "$id": BASE_URI + "config.schema.json",
        "title": "newslint config",
        "description": "newslint.yaml, .newslint.yaml, or [tool.newslint] in pyproject.toml.",
        "type": "object",
        "properties": properties,
        "additionalProperties": False,
        "definitions": {f"{name}-settings": rule_settings_schema(kind.options) for name, kind in sorted(kinds.items())},
    }


SCHEMAS = {"rule.schema.json": rule_schema, "config.schema.json": config_schema}


def render(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def write(folder: str = SCHEMA_DIR) -> list[str]:
    """Write every schema; returns the paths written."""
    written = []
    for name, build in SCHEMAS.items():
        path = os.path.join(folder, name)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(render(build()))
        written.append(path)
    return written


if __name__ == "__main__":
    for path in write():
        print(f"wrote {path}")
