"""The canonical layer: wire values (strings, DD-MM-YYYY, "" for absent) turned into Python values.

Contracts model the wire as it is; rules, matching and reports read values through these
functions so that every tool normalises the same way.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

from kontrak.formats import parse_tanggal_dmy, parse_tanggal_iso

__all__ = ["ABSENT_DATES", "parse_date", "parse_decimal", "parse_int"]

# How SIASN writes "no date": empty text, null, or Go's zero time.
ABSENT_DATES = frozenset({"", "01-01-0001", "0001-01-01", "0001-01-01T00:00:00Z"})

_DECIMAL = re.compile(r"^-?[0-9]+(\.[0-9]+)?$")
_INT = re.compile(r"^-?[0-9]+$")


def parse_date(value: object) -> dt.date | None:
    """Return the date a wire value means, or None when it is absent or not a date.

    Accepts ``DD-MM-YYYY`` (the SIASN default) and ISO ``YYYY-MM-DD`` with an optional midnight
    time (seen in ``tmtGolongan``); ``""``, null and ``01-01-0001`` mean absent.
    """
    if not isinstance(value, str) or value in ABSENT_DATES:
        return None
    return parse_tanggal_dmy(value) or parse_tanggal_iso(value)


def parse_decimal(value: object) -> Decimal | None:
    """Return the decimal a wire value means (``"37.5"``, ``37.5``), or None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return Decimal(str(value))
    if isinstance(value, str) and _DECIMAL.fullmatch(value.strip()):
        try:
            return Decimal(value.strip())
        except InvalidOperation:  # pragma: no cover - the pattern rules this out
            return None
    return None


def parse_int(value: object) -> int | None:
    """Return the integer a wire value means (``"07"``, ``7``), or None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and _INT.fullmatch(value.strip()):
        return int(value.strip())
    return None
