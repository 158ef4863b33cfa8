"""``kontrak check``: repository integrity, the command CI runs."""

from __future__ import annotations

from typing import Annotated

import typer

from kontrak.catalog import load_catalog
from kontrak.cli.options import reports_tool_errors
from kontrak.cli.repo import require_repository
from kontrak.evolution.gate import gate_issues
from kontrak.integrity import Problem, check_repository

__all__ = ["register"]


@reports_tool_errors
def check_command(
    against: Annotated[
        str | None,
        typer.Option(
            "--against",
            metavar="GIT_REF",
            help="Gerbang versi: bandingkan juga dengan revisi git ini (cabang tujuan di CI) / "
            "version gate: also compare with this git revision (the target branch in CI).",
        ),
    ] = None,
) -> None:
    """Periksa keutuhan repositori kontrak / check the contract repository's integrity.

    Metaschema of every schema, $id = path, catalog ↔ folders, contract metadata and rules,
    samples from the providing agency, Table Schemas, no drift in derived files, agreement
    documents, released versions frozen (released.lock) and numbered right for their changes.
    With --against: versions released at GIT_REF unchanged, never removed, the lock only grows,
    the compatibility mode of a released dataset never made laxer.
    """
    repo = require_repository()
    catalog = load_catalog()
    problems = check_repository(catalog, repo)
    if against is not None:
        problems += [Problem(*issue) for issue in gate_issues(repo, against, catalog)]
    for problem in problems:
        typer.echo(f"✗ [{problem.check}] {problem.path}: {problem.message}")
    if problems:
        typer.echo(f"\n{len(problems)} masalah / problems.", err=True)
        raise typer.Exit(1)
    typer.echo("✓ repositori konsisten / repository consistent.")


def register(app: typer.Typer) -> None:
    """Add the command to ``app``."""
    app.command("check", epilog="Contoh / example: kontrak check --against origin/main")(
        check_command
    )
