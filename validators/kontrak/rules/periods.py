"""Period rules: a start comes on or before its end."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from kontrak.engine.findings import Finding
from kontrak.normalize import parse_int
from kontrak.rules.base import DomainRule
from kontrak.text import LocalText

__all__ = ["MONTH_PERIOD_ORDER"]

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
