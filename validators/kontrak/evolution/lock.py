"""``contracts/released.lock``: the sha256 of everything a released contract version is made of.

A version is released once its status is ``active``, ``deprecated`` or ``retired``. The lock
holds one line per part of it:

- every hand-written file of its folder, byte for byte (``riwayat-angka-kredit/1.0.0/schema.json``;
  derived files such as ``table-schema.json`` are regenerated and checked for drift instead);
- every shared definition its ``$ref`` chain reaches, as canonical JSON
  (``_shared/1.0.0/defs.json#/$defs/nipBaru``), so adding a definition to a shared file leaves
  released contracts alone while changing one they use is caught.

Lines are ``<sha256>  <path relative to contracts/>[#<JSON Pointer>]``.
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
    "entry_digest",
    "lock_issues",
    "read_lock",
    "released_entries",
    "render_lock",
]

LOCK_FILE = "released.lock"
RELEASED_STATUSES = frozenset({"active", "deprecated", "retired"})
DERIVED_NAMES = frozenset({TABLE_SCHEMA_FILE})
_HEADER = (
    "# Kontrak yang sudah dirilis dibekukan / released contracts are frozen.\n"
    "# sha256 of every file of every released version and of every shared definition it uses\n"
    "# (paths relative to contracts/; '#/…' is a JSON Pointer, hashed as canonical JSON).\n"
    "# Written by `kontrak lock`, checked by `kontrak check`; entries are never changed or\n"
    "# removed: a change to a released contract goes into a new version.\n"
)


@dataclass(frozen=True, slots=True)
class LockIssue:
    """A released part that is missing from the lock, changed, or gone."""

    path: str
    message: str


def _unescape(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


def _resolve_pointer(document: Any, pointer: str) -> Any:
    node = document
    for token in (_unescape(t) for t in pointer.lstrip("/").split("/") if pointer):
        node = node[int(token)] if isinstance(node, list) else node[token]
    return node


def _canonical(node: Any) -> bytes:
    return json.dumps(node, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def _load(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def entry_digest(root: Path, entry: str) -> str | None:
    """The sha256 of a lock entry as it is now under ``root``; None when it does not exist."""
    name, _, pointer = entry.partition("#")
    path = root / name
    if not path.is_file():
        return None
    if not pointer:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    try:
        node = _resolve_pointer(_load(path), pointer)
    except (KeyError, IndexError, TypeError, ValueError):
        return None
    return hashlib.sha256(_canonical(node)).hexdigest()


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
    """Entries (``file#pointer``) that ``start`` reaches through ``$ref`` chains under ``root``."""
    base = root.resolve()
    found: set[str] = set()
    queue: list[tuple[Path, Any]] = [(start, _load(start))]
    while queue:
        path, node = queue.pop()
        for ref in _refs(node):
            target, _, pointer = ref.partition("#")
            if "://" in target:
                continue
            file = (path.parent / target).resolve() if target else path.resolve()
            if not file.is_relative_to(base) or not file.is_file():
                continue
            entry = file.relative_to(base).as_posix() + (f"#{pointer}" if pointer else "")
            if entry in found:
                continue
            found.add(entry)
            try:
                queue.append((file, _resolve_pointer(_load(file), pointer)))
            except (KeyError, IndexError, TypeError, ValueError):
                continue
    return found


def released_entries(catalog: Catalog) -> dict[str, set[str]]:
    """Lock entry → the released ``dataset@version`` specs made of it."""
    entries: dict[str, set[str]] = {}
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
            used = _referenced(catalog.root, schema) if schema.is_file() else set()
            for name in own | {u for u in used if u.partition("#")[0] not in own}:
                entries.setdefault(name, set()).add(spec)
    return entries


def read_lock(contracts_root: Path) -> dict[str, str]:
    """Entry → sha256 from the lock file; an absent lock is empty."""
    path = contracts_root / LOCK_FILE
    if not path.is_file():
        return {}
    entries: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        digest, _, name = line.partition("  ")
        file, hash_mark, pointer = name.strip().partition("#")
        entries[str(PurePosixPath(file)) + hash_mark + pointer] = digest.strip()
    return entries


def render_lock(entries: dict[str, str]) -> str:
    """The lock file text for ``entries`` (sorted)."""
    return _HEADER + "".join(f"{entries[p]}  {p}\n" for p in sorted(entries))


def _changed_message(users: str, entry: str) -> str:
    file = entry.partition("#")[0]
    if "#" in entry:
        fix = (
            f"restore the definition in contracts/{file} and add a new definition (or a new "
            f"_shared version) for new contract versions instead"
        )
    else:
        fix = (
            f"restore it (git checkout -- contracts/{file}) and put the change in a new version "
            f"(`kontrak compat` tells which bump it needs)"
        )
    return (
        f"bagian {users} berubah setelah dirilis; versi rilis dibekukan: kembalikan dan buat "
        f"versi baru / released {users} is frozen but this changed: {fix}"
    )


def lock_issues(catalog: Catalog) -> list[LockIssue]:
    """Every difference between the released versions on disk and the lock."""
    lock = read_lock(catalog.root)
    entries = released_entries(catalog)
    issues: list[LockIssue] = []
    for entry, specs in sorted(entries.items()):
        users = ", ".join(sorted(specs))
        if entry not in lock:
            issues.append(
                LockIssue(
                    entry,
                    f"bagian versi rilis {users} belum dikunci; jalankan `kontrak lock` / part of "
                    f"released {users} is not in {LOCK_FILE}; freeze it with `kontrak lock`",
                )
            )
        elif lock[entry] != entry_digest(catalog.root, entry):
            issues.append(LockIssue(entry, _changed_message(users, entry)))
    for entry in sorted(set(lock) - set(entries)):
        gone = entry_digest(catalog.root, entry) is None
        issues.append(
            LockIssue(
                entry,
                (
                    "bagian rilis dihapus / a released file or definition was deleted; restore it"
                    if gone
                    else "entri terkunci tidak lagi milik versi rilis mana pun (status kembali ke "
                    "draft?) / locked entry belongs to no released version (status moved back to "
                    "draft?); a released version stays released: use deprecated or retired"
                ),
            )
        )
    return issues
