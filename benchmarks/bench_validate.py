"""Benchmark ``kontrak validate`` on a seeded synthetic delivery of a real contract.

Generates N records of ``riwayat-angka-kredit@1.0.0`` (1% damaged, as in
``../shared/research/perf.md``), or of another dataset given with ``--spec`` (resampled from its
valid samples, :mod:`kontrak.resampled`), as JSON Lines, one JSON array and a CSV file, then
runs, each in a fresh process, one after the other:

* ``kontrak`` with the fast engine (the default) on the whole of each file;
* with ``--against PACKAGE`` (e.g. BKN's sample package with the Widyaiswara and Analis
  Kebijakan rosters), the fast engine again with every foreign key looked up in that package;
* ``kontrak`` with the reference engine (python-jsonschema, record by record) on a prefix;
* plain python-jsonschema (structure only, no domain rules) on a prefix of the JSON Lines file;
* ``frictionless validate`` with the contract's Table Schema on a prefix of the CSV file.

Every engine reports all errors with their location. Printed per run: records, seconds inside
the validation call, from after the imports (frictionless: the whole process), records per
second, wall time of the whole process (start-up included), CPU seconds of the process and all
its children, peak memory of the process and all its children together (proportional set size:
pages the worker processes share are counted once; sampled every 50 ms) and the number of
violations.

Usage (from the repository root, in the project's virtual environment)::

    python benchmarks/bench_validate.py --records 1000000
    python benchmarks/bench_validate.py --records 5000000 --formats jsonl --skip-baselines
    python benchmarks/bench_validate.py --against samples/packages/valid/bkn-2024-s1
    python benchmarks/bench_validate.py --spec siasn-rw-jabatan@1.0.0 --records 1000000

Figures move by up to ±30% between runs on a shared host; compare engines within one run.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from itertools import islice
from pathlib import Path
from typing import Any

SPEC = "riwayat-angka-kredit@1.0.0"
CREDIT_DATASETS = ("riwayat-angka-kredit", "siasn-rw-angkakredit")
REPO = Path(__file__).resolve().parent.parent
FORMATS = ("jsonl", "json", "csv")
SAMPLE_SECONDS = 0.05
_CHILD_CPU = [0.0]  # CPU seconds of the children already waited for


@dataclass
class Result:
    """One measured run."""

    format: str
    engine: str
    records: int
    seconds: float
    wall: float
    peak_mb: float
    violations: int | None
    cpu: float = 0.0

    @property
    def rate(self) -> float:
        """Records per second inside the validation call."""
        return self.records / self.seconds if self.seconds else 0.0


# ------------------------------------------------------------------ data
def _files(
    workdir: Path, records: int, seed: int, formats: list[str], spec: str
) -> dict[str, Path]:
    from kontrak.contract import load_contract  # noqa: PLC0415 - imported in the parent only
    from kontrak.resampled import ResampledRecords, sample_records  # noqa: PLC0415
    from kontrak.synthetic import (  # noqa: PLC0415
        SyntheticRecords,
        write_csv,
        write_json_array,
        write_jsonl,
    )

    contract = load_contract(spec)
    workdir.mkdir(parents=True, exist_ok=True)
    stamp = workdir / "manifest.json"
    wanted = {"spec": spec, "records": records, "seed": seed, "invalid_rate": 0.01}
    stem = contract.dataset.replace("/", "-")
    paths = {fmt: workdir / f"{stem}.{fmt}" for fmt in formats}
    done = json.loads(stamp.read_text()) if stamp.is_file() else {}
    if done.get("files") and {**done, "files": None} == {**wanted, "files": None}:
        missing = [fmt for fmt in formats if fmt not in done["files"]]
    else:
        done, missing = {**wanted, "files": []}, list(formats)
    if not missing:
        return paths

    def stream() -> Any:
        if contract.dataset in CREDIT_DATASETS:
            return SyntheticRecords(contract, seed=seed, invalid_rate=0.01).records(records)
        samples = sample_records(REPO / "samples", contract)
        return ResampledRecords(contract, samples, seed=seed, invalid_rate=0.01).records(records)

    columns = [  # documents (objects, arrays) are not part of the bulk CSV form
        n
        for n, f in contract.fields.items()
        if f.json_types and not {"array", "object"} & set(f.json_types)
    ]
    writers = {
        "jsonl": lambda path: write_jsonl(path, stream()),
        "json": lambda path: write_json_array(path, stream()),
        "csv": lambda path: write_csv(path, stream(), columns, plain=True),
    }
    for fmt in missing:
        started = time.perf_counter()
        writers[fmt](paths[fmt])
        print(f"generated {records:,} records as {fmt} in {time.perf_counter() - started:.0f} s")
        done["files"] = sorted({*done["files"], fmt})
        stamp.write_text(json.dumps(done))
    return paths


def _prefix(path: Path, fmt: str, records: int, workdir: Path) -> Path:
    """The first ``records`` records of a file, in the same format."""
    target = workdir / f"prefix-{records}.{fmt}"
    if target.is_file():
        return target
    with path.open(encoding="utf-8") as source, target.open("w", encoding="utf-8") as out:
        if fmt == "json":
            lines = list(islice(source, records + 1))
            out.writelines(lines)
            out.write("]\n")
        else:
            extra = 1 if fmt == "csv" else 0
            out.writelines(islice(source, records + extra))
    return target


# ------------------------------------------------------------ measuring
def _tree_rss(root: int, cpu: dict[int, float]) -> int:
    """Memory (bytes, PSS) of ``root`` and its descendants; their CPU seconds go to ``cpu``."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    ticks: dict[int, float] = {}
    page = os.sysconf("SC_PAGE_SIZE")
    hertz = os.sysconf("SC_CLK_TCK")
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            statm = (entry / "statm").read_text().split()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        pid = int(entry.name)
        parents[pid] = int(fields[1])
        rss[pid] = int(statm[1]) * page
        ticks[pid] = (int(fields[11]) + int(fields[12])) / hertz
    total = 0
    for pid, size in rss.items():
        walk = pid
        while walk in parents and walk != root:
            walk = parents[walk]
        if walk == root:
            total += _pss(pid, size)
            cpu[pid] = max(cpu.get(pid, 0.0), ticks[pid])
    return total


