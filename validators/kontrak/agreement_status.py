"""The agreement's lifecycle on a given day, from ``contracts/agreement.yaml`` (Pasal 6, 7, 12).

The agreement is valid for ``valid-years`` from its signing; each signed ``extension`` document
that amends it adds its own ``valid-years`` from the end it extends. Within three months of the
end an extension must be prepared (Pasal 6(2)). The schedule block gives the deadlines of the
deliveries, the matching rounds (twice a year, Pasal 3(2)4) and the evaluation (yearly, Pasal 7).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kontrak.exceptions import KontrakError
from kontrak.matching.period import Period, semester_of
from kontrak.paths import contracts_root
from kontrak.yaml_io import load_yaml

__all__ = [
    "WARNING_MONTHS",
    "AgreementStatus",
    "Deadline",
    "Schedule",
    "agreement_status",
    "load_schedule",
    "semester_deadline",
    "year_deadline",
]

WARNING_MONTHS = 3
MAIN_DOCUMENT = "pks-lan-bkn-2022"


@dataclass(frozen=True, slots=True)
class Schedule:
    """Days after the end of a period by which each obligation is due."""

    delivery_days: int = 15
    matching_days: int = 31
    evaluation_days: int = 59


_DEFAULT = Schedule()


@dataclass(frozen=True, slots=True)
class Deadline:
    """One obligation for one period."""

    what: str
    period: Period
    due: dt.date


@dataclass(frozen=True, slots=True)
class AgreementStatus:
    """What holds on ``today``.

    Attributes:
        state: ``belum-berlaku`` (not yet signed/in force), ``berlaku`` (in force),
            ``segera-berakhir`` (in force, within three months of the end), ``berakhir`` (lapsed).
        signed: the day the agreement was signed.
        ends: the first day it is no longer in force (after the extensions).
        extensions: (id, signed, years) of the signed extensions applied.
        documents: (id, kind, status) of every addendum, amendment and extension recorded.
        next_matching / next_evaluation: the next deadlines on or after ``today``.
    """

    today: dt.date
    state: str
    signed: dt.date
    ends: dt.date
    extensions: tuple[tuple[str, dt.date, int], ...]
    documents: tuple[tuple[str, str, str], ...]
    next_matching: Deadline
    next_evaluation: Deadline

    @property
    def warn_from(self) -> dt.date:
        """The first day of the last three months (Pasal 6(2))."""
        return add_months(self.ends, -WARNING_MONTHS)

    @property
    def days_left(self) -> int:
        """Days until the end (negative once lapsed)."""
        return (self.ends - self.today).days

    @property
    def exit_code(self) -> int:
        """0 in force (also within the warning window), 1 lapsed or not yet in force."""
        return 0 if self.state in ("berlaku", "segera-berakhir") else 1


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by ``months`` calendar months (the day clipped to the month's length)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    for candidate in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month + 1, min(day.day, candidate))
        except ValueError:
            continue
    raise AssertionError  # pragma: no cover - day 28 exists in every month


def _date(value: Any, where: str) -> dt.date:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        msg = f"agreement.yaml: {where} bukan tanggal / is not a date: {value!r}"
        raise KontrakError(msg) from None


def _load(root: Path | None) -> dict[str, Any]:
    path = (root or contracts_root()) / "agreement.yaml"
    data = load_yaml(path)
    if not isinstance(data, dict) or not isinstance(data.get("documents"), dict):
        msg = f"{path}: tidak ada daftar dokumen / has no documents"
        raise KontrakError(msg)
    return data


def load_schedule(root: Path | None = None) -> Schedule:
    """The agreed schedule (defaults when the block is absent)."""
    block = _load(root).get("schedule") or {}

    def days(name: str, default: int) -> int:
        return int((block.get(name) or {}).get("due-days-after-period", default))

    return Schedule(
        delivery_days=days("delivery", _DEFAULT.delivery_days),
        matching_days=days("matching", _DEFAULT.matching_days),
        evaluation_days=days("evaluation", _DEFAULT.evaluation_days),
    )


def semester_deadline(year: int, half: int, days: int, what: str) -> Deadline:
    """The deadline of an obligation for one semester."""
    period = semester_of(year, half)
    return Deadline(what, period, period.end + dt.timedelta(days=days))


def year_deadline(year: int, days: int, what: str) -> Deadline:
    """The deadline of an obligation for one calendar year."""
    period = Period(dt.date(year, 1, 1), dt.date(year, 12, 31))
    return Deadline(what, period, period.end + dt.timedelta(days=days))


def _next_semester(today: dt.date, days: int) -> Deadline:
    year, half = today.year - 1, 1
    while True:
        deadline = semester_deadline(year, half, days, "pemadanan")
        if deadline.due >= today:
            return deadline
        year, half = (year, 2) if half == 1 else (year + 1, 1)


def _next_year(today: dt.date, days: int) -> Deadline:
    year = today.year - 1
    while (deadline := year_deadline(year, days, "evaluasi")).due < today:
        year += 1
    return deadline


def agreement_status(today: dt.date, root: Path | None = None) -> AgreementStatus:
    """The agreement's state on ``today`` and the next deadlines.

    Raises:
        KontrakError: agreement.yaml lacks the main document or its dates.
    """
    data = _load(root)
    documents: dict[str, Any] = data["documents"]
    main = documents.get(MAIN_DOCUMENT)
    if not isinstance(main, dict) or "signed" not in main:
        msg = f"agreement.yaml: dokumen {MAIN_DOCUMENT} tanpa tanggal tanda tangan / unsigned"
        raise KontrakError(msg)
    signed = _date(main["signed"], f"{MAIN_DOCUMENT}.signed")
    ends = add_months(signed, 12 * int(main.get("valid-years", 2)))
    extensions: list[tuple[str, dt.date, int]] = []
    others: list[tuple[str, str, str]] = []
    for doc_id, doc in documents.items():
        if doc_id == MAIN_DOCUMENT or not isinstance(doc, dict):
            continue
        others.append((doc_id, str(doc.get("kind", "")), str(doc.get("status", "signed"))))
        is_signed = doc.get("status", "signed") == "signed" and doc.get("signed")
        if doc.get("kind") == "extension" and is_signed and doc.get("amends") == MAIN_DOCUMENT:
            extensions.append(
                (doc_id, _date(doc["signed"], f"{doc_id}.signed"), int(doc.get("valid-years", 1)))
            )
    for _, _, years in sorted(extensions, key=lambda item: item[1]):
        ends = add_months(ends, 12 * years)
    if today < signed:
        state = "belum-berlaku"
    elif today >= ends:
        state = "berakhir"
    elif today >= add_months(ends, -WARNING_MONTHS):
        state = "segera-berakhir"
    else:
        state = "berlaku"
    schedule = load_schedule(root)
    return AgreementStatus(
        today=today,
        state=state,
        signed=signed,
        ends=ends,
        extensions=tuple(extensions),
        documents=tuple(others),
        next_matching=_next_semester(max(today, signed), schedule.matching_days),
        next_evaluation=_next_year(max(today, signed), schedule.evaluation_days),
    )
