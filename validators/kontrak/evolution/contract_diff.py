"""Changes of the contract-level metadata under ``x-kontrak``: domain rules, keys, parties.

A domain rule at severity ``error`` rejects data, so adding or tightening one breaks BACKWARD
and removing or relaxing one breaks FORWARD; at severity ``warning`` it only adds warnings.
Rules are matched by id and the fields they read, following key renames.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from kontrak.evolution.model import (
    BOTH,
    NO_DIRECTION,
    ONLY_BACKWARD,
    ONLY_FORWARD,
    Change,
    Direction,
)
from kontrak.rules import RULES

__all__ = ["ARGS_ORDER", "contract_changes"]

_DOC_KEYS = ("title-en", "description-en", "wire")
_PARTY_KEYS = ("provider", "consumer", "system")
_NIP_MODES = {"pns": {"pns"}, "pppk": {"pppk"}, "pns-or-pppk": {"pns", "pppk"}}


def _nip_order(old: Mapping[str, Any], new: Mapping[str, Any]) -> str | None:
    before = _NIP_MODES.get(str(old.get("mode", "pns-or-pppk")))
    after = _NIP_MODES.get(str(new.get("mode", "pns-or-pppk")))
    if before is None or after is None or {**old, "mode": None} != {**new, "mode": None}:
        return None
    return "tighter" if after < before else "looser" if after > before else None


def _flags_order(old: Mapping[str, Any], new: Mapping[str, Any]) -> str | None:
    before, after = set(old.get("fields", ())), set(new.get("fields", ()))
    return "tighter" if after > before else "looser" if after < before else None


ARGS_ORDER: dict[str, Callable[[Mapping[str, Any], Mapping[str, Any]], str | None]] = {
    "nip-structure": _nip_order,
    "flags-exclusive": _flags_order,
}
"""Rules whose arguments have a known order: ``tighter``, ``looser`` or None (unknown)."""


def _rename_args(args: Any, renames: Mapping[str, str]) -> Any:
    if isinstance(args, str):
        return renames.get(args, args)
    if isinstance(args, list):
        return [_rename_args(a, renames) for a in args]
    if isinstance(args, Mapping):
        return {k: _rename_args(v, renames) for k, v in args.items()}
    return args


def _fields(spec: Mapping[str, Any]) -> tuple[str, ...]:
    rule = RULES.get(str(spec.get("rule")))
    try:
        return tuple(rule.fields_of(spec["args"])) if rule else ()
    except (KeyError, TypeError):
        return ()


def _pair_rules(
    old: Sequence[Mapping[str, Any]], new: Sequence[Mapping[str, Any]]
) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    left, right = list(range(len(old))), list(range(len(new)))
    pairs: list[tuple[int, int]] = []
    for same_fields in (True, False):
        for i in list(left):
            match = next(
                (
                    j
                    for j in right
                    if new[j]["rule"] == old[i]["rule"]
                    and (not same_fields or _fields(new[j]) == _fields(old[i]))
                ),
                None,
            )
            if match is not None:
                pairs.append((i, match))
                left.remove(i)
                right.remove(match)
    return pairs, left, right


def _rule_ctx(spec: Mapping[str, Any], **extra: str) -> dict[str, str]:
    return {
        "rule": str(spec["rule"]),
        "severity": str(spec["severity"]),
        "fields": ", ".join(_fields(spec)) or "—",
        **extra,
    }


def _effect(direction: frozenset[Direction], error: bool) -> tuple[frozenset[Direction], ...]:
    return (direction, NO_DIRECTION) if error else (NO_DIRECTION, direction)


def _rule_pair(
    old: Mapping[str, Any], new: Mapping[str, Any], path: str, renames: Mapping[str, str]
) -> list[Change]:
    field = next(iter(_fields(new)), None)
    changes: list[Change] = []
    severities = (old["severity"], new["severity"])
    if severities[0] != severities[1]:
        raised = severities[1] == "error"
        rule = "domain-rule-severity-raised" if raised else "domain-rule-severity-lowered"
        ctx = _rule_ctx(new, old=severities[0], new=severities[1])
        breaks = ONLY_BACKWARD if raised else ONLY_FORWARD
        changes.append(Change(rule, f"{path}/severity", field, breaks, ctx=ctx))
    old_args = _rename_args(old["args"], renames)
    if old_args == new["args"]:
        return changes
    compare_args = ARGS_ORDER.get(str(new["rule"]))
    order = compare_args(old_args, new["args"]) if compare_args else None
    text = {
        "old": json.dumps(old["args"], ensure_ascii=False),
        "new": json.dumps(new["args"], ensure_ascii=False),
    }
    where = f"{path}/args"
    if order == "tighter":
        breaks, warns = _effect(ONLY_BACKWARD, new["severity"] == "error")
        changes.append(
            Change("domain-rule-tightened", where, field, breaks, warns, _rule_ctx(new, **text))
        )
    elif order == "looser":
        breaks, warns = _effect(ONLY_FORWARD, old["severity"] == "error")
        changes.append(
            Change("domain-rule-relaxed", where, field, breaks, warns, _rule_ctx(new, **text))
        )
    else:
        changes.append(
            Change("domain-rule-changed", where, field, BOTH, ctx=_rule_ctx(new, **text))
        )
    return changes


def _rule_changes(
    old: Sequence[Mapping[str, Any]], new: Sequence[Mapping[str, Any]], renames: Mapping[str, str]
) -> list[Change]:
    renamed_old = [{**spec, "args": _rename_args(spec["args"], renames)} for spec in old]
    pairs, gone, added = _pair_rules(renamed_old, new)
    changes: list[Change] = []
    for i, j in pairs:
        changes += _rule_pair(old[i], new[j], f"/x-kontrak/rules/{j}", renames)
    for j in added:
        breaks, warns = _effect(ONLY_BACKWARD, new[j]["severity"] == "error")
        field = next(iter(_fields(new[j])), None)
        changes.append(
            Change(
                "domain-rule-added",
                f"/x-kontrak/rules/{j}",
                field,
                breaks,
                warns,
                _rule_ctx(new[j]),
            )
        )
    for i in gone:
        breaks, warns = _effect(ONLY_FORWARD, old[i]["severity"] == "error")
        field = next(iter(_fields(renamed_old[i])), None)
        changes.append(
            Change(
                "domain-rule-removed",
                f"/x-kontrak/rules/{i}",
                field,
                breaks,
                warns,
                _rule_ctx(old[i]),
            )
        )
    return changes


def _key_changes(
    old: Mapping[str, Any],
    new: Mapping[str, Any],
    required: tuple[frozenset[str], frozenset[str]],
    renames: Mapping[str, str],
) -> list[Change]:
    changes: list[Change] = []
    old_key = [renames.get(k, k) for k in old["primary-key"]]
    if old_key != list(new["primary-key"]):
        ctx = {"old": ", ".join(old["primary-key"]), "new": ", ".join(new["primary-key"])}
        changes.append(Change("primary-key-changed", "/x-kontrak/primary-key", None, BOTH, ctx=ctx))
    extra = (old["extra-fields"], new["extra-fields"])
    if extra[0] != extra[1]:
        tightened = extra[1] == "error"
        rule = "extra-fields-tightened" if tightened else "extra-fields-relaxed"
        breaks = ONLY_BACKWARD if tightened else ONLY_FORWARD
        ctx = {"old": extra[0], "new": extra[1]}
        changes.append(Change(rule, "/x-kontrak/extra-fields", None, breaks, ctx=ctx))
    old_bulk = {renames.get(n, n) for n in old.get("bulk", {}).get("required", ())}
    new_bulk = set(new.get("bulk", {}).get("required", ()))
    old_required = {renames.get(n, n) for n in required[0]}
    for name in sorted(new_bulk - old_bulk - required[1]):
        changes.append(
            Change(
                "bulk-required-added",
                "/x-kontrak/bulk/required",
                name,
                ONLY_BACKWARD,
                ctx={"name": name},
            )
        )
    for name in sorted(old_bulk - new_bulk - required[1] - old_required):
        changes.append(
            Change(
                "bulk-required-removed",
                "/x-kontrak/bulk/required",
                name,
                ONLY_FORWARD,
                ctx={"name": name},
            )
        )
    return changes


def contract_changes(
    old: Mapping[str, Any],
    new: Mapping[str, Any],
    required: tuple[frozenset[str], frozenset[str]],
    renames: Mapping[str, str],
) -> list[Change]:
    """Every change between two ``x-kontrak`` blocks.

    Args:
        old: the old ``x-kontrak``.
        new: the new ``x-kontrak``.
        required: the old and the new top-level ``required`` sets.
        renames: old key → new key, as found by the object comparison.
    """
    changes = _rule_changes(old.get("rules", []), new.get("rules", []), renames)
    changes += _key_changes(old, new, required, renames)
    for key in _PARTY_KEYS:
        if old.get(key) != new.get(key):
            ctx = {"key": key, "old": str(old.get(key)), "new": str(new.get(key))}
            changes.append(Change("parties-changed", f"/x-kontrak/{key}", None, BOTH, ctx=ctx))
    if list(old.get("basis", ())) != list(new.get("basis", ())):
        ctx = {"old": ", ".join(old.get("basis", ())), "new": ", ".join(new.get("basis", ()))}
        changes.append(Change("basis-changed", "/x-kontrak/basis", None, ctx=ctx))
    if old.get("codegen-profile") != new.get("codegen-profile"):
        ctx = {"old": str(old.get("codegen-profile")), "new": str(new.get("codegen-profile"))}
        changes.append(
            Change("codegen-profile-changed", "/x-kontrak/codegen-profile", None, ctx=ctx)
        )
    docs = [k for k in _DOC_KEYS if old.get(k) != new.get(k)]
    if old.get("bulk", {}).get("note") != new.get("bulk", {}).get("note"):
        docs.append("bulk.note")
    if docs:
        changes.append(
            Change("documentation-changed", "/x-kontrak", None, ctx={"keywords": ", ".join(docs)})
        )
    return changes
