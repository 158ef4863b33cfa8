"""Spreadsheet damage gets its own code on CSV and Excel cells, and only there."""

from __future__ import annotations

from pathlib import Path

import pytest

from kontrak.contract import load_contract
from kontrak.engine.findings import Finding
from kontrak.engine.spreadsheet_hints import date_shape, refine_spreadsheet_finding
from kontrak.validation import validate_with_contract

LAN = load_contract("riwayat-angka-kredit@1.0.0")
ESELON = load_contract("referensi-bkn/eselon@1.0.0")
HEADER = (
    "idSipka,nipBaru,id,pnsId,rwJabatanId,nomorSk,tanggalSk,bulanMulaiPenailan,"
    "tahunMulaiPenailan,bulanSelesaiPenailan,tahunSelesaiPenailan,kreditUtamaBaru,"
    "kreditPenunjangBaru,kreditBaruTotal,isAngkaKreditPertama,isIntegrasi,isKonversi"
)


def _finding(code: str, field: str, value: str, **ctx: str) -> Finding:
    return Finding(code=code, parts=(field,), field=field, value=value, has_value=True, ctx=ctx)


@pytest.mark.parametrize(
    ("field", "value", "code", "expected"),
    [
        ("nipBaru", "1.98403E+17", "pattern-mismatch", "number-as-scientific"),
        ("nipBaru", "1,98403E+17", "pattern-mismatch", "number-as-scientific"),
        ("tanggalSk", "2024-01-20", "invalid-date", "date-retyped"),
        ("tanggalSk", "1/20/2024", "invalid-date", "date-retyped"),
        ("tanggalSk", "20/01/2024", "invalid-date", "date-retyped"),
        ("tanggalSk", "45311", "invalid-date", "date-retyped"),
        ("tanggalSk", "31-02-2024", "invalid-date", "invalid-date"),  # a wrong date stays one
        ("kreditBaruTotal", "37,5", "pattern-mismatch", "decimal-comma"),
        ("kreditBaruTotal", "1.234,5", "pattern-mismatch", "decimal-comma"),
        ("pnsId", "123", "pattern-mismatch", "pattern-mismatch"),  # 29 zeros: not a lost zero
        ("nipBaru", "19840314200912298", "pattern-mismatch", "pattern-mismatch"),  # a typo
        ("pnsId", "12A", "pattern-mismatch", "pattern-mismatch"),
        ("kreditBaruTotal", "37,5,1", "pattern-mismatch", "pattern-mismatch"),
        ("nomorSk", "x" * 101, "too-long", "too-long"),
    ],
)
def test_damage_signatures(field: str, value: str, code: str, expected: str) -> None:
    refined = refine_spreadsheet_finding(_finding(code, field, value, expected="x"), LAN)
    assert refined.code == expected
    assert (refined.parts, refined.value) == ((field,), value)


def test_one_lost_leading_zero_of_a_code() -> None:
    finding = _finding("pattern-mismatch", "id", "1", expected="^[0-9]{2}$")
    refined = refine_spreadsheet_finding(finding, ESELON)
    assert (refined.code, refined.ctx) == ("leading-zeros-lost", {"expected": "^[0-9]{2}$"})


def test_date_hint_names_the_shape_seen_and_the_form_wanted() -> None:
    refined = refine_spreadsheet_finding(_finding("invalid-date", "tanggalSk", "1/20/2024"), LAN)
    assert refined.ctx == {"seen": "M/D/YYYY, D/M/YYYY", "expected": "DD-MM-YYYY"}
    assert date_shape("2024-01-20 00:00:00") == "YYYY-MM-DD hh:mm:ss"
    assert date_shape("hello") is None


def test_wrong_type_and_missing_field_are_left_alone() -> None:
    missing = Finding(code="missing-field", parts=("nipBaru",), field="nipBaru")
    assert refine_spreadsheet_finding(missing, LAN) is missing
    nested = Finding(
        code="pattern-mismatch", parts=("path", 0, "dok_id"), value="1E+5", has_value=True
    )
    assert refine_spreadsheet_finding(nested, LAN) is nested


def _csv(tmp_path: Path, name: str, rows: list[str]) -> Path:
    path = tmp_path / name
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return path


def test_csv_cells_get_the_hint_but_json_values_do_not(tmp_path: Path) -> None:
    row = "AK-1,1.98403E+17,,,,SK 1,2024-01-20,1,2023,12,2023,20,5,25,0,0,1"
    report = validate_with_contract(LAN, [_csv(tmp_path, "x.csv", [row])])
    assert sorted(v.code for v in report.violations if v.severity != "info") == [
        "date-retyped",
        "number-as-scientific",
    ]
    json_path = tmp_path / "x.json"
    json_path.write_text(
        '{"idSipka": "AK-1", "nipBaru": "1.98403E+17", "id": "", "pnsId": "", "rwJabatanId": "",'
        ' "nomorSk": "SK 1", "tanggalSk": "2024-01-20", "bulanMulaiPenailan": "1",'
        ' "tahunMulaiPenailan": "2023", "bulanSelesaiPenailan": "12",'
        ' "tahunSelesaiPenailan": "2023", "kreditUtamaBaru": "20", "kreditPenunjangBaru": "5",'
        ' "kreditBaruTotal": "25", "isAngkaKreditPertama": "0", "isIntegrasi": "0",'
        ' "isKonversi": "1"}',
        encoding="utf-8",
    )
    report = validate_with_contract(LAN, [json_path])
    assert sorted(v.code for v in report.violations if v.severity != "info") == [
        "invalid-date",
        "pattern-mismatch",
    ]


def test_hint_keeps_the_verdict_and_the_counts(tmp_path: Path) -> None:
    row = "AK-1,198403142009122987,,,,SK 1,20-01-2024,1,2023,12,2023,20,5,25,0,0,1"
    damaged = row.replace(",25,", ",25,5,").replace(",5,25,5,", ',5,"25,5",')
    report = validate_with_contract(LAN, [_csv(tmp_path, "y.csv", [damaged])])
    found = [v for v in report.violations if v.severity != "info"]  # info: foreign key unchecked
    assert [v.code for v in found] == ["decimal-comma"]
    assert report.exit_code == 1
    assert report.counts_by_severity["error"] == 1
    assert "decimal point" in found[0].message("en")