def _pss(pid: int, rss: int) -> int:
    """Proportional set size: resident memory with pages shared between processes split."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return rss


def _measure(command: list[str]) -> tuple[str, float, float, float]:
    """Run ``command``; return its output, wall seconds, peak MB and CPU seconds (whole tree)."""
    cpu: dict[int, float] = {}
    with tempfile.TemporaryFile("w+", encoding="utf-8") as out:
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=out)  # noqa: S603
        peak = 0
        while process.poll() is None:
            peak = max(peak, _tree_rss(process.pid, cpu))
            time.sleep(SAMPLE_SECONDS)
        wall = time.perf_counter() - started
        out.seek(0)
        output = out.read()
    if process.returncode not in (0, 1):
        msg = f"{command} failed with exit code {process.returncode}"
        raise RuntimeError(msg)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    waited = children.ru_utime + children.ru_stime
    cpu[process.pid] = max(cpu.get(process.pid, 0.0), waited - _CHILD_CPU[0])
    _CHILD_CPU[0] = waited
    return output, wall, peak / 2**20, sum(cpu.values())


def _run(
    fmt: str, engine: str, path: Path, records: int, spec: str, against: Path | None = None
) -> Result:
    if engine == "frictionless":
        dataset, version = spec.split("@")
        schema = REPO / f"contracts/{dataset}/{version}/table-schema.json"
        frictionless = Path(sys.executable).with_name("frictionless")
        command = [
            str(frictionless), "validate", str(path), "--schema", str(schema),
            "--limit-errors", "100000000", "--json", "--trusted",
        ]  # fmt: skip
        output, wall, peak, cpu = _measure(command)
        report = json.loads(output)
        task = report["tasks"][0]
        count = int(task["stats"]["errors"])
        rows = int(task["stats"].get("rows", records))
        return Result(fmt, engine, rows, wall, wall, peak, count, cpu)
    command = [sys.executable, str(Path(__file__)), "--measure", engine, str(path), "--spec", spec]
    if against is not None:
        command += ["--against", str(against)]
    output, wall, peak, cpu = _measure(command)
    data = json.loads(output.strip().splitlines()[-1])
    return Result(
        fmt,
        engine if against is None else f"{engine}, --against",
        int(data["records"]),
        float(data["seconds"]),
        wall,
        peak,
        data["violations"],
        cpu,
    )


def _measure_here(engine: str, path: Path, spec: str, against: Path | None) -> None:
    """Run one engine in this process and print what it did as one JSON line.

    The seconds start once the libraries are imported (start-up is in the wall time).
    """
    import jsonschema  # noqa: PLC0415, F401 - imported before the clock starts

    import kontrak  # noqa: PLC0415

    started = time.perf_counter()
    if engine == "python-jsonschema":
        records, violations = _plain_jsonschema(path, spec)
    else:
        extra = (against,) if against is not None else ()
        options = kontrak.ValidateOptions(engine=engine, max_errors=1000, against=extra)
        report = kontrak.validate(spec, [path], options)
        records, violations = report.records, report.total
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        json.dumps({"records": records, "seconds": seconds, "violations": violations, "rss": peak})
    )


def _plain_jsonschema(path: Path, spec: str) -> tuple[int, int]:
    """python-jsonschema alone: every error of every record, with its line and path."""
    from jsonschema import Draft202012Validator  # noqa: PLC0415

    from kontrak.contract import load_contract  # noqa: PLC0415
    from kontrak.formats import FORMAT_CHECKER  # noqa: PLC0415

    contract = load_contract(spec)
    validator = Draft202012Validator(
        dict(contract.schema), registry=contract.registry, format_checker=FORMAT_CHECKER
    )
    errors: list[tuple[int, str, str]] = []
    records = 0
    with path.open("rb") as handle:
        for number, line in enumerate(handle, start=1):
            record = json.loads(line)
            records += 1
            errors.extend(
                (number, "/".join(map(str, e.absolute_path)), e.message)
                for e in validator.iter_errors(record)
            )
    return records, len(errors)


# ------------------------------------------------------------------ report
def _table(results: list[Result]) -> str:
    rows = [
        "| format | engine | records | seconds | records/s | wall s | CPU s | peak MB "
        "| violations |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    rows += [
        f"| {r.format} | {r.engine} | {r.records:,} | {r.seconds:.2f} | {r.rate:,.0f} | "
        f"{r.wall:.2f} | {r.cpu:.1f} | {r.peak_mb:,.0f} | "
        f"{'' if r.violations is None else f'{r.violations:,}'} |"
        for r in results
    ]
    return "\n".join(rows)


def main() -> None:
    """Parse options, generate the data, run every engine, print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--spec", default=SPEC, help="DATASET@VERSION (default: %(default)s)")
    parser.add_argument("--seed", type=int, default=20240601)
    parser.add_argument("--baseline-records", type=int, default=50_000)
    parser.add_argument(
        "--workdir", type=Path, default=Path(tempfile.gettempdir()) / "kontrak-bench"
    )
    parser.add_argument("--formats", default=",".join(FORMATS))
    parser.add_argument("--skip-baselines", action="store_true")
    parser.add_argument("--against", type=Path, help="also run with foreign keys looked up here")
    parser.add_argument("--measure", nargs=2, metavar=("ENGINE", "PATH"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        _measure_here(args.measure[0], Path(args.measure[1]), args.spec, args.against)
        return
    formats = [f for f in args.formats.split(",") if f in FORMATS]
    paths = _files(args.workdir, args.records, args.seed, formats, args.spec)
    results: list[Result] = []
    for fmt in formats:
        path = paths[fmt]
        size = path.stat().st_size
        print(f"{fmt}: {path} ({size / 2**20:,.0f} MB)", flush=True)
        results.append(_run(fmt, "fast", path, args.records, args.spec))
        if args.against is not None:
            against = args.against.resolve()
            results.append(_run(fmt, "fast", path, args.records, args.spec, against))
        if args.skip_baselines:
            continue
        prefix = _prefix(path, fmt, args.baseline_records, args.workdir)
        baseline = args.baseline_records
        results.append(_run(fmt, "reference", prefix, baseline, args.spec))
        if fmt == "jsonl":
            results.append(_run(fmt, "python-jsonschema", prefix, baseline, args.spec))
        if fmt == "csv":
            results.append(_run(fmt, "frictionless", prefix, baseline, args.spec))
    print()
    print(f"kontrak benchmark · {args.spec} · {args.records:,} records · seed {args.seed}")
    print(f"machine: {os.cpu_count()} CPU, Python {sys.version.split()[0]}")
    print(_table(results))
    (args.workdir / "results.json").write_text(json.dumps([asdict(r) for r in results], indent=1))


if __name__ == "__main__":
    main()
