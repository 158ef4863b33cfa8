from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from kontrak.formats import is_tanggal_dmy, parse_tanggal_dmy
from kontrak.normalize import parse_date, parse_decimal, parse_int


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("20-01-2024", dt.date(2024, 1, 20)),
        ("29-02-2024", dt.date(2024, 2, 29)),
        ("29-02-2023", None),
        ("31-04-2024", None),
        ("01-01-0001", dt.date(1, 1, 1)),
        ("2024-01-20", None),
        ("1-1-2024", None),
        ("20-01-2024\n", None),
    ],
)
def test_parse_tanggal_dmy(text: str, expected: dt.date | None) -> None:
    assert parse_tanggal_dmy(text) == expected


def test_tanggal_format_accepts_empty_and_non_strings() -> None:
    assert is_tanggal_dmy("")
    assert is_tanggal_dmy(None)
    assert is_tanggal_dmy(20240120)
    assert not is_tanggal_dmy("31-02-2021")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("20-01-2024", dt.date(2024, 1, 20)),
        ("2021-04-01T00:00:00Z", dt.date(2021, 4, 1)),
        ("2021-04-01", dt.date(2021, 4, 1)),
        ("", None),
        (None, None),
        ("01-01-0001", None),
        ("0001-01-01T00:00:00Z", None),
        ("31-02-2021", None),
        ("2021-02-31", None),
    ],
)
def test_parse_date_reads_every_siasn_form(value: object, expected: dt.date | None) -> None:
    assert parse_date(value) == expected


def test_parse_numbers() -> None:
    assert parse_decimal("37.5") == Decimal("37.5")
    assert parse_decimal(12.5) == Decimal("12.5")
    assert parse_decimal("") is None
    assert parse_decimal("3,5") is None
    assert parse_decimal(True) is None
    assert parse_int("07") == 7
    assert parse_int("7.0") is None
    assert parse_int(False) is None
