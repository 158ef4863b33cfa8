"""Elements of a large JSON array, cut out of the file without holding the document.

The splitter reads the file in chunks and cuts it after each ``}`` that is followed by ``,`` or
``]``: a candidate end of an element. The bytes from the element's start to a candidate end are
an element only if ``orjson`` parses them into an object. Candidates where the braces counted so
far do not balance (the end of a nested object) are passed over without parsing; when braces
inside strings upset that count, or the balanced candidate does not parse, the splitter follows
the element's strings to the ``}`` that closes it, the only end where it can parse, so a broken
element costs one look and not one parse per later ``}``. Anything else than ``[`` object
``,`` object ... ``]`` (a record object, a SIASN envelope, a scalar, a syntax error, bytes that
are not UTF-8) raises :class:`NotAnArrayError`.

Where an element ends depends only on the bytes from its start (at most one candidate end parses:
an object is never the beginning of a longer object), so the elements can be read from any
element start (:class:`ArrayElements` with a ``start``), up to a ``stop``.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

import orjson

__all__ = [
    "ArrayElements",
    "ElementTooLongError",
    "NotAnArrayError",
    "Splitter",
    "elements_follow",
]

_CHUNK = 8 << 20
_PART_CHUNK = 1 << 20
_MAX_ELEMENT = 64 << 20
_BALANCE_LIMIT = 1 << 20
_SHORT_ELEMENT = 1 << 18  # a short splitter gives up on an element longer than this
_SHORT_BALANCE = 1 << 16
_WHITE = frozenset(b" \t\n\r")
_CANDIDATE = re.compile(rb"\}[ \t\n\r]*([,\]])")
# a string (group 1: its closing quote, None when the buffer ends first) or a brace (group 2)
_TOKEN = re.compile(rb'"(?:[^"\\]|\\.)*(")?|([{}])', re.DOTALL)


class NotAnArrayError(Exception):
    """The file is not a plain JSON array of objects (or not valid JSON at all)."""


class ElementTooLongError(NotAnArrayError):
    """No end of the element was found within the splitter's limit on an element's length."""


class Splitter:
    """A window on the file; ``position`` indexes ``buffer``, whose first byte is at ``base``.

    The file may also be bytes in memory (``source``). A ``short`` splitter gives up early on a
    long element (:class:`ElementTooLongError`): a part of an array that may have started inside
    an element (:mod:`kontrak.fast.json_fast`) must not read far on a wrong guess.
    """

    def __init__(
        self, source: Path | bytes, offset: int = 0, chunk: int = _CHUNK, *, short: bool = False
    ) -> None:
        self._chunk = chunk
        self.max_element = _SHORT_ELEMENT if short else _MAX_ELEMENT
        self.balance_limit = _SHORT_BALANCE if short else _BALANCE_LIMIT
        self._handle: BinaryIO = (
            io.BytesIO(source) if isinstance(source, bytes) else source.open("rb")
        )
        self._handle.seek(offset)
        self.buffer = b""
        self.base = offset
        self.position = 0
        self.eof = False

    def close(self) -> None:
        """Close the file."""
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
        Candidate ends where the braces so far do not balance are skipped without parsing. When
        braces inside strings upset the count (it goes below zero, a balanced candidate does
        not parse, or no balanced end turns up within :attr:`balance_limit` bytes), the object's
        end is found by following its strings instead (:meth:`_followed`).

        Raises:
            ElementTooLongError: no end within :attr:`max_element` bytes.
            NotAnArrayError: the object is broken or has no end.
        """
        start = self.position
        search = counted = start
        depth = 0
        while True:
            match = _CANDIDATE.search(self.buffer, search)
            if match is None:
                if len(self.buffer) - start > self.balance_limit:
                    return self._followed()
                search = max(start, self.buffer.rfind(b"}"))
                if not self.more(start):
                    return self._followed()
                search, counted, start = search - start, counted - start, 0
                continue
            end = match.start() + 1
            search = end
            buffer = self.buffer
            depth += buffer.count(b"{", counted, end) - buffer.count(b"}", counted, end)
            counted = end
            if depth > 0 and end - start <= self.balance_limit:
                continue  # the end of an object inside this one
            if depth != 0:
                return self._followed()
            try:
                value = orjson.loads(memoryview(buffer)[start:end])
            except orjson.JSONDecodeError:
                return self._followed()
            if type(value) is not dict:  # pragma: no cover - "{" ... "}" parses to an object
                raise NotAnArrayError
            if end - start > self.max_element:
                raise ElementTooLongError
            self.position = match.end()
            return buffer[start:end], value, match.group(1), self.base + start

    def _followed(self) -> tuple[bytes, dict[str, Any], bytes, int]:
        """Read the object at ``position`` by following its strings and braces.

        The object ends at the ``}`` that closes its ``{``, counting only braces outside
        strings: the one end where it can parse (an object is never the beginning of a longer
        one). It is the element when a ``,`` or ``]`` follows and the bytes parse; otherwise no
        candidate end would parse either. Each byte is looked at once.
        """
        start = scan = self.position
        depth = 0
        end = -1
        while end < 0:
            for token in _TOKEN.finditer(self.buffer, scan):
                brace = token.group(2)
                if brace is None and token.group(1) is None:
                    break  # a string that goes on past the buffer
                scan = token.end()
                if brace == b"{":
                    depth += 1
                elif brace == b"}":
                    depth -= 1
                    if depth == 0:
                        end = scan
                        break
            if end < 0:
                scan, start = self._more_of(start, scan)
        if end - start > self.max_element:
            raise ElementTooLongError
        while (closer := _CANDIDATE.match(self.buffer, end - 1)) is None:
            if self.buffer[end:].strip(b" \t\n\r"):
                raise NotAnArrayError  # something else than "," or "]" follows the object
            end, start = self._more_of(start, end)
        try:
            value = orjson.loads(memoryview(self.buffer)[start:end])
        except orjson.JSONDecodeError:
            raise NotAnArrayError from None
        if type(value) is not dict:  # pragma: no cover - "{" ... "}" parses to an object
            raise NotAnArrayError
        self.position = closer.end()
        return self.buffer[start:end], value, closer.group(1), self.base + start

    def _more_of(self, start: int, index: int) -> tuple[int, int]:
        """Read on for the element at ``start``; ``index`` and ``start`` after the shift.

        Raises:
            ElementTooLongError: the element would be longer than :attr:`max_element`.
            NotAnArrayError: the file ends first.
        """
        if len(self.buffer) - start > self.max_element:
            raise ElementTooLongError
        if not self.more(start):
            raise NotAnArrayError
        return index - start, 0


