"""Correction lists (daftar perbaikan data, Pasal 3(2)7, 3(2)9, 4(2)4, 4(2)6) from a round.

Every item that is not equal becomes one or more ``perbaikan-data-*`` records addressed to the
party that owns the data to correct (``ditujukanKepada`` = provider of ``kontrak``):

=========== ============================ =======================================================
class       pair with LAN as authority   roster pair (BKN as authority)
=========== ============================ =======================================================
beda        BKN: ``ubah`` each field     LAN: ``ubah`` each field of its record
hanya-lan   BKN: ``tambah`` the record   LAN: ``hapus`` after checking the person's position
hanya-bkn   LAN: ``tambah`` to SIPKA     LAN: ``tambah`` the person's records
ambigu      the side with several candidates: ``hapus`` the duplicate, after checking
=========== ============================ =======================================================

Values are written in the wire form of the corrected contract (dates ``DD-MM-YYYY``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import polars as pl

from kontrak.contract import Contract
from kontrak.matching.engine import PairResult
from kontrak.matching.run import MatchRun
from kontrak.normalize import canonical_key, wire_date

__all__ = ["Correction", "build_corrections", "correction_records", "round_id"]

_REASONS = {
    "beda": "BEDA-NILAI",
    "hanya-lan": "HANYA-DI-SIPKA",
    "hanya-bkn": "HANYA-DI-SIASN",
    "ambigu": "AMBIGU",
}


@dataclass(frozen=True, slots=True)
class Correction:
    """One correction before it is numbered and dated."""

    party: str
    contract: Contract
    nip: str
    sipka_id: str
    siasn_id: str
    action: str
    reason: str
    note: str
    field: str = ""
    old: str | None = None
    new: str | None = None


def round_id(run: MatchRun) -> str:
    """``PDN-YYYY-S#`` for a round over one semester, else ``""``."""
    semester = run.period.semester if run.period else None
    return f"PDN-{semester[0]}-S{semester[1]}" if semester else ""


def _wire_name(contract: Contract, canonical: str) -> str:
    for name in contract.fields:
        if canonical_key(name) == canonical:
            return name
    return canonical


def _wire_value(kind: str, value: str | None) -> str | None:
    if value is None:
        return None
    return wire_date(value) if kind == "date" else value


def _contract(run: MatchRun, side: str, datasets: tuple[str, ...]) -> Contract:
    return run.input_files(side, datasets)[0].contract


def _first(values: list[str] | None) -> str:
    return values[0] if values else ""


def _pair_corrections(run: MatchRun, result: PairResult) -> Iterator[Correction]:
    pair = result.pair
    lan = _contract(run, "LAN", pair.lan_datasets)
    bkn = _contract(run, "BKN", pair.bkn_datasets)
    for row in result.differences.iter_rows(named=True):
        kind = pair.field(row["field"]).kind
        yield Correction(
            party="BKN",
            contract=bkn,
            nip=row["person"],
            sipka_id=row["lan_id"] or "",
            siasn_id=row["bkn_id"] or "",
            action="ubah",
            reason="BEDA-NILAI",
            note=f"{pair.id}: nilai di SIASN berbeda dengan SIPKA / value in SIASN differs",
            field=_wire_name(bkn, row["field"]),
            old=_wire_value(kind, row["bkn_value"]),
            new=_wire_value(kind, row["lan_value"]) or "",
        )
    for row in result.items.filter(pl.col("class") != "beda").iter_rows(named=True):
        cls, lan_ids, bkn_ids = row["class"], row["lan_ids"], row["bkn_ids"]
        if cls == "hanya-lan":
            yield Correction(
                party="BKN",
                contract=bkn,
                nip=row["person"],
                sipka_id=_first(lan_ids),
                siasn_id="",
                action="tambah",
                reason=_REASONS[cls],
                note=f"{pair.id}: record SIPKA belum ada di SIASN / not yet in SIASN",
            )
        elif cls == "hanya-bkn":
            yield Correction(
                party="LAN",
                contract=lan,
                nip=row["person"],
                sipka_id="",
                siasn_id=_first(bkn_ids),
                action="tambah",
                reason=_REASONS[cls],
                note=f"{pair.id}: record SIASN belum ada di SIPKA / not yet in SIPKA",
            )
        else:
            yield from _ambiguous(row, lan, bkn, pair.id)


def _ambiguous(
    row: dict[str, Any], lan: Contract, bkn: Contract, pair_id: str
) -> Iterator[Correction]:
    """One deletion to check per candidate on the side that has several."""
    lan_ids, bkn_ids = row["lan_ids"], row["bkn_ids"]

    def note(count: int) -> str:
        return (
            f"{pair_id}: satu dari {count} kandidat untuk kunci yang sama ({row['stage']}); hapus "
            f"yang ganda setelah diperiksa / one of {count} candidates for one key; delete the "
            "duplicate after checking"
        )

    if len(lan_ids) > 1:
        for rid in lan_ids:
            yield Correction(
                party="LAN",
                contract=lan,
                nip=row["person"],
                sipka_id=rid,
                siasn_id=_first(bkn_ids) if len(bkn_ids) == 1 else "",
                action="hapus",
                reason="AMBIGU",
                note=note(len(lan_ids)),
            )
    if len(bkn_ids) > 1:
        for rid in bkn_ids:
            yield Correction(
                party="BKN",
                contract=bkn,
                nip=row["person"],
                sipka_id=_first(lan_ids) if len(lan_ids) == 1 else "",
                siasn_id=rid,
                action="hapus",
                reason="AMBIGU",
                note=note(len(bkn_ids)),
            )


