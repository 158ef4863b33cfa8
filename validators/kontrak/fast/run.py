"""Validating one file with the fast engine, up to the report.

:func:`validate_file_fast` takes over from the reference loop in
:func:`kontrak.validation.validate_with_contract` for regular files of a known format. It fills
the same :class:`~kontrak.report.FileResult` and adds the same violations: records are checked
by format (:mod:`~kontrak.fast.jsonl_fast` and :mod:`~kontrak.fast.json_fast` in worker
processes for large files, :mod:`~kontrak.fast.csv_fast`, Excel through
:mod:`~kontrak.fast.items_fast`), then records whose primary-key hashes collide are read again
for the reference's key check (:mod:`~kontrak.fast.records_again`).
"""

from __future__ import annotations

import hashlib
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from multiprocessing.pool import AsyncResult, Pool
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from kontrak.contract import Contract
from kontrak.fast import csv_fast, json_fast, jsonl_fast
from kontrak.fast.array_cuts import array_cuts
from kontrak.fast.batch import Outcome, RecordScreen
from kontrak.fast.items_fast import check_items
from kontrak.fast.key_texts import KeyColumns, KeyTexts
from kontrak.fast.keys import KeyTable
from kontrak.fast.parts import merge_array_parts, merge_line_ranges
from kontrak.fast.records_again import key_violations, locator
from kontrak.fast.rs_structure import RsStructureEngine
from kontrak.fast.workers import WorkerSetup, check_array_range, check_range, worker_pool
from kontrak.foreign_keys import Locate
from kontrak.readers.base import InputProblem, LocatedRecord, UnreadableInputError
from kontrak.readers.dispatch import detect_format, read_input
from kontrak.readers.excel_reader import iter_excel_records
from kontrak.readers.json_reader import iter_json_document
from kontrak.record_checks import RecordChecker
from kontrak.report import FileResult, Report
from kontrak.violation import Violation

if TYPE_CHECKING:
    from kontrak.validation import ValidateOptions

__all__ = [
    "FAST_FORMATS",
    "RANGE_BYTES",
    "WORKER_THRESHOLD",
    "FastFile",
    "Observer",
    "fast_structure",
    "validate_file_fast",
]

FAST_FORMATS = frozenset({"json", "jsonl", "csv", "xlsx"})
WORKER_THRESHOLD = 64 << 20
RANGE_BYTES = 4 << 20

Progress = Callable[[int], None]
Task = TypeVar("Task")
Part = TypeVar("Part")


def _digest(path: Path) -> tuple[str, int]:
    with path.open("rb") as handle:
        digest = hashlib.file_digest(handle, "sha256")
        return digest.hexdigest(), handle.tell()


def _worker_count(requested: int | None, size: int) -> int:
    if requested is not None:
        return max(1, requested)
    cores = os.cpu_count() or 1
    return 2 if size >= WORKER_THRESHOLD and cores >= 2 else 1


def _setup(screen: RecordScreen, options: ValidateOptions) -> WorkerSetup:
    """What the workers need to build a screen like ``screen``."""
    return WorkerSetup(
        contracts_root=str(screen.contract.root),
        spec=screen.contract.spec,
        file=screen.file,
        show_values=options.show_values,
        cap=options.max_errors,
        observed=screen.observed,
        bulk=screen.bulk,
    )


def _in_order(
    pool: Pool, function: Callable[[Task], Part], tasks: list[Task], ahead: int
) -> Iterator[Part]:
    """The results of ``function`` on each task, in order, with ``ahead`` tasks at most queued.

    Results the caller has not taken yet stay few (memory does not grow when it falls behind),
    and the workers stop soon after the caller stops taking results.
    """
    queued: deque[AsyncResult[Part]] = deque()
    for task in tasks:
        if len(queued) >= ahead:
            yield queued.popleft().get()
        queued.append(pool.apply_async(function, (task,)))
    while queued:
        yield queued.popleft().get()


# ------------------------------------------------------------------ JSON Lines
def _read_range(path: Path, start: int, end: int) -> bytes:
    with path.open("rb") as handle:
        handle.seek(start)
        return handle.read(end - start)


