"""Match two canonical frames of one pair and classify every record.

Classes: ``sama`` (equal), ``beda`` (different: the fields that differ, with both values),
``hanya-lan`` (only at LAN), ``hanya-bkn`` (only at BKN), ``ambigu`` (a key value with several
candidates on one side). Everything is vectorised in Polars; only the non-equal items are kept
as rows, the equal ones are counted.
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from kontrak.matching.frames import RECORD_ID, SOURCE
from kontrak.matching.pairs import FieldRule, PairSpec

__all__ = ["CLASSES", "PairResult", "match_frames"]

CLASSES = ("sama", "beda", "hanya-lan", "hanya-bkn", "ambigu")

_L = "_l"
_B = "_b"


@dataclass(frozen=True, slots=True)
class PairResult:
    """The outcome of matching one pair.

    Attributes:
        pair: the pair matched.
        lan_records / bkn_records: records on each side.
        counts: items per class (``sama`` … ``ambigu``); an ambiguous group counts once.
        items: one row per non-equal item: class, stage, person, LAN and BKN record ids
            (lists, so an ambiguous group shows every candidate), differing fields.
        differences: one row per differing field of a ``beda`` pair: person, record ids,
            field, LAN value, BKN value (canonical text).
        stages: pairs found per matching stage.
    """

    pair: PairSpec
    lan_records: int
    bkn_records: int
    counts: dict[str, int]
    items: pl.DataFrame
    differences: pl.DataFrame
    stages: dict[str, int]
    lan_people: pl.DataFrame | None = None

    @property
    def record_counts(self) -> dict[str, tuple[int, int]]:
        """Records (LAN, BKN) per class; an ambiguous group counts all its candidates."""
        counts = {"sama": (self.counts["sama"], self.counts["sama"])}
        for name in CLASSES[1:]:
            rows = self.items.filter(pl.col("class") == name)
            counts[name] = (
                int(rows["lan_ids"].list.len().sum()),
                int(rows["bkn_ids"].list.len().sum()),
            )
        return counts

    @property
    def matched(self) -> int:
        """Pairs found (equal + different)."""
        return self.counts["sama"] + self.counts["beda"]

    @property
    def match_rate(self) -> float:
        """Equal records as a share of LAN's records matched (indicator KECOCOKAN).

        1.0 when LAN sent no record.
        """
        return self.counts["sama"] / self.lan_records if self.lan_records else 1.0


def _stage(
    lan: pl.DataFrame, bkn: pl.DataFrame, keys: list[str]
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Unique pairs (``_l``, ``_b``) and ambiguous groups (lists) on ``keys``."""
    left = lan.select(_L, *keys).drop_nulls(keys).with_columns(pl.len().over(keys).alias("nl"))
    right = bkn.select(_B, *keys).drop_nulls(keys).with_columns(pl.len().over(keys).alias("nb"))
    joined = left.join(right, on=keys, how="inner")
    single = (pl.col("nl") == 1) & (pl.col("nb") == 1)
    pairs = joined.filter(single).select(_L, _B)
    groups = (
        joined.filter(~single)
        .group_by(keys)
        .agg(pl.col(_L).unique().sort(), pl.col(_B).unique().sort())
        .select(_L, _B)
    )
    return pairs, groups


def _differing(
    pair: PairSpec, pairs: pl.DataFrame, lan: pl.DataFrame, bkn: pl.DataFrame
) -> pl.DataFrame:
    """The pairs that differ, with one boolean column per compared field.

    Fields are compared one at a time (gathered by row number), so memory holds two columns
    of the pair count at once, never the two sides joined in full.
    """
    lan_rows, bkn_rows = pairs[_L], pairs[_B]
    tests: dict[str, pl.Series] = {}
    for rule in pair.compared:
        left = lan[rule.name].gather(lan_rows)
        right = bkn[rule.name].gather(bkn_rows)
        if left.dtype != right.dtype:
            left, right = left.cast(pl.String), right.cast(pl.String)
        differs = ~left.eq_missing(right)
        if rule.lan_optional:
            differs = differs & left.is_not_null()
        tests[rule.name] = differs.alias(rule.name)
    flags = pl.DataFrame([lan_rows, bkn_rows, *tests.values()])
    return flags.filter(pl.any_horizontal(*tests)) if tests else flags.clear()


