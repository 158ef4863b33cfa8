"""YAML keeps dates as text (whichever PyYAML parser runs) and the catalog is read once per folder."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from kontrak import catalog as catalog_module
from kontrak import yaml_io
from kontrak.catalog import forget_catalogs, load_catalog
from kontrak.paths import contracts_root


def test_dates_and_timestamps_stay_text() -> None:
    data = yaml_io.loads_yaml("berlaku: 2022-06-08\nwaktu: 2022-06-08T10:00:00\nangka: 7\n")
    assert data == {"berlaku": "2022-06-08", "waktu": "2022-06-08T10:00:00", "angka": 7}


def test_libyaml_is_used_when_pyyaml_has_it() -> None:
    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    assert issubclass(yaml_io._TextDateLoader, base)


def test_the_default_catalog_and_its_folder_are_read_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    reads: list[Path] = []
    real = catalog_module.load_yaml

    def counting(path: Path) -> object:
        reads.append(path)
        return real(path)

    monkeypatch.setattr(catalog_module, "load_yaml", counting)
    forget_catalogs()
    try:
        assert load_catalog() is load_catalog(contracts_root())
        assert len(reads) == 1
        forget_catalogs()
        load_catalog()
        assert len(reads) == 2
    finally:
        forget_catalogs()
