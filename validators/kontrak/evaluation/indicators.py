"""Integration indicators (evaluasi integrasi, Pasal 3(2)4 and 7) from the rounds of a period.

The input is the JSON report of each matching round (``pemadanan.json``), which records every
delivery validated (records, invalid records, package creation date) and every pair matched.
Indicators, as defined by the LAN reference table ``indikator-evaluasi``:

- VALIDITAS per dataset: valid records / records delivered × 100;
- KECOCOKAN per LAN dataset matched: equal records / LAN records matched × 100;
- KELENGKAPAN: people on BKN's rosters with records at LAN / people on the rosters × 100 (the
  rosters of the latest round in the period: people, not person-rounds);
- KETEPATAN-WAKTU: packages delivered by the agreed date / packages × 100, and
  KETERLAMBATAN: days late, summed;
- FREKUENSI-PEMADANAN (yearly evaluation only): rounds held in the year.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from kontrak.agreement_status import Schedule, semester_deadline
from kontrak.matching.period import Period
from kontrak.references import load_reference_table

__all__ = ["Indicator", "compute_indicators", "evaluation_id"]


@dataclass(frozen=True, slots=True)
class Indicator:
    """One indicator value for one object."""

    code: str
    subject: str
    value: float
    numerator: int | None
    denominator: int | None
    note: str


def evaluation_id(period: Period) -> str:
    """``EVI-YYYY-S#`` for a semester, ``EVI-YYYY-T`` for a calendar year."""
    if period.semester is not None:
        return f"EVI-{period.semester[0]}-S{period.semester[1]}"
    return f"EVI-{period.start.year}-T"


def _ratio(code: str, subject: str, num: int, den: int, note: str) -> Indicator | None:
    if den <= 0:
        return None
    return Indicator(code, subject, round(num / den * 100, 2), num, den, note)


def _validity(rounds: Sequence[Mapping[str, Any]]) -> Iterable[Indicator]:
    seen: set[str] = set()
    totals: dict[str, list[int]] = {}
    for data in rounds:
        for item in data["inputs"]:
            if item["sha256"] in seen:
                continue
            seen.add(item["sha256"])
            total = totals.setdefault(item["contract"], [0, 0])
            total[0] += item["records"] - item["invalid_records"]
            total[1] += item["records"]
    for subject, (valid, records) in sorted(totals.items()):
        found = _ratio("VALIDITAS", subject, valid, records, "record sah / record dikirim")
        if found:
            yield found


def _matching(rounds: Sequence[Mapping[str, Any]]) -> Iterable[Indicator]:
    totals: dict[str, list[int]] = {}
    roster = [0, 0]
    latest = ""
    for data in rounds:
        period = data.get("period") or {}
        end = str(period.get("end", "")) if isinstance(period, Mapping) else ""
        for pair in data["pairs"]:
            if pair["id"] == "daftar-jf":
                # people, not person-rounds: the roster of the latest round in the period
                if end >= latest:
                    latest = end
                    roster = [pair["counts"]["sama"] + pair["counts"]["beda"], pair["bkn_records"]]
                continue
            for subject in pair["lan_contracts"]:
                total = totals.setdefault(subject, [0, 0])
                total[0] += pair["counts"]["sama"]
                total[1] += pair["lan_records"]
    for subject, (equal, records) in sorted(totals.items()):
        found = _ratio("KECOCOKAN", subject, equal, records, "record sama / record LAN dipadankan")
        if found:
            yield found
    found = _ratio(
        "KELENGKAPAN",
        "pertukaran",
        roster[0],
        roster[1],
        "pejabat fungsional pada daftar BKN yang punya data di LAN / seluruh daftar",
    )
    if found:
        yield found


def _created(package: Mapping[str, Any]) -> dt.date | None:
    text = str(package.get("created", ""))[:10]
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def _timeliness(rounds: Sequence[Mapping[str, Any]], schedule: Schedule) -> Iterable[Indicator]:
    packages = {p["sha256"]: p for data in rounds for p in data["packages"]}
    on_time, late_days, counted = 0, 0, 0
    for package in packages.values():
        created = _created(package)
        try:
            end = dt.date.fromisoformat(package["end"])
        except ValueError:
            continue
        if created is None:
            continue
        half = 1 if end.month <= 6 else 2
        due = semester_deadline(end.year, half, schedule.delivery_days, "kiriman").due
        counted += 1
        on_time += created <= due
        late_days += max(0, (created - due).days)
    found = _ratio(
        "KETEPATAN-WAKTU",
        "pertukaran",
        on_time,
        counted,
        f"paket diterima paling lambat {schedule.delivery_days} hari setelah akhir periode",
    )
    if found:
        yield found
        yield Indicator(
            "KETERLAMBATAN",
            "pertukaran",
            float(late_days),
            None,
            None,
            "jumlah hari keterlambatan paket terhadap jadwal",
        )


def compute_indicators(
    rounds: Sequence[Mapping[str, Any]], period: Period, schedule: Schedule
) -> list[Indicator]:
    """Every indicator the rounds allow for ``period``."""
    indicators = [*_validity(rounds), *_matching(rounds), *_timeliness(rounds, schedule)]
    if period.semester is None:
        held = {data["round"] for data in rounds if data.get("round")}
        indicators.append(
            Indicator(
                "FREKUENSI-PEMADANAN",
                "pertukaran",
                float(len(held)),
                None,
                None,
                "putaran pemadanan dengan laporan: " + (", ".join(sorted(held)) or "-"),
            )
        )
    return indicators


def reference_rows() -> dict[str, Mapping[str, str]]:
    """The LAN indicator reference table by code (satuan, arah, targetBawaan, nama)."""
    table = load_reference_table("referensi-lan/indikator-evaluasi", "1.0.0")
    return {row["kode"]: row for row in table.rows}
