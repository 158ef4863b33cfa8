"""Offsets where the elements of a large JSON array probably start, about evenly spaced.

A part of an array (:func:`kontrak.fast.json_fast.check_array_part`) starts where an element
starts, which only reading the array from its beginning tells for sure. Here it is guessed: the
``{`` of ``}`` ``,`` ``{`` (white space allowed around the comma) starts an element unless those
bytes lie inside a string or a nested array of objects. A candidate is kept when elements follow
one another from it for a while (:func:`~kontrak.fast.array_splitter.elements_follow`): one inside a
nested array soon runs into that array's ``]``, one inside a string seldom parses at all. A wrong
guess that passes still costs only time: the caller keeps a part only when the part before it
ended exactly at its start.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import BinaryIO

from kontrak.fast.array_splitter import elements_follow

__all__ = ["array_cuts"]

_CANDIDATE = re.compile(rb"\}[ \t\n\r]*,[ \t\n\r]*\{")
_SCAN = 1 << 16  # bytes read at a time while looking for candidates
_SCAN_LIMIT = 1 << 20  # how far past a target candidates are looked for
_TRIES = 128  # candidates tried per target
_WINDOW = 1 << 16  # bytes read to try a candidate
_SPAN = 1 << 14  # how far elements must follow one another from a candidate


def array_cuts(path: Path, size: int, step: int) -> list[int]:
    """Offsets, in increasing order and about ``step`` bytes apart, where elements likely start.

    Args:
        path: the JSON array file.
        size: its size in bytes.
        step: the wanted distance between two offsets (the first is about ``step`` in).
    """
    cuts: list[int] = []
    span = max(1, min(_SPAN, step // 2))
    target = step
    with path.open("rb") as handle:
        while target < size:
            cut = _cut_after(handle, target, span)
            if cut is None:
                target += step
            else:
                cuts.append(cut)
                target = cut + step
    return cuts


def _cut_after(handle: BinaryIO, target: int, span: int) -> int | None:
    """The first candidate at or after ``target`` that passes the try; None when none near."""
    handle.seek(target)
    buffer = b""
    searched = tried = 0
    while len(buffer) < _SCAN_LIMIT:
        block = handle.read(_SCAN)
        if not block:
            return None
        buffer += block
        for match in _CANDIDATE.finditer(buffer, searched):
            start = match.end() - 1
            while len(buffer) < start + _WINDOW and (block := handle.read(_SCAN)):
                buffer += block
            if elements_follow(buffer[start : start + _WINDOW], span):
                return target + start
            tried += 1
            if tried >= _TRIES:
                return None
            searched = match.end()
        searched = max(searched, buffer.rfind(b"}"))  # a candidate cut by the block's end
    return None
