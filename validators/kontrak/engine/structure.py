"""Structure layer: the contract's JSON Schema applied to one record, errors mapped to codes."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from jsonschema import ValidationError

from kontrak.contract import Contract
from kontrak.engine.findings import Finding

__all__ = [
    "DATE_FORMATS",
    "StructureEngine",
    "code_and_ctx",
    "expand_alternatives",
    "finding_from_error",
    "json_type_name",
]

DATE_FORMATS = frozenset({"tanggal-dmy", "tanggal-dmy-atau-iso", "date"})
# How each date format is written, for the invalid-date message.
DATE_SHAPES = {"tanggal-dmy-atau-iso": "DD-MM-YYYY / YYYY-MM-DD", "date": "YYYY-MM-DD"}
_MAX_LISTED = 12

_SIMPLE_CODES = {
    "minLength": "too-short",
    "maxLength": "too-long",
    "minimum": "below-minimum",
    "exclusiveMinimum": "below-minimum",
    "maximum": "above-maximum",
    "exclusiveMaximum": "above-maximum",
}


def json_type_name(value: Any) -> str:
    """The JSON type of a Python value, as JSON Schema names it."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"


def _listing(values: Any) -> str:
    items = list(values) if isinstance(values, list | tuple) else [values]
    shown = ", ".join(f'"{v}"' if isinstance(v, str) else str(v) for v in items[:_MAX_LISTED])
    return shown + (", …" if len(items) > _MAX_LISTED else "")


def code_and_ctx(
    keyword: str, schema: Mapping[str, Any], expected: Any, instance: Any
) -> tuple[str, dict[str, Any]]:
    """The catalog code and message values of a failed JSON Schema keyword.

    Args:
        keyword: the keyword that failed (``pattern``, ``required``, ...).
        schema: the schema object holding the keyword (to see a sibling ``format``).
        expected: the keyword's value in that schema.
        instance: the value that failed.
    """
    is_date = schema.get("format") in DATE_FORMATS
    if keyword == "required":
        return "missing-field", {}
    if keyword in {"additionalProperties", "None"}:
        return "field-not-agreed", {}
    if keyword == "type":
        expected_text = " atau ".join(expected) if isinstance(expected, list) else str(expected)
        return "wrong-type", {"expected": expected_text, "actual": json_type_name(instance)}
    if keyword in ("pattern", "format") and is_date:
        shape = DATE_SHAPES.get(str(schema.get("format")), "DD-MM-YYYY")
        return "invalid-date", {"expected": shape}
    if keyword == "pattern":
        return "pattern-mismatch", {"expected": expected}
    if keyword == "format":
        return "invalid-format", {"expected": expected}
    if keyword in ("enum", "const"):
        return "value-not-allowed", {"expected": _listing(expected)}
    if keyword in _SIMPLE_CODES:
        return _SIMPLE_CODES[keyword], {"expected": expected}
    return "schema-mismatch", {"keyword": keyword}


def _code_and_ctx(error: ValidationError) -> tuple[str, dict[str, Any]]:
    schema = error.schema if isinstance(error.schema, Mapping) else {}
    return code_and_ctx(str(error.validator), schema, error.validator_value, error.instance)


def _is_type_miss(errors: list[ValidationError]) -> bool:
    """A branch that fails only because the value has another type at the branch's root."""
    return len(errors) == 1 and errors[0].validator == "type" and not errors[0].relative_path


def expand_alternatives(error: ValidationError) -> list[ValidationError]:
    """Replace an ``anyOf``/``oneOf`` failure by the errors of the one branch that was meant.

    A branch whose root type differs from the value's (``{"type": "null"}`` for a string) was
    not meant; when exactly one branch is left, its errors are the useful ones.
    """
    if error.validator not in ("anyOf", "oneOf") or not error.context:
        return [error]
    branches: dict[object, list[ValidationError]] = {}
    for sub in error.context:
        branches.setdefault(sub.relative_schema_path[0], []).append(sub)
    meant = [errors for errors in branches.values() if not _is_type_miss(errors)]
    if len(meant) != 1:
        return [error]
    return [expanded for sub in meant[0] for expanded in expand_alternatives(sub)]


def finding_from_error(error: ValidationError) -> Finding:
    """Map one python-jsonschema error to a catalog finding located by its instance path."""
    parts = tuple(error.absolute_path)
    code, ctx = _code_and_ctx(error)
    top = next((p for p in parts if isinstance(p, str)), None) if parts else None
    has_value = code not in ("missing-field", "field-not-agreed") and not isinstance(
        error.instance, dict | list
    )
    return Finding(
        code=code,
        parts=parts,
        field=top,
        ctx=ctx,
        value=error.instance if has_value else None,
        has_value=has_value,
        engine="jsonschema",
    )


class StructureEngine:
    """Validates records against one contract with the reference (python-jsonschema) validator."""

    name = "jsonschema"

    def __init__(self, contract: Contract) -> None:
        self._contract = contract
        self._validator = contract.new_validator()

    def check(self, record: Any) -> Iterator[Finding]:
        """Yield the structure findings of one record."""
        for error in self._validator.iter_errors(record):
            for detail in expand_alternatives(error):
                yield finding_from_error(detail)
