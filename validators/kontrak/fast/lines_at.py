r"""Lines of a file found again by number, skipping whole blocks that hold none of them.

The fast engines read a file once and remember the line numbers of the records they must see
again (repeated primary keys, foreign keys). Reading those lines again line by line in Python
costs as much as the first pass; here the file is read in blocks of whole lines, the newlines of
a block are counted, and only a block that holds a wanted line is split into lines. Lines are
what iterating over the file in binary mode gives: split after each ``\n``, which they keep.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import BinaryIO

__all__ = ["BLOCK_BYTES", "lines_at"]

BLOCK_BYTES = 1 << 16
"""Bytes read at a time (then up to the end of the line): small, so that splitting the blocks
that hold wanted lines costs little; tests lower it to cross block borders."""


def lines_at(
    handle: BinaryIO, numbers: Iterable[int], first: int = 1
) -> Iterator[tuple[int, bytes]]:
    r"""Yield ``(number, line)`` for each wanted line number, in file order.

    Args:
        handle: the file, positioned at the start of line number ``first``.
        numbers: the wanted line numbers; numbers before ``first`` or after the last line are
            never yielded.
        first: the number of the line the handle is positioned at.

    Each line is yielded with its ``\n`` (the last line of a file may have none), exactly as
    ``for line in handle`` would give it. Reading stops after the last wanted line.
    """
    wanted = sorted(n for n in set(numbers) if n >= first)
    at, start = 0, first
    while at < len(wanted):
        block = handle.read(BLOCK_BYTES)
        if not block:
            return
        if not block.endswith(b"\n"):
            block += handle.readline()
        closed = block.endswith(b"\n")
        count = block.count(b"\n") + (0 if closed else 1)
        end = start + count
        if wanted[at] < end:
            lines = block.split(b"\n")
            while at < len(wanted) and wanted[at] < end:
                offset = wanted[at] - start
                line = lines[offset]
                yield wanted[at], (line + b"\n" if closed or offset < count - 1 else line)
                at += 1
        start = end
