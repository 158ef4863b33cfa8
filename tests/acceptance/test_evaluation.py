"""`kontrak evaluate`: indicators from matching rounds, valid evaluasi-integrasi records, charts."""

from __future__ import annotations

import copy
import datetime as dt
import json
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import SAMPLES
from typer.testing import CliRunner

from kontrak.agreement_status import Schedule
from kontrak.cli.app import app
from kontrak.evaluation import compute_indicators, evaluation_records
from kontrak.evaluation.records import met
from kontrak.matching.outputs import write_round
from kontrak.matching.period import parse_period
from kontrak.matching.run import MatchOptions, run_matching
from kontrak.validation import validate


@pytest.fixture(scope="module")
def round_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    outdir = tmp_path_factory.mktemp("round")
    run = run_matching(
        [str(SAMPLES / "packages/valid/lan-2024-s2")],
        [str(SAMPLES / "packages/valid/bkn-2024-s2")],
        MatchOptions(today=dt.date(2025, 1, 15)),
    )
    write_round(run, outdir)
    return outdir / "pemadanan.json"


def _by_code(records: list[dict[str, Any]]) -> dict[tuple[str, str], dict[str, Any]]:
    return {(r["kodeIndikator"], r["objek"]): r for r in records}


def test_indicators_of_the_sample_round(round_report: Path) -> None:
    data = json.loads(round_report.read_text(encoding="utf-8"))
    period = parse_period("2024-S2")
    records = evaluation_records(
        compute_indicators([data], period, Schedule()),
        period,
        dt.date(2025, 2, 1),
        round_id="PDN-2024-S2",
    )
    found = _by_code(records)
    match = found[("KECOCOKAN", "riwayat-angka-kredit@1.0.0")]
    assert (match["pembilang"], match["penyebut"], match["nilai"]) == (3, 8, 37.5)
    assert match["capaian"] == "tidak-tercapai"
    complete = found[("KELENGKAPAN", "pertukaran")]
    assert (complete["pembilang"], complete["penyebut"]) == (5, 6)
    assert found[("VALIDITAS", "siasn-rw-angkakredit@1.0.0")]["nilai"] == 100
    assert found[("KETEPATAN-WAKTU", "pertukaran")]["nilai"] == 100
    assert found[("KETERLAMBATAN", "pertukaran")]["nilai"] == 0
    assert {r["idEvaluasi"] for r in records} == {"EVI-2024-S2"}


def test_late_delivery_lowers_timeliness(round_report: Path) -> None:
    data = json.loads(round_report.read_text(encoding="utf-8"))
    data["packages"][0]["created"] = "2025-01-20T08:00:00+07:00"
    period = parse_period("2024-S2")
    found = _by_code(
        evaluation_records(
            compute_indicators([data], period, Schedule(delivery_days=15)),
            period,
            dt.date(2025, 2, 1),
        )
    )
    assert found[("KETEPATAN-WAKTU", "pertukaran")]["nilai"] == 50
    assert found[("KETERLAMBATAN", "pertukaran")]["nilai"] == 5


def test_target_direction() -> None:
    assert met(99.0, 98.0, "naik")
    assert not met(97.0, 98.0, "naik")
    assert met(0.0, 0.0, "turun")
    assert not met(3.0, 0.0, "turun")


class _Svg(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)


def test_cli_writes_valid_records_and_a_chart(round_report: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app,
        [
            "evaluate",
            str(round_report),
            "--period",
            "2024",
            "--today",
            "2025-02-01",
            "-o",
            str(tmp_path),
        ],
    )
    assert result.exit_code == 1, result.output  # KECOCOKAN and frequency miss their targets
    records_file = tmp_path / "evaluasi-integrasi.jsonl"
    assert validate("evaluasi-integrasi", [records_file]).valid
    records = [json.loads(line) for line in records_file.read_text(encoding="utf-8").splitlines()]
    assert _by_code(records)[("FREKUENSI-PEMADANAN", "pertukaran")]["nilai"] == 1
    assert {r["idEvaluasi"] for r in records} == {"EVI-2024-T"}
    parser = _Svg()
    parser.feed((tmp_path / "evaluasi-integrasi.html").read_text(encoding="utf-8"))
    assert "svg" in parser.tags
    assert parser.tags.count("rect") >= 2
    assert "table" in parser.tags


def test_round_outside_the_period_is_a_usage_error(round_report: Path) -> None:
    result = CliRunner().invoke(app, ["evaluate", str(round_report), "--period", "2023-S1"])
    assert result.exit_code == 2
    assert "tidak ada laporan pemadanan" in result.output


