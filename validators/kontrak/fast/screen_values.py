"""Wire values read by polars expressions exactly as :mod:`kontrak.normalize` reads them.

Rule screens need the dates and integers a rule would see. Each reader here gives a value only
where the Python reader gives the same one, and says separately where the Python reader surely
gives none (``sure_absent``); anything else (text neither reader can place) is left undecided,
so a screen flags the row and the per-record rule decides.
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from kontrak.normalize import ABSENT_DATES

__all__ = ["WireDate", "blank", "days_in_month", "filled", "wire_date", "wire_int"]

_DMY = r"^[0-9]{2}-[0-9]{2}-[0-9]{4}$"
_ISO = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}(T00:00:00(\.0+)?(Z|[+-]00:?00)?)?$"
_INT = r"^-?[0-9]{1,18}$"


def blank(column: pl.Expr) -> pl.Expr:
    """Null (or an absent key) or ``""``."""
    return column.is_null() | (column == "")


def filled(column: pl.Expr) -> pl.Expr:
    """Neither null nor ``""`` (``is_filled`` of the presence rules)."""
    return (column.is_not_null() & (column != "")).fill_null(value=False)


def days_in_month(year: pl.Expr, month: pl.Expr) -> pl.Expr:
    """Days of ``month`` in ``year`` (proleptic Gregorian)."""
    leap = ((year % 4) == 0) & (((year % 100) != 0) | ((year % 400) == 0))
    return (
        pl.when(month == 2)
        .then(pl.when(leap).then(29).otherwise(28))
        .when(month.is_in([4, 6, 9, 11]))
        .then(30)
        .otherwise(31)
    )


@dataclass(frozen=True, slots=True)
class WireDate:
    """A wire date column read as :func:`kontrak.normalize.parse_date` reads it.

    Attributes:
        year, month, day: the date's parts; null where it is not read as a date.
        days: days since 0000-03-01 (for differences and order); null likewise.
        ymd: ``YYYYMMDD`` as an integer; null likewise.
        sure_absent: ``parse_date`` surely returns None (null, ``""``, ``01-01-0001``, ...).
        parsed: the parts hold the date ``parse_date`` returns.
    """

    year: pl.Expr
    month: pl.Expr
    day: pl.Expr
    days: pl.Expr
    ymd: pl.Expr
    sure_absent: pl.Expr
    parsed: pl.Expr


def wire_date(column: pl.Expr) -> WireDate:
    """Read ``DD-MM-YYYY`` or ISO ``YYYY-MM-DD`` (midnight time allowed) as real dates."""
    dmy = column.str.contains(_DMY)
    iso = column.str.contains(_ISO)
    absent = column.is_null() | column.is_in(sorted(ABSENT_DATES))

    def part(dmy_start: int, iso_start: int, length: int) -> pl.Expr:
        text = (
            pl.when(dmy)
            .then(column.str.slice(dmy_start, length))
            .when(iso)
            .then(column.str.slice(iso_start, length))
        )
        return text.cast(pl.Int64, strict=False)

    year, month, day = part(6, 0, 4), part(3, 5, 2), part(0, 8, 2)
    valid = (
        ~absent
        & (year >= 1)
        & month.is_between(1, 12)
        & (day >= 1)
        & (day <= days_in_month(year, month))
    ).fill_null(value=False)
    year = pl.when(valid).then(year)
    month = pl.when(valid).then(month)
    day = pl.when(valid).then(day)
    # days from civil (H. Hinnant): March-based years, so leap days end a year
    shifted = year - (month <= 2).cast(pl.Int64)
    era = shifted // 400
    of_era = shifted - era * 400
    of_year = (153 * ((month + 9) % 12) + 2) // 5 + day - 1
    days = era * 146097 + of_era * 365 + of_era // 4 - of_era // 100 + of_year
    return WireDate(
        year=year,
        month=month,
        day=day,
        days=days,
        ymd=year * 10000 + month * 100 + day,
        sure_absent=absent.fill_null(value=False),
        parsed=valid,
    )


def wire_int(column: pl.Expr) -> tuple[pl.Expr, pl.Expr]:
    """Read an integer as :func:`kontrak.normalize.parse_int` reads text without spaces.

    Returns:
        The integer (null where not read) and where ``parse_int`` surely returns None (null or
        ``""``). Text with spaces around a number is neither: the row is flagged.
    """
    value = pl.when(column.str.contains(_INT)).then(column).cast(pl.Int64, strict=False)
    return value, blank(column).fill_null(value=False)
