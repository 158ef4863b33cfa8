"""The fast engine agrees with the reference on damaged deliveries of every dataset.

The valid JSON Lines sample of each dataset is multiplied into a file of a few hundred records,
half of them damaged: values swapped between records and between fields (so that NIPs, birth
dates, periods, codes and their names disagree), typical wrong values, nulls, missing and extra
fields. Each file is validated as JSON Lines, JSON array and CSV by both engines; every
violation, count and verdict must be the same. This holds the screens of every domain rule and
of the reference tables (:mod:`kontrak.fast.rule_screens`) to the per-record implementations.
"""

from __future__ import annotations

import copy
import json
import random
from pathlib import Path
from typing import Any

import pytest
from tests.acceptance.test_engine_differential import CATALOG, _assert_same
from tests.conftest import SAMPLES

from kontrak.contract import Contract, load_contract
from kontrak.fast import csv_fast
from kontrak.synthetic import write_csv, write_json_array, write_jsonl

COUNT = 400
ODD_VALUES: list[Any] = [
    "", None, "x", "01-01-0001", "29-02-2023", "31-12-2024", "2024-01-05", "05-06-2024",
    "1.98403E+17", "M", "F", "31", "45", "1", "0", "2", "2024", "1990", 5, True, 2024,
    "Widyaiswara Ahli Utama", "Analis Kebijakan Ahli Pertama", "3174051403840001",
    "198403142009122987", " 7", "99999", "kursus",
]  # fmt: skip


def _sample_records(contract: Contract) -> list[dict[str, Any]]:
    folder = SAMPLES / contract.dataset / contract.version / "valid"
    records: list[dict[str, Any]] = []
    for path in sorted(folder.glob("*/*.jsonl")):
        records += [json.loads(line) for line in path.read_text("utf-8").splitlines() if line]
    return records


def _damaged(contract: Contract, seed: int) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    base = _sample_records(contract)
    names = list(contract.fields)
    out = []
    for _ in range(COUNT):
        record = copy.deepcopy(rng.choice(base))
        if rng.random() < 0.5:
            for _ in range(rng.randint(1, 3)):
                name = rng.choice(names)
                move = rng.random()
                if move < 0.3:
                    record[name] = rng.choice(base).get(name)
                elif move < 0.5 and record:
                    record[name] = record.get(rng.choice(list(record)))
                elif move < 0.85:
                    record[name] = rng.choice(ODD_VALUES)
                elif move < 0.95:
                    record.pop(name, None)
                else:
                    record["kolomLain"] = "90"
        out.append(record)
    return out


def _datasets() -> list[Contract]:
    contracts = []
    for entry in CATALOG.datasets.values():
        for version in entry.versions:
            contract = load_contract(f"{entry.id}@{version.version}", CATALOG)
            if _sample_records(contract):
                contracts.append(contract)
    return contracts


@pytest.mark.parametrize("fmt", ["jsonl", "json", "csv"])
@pytest.mark.parametrize("contract", _datasets(), ids=lambda c: c.spec)
def test_damaged_delivery(
    contract: Contract, fmt: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(csv_fast, "CHUNK_BYTES", 8192)  # many chunks
    records = _damaged(contract, seed=len(contract.spec))
    path = tmp_path / f"data.{fmt}"
    if fmt == "jsonl":
        write_jsonl(path, iter(records))
    elif fmt == "json":
        write_json_array(path, iter(records))
    else:
        columns = [n for n, s in contract.fields.items() if "array" not in s.json_types]
        write_csv(path, iter(records), columns, plain=True)
    report = _assert_same(contract, path)
    assert report.records == COUNT
