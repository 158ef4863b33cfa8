"""NIK structure (Dukcapil, UU 24/2013) and its agreement with the person's birth date and sex.

Layout (domain.md §6.3): digits 1–2 province, 3–4 regency/city, 5–6 district, 7–8 day of birth
(+40 for women), 9–10 month, 11–12 the last two digits of the year, 13–16 a sequence from 0001.
NIKs issued with errors are never reissued, so contracts switch these rules on as warnings.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from kontrak.engine.findings import Finding
from kontrak.normalize import parse_date
from kontrak.rules.base import DomainRule
from kontrak.text import LocalText

__all__ = ["NIK_MATCHES_PERSON", "NIK_STRUCTURE", "NikBirth", "nik_birth", "nik_problems"]

# Province codes of the Ministry of Home Affairs (Kemendagri), Aceh 11 … Papua Barat Daya 96.
PROVINCE_CODES = frozenset(
    {
        *("11", "12", "13", "14", "15", "16", "17", "18", "19", "21"),
        *("31", "32", "33", "34", "35", "36", "51", "52", "53"),
        *("61", "62", "63", "64", "65", "71", "72", "73", "74", "75", "76"),
        *("81", "82", "91", "92", "93", "94", "95", "96"),
    }
)
FEMALE_DAY_OFFSET = 40

_PARTS = {
    "length": ("panjang (harus 16 digit)", "length (must be 16 digits)"),
    "province": ("kode provinsi (digit 1–2)", "province code (digits 1–2)"),
    "regency": ("kode kabupaten/kota (digit 3–4)", "regency/city code (digits 3–4)"),
    "district": ("kode kecamatan (digit 5–6)", "district code (digits 5–6)"),
    "birth-date": ("tanggal lahir DDMMYY (digit 7–12)", "birth date DDMMYY (digits 7–12)"),
    "sequence": ("nomor urut (digit 13–16, mulai 0001)", "sequence (digits 13–16, from 0001)"),
}


@dataclass(frozen=True, slots=True)
class NikBirth:
    """The birth data a NIK encodes: day, month, two-digit year, and whether it is a woman's."""

    day: int
    month: int
    year2: int
    female: bool

    def matches(self, born: dt.date) -> bool:
        """Whether ``born`` has this day, month and two-digit year."""
        return (born.day, born.month, born.year % 100) == (self.day, self.month, self.year2)


def nik_birth(nik: str) -> NikBirth | None:
    """The birth data of a 16-digit NIK, or None when digits 7–12 are no possible date.

    The century is not written; a date counts as possible when it exists in 19YY or 20YY.
    """
    if len(nik) != 16 or not nik.isascii() or not nik.isdigit():
        return None
    day, month, year2 = int(nik[6:8]), int(nik[8:10]), int(nik[10:12])
    female = day > FEMALE_DAY_OFFSET
    if female:
        day -= FEMALE_DAY_OFFSET
    for century in (1900, 2000):
        try:
            dt.date(century + year2, month, day)
        except ValueError:
            continue
        return NikBirth(day=day, month=month, year2=year2, female=female)
    return None


def nik_problems(nik: str) -> list[str]:
    """Return the parts of ``nik`` that break the NIK layout (empty when it is sound)."""
    if len(nik) != 16 or not nik.isascii() or not nik.isdigit():
        return ["length"]
    problems: list[str] = []
    if nik[0:2] not in PROVINCE_CODES:
        problems.append("province")
    if nik[2:4] == "00":
        problems.append("regency")
    if nik[4:6] == "00":
        problems.append("district")
    if nik_birth(nik) is None:
        problems.append("birth-date")
    if nik[12:16] == "0000":
        problems.append("sequence")
    return problems


def _finding(code: str, field: str, part_id: str, part_en: str, engine: str) -> Finding:
    return Finding(
        code=code,
        parts=(field,),
        field=field,
        ctx={"part_id": part_id, "part_en": part_en},
        engine=engine,
    )


def _check_structure(record: Mapping[str, Any], args: Mapping[str, Any]) -> Iterator[Finding]:
    name = str(args["field"])
    value = record.get(name)
    if not isinstance(value, str) or value == "":
        return
    for part in nik_problems(value):
        yield _finding("nik-invalid", name, *_PARTS[part], engine="nik-structure")


def _check_person(record: Mapping[str, Any], args: Mapping[str, Any]) -> Iterator[Finding]:
    name = str(args["nik"])
    value = record.get(name)
    birth = nik_birth(value) if isinstance(value, str) else None
    if birth is None:
        return
    birth_field = args.get("birth-date")
    born = parse_date(record.get(str(birth_field))) if birth_field else None
    if born is not None and not birth.matches(born):
        yield _finding(
            "nik-mismatch",
            name,
            f"digit 7–12 ≠ {birth_field}",
            f"digits 7–12 ≠ {birth_field}",
            engine="nik-matches-person",
        )
    sex_field = args.get("sex")
    sex = record.get(str(sex_field)) if sex_field else None
    if sex in ("M", "F") and (sex == "F") != birth.female:
        yield _finding(
            "nik-mismatch",
            name,
            f"hari lahir (+40 perempuan) ≠ {sex_field}",
            f"birth day (+40 for women) ≠ {sex_field}",
            engine="nik-matches-person",
        )


NIK_STRUCTURE = DomainRule(
    id="nik-structure",
    codes=("nik-invalid",),
    summary=LocalText(
        id="Struktur NIK: kode provinsi yang ada, kode kabupaten/kota dan kecamatan bukan 00, "
        "tanggal lahir DDMMYY yang ada (hari + 40 bagi perempuan), nomor urut mulai 0001.",
        en="NIK structure: an existing province code, regency/city and district codes other than "
        "00, an existing birth date DDMMYY (day + 40 for women), a sequence from 0001.",
    ),
    args_schema={
        "type": "object",
        "required": ["field"],
        "additionalProperties": False,
        "properties": {"field": {"type": "string"}},
    },
    fields_of=lambda args: (str(args["field"]),),
    check=_check_structure,
)

NIK_MATCHES_PERSON = DomainRule(
    id="nik-matches-person",
    codes=("nik-mismatch",),
    summary=LocalText(
        id="NIK cocok dengan tanggal lahir (digit 7–12, DDMMYY) dan jenis kelamin (hari lahir + 40 "
        "bagi perempuan) pada record yang sama.",
        en="The NIK agrees with the birth date (digits 7–12, DDMMYY) and the sex (birth day + 40 "
        "for women) in the same record.",
    ),
    args_schema={
        "type": "object",
        "required": ["nik"],
        "additionalProperties": False,
        "properties": {
            "nik": {"type": "string"},
            "birth-date": {"type": "string"},
            "sex": {"type": "string"},
        },
    },
    fields_of=lambda args: tuple(str(args[k]) for k in ("nik", "birth-date", "sex") if k in args),
    check=_check_person,
)
