"""Reference tables (kode referensi): versioned code lists kept as data under ``contracts/``.

A reference table is a catalog dataset of kind ``reference`` whose folder holds ``data.csv``
beside its ``schema.json``. Contract fields point at a column of a table with
``x-reference: {"table": "referensi-bkn/golongan", "version": "1.0.0", "column": "id"}``;
validation checks that every value is one of the table's codes.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from kontrak.exceptions import ContractError
from kontrak.paths import contracts_root

__all__ = ["DATA_FILE", "ReferenceSpec", "ReferenceTable", "load_reference_table"]

DATA_FILE = "data.csv"


@dataclass(frozen=True, slots=True)
class ReferenceSpec:
    """Where a field's codes come from: a column of one version of a reference table.

    ``match`` maps other fields of the same record to columns of the matched row: the record's
    value must equal the row's (e.g. ``golongan`` must be the ``nama`` of ``golonganId``'s row).
    """

    table: str
    version: str
    column: str
    match: tuple[tuple[str, str], ...] = ()

    @classmethod
    def from_annotation(cls, data: Mapping[str, Any]) -> ReferenceSpec:
        """Build from an ``x-reference`` annotation."""
        return cls(
            table=str(data["table"]),
            version=str(data["version"]),
            column=str(data["column"]),
            match=tuple((str(f), str(c)) for f, c in dict(data.get("match", {})).items()),
        )

    @property
    def spec(self) -> str:
        """``table@version``."""
        return f"{self.table}@{self.version}"


@dataclass(frozen=True, slots=True, eq=False)
class ReferenceTable:
    """The rows of one reference table version, with indexes by column."""

    table: str
    version: str
    columns: tuple[str, ...]
    rows: tuple[Mapping[str, str], ...]

    @property
    def spec(self) -> str:
        """``table@version``."""
        return f"{self.table}@{self.version}"

    def codes(self, column: str) -> frozenset[str]:
        """Every value of ``column``."""
        return _codes(self, column)

    def row_for(self, column: str, value: str) -> Mapping[str, str] | None:
        """The first row whose ``column`` equals ``value``."""
        return _index(self, column).get(value)


@cache
def _codes(table: ReferenceTable, column: str) -> frozenset[str]:
    return frozenset(row[column] for row in table.rows)


@cache
def _index(table: ReferenceTable, column: str) -> dict[str, Mapping[str, str]]:
    index: dict[str, Mapping[str, str]] = {}
    for row in table.rows:
        index.setdefault(row[column], row)
    return index


def read_reference_csv(path: Path) -> tuple[tuple[str, ...], tuple[dict[str, str], ...]]:
    """Read a reference ``data.csv`` (UTF-8, comma separated, header row).

    Raises:
        ContractError: the file is missing or malformed.
    """
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        msg = f"tabel referensi tidak dapat dibaca / cannot read reference table {path}: {exc}"
        raise ContractError(msg) from exc
    reader = csv.DictReader(io.StringIO(text, newline=""))
    columns = tuple(reader.fieldnames or ())
    rows = tuple(dict(row) for row in reader)
    if not columns or any(None in row or len(row) != len(columns) for row in rows):
        msg = f"tabel referensi rusak / malformed reference table {path}"
        raise ContractError(msg)
    return columns, rows


@cache
def _load(root: Path, table: str, version: str) -> ReferenceTable:
    columns, rows = read_reference_csv(root / table / version / DATA_FILE)
    return ReferenceTable(table=table, version=version, columns=columns, rows=rows)


def load_reference_table(table: str, version: str, root: Path | None = None) -> ReferenceTable:
    """Load one reference table version (cached).

    Raises:
        ContractError: the table has no data file or it is malformed.
    """
    return _load(root or contracts_root(), table, version)
