"""Excel workbooks: rows located like CSV rows, cells typed by the contract, damage reported."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from tests.support.xlsx_files import write_xlsx

from kontrak.contract import load_contract
from kontrak.readers import InputProblem, LocatedRecord, UnreadableInputError, read_input
from kontrak.readers.excel_reader import excel_cell_to_value, excel_number_text
from kontrak.validation import validate_with_contract

CONTRACT = load_contract("riwayat-angka-kredit@1.0.0")
HEADER = [
    "idSipka", "nipBaru", "id", "pnsId", "rwJabatanId", "nomorSk", "tanggalSk",
    "bulanMulaiPenailan", "tahunMulaiPenailan", "bulanSelesaiPenailan", "tahunSelesaiPenailan",
    "kreditUtamaBaru", "kreditPenunjangBaru", "kreditBaruTotal", "isAngkaKreditPertama",
    "isIntegrasi", "isKonversi",
]  # fmt: skip


def _row(**changes: Any) -> list[Any]:
    base: dict[str, Any] = {
        "idSipka": "AK-1", "nipBaru": "198403142009122987", "id": "", "pnsId": "",
        "rwJabatanId": "", "nomorSk": "SK 1", "tanggalSk": "20-01-2024", "bulanMulaiPenailan": 1,
        "tahunMulaiPenailan": 2023, "bulanSelesaiPenailan": 12, "tahunSelesaiPenailan": 2023,
        "kreditUtamaBaru": 20, "kreditPenunjangBaru": 5.5, "kreditBaruTotal": 25.5,
        "isAngkaKreditPertama": "0", "isIntegrasi": "0", "isKonversi": "1",
    }  # fmt: skip
    base.update(changes)
    return [base[name] for name in HEADER]


def _items(path: Path) -> list[LocatedRecord | InputProblem]:
    return list(read_input(path, CONTRACT).items)


def test_numbers_in_text_fields_read_as_excel_shows_them() -> None:
    assert excel_number_text(7) == "7"
    assert excel_number_text(46.5) == "46.5"
    assert excel_number_text(2023.0) == "2023"
    assert excel_number_text(0.1 + 0.2) == "0.3"
    assert excel_number_text(1.98403142009123e17) == "1.98403142009123e+17"


def test_rows_are_located_like_csv_rows_and_typed_by_the_contract(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "x.xlsx", [HEADER, _row(), [None] * 3, _row(idSipka="AK-2")])
    records = [i for i in _items(path) if isinstance(i, LocatedRecord)]
    assert [(r.row, r.index) for r in records] == [(2, 0), (4, 2)]  # the empty row 3 is skipped
    assert records[0].value["bulanMulaiPenailan"] == "1"
    assert records[0].value["kreditPenunjangBaru"] == "5.5"
    assert records[0].value["id"] == ""
    assert validate_with_contract(CONTRACT, [path]).exit_code == 0


def test_nip_typed_as_a_number_is_reported_as_scientific(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "x.xlsx", [HEADER, _row(nipBaru=198403142009122987.0)])
    report = validate_with_contract(CONTRACT, [path])
    found = [v for v in report.violations if v.severity != "info"]  # info: foreign key unchecked
    ((code, row, field),) = [(v.code, v.row, v.field) for v in found]
    assert (code, row, field) == ("number-as-scientific", 2, "nipBaru")
    assert report.exit_code == 1
    assert "1984031420091" not in (found[0].value or "")  # masked


def test_code_that_lost_leading_zeros(tmp_path: Path) -> None:
    eselon = load_contract("referensi-bkn/eselon@1.0.0")
    path = write_xlsx(tmp_path / "x.xlsx", [["id", "nama", "jabatanAsn"], [1, "I.a", "JPT"]])
    report = validate_with_contract(eselon, [path])
    assert [(v.code, v.field) for v in report.violations] == [("leading-zeros-lost", "id")]


def test_date_cells_are_read_in_the_contract_form_with_one_warning(tmp_path: Path) -> None:
    day = dt.datetime(2024, 1, 20)
    path = write_xlsx(
        tmp_path / "x.xlsx", [HEADER, _row(tanggalSk=day), _row(idSipka="AK-2", tanggalSk=day)]
    )
    items = _items(path)
    records = [i for i in items if isinstance(i, LocatedRecord)]
    assert {r.value["tanggalSk"] for r in records} == {"20-01-2024"}
    report = validate_with_contract(CONTRACT, [path])
    assert [(v.code, v.severity, v.row) for v in report.violations if v.severity != "info"] == [
        ("excel-date-cell", "warning", 2)
    ]
    assert report.exit_code == 0
    spec = CONTRACT.fields["tanggalSk"]
    assert excel_cell_to_value(dt.datetime(2024, 1, 20, 13, 5), spec) == (
        "2024-01-20 13:05:00",
        False,
    )


def test_cells_right_of_the_header_make_a_row_too_long(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "x.xlsx", [HEADER, [*_row(), None, "catatan"]])
    (problem,) = [i for i in _items(path) if isinstance(i, InputProblem)]
    assert (problem.code, problem.row, problem.ctx) == (
        "row-length-mismatch",
        2,
        {"actual": len(HEADER) + 2, "expected": len(HEADER)},
    )


def test_header_problems_are_reported_at_row_one(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "x.xlsx", [[*HEADER[:-1], "nilaiSkp"], [*_row()[:-1], "90"]])
    problems = [(i.code, i.row, i.field) for i in _items(path) if isinstance(i, InputProblem)]
    assert ("field-not-agreed", 1, "nilaiSkp") in problems
    assert ("missing-field", 1, "isKonversi") in problems


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"", "empty-file"),
        (b"idSipka,nipBaru\nAK-1,1\n", "invalid-xlsx"),
        (b"PK\x03\x04truncated", "invalid-xlsx"),
    ],
)
def test_broken_workbooks_are_unreadable(tmp_path: Path, content: bytes, code: str) -> None:
    path = tmp_path / "x.xlsx"
    path.write_bytes(content)
    with pytest.raises(UnreadableInputError) as caught:
        _items(path)
    assert caught.value.problem.code == code


def test_empty_sheet_and_missing_header(tmp_path: Path) -> None:
    empty = write_xlsx(tmp_path / "empty.xlsx", [])
    with pytest.raises(UnreadableInputError) as caught:
        _items(empty)
    assert caught.value.problem.code == "empty-file"
    headless = write_xlsx(tmp_path / "headless.xlsx", [[None, None], ["AK-1", "x"]])
    with pytest.raises(UnreadableInputError) as caught:
        _items(headless)
    assert (caught.value.problem.code, caught.value.problem.row) == ("missing-header", 1)


@pytest.mark.parametrize(
    ("content", "id_text", "en_text"),
    [
        (b"idSipka;nipBaru\nAK-1;198403142009122987\n", "--input-format csv", "rename it to .csv"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), ".xls lama", "old .xls workbook"),
    ],
)
def test_a_workbook_in_disguise_is_named(
    tmp_path: Path, content: bytes, id_text: str, en_text: str
) -> None:
    path = tmp_path / "kiriman.xlsx"
    path.write_bytes(content)
    report = validate_with_contract(CONTRACT, [path])
    (violation,) = [v for v in report.violations if v.code == "invalid-xlsx"]
    assert id_text in violation.message("id")
    assert en_text in violation.message("en")
