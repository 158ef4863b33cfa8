"""Changes of an object node: properties added or removed, required, content model, renames.

The content model decides what adding or removing a property breaks (Confluent): a *closed*
object (``additionalProperties: false``) rejects unknown fields, so removing a property breaks
BACKWARD and adding one breaks FORWARD. A contract with ``x-kontrak.extra-fields: warning`` is
*tolerant*: unknown fields only warn, but a writer may already send any field under any name, so
a reader that starts to constrain such a name can reject old data. *Open* and *partial* models
accept unknown fields (partial: against a schema).
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Mapping
from typing import Any, Literal

from kontrak.evolution.model import (
    ONLY_BACKWARD,
    ONLY_FORWARD,
    Change,
    Direction,
)
from kontrak.pointer import join_pointer

__all__ = ["OBJECT_KEYWORDS", "NodeDiff", "content_model", "object_changes", "strip_docs"]

OBJECT_KEYWORDS = frozenset({"properties", "required", "additionalProperties"})
Model = Literal["closed", "tolerant", "open", "partial"]
NodeDiff = Callable[[Any, Any, str, "str | None"], list[Change]]
_RANK = {"closed": 0, "tolerant": 0, "partial": 1, "open": 2}
_SIMILAR = 0.85
_DOC_KEYS = frozenset({"title", "description", "examples", "default", "$comment", "deprecated"})


def content_model(node: Mapping[str, Any], tolerant: bool) -> Model:
    """The content model of an object node; ``tolerant`` when unknown fields only warn."""
    extra = node.get("additionalProperties", True)
    if extra is False and not node.get("patternProperties"):
        return "tolerant" if tolerant else "closed"
    if extra is True or extra == {}:
        return "open"
    return "partial"


def strip_docs(node: Any) -> Any:
    """``node`` without documentation and ``x-…`` annotations, to compare what it constrains."""
    if isinstance(node, Mapping):
        return {
            k: strip_docs(v)
            for k, v in node.items()
            if k not in _DOC_KEYS and not str(k).startswith("x-")
        }
    if isinstance(node, list):
        return [strip_docs(v) for v in node]
    return node


def _constraining(schema: Any) -> bool:
    return strip_docs(schema) not in ({}, True)


def _reader_reaction(model: Model) -> str:
    return {"closed": "break", "tolerant": "warn", "open": "ok", "partial": "break"}[model]


def _directions(backward: str, forward: str) -> tuple[frozenset[Direction], frozenset[Direction]]:
    breaks = {
        d for d, r in ((Direction.BACKWARD, backward), (Direction.FORWARD, forward)) if r == "break"
    }
    warns = {
        d for d, r in ((Direction.BACKWARD, backward), (Direction.FORWARD, forward)) if r == "warn"
    }
    return frozenset(breaks), frozenset(warns)


class _Sides:
    """The two object nodes being compared and their content models."""

    def __init__(
        self, old: Mapping[str, Any], new: Mapping[str, Any], tolerant: tuple[bool, bool]
    ) -> None:
        self.old_props: Mapping[str, Any] = old.get("properties") or {}
        self.new_props: Mapping[str, Any] = new.get("properties") or {}
        self.old_req = frozenset(old.get("required") or ())
        self.new_req = frozenset(new.get("required") or ())
        self.old_model = content_model(old, tolerant[0])
        self.new_model = content_model(new, tolerant[1])

    def added(self, name: str, path: str, field: str) -> Change:
        required = name in self.new_req
        may_send = self.old_model != "closed" and _constraining(self.new_props[name])
        backward = "break" if required or may_send else "ok"
        breaks, warns = _directions(backward, _reader_reaction(self.old_model))
        rule = "required-property-added" if required else "property-added"
        return Change(rule, path, field, breaks, warns, {"name": name})

    def removed(self, name: str, path: str, field: str) -> Change:
        required = name in self.old_req
        may_send = self.new_model != "closed" and _constraining(self.old_props[name])
        forward = "break" if required or may_send else "ok"
        breaks, warns = _directions(_reader_reaction(self.new_model), forward)
        deprecation = self.old_props[name].get("x-deprecated")
        if isinstance(deprecation, Mapping):
            ctx = {"name": name, "since": str(deprecation.get("since", "?"))}
            return Change("deprecated-property-removed", path, field, breaks, warns, ctx)
        rule = "required-property-removed" if required else "property-removed"
        return Change(rule, path, field, breaks, warns, {"name": name})


def _replaced_by(schema: Any) -> str | None:
    deprecation = schema.get("x-deprecated") if isinstance(schema, Mapping) else None
    if isinstance(deprecation, Mapping) and isinstance(deprecation.get("replaced-by"), str):
        return str(deprecation["replaced-by"])
    return None


def _renames(sides: _Sides, added: list[str], removed: list[str]) -> dict[str, str]:
    """Old key → new key, declared by ``x-deprecated.replaced-by`` or evident from the names."""
    pairs: dict[str, str] = {}
    for old_name in sorted(sides.old_props):
        target = _replaced_by(sides.new_props.get(old_name)) or _replaced_by(
            sides.old_props[old_name]
        )
        if target in added and target not in pairs.values():
            pairs[old_name] = target
    for old_name in removed:
        if old_name in pairs:
            continue
        for new_name in added:
            similar = difflib.SequenceMatcher(None, old_name.lower(), new_name.lower()).ratio()
            same = strip_docs(sides.old_props[old_name]) == strip_docs(sides.new_props[new_name])
            if similar >= _SIMILAR and same and new_name not in pairs.values():
                pairs[old_name] = new_name
                break
    return pairs


def _merge_rename(
    old_name: str, new_name: str, parts: list[Change], path: str, field: str
) -> Change:
    breaks = frozenset().union(*(c.breaks for c in parts))
    warns = frozenset().union(*(c.warns for c in parts)) - breaks
    return Change("key-renamed", path, field, breaks, warns, {"old": old_name, "new": new_name})


def object_changes(
    node_diff: NodeDiff,
    old: Mapping[str, Any],
    new: Mapping[str, Any],
    path: str,
    field: str | None,
    tolerant: tuple[bool, bool],
) -> list[Change]:
    """Every change of :data:`OBJECT_KEYWORDS` between two nodes; sub-nodes via ``node_diff``."""
    sides = _Sides(old, new, tolerant)
    changes: list[Change] = []
    before, after = _RANK[sides.old_model], _RANK[sides.new_model]
    where = join_pointer(path, "additionalProperties")
    if before != after:
        rule = (
            "additional-properties-extended" if after > before else "additional-properties-narrowed"
        )
        breaks = ONLY_FORWARD if after > before else ONLY_BACKWARD
        ctx = {"old": sides.old_model, "new": sides.new_model}
        changes.append(Change(rule, where, field, breaks, ctx=ctx))
    elif sides.old_model == sides.new_model == "partial":
        changes += node_diff(
            old.get("additionalProperties"), new.get("additionalProperties"), where, field
        )
    added = [n for n in sides.new_props if n not in sides.old_props]
    removed = [n for n in sides.old_props if n not in sides.new_props]
    renames = _renames(sides, added, removed)
    for name in removed:
        if name not in renames:
            changes.append(
                sides.removed(name, join_pointer(path, "properties", name), field or name)
            )
    for name in added:
        if name not in renames.values():
            changes.append(sides.added(name, join_pointer(path, "properties", name), field or name))
    for name in (n for n in sides.old_props if n in sides.new_props):
        here = join_pointer(path, "properties", name)
        sub = node_diff(sides.old_props[name], sides.new_props[name], here, field or name)
        if name in sides.new_req - sides.old_req:
            sub.append(
                Change("required-added", here, field or name, ONLY_BACKWARD, ctx={"name": name})
            )
        if name in sides.old_req - sides.new_req and name not in renames:
            sub.append(
                Change("required-removed", here, field or name, ONLY_FORWARD, ctx={"name": name})
            )
        changes += sub
    for old_name, new_name in renames.items():
        here = join_pointer(path, "properties", new_name)
        parts = [sides.added(new_name, here, field or new_name)]
        if old_name in removed:
            parts.append(sides.removed(old_name, here, field or new_name))
        elif old_name in sides.old_req - sides.new_req:
            parts.append(Change("required-removed", here, field or old_name, ONLY_FORWARD))
        changes.append(_merge_rename(old_name, new_name, parts, here, field or new_name))
        changes += node_diff(
            sides.old_props[old_name], sides.new_props[new_name], here, field or new_name
        )
    return changes
