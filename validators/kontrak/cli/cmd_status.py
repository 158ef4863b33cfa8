"""``kontrak status [--today YYYY-MM-DD]``: the agreement's lifecycle and the next deadlines."""

from __future__ import annotations

import datetime as dt
import json
from typing import Annotated, Any

import typer

from kontrak.agreement_status import AgreementStatus, Deadline, agreement_status
from kontrak.cli.options import ListFormat, reports_tool_errors
from kontrak.exceptions import KontrakError

__all__ = ["register", "status_to_dict"]

_STATES = {
    "belum-berlaku": ("BELUM BERLAKU", "not yet in force"),
    "berlaku": ("BERLAKU", "in force"),
    "segera-berakhir": ("BERLAKU, SEGERA BERAKHIR", "in force, ending soon"),
    "berakhir": ("BERAKHIR", "lapsed"),
}


def _dmy(day: dt.date) -> str:
    return day.strftime("%d-%m-%Y")


def _deadline(item: Deadline) -> dict[str, str]:
    return {
        "period": item.period.label,
        "start": item.period.start.isoformat(),
        "end": item.period.end.isoformat(),
        "due": item.due.isoformat(),
    }


def status_to_dict(status: AgreementStatus) -> dict[str, Any]:
    """The status as JSON data."""
    return {
        "today": status.today.isoformat(),
        "state": status.state,
        "signed": status.signed.isoformat(),
        "ends": status.ends.isoformat(),
        "last_day": (status.ends - dt.timedelta(days=1)).isoformat(),
        "warn_from": status.warn_from.isoformat(),
        "days_left": status.days_left,
        "extensions": [
            {"id": i, "signed": s.isoformat(), "valid_until": u.isoformat()}
            for i, s, u in status.extensions
        ],
        "documents": [
            {"id": i, "kind": k, "status": st, "date": d.isoformat() if d else None}
            for i, k, st, d in status.documents
        ],
        "next_matching": _deadline(status.next_matching),
        "next_evaluation": _deadline(status.next_evaluation),
    }


def _warning(status: AgreementStatus) -> str | None:
    if status.state == "berakhir":
        return (
            f"PERINGATAN: perjanjian berakhir sejak {_dmy(status.ends)} tanpa perpanjangan yang "
            "tercatat (Pasal 6); pertukaran data tidak lagi berdasar. / WARNING: the agreement "
            "lapsed with no extension recorded."
        )
    if status.state == "segera-berakhir":
        return (
            f"PERINGATAN: perjanjian berakhir {_dmy(status.ends)} ({status.days_left} hari lagi); "
            "perpanjangan disiapkan 3 bulan sebelumnya (Pasal 6(2)). / WARNING: the agreement "
            f"ends in {status.days_left} days; prepare the extension now."
        )
    if status.state == "belum-berlaku":
        return "PERINGATAN: perjanjian belum ditandatangani pada tanggal ini. / not yet signed."
    return None


def render_status(status: AgreementStatus) -> str:
    """The status as terminal text."""
    state_id, state_en = _STATES[status.state]
    lines = [
        f"kontrak status · per {_dmy(status.today)}",
        "",
        f"Perjanjian / agreement: PKS LAN–BKN, ditandatangani/signed {_dmy(status.signed)}",
        f"  status: {state_id} / {state_en}",
        f"  berlaku sampai/valid through {_dmy(status.ends - dt.timedelta(days=1))} "
        f"(perpanjangan disiapkan mulai/extension due from {_dmy(status.warn_from)})",
    ]
    for doc_id, signed, until in status.extensions:
        lines.append(
            f"  perpanjangan/extension {doc_id}: ditandatangani/signed {_dmy(signed)}, "
            f"sampai/until {_dmy(until)}"
        )
    if status.documents:
        lines.append("  dokumen lain / other documents:")
        lines += [
            f"    {i} ({k}, {st}{', ' + _dmy(d) if d else ''})" for i, k, st, d in status.documents
        ]
    matching, evaluation = status.next_matching, status.next_evaluation
    lines += [
        "",
        f"Pemadanan berikutnya / next matching round (Pasal 3(2)4): {matching.period.label} "
        f"({_dmy(matching.period.start)} s.d. {_dmy(matching.period.end)}), berita acara paling "
        f"lambat/minutes due {_dmy(matching.due)}",
        f"Evaluasi berikutnya / next evaluation (Pasal 7): tahun/year {evaluation.period.label}, "
        f"paling lambat/due {_dmy(evaluation.due)}",
    ]
    warning = _warning(status)
    if warning:
        lines += ["", warning]
    return "\n".join(lines) + "\n"


@reports_tool_errors
def status_command(
    today: Annotated[
        str | None,
        typer.Option(
            "--today", help="Tanggal acuan / reference date YYYY-MM-DD (bawaan: hari ini)."
        ),
    ] = None,
    output_format: Annotated[
        ListFormat, typer.Option("--format", "-f", help="Format keluaran / output format.")
    ] = ListFormat.text,
) -> None:
    """Status perjanjian dan tenggat berikutnya / agreement status and next deadlines.

    Exit: 0 berlaku/in force (juga bila segera berakhir/also when ending soon), 1 berakhir atau
    belum berlaku/lapsed or not yet in force, 2 metadata rusak/broken metadata.
    """
    try:
        day = dt.date.fromisoformat(today) if today else dt.date.today()
    except ValueError:
        msg = f"--today '{today}' bukan tanggal YYYY-MM-DD / is not a YYYY-MM-DD date"
        raise KontrakError(msg) from None
    status = agreement_status(day)
    if output_format is ListFormat.json:
        typer.echo(json.dumps(status_to_dict(status), ensure_ascii=False, indent=2))
    else:
        typer.echo(render_status(status), nl=False)
    raise typer.Exit(status.exit_code)


def register(app: typer.Typer) -> None:
    """Add the command to ``app``."""
    app.command(
        "status",
        epilog="Contoh / example: kontrak status --today 2024-04-01",
    )(status_command)
