"""Legal basis references spelled out with what the clause says, in our own words."""

from __future__ import annotations

from collections.abc import Iterable

from kontrak.agreement import Agreement
from kontrak.basis import format_basis

__all__ = ["basis_text"]


def basis_text(references: Iterable[str], agreement: Agreement, lang: str) -> str:
    """``["3(2)3"]`` → "Pasal 3 ayat (2) angka 3: LAN memberikan riwayat ..." (one per line)."""
    lines = []
    for short in references:
        summary = agreement.provisions.get(short)
        spelled = format_basis(short, lang)
        lines.append(f"{spelled}: {summary.get(lang)}" if summary else spelled)
    return "<br>".join(lines)
