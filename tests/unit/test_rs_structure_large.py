"""A record with very many values is checked by the reference validator, with equal findings."""

from __future__ import annotations

import dataclasses
import json

import pytest
from tests.conftest import SAMPLES

from kontrak.contract import load_contract
from kontrak.engine.findings import Finding
from kontrak.engine.structure import StructureEngine
from kontrak.fast import rs_structure
from kontrak.fast.rs_structure import RsStructureEngine

SPEC = "riwayat-angka-kredit@1.0.0"


def _record(documents: int) -> dict[str, object]:
    lines = (SAMPLES / "riwayat-angka-kredit/1.0.0/valid/lan/pak-2024s1.jsonl").read_text()
    record: dict[str, object] = json.loads(lines.splitlines()[0])
    record["path"] = [{"dok_id": 5, "dok_nama": "SK PAK"} for _ in range(documents)]
    return record


def _order(finding: Finding) -> tuple[str, str]:
    return str(finding.parts), finding.code


@pytest.mark.parametrize("documents", [3, 4000])
def test_findings_equal_the_reference_below_and_above_the_limit(documents: int) -> None:
    contract = load_contract(SPEC)
    record = _record(documents)
    fast = sorted(RsStructureEngine(contract).check(record), key=_order)
    assert fast == sorted(StructureEngine(contract).check(record), key=_order)
    assert len(fast) >= documents  # every bad document is reported


def test_a_record_with_many_values_never_reaches_jsonschema_rs_errors(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """jsonschema-rs gathers every error (with a copy of its value) before the first is read."""
    contract = load_contract(SPEC)
    engine = RsStructureEngine(contract)

    def refuse(*_: object) -> object:
        raise AssertionError("iter_errors on a record with many values")

    monkeypatch.setattr(engine, "_map", refuse)
    findings = list(engine.check(_record(4000)))
    assert findings
    assert rs_structure._too_big_to_copy(_record(4000), rs_structure._MANY_VALUES)
    assert not rs_structure._too_big_to_copy(_record(3), rs_structure._MANY_VALUES)


@pytest.mark.parametrize("where", ["value", "key"])
def test_a_record_with_a_huge_text_never_reaches_jsonschema_rs(
    monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    """jsonschema-rs copies the record (and each error's value): 50 MB texts cost hundreds of MB."""
    contract = load_contract(SPEC)
    engine = RsStructureEngine(contract)
    record = _record(1)
    huge = "A" * (rs_structure._LONG_TEXT + 1)
    if where == "value":
        record["nomorSk"] = huge
    else:
        record[huge] = "1"

    class Refusing:
        def is_valid(self, _: object) -> bool:
            raise AssertionError("jsonschema-rs given a record with a huge text")

        def iter_errors(self, _: object) -> object:
            raise AssertionError("jsonschema-rs given a record with a huge text")

    refusing = dataclasses.replace(engine._validators, gate=Refusing(), exact=Refusing())
    monkeypatch.setattr(engine, "_validators", refusing)
    fast = sorted(engine.check(record), key=_order)
    assert fast == sorted(StructureEngine(contract).check(record), key=_order)
    assert fast  # too long, or a field outside the contract
    assert rs_structure._too_big_to_copy(record, rs_structure._MANY_VALUES)
    record.pop(huge, None)
    record["nomorSk"] = "A" * rs_structure._LONG_TEXT
    assert not rs_structure._too_big_to_copy(record, rs_structure._MANY_VALUES)
