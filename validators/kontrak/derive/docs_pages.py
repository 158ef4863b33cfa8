"""Docs pages generated from the catalog, the contracts, the agreement and the error catalog.

Pages are written with MkDocs' suffix convention for mkdocs-static-i18n: ``page.md`` is the
Bahasa Indonesia page and ``page.en.md`` its English twin, both rendered from the same source.
"""

from __future__ import annotations

from collections.abc import Iterator

from kontrak.derive.site.catalog_page import render_catalog_page
from kontrak.derive.site.context import SiteContext
from kontrak.derive.site.dataset_page import render_dataset_page
from kontrak.derive.site.errors_page import render_errors_page
from kontrak.derive.site.home_page import HOME_PAGE, render_home_page
from kontrak.derive.site.links import dataset_page, language_file, reference_page
from kontrak.derive.site.personal_page import PERSONAL_PAGE, render_personal_page
from kontrak.derive.site.reference_pages import (
    REFERENCES_INDEX,
    render_reference_page,
    render_references_index,
)
from kontrak.text import LANGUAGES

__all__ = ["dataset_page_path", "iter_docs_pages"]


def dataset_page_path(dataset: str, version: str, lang: str = "id") -> str:
    """Docs-relative path of a dataset version page in ``lang``."""
    return language_file(dataset_page(dataset, version), lang)


def _pages_in(context: SiteContext, lang: str) -> Iterator[tuple[str, str]]:
    yield HOME_PAGE, render_home_page(context, lang)
    yield "katalog.md", render_catalog_page(context, lang)
    yield "galat.md", render_errors_page(lang)
    yield PERSONAL_PAGE, render_personal_page(context, lang)
    yield REFERENCES_INDEX, render_references_index(context, lang)
    for (dataset, version), contract in context.contracts.items():
        if (dataset, version) in context.references:
            continue
        entry = context.catalog.dataset(dataset)
        yield dataset_page(dataset, version), render_dataset_page(entry, contract, context, lang)
    for (table_id, version), table in context.references.items():
        yield reference_page(table_id, version), render_reference_page(table, context, lang)


def iter_docs_pages(context: SiteContext) -> Iterator[tuple[str, str]]:
    """Yield ``(docs-relative path, text)`` for every generated page in both languages."""
    for lang in LANGUAGES:
        for page, text in _pages_in(context, lang):
            yield language_file(page, lang), text
