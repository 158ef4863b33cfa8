"""``kontrak lock``: freeze released contract versions in ``contracts/released.lock``."""

from __future__ import annotations

import typer

from kontrak.catalog import load_catalog
from kontrak.cli.options import reports_tool_errors
from kontrak.cli.repo import require_repository
from kontrak.evolution.lock import LOCK_FILE, entry_digest, read_lock, released_entries, render_lock

__all__ = ["register"]


@reports_tool_errors
def lock_command() -> None:
    """Bekukan versi yang dirilis / freeze released versions.

    Adds the sha256 of every file of every released version (status active, deprecated or
    retired), and of every shared definition it uses, that is not in contracts/released.lock
    yet. Existing entries are never changed: a released part that differs from its entry is
    reported (exit 1) and must be restored.
    """
    require_repository()
    catalog = load_catalog()
    lock = read_lock(catalog.root)
    files = released_entries(catalog)
    digests = {rel: entry_digest(catalog.root, rel) or "" for rel in files}
    changed = sorted(rel for rel in files if rel in lock and lock[rel] != digests[rel])
    for rel in changed:
        typer.echo(
            f"✗ contracts/{rel}: berubah setelah dirilis / changed after release "
            f"({', '.join(sorted(files[rel]))}); restore it and make a new version",
            err=True,
        )
    if changed:
        raise typer.Exit(1)
    added = {rel: digests[rel] for rel in sorted(files) if rel not in lock}
    if not added and (catalog.root / LOCK_FILE).is_file():
        typer.echo("✓ semua versi rilis sudah dikunci / every released version is locked.")
        return
    (catalog.root / LOCK_FILE).write_text(render_lock({**lock, **added}), encoding="utf-8")
    for rel, digest in added.items():
        typer.echo(f"+ {digest}  contracts/{rel}")
    typer.echo(f"✓ contracts/{LOCK_FILE}: {len(added)} entri ditambahkan / entries added.")


def register(app: typer.Typer) -> None:
    """Add the command to ``app``."""
    app.command("lock", epilog="Contoh / example: kontrak lock")(lock_command)
