"""A contract's JSON Schema with every ``$ref`` inlined, so two versions compare node by node.

A ``$ref`` with sibling keywords means both apply (JSON Schema 2020-12). Siblings that annotate
(title, description, ``x-…``) override the target's; when both sides constrain the same keyword
differently, the node becomes ``allOf`` of the two so nothing is lost.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from referencing import Registry

from kontrak.contract import Contract

__all__ = [
    "SUBSCHEMA_LISTS",
    "SUBSCHEMA_MAPS",
    "SUBSCHEMA_SINGLE",
    "dereference",
    "dereference_contract",
]

SUBSCHEMA_MAPS = ("properties", "patternProperties", "dependentSchemas")
SUBSCHEMA_LISTS = ("allOf", "anyOf", "oneOf", "prefixItems")
SUBSCHEMA_SINGLE = (
    "items",
    "additionalProperties",
    "propertyNames",
    "contains",
    "not",
    "if",
    "then",
    "else",
    "unevaluatedItems",
    "unevaluatedProperties",
)
_DROPPED = frozenset({"$id", "$schema", "$defs", "definitions", "$comment", "$anchor"})
_ANNOTATIONS_PREFIX = "x-"
_ANNOTATIONS = frozenset({"title", "description", "examples", "default", "deprecated"})


def _is_annotation(keyword: str) -> bool:
    return keyword in _ANNOTATIONS or keyword.startswith(_ANNOTATIONS_PREFIX)


def _merge(target: Any, siblings: dict[str, Any]) -> Any:
    if not isinstance(target, dict):
        return {"allOf": [target, siblings]} if siblings else target
    merged = dict(target)
    conflicts: dict[str, Any] = {}
    for key, value in siblings.items():
        if key in merged and not _is_annotation(key) and merged[key] != value:
            conflicts[key] = value
        else:
            merged[key] = value
    if conflicts:
        annotations = {k: v for k, v in siblings.items() if _is_annotation(k)}
        return {**annotations, "allOf": [target, conflicts]}
    return merged


def _inline(node: Any, resolver: Any, stack: tuple[int, ...]) -> Any:
    if not isinstance(node, Mapping):
        return node
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key in _DROPPED or key == "$ref":
            continue
        if key in SUBSCHEMA_MAPS and isinstance(value, Mapping):
            out[key] = {name: _inline(sub, resolver, stack) for name, sub in value.items()}
        elif key in SUBSCHEMA_LISTS and isinstance(value, list):
            out[key] = [_inline(sub, resolver, stack) for sub in value]
        elif key in SUBSCHEMA_SINGLE:
            out[key] = _inline(value, resolver, stack)
        else:
            out[key] = value
    ref = node.get("$ref")
    if not isinstance(ref, str):
        return out
    resolved = resolver.lookup(ref)
    key = id(resolved.contents)  # the same target object means the same definition: a cycle
    if key in stack:
        return {**out, "$ref": ref}
    target = _inline(resolved.contents, resolved.resolver, (*stack, key))
    return _merge(target, out)


def dereference(schema: Mapping[str, Any], registry: Registry[Any]) -> dict[str, Any]:
    """Return ``schema`` (a contract root with an ``$id``) with every ``$ref`` inlined."""
    resolver = registry.resolver(base_uri=str(schema["$id"]))
    result = _inline(schema, resolver, ())
    if not isinstance(result, dict):  # pragma: no cover - a contract root is an object
        msg = "a contract schema must be an object"
        raise TypeError(msg)
    return result


def dereference_contract(contract: Contract) -> dict[str, Any]:
    """The dereferenced schema of a loaded contract."""
    return dereference(contract.schema, contract.registry)
