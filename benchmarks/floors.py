"""Floors: what the steps no validator of a contract can skip cost on this machine.

Issue 4 asks for 500,000 records/s (JSON Lines) and 1,000,000 records/s (CSV) on 2 cores, with
every violation located and the domain rules on. This script measures, on the benchmark's files
(see ``bench_validate.py``; generate them first), the cost of the steps below each engine
kontrak could be built on, one core unless said, and prints the records/s the step alone would
allow on 2 cores if it were split perfectly:

JSON Lines
  * reading the lines; ``orjson.loads`` per line; ``orjson.loads`` and the jsonschema-rs gate
    (structure only: no rule, no key, no located error);
  * polars' NDJSON reader on the contract's text fields only (its own threads);
  * with ``duckdb`` installed (optional, not a dependency): DuckDB's NDJSON reader with every
    field as raw JSON, and with the JSON type of each field checked (no pattern, no unknown or
    repeated key: less than the contract asks).

CSV
  * polars' CSV reader, every cell as text (its own threads); the same and the fast engine's
    column checks and rule screens on the whole file at once; the sha256 every report states.

Usage: ``python benchmarks/floors.py [--workdir DIR] [--spec DATASET@VERSION]``
"""

from __future__ import annotations

import argparse
import hashlib
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson
import polars as pl

from kontrak.contract import Contract, load_contract
from kontrak.fast.batch import RecordScreen
from kontrak.fast.csv_fast import _Columns
from kontrak.fast.rs_validators import rs_validators

TARGETS = {"jsonl": 500_000, "csv": 1_000_000}


def _row(label: str, records: int, seconds: float, *, threads: int = 1, fmt: str = "") -> None:
    per_record = seconds / records * 1e6
    # one-core steps split over 2 cores at best; a step on its own threads is what it is
    ceiling = records / seconds * (2 if threads == 1 else 1)
    target = TARGETS.get(fmt)
    verdict = "" if target is None else ("under target" if ceiling < target else "")
    print(
        f"  {label:58s} {seconds:6.2f} s {per_record:6.2f} µs/record"
        f" → ≤ {ceiling:>10,.0f} records/s on 2 cores {verdict}"
    )


def _timed(action: Callable[[], int]) -> tuple[int, float]:
    started = time.perf_counter()
    records = action()
    return records, time.perf_counter() - started


def _jsonl(path: Path, contract: Contract) -> None:
    print(f"JSON Lines: {path} ({path.stat().st_size / 1e6:,.0f} MB)")
    data = path.read_bytes()
    lines, seconds = _timed(lambda: len(data.split(b"\n")) - 1)
    _row("split into lines", lines, seconds, fmt="jsonl")

    def parse() -> int:
        loads = orjson.loads
        for line in data.split(b"\n")[:-1]:
            loads(line)
        return lines

    _row("orjson.loads per line", *_timed(parse), fmt="jsonl")
    gate = rs_validators(contract).bulk_gate.is_valid

    def parse_and_gate() -> int:
        loads = orjson.loads
        for line in data.split(b"\n")[:-1]:
            gate(loads(line))
        return lines

    _row("orjson.loads + jsonschema-rs gate (structure only)", *_timed(parse_and_gate), fmt="jsonl")
    texts = {name: pl.String() for name, spec in contract.fields.items() if spec.is_text}

    def polars_read() -> int:
        return pl.read_ndjson(path, schema=texts, ignore_errors=True).height

    _row("polars read_ndjson, text fields only (its threads)", *_timed(polars_read), threads=2)
    _duckdb(path, contract)


