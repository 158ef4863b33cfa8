"""The reference JSON Schema validator: python-jsonschema 2020-12 with three keywords refined.

* ``required`` reports each missing property at its own location (``/…/name``), as Pydantic
  does, instead of one error at the object.
* ``additionalProperties: false`` reports each extra property at its own location.
* ``pattern`` follows ECMA-262 (see :mod:`kontrak.engine.ecma_regex`).

Everything else is python-jsonschema's own behaviour.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from jsonschema import Draft202012Validator, ValidationError, validators
from jsonschema.protocols import Validator

from kontrak.engine.ecma_regex import compile_ecma

__all__ = ["ReferenceValidator"]


def _required(
    validator: Validator, required: Any, instance: Any, _schema: Mapping[str, Any]
) -> Iterator[ValidationError]:
    if not validator.is_type(instance, "object"):
        return
    for name in required:
        if name not in instance:
            yield ValidationError(f"{name!r} is a required property", path=[name])


def _extra_properties(instance: Mapping[str, Any], schema: Mapping[str, Any]) -> Iterator[str]:
    properties = schema.get("properties", {})
    patterns = [compile_ecma(p) for p in schema.get("patternProperties", {})]
    for name in instance:
        if name in properties:
            continue
        if any(p.search(name) for p in patterns):
            continue
        yield name


def _additional_properties(
    validator: Validator, additional: Any, instance: Any, schema: Mapping[str, Any]
) -> Iterator[ValidationError]:
    if not validator.is_type(instance, "object"):
        return
    extras = list(_extra_properties(instance, schema))
    if validator.is_type(additional, "object"):
        for name in extras:
            yield from validator.descend(instance[name], additional, path=name)  # type: ignore[attr-defined]
    elif additional is False:
        for name in extras:
            yield ValidationError(f"{name!r} was unexpected", path=[name])


def _pattern(
    validator: Validator, pattern: str, instance: Any, _schema: Mapping[str, Any]
) -> Iterator[ValidationError]:
    if validator.is_type(instance, "string") and not compile_ecma(pattern).search(instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


ReferenceValidator = validators.extend(  # type: ignore[no-untyped-call]
    Draft202012Validator,
    {
        "required": _required,
        "additionalProperties": _additional_properties,
        "pattern": _pattern,
    },
)
