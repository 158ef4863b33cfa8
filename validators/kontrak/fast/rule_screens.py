"""Domain rules as polars expressions over whole columns: screens that never pass a violation.

Each screen is true on a row where the rule's per-record implementation
(:mod:`kontrak.rules`) surely finds nothing. It may be false on a row the rule accepts (the row
is then checked by the per-record implementation, which decides); it is never true on a row the
rule rejects. Screens read text columns (null for an absent key), so they apply only to rules
whose fields are text in the contract; rows reach them only after the structure screen passed.

A screen reads only the fields its rule reads (:attr:`ScreenPart.fields`), so its verdict on a
row also holds when other fields of the row fail the structure layer: a row the whole screen
flags has only the rules whose own screen failed (or whose fields failed) checked again.

``tests/unit/test_rule_screens.py`` checks every screen against its rule on generated values.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import polars as pl

from kontrak.contract import Contract
from kontrak.fast.reference_screens import compile_reference_screen
from kontrak.fast.screen_values import blank, days_in_month
from kontrak.fast.screens_dates import (
    date_order_screen,
    jp_plausible_screen,
    year_of_date_screen,
)
from kontrak.fast.screens_person import (
    jenjang_golongan_screen,
    nik_matches_person_screen,
    nik_structure_screen,
    nip_matches_person_screen,
)
from kontrak.fast.screens_presence import any_filled_screen, filled_when_screen
from kontrak.rules import RULES
from kontrak.rules.nip import EARLIEST_BIRTH_YEAR, PPPK_FIRST_YEAR

__all__ = [
    "INTEGER_ARGS",
    "RECORD_BY_RECORD",
    "SCREENS",
    "RuleScreen",
    "ScreenPart",
    "compile_rule_screen",
]

ScreenBuilder = Callable[[Mapping[str, Any], dt.date], pl.Expr]

_TOLERANCE = 0.0009  # below the rule's 0.001 by more than float error on 9-character decimals
_MAX_DECIMAL_CHARS = 9


def _nip_screen(args: Mapping[str, Any], today: dt.date) -> pl.Expr:
    value = pl.col(str(args["field"]))
    mode = str(args.get("mode", "pns-or-pppk"))
    # The numbers are fields of one struct, so that the head is read once per row (polars does
    # not share a subexpression nested in several others).
    head = pl.field("head")  # YYYYMMDD + YYYY + MM
    numbers = pl.struct(head=value.str.slice(0, 14).cast(pl.Int64, strict=False))
    numbers = numbers.struct.with_fields(
        year=head // 10**10,
        month=(head // 10**8) % 100,
        day=(head // 10**6) % 100,
        appointed=(head // 100) % 10000,
        two=head % 100,
    )
    year, month, day = pl.field("year"), pl.field("month"), pl.field("day")
    appointed, two = pl.field("appointed"), pl.field("two")
    born_ok = (
        (year >= EARLIEST_BIRTH_YEAR)
        & month.is_between(1, 12)
        & (day >= 1)
        & (day <= days_in_month(year, month))
        & ((head // 10**6) <= _date_number(today))
    )
    pns_ok = two.is_between(1, 12) if mode != "pppk" else pl.lit(value=False)
    pppk_ok = (appointed >= PPPK_FIRST_YEAR) if mode != "pns" else pl.lit(value=False)
    appointment_ok = (appointed <= today.year + 1) & (pns_ok | pppk_ok) & (appointed >= year)
    numbers_ok = numbers.struct.with_fields(ok=born_ok & appointment_ok).struct.field("ok")
    tail = value.str.slice(14, 4)
    sex_ok = tail.str.starts_with("1") | tail.str.starts_with("2")
    sequence_ok = ~tail.str.ends_with("000")
    sound = value.str.contains(r"^[0-9]{18}$") & numbers_ok & sex_ok & sequence_ok
    return blank(value) | sound.fill_null(value=False)


def _date_number(day: dt.date) -> int:
    return day.year * 10000 + day.month * 100 + day.day


def _flags_screen(args: Mapping[str, Any], _today: dt.date) -> pl.Expr:
    raised = [
        (pl.col(str(name)) == "1").fill_null(value=False).cast(pl.Int32) for name in args["fields"]
    ]
    return pl.sum_horizontal(raised) <= 1


def _months_screen(args: Mapping[str, Any], _today: dt.date) -> pl.Expr:
    """Where Python reads an integer (``parse_int``), polars reads the same one or null."""
    columns = [pl.col(str(args[k])) for k in ("start-month", "start-year", "end-month", "end-year")]
    any_absent = pl.any_horizontal([blank(c) for c in columns])
    sm, sy, em, ey = (c.cast(pl.Int64, strict=False) for c in columns)
    ordered = (sy < ey) | ((sy == ey) & (sm <= em))
    return (any_absent | ordered).fill_null(value=False)


def _sum_screen(args: Mapping[str, Any], _today: dt.date) -> pl.Expr:
    """Where Python reads a decimal (``parse_decimal``), polars reads the same number or null."""
    parts = [pl.col(str(p)) for p in args["parts"]]
    total = pl.col(str(args["total"]))
    columns = [*parts, total]
    any_absent = pl.any_horizontal([blank(c) for c in columns])
    short = pl.all_horizontal([c.str.len_bytes() <= _MAX_DECIMAL_CHARS for c in columns])
    numbers = [c.cast(pl.Float64, strict=False) for c in parts]
    difference = pl.sum_horizontal(numbers) - total.cast(pl.Float64, strict=False)
    close = (difference.abs() <= _TOLERANCE) & pl.all_horizontal([n.is_not_null() for n in numbers])
    return (any_absent | (short & close)).fill_null(value=False)


SCREENS: dict[str, ScreenBuilder] = {
    "nip-structure": _nip_screen,
    "flags-exclusive": _flags_screen,
    "month-period-order": _months_screen,
    "credit-sum": _sum_screen,
    "date-order": date_order_screen,
    "year-of-date": year_of_date_screen,
    "jp-plausible": jp_plausible_screen,
    "filled-when": filled_when_screen,
    "any-filled": any_filled_screen,
    "nip-matches-person": nip_matches_person_screen,
    "jenjang-golongan": jenjang_golongan_screen,
    "nik-structure": nik_structure_screen,
    "nik-matches-person": nik_matches_person_screen,
}
"""Vectorised screen of each domain rule in :data:`kontrak.rules.RULES`, by rule id."""

RECORD_BY_RECORD = frozenset(
    {
        "konversi-predikat",
        "konversi-plausible",
        "correction-target",
        "parties-covered",
        "count-sum",
        "ratio-value",
        "target-met",
        "semester-period",
        "contract-in-catalog",
    }
)
"""Rules left without a screen: they belong to small datasets (minutes, evaluations, correction
lists, draft versions) whose records all take the per-record path. A test holds every rule to
either a screen or this list."""

INTEGER_ARGS: dict[str, frozenset[str]] = {
    "year-of-date": frozenset({"year"}),
    "jp-plausible": frozenset({"hours"}),
    "month-period-order": frozenset({"start-month", "start-year", "end-month", "end-year"}),
}
"""Arguments whose field may be a JSON integer: the screen reads it as the rule does
(``parse_int``), from the text polars writes for an integer."""


@dataclass(frozen=True, slots=True)
class ScreenPart:
    """The screen of one layer part: one domain rule, or the reference layer.

    Attributes:
        label: the name of the screen's column in a query.
        rule: the rule's index in ``contract.rules``; None for the reference layer.
        fields: every field the screen or the per-record check reads. The part's verdict on a
            row holds when these fields hold values the structure layer accepts, whatever the
            other fields hold: neither the screen nor the check reads any other field.
        expression: true on a row where the part's per-record check surely finds nothing.
    """

    label: str
    rule: int | None
    fields: tuple[str, ...]
    expression: pl.Expr


@dataclass(frozen=True, slots=True)
class RuleScreen:
    """The screens of all rules of one contract.

    Attributes:
        columns: the text columns the screens read.
        parts: the screen of each rule (and of the reference layer), for a finer verdict on the
            rows the whole screen flags.
        expression: true on a row where no rule of the contract finds anything.
    """

    columns: tuple[str, ...]
    parts: tuple[ScreenPart, ...]
    expression: pl.Expr


def _part(label: str, rule: int | None, fields: tuple[str, ...], expression: pl.Expr) -> ScreenPart:
    read = [*fields, *(n for n in expression.meta.root_names() if n not in fields)]
    return ScreenPart(label=label, rule=rule, fields=tuple(read), expression=expression)


def compile_rule_screen(contract: Contract, today: dt.date | None = None) -> RuleScreen | None:
    """Combine the screens of the contract's rules; None when a rule cannot be screened.

    The reference layer (coded fields, :mod:`kontrak.fast.reference_screens`) is part of the
    screen. A rule cannot be screened when it has no vectorised screen or reads a field that is
    not text (or an integer, for :data:`INTEGER_ARGS`); nor can a coded field that is not text.
    The caller then checks every record exactly.
    """
    today = today or dt.date.today()
    references = compile_reference_screen(contract)
    if references is None:
        return None
    columns: list[str] = list(references.columns)
    parts = [_part("__screen_references", None, references.columns, references.expression)]
    for number, spec in enumerate(contract.rules):
        builder = SCREENS.get(spec.rule)
        if builder is None:
            return None
        integers = {str(spec.args[a]) for a in INTEGER_ARGS.get(spec.rule, ()) if a in spec.args}
        fields = RULES[spec.rule].fields_of(spec.args)
        for name in fields:
            field = contract.fields.get(name)
            integer = name in integers and field is not None and field.json_types == ("integer",)
            if field is None or not (field.is_text or integer):
                return None
            if name not in columns:
                columns.append(name)
        parts.append(_part(f"__screen_rule_{number}", number, fields, builder(spec.args, today)))
    expression = pl.all_horizontal([part.expression for part in parts])
    return RuleScreen(columns=tuple(columns), parts=tuple(parts), expression=expression)
