"""Reporting periods: semesters, years and spans."""

from __future__ import annotations

import datetime as dt

import pytest

from kontrak.exceptions import KontrakError
from kontrak.matching.period import Period, parse_period


@pytest.mark.parametrize(
    ("text", "start", "end", "label"),
    [
        ("2024-S1", dt.date(2024, 1, 1), dt.date(2024, 6, 30), "2024-S1"),
        ("2024-S2", dt.date(2024, 7, 1), dt.date(2024, 12, 31), "2024-S2"),
        ("2024", dt.date(2024, 1, 1), dt.date(2024, 12, 31), "2024"),
        ("2024-07-01/2024-12-31", dt.date(2024, 7, 1), dt.date(2024, 12, 31), "2024-S2"),
        (
            "01-07-2024/30-09-2024",
            dt.date(2024, 7, 1),
            dt.date(2024, 9, 30),
            "2024-07-01/2024-09-30",
        ),
    ],
)
def test_parse_period(text: str, start: dt.date, end: dt.date, label: str) -> None:
    period = parse_period(text)
    assert (period.start, period.end, period.label) == (start, end, label)


def test_semester_is_known_only_for_exact_halves() -> None:
    assert parse_period("2024-S2").semester == (2024, 2)
    assert Period(dt.date(2024, 7, 1), dt.date(2024, 9, 30)).semester is None


@pytest.mark.parametrize("text", ["2024-S3", "S2", "2024-12-31/2024-01-01", "kemarin"])
def test_not_a_period(text: str) -> None:
    with pytest.raises(KontrakError):
        parse_period(text)
