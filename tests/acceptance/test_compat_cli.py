"""`kontrak compat` on the real evolution, in every output format, with its exit codes."""

from __future__ import annotations

import json
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from tests.conftest import SAMPLES
from typer.testing import CliRunner

from kontrak.cli import app

RUNNER = CliRunner()
ADDITIVE = ("riwayat-angka-kredit@1.0.0", "riwayat-angka-kredit@1.1.0")
BREAKING = ("siasn-rw-angkakredit@1.0.0", "siasn-rw-angkakredit@2.0.0")


def run(*args: str) -> tuple[int, str]:
    result = RUNNER.invoke(app, ["compat", *args])
    return result.exit_code, result.output


def test_additive_minor_is_backward_compatible_in_text() -> None:
    code, out = run(*ADDITIVE)
    assert code == 0
    assert "mode BACKWARD_TRANSITIVE" in out
    assert "BACKWARD ✓" in out
    assert "FORWARD ✗" in out
    assert "[warning] property-added  /properties/predikatKinerja  (memutus: FORWARD)" in out
    assert "domain-rule-added" in out
    assert "KOMPATIBEL (BACKWARD_TRANSITIVE, exit 0)" in out


def test_breaking_major_in_text_english() -> None:
    code, out = run(*BREAKING, "--lang", "en")
    assert code == 1
    assert (
        "[error  ] key-renamed  /properties/bulanMulaiPenilaian  (breaks: BACKWARD, FORWARD)" in out
    )
    assert "Key 'bulanMulaiPenailan' renamed to 'bulanMulaiPenilaian'." in out
    assert "property-deprecated" in out
    assert out.rstrip().splitlines()[-1].startswith("NOT COMPATIBLE (BACKWARD_TRANSITIVE, exit 1)")


@pytest.mark.parametrize(("pair", "exit_code"), [(ADDITIVE, 0), (BREAKING, 1)])
def test_json(pair: tuple[str, str], exit_code: int) -> None:
    code, out = run(*pair, "--format", "json", "--lang", "en")
    report = json.loads(out)
    assert code == exit_code == report["exit_code"]
    (result,) = report["results"]
    assert result["verdicts"]["BACKWARD"] is (exit_code == 0)
    assert result["verdicts"]["FORWARD"] is False
    changes = result["comparisons"][0]["changes"]
    assert all({"rule", "severity", "breaks", "path", "message"} <= set(c) for c in changes)
    if exit_code:
        renamed = [c for c in changes if c["rule"] == "key-renamed"]
        assert len(renamed) == 4
        assert renamed[0]["breaks"] == ["BACKWARD", "FORWARD"]
        assert renamed[0]["severity"] == "error"


@pytest.mark.parametrize(("pair", "failures"), [(ADDITIVE, 0), (BREAKING, 1)])
def test_junit(pair: tuple[str, str], failures: int) -> None:
    code, out = run(*pair, "--format", "junit")
    assert code == failures
    root = ET.fromstring(out.split("\n", 1)[1])
    assert root.tag == "testsuites"
    assert int(root.get("failures", "-1")) == failures
    cases = root.findall(".//testcase")
    assert [c.get("name", "").split()[0] for c in cases] == ["BACKWARD"]
    if failures:
        failure = cases[0].find("failure")
        assert failure is not None
        assert failure.get("message") == "key-renamed"


@pytest.mark.parametrize(("pair", "exit_code"), [(ADDITIVE, 0), (BREAKING, 1)])
def test_github_annotations(pair: tuple[str, str], exit_code: int) -> None:
    code, out = run(*pair, "--format", "github", "--lang", "en")
    assert code == exit_code
    lines = out.splitlines()
    assert all(line.startswith("::") for line in lines)
    errors = [line for line in lines if line.startswith("::error ")]
    assert len(errors) == (4 if exit_code else 0)
    assert all("file=contracts/" in line and "/schema.json,title=" in line for line in errors)
    assert lines[-1].startswith("::notice ")


def test_mode_option_changes_the_verdict() -> None:
    assert run(*ADDITIVE, "--mode", "FORWARD")[0] == 1
    assert run(*ADDITIVE, "--mode", "NONE")[0] == 0


def test_output_file(tmp_path: object) -> None:
    from pathlib import Path

    target = Path(str(tmp_path)) / "compat.xml"
    code, out = run(*BREAKING, "--format", "junit", "--output", str(target))
    assert code == 1
    assert out == ""
    assert target.read_text(encoding="utf-8").startswith("<?xml")


@pytest.mark.parametrize(
    "args",
    [
        ("riwayat-angka-kredit@1.0.0",),
        ("riwayat-angka-kredit@1.0.0", "siasn-rw-angkakredit@2.0.0"),
        ("riwayat-angka-kredit", "riwayat-angka-kredit@1.1.0"),
        ("riwayat-angka-kredit@1.0.0", "riwayat-angka-kredit@7.0.0"),
        ("--against", "no-such-revision"),
        ("--against", "--help-me"),
        (*ADDITIVE, "--format", "sarif"),
    ],
)
def test_usage_errors_exit_two(args: tuple[str, ...]) -> None:
    code, out = run(*args)
    assert code == 2, out
    assert "Traceback" not in out


@pytest.mark.parametrize("command", ["compat", "validate"])
def test_an_output_file_that_cannot_be_written_is_a_usage_error(
    tmp_path: Path, command: str
) -> None:
    """A report path in a missing folder, or a folder, is reported as such, not as an internal error."""
    args = [*ADDITIVE] if command == "compat" else [
        "riwayat-angka-kredit", str(SAMPLES / "riwayat-angka-kredit/1.0.0/valid/lan/pak-2024s1.jsonl")
    ]  # fmt: skip
    for target in (tmp_path / "missing" / "report.txt", tmp_path):
        result = RUNNER.invoke(app, [command, *args, "--output", str(target)])
        assert result.exit_code == 2, result.output
        assert f"cannot write the report to {target}" in result.output
        assert "internal error" not in result.output
    assert list(tmp_path.iterdir()) == [], "no temporary file left behind"


def test_machine_formats_name_the_broken_directions_in_the_report_language() -> None:
    for fmt in ("junit", "github"):
        _, indonesian = run(*BREAKING, "--format", fmt)
        _, english = run(*BREAKING, "--format", fmt, "--lang", "en")
        assert "memutus: BACKWARD, FORWARD" in indonesian
        assert "breaks:" not in indonesian
        assert "breaks: BACKWARD, FORWARD" in english
