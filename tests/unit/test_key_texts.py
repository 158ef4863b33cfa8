"""Key columns of the foreign-key index: texts as the index reads keys; one key when enough."""

from __future__ import annotations

import polars as pl

from kontrak.contract import load_contract
from kontrak.fast.key_texts import KeyColumns, KeyTexts

CONTRACT = load_contract("riwayat-angka-kredit@1.0.0")


def test_text_and_expression_agree() -> None:
    plan = KeyColumns.of(CONTRACT, "source:0", ["nipBaru"])
    assert plan is not None
    records = [{"nipBaru": "198403142009122987"}, {"nipBaru": ""}, {}, {"nipBaru": None}]
    frame = pl.from_dicts(records, schema={"nipBaru": pl.String})
    assert frame.select(plan.expression()).to_series().to_list() == [plan.text(r) for r in records]
    assert plan.text({"nipBaru": True}) is None
    assert plan.text({"nipBaru": 5}) == "5"


def test_a_key_field_that_is_not_text_has_no_plan() -> None:
    contract = load_contract("pengembangan-kompetensi@1.0.0")
    assert KeyColumns.of(contract, "source:0", ["jumlahJam"]) is None


def test_one_key_is_kept_when_one_is_enough() -> None:
    texts = KeyTexts(one=True)
    texts.add_one(None, 0, 1)
    texts.add_one("b", 3, 4)
    texts.add(pl.Series(["a", None]), [1, 2], [2, 3])
    other = KeyTexts(one=True)
    other.add(pl.Series(["c"]), [0], [0])
    texts.extend(other, index_offset=10, position_offset=10)
    assert texts.table().rows() == [("b", 3, 4)]


def test_all_keys_are_kept_in_file_order() -> None:
    texts = KeyTexts()
    texts.add_one("b", 3, 4)
    texts.add(pl.Series(["a", None]), [1, 2], [2, 3])
    other = KeyTexts()
    other.add(pl.Series(["c"]), [0], [0])
    texts.extend(other, index_offset=10, position_offset=100)
    assert texts.table().rows() == [("a", 1, 2), ("b", 3, 4), ("c", 10, 100)]
