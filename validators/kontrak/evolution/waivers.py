"""Reviewed waivers: the only way to accept a breaking change without a major version.

``contracts/compat-waivers.yaml`` lists each waiver with the rule, dataset, the two versions, an
optional JSON Pointer, a justification in both languages and who approved it; its schema is
``contracts/_meta/compat-waivers.schema.json``. Changes to the file are reviewed like any
contract change (both agencies). Nothing else silences a rule.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

from kontrak.evolution.model import Change, Comparison, WaiverNote
from kontrak.exceptions import ContractError
from kontrak.versions import version_key
from kontrak.yaml_io import load_yaml

__all__ = ["WAIVERS_FILE", "Waiver", "apply_waivers", "load_waivers", "waiver_matches"]

WAIVERS_FILE = "compat-waivers.yaml"


@dataclass(frozen=True, slots=True)
class Waiver:
    """One reviewed exception to a compatibility rule."""

    rule: str
    dataset: str
    old: str
    new: str
    path: str | None
    note: WaiverNote

    def describe(self) -> str:
        """``rule dataset old→new [path]`` for messages."""
        where = f" {self.path}" if self.path else ""
        return f"{self.rule} {self.dataset} {self.old}→{self.new}{where}"


def waiver_matches(waiver: Waiver, change: Change, comparison: Comparison) -> bool:
    """Whether ``waiver`` accepts ``change`` of ``comparison``.

    A waiver ``from → to`` also covers comparing ``to`` with versions older than ``from`` (what
    the TRANSITIVE modes do): the change it accepts was made between ``from`` and ``to``.
    """
    if (waiver.rule, waiver.dataset) != (change.rule, comparison.dataset):
        return False
    if waiver.new != comparison.new or version_key(comparison.old) > version_key(waiver.old):
        return False
    if waiver.path is None:
        return True
    return change.path == waiver.path or change.path.startswith(waiver.path + "/")


def apply_waivers(comparison: Comparison, waivers: tuple[Waiver, ...]) -> Comparison:
    """``comparison`` with every change that a waiver accepts marked as waived."""
    changes = []
    for change in comparison.changes:
        waiver = next((w for w in waivers if waiver_matches(w, change, comparison)), None)
        changes.append(change if waiver is None else change.with_waiver(waiver.note))
    return dataclasses.replace(comparison, changes=tuple(changes))


def load_waivers(contracts_root: Path) -> tuple[Waiver, ...]:
    """Read the waivers file; a missing file means no waivers.

    Raises:
        ContractError: when the file is not the documented shape (``kontrak check`` says where).
    """
    path = contracts_root / WAIVERS_FILE
    if not path.is_file():
        return ()
    try:
        data = load_yaml(path) or {}
        return tuple(
            Waiver(
                rule=str(item["rule"]),
                dataset=str(item["dataset"]),
                old=str(item["from"]),
                new=str(item["to"]),
                path=str(item["path"]) if item.get("path") else None,
                note=WaiverNote(
                    justification_id=str(item["justification"]["id"]),
                    justification_en=str(item["justification"]["en"]),
                    approved_by=tuple(str(p) for p in item["approved-by"]),
                ),
            )
            for item in data.get("waivers") or ()
        )
    except (KeyError, TypeError, AttributeError, ValueError) as exc:
        msg = f"berkas pengecualian rusak / malformed waivers file {path}: {exc!r}"
        raise ContractError(msg) from exc
