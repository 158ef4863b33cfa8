"""``kontrak strip``: drop fields outside the contract before storing data (Pasal 9)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kontrak.cli.options import reports_tool_errors
from kontrak.contract import load_contract
from kontrak.readers import UnreadableInputError
from kontrak.record_checks import RecordChecker
from kontrak.strip import strip_file

__all__ = ["register"]


@reports_tool_errors
def strip_command(
    dataset: Annotated[str, typer.Argument(metavar="DATASET[@VERSION]")],
    source: Annotated[Path, typer.Argument(metavar="INPUT", help="JSON, JSON Lines atau CSV.")],
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Berkas hasil / where to write the result.")
    ],
) -> None:
    """Buang kolom di luar kontrak sebelum disimpan (Pasal 9) / drop fields not in the contract.

    Nilai kolom yang dibuang tidak pernah dicetak; hanya nama dan jumlahnya.
    """
    contract = load_contract(dataset)
    try:
        result = strip_file(contract, source, output)
    except UnreadableInputError as exc:
        problem = RecordChecker.bare_problem(exc.problem, str(source))
        text = f"{problem.message('id')} / {problem.message('en')}"
        typer.echo(f"{source}: [{problem.code}] {text}", err=True)
        raise typer.Exit(2) from None
    for name, count in sorted(result.dropped.items()):
        typer.echo(f"dibuang / dropped  {name}  ({count} record)")
    typer.echo(f"{result.records} record ditulis ke / written to {output}")


def register(app: typer.Typer) -> None:
    """Add the command to ``app``."""
    app.command(
        "strip",
        epilog="Contoh / example: kontrak strip siasn-rw-angkakredit respons.json -o bersih.json",
    )(strip_command)
