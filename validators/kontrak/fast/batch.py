"""Screening parsed records in batches, and the exact check of the ones a screen flags.

:class:`RecordScreen` holds what one process needs to check the records of one file: the gate
validator, the compiled rule screen, a :class:`~kontrak.record_checks.RecordChecker` whose
structure layer is :class:`~kontrak.fast.rs_structure.RsStructureEngine`, and the primary-key
plan. :class:`Outcome` collects what a part of a file produced.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from typing import Any

import polars as pl

from kontrak.contract import Contract
from kontrak.engine.findings import Finding
from kontrak.fast.key_texts import KeyColumns, KeyTexts
from kontrak.fast.keys import KeyPlan, KeyTable
from kontrak.fast.rs_structure import RsStructureEngine, plain_json
from kontrak.fast.rs_validators import rs_validators
from kontrak.fast.rule_screens import RuleScreen, compile_rule_screen
from kontrak.readers.base import InputProblem, LocatedRecord
from kontrak.record_checks import RecordChecker, Screened
from kontrak.report import Report
from kontrak.violation import Violation

__all__ = ["Found", "Outcome", "RecordScreen", "key_count"]

_CONTAINER_TYPES = frozenset({"object", "array"})


@dataclass(slots=True)
class Found:
    """Violations found in a part of a file, kept as a capped report list would keep them.

    With a cap (``--max-errors``), only the first ``cap`` violations in file order are kept
    (memory stays bounded by twice the cap); the others are only counted.
    """

    cap: int | None = None
    kept: list[Violation] = field(default_factory=list)
    unlisted: Counter[tuple[str, str, str]] = field(default_factory=Counter)

    def add(self, violation: Violation) -> None:
        """Keep one violation (or only count it, once the cap is exceeded)."""
        self.kept.append(violation)
        if self.cap is not None and len(self.kept) > 2 * self.cap:
            self.kept.sort(key=Violation.sort_key)
            for dropped in self.kept[self.cap :]:
                self.unlisted[dropped.file, dropped.code, dropped.severity] += 1
            del self.kept[self.cap :]

    def extend(self, violations: Iterable[Violation]) -> None:
        """Keep several violations."""
        for violation in violations:
            self.add(violation)

    def into(self, report: Report, shift: Callable[[Violation], Violation] | None = None) -> None:
        """Add everything to ``report``, moving kept violations with ``shift`` first."""
        for violation in self.kept:
            report.add(shift(violation) if shift else violation)
        for (file, code, severity), count in self.unlisted.items():
            report.count_unlisted(file, code, severity, count)


@dataclass(slots=True)
class Outcome:
    """What checking one part of a file produced.

    Attributes:
        violations: violations of the records and reading problems, positions local to the part.
        records: records read (as the reference counts them).
        items: records and record-level problems read (the next record's index).
        lines: physical lines the part spans (JSON Lines).
        keys: key hashes of the part's records.
        stopped: a problem that made the rest of the file unreadable (e.g. not UTF-8).
        aligned: CSV: the first ``aligned`` records each sit on one line (record index ``i`` on
            line ``i + 2``), so they can be read again by line number.
        offsets: JSON: the records are elements of an array, kept with their byte offsets.
        found: the key texts the foreign-key index needs, by :attr:`KeyColumns.label`.
    """

    violations: Found = field(default_factory=Found)
    records: int = 0
    items: int = 0
    lines: int = 0
    keys: KeyTable = field(default_factory=KeyTable)
    stopped: InputProblem | None = None
    aligned: int = 0
    offsets: bool = False
    found: dict[str, KeyTexts] = field(default_factory=dict)


def _nested_keys(value: Any) -> int:
    count = 0
    if type(value) is dict:
        count = len(value)
        items: Any = value.values()
    elif type(value) is list:
        items = value
    else:
        return 0
    for item in items:
        kind = type(item)
        if kind is dict or kind is list:
            count += _nested_keys(item)
    return count


def key_count(record: dict[str, Any], containers: tuple[str, ...] | None) -> int:
    """Keys in ``record`` and the objects inside it.

    With ``containers`` given (the fields that may hold objects or arrays in a record the gate
    accepts), only those fields are looked into.
    """
    if containers is None:
        return _nested_keys(record)
    count = len(record)
    for name in containers:
        value = record.get(name)
        if value is not None and type(value) is not str:
            count += _nested_keys(value)
    return count


def _containers(contract: Contract) -> tuple[str, ...] | None:
    if contract.schema.get("additionalProperties") is not False:
        return None
    return tuple(
        name
        for name, spec in contract.fields.items()
        if not spec.json_types or _CONTAINER_TYPES.intersection(spec.json_types)
    )


class RecordScreen:
    """Checks the records of one file, the fast way where it can and exactly where it must."""

    def __init__(
        self,
        contract: Contract,
        file: str,
        *,
        bulk: bool,
        show_values: bool,
        cap: int | None = None,
        observed: tuple[KeyColumns, ...] = (),
    ) -> None:
        validators = rs_validators(contract)
        self.observed = observed
        self.cap = cap
        self.contract = contract
        self.file = file
        self.bulk = bulk
        self.checker = RecordChecker(
            contract, show_values=show_values, structure=RsStructureEngine(contract, validators)
        )
        self.gate = validators.bulk_gate if bulk else validators.gate
        self.rules: RuleScreen | None = compile_rule_screen(contract)
        self.keys = KeyPlan.of(contract)
        self.containers = _containers(contract)
        # orjson reads huge integers as floats: a contract with numbers checks for them
        self.numeric = any(
            {"number", "integer"}.intersection(spec.json_types) or not spec.json_types
            for spec in contract.fields.values()
        )
        columns = list(self.rules.columns if self.rules else ())
        if self.keys.text_only:
            columns += [n for n in self.keys.names if n not in columns]
        for plan in observed:
            columns += [n for n in plan.fields if n not in columns]
        self.columns: dict[str, pl.DataType] = {name: pl.String() for name in columns}
        selection = [self.keys.key_expression().alias("key")] if self.keys.text_only else []
        parts = self.rules.parts if self.rules is not None else ()
        self.labels = [part.label for part in parts]
        selection += [part.expression.alias(part.label) for part in parts]
        selection += [plan.expression() for plan in observed]
        self._selection = selection
        self._verdict = pl.all_horizontal(self.labels).alias("ok") if parts else pl.lit(value=True)

    def outcome(self) -> Outcome:
        """An empty outcome that keeps violations as the report's list is capped."""
        found = {plan.label: KeyTexts(one=plan.one) for plan in self.observed}
        return Outcome(violations=Found(cap=self.cap), found=found)

    def passing(
        self,
        verdicts: Sequence[object],
        failing: AbstractSet[str] = frozenset(),
        structure: Sequence[Finding] | None = None,
    ) -> Screened:
        """What the rule screen's part verdicts on one record establish about its layers.

        Args:
            verdicts: the value of each part's column (:attr:`labels`) on the record's row.
            failing: the fields whose values the structure layer rejects; a part's verdict
                counts only when none of the fields it reads is one of them.
            structure: the record's structure findings, when known.
        """
        references = False
        rules: list[bool] = []
        parts = self.rules.parts if self.rules is not None else ()
        for part, verdict in zip(parts, verdicts, strict=True):
            sure = verdict is True and (not failing or failing.isdisjoint(part.fields))
            if part.rule is None:
                references = sure
            else:
                rules.append(sure)
        return Screened(structure=structure, references_pass=references, rules_pass=rules)

    # ----------------------------------------------------------------- exact
    def exact(
        self,
        item: LocatedRecord,
        outcome: Outcome,
        position: int = 0,
        *,
        keys: bool = True,
        screened: Screened | None = None,
    ) -> None:
        """Check one record exactly (structure, rules) and keep its keys unless told not to.

        ``screened`` tells what the screens established about the record (see
        :meth:`RecordChecker.check`).
        """
        outcome.violations.extend(
            self.checker.check(item, self.file, bulk=self.bulk, dataset=False, screened=screened)
        )
        value = item.value
        if not keys or not isinstance(value, dict):
            return
        text = self.keys.key_text(value)
        if text is not None:
            outcome.keys.add_one(text, item.index, position)
        for plan in self.observed:
            outcome.found[plan.label].add_one(plan.text(value), item.index, position)

    def problem(self, problem: InputProblem, outcome: Outcome) -> None:
        """Keep a reading problem as a violation."""
        outcome.violations.add(self.checker.problem(problem, self.file))

    # ----------------------------------------------------------------- clean
    def clean(
        self,
        records: Sequence[dict[str, Any]],
        indexes: Sequence[int],
        positions: Sequence[int],
        item_of: Callable[[int], LocatedRecord],
        outcome: Outcome,
    ) -> None:
        """Screen records that passed the structure gate; check the flagged ones exactly.

        A flagged record is checked without its structure layer (the gate passed it) and without
        the rules (and reference layer) whose own screen passed it.

        Args:
            records: the records.
            indexes: each record's index in the file.
            positions: where each record is found again (see :meth:`KeyTable.add`).
            item_of: builds the located record of ``records[i]`` for the exact check.
            outcome: where violations and key hashes go.
        """
        if not records:
            return
        flagged: list[int] = []
        verdicts: list[tuple[object, ...]] = []
        texts: pl.Series | list[str | None] | None = None
        if self.columns:
            frame = pl.from_dicts(records, schema=self.columns)
            screened = frame.lazy().select(self._selection).with_columns(self._verdict).collect()
            if self.rules is not None:
                flagged = (~screened.get_column("ok")).arg_true().to_list()
                verdicts = screened.select(self.labels)[flagged].rows()
            if self.keys.text_only:
                texts = screened.get_column("key")
            for plan in self.observed:
                outcome.found[plan.label].add(screened.get_column(plan.label), indexes, positions)
        if self.rules is None:
            flagged = list(range(len(records)))
        for at, i in enumerate(flagged):
            item = item_of(i)
            screened_item = None
            if verdicts:
                # the record passed the structure gate: every field holds an accepted value, and
                # the structure layer finds nothing unless the record is not plain JSON or
                # repeats a key (then it is checked as the reference checks it)
                plain = not item.duplicate_keys and plain_json(item.value)
                screened_item = self.passing(verdicts[at], structure=() if plain else None)
            outcome.violations.extend(
                self.checker.check(
                    item, self.file, bulk=self.bulk, dataset=False, screened=screened_item
                )
            )
        if texts is None:
            texts = [self.keys.key_text(record) for record in records]
        outcome.keys.add(texts, indexes, positions)
