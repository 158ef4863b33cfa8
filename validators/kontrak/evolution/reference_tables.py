"""Codes of a reference table version, read from its CSV under ``contracts/``.

A contract field points to a reference table with
``x-reference: {"table": "referensi-bkn/<table>", "version": "1.0.0", "column": "id"}``; the
table's data lives in ``contracts/<table>/<version>/*.csv``. When the versions of one field's
reference differ between two contract versions, comparing the codes tells whether the table was
narrowed (codes removed) or extended.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from kontrak.evolution.field_metadata import ReferenceValues

__all__ = ["read_reference_codes", "reference_reader"]


@cache
def read_reference_codes(
    root: Path, table: str, version: str, column: str
) -> frozenset[str] | None:
    """The values of ``column`` in the table's CSV files; None when there is no such table."""
    folder = root / table / version
    files = sorted(folder.glob("*.csv")) if folder.is_dir() else []
    if not files:
        return None
    codes: set[str] = set()
    for path in files:
        reader = csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig")))
        if reader.fieldnames is None or column not in reader.fieldnames:
            return None
        codes |= {row[column] for row in reader if row.get(column) is not None}
    return frozenset(codes)


def reference_reader(roots: Sequence[Path]) -> ReferenceValues:
    """A reader that looks for a table version in each of ``roots`` in turn."""

    def read(table: str, version: str, column: str) -> frozenset[str] | None:
        for root in roots:
            found = read_reference_codes(root, table, version, column)
            if found is not None:
                return found
        return None

    return read
