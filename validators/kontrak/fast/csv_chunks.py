r"""A plain CSV file read in chunks of whole lines, each split into cells by polars.

A chunk is plain when it holds no quote character and no line end other than ``\\n`` and
``\\r\\n``: every line is then one row and every delimiter separates two cells, exactly as
Python's ``csv`` module reads it. The cells of a plain chunk whose lines all have as many cells
as the header are read by polars' CSV reader; any other plain chunk is split line by line
(:func:`split_cells`), which also tells each line's number of cells.
"""

from __future__ import annotations

from collections.abc import Generator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import BinaryIO

import polars as pl

from kontrak.readers.csv_reader import sniff_delimiter

__all__ = ["Chunk", "Header", "iter_chunks", "plain_header", "split_cells"]

_BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True, slots=True)
class Header:
    """The first line of a plain CSV file: its cells, its delimiter and where it ends."""

    cells: list[str]
    delimiter: str
    end: int  # byte offset after the header line


def plain_header(handle: BinaryIO) -> Header | None:
    """Read the header line; None when it is not plain (quotes, a lone CR, not UTF-8, blank)."""
    raw = handle.readline()
    end = len(raw)
    text_bytes = raw.removeprefix(_BOM)
    line = text_bytes.removesuffix(b"\n").removesuffix(b"\r")
    if b'"' in line or b"\r" in line:
        return None
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if not text.strip():
        return None
    delimiter = sniff_delimiter(text)
    cells = text.split(delimiter)
    if not any(cell.strip() for cell in cells):
        return None
    return Header(cells=cells, delimiter=delimiter, end=end)


def _plain(chunk: bytes) -> bool:
    if b'"' in chunk:
        return False
    return b"\r" not in chunk or chunk.count(b"\r") == chunk.count(b"\r\n")


def _read_chunk(handle: BinaryIO, size: int) -> bytes:
    chunk = handle.read(size)
    if chunk and not chunk.endswith(b"\n"):
        chunk += handle.readline()
    return chunk


def _even_cells(chunk: bytes, delimiter: str, width: int) -> pl.DataFrame | None:
    """The cells of a chunk whose every line has ``width`` cells, read by polars' CSV reader.

    Every line has exactly ``width - 1`` delimiters when the chunk's total matches and no line
    has more: polars refuses a line with more cells than the schema, so the total leaves no
    room for a line with fewer. A blank line has no delimiter, so it never passes unless the
    header has one column, which is left to the line splitter. Returns None when the chunk is
    not like that (or not UTF-8).
    """
    lines = chunk.count(b"\n") + (0 if chunk.endswith(b"\n") else 1)
    if width < 2 or chunk.count(delimiter.encode()) != (width - 1) * lines:
        return None
    try:
        frame = pl.read_csv(
            chunk,
            has_header=False,
            separator=delimiter,
            quote_char=None,
            schema={f"c{i}": pl.String for i in range(width)},
            empty_string_is_null=False,
        )
    except pl.exceptions.PolarsError:
        return None
    return frame if frame.height == lines else None


@dataclass(frozen=True, slots=True)
class Chunk:
    """A chunk of whole lines, and its cells when polars' CSV reader could read them.

    Attributes:
        size: the chunk's length in bytes (0: the end of the file).
        plain: no quote and no line end other than LF and CRLF (see the module).
        cells: the cells in columns ``c0``, ``c1``, ... when every line has as many as the
            header; None otherwise (or when the chunk is not plain).
        data: the bytes of the chunk's lines when ``cells`` is None (not kept otherwise).
    """

    size: int
    plain: bool
    cells: pl.DataFrame | None
    data: bytes = b""


def _prepare(handle: BinaryIO, delimiter: str, width: int, size: int) -> Chunk:
    data = _read_chunk(handle, size)
    plain = bool(data) and _plain(data)
    cells = _even_cells(data, delimiter, width) if plain else None
    return Chunk(len(data), plain, cells, data if cells is None else b"")


def iter_chunks(
    handle: BinaryIO, delimiter: str, width: int, size: int
) -> Generator[Chunk, None, None]:
    """The chunks (about ``size`` bytes of whole lines) from the handle's position, in order.

    The next chunk is read and split into cells in a thread while the caller checks the one
    before (reading and polars' CSV reader release the interpreter lock). Closing the iterator
    waits for that reading to end.
    """
    with ThreadPoolExecutor(max_workers=1) as reading:
        ahead = reading.submit(_prepare, handle, delimiter, width, size)
        while True:
            chunk = ahead.result()
            if not chunk.size:
                return
            ahead = reading.submit(_prepare, handle, delimiter, width, size)
            yield chunk


def split_cells(
    chunk: bytes, delimiter: str, width: int, first_index: int
) -> tuple[pl.DataFrame, int] | None:
    """The lines of a plain chunk split into cells; None when it is not UTF-8."""
    try:
        text = pl.Series([chunk], dtype=pl.Binary).cast(pl.String)
    except pl.exceptions.PolarsError:
        return None
    lines = text.str.split("\n").explode()
    if chunk.endswith(b"\n"):
        lines = lines.head(len(lines) - 1)
    split = pl.col("line").str.split_exact(delimiter, max(width - 1, 0))
    frame = (
        pl.DataFrame({"line": lines.str.strip_suffix("\r")})
        .with_row_index("index", offset=first_index)
        .with_columns(
            fields=pl.col("line").str.count_matches(delimiter, literal=True) + 1,
            blank=pl.col("line") == "",
            **{f"c{i}": split.struct.field(f"field_{i}") for i in range(width)},
        )
        .filter(~pl.col("blank"))
    )
    return frame, len(lines)
