"""Every report format, as CI jobs read them: valid SARIF, JUnit, annotations, JSON by its schema.

The options that shape a report (--lang, --fail-on, --max-errors, --output) work the same in
every format: the list is capped, the counts are not.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

import pytest
from jsonschema import Draft4Validator, Draft202012Validator, FormatChecker
from tests.conftest import REPO, SAMPLES
from typer.testing import CliRunner

from kontrak.catalog import load_catalog
from kontrak.cli import app
from kontrak.contract import load_contract
from kontrak.reporters import REPORTERS
from kontrak.reporters.github_report import escape_data, escape_property
from kontrak.reporters.json_report import report_to_dict
from kontrak.reporters.text_report import SHOWN_PER_CODE
from kontrak.samples import PackageCase, iter_package_cases, iter_sample_cases
from kontrak.validation import ValidateOptions, validate_package, validate_with_contract

RUNNER = CliRunner()
CASES = list(iter_sample_cases(SAMPLES, load_catalog(REPO / "contracts")))
SARIF = Draft4Validator(json.loads((REPO / "tests/data/sarif-schema-2.1.0.json").read_text()))
REPORT_SCHEMA = json.loads((REPO / "docs/schemas/report.schema.json").read_text())
REPORT = Draft202012Validator(REPORT_SCHEMA, format_checker=FormatChecker())
LAN = SAMPLES / "riwayat-angka-kredit/1.0.0"
CONTRACT = load_contract("riwayat-angka-kredit@1.0.0")
HEADER = (
    "idSipka,nipBaru,id,pnsId,rwJabatanId,nomorSk,tanggalSk,bulanMulaiPenailan,"
    "tahunMulaiPenailan,bulanSelesaiPenailan,tahunSelesaiPenailan,kreditUtamaBaru,"
    "kreditPenunjangBaru,kreditBaruTotal,isAngkaKreditPertama,isIntegrasi,isKonversi"
)


def run(*args: str | Path) -> tuple[int, str]:
    result = RUNNER.invoke(app, [str(a) for a in args])
    return result.exit_code, result.output


def _many_errors(tmp_path: Path, count: int = SHOWN_PER_CODE + 15) -> Path:
    rows = [
        f"AK-{i},1.98403E+17,,,,SK {i},20-01-2024,1,2023,12,2023,20,5,25,0,0,1"
        for i in range(count)
    ]
    path = tmp_path / "banyak.csv"
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return path


def _all_reports() -> list[tuple[str, Any]]:
    """Every sample once, the languages taking turns (messages differ, structure does not)."""
    reports = []
    for number, case in enumerate(CASES):
        lang = ("id", "en")[number % 2]
        reports.append((f"{case.path.name}-{lang}", (case.spec, [case.path], lang)))
    return reports


@pytest.mark.parametrize(
    ("name", "setup"), _all_reports(), ids=lambda x: x if isinstance(x, str) else ""
)
def test_json_and_sarif_reports_of_every_sample_are_valid(name: str, setup: Any) -> None:
    spec, paths, lang = setup
    report = validate_with_contract(load_contract(spec), paths)
    data = json.loads(REPORTERS["json"](report, lang))
    errors = [f"{e.json_path}: {e.message}" for e in REPORT.iter_errors(data)]
    assert not errors, errors
    sarif = json.loads(REPORTERS["sarif"](report, lang))
    errors = [f"{e.json_path}: {e.message}" for e in SARIF.iter_errors(sarif)]
    assert not errors, errors
    assert len(sarif["runs"][0]["results"]) == len(report.violations)


@pytest.mark.parametrize("case", list(iter_package_cases(SAMPLES)), ids=lambda c: c.name)
def test_json_and_sarif_reports_of_every_sample_package_are_valid(case: PackageCase) -> None:
    report = validate_package(case.path, ValidateOptions(against=case.against))
    data = json.loads(REPORTERS["json"](report, "en"))
    errors = [f"{e.json_path}: {e.message}" for e in REPORT.iter_errors(data)]
    assert not errors, errors
    sarif = json.loads(REPORTERS["sarif"](report, "en"))
    errors = [f"{e.json_path}: {e.message}" for e in SARIF.iter_errors(sarif)]
    assert not errors, errors
    run_ = sarif["runs"][0]
    assert len(run_["results"]) == len(report.violations)
    uris = [a["location"]["uri"] for a in run_["artifacts"]]
    for result in run_["results"]:
        location = result["locations"][0]["physicalLocation"]["artifactLocation"]
        assert uris[location["index"]] == location["uri"]


def test_sarif_names_the_package_descriptor_with_its_hash() -> None:
    folder = SAMPLES / "packages/invalid/hash-mismatch"
    report = validate_package(folder)
    run_ = json.loads(REPORTERS["sarif"](report, "en"))["runs"][0]
    result = next(r for r in run_["results"] if r["ruleId"] == "hash-mismatch")
    index = result["locations"][0]["physicalLocation"]["artifactLocation"]["index"]
    artifact = run_["artifacts"][index]
    assert artifact["location"]["uri"].endswith("hash-mismatch/datapackage.json")
    assert report.package is not None
    assert artifact["hashes"]["sha-256"] == report.package.sha256


def test_unreadable_and_capped_reports_follow_their_schemas(tmp_path: Path) -> None:
    paths = [tmp_path / "tidak-ada.json", tmp_path, _many_errors(tmp_path)]
    report = validate_with_contract(CONTRACT, paths, ValidateOptions(max_errors=3))
    assert report.truncated
    assert not list(REPORT.iter_errors(json.loads(REPORTERS["json"](report, "en"))))
    sarif = json.loads(REPORTERS["sarif"](report, "en"))
    assert not list(SARIF.iter_errors(sarif))
    assert sarif["runs"][0]["properties"]["violations"] == report.total
    assert len(sarif["runs"][0]["results"]) == 3
    assert sarif["runs"][0]["invocations"][0]["executionSuccessful"] is False


def test_sarif_locates_rows_and_pointers_and_hashes_files() -> None:
    paths = [
        LAN / "invalid/lan/row-4.tanggalSk.date-retyped.csv",
        LAN / "invalid/lan/0.tanggalSk.invalid-date.json",
    ]
    report = validate_with_contract(CONTRACT, paths)
    run_ = json.loads(REPORTERS["sarif"](report, "en"))["runs"][0]
    results = {r["ruleId"]: r for r in run_["results"]}
    row = results["date-retyped"]["locations"][0]
    assert row["physicalLocation"]["region"] == {"startLine": 4}
    assert row["physicalLocation"]["artifactLocation"]["uri"].endswith(
        "row-4.tanggalSk.date-retyped.csv"
    )
    pointer = results["invalid-date"]["locations"][0]
    assert "region" not in pointer["physicalLocation"]
    assert pointer["logicalLocations"][0]["fullyQualifiedName"] == "/0/tanggalSk"
    assert all(len(a["hashes"]["sha-256"]) == 64 for a in run_["artifacts"])
    rule = next(r for r in run_["tool"]["driver"]["rules"] if r["id"] == "date-retyped")
    assert rule["helpUri"].endswith("/en/galat/#date-retyped")


def test_junit_counts_failures_and_errors(tmp_path: Path) -> None:
    paths = [
        LAN / "valid/lan/pak-2024s1.csv",
        _many_errors(tmp_path, 3),
        tmp_path / "tidak-ada.csv",
    ]
    code, out = run("validate", "riwayat-angka-kredit", *paths, "-f", "junit", "--lang", "en")
    assert code == 2
    root = ET.fromstring(out)
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == [str(p) for p in paths]
    valid, invalid, missing = suites
    # each file also gets the info notice that its foreign keys could not be checked
    assert (valid.get("tests"), valid.get("failures")) == ("1", "0")
    assert invalid.get("failures") == "3"
    failure = invalid.find("testcase/failure")
    assert failure is not None
    assert failure.get("type") == "number-as-scientific"
    assert missing.get("errors") == "1"
    assert root.get("failures") == "3"
    properties = {p.get("name"): p.get("value") for p in invalid.iter("property")}
    assert properties["violations"] == "4"  # 3 errors and the foreign-key notice
    assert len(properties["sha256"] or "") == 64


def test_junit_warnings_pass_unless_fail_on_warning() -> None:
    path = LAN / "invalid/lan/0.kreditBaruTotal.credit-sum-mismatch.json"
    code, out = run("validate", "riwayat-angka-kredit", path, "-f", "junit")
    assert code == 0
    assert ET.fromstring(out).get("failures") == "0"
    assert "credit-sum-mismatch" in out
    code, out = run("validate", "riwayat-angka-kredit", path, "-f", "junit", "--fail-on", "warning")
    assert code == 1
    assert ET.fromstring(out).get("failures") == "1"


def test_github_annotations(tmp_path: Path) -> None:
    path = LAN / "invalid/lan/row-4.tanggalSk.date-retyped.csv"
    code, out = run("validate", "riwayat-angka-kredit", path, "-f", "github", "--lang", "en")
    assert code == 1
    *notices, first, summary, contract, given = out.strip().splitlines()
    assert all(line.startswith("::notice ") for line in notices)
    assert contract == f"  contract riwayat-angka-kredit@1.0.0 sha256 {CONTRACT.sha256}"
    assert given == f"  input {path} sha256 {hashlib.sha256(path.read_bytes()).hexdigest()}"
    assert re.fullmatch(
        r"::error file=[^,]+\.csv,line=4,title=kontrak date-retyped · row 4%2C column tanggalSk::.+",
        first,
    )
    assert "%0A" not in first
    assert summary.startswith("kontrak validate riwayat-angka-kredit@1.0.0: invalid (exit 1)")
    _, indonesian = run("validate", "riwayat-angka-kredit", path, "-f", "github")
    assert "riwayat-angka-kredit@1.0.0: tidak sah (exit 1); 4 record, 1 galat" in indonesian
    warning = LAN / "invalid/lan/0.kreditBaruTotal.credit-sum-mismatch.json"
    _, out = run("validate", "riwayat-angka-kredit", warning, "-f", "github")
    assert "::warning file=" in out
    assert "(#/0/kreditBaruTotal)" in out


def test_github_escaping() -> None:
    assert escape_data("50%\nnext\r") == "50%25%0Anext%0D"
    assert escape_property("a,b:c") == "a%2Cb%3Ac"


def test_text_report_groups_and_summarises(tmp_path: Path) -> None:
    path = _many_errors(tmp_path)
    code, out = run("validate", "riwayat-angka-kredit", path, "--lang", "en")
    assert code == 1
    assert out.count("[error number-as-scientific]") == SHOWN_PER_CODE
    assert "… 15 more with code number-as-scientific" in out
    assert "in this file: 35 errors, 0 warnings, 1 info — " in out
    assert "number-as-scientific 35" in out
    assert re.search(r"number-as-scientific\s+35\s+Number turned into scientific notation", out)
    assert out.rstrip().endswith("INVALID (exit 1)")
    _, out_id = run("validate", "riwayat-angka-kredit", path)
    assert "… 15 lagi dengan kode number-as-scientific" in out_id


def test_thousands_are_written_as_each_language_writes_them() -> None:
    from kontrak.reporters.text_report import format_count

    assert format_count(1234567, "id") == "1.234.567"
    assert format_count(1234567, "en") == "1,234,567"


@pytest.mark.parametrize("fmt", sorted(REPORTERS))
def test_max_errors_caps_the_list_but_not_the_counts(fmt: str, tmp_path: Path) -> None:
    path = _many_errors(tmp_path)
    output = tmp_path / f"laporan.{fmt}"
    code, out = run(
        "validate", "riwayat-angka-kredit", path, "-f", fmt, "--max-errors", "4", "-o", output
    )
    assert code == 1
    assert out == ""
    text = output.read_text(encoding="utf-8")
    # 35 errors and one info notice (the foreign keys could not be checked)
    if fmt == "json":
        data = json.loads(text)
        assert (data["summary"]["violations"], len(data["violations"])) == (36, 4)
    elif fmt == "sarif":
        run_ = json.loads(text)["runs"][0]
        assert (run_["properties"]["violations"], len(run_["results"])) == (36, 4)
    elif fmt == "junit":
        root = ET.fromstring(text)
        assert root.get("tests") == "4"
        assert root.get("failures") == "3"  # the info notice comes first and does not fail
        assert any(p.get("value") == "36" for p in root.iter("property"))
    elif fmt == "github":
        assert text.count("::error") + text.count("::notice") == 4
        assert "4 dari 36 dianotasi" in text
    else:
        assert "listed 4 of 36" in text.replace("dicantumkan 4 dari 36", "listed 4 of 36")


def test_report_schema_is_published_with_the_report_uri() -> None:
    assert REPORT_SCHEMA["$id"] == "https://lan-bkn.github.io/kontrak/schemas/report.schema.json"
    report = validate_with_contract(CONTRACT, [LAN / "valid/lan/pak-2024s1.json"])
    assert report_to_dict(report)["$schema"] == REPORT_SCHEMA["$id"]


def test_output_that_cannot_be_written_is_a_usage_error(tmp_path: Path) -> None:
    path = LAN / "valid/lan/pak-2024s1.csv"
    for target in (tmp_path, tmp_path / "tidak-ada" / "laporan.json"):
        code, out = run("validate", "riwayat-angka-kredit", path, "-o", target)
        assert code == 2
        assert f"--output {target}" in out
        assert "internal" not in out


def test_one_run_writes_several_reports(tmp_path: Path) -> None:
    """``--report FORMAT=FILE`` writes each report of the same run, as ``--format`` would."""
    path = LAN / "invalid/lan/2.nipBaru.nip-invalid.json"
    targets = {fmt: tmp_path / f"laporan.{fmt}" for fmt in ("json", "junit", "sarif", "text")}
    extra = [arg for fmt, file in targets.items() for arg in ("--report", f"{fmt}={file}")]
    code, out = run("validate", "riwayat-angka-kredit", path, "-f", "github", *extra)
    assert code == 1
    for fmt, file in targets.items():
        alone, text = run("validate", "riwayat-angka-kredit", path, "-f", fmt)
        assert alone == code
        written = file.read_text(encoding="utf-8")
        if fmt in ("json", "sarif"):  # the same report apart from the time it was made
            assert _without_times(json.loads(written)) == _without_times(json.loads(text))
        else:
            assert _without_times_text(written) == _without_times_text(text)
    assert "::error" in out


def _without_times(data: Any) -> Any:
    if isinstance(data, dict):
        return {k: _without_times(v) for k, v in data.items() if "time" not in k.lower()}
    if isinstance(data, list):
        return [_without_times(v) for v in data]
    return data


def _without_times_text(text: str) -> str:
    return re.sub(r'(time|timestamp)="[^"]*"', "", text)


@pytest.mark.parametrize("spec", ["bogus", "pdf=laporan.pdf", "json="])
def test_a_bad_report_option_is_a_usage_error(spec: str) -> None:
    code, out = run(
        "validate", "riwayat-angka-kredit", LAN / "valid/lan/pak-2024s1.json", "--report", spec
    )
    assert code == 2
    assert "--report" in out


def test_english_counts_of_one_are_singular() -> None:
    path = LAN / "invalid/lan/2.nipBaru.nip-invalid.json"
    _, out = run("validate", "riwayat-angka-kredit", path, "--lang", "en")
    assert "Summary: 1 file, " in out
    assert ", 1 error, " in out
    _, out = run("validate", "riwayat-angka-kredit", path)
    assert "Ringkasan: 1 berkas, " in out


def test_text_report_never_sends_control_characters(tmp_path: Path) -> None:
    """A NUL or a terminal escape in a value is shown escaped, not sent to the terminal."""
    path = tmp_path / "kendali.jsonl"
    path.write_text('{"idSipka": "AK\\u0000\\u001b[31mX"}\n', encoding="utf-8")
    _, out = run("validate", "riwayat-angka-kredit", path)
    assert "\x00" not in out
    assert "\x1b" not in out
    assert "AK\\x00\\x1b[31mX" in out
