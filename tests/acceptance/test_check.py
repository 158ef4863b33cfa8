"""`kontrak check`: passes on main, and each integrity rule catches its breakage."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from tests.conftest import REPO

from kontrak.catalog import forget_catalogs, load_catalog
from kontrak.integrity import check_repository

COPIED = ("contracts", "generated", "docs", "samples", "pyproject.toml")


@pytest.fixture
def repo_copy(tmp_path: Path) -> Path:
    for name in COPIED:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, tmp_path / name)
    return tmp_path


def _checks(repo: Path) -> set[str]:
    forget_catalogs()
    try:
        return {p.check for p in check_repository(load_catalog(repo / "contracts"), repo)}
    finally:
        forget_catalogs()


def _edit_json(path: Path, edit: object) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    edit(data)  # type: ignore[operator]
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def test_repository_is_consistent() -> None:
    problems = check_repository(load_catalog(REPO / "contracts"), REPO)
    assert problems == [], "\n".join(f"{p.check} {p.path}: {p.message}" for p in problems)


def test_id_must_match_path(repo_copy: Path) -> None:
    path = repo_copy / "contracts/riwayat-angka-kredit/1.0.0/schema.json"
    _edit_json(path, lambda s: s.update({"$id": s["$id"].replace("1.0.0", "1.0.1")}))
    assert "id-path" in _checks(repo_copy)


def test_schema_must_pass_its_metaschema(repo_copy: Path) -> None:
    path = repo_copy / "contracts/riwayat-angka-kredit/1.0.0/schema.json"
    _edit_json(path, lambda s: s["properties"]["nomorSk"].update({"maxLength": "seratus"}))
    assert "metaschema" in _checks(repo_copy)


def test_field_must_be_classified(repo_copy: Path) -> None:
    path = repo_copy / "contracts/riwayat-angka-kredit/1.0.0/schema.json"
    _edit_json(path, lambda s: s["properties"]["nomorSk"].pop("x-classification"))
    assert "contract-metadata" in _checks(repo_copy)


def test_catalog_and_folders_must_agree(repo_copy: Path) -> None:
    shutil.copytree(
        repo_copy / "contracts/riwayat-angka-kredit/1.0.0",
        repo_copy / "contracts/riwayat-angka-kredit/1.9.0",
    )
    assert "catalog-folders" in _checks(repo_copy)


def test_every_version_needs_samples_from_its_provider(repo_copy: Path) -> None:
    shutil.rmtree(repo_copy / "samples/riwayat-angka-kredit/1.0.0/invalid")
    assert "samples" in _checks(repo_copy)


def test_unknown_rule_is_refused(repo_copy: Path) -> None:
    path = repo_copy / "contracts/riwayat-angka-kredit/1.0.0/schema.json"
    _edit_json(
        path,
        lambda s: s["x-kontrak"]["rules"].append(
            {"rule": "no-such-rule", "severity": "error", "args": {}}
        ),
    )
    assert "rules" in _checks(repo_copy)
