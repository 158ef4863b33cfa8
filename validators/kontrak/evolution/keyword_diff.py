"""Changes of one schema node's value keywords: type, enum, const, bounds, pattern, format.

"Tightened" means the new version accepts fewer values: data made for the old version may be
rejected by a reader on the new one, so it breaks BACKWARD. "Relaxed" breaks FORWARD.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from kontrak.engine.ecma_regex import compile_ecma
from kontrak.evolution.model import BOTH, ONLY_BACKWARD, ONLY_FORWARD, Change, Direction
from kontrak.evolution.rulebook import BOUND_KEYWORDS, bound_rule_id
from kontrak.formats import FORMAT_CHECKER

__all__ = ["DATE_FORMATS", "VALUE_KEYWORDS", "date_shape", "value_changes"]

DATE_FORMATS = frozenset({"tanggal-dmy", "date", "date-time"})
ALL_TYPES = frozenset({"string", "number", "integer", "boolean", "null", "array", "object"})
VALUE_KEYWORDS = frozenset(
    {"type", "enum", "const", "pattern", "format", "uniqueItems", *BOUND_KEYWORDS}
)

# One probe per written form of 20 January 2024 (the day > 12 tells day and month apart).
_DATE_PROBES = {
    "DD-MM-YYYY": "20-01-2024",
    "YYYY-MM-DD": "2024-01-20",
    "DD/MM/YYYY": "20/01/2024",
    "MM-DD-YYYY": "01-20-2024",
    "YYYYMMDD": "20240120",
    "YYYY-MM-DDThh:mm:ssZ": "2024-01-20T00:00:00Z",
}


def _text(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _types(node: Mapping[str, Any]) -> frozenset[str]:
    declared = node.get("type")
    if declared is None:
        return ALL_TYPES
    names = {declared} if isinstance(declared, str) else set(declared)
    if "number" in names:
        names.add("integer")
    return frozenset(names)


def _type_text(node: Mapping[str, Any]) -> str:
    declared = node.get("type")
    if declared is None:
        return "apa saja/any"
    return " | ".join([declared] if isinstance(declared, str) else declared)


def _type_changes(
    old: Mapping[str, Any], new: Mapping[str, Any], path: str, field: str | None
) -> list[Change]:
    before, after = _types(old), _types(new)
    if before == after:
        return []
    if before < after:
        rule, breaks = "type-extended", ONLY_FORWARD
    elif after < before:
        rule, breaks = "type-narrowed", ONLY_BACKWARD
    else:
        rule, breaks = "type-changed", BOTH
    ctx = {"old": _type_text(old), "new": _type_text(new)}
    return [Change(rule, f"{path}/type", field, breaks, ctx=ctx)]


def _enum_changes(
    old: Mapping[str, Any], new: Mapping[str, Any], path: str, field: str | None
) -> list[Change]:
    before, after = old.get("enum"), new.get("enum")
    if before == after:
        return []
    where = f"{path}/enum"
    if before is None:
        return [Change("enum-added", where, field, ONLY_BACKWARD, ctx={"new": _text(after)})]
    if after is None:
        return [Change("enum-removed", where, field, ONLY_FORWARD, ctx={"old": _text(before)})]
    old_keys, new_keys = {_text(v) for v in before}, {_text(v) for v in after}
    changes = []
    removed = [_text(v) for v in before if _text(v) not in new_keys]
    added = [_text(v) for v in after if _text(v) not in old_keys]
    if removed:
        ctx = {"values": ", ".join(removed)}
        changes.append(Change("enum-value-removed", where, field, ONLY_BACKWARD, ctx=ctx))
    if added:
        ctx = {"values": ", ".join(added)}
        changes.append(Change("enum-value-added", where, field, ONLY_FORWARD, ctx=ctx))
    return changes


def _const_changes(
    old: Mapping[str, Any], new: Mapping[str, Any], path: str, field: str | None
) -> list[Change]:
    if "const" not in old and "const" not in new:
        return []
    if old.get("const") == new.get("const") and ("const" in old) == ("const" in new):
        return []
    where = f"{path}/const"
    if "const" not in old:
        return [
            Change("const-added", where, field, ONLY_BACKWARD, ctx={"new": _text(new["const"])})
        ]
    if "const" not in new:
        return [
            Change("const-removed", where, field, ONLY_FORWARD, ctx={"old": _text(old["const"])})
        ]
    ctx = {"old": _text(old["const"]), "new": _text(new["const"])}
    return [Change("const-changed", where, field, BOTH, ctx=ctx)]


def _step_breaks(before: Any, after: Any) -> frozenset[Direction]:
    try:
        old_step, new_step = Decimal(str(before)), Decimal(str(after))
        if new_step % old_step == 0:
            return ONLY_BACKWARD
        if old_step % new_step == 0:
            return ONLY_FORWARD
    except (InvalidOperation, ZeroDivisionError):
        pass
    return BOTH


def _bound_changes(
    old: Mapping[str, Any], new: Mapping[str, Any], path: str, field: str | None
) -> list[Change]:
    changes = []
    for keyword, kind in BOUND_KEYWORDS.items():
        before, after = old.get(keyword), new.get(keyword)
        if before == after:
            continue
        if before is None:
            verb, tighter = "added", True
        elif after is None:
            verb, tighter = "removed", False
        elif kind == "step":
            verb = "changed"
        else:
            verb = "increased" if after > before else "decreased"
            tighter = (verb == "decreased") == (kind == "upper")
        if verb == "changed":
            breaks = _step_breaks(before, after)
        else:
            breaks = ONLY_BACKWARD if tighter else ONLY_FORWARD
        ctx = {
            "old": "—" if before is None else str(before),
            "new": "—" if after is None else str(after),
        }
        changes.append(
            Change(bound_rule_id(keyword, verb), f"{path}/{keyword}", field, breaks, ctx=ctx)
        )
    before_unique, after_unique = bool(old.get("uniqueItems")), bool(new.get("uniqueItems"))
    if before_unique != after_unique:
        rule = "unique-items-added" if after_unique else "unique-items-removed"
        breaks = ONLY_BACKWARD if after_unique else ONLY_FORWARD
        changes.append(Change(rule, f"{path}/uniqueItems", field, breaks))
    return changes


def _accepts(node: Mapping[str, Any], probe: str) -> bool:
    pattern = node.get("pattern")
    if isinstance(pattern, str) and compile_ecma(pattern).search(probe) is None:
        return False
    fmt = node.get("format")
    return not isinstance(fmt, str) or FORMAT_CHECKER.conforms(probe, fmt)


def date_shape(node: Mapping[str, Any]) -> str:
    """The written forms of a date that ``node`` accepts, e.g. ``DD-MM-YYYY``."""
    forms = [name for name, probe in _DATE_PROBES.items() if _accepts(node, probe)]
    return " / ".join(forms) or "—"


def _text_changes(
    old: Mapping[str, Any], new: Mapping[str, Any], path: str, field: str | None
) -> list[Change]:
    same_pattern = old.get("pattern") == new.get("pattern")
    same_format = old.get("format") == new.get("format")
    if same_pattern and same_format:
        return []
    is_date = old.get("format") in DATE_FORMATS or new.get("format") in DATE_FORMATS
    if is_date and date_shape(old) != date_shape(new):
        ctx = {"old": date_shape(old), "new": date_shape(new)}
        return [Change("date-format-changed", f"{path}/format", field, BOTH, ctx=ctx)]
    changes = []
    for keyword, same in (("pattern", same_pattern), ("format", same_format)):
        if same:
            continue
        before, after = old.get(keyword), new.get(keyword)
        where = f"{path}/{keyword}"
        if before is None:
            changes.append(
                Change(f"{keyword}-added", where, field, ONLY_BACKWARD, ctx={"new": str(after)})
            )
        elif after is None:
            changes.append(
                Change(f"{keyword}-removed", where, field, ONLY_FORWARD, ctx={"old": str(before)})
            )
        else:
            ctx = {"old": str(before), "new": str(after)}
            changes.append(Change(f"{keyword}-changed", where, field, BOTH, ctx=ctx))
    return changes


def value_changes(
    old: Mapping[str, Any], new: Mapping[str, Any], path: str, field: str | None
) -> list[Change]:
    """Every change of the value keywords (:data:`VALUE_KEYWORDS`) between two nodes."""
    return [
        *_type_changes(old, new, path, field),
        *_enum_changes(old, new, path, field),
        *_const_changes(old, new, path, field),
        *_bound_changes(old, new, path, field),
        *_text_changes(old, new, path, field),
    ]
