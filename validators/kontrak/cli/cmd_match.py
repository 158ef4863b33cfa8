"""``kontrak match --lan INPUT... --bkn INPUT...``: one data-matching round (Pasal 3(2)4)."""

from __future__ import annotations

import datetime as dt
import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from kontrak.cli.options import reports_tool_errors
from kontrak.exceptions import KontrakError
from kontrak.matching.minutes import Isian, load_isian
from kontrak.matching.outputs import RoundOutputs, write_round
from kontrak.matching.render import render_text
from kontrak.matching.run import MatchOptions, MatchRun, run_matching
from kontrak.matching.summary import round_to_dict

__all__ = ["register"]


class Submitter(StrEnum):
    """The party that submits the correction lists."""

    LAN = "LAN"
    BKN = "BKN"


class SummaryFormat(StrEnum):
    """Format of the summary on stdout."""

    text = "text"
    json = "json"


def _today(text: str | None) -> dt.date | None:
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        msg = f"--today '{text}' bukan tanggal YYYY-MM-DD / is not a YYYY-MM-DD date"
        raise KontrakError(msg) from None


def _outputs_text(outputs: RoundOutputs) -> str:
    lines = ["", "Keluaran / outputs:"]
    for item in outputs.files:
        check = ""
        if item.valid is not None:
            verdict = "sah/valid" if item.valid else "TIDAK SAH/INVALID"
            count = (
                f"{item.records} sumber daya/resources"
                if item.kind == "paket"
                else f"{item.records} record"
            )
            what = "paket pemadanan" if item.kind == "paket" else item.contract
            check = f"  [{what}: {count}, {verdict}]"
        lines.append(f"  {item.path}{check}")
    lines += [f"  catatan/note: {note}" for note in outputs.notes]
    return "\n".join(lines) + "\n"


def _exit_code(run: MatchRun, outputs: RoundOutputs | None) -> int:
    if run.refused or (outputs is not None and not outputs.valid):
        return 1
    differing = any(r.counts[c] for r in run.results for c in r.counts if c != "sama")
    return 1 if differing or not run.inputs_valid else 0


@reports_tool_errors
def match_command(
    lan: Annotated[
        list[str],
        typer.Option("--lan", help="Paket LAN atau DATASET[@VERSI]=BERKAS (boleh berulang)."),
    ],
    bkn: Annotated[
        list[str],
        typer.Option("--bkn", help="Paket BKN atau DATASET[@VERSI]=BERKAS (boleh berulang)."),
    ],
    output_dir: Annotated[
        Path | None,
        typer.Option(
            "--output-dir", "-o", help="Folder keluaran: laporan, daftar perbaikan, berita acara."
        ),
    ] = None,
    pair: Annotated[
        list[str] | None,
        typer.Option("--pair", help="Hanya pasangan ini / only this pair (angka-kredit, ...)."),
    ] = None,
    period: Annotated[
        str | None,
        typer.Option("--period", help="Periode: 2024-S2, 2024 atau AWAL/AKHIR (bawaan: paket)."),
    ] = None,
    isian: Annotated[
        Path | None,
        typer.Option("--isian", help="YAML isian berita acara: nomor, tempat, penandatangan."),
    ] = None,
    submitter: Annotated[
        Submitter,
        typer.Option("--pengaju", help="Pengaju daftar perbaikan / who submits the lists."),
    ] = Submitter.LAN,
    today: Annotated[
        str | None, typer.Option("--today", help="Tanggal putaran / round date YYYY-MM-DD.")
    ] = None,
    allow_invalid: Annotated[
        bool,
        typer.Option("--allow-invalid", help="Padankan walau masukan tidak sah (ditandai)."),
    ] = False,
    show_values: Annotated[
        bool,
        typer.Option(
            "--show-values", help="Tampilkan nilai pribadi (Pasal 9) / show personal values."
        ),
    ] = False,
    summary_format: Annotated[
        SummaryFormat, typer.Option("--format", "-f", help="Format ringkasan di layar.")
    ] = SummaryFormat.text,
) -> None:
    """Padankan data LAN dengan BKN / match LAN's records with BKN's.

    Exit: 0 semua sama/all equal, 1 ada perbedaan atau masukan tidak sah/differences or invalid
    input, 2 penggunaan salah atau masukan tak terbaca/usage error or unreadable input.
    """
    filled = load_isian(isian) if isian else Isian()
    options = MatchOptions(
        pairs=tuple(pair or ()),
        period=period,
        allow_invalid=allow_invalid,
        today=_today(today),
    )
    run = run_matching(lan, bkn, options)
    data = round_to_dict(run, show_values=show_values)
    outputs = None
    if output_dir is not None:
        outputs = write_round(
            run, output_dir, show_values=show_values, submitter=submitter.value, isian=filled
        )
    if summary_format is SummaryFormat.json:
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        typer.echo(render_text(data) + (_outputs_text(outputs) if outputs else ""), nl=False)
    raise typer.Exit(_exit_code(run, outputs))


def register(app: typer.Typer) -> None:
    """Add the command to ``app``."""
    app.command(
        "match",
        epilog=(
            "Contoh / example: kontrak match --lan samples/packages/valid/lan-2024-s2 --bkn "
            "samples/packages/valid/bkn-2024-s2 -o hasil-pemadanan --isian isian.yaml"
        ),
    )(match_command)