class ArrayElements:
    """The elements of an array from ``start`` on, up to the first one at or past ``stop``.

    ``start`` 0 is the beginning of the file (an optional BOM, then the array's ``[``); any
    other ``start`` is where an element starts. After the iteration, :attr:`resume` is the
    offset of the element where it stopped (None: the array ended, followed by white space
    only). ``short``: read in small chunks and give up on long elements (see :class:`Splitter`).
    """

    def __init__(
        self,
        path: Path,
        start: int = 0,
        stop: int | None = None,
        progress: Callable[[int], None] | None = None,
        *,
        short: bool = False,
    ) -> None:
        self._path = path
        self._start = start
        self._stop = stop
        self._progress = progress
        self._short = short
        self.resume: int | None = None

    def __iter__(self) -> Iterator[tuple[bytes, dict[str, Any], int]]:
        chunk = _PART_CHUNK if self._short else _CHUNK  # a part reads little past its stop
        splitter = Splitter(self._path, self._start, chunk, short=self._short)
        stop, progress = self._stop, self._progress
        try:
            splitter.more(0)
            closer = _open_array(splitter) if self._start == 0 else b","
            while closer == b",":
                if splitter.peek() != b"{":
                    raise NotAnArrayError
                if stop is not None and splitter.base + splitter.position >= stop:
                    self.resume = splitter.base + splitter.position
                    return
                piece, value, closer, offset = splitter.element()
                yield piece, value, offset
                if progress is not None:
                    progress(splitter.base + splitter.position)
            if splitter.peek() != b"":
                raise NotAnArrayError
        finally:
            splitter.close()


def _open_array(splitter: Splitter) -> bytes:
    """Pass the BOM and the ``[``; b"]" for an empty array, else b"," (an element follows)."""
    if splitter.buffer.startswith(b"\xef\xbb\xbf"):
        splitter.position = 3
    if splitter.peek() != b"[":
        raise NotAnArrayError
    splitter.position += 1
    if splitter.peek() != b"]":
        return b","
    splitter.position += 1
    return b"]"


def elements_follow(data: bytes, span: int) -> bool:
    """Whether elements of an array follow one another for ``span`` bytes from ``data``'s start.

    The array must not end within ``span`` (a ``]`` there is also how a nested array of objects
    ends), and each element must end within ``data``.
    """
    splitter = Splitter(data, chunk=len(data) or 1, short=True)
    try:
        splitter.more(0)
        closer = b","
        while splitter.position < span:
            if closer != b"," or splitter.peek() != b"{":
                return False
            _, _, closer, _ = splitter.element()
        return True
    except NotAnArrayError:
        return False
