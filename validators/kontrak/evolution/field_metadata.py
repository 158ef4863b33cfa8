"""Changes of a field's contract metadata: classification, personal flag, reference, deprecation.

Classification and the personal flag decide how a receiving party must protect a value (Pasal 9),
so any change to them changes the agreement and breaks both directions (an amendment, a major
version): lowered, a reader on the new version would under-protect data the provider gave under
the old terms; raised, a reader still on the old version would under-protect data made for the
new one. The rule ids say which way it went.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from kontrak.evolution.model import (
    BOTH,
    NO_DIRECTION,
    ONLY_BACKWARD,
    ONLY_FORWARD,
    Change,
)

__all__ = [
    "CLASSIFICATION_RANK",
    "METADATA_KEYWORDS",
    "ReferenceValues",
    "metadata_changes",
    "reference_text",
]

CLASSIFICATION_RANK = {"public": 0, "restricted": 1, "confidential": 2}
METADATA_KEYWORDS = frozenset({"x-classification", "x-personal", "x-reference", "x-deprecated"})
_LISTED = 8

ReferenceValues = Callable[[str, str, str], frozenset[str] | None]
"""``(table, version, column) → the codes of that reference table version``, or None."""


def reference_text(reference: Mapping[str, Any]) -> str:
    """``referensi-bkn/golongan@1.0.0#id``."""
    return f"{reference.get('table')}@{reference.get('version')}#{reference.get('column', 'id')}"


def _classification(
    old: Mapping[str, Any], new: Mapping[str, Any], path: str, field: str | None, name: str
) -> list[Change]:
    before, after = old.get("x-classification"), new.get("x-classification")
    if before == after or before is None or after is None:
        return []
    raised = CLASSIFICATION_RANK.get(str(after), 1) > CLASSIFICATION_RANK.get(str(before), 1)
    rule = "classification-raised" if raised else "classification-lowered"
    ctx = {"name": name, "old": str(before), "new": str(after)}
    return [Change(rule, f"{path}/x-classification", field, BOTH, ctx=ctx)]


def _personal(
    old: Mapping[str, Any], new: Mapping[str, Any], path: str, field: str | None, name: str
) -> list[Change]:
    before, after = old.get("x-personal"), new.get("x-personal")
    if before == after or before is None or after is None:
        return []
    rule = "personal-flag-set" if after else "personal-flag-cleared"
    return [Change(rule, f"{path}/x-personal", field, BOTH, ctx={"name": name})]


def _reference(
    old: Mapping[str, Any],
    new: Mapping[str, Any],
    path: str,
    field: str | None,
    values: ReferenceValues,
) -> list[Change]:
    before, after = old.get("x-reference"), new.get("x-reference")
    if before == after:
        return []
    where = f"{path}/x-reference"
    if not isinstance(before, Mapping):
        return [
            Change(
                "reference-added",
                where,
                field,
                ONLY_BACKWARD,
                ctx={"new": reference_text(after or {})},
            )
        ]
    if not isinstance(after, Mapping):
        return [
            Change(
                "reference-removed", where, field, ONLY_FORWARD, ctx={"old": reference_text(before)}
            )
        ]
    ctx = {"old": reference_text(before), "new": reference_text(after)}
    same_table = before.get("table") == after.get("table")
    if not same_table or before.get("column", "id") != after.get("column", "id"):
        return [Change("reference-table-changed", where, field, BOTH, ctx=ctx)]
    changes = _match(before, after, where, field)
    if before.get("version") == after.get("version"):
        return changes
    column = str(after.get("column", "id"))
    old_codes = values(str(before["table"]), str(before.get("version")), column)
    new_codes = values(str(after["table"]), str(after.get("version")), column)
    if old_codes is None or new_codes is None:
        return [*changes, Change("reference-version-changed", where, field, BOTH, ctx=ctx)]
    removed, added = sorted(old_codes - new_codes), sorted(new_codes - old_codes)
    if removed:
        shown = ", ".join(removed[:_LISTED]) + (", …" if len(removed) > _LISTED else "")
        narrowed = {**ctx, "count": str(len(removed)), "values": shown}
        changes.append(Change("reference-narrowed", where, field, ONLY_BACKWARD, ctx=narrowed))
    if added:
        extended = {**ctx, "count": str(len(added))}
        changes.append(Change("reference-extended", where, field, ONLY_FORWARD, ctx=extended))
    return changes


def _match(
    before: Mapping[str, Any], after: Mapping[str, Any], where: str, field: str | None
) -> list[Change]:
    """Row matching (``match``: record field → table column) that must also agree."""
    old_match = set((before.get("match") or {}).items())
    new_match = set((after.get("match") or {}).items())
    if old_match == new_match:
        return []
    if new_match > old_match:
        breaks = ONLY_BACKWARD
    elif new_match < old_match:
        breaks = ONLY_FORWARD
    else:
        breaks = BOTH
    ctx = {
        "old": ", ".join(f"{k}={v}" for k, v in sorted(old_match)) or "—",
        "new": ", ".join(f"{k}={v}" for k, v in sorted(new_match)) or "—",
    }
    return [Change("reference-match-changed", f"{where}/match", field, breaks, ctx=ctx)]


def _deprecation(
    old: Mapping[str, Any], new: Mapping[str, Any], path: str, field: str | None, name: str
) -> list[Change]:
    before, after = old.get("x-deprecated"), new.get("x-deprecated")
    if before == after:
        return []
    where = f"{path}/x-deprecated"
    if isinstance(after, Mapping):
        ctx = {
            "name": name,
            "since": str(after.get("since", "?")),
            "removed": str(after.get("removed-after", "?")),
        }
        return [Change("property-deprecated", where, field, NO_DIRECTION, ONLY_BACKWARD, ctx)]
    return [Change("property-undeprecated", where, field, ctx={"name": name})]


def metadata_changes(
    old: Mapping[str, Any],
    new: Mapping[str, Any],
    path: str,
    field: str | None,
    values: ReferenceValues,
) -> list[Change]:
    """Every change of :data:`METADATA_KEYWORDS` between two nodes of a field."""
    name = path.rsplit("/", 1)[-1] if path else "(record)"
    return [
        *_classification(old, new, path, field, name),
        *_personal(old, new, path, field, name),
        *_reference(old, new, path, field, values),
        *_deprecation(old, new, path, field, name),
    ]