def _duckdb(path: Path, contract: Contract) -> None:
    try:
        import duckdb  # noqa: PLC0415 - optional, only measured when installed
    except ImportError:
        print("  (duckdb not installed: pip install duckdb to measure its NDJSON reader)")
        return
    connection: Any = duckdb.connect()
    connection.execute("SET threads=2")
    fields = list(contract.fields)
    columns = "{" + ", ".join(f"'{name}': 'JSON'" for name in fields) + "}"
    source = f"read_json('{path}', format='newline_delimited', columns={columns})"
    types = " + ".join(f'(json_type("{name}") IS NULL)::INT' for name in fields)
    patterns = " + ".join(
        f"(NOT regexp_matches(\"{name}\"->>'$', '{spec.schema['pattern']}'))::INT"
        for name, spec in contract.fields.items()
        if "pattern" in spec.schema and "'" not in str(spec.schema["pattern"])
    )
    objects = f"read_json_objects('{path}', format='newline_delimited') AS lines(line)"
    keys = "len(list_distinct(json_keys(line))) <> len(json_keys(line))"
    # the query text is built from the contract's field names and patterns and the given path
    queries = {
        "duckdb read_json, fields as raw JSON (its threads)": f"SELECT count(*) FROM {source}",  # noqa: S608
        "duckdb + JSON type of each field (its threads)": f"SELECT count(*), sum({types}) FROM {source}",  # noqa: S608, E501
        "duckdb + types + patterns (its threads)": (
            f"SELECT count(*), sum({types}), sum({patterns or 0}) FROM {source}"  # noqa: S608
        ),
        "duckdb, keys of each line: unknown or repeated (its threads)": (
            f"SELECT count(*), count(*) FILTER (WHERE {keys}) FROM {objects}"  # noqa: S608
        ),
    }
    for label, query in queries.items():

        def run(query: str = query) -> int:
            return int(connection.execute(query).fetchall()[0][0])

        try:
            records, seconds = _timed(run)
        except duckdb.Error as exc:  # e.g. a repeated key: DuckDB stops the whole file
            print(f"  {label:58s} failed: {str(exc).splitlines()[0][:80]}")
            continue
        _row(label, records, seconds, threads=2, fmt="jsonl")


def _csv(path: Path, contract: Contract) -> None:
    print(f"CSV: {path} ({path.stat().st_size / 1e6:,.0f} MB)")

    def read() -> pl.DataFrame:
        return pl.read_csv(path, infer_schema=False, quote_char=None)

    frame, seconds = _timed_frame(read)
    _row("polars read_csv, every cell as text (its threads)", frame.height, seconds, threads=2)
    screen = RecordScreen(contract, str(path), bulk=True, show_values=False)
    columns = _Columns(screen, list(frame.columns))
    indexed = frame.with_row_index("index")

    def query() -> int:
        query = indexed.lazy().select(columns.first).select(columns.second)
        return query.with_columns(columns.verdict).collect().height

    _row("+ column checks, rule screens, key (whole file, its threads)", *_timed(query), threads=2)

    def digest() -> int:
        with path.open("rb") as handle:
            hashlib.file_digest(handle, "sha256")
        return frame.height

    _row("sha256 of the file (one core, beside the rest)", *_timed(digest), fmt="csv")


def _timed_frame(action: Callable[[], pl.DataFrame]) -> tuple[pl.DataFrame, float]:
    started = time.perf_counter()
    frame = action()
    return frame, time.perf_counter() - started


def main() -> None:
    """Measure the floors and print them."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--workdir", type=Path, default=Path(tempfile.gettempdir()) / "kontrak-bench"
    )
    parser.add_argument("--spec", default="riwayat-angka-kredit@1.0.0")
    args = parser.parse_args()
    contract = load_contract(args.spec)
    print(f"floors · {args.spec} · target 500,000 (JSON Lines) and 1,000,000 (CSV) records/s")
    for fmt, measure in (("jsonl", _jsonl), ("csv", _csv)):
        path = args.workdir / f"{contract.dataset}.{fmt}"
        if not path.is_file():
            print(f"{path} is missing: run benchmarks/bench_validate.py first")
            continue
        measure(path, contract)


if __name__ == "__main__":
    main()
