"""The site navigation, generated so that every page (generated or hand-written) is in it.

``mkdocs.yml`` inherits it (``INHERIT: mkdocs.nav.yml``). Section titles are in Bahasa Indonesia;
``nav_translations`` in ``mkdocs.yml`` gives their English names, and page titles come from each
page's own heading in each language.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import yaml

from kontrak.derive.headers import GENERATED_MARK, REGENERATE_COMMAND
from kontrak.derive.site.context import SiteContext
from kontrak.derive.site.links import dataset_page, is_translation
from kontrak.versions import version_key

__all__ = ["GUIDES", "HOME_TITLE", "NAV_FILE", "SECTIONS", "render_nav"]

NAV_FILE = "mkdocs.nav.yml"
HOME_TITLE = "Beranda"
SECTIONS = {
    "datasets": "Dataset",
    "references": "Tabel referensi",
    "security": "Keamanan dan kerahasiaan",
    "guides": "Panduan",
}
GUIDES = (
    "panduan/validasi-berkas.md",
    "panduan/github-actions.md",
    "panduan/pre-commit.md",
    "panduan/python.md",
    "panduan/usul-perubahan.md",
    "panduan/pemadanan.md",
    "panduan/daftar-perbaikan.md",
    "panduan/berita-acara.md",
    "panduan/evaluasi.md",
    "panduan/status-perjanjian.md",
)
_TOP = ("katalog.md",)
_SECURITY = ("keamanan.md", "data-pribadi.md")
_LAST = ("galat.md",)


def _take(wanted: Iterable[str], pages: set[str]) -> list[str]:
    """The pages of ``wanted`` that exist, removed from ``pages``."""
    taken = [page for page in wanted if page in pages]
    pages.difference_update(taken)
    return taken


def _dataset_pages(context: SiteContext, pages: set[str]) -> list[str]:
    ordered: list[str] = []
    for entry in context.dataset_entries():
        versions = sorted((v.version for v in entry.versions), key=version_key)
        ordered += _take((dataset_page(entry.id, v) for v in versions), pages)
        ordered += _take(sorted(p for p in pages if p.startswith(f"datasets/{entry.id}/")), pages)
    return ordered + _take(sorted(p for p in pages if p.startswith("datasets/")), pages)


def _section(title: str, items: list[str]) -> list[dict[str, Any]]:
    return [{title: items}] if items else []


def render_nav(context: SiteContext, generated: Iterable[str]) -> str:
    """The YAML of ``mkdocs.nav.yml`` for every page that exists plus ``generated`` pages."""
    pages = set(context.pages) | {page for page in generated if not is_translation(page)}
    nav: list[Any] = [{HOME_TITLE: page} for page in _take(["index.md"], pages)]
    nav += _take(_TOP, pages)
    nav += _section(SECTIONS["datasets"], _dataset_pages(context, pages))
    references = _take(["referensi.md"], pages)
    references += _take(sorted(p for p in pages if p.startswith("referensi/")), pages)
    nav += _section(SECTIONS["references"], references)
    nav += _section(SECTIONS["security"], _take(_SECURITY, pages))
    guides = _take(GUIDES, pages)
    guides += _take(sorted(p for p in pages if p.startswith("panduan/")), pages)
    nav += _section(SECTIONS["guides"], guides)
    nav += _take(_LAST, pages)
    nav += sorted(pages)
    header = (
        f"# {GENERATED_MARK} from the docs pages and contracts/catalog.yaml: do not edit.\n"
        f"# Regenerate with: {REGENERATE_COMMAND}\n"
    )
    return header + yaml.safe_dump({"nav": nav}, sort_keys=False, allow_unicode=True, width=100)
