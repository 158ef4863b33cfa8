"""The CLI as a user runs it: exit codes, text and JSON reports, listing, masking."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.conftest import SAMPLES
from typer.testing import CliRunner

from kontrak.cli import app

RUNNER = CliRunner()
LAN = SAMPLES / "riwayat-angka-kredit/1.0.0"
BKN = SAMPLES / "siasn-rw-angkakredit/1.0.0"


def run(*args: str | Path) -> tuple[int, str]:
    result = RUNNER.invoke(app, [str(a) for a in args])
    return result.exit_code, result.output


def test_valid_sample_exits_zero_in_text_and_json() -> None:
    code, out = run("validate", "riwayat-angka-kredit", LAN / "valid/lan/pak-2024s1.jsonl")
    assert code == 0
    assert "SAH (exit 0)" in out
    code, out = run(
        "validate", "riwayat-angka-kredit@1.0.0", LAN / "valid/lan/pak-2024s1.csv", "-f", "json"
    )
    report = json.loads(out)
    assert code == 0
    assert report["valid"] is True
    assert [v for v in report["violations"] if v["severity"] != "info"] == []
    assert report["files"][0]["records"] == 4
    assert len(report["files"][0]["sha256"]) == 64
    assert report["contract"]["uri"].endswith("/riwayat-angka-kredit/1.0.0/schema.json")


def test_invalid_sample_gives_code_location_and_exit_one() -> None:
    path = BKN / "invalid/bkn/data.0.tanggalSk.invalid-date.json"
    code, out = run("validate", "siasn-rw-angkakredit", path, "--format", "json")
    assert code == 1
    report = json.loads(out)
    assert report["valid"] is False
    (violation,) = report["violations"]
    assert violation["code"] == "invalid-date"
    assert violation["severity"] == "error"
    assert violation["pointer"] == "/data/0/tanggalSk"
    assert violation["field"] == "tanggalSk"
    assert violation["file"] == str(path)
    assert violation["message"]
    code, out = run("validate", "siasn-rw-angkakredit", path)
    assert code == 1
    assert "#/data/0/tanggalSk" in out
    assert "invalid-date" in out


def test_csv_violation_is_located_by_row_and_field() -> None:
    path = LAN / "invalid/lan/row-4.tanggalSk.date-retyped.csv"
    code, out = run("validate", "riwayat-angka-kredit", path, "-f", "json", "--lang", "en")
    (violation,) = [v for v in json.loads(out)["violations"] if v["severity"] != "info"]
    assert code == 1
    assert (violation["row"], violation["field"], violation["code"]) == (
        4,
        "tanggalSk",
        "date-retyped",
    )
    assert "written as YYYY-MM-DD, not DD-MM-YYYY" in violation["message"]


def test_jsonl_violation_is_located_by_line() -> None:
    path = BKN / "invalid/bkn/line-4.nipBaru.pattern-mismatch.jsonl"
    code, out = run("validate", "siasn-rw-angkakredit", path, "-f", "json")
    (violation,) = json.loads(out)["violations"]
    assert code == 1
    assert (violation["line"], violation["pointer"]) == (4, "/nipBaru")


@pytest.mark.parametrize(
    ("path", "code_expected"),
    [
        (LAN / "invalid/lan/file.not-utf8.csv", "not-utf8"),
        (LAN / "invalid/lan/file.invalid-json.json", "invalid-json"),
        (LAN / "does-not-exist.json", "file-not-found"),
        (LAN / "valid", "not-a-file"),
        (SAMPLES / "known-differences.yaml", "unsupported-format"),
    ],
)
def test_unreadable_input_exits_two_with_a_code(path: Path, code_expected: str) -> None:
    code, out = run("validate", "riwayat-angka-kredit", path, "-f", "json")
    assert code == 2
    report = json.loads(out)
    # rows read before a bad byte may add the notice that foreign keys were not checked
    found = [v["code"] for v in report["violations"] if v["severity"] != "info"]
    assert found == [code_expected]
    assert "Traceback" not in out


def test_empty_file_exits_two(tmp_path: Path) -> None:
    empty = tmp_path / "kosong.jsonl"
    empty.write_text("\n\n", encoding="utf-8")
    code, out = run("validate", "riwayat-angka-kredit", empty, "-f", "json")
    assert code == 2
    assert json.loads(out)["violations"][0]["code"] == "empty-file"


def test_unknown_dataset_or_version_is_a_usage_error() -> None:
    result = RUNNER.invoke(app, ["validate", "tidak-ada", str(LAN / "valid/lan/pak-2024s1.json")])
    assert result.exit_code == 2
    assert "tidak-ada" in str(result.exception) or "tidak-ada" in result.output
    result = RUNNER.invoke(
        app, ["validate", "riwayat-angka-kredit@9.9.9", str(LAN / "valid/lan/pak-2024s1.json")]
    )
    assert result.exit_code == 2


def test_bad_option_is_a_usage_error() -> None:
    code, _ = run(
        "validate", "riwayat-angka-kredit", LAN / "valid/lan/pak-2024s1.json", "--format", "xml"
    )
    assert code == 2


def test_warnings_fail_only_when_asked() -> None:
    path = LAN / "invalid/lan/0.kreditBaruTotal.credit-sum-mismatch.json"
    assert run("validate", "riwayat-angka-kredit", path)[0] == 0
    assert run("validate", "riwayat-angka-kredit", path, "--fail-on", "warning")[0] == 1


def test_max_errors_caps_the_list_not_the_counts(tmp_path: Path) -> None:
    bad = tmp_path / "buruk.json"
    records = json.loads((LAN / "valid/lan/pak-2024s1.json").read_text(encoding="utf-8"))
    for record in records:
        record["tanggalSk"] = "31-02-2024"
        record["bulanMulaiPenailan"] = "13"
    bad.write_text(json.dumps(records), encoding="utf-8")
    code, out = run("validate", "riwayat-angka-kredit", bad, "-f", "json", "--max-errors", "3")
    report = json.loads(out)
    assert code == 1
    assert len(report["violations"]) == 3
    assert report["summary"]["errors"] == 8
    assert report["summary"]["truncated"] is True


def test_output_file_is_written(tmp_path: Path) -> None:
    target = tmp_path / "laporan.json"
    code, out = run(
        "validate",
        "riwayat-angka-kredit",
        LAN / "valid/lan/pak-2024s1.json",
        "-f",
        "json",
        "-o",
        target,
    )
    assert code == 0
    assert out == ""
    assert json.loads(target.read_text(encoding="utf-8"))["valid"] is True


def test_list_json_has_id_version_direction_basis() -> None:
    code, out = run("list", "--format", "json")
    assert code == 0
    items = {item["id"]: item for item in json.loads(out)}
    assert items["riwayat-angka-kredit"]["direction"] == "LAN→BKN"
    assert items["siasn-rw-angkakredit"]["direction"] == "BKN→LAN"
    for item in items.values():
        assert {"id", "version", "direction", "basis"} <= set(item)
        assert item["basis"]


def test_list_text_is_bilingual() -> None:
    assert "Pasal 3 ayat (2) angka 3" in run("list")[1]
    assert "Article 3(2) item 3" in run("list", "--lang", "en")[1]


def test_samples_command_passes() -> None:
    code, out = run("samples")
    assert code == 0, out
    assert "0 tidak sesuai harapan" in out


def test_strip_drops_unagreed_fields_and_the_result_validates(tmp_path: Path) -> None:
    source = BKN / "invalid/bkn/data.0.genEmailAsn.field-not-agreed.json"
    target = tmp_path / "bersih.json"
    code, out = run("strip", "siasn-rw-angkakredit", source, "-o", target)
    assert code == 0
    assert "genEmailAsn" in out
    assert "sekar.pramesti" not in out  # the dropped value is never printed
    assert "genEmailAsn" not in target.read_text(encoding="utf-8")
    code, out = run("validate", "siasn-rw-angkakredit", target, "-f", "json")
    assert code == 0
    assert json.loads(out)["summary"]["warnings"] == 0


def test_strip_csv_drops_the_column(tmp_path: Path) -> None:
    target = tmp_path / "bersih.csv"
    source = LAN / "invalid/lan/row-1.nilaiSkp.field-not-agreed.csv"
    assert run("strip", "riwayat-angka-kredit", source, "-o", target)[0] == 0
    assert run("validate", "riwayat-angka-kredit", target)[0] == 0


def test_strip_refuses_unreadable_input_without_writing(tmp_path: Path) -> None:
    target = tmp_path / "hasil.csv"
    code, _ = run(
        "strip", "riwayat-angka-kredit", LAN / "invalid/lan/file.not-utf8.csv", "-o", target
    )
    assert code == 2
    assert not target.exists()


def test_strip_refuses_a_spreadsheet_with_a_located_message(tmp_path: Path) -> None:
    """strip writes JSON, JSON Lines or CSV; an .xlsx gets unsupported-format, not a crash."""
    target = tmp_path / "hasil.csv"
    code, out = run(
        "strip", "riwayat-angka-kredit", LAN / "valid/lan/pak-2024s1.xlsx", "-o", target
    )
    assert code == 2
    assert "[unsupported-format] Format berkas 'xlsx' tidak didukung." in out
    assert "File format 'xlsx' is not supported." in out
    assert not target.exists()


def test_deeply_nested_json_is_invalid_json_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "dalam.json"
    path.write_text("[" * 50_000 + "]" * 50_000, encoding="utf-8")
    code, out = run("validate", "riwayat-angka-kredit", path, "-f", "json")
    assert code == 2
    assert json.loads(out)["violations"][0]["code"] == "invalid-json"


def test_huge_csv_cell_is_reported_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "besar.csv"
    path.write_text("idSipka,nomorSk\nA-1," + "x" * 200_000 + "\n", encoding="utf-8")
    code, out = run("validate", "riwayat-angka-kredit", path, "-f", "json")
    codes = {v["code"] for v in json.loads(out)["violations"]}
    assert code == 1
    assert "too-long" in codes


def test_an_internal_error_is_a_message_not_a_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    import kontrak.cli.cmd_validate as command

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(command, "validate", broken)
    monkeypatch.delenv("KONTRAK_DEBUG", raising=False)
    result = RUNNER.invoke(
        app, ["validate", "riwayat-angka-kredit", str(LAN / "valid/lan/pak-2024s1.json")]
    )
    assert result.exit_code == 2
    assert "internal error" in result.output
    assert "Traceback" not in result.output
