"""``kontrak package build|refresh``: write the descriptor of an exchange package."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from kontrak.catalog import load_catalog
from kontrak.cli.options import reports_tool_errors
from kontrak.exceptions import KontrakError
from kontrak.package_build import build_descriptor, refresh_descriptor, write_descriptor

__all__ = ["register"]

package_app = typer.Typer(
    help="Paket pertukaran (datapackage.json) / exchange packages.", no_args_is_help=True
)


def _parse_resource(text: str) -> tuple[str, str]:
    path, sep, spec = text.partition("=")
    if not sep or not path or not spec:
        msg = f"--resource harus BERKAS=DATASET@VERSI / must be FILE=DATASET@VERSION: {text}"
        raise KontrakError(msg)
    return path, spec


@package_app.command("build")
@reports_tool_errors
def build_command(
    folder: Annotated[Path, typer.Argument(help="Folder paket / package folder.")],
    name: Annotated[str, typer.Option(help="Nama paket, mis. lan-2024-s1.")],
    provider: Annotated[str, typer.Option(help="LAN atau BKN.")],
    consumer: Annotated[str, typer.Option(help="LAN atau BKN.")],
    period_start: Annotated[str, typer.Option(help="Awal periode YYYY-MM-DD.")],
    period_end: Annotated[str, typer.Option(help="Akhir periode YYYY-MM-DD.")],
    resource: Annotated[
        list[str],
        typer.Option(help="BERKAS=DATASET@VERSI, relatif terhadap folder (dapat diulang)."),
    ],
    title: Annotated[str | None, typer.Option(help="Judul paket.")] = None,
    kind: Annotated[str, typer.Option(help="berkala, perbaikan atau pemadanan.")] = "berkala",
) -> None:
    """Tulis datapackage.json dengan ukuran, sha256 dan jumlah record tiap sumber daya.

    Write datapackage.json with each resource's size, sha256 and record count.
    """
    descriptor = build_descriptor(
        folder,
        name=name,
        title=title or name,
        provider=provider,
        consumer=consumer,
        period=(period_start, period_end),
        resources=[_parse_resource(r) for r in resource],
        catalog=load_catalog(),
        kind=kind,
    )
    target = write_descriptor(folder, descriptor)
    typer.echo(f"{target}: {len(descriptor['resources'])} sumber daya / resources")


@package_app.command("refresh")
@reports_tool_errors
def refresh_command(
    folder: Annotated[Path, typer.Argument(help="Folder paket / package folder.")],
) -> None:
    """Hitung ulang ukuran, sha256 dan jumlah record / recompute sizes, hashes and counts."""
    if not (folder / "datapackage.json").is_file():
        msg = f"{folder} tidak berisi datapackage.json / holds no datapackage.json"
        raise KontrakError(msg)
    target = write_descriptor(folder, refresh_descriptor(folder, load_catalog()))
    typer.echo(f"{target}: diperbarui / refreshed")


def register(app: typer.Typer) -> None:
    """Add the command group to ``app``."""
    app.add_typer(package_app, name="package")
