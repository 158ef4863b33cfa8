"""What a compatibility check produces: changes, comparisons, verdicts per direction and mode.

Directions follow Confluent Schema Registry. BACKWARD: a consumer on the new version reads data
made for the old one (old = writer, new = reader). FORWARD: a consumer on the old version reads
data made for the new one. FULL is both; the TRANSITIVE forms check against every earlier version
instead of one.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

__all__ = [
    "BOTH",
    "BUMP_ORDER",
    "NO_DIRECTION",
    "ONLY_BACKWARD",
    "ONLY_FORWARD",
    "Bump",
    "Change",
    "Comparison",
    "CompatResult",
    "Direction",
    "Mode",
    "Severity",
    "WaiverNote",
]

Severity = Literal["error", "warning", "info"]
Bump = Literal["none", "patch", "minor", "major"]
BUMP_ORDER: dict[str, int] = {"none": 0, "patch": 1, "minor": 2, "major": 3}


class Direction(StrEnum):
    """Which reader is checked against which writer."""

    BACKWARD = "BACKWARD"
    FORWARD = "FORWARD"


class Mode(StrEnum):
    """Compatibility modes (Confluent's names)."""

    BACKWARD = "BACKWARD"
    BACKWARD_TRANSITIVE = "BACKWARD_TRANSITIVE"
    FORWARD = "FORWARD"
    FORWARD_TRANSITIVE = "FORWARD_TRANSITIVE"
    FULL = "FULL"
    FULL_TRANSITIVE = "FULL_TRANSITIVE"
    NONE = "NONE"

    @property
    def directions(self) -> frozenset[Direction]:
        """Directions this mode requires."""
        if self is Mode.NONE:
            return frozenset()
        if self.value.startswith("FULL"):
            return frozenset(Direction)
        return frozenset({Direction(self.value.split("_")[0])})

    @property
    def transitive(self) -> bool:
        """Whether the mode checks against every earlier version, not only one."""
        return self.value.endswith("_TRANSITIVE")


NO_DIRECTION: frozenset[Direction] = frozenset()
ONLY_BACKWARD: frozenset[Direction] = frozenset({Direction.BACKWARD})
ONLY_FORWARD: frozenset[Direction] = frozenset({Direction.FORWARD})
BOTH: frozenset[Direction] = frozenset(Direction)


@dataclass(frozen=True, slots=True)
class WaiverNote:
    """The reviewed waiver that accepts one change, as shown next to it."""

    justification_id: str
    justification_en: str
    approved_by: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Change:
    """One difference between two contract versions.

    Attributes:
        rule: stable rule id (see :data:`kontrak.evolution.rulebook.COMPAT_RULES`).
        path: JSON Pointer into the new (dereferenced) schema, or into the old one when the
            place no longer exists; contract-level changes use ``/x-kontrak/...``.
        field: the top-level record field concerned, if any.
        breaks: directions in which data valid on one side becomes invalid on the other.
        warns: directions in which such data only gets new warnings.
        ctx: message values (schema content, never data values).
        waiver: the waiver that accepts this change, if any.
    """

    rule: str
    path: str
    field: str | None = None
    breaks: frozenset[Direction] = frozenset()
    warns: frozenset[Direction] = frozenset()
    ctx: Mapping[str, str] = dataclasses.field(default_factory=dict)
    waiver: WaiverNote | None = None

    def breaks_in(self, directions: frozenset[Direction]) -> bool:
        """Whether this change, unless waived, breaks one of ``directions``."""
        return self.waiver is None and bool(self.breaks & directions)

    def with_waiver(self, waiver: WaiverNote) -> Change:
        """This change, accepted by ``waiver``."""
        return dataclasses.replace(self, waiver=waiver)

    def severity(self, mode: Mode) -> Severity:
        """``error`` when it breaks ``mode``; ``warning`` when it breaks or warns elsewhere."""
        if self.breaks_in(mode.directions):
            return "error"
        if self.breaks or self.warns:
            return "warning"
        return "info"


@dataclass(frozen=True, slots=True)
class Comparison:
    """Every change from ``old`` to ``new`` of one dataset.

    ``old_source`` / ``new_source`` name where the version was read: ``None`` for the working
    tree, else the git revision given with ``--against``.
    """

    dataset: str
    old: str
    new: str
    changes: tuple[Change, ...]
    old_source: str | None = None
    new_source: str | None = None

    def compatible(self, direction: Direction) -> bool:
        """Whether no unwaived change breaks ``direction``."""
        return not any(c.breaks_in(frozenset({direction})) for c in self.changes)

    def label(self, side: Literal["old", "new"]) -> str:
        """``1.0.0`` or ``1.0.0 (main)`` when read from a git revision."""
        version = self.old if side == "old" else self.new
        source = self.old_source if side == "old" else self.new_source
        return f"{version} ({source})" if source else version


@dataclass(frozen=True, slots=True)
class CompatResult:
    """A primary comparison plus the comparisons against every other earlier version.

    ``comparisons[0]`` is ``old → new`` as asked; the rest compare each other version older
    than ``new`` with ``new`` (used by the TRANSITIVE modes).
    """

    dataset: str
    mode: Mode
    comparisons: tuple[Comparison, ...]

    @property
    def primary(self) -> Comparison:
        """The comparison that was asked for."""
        return self.comparisons[0]

    def verdict(self, mode: Mode) -> bool:
        """Whether the new version is compatible in ``mode``."""
        scope = self.comparisons if mode.transitive else self.comparisons[:1]
        return all(c.compatible(d) for c in scope for d in mode.directions)

    @property
    def compatible(self) -> bool:
        """The verdict in the mode that was asked for."""
        return self.verdict(self.mode)

    @property
    def exit_code(self) -> int:
        """0 compatible, 1 breaking."""
        return 0 if self.compatible else 1
