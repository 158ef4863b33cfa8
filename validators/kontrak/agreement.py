"""The agreement metadata (``contracts/agreement.yaml``): documents, parties, article summaries.

The docs are generated from it, so dates, numbers and contact units are written once. The file is
checked against ``contracts/_meta/agreement.schema.json`` whenever it is loaded.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator

from kontrak.exceptions import ContractError
from kontrak.formats import FORMAT_CHECKER
from kontrak.schema_registry import build_registry, load_json_file
from kontrak.text import LocalText
from kontrak.yaml_io import load_yaml

__all__ = [
    "AGREEMENT_FILE",
    "Agreement",
    "AgreementDocument",
    "Article",
    "Contact",
    "Party",
    "load_agreement",
]

AGREEMENT_FILE = "agreement.yaml"
SCHEMA_FILE = "_meta/agreement.schema.json"
EXTENSION_NOTICE_MONTHS = 3


@dataclass(frozen=True, slots=True)
class Contact:
    """The unit a party names for correspondence (Pasal 8)."""

    unit: str
    address: str
    phone: str
    email: str


@dataclass(frozen=True, slots=True)
class Party:
    """One party: ``LAN`` or ``BKN``."""

    key: str
    role: str
    name: str
    system: str
    contact: Contact


@dataclass(frozen=True, slots=True)
class AgreementDocument:
    """The signed agreement, or an addendum, amendment or extension of it."""

    id: str
    kind: str
    title: LocalText
    numbers: Mapping[str, str]
    signed: dt.date
    place: str | None
    valid_years: int | None
    valid_until: dt.date | None
    extends: str | None


@dataclass(frozen=True, slots=True)
class Article:
    """One article (Pasal): its heading and an own-words summary."""

    number: int
    title: LocalText
    summary: LocalText


@dataclass(frozen=True, slots=True)
class Agreement:
    """Everything ``agreement.yaml`` records."""

    documents: Mapping[str, AgreementDocument]
    parties: Mapping[str, Party]
    articles: Mapping[int, Article]
    provisions: Mapping[str, LocalText]

    def document(self, document_id: str) -> AgreementDocument:
        """Return one document.

        Raises:
            ContractError: when ``document_id`` is not recorded.
        """
        try:
            return self.documents[document_id]
        except KeyError:
            msg = f"dokumen perjanjian '{document_id}' tidak tercatat / is not recorded"
            raise ContractError(msg) from None

    def initial_term_end(self, document_id: str) -> dt.date:
        """The day the signed agreement's first term ends (signature + its ``valid-years``)."""
        base = self.document(document_id)
        years = base.valid_years or 0
        return _add_months(base.signed, 12 * years)

    def extensions(self, document_id: str, as_of: dt.date | None = None) -> list[AgreementDocument]:
        """Extensions of ``document_id``, oldest first; with ``as_of``, those signed by then."""
        found = [
            d
            for d in self.documents.values()
            if d.kind == "perpanjangan"
            and d.extends == document_id
            and (as_of is None or d.signed <= as_of)
        ]
        return sorted(found, key=lambda d: d.signed)

    def term_end(self, document_id: str, as_of: dt.date | None = None) -> dt.date:
        """The day the agreement ends, counting every extension recorded (signed by ``as_of``)."""
        ends = [self.initial_term_end(document_id)]
        ends += [d.valid_until for d in self.extensions(document_id, as_of) if d.valid_until]
        return max(ends)

    def extension_deadline(self, document_id: str, as_of: dt.date | None = None) -> dt.date:
        """When an extension must be prepared: three months before the term ends (Pasal 6)."""
        return _add_months(self.term_end(document_id, as_of), -EXTENSION_NOTICE_MONTHS)


def _add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by ``months`` calendar months (clamped to the month's last day)."""
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def _optional_date(value: Any) -> dt.date | None:
    return dt.date.fromisoformat(str(value)) if value else None


def _document(document_id: str, data: Mapping[str, Any]) -> AgreementDocument:
    return AgreementDocument(
        id=document_id,
        kind=str(data["kind"]),
        title=LocalText.from_mapping(data["title"]),
        numbers={str(k): str(v) for k, v in data["numbers"].items()},
        signed=dt.date.fromisoformat(str(data["signed"])),
        place=str(data["place"]) if data.get("place") else None,
        valid_years=int(data["valid-years"]) if data.get("valid-years") else None,
        valid_until=_optional_date(data.get("valid-until")),
        extends=str(data["extends"]) if data.get("extends") else None,
    )


def _party(key: str, data: Mapping[str, Any]) -> Party:
    contact = data["contact"]
    return Party(
        key=key,
        role=str(data["role"]),
        name=str(data["name"]),
        system=str(data["system"]),
        contact=Contact(
            unit=str(contact["unit"]),
            address=str(contact["address"]),
            phone=str(contact["phone"]),
            email=str(contact["email"]),
        ),
    )


def _check(data: Any, root: Path) -> None:
    schema = load_json_file(root / SCHEMA_FILE)
    validator = Draft202012Validator(
        schema, registry=build_registry(root), format_checker=FORMAT_CHECKER
    )
    problems = [f"{e.json_path}: {e.message}" for e in validator.iter_errors(data)]
    if problems:
        msg = f"{root / AGREEMENT_FILE} tidak sah / is invalid: " + "; ".join(problems)
        raise ContractError(msg)


def load_agreement(root: Path) -> Agreement:
    """Read and check ``agreement.yaml`` in the contracts folder ``root``.

    Raises:
        ContractError: when the file is missing or does not match its schema.
    """
    path = root / AGREEMENT_FILE
    try:
        data = load_yaml(path)
    except OSError as exc:
        msg = f"metadata perjanjian tidak dapat dibaca / cannot read {path}: {exc}"
        raise ContractError(msg) from exc
    _check(data, root)
    return Agreement(
        documents={
            str(k): _document(str(k), v)
            for k, v in data["documents"].items()
            if v.get("status", "signed") == "signed"  # a draft is not part of the agreement yet
        },
        parties={str(k): _party(str(k), v) for k, v in data["parties"].items()},
        articles={
            int(k): Article(
                number=int(k),
                title=LocalText.from_mapping(v["title"]),
                summary=LocalText.from_mapping(v["summary"]),
            )
            for k, v in data["articles"].items()
        },
        provisions={str(k): LocalText.from_mapping(v) for k, v in data["provisions"].items()},
    )
