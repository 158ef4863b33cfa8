from __future__ import annotations

from pathlib import Path

import pytest

from kontrak.contract import load_contract
from kontrak.readers import InputProblem, LocatedRecord, UnreadableInputError, read_input
from kontrak.readers.csv_reader import cell_to_value, sniff_delimiter
from kontrak.readers.decoding import guess_encoding

CONTRACT = load_contract("riwayat-angka-kredit@1.0.0")
HEADER = "idSipka,nipBaru,id,pnsId,rwJabatanId,nomorSk,tanggalSk"


def _items(path: Path) -> list[LocatedRecord | InputProblem]:
    return list(read_input(path, CONTRACT).items)


def test_sniffs_comma_semicolon_and_tab() -> None:
    assert sniff_delimiter("a,b,c") == ","
    assert sniff_delimiter("a;b;c") == ";"
    assert sniff_delimiter("a\tb\tc") == "\t"
    assert sniff_delimiter("single") == ","


def test_csv_with_bom_and_semicolons(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_bytes(
        (
            "\ufeff" + HEADER.replace(",", ";") + "\nA-1;198403142009122987;;;;SK 1;20-01-2024\n"
        ).encode()
    )
    records = [i for i in _items(path) if isinstance(i, LocatedRecord)]
    assert records[0].value["idSipka"] == "A-1"
    assert records[0].value["id"] == ""  # the field accepts "" on the wire
    assert records[0].row == 2


def test_csv_empty_cell_of_a_field_without_empty_form_is_absent(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text(HEADER + "\nA-1,,,,,SK 1,20-01-2024\n", encoding="utf-8")
    record = next(i for i in _items(path) if isinstance(i, LocatedRecord))
    assert "nipBaru" not in record.value


def test_csv_missing_columns_are_reported_once_at_the_header(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text(HEADER + "\nA-1,198403142009122987,,,,SK 1,20-01-2024\n", encoding="utf-8")
    problems = [i for i in _items(path) if isinstance(i, InputProblem)]
    assert {p.field for p in problems if p.code == "missing-field"} >= {
        "tahunMulaiPenailan",
        "kreditBaruTotal",
    }
    assert all(p.row == 1 for p in problems)


def test_not_utf8_names_the_likely_encoding(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_bytes(
        (HEADER + "\nA-1,198403142009122987,,,,SK – revisi,20-01-2024\n").encode("cp1252")
    )
    with pytest.raises(UnreadableInputError) as caught:
        _items(path)
    assert caught.value.problem.code == "not-utf8"
    assert caught.value.problem.ctx["encoding"] == "WINDOWS-1252"
    assert caught.value.problem.line == 2


def test_guess_encoding_sees_utf16() -> None:
    assert guess_encoding("abc".encode("utf-16")) in ("UTF-16LE", "UTF-16BE")


def test_json_envelope_forms(tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    path.write_text('{"code": "1", "data": {"idSipka": "A"}}', encoding="utf-8")
    (record,) = _items(path)
    assert isinstance(record, LocatedRecord)
    assert record.pointer == "/data"
    path.write_text('{"code": 0, "data": "Data tidak ditemukan"}', encoding="utf-8")
    (problem,) = _items(path)
    assert isinstance(problem, InputProblem)
    assert (problem.code, problem.severity) == ("data-not-found", "info")


@pytest.mark.parametrize(
    "document",
    ['{"code": true, "data": []}', '{"code": false, "data": "Data tidak ditemukan"}'],
)
def test_json_envelope_code_true_or_false_is_not_a_siasn_code(
    tmp_path: Path, document: str
) -> None:
    path = tmp_path / "x.json"
    path.write_text(document, encoding="utf-8")
    (problem,) = _items(path)
    assert isinstance(problem, InputProblem)
    assert (problem.code, problem.pointer) == ("invalid-envelope", "/code")


def test_duplicate_keys_are_found_in_nested_objects(tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    path.write_text('[{"a": 1, "path": [{"dok_id": "1", "dok_id": "2"}]}]', encoding="utf-8")
    (record,) = _items(path)
    assert isinstance(record, LocatedRecord)
    assert record.duplicate_keys == (("/path/0", "dok_id"),)


def test_jsonl_bad_line_does_not_stop_the_file(tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl"
    path.write_text('{"a": 1}\n{"a": \n\n{"a": 3}\n', encoding="utf-8")
    items = _items(path)
    assert [type(i).__name__ for i in items] == ["LocatedRecord", "InputProblem", "LocatedRecord"]
    assert items[1].line == 2  # type: ignore[union-attr]
    assert items[2].line == 4  # type: ignore[union-attr]


@pytest.mark.parametrize("cell", ["--5", "-", "5-3", "1.0", "+5"])
def test_csv_integer_cell_that_is_no_integer_stays_text(cell: str) -> None:
    contract = load_contract("pengembangan-kompetensi@1.0.0")
    assert cell_to_value(cell, contract.fields["jumlahJam"]) == cell
    assert cell_to_value("-12", contract.fields["jumlahJam"]) == -12


@pytest.mark.parametrize(
    "document",
    [
        '{"Error": "Unauthorized", "Message": "token expired"}',
        '{"success": false, "message": "NIP tidak ditemukan"}',
    ],
)
def test_an_error_answer_is_one_envelope_problem(tmp_path: Path, document: str) -> None:
    path = tmp_path / "galat.json"
    path.write_text(document, encoding="utf-8")
    (problem,) = _items(path)
    assert isinstance(problem, InputProblem)
    assert problem.code == "invalid-envelope"
