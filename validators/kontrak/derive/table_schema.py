"""The Frictionless Table Schema of a contract's bulk-file form, derived from its JSON Schema."""

from __future__ import annotations

import json
from typing import Any

from kontrak.contract import Contract, FieldSpec
from kontrak.derive.headers import GENERATED_MARK, REGENERATE_COMMAND
from kontrak.formats import KONTRAK_FORMATS

__all__ = ["render_table_schema", "table_schema_for"]

_TYPE_ORDER = ("integer", "number", "boolean", "object", "array", "string")


def _table_type(spec: FieldSpec) -> str:
    types = [t for t in spec.json_types if t != "null"]
    for candidate in _TYPE_ORDER:
        if candidate in types:
            return "string" if "string" in types else candidate
    return "any"


def _unanchored(pattern: str) -> str:
    """Table Schema patterns are implicitly anchored (XML Schema style): drop ``^`` and ``$``."""
    if pattern.startswith("^"):
        pattern = pattern[1:]
    if pattern.endswith("$") and not pattern.endswith("\\$"):
        pattern = pattern[:-1]
    return pattern


def _empty_cell_is_a_value(spec: FieldSpec) -> bool:
    """A column the bulk file must carry whose wire value may be ``""``.

    Its empty cell is the value ``""``, not a missing value (field-level ``missingValues: []``):
    the column must be present, the cell may be empty, as the kontrak CSV reader reads it.
    """
    return spec.bulk_required and spec.accepts_empty_string


def _constraints(spec: FieldSpec, table_type: str) -> dict[str, Any]:
    schema = spec.schema
    constraints: dict[str, Any] = {}
    if spec.bulk_required:
        constraints["required"] = True
    if table_type == "string":
        if "pattern" in schema:
            constraints["pattern"] = _unanchored(str(schema["pattern"]))
        for key in ("minLength", "maxLength"):
            if key in schema:
                constraints[key] = schema[key]
    for key in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        if key in schema and table_type in ("integer", "number"):
            constraints[key] = schema[key]
    if "enum" in schema:
        kept = ("",) if _empty_cell_is_a_value(spec) else ()
        constraints["enum"] = [v for v in schema["enum"] if v is not None and (v != "" or kept)]
    return constraints


def _field(spec: FieldSpec) -> dict[str, Any]:
    table_type = _table_type(spec)
    field: dict[str, Any] = {
        "name": spec.name,
        "title": spec.title,
        "description": spec.description,
        "x-description-en": spec.description_en,
        "type": table_type,
    }
    declared_format = spec.schema.get("format")
    if table_type == "string" and declared_format in KONTRAK_FORMATS:
        field["x-format"] = declared_format
    if _empty_cell_is_a_value(spec):
        field["missingValues"] = []
    constraints = _constraints(spec, table_type)
    if constraints:
        field["constraints"] = constraints
    if spec.examples:
        field["example"] = spec.examples[0]
    field["x-classification"] = spec.classification
    field["x-personal"] = spec.personal
    return field


def table_schema_for(contract: Contract) -> dict[str, Any]:
    """Build the Table Schema of ``contract``'s bulk form (CSV, JSON Lines, Excel)."""
    return {
        "x-generated": (
            f"{GENERATED_MARK} from {contract.dataset}/{contract.version}/schema.json: do not "
            f"edit. Regenerate with: {REGENERATE_COMMAND}"
        ),
        "x-contract": contract.uri,
        "fields": [_field(spec) for spec in contract.fields.values()],
        "missingValues": [""],
        # Bulk files name their columns: any order, fewer optional ones, none outside the contract.
        "fieldsMatch": "superset",
        "primaryKey": list(contract.primary_key),
    }


def render_table_schema(contract: Contract) -> str:
    """The Table Schema as the exact text written to disk."""
    return json.dumps(table_schema_for(contract), ensure_ascii=False, indent=2) + "\n"
