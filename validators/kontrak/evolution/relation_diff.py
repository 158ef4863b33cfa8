"""Changes of what a contract points to: foreign keys, its kind, and a reference table's codes.

A foreign key (``x-kontrak.foreign-keys``) makes a record valid only when its key exists in
another dataset: adding one, narrowing its target datasets or raising it to an error breaks
BACKWARD; the reverse breaks FORWARD. A reference table (``x-kontrak.kind: reference``) is data:
codes removed from ``data.csv`` break BACKWARD (old records may use them), codes added break
FORWARD.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from kontrak.evolution.model import (
    BOTH,
    NO_DIRECTION,
    ONLY_BACKWARD,
    ONLY_FORWARD,
    Change,
    Direction,
)

__all__ = ["code_changes", "foreign_key_changes", "kind_changes"]

_LISTED = 8


def _key(spec: Mapping[str, Any], renames: Mapping[str, str]) -> tuple[str, ...]:
    return tuple(renames.get(str(f), str(f)) for f in spec.get("fields", ()))


def _describe(spec: Mapping[str, Any]) -> dict[str, str]:
    reference = spec.get("reference", {})
    return {
        "fields": ", ".join(spec.get("fields", ())),
        "datasets": ", ".join(reference.get("datasets", ())),
        "severity": str(spec.get("severity", "error")),
    }


def _effect(direction: frozenset[Direction], error: bool) -> tuple[frozenset[Direction], ...]:
    return (direction, NO_DIRECTION) if error else (NO_DIRECTION, direction)


def _changed(old: Mapping[str, Any], new: Mapping[str, Any]) -> frozenset[Direction]:
    before = set(old.get("reference", {}).get("datasets", ()))
    after = set(new.get("reference", {}).get("datasets", ()))
    raised = old.get("severity", "error") == "warning" and new.get("severity", "error") == "error"
    lowered = old.get("severity", "error") == "error" and new.get("severity", "error") == "warning"
    same_fields = old.get("reference", {}).get("fields") == new.get("reference", {}).get("fields")
    tighter = (after < before or raised) and not (after > before or lowered)
    looser = (after > before or lowered) and not (after < before or raised)
    if same_fields and tighter:
        return ONLY_BACKWARD
    if same_fields and looser:
        return ONLY_FORWARD
    return BOTH


def foreign_key_changes(
    old: Sequence[Mapping[str, Any]], new: Sequence[Mapping[str, Any]], renames: Mapping[str, str]
) -> list[Change]:
    """Every change between two ``x-kontrak.foreign-keys`` lists (matched by their fields)."""
    before = {_key(spec, renames): spec for spec in old}
    after = {_key(spec, {}): spec for spec in new}
    changes: list[Change] = []
    for index, (key, spec) in enumerate(after.items()):
        where = f"/x-kontrak/foreign-keys/{index}"
        field = key[0] if key else None
        if key not in before:
            breaks, warns = _effect(ONLY_BACKWARD, spec.get("severity", "error") == "error")
            changes.append(
                Change("foreign-key-added", where, field, breaks, warns, _describe(spec))
            )
        elif before[key] != spec and {**before[key], "fields": list(key)} != {
            **spec,
            "fields": list(key),
        }:
            ctx = {
                "fields": ", ".join(key),
                "old": _describe(before[key])["datasets"]
                + f" ({_describe(before[key])['severity']})",
                "new": _describe(spec)["datasets"] + f" ({_describe(spec)['severity']})",
            }
            changes.append(
                Change("foreign-key-changed", where, field, _changed(before[key], spec), ctx=ctx)
            )
    for key, spec in before.items():
        if key not in after:
            breaks, warns = _effect(ONLY_FORWARD, spec.get("severity", "error") == "error")
            changes.append(
                Change(
                    "foreign-key-removed",
                    "/x-kontrak/foreign-keys",
                    key[0] if key else None,
                    breaks,
                    warns,
                    _describe(spec),
                )
            )
    return changes


def kind_changes(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[Change]:
    """A change of ``x-kontrak.kind`` (records or reference), which changes what the data is."""
    before, after = old.get("kind", "records"), new.get("kind", "records")
    if before == after:
        return []
    return [
        Change(
            "contract-kind-changed",
            "/x-kontrak/kind",
            None,
            BOTH,
            ctx={"old": before, "new": after},
        )
    ]


def code_changes(old_codes: frozenset[str], new_codes: frozenset[str], column: str) -> list[Change]:
    """Codes removed from or added to a reference table's data between two versions."""
    changes = []
    for rule, codes, breaks in (
        ("reference-codes-removed", sorted(old_codes - new_codes), ONLY_BACKWARD),
        ("reference-codes-added", sorted(new_codes - old_codes), ONLY_FORWARD),
    ):
        if codes:
            shown = ", ".join(codes[:_LISTED]) + (", …" if len(codes) > _LISTED else "")
            ctx = {"count": str(len(codes)), "values": shown}
            changes.append(Change(rule, f"/data.csv#{column}", column, breaks, ctx=ctx))
    return changes
