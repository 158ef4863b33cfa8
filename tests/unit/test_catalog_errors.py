"""A malformed catalog.yaml is a tool error with a message, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from kontrak.catalog import forget_catalogs, load_catalog
from kontrak.exceptions import ContractError


def test_yaml_syntax_error_is_a_contract_error(tmp_path: Path) -> None:
    (tmp_path / "catalog.yaml").write_text(
        "base-uri: https://example.org/\nagreement: x\ndatasets:\n  a:\n    title:\n"
        "      id: Referensi: baris\n",
        encoding="utf-8",
    )
    forget_catalogs()
    try:
        with pytest.raises(ContractError, match="catalog"):
            load_catalog(tmp_path)
    finally:
        forget_catalogs()
