"""Agreement documents (``contracts/agreement.yaml``) and which contract versions they introduce.

Pasal 12 of the agreement: what it does not yet regulate is added by an addendum, what it
changes is changed by an amendment. So a new major version (a breaking change) must be
introduced by an amendment (or a new agreement); a released version must be introduced by a
signed document and cannot be in force before that document was signed.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator

from kontrak.catalog import Catalog
from kontrak.evolution.bump import bump_kind
from kontrak.evolution.lock import RELEASED_STATUSES
from kontrak.formats import FORMAT_CHECKER
from kontrak.schema_registry import build_registry, load_json_file
from kontrak.text import LocalText
from kontrak.yaml_io import load_yaml

__all__ = ["AGREEMENT_FILE", "DocumentRecord", "agreement_issues", "load_documents"]

AGREEMENT_FILE = "agreement.yaml"
_SCHEMA = Path("_meta") / "agreement.schema.json"
_BREAKING_KINDS = frozenset({"amendemen", "pks"})


@dataclass(frozen=True, slots=True)
class DocumentRecord:
    """One agreement document: the PKS, an addendum, an amendment or an extension."""

    id: str
    kind: str
    status: str
    title: LocalText
    signed: str | None
    drafted: str | None
    amends: str | None


def _document(doc_id: str, data: Mapping[str, Any]) -> DocumentRecord:
    return DocumentRecord(
        id=doc_id,
        kind=str(data["kind"]),
        status=str(data.get("status", "signed")),
        title=LocalText.from_mapping(data["title"]),
        signed=str(data["signed"]) if data.get("signed") else None,
        drafted=str(data["drafted"]) if data.get("drafted") else None,
        amends=str(data["amends"]) if data.get("amends") else None,
    )


def load_documents(contracts_root: Path) -> dict[str, DocumentRecord]:
    """The documents of ``agreement.yaml`` by id (empty when the file is absent or malformed)."""
    path = contracts_root / AGREEMENT_FILE
    if not path.is_file():
        return {}
    data = load_yaml(path)
    try:
        return {str(k): _document(str(k), v) for k, v in (data.get("documents") or {}).items()}
    except (KeyError, TypeError, AttributeError):
        return {}


def _schema_issues(catalog: Catalog) -> Iterator[tuple[str, str]]:
    path = catalog.root / AGREEMENT_FILE
    if not path.is_file():
        yield "contracts/agreement.yaml", "file missing"
        return
    validator = Draft202012Validator(
        load_json_file(catalog.root / _SCHEMA),
        registry=build_registry(catalog.root),
        format_checker=FORMAT_CHECKER,
    )
    for error in validator.iter_errors(load_yaml(path)):
        yield "contracts/agreement.yaml", f"{error.json_path}: {error.message}"


def _version_issues(
    catalog: Catalog, documents: Mapping[str, DocumentRecord]
) -> Iterator[tuple[str, str]]:
    for entry in catalog.datasets.values():
        previous: str | None = None
        for version in entry.versions:
            where = f"contracts/catalog.yaml#{entry.id}@{version.version}"
            document = documents.get(version.introduced_by)
            if document is None:
                yield (
                    where,
                    (
                        f"introduced-by '{version.introduced_by}' tidak ada di agreement.yaml / is "
                        f"not a document in agreement.yaml"
                    ),
                )
            elif version.status in RELEASED_STATUSES and document.status != "signed":
                yield (
                    where,
                    (
                        f"versi {version.status} perlu dokumen yang sudah ditandatangani / a "
                        f"{version.status} version needs a signed document; '{document.id}' is "
                        f"{document.status}: keep the version draft until it is signed"
                    ),
                )
            elif document.signed and version.since < document.signed:
                yield (
                    where,
                    (
                        f"since {version.since} sebelum dokumen ditandatangani / is before "
                        f"'{document.id}' was signed ({document.signed})"
                    ),
                )
            if (
                document is not None
                and previous is not None
                and bump_kind(previous, version.version) == "major"
                and document.kind not in _BREAKING_KINDS
            ):
                yield (
                    where,
                    (
                        f"versi mayor mengubah perjanjian: perlu amendemen (Pasal 12 ayat 2), "
                        f"bukan {document.kind} / a major version changes the agreement: it must "
                        f"be introduced by an amendment (amendemen, Pasal 12(2)), not "
                        f"{document.kind}"
                    ),
                )
            previous = version.version


def agreement_issues(catalog: Catalog) -> Iterator[tuple[str, str]]:
    """``(path, message)`` for every problem with the agreement metadata and its use."""
    problems = list(_schema_issues(catalog))
    yield from problems
    if problems:
        return
    documents = load_documents(catalog.root)
    data = load_yaml(catalog.root / AGREEMENT_FILE)
    main = documents.get(catalog.agreement)
    if main is None or main.kind != "pks":
        yield (
            "contracts/catalog.yaml",
            (
                f"agreement '{catalog.agreement}' bukan dokumen PKS di agreement.yaml / is not a "
                f"pks document in agreement.yaml"
            ),
        )
    for document in documents.values():
        if document.amends is not None and document.amends not in documents:
            yield (
                "contracts/agreement.yaml",
                (f"{document.id}: amends '{document.amends}' tidak ada / is not a document"),
            )
    if not isinstance(data.get("parties"), Mapping):  # pragma: no cover - the schema requires it
        return
    yield from _version_issues(catalog, documents)
