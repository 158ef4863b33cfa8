"""Training rules: lesson hours (JP) that fit the days of the activity."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from kontrak.engine.findings import Finding
from kontrak.normalize import parse_date, parse_int
from kontrak.rules.base import DomainRule
from kontrak.text import LocalText

__all__ = ["JP_PLAUSIBLE", "jp_limit"]


def jp_limit(days: int, max_per_day: int) -> int:
    """The most lesson hours ``days`` calendar days can hold at ``max_per_day`` JP a day."""
    return days * max_per_day


def _check(record: Mapping[str, Any], args: Mapping[str, Any]) -> Iterator[Finding]:
    hours_field = str(args["hours"])
    hours = parse_int(record.get(hours_field))
    start = parse_date(record.get(str(args["start"])))
    end = parse_date(record.get(str(args["end"])))
    if hours is None or start is None or end is None or end < start:
        return  # a reversed period is date-order's finding
    days = (end - start).days + 1
    max_per_day = int(args["max-per-day"])
    limit = jp_limit(days, max_per_day)
    if hours > limit:
        yield Finding(
            code="jp-implausible",
            parts=(hours_field,),
            field=hours_field,
            ctx={"max_per_day": max_per_day, "days": days, "limit": limit},
            value=record.get(hours_field),
            has_value=True,
            engine="jp-plausible",
        )


JP_PLAUSIBLE = DomainRule(
    id="jp-plausible",
    codes=("jp-implausible",),
    summary=LocalText(
        id="Jam pelajaran (JP) tidak melebihi batas JP per hari dikali jumlah hari dari tanggal "
        "mulai sampai tanggal selesai (keduanya dihitung).",
        en="Lesson hours (JP) do not exceed the per-day limit times the number of days from the "
        "start to the end date (both counted).",
    ),
    args_schema={
        "type": "object",
        "required": ["hours", "start", "end", "max-per-day"],
        "additionalProperties": False,
        "properties": {
            "hours": {"type": "string"},
            "start": {"type": "string"},
            "end": {"type": "string"},
            "max-per-day": {"type": "integer", "minimum": 1, "maximum": 24},
        },
    },
    fields_of=lambda args: (str(args["hours"]), str(args["start"]), str(args["end"])),
    check=_check,
)
