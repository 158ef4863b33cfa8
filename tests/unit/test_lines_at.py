"""Lines found again by number are the lines that iterating over the file gives."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from kontrak.fast import lines_at as lines_at_module
from kontrak.fast.lines_at import lines_at


def _expected(path: Path, numbers: set[int], first: int) -> list[tuple[int, bytes]]:
    with path.open("rb") as handle:
        return [(n, line) for n, line in enumerate(handle, start=1) if n >= first and n in numbers]


def _lines(path: Path, numbers: set[int], first: int) -> list[tuple[int, bytes]]:
    with path.open("rb") as handle:
        for _ in range(first - 1):
            handle.readline()
        return list(lines_at(handle, numbers, first=first))


@pytest.mark.parametrize("block", [1, 3, 16, 1 << 16])
@pytest.mark.parametrize("seed", range(6))
def test_same_lines_as_iterating(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, block: int, seed: int
) -> None:
    monkeypatch.setattr(lines_at_module, "BLOCK_BYTES", block)
    rng = random.Random(seed)
    pieces = [b"", b"a", b"bc", b"\r", b"{x}", b"d" * 40, b" "]
    body = b"\n".join(rng.choice(pieces) for _ in range(rng.randint(1, 200)))
    body += rng.choice([b"", b"\n", b"\r\n", b"\n\n"])
    path = tmp_path / "data.txt"
    path.write_bytes(body)
    total = body.count(b"\n") + 2
    numbers = {rng.randint(0, total + 1) for _ in range(rng.randint(0, 30))}
    first = rng.choice([1, 2])
    assert _lines(path, numbers, first) == _expected(path, numbers, first)


def test_every_line_and_none(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lines_at_module, "BLOCK_BYTES", 4)
    path = tmp_path / "data.txt"
    path.write_bytes(b"one\ntwo\n\nfour")
    assert _lines(path, {1, 2, 3, 4, 5}, 1) == [
        (1, b"one\n"),
        (2, b"two\n"),
        (3, b"\n"),
        (4, b"four"),
    ]
    assert _lines(path, set(), 1) == []
