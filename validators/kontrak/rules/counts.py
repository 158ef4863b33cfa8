"""Count and measure rules: totals that add up, ratios that match, verdicts that follow."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import Any

from kontrak.engine.findings import Finding
from kontrak.normalize import parse_decimal, parse_int
from kontrak.rules.base import DomainRule
from kontrak.text import LocalText

__all__ = ["COUNT_SUM", "RATIO_VALUE", "TARGET_MET", "verdict_for"]

RATIO_TOLERANCE = Decimal("0.01")
DIRECTIONS = ("naik", "turun")
VERDICTS = ("tercapai", "tidak-tercapai")


def _items(
    record: Mapping[str, Any], each: str | None
) -> Iterator[tuple[tuple[str | int, ...], Any]]:
    """Yield (pointer prefix, object) for the record itself or each object of one array field."""
    if each is None:
        yield (), record
        return
    items = record.get(each)
    if isinstance(items, list):
        for index, item in enumerate(items):
            if isinstance(item, dict):
                yield (each, index), item


def _check_sum(record: Mapping[str, Any], args: Mapping[str, Any]) -> Iterator[Finding]:
    total_name, part_names = str(args["total"]), [str(p) for p in args["parts"]]
    each = str(args["each"]) if "each" in args else None
    for prefix, item in _items(record, each):
        total = parse_int(item.get(total_name))
        parts = [parse_int(item.get(name)) for name in part_names]
        if total is None or any(p is None for p in parts):
            continue
        if sum(p for p in parts if p is not None) != total:
            yield Finding(
                code="count-sum-mismatch",
                parts=(*prefix, total_name),
                field=each or total_name,
                ctx={"total": total_name, "parts": " + ".join(part_names)},
                engine="count-sum",
            )


def _check_ratio(record: Mapping[str, Any], args: Mapping[str, Any]) -> Iterator[Finding]:
    value_name = str(args["value"])
    value = parse_decimal(record.get(value_name))
    numerator = parse_int(record.get(str(args["numerator"])))
    denominator = parse_int(record.get(str(args["denominator"])))
    if value is None or numerator is None or denominator is None:
        return
    scale = Decimal(int(args.get("scale", 100)))
    sound = denominator > 0 and 0 <= numerator <= denominator
    if sound and abs(value - Decimal(numerator) * scale / Decimal(denominator)) <= RATIO_TOLERANCE:
        return
    yield Finding(
        code="ratio-mismatch",
        parts=(value_name,),
        field=value_name,
        ctx={
            "numerator": args["numerator"],
            "denominator": args["denominator"],
            "scale": int(scale),
        },
        engine="ratio-value",
    )


def verdict_for(value: Decimal, target: Decimal, direction: str) -> str:
    """``tercapai`` when ``value`` meets ``target`` in ``direction`` (naik: ≥, turun: ≤)."""
    met = value >= target if direction == "naik" else value <= target
    return VERDICTS[0] if met else VERDICTS[1]


def _check_verdict(record: Mapping[str, Any], args: Mapping[str, Any]) -> Iterator[Finding]:
    verdict_name = str(args["verdict"])
    value = parse_decimal(record.get(str(args["value"])))
    target = parse_decimal(record.get(str(args["target"])))
    direction, verdict = record.get(str(args["direction"])), record.get(verdict_name)
    if value is None or target is None or direction not in DIRECTIONS or verdict not in VERDICTS:
        return
    if verdict_for(value, target, str(direction)) != verdict:
        yield Finding(
            code="verdict-mismatch",
            parts=(verdict_name,),
            field=verdict_name,
            ctx={"direction": direction},
            engine="target-met",
        )


COUNT_SUM = DomainRule(
    id="count-sum",
    codes=("count-sum-mismatch",),
    summary=LocalText(
        id="Jumlah (bilangan bulat) sama dengan jumlah bagian-bagiannya; dengan `each`, pada "
        "setiap objek suatu kolom daftar.",
        en="A count (integer) equals the sum of its parts; with `each`, in every object of a "
        "list field.",
    ),
    args_schema={
        "type": "object",
        "required": ["total", "parts"],
        "additionalProperties": False,
        "properties": {
            "total": {"type": "string"},
            "parts": {"type": "array", "minItems": 2, "items": {"type": "string"}},
            "each": {"type": "string"},
        },
    },
    fields_of=lambda args: (
        (str(args["each"]),)
        if "each" in args
        else (str(args["total"]), *(str(p) for p in args["parts"]))
    ),
    check=_check_sum,
)

RATIO_VALUE = DomainRule(
    id="ratio-value",
    codes=("ratio-mismatch",),
    summary=LocalText(
        id="Bila pembilang dan penyebut diisi: penyebut > 0, pembilang ≤ penyebut, dan nilai = "
        "pembilang / penyebut × skala (selisih ≤ 0,01).",
        en="When numerator and denominator are given: denominator > 0, numerator ≤ denominator, "
        "and value = numerator / denominator × scale (difference ≤ 0.01).",
    ),
    args_schema={
        "type": "object",
        "required": ["value", "numerator", "denominator"],
        "additionalProperties": False,
        "properties": {
            "value": {"type": "string"},
            "numerator": {"type": "string"},
            "denominator": {"type": "string"},
            "scale": {"type": "integer", "minimum": 1},
        },
    },
    fields_of=lambda args: (str(args["value"]), str(args["numerator"]), str(args["denominator"])),
    check=_check_ratio,
)

TARGET_MET = DomainRule(
    id="target-met",
    codes=("verdict-mismatch",),
    summary=LocalText(
        id='Capaian "tercapai" bila nilai ≥ target (arah "naik") atau nilai ≤ target (arah '
        '"turun"), selain itu "tidak-tercapai".',
        en='The verdict is "tercapai" (met) when value ≥ target (direction "naik") or value ≤ '
        'target (direction "turun"), otherwise "tidak-tercapai".',
    ),
    args_schema={
        "type": "object",
        "required": ["value", "target", "direction", "verdict"],
        "additionalProperties": False,
        "properties": {
            "value": {"type": "string"},
            "target": {"type": "string"},
            "direction": {"type": "string"},
            "verdict": {"type": "string"},
        },
    },
    fields_of=lambda args: tuple(str(args[k]) for k in ("value", "target", "direction", "verdict")),
    check=_check_verdict,
)
