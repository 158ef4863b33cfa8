"""Period rules: a start comes on or before its end."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from kontrak.engine.findings import Finding
from kontrak.normalize import parse_date, parse_int
from kontrak.rules.base import DomainRule
from kontrak.text import LocalText

__all__ = ["DATE_ORDER", "MONTH_PERIOD_ORDER", "YEAR_OF_DATE"]

_KEYS = ("start-month", "start-year", "end-month", "end-year")


def _check_months(record: Mapping[str, Any], args: Mapping[str, Any]) -> Iterator[Finding]:
    sm, sy, em, ey = (parse_int(record.get(str(args[k]))) for k in _KEYS)
    if sm is None or sy is None or em is None or ey is None:
        return
    if (sy, sm) > (ey, em):
        end_field = str(args["end-year"])
        yield Finding(
            code="period-reversed",
            parts=(end_field,),
            field=end_field,
            ctx={
                "start": f"{args['start-month']}/{args['start-year']}",
                "end": f"{args['end-month']}/{args['end-year']}",
            },
            engine="month-period-order",
        )


MONTH_PERIOD_ORDER = DomainRule(
    id="month-period-order",
    codes=("period-reversed",),
    summary=LocalText(
        id="Periode bulan/tahun: awal tidak sesudah akhir.",
        en="Month/year period: the start is not after the end.",
    ),
    args_schema={
        "type": "object",
        "required": list(_KEYS),
        "additionalProperties": False,
        "properties": {key: {"type": "string"} for key in _KEYS},
    },
    fields_of=lambda args: tuple(str(args[k]) for k in _KEYS),
    check=_check_months,
)


def _check_dates(record: Mapping[str, Any], args: Mapping[str, Any]) -> Iterator[Finding]:
    start_field, end_field = str(args["start"]), str(args["end"])
    start, end = parse_date(record.get(start_field)), parse_date(record.get(end_field))
    if start is not None and end is not None and start > end:
        yield Finding(
            code="period-reversed",
            parts=(end_field,),
            field=end_field,
            ctx={"start": start_field, "end": end_field},
            engine="date-order",
        )


def _check_year(record: Mapping[str, Any], args: Mapping[str, Any]) -> Iterator[Finding]:
    year_field, date_field = str(args["year"]), str(args["date"])
    year, date = parse_int(record.get(year_field)), parse_date(record.get(date_field))
    if year is not None and date is not None and year != date.year:
        yield Finding(
            code="year-date-mismatch",
            parts=(year_field,),
            field=year_field,
            ctx={"date_field": date_field},
            engine="year-of-date",
        )


DATE_ORDER = DomainRule(
    id="date-order",
    codes=("period-reversed",),
    summary=LocalText(
        id="Tanggal mulai tidak sesudah tanggal selesai (bila keduanya ada).",
        en="The start date is not after the end date (when both are present).",
    ),
    args_schema={
        "type": "object",
        "required": ["start", "end"],
        "additionalProperties": False,
        "properties": {"start": {"type": "string"}, "end": {"type": "string"}},
    },
    fields_of=lambda args: (str(args["start"]), str(args["end"])),
    check=_check_dates,
)

YEAR_OF_DATE = DomainRule(
    id="year-of-date",
    codes=("year-date-mismatch",),
    summary=LocalText(
        id="Kolom tahun sama dengan tahun pada kolom tanggal yang bersangkutan (mis. tahunKursus "
        "= tahun tanggalKursus).",
        en="The year field equals the year of its date field (e.g. tahunKursus = year of "
        "tanggalKursus).",
    ),
    args_schema={
        "type": "object",
        "required": ["year", "date"],
        "additionalProperties": False,
        "properties": {"year": {"type": "string"}, "date": {"type": "string"}},
    },
    fields_of=lambda args: (str(args["year"]), str(args["date"])),
    check=_check_year,
)
