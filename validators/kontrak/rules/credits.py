"""Credit-point (angka kredit) rules."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import Any

from kontrak.engine.findings import Finding
from kontrak.normalize import parse_decimal
from kontrak.rules.base import DomainRule
from kontrak.text import LocalText

__all__ = ["CREDIT_SUM", "FLAGS_EXCLUSIVE"]

_TOLERANCE = Decimal("0.001")


def _check_flags(record: Mapping[str, Any], args: Mapping[str, Any]) -> Iterator[Finding]:
    names = [str(n) for n in args["fields"]]
    raised = [n for n in names if record.get(n) == "1"]
    if len(raised) > 1:
        yield Finding(
            code="flags-conflict",
            parts=(raised[-1],),
            field=raised[-1],
            ctx={"fields": ", ".join(raised)},
            engine="flags-exclusive",
        )


def _check_sum(record: Mapping[str, Any], args: Mapping[str, Any]) -> Iterator[Finding]:
    total_name = str(args["total"])
    parts = [parse_decimal(record.get(str(p))) for p in args["parts"]]
    total = parse_decimal(record.get(total_name))
    if total is None or any(p is None for p in parts):
        return
    if abs(sum(p for p in parts if p is not None) - total) > _TOLERANCE:
        yield Finding(
            code="credit-sum-mismatch",
            parts=(total_name,),
            field=total_name,
            ctx={"parts": " + ".join(str(p) for p in args["parts"])},
            engine="credit-sum",
        )


FLAGS_EXCLUSIVE = DomainRule(
    id="flags-exclusive",
    codes=("flags-conflict",),
    summary=LocalText(
        id='Paling banyak satu dari penanda yang disebut bernilai "1".',
        en='At most one of the named flags is "1".',
    ),
    args_schema={
        "type": "object",
        "required": ["fields"],
        "additionalProperties": False,
        "properties": {"fields": {"type": "array", "minItems": 2, "items": {"type": "string"}}},
    },
    fields_of=lambda args: tuple(str(n) for n in args["fields"]),
    check=_check_flags,
)

CREDIT_SUM = DomainRule(
    id="credit-sum",
    codes=("credit-sum-mismatch",),
    summary=LocalText(
        id="Bila semua unsur diisi, jumlah angka kredit sama dengan jumlah unsur-unsurnya.",
        en="When every part is given, the total credit equals the sum of the parts.",
    ),
    args_schema={
        "type": "object",
        "required": ["parts", "total"],
        "additionalProperties": False,
        "properties": {
            "parts": {"type": "array", "minItems": 2, "items": {"type": "string"}},
            "total": {"type": "string"},
        },
    },
    fields_of=lambda args: (*(str(p) for p in args["parts"]), str(args["total"])),
    check=_check_sum,
)
