"""NIP structure (Perka BKN 22/2007) and the NI PPPK variant."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from typing import Any

from kontrak.engine.findings import Finding
from kontrak.rules.base import DomainRule
from kontrak.text import LocalText

__all__ = ["NIP_STRUCTURE", "nip_problems"]

# The first NI PPPK were issued for 2019 appointments.
PPPK_FIRST_YEAR = 2019
EARLIEST_BIRTH_YEAR = 1900

_PARTS = {
    "length": ("panjang (harus 18 digit)", "length (must be 18 digits)"),
    "birth-date": ("tanggal lahir (digit 1–8)", "birth date (digits 1–8)"),
    "appointment": ("TMT CPNS/PPPK (digit 9–14)", "CPNS/PPPK appointment (digits 9–14)"),
    "appointment-before-birth": (
        "TMT pengangkatan sebelum tanggal lahir (digit 9–14)",
        "appointment before birth (digits 9–14)",
    ),
    "sex": ("kode jenis kelamin (digit 15, harus 1 atau 2)", "sex code (digit 15, must be 1 or 2)"),
    "sequence": ("nomor urut (digit 16–18, 001–999)", "sequence number (digits 16–18, 001–999)"),
}


def _birth_date(nip: str) -> dt.date | None:
    try:
        born = dt.date(int(nip[0:4]), int(nip[4:6]), int(nip[6:8]))
    except ValueError:
        return None
    return born if born.year >= EARLIEST_BIRTH_YEAR else None


def nip_problems(nip: str, mode: str = "pns-or-pppk", today: dt.date | None = None) -> list[str]:
    """Return the parts of ``nip`` that break the NIP rules (empty when the NIP is sound).

    Args:
        nip: the 18-digit number.
        mode: ``pns`` (digits 13–14 are a month), ``pppk`` (any two digits, year ≥ 2019) or
            ``pns-or-pppk`` (either).
        today: reference date for "not in the future" (default: today).
    """
    if len(nip) != 18 or not nip.isascii() or not nip.isdigit():
        return ["length"]
    today = today or dt.date.today()
    problems: list[str] = []
    born = _birth_date(nip)
    if born is None or born > today:
        problems.append("birth-date")
    year, two = int(nip[8:12]), int(nip[12:14])
    pns_ok = 1 <= two <= 12 and mode != "pppk"
    pppk_ok = year >= PPPK_FIRST_YEAR and mode != "pns"
    if year > today.year + 1 or not (pns_ok or pppk_ok):
        problems.append("appointment")
    elif born is not None and year < born.year:
        problems.append("appointment-before-birth")
    if nip[14] not in "12":
        problems.append("sex")
    if nip[15:18] == "000":
        problems.append("sequence")
    return problems


def _check(record: Mapping[str, Any], args: Mapping[str, Any]) -> Iterator[Finding]:
    name = str(args["field"])
    value = record.get(name)
    if not isinstance(value, str) or value == "":
        return
    for part in nip_problems(value, str(args.get("mode", "pns-or-pppk"))):
        part_id, part_en = _PARTS[part]
        yield Finding(
            code="nip-invalid",
            parts=(name,),
            field=name,
            ctx={"part": part, "part_id": part_id, "part_en": part_en},
            value=value,
            has_value=True,
            engine="nip-structure",
        )


NIP_STRUCTURE = DomainRule(
    id="nip-structure",
    codes=("nip-invalid",),
    summary=LocalText(
        id="Struktur NIP: tanggal lahir yang ada, TMT CPNS YYYYMM (atau tahun PPPK + 2 digit), "
        "kode jenis kelamin 1/2, nomor urut 001–999.",
        en="NIP structure: an existing birth date, CPNS appointment YYYYMM (or PPPK year + 2 "
        "digits), sex code 1/2, sequence 001–999.",
    ),
    args_schema={
        "type": "object",
        "required": ["field"],
        "additionalProperties": False,
        "properties": {
            "field": {"type": "string"},
            "mode": {"enum": ["pns", "pppk", "pns-or-pppk"]},
        },
    },
    fields_of=lambda args: (str(args["field"]),),
    check=_check,
)
