"""``contracts/released.lock``: the sha256 of every file of every released contract version.

A version is released once its status is ``active``, ``deprecated`` or ``retired``. Its files
are the hand-written files of its folder (derived files such as ``table-schema.json`` are
regenerated and checked for drift instead) plus every file its ``$ref`` chain reaches (the shared
definitions). The lock has ``sha256sum`` format, paths relative to ``contracts/``, so
``cd contracts && sha256sum -c released.lock`` checks it without this tool.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from kontrak.catalog import Catalog
from kontrak.contract import TABLE_SCHEMA_FILE

__all__ = [
    "DERIVED_NAMES",
    "LOCK_FILE",
    "RELEASED_STATUSES",
    "LockIssue",
    "lock_issues",
    "read_lock",
    "released_files",
    "render_lock",
    "sha256_file",
]

LOCK_FILE = "released.lock"
RELEASED_STATUSES = frozenset({"active", "deprecated", "retired"})
DERIVED_NAMES = frozenset({TABLE_SCHEMA_FILE})
_HEADER = (
    "# Kontrak yang sudah dirilis dibekukan / released contracts are frozen.\n"
    "# sha256 of every file of every released version (paths relative to contracts/).\n"
    "# Written by `kontrak lock`, checked by `kontrak check`; entries are never changed or\n"
    "# removed: a change to a released contract goes into a new version.\n"
    "# Check without kontrak: cd contracts && sha256sum -c released.lock\n"
)


@dataclass(frozen=True, slots=True)
class LockIssue:
    """A released file that is missing from the lock, changed, or gone."""

    path: str
    message: str


def sha256_file(path: Path) -> str:
    """Hex sha256 of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _refs(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str):
                yield value
            else:
                yield from _refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from _refs(value)


def _referenced(root: Path, start: Path) -> set[str]:
    """Files under ``root`` that ``start`` reaches through relative ``$ref`` chains."""
    found: set[str] = set()
    queue = [start]
    while queue:
        path = queue.pop()
        try:
            document = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        for ref in _refs(document):
            target = ref.partition("#")[0]
            if not target or "://" in target:
                continue
            resolved = (path.parent / target).resolve()
            if resolved.is_relative_to(root.resolve()) and resolved.is_file():
                rel = resolved.relative_to(root.resolve()).as_posix()
                if rel not in found:
                    found.add(rel)
                    queue.append(resolved)
    return found


def released_files(catalog: Catalog) -> dict[str, set[str]]:
    """Path (relative to ``contracts/``) → the released ``dataset@version`` specs using it."""
    files: dict[str, set[str]] = {}
    for entry in catalog.datasets.values():
        for version in entry.versions:
            if version.status not in RELEASED_STATUSES:
                continue
            spec = f"{entry.id}@{version.version}"
            folder = catalog.contract_dir(entry.id, version.version)
            own = {
                p.relative_to(catalog.root).as_posix()
                for p in folder.rglob("*")
                if p.is_file() and p.name not in DERIVED_NAMES
            }
            schema = folder / "schema.json"
            for rel in own | (_referenced(catalog.root, schema) if schema.is_file() else set()):
                files.setdefault(rel, set()).add(spec)
    return files


def read_lock(contracts_root: Path) -> dict[str, str]:
    """Path → sha256 from the lock file; an absent lock is empty."""
    path = contracts_root / LOCK_FILE
    if not path.is_file():
        return {}
    entries: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        digest, _, name = line.partition("  ")
        entries[str(PurePosixPath(name.strip()))] = digest.strip()
    return entries


def render_lock(entries: dict[str, str]) -> str:
    """The lock file text for ``entries`` (sorted by path)."""
    return _HEADER + "".join(f"{entries[p]}  {p}\n" for p in sorted(entries))


def lock_issues(catalog: Catalog) -> list[LockIssue]:
    """Every difference between the released files on disk and the lock."""
    lock = read_lock(catalog.root)
    files = released_files(catalog)
    issues: list[LockIssue] = []
    for rel, specs in sorted(files.items()):
        users = ", ".join(sorted(specs))
        actual = sha256_file(catalog.root / rel)
        if rel not in lock:
            issues.append(
                LockIssue(
                    rel,
                    f"berkas versi rilis {users} belum dikunci; jalankan `kontrak lock` / file of "
                    f"released {users} is not in {LOCK_FILE}; freeze it with `kontrak lock`",
                )
            )
        elif lock[rel] != actual:
            issues.append(
                LockIssue(
                    rel,
                    f"berkas {users} berubah setelah dirilis; versi rilis dibekukan: kembalikan "
                    f"berkasnya dan buat versi baru / released {users} is frozen but this file "
                    f"changed: restore it (git checkout -- contracts/{rel}) and put the change in "
                    f"a new version (`kontrak compat` tells which bump it needs)",
                )
            )
    for rel in sorted(set(lock) - set(files)):
        gone = not (catalog.root / rel).is_file()
        issues.append(
            LockIssue(
                rel,
                (
                    "berkas rilis dihapus / a released file was deleted; restore it"
                    if gone
                    else "berkas terkunci tidak lagi milik versi rilis mana pun (status kembali ke "
                    "draft?) / locked file belongs to no released version (status moved back to "
                    "draft?); a released version stays released: use deprecated or retired"
                ),
            )
        )
    return issues
