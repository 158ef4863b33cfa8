"""Readers turn one input file into located records plus the problems found while reading."""

from __future__ import annotations

from kontrak.readers.base import (
    FORMATS,
    InputProblem,
    LocatedRecord,
    ReadResult,
    UnreadableInputError,
)
from kontrak.readers.dispatch import detect_format, read_input

__all__ = [
    "FORMATS",
    "InputProblem",
    "LocatedRecord",
    "ReadResult",
    "UnreadableInputError",
    "detect_format",
    "read_input",
]