def test_not_a_report_is_a_usage_error(tmp_path: Path) -> None:
    other = tmp_path / "x.json"
    other.write_text("{}", encoding="utf-8")
    result = CliRunner().invoke(app, ["evaluate", str(other), "--period", "2024-S2"])
    assert result.exit_code == 2


def test_validation_reports_count_for_validity(tmp_path: Path) -> None:
    bad = tmp_path / "ak.jsonl"
    good = (SAMPLES / "packages/valid/lan-2024-s2/riwayat-angka-kredit.jsonl").read_text(
        encoding="utf-8"
    )
    bad.write_text(good.replace('"tanggalSk": "20-01-2024"', '"tanggalSk": "31-02-2024"'), "utf-8")
    report = tmp_path / "validasi.json"
    runner = CliRunner()
    validated = runner.invoke(
        app, ["validate", "riwayat-angka-kredit", str(bad), "--format", "json", "-o", str(report)]
    )
    assert validated.exit_code == 1
    result = runner.invoke(
        app,
        [
            "evaluate",
            str(report),
            "--period",
            "2024-S2",
            "--today",
            "2025-02-01",
            "-o",
            str(tmp_path / "out"),
        ],
    )
    records = [
        json.loads(line)
        for line in (tmp_path / "out/evaluasi-integrasi.jsonl").read_text("utf-8").splitlines()
    ]
    (validity,) = records
    assert (validity["kodeIndikator"], validity["pembilang"], validity["penyebut"]) == (
        "VALIDITAS",
        7,
        8,
    )
    assert validity["capaian"] == "tidak-tercapai"
    assert result.exit_code == 1


def test_matching_report_follows_its_published_schema(round_report: Path) -> None:
    from jsonschema import Draft202012Validator
    from tests.conftest import REPO

    from kontrak.formats import FORMAT_CHECKER
    from kontrak.schema_registry import load_json_file

    schema = load_json_file(REPO / "contracts/_meta/matching-report.schema.json")
    data = json.loads(round_report.read_text(encoding="utf-8"))
    assert not list(Draft202012Validator(schema, format_checker=FORMAT_CHECKER).iter_errors(data))


def test_malformed_matching_report_is_a_usage_error(round_report: Path, tmp_path: Path) -> None:
    data = json.loads(round_report.read_text(encoding="utf-8"))
    del data["packages"]
    broken = tmp_path / "pemadanan.json"
    broken.write_text(json.dumps(data), encoding="utf-8")
    result = CliRunner().invoke(app, ["evaluate", str(broken), "--period", "2024-S2"])
    assert result.exit_code == 2
    assert "packages" in result.output


def test_yearly_evaluation_of_both_sample_rounds(round_report: Path, tmp_path: Path) -> None:
    first = run_matching(
        [str(SAMPLES / "packages/valid/lan-2024-s1")],
        [str(SAMPLES / "packages/valid/bkn-2024-s1")],
        MatchOptions(today=dt.date(2024, 7, 20)),
    )
    write_round(first, tmp_path)
    rounds = [
        json.loads(path.read_text(encoding="utf-8"))
        for path in (tmp_path / "pemadanan.json", round_report)
    ]
    period = parse_period("2024")
    found = _by_code(
        evaluation_records(
            compute_indicators(rounds, period, Schedule()), period, dt.date(2025, 2, 1)
        )
    )
    assert found[("FREKUENSI-PEMADANAN", "pertukaran")]["nilai"] == 2
    timely = found[("KETEPATAN-WAKTU", "pertukaran")]
    assert (timely["pembilang"], timely["penyebut"]) == (4, 4), "the sample packages are on time"
    assert found[("KETERLAMBATAN", "pertukaran")]["nilai"] == 0


def test_yearly_completeness_counts_people_not_person_rounds(round_report: Path) -> None:
    """Two rounds in a year: the rosters of the latest round, not both rosters added up."""
    later = json.loads(round_report.read_text(encoding="utf-8"))
    earlier = copy.deepcopy(later)
    earlier["period"] = {"start": "2024-01-01", "end": "2024-06-30"}
    for pair in earlier["pairs"]:
        if pair["id"] == "daftar-jf":
            pair["bkn_records"], pair["counts"]["sama"], pair["counts"]["beda"] = 4, 1, 0
    period = parse_period("2024")
    for rounds in ([earlier, later], [later, earlier]):
        found = _by_code(
            evaluation_records(
                compute_indicators(rounds, period, Schedule()), period, dt.date(2025, 2, 1)
            )
        )
        complete = found[("KELENGKAPAN", "pertukaran")]
        assert (complete["pembilang"], complete["penyebut"]) == (5, 6)
