"""Benchmark: match N LAN credit-point records against N BKN records with ~1 % differences.

Generates two seeded synthetic JSON Lines files in the shapes of ``riwayat-angka-kredit`` (LAN)
and ``siasn-rw-angkakredit`` (BKN) in a child process, then, in a fresh child process, loads both
through the canonical layer, matches them and writes the detail of the differences, printing the
time of each phase and the peak memory (ru_maxrss) of that process. The planted differences are
known, so the run also checks that matching found exactly them.

    .venv/bin/python scripts/bench_match.py --records 4500000 --workdir /tmp/bench-match

Validation of the inputs is not part of the figure: ``kontrak match`` validates first, at the
validator's own speed (see the validator's benchmark).
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
from pathlib import Path

import polars as pl

# Every 200th record differs in one field, every 400th is missing at BKN, and one extra BKN
# record is added per 400 records: about 1 % of the records are not equal.
DIFFERENT_EVERY = 200
MISSING_EVERY = 400
EXTRA_EVERY = 400


def _nip(person: pl.Expr) -> pl.Expr:
    combo = person % 23520
    year = 1960 + combo % 35
    month = 1 + (combo // 35) % 12
    day = 1 + (combo // 420) % 28
    sex = 1 + (combo // 11760) % 2
    seq = 1 + person // 23520

    def pad(expr: pl.Expr, width: int) -> pl.Expr:
        return expr.cast(pl.String).str.zfill(width)

    return pl.concat_str(
        pad(year, 4),
        pad(month, 2),
        pad(day, 2),
        pad(year + 25, 4),
        pad(month, 2),
        sex.cast(pl.String),
        pad(seq, 3),
    )


def _base(n: int) -> pl.DataFrame:
    i = pl.int_range(n, dtype=pl.Int64)
    year = 2015 + i % 9
    return pl.select(
        i.alias("i"),
        _nip(i // 4).alias("nipBaru"),
        i.cast(pl.String).str.zfill(32).alias("siasn_id"),
        pl.format("AK-{}", i.cast(pl.String).str.zfill(9)).alias("idSipka"),
        pl.format("800/{}/PAK/{}", i, year).alias("nomorSk"),
        pl.format(
            "{}-{}-{}",
            (1 + i % 28).cast(pl.String).str.zfill(2),
            (1 + i % 12).cast(pl.String).str.zfill(2),
            year + 1,
        ).alias("tanggalSk"),
        year.cast(pl.String).alias("tahun"),
        pl.format("{}.5", 10 + i % 90).alias("kreditBaruTotal"),
    )


def generate(n: int, workdir: Path) -> dict[str, int]:
    """Write lan.jsonl and bkn.jsonl; return the planted counts."""
    base = _base(n)
    known_id = pl.col("i") % 2 == 0
    lan = base.select(
        "idSipka",
        "nipBaru",
        pl.when(known_id).then(pl.col("siasn_id")).otherwise(pl.lit("")).alias("id"),
        pl.lit("").alias("pnsId"),
        pl.lit("").alias("rwJabatanId"),
        "nomorSk",
        "tanggalSk",
        pl.lit("01").alias("bulanMulaiPenailan"),
        pl.col("tahun").alias("tahunMulaiPenailan"),
        pl.lit("12").alias("bulanSelesaiPenailan"),
        pl.col("tahun").alias("tahunSelesaiPenailan"),
        pl.lit("").alias("kreditUtamaBaru"),
        pl.lit("").alias("kreditPenunjangBaru"),
        "kreditBaruTotal",
        pl.lit("0").alias("isAngkaKreditPertama"),
        pl.lit("0").alias("isIntegrasi"),
        pl.lit("1").alias("isKonversi"),
    )
    differs = pl.col("i") % DIFFERENT_EVERY == 7
    missing = pl.col("i") % MISSING_EVERY == 3
    bkn = base.filter(~missing).select(
        pl.col("siasn_id").str.to_uppercase().alias("id"),
        pl.lit("").alias("pns"),
        "nomorSk",
        "tanggalSk",
        pl.lit("1").alias("bulanMulaiPenailan"),
        pl.col("tahun").alias("tahunMulaiPenailan"),
        pl.lit("12").alias("bulanSelesaiPenailan"),
        pl.col("tahun").alias("tahunSelesaiPenailan"),
        pl.lit("").alias("kreditUtamaBaru"),
        pl.lit("").alias("kreditPenunjangBaru"),
        pl.when(differs)
        .then(pl.lit("99.25"))
        .otherwise(pl.col("kreditBaruTotal"))
        .alias("kreditBaruTotal"),
        pl.lit("").alias("rwJabatan"),
        pl.lit("Widyaiswara Ahli Muda").alias("namaJabatan"),
        pl.lit("0").alias("isAngkaKreditPertama"),
        pl.lit("0").alias("isIntegrasi"),
        pl.lit("1").alias("isKonversi"),
        "nipBaru",
    )
    extra = _base(n // EXTRA_EVERY).select(
        pl.format("E{}", pl.col("siasn_id").str.slice(1)).alias("id"),
        pl.lit("").alias("pns"),
        pl.format("EXTRA/{}", pl.col("i")).alias("nomorSk"),
        "tanggalSk",
        pl.lit("7").alias("bulanMulaiPenailan"),
        pl.lit("2030").alias("tahunMulaiPenailan"),
        pl.lit("9").alias("bulanSelesaiPenailan"),
        pl.lit("2030").alias("tahunSelesaiPenailan"),
        pl.lit("").alias("kreditUtamaBaru"),
        pl.lit("").alias("kreditPenunjangBaru"),
        "kreditBaruTotal",
        pl.lit("").alias("rwJabatan"),
        pl.lit("Widyaiswara Ahli Muda").alias("namaJabatan"),
        pl.lit("0").alias("isAngkaKreditPertama"),
        pl.lit("0").alias("isIntegrasi"),
        pl.lit("1").alias("isKonversi"),
        "nipBaru",
    )
    workdir.mkdir(parents=True, exist_ok=True)
    lan.write_ndjson(workdir / "lan.jsonl")
    pl.concat([bkn, extra]).write_ndjson(workdir / "bkn.jsonl")
    planted = {
        "beda": base.filter(differs & ~missing).height,
        "hanya-lan": base.filter(missing).height,
        "hanya-bkn": extra.height,
        "ambigu": 0,
    }
    planted["sama"] = n - planted["beda"] - planted["hanya-lan"]
    return planted


def measure(workdir: Path) -> dict[str, object]:
    """Load, match and write the differences; return phase times and peak memory."""
    from kontrak.contract import load_contract  # noqa: PLC0415 - timed process only
    from kontrak.matching import match_frames, pair_by_id  # noqa: PLC0415
    from kontrak.matching.frames import Source, side_frame  # noqa: PLC0415

    pair = pair_by_id("angka-kredit")
    sources = [
        Source("LAN", load_contract("riwayat-angka-kredit"), workdir / "lan.jsonl", "jsonl", "l"),
        Source("BKN", load_contract("siasn-rw-angkakredit"), workdir / "bkn.jsonl", "jsonl", "b"),
    ]
    phases: dict[str, float] = {}
    start = time.perf_counter()
    lan = side_frame(sources, pair, "LAN")
    phases["load+normalise LAN"] = time.perf_counter() - start
    mark = time.perf_counter()
    bkn = side_frame(sources, pair, "BKN")
    phases["load+normalise BKN"] = time.perf_counter() - mark
    mark = time.perf_counter()
    result = match_frames(pair, lan, bkn)
    phases["match+classify"] = time.perf_counter() - mark
    mark = time.perf_counter()
    result.differences.write_csv(workdir / "differences.csv")
    result.items.with_columns(pl.col(pl.List(pl.String)).list.join(" ")).write_csv(
        workdir / "items.csv"
    )
    phases["write detail"] = time.perf_counter() - mark
    total = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_SELF)
    peak_mb = usage.ru_maxrss / 1024
    return {
        "lan_records": result.lan_records,
        "bkn_records": result.bkn_records,
        "counts": result.counts,
        "phases_s": {k: round(v, 2) for k, v in phases.items()},
        "total_s": round(total, 2),
        "cpu_s": round(usage.ru_utime + usage.ru_stime, 1),
        "peak_rss_mb": round(peak_mb),
        "load_average": [round(x, 1) for x in os.getloadavg()],
    }


def main() -> int:
    """Run the benchmark and print its figures; exit 1 if the counts differ from the plan."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=4_500_000)
    parser.add_argument(
        "--workdir", type=Path, default=Path(tempfile.gettempdir()) / "kontrak-bench-match"
    )
    parser.add_argument("--phase", choices=["all", "generate", "measure"], default="all")
    args = parser.parse_args()
    if args.phase == "generate":
        print(json.dumps(generate(args.records, args.workdir)))
        return 0
    if args.phase == "measure":
        print(json.dumps(measure(args.workdir)))
        return 0
    me = [sys.executable, __file__, "--records", str(args.records), "--workdir", str(args.workdir)]
    started = time.perf_counter()
    made = subprocess.run(  # noqa: S603 - runs this script itself
        [*me, "--phase", "generate"], capture_output=True, text=True, check=True
    )
    planted = json.loads(made.stdout)
    print(
        f"generated {args.records:,} LAN records in {time.perf_counter() - started:.1f} s; "
        f"planted: {planted}"
    )
    ran = subprocess.run(  # noqa: S603 - runs this script itself
        [*me, "--phase", "measure"], capture_output=True, text=True, check=True
    )
    figures = json.loads(ran.stdout)
    for name, seconds in figures["phases_s"].items():
        print(f"  {name:<22} {seconds:8.2f} s")
    print(
        f"total {figures['total_s']:.2f} s wall, {figures['cpu_s']:.1f} s CPU, peak memory "
        f"{figures['peak_rss_mb']:,} MB (LAN {figures['lan_records']:,} records, BKN "
        f"{figures['bkn_records']:,}); load average after the run {figures['load_average']}"
    )
    print(f"found:   {figures['counts']}")
    exact = all(figures["counts"][k] == v for k, v in planted.items())
    print("planted differences found exactly" if exact else "MISMATCH with the planted counts")
    return 0 if exact else 1


if __name__ == "__main__":
    sys.exit(main())
