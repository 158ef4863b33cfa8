"""Progress reporting while a long file is validated (a bar on a terminal, nothing elsewhere)."""

from __future__ import annotations

from typing import Protocol

__all__ = ["ProgressSink"]


class ProgressSink(Protocol):
    """Receives how far the validation of one file has got, in bytes."""

    def start(self, label: str, total: int) -> None:
        """A file of ``total`` bytes starts."""
        ...

    def advance_to(self, done: int) -> None:
        """``done`` bytes of the current file are checked."""
        ...

    def finish(self) -> None:
        """The current file is done."""
        ...
