"""The shipped JSON Schemas and generated docs are what the code says, and the
schemas accept every built-in rule and refuse broken ones."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from newslint import schema

ROOT = Path(__file__).resolve().parent.parent
RULE_FILES = sorted((ROOT / "rules").glob("*/*/*.yaml"))


def shipped(name: str) -> dict[str, Any]:
    return json.loads((Path(schema.SCHEMA_DIR) / name).read_text(encoding="utf-8"))  # type: ignore[no-any-return]


@pytest.mark.parametrize("name", sorted(schema.SCHEMAS))
def test_shipped_schemas_are_generated(name: str) -> None:
    """Run `python -m newslint.schema` after changing a check's options."""
    assert shipped(name) == json.loads(schema.render(schema.SCHEMAS[name]()))
    jsonschema.Draft7Validator.check_schema(shipped(name))


@pytest.mark.parametrize(
    "path", RULE_FILES, ids=lambda path: f"{path.parent.parent.name}/{path.parent.name}/{path.name}"
)
def test_every_builtin_rule_is_valid(path: Path) -> None:
    validator = jsonschema.Draft7Validator(shipped("rule.schema.json"))
    assert [error.message for error in validator.iter_errors(yaml.safe_load(path.read_text(encoding="utf-8")))] == []


RULE = {
    "check": "existence",
    "message": "m",
    "description": "d",
    "terms": ["x"],
    "examples": {"bad": ["x"], "good": ["y"]},
}


@pytest.mark.parametrize(
    ("change", "complaint"),
    [
        ({"swap": {"a": "b"}}, "'swap' was unexpected"),  # the old vocabulary
        ({"severity": "fatal"}, "'fatal' is not one of"),
        ({"fix": "safe"}, "'safe' is not one of ['off']"),  # an existence rule has no fix
        ({"check": "nonsense"}, "'nonsense' is not one of"),
        ({"terms": "x"}, "'x' is not of type 'array'"),
        ({"examples": {"bad": ["x"]}}, "'good' is a required property"),
    ],
)
def test_the_rule_schema_refuses_a_broken_rule(change: dict[str, Any], complaint: str) -> None:
    validator = jsonschema.Draft7Validator(shipped("rule.schema.json"))
    messages = [error.message for error in validator.iter_errors({**RULE, **change})]
    messages += [e.message for error in validator.iter_errors({**RULE, **change}) for e in error.context or ()]
    assert any(complaint in message for message in messages), messages


def test_the_config_schema_knows_each_builtin_rules_settings() -> None:
    validator = jsonschema.Draft7Validator(shipped("config.schema.json"))
    good = {
        "extends": ["british", "./house"],
        "rules": {"claims.loaded-verb": {"terms": ["claimed"]}, "house.x": "info"},
    }
    assert list(validator.iter_errors(good)) == []
    assert list(validator.iter_errors({"rules": {"claims.loaded-verb": {"verbs": ["claimed"]}}}))  # not its option
    assert list(validator.iter_errors({"selct": ["quotes"]}))
    for pack in (ROOT / "rules").glob("*/pack.yaml"):
        settings = yaml.safe_load(pack.read_text(encoding="utf-8")).get("rules", {})
        assert list(validator.iter_errors({"rules": settings})) == [], pack


def test_generated_docs_are_current() -> None:
    """Run `python tools/gendocs.py` after changing a rule, a check's options or the config keys."""
    done = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "gendocs.py"), "--check"], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout
