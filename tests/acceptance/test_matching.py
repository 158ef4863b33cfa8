"""`kontrak match` on the 2024 S2 sample packages finds exactly the planted differences."""

from __future__ import annotations

import datetime as dt
import json
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from tests.conftest import SAMPLES
from typer.testing import CliRunner

from kontrak.cli.app import app
from kontrak.matching.minutes import load_isian
from kontrak.matching.outputs import RoundOutputs, write_round
from kontrak.matching.run import MatchOptions, MatchRun, run_matching
from kontrak.validation import validate
from kontrak.yaml_io import load_yaml

PLANTED: dict[str, Any] = load_yaml(SAMPLES / "pemadanan" / "2024-s2.planted.yaml")
LAN = str(SAMPLES / PLANTED["lan"])
BKN = str(SAMPLES / PLANTED["bkn"])
TODAY = dt.date.fromisoformat(PLANTED["today"])


@pytest.fixture(scope="module")
def run() -> MatchRun:
    return run_matching([LAN], [BKN], MatchOptions(today=TODAY))


@pytest.fixture(scope="module")
def written(run: MatchRun, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, RoundOutputs]:
    outdir = tmp_path_factory.mktemp("pemadanan")
    isian = load_isian(SAMPLES / PLANTED["isian"])
    return outdir, write_round(run, outdir, isian=isian)


def _items(
    run: MatchRun, pair_id: str
) -> list[tuple[str, tuple[str, ...], tuple[str, ...], tuple[str, ...]]]:
    result = next(r for r in run.results if r.pair.id == pair_id)
    return sorted(
        (row["class"], tuple(row["lan_ids"]), tuple(row["bkn_ids"]), tuple(row["fields"]))
        for row in result.items.iter_rows(named=True)
    )


def test_inputs_are_validated_first_and_valid(run: MatchRun) -> None:
    assert run.inputs_valid
    assert {f.spec for f in run.lan.files} == {
        "riwayat-angka-kredit@1.0.0",
        "riwayat-jabatan@1.0.0",
        "riwayat-pelatihan-jf@1.0.0",
    }
    assert all(report.records > 0 for side in run.sides for report in side.reports)


@pytest.mark.parametrize("pair_id", sorted(PLANTED["pairs"]))
def test_finds_exactly_the_planted_differences(run: MatchRun, pair_id: str) -> None:
    expected = PLANTED["pairs"][pair_id]
    result = next(r for r in run.results if r.pair.id == pair_id)
    assert result.counts == expected["counts"]
    planted = sorted(
        (i["class"], tuple(i["lan"]), tuple(i["bkn"]), tuple(i["fields"]))
        for i in expected["items"]
    )
    assert _items(run, pair_id) == planted


def test_differences_carry_old_and_new_values(run: MatchRun) -> None:
    result = next(r for r in run.results if r.pair.id == "angka-kredit")
    rows = {row["field"]: row for row in result.differences.iter_rows(named=True)}
    assert (rows["kreditBaruTotal"]["lan_value"], rows["kreditBaruTotal"]["bkn_value"]) == (
        "25",
        "27.5",
    )
    assert (rows["tanggalSk"]["lan_value"], rows["tanggalSk"]["bkn_value"]) == (
        "2024-03-12",
        "2024-03-13",
    )


def test_correction_lists_and_minutes_validate(written: tuple[Path, RoundOutputs]) -> None:
    outdir, outputs = written
    checked = [f for f in outputs.files if f.contract]
    (package,) = [f for f in outputs.files if f.kind == "paket"]
    assert package.valid
    assert package.report is not None
    assert package.report.counts_by_severity.get("warning", 0) == 0, "foreign keys resolve"
    assert {f.path.name for f in checked} == {
        "perbaikan-data-lan.untuk-bkn.jsonl",
        "perbaikan-data-lan.untuk-lan.jsonl",
        "berita-acara-pemadanan.json",
    }
    assert all(f.valid for f in checked), [f.report.violations for f in checked if f.report]
    report = validate("perbaikan-data-lan", [outdir / "perbaikan-data-lan.untuk-bkn.jsonl"])
    assert report.valid
    lines = (outdir / "perbaikan-data-lan.untuk-bkn.jsonl").read_text(encoding="utf-8").splitlines()
    to_bkn = [json.loads(line) for line in lines]
    assert {r["ditujukanKepada"] for r in to_bkn} == {"BKN"}
    change = next(r for r in to_bkn if r["kolom"] == "tanggalSk")
    assert (change["nilaiLama"], change["nilaiBaru"]) == ("13-03-2024", "12-03-2024")


