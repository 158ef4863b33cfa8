"""``kontrak check``: repository integrity, the command CI runs."""

from __future__ import annotations

import typer

from kontrak.catalog import load_catalog
from kontrak.cli.options import reports_tool_errors
from kontrak.cli.repo import require_repository
from kontrak.integrity import check_repository

__all__ = ["register"]


@reports_tool_errors
def check_command() -> None:
    """Periksa keutuhan repositori kontrak / check the contract repository's integrity.

    Metaschema of every schema, $id = path, catalog ↔ folders, contract metadata and rules,
    samples from the providing agency, Table Schemas, and no drift in derived files.
    """
    repo = require_repository()
    problems = check_repository(load_catalog(), repo)
    for problem in problems:
        typer.echo(f"✗ [{problem.check}] {problem.path}: {problem.message}")
    if problems:
        typer.echo(f"\n{len(problems)} masalah / problems.", err=True)
        raise typer.Exit(1)
    typer.echo("✓ repositori konsisten / repository consistent.")


def register(app: typer.Typer) -> None:
    """Add the command to ``app``."""
    app.command("check", epilog="Contoh / example: kontrak check")(check_command)
