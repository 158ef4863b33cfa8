"""Read a JSON Lines file in blocks of whole lines and process a few blocks at a time.

Memory then holds the processed result plus a bounded number of raw blocks, never the whole
file; the blocks are processed on two threads (Polars releases the GIL while it parses).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import TypeVar

__all__ = ["BLOCK_BYTES", "line_blocks", "map_blocks"]

BLOCK_BYTES = 16 << 20
_WORKERS = 2
_T = TypeVar("_T")


def line_blocks(path: Path, size: int = BLOCK_BYTES) -> Iterator[bytes]:
    """Yield the file's bytes in blocks that end at a line end (a UTF-8 BOM is dropped)."""
    rest = b""
    first = True
    with path.open("rb") as handle:
        while block := handle.read(size):
            if first:
                block, first = block.removeprefix(b"\xef\xbb\xbf"), False
            block = rest + block
            cut = block.rfind(b"\n") + 1
            rest = block[cut:]
            if block[:cut].strip():
                yield block[:cut]
    if rest.strip():
        yield rest


def map_blocks(work: Callable[[bytes], _T], blocks: Iterable[bytes]) -> list[_T]:
    """Apply ``work`` to every block in order, at most two blocks in flight."""
    results: list[_T] = []
    pending: deque[Future[_T]] = deque()
    with ThreadPoolExecutor(max_workers=_WORKERS) as pool:
        for block in blocks:
            pending.append(pool.submit(work, block))
            if len(pending) >= _WORKERS:
                results.append(pending.popleft().result())
        while pending:
            results.append(pending.popleft().result())
    return results
