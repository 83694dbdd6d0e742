"""The JSON Schema of ``.platformci.yml`` (draft 2020-12), served for editors and clients.

It says what a schema can: the keys, their types, the name and duration patterns. What it
cannot (the matrix's combination cap, duration ranges, depends_on naming a step, cycles,
duplicate names) only ``pipeline.parse_pipeline`` checks; a test holds the two in step on
every example.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

# The very patterns and limits the parser checks with.
from .pipeline import (
    _DURATION,
    _ENV_NAME,
    _NAME,
    MAX_AXES,
    MAX_COMBINATIONS,
    MAX_RETRIES,
    MAX_STEPS,
    MAX_TIMEOUT,
    Event,
    Status,
)

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["SCHEMA"]
# The same schema for editors and the API. It cannot say everything parse_pipeline checks:
# not the matrix's combination cap, durations' ranges, dependencies that exist or cycles,
# duplicate names, nor secrets that clash with environment names.

_ANCHORED_NAME = f"^{_NAME}$"
_ANCHORED_ENV = f"^{_ENV_NAME}$"
_DURATION_PATTERN = "^(?=[0-9])" + _DURATION.replace("([0-9]{1,6})", "[0-9]{1,6}") + "$"


def _list(items: dict[str, Any]) -> dict[str, Any]:
    return {"type": "array", "minItems": 1, "items": items}


def _one_or_more(item: dict[str, Any]) -> dict[str, Any]:
    return {"oneOf": [item, _list(item)]}


def _closed(properties: dict[str, Any], required: Sequence[str] = ()) -> dict[str, Any]:
    schema: dict[str, Any] = {
        "type": "object",
        "additionalProperties": False,
        "properties": properties,
    }
    if required:
        schema["required"] = list(required)
    return schema


_DEFS: dict[str, Any] = {
    "scalar": {"type": ["string", "number", "boolean"]},
    "variables": {
        "type": "object",
        "propertyNames": {"pattern": _ANCHORED_ENV},
        "additionalProperties": {"$ref": "#/$defs/scalar"},
    },
    "name": {"type": "string", "pattern": _ANCHORED_NAME},
    "envName": {"type": "string", "pattern": _ANCHORED_ENV},
    "glob": {"type": "string", "minLength": 1},
    "globs": _list({"$ref": "#/$defs/glob"}),
    "event": {"enum": [str(event) for event in Event]},
    "duration": {"type": "string", "pattern": _DURATION_PATTERN},
    "commands": _list({"type": "string"}),
}


def _step_schema(*, named: bool) -> dict[str, Any]:
    properties: dict[str, Any] = {
        "image": {"type": "string", "minLength": 1},
        "commands": {"$ref": "#/$defs/commands"},
        "environment": {"$ref": "#/$defs/variables"},
        "secrets": _list({"$ref": "#/$defs/envName"}),
        "depends_on": {**_list({"$ref": "#/$defs/name"}), "uniqueItems": True},
        "when": _closed(
            {
                "branch": _one_or_more({"$ref": "#/$defs/glob"}),
                "tag": _one_or_more({"$ref": "#/$defs/glob"}),
                "event": _one_or_more({"$ref": "#/$defs/event"}),
                "paths": _closed(
                    {"include": {"$ref": "#/$defs/globs"}, "exclude": {"$ref": "#/$defs/globs"}}
                ),
                "status": _one_or_more({"enum": [str(status) for status in Status]}),
            }
        ),
        "failure": {"const": "ignore"},
        "timeout": {
            "oneOf": [
                {"type": "integer", "minimum": 1, "maximum": MAX_TIMEOUT},
                {"$ref": "#/$defs/duration"},
            ]
        },
        "retry": {
            "oneOf": [
                {"type": "integer", "minimum": 0, "maximum": MAX_RETRIES},
                _closed(
                    {
                        "count": {"type": "integer", "minimum": 0, "maximum": MAX_RETRIES},
                        "on_exit_codes": _list({"type": "integer", "minimum": 1, "maximum": 255}),
                    },
                    required=("count",),
                ),
            ]
        },
        "artifacts": _closed(
            {
                "paths": _list(
                    {"type": "string", "minLength": 1, "pattern": r"^(?!/)(?!(?:.*/)?\.\.(?:/|$))"}
                ),
                "expire_in": {"$ref": "#/$defs/duration"},
            },
            required=("paths",),
        ),
        "services": _list(
            _closed(
                {
                    "name": {"$ref": "#/$defs/name"},
                    "image": {"type": "string", "minLength": 1},
                    "commands": {"$ref": "#/$defs/commands"},
                },
                required=("name", "image"),
            )
        ),
    }
    if named:
        return _closed({"name": {"$ref": "#/$defs/name"}, **properties}, ("name", "commands"))
    return _closed(properties, ("commands",))


#: The pipeline file's JSON Schema (draft 2020-12), served at /api/schemas/platformci.json.
SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": ".platformci.yml",
    "description": "A dais build pipeline.",
    **_closed(
        {
            "variables": {"$ref": "#/$defs/variables"},
            "matrix": {
                "type": "object",
                "maxProperties": MAX_AXES,
                "propertyNames": {"pattern": _ANCHORED_ENV},
                "additionalProperties": {
                    **_list({"$ref": "#/$defs/scalar"}),
                    "maxItems": MAX_COMBINATIONS,
                },
            },
            "workflow": _closed(
                {
                    "events": _list({"$ref": "#/$defs/event"}),
                    "branches": {"$ref": "#/$defs/globs"},
                }
            ),
            "steps": {
                "oneOf": [
                    {**_list(_step_schema(named=True)), "maxItems": MAX_STEPS},
                    {
                        "type": "object",
                        "minProperties": 1,
                        "maxProperties": MAX_STEPS,
                        "propertyNames": {"pattern": _ANCHORED_NAME},
                        "additionalProperties": _step_schema(named=False),
                    },
                ]
            },
        },
        required=("steps",),
    ),
    "$defs": _DEFS,
}
