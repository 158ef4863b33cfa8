"""The derived Table Schema says what a bulk file may be, as the kontrak CSV reader reads it."""

from __future__ import annotations

from typing import Any

from kontrak.contract import load_contract
from kontrak.derive.table_schema import table_schema_for


def _field(spec: str, name: str) -> dict[str, Any]:
    fields = table_schema_for(load_contract(spec))["fields"]
    field: dict[str, Any] = next(f for f in fields if f["name"] == name)
    return field


def test_columns_are_matched_by_name_and_closed() -> None:
    assert table_schema_for(load_contract("siasn-rw-kursus@1.0.0"))["fieldsMatch"] == "superset"


def test_required_column_whose_value_may_be_empty_keeps_the_empty_cell_as_a_value() -> None:
    nik = _field("siasn-data-utama@1.0.0", "nik")  # required key, "" when SIASN has no NIK
    assert nik["missingValues"] == []
    assert nik["constraints"]["required"] is True
    code = _field("siasn-rw-kursus@1.0.0", "jenisDiklatId")  # required, "" in legacy rows
    assert "" in code["constraints"]["enum"]


def test_required_column_that_is_never_empty_has_the_default_missing_values() -> None:
    nip = _field("siasn-rw-kursus@1.0.0", "nipBaru")
    assert "missingValues" not in nip
    assert nip["constraints"]["required"] is True


def test_optional_column_is_not_required() -> None:
    nip_lama = _field("siasn-rw-kursus@1.0.0", "nipLama")
    assert "required" not in nip_lama.get("constraints", {})
    assert "missingValues" not in nip_lama


def test_custom_date_formats_are_annotated() -> None:
    assert _field("siasn-rw-golongan@1.0.0", "tmtGolongan")["x-format"] == "tanggal-dmy-atau-iso"
    assert _field("siasn-rw-golongan@1.0.0", "skTanggal")["x-format"] == "tanggal-dmy"
