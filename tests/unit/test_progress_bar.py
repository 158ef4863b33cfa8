"""The progress bar shows on a terminal, for long files only, and never in a pipe or log."""

from __future__ import annotations

import io
from pathlib import Path

from kontrak.cli.progress_bar import MIN_BYTES, TerminalProgress, progress_for
from kontrak.contract import load_contract
from kontrak.validation import ValidateOptions, validate_with_contract


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


class _Recorder:
    def __init__(self) -> None:
        self.calls: list[tuple[str, int]] = []

    def start(self, label: str, total: int) -> None:
        self.calls.append(("start", total))

    def advance_to(self, done: int) -> None:
        self.calls.append(("advance", done))

    def finish(self) -> None:
        self.calls.append(("finish", 0))


def test_no_bar_when_the_stream_is_not_a_terminal() -> None:
    assert progress_for(io.StringIO()) is None
    assert isinstance(progress_for(_Terminal()), TerminalProgress)


def test_bar_only_for_long_files() -> None:
    stream = _Terminal()
    bar = TerminalProgress(stream)
    bar.start("kecil.csv", MIN_BYTES - 1)
    bar.advance_to(10)
    bar.finish()
    assert stream.getvalue() == ""
    bar.start("besar.jsonl", MIN_BYTES)
    bar.advance_to(MIN_BYTES // 2)
    bar.finish()
    assert "besar.jsonl" in stream.getvalue()


def test_validation_reports_progress_per_file(tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl"
    path.write_text('{"idSipka": "A"}\n' * 10, encoding="utf-8")
    recorder = _Recorder()
    validate_with_contract(
        load_contract("riwayat-angka-kredit@1.0.0"), [path], ValidateOptions(progress=recorder)
    )
    assert recorder.calls[0] == ("start", path.stat().st_size)
    assert ("advance", path.stat().st_size) in recorder.calls
    assert recorder.calls[-1] == ("finish", 0)
