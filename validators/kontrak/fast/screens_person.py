"""Vectorised screens of the rules on a person's numbers: NIP and NIK against the record.

Each screen is true only where the rule surely finds nothing (see
:mod:`kontrak.fast.rule_screens`). Text that Python and polars might read differently (a NIP
of 18 characters that are not ASCII digits, a position name that is not ASCII) is flagged, so
the per-record rule decides.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import polars as pl

from kontrak.fast.screen_values import days_in_month, wire_date
from kontrak.rules.nik import FEMALE_DAY_OFFSET, PROVINCE_CODES
from kontrak.rules.person import JENJANG_SPANS, LEVEL_WORDS

__all__ = [
    "jenjang_golongan_screen",
    "nik_matches_person_screen",
    "nik_structure_screen",
    "nip_matches_person_screen",
]

_NIP = r"^[0-9]{18}$"
_NIK = r"^[0-9]{16}$"
_ASCII = r"^[\x00-\x7F]*$"
_FOUR_DIGIT_YEAR = 1000  # strftime("%Y") writes four digits from here on


def _digits(column: pl.Expr, start: int, length: int) -> pl.Expr:
    return column.str.slice(start, length).cast(pl.Int64, strict=False)


def nip_matches_person_screen(args: Mapping[str, Any], _today: dt.date) -> pl.Expr:
    """``nip-matches-person``: no NIP to compare, or every given part agrees with it."""
    nip = pl.col(str(args["nip"]))
    not_compared = nip.is_null() | (nip.str.len_chars() != 18)
    agrees = nip.str.contains(_NIP)
    if "birth-date" in args:
        born = wire_date(pl.col(str(args["birth-date"])))
        same = born.parsed & (born.year >= _FOUR_DIGIT_YEAR) & (born.ymd == _digits(nip, 0, 8))
        agrees = agrees & (born.sure_absent | same)
    if "appointment" in args:
        tmt = wire_date(pl.col(str(args["appointment"])))
        month = tmt.year * 100 + tmt.month
        same = tmt.parsed & (tmt.year >= _FOUR_DIGIT_YEAR) & (month == _digits(nip, 8, 6))
        agrees = agrees & (tmt.sure_absent | same)
    if "sex" in args:
        sex = pl.col(str(args["sex"]))
        digit = nip.str.slice(14, 1)
        quiet = sex.is_null() | ~sex.is_in(["M", "F"])
        same = ((sex == "M") & (digit == "1")) | ((sex == "F") & (digit == "2"))
        agrees = agrees & (quiet.fill_null(value=False) | same)
    return (not_compared | agrees).fill_null(value=False)


def jenjang_golongan_screen(args: Mapping[str, Any], _today: dt.date) -> pl.Expr:
    """``jenjang-golongan``: no level in the position name, or the rank inside its span."""
    name = pl.col(str(args["position-name"]))
    rank = pl.col(str(args["rank"]))
    lowered = name.str.to_lowercase()
    chain: Any = None
    for words, code in LEVEL_WORDS.items():
        found = lowered.str.contains(words, literal=True)
        allowed = rank.is_in(list(JENJANG_SPANS[code]))
        chain = pl.when(found).then(allowed) if chain is None else chain.when(found).then(allowed)
    within: pl.Expr = chain.otherwise(pl.lit(value=True))
    quiet = name.is_null() | rank.is_null() | (rank == "")
    return (quiet | (name.str.contains(_ASCII) & within)).fill_null(value=False)


def _nik_birth(nik: pl.Expr) -> tuple[pl.Expr, pl.Expr, pl.Expr, pl.Expr, pl.Expr]:
    """Day, month, two-digit year, woman's, and whether some century has that date."""
    raw_day, month, year2 = _digits(nik, 6, 2), _digits(nik, 8, 2), _digits(nik, 10, 2)
    female = raw_day > FEMALE_DAY_OFFSET
    day = pl.when(female).then(raw_day - FEMALE_DAY_OFFSET).otherwise(raw_day)
    leap_year = year2 % 4 == 0  # 20YY is a leap year then (2000 included)
    possible = (
        month.is_between(1, 12)
        & (day >= 1)
        & (day <= days_in_month(pl.when(leap_year).then(2000).otherwise(2001), month))
    )
    return day, month, year2, female, possible


def nik_structure_screen(args: Mapping[str, Any], _today: dt.date) -> pl.Expr:
    """``nik-structure``: no NIK, or a NIK with every part sound."""
    nik = pl.col(str(args["field"]))
    *_, possible = _nik_birth(nik)
    sound = (
        nik.str.contains(_NIK)
        & nik.str.slice(0, 2).is_in(sorted(PROVINCE_CODES))
        & (nik.str.slice(2, 2) != "00")
        & (nik.str.slice(4, 2) != "00")
        & possible
        & (nik.str.slice(12, 4) != "0000")
    )
    return (nik.is_null() | (nik == "") | sound).fill_null(value=False)


def nik_matches_person_screen(args: Mapping[str, Any], _today: dt.date) -> pl.Expr:
    """``nik-matches-person``: no readable NIK birth date, or it agrees with the record."""
    nik = pl.col(str(args["nik"]))
    day, month, year2, female, possible = _nik_birth(nik)
    readable = nik.str.contains(_NIK) & possible
    agrees = pl.lit(value=True)
    if "birth-date" in args:
        born = wire_date(pl.col(str(args["birth-date"])))
        same = born.parsed & (born.day == day) & (born.month == month)
        agrees = agrees & (born.sure_absent | (same & (born.year % 100 == year2)))
    if "sex" in args:
        sex = pl.col(str(args["sex"]))
        quiet = sex.is_null() | ~sex.is_in(["M", "F"])
        agrees = agrees & (quiet.fill_null(value=False) | ((sex == "F") == female))
    return (nik.is_null() | ~readable.fill_null(value=False) | agrees).fill_null(value=False)
