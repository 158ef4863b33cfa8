"""Large JSON arrays of records, checked element by element without holding the document.

Elements come from :mod:`~kontrak.fast.array_splitter`. A file that is not a plain array of
objects raises :class:`NotAnArrayError`: the caller then reads the file with the reference JSON
reader, which also gives the reference's error position for a broken file.

The elements of a large array can be checked in parts, each part in its own process
(:func:`check_array_part`): a part starts at an offset that is only a guess of an element start
(:mod:`~kontrak.fast.array_cuts`) and stops at the first element at or past its stop. The
caller keeps a part only when the part before it stopped exactly at the part's start; then its
elements are exactly the ones one pass over the whole file finds there.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kontrak.fast.array_splitter import (
    ArrayElements,
    ElementTooLongError,
    NotAnArrayError,
    Splitter,
)
from kontrak.fast.batch import Outcome, RecordScreen, key_count
from kontrak.fast.keys import KeyTable
from kontrak.fast.rs_structure import orjson_exact
from kontrak.readers.base import LocatedRecord
from kontrak.readers.json_text import find_duplicate_keys, loads_json

__all__ = [
    "ArrayPart",
    "NotAnArrayError",
    "check_array_part",
    "check_json_array",
    "element_item",
    "elements_at",
    "offset_keys",
]

_BATCH = 4096
_AGAIN_CHUNK = 1 << 14


def element_item(piece: bytes, index: int) -> LocatedRecord:
    """The element as the reference reader has it (json with repeated keys marked)."""
    value = loads_json(piece.decode("utf-8"))
    return LocatedRecord(
        value=value,
        index=index,
        pointer=f"/{index}",
        duplicate_keys=tuple(find_duplicate_keys(value)),
    )


@dataclass(slots=True)
class ArrayPart:
    """What checking the elements of one part of an array gave.

    Attributes:
        outcome: violations, key hashes and counts of the part's elements; record indexes (and
            the pointers ``/i``) count from 0 within the part, key positions are file offsets.
        start: the offset the part started from (0: the beginning of the file).
        resume: the offset of the element at or past the part's stop, where the next part
            starts; None when the array ended in the part or the part is broken.
        broken: the bytes from ``start`` on are not elements of an array of objects
            (what :class:`NotAnArrayError` says of a whole file).
        gave_up: a short part met an element longer than it reads (nothing of it is kept).
    """

    outcome: Outcome
    start: int
    resume: int | None = None
    broken: bool = False
    gave_up: bool = False


def offset_keys(size: int) -> KeyTable:
    """A key table whose positions are byte offsets in a file of ``size`` bytes.

    Offsets take 4 bytes up to 4 GiB, 8 beyond.
    """
    return KeyTable(wide=size >= 1 << 32)


def check_array_part(
    screen: RecordScreen,
    path: Path,
    start: int,
    stop: int | None,
    progress: Callable[[int], None] | None = None,
    *,
    short: bool = False,
) -> ArrayPart:
    """Check the elements from ``start`` up to the first one that starts at or past ``stop``.

    ``start`` is 0 (the beginning of the file) or a guess of where an element starts: whether
    the guess was right is for the caller to find out (see the module docs). ``stop`` None
    checks up to the end of the array, then that only white space follows it. A ``short`` part
    gives up early on a long element (:class:`~kontrak.fast.array_splitter.Splitter`): a guess
    inside a string costs little then, and the caller checks a part that gave up again (not
    short).
    """
    outcome = screen.outcome()
    outcome.keys = offset_keys(path.stat().st_size)
    elements = ArrayElements(path, start, stop, progress, short=short)
    gate = screen.gate.is_valid
    containers = screen.containers
    records: list[dict[str, Any]] = []
    indexes: list[int] = []
    offsets: list[int] = []
    index = -1
    try:
        for index, (piece, value, offset) in enumerate(elements):
            outcome.records += 1
            if (
                piece.count(b":") == key_count(value, containers)
                and gate(value)
                and (not screen.numeric or orjson_exact(value))
            ):
                records.append(value)
                indexes.append(index)
                offsets.append(offset)
                if len(records) >= _BATCH:
                    _flush(screen, records, indexes, offsets, outcome)
            else:
                screen.exact(element_item(piece, index), outcome, position=offset)
    except ElementTooLongError:
        if short:
            return ArrayPart(outcome=screen.outcome(), start=start, gave_up=True)
        return ArrayPart(outcome=screen.outcome(), start=start, broken=True)
    except NotAnArrayError:
        return ArrayPart(outcome=screen.outcome(), start=start, broken=True)
    _flush(screen, records, indexes, offsets, outcome)
    outcome.items = index + 1
    return ArrayPart(outcome=outcome, start=start, resume=elements.resume)


def check_json_array(
    screen: RecordScreen, path: Path, progress: Callable[[int], None] | None = None
) -> Outcome:
    """Check a JSON array of objects element by element.

    Raises:
        NotAnArrayError: the file is something else; nothing of the outcome is kept then.
    """
    part = check_array_part(screen, path, 0, None, progress)
    if part.broken:
        raise NotAnArrayError
    return part.outcome


def _flush(
    screen: RecordScreen,
    records: list[dict[str, Any]],
    indexes: list[int],
    offsets: list[int],
    outcome: Outcome,
) -> None:
    def item_of(i: int) -> LocatedRecord:
        return LocatedRecord(value=records[i], index=indexes[i], pointer=f"/{indexes[i]}")

    screen.clean(records, indexes, offsets, item_of, outcome)
    records.clear()
    indexes.clear()
    offsets.clear()


def elements_at(path: Path, offsets: dict[int, int]) -> Iterator[LocatedRecord]:
    """Read the elements at the given file offsets again, as the reference reader has them.

    Args:
        path: the JSON array file.
        offsets: element index → byte offset of the element in the file.
    """
    for index, offset in sorted(offsets.items()):
        splitter = Splitter(path, offset, chunk=_AGAIN_CHUNK)  # one element: read little
        try:
            splitter.more(0)
            piece, _, _, _ = splitter.element()
        finally:
            splitter.close()
        yield element_item(piece, index)
