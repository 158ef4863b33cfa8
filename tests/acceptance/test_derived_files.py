"""Derived files: `kontrak generate --check` passes on main and catches every kind of drift."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from tests.conftest import REPO
from typer.testing import CliRunner

from kontrak.catalog import forget_catalogs, load_catalog
from kontrak.cli import app
from kontrak.derive import find_drift

RUNNER = CliRunner()
COPIED = ("contracts", "generated", "docs", "samples", "pyproject.toml", "mkdocs.yml")


@pytest.fixture
def repo_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in COPIED:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, tmp_path / name)
    monkeypatch.setenv("KONTRAK_REPOSITORY", str(tmp_path))
    forget_catalogs()
    yield tmp_path
    forget_catalogs()


def test_repository_has_no_drift() -> None:
    assert find_drift(load_catalog(REPO / "contracts"), REPO) == []


def test_generate_check_names_files_after_a_contract_edit(repo_copy: Path) -> None:
    schema_path = repo_copy / "contracts/riwayat-angka-kredit/1.0.0/schema.json"
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    schema["properties"]["nomorSk"]["maxLength"] = 120
    schema_path.write_text(
        json.dumps(schema, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    result = RUNNER.invoke(app, ["generate", "--check"])
    assert result.exit_code == 1
    assert "contracts/riwayat-angka-kredit/1.0.0/table-schema.json" in result.output
    assert "generated/kontrak_models/riwayat_angka_kredit/v1_0_0.py" in result.output
    assert "docs/datasets/riwayat-angka-kredit/1.0.0.md" in result.output
    result = RUNNER.invoke(app, ["generate"])
    assert result.exit_code == 0
    assert RUNNER.invoke(app, ["generate", "--check"]).exit_code == 0


def test_hand_edit_and_orphan_are_drift(repo_copy: Path) -> None:
    table = repo_copy / "contracts/siasn-rw-angkakredit/1.0.0/table-schema.json"
    table.write_text(
        table.read_text(encoding="utf-8").replace('"string"', '"integer"', 1), encoding="utf-8"
    )
    orphan = repo_copy / "generated/kontrak_models/siasn_rw_angkakredit/v0_9_0.py"
    orphan.write_text("# left over\n", encoding="utf-8")
    kinds = {(d.path.as_posix(), d.kind) for d in find_drift(load_catalog(), repo_copy)}
    assert ("contracts/siasn-rw-angkakredit/1.0.0/table-schema.json", "changed") in kinds
    assert ("generated/kontrak_models/siasn_rw_angkakredit/v0_9_0.py", "orphaned") in kinds


def test_generated_models_are_byte_stable(repo_copy: Path) -> None:
    assert RUNNER.invoke(app, ["generate"]).exit_code == 0
    for path in (REPO / "generated").rglob("*.py"):
        twin = repo_copy / path.relative_to(REPO)
        assert twin.read_bytes() == path.read_bytes(), path


def test_generated_files_name_their_regeneration_command() -> None:
    for path in (REPO / "generated/kontrak_models").rglob("v*.py"):
        assert "Regenerate with: kontrak generate" in path.read_text(encoding="utf-8")
    for path in (REPO / "contracts").rglob("table-schema.json"):
        assert "kontrak generate" in json.loads(path.read_text(encoding="utf-8"))["x-generated"]
