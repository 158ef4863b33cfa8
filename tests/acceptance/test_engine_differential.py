"""The fast engine reports exactly what the reference engine reports.

Compared for every sample, for seeded generated files of both contracts in every format (valid
and damaged records, repeated keys), and for hand-made files at the edges of each reader: the
same violations (code, severity, place, record, masked values, message), the same records
count, verdict and exit code. The fast engine's own paths are forced where a small file would
not take them: many CSV chunks, a switch to row-by-row reading mid-file, worker processes.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import REPO, SAMPLES
from tests.support.xlsx_files import write_xlsx

from kontrak.catalog import load_catalog
from kontrak.contract import Contract, load_contract
from kontrak.fast import csv_fast, run
from kontrak.report import Report
from kontrak.samples import iter_sample_cases
from kontrak.synthetic import SyntheticRecords, write_csv, write_json_array, write_jsonl
from kontrak.validation import ValidateOptions, validate_with_contract

CATALOG = load_catalog(REPO / "contracts")
CASES = list(iter_sample_cases(SAMPLES, CATALOG))
LAN = load_contract("riwayat-angka-kredit@1.0.0", CATALOG)
BKN = load_contract("siasn-rw-angkakredit@1.0.0", CATALOG)
COUNT = 700


def _summary(report: Report) -> dict[str, Any]:
    # fmt: off
    return {
        "violations": sorted(
            (
                v.file,
                v.code,
                v.severity,
                v.pointer or "",
                v.field or "",
                v.line or 0,
                v.row or 0,
                -1 if v.record is None else v.record,
                v.subject or "",
                v.value or "",
                repr(sorted(v.ctx.items())),
                v.message("id"),
                v.message("en"),
            )
            for v in report.violations
        ),
        "files": [(f.format, f.records, f.readable, f.sha256, f.size) for f in report.files],
        "counts": dict(report.counts_by_code),
        "exit": report.exit_code,
        "valid": report.valid,
    }
    # fmt: on


def _assert_same(contract: Contract, path: Path, **options: Any) -> Report:
    reference = validate_with_contract(
        contract, [path], ValidateOptions(engine="reference", **options)
    )
    fast = validate_with_contract(contract, [path], ValidateOptions(engine="fast", **options))
    expected, actual = _summary(reference), _summary(fast)
    if expected != actual:
        only_reference = sorted(set(expected["violations"]) - set(actual["violations"]))[:5]
        only_fast = sorted(set(actual["violations"]) - set(expected["violations"]))[:5]
        files = (expected["files"], actual["files"])
        pytest.fail(f"{path.name}: only reference {only_reference}, only fast {only_fast}, {files}")
    return fast


@pytest.mark.parametrize("case", CASES, ids=[str(c.path.relative_to(SAMPLES)) for c in CASES])
def test_every_sample(case: Any) -> None:
    _assert_same(load_contract(case.spec, CATALOG), case.path)


def _records(contract: Contract, seed: int, **kwargs: Any) -> Iterator[dict[str, Any]]:
    options = {"invalid_rate": 0.3, "repeat_rate": 0.02, **kwargs}
    return SyntheticRecords(contract, seed=seed, **options).records(COUNT)


def _columns(contract: Contract) -> list[str]:
    return [name for name in contract.fields if name != "path"]


@pytest.fixture(params=[LAN, BKN], ids=lambda c: c.dataset)
def contract(request: pytest.FixtureRequest) -> Contract:
    return request.param  # type: ignore[no-any-return]


def test_generated_json_lines(contract: Contract, tmp_path: Path) -> None:
    path = tmp_path / "data.jsonl"
    write_jsonl(path, _records(contract, seed=1))
    report = _assert_same(contract, path)
    assert report.counts_by_code["duplicate-primary-key"] > 0
    assert {"wrong-type", "pattern-mismatch", "nip-invalid"} <= set(report.counts_by_code)


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_generated_records_checked_one_by_one(tmp_path: Path, fmt: str) -> None:
    """With BKN's rosters at hand every foreign key is looked up (key columns of all records)."""
    path = tmp_path / f"data.{fmt}"
    if fmt == "jsonl":
        write_jsonl(path, _records(LAN, seed=11))
    else:
        write_csv(path, _records(LAN, seed=11), _columns(LAN), plain=True)
    against = (SAMPLES / "packages/valid/bkn-2024-s1",)
    report = _assert_same(LAN, path, against=against)
    assert report.counts_by_code["foreign-key-missing"] > 0


