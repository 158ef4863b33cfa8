"""``kontrak validate DATASET[@VERSION] PATH...``."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from kontrak.cli.options import Lang, LangOption, OutputFile, reports_tool_errors, write_output
from kontrak.cli.progress_bar import progress_for
from kontrak.reporters import REPORTERS
from kontrak.validation import ValidateOptions, validate

__all__ = ["register"]


class ReportFormat(StrEnum):
    """Report formats of ``validate``."""

    text = "text"
    json = "json"
    junit = "junit"
    sarif = "sarif"
    github = "github"


class Engine(StrEnum):
    """Validation engines: same findings, different speed."""

    fast = "fast"
    reference = "reference"


class FailOn(StrEnum):
    """Lowest severity that fails the run."""

    error = "error"
    warning = "warning"


class InputFormat(StrEnum):
    """Input formats."""

    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    xlsx = "xlsx"


@reports_tool_errors
def validate_command(
    dataset: Annotated[
        str,
        typer.Argument(
            metavar="DATASET[@VERSION]",
            help="Id dataset, mis. riwayat-angka-kredit atau riwayat-angka-kredit@1.0.0.",
        ),
    ],
    paths: Annotated[
        list[Path],
        typer.Argument(
            metavar="PATH...",
            help="Berkas JSON (record, array, amplop SIASN), JSON Lines (.jsonl), CSV atau "
            "Excel (.xlsx).",
        ),
    ],
    report_format: Annotated[
        ReportFormat,
        typer.Option(
            "--format",
            "-f",
            help="Format laporan / report format: text, json (skema: "
            "https://lan-bkn.github.io/kontrak/schemas/report.schema.json), junit, sarif "
            "(2.1.0), github (anotasi workflow / workflow annotations).",
        ),
    ] = ReportFormat.text,
    output: OutputFile = None,
    lang: LangOption = Lang.id,
    show_values: Annotated[
        bool,
        typer.Option(
            "--show-values",
            help="Tampilkan nilai pribadi (NIP, nama, tanggal lahir) tanpa disamarkan (Pasal 9: "
            "hanya bila perlu) / print personal values unmasked.",
        ),
    ] = False,
    max_errors: Annotated[
        int | None,
        typer.Option(
            "--max-errors",
            min=1,
            help="Batas jumlah pelanggaran yang dicantumkan (hitungan tetap lengkap).",
        ),
    ] = None,
    fail_on: Annotated[
        FailOn, typer.Option("--fail-on", help="Tingkat terendah yang membuat gagal.")
    ] = FailOn.error,
    input_format: Annotated[
        InputFormat | None,
        typer.Option("--input-format", help="Paksa format masukan / force the input format."),
    ] = None,
    engine: Annotated[
        Engine,
        typer.Option(
            "--engine",
            help="Mesin validasi / validation engine: fast (bawaan / default) atau reference "
            "(python-jsonschema per record; temuan sama, lebih lambat / same findings, slower).",
        ),
    ] = Engine.fast,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers",
            min=1,
            help="Proses untuk JSON Lines besar (bawaan: 2 bila berkas besar) / processes for "
            "large JSON Lines files (default: 2 when the file is large).",
        ),
    ] = None,
) -> None:
    """Validasi berkas terhadap kontrak dataset / validate files against a dataset contract.

    Exit: 0 sah/valid, 1 pelanggaran/violations, 2 penggunaan atau masukan tak terbaca.
    """
    options = ValidateOptions(
        show_values=show_values,
        max_errors=max_errors,
        fail_on=fail_on.value,
        input_format=input_format.value if input_format else None,
        engine=engine.value,
        workers=workers,
        progress=progress_for(sys.stderr),
    )
    report = validate(dataset, paths, options)
    write_output(REPORTERS[report_format.value](report, lang.value), output)
    raise typer.Exit(report.exit_code)


def register(app: typer.Typer) -> None:
    """Add the command to ``app``."""
    app.command(
        "validate",
        epilog=(
            "Contoh / example: kontrak validate riwayat-angka-kredit@1.0.0 kiriman.jsonl "
            "--format json -o laporan.json"
        ),
    )(validate_command)
