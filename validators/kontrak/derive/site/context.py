"""Everything a generated page may show, gathered once per ``kontrak generate`` run."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from kontrak.agreement import Agreement, load_agreement
from kontrak.catalog import Catalog, DatasetEntry
from kontrak.contract import Contract
from kontrak.derive.site.links import is_translation
from kontrak.derive.site.reference_tables import ReferenceTable, find_reference_tables

__all__ = ["GENERATED_DIRS", "SiteContext", "build_site_context", "hand_written_pages"]

# Folders of docs/ whose pages are all generated: a file there that the plan does not produce is
# an orphan, so only planned pages count there.
GENERATED_DIRS = ("datasets", "referensi")


@dataclass(frozen=True, slots=True)
class SiteContext:
    """The catalog, contracts, agreement, reference tables and the pages that exist.

    Attributes:
        pages: every docs page (Bahasa Indonesia path, relative to ``docs/``) that is hand-written
            or produced by another part of the plan; generated site pages are added by the caller.
    """

    catalog: Catalog
    contracts: Mapping[tuple[str, str], Contract]
    agreement: Agreement
    samples_root: Path
    references: Mapping[tuple[str, str], ReferenceTable]
    pages: frozenset[str]

    def page_exists(self, page: str) -> bool:
        """Whether ``page`` (``x.md``, relative to ``docs/``) will be in the built site."""
        return page in self.pages

    def dataset_entries(self) -> list[DatasetEntry]:
        """Catalog datasets that are not reference tables, in catalog order."""
        tables = {table_id for table_id, _ in self.references}
        return [e for e in self.catalog.datasets.values() if e.id not in tables]


def hand_written_pages(docs_dir: Path) -> set[str]:
    """Bahasa Indonesia pages on disk outside the generated folders, relative to ``docs_dir``."""
    found: set[str] = set()
    for path in docs_dir.rglob("*.md"):
        relative = path.relative_to(docs_dir)
        if relative.parts[0] in GENERATED_DIRS or relative.parts[0] == "hooks":
            continue
        if any(part.startswith(("_", ".")) for part in relative.parts):
            continue
        if is_translation(path.name):
            continue
        found.add(relative.as_posix())
    return found


def build_site_context(
    catalog: Catalog,
    contracts: Mapping[tuple[str, str], Contract],
    repo: Path,
    planned_pages: Iterable[str],
) -> SiteContext:
    """Gather the context; ``planned_pages`` are docs pages other parts of the plan write."""
    docs_dir = repo / "docs"
    planned = {p for p in planned_pages if not is_translation(p)}
    return SiteContext(
        catalog=catalog,
        contracts=contracts,
        agreement=load_agreement(catalog.root),
        samples_root=repo / "samples",
        references=find_reference_tables(catalog),
        pages=frozenset(hand_written_pages(docs_dir) | planned),
    )
