"""The specification site builds in strict mode and publishes each schema at its $id."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from tests.conftest import REPO

from kontrak.catalog import load_catalog


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("site")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(target)],
        cwd=REPO,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return target


@pytest.mark.slow
def test_every_schema_is_served_at_its_id(site: Path) -> None:
    catalog = load_catalog(REPO / "contracts")
    for entry in catalog.datasets.values():
        for version in entry.versions:
            uri = catalog.schema_uri(entry.id, version.version)
            served = site / uri.removeprefix(catalog.base_uri)
            assert json.loads(served.read_text(encoding="utf-8"))["$id"] == uri
            assert (served.parent / "table-schema.json").is_file()
    assert (site / "contracts/_shared/1.0.0/defs.json").is_file()


@pytest.mark.slow
def test_pages_exist_in_both_languages(site: Path) -> None:
    for page in ("index.html", "katalog/index.html", "galat/index.html"):
        assert (site / page).is_file()
        assert (site / "en" / page).is_file()
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "Perjanjian secara ringkas" in home
    english = (site / "en/index.html").read_text(encoding="utf-8")
    assert "The agreement in brief" in english
    dataset = site / "datasets/riwayat-angka-kredit/1.0.0/index.html"
    assert "bulanMulaiPenailan" in dataset.read_text(encoding="utf-8")


@pytest.mark.slow
def test_report_schema_is_served_at_its_id(site: Path) -> None:
    served = site / "schemas/report.schema.json"
    uri = json.loads(served.read_text(encoding="utf-8"))["$id"]
    assert uri == "https://lan-bkn.github.io/kontrak/schemas/report.schema.json"
