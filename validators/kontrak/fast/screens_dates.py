"""Vectorised screens of the period and training rules (date order, year of a date, JP).

Each screen is true only where the rule surely finds nothing (see
:mod:`kontrak.fast.rule_screens`); dates and integers are read by
:mod:`kontrak.fast.screen_values` exactly as the rules read them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import polars as pl

from kontrak.fast.screen_values import wire_date, wire_int

__all__ = ["date_order_screen", "jp_plausible_screen", "year_of_date_screen"]


def date_order_screen(args: Mapping[str, Any], _today: dt.date) -> pl.Expr:
    """``date-order``: either date absent, or the start on or before the end."""
    start, end = wire_date(pl.col(str(args["start"]))), wire_date(pl.col(str(args["end"])))
    ordered = start.parsed & end.parsed & (start.days <= end.days)
    return (start.sure_absent | end.sure_absent | ordered).fill_null(value=False)


def year_of_date_screen(args: Mapping[str, Any], _today: dt.date) -> pl.Expr:
    """``year-of-date``: either value absent, or the year equal to the date's year."""
    year, year_absent = wire_int(pl.col(str(args["year"])))
    date = wire_date(pl.col(str(args["date"])))
    equal = date.parsed & year.is_not_null() & (year == date.year)
    return (year_absent | date.sure_absent | equal).fill_null(value=False)


def jp_plausible_screen(args: Mapping[str, Any], _today: dt.date) -> pl.Expr:
    """``jp-plausible``: a value absent, a reversed period, or hours within the day limit."""
    hours, hours_absent = wire_int(pl.col(str(args["hours"])))
    start, end = wire_date(pl.col(str(args["start"]))), wire_date(pl.col(str(args["end"])))
    limit = (end.days - start.days + 1) * int(args["max-per-day"])
    known = start.parsed & end.parsed & hours.is_not_null()
    fits = known & ((end.days < start.days) | (hours <= limit))
    return (hours_absent | start.sure_absent | end.sure_absent | fits).fill_null(value=False)
