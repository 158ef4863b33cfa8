"""The agreement metadata: checked against its schema, dates computed, extensions counted."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
import yaml
from tests.conftest import REPO

from kontrak.agreement import load_agreement
from kontrak.exceptions import ContractError

BASE = "pks-lan-bkn-2022"


def _copy(tmp_path: Path) -> Path:
    shutil.copytree(REPO / "contracts", tmp_path / "contracts")
    return tmp_path / "contracts"


def _edit(root: Path, change: dict[str, object]) -> None:
    path = root / "agreement.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["documents"].update(change)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def test_repository_agreement_loads() -> None:
    agreement = load_agreement(REPO / "contracts")
    base = agreement.document(BASE)
    assert base.signed == dt.date(2022, 6, 8)
    assert base.numbers == {"LAN": "25/S.1/HKM.03.2", "BKN": "16/HM.05.01/2022"}
    assert agreement.initial_term_end(BASE) == dt.date(2024, 6, 8)
    assert agreement.extension_deadline(BASE) == dt.date(2024, 3, 8)
    assert agreement.parties["LAN"].system == "SIPKA"
    assert agreement.parties["BKN"].contact.email == "pdpik@bkn.go.id"
    assert sorted(agreement.articles) == list(range(1, 14))


def test_every_catalog_basis_has_a_summary(catalog) -> None:  # type: ignore[no-untyped-def]
    agreement = load_agreement(REPO / "contracts")
    for entry in catalog.datasets.values():
        for short in entry.basis:
            assert short in agreement.provisions, (entry.id, short)


def test_extension_moves_the_end_and_the_deadline(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    _edit(
        root,
        {
            "perpanjangan-1": {
                "kind": "perpanjangan",
                "title": {"id": "Perpanjangan", "en": "Extension"},
                "numbers": {"LAN": "1", "BKN": "2"},
                "signed": "2024-02-01",
                "extends": BASE,
                "valid-until": "2026-05-31",
            }
        },
    )
    agreement = load_agreement(root)
    assert [d.id for d in agreement.extensions(BASE)] == ["perpanjangan-1"]
    assert agreement.term_end(BASE) == dt.date(2026, 5, 31)
    assert agreement.extension_deadline(BASE) == dt.date(2026, 2, 28)


def test_an_extension_without_its_end_date_is_refused(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    _edit(
        root,
        {
            "perpanjangan-1": {
                "kind": "perpanjangan",
                "title": {"id": "Perpanjangan", "en": "Extension"},
                "numbers": {"LAN": "1"},
                "signed": "2024-02-01",
                "extends": BASE,
            }
        },
    )
    with pytest.raises(ContractError, match="valid-until"):
        load_agreement(root)


def test_unknown_document_is_a_contract_error() -> None:
    with pytest.raises(ContractError, match="tidak tercatat"):
        load_agreement(REPO / "contracts").document("adendum-9")
