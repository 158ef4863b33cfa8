"""``kontrak evaluate REPORT.json... --period P``: integration indicators (Pasal 3(2)4, 7)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Annotated

import typer

from kontrak.agreement_status import load_schedule
from kontrak.cli.options import reports_tool_errors
from kontrak.evaluation import compute_indicators, evaluation_id, evaluation_records
from kontrak.evaluation.report import render_evaluation_html, render_evaluation_markdown
from kontrak.evaluation.sources import load_runs
from kontrak.exceptions import KontrakError
from kontrak.matching.period import parse_period
from kontrak.validation import validate

__all__ = ["register"]


@reports_tool_errors
def evaluate_command(
    rounds: Annotated[
        list[Path],
        typer.Argument(
            help="Laporan pemadanan (pemadanan.json) atau validasi (--format json) periode itu."
        ),
    ],
    period: Annotated[str, typer.Option("--period", help="2024-S2 (semester) atau 2024 (tahun).")],
    output_dir: Annotated[
        Path | None, typer.Option("--output-dir", "-o", help="Folder keluaran / output folder.")
    ] = None,
    today: Annotated[
        str | None, typer.Option("--today", help="Tanggal evaluasi YYYY-MM-DD (bawaan: hari ini).")
    ] = None,
    executor: Annotated[str, typer.Option("--pelaksana", help="LAN, BKN atau BERSAMA.")] = "LAN",
) -> None:
    """Hitung indikator evaluasi integrasi / compute the integration indicators.

    Exit: 0 semua target tercapai/all targets met, 1 ada yang tidak/some missed, 2 penggunaan salah.
    """
    span = parse_period(period)
    day = dt.date.fromisoformat(today) if today else dt.date.today()
    data = load_runs(rounds, span)
    if not data:
        msg = f"tidak ada laporan pemadanan dalam periode {span.label} / no round in the period"
        raise KontrakError(msg)
    indicators = compute_indicators(data, span, load_schedule())
    round_ids = {d["round"] for d in data if d.get("round")}
    records = evaluation_records(
        indicators,
        span,
        day,
        executor=executor,
        round_id=next(iter(round_ids)) if len(round_ids) == 1 else "",
    )
    title = f"Evaluasi integrasi data LAN–BKN {evaluation_id(span)} ({span.label})"
    lines = [f"{title}", ""]
    lines += [
        f"  {r['kodeIndikator']:<20} {r['objek']:<32} {r['nilai']:>8} {r['satuan']:<7} "
        f"target {r['target']} → {r['capaian']}"
        for r in records
    ]
    if output_dir is not None:
        output_dir.mkdir(parents=True, exist_ok=True)
        target = output_dir / "evaluasi-integrasi.jsonl"
        target.write_text(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
        )
        report = validate("evaluasi-integrasi", [target])
        (output_dir / "evaluasi-integrasi.html").write_text(
            render_evaluation_html(records, title), encoding="utf-8"
        )
        (output_dir / "evaluasi-integrasi.md").write_text(
            render_evaluation_markdown(records, title), encoding="utf-8"
        )
        verdict = "sah/valid" if report.valid else "TIDAK SAH/INVALID"
        lines += ["", f"Keluaran / outputs: {output_dir} ({len(records)} record, {verdict})"]
        if not report.valid:
            typer.echo("\n".join(lines))
            raise typer.Exit(1)
    typer.echo("\n".join(lines))
    missed = any(r["capaian"] != "tercapai" for r in records)
    raise typer.Exit(1 if missed else 0)


def register(app: typer.Typer) -> None:
    """Add the command to ``app``."""
    app.command(
        "evaluate",
        epilog=(
            "Contoh / example: kontrak evaluate hasil-2024-s2/pemadanan.json --period 2024-S2 "
            "-o evaluasi-2024-s2"
        ),
    )(evaluate_command)
