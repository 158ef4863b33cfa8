"""Exchange packages: descriptor, integrity, foreign keys across packages, and building them."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from tests.conftest import SAMPLES
from typer.testing import CliRunner

from kontrak.cli import app
from kontrak.package import unsafe_path_reason
from kontrak.samples import PackageCase, iter_package_cases, run_package_case
from kontrak.validation import ValidateOptions, validate_package

RUNNER = CliRunner()
CASES = list(iter_package_cases(SAMPLES))
VALID = SAMPLES / "packages/valid"


def run(*args: str | Path) -> tuple[int, str]:
    result = RUNNER.invoke(app, [str(a) for a in args])
    return result.exit_code, result.output


def test_both_agencies_deliver_a_valid_package() -> None:
    assert {c.path.name for c in CASES if c.kind == "valid"} >= {"bkn-2024-s1", "lan-2024-s1"}


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_package_behaves_as_declared(case: PackageCase) -> None:
    result = run_package_case(case)
    assert result.ok, "\n".join(result.problems)


def test_lan_package_against_bkn_rosters_checks_every_foreign_key() -> None:
    code, out = run(
        "validate", VALID / "lan-2024-s1", "--against", VALID / "bkn-2024-s1", "-f", "json"
    )
    report = json.loads(out)
    assert code == 0
    assert report["violations"] == []  # no "foreign key not checked" notice either
    assert report["package"]["provider"] == "LAN"
    assert report["files"][0]["dataset"] == "riwayat-angka-kredit"


def test_without_the_rosters_the_foreign_key_is_reported_unchecked() -> None:
    code, out = run("validate", VALID / "lan-2024-s1", "-f", "json")
    (notice,) = json.loads(out)["violations"]
    assert code == 0
    assert (notice["code"], notice["severity"]) == ("foreign-key-unchecked", "info")


def test_a_single_file_can_be_checked_against_a_package() -> None:
    path = SAMPLES / "packages/invalid/foreign-key-missing/riwayat-angka-kredit.jsonl"
    code, out = run(
        "validate", "riwayat-angka-kredit", path, "--against", VALID / "bkn-2024-s1", "-f", "json"
    )
    (violation,) = json.loads(out)["violations"]
    assert code == 1
    assert (violation["code"], violation["line"], violation["field"]) == (
        "foreign-key-missing",
        4,
        "nipBaru",
    )
    assert violation["value"] == "19**************03"


def test_package_with_a_dataset_is_a_usage_error() -> None:
    code, out = run("validate", "riwayat-angka-kredit", VALID / "lan-2024-s1")
    assert code == 2
    assert "paket" in out or "package" in out


def test_two_packages_at_once_are_a_usage_error() -> None:
    assert run("validate", VALID / "lan-2024-s1", VALID / "bkn-2024-s1")[0] == 2


@pytest.mark.parametrize("other", ["tidak-ada", "daftar.csv", "folder-kosong"])
def test_against_something_that_is_not_a_package_is_a_usage_error(
    tmp_path: Path, other: str
) -> None:
    (tmp_path / "daftar.csv").write_text("nipBaru\n198403142009122987\n", encoding="utf-8")
    (tmp_path / "folder-kosong").mkdir()
    code, out = run("validate", VALID / "lan-2024-s1", "--against", tmp_path / other)
    assert code == 2
    assert "--against" in out
    assert "file-not-found" not in out


def test_a_mistyped_package_folder_is_named_as_not_found(tmp_path: Path) -> None:
    code, out = run("validate", tmp_path / "paket-lan-2024-s1")
    assert code == 2
    assert "paket-lan-2024-s1" in out
    assert "not found" in out


def test_plain_directory_without_descriptor_is_a_usage_error(tmp_path: Path) -> None:
    assert run("validate", tmp_path)[0] == 2


@pytest.mark.parametrize(
    ("path", "refused"),
    [
        ("riwayat-angka-kredit.jsonl", False),
        ("data/riwayat.csv", False),
        ("../x.csv", True),
        ("data/../../x.csv", True),
        ("/etc/passwd", True),
        ("C:\\data\\x.csv", True),
        ("https://contoh.go.id/x.csv", True),
        ("file:x.csv", True),
        ("//server/share/x.csv", True),
    ],
)
def test_unsafe_resource_paths(tmp_path: Path, path: str, refused: bool) -> None:
    assert (unsafe_path_reason(path, tmp_path) is not None) == refused


def test_symlink_out_of_the_package_is_refused(tmp_path: Path) -> None:
    outside = tmp_path / "outside.csv"
    outside.write_text("x\n", encoding="utf-8")
    package = tmp_path / "paket"
    package.mkdir()
    (package / "link.csv").symlink_to(outside)
    assert unsafe_path_reason("link.csv", package) is not None


def test_build_and_refresh_write_a_descriptor_that_validates(tmp_path: Path) -> None:
    folder = tmp_path / "paket"
    folder.mkdir()
    shutil.copy(VALID / "lan-2024-s1/riwayat-angka-kredit.jsonl", folder / "pak.jsonl")
    code, out = run(
        "package",
        "build",
        folder,
        "--name",
        "lan-2025-s1",
        "--provider",
        "LAN",
        "--consumer",
        "BKN",
        "--period-start",
        "2025-01-01",
        "--period-end",
        "2025-06-30",
        "--resource",
        "pak.jsonl=riwayat-angka-kredit@1.0.0",
    )
    assert code == 0, out
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["resources"][0]["x-kontrak"] == {
        "dataset": "riwayat-angka-kredit",
        "version": "1.0.0",
        "records": 4,
    }
    assert run("validate", folder, "--against", VALID / "bkn-2024-s1")[0] == 0
    with (folder / "pak.jsonl").open("a", encoding="utf-8") as handle:
        handle.write(
            (VALID / "lan-2024-s1/riwayat-angka-kredit.jsonl")
            .read_text(encoding="utf-8")
            .splitlines()[0]
            .replace("AK-2021-000731", "AK-2021-000999")
            + "\n"
        )
    assert run("validate", folder)[0] == 1  # hash, size and count no longer match
    assert run("package", "refresh", folder)[0] == 0
    assert run("validate", folder, "--against", VALID / "bkn-2024-s1")[0] == 0


def test_build_refuses_an_unsafe_path(tmp_path: Path) -> None:
    code, _ = run(
        "package",
        "build",
        tmp_path,
        "--name",
        "x",
        "--provider",
        "LAN",
        "--consumer",
        "BKN",
        "--period-start",
        "2025-01-01",
        "--period-end",
        "2025-06-30",
        "--resource",
        "../pak.jsonl=riwayat-angka-kredit@1.0.0",
    )
    assert code == 2
    assert not (tmp_path / "datapackage.json").exists()


def test_build_refuses_a_spreadsheet_with_a_clear_message(tmp_path: Path) -> None:
    """Packages carry JSON, JSON Lines and CSV only (the package schema): Excel is refused."""
    shutil.copy(SAMPLES / "riwayat-angka-kredit/1.0.0/valid/lan/pak-2024s1.xlsx", tmp_path)
    code, out = run(
        "package", "build", tmp_path, "--name", "x", "--provider", "LAN", "--consumer", "BKN",
        "--period-start", "2025-01-01", "--period-end", "2025-06-30",
        "--resource", "pak-2024s1.xlsx=riwayat-angka-kredit@1.0.0",
    )  # fmt: skip
    assert code == 2
    assert "pak-2024s1.xlsx: format xlsx bukan format paket pertukaran" in out
    assert "save it as UTF-8 CSV" in out
    assert "internal" not in out
    assert not (tmp_path / "datapackage.json").exists()


@pytest.mark.parametrize("engine", ["fast", "reference"])
def test_duplicate_key_across_resources_names_the_first_file(engine: str) -> None:
    folder = SAMPLES / "packages/invalid/duplicate-primary-key"
    first = str(folder / "riwayat-angka-kredit.jsonl")
    texts = {}
    for lang in ("id", "en"):
        code, out = run("validate", folder, "--engine", engine, "--lang", lang, "-f", "json")
        assert code == 1
        (violation,) = [
            v for v in json.loads(out)["violations"] if v["code"] == "duplicate-primary-key"
        ]
        texts[lang] = violation["message"]
    assert texts["id"].endswith(f"di baris 2 berkas {first}.")
    assert texts["en"].endswith(f"at line 2 of {first}.")


@pytest.mark.parametrize(
    "case", [c for c in CASES if c.kind == "invalid"], ids=lambda c: c.path.name
)
def test_descriptor_violations_about_a_resource_name_its_contract(case: PackageCase) -> None:
    report = validate_package(case.path, ValidateOptions(against=case.against))
    for violation in report.violations:
        pointer = violation.pointer or ""
        if violation.code == "unknown-contract" or not pointer.startswith("/resources/"):
            continue
        descriptor = json.loads((case.path / "datapackage.json").read_text(encoding="utf-8"))
        declared = descriptor["resources"][int(pointer.split("/")[2])]["x-kontrak"]
        assert (violation.dataset, violation.version) == (
            declared["dataset"],
            declared["version"],
        ), violation


def test_foreign_key_message_says_what_is_missing() -> None:
    folder = SAMPLES / "packages/invalid/foreign-key-missing"
    for lang, start in (("id", "Nilai kunci asing (nipBaru)"), ("en", "The foreign key value")):
        _, out = run("validate", folder, "--against", VALID / "bkn-2024-s1", "--lang", lang,
                     "-f", "json")  # fmt: skip
        (violation,) = [
            v for v in json.loads(out)["violations"] if v["code"] == "foreign-key-missing"
        ]
        assert violation["message"].startswith(start)
