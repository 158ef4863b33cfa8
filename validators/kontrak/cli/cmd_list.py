"""``kontrak list``: the Lampiran catalog."""

from __future__ import annotations

import json
from typing import Annotated, Any

import typer

from kontrak.basis import format_basis
from kontrak.catalog import DatasetEntry, load_catalog
from kontrak.cli.options import Lang, LangOption, ListFormat, reports_tool_errors

__all__ = ["dataset_summary", "register"]


def dataset_summary(entry: DatasetEntry) -> dict[str, Any]:
    """One catalog entry as JSON data (the ``list --format json`` item)."""
    current = entry.current
    return {
        "id": entry.id,
        "version": current.version,
        "status": current.status,
        "direction": entry.direction,
        "provider": entry.provider,
        "consumer": entry.consumer,
        "basis": list(entry.basis),
        "title": {"id": entry.title.id, "en": entry.title.en},
        "channel": {"id": entry.channel.id, "en": entry.channel.en},
        "versions": [
            {"version": v.version, "status": v.status, "since": v.since, "until": v.until}
            for v in entry.versions
        ],
    }


@reports_tool_errors
def list_command(
    output_format: Annotated[
        ListFormat, typer.Option("--format", "-f", help="text atau json.")
    ] = ListFormat.text,
    lang: LangOption = Lang.id,
) -> None:
    """Daftar dataset Lampiran dan versinya / list the Lampiran datasets and their versions."""
    catalog = load_catalog()
    entries = list(catalog.datasets.values())
    if output_format is ListFormat.json:
        typer.echo(json.dumps([dataset_summary(e) for e in entries], ensure_ascii=False, indent=2))
        return
    width = max(len(e.id) for e in entries)
    for entry in entries:
        current = entry.current
        basis = "; ".join(format_basis(b, lang.value) for b in entry.basis)
        typer.echo(
            f"{entry.id:<{width}}  {current.version:<7} {current.status:<10} "
            f"{entry.direction:<8} {basis}  — {entry.title.get(lang.value)}"
        )


def register(app: typer.Typer) -> None:
    """Add the command to ``app``."""
    app.command("list", epilog="Contoh / example: kontrak list --format json")(list_command)
