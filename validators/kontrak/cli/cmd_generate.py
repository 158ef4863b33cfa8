"""``kontrak generate [--check]``: regenerate every derived file."""

from __future__ import annotations

from typing import Annotated

import typer

from kontrak.catalog import load_catalog
from kontrak.cli.options import reports_tool_errors
from kontrak.cli.repo import require_repository
from kontrak.derive import apply_plan, find_drift
from kontrak.integrity import check_sources

__all__ = ["register"]


@reports_tool_errors
def generate_command(
    check: Annotated[
        bool,
        typer.Option(
            "--check",
            help="Jangan menulis; keluar 1 dan sebutkan berkas yang usang / write nothing; exit 1 "
            "naming the out-of-date files.",
        ),
    ] = False,
) -> None:
    """Bangkitkan ulang Table Schema, model Pydantic, dan halaman dokumen dari kontrak.

    Regenerate Table Schemas, Pydantic models and docs pages from the contracts.
    """
    repo = require_repository()
    catalog = load_catalog()
    problems = check_sources(catalog, repo)
    if problems:
        for problem in problems:
            typer.echo(f"✗ [{problem.check}] {problem.path}: {problem.message}")
        typer.echo("Perbaiki kontrak dahulu / fix the contracts first.", err=True)
        raise typer.Exit(1)
    if check:
        drift = find_drift(catalog, repo)
        for item in drift:
            typer.echo(f"{item.kind:<9} {item.path}")
        if drift:
            typer.echo(
                f"{len(drift)} berkas turunan usang / derived files out of date. "
                "Perbaiki dengan / fix with: kontrak generate",
                err=True,
            )
            raise typer.Exit(1)
        typer.echo("Semua berkas turunan mutakhir / all derived files up to date.")
        return
    changed = apply_plan(catalog, repo)
    for item in changed:
        typer.echo(f"{'deleted' if item.kind == 'orphaned' else 'wrote':<8} {item.path}")
    typer.echo(f"{len(changed)} berkas diperbarui / files updated.")


def register(app: typer.Typer) -> None:
    """Add the command to ``app``."""
    app.command("generate", epilog="Contoh / example: kontrak generate --check")(generate_command)
