"""BKN → LAN contracts hold SIASN responses as the wire sends them (domain.md §1–5).

A full data-utama response validates with a warning per field outside the agreement (Pasal 9)
and is clean once stripped; the broken variants of the issue fail with located errors.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.conftest import SAMPLES

from kontrak.contract import load_contract
from kontrak.strip import strip_file
from kontrak.validation import ValidateOptions, validate

UTAMA = SAMPLES / "siasn-data-utama/1.0.0"
FULL_RESPONSE = UTAMA / "invalid/bkn/data.field-not-agreed.json"
SIASN_DATASETS = [
    "siasn-data-utama",
    "siasn-rw-jabatan",
    "siasn-rw-diklat",
    "siasn-rw-kursus",
    "siasn-rw-golongan",
    "siasn-rw-pendidikan",
]


def test_full_data_utama_response_is_valid_with_a_warning_per_field_not_agreed() -> None:
    report = validate("siasn-data-utama", [FULL_RESPONSE])
    assert report.exit_code == 0
    codes = {(v.code, v.severity) for v in report.violations}
    assert codes == {("field-not-agreed", "warning")}
    agreed = set(load_contract("siasn-data-utama").fields)
    sent = set(json.loads(FULL_RESPONSE.read_text(encoding="utf-8"))["data"])
    assert {v.field for v in report.violations} == sent - agreed


def test_stripped_full_response_is_the_agreed_profile(tmp_path: Path) -> None:
    target = tmp_path / "bersih.json"
    result = strip_file(load_contract("siasn-data-utama"), FULL_RESPONSE, target)
    assert result.dropped["email"] == 1
    assert validate("siasn-data-utama", [target]).violations == []
    clean = json.loads((UTAMA / "valid/bkn/data-utama-198403142009122987.json").read_text("utf-8"))
    assert json.loads(target.read_text(encoding="utf-8")) == clean


def test_every_field_not_agreed_has_a_stated_reason() -> None:
    schema = load_contract("siasn-data-utama").schema
    groups = schema["x-not-agreed"]
    listed = [name for group in groups for name in group["fields"]]
    assert len(listed) == len(set(listed)), "a field is listed twice"
    assert not set(listed) & set(schema["properties"]), "a field is both agreed and not agreed"
    sent = set(json.loads(FULL_RESPONSE.read_text(encoding="utf-8"))["data"])
    assert sent - set(schema["properties"]) <= set(listed)
    assert all(group["reason"] and group["reason-en"] for group in groups)


def test_every_agreed_data_utama_field_states_why() -> None:
    for spec in load_contract("siasn-data-utama").fields.values():
        assert "Disepakati (Pasal 9)" in spec.description, spec.name
        assert "Agreed (Article 9)" in spec.description_en, spec.name


@pytest.mark.parametrize("dataset", SIASN_DATASETS)
def test_not_found_answer_is_valid_and_holds_no_record(dataset: str) -> None:
    stem = dataset.removeprefix("siasn-")
    report = validate(dataset, [SAMPLES / dataset / f"1.0.0/valid/bkn/{stem}-tidak-ditemukan.json"])
    assert report.exit_code == 0
    assert [v.code for v in report.violations] == ["data-not-found"]
    assert report.files[0].records == 0


@pytest.mark.parametrize("dataset", SIASN_DATASETS)
def test_broken_variants_fail_with_located_errors(dataset: str) -> None:
    """17-digit NIPs, numbers where SIASN sends text, bad dates, missing ids, codes out of range."""
    invalid = SAMPLES / dataset / "1.0.0/invalid/bkn"
    kinds = {"pattern-mismatch": False, "wrong-type": False, "invalid-date": False}
    for path in invalid.glob("*.json"):
        for code in kinds:
            if f".{code}." in path.name:
                report = validate(dataset, [path])
                assert report.exit_code == 1, path.name
                assert all(v.pointer for v in report.violations if v.code == code), path.name
                kinds[code] = True
    assert all(kinds.values()), f"{dataset}: no envelope sample for {kinds}"
    names = [p.name for p in invalid.iterdir()]
    assert any(".nipBaru.pattern-mismatch." in n for n in names)
    assert any(n.endswith(".missing-field.json") or ".id.missing-field." in n for n in names)
    assert any(".value-not-allowed." in n or ".unknown-code." in n for n in names)


@pytest.mark.parametrize("dataset", SIASN_DATASETS)
def test_generated_model_loads_the_response_and_keeps_the_wire_keys(dataset: str) -> None:
    from kontrak_models import model_for

    model = model_for(f"{dataset}@1.0.0")
    (sample,) = [
        p
        for p in (SAMPLES / dataset / "1.0.0/valid/bkn").glob("*.json")
        if "tidak-ditemukan" not in p.name
    ]
    data = json.loads(sample.read_text(encoding="utf-8"))["data"]
    for record in data if isinstance(data, list) else [data]:
        loaded = model.model_validate(record)
        assert loaded.model_dump(mode="json", exclude_unset=True) == record


@pytest.mark.parametrize("engine", ["fast", "reference"])
@pytest.mark.parametrize("value", [34, None])
def test_a_code_of_the_wrong_type_is_one_error_not_also_an_enum_miss(
    tmp_path: Path, engine: str, value: object
) -> None:
    """`golonganId: 34` (a number where SIASN sends the text "34") is one `wrong-type` error."""
    source = SAMPLES / "siasn-rw-golongan/1.0.0/valid/bkn/rw-golongan-2024s1.jsonl"
    record = json.loads(source.read_text(encoding="utf-8").splitlines()[0])
    record["golonganId"] = value
    path = tmp_path / "golongan.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    report = validate("siasn-rw-golongan", [path], ValidateOptions(engine=engine))
    found = [(v.code, v.pointer) for v in report.violations if v.severity == "error"]
    assert found == [("wrong-type", "/golonganId")]
