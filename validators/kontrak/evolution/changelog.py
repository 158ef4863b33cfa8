"""The changelog page of each dataset, generated from the catalog versions and compat results.

``docs/datasets/<dataset>/perubahan.md`` (and ``.en.md``): every version newest first with its
status, dates, the agreement document that introduced it, the kind of bump, what it breaks, its
notes and migration notes, every change against its predecessor, and its deprecated fields.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Mapping

from kontrak.catalog import Catalog, DatasetEntry, VersionEntry
from kontrak.contract import Contract
from kontrak.derive.headers import markdown_header
from kontrak.derive.markdown import table
from kontrak.derive.site.links import changelog_page as changelog_location
from kontrak.derive.site.links import dataset_page, language_file, reference_page, relative_link
from kontrak.evolution.agreement import DocumentRecord, load_documents
from kontrak.evolution.bump import bump_kind
from kontrak.evolution.compare import compare_contracts
from kontrak.evolution.deprecation import field_deprecation
from kontrak.evolution.model import Comparison, Direction, Mode
from kontrak.evolution.output.report import change_message, directions_text
from kontrak.evolution.waivers import Waiver, load_waivers

__all__ = ["changelog_page", "changelog_page_path", "iter_changelog_pages", "version_anchor"]

Key = tuple[str, str]
RULES_TARGET = "kompatibilitas.md"

_T: dict[str, dict[str, str]] = {
    "title": {"id": "Riwayat perubahan", "en": "Changelog"},
    "intro": {
        "id": "Setiap versi kontrak dataset ini, yang terbaru lebih dulu. Versi yang sudah "
        "dirilis (active, deprecated, retired) dibekukan; perubahan yang memutus kompatibilitas "
        "({mode}) hanya masuk lewat versi mayor yang diperkenalkan amendemen. Arti setiap aturan: "
        "[aturan kompatibilitas]({up}kompatibilitas.md).",
        "en": "Every contract version of this dataset, newest first. Released versions (active, "
        "deprecated, retired) are frozen; a change that breaks compatibility ({mode}) only comes "
        "with a major version introduced by an amendment. What each rule means: "
        "[compatibility rules]({up}kompatibilitas.md).",
    },
    "version": {"id": "Versi", "en": "Version"},
    "status": {"id": "Status", "en": "Status"},
    "since": {"id": "Sejak", "en": "Since"},
    "until": {"id": "Sampai", "en": "Until"},
    "document": {"id": "Diperkenalkan oleh", "en": "Introduced by"},
    "bump": {"id": "Jenis", "en": "Kind"},
    "first": {"id": "pertama", "en": "first"},
    "first_text": {"id": "Versi pertama dataset ini.", "en": "The first version of this dataset."},
    "changes": {"id": "Perubahan terhadap {old}", "en": "Changes from {old}"},
    "no_changes": {"id": "Tidak ada perubahan.", "en": "No changes."},
    "migration": {"id": "Catatan migrasi", "en": "Migration notes"},
    "rule": {"id": "Aturan", "en": "Rule"},
    "where": {"id": "Lokasi", "en": "Location"},
    "breaks": {"id": "Memutus", "en": "Breaks"},
    "what": {"id": "Keterangan", "en": "Description"},
    "deprecated": {"id": "Kolom usang", "en": "Deprecated fields"},
    "field": {"id": "Kolom", "en": "Field"},
    "removed": {"id": "Dihapus setelah", "en": "Removed after"},
    "replacement": {"id": "Pengganti", "en": "Replacement"},
    "waived": {"id": "dikecualikan", "en": "waived"},
}
_KIND = {
    "pks": {"id": "PKS", "en": "agreement"},
    "adendum": {"id": "adendum", "en": "addendum"},
    "amendemen": {"id": "amendemen", "en": "amendment"},
    "perpanjangan": {"id": "perpanjangan", "en": "extension"},
}
_DOC_STATUS = {
    "draft": {"id": "rancangan", "en": "draft"},
    "signed": {"id": "ditandatangani", "en": "signed"},
}


def version_anchor(version: str) -> str:
    """The anchor of a version's section on its dataset's changelog page (``v1-1-0``)."""
    return "v" + version.replace(".", "-")


def _t(key: str, lang: str) -> str:
    return _T[key]["en" if lang == "en" else "id"]


def _up(dataset: str) -> str:
    """Relative path from a dataset's changelog page to the docs root (ids may contain ``/``)."""
    return relative_link(changelog_location(dataset), RULES_TARGET).removesuffix(RULES_TARGET)


def _version_link(entry: DatasetEntry, version: str, contracts: Mapping[Key, Contract]) -> str:
    """Link from the changelog to a version's page (reference tables have their own pages)."""
    if contracts[(entry.id, version)].meta.get("kind") == "reference":
        target = reference_page(entry.id, version)
    else:
        target = dataset_page(entry.id, version)
    return relative_link(changelog_location(entry.id), target)


def changelog_page_path(dataset: str, lang: str = "id") -> str:
    """Docs-relative path of a dataset's changelog page in ``lang`` (where the site links it)."""
    return language_file(changelog_location(dataset), lang)


