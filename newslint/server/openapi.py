"""The OpenAPI 3.1 description of ``newslint serve``, served at ``/openapi.json``.

Written by hand, beside the code it describes: the tests check every route
against it and every answer against its schemas, so the two cannot drift.
"""

from __future__ import annotations

import json
from typing import Any

from newslint.version import __version__

_SELECTORS = {
    "type": ["array", "null"],
    "maxItems": 64,
    "items": {"type": "string", "pattern": r"^[a-z][a-z0-9-]*(\.[a-z0-9][a-z0-9-]*)?$"},
    "description": "Rule IDs or prefixes (`quotes`, `typography.ellipsis`); the longest match wins.",
}

_CHECK_REQUEST: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "required": ["text"],
    "properties": {
        "text": {"type": "string", "description": "The article (its body, when headline and standfirst are sent)."},
        "format": {
            "type": "string",
            "default": "text",
            "description": "The reader: `text` or `markdown` (GET /v1/packs lists every one this server has).",
        },
        "headline": {
            "type": ["string", "null"],
            "description": "The headline, one line, when the CMS keeps it apart.",
        },
        "standfirst": {
            "type": ["string", "null"],
            "description": "The standfirst, one line, when the CMS keeps it apart.",
        },
        "pack": {
            "type": ["string", "null"],
            "description": "One of the packs GET /v1/packs lists; default (or null): its `default`.",
        },
        "select": {**_SELECTORS, "description": "Only these rules (replaces the pack's selection)."},
        "ignore": {**_SELECTORS, "description": "Not these rules (adds to the pack's)."},
    },
}

_FIX_REQUEST: dict[str, Any] = {
    **_CHECK_REQUEST,
    "properties": {
        **_CHECK_REQUEST["properties"],
        "unsafe_fixes": {
            "type": "boolean",
            "default": False,
            "description": "Also apply fixes the rules mark unsafe, as `--unsafe-fixes` does.",
        },
    },
}

_FINDING = {
    "type": "object",
    "description": "The shape of `newslint check --format json` (docs/json-format.md).",
    "additionalProperties": False,
    "required": ["path", "line", "column", "end_line", "end_column", "rule", "severity", "message", "fix"],
    "properties": {
        "path": {
            "type": "string",
            "enum": ["-", "headline", "standfirst"],
            "description": "`-`: in `text`; else the field the finding is in. Lines and columns count within it.",
        },
        "line": {"type": "integer", "minimum": 1},
        "column": {"type": "integer", "minimum": 1, "description": "In characters (code points), not bytes."},
        "end_line": {"type": "integer", "minimum": 1},
        "end_column": {"type": "integer", "minimum": 1, "description": "Just after the span (exclusive)."},
        "rule": {"type": "string"},
        "severity": {"type": "string", "enum": ["error", "warning", "info"]},
        "message": {"type": "string"},
        "fix": {
            "oneOf": [
                {"type": "null"},
                {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["replacement", "safe"],
                    "properties": {"replacement": {"type": "string"}, "safe": {"type": "boolean"}},
                },
            ]
        },
    },
}

_ERROR = {
    "type": "object",
    "required": ["error"],
    "properties": {
        "error": {
            "type": "object",
            "required": ["code", "message"],
            "properties": {
                "code": {
                    "type": "string",
                    "enum": [
                        "bad_json",
                        "invalid_request",
                        "unknown_pack",
                        "unknown_rule",
                        "unauthorized",
                        "too_large",
                        "unsupported_media_type",
                        "not_found",
                        "method_not_allowed",
                        "busy",
                        "timeout",
                        "config_error",
                        "internal",
                    ],
                },
                "message": {"type": "string", "description": "For people; the code is for programs."},
            },
        }
    },
}

_RULE = {
    "type": "object",
    "required": ["id", "pack", "check", "severity", "fix", "active", "summary", "description", "examples", "link"],
    "properties": {
        "id": {"type": "string"},
        "pack": {"type": "string"},
        "check": {"type": "string"},
        "severity": {"type": "string", "enum": ["error", "warning", "info"]},
        "fix": {"type": "string", "enum": ["safe", "unsafe", "off"]},
        "active": {"type": "boolean"},
        "summary": {"type": "string"},
        "description": {"type": "string"},
        "examples": {
            "type": "object",
            "required": ["bad", "good"],
            "properties": {
                "bad": {"type": "array", "items": {"type": "string"}},
                "good": {"type": "array", "items": {"type": "string"}},
            },
        },
        "link": {"type": "string"},
    },
}

