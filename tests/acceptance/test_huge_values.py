"""Records holding a huge text: the same report from both engines, without jsonschema-rs copies.

A line of over a megabyte (JSON Lines) is read once, the reference way, and a record with a text
of over a million characters is checked by the reference validator
(:mod:`kontrak.fast.rs_structure`): jsonschema-rs would copy it for each check and each error.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from tests.acceptance.test_engine_differential import CATALOG, _assert_same
from tests.conftest import SAMPLES

from kontrak.contract import load_contract
from kontrak.fast import jsonl_fast
from kontrak.synthetic import write_json_array, write_jsonl

SPEC = "riwayat-angka-kredit@1.0.0"


def _records() -> list[dict[str, Any]]:
    path = SAMPLES / "riwayat-angka-kredit/1.0.0/valid/lan/pak-2024s1.jsonl"
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    records[1]["nomorSk"] = "A" * (2 << 20)  # too long, and a 2 MB line
    records[2]["kolom" + "B" * (2 << 20)] = "1"  # a field outside the contract with a huge name
    return records


@pytest.mark.parametrize("fmt", ["jsonl", "json"])
def test_huge_texts_give_the_reference_report(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / f"besar.{fmt}"
    (write_jsonl if fmt == "jsonl" else write_json_array)(path, iter(_records()))
    report = _assert_same(load_contract(SPEC, CATALOG), path)
    assert report.counts_by_code["too-long"] == 1
    assert report.counts_by_code["field-not-agreed"] == 1
    shown = [v.value or "" for v in report.violations]
    assert all(len(value) <= 80 for value in shown)  # masked and cut, never 2 MB of asterisks


def test_a_huge_line_is_not_parsed_by_orjson(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "besar.jsonl"
    write_jsonl(path, iter(_records()))
    real = jsonl_fast.orjson.loads
    sizes: list[int] = []

    def loads(raw: bytes) -> Any:
        sizes.append(len(raw))
        return real(raw)

    monkeypatch.setattr(jsonl_fast.orjson, "loads", loads)
    _assert_same(load_contract(SPEC, CATALOG), path)
    assert sizes
    assert max(sizes) <= jsonl_fast._HUGE_LINE
