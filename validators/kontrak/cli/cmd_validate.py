"""``kontrak validate DATASET[@VERSION] PATH...``."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from kontrak.cli.options import Lang, LangOption, OutputFile, reports_tool_errors, write_output
from kontrak.cli.progress_bar import progress_for
from kontrak.exceptions import KontrakError
from kontrak.package import is_package
from kontrak.reporters import REPORTERS, STREAMS
from kontrak.validation import ValidateOptions, validate, validate_package

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


def _extra_reports(specs: list[str]) -> list[tuple[str, Path]]:
    """Parse ``--report FORMAT=FILE`` options (checked before anything is validated)."""
    reports = []
    for spec in specs:
        fmt, sep, file = spec.partition("=")
        if not sep or fmt not in REPORTERS or not file:
            msg = (
                f"--report {spec}: tulis FORMAT=BERKAS / write FORMAT=FILE, FORMAT salah satu dari "
                f"/ one of {', '.join(sorted(REPORTERS))}"
            )
            raise KontrakError(msg)
        reports.append((fmt, Path(file)))
    return reports


def _split_targets(targets: list[str]) -> tuple[str | None, list[Path]]:
    """Tell ``DATASET PATH...`` from ``PACKAGE``: a first argument that exists is a path."""
    first = Path(targets[0])
    if first.exists():
        packages = [Path(t) for t in targets]
        if len(packages) != 1 or not is_package(packages[0]):
            msg = (
                "tanpa DATASET, berikan tepat satu paket (folder dengan datapackage.json) / "
                "without DATASET, give exactly one package (a folder holding datapackage.json)"
            )
            raise KontrakError(msg)
        return None, packages
    paths = [Path(t) for t in targets[1:]]
    if not paths:
        msg = (
            f"{targets[0]} tidak ditemukan; berikan DATASET lalu berkas, atau folder paket yang "
            f"ada / not found; give DATASET then files, or an existing package folder"
        )
        raise KontrakError(msg)
    for path in paths:
        if path.is_dir() and is_package(path):
            msg = (
                f"{path} adalah paket: jalankan tanpa DATASET / is a package: run without DATASET "
                f"(kontrak validate {path})"
            )
            raise KontrakError(msg)
    return targets[0], paths


def _check_against(paths: list[Path]) -> None:
    """Refuse an ``--against`` path that is not a package before anything is read."""
    for path in paths:
        if not is_package(path):
            msg = (
                f"--against {path}: bukan paket pertukaran (folder dengan datapackage.json) / "
                "not an exchange package (a folder holding datapackage.json)"
            )
            raise KontrakError(msg)


@reports_tool_errors
def validate_command(
    targets: Annotated[
        list[str],
        typer.Argument(
            metavar="[DATASET[@VERSION]] PATH...",
            help=(
                "Id dataset lalu berkas JSON (record, array, amplop SIASN), JSON Lines, CSV atau "
                "Excel (.xlsx); atau satu folder paket pertukaran (datapackage.json) tanpa DATASET."
            ),
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
            help="Proses untuk JSON Lines dan array JSON besar (bawaan: 2 bila berkas besar) / "
            "processes for large JSON Lines files and JSON arrays (default: 2 when the file is "
            "large).",
        ),
    ] = None,
    report: Annotated[
        list[str] | None,
        typer.Option(
            "--report",
            metavar="FORMAT=FILE",
            help=(
                "Tulis juga laporan dalam FORMAT ke FILE dari validasi yang sama (dapat diulang), "
                "mis. --report junit=hasil.xml --report sarif=hasil.sarif / also write the report "
                "in FORMAT to FILE from the same run (repeatable)."
            ),
        ),
    ] = None,
    against: Annotated[
        list[Path] | None,
        typer.Option(
            "--against",
            help=(
                "Paket pembanding untuk kunci asing, mis. paket BKN berisi daftar Widyaiswara / "
                "a package whose records are foreign-key targets (repeatable)."
            ),
        ),
    ] = None,
) -> None:
    """Validasi berkas atau paket terhadap kontrak / validate files or a package.

    Exit: 0 sah/valid, 1 pelanggaran/violations, 2 penggunaan atau masukan tak terbaca.
    """
    extra = _extra_reports(report or [])
    dataset, paths = _split_targets(targets)
    _check_against(list(against or ()))
    options = ValidateOptions(
        show_values=show_values,
        max_errors=max_errors,
        fail_on=fail_on.value,
        input_format=input_format.value if input_format else None,
        engine=engine.value,
        workers=workers,
        progress=progress_for(sys.stderr),
        against=tuple(against or ()),
    )
    result = (
        validate_package(paths[0], options)
        if dataset is None
        else validate(dataset, paths, options)
    )
    for fmt, file in extra:
        write_output(STREAMS[fmt](result, lang.value), file)
    write_output(STREAMS[report_format.value](result, lang.value), output)
    raise typer.Exit(result.exit_code)


def register(app: typer.Typer) -> None:
    """Add the command to ``app``."""
    app.command(
        "validate",
        epilog=(
            "Contoh / examples: kontrak validate riwayat-angka-kredit@1.0.0 kiriman.jsonl "
            "--format json -o laporan.json · kontrak validate paket-lan-2024s1 --against "
            "paket-bkn-2024s1"
        ),
    )(validate_command)