def _check_jsonl(
    path: Path, screen: RecordScreen, options: ValidateOptions, progress: Progress | None
) -> Outcome:
    size = path.stat().st_size
    workers = _worker_count(options.workers, size)
    ranges = list(jsonl_fast.iter_line_ranges(path, size, RANGE_BYTES))
    if workers <= 1 or len(ranges) < 2:
        parts: Iterator[Outcome] = (
            jsonl_fast.check_jsonl_bytes(screen, _read_range(path, s, e)) for s, e in ranges
        )
        outcome = merge_line_ranges(screen, parts, ranges, progress)
    else:
        with worker_pool(_setup(screen, options), workers) as pool:
            tasks = [(str(path), start, end) for start, end in ranges]
            parts = _in_order(pool, check_range, tasks, ahead=4 * workers)
            outcome = merge_line_ranges(screen, parts, ranges, progress)
    if outcome.items == 0 and outcome.stopped is None:
        outcome.stopped = InputProblem(code="empty-file")
    return outcome


# ----------------------------------------------------------------- JSON arrays
def _check_array(
    path: Path, screen: RecordScreen, options: ValidateOptions, progress: Progress | None
) -> Outcome:
    """Check a JSON array, in parts in worker processes when it is large.

    Raises:
        NotAnArrayError: the file is not a plain array of objects.
    """
    size = path.stat().st_size
    workers = _worker_count(options.workers, size)
    cuts = array_cuts(path, size, RANGE_BYTES) if workers > 1 else []
    if not cuts:
        return json_fast.check_json_array(screen, path, progress)
    stops: list[int | None] = [*cuts, None]
    tasks = [(str(path), start, stop) for start, stop in zip([0, *cuts], stops, strict=True)]
    with worker_pool(_setup(screen, options), workers) as pool:
        parts = _in_order(pool, check_array_range, tasks, ahead=4 * workers)
        outcome = merge_array_parts(screen, path, parts, stops, progress)
    if progress is not None:
        progress(size)
    return outcome


# ------------------------------------------------------------------- the rest
def _check_json(
    path: Path, screen: RecordScreen, options: ValidateOptions, progress: Progress | None
) -> Outcome:
    try:
        outcome = _check_array(path, screen, options, progress)
        outcome.offsets = True
        return outcome
    except json_fast.NotAnArrayError:
        outcome = screen.outcome()
        check_items(screen, iter_json_document(path.read_bytes()), outcome)
        return outcome


def _check(
    fmt: str,
    path: Path,
    screen: RecordScreen,
    options: ValidateOptions,
    progress: Progress | None,
) -> Outcome:
    if fmt == "jsonl":
        return _check_jsonl(path, screen, options, progress)
    if fmt == "csv":
        return csv_fast.check_csv_file(screen, path, progress)
    if fmt == "json":
        return _check_json(path, screen, options, progress)
    outcome = screen.outcome()
    check_items(screen, iter_excel_records(path, screen.contract), outcome)
    return outcome


# ---------------------------------------------------------- every record
def _every_record(fmt: str, path: Path, fast: FastFile, progress: Progress | None) -> Outcome:
    """Run the run's own checker (and its record observer) on every record of the file.

    For contracts whose records need more than the screens cover (deprecated fields, reported
    once per file; foreign keys on fields that are not text). Records are read the fast way
    where that is exact (JSON Lines), by the reference readers otherwise.
    """
    checker, shown = fast.checker, fast.result.path
    outcome = Outcome()
    items: Iterable[LocatedRecord | InputProblem]
    if fmt == "jsonl":
        items = jsonl_fast.iter_jsonl_items(path, checker.contract)
    else:
        read = read_input(path, checker.contract, fmt)
        items = read.items
    bulk = fmt != "json"
    try:
        for item in items:
            if isinstance(item, InputProblem):
                fast.report.add(checker.problem(item, shown))
                continue
            outcome.records += 1
            for violation in checker.check(item, shown, bulk=bulk):
                fast.report.add(violation)
            if fast.observer is not None:
                fast.observer.observe(item)
    except UnreadableInputError as exc:
        outcome.stopped = exc.problem
    if progress is not None:
        progress(path.stat().st_size)
    return outcome


