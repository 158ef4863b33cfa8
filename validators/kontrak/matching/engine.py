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
_KEY_SEED = 20220608


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


def _key_frame(frame: pl.DataFrame, pair: PairSpec, index: str) -> pl.DataFrame:
    """Row number plus one 64-bit key per stage (null when a key field is absent).

    Joining on one integer per stage keeps memory and time low on national files; two
    different keys share a hash with a chance of 2**-64.
    """
    keys = []
    for number, stage in enumerate(pair.stages):
        fields = [
            pl.col(f).cast(pl.String) if frame.schema[f] == pl.Categorical else pl.col(f)
            for f in stage.fields
        ]
        present = pl.all_horizontal([pl.col(f).is_not_null() for f in stage.fields])
        hashed = pl.struct(fields).hash(seed=_KEY_SEED)
        keys.append(pl.when(present).then(hashed).otherwise(None).alias(f"k{number}"))
    return frame.select(pl.int_range(pl.len(), dtype=pl.UInt32).alias(index), *keys)


def _stage(lan: pl.DataFrame, bkn: pl.DataFrame, key: str) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Unique pairs (``_l``, ``_b``) and ambiguous groups (lists) on one stage key."""
    left = lan.select(_L, key).drop_nulls(key).with_columns(pl.len().over(key).alias("nl"))
    right = bkn.select(_B, key).drop_nulls(key).with_columns(pl.len().over(key).alias("nb"))
    joined = left.join(right, on=key, how="inner")
    single = (pl.col("nl") == 1) & (pl.col("nb") == 1)
    pairs = joined.filter(single).select(_L, _B)
    groups = (
        joined.filter(~single)
        .group_by(key)
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
    left = lan.select(RECORD_ID, *strings)[fields[_L]]
    right = bkn.select(RECORD_ID, *strings)[fields[_B]]
    different = pl.concat(
        [fields, left, right.rename(lambda name: f"{name}_bkn")], how="horizontal"
    )
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
    remaining_l = _key_frame(lan, pair, _L)
    remaining_b = _key_frame(bkn, pair, _B)
    found: list[pl.DataFrame] = []
    ambiguous: list[pl.DataFrame] = []
    stages: dict[str, int] = {}
    for number, stage in enumerate(pair.stages):
        pairs, groups = _stage(remaining_l, remaining_b, f"k{number}")
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
    person = pair.person
    items = pl.concat(
        [
            _pair_items(beda, lan, bkn, person),
            _one_side_items(lan, remaining_l[_L], "hanya-lan", person, lan_side=True),
            _one_side_items(bkn, remaining_b[_B], "hanya-bkn", person, lan_side=False),
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
        lan_people=lan if pair.roster else None,
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


def _rows(frame: pl.DataFrame, rows: pl.Series, person: str) -> pl.DataFrame:
    """Record id, person and dataset of the given row numbers."""
    selected = frame.select(RECORD_ID, person, pl.col(SOURCE).cast(pl.String))
    return selected[rows]


def _pair_items(
    beda: pl.DataFrame, lan: pl.DataFrame, bkn: pl.DataFrame, person: str
) -> pl.DataFrame:
    left = _rows(lan, beda[_L], person)
    right = _rows(bkn, beda[_B], person)
    return pl.DataFrame(
        {
            "class": ["beda"] * beda.height,
            "stage": beda["stage"],
            "person": left[person].fill_null(right[person]),
            "lan_ids": left.select(pl.concat_list(RECORD_ID)).to_series(),
            "bkn_ids": right.select(pl.concat_list(RECORD_ID)).to_series(),
            "fields": beda["fields"],
            "source": right[SOURCE],
        }
    ).cast(_ITEM_SCHEMA)


def _one_side_items(
    frame: pl.DataFrame, rows: pl.Series, name: str, person: str, *, lan_side: bool
) -> pl.DataFrame:
    rest = _rows(frame, rows, person)
    ids = pl.concat_list(pl.col(RECORD_ID))
    empty = pl.lit([], pl.List(pl.String))
    return rest.select(
        pl.lit(name).alias("class"),
        pl.lit(None, pl.String).alias("stage"),
        pl.col(person).alias("person"),
        (ids if lan_side else empty).alias("lan_ids"),
        (empty if lan_side else ids).alias("bkn_ids"),
        empty.alias("fields"),
        pl.col(SOURCE).alias("source"),
    ).cast(_ITEM_SCHEMA)


def _group_items(
    groups: pl.DataFrame, lan: pl.DataFrame, bkn: pl.DataFrame, person: str
) -> pl.DataFrame:
    numbered = groups.with_row_index("_g")
    left_rows = numbered.select("_g", _L).explode(_L)
    right_rows = numbered.select("_g", _B).explode(_B)
    left = (
        pl.concat([left_rows, _rows(lan, left_rows[_L], person)], how="horizontal")
        .group_by("_g")
        .agg(pl.col(RECORD_ID).alias("lan_ids"), pl.col(person).first().alias("p_l"))
    )
    right = (
        pl.concat([right_rows, _rows(bkn, right_rows[_B], person)], how="horizontal")
        .group_by("_g")
        .agg(
            pl.col(RECORD_ID).alias("bkn_ids"),
            pl.col(person).first().alias("p_b"),
            pl.col(SOURCE).str.join(", ").alias("source"),
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
