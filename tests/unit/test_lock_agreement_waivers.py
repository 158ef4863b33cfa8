"""`kontrak check` on evolution: the lock, agreement documents, waivers, bumps, deprecation."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import REPO
from tests.evolution_kit import ContractLab

from kontrak.evolution.checks import evolution_issues
from kontrak.evolution.lock import read_lock, released_entries, render_lock

LAN = "riwayat-angka-kredit"
WAIVER = """waivers:
  - rule: enum-value-removed
    dataset: riwayat-angka-kredit
    from: 1.1.0
    to: 1.2.0
    path: /properties/isKonversi
    justification:
      id: Nilai kosong tidak pernah dikirim SIPKA sejak 2023 menurut laporan validasi.
      en: SIPKA has not sent the empty value since 2023 according to validation reports.
    approved-by: [LAN, BKN]
"""


@pytest.fixture
def lab(tmp_path: Path) -> ContractLab:
    return ContractLab(tmp_path)


def _issues(lab: ContractLab) -> list[tuple[str, str, str]]:
    return list(evolution_issues(lab.catalog(), sources_ok=True))


def _checks(lab: ContractLab) -> set[str]:
    return {check for check, _, _ in _issues(lab)}


def _narrow_enum(schema: dict[str, Any]) -> None:
    field = schema["properties"]["isKonversi"]
    del field["$ref"]
    field.update({"type": "string", "enum": ["1", "0"]})


def test_repository_evolution_is_consistent() -> None:
    from kontrak.catalog import load_catalog

    assert list(evolution_issues(load_catalog(REPO / "contracts"), sources_ok=True)) == []


def test_released_parts_are_own_files_and_used_shared_definitions(lab: ContractLab) -> None:
    files = released_entries(lab.catalog())
    both = {f"{LAN}@1.0.0", "siasn-rw-angkakredit@1.0.0"}
    assert files["_shared/1.0.0/defs.json#/$defs/nipBaru"] >= both
    assert f"{LAN}@1.0.0" in files["_shared/1.0.0/defs.json#/$defs/dokumenDaftar"]
    assert files["_shared/1.0.0/defs.json#/$defs/dokumen"] >= both  # reached through another def
    assert "_shared/1.0.0/defs.json#/$defs/pnsIdAtauKosong" in files
    assert "_shared/1.0.0/defs.json" not in files
    assert f"{LAN}/1.0.0/schema.json" in files
    assert not any(path.endswith("table-schema.json") for path in files)
    assert not any("/1.1.0/" in path or "/2.0.0/" in path for path in files)  # drafts


def test_lock_round_trips(lab: ContractLab) -> None:
    lock = read_lock(lab.root)
    assert render_lock(lock) == (lab.root / "released.lock").read_text(encoding="utf-8")
    assert all(len(digest) == 64 for digest in lock.values())


def test_editing_a_released_contract_names_the_fix(lab: ContractLab) -> None:
    path = lab.root / LAN / "1.0.0/schema.json"
    path.write_text(path.read_text(encoding="utf-8").replace("Nomor SK PAK", "No. SK PAK"))
    (issue,) = [i for i in _issues(lab) if i[0] == "released-lock"]
    assert issue[1] == f"contracts/{LAN}/1.0.0/schema.json"
    assert "frozen" in issue[2]
    assert "new version" in issue[2]


def test_editing_shared_definitions_of_a_release_is_caught(lab: ContractLab) -> None:
    path = lab.root / "_shared/1.0.0/defs.json"
    path.write_text(path.read_text(encoding="utf-8").replace("{18}", "{17}"))
    (issue,) = [i for i in _issues(lab) if i[0] == "released-lock"]
    assert issue[1] == "contracts/_shared/1.0.0/defs.json#/$defs/nipBaru"
    assert "add a new definition" in issue[2]


def test_adding_a_shared_definition_leaves_releases_alone(lab: ContractLab) -> None:
    path = lab.root / "_shared/1.0.0/defs.json"
    defs = json.loads(path.read_text(encoding="utf-8"))
    defs["$defs"]["agamaId"] = {"type": "string", "enum": ["1", "2", "3", "4", "5", "6", "7"]}
    path.write_text(json.dumps(defs, indent=1), encoding="utf-8")  # reformatted too
    assert [i for i in _issues(lab) if i[0] == "released-lock"] == []


def test_releasing_a_version_needs_a_lock_entry_and_a_signed_document(lab: ContractLab) -> None:
    lab.edit_catalog(lambda c: c["datasets"][LAN]["versions"]["1.1.0"].update(status="active"))
    messages = [(check, message) for check, _, message in _issues(lab)]
    assert any(c == "released-lock" and "kontrak lock" in m for c, m in messages)
    assert any(c == "agreement" and "signed" in m for c, m in messages)


def test_status_back_to_draft_leaves_a_stale_lock_entry(lab: ContractLab) -> None:
    lab.edit_catalog(lambda c: c["datasets"][LAN]["versions"]["1.0.0"].update(status="draft"))
    assert any("draft" in m for c, _, m in _issues(lab) if c == "released-lock")


def test_major_version_needs_an_amendment(lab: ContractLab) -> None:
    lab.edit_catalog(
        lambda c: c["datasets"]["siasn-rw-angkakredit"]["versions"]["2.0.0"].update(
            {"introduced-by": "adendum-1-konversi-2023"}
        )
    )
    assert any("amendment" in m for c, _, m in _issues(lab) if c == "agreement")


def test_unknown_document_and_malformed_agreement(lab: ContractLab) -> None:
    lab.edit_catalog(
        lambda c: c["datasets"][LAN]["versions"]["1.1.0"].update({"introduced-by": "nope"})
    )
    assert "agreement" in _checks(lab)
    agreement = lab.root / "agreement.yaml"
    agreement.write_text(
        agreement.read_text(encoding="utf-8").replace("kind: adendum", "kind: memo")
    )
    assert any("memo" in m for c, _, m in _issues(lab) if c == "agreement")


def test_narrowing_an_enum_in_a_minor_fails_the_bump_rule(lab: ContractLab) -> None:
    lab.add_version(LAN, "1.1.0", "1.2.0", _narrow_enum)
    (issue,) = [i for i in _issues(lab) if i[0] == "version-bump"]
    assert issue[1] == f"contracts/{LAN}/1.2.0"
    assert "enum-value-removed /properties/isKonversi/enum" in issue[2]
    assert "major" in issue[2]
    assert "2.0.0" in issue[2]
    assert "compat-waivers.yaml" in issue[2]


def test_a_reviewed_waiver_accepts_the_change_and_a_stale_one_fails(lab: ContractLab) -> None:
    lab.add_version(LAN, "1.1.0", "1.2.0", _narrow_enum)
    lab.write("compat-waivers.yaml", WAIVER)
    assert "version-bump" not in _checks(lab)
    lab.write("compat-waivers.yaml", WAIVER.replace("1.2.0", "1.3.0"))
    checks = [(c, m) for c, _, m in _issues(lab)]
    assert any(c == "waivers" and "matches no change" in m for c, m in checks)
    assert any(c == "version-bump" for c, _ in checks)


def test_waiver_file_is_schema_checked(lab: ContractLab) -> None:
    lab.add_version(LAN, "1.1.0", "1.2.0", _narrow_enum)
    lab.write("compat-waivers.yaml", WAIVER.replace("approved-by: [LAN, BKN]", "approved-by: []"))
    assert any("approved-by" in m for c, _, m in _issues(lab) if c == "waivers")


def test_additive_change_needs_a_minor_and_docs_a_patch(lab: ContractLab) -> None:
    def add_field(schema: dict[str, Any]) -> None:
        schema["properties"]["catatan"] = {
            **schema["properties"]["nomorSk"],
            "x-personal": False,
        }

    lab.add_version(LAN, "1.1.0", "1.1.1", add_field)
    (issue,) = [m for c, _, m in _issues(lab) if c == "version-bump"]
    assert "minor" in issue
    assert "property-added" in issue


def test_identical_new_version_is_reported(lab: ContractLab) -> None:
    lab.add_version(LAN, "1.1.0", "1.1.1", lambda s: None)
    assert any("identical" in m for c, _, m in _issues(lab) if c == "version-bump")


def test_deprecated_field_must_be_optional_and_name_a_real_replacement(lab: ContractLab) -> None:
    def deprecate(schema: dict[str, Any]) -> None:
        schema["properties"]["nomorSk"]["x-deprecated"] = {
            "since": "1.2.0",
            "removed-after": "2027-01-01",
            "replaced-by": "nomorSurat",
        }

    lab.add_version(LAN, "1.1.0", "1.2.0", deprecate)
    messages = [m for c, _, m in _issues(lab) if c == "deprecation"]
    assert any("required" in m for m in messages)
    assert any("nomorSurat" in m for m in messages)


def test_retired_version_needs_until(lab: ContractLab) -> None:
    lab.edit_catalog(lambda c: c["datasets"][LAN]["versions"]["1.0.0"].update(status="retired"))
    assert "lifecycle" in _checks(lab)


def test_lock_file_lists_exactly_the_released_parts() -> None:
    from kontrak.catalog import load_catalog

    lock = read_lock(REPO / "contracts")
    assert set(lock) == set(released_entries(load_catalog(REPO / "contracts")))


def test_the_waivers_file_in_the_repository_is_empty() -> None:
    text = (REPO / "contracts/compat-waivers.yaml").read_text(encoding="utf-8")
    assert "waivers: []" in text
