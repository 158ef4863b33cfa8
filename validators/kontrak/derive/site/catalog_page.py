"""The Lampiran catalog page: every dataset with direction, channel, basis and current version."""

from __future__ import annotations

from kontrak.basis import format_basis
from kontrak.catalog import DatasetEntry
from kontrak.derive.headers import markdown_header
from kontrak.derive.markdown import table
from kontrak.derive.site.context import SiteContext
from kontrak.derive.site.labels import CLASSIFICATION_RANK, classification_text, label
from kontrak.derive.site.links import dataset_page, reference_page

__all__ = ["highest_classification", "page_of_version", "render_catalog_page"]

_INTRO = {
    "id": "Setiap dataset yang dipertukarkan menurut Lampiran PKS, dengan arah, saluran, dasar "
    "hukum, klasifikasi tertinggi kolomnya, dan versi kontrak yang berlaku. Klik nama dataset "
    "untuk kolom, unduhan skema, dan contohnya.",
    "en": "Every dataset exchanged under the agreement's annex (Lampiran), with its direction, "
    "channel, legal basis, the highest classification among its fields, and the current "
    "contract version. Click a dataset's name for its fields, schema downloads and samples.",
}


def page_of_version(entry: DatasetEntry, version: str, context: SiteContext) -> str:
    """The page a catalog row links to: the reference table page for reference tables."""
    if (entry.id, version) in context.references:
        return reference_page(entry.id, version)
    return dataset_page(entry.id, version)


def highest_classification(entry: DatasetEntry, version: str, context: SiteContext) -> str:
    """The strictest classification among a version's fields ("public" when none is known)."""
    contract = context.contracts.get((entry.id, version))
    if contract is None or not contract.fields:
        return "public"
    return max(
        (f.classification for f in contract.fields.values()), key=CLASSIFICATION_RANK.__getitem__
    )


def render_catalog_page(context: SiteContext, lang: str) -> str:
    """The Markdown of the catalog page in ``lang``."""
    keys = ("dataset", "direction", "channel", "basis", "classification", "version", "status")
    headers = [*(label(k, lang) for k in keys), label("other_versions", lang)]
    rows = []
    for entry in context.catalog.datasets.values():
        current = entry.current.version
        others = [v.version for v in entry.versions if v.version != current]
        rows.append(
            [
                f"[{entry.title.get(lang)}]({page_of_version(entry, current, context)})"
                f"<br>`{entry.id}`",
                entry.direction,
                entry.channel.get(lang),
                "<br>".join(format_basis(b, lang) for b in entry.basis),
                classification_text(highest_classification(entry, current, context), lang),
                f"[{current}]({page_of_version(entry, current, context)})",
                entry.current.status,
                ", ".join(f"[{v}]({page_of_version(entry, v, context)})" for v in others),
            ]
        )
    return "\n".join(
        [
            f"# {label('catalog_title', lang)}\n",
            markdown_header("contracts/catalog.yaml"),
            f"{_INTRO[lang]}\n",
            table(headers, rows),
        ]
    )
