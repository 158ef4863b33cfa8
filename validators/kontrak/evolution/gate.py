"""``kontrak check --against GIT_REF``: what a change may not do to versions released before it.

``kontrak check`` alone already fails on a misnumbered version (see
:mod:`kontrak.evolution.bump`) and on a released file that no longer matches the lock. Against a
base revision (the target branch in CI) this adds what the lock alone cannot see: a version
released at the base keeps its files, its date and its document, its status only moves forward
(active → deprecated → retired), it is never removed, the lock itself only grows, and the
compatibility mode of a dataset with a released version is never made laxer (only a major
version or a reviewed waiver accepts a breaking change).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from kontrak.catalog import Catalog, DatasetEntry
from kontrak.evolution.checks import Issue
from kontrak.evolution.gitref import git_snapshot
from kontrak.evolution.lock import (
    LOCK_FILE,
    RELEASED_STATUSES,
    entry_digest,
    read_lock,
    released_entries,
)
from kontrak.evolution.model import Mode

__all__ = ["STATUS_ORDER", "gate_issues"]

STATUS_ORDER = {"draft": 0, "active": 1, "deprecated": 2, "retired": 3}


def _frozen_fix(revision: str, rel: str) -> str:
    return (
        f"kembalikan dengan `git checkout {revision} -- contracts/{rel}` dan buat versi baru / "
        f"restore it with `git checkout {revision} -- contracts/{rel}` and make the change in a "
        f"new version (contracts/<dataset>/<next>/; `kontrak compat` tells which bump it needs)"
    )


def _released_entry(
    entry: DatasetEntry | None, base_entry: DatasetEntry, revision: str
) -> Iterator[Issue]:
    for old in base_entry.versions:
        if old.status not in RELEASED_STATUSES:
            continue
        spec = f"{base_entry.id}@{old.version}"
        where = f"contracts/catalog.yaml#{spec}"
        current = next(
            (v for v in (entry.versions if entry else ()) if v.version == old.version), None
        )
        if current is None:
            yield (
                "released-frozen",
                where,
                (
                    f"{spec} sudah dirilis di {revision} dan tidak boleh dihapus / was released at "
                    f"{revision} and cannot be removed: set its status to deprecated or retired"
                ),
            )
            continue
        if STATUS_ORDER[current.status] < STATUS_ORDER[old.status]:
            yield (
                "released-frozen",
                where,
                (
                    f"status {old.status} → {current.status} mundur / moves back: a released "
                    f"version only moves forward (active → deprecated → retired)"
                ),
            )
        for key in ("since", "introduced_by"):
            if getattr(current, key) != getattr(old, key):
                name = key.replace("_", "-")
                yield (
                    "released-frozen",
                    where,
                    (
                        f"{name} {spec} berubah / changed ({getattr(old, key)} → "
                        f"{getattr(current, key)}): the record of a released version is frozen"
                    ),
                )


def _weaker(old: Mode, new: Mode) -> bool:
    """Whether ``new`` checks less than ``old``: fewer directions, or not every earlier version."""
    if not new.directions >= old.directions:
        return True
    return bool(old.directions) and old.transitive and not new.transitive


def _mode_kept(
    entry: DatasetEntry | None, base_entry: DatasetEntry, revision: str
) -> Iterator[Issue]:
    if entry is None or not any(v.status in RELEASED_STATUSES for v in base_entry.versions):
        return
    old, new = Mode(base_entry.compatibility), Mode(entry.compatibility)
    if _weaker(old, new):
        yield (
            "compat-mode",
            f"contracts/catalog.yaml#{entry.id}",
            (
                f"mode kompatibilitas {old.value} → {new.value} melonggarkan gerbang versi sejak "
                f"{revision} / loosens the version-bump gate since {revision}: the mode of a "
                f"released dataset may only get stricter. Fix: restore `compatibility: "
                f"{old.value}`; accept a breaking change with a major version or a reviewed "
                f"waiver in contracts/compat-waivers.yaml"
            ),
        )


def _released_parts(base: Catalog, catalog: Catalog, revision: str) -> Iterator[Issue]:
    for entry, specs in sorted(released_entries(base).items()):
        after = entry_digest(catalog.root, entry)
        if after == entry_digest(base.root, entry):
            continue
        users = ", ".join(sorted(specs))
        what = "dihapus / deleted" if after is None else "berubah / changed"
        yield (
            "released-frozen",
            f"contracts/{entry}",
            (
                f"bagian {users} (rilis di {revision}) {what}; versi rilis dibekukan / released "
                f"{users} is frozen. Fix: {_frozen_fix(revision, entry.partition('#')[0])}"
            ),
        )


def _lock_grows(base_root: Path, catalog: Catalog, revision: str) -> Iterator[Issue]:
    before, after = read_lock(base_root), read_lock(catalog.root)
    for rel, digest in sorted(before.items()):
        if after.get(rel) != digest:
            yield (
                "released-lock",
                f"contracts/{LOCK_FILE}",
                (
                    f"entri {rel} diubah atau dihapus sejak {revision} / the entry for {rel} was "
                    f"changed or removed since {revision}: lock entries are never changed; restore "
                    f"it (git checkout {revision} -- contracts/{LOCK_FILE}) and run `kontrak lock`"
                ),
            )


def gate_issues(repo: Path, revision: str, catalog: Catalog) -> list[Issue]:
    """Every way the working tree changes what was released at ``revision``.

    Raises:
        KontrakError: git is missing or the revision is unknown (exit code 2 from the CLI).
    """
    issues: list[Issue] = []
    with git_snapshot(repo, revision) as snapshot:
        base = snapshot.catalog
        if base is None:
            return issues
        for base_entry in base.datasets.values():
            entry = catalog.datasets.get(base_entry.id)
            issues += _released_entry(entry, base_entry, revision)
            issues += _mode_kept(entry, base_entry, revision)
        issues += _released_parts(base, catalog, revision)
        issues += _lock_grows(snapshot.root, catalog, revision)
    return issues
