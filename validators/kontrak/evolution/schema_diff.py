"""Walk two dereferenced schemas node by node and collect every change.

Each node is split by keyword family: documentation (never breaks), field metadata, value
keywords, object keywords, array and combinator keywords. A keyword this module does not model
(``not``, ``if``/``then``/``else``, ``dependentSchemas`` …) that differs is reported as
``constraint-changed`` and counts as breaking both ways: a change whose direction cannot be
proven is never called compatible.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from kontrak.evolution.field_metadata import METADATA_KEYWORDS, ReferenceValues, metadata_changes
from kontrak.evolution.keyword_diff import VALUE_KEYWORDS, value_changes
from kontrak.evolution.model import BOTH, ONLY_BACKWARD, ONLY_FORWARD, Change
from kontrak.evolution.object_diff import OBJECT_KEYWORDS, object_changes
from kontrak.pointer import join_pointer

__all__ = ["DOC_KEYWORDS", "SchemaDiffer"]

DOC_KEYWORDS = frozenset(
    {"title", "description", "x-description-en", "examples", "default", "$comment", "deprecated"}
)
_BRANCHING = ("anyOf", "oneOf")
_SAME_DIRECTION = ("items", "contains", "propertyNames")
_HANDLED = frozenset(
    {
        *DOC_KEYWORDS,
        *METADATA_KEYWORDS,
        *VALUE_KEYWORDS,
        *OBJECT_KEYWORDS,
        *_BRANCHING,
        *_SAME_DIRECTION,
        "allOf",
        "prefixItems",
    }
)


def _as_mapping(node: Any) -> Mapping[str, Any]:
    if node is True or node is None:
        return {}
    if node is False:
        return {"not": {}}
    return node if isinstance(node, Mapping) else {"const": node}


@dataclass(frozen=True, slots=True)
class SchemaDiffer:
    """Compares two nodes of the same place in two contract versions.

    Attributes:
        tolerant: for (old, new), whether unknown fields only warn (``extra-fields: warning``).
        reference_values: reads the codes of a reference table version, for ``x-reference``.
    """

    tolerant: tuple[bool, bool]
    reference_values: ReferenceValues

    def node(self, old: Any, new: Any, path: str, field: str | None) -> list[Change]:
        """Every change from ``old`` to ``new`` at ``path`` (a JSON Pointer)."""
        if old == new:
            return []
        before, after = _as_mapping(old), _as_mapping(new)
        changes = self._documentation(before, after, path, field)
        changes += metadata_changes(before, after, path, field, self.reference_values)
        changes += value_changes(before, after, path, field)
        changes += object_changes(self.node, before, after, path, field, self.tolerant)
        changes += self._same_direction(before, after, path, field)
        changes += self._prefix_items(before, after, path, field)
        for keyword in _BRANCHING:
            changes += self._branches(before, after, path, field, keyword)
        changes += self._all_of(before, after, path, field)
        changes += self._unmodelled(before, after, path, field)
        return changes

    @staticmethod
    def _documentation(
        old: Mapping[str, Any], new: Mapping[str, Any], path: str, field: str | None
    ) -> list[Change]:
        keys = {k for k in (*old, *new) if k in DOC_KEYWORDS or _is_free_annotation(k)}
        changed = sorted(k for k in keys if old.get(k) != new.get(k))
        if not changed:
            return []
        return [Change("documentation-changed", path, field, ctx={"keywords": ", ".join(changed)})]

    def _same_direction(
        self, old: Mapping[str, Any], new: Mapping[str, Any], path: str, field: str | None
    ) -> list[Change]:
        changes: list[Change] = []
        for keyword in _SAME_DIRECTION:
            if keyword in old or keyword in new:
                where = join_pointer(path, keyword)
                changes += self.node(old.get(keyword, {}), new.get(keyword, {}), where, field)
        return changes

    def _prefix_items(
        self, old: Mapping[str, Any], new: Mapping[str, Any], path: str, field: str | None
    ) -> list[Change]:
        before, after = old.get("prefixItems") or [], new.get("prefixItems") or []
        changes: list[Change] = []
        for index in range(max(len(before), len(after))):
            left = before[index] if index < len(before) else {}
            right = after[index] if index < len(after) else {}
            changes += self.node(left, right, join_pointer(path, "prefixItems", index), field)
        return changes

    def _pairs(
        self, before: list[Any], after: list[Any]
    ) -> tuple[list[tuple[int, int]], list[int], list[int]]:
        """Pair equal branches first, then the rest in order; return pairs and leftovers."""
        left, right = list(range(len(before))), list(range(len(after)))
        pairs: list[tuple[int, int]] = []
        for i in list(left):
            match = next((j for j in right if after[j] == before[i]), None)
            if match is not None:
                pairs.append((i, match))
                left.remove(i)
                right.remove(match)
        while left and right:
            pairs.append((left.pop(0), right.pop(0)))
        return pairs, left, right

    def _branches(
        self,
        old: Mapping[str, Any],
        new: Mapping[str, Any],
        path: str,
        field: str | None,
        keyword: str,
    ) -> list[Change]:
        before, after = old.get(keyword), new.get(keyword)
        if before == after:
            return []
        if not isinstance(before, list) or not isinstance(after, list):
            ctx = {"keyword": keyword}
            return [Change("constraint-changed", join_pointer(path, keyword), field, BOTH, ctx=ctx)]
        pairs, gone, new_ones = self._pairs(before, after)
        changes: list[Change] = []
        for i, j in pairs:
            changes += self.node(before[i], after[j], join_pointer(path, keyword, j), field)
        for i in gone:
            where = join_pointer(path, keyword, i)
            changes.append(
                Change("branch-removed", where, field, ONLY_BACKWARD, ctx={"keyword": keyword})
            )
        for j in new_ones:
            where = join_pointer(path, keyword, j)
            changes.append(
                Change("branch-added", where, field, ONLY_FORWARD, ctx={"keyword": keyword})
            )
        return changes

    def _all_of(
        self, old: Mapping[str, Any], new: Mapping[str, Any], path: str, field: str | None
    ) -> list[Change]:
        before, after = old.get("allOf") or [], new.get("allOf") or []
        if before == after:
            return []
        pairs, gone, new_ones = self._pairs(list(before), list(after))
        changes: list[Change] = []
        for i, j in pairs:
            changes += self.node(before[i], after[j], join_pointer(path, "allOf", j), field)
        changes += [
            Change("all-of-removed", join_pointer(path, "allOf", i), field, ONLY_FORWARD)
            for i in gone
        ]
        changes += [
            Change("all-of-added", join_pointer(path, "allOf", j), field, ONLY_BACKWARD)
            for j in new_ones
        ]
        return changes

    @staticmethod
    def _unmodelled(
        old: Mapping[str, Any], new: Mapping[str, Any], path: str, field: str | None
    ) -> list[Change]:
        keys = sorted({*old, *new} - _HANDLED)
        return [
            Change("constraint-changed", join_pointer(path, k), field, BOTH, ctx={"keyword": k})
            for k in keys
            if old.get(k) != new.get(k) and not _is_free_annotation(k)
        ]


def _is_free_annotation(keyword: str) -> bool:
    """An ``x-…`` annotation with no contract meaning (documentation only)."""
    return keyword.startswith("x-") and keyword not in METADATA_KEYWORDS and keyword != "x-kontrak"
