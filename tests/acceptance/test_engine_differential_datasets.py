"""The fast engine agrees with the reference on damaged deliveries of every dataset.

The valid JSON Lines sample of each dataset is multiplied into a file of a few hundred records,
half of them damaged: values swapped between records and between fields (so that NIPs, birth
dates, periods, codes and their names disagree), typical wrong values, nulls, missing and extra
fields. Each file is validated as JSON Lines, JSON array and CSV by both engines; every
violation, count and verdict must be the same. This holds the screens of every domain rule and
of the reference tables (:mod:`kontrak.fast.rule_screens`) to the per-record implementations.
Whole packages (the samples, and a damaged one holding both the rosters and the records that
point at them) hold the foreign keys and the primary keys across files to the same standard.
"""

from __future__ import annotations

import copy
import json
import random
from pathlib import Path
from typing import Any

import pytest
from tests.acceptance.test_engine_differential import CATALOG, _assert_same, _summary
from tests.conftest import SAMPLES

from kontrak.contract import Contract, load_contract
from kontrak.fast import csv_fast
from kontrak.package_build import build_descriptor, write_descriptor
from kontrak.report import Report
from kontrak.synthetic import write_csv, write_json_array, write_jsonl
from kontrak.validation import ValidateOptions, validate_package

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


def _package_summary(report: Report) -> Any:
    summary = _summary(report)
    return summary["violations"], summary["files"], summary["counts"], summary["exit"]


PACKAGES = sorted(p for p in (SAMPLES / "packages").glob("*/*") if p.is_dir())


@pytest.mark.parametrize("package", PACKAGES, ids=lambda p: f"{p.parent.name}/{p.name}")
@pytest.mark.parametrize("against", [False, True], ids=["alone", "against-bkn"])
def test_sample_package(package: Path, against: bool) -> None:
    extra = (SAMPLES / "packages/valid/bkn-2024-s1",) if against else ()
    reports = [
        validate_package(package, ValidateOptions(engine=engine, against=extra))
        for engine in ("reference", "fast")
    ]
    assert _package_summary(reports[0]) == _package_summary(reports[1])


@pytest.mark.parametrize("split", [False, True], ids=["one-file", "two-files"])
def test_damaged_package_with_its_own_targets(tmp_path: Path, split: bool) -> None:
    """Sources and targets in one package; split: keys repeated across two files of a dataset."""
    roster = load_contract("data-widyaiswara@1.0.0", CATALOG)
    history = load_contract("riwayat-angka-kredit@1.0.0", CATALOG)
    write_jsonl(tmp_path / "widyaiswara.jsonl", iter(_damaged(roster, seed=3)))
    nips = [r.get("nipBaru") for r in _sample_records(roster)]
    records = _damaged(history, seed=4)
    for i, record in enumerate(records):
        if i % 3 == 0 and nips:
            record["nipBaru"] = nips[i % len(nips)]
    write_jsonl(tmp_path / "riwayat-1.jsonl", iter(records[:200]))
    write_csv(
        tmp_path / "riwayat-2.csv",
        iter(records[150:]),
        [n for n in history.fields if n != "path"],
        plain=True,
    )
    resources = [("widyaiswara.jsonl", roster.spec), ("riwayat-2.csv", history.spec)]
    if split:
        resources.append(("riwayat-1.jsonl", history.spec))
    descriptor = build_descriptor(
        tmp_path, name="lan-uji", title="Uji", provider="LAN", consumer="BKN", period=("2024-01-01", "2024-06-30"),
        resources=resources, catalog=CATALOG,
    )  # fmt: skip
    write_descriptor(tmp_path, descriptor)
    reports = [
        validate_package(tmp_path, ValidateOptions(engine=engine))
        for engine in ("reference", "fast")
    ]
    assert _package_summary(reports[0]) == _package_summary(reports[1])
    assert reports[1].counts_by_code["foreign-key-missing"] > 0
    assert reports[1].counts_by_code["duplicate-primary-key"] > 0