# --------------------------------------------------------------------- entry
@dataclass(frozen=True, slots=True)
class Observer:
    """What the run's foreign-key index must see of a file.

    Attributes:
        observe: shows one record (files checked record by record).
        observed: the keys to collect from every record instead (screened files); None when
            a key field is not text, so the file is checked record by record.
        deliver: takes the collected keys after the file, with a way to read records again.
    """

    observe: Callable[[LocatedRecord], object]
    observed: tuple[KeyColumns, ...] | None
    deliver: Callable[[Mapping[str, KeyTexts], Locate], None]


@dataclass(frozen=True, slots=True)
class FastFile:
    """What the validation run gives the fast engine for one file.

    Attributes:
        checker: the run's checker of the file's contract (structure on jsonschema-rs).
        report: the run's report.
        result: the file's entry in the report.
        input_format: a format forced by the caller (option or package descriptor).
        observer: what the run's foreign-key index needs to see, if anything.
        keys_later: None when primary keys are unique per file; where they span the files of a
            package, takes the file's key hashes, with a way to read its records again, for
            :func:`key_violations` once every file was checked.
    """

    checker: RecordChecker
    report: Report
    result: FileResult
    input_format: str | None
    observer: Observer | None
    keys_later: Callable[[KeyTable, Locate], None] | None = None


def fast_structure(contract: Contract) -> RsStructureEngine:
    """The structure layer the fast engine gives a run's checkers."""
    return RsStructureEngine(contract)


def _screened(
    fmt: str,
    path: Path,
    screen: RecordScreen,
    fast: FastFile,
    options: ValidateOptions,
    progress: Progress | None,
) -> tuple[Outcome, list[Violation]]:
    """Check a file through the screens; its key violations, unless they span files."""
    outcome = _check(fmt, path, screen, options, progress)
    locate = locator(fmt, path, screen, outcome)
    violations: list[Violation] = []
    if fast.keys_later is not None:
        fast.keys_later(outcome.keys, locate)
    else:
        files = [(screen.file, outcome.keys, locate)]
        violations = key_violations(screen.contract, files, options.show_values)
    # a JSON document that cannot be read shows the reference no record at all
    if fast.observer is not None and not (fmt == "json" and outcome.stopped):
        fast.observer.deliver(outcome.found, locate)
    return outcome, violations


def validate_file_fast(path: Path, shown: str, fast: FastFile, options: ValidateOptions) -> bool:
    """Validate one file with the fast engine; False when it does not apply (nothing done).

    It applies to regular files of a known format; other paths (missing, directories, unknown
    extensions) are left to the reference loop, which reports them. Records go through the
    screens when every check of the contract is screened; otherwise each record goes through
    the run's checker (still on jsonschema-rs and, for JSON Lines, on orjson).
    """
    if not path.is_file():
        return False
    try:
        fmt = fast.input_format or detect_format(path)
    except UnreadableInputError:
        return False
    if fmt not in FAST_FORMATS:
        return False
    result, checker = fast.result, fast.checker
    result.format = fmt
    observer = fast.observer
    screened = (
        observer is None or observer.observed is not None
    ) and not checker.checks_every_record
    screen = RecordScreen(
        checker.contract,
        shown,
        bulk=fmt != "json",
        show_values=options.show_values,
        cap=options.max_errors,
        observed=observer.observed or () if observer is not None else (),
    )
    sink = options.progress
    violations: list[Violation] = []
    with ThreadPoolExecutor(max_workers=1) as hashing:
        digest = hashing.submit(_digest, path)
        try:
            if sink is not None:
                sink.start(shown, path.stat().st_size)
            advance = sink.advance_to if sink else None
            if screened:
                outcome, violations = _screened(fmt, path, screen, fast, options, advance)
            else:
                outcome = _every_record(fmt, path, fast, advance)
        except OSError as exc:
            reason = exc.strerror or str(exc)
            outcome = screen.outcome()
            outcome.stopped = InputProblem(code="file-unreadable", ctx={"reason": reason})
        finally:
            if sink is not None:
                sink.finish()
        result.sha256, result.size = digest.result()
    result.records = outcome.records
    outcome.violations.into(fast.report)
    for violation in violations:
        fast.report.add(violation)
    if outcome.stopped is not None:
        result.readable = False
        fast.report.add(checker.problem(outcome.stopped, shown))
    return True
