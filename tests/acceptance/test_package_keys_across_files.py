"""A dataset split over several files of a package keeps the screens (the fast way).

Its primary key holds across the files (one delivery), so repeated keys are looked for across
all of them once every file was checked (:func:`kontrak.fast.records_again.key_violations`). The reports
must equal the reference's: the same `duplicate-primary-key` violations, each naming the record
that held the key first, in whichever file (and format) it was.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from tests.acceptance.test_engine_differential_datasets import (
    CATALOG,
    _damaged,
    _package_summary,
)

from kontrak.contract import load_contract
from kontrak.fast import keys, run
from kontrak.package_build import build_descriptor, write_descriptor
from kontrak.synthetic import write_csv, write_json_array, write_jsonl
from kontrak.validation import ValidateOptions, validate_package

SPEC = "riwayat-angka-kredit@1.0.0"


def _write(path: Path, records: list[dict[str, Any]]) -> None:
    contract = load_contract(SPEC, CATALOG)
    if path.suffix == ".jsonl":
        write_jsonl(path, iter(records))
    elif path.suffix == ".json":
        write_json_array(path, iter(records))
    else:
        columns = [n for n in contract.fields if n != "path"]
        write_csv(path, iter(records), columns, plain=True)


def _package(tmp_path: Path, parts: dict[str, list[dict[str, Any]]]) -> Path:
    for name, records in parts.items():
        _write(tmp_path / name, records)
    descriptor = build_descriptor(
        tmp_path, name="lan-uji", title="Uji", provider="LAN", consumer="BKN",
        period=("2024-01-01", "2024-06-30"), resources=[(n, SPEC) for n in parts],
        catalog=CATALOG,
    )  # fmt: skip
    write_descriptor(tmp_path, descriptor)
    return tmp_path


def _both(package: Path, **options: Any) -> Any:
    reports = [
        validate_package(package, ValidateOptions(engine=engine, **options))
        for engine in ("reference", "fast")
    ]
    assert _package_summary(reports[0]) == _package_summary(reports[1])
    return reports[1]


def _no_record_by_record(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object) -> None:
        raise AssertionError("a file was checked record by record")

    monkeypatch.setattr(run, "_every_record", refuse)


def _records(seed: int) -> list[dict[str, Any]]:
    return _damaged(load_contract(SPEC, CATALOG), seed=seed)


@pytest.mark.parametrize(
    "names",
    [
        ("a.jsonl", "b.jsonl"),
        ("a.csv", "b.jsonl", "c.json"),
        ("a.json", "b.csv"),
        ("a.jsonl", "b.json", "c.csv", "d.jsonl"),
    ],
    ids="+".join,
)
def test_keys_repeated_across_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, names: tuple[str, ...]
) -> None:
    _no_record_by_record(monkeypatch)
    records = _records(seed=11)
    parts: dict[str, list[dict[str, Any]]] = {}
    for number, name in enumerate(names):
        # each file has its own records, some of the first file's, and repeats of its own
        own = copy.deepcopy(records[number * 60 : number * 60 + 80])
        borrowed = copy.deepcopy(records[5:15]) if number else []
        parts[name] = own + borrowed + copy.deepcopy(own[:3])
    report = _both(_package(tmp_path, parts))
    assert report.counts_by_code["duplicate-primary-key"] > 3 * len(names)
    repeated_elsewhere = [
        v
        for v in report.violations
        if v.code == "duplicate-primary-key" and "a." in v.message("en")
    ]
    assert any(not v.file.endswith(names[0]) for v in repeated_elsewhere)


def test_unique_keys_across_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _no_record_by_record(monkeypatch)
    records = _records(seed=12)
    report = _both(_package(tmp_path, {"a.jsonl": records[:150], "b.csv": records[150:300]}))
    assert report.records == 300


def test_keys_across_files_with_colliding_hashes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every key hashed alike: all records are candidates, the exact check sorts them out."""
    _no_record_by_record(monkeypatch)
    monkeypatch.setattr(keys, "_HASH_RANGE", 1)
    records = _records(seed=13)
    parts = {"a.csv": records[:120], "b.json": records[100:220] + records[:2]}
    report = _both(_package(tmp_path, parts), max_errors=50)
    assert report.counts_by_code["duplicate-primary-key"] >= 22


def test_keys_across_files_with_an_unreadable_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file that stops being readable keeps the keys read before that point."""
    _no_record_by_record(monkeypatch)
    records = _records(seed=14)
    package = _package(tmp_path, {"a.jsonl": records[:100], "b.jsonl": records[50:150]})
    data = (package / "b.jsonl").read_bytes()
    (package / "b.jsonl").write_bytes(data[: len(data) // 2] + b"\xff\xfe" + data[len(data) // 2 :])
    report = _both(package)
    assert report.exit_code == 2
    assert report.counts_by_code["duplicate-primary-key"] > 0