def _roster_corrections(run: MatchRun, result: PairResult) -> Iterator[Correction]:
    pair = result.pair
    assert result.lan_people is not None
    people = {row["_rid"]: row for row in result.lan_people.iter_rows(named=True)}
    lan_files = {f.contract.dataset: f.contract for f in run.lan.files_of(pair.lan_datasets)}
    bkn_files = {f.contract.dataset: f.contract for f in run.bkn.files_of(pair.bkn_datasets)}
    main_lan = lan_files.get("riwayat-jabatan") or next(iter(lan_files.values()))
    for row in result.differences.iter_rows(named=True):
        person = people[row["lan_id"]]
        if row["field"] == "pnsId":
            target, rid = lan_files[person["_pns_dataset"]], person["_pns_rid"]
        else:
            target, rid = lan_files["riwayat-jabatan"], person["_jabatan_rid"]
        kind = pair.field(row["field"]).kind
        yield Correction(
            party="LAN",
            contract=target,
            nip=row["person"],
            sipka_id=rid or "",
            siasn_id=row["bkn_id"] or "",
            action="ubah",
            reason="BEDA-NILAI",
            note=f"{pair.id}: data LAN berbeda dengan daftar BKN / differs from BKN's roster",
            field=_wire_name(target, row["field"]),
            old=_wire_value(kind, row["lan_value"]),
            new=_wire_value(kind, row["bkn_value"]) or "",
        )
    for row in result.items.filter(pl.col("class") != "beda").iter_rows(named=True):
        cls = row["class"]
        if cls == "hanya-bkn":
            yield Correction(
                party="LAN",
                contract=main_lan,
                nip=row["person"],
                sipka_id="",
                siasn_id=_first(row["bkn_ids"]),
                action="tambah",
                reason=_REASONS[cls],
                note=f"{pair.id}: pejabat fungsional tanpa data di SIPKA / no records in SIPKA",
            )
        elif cls == "hanya-lan":
            person = people[_first(row["lan_ids"])]
            yield Correction(
                party="LAN",
                contract=lan_files[person["_any_dataset"]],
                nip=row["person"],
                sipka_id=person["_any_rid"],
                siasn_id="",
                action="hapus",
                reason=_REASONS[cls],
                note=f"{pair.id}: tidak ada di daftar BKN; periksa jabatannya di SIASN sebelum "
                "menghapus / not on BKN's roster; check the position in SIASN before deleting",
            )
        else:
            sources = str(row["source"] or "").split(", ")
            for index, rid in enumerate(row["bkn_ids"]):
                source = sources[index] if index < len(sources) else ""
                yield Correction(
                    party="BKN",
                    contract=bkn_files.get(source) or next(iter(bkn_files.values())),
                    nip=row["person"],
                    sipka_id="",
                    siasn_id=rid,
                    action="hapus",
                    reason="AMBIGU",
                    note=f"{pair.id}: orang ada di lebih dari satu daftar / on several rosters",
                )


def build_corrections(run: MatchRun) -> list[Correction]:
    """Every correction of the round, in pair order then item order."""
    corrections: list[Correction] = []
    for result in run.results:
        if result.pair.roster:
            corrections += _roster_corrections(run, result)
        else:
            corrections += _pair_corrections(run, result)
    return corrections


def correction_records(
    run: MatchRun, corrections: list[Correction], submitter: str
) -> dict[str, list[dict[str, Any]]]:
    """``perbaikan-data-*`` records per addressee (``LAN``/``BKN``), numbered in one sequence."""
    pdn = round_id(run)
    prefix = pdn or f"PRB-{run.date.strftime('%Y%m%d')}"
    lists: dict[str, list[dict[str, Any]]] = {"LAN": [], "BKN": []}
    for number, item in enumerate(corrections, start=1):
        lists[item.party].append(
            {
                "idPerbaikan": f"{prefix}-{number:06d}",
                "pengaju": submitter,
                "ditujukanKepada": item.party,
                "idPemadanan": pdn,
                "nipBaru": item.nip,
                "kontrak": item.contract.spec,
                "idRecordSipka": item.sipka_id,
                "idRecordSiasn": item.siasn_id,
                "jenisTindakan": item.action,
                "kolom": item.field,
                "nilaiLama": item.old,
                "nilaiBaru": item.new,
                "alasan": item.reason,
                "keterangan": item.note,
                "status": "diajukan",
                "tanggalPengajuan": run.date.strftime("%d-%m-%Y"),
                "tanggalTindakLanjut": "",
                "tanggapan": "",
            }
        )
    return lists
