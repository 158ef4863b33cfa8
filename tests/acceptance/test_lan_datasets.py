"""LAN datasets: one dataset for two SIASN save routes, and one record shape for both correction lists."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError
from tests.conftest import SAMPLES

from kontrak.contract import load_contract
from kontrak.references import load_reference_table
from kontrak.validation import validate_with_contract
from kontrak_models import model_for

PK = "pengembangan-kompetensi@1.0.0"
PK_VALID = SAMPLES / "pengembangan-kompetensi/1.0.0/valid/lan"


def _records() -> list[dict[str, Any]]:
    records: list[dict[str, Any]] = json.loads(
        (PK_VALID / "pengembangan-kompetensi-2024s1.json").read_text(encoding="utf-8")
    )
    return records


def _kursus() -> dict[str, Any]:
    return next(r for r in _records() if r["jalurSiasn"] == "kursus")


def _diklat() -> dict[str, Any]:
    return next(r for r in _records() if r["jalurSiasn"] == "diklat")


def _codes(tmp_path: Path, record: dict[str, Any]) -> list[tuple[str, str | None]]:
    path = tmp_path / "kiriman.json"
    path.write_text(json.dumps([record]), encoding="utf-8")
    report = validate_with_contract(load_contract(PK), [path])
    return [(v.code, v.pointer) for v in report.violations if v.severity == "error"]


def test_both_routes_are_in_the_valid_samples() -> None:
    assert {r["jalurSiasn"] for r in _records()} == {"kursus", "diklat"}


@pytest.mark.parametrize(
    ("route", "missing"),
    [("kursus", "tanggalKursus"), ("kursus", "jenisDiklatId"), ("diklat", "latihanStrukturalId")],
)
def test_each_route_requires_its_own_fields(tmp_path: Path, route: str, missing: str) -> None:
    record = _kursus() if route == "kursus" else _diklat()
    del record[missing]
    assert _codes(tmp_path, record) == [("missing-field", f"/0/{missing}")]
    with pytest.raises(ValidationError):  # the generated model agrees
        model_for(PK).model_validate(record)


def test_a_route_refuses_the_other_routes_fields(tmp_path: Path) -> None:
    kursus = {**_kursus(), "latihanStrukturalId": "3", "jenisKompetensi": "2"}
    assert sorted(_codes(tmp_path, kursus)) == [
        ("field-not-agreed", "/0/latihanStrukturalId"),
        ("value-not-allowed", "/0/jenisKompetensi"),
    ]
    diklat = {**_diklat(), "tahunKursus": 2024}
    assert _codes(tmp_path, diklat) == [("field-not-agreed", "/0/tahunKursus")]


def test_empty_text_of_the_other_route_is_accepted(tmp_path: Path) -> None:
    diklat = {**_diklat(), "instansiId": "", "jenisKursus": "", "lokasiId": ""}
    assert _codes(tmp_path, diklat) == []


def test_the_bulk_file_carries_both_routes_in_one_header() -> None:
    csv_text = (PK_VALID / "pengembangan-kompetensi-2024s1.csv").read_text(encoding="utf-8")
    header = csv_text.splitlines()[0].split(",")
    assert {"tanggalKursus", "tanggal", "jalurSiasn"} <= set(header)
    report = validate_with_contract(
        load_contract(PK), [PK_VALID / "pengembangan-kompetensi-2024s1.csv"]
    )
    assert report.valid


def test_loading_a_record_is_dropping_the_lan_fields() -> None:
    """What BKN posts to SIASN is the record minus LAN's own keys, typed as the save body wants."""
    lan_only = {
        "idSipka",
        "nipBaru",
        "jalurSiasn",
        "jenisPelatihanId",
        "programPelatihanId",
        "lembagaPelatihanId",
    }
    kursus_body = {k: v for k, v in _kursus().items() if k not in lan_only}
    assert isinstance(kursus_body["jumlahJam"], int)
    assert isinstance(kursus_body["tahunKursus"], int)
    assert isinstance(kursus_body["jenisDiklatId"], str)
    diklat_body = {k: v for k, v in _diklat().items() if k not in lan_only}
    assert {type(diklat_body[k]) for k in ("tahun", "jumlahJam", "bobot")} == {int}
    assert "pnsOrangId" in kursus_body
    assert "pnsOrangId" in diklat_body