def test_minutes_record_counts_and_hashes(
    written: tuple[Path, RoundOutputs], run: MatchRun
) -> None:
    outdir, _ = written
    record = json.loads((outdir / "berita-acara-pemadanan.json").read_text(encoding="utf-8"))
    assert (record["idPemadanan"], record["tahun"], record["semester"]) == ("PDN-2024-S2", 2024, 2)
    assert [h["kontrakLan"] for h in record["hasil"]] == [
        "riwayat-angka-kredit@1.0.0",
        "riwayat-jabatan@1.0.0",
        "riwayat-pelatihan-jf@1.0.0",
    ]
    hasil = record["hasil"][0]
    lan_file = next(f for f in run.lan.files if f.contract.dataset == "riwayat-angka-kredit")
    assert hasil["sha256Lan"] == lan_file.sha256
    assert (hasil["jumlahCocok"], hasil["jumlahBerbeda"], hasil["jumlahAmbiguBkn"]) == (3, 3, 2)
    assert {s["pihak"] for s in record["penandatangan"]} == {"LAN", "BKN"}
    markdown = (outdir / "berita-acara-pemadanan.md").read_text(encoding="utf-8")
    assert "PIHAK KESATU (LAN)" in markdown
    assert "PIHAK KEDUA (BKN)" in markdown
    assert hasil["sha256Lan"] in markdown


def test_minutes_document_names_every_input_hash(
    written: tuple[Path, RoundOutputs], run: MatchRun
) -> None:
    outdir, _ = written
    files = [*run.lan.files, *run.bkn.files]
    assert {f.contract.dataset for f in files} >= {"data-widyaiswara", "data-analis-kebijakan"}
    for name in ("berita-acara-pemadanan.md", "berita-acara-pemadanan.html"):
        document = (outdir / name).read_text(encoding="utf-8")
        missing = [f.contract.spec for f in files if f.sha256 not in document]
        assert not missing, (name, missing)


def test_excel_report_opens_and_reads(written: tuple[Path, RoundOutputs]) -> None:
    outdir, _ = written
    book = load_workbook(outdir / "pemadanan.xlsx", read_only=True)
    assert book.sheetnames == ["Ringkasan", "Masukan", "Rincian", "Perbedaan"]
    summary = list(book["Ringkasan"].iter_rows(values_only=True))
    details = list(book["Perbedaan"].iter_rows(values_only=True))
    book.close()  # a read-only workbook keeps its file open until closed
    assert "disamarkan" in str(summary[1][0])
    pairs = {row[0]: row for row in summary[9:] if row and row[0]}
    assert pairs["angka-kredit"][3:8] == (3, 3, 1, 1, 1)
    assert len(details) == 1 + 7
    assert all("*" in str(row[1]) for row in details[1:]), "NIPs are masked"


class _Tables(HTMLParser):
    """Collects the tags seen and the text of every table cell."""

    def __init__(self) -> None:
        super().__init__()
        self.cells: list[str] = []
        self.tags: list[str] = []
        self._in_cell = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag in ("td", "th"):
            self._in_cell = True
            self.cells.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th"):
            self._in_cell = False

    def handle_data(self, data: str) -> None:
        if self._in_cell:
            self.cells[-1] += data


def test_html_report_parses_and_masks(written: tuple[Path, RoundOutputs]) -> None:
    outdir, _ = written
    parser = _Tables()
    parser.feed((outdir / "pemadanan.html").read_text(encoding="utf-8"))
    assert parser.tags.count("table") == 4
    assert "Hanya di LAN" in parser.cells
    assert "AK-2024-000153" in parser.cells
    assert "198403142009122987" not in parser.cells
    minutes = _Tables()
    minutes.feed((outdir / "berita-acara-pemadanan.html").read_text(encoding="utf-8"))
    assert "PIHAK KESATU (LAN)" in minutes.cells
    assert "NIP 197601152000122001" in minutes.cells


def test_show_values_marks_reports_as_personal(run: MatchRun, tmp_path: Path) -> None:
    write_round(run, tmp_path, show_values=True)
    html = (tmp_path / "pemadanan.html").read_text(encoding="utf-8")
    assert "Memuat data pribadi" in html
    assert "198403142009122987" in html
    book = load_workbook(tmp_path / "pemadanan.xlsx", read_only=True)
    first = next(book["Ringkasan"].iter_rows(values_only=True, min_row=2))[0]
    book.close()
    assert "DATA PRIBADI" in str(first)


