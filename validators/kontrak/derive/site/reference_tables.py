"""Reference tables as published data: ``contracts/referensi-<owner>/<table>/<version>/``.

Each folder holds a ``schema.json`` (the columns) and a ``data.csv`` (the codes). Tables are found
on disk, so the docs show them whether or not the catalog lists them yet.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kontrak.catalog import Catalog
from kontrak.readers.csv_reader import sniff_delimiter
from kontrak.text import LocalText

__all__ = ["ReferenceColumn", "ReferenceTable", "find_reference_tables", "reference_of"]

DATA_FILE = "data.csv"
SCHEMA_FILE = "schema.json"
OWNER_PREFIX = "referensi-"


@dataclass(frozen=True, slots=True)
class ReferenceColumn:
    """One column of a reference table, as its schema describes it."""

    name: str
    type: str
    title: str
    description: LocalText


@dataclass(frozen=True, slots=True)
class ReferenceTable:
    """One version of a reference table with its rows (header first in ``header``)."""

    id: str
    version: str
    folder: Path
    title: LocalText
    description: LocalText
    columns: tuple[ReferenceColumn, ...]
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]

    @property
    def owner(self) -> str:
        """The agency that provides the table: ``referensi-bkn/x`` → ``BKN``."""
        return self.id.split("/", 1)[0].removeprefix(OWNER_PREFIX).upper()


def _text(value: Any, fallback: str) -> str:
    return str(value) if isinstance(value, str) and value else fallback


def _columns(schema: Mapping[str, Any]) -> tuple[ReferenceColumn, ...]:
    if isinstance(schema.get("properties"), Mapping):  # JSON Schema of one row
        items = [{"name": k, **v} for k, v in schema["properties"].items() if isinstance(v, dict)]
    elif isinstance(schema.get("fields"), list):  # Table Schema
        items = [f for f in schema["fields"] if isinstance(f, dict) and "name" in f]
    else:
        return ()
    columns = []
    for item in items:
        kind = item.get("type", "")
        description = _text(item.get("description"), "")
        columns.append(
            ReferenceColumn(
                name=str(item["name"]),
                type=" | ".join(kind) if isinstance(kind, list) else str(kind),
                title=_text(item.get("title"), str(item["name"])),
                description=LocalText(
                    id=description, en=_text(item.get("x-description-en"), description)
                ),
            )
        )
    return tuple(columns)


def _read_rows(path: Path) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    text = path.read_text(encoding="utf-8-sig")
    delimiter = sniff_delimiter(text.split("\n", 1)[0].rstrip("\r"))
    rows = [tuple(row) for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)]
    rows = [row for row in rows if row]
    return (rows[0], tuple(rows[1:])) if rows else ((), ())


def _load_table(data_path: Path, contracts_root: Path, catalog: Catalog) -> ReferenceTable:
    folder = data_path.parent
    table_id = folder.parent.relative_to(contracts_root).as_posix()
    schema_path = folder / SCHEMA_FILE
    schema: Mapping[str, Any] = (
        json.loads(schema_path.read_text(encoding="utf-8")) if schema_path.is_file() else {}
    )
    meta = schema.get("x-kontrak", {}) if isinstance(schema.get("x-kontrak"), dict) else {}
    entry = catalog.datasets.get(table_id)
    title_id = entry.title.id if entry else _text(schema.get("title"), table_id)
    title_en = entry.title.en if entry else _text(meta.get("title-en"), title_id)
    description = _text(schema.get("description"), "")
    header, rows = _read_rows(data_path)
    return ReferenceTable(
        id=table_id,
        version=folder.name,
        folder=folder,
        title=LocalText(id=title_id, en=title_en),
        description=LocalText(id=description, en=_text(meta.get("description-en"), description)),
        columns=_columns(schema),
        header=header,
        rows=rows,
    )


def find_reference_tables(catalog: Catalog) -> dict[tuple[str, str], ReferenceTable]:
    """Every reference table version in the catalog's contracts folder, by id and version."""
    root = catalog.root
    tables = [
        _load_table(path, root, catalog)
        for path in sorted(root.glob(f"{OWNER_PREFIX}*/*/*/{DATA_FILE}"))
    ]
    return {(t.id, t.version): t for t in tables}


def reference_of(schema: Mapping[str, Any]) -> tuple[str, str, str] | None:
    """The ``x-reference`` of a field schema as ``(table, version, column)``, if it has one."""
    ref = schema.get("x-reference")
    if not isinstance(ref, Mapping) or "table" not in ref:
        return None
    return str(ref["table"]), str(ref.get("version", "")), str(ref.get("column", ""))
