"""Data matching (pemadanan data, Pasal 3(2)4): LAN's records against BKN's, record by record."""

from __future__ import annotations

from kontrak.matching.engine import CLASSES, PairResult, match_frames
from kontrak.matching.pairs import PAIRS, FieldRule, KeyStage, PairSpec, pair_by_id

__all__ = [
    "CLASSES",
    "PAIRS",
    "FieldRule",
    "KeyStage",
    "PairResult",
    "PairSpec",
    "match_frames",
    "pair_by_id",
]
