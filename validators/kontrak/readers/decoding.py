"""Byte-level checks shared by the readers: UTF-8, byte-order marks, a guess at other encodings."""

from __future__ import annotations

from kontrak.readers.base import InputProblem, UnreadableInputError

__all__ = ["decode_utf8", "guess_encoding"]

_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xff\xfe\x00\x00", "UTF-32LE"),
    (b"\x00\x00\xfe\xff", "UTF-32BE"),
    (b"\xff\xfe", "UTF-16LE"),
    (b"\xfe\xff", "UTF-16BE"),
)


def guess_encoding(data: bytes) -> str:
    """Name the encoding a non-UTF-8 byte string most likely has, for the user's ``iconv``."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name
    if data[:200].count(b"\x00") > 10:
        return "UTF-16LE" if data[1:2] == b"\x00" else "UTF-16BE"
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return "ISO-8859-1"
    return "WINDOWS-1252"


def decode_utf8(data: bytes, *, line: int | None = None) -> str:
    """Decode UTF-8 text, dropping one leading byte-order mark.

    Raises:
        UnreadableInputError: ``not-utf8`` with the offset of the first bad byte and a guess.
    """
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        problem = InputProblem(
            code="not-utf8",
            line=line if line is not None else data.count(b"\n", 0, exc.start) + 1,
            ctx={"position": exc.start, "encoding": guess_encoding(data)},
        )
        raise UnreadableInputError(problem) from None
    return text.removeprefix("\ufeff")
