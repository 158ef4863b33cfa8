"""The ``contracts/`` folder as it was at another git revision, read with git plumbing only.

``git ls-tree`` lists the files and ``git cat-file --batch`` reads them into a temporary folder,
so the usual loaders work on the old catalog and contracts. No network, no checkout, and the
working tree is never touched.
"""

from __future__ import annotations

import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from kontrak.catalog import CATALOG_FILE, Catalog, load_catalog
from kontrak.exceptions import KontrakError

__all__ = ["Snapshot", "git_snapshot", "resolve_revision"]

_CONTRACTS = "contracts"


@dataclass(frozen=True, slots=True)
class Snapshot:
    """The contracts at one revision: ``catalog`` is None when the revision has none."""

    revision: str
    commit: str
    root: Path
    catalog: Catalog | None


def _git(repo: Path, *args: str, data: bytes | None = None) -> bytes:
    try:
        done = subprocess.run(  # noqa: S603 - fixed git arguments, no shell
            ["git", "-C", str(repo), *args],  # noqa: S607 - git from PATH, as a developer runs it
            input=data,
            capture_output=True,
            check=False,
        )
    except OSError as exc:
        msg = f"git tidak dapat dijalankan / cannot run git: {exc}"
        raise KontrakError(msg) from exc
    if done.returncode != 0:
        reason = done.stderr.decode("utf-8", "replace").strip()
        msg = f"git {' '.join(args[:2])} gagal / failed: {reason}"
        raise KontrakError(msg)
    return done.stdout


def resolve_revision(repo: Path, revision: str) -> str:
    """The commit id ``revision`` names.

    Raises:
        KontrakError: when ``repo`` is not a git repository or the revision is unknown.
    """
    if revision.startswith("-"):
        msg = f"revisi git tidak sah / invalid git revision: {revision}"
        raise KontrakError(msg)
    try:
        return (
            _git(repo, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}")
            .decode()
            .strip()
        )
    except KontrakError:
        msg = f"revisi git tidak dikenal / unknown git revision '{revision}' in {repo}"
        raise KontrakError(msg) from None


def _blobs(repo: Path, commit: str, prefix: str) -> list[tuple[str, str]]:
    listing = _git(repo, "ls-tree", "-r", "-z", "--full-tree", commit, "--", prefix + _CONTRACTS)
    blobs = []
    for item in listing.split(b"\0"):
        if not item:
            continue
        meta, _, name = item.decode("utf-8").partition("\t")
        _mode, kind, sha = meta.split()
        if kind == "blob":
            blobs.append((sha, name.removeprefix(prefix)))
    return blobs


def _read_blobs(repo: Path, shas: list[str]) -> list[bytes]:
    output = _git(repo, "cat-file", "--batch", data="".join(f"{s}\n" for s in shas).encode())
    contents, position = [], 0
    for _ in shas:
        header_end = output.index(b"\n", position)
        size = int(output[position:header_end].split()[2])
        start = header_end + 1
        contents.append(output[start : start + size])
        position = start + size + 1
    return contents


@contextmanager
def git_snapshot(repo: Path, revision: str) -> Iterator[Snapshot]:
    """Yield the contracts of ``revision`` in a temporary folder, removed afterwards.

    Raises:
        KontrakError: git is missing, ``repo`` is not a repository, or the revision is unknown.
    """
    commit = resolve_revision(repo, revision)
    prefix = _git(repo, "rev-parse", "--show-prefix").decode().strip()
    blobs = _blobs(repo, commit, prefix)
    with tempfile.TemporaryDirectory(prefix="kontrak-git-") as folder:
        base = Path(folder)
        for (_sha, name), content in zip(
            blobs, _read_blobs(repo, [s for s, _ in blobs]), strict=True
        ):
            target = base / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
        root = base / _CONTRACTS
        catalog = load_catalog(root) if (root / CATALOG_FILE).is_file() else None
        yield Snapshot(revision=revision, commit=commit, root=root, catalog=catalog)