def test_generated_json_array(contract: Contract, tmp_path: Path) -> None:
    path = tmp_path / "data.json"
    write_json_array(path, _records(contract, seed=2))
    _assert_same(contract, path)


@pytest.mark.parametrize(("delimiter", "plain"), [(",", True), (";", True), (",", False)])
def test_generated_csv(
    contract: Contract, tmp_path: Path, delimiter: str, plain: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(csv_fast, "CHUNK_BYTES", 4096)  # many chunks
    path = tmp_path / "data.csv"
    write_csv(
        path, _records(contract, seed=3), _columns(contract), delimiter=delimiter, plain=plain
    )
    report = _assert_same(contract, path)
    assert report.records > 0


def test_csv_that_turns_to_quoted_rows_mid_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(csv_fast, "CHUNK_BYTES", 2048)
    plain, quoted = tmp_path / "plain.csv", tmp_path / "quoted.csv"
    write_csv(plain, _records(LAN, seed=4), _columns(LAN), plain=True, line_end="\r\n")
    write_csv(quoted, _records(LAN, seed=5), _columns(LAN), line_end="\r\n")
    path = tmp_path / "mixed.csv"
    body = quoted.read_bytes().split(b"\r\n", 1)[1]
    path.write_bytes(plain.read_bytes() + body + b"\r\n\r\nAK-9,1.98403E+17\r\n")
    _assert_same(LAN, path)


def test_csv_with_a_column_the_fast_path_cannot_compile(tmp_path: Path) -> None:
    path = tmp_path / "data.csv"
    write_csv(path, _records(LAN, seed=6), [*_columns(LAN), "path"], plain=False)
    _assert_same(LAN, path)


def test_generated_excel(tmp_path: Path) -> None:
    columns = _columns(LAN)
    rows: list[list[Any]] = [columns]
    for record in SyntheticRecords(LAN, seed=8, invalid_rate=0.3, repeat_rate=0.02).records(200):
        rows.append(
            [
                v if isinstance(v, str | int | float) else None
                for v in (record.get(c) for c in columns)
            ]
        )
    path = write_xlsx(tmp_path / "data.xlsx", rows)
    _assert_same(LAN, path)


@pytest.mark.parametrize("against", [False, True], ids=["alone", "against-bkn"])
@pytest.mark.parametrize("cap", [None, 10])
def test_json_lines_in_worker_processes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cap: int | None, against: bool
) -> None:
    monkeypatch.setattr(run, "RANGE_BYTES", 20_000)
    path = tmp_path / "data.jsonl"
    write_jsonl(path, _records(LAN, seed=9))
    with path.open("ab") as handle:
        handle.write(b'{"idSipka": \n\n[1]\n\xff\n{}\n')  # bad JSON, non-object, then not UTF-8
    extra = (SAMPLES / "packages/valid/bkn-2024-s1",) if against else ()
    report = _assert_same(LAN, path, workers=2, max_errors=cap, against=extra)
    assert report.exit_code == 2