def _document_text(document: DocumentRecord | None, doc_id: str, lang: str) -> str:
    if document is None:
        return f"`{doc_id}`"
    kind = _KIND.get(document.kind, {}).get(lang, document.kind)
    status = _DOC_STATUS.get(document.status, {}).get(lang, document.status)
    return f"{document.title.get(lang)} (`{doc_id}`; {kind}, {status})"


def _verdict(comparison: Comparison | None, direction: Direction) -> str:
    if comparison is None:
        return "—"
    return "✓" if comparison.compatible(direction) else "✗"


def _changes_table(comparison: Comparison, mode: Mode, lang: str) -> str:
    up = _up(comparison.dataset)
    if not comparison.changes:
        return _t("no_changes", lang) + "\n"
    rows = []
    for change in comparison.changes:
        text = change_message(change, lang)
        if change.waiver is not None:
            reason = (
                change.waiver.justification_en if lang == "en" else change.waiver.justification_id
            )
            text += f" ({_t('waived', lang)}: {reason})"
        rows.append(
            [
                f"[`{change.rule}`]({up}kompatibilitas.md#{change.rule})",
                f"`{change.path or '/'}`",
                f"{directions_text(change.breaks)} ({change.severity(mode)})",
                text,
            ]
        )
    headers = [_t(k, lang) for k in ("rule", "where", "breaks", "what")]
    return table(headers, rows)


def _deprecations(contract: Contract, lang: str) -> list[str]:
    rows = []
    for name, spec in contract.fields.items():
        deprecation = field_deprecation(spec)
        if deprecation is not None:
            replacement = f"`{deprecation.replaced_by}`" if deprecation.replaced_by else "—"
            rows.append([f"`{name}`", deprecation.since, deprecation.removed_after, replacement])
    if not rows:
        return []
    headers = [_t(k, lang) for k in ("field", "since", "removed", "replacement")]
    return [f"### {_t('deprecated', lang)}\n", table(headers, rows)]


def _section(
    version: VersionEntry,
    previous: str | None,
    comparison: Comparison | None,
    contract: Contract,
    mode: Mode,
    lang: str,
) -> list[str]:
    anchor = version_anchor(version.version)
    parts = [f"## {version.version} <small>{version.status}</small> {{#{anchor}}}\n"]
    if version.notes:
        parts.append(version.notes.get(lang) + "\n")
    if version.migration:
        parts.append(f'!!! warning "{_t("migration", lang)}"\n    {version.migration.get(lang)}\n')
    if previous is None or comparison is None:
        parts.append(_t("first_text", lang) + "\n")
    else:
        parts.append(f"### {_t('changes', lang).format(old=previous)}\n")
        parts.append(_changes_table(comparison, mode, lang))
    return parts + _deprecations(contract, lang)


def changelog_page(
    entry: DatasetEntry,
    contracts: Mapping[tuple[str, str], Contract],
    documents: Mapping[str, DocumentRecord],
    waivers: tuple[Waiver, ...],
    lang: str,
) -> str:
    """The changelog page of one dataset in ``lang``."""
    mode = Mode(entry.compatibility)
    numbers = [v.version for v in entry.versions]
    comparisons: dict[str, Comparison] = {}
    for older, newer in itertools.pairwise(numbers):
        comparisons[newer] = compare_contracts(
            contracts[(entry.id, older)], contracts[(entry.id, newer)], waivers=waivers
        )
    rows = []
    for index, version in reversed(list(enumerate(entry.versions))):
        previous = numbers[index - 1] if index else None
        comparison = comparisons.get(version.version)
        rows.append(
            [
                f"[{version.version}]({_version_link(entry, version.version, contracts)})",
                version.status,
                version.since,
                version.until or "—",
                _document_text(documents.get(version.introduced_by), version.introduced_by, lang),
                bump_kind(previous, version.version) if previous else _t("first", lang),
                _verdict(comparison, Direction.BACKWARD),
                _verdict(comparison, Direction.FORWARD),
            ]
        )
    headers = [
        *(_t(k, lang) for k in ("version", "status", "since", "until", "document", "bump")),
        "BACKWARD",
        "FORWARD",
    ]
    # The heading comes first: MkDocs takes a page's title only from a leading <h1>.
    parts = [
        f"# {_t('title', lang)}: {entry.title.get(lang)}\n",
        markdown_header("contracts/catalog.yaml"),
        _t("intro", lang).format(mode=mode.value, up=_up(entry.id)) + "\n",
        table(headers, rows),
    ]
    for index, version in reversed(list(enumerate(entry.versions))):
        previous = numbers[index - 1] if index else None
        contract = contracts[(entry.id, version.version)]
        parts += _section(version, previous, comparisons.get(version.version), contract, mode, lang)
    return "\n".join(parts)


def iter_changelog_pages(
    catalog: Catalog, contracts: Mapping[tuple[str, str], Contract], languages: tuple[str, ...]
) -> Iterator[tuple[str, str]]:
    """Yield ``(docs-relative path, text)`` of every dataset's changelog in ``languages``."""
    documents = load_documents(catalog.root)
    waivers = load_waivers(catalog.root)
    for entry in catalog.datasets.values():
        for lang in languages:
            yield (
                changelog_page_path(entry.id, lang),
                changelog_page(entry, contracts, documents, waivers, lang),
            )
