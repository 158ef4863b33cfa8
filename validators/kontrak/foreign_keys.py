"""Foreign keys between datasets: a record's key must exist in a target dataset at hand.

Targets come from the same package or from packages given with ``--against`` (e.g. LAN's credit
history against BKN's rosters). Keys are collected while records stream by and resolved at the
end, so targets may come after the records that point at them.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import polars as pl

from kontrak.contract import Contract
from kontrak.masking import mask_text
from kontrak.readers.base import LocatedRecord
from kontrak.violation import Violation

__all__ = ["SEPARATOR", "ForeignKeyIndex", "Locate", "key_of"]

Key = tuple[str, ...]
Target = tuple[str, tuple[str, ...]]


@dataclass(frozen=True, slots=True)
class _Pending:
    file: str
    item: LocatedRecord
    key: Key
    subject: str | None


Locate = Callable[[pl.DataFrame], Iterator[LocatedRecord]]
"""Reads records of a file again, given a frame of their ``index`` and ``position``."""
SubjectOf = Callable[[Mapping[str, Any]], str | None]


@dataclass(frozen=True, slots=True)
class _KeyColumn:
    """The foreign keys of a whole file, as the fast engine collected them."""

    table: pl.DataFrame  # key (joined text), index, position; file order
    locate: Locate
    subject_of: SubjectOf


@dataclass(slots=True)
class _Usage:
    contract: Contract
    spec: Mapping[str, Any]
    file: str
    pending: list[_Pending] = field(default_factory=list)
    column: _KeyColumn | None = None


SEPARATOR = "\x1f"
"""Joins the parts of a key into one text (the fast engine's key columns)."""


def key_of(record: Mapping[str, Any], names: tuple[str, ...]) -> Key | None:
    """The key ``names`` give ``record`` (parts as text), or None when a part is missing."""
    values = [record.get(name) for name in names]
    if not all(isinstance(v, str | int) and not isinstance(v, bool) and v != "" for v in values):
        return None
    return tuple(str(v) for v in values)


class ForeignKeyIndex:
    """Collects foreign-key values and target keys during a run, then reports what is missing."""

    def __init__(self, *, show_values: bool = False) -> None:
        self.show_values = show_values
        self._targets: dict[Target, set[Key]] = defaultdict(set)
        self._wanted: set[Target] = set()
        self._usages: dict[tuple[str, str, int], _Usage] = {}

    def want_targets_of(self, contract: Contract) -> None:
        """Register the target datasets of ``contract``'s foreign keys."""
        for spec in contract.foreign_keys:
            fields = tuple(spec["reference"]["fields"])
            for dataset in spec["reference"]["datasets"]:
                self._wanted.add((dataset, fields))

    def targets_of(self, dataset: str) -> list[Target]:
        """The targets (dataset, key fields) wanted from records of ``dataset``, in order."""
        return sorted(target for target in self._wanted if target[0] == dataset)

    def add_target_keys(self, target: Target, texts: Iterable[str]) -> None:
        """Index the keys of a whole file of a target dataset (texts joined by the separator)."""
        self._targets[target].update(tuple(text.split(SEPARATOR)) for text in texts)

    def add_source_keys(
        self,
        contract: Contract,
        file: str,
        number: int,
        table: pl.DataFrame,
        locate: Locate,
        subject_of: SubjectOf,
    ) -> None:
        """Remember the values of foreign key ``number`` of every record of a whole file.

        ``table`` holds the records that have a key (joined text, index, position); ``locate``
        reads records of the file again when a key turns out to be missing.
        """
        if not table.height:
            return
        usage = self._usages.setdefault(
            (contract.spec, file, number), _Usage(contract, contract.foreign_keys[number], file)
        )
        usage.column = _KeyColumn(table=table, locate=locate, subject_of=subject_of)

    def is_target(self, dataset: str) -> bool:
        """Whether records of ``dataset`` should be indexed."""
        return any(target[0] == dataset for target in self._wanted)

    def add_target_record(self, dataset: str, record: Any) -> None:
        """Index one record of a target dataset."""
        if not isinstance(record, Mapping):
            return
        for target in self._wanted:
            if target[0] == dataset:
                key = key_of(record, target[1])
                if key is not None:
                    self._targets[target].add(key)

    def has_target_data(self, dataset: str) -> None:
        """Mark a target dataset as present even when it had no records."""
        for target in self._wanted:
            if target[0] == dataset:
                self._targets.setdefault(target, set())

    def add_source_record(
        self, contract: Contract, file: str, item: LocatedRecord, subject: str | None
    ) -> None:
        """Remember the foreign-key values of one record of ``contract``."""
        record = item.value
        if not isinstance(record, Mapping):
            return
        for number, spec in enumerate(contract.foreign_keys):
            key = key_of(record, tuple(spec["fields"]))
            if key is None:
                continue
            usage = self._usages.setdefault(
                (contract.spec, file, number), _Usage(contract, spec, file)
            )
            # the record's place only: a run may hold millions of pending keys
            place = dataclasses.replace(
                item, value=None, duplicate_keys=(), absent_columns=frozenset()
            )
            usage.pending.append(_Pending(file, place, key, subject))

    def _violation(self, usage: _Usage, pending: _Pending, code: str, target: str) -> Violation:
        names = tuple(usage.spec["fields"])
        value = "/".join(pending.key)
        personal = any(
            usage.contract.fields[n].personal for n in names if n in usage.contract.fields
        )
        shown = value if self.show_values or not personal else mask_text(value)
        pointer = pending.item.pointer + "/" + names[0]
        return Violation(
            code=code,
            severity=str(usage.spec.get("severity", "error")),  # type: ignore[arg-type]
            file=pending.file,
            pointer=pointer,
            field=names[0],
            line=pending.item.line,
            row=pending.item.row,
            record=pending.item.index,
            subject=pending.subject,
            value=shown,
            ctx={"fields": ", ".join(names), "target": target},
            dataset=usage.contract.dataset,
            version=usage.contract.version,
            engine="foreign-key",
        )

    def resolve(self) -> Iterator[Violation]:
        """Yield the foreign-key findings of the run.

        ``foreign-key-missing`` for every key absent from all available targets, and one
        ``foreign-key-unchecked`` notice per file whose targets were not at hand.
        """
        for usage in self._usages.values():
            fields = tuple(usage.spec["reference"]["fields"])
            datasets = list(usage.spec["reference"]["datasets"])
            available = [(d, fields) for d in datasets if (d, fields) in self._targets]
            target_text = ", ".join(datasets)
            if not available:
                notice = self._unchecked(usage, target_text)
                yield Violation(
                    code=notice.code,
                    severity="info",
                    file=notice.file,
                    field=notice.field,
                    ctx=notice.ctx,
                    dataset=notice.dataset,
                    version=notice.version,
                    engine="foreign-key",
                )
                continue
            for pending in usage.pending:
                if not any(pending.key in self._targets[t] for t in available):
                    yield self._violation(usage, pending, "foreign-key-missing", target_text)
            if usage.column is not None:
                for pending in self._missing(usage, usage.column, available):
                    yield self._violation(usage, pending, "foreign-key-missing", target_text)

    def _unchecked(self, usage: _Usage, target_text: str) -> Violation:
        """The notice that a file's foreign key was not checked (its place is not shown)."""
        place = LocatedRecord(value=None, index=0)
        first = usage.pending[0] if usage.pending else _Pending(usage.file, place, (), None)
        return self._violation(usage, first, "foreign-key-unchecked", target_text)

    def _missing(
        self, usage: _Usage, column: _KeyColumn, available: list[Target]
    ) -> Iterator[_Pending]:
        """The records of a key column whose key is in none of the available targets."""
        known = {SEPARATOR.join(key) for target in available for key in self._targets[target]}
        missing = column.table.filter(~pl.col("key").is_in(sorted(known)))
        if not missing.height:
            return
        keys = dict(zip(missing["index"].to_list(), missing["key"].to_list(), strict=True))
        for item in column.locate(missing.select("index", "position")):
            if item.index not in keys or not isinstance(item.value, Mapping):
                continue
            place = dataclasses.replace(
                item, value=None, duplicate_keys=(), absent_columns=frozenset()
            )
            key = tuple(keys[item.index].split(SEPARATOR))
            yield _Pending(usage.file, place, key, column.subject_of(item.value))
