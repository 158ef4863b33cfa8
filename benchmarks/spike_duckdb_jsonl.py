"""Spike: how fast could JSON Lines be read and checked without a Python object per record?

Not part of kontrak and not a dependency: ``pip install duckdb`` first. It measures, on a JSON
Lines file of a contract (by default the benchmark's file, see ``bench_validate.py``):

* DuckDB's native NDJSON reader with every contract field as a raw JSON column, and the same
  with each field's JSON type checked and the NIP checked against its pattern in SQL;
* kontrak's current per-line floor: ``orjson.loads`` and the jsonschema-rs gate on every line.

The first is the route the closing notes of stop 11 describe towards the issue's 500,000
records/s. DuckDB accepts input Python's ``json`` refuses (trailing commas, ``NaN``) and skips
blank lines, so an engine built on it needs guards that send such lines to the exact check.

Usage: ``python benchmarks/spike_duckdb_jsonl.py [PATH] [--spec DATASET@VERSION]``
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path
from typing import Any

import orjson

from kontrak.contract import load_contract
from kontrak.fast.rs_validators import rs_validators

DEFAULT = Path(tempfile.gettempdir()) / "kontrak-bench" / "riwayat-angka-kredit.jsonl"


def _duckdb(path: Path, fields: list[str]) -> None:
    try:
        import duckdb  # noqa: PLC0415 - optional, only for this spike
    except ImportError:
        print("duckdb is not installed: pip install duckdb")
        return
    connection: Any = duckdb.connect()
    connection.execute("SET threads=2")
    columns = "{" + ", ".join(f"'{name}': 'JSON'" for name in fields) + "}"
    source = f"read_json('{path}', format='newline_delimited', columns={columns})"
    checks = " + ".join(
        f"(json_type(\"{name}\") IS DISTINCT FROM 'VARCHAR')::INT" for name in fields[:-1]
    )
    # the query text is built from the contract's field names and the given path only
    queries = {
        "duckdb: read, raw JSON columns": f"SELECT count(*) FROM {source}",  # noqa: S608
        "duckdb: + type of each field, NIP pattern": (
            f"SELECT count(*), sum({checks}), count(*) FILTER (WHERE NOT "  # noqa: S608
            f"regexp_full_match(\"nipBaru\"->>'$', '[0-9]{{18}}')) FROM {source}"
        ),
    }
    for label, query in queries.items():
        started = time.perf_counter()
        rows = connection.execute(query).fetchall()[0][0]
        _print(label, rows, time.perf_counter() - started)


def _current_floor(path: Path, spec: str) -> None:
    gate = rs_validators(load_contract(spec)).bulk_gate.is_valid
    started = time.perf_counter()
    rows = 0
    with path.open("rb") as handle:
        for line in handle:
            gate(orjson.loads(line))
            rows += 1
    _print("kontrak floor: orjson.loads + gate, 1 core", rows, time.perf_counter() - started)


def _print(label: str, rows: int, seconds: float) -> None:
    print(f"{label:45s} {rows:>10,} records {seconds:7.2f} s {rows / seconds:>12,.0f} records/s")


def main() -> None:
    """Run the spike."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("path", type=Path, nargs="?", default=DEFAULT)
    parser.add_argument("--spec", default="riwayat-angka-kredit@1.0.0")
    args = parser.parse_args()
    fields = list(load_contract(args.spec).fields)
    _duckdb(args.path, fields)
    _current_floor(args.path, args.spec)


if __name__ == "__main__":
    main()
