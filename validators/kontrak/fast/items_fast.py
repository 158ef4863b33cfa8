"""Records from the reference readers, checked the fast way.

Used where the reading itself is done by a reference reader (Excel, CSV rows that polars cannot
split exactly, JSON documents that are not a plain array of objects): each record goes through
the gate validator and the rule screen in batches; flagged ones are checked exactly.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from kontrak.fast.batch import Outcome, RecordScreen
from kontrak.fast.rs_structure import plain_json
from kontrak.readers.base import InputProblem, LocatedRecord, UnreadableInputError

__all__ = ["check_items"]

_BATCH = 4096


def _flush(screen: RecordScreen, batch: list[LocatedRecord], outcome: Outcome) -> None:
    def item_of(i: int) -> LocatedRecord:
        return batch[i]

    screen.clean(
        [item.value for item in batch],
        [item.index for item in batch],
        [item.line or 0 for item in batch],
        item_of,
        outcome,
    )
    batch.clear()


def check_items(
    screen: RecordScreen,
    items: Iterable[LocatedRecord | InputProblem],
    outcome: Outcome,
    progress: Callable[[int], None] | None = None,
) -> None:
    """Check everything a reader yields; a whole-file problem ends the outcome (``stopped``)."""
    gate = screen.gate.is_valid
    batch: list[LocatedRecord] = []
    try:
        for count, item in enumerate(items, start=1):
            if isinstance(item, InputProblem):
                screen.problem(item, outcome)
                continue
            outcome.records += 1
            value = item.value
            if (
                type(value) is dict
                and not item.duplicate_keys
                and plain_json(value)
                and gate(value)
            ):
                batch.append(item)
                if len(batch) >= _BATCH:
                    _flush(screen, batch, outcome)
                    if progress is not None:
                        progress(count)
            else:
                screen.exact(item, outcome, position=item.line or 0)
    except UnreadableInputError as exc:
        outcome.stopped = exc.problem
    _flush(screen, batch, outcome)
