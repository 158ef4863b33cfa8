"""The version-bump message proposes a version the dataset does not hold yet."""

from __future__ import annotations

from kontrak.evolution.bump import BumpVerdict
from kontrak.evolution.checks import bump_message
from kontrak.evolution.model import Mode


def _verdict(required: str) -> BumpVerdict:
    return BumpVerdict(
        dataset="riwayat-angka-kredit", version="1.0.1", predecessor="1.0.0",
        mode=Mode.BACKWARD, required=required, actual="patch", reasons=(), comparisons=(),  # type: ignore[arg-type]
    )  # fmt: skip


def test_the_next_free_version_is_proposed() -> None:
    assert "publish it as 1.1.0 " in bump_message(_verdict("minor"))
    taken = frozenset({"1.0.0", "1.1.0"})
    assert "publish it as 1.2.0 " in bump_message(_verdict("minor"), taken)
    assert "publish it as 3.0.0 " in bump_message(_verdict("major"), frozenset({"2.0.0"}))
