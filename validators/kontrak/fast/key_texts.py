"""Foreign-key values of every record of a file, collected in columns by the fast engine.

The foreign-key index (:mod:`kontrak.foreign_keys`) must see the keys of every record: a
record's foreign key (a source) and, in files of a target dataset, the key other records point
at. The reference shows it each record; the fast engine instead computes the key text of every
record in polars (or, for a record it checks exactly, in Python) and hands the columns over
after the file. Only text fields can be read this way, so :meth:`KeyColumns.of` gives up (and
the file is checked record by record) when a key field is of another type.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import polars as pl

from kontrak.contract import Contract
from kontrak.foreign_keys import SEPARATOR, key_of

__all__ = ["KeyColumns", "KeyTexts"]

SCHEMA: dict[str, pl.DataType] = {"key": pl.String(), "index": pl.UInt32(), "position": pl.UInt64()}


@dataclass(frozen=True, slots=True)
class KeyColumns:
    """One key to collect: its label and fields.

    Attributes:
        label: ``source:N`` (the contract's N-th foreign key) or ``target:N`` (the N-th key
            other datasets point at).
        fields: the record fields that make the key, in order.
        one: one record with a key is enough (no target can turn up in the run: the index only
            reports that the key was not checked), so memory does not grow with the file.
    """

    label: str
    fields: tuple[str, ...]
    one: bool = False

    @classmethod
    def of(
        cls, contract: Contract, label: str, fields: Sequence[str], *, one: bool = False
    ) -> KeyColumns | None:
        """The plan for ``fields`` of ``contract``; None when a field is not text."""
        for name in fields:
            spec = contract.fields.get(name)
            if spec is None or not spec.is_text:
                return None
        return cls(label=label, fields=tuple(fields), one=one)

    def text(self, record: Mapping[str, Any]) -> str | None:
        """The key of one record as the index reads it (:func:`key_of`), joined; None if none."""
        key = key_of(record, self.fields)
        return None if key is None else SEPARATOR.join(key)

    def expression(self) -> pl.Expr:
        """The same over text columns (values of records that passed the structure gate)."""
        parts = [pl.when(pl.col(n) != "").then(pl.col(n)).otherwise(None) for n in self.fields]
        return pl.concat_str(parts, separator=SEPARATOR, ignore_nulls=False).alias(self.label)


@dataclass(slots=True)
class KeyTexts:
    """Key texts of records of one file (or part of one), with their index and position.

    With ``one``, only the first key that turns up is kept.
    """

    one: bool = False
    frames: list[pl.DataFrame] = field(default_factory=list)
    _texts: list[str] = field(default_factory=list)
    _indexes: list[int] = field(default_factory=list)
    _positions: list[int] = field(default_factory=list)

    def add_one(self, text: str | None, index: int, position: int) -> None:
        """Keep the key of one record (None: the record has none)."""
        if text is not None and not (self.one and (self.frames or self._texts)):
            self._texts.append(text)
            self._indexes.append(index)
            self._positions.append(position)

    def add(
        self,
        texts: pl.Series | Sequence[str | None],
        indexes: pl.Series | Sequence[int],
        positions: pl.Series | Sequence[int],
    ) -> None:
        """Keep the keys of several records (nulls: records without a key)."""
        frame = pl.DataFrame(
            {
                "key": pl.Series(texts, dtype=pl.String),
                "index": pl.Series(indexes, dtype=pl.UInt32),
                "position": pl.Series(positions, dtype=pl.UInt64),
            }
        ).filter(pl.col("key").is_not_null())
        if self.one:
            if self.frames or self._texts:
                return
            frame = frame.head(1)
        if frame.height:
            self.frames.append(frame)

    def flush(self) -> None:
        """Move the keys kept one by one into a frame."""
        if self._texts:
            texts, indexes, positions = self._texts, self._indexes, self._positions
            self._texts, self._indexes, self._positions = [], [], []
            self.add(texts, indexes, positions)

    def extend(self, other: KeyTexts, index_offset: int = 0, position_offset: int = 0) -> None:
        """Take the keys of another part of the same file, shifting its places."""
        self.flush()
        other.flush()
        for frame in other.frames:
            if self.one and self.frames:
                return
            self.frames.append(
                frame.with_columns(
                    (pl.col("index") + index_offset).cast(pl.UInt32),
                    (pl.col("position") + position_offset).cast(pl.UInt64),
                )
            )

    def table(self) -> pl.DataFrame:
        """Every key kept, in file order."""
        self.flush()
        if not self.frames:
            return pl.DataFrame(schema=SCHEMA)
        return pl.concat(self.frames).sort("index")
