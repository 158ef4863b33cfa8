"""The benchmark script runs end to end on a small seeded file (figures are not asserted)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO, SAMPLES


def test_benchmark_prints_a_row_per_engine(tmp_path: Path) -> None:
    command = [
        sys.executable, str(REPO / "benchmarks/bench_validate.py"), "--records", "400",
        "--baseline-records", "100", "--formats", "jsonl,csv", "--workdir", str(tmp_path),
        "--against", str(SAMPLES / "packages/valid/bkn-2024-s1"),
    ]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, check=True, cwd=REPO)
    table = [line for line in done.stdout.splitlines() if line.startswith("| ")]
    engines = {(row.split("|")[1].strip(), row.split("|")[2].strip()) for row in table[1:]}
    assert engines >= {
        ("jsonl", "fast"), ("jsonl", "fast, --against"), ("jsonl", "reference"),
        ("jsonl", "python-jsonschema"), ("csv", "fast"), ("csv", "fast, --against"),
        ("csv", "reference"), ("csv", "frictionless"),
    }  # fmt: skip
    results = json.loads((tmp_path / "results.json").read_text())
    fast = [r for r in results if r["engine"] == "fast"]
    assert all(r["records"] == 400 and r["violations"] > 0 for r in fast)


def test_floors_print_each_step_on_the_benchmark_files(tmp_path: Path) -> None:
    generate = [
        sys.executable, str(REPO / "benchmarks/bench_validate.py"), "--records", "300",
        "--formats", "jsonl,csv", "--skip-baselines", "--workdir", str(tmp_path),
    ]  # fmt: skip
    subprocess.run(generate, capture_output=True, text=True, check=True, cwd=REPO)
    floors = [sys.executable, str(REPO / "benchmarks/floors.py"), "--workdir", str(tmp_path)]
    done = subprocess.run(floors, capture_output=True, text=True, check=True, cwd=REPO)
    steps = [line for line in done.stdout.splitlines() if "µs/record" in line]
    labels = " ".join(steps)
    for step in (
        "orjson.loads per line",
        "jsonschema-rs gate",
        "read_ndjson",
        "read_csv",
        "sha256",
    ):
        assert step in labels
    assert all("records/s on 2 cores" in line for line in steps)
    assert "Traceback" not in done.stderr