def test_cli_match_exit_code_and_outputs(tmp_path: Path) -> None:
    isian = str(SAMPLES / PLANTED["isian"])
    result = CliRunner().invoke(
        app,
        [
            "match",
            "--lan",
            LAN,
            "--bkn",
            BKN,
            "-o",
            str(tmp_path),
            "--isian",
            isian,
            "--today",
            PLANTED["today"],
        ],
    )
    assert result.exit_code == 1, result.output
    assert (
        "berita-acara-pemadanan.json  [berita-acara-pemadanan: 1 record, sah/valid]"
        in result.output
    )
    assert "198403142009122987" not in result.output


def test_cli_match_equal_inputs_exit_zero(tmp_path: Path) -> None:
    data = SAMPLES / "packages/valid/bkn-2024-s2"
    result = CliRunner().invoke(
        app,
        [
            "match",
            "--lan",
            f"riwayat-angka-kredit={SAMPLES / PLANTED['lan']}/riwayat-angka-kredit.jsonl",
            "--bkn",
            f"siasn-rw-angkakredit={data}/siasn-rw-angkakredit.json",
            "--pair",
            "angka-kredit",
            "--period",
            "2024-S2",
            "--format",
            "json",
        ],
    )
    assert result.exit_code == 1
    assert json.loads(result.output)["pairs"][0]["counts"]["sama"] == 3


def test_invalid_input_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "ak.jsonl"
    good = (SAMPLES / PLANTED["lan"] / "riwayat-angka-kredit.jsonl").read_text(encoding="utf-8")
    bad.write_text(
        good.replace('"tanggalSk": "20-01-2024"', '"tanggalSk": "31-02-2024"'), encoding="utf-8"
    )
    run = run_matching([f"riwayat-angka-kredit={bad}"], [BKN], MatchOptions(period="2024-S2"))
    assert run.refused
    assert not run.results
    assert run.lan.files[0].invalid_records == 1
    flagged = run_matching(
        [f"riwayat-angka-kredit={bad}"], [BKN], MatchOptions(period="2024-S2", allow_invalid=True)
    )
    assert not flagged.refused
    assert flagged.results
    assert not flagged.inputs_valid


def test_wrong_side_is_a_usage_error() -> None:
    result = CliRunner().invoke(app, ["match", "--lan", BKN, "--bkn", LAN])
    assert result.exit_code == 2
    assert "bukan LAN" in result.output


def test_unreadable_input_is_exit_two() -> None:
    result = CliRunner().invoke(
        app, ["match", "--lan", "riwayat-angka-kredit=/tidak/ada.jsonl", "--bkn", BKN]
    )
    assert result.exit_code == 2
    assert "tak terbaca" in result.output


def test_plain_file_without_dataset_is_a_usage_error(tmp_path: Path) -> None:
    plain = tmp_path / "x.jsonl"
    plain.write_text("{}\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["match", "--lan", str(plain), "--bkn", BKN])
    assert result.exit_code == 2
    assert "DATASET" in result.output


def test_no_personal_value_in_any_report_by_default(written: tuple[Path, RoundOutputs]) -> None:
    outdir, _ = written
    personal = ["198403142009122987", "800/0987/PAK-KONV/2024", "EF180D434490BF595B51C7655E4869F3"]
    for name in ("pemadanan.json", "pemadanan.txt", "pemadanan.html"):
        text = (outdir / name).read_text(encoding="utf-8")
        assert not [value for value in personal if value in text], name
    book = load_workbook(outdir / "pemadanan.xlsx", read_only=True)
    cells = [
        str(cell) for sheet in book for row in sheet.iter_rows(values_only=True) for cell in row
    ]
    book.close()
    assert not [value for value in personal if any(value in cell for cell in cells)]


def test_refused_round_names_the_validation_codes(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app,
        [
            "match",
            "--lan",
            str(SAMPLES / "packages/invalid/hash-mismatch"),
            "--bkn",
            str(SAMPLES / "packages/valid/bkn-2024-s1"),
            "-o",
            str(tmp_path),
        ],
    )
    assert result.exit_code == 1, result.output
    assert "DITOLAK" in result.output
    line = next(x for x in result.output.splitlines() if "validasi LAN" in x)
    assert "hash-mismatch 1" in line
    html = (tmp_path / "pemadanan.html").read_text(encoding="utf-8")
    assert "LAN: hash-mismatch 1" in html
