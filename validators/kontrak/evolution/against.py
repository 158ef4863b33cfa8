"""Compare the working tree's contract versions with those of another git revision.

For each version in the working tree, the base is the same version at the revision when it
exists there, else the newest older version there. Versions identical to their base are left
out unless asked for by name; versions without any base (a new dataset) have nothing to compare.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from kontrak.catalog import Catalog, DatasetEntry, split_dataset_spec
from kontrak.contract import Contract, load_contract
from kontrak.evolution.compare import compat_result
from kontrak.evolution.deref import dereference_contract
from kontrak.evolution.gitref import git_snapshot
from kontrak.evolution.model import CompatResult, Mode
from kontrak.versions import version_key

__all__ = ["base_version", "results_against", "same_contract"]


def base_version(base: Catalog | None, dataset: str, version: str) -> str | None:
    """The version of ``dataset`` at the base that ``version`` replaces, or None."""
    if base is None or dataset not in base.datasets:
        return None
    numbers = [v.version for v in base.datasets[dataset].versions]
    if version in numbers:
        return version
    older = [v for v in numbers if version_key(v) < version_key(version)]
    return older[-1] if older else None


def same_contract(left: Contract, right: Contract) -> bool:
    """Whether two contracts are the same once ``$ref`` are inlined (formatting aside)."""
    return dereference_contract(left) == dereference_contract(right)


def _targets(catalog: Catalog, specs: Sequence[str]) -> list[tuple[DatasetEntry, str, bool]]:
    """(dataset, version, asked by name) for every version to look at."""
    if not specs:
        return [(e, v.version, False) for e in catalog.datasets.values() for v in e.versions]
    targets = []
    for spec in specs:
        dataset, version = split_dataset_spec(spec)
        entry = catalog.dataset(dataset)
        if version is None:
            targets += [(entry, v.version, False) for v in entry.versions]
        else:
            targets.append((entry, entry.version(version).version, True))
    return targets


def results_against(
    repo: Path, revision: str, catalog: Catalog, specs: Sequence[str], mode: Mode | None
) -> list[CompatResult]:
    """One result per working-tree version that differs from (or was asked against) ``revision``."""
    results = []
    with git_snapshot(repo, revision) as snapshot:
        for entry, version, named in _targets(catalog, specs):
            old_version = base_version(snapshot.catalog, entry.id, version)
            if old_version is None or snapshot.catalog is None:
                continue
            old = load_contract(f"{entry.id}@{old_version}", snapshot.catalog)
            new = load_contract(f"{entry.id}@{version}", catalog)
            if not named and old_version == version and same_contract(old, new):
                continue
            results.append(compat_result(catalog, old, new, mode=mode, old_source=revision))
    return results
