"""The agreement's lifecycle on a given day, from ``contracts/agreement.yaml`` (Pasal 6, 7, 12).

The term and its extensions come from :mod:`kontrak.agreement` (the agreement is valid for
``valid-years`` from its signing; an extension, kind ``perpanjangan``, sets ``valid-until``).
Within three months of the end an extension must be prepared (Pasal 6(2)). The schedule block
gives the deadlines of the deliveries, the matching rounds (twice a year, Pasal 3(2)4) and the
evaluation (yearly, Pasal 7).
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kontrak.agreement import load_agreement
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
        ends: the first day it is no longer in force (after the extensions signed by ``today``).
        extensions: (id, signed, valid until) of the extensions signed by ``today``.
        documents: (id, kind, status, signed or drafted date) of every addendum, amendment and
            extension recorded by ``today``, drafts included (only signed ones change the
            agreement).
        next_matching / next_evaluation: the next deadlines on or after ``today``.
    """

    today: dt.date
    state: str
    signed: dt.date
    ends: dt.date
    extensions: tuple[tuple[str, dt.date, dt.date], ...]
    documents: tuple[tuple[str, str, str, dt.date | None], ...]
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
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _as_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def _load(root: Path | None) -> dict[str, Any]:
    path = (root or contracts_root()) / "agreement.yaml"
    data = load_yaml(path)
    if not isinstance(data, dict):
        msg = f"{path}: bukan pemetaan YAML / not a YAML mapping"
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
        ContractError: agreement.yaml is missing or does not match its schema.
    """
    agreement = load_agreement(root or contracts_root())
    main = agreement.document(MAIN_DOCUMENT)
    # As of ``today``: an extension signed later does not count yet, a later document is not shown.
    ends = agreement.term_end(MAIN_DOCUMENT, as_of=today)
    extensions = tuple(
        (doc.id, doc.signed, doc.valid_until)
        for doc in agreement.extensions(MAIN_DOCUMENT, as_of=today)
        if doc.valid_until is not None
    )
    recorded = (
        (
            str(doc_id),
            str(doc.get("kind", "")),
            str(doc.get("status", "signed")),
            _as_date(doc.get("signed") or doc.get("drafted")),
        )
        for doc_id, doc in (_load(root).get("documents") or {}).items()
        if doc_id != MAIN_DOCUMENT and isinstance(doc, dict)
    )
    documents = tuple(d for d in recorded if d[3] is None or d[3] <= today)
    if today < main.signed:
        state = "belum-berlaku"
    elif today >= ends:
        state = "berakhir"
    elif today >= agreement.extension_deadline(MAIN_DOCUMENT, as_of=today):
        state = "segera-berakhir"
    else:
        state = "berlaku"
    schedule = load_schedule(root)
    start = max(today, main.signed)
    return AgreementStatus(
        today=today,
        state=state,
        signed=main.signed,
        ends=ends,
        extensions=extensions,
        documents=documents,
        next_matching=_next_semester(start, schedule.matching_days),
        next_evaluation=_next_year(start, schedule.evaluation_days),
    )
