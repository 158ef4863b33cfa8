"""The minutes of a matching round (berita acara pemadanan, Pasal 3(2)4) as a contract record.

What the tool cannot know (document numbers, place, signatories, and decisions the meeting
takes) comes from a YAML *isian* (fill-in) file; without decisions the tool proposes them from
the correction lists. Without signatories the record cannot be valid, so only the printable
draft is written.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kontrak.exceptions import KontrakError
from kontrak.matching.corrections import Correction, round_id
from kontrak.matching.engine import PairResult
from kontrak.matching.run import InputFile, MatchRun
from kontrak.normalize import parse_date
from kontrak.yaml_io import load_yaml

__all__ = ["FOLLOW_UP_DAYS", "Isian", "default_decisions", "load_isian", "minutes_record"]

FOLLOW_UP_DAYS = 30


@dataclass(frozen=True, slots=True)
class Isian:
    """What the parties fill in for the minutes."""

    number_lan: str = "(belum bernomor)"
    number_bkn: str = "(belum bernomor)"
    place: str = "Jakarta"
    date: dt.date | None = None
    decisions: tuple[dict[str, str], ...] = ()
    signatories: tuple[dict[str, str], ...] = field(default_factory=tuple)


_BLANK = Isian()


def load_isian(path: Path) -> Isian:
    """Read an isian file (keys: nomorLan, nomorBkn, tempat, tanggal, keputusan, penandatangan).

    Raises:
        KontrakError: the file is not a mapping or a date is not a date.
    """
    data = load_yaml(path)
    if not isinstance(data, dict):
        msg = f"{path}: isian harus berupa pemetaan YAML / the isian must be a YAML mapping"
        raise KontrakError(msg)
    date = None
    if data.get("tanggal"):
        date = parse_date(str(data["tanggal"]))
        if date is None:
            msg = f"{path}: 'tanggal' bukan tanggal / is not a date"
            raise KontrakError(msg)
    return Isian(
        number_lan=str(data.get("nomorLan", _BLANK.number_lan)),
        number_bkn=str(data.get("nomorBkn", _BLANK.number_bkn)),
        place=str(data.get("tempat", _BLANK.place)),
        date=date,
        decisions=tuple({k: str(v) for k, v in item.items()} for item in data.get("keputusan", [])),
        signatories=tuple(
            {k: str(v) for k, v in item.items()} for item in data.get("penandatangan", [])
        ),
    )


def _dmy(day: dt.date) -> str:
    return day.strftime("%d-%m-%Y")


def default_decisions(run: MatchRun, corrections: list[Correction]) -> list[dict[str, str]]:
    """Decisions proposed from the correction lists (the meeting may replace them)."""
    due = _dmy(run.date + dt.timedelta(days=FOLLOW_UP_DAYS))
    decisions = []
    for party, name in (("BKN", "BKN"), ("LAN", "LAN")):
        mine = [c for c in corrections if c.party == party and c.reason != "AMBIGU"]
        if mine:
            decisions.append(
                {
                    "uraian": f"{name} menindaklanjuti {len(mine)} perbaikan data dalam daftar "
                    f"perbaikan yang ditujukan kepadanya dan melaporkan hasilnya.",
                    "penanggungJawab": party,
                    "batasWaktu": due,
                }
            )
    ambiguous = [c for c in corrections if c.reason == "AMBIGU"]
    if ambiguous:
        decisions.append(
            {
                "uraian": f"PARA PIHAK memeriksa bersama {len(ambiguous)} record ambigu "
                "(beberapa kandidat) dan menghapus yang ganda.",
                "penanggungJawab": "BERSAMA",
                "batasWaktu": due,
            }
        )
    if not decisions:
        decisions.append(
            {
                "uraian": "Data kedua pihak sama; tidak ada perbaikan yang perlu ditindaklanjuti.",
                "penanggungJawab": "BERSAMA",
                "batasWaktu": "",
            }
        )
    return decisions


def file_digest(files: list[InputFile]) -> str:
    """sha256 of one input file; for several files, sha256 of their sorted digests."""
    digests = sorted(f.sha256 for f in files)
    if len(digests) == 1:
        return digests[0]
    return hashlib.sha256("\n".join(digests).encode("ascii")).hexdigest()


def _result_entry(run: MatchRun, result: PairResult) -> dict[str, Any]:
    pair = result.pair
    lan_files = run.input_files("LAN", pair.lan_datasets)
    bkn_files = run.input_files("BKN", pair.bkn_datasets)
    counts = result.record_counts
    return {
        "kontrakLan": lan_files[0].spec,
        "kontrakBkn": bkn_files[0].spec,
        "sha256Lan": file_digest(lan_files),
        "sha256Bkn": file_digest(bkn_files),
        "jumlahRecordLan": result.lan_records,
        "jumlahRecordBkn": result.bkn_records,
        "jumlahCocok": counts["sama"][0],
        "jumlahBerbeda": counts["beda"][0],
        "jumlahHanyaLan": counts["hanya-lan"][0],
        "jumlahHanyaBkn": counts["hanya-bkn"][1],
        "jumlahAmbiguLan": counts["ambigu"][0],
        "jumlahAmbiguBkn": counts["ambigu"][1],
    }


def minutes_record(
    run: MatchRun,
    isian: Isian,
    decisions: list[dict[str, str]],
    document_sha256: str,
) -> dict[str, Any]:
    """The ``berita-acara-pemadanan`` record of the round.

    Raises:
        KontrakError: the round is not over one semester, or no record pair was matched.
    """
    semester = run.period.semester if run.period else None
    if run.period is None or semester is None:
        msg = (
            "berita acara memerlukan periode satu semester (mis. --period 2024-S2) / the "
            "minutes need a one-semester period (e.g. --period 2024-S2)"
        )
        raise KontrakError(msg)
    entries = [_result_entry(run, r) for r in run.results if not r.pair.roster]
    if not entries:
        msg = "tidak ada pasangan record yang dipadankan / no record pair was matched"
        raise KontrakError(msg)
    return {
        "idPemadanan": round_id(run),
        "nomorLan": isian.number_lan,
        "nomorBkn": isian.number_bkn,
        "tahun": semester[0],
        "semester": semester[1],
        "periodeMulai": _dmy(run.period.start),
        "periodeSelesai": _dmy(run.period.end),
        "tanggalPemadanan": _dmy(run.date),
        "tanggalBeritaAcara": _dmy(isian.date or run.date),
        "tempat": isian.place,
        "hasil": entries,
        "keputusan": decisions,
        "penandatangan": [dict(s) for s in isian.signatories],
        "sha256Dokumen": document_sha256,
    }
