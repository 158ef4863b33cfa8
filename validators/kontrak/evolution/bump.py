"""The version-bump rule: what a change between consecutive versions requires.

A change that breaks the dataset's compatibility mode (default BACKWARD_TRANSITIVE) needs a new
major version; any other change to what the contract accepts or means needs a minor version; a
documentation-only change needs a patch. In a TRANSITIVE mode a minor or patch version must also
stay compatible with every earlier version of the same major line. A larger bump than needed is
allowed (e.g. to align with an amendment); a smaller one is not. Reviewed waivers are honoured.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from kontrak.catalog import Catalog, DatasetEntry
from kontrak.contract import load_contract
from kontrak.evolution.compare import compare_contracts
from kontrak.evolution.model import BUMP_ORDER, Bump, Change, Comparison, Mode
from kontrak.evolution.rulebook import compat_rule
from kontrak.evolution.waivers import Waiver
from kontrak.versions import parse_version, version_key

__all__ = ["BumpVerdict", "bump_kind", "bump_verdict", "bump_verdicts", "next_version"]


@dataclass(frozen=True, slots=True)
class BumpVerdict:
    """Whether ``version`` is numbered right for its changes since ``predecessor``."""

    dataset: str
    version: str
    predecessor: str
    mode: Mode
    required: Bump
    actual: Bump
    reasons: tuple[tuple[str, Change], ...]
    comparisons: tuple[Comparison, ...]

    @property
    def ok(self) -> bool:
        """Whether the bump is at least what the changes need (and something changed)."""
        return self.required != "none" and BUMP_ORDER[self.actual] >= BUMP_ORDER[self.required]


def bump_kind(old: str, new: str) -> Bump:
    """``major``, ``minor`` or ``patch`` from ``old`` to ``new`` (``none`` when not higher)."""
    before, after = parse_version(old), parse_version(new)
    if after <= before:
        return "none"
    if after[0] != before[0]:
        return "major"
    return "minor" if after[1] != before[1] else "patch"


def next_version(old: str, bump: Bump) -> str:
    """The smallest version after ``old`` with ``bump``."""
    major, minor, patch = parse_version(old)
    if bump == "major":
        return f"{major + 1}.0.0"
    if bump == "minor":
        return f"{major}.{minor + 1}.0"
    return f"{major}.{minor}.{patch + 1}"


def _level(change: Change, mode: Mode) -> Bump:
    if change.breaks_in(mode.directions):
        return "major"
    return "patch" if compat_rule(change.rule).category == "documentation" else "minor"


def bump_verdict(
    catalog: Catalog, entry: DatasetEntry, version: str, waivers: tuple[Waiver, ...]
) -> BumpVerdict | None:
    """The verdict for one catalog version; None for the first version of a dataset."""
    numbers = [v.version for v in entry.versions]
    earlier = [v for v in numbers if version_key(v) < version_key(version)]
    if not earlier:
        return None
    mode = Mode(entry.compatibility)
    new = load_contract(f"{entry.id}@{version}", catalog)
    predecessor = earlier[-1]
    primary = compare_contracts(
        load_contract(f"{entry.id}@{predecessor}", catalog), new, waivers=waivers
    )
    reasons: list[tuple[str, Change]] = [
        (predecessor, c) for c in primary.changes if _level(c, mode) != "none"
    ]
    comparisons = [primary]
    line = parse_version(version)[0]
    if mode.transitive and parse_version(predecessor)[0] == line:
        for other in earlier[:-1]:
            if parse_version(other)[0] != line:
                continue
            comparison = compare_contracts(
                load_contract(f"{entry.id}@{other}", catalog), new, waivers=waivers
            )
            comparisons.append(comparison)
            reasons += [(other, c) for c in comparison.changes if c.breaks_in(mode.directions)]
    levels: list[Bump] = [_level(c, mode) for _, c in reasons]
    required: Bump = max(levels, key=BUMP_ORDER.__getitem__) if levels else "none"
    return BumpVerdict(
        dataset=entry.id,
        version=version,
        predecessor=predecessor,
        mode=mode,
        required=required,
        actual=bump_kind(predecessor, version),
        reasons=tuple(r for r in reasons if _level(r[1], mode) == required),
        comparisons=tuple(comparisons),
    )


def bump_verdicts(
    catalog: Catalog, waivers: tuple[Waiver, ...], only: Sequence[tuple[str, str]] | None = None
) -> list[BumpVerdict]:
    """Verdicts for every version with a predecessor (or only the ``(dataset, version)`` given)."""
    verdicts = []
    for entry in catalog.datasets.values():
        for version in entry.versions:
            if only is not None and (entry.id, version.version) not in only:
                continue
            verdict = bump_verdict(catalog, entry, version.version, waivers)
            if verdict is not None:
                verdicts.append(verdict)
    return verdicts
