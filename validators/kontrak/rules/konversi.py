"""Annual credit conversion by performance rating (PermenPANRB 1/2023, Peraturan BKN 3/2023).

Since 2023 a functional official's yearly credit is ``months/12 × percentage × coefficient``:
the percentage follows the performance rating (predikat kinerja) and the coefficient follows the
level (jenjang) held. Tables from BKN's 2023 guidance (see research/domain.md §7.3).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import Any

from kontrak.engine.findings import Finding
from kontrak.normalize import parse_decimal, parse_int
from kontrak.rules.base import DomainRule
from kontrak.rules.person import jenjang_of
from kontrak.text import LocalText

__all__ = [
    "COEFFICIENT_BY_LEVEL",
    "KONVERSI_PLAUSIBLE",
    "KONVERSI_PREDIKAT",
    "PERCENTAGE_BY_RATING",
    "konversi_credit",
    "plausible_konversi_credits",
]

PERCENTAGE_BY_RATING: dict[str, Decimal] = {
    "Sangat Baik": Decimal(150),
    "Baik": Decimal(100),
    "Butuh Perbaikan": Decimal(75),
    "Kurang": Decimal(50),
    "Sangat Kurang": Decimal(25),
}
# SIASN jenjang codes of the keahlian functional positions: Ahli Pertama, Muda, Madya, Utama.
COEFFICIENT_BY_LEVEL: dict[str, Decimal] = {
    "PT": Decimal("12.5"),
    "MU": Decimal(25),
    "MA": Decimal("37.5"),
    "UT": Decimal(50),
}
_TOLERANCE = Decimal("0.01")
_PERIOD = ("start-month", "start-year", "end-month", "end-year")
_FIELDS = ("flag", "rating", "percentage", "coefficient", "level", "total", *_PERIOD)


def konversi_credit(months: int, percentage: Decimal, coefficient: Decimal) -> Decimal:
    """Credit of one conversion: ``months/12 × percentage/100 × coefficient``."""
    return Decimal(months) / 12 * percentage / 100 * coefficient


def plausible_konversi_credits(months: int, coefficient: Decimal) -> tuple[Decimal, ...]:
    """Every credit a conversion of ``months`` can give at ``coefficient``, one per rating."""
    percentages = sorted(set(PERCENTAGE_BY_RATING.values()))
    return tuple(konversi_credit(months, percentage, coefficient) for percentage in percentages)


def _months(record: Mapping[str, Any], args: Mapping[str, Any]) -> int | None:
    sm, sy, em, ey = (parse_int(record.get(str(args[k]))) for k in _PERIOD)
    if sm is None or sy is None or em is None or ey is None:
        return None
    months = (ey * 12 + em) - (sy * 12 + sm) + 1
    return months if 1 <= months <= 12 else None


def _mismatch(field: str, basis: str) -> Finding:
    return Finding(
        code="konversi-table-mismatch",
        parts=(field,),
        field=field,
        ctx={"basis": basis},
        engine="konversi-predikat",
    )


def _check(record: Mapping[str, Any], args: Mapping[str, Any]) -> Iterator[Finding]:
    names = {key: str(args[key]) for key in _FIELDS}
    rating = record.get(names["rating"])
    if record.get(names["flag"]) != "1" or rating not in PERCENTAGE_BY_RATING:
        return
    percentage = parse_decimal(record.get(names["percentage"]))
    coefficient = parse_decimal(record.get(names["coefficient"]))
    level = record.get(names["level"])
    if percentage is not None and percentage != PERCENTAGE_BY_RATING[rating]:
        yield _mismatch(names["percentage"], names["rating"])
        return
    if level in COEFFICIENT_BY_LEVEL and coefficient not in (None, COEFFICIENT_BY_LEVEL[level]):
        yield _mismatch(names["coefficient"], names["level"])
        return
    coefficient = coefficient if coefficient is not None else COEFFICIENT_BY_LEVEL.get(str(level))
    total = parse_decimal(record.get(names["total"]))
    months = _months(record, args)
    if coefficient is None or total is None or months is None:
        return
    expected = konversi_credit(months, PERCENTAGE_BY_RATING[rating], coefficient)
    if abs(total - expected) > _TOLERANCE:
        yield Finding(
            code="konversi-credit-mismatch",
            parts=(names["total"],),
            field=names["total"],
            ctx={"rating": names["rating"], "coefficient": names["coefficient"]},
            engine="konversi-predikat",
        )


KONVERSI_PREDIKAT = DomainRule(
    id="konversi-predikat",
    codes=("konversi-table-mismatch", "konversi-credit-mismatch"),
    summary=LocalText(
        id="PAK konversi (PermenPANRB 1/2023): persentase sesuai predikat kinerja, koefisien "
        "sesuai jenjang, dan angka kredit = bulan/12 × persentase × koefisien.",
        en="Conversion assessment (PermenPANRB 1/2023): the percentage matches the performance "
        "rating, the coefficient matches the level, and credit = months/12 × percentage × "
        "coefficient.",
    ),
    args_schema={
        "type": "object",
        "required": list(_FIELDS),
        "additionalProperties": False,
        "properties": {key: {"type": "string"} for key in _FIELDS},
    },
    fields_of=lambda args: tuple(str(args[k]) for k in _FIELDS),
    check=_check,
)


_PLAUSIBLE_FIELDS = ("flag", "total", *_PERIOD)


def _level(record: Mapping[str, Any], args: Mapping[str, Any]) -> str | None:
    if "level" in args:
        level = record.get(str(args["level"]))
        return level if isinstance(level, str) and level in COEFFICIENT_BY_LEVEL else None
    name = record.get(str(args["position-name"]))
    return jenjang_of(name) if isinstance(name, str) else None


def _plausible(record: Mapping[str, Any], args: Mapping[str, Any]) -> Iterator[Finding]:
    if record.get(str(args["flag"])) != "1":
        return
    level, months = _level(record, args), _months(record, args)
    total_field = str(args["total"])
    total = parse_decimal(record.get(total_field))
    if level is None or months is None or total is None:
        return
    credits = plausible_konversi_credits(months, COEFFICIENT_BY_LEVEL[level])
    if any(abs(total - credit) <= _TOLERANCE for credit in credits):
        return
    yield Finding(
        code="konversi-implausible",
        parts=(total_field,),
        field=total_field,
        ctx={
            "level": level,
            "months": months,
            "allowed": " / ".join(
                f"{credit.quantize(Decimal('0.01')).normalize():f}" for credit in credits
            ),
        },
        value=record.get(total_field),
        has_value=True,
        engine="konversi-plausible",
    )


KONVERSI_PLAUSIBLE = DomainRule(
    id="konversi-plausible",
    codes=("konversi-implausible",),
    summary=LocalText(
        id="PAK konversi (PermenPANRB 1/2023): angka kredit adalah bulan/12 × 25, 50, 75, 100 "
        "atau 150 % × koefisien jenjang yang dijabat (dari kode jenjang atau nama jabatan).",
        en="Conversion assessment (PermenPANRB 1/2023): the credit is months/12 × 25, 50, 75, "
        "100 or 150 % × the coefficient of the level held (from the level code or the position "
        "name).",
    ),
    args_schema={
        "type": "object",
        "required": list(_PLAUSIBLE_FIELDS),
        "oneOf": [{"required": ["level"]}, {"required": ["position-name"]}],
        "additionalProperties": False,
        "properties": {
            key: {"type": "string"} for key in (*_PLAUSIBLE_FIELDS, "level", "position-name")
        },
    },
    fields_of=lambda args: tuple(
        str(args[k]) for k in (*_PLAUSIBLE_FIELDS, "level", "position-name") if k in args
    ),
    check=_plausible,
)
