"""Primary-key uniqueness for large files, in 12 bytes per record instead of a dict of keys.

The reference keeps every key of a file in a Python dict (hundreds of bytes per record). The fast
engine keeps a 32-bit hash of each key with the record's position, and only when two hashes are
equal reads those records again and runs the reference's own check
(:meth:`kontrak.record_checks.RecordChecker.dataset_violations`) on them, in file order. Records
with unique hashes have unique keys, so they can neither repeat a key nor be the first holder of a
repeated one; equal hashes of different keys are sorted out by the exact check.

Keys are hashed from a text form that keeps the reference's notion of equality: text parts and
integer parts stay apart (``"1"`` ≠ ``1``), ``True`` equals ``1``, floats and empty texts are not
keys.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import polars as pl

from kontrak.contract import Contract

__all__ = ["BUCKETS", "BUCKET_ROWS", "HASH_SEED", "KeyPlan", "KeyTable", "shared_candidates"]

HASH_SEED = 20240601
_SEPARATOR = "\x1f"
BUCKETS = 16
"""Slices of the 32-bit hash range compared one at a time, at most."""
BUCKET_ROWS = 1 << 16
"""Rows of key hashes compared at once, at most (unless that takes more than BUCKETS slices)."""
_HASH_RANGE = 1 << 32
_SET_LIMIT = 1 << 14
SCHEMA: dict[str, pl.DataType] = {
    "hash": pl.UInt32(),
    "index": pl.UInt32(),
    "position": pl.UInt64(),
}
"""Columns of :func:`shared_candidates`' results."""


@dataclass(frozen=True, slots=True)
class KeyPlan:
    """How to turn a record's primary key into hashable text.

    Attributes:
        names: the primary-key fields.
        text_only: every key field is text in the contract, so a polars column of a valid
            record's values gives the same text form as :meth:`key_text`.
    """

    names: tuple[str, ...]
    text_only: bool

    @classmethod
    def of(cls, contract: Contract) -> KeyPlan:
        """The plan for ``contract``'s primary key."""
        names = contract.primary_key
        text_only = all(name in contract.fields and contract.fields[name].is_text for name in names)
        return cls(names=names, text_only=text_only)

    def key_text(self, record: Mapping[str, Any]) -> str | None:
        """The text form of a record's key, or None when the reference would not check it."""
        texts = []
        for name in self.names:
            part = record.get(name)
            if isinstance(part, str):
                if part == "":
                    return None
                texts.append("s" + part)
            elif isinstance(part, int):
                texts.append("i" + str(int(part)))
            else:
                return None
        return _SEPARATOR.join(texts)

    def key_expression(self) -> pl.Expr:
        """The key text computed over text columns (null where the record has no key)."""
        parts = [
            pl.when(pl.col(name) != "").then(pl.lit("s") + pl.col(name)).otherwise(None)
            for name in self.names
        ]
        return pl.concat_str(parts, separator=_SEPARATOR, ignore_nulls=False)


