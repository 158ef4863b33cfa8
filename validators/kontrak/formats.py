"""Formats the contracts declare beyond JSON Schema's own, asserted by every engine."""

from __future__ import annotations

import datetime as dt
import re

from jsonschema import FormatChecker

__all__ = ["FORMAT_CHECKER", "KONTRAK_FORMATS", "is_tanggal_dmy", "parse_tanggal_dmy"]

_DMY = re.compile(r"^([0-9]{2})-([0-9]{2})-([0-9]{4})$")


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


def is_tanggal_dmy(instance: object) -> bool:
    """Format ``tanggal-dmy``: ``""`` (absent) or a real calendar date written ``DD-MM-YYYY``.

    Non-strings pass: a format only constrains strings (JSON Schema 2020-12, section 7.1).
    """
    if not isinstance(instance, str) or instance == "":
        return True
    return parse_tanggal_dmy(instance) is not None


KONTRAK_FORMATS = {"tanggal-dmy": is_tanggal_dmy}

FORMAT_CHECKER = FormatChecker()
for _name, _check in KONTRAK_FORMATS.items():
    FORMAT_CHECKER.checks(_name)(_check)