def _differences(
    pair: PairSpec, pairs: pl.DataFrame, lan: pl.DataFrame, bkn: pl.DataFrame
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The differing pairs with their field lists; and the long table of differing values."""
    compared = pair.compared
    flagged = _differing(pair, pairs, lan, bkn)
    names = [r.name for r in compared]
    fields = flagged.select(
        _L,
        _B,
        pl.concat_list([pl.when(pl.col(n)).then(pl.lit(n)).otherwise(None) for n in names])
        .list.drop_nulls()
        .alias("fields"),
    )
    strings = [pl.col(n).cast(pl.String) for n in names]
    left = lan.select(_L, RECORD_ID, *strings)
    right = bkn.select(_B, RECORD_ID, *strings)
    different = fields.join(left, on=_L, how="left").join(right, on=_B, how="left", suffix="_bkn")
    long = (
        different.select(
            pl.col(RECORD_ID).alias("lan_id"),
            pl.col(f"{RECORD_ID}_bkn").alias("bkn_id"),
            pl.col(pair.person).fill_null(pl.col(f"{pair.person}_bkn")).alias("person"),
            "fields",
            *(pl.col(n).alias(f"lan:{n}") for n in names),
            *(pl.col(f"{n}_bkn").alias(f"bkn:{n}") for n in names),
        )
        .explode("fields")
        .rename({"fields": "field"})
    )
    values = long.select(
        "person",
        "lan_id",
        "bkn_id",
        "field",
        _pick(compared, "lan").alias("lan_value"),
        _pick(compared, "bkn").alias("bkn_value"),
    )
    return fields, values


def _pick(compared: tuple[FieldRule, ...], side: str) -> pl.Expr:
    """The value of the row's own ``field`` among the ``side:*`` columns."""
    expr: pl.Expr = pl.lit(None, pl.String)
    for rule in compared:
        column = pl.col(f"{side}:{rule.name}")
        expr = pl.when(pl.col("field") == rule.name).then(column).otherwise(expr)
    return expr


def match_frames(pair: PairSpec, lan: pl.DataFrame, bkn: pl.DataFrame) -> PairResult:
    """Match LAN's canonical frame with BKN's for ``pair``."""
    lan = lan.with_row_index(_L)
    bkn = bkn.with_row_index(_B)
    person = pair.person
    remaining_l, remaining_b = lan, bkn
    found: list[pl.DataFrame] = []
    ambiguous: list[pl.DataFrame] = []
    stages: dict[str, int] = {}
    for stage in pair.stages:
        pairs, groups = _stage(remaining_l, remaining_b, list(stage.fields))
        stages[stage.name] = pairs.height
        found.append(pairs.with_columns(pl.lit(stage.name).alias("stage")))
        ambiguous.append(groups.with_columns(pl.lit(stage.name).alias("stage")))
        used_l = pl.concat([pairs[_L], groups[_L].explode()])
        used_b = pl.concat([pairs[_B], groups[_B].explode()])
        remaining_l = remaining_l.filter(~pl.col(_L).is_in(used_l.implode()))
        remaining_b = remaining_b.filter(~pl.col(_B).is_in(used_b.implode()))
    all_pairs = pl.concat(found)
    fields, differences = _differences(pair, all_pairs.select(_L, _B), lan, bkn)
    beda = all_pairs.join(fields, on=[_L, _B])
    ids_l = lan.select(_L, pl.col(RECORD_ID).alias("lan_ids"), pl.col(person).alias("p_l"))
    ids_b = bkn.select(
        _B,
        pl.col(RECORD_ID).alias("bkn_ids"),
        pl.col(person).alias("p_b"),
        pl.col(SOURCE).cast(pl.String).alias("source"),
    )
    items = pl.concat(
        [
            _pair_items(beda, ids_l, ids_b),
            _one_side_items(remaining_l, "hanya-lan", RECORD_ID, person, lan_side=True),
            _one_side_items(remaining_b, "hanya-bkn", RECORD_ID, person, lan_side=False),
            _group_items(pl.concat(ambiguous), lan, bkn, person),
        ],
        how="vertical",
    )
    counts = dict.fromkeys(CLASSES, 0)
    counts.update(dict(items.group_by("class").len().iter_rows()))
    counts["sama"] = all_pairs.height - counts["beda"]
    return PairResult(
        pair=pair,
        lan_records=lan.height,
        bkn_records=bkn.height,
        counts=counts,
        items=items,
        differences=differences,
        stages=stages,
        lan_people=lan.drop(_L) if pair.roster else None,
    )


_ITEM_SCHEMA = pl.Schema(
    {
        "class": pl.String(),
        "stage": pl.String(),
        "person": pl.String(),
        "lan_ids": pl.List(pl.String),
        "bkn_ids": pl.List(pl.String),
        "fields": pl.List(pl.String),
        "source": pl.String(),
    }
)


def _pair_items(beda: pl.DataFrame, ids_l: pl.DataFrame, ids_b: pl.DataFrame) -> pl.DataFrame:
    joined = beda.join(ids_l, on=_L, how="left").join(ids_b, on=_B, how="left")
    return joined.select(
        pl.lit("beda").alias("class"),
        "stage",
        pl.col("p_l").fill_null(pl.col("p_b")).alias("person"),
        pl.concat_list(pl.col("lan_ids")).alias("lan_ids"),
        pl.concat_list(pl.col("bkn_ids")).alias("bkn_ids"),
        "fields",
        "source",
    ).cast(_ITEM_SCHEMA)


def _one_side_items(
    rest: pl.DataFrame, name: str, record_id: str, person: str, *, lan_side: bool
) -> pl.DataFrame:
    ids = pl.concat_list(pl.col(record_id))
    empty = pl.lit([], pl.List(pl.String))
    return rest.select(
        pl.lit(name).alias("class"),
        pl.lit(None, pl.String).alias("stage"),
        pl.col(person).alias("person"),
        (ids if lan_side else empty).alias("lan_ids"),
        (empty if lan_side else ids).alias("bkn_ids"),
        empty.alias("fields"),
        pl.col(SOURCE).cast(pl.String).alias("source"),
    ).cast(_ITEM_SCHEMA)


def _group_items(
    groups: pl.DataFrame, lan: pl.DataFrame, bkn: pl.DataFrame, person: str
) -> pl.DataFrame:
    numbered = groups.with_row_index("_g")
    left = (
        numbered.select("_g", _L)
        .explode(_L)
        .join(lan.select(_L, RECORD_ID, person), on=_L, how="left")
        .group_by("_g")
        .agg(pl.col(RECORD_ID).alias("lan_ids"), pl.col(person).first().alias("p_l"))
    )
    right = (
        numbered.select("_g", _B)
        .explode(_B)
        .join(bkn.select(_B, RECORD_ID, person, SOURCE), on=_B, how="left")
        .group_by("_g")
        .agg(
            pl.col(RECORD_ID).alias("bkn_ids"),
            pl.col(person).first().alias("p_b"),
            pl.col(SOURCE).cast(pl.String).first().alias("source"),
        )
    )
    joined = numbered.select("_g", "stage").join(left, on="_g").join(right, on="_g")
    return (
        joined.sort("_g")
        .select(
            pl.lit("ambigu").alias("class"),
            "stage",
            pl.col("p_l").fill_null(pl.col("p_b")).alias("person"),
            "lan_ids",
            "bkn_ids",
            pl.lit([], pl.List(pl.String)).alias("fields"),
            "source",
        )
        .cast(_ITEM_SCHEMA)
    )
