"""Load one side's inputs into a canonical Polars frame for one pair.

JSON Lines and CSV go straight to Polars (every column read as text, only the columns the pair
needs); JSON documents (a record, an array, a SIASN envelope) go through the project's reader.
Every value then passes the one canonical layer (:func:`kontrak.normalize.canonical_expr`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from kontrak.contract import Contract
from kontrak.matching.blocks import line_blocks, map_blocks
from kontrak.matching.pairs import FieldRule, PairSpec
from kontrak.normalize import canonical_expr, canonical_key, canonical_value, wire_text
from kontrak.readers import LocatedRecord, read_input
from kontrak.readers.csv_reader import sniff_delimiter

__all__ = ["RECORD_ID", "SOURCE", "Source", "canonical_frame", "side_frame"]

RECORD_ID = "_rid"
SOURCE = "_dataset"
_FEW_VALUES = frozenset({"flag", "int"})
# Kinds whose columns hold few distinct values: normalised per distinct value (see _mapped).
_MAPPED_KINDS = frozenset({"flag", "int", "date", "decimal"})
_MAX_DISTINCT = 5000
_KEY_SEED = 20220608


@dataclass(frozen=True, slots=True)
class Source:
    """One input file of one side, with its contract (already validated by the caller)."""

    side: str
    contract: Contract
    path: Path
    format: str
    shown: str

    @property
    def dataset(self) -> str:
        """The dataset id of the file's contract."""
        return self.contract.dataset


def _wire_names(contract: Contract) -> dict[str, str]:
    """Canonical column → wire field of this contract (``rwJabatanId`` → ``rwJabatan``)."""
    names: dict[str, str] = {}
    for name in contract.fields:
        names.setdefault(canonical_key(name), name)
        names.setdefault(name, name)
    return names


def _raw_frame(source: Source, wire: Sequence[str]) -> pl.LazyFrame:
    """The file's ``wire`` columns as text (absent columns and keys become nulls)."""
    schema = dict.fromkeys(wire, pl.String)
    if source.format == "csv":
        with source.path.open("r", encoding="utf-8-sig") as handle:
            header = handle.readline()
        lazy = pl.scan_csv(source.path, separator=sniff_delimiter(header), infer_schema=False)
        lazy = lazy.rename(lambda name: name.lstrip("\ufeff"))
        present = [name for name in wire if name in lazy.collect_schema().names()]
        return lazy.select(present).with_columns(
            pl.lit(None, pl.String).alias(name) for name in wire if name not in present
        )
    rows = [
        item.value
        for item in read_input(source.path, source.contract, source.format).items
        if isinstance(item, LocatedRecord) and isinstance(item.value, dict)
    ]
    columns = {name: [wire_text(row.get(name)) for row in rows] for name in wire}
    return pl.DataFrame(columns, schema=schema).lazy()


def _compact(rule: FieldRule, expr: pl.Expr) -> pl.Expr:
    """Hold values small: key-only fields as 64-bit hashes, few distinct values as categories.

    A key-only field is never shown or compared, only joined on; its hash keeps 8 bytes a
    record instead of the text (the chance that two different keys share a hash is 2**-64).
    """
    if not rule.compare:
        return pl.when(expr.is_null()).then(None).otherwise(expr.hash(seed=_KEY_SEED))
    if rule.kind in _FEW_VALUES:
        return expr.cast(pl.Categorical)
    return expr


