"""The canonical layer gives the same answer value by value and column by column (Polars)."""

from __future__ import annotations

import polars as pl
import pytest

from kontrak.normalize import (
    VALUE_KINDS,
    canonical_expr,
    canonical_key,
    canonical_value,
)

WIRE_VALUES: list[object] = [
    None,
    "",
    "   ",
    "20-01-2024",
    "2024-01-20",
    "2021-04-01T00:00:00Z",
    "2021-04-01T00:00:00.000+00:00",
    "01-01-0001",
    "0001-01-01T00:00:00Z",
    "31-02-2021",
    "1-1-2024",
    "37.5",
    "037.50",
    "37.00",
    "100",
    "-007",
    "0",
    "00",
    "0.5",
    "3,5",
    37.5,
    280,
    "01",
    "1",
    "0",
    "EF180D434490BF595B51C7655E4869F3",
    "ef180d434490bf595b51c7655e4869f3",
    "ff9b0c5a-d629-1be3-9621-086e746b7280",
    " 800/1453/PAK-WI/2021 ",
    "800 / 1453  /pak-wi/2021",
    "Widyaiswara  Ahli\tMuda",
]


@pytest.mark.parametrize("kind", VALUE_KINDS)
def test_column_form_equals_value_form(kind: str) -> None:
    texts = [None if v is None else str(v) for v in WIRE_VALUES]
    frame = pl.DataFrame({"v": texts}, schema={"v": pl.String})
    column = frame.select(canonical_expr(kind, "v"))["v"].to_list()
    expected = [canonical_value(kind, None if v is None else str(v)) for v in WIRE_VALUES]
    assert column == expected


@pytest.mark.parametrize(
    ("kind", "value", "expected"),
    [
        ("date", "20-01-2024", "2024-01-20"),
        ("date", "2024-01-20", "2024-01-20"),
        ("date", "2021-04-01T00:00:00Z", "2021-04-01"),
        ("date", "01-01-0001", None),
        ("date", "", None),
        ("date", None, None),
        ("date", "31-02-2021", "31-02-2021"),
        ("decimal", "037.50", "37.5"),
        ("decimal", 37.5, "37.5"),
        ("decimal", "37.00", "37"),
        ("decimal", "0.5", "0.5"),
        ("int", "01", "1"),
        ("int", 280, "280"),
        ("int", "00", "0"),
        ("id", "ef180d434490bf595b51c7655e4869f3", "EF180D434490BF595B51C7655E4869F3"),
        ("id", "FF9B0C5A-D629-1BE3-9621-086E746B7280", "ff9b0c5a-d629-1be3-9621-086e746b7280"),
        ("key", " 800 / 1453 /pak-wi/2021", "800/1453/PAK-WI/2021"),
        ("text", " Widyaiswara  Ahli\tMuda ", "Widyaiswara Ahli Muda"),
        ("flag", "", "0"),
        ("flag", None, "0"),
        ("flag", "1", "1"),
        ("code", " 34 ", "34"),
    ],
)
def test_canonical_value(kind: str, value: object, expected: str | None) -> None:
    assert canonical_value(kind, value) == expected


def test_wire_date_writes_dd_mm_yyyy() -> None:
    from kontrak.normalize import wire_date

    assert wire_date("2024-01-20") == "20-01-2024"
    assert wire_date(None) == ""


def test_numbers_sent_as_numbers_equal_numbers_sent_as_text() -> None:
    assert canonical_value("decimal", 12.5) == canonical_value("decimal", "12.50")
    assert canonical_value("int", 2023) == canonical_value("int", "2023")


@pytest.mark.parametrize(
    ("wire", "canonical"),
    [
        ("rwJabatan", "rwJabatanId"),
        ("pns", "pnsId"),
        ("idPns", "pnsId"),
        ("pnsOrangId", "pnsId"),
        ("bulanSelesaiPenilaian", "bulanSelesaiPenailan"),
        ("noSertipikat", "nomorSertipikat"),
        ("jenisKursusSertifikat", "jenisKursusSertipikat"),
        ("nomorSk", "nomorSk"),
    ],
)
def test_canonical_key(wire: str, canonical: str) -> None:
    assert canonical_key(wire) == canonical
