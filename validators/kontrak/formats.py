"""Formats the contracts declare beyond JSON Schema's own, asserted by every engine."""

from __future__ import annotations

import datetime as dt
import re

from jsonschema import FormatChecker

__all__ = [
    "FORMAT_CHECKER",
    "ISO_DATE_PATTERN",
    "KONTRAK_FORMATS",
    "is_tanggal_dmy",
    "is_tanggal_dmy_atau_iso",
    "parse_tanggal_dmy",
    "parse_tanggal_iso",
]

_DMY = re.compile(r"^([0-9]{2})-([0-9]{2})-([0-9]{4})$")
# ISO date with an optional midnight time, as SIASN writes tmtGolongan ("2021-04-01T00:00:00Z").
_ISO = re.compile(r"^([0-9]{4})-([0-9]{2})-([0-9]{2})(T00:00:00(\.0+)?(Z|[+-]00:?00)?)?$")
# The same shape for column engines (matching normalises whole columns in Polars).
ISO_DATE_PATTERN = _ISO.pattern


def parse_tanggal_dmy(text: str) -> dt.date | None:
    """Parse ``DD-MM-YYYY`` into a date; None when it is not a real calendar date."""
    match = _DMY.fullmatch(text)
    if match is None:
        return None
    day, month, year = (int(part) for part in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def parse_tanggal_iso(text: str) -> dt.date | None:
    """Parse ``YYYY-MM-DD`` (optionally ``T00:00:00Z``) into a date; None when not a real date."""
    match = _ISO.fullmatch(text)
    if match is None:
        return None
    try:
        return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


def is_tanggal_dmy(instance: object) -> bool:
    """Format ``tanggal-dmy``: ``""`` (absent) or a real calendar date written ``DD-MM-YYYY``.

    Non-strings pass: a format only constrains strings (JSON Schema 2020-12, section 7.1).
    """
    if not isinstance(instance, str) or instance == "":
        return True
    return parse_tanggal_dmy(instance) is not None


def is_tanggal_dmy_atau_iso(instance: object) -> bool:
    """Format ``tanggal-dmy-atau-iso``: ``""``, or a real date as ``DD-MM-YYYY`` or ISO.

    SIASN sends ``tmtGolongan`` in either form (domain.md §3); both must exist in the calendar.
    Non-strings pass, as for every format.
    """
    if not isinstance(instance, str) or instance == "":
        return True
    return parse_tanggal_dmy(instance) is not None or parse_tanggal_iso(instance) is not None


KONTRAK_FORMATS = {
    "tanggal-dmy": is_tanggal_dmy,
    "tanggal-dmy-atau-iso": is_tanggal_dmy_atau_iso,
}

FORMAT_CHECKER = FormatChecker()
for _name, _check in KONTRAK_FORMATS.items():
    FORMAT_CHECKER.checks(_name)(_check)
