"""Outcomes of the parts of one file checked apart, joined into the outcome of the file.

Parts are checked in worker processes (:mod:`~kontrak.fast.workers`) with local record indexes
(and local line numbers for JSON Lines); joining moves each part's violations, key hashes and
foreign-key texts into place, in file order, as one pass over the file would have found them.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable, Iterable
from pathlib import Path

import polars as pl

from kontrak.fast import json_fast
from kontrak.fast.batch import Outcome, RecordScreen
from kontrak.readers.base import InputProblem
from kontrak.violation import Violation

__all__ = ["merge_array_parts", "merge_line_ranges"]

Progress = Callable[[int], None]


# ------------------------------------------------------------------ JSON Lines
def _shift_violation(violation: Violation, lines: int, items: int) -> Violation:
    if not lines and not items:
        return violation
    line = violation.line + lines if violation.line is not None else None
    ctx = violation.ctx
    if violation.line is not None and ctx.get("line") == violation.line:
        ctx = {**ctx, "line": line}
    record = violation.record + items if violation.record is not None else None
    return dataclasses.replace(violation, line=line, record=record, ctx=ctx)


def _shift_problem(problem: InputProblem, lines: int) -> InputProblem:
    if problem.line is None or not lines:
        return problem
    return dataclasses.replace(problem, line=problem.line + lines)


def _take(
    total: Outcome,
    part: Outcome,
    shift: Callable[[Violation], Violation],
    items: int,
    positions: int,
) -> None:
    """Add what a part of a file produced to ``total``, moved into place.

    Violations are moved by ``shift``, record indexes by ``items``, key positions by
    ``positions``.
    """
    total.violations.extend(shift(v) for v in part.violations.kept)
    for key, count in part.violations.unlisted.items():
        total.violations.unlisted[key] += count
    total.records += part.records
    total.keys.extend(part.keys, index_offset=items, position_offset=positions)
    for label, found in part.found.items():
        total.found[label].extend(found, index_offset=items, position_offset=positions)


def _compact(total: Outcome) -> None:
    """Join the key hashes of all parts into one frame (without copying them).

    Finding the shared hashes then filters one frame per slice of hashes, not every part's.
    """
    if len(total.keys.frames) > 1:
        total.keys.frames = [pl.concat(total.keys.frames, rechunk=False)]


def merge_line_ranges(
    screen: RecordScreen,
    parts: Iterable[Outcome],
    ranges: list[tuple[int, int]],
    progress: Progress | None,
) -> Outcome:
    """Join the outcomes of the byte ranges of a JSON Lines file, up to a range that stopped."""
    total = screen.outcome()
    lines = items = 0
    for (_, end), part in zip(ranges, parts, strict=False):
        shift = functools.partial(_shift_violation, lines=lines, items=items)
        _take(total, part, shift, items, lines)
        if part.stopped is not None:
            total.stopped = _shift_problem(part.stopped, lines)
            break
        lines += part.lines
        items += part.items
        if progress is not None:
            progress(end)
    total.items, total.lines = items, lines
    _compact(total)
    return total


# ----------------------------------------------------------------- JSON arrays
def _shift_element(violation: Violation, items: int) -> Violation:
    """Move a violation of a part's element ``i`` (pointer ``/i…``) to element ``i + items``."""
    if not items or violation.record is None:
        return violation
    record = violation.record + items
    local, pointer = f"/{violation.record}", violation.pointer
    if pointer is not None and (pointer == local or pointer.startswith(local + "/")):
        pointer = f"/{record}{pointer[len(local) :]}"
    return dataclasses.replace(violation, record=record, pointer=pointer)


def merge_array_parts(
    screen: RecordScreen,
    path: Path,
    parts: Iterable[json_fast.ArrayPart],
    stops: list[int | None],
    progress: Progress | None,
) -> Outcome:
    """Join the parts of an array checked apart into what one pass over the array gives.

    A part counts only when it starts where the part before it stopped: then its start is where
    an element starts, and its elements are the ones one pass finds there. Otherwise (its start
    was not an element's, e.g. ``}, {`` inside a string), or when the part gave up on a long
    element, the elements from where the part before stopped up to the part's stop are checked
    here, in this process, as one pass checks them.

    Raises:
        NotAnArrayError: a part that counts found the bytes not to be an array of objects.
    """
    total = screen.outcome()
    total.keys = json_fast.offset_keys(path.stat().st_size)
    resume = items = 0
    for stop, checked in zip(stops, parts, strict=False):
        part = checked
        if checked.start != resume or checked.gave_up:
            part = json_fast.check_array_part(screen, path, resume, stop)
        if part.broken:
            raise json_fast.NotAnArrayError
        _take(total, part.outcome, functools.partial(_shift_element, items=items), items, 0)
        items += part.outcome.items
        if part.resume is None:
            break
        resume = part.resume
        if progress is not None and stop is not None:
            progress(stop)
    total.items = items
    _compact(total)
    return total
