"""Large JSON arrays of records, read element by element without holding the document.

The splitter reads the file in chunks and cuts it after each ``}`` that is followed by ``,`` or
``]``: a candidate end of an element. The bytes from the element's start to a candidate end are
an element only if ``orjson`` parses them into an object; a ``}`` inside a string or a nested
object leaves an unterminated string or an unbalanced bracket, which never parses, so the
splitter goes on to the next candidate. Anything else than ``[`` object ``,`` object ... ``]``
(a record object, a SIASN envelope, a scalar, a syntax error, bytes that are not UTF-8) raises
:class:`NotAnArrayError`: the caller then reads the file with the reference JSON reader, which also
gives the reference's error position for a broken file.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import orjson

from kontrak.fast.batch import Outcome, RecordScreen, key_count
from kontrak.fast.keys import KeyTable
from kontrak.fast.rs_structure import orjson_exact
from kontrak.readers.base import LocatedRecord
from kontrak.readers.json_text import find_duplicate_keys, loads_json

__all__ = [
    "NotAnArrayError",
    "check_json_array",
    "element_item",
    "elements_at",
    "iter_array_elements",
]

_CHUNK = 8 << 20
_MAX_ELEMENT = 64 << 20
_BALANCE_LIMIT = 1 << 20
_BATCH = 4096
_WHITE = frozenset(b" \t\n\r")
_CANDIDATE = re.compile(rb"\}[ \t\n\r]*([,\]])")


_AGAIN_CHUNK = 1 << 14


class NotAnArrayError(Exception):
    """The file is not a plain JSON array of objects (or not valid JSON at all)."""


class _Splitter:
    """A window on the file; ``position`` indexes ``buffer``, whose first byte is at ``base``."""

    def __init__(self, path: Path, offset: int = 0, chunk: int = _CHUNK) -> None:
        self._chunk = chunk
        self._handle = path.open("rb")
        self._handle.seek(offset)
        self.buffer = b""
        self.base = offset
        self.position = 0
        self.eof = False

    def close(self) -> None:
        self._handle.close()

    def more(self, keep: int) -> bool:
        """Read on, keeping the buffer from index ``keep`` (indexes shift down by ``keep``)."""
        if self.eof:
            return False
        chunk = self._handle.read(self._chunk)
        if not chunk:
            self.eof = True
            return False
        self.buffer = self.buffer[keep:] + chunk
        self.base += keep
        self.position -= keep
        return True

    def peek(self) -> bytes:
        """The next byte after white space (b"" at the end of the file)."""
        while True:
            buffer, position = self.buffer, self.position
            while position < len(buffer) and buffer[position] in _WHITE:
                position += 1
            self.position = position
            if position < len(buffer) or not self.more(position):
                return buffer[position : position + 1] if position < len(buffer) else b""

    def element(self) -> tuple[bytes, dict[str, Any], bytes, int]:
        """Read the object starting at ``position``.

        Returns its bytes, the parsed object, the ``,`` or ``]`` after it, and its file offset.
        Candidate ends where the braces so far do not balance are skipped without parsing; when
        that finds no end within :data:`_BALANCE_LIMIT` bytes (braces inside strings), every
        candidate from the start is tried.
        """
        start = self.position
        search = counted = start
        depth = 0
        balanced_only = True
        while True:
            match = _CANDIDATE.search(self.buffer, search)
            if match is None:
                search = max(start, self.buffer.rfind(b"}"))
                if self.more(start):
                    search, counted, start = search - start, counted - start, 0
                elif balanced_only:
                    balanced_only, search = False, start
                else:
                    raise NotAnArrayError
                continue
            end = match.start() + 1
            if end - start > _MAX_ELEMENT:
                raise NotAnArrayError
            search = end
            if balanced_only:
                buffer = self.buffer
                depth += buffer.count(b"{", counted, end) - buffer.count(b"}", counted, end)
                counted = end
                if depth != 0:
                    if end - start > _BALANCE_LIMIT:
                        balanced_only, search = False, start
                    continue
            try:
                value = orjson.loads(memoryview(self.buffer)[start:end])
            except orjson.JSONDecodeError:
                continue
            if type(value) is not dict:  # pragma: no cover - "{" ... "}" parses to an object
                raise NotAnArrayError
            self.position = match.end()
            return self.buffer[start:end], value, match.group(1), self.base + start


def iter_array_elements(
    path: Path, progress: Callable[[int], None] | None = None
) -> Iterator[tuple[bytes, dict[str, Any], int]]:
    """Yield the bytes, the parsed object and the file offset of each element of an array.

    Raises:
        NotAnArrayError: the document is not exactly an array of objects (see the module docs).
    """
    splitter = _Splitter(path)
    try:
        splitter.more(0)
        if splitter.buffer.startswith(b"\xef\xbb\xbf"):
            splitter.position = 3
        if splitter.peek() != b"[":
            raise NotAnArrayError
        splitter.position += 1
        closer = b"," if splitter.peek() != b"]" else b"]"
        if closer == b"]":
            splitter.position += 1
        while closer == b",":
            if splitter.peek() != b"{":
                raise NotAnArrayError
            piece, value, closer, offset = splitter.element()
            yield piece, value, offset
            if progress is not None:
                progress(splitter.base + splitter.position)
        if splitter.peek() != b"":
            raise NotAnArrayError
    finally:
        splitter.close()


def element_item(piece: bytes, index: int) -> LocatedRecord:
    """The element as the reference reader has it (json with repeated keys marked)."""
    value = loads_json(piece.decode("utf-8"))
    return LocatedRecord(
        value=value,
        index=index,
        pointer=f"/{index}",
        duplicate_keys=tuple(find_duplicate_keys(value)),
    )


def check_json_array(
    screen: RecordScreen, path: Path, progress: Callable[[int], None] | None = None
) -> Outcome:
    """Check a JSON array of objects element by element.

    Raises:
        NotAnArrayError: the file is something else; nothing of the outcome is kept then.
    """
    outcome = screen.outcome()
    outcome.keys = KeyTable(wide=True)  # positions are byte offsets
    gate = screen.gate.is_valid
    containers = screen.containers
    records: list[dict[str, Any]] = []
    indexes: list[int] = []
    offsets: list[int] = []
    index = -1
    for index, (piece, value, offset) in enumerate(iter_array_elements(path, progress)):
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
    _flush(screen, records, indexes, offsets, outcome)
    outcome.items = index + 1
    return outcome


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
        splitter = _Splitter(path, offset, chunk=_AGAIN_CHUNK)  # one element: read little
        try:
            splitter.more(0)
            piece, _, _, _ = splitter.element()
        finally:
            splitter.close()
        yield element_item(piece, index)