@pytest.mark.parametrize("fmt", ["jsonl", "json", "csv"])
def test_capped_list_is_the_same(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / f"data.{fmt}"
    records = _records(LAN, seed=10)
    if fmt == "jsonl":
        write_jsonl(path, records)
    elif fmt == "json":
        write_json_array(path, records)
    else:
        write_csv(path, records, _columns(LAN), plain=True)
    report = _assert_same(LAN, path, max_errors=25)
    assert len(report.violations) == 25
    assert report.truncated


RECORD = {
    "idSipka": "AK-1", "nipBaru": "198403142009122987", "id": "", "pnsId": "", "rwJabatanId": "",
    "nomorSk": "SK 1", "tanggalSk": "20-01-2024", "bulanMulaiPenailan": "1",
    "tahunMulaiPenailan": "2023", "bulanSelesaiPenailan": "12", "tahunSelesaiPenailan": "2023",
    "kreditUtamaBaru": "20", "kreditPenunjangBaru": "5", "kreditBaruTotal": "25",
    "isAngkaKreditPertama": "0", "isIntegrasi": "0", "isKonversi": "1",
}  # fmt: skip
LINE = json.dumps(RECORD)
SPACED = json.dumps(RECORD, indent=1)
DUPLICATE = LINE[:-1] + ', "nomorSk": "SK 2"}'
SPACED_DUPLICATE = LINE[:-1] + ', "nomorSk" : "SK 2"}'  # no ": in the text for the repeat
ESCAPED = LINE.replace('"SK 1"', '"SK \\"1\\": 2, x"')
BRACES = LINE.replace('"SK 1"', '"SK }, {1}]"')
NESTED = (
    LINE[:-1]
    + ', "path": [{"dok_id": "1", "dok_nama": "a", "dok_uri": "u", "object": "o", "slug": "s"}, {"dok_id": "2", "dok_id": "3"}]}'
)

EDGE_FILES: dict[str, bytes] = {
    "blank-lines.jsonl": f"\n{LINE}\n   \n\r\n{LINE}\r\n{LINE}".encode(),
    "bom.jsonl": ("\ufeff" + LINE + "\n" + LINE + "\n").encode(),
    "shapes.jsonl": f'{LINE}\n[]\n5\n"x"\nnull\n{{}}\n{DUPLICATE}\n{ESCAPED}\n{BRACES}\n{NESTED}\n'.encode(),
    "spaced-duplicate.jsonl": f"{SPACED_DUPLICATE}\n".encode(),
    "spaced-duplicate.json": f"[{SPACED_DUPLICATE}]".encode(),
    "numbers.jsonl": (LINE.replace('"SK 1"', "NaN") + "\n" + LINE.replace('"SK 1"', "1" * 30) + "\n").encode(),
    "truncated.jsonl": (LINE + "\n" + LINE[:40]).encode(),
    "only-blank.jsonl": b"\n \n\t\n",
    "not-utf8-mid.jsonl": (LINE + "\n").encode() * 3 + b'{"nomorSk": "\xe9"}\n' + (LINE + "\n").encode(),
    "array.json": f"[{LINE},\n  {SPACED} , {DUPLICATE},{ESCAPED},{BRACES},{NESTED}\n]\n".encode(),
    "array-bom.json": ("\ufeff [" + LINE + "]").encode(),
    "array-open-brace-in-string.json": f"[{LINE.replace('SK 1', 'SK {{1')}, {LINE}, {NESTED}]".encode(),
    "empty-array.json": b" [ ] ",
    "array-of-scalars.json": b"[1, 2, {}]",
    "array-trailing.json": f"[{LINE}] x".encode(),
    "array-truncated.json": f"[{LINE}, {LINE[:30]}".encode(),
    "array-trailing-comma.json": f"[{LINE},]".encode(),
    "array-not-utf8.json": f"[{LINE}, ".encode() + b'{"nomorSk": "\xe9"}]',
    "object.json": LINE.encode(),
    "envelope.json": json.dumps({"code": 1, "data": [RECORD, RECORD]}).encode(),
    "whitespace.json": b"  \n ",
    "csv-crlf.csv": b"idSipka,nipBaru\r\nAK-1,198403142009122987\r\n\r\nAK-1,1.98403E+17\r\n",
    "csv-lone-cr.csv": b"idSipka,nipBaru\rAK-1,198403142009122987\rAK-2,x\n",
    "csv-bom-semicolon.csv": "\ufeffidSipka;nipBaru;tanggalSk\nAK-1;198403142009122987;2024-01-20\n".encode(),
    "csv-ragged.csv": b"idSipka,nipBaru\nAK-1\nAK-2,1,2\n,\nAK-3,198403142009122987\n",
    "csv-quoted-header.csv": b'"idSipka","nipBaru"\n"AK-1","198403142009122987"\n',
    "csv-blank-header.csv": b"\n\nidSipka\nAK-1\n",
    "csv-not-utf8.csv": b"idSipka,nomorSk\nAK-1,SK 1\nAK-2,SK \x96 2\nAK-3,SK 3\n",
    "csv-header-only.csv": b"idSipka,nipBaru\n",
    "csv-duplicate-columns.csv": b"idSipka,idSipka,extra\nAK-1,AK-1,x\nAK-1,AK-2,y\n",
    "csv-empty.csv": b"",
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(EDGE_FILES))
def test_reader_edges(name: str, tmp_path: Path) -> None:
    path = tmp_path / name
    path.write_bytes(EDGE_FILES[name])
    _assert_same(LAN, path)
    _assert_same(BKN, path)


def test_json_array_of_one_record_repeated(tmp_path: Path) -> None:
    """Every element is a key candidate and is read again: one small window each, not a chunk."""
    record = json.loads(
        (SAMPLES / "riwayat-angka-kredit/1.0.0/valid/lan/pak-2024s1.jsonl")
        .read_text()
        .splitlines()[0]
    )
    path = tmp_path / "sama.json"
    path.write_text(json.dumps([record] * 3000), encoding="utf-8")
    report = _assert_same(LAN, path, max_errors=5)
    assert report.counts_by_code["duplicate-primary-key"] == 2999