@dataclass(slots=True)
class KeyTable:
    """Hashes of the keys of one file's records, with where each record is.

    ``wide`` positions (byte offsets of JSON array elements) take 8 bytes, others (lines) 4:
    12 bytes per record in all for JSON Lines (a 32-bit hash: equal hashes of different keys
    only cost a second look at those records). With ``row_offset`` (CSV: the row is the index
    plus 2) no position is kept at all: 8 bytes per record.
    """

    wide: bool = False
    row_offset: int | None = None
    frames: list[pl.DataFrame] = field(default_factory=list)
    _texts: list[str] = field(default_factory=list)
    _indexes: list[int] = field(default_factory=list)
    _positions: list[int] = field(default_factory=list)

    def add_one(self, text: str, index: int, position: int) -> None:
        """Keep the key of one record (hashed later, with others)."""
        self._texts.append(text)
        self._indexes.append(index)
        self._positions.append(position)

    def flush(self) -> None:
        """Hash the keys kept one by one."""
        if self._texts:
            texts, indexes, positions = self._texts, self._indexes, self._positions
            self._texts, self._indexes, self._positions = [], [], []
            self.add(texts, indexes, positions)

    def add(
        self,
        texts: Sequence[str | None] | pl.Series,
        indexes: Sequence[int] | pl.Series,
        positions: Sequence[int] | pl.Series,
    ) -> None:
        """Keep the hashes of ``texts`` (None: no key) with record indexes and positions.

        A position is where to find the record again: its line (JSON Lines), its row (CSV,
        Excel) or its byte offset (elements of a JSON array).
        """
        frame = pl.DataFrame(
            {
                "text": pl.Series(texts, dtype=pl.String),
                "index": pl.Series(indexes, dtype=pl.UInt32),
                "position": pl.Series(positions, dtype=self._position_type()),
            }
        ).filter(pl.col("text").is_not_null())
        if frame.height:
            kept = ["index"] if self.row_offset is not None else ["index", "position"]
            self.frames.append(
                frame.select(
                    (pl.col("text").hash(seed=HASH_SEED) % _HASH_RANGE)
                    .cast(pl.UInt32)
                    .alias("hash"),
                    *kept,
                )
            )

    def extend(self, other: KeyTable, index_offset: int = 0, position_offset: int = 0) -> None:
        """Take the hashes of another part of the same file, shifting its positions."""
        other.flush()
        for frame in other.frames:
            shifted = [(pl.col("index") + index_offset).cast(pl.UInt32)]
            if "position" in frame.columns:
                position = pl.col("position") + position_offset
                shifted.append(position.cast(self._position_type()))
            self.frames.append(frame.with_columns(shifted))

    def _position_type(self) -> pl.DataType:
        return pl.UInt64() if self.wide else pl.UInt32()


def shared_candidates(tables: Sequence[KeyTable]) -> list[pl.DataFrame]:
    """For each table, its records whose key hash is also another record's, in any table.

    The tables are those of the files of one dataset whose primary key holds across them (the
    files of a package); each result is in file order, with ``index`` and ``position``. The
    repeated hashes are found on the hash columns alone, in slices (by their top bits) of about
    :data:`BUCKET_ROWS` rows, at most :data:`BUCKETS` slices, so no table is copied whole; then
    each table's frames keep the rows whose hash is one of them.
    """
    for table in tables:
        table.flush()
    hashes = [frame.get_column("hash") for table in tables for frame in table.frames]
    total = sum(len(column) for column in hashes)
    buckets = 1
    while buckets < BUCKETS and total > buckets * BUCKET_ROWS:
        buckets *= 2
    width = _HASH_RANGE // buckets
    repeated: list[pl.Series] = []
    sliced: Iterator[list[pl.Series]] = iter([hashes])
    if buckets > 1:
        # one slice of every column at a time (the slice numbers are not kept: 1 byte a record)
        sliced = (
            [
                column.filter(column.is_between(bucket * width, (bucket + 1) * width - 1))
                for column in hashes
            ]
            for bucket in range(buckets)
        )
    for parts in sliced:
        if parts:
            # sorted, a repeated hash sits next to its twin: no hash table of the whole slice
            part = pl.concat(parts).sort()
            repeated.append(part.filter(part == part.shift(1)).unique())
    shared = pl.concat(repeated).sort() if repeated else pl.Series("hash", [], dtype=pl.UInt32)
    results: list[pl.DataFrame] = []
    for table in tables:
        rows = [frame.filter(_among(frame.get_column("hash"), shared)) for frame in table.frames]
        found = pl.concat(rows) if rows else pl.DataFrame(schema=SCHEMA)
        found = found.sort("index")
        if table.row_offset is not None:
            position = (pl.col("index").cast(pl.UInt64) + table.row_offset).alias("position")
            found = found.with_columns(position)
        results.append(found.select(pl.col(name).cast(kind) for name, kind in SCHEMA.items()))
    return results


def _among(column: pl.Series, shared: pl.Series) -> pl.Series:
    """Whether each hash of ``column`` is in ``shared`` (sorted).

    A few hashes go into a set; many are searched for (``is_in`` would build a set of them for
    each of a table's many frames).
    """
    if len(shared) <= _SET_LIMIT:
        return column.is_in(shared)
    at = shared.search_sorted(column).clip(upper_bound=len(shared) - 1)
    return shared.gather(at) == column
