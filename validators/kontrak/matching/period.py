"""Reporting periods: a semester (``2024-S2``), a year (``2024``) or any ``START/END`` span."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from kontrak.exceptions import KontrakError
from kontrak.normalize import parse_date

__all__ = ["Period", "parse_period", "semester_of"]

_SEMESTER = re.compile(r"^([0-9]{4})-S([12])$")
_YEAR = re.compile(r"^([0-9]{4})$")


@dataclass(frozen=True, slots=True)
class Period:
    """A closed span of dates."""

    start: dt.date
    end: dt.date

    @property
    def semester(self) -> tuple[int, int] | None:
        """(year, 1 or 2) when the period is exactly one semester, else None."""
        for half in (1, 2):
            if semester_of(self.start.year, half) == self:
                return self.start.year, half
        return None

    @property
    def label(self) -> str:
        """``2024-S2`` for a semester, ``2024`` for a calendar year, else ``START/END``."""
        if self.semester is not None:
            return f"{self.semester[0]}-S{self.semester[1]}"
        if self == Period(dt.date(self.start.year, 1, 1), dt.date(self.start.year, 12, 31)):
            return str(self.start.year)
        return f"{self.start.isoformat()}/{self.end.isoformat()}"

    def contains(self, day: dt.date) -> bool:
        """Whether ``day`` falls in the period."""
        return self.start <= day <= self.end


def semester_of(year: int, half: int) -> Period:
    """The first (January–June) or second (July–December) semester of ``year``."""
    if half == 1:
        return Period(dt.date(year, 1, 1), dt.date(year, 6, 30))
    return Period(dt.date(year, 7, 1), dt.date(year, 12, 31))


def parse_period(text: str) -> Period:
    """Read ``2024-S2``, ``2024`` or ``START/END`` (ISO or DD-MM-YYYY dates).

    Raises:
        KontrakError: the text is not a period.
    """
    text = text.strip()
    if match := _SEMESTER.fullmatch(text):
        return semester_of(int(match.group(1)), int(match.group(2)))
    if match := _YEAR.fullmatch(text):
        year = int(match.group(1))
        return Period(dt.date(year, 1, 1), dt.date(year, 12, 31))
    start_text, _, end_text = text.partition("/")
    start, end = parse_date(start_text.strip()), parse_date(end_text.strip())
    if start is None or end is None or end < start:
        msg = (
            f"periode '{text}' tidak dikenali / period not understood: use 2024-S2, 2024 or "
            "START/END"
        )
        raise KontrakError(msg)
    return Period(start, end)
