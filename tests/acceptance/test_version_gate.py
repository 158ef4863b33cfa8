"""The version-bump gate in a scratch git repository: each way of breaking a release fails CI."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import REPO
from typer.testing import CliRunner

from kontrak.catalog import Catalog, forget_catalogs
from kontrak.cli import app, cmd_check
from kontrak.evolution.checks import evolution_issues
from kontrak.integrity import Problem, check_sources

RUNNER = CliRunner()
COPIED = (
    "contracts",
    "samples",
    "docs",
    "generated",
    "pyproject.toml",
    "mkdocs.yml",
    "mkdocs.nav.yml",
    ".ci",
)
LAN = "contracts/riwayat-angka-kredit"
WAIVER = """waivers:
  - rule: enum-value-removed
    dataset: riwayat-angka-kredit
    from: 1.0.0
    to: 1.1.0
    path: /properties/isKonversi
    justification:
      id: SIPKA tidak pernah mengirim nilai kosong; kedua pihak sepakat dalam rapat evaluasi.
      en: SIPKA never sends the empty value; both parties agreed in the evaluation meeting.
    approved-by: [LAN, BKN]
"""


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(
        [
            "git",
            "-C",
            str(repo),
            "-c",
            "user.name=Uji",
            "-c",
            "user.email=uji@example.invalid",
            *args,
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


def _scratch(tmp_path: Path, names: tuple[str, ...], monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in names:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, tmp_path / name)
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "base")
    monkeypatch.setenv("KONTRAK_REPOSITORY", str(tmp_path))
    forget_catalogs()
    return tmp_path


@pytest.fixture
def full_repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A whole copy: `kontrak check` runs every check, as CI does."""
    yield _scratch(tmp_path, COPIED, monkeypatch)
    forget_catalogs()


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Only the contracts: `kontrak check` runs the source and evolution checks.

    The other checks (samples, drift) have their own tests and need the whole repository; leaving
    them out keeps each scenario fast. The CLI, its output and the gate are the real ones.
    """
    path = _scratch(tmp_path, ("contracts",), monkeypatch)

    def evolution_only(catalog: Catalog, repo: Path) -> list[Problem]:
        problems = check_sources(catalog, repo)
        return problems + [Problem(*i) for i in evolution_issues(catalog, sources_ok=not problems)]

    monkeypatch.setattr(cmd_check, "check_repository", evolution_only)
    yield path
    forget_catalogs()


def edit_json(path: Path, edit: Any) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    edit(data)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def gate(*extra: str) -> tuple[int, str]:
    forget_catalogs()
    result = RUNNER.invoke(app, ["check", "--against", "HEAD", *extra])
    return result.exit_code, result.output


def narrow_enum(schema: dict[str, Any]) -> None:
    field = schema["properties"]["isKonversi"]
    del field["$ref"]
    field.update({"type": "string", "enum": ["1", "0"]})


def test_unchanged_tree_passes(full_repo: Path) -> None:
    code, out = gate()
    assert code == 0, out


def test_editing_a_released_contract_fails_with_the_fix(repo: Path) -> None:
    edit_json(
        repo / LAN / "1.0.0/schema.json", lambda s: s["properties"]["nomorSk"].update(maxLength=80)
    )
    code, out = gate()
    assert code == 1
    assert f"[released-lock] {LAN}/1.0.0/schema.json" in out
    assert f"[released-frozen] {LAN}/1.0.0/schema.json" in out
    assert f"git checkout HEAD -- {LAN}/1.0.0/schema.json" in out
    assert "new version" in out


def test_updating_the_lock_with_the_edit_is_still_caught(repo: Path) -> None:
    edit_json(repo / LAN / "1.0.0/schema.json", lambda s: s.update(title="Riwayat PAK"))
    lock = repo / "contracts/released.lock"
    lock.write_text(
        "".join(
            line for line in lock.read_text().splitlines(True) if "riwayat-angka-kredit" not in line
        )
    )
    assert RUNNER.invoke(app, ["lock"]).exit_code == 0
    code, out = gate()
    assert code == 1
    assert "[released-lock] contracts/released.lock" in out
    assert f"[released-frozen] {LAN}/1.0.0/schema.json" in out


def test_removing_a_required_field_without_a_major_bump_fails(repo: Path) -> None:
    def drop(schema: dict[str, Any]) -> None:
        del schema["properties"]["nomorSk"]
        schema["required"].remove("nomorSk")

    edit_json(repo / LAN / "1.1.0/schema.json", drop)
    code, out = gate()
    assert code == 1
    line = next(x for x in out.splitlines() if x.startswith(f"✗ [version-bump] {LAN}/1.1.0"))
    assert "required-property-removed /properties/nomorSk" in line
    assert "need a major version" in line
    assert "publish it as 2.0.0" in line


def test_narrowing_an_enum_in_a_minor_fails_and_a_waiver_accepts_it(repo: Path) -> None:
    edit_json(repo / LAN / "1.1.0/schema.json", narrow_enum)
    code, out = gate()
    assert code == 1
    line = next(x for x in out.splitlines() if "[version-bump]" in x)
    assert "enum-value-removed /properties/isKonversi/enum" in line
    assert "compat-waivers.yaml" in line
    (repo / "contracts/compat-waivers.yaml").write_text(WAIVER, encoding="utf-8")
    code, out = gate()
    assert "[version-bump]" not in out
    assert "[waivers]" not in out


def test_weakening_the_compatibility_mode_does_not_silence_the_gate(repo: Path) -> None:
    """Only a major version or a reviewed waiver accepts a breaking change, not a laxer mode."""
    catalog = repo / "contracts/catalog.yaml"
    text = catalog.read_text(encoding="utf-8")
    dataset = "  riwayat-angka-kredit:\n"
    catalog.write_text(text.replace(dataset, dataset + "    compatibility: NONE\n"), "utf-8")
    edit_json(repo / LAN / "1.1.0/schema.json", narrow_enum)
    code, out = gate()
    assert code == 1
    line = next(x for x in out.splitlines() if "[compat-mode]" in x)
    assert "contracts/catalog.yaml#riwayat-angka-kredit" in line
    assert "BACKWARD_TRANSITIVE → NONE" in line
    assert "compat-waivers.yaml" in line
    catalog.write_text(text.replace(dataset, dataset + "    compatibility: FULL_TRANSITIVE\n"))
    assert "[compat-mode]" not in gate()[1], "a stricter mode is always allowed"


def test_releasing_then_unreleasing_is_caught(repo: Path) -> None:
    catalog = repo / "contracts/catalog.yaml"
    text = catalog.read_text(encoding="utf-8")
    catalog.write_text(text.replace("status: active", "status: draft", 1), encoding="utf-8")
    code, out = gate()
    assert code == 1
    assert "[released-frozen] contracts/catalog.yaml#siasn-rw-angkakredit@1.0.0" in out
    assert "moves back" in out


def test_compat_against_a_revision_in_every_format(repo: Path) -> None:
    edit_json(repo / LAN / "1.1.0/schema.json", narrow_enum)
    forget_catalogs()
    result = RUNNER.invoke(app, ["compat", "--against", "HEAD", "--format", "json"])
    report = json.loads(result.output)
    assert result.exit_code == 1
    (found,) = report["results"]
    assert (found["dataset"], found["old"], found["old_source"], found["new"]) == (
        "riwayat-angka-kredit",
        "1.1.0",
        "HEAD",
        "1.1.0",
    )
    rules = {c["rule"] for c in found["comparisons"][0]["changes"]}
    assert "enum-value-removed" in rules
    for fmt in ("text", "junit", "github"):
        forget_catalogs()
        out = RUNNER.invoke(app, ["compat", "--against", "HEAD", "--format", fmt])
        assert out.exit_code == 1
        assert "enum-value-removed" in out.output
    forget_catalogs()
    clean = RUNNER.invoke(app, ["compat", "--against", "HEAD", "siasn-rw-angkakredit"])
    assert clean.exit_code == 0


def _run_gate_script(repo: Path, **env: str) -> subprocess.CompletedProcess[str]:
    kontrak = Path(sys.executable).with_name("kontrak")
    return subprocess.run(
        [str(repo / ".ci/version-gate")],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "KONTRAK": str(kontrak), "KONTRAK_REPOSITORY": str(repo), **env},
    )


@pytest.mark.slow
def test_ci_gate_skips_the_first_commit_and_checks_later_ones(full_repo: Path) -> None:
    repo = full_repo
    first = _run_gate_script(repo)
    assert first.returncode == 0, first.stderr
    assert "first commit" in first.stdout
    edit_json(repo / LAN / "1.0.0/schema.json", lambda s: s.update(title="Riwayat PAK"))
    git(repo, "commit", "-q", "-am", "edit a released contract")
    second = _run_gate_script(repo)
    assert second.returncode == 1
    assert "[released-frozen]" in second.stdout
    bogus = _run_gate_script(repo, KONTRAK_AGAINST="0" * 40)
    assert bogus.returncode == 1
    assert "using the previous commit" in bogus.stderr