SCHEMAS: dict[str, Any] = {
    "CheckRequest": _CHECK_REQUEST,
    "FixRequest": _FIX_REQUEST,
    "Finding": _FINDING,
    "CheckResponse": {
        "type": "object",
        "required": ["findings"],
        "properties": {"findings": {"type": "array", "items": {"$ref": "#/components/schemas/Finding"}}},
    },
    "FixResponse": {
        "type": "object",
        "required": ["text", "diff", "findings"],
        "properties": {
            "text": {"type": "string", "description": "The text with every fix applied."},
            "headline": {"type": "string", "description": "The fixed headline, when one was sent."},
            "standfirst": {"type": "string", "description": "The fixed standfirst, when one was sent."},
            "diff": {"type": "string", "description": "A unified diff per changed field (a/text, a/headline...)."},
            "findings": {
                "type": "array",
                "items": {"$ref": "#/components/schemas/Finding"},
                "description": "What remains after fixing.",
            },
        },
    },
    "RulesResponse": {
        "type": "object",
        "required": ["pack", "rules"],
        "properties": {
            "pack": {"type": "string"},
            "rules": {"type": "array", "items": {"$ref": "#/components/schemas/Rule"}},
        },
    },
    "Rule": _RULE,
    "PacksResponse": {
        "type": "object",
        "required": ["default", "packs", "formats"],
        "properties": {
            "default": {"type": "string"},
            "packs": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["name", "description"],
                    "properties": {"name": {"type": "string"}, "description": {"type": "string"}},
                },
            },
            "formats": {"type": "array", "items": {"type": "string"}},
        },
    },
    "Health": {
        "type": "object",
        "required": ["status", "version"],
        "properties": {"status": {"const": "ok"}, "version": {"type": "string"}},
    },
    "Error": _ERROR,
}


def _json(schema: str, description: str) -> dict[str, Any]:
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{schema}"}}},
    }


def _errors(*statuses: int) -> dict[str, Any]:
    meanings = {
        400: "The body is not JSON (`bad_json`).",
        401: "A token is required and was missing or wrong (`unauthorized`).",
        413: "The body is larger than the server accepts (`too_large`).",
        415: "The body is not sent as application/json (`unsupported_media_type`).",
        422: "A field is wrong (`invalid_request`), or names no pack (`unknown_pack`) or rule (`unknown_rule`).",
        503: "Too many checks waiting (`busy`; retry), or the check ran past the time limit (`timeout`).",
    }
    return {str(status): _json("Error", meanings[status]) for status in statuses}


def _post(summary: str, request: str, response: str) -> dict[str, Any]:
    return {
        "post": {
            "summary": summary,
            "security": [{}, {"bearer": []}],
            "requestBody": {
                "required": True,
                "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{request}"}}},
            },
            "responses": {"200": _json(response, "Done."), **_errors(400, 401, 413, 415, 422, 503)},
        }
    }


def description(packs: list[str] | None = None, formats: list[str] | None = None) -> dict[str, Any]:
    """The description; with a server's ``packs`` and ``formats``, the
    fields that name them list exactly those."""
    schemas = SCHEMAS
    if packs is not None or formats is not None:
        schemas = json.loads(json.dumps(SCHEMAS))  # a deep copy to narrow
        for request in ("CheckRequest", "FixRequest"):
            fields = schemas[request]["properties"]
            if packs is not None:
                fields["pack"]["enum"] = [*packs, None]
            if formats is not None:
                fields["format"]["enum"] = formats
    pack_query: dict[str, Any] = {"type": "string", **({"enum": packs} if packs is not None else {})}
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "newslint",
            "version": __version__,
            "description": (
                "Editorial style and claims checks for news copy, for CMS pre-publish steps and newsroom tools. "
                "Rules come only from the server: a request chooses a pack and may narrow the rules, never send one. "
                "When the server has a token, every /v1 route needs `Authorization: Bearer <token>`."
            ),
        },
        "paths": {
            "/v1/check": _post("Check an article", "CheckRequest", "CheckResponse"),
            "/v1/fix": _post("Apply every fix --fix would, and show what remains", "FixRequest", "FixResponse"),
            "/v1/rules": {
                "get": {
                    "summary": "The rules of a pack, active or not",
                    "security": [{}, {"bearer": []}],
                    "parameters": [{"name": "pack", "in": "query", "required": False, "schema": pack_query}],
                    "responses": {"200": _json("RulesResponse", "The rules."), **_errors(401, 422)},
                }
            },
            "/v1/packs": {
                "get": {
                    "summary": "The packs a request may choose, the default one, and the formats",
                    "security": [{}, {"bearer": []}],
                    "responses": {"200": _json("PacksResponse", "The packs."), **_errors(401)},
                }
            },
            "/healthz": {"get": {"summary": "Whether the server is up", "responses": {"200": _json("Health", "Up.")}}},
        },
        "components": {
            "schemas": schemas,
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
        },
    }
