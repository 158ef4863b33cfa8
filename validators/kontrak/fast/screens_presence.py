"""Vectorised screens of the presence rules (``filled-when``, ``any-filled``).

Each screen is true only where the rule surely finds nothing (see
:mod:`kontrak.fast.rule_screens`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import polars as pl

from kontrak.fast.screen_values import filled

__all__ = ["any_filled_screen", "filled_when_screen"]


def filled_when_screen(args: Mapping[str, Any], _today: dt.date) -> pl.Expr:
    """``filled-when``: the trigger absent or not one of the values, or the field filled."""
    trigger = pl.col(str(args["when"]))
    values = [str(v) for v in args["in"]]
    quiet = trigger.is_null() | ~trigger.is_in(values)
    return (quiet.fill_null(value=False) | filled(pl.col(str(args["field"])))).fill_null(
        value=False
    )


def any_filled_screen(args: Mapping[str, Any], _today: dt.date) -> pl.Expr:
    """``any-filled``: at least one of the fields filled."""
    return pl.any_horizontal([filled(pl.col(str(name))) for name in args["fields"]])
