"""``kontrak compat DATASET@OLD DATASET@NEW`` and ``kontrak compat --against GIT_REF``."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from kontrak.catalog import load_catalog, split_dataset_spec
from kontrak.cli.options import Lang, LangOption, OutputFile, reports_tool_errors, write_output
from kontrak.cli.repo import require_repository
from kontrak.contract import load_contract
from kontrak.evolution.against import results_against
from kontrak.evolution.compare import compat_result
from kontrak.evolution.model import Mode
from kontrak.evolution.output import COMPAT_RENDERERS, CompatReport
from kontrak.exceptions import KontrakError

__all__ = ["register"]


class CompatFormat(StrEnum):
    """Report formats of ``compat``."""

    text = "text"
    json = "json"
    junit = "junit"
    github = "github"


def _pair(specs: list[str], mode: Mode | None) -> CompatReport:
    if len(specs) != 2:
        msg = (
            "berikan DATASET@LAMA DATASET@BARU, atau --against REVISI_GIT / give "
            "DATASET@OLD DATASET@NEW, or --against GIT_REF"
        )
        raise KontrakError(msg)
    (old_id, old_version), (new_id, new_version) = (split_dataset_spec(s) for s in specs)
    if old_version is None or new_version is None or old_id != new_id:
        msg = (
            "kedua versi harus dari dataset yang sama dan disebut lengkap / both versions must "
            f"name one dataset with @VERSION: {specs[0]} {specs[1]}"
        )
        raise KontrakError(msg)
    catalog = load_catalog()
    old, new = (load_contract(s, catalog) for s in specs)
    return CompatReport(results=(compat_result(catalog, old, new, mode=mode),))


@reports_tool_errors
def compat_command(
    specs: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="DATASET@OLD DATASET@NEW | [DATASET[@VERSION]...]",
            help="Dua versi satu dataset; dengan --against: dataset/versi yang dibandingkan "
            "(bawaan: semua yang berubah).",
        ),
    ] = None,
    against: Annotated[
        str | None,
        typer.Option(
            "--against",
            metavar="GIT_REF",
            help="Bandingkan pohon kerja dengan revisi git ini / compare the working tree with "
            "this git revision (branch, tag or commit).",
        ),
    ] = None,
    mode: Annotated[
        Mode | None,
        typer.Option(
            "--mode",
            help="Mode kompatibilitas (bawaan: dari katalog, BACKWARD_TRANSITIVE) / "
            "compatibility mode (default: the catalog's, BACKWARD_TRANSITIVE).",
        ),
    ] = None,
    report_format: Annotated[
        CompatFormat, typer.Option("--format", "-f", help="text, json, junit atau github.")
    ] = CompatFormat.text,
    output: OutputFile = None,
    lang: LangOption = Lang.id,
) -> None:
    """Periksa kompatibilitas antarversi kontrak / check compatibility between contract versions.

    Every change with its rule, severity and the directions it breaks.
    BACKWARD: a reader on the new version reads data made for the old one.
    FORWARD: a reader on the old version reads data made for the new one.
    FULL: both. TRANSITIVE: against every earlier version, not only OLD.

    Exit: 0 kompatibel/compatible, 1 memutus/breaking, 2 penggunaan salah/usage error.
    """
    names = list(specs or [])
    if against is None:
        report = _pair(names, mode)
    else:
        repo = require_repository()
        results = results_against(repo, against, load_catalog(), names, mode)
        report = CompatReport(results=tuple(results), against=against)
    write_output(COMPAT_RENDERERS[report_format.value](report, lang.value), output)
    raise typer.Exit(report.exit_code)


def register(app: typer.Typer) -> None:
    """Add the command to ``app``."""
    app.command(
        "compat",
        epilog=(
            "Contoh / examples: kontrak compat riwayat-angka-kredit@1.0.0 "
            "riwayat-angka-kredit@1.1.0 · kontrak compat --against main --format github"
        ),
    )(compat_command)
