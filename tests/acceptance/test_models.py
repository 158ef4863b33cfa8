"""The generated Pydantic models load the samples and keep the wire's keys."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError
from tests.conftest import SAMPLES

from kontrak_models import MODELS, model_for


def test_every_contract_version_has_a_model(catalog: object) -> None:
    from kontrak.catalog import Catalog

    assert isinstance(catalog, Catalog)
    specs = {f"{d.id}@{v.version}" for d in catalog.datasets.values() for v in d.versions}
    assert set(MODELS) == specs


def test_siasn_model_keeps_misspelt_keys_and_round_trips() -> None:
    model = model_for("siasn-rw-angkakredit@1.0.0")
    document = json.loads(
        (
            SAMPLES / "siasn-rw-angkakredit/1.0.0/valid/bkn/rw-angkakredit-198403142009122987.json"
        ).read_text(encoding="utf-8")
    )
    record = model.model_validate(document["data"][0])
    assert record.model_dump(mode="json") == document["data"][0]
    assert "bulanMulaiPenailan" in model.model_fields


def test_lan_model_forbids_fields_outside_the_contract() -> None:
    model = model_for("riwayat-angka-kredit@1.0.0")
    record = json.loads(
        (SAMPLES / "riwayat-angka-kredit/1.0.0/valid/lan/pak-satu-record.json").read_text(
            encoding="utf-8"
        )
    )
    model.model_validate(record)
    with pytest.raises(ValidationError):
        model.model_validate({**record, "nilaiSkp": "90"})


def test_unknown_model_is_a_key_error() -> None:
    with pytest.raises(KeyError):
        model_for("tidak-ada@1.0.0")
