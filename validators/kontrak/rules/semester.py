"""Semester rule: a matching period lies inside the semester it is reported for."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from typing import Any

from kontrak.engine.findings import Finding
from kontrak.normalize import parse_date, parse_int
from kontrak.rules.base import DomainRule
from kontrak.text import LocalText

__all__ = ["SEMESTER_PERIOD", "semester_bounds"]


def semester_bounds(year: int, semester: int) -> tuple[dt.date, dt.date] | None:
    """First and last day of a semester (1: January–June, 2: July–December); None if unknown."""
    if semester == 1:
        return dt.date(year, 1, 1), dt.date(year, 6, 30)
    if semester == 2:
        return dt.date(year, 7, 1), dt.date(year, 12, 31)
    return None


def _check(record: Mapping[str, Any], args: Mapping[str, Any]) -> Iterator[Finding]:
    year = parse_int(record.get(str(args["year"])))
    semester = parse_int(record.get(str(args["semester"])))
    if year is None or semester is None or not 1 <= year <= 9999:
        return
    bounds = semester_bounds(year, semester)
    if bounds is None:
        return
    first, last = bounds
    for key in ("start", "end"):
        name = str(args[key])
        day = parse_date(record.get(name))
        if day is not None and not first <= day <= last:
            yield Finding(
                code="period-outside-semester",
                parts=(name,),
                field=name,
                ctx={"semester": semester, "year": year},
                engine="semester-period",
            )


SEMESTER_PERIOD = DomainRule(
    id="semester-period",
    codes=("period-outside-semester",),
    summary=LocalText(
        id="Tanggal mulai dan selesai periode berada di dalam semester tahun yang disebut "
        "(1: Januari–Juni, 2: Juli–Desember).",
        en="The period's start and end dates lie inside the named semester of the named year "
        "(1: January–June, 2: July–December).",
    ),
    args_schema={
        "type": "object",
        "required": ["year", "semester", "start", "end"],
        "additionalProperties": False,
        "properties": {key: {"type": "string"} for key in ("year", "semester", "start", "end")},
    },
    fields_of=lambda args: tuple(str(args[k]) for k in ("year", "semester", "start", "end")),
    check=_check,
)
