"""A progress bar on standard error, only for a terminal and only for long files."""

from __future__ import annotations

import sys
from typing import TextIO

from rich.console import Console
from rich.progress import (
    BarColumn,
    DownloadColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeRemainingColumn,
    TransferSpeedColumn,
)

__all__ = ["MIN_BYTES", "TerminalProgress", "progress_for"]

MIN_BYTES = 16 << 20  # below this a file is done before a bar would help


class TerminalProgress:
    """Shows one bar per long file on a terminal (a :class:`kontrak.progress.ProgressSink`)."""

    def __init__(self, stream: TextIO) -> None:
        self._console = Console(file=stream, stderr=stream is sys.stderr)
        self._progress: Progress | None = None
        self._task: TaskID | None = None

    def start(self, label: str, total: int) -> None:
        """Open a bar for a file of ``total`` bytes, if it is long enough to need one."""
        if total < MIN_BYTES:
            return
        self._progress = Progress(
            TextColumn("[bold]{task.description}"),
            BarColumn(),
            DownloadColumn(),
            TransferSpeedColumn(),
            TimeRemainingColumn(),
            console=self._console,
            transient=True,
        )
        self._progress.start()
        self._task = self._progress.add_task(label, total=total)

    def advance_to(self, done: int) -> None:
        """Move the bar to ``done`` bytes."""
        if self._progress is not None and self._task is not None:
            self._progress.update(self._task, completed=done)

    def finish(self) -> None:
        """Close the bar."""
        if self._progress is not None:
            self._progress.stop()
        self._progress = None
        self._task = None


def progress_for(stream: TextIO) -> TerminalProgress | None:
    """A progress sink when ``stream`` is a terminal, else None (no bar in logs or pipes)."""
    return TerminalProgress(stream) if stream.isatty() else None
