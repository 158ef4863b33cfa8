"""What the fast engine collects of a file for the run's foreign-key index, and hands over.

A screened file gives the index the key columns of all its records (its foreign keys, and the
keys other datasets point at when it is a target dataset) instead of showing it each record; a
file whose key fields are not all text is shown to the index record by record
(:attr:`Observer.observe`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Set
from typing import Any

from kontrak.contract import Contract
from kontrak.fast.key_texts import KeyColumns, KeyTexts
from kontrak.fast.run import Observer
from kontrak.foreign_keys import ForeignKeyIndex, Locate, SubjectOf
from kontrak.readers.base import LocatedRecord

__all__ = ["key_observer"]


def key_observer(
    keys: ForeignKeyIndex,
    contract: Contract,
    shown: str,
    observe: Callable[[LocatedRecord], None],
    subject_of: SubjectOf,
    *,
    against: bool,
    datasets: Set[str],
) -> Observer | None:
    """The observer of one file of ``contract``, or None when the index needs nothing of it.

    Args:
        keys: the run's foreign-key index.
        contract: the file's contract.
        shown: the file as reports name it.
        observe: shows one record to the index (files checked record by record).
        subject_of: the masked hint that finds a record (for violations).
        against: other packages were given as foreign-key targets.
        datasets: the datasets validated in the run (targets that may turn up).
    """
    if not (keys.is_target(contract.dataset) or contract.foreign_keys):
        return None

    def hopeless(spec: Mapping[str, Any]) -> bool:
        """No target of this foreign key can turn up: one keyed record is enough."""
        return not against and not set(spec["reference"]["datasets"]) & datasets

    plans: list[KeyColumns | None] = [
        KeyColumns.of(contract, f"source:{number}", spec["fields"], one=hopeless(spec))
        for number, spec in enumerate(contract.foreign_keys)
    ]
    targets = keys.targets_of(contract.dataset)
    plans += [KeyColumns.of(contract, f"target:{i}", f) for i, (_, f) in enumerate(targets)]
    observed = tuple(p for p in plans if p is not None) if None not in plans else None

    def deliver(found: Mapping[str, KeyTexts], locate: Locate) -> None:
        for number in range(len(contract.foreign_keys)):
            table = found[f"source:{number}"].table()
            keys.add_source_keys(contract, shown, number, table, locate, subject_of)
        for i, target in enumerate(targets):
            keys.add_target_keys(target, found[f"target:{i}"].table()["key"])

    return Observer(observe=observe, observed=observed, deliver=deliver)