def _few(column: pl.Series) -> bool:
    """Whether a column has few enough distinct values to normalise them one by one."""
    return column.n_unique() <= max(_MAX_DISTINCT, column.len() // 10)


def _mapped(kind: str, column: pl.Series) -> pl.Expr:
    """The canonical values of a column with few distinct values, looked up value by value.

    Each distinct wire value goes once through :func:`kontrak.normalize.canonical_value`, the
    same function records are normalised with elsewhere; the column is then translated.
    """
    raw = column.fill_null("")
    distinct = raw.unique().to_list()
    canonical = [canonical_value(kind, value) for value in distinct]
    return (
        pl.col(column.name)
        .fill_null("")
        .replace_strict(distinct, canonical, return_dtype=pl.String)
    )


def _canonical(
    raw: pl.DataFrame, source: Source, pair: PairSpec, wanted: dict[str, str], id_column: str
) -> pl.DataFrame:
    """Canonical columns of one block (or file) of raw text columns."""
    exprs = []
    for rule in pair.fields:
        if rule.name not in wanted:
            expr = pl.lit(None, pl.String)
        elif rule.kind in _MAPPED_KINDS and _few(raw[wanted[rule.name]]):
            expr = _mapped(rule.kind, raw[wanted[rule.name]])
        else:
            expr = canonical_expr(rule.kind, wanted[rule.name])
        exprs.append(_compact(rule, expr).alias(rule.name))
    id_expr = pl.col(id_column) if id_column in raw.columns else pl.lit(None, pl.String)
    dataset = pl.lit(source.dataset).cast(pl.Categorical)
    return raw.lazy().select(id_expr.alias(RECORD_ID), dataset.alias(SOURCE), *exprs).collect()


def canonical_frame(source: Source, pair: PairSpec, record_id: str | None = None) -> pl.DataFrame:
    """One file as a frame of the pair's canonical fields, plus record id and dataset.

    The record id is the pair's (``record_id`` overrides it, e.g. a LAN record's own key when
    the pair itself is about people). JSON Lines are read in blocks of lines, two at a time.
    """
    names = _wire_names(source.contract)
    if record_id is None:
        record_id = pair.lan_record_id if source.side == "LAN" else pair.bkn_record_id
    wanted: dict[str, str] = {}
    for rule in pair.fields:
        column = rule.column(source.side)
        if column in names:
            wanted[rule.name] = names[column]
    id_column = names.get(record_id, record_id)
    wire = sorted({*wanted.values(), id_column} & set(source.contract.fields))
    schema = dict.fromkeys(wire, pl.String)
    if source.format == "jsonl":
        parts = map_blocks(
            lambda block: _canonical(
                pl.read_ndjson(block, schema=schema), source, pair, wanted, id_column
            ),
            line_blocks(source.path),
        )
        if parts:
            return pl.concat(parts, how="vertical", rechunk=True)
        return _canonical(pl.DataFrame(schema=schema), source, pair, wanted, id_column)
    raw = _raw_frame(source, wire).collect()
    return _canonical(raw, source, pair, wanted, id_column)


def _roster_persons(frames: Sequence[pl.DataFrame], pair: PairSpec) -> pl.DataFrame:
    """LAN's side of a roster pair: one row per person found in LAN's records.

    The SIASN person id is the first one LAN gives; position and its TMT come from LAN's
    latest position record (riwayat jabatan) when LAN delivered one. Extra columns name the
    LAN records those values came from (``_pns_rid``/``_pns_dataset``, ``_jabatan_rid``) and
    one record of the person (``_any_rid``/``_any_dataset``), for the correction list.
    """
    stacked = pl.concat(frames, how="diagonal_relaxed")
    person = pair.person
    latest = (
        stacked.filter(pl.col(SOURCE) == "riwayat-jabatan")
        .sort("tmtJabatan", nulls_last=True)
        .group_by(person)
        .agg(
            pl.col("jabatanFungsionalId").last(),
            pl.col("tmtJabatan").last(),
            pl.col(RECORD_ID).last().alias("_jabatan_rid"),
        )
    )
    with_pns = stacked.filter(pl.col("pnsId").is_not_null())
    pns = with_pns.group_by(person, maintain_order=True).agg(
        pl.col("pnsId").first(),
        pl.col(RECORD_ID).first().alias("_pns_rid"),
        pl.col(SOURCE).first().cast(pl.String).alias("_pns_dataset"),
    )
    people = stacked.group_by(person, maintain_order=True).agg(
        pl.col(RECORD_ID).first().alias("_any_rid"),
        pl.col(SOURCE).first().cast(pl.String).alias("_any_dataset"),
        pl.col(SOURCE).cast(pl.String).unique().sort().str.join(", ").alias(SOURCE),
    )
    joined = people.join(pns, on=person, how="left").join(latest, on=person, how="left")
    return joined.select(
        pl.col(person).alias(RECORD_ID),
        SOURCE,
        *(pl.col(rule.name) for rule in pair.fields),
        "_pns_rid",
        "_pns_dataset",
        "_jabatan_rid",
        "_any_rid",
        "_any_dataset",
    )


def side_frame(sources: Sequence[Source], pair: PairSpec, side: str) -> pl.DataFrame:
    """All of one side's files for ``pair`` stacked into one canonical frame."""
    datasets = pair.lan_datasets if side == "LAN" else pair.bkn_datasets
    mine = [s for s in sources if s.side == side and s.dataset in datasets]
    if side == "LAN" and pair.roster:
        from kontrak.matching.pairs import JABATAN  # noqa: PLC0415 - roster reads positions

        frames = [
            canonical_frame(
                s,
                JABATAN if s.dataset == "riwayat-jabatan" else pair,
                s.contract.primary_key[0],
            )
            for s in mine
        ]
        frames = [f.select(RECORD_ID, SOURCE, *(r.name for r in pair.fields)) for f in frames]
        if not frames:
            return _empty(pair)
        return _roster_persons(frames, pair)
    if not mine:
        return _empty(pair)
    return pl.concat([canonical_frame(s, pair) for s in mine], how="vertical")


def _empty(pair: PairSpec) -> pl.DataFrame:
    """A frame with no rows and the same columns and types as a loaded one."""
    blank = pl.lit(None, pl.String)
    return (
        pl.DataFrame()
        .select(
            blank.alias(RECORD_ID),
            blank.cast(pl.Categorical).alias(SOURCE),
            *(_compact(rule, blank).alias(rule.name) for rule in pair.fields),
        )
        .clear()
    )
