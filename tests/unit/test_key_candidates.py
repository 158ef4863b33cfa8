"""Key-hash candidates: records whose key hash repeats, within one table or across several."""

from __future__ import annotations

import random

import polars as pl
import pytest

from kontrak.fast import keys
from kontrak.fast.keys import KeyTable, shared_candidates


def _tables(seed: int) -> list[KeyTable]:
    rng = random.Random(seed)
    tables = [KeyTable(), KeyTable(wide=True), KeyTable(row_offset=2)]
    for number, table in enumerate(tables):
        for start in range(0, 300, 70):  # several frames per table
            texts = [
                rng.choice([None, f"s{rng.randrange(400)}", f"s{number}-{i}"])
                for i in range(start, min(start + 70, 300))
            ]
            indexes = list(range(start, start + len(texts)))
            table.add(texts, indexes, [10 * i + 7 for i in indexes])
    return tables


def _expected(tables: list[KeyTable]) -> list[list[tuple[int, int]]]:
    """(index, position) of every record whose hash repeats, counted by brute force."""
    rows = [
        (number, index, position, hash_)
        for number, table in enumerate(tables)
        for frame in table.frames
        for hash_, index, position in zip(
            frame["hash"].to_list(),
            frame["index"].to_list(),
            frame["position"].to_list()
            if "position" in frame.columns
            else [i + 2 for i in frame["index"].to_list()],
            strict=True,
        )
    ]
    counts: dict[int, int] = {}
    for *_, hash_ in rows:
        counts[hash_] = counts.get(hash_, 0) + 1
    return [
        sorted((i, p) for n, i, p, h in rows if n == number and counts[h] > 1)
        for number in range(len(tables))
    ]


@pytest.mark.parametrize("bucket_rows", [1, 50, 1 << 21])
def test_shared_candidates_equal_brute_force(
    monkeypatch: pytest.MonkeyPatch, bucket_rows: int
) -> None:
    monkeypatch.setattr(keys, "BUCKET_ROWS", bucket_rows)
    tables = _tables(seed=bucket_rows)
    found = shared_candidates(tables)
    got = [list(zip(f["index"].to_list(), f["position"].to_list(), strict=True)) for f in found]
    assert got == _expected(tables)
    assert all(f.schema == pl.Schema(keys.SCHEMA) for f in found)
    assert sum(len(g) for g in got) > 50  # keys repeat within and across tables


def test_one_table_and_no_table() -> None:
    table = KeyTable()
    table.add(["sa", "sb", "sa", None, None], [0, 1, 2, 3, 4], [1, 2, 3, 4, 5])
    (found,) = shared_candidates([table])
    assert found["index"].to_list() == [0, 2]
    assert found["position"].to_list() == [1, 3]
    assert [f.height for f in shared_candidates([KeyTable(), KeyTable()])] == [0, 0]
