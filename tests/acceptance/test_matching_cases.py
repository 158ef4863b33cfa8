"""Matching edge cases: ambiguity on the LAN side, roster corrections, empty sides."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from tests.conftest import SAMPLES

from kontrak.matching.corrections import build_corrections, correction_records
from kontrak.matching.run import MatchOptions, MatchRun, run_matching
from kontrak.validation import validate

LAN_PKG = SAMPLES / "packages/valid/lan-2024-s2"
BKN_PKG = SAMPLES / "packages/valid/bkn-2024-s2"
OPTIONS = MatchOptions(period="2024-S2", today=dt.date(2025, 1, 15))


def _lan_records() -> list[dict[str, Any]]:
    text = (LAN_PKG / "riwayat-angka-kredit.jsonl").read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines()]


def _write(path: Path, records: list[dict[str, Any]]) -> str:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return str(path)


def _result(run: MatchRun, pair_id: str) -> Any:
    return next(r for r in run.results if r.pair.id == pair_id)


def test_two_lan_candidates_for_one_bkn_record_are_ambiguous(tmp_path: Path) -> None:
    records = _lan_records()
    twin = dict(records[2], idSipka="AK-2024-009999")  # same SK number and date as AK-2024-000153
    lan = _write(tmp_path / "ak.jsonl", [*records, twin])
    run = run_matching(
        [f"riwayat-angka-kredit={lan}"],
        [f"siasn-rw-angkakredit={BKN_PKG / 'siasn-rw-angkakredit.json'}"],
        OPTIONS,
    )
    result = _result(run, "angka-kredit")
    groups = result.items.filter(result.items["class"] == "ambigu")
    lan_sides = sorted(tuple(row) for row in groups["lan_ids"].to_list())
    assert ("AK-2024-000153", "AK-2024-009999") in lan_sides
    assert result.record_counts["ambigu"][0] == 3
    corrections = [c for c in build_corrections(run) if c.reason == "AMBIGU" and c.party == "LAN"]
    assert sorted(c.sipka_id for c in corrections) == ["AK-2024-000153", "AK-2024-009999"]
    assert all(c.action == "hapus" for c in corrections)


def test_person_missing_from_rosters_and_person_on_both(tmp_path: Path) -> None:
    records = _lan_records()
    stranger = dict(records[0], idSipka="AK-2024-007777", nipBaru="198802142012011003", id="")
    lan = _write(tmp_path / "ak.jsonl", [*records, stranger])
    roster = (BKN_PKG / "data-analis-kebijakan.jsonl").read_text(encoding="utf-8").splitlines()
    widyaiswara = json.loads(roster[0]) | {
        "jabatanFungsionalId": "A5EB03E24055F6A0E040640A040252AD",
        "jabatanFungsionalNama": "Widyaiswara Ahli Madya",
    }
    both = _write(tmp_path / "wi.jsonl", [widyaiswara])
    run = run_matching(
        [f"riwayat-angka-kredit={lan}"],
        [
            f"data-widyaiswara={both}",
            f"data-analis-kebijakan={BKN_PKG / 'data-analis-kebijakan.jsonl'}",
        ],
        OPTIONS,
    )
    assert run.inputs_valid, [v.code for r in run.bkn.reports for v in r.violations]
    result = _result(run, "daftar-jf")
    classes = {row["person"]: row["class"] for row in result.items.iter_rows(named=True)}
    assert classes["198802142012011003"] == "hanya-lan"
    assert classes[widyaiswara["nipBaru"]] == "ambigu"
    lists = correction_records(run, build_corrections(run), "LAN")
    delete = next(r for r in lists["LAN"] if r["nipBaru"] == "198802142012011003")
    assert (delete["jenisTindakan"], delete["alasan"], delete["idRecordSipka"]) == (
        "hapus",
        "HANYA-DI-SIPKA",
        "AK-2024-007777",
    )
    duplicates = [r for r in lists["BKN"] if r["alasan"] == "AMBIGU"]
    assert {r["kontrak"] for r in duplicates} == {
        "data-widyaiswara@1.0.0",
        "data-analis-kebijakan@1.0.0",
    }
    for party, records_ in lists.items():
        path = _write(tmp_path / f"untuk-{party}.jsonl", records_)
        assert validate("perbaikan-data-lan", [path]).valid


def test_pns_id_difference_goes_to_the_lan_record_that_gave_it(tmp_path: Path) -> None:
    records = _lan_records()
    records[0]["pnsId"] = "EF180D434490BF595B51C7655E4869F4"  # SIASN has ...F3
    lan = _write(tmp_path / "ak.jsonl", records)
    run = run_matching(
        [f"riwayat-angka-kredit={lan}"],
        [f"data-widyaiswara={BKN_PKG / 'data-widyaiswara.csv'}"],
        MatchOptions(period="2024-S2", today=dt.date(2025, 1, 15), pairs=("daftar-jf",)),
    )
    lists = correction_records(run, build_corrections(run), "LAN")
    change = next(r for r in lists["LAN"] if r["kolom"] == "pnsId")
    assert change["idRecordSipka"] == "AK-2021-000731"
    assert (change["nilaiLama"], change["nilaiBaru"]) == (
        "EF180D434490BF595B51C7655E4869F4",
        "EF180D434490BF595B51C7655E4869F3",
    )


def test_empty_bkn_side_makes_everything_only_at_lan(tmp_path: Path) -> None:
    empty = tmp_path / "tidak-ditemukan.json"
    empty.write_text('{"code": 0, "data": "Data tidak ditemukan"}', encoding="utf-8")
    run = run_matching([str(LAN_PKG)], [f"siasn-rw-angkakredit={empty}"], OPTIONS)
    result = _result(run, "angka-kredit")
    assert result.counts == {"sama": 0, "beda": 0, "hanya-lan": 8, "hanya-bkn": 0, "ambigu": 0}
    assert result.match_rate == 0.0
