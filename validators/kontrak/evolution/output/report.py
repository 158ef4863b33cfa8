"""One run of ``kontrak compat``: one or more results, and helpers the renderers share."""

from __future__ import annotations

from dataclasses import dataclass

from kontrak.evolution.model import Change, Comparison, CompatResult, Direction, Mode
from kontrak.evolution.rulebook import compat_rule

__all__ = [
    "VERDICT_MODES",
    "CompatReport",
    "change_message",
    "comparisons_in_scope",
    "directions_text",
]

VERDICT_MODES: tuple[Mode, ...] = tuple(m for m in Mode if m is not Mode.NONE)


@dataclass(frozen=True, slots=True)
class CompatReport:
    """Every result of one run; ``against`` is the git revision given with ``--against``."""

    results: tuple[CompatResult, ...]
    against: str | None = None

    @property
    def compatible(self) -> bool:
        """Whether every result is compatible in its mode."""
        return all(r.compatible for r in self.results)

    @property
    def exit_code(self) -> int:
        """0 compatible, 1 breaking."""
        return 0 if self.compatible else 1


def comparisons_in_scope(result: CompatResult) -> tuple[Comparison, ...]:
    """The comparisons the result's mode looks at (all of them in a TRANSITIVE mode)."""
    return result.comparisons if result.mode.transitive else result.comparisons[:1]


def directions_text(directions: frozenset[Direction]) -> str:
    """``BACKWARD, FORWARD`` or ``—``."""
    return ", ".join(d.value for d in Direction if d in directions) or "—"


def breaks_text(change: Change, lang: str) -> str:
    """``memutus: BACKWARD, FORWARD`` (``breaks: …`` in English): the directions it breaks."""
    label = "breaks" if lang == "en" else "memutus"
    return f"{label}: {directions_text(change.breaks)}"


def change_message(change: Change, lang: str) -> str:
    """The rule's message for ``change`` in ``lang``."""
    return compat_rule(change.rule).message(lang, dict(change.ctx))
