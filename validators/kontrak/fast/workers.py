"""Worker processes that check byte ranges of a JSON Lines file or a JSON array in parallel.

Workers start from a fresh fork server (never from a parent whose polars threads are running),
load the contract themselves and keep one :class:`~kontrak.fast.batch.RecordScreen` for the file.
Each task is a byte range; the result is its :class:`~kontrak.fast.batch.Outcome` with positions
local to the range (for a JSON array, a :class:`~kontrak.fast.json_fast.ArrayPart` whose
record indexes are local), which the parent shifts into place.
"""

from __future__ import annotations

import gc
import multiprocessing
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from multiprocessing.pool import Pool
from pathlib import Path

from kontrak.catalog import load_catalog
from kontrak.contract import load_contract
from kontrak.fast.batch import Outcome, RecordScreen
from kontrak.fast.json_fast import ArrayPart, check_array_part
from kontrak.fast.jsonl_fast import check_jsonl_bytes
from kontrak.fast.key_texts import KeyColumns

__all__ = ["WorkerSetup", "check_array_range", "check_range", "worker_pool"]

_STATE: dict[str, RecordScreen] = {}


@dataclass(frozen=True, slots=True)
class WorkerSetup:
    """What a worker needs to build the screen of the file it checks.

    ``bulk`` is the screen's own: True for line- and row-based files, False for JSON documents.
    """

    contracts_root: str
    spec: str
    file: str
    show_values: bool
    cap: int | None
    observed: tuple[KeyColumns, ...] = ()
    bulk: bool = True


def _start(setup: WorkerSetup) -> None:
    # What the fork server imported stays shared with it: the collector leaves it alone then
    # (a collection writes to every object it visits, which copies the object's memory page).
    gc.freeze()
    contract = load_contract(setup.spec, load_catalog(Path(setup.contracts_root)))
    _STATE["screen"] = RecordScreen(
        contract,
        setup.file,
        bulk=setup.bulk,
        show_values=setup.show_values,
        cap=setup.cap,
        observed=setup.observed,
    )


def check_range(task: tuple[str, int, int]) -> Outcome:
    """Check one byte range ``(path, start, end)`` of a JSON Lines file."""
    path, start, end = task
    with Path(path).open("rb") as handle:
        handle.seek(start)
        data = handle.read(end - start)
    return _flushed(check_jsonl_bytes(_STATE["screen"], data))


def check_array_range(task: tuple[str, int, int | None]) -> ArrayPart:
    """Check the elements of a JSON array from ``start`` up to ``stop``: ``(path, start, stop)``.

    See :func:`~kontrak.fast.json_fast.check_array_part`.
    """
    path, start, stop = task
    part = check_array_part(_STATE["screen"], Path(path), start, stop, short=True)
    _flushed(part.outcome)
    return part


def _flushed(outcome: Outcome) -> Outcome:
    """The outcome with its keys hashed into frames (quicker to send than lists)."""
    outcome.keys.flush()
    for found in outcome.found.values():
        found.flush()
    return outcome


@contextmanager
def _main_module_hidden() -> Iterator[None]:
    """Keep new workers from importing the caller's ``__main__`` (they need kontrak only).

    A process started by a fork server imports the parent's main script unless the main module
    has no file; a script that calls :func:`kontrak.validate` without an
    ``if __name__ == "__main__"`` guard would otherwise run again in every worker.
    """
    main = sys.modules.get("__main__")
    saved = {name: getattr(main, name) for name in ("__file__", "__spec__") if hasattr(main, name)}
    try:
        for name in saved:
            if name == "__spec__":
                setattr(main, name, None)
            else:
                delattr(main, name)
        yield
    finally:
        for name, value in saved.items():
            setattr(main, name, value)


@contextmanager
def worker_pool(setup: WorkerSetup, processes: int) -> Iterator[Pool]:
    """A pool of ``processes`` workers set up for one file."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["kontrak.fast.workers"])
    with _main_module_hidden():
        pool = context.Pool(processes=processes, initializer=_start, initargs=(setup,))
    try:
        yield pool
    finally:
        pool.terminate()
        pool.join()