def _constraints(schema: Mapping[str, Any]) -> dict[str, Any]:
    """The validation keywords of a field schema, without its texts and examples."""
    notes = {"title", "description", "examples"}
    return {k: v for k, v in schema.items() if k not in notes and not k.startswith("x-")}


def test_both_correction_lists_share_one_record_shape() -> None:
    lan = load_contract("perbaikan-data-lan@1.0.0")
    bkn = load_contract("perbaikan-data-bkn@1.0.0")
    assert list(lan.fields) == list(bkn.fields)
    for name, spec in lan.fields.items():
        other = bkn.fields[name]
        assert (spec.required, spec.personal, spec.classification) == (
            other.required,
            other.personal,
            other.classification,
        ), name
        if name != "pengaju":
            assert _constraints(spec.schema) == _constraints(other.schema), name
    assert lan.schema["properties"]["pengaju"]["enum"] == ["LAN"]
    assert bkn.schema["properties"]["pengaju"]["enum"] == ["BKN"]
    assert [r.rule for r in lan.rules] == [r.rule for r in bkn.rules]


def test_a_correction_list_entry_is_checked_against_the_corrected_contract(
    tmp_path: Path,
) -> None:
    entry = json.loads(
        (SAMPLES / "perbaikan-data-bkn/1.0.0/valid/bkn/perbaikan-bkn-2024s1.json").read_text(
            encoding="utf-8"
        )
    )[2]
    assert (entry["kontrak"], entry["kolom"]) == ("riwayat-pelatihan-jf@1.0.0", "jumlahJam")
    path = tmp_path / "perbaikan.jsonl"
    path.write_text(json.dumps({**entry, "nilaiBaru": "-4"}) + "\n", encoding="utf-8")
    report = validate_with_contract(load_contract("perbaikan-data-bkn@1.0.0"), [path])
    assert [(v.code, v.field, v.ctx.get("reason")) for v in report.violations] == [
        ("value-invalid-for-field", "nilaiBaru", "below-minimum")
    ]


# SIASN jenis diklat certificate letters (domain.md §5): F for functional, P for workshop,
# information session and seminar, T for every other type.
SIASN_LETTERS = {str(code): "T" for code in range(1, 26)} | {"2": "F", "4": "P", "7": "P", "9": "P"}


def test_lan_training_types_cover_every_siasn_type_once_with_its_letter() -> None:
    rows = load_reference_table("referensi-lan/jenis-pelatihan", "1.0.0").rows
    assert sorted(row["jenisDiklatId"] for row in rows) == sorted(SIASN_LETTERS)
    for row in rows:
        assert row["jenisKursusSertipikat"] == SIASN_LETTERS[row["jenisDiklatId"]], row["kode"]
        assert row["jalurSiasn"] == ("diklat" if row["jenisDiklatId"] == "1" else "kursus")


def test_leadership_programmes_map_to_pim_levels() -> None:
    table = load_reference_table("referensi-lan/program-pelatihan", "1.0.0")
    levels = {code: table.row_for("kode", code) for code in ("PKP", "PKA", "PKN-II", "PKN-I")}
    assert {code: row["latihanStrukturalId"] for code, row in levels.items() if row} == {
        "PKP": "2",
        "PKA": "3",
        "PKN-II": "4",
        "PKN-I": "5",
    }
    structural = {row["kode"] for row in table.rows if row["latihanStrukturalId"]}
    assert structural == set(levels)
