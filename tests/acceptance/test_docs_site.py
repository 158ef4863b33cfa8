"""The built specification site: strict build, both languages, schemas at their $id, two clicks.

The site is built once per session (``built_site`` in conftest) with ``mkdocs build --strict``,
which fails on any broken link or anchor and on a page missing from the navigation.
"""

from __future__ import annotations

import json
import re
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from tests.conftest import REPO

from kontrak.catalog import load_catalog
from kontrak.derive.site.links import reference_page

pytestmark = pytest.mark.slow

SITE_URL = "https://lan-bkn.github.io/kontrak/"


class _Links(HTMLParser):
    """Every link of a page's main content (the article), not of the navigation."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "article":
            self.depth += 1
        href = dict(attrs).get("href")
        if self.depth and tag == "a" and href:
            self.links.append(href)

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self.depth -= 1


def _page_file(site: Path, url: str) -> Path:
    path = urlsplit(url).path.removeprefix(urlsplit(SITE_URL).path)
    return site / path / "index.html" if not path.endswith(".json") else site / path


def _links_of(site: Path, url: str) -> list[str]:
    parser = _Links()
    parser.feed(_page_file(site, url).read_text(encoding="utf-8"))
    return [urljoin(url, href) for href in parser.links]


def test_every_schema_is_served_at_its_id(built_site: Path) -> None:
    catalog = load_catalog(REPO / "contracts")
    for entry in catalog.datasets.values():
        for version in entry.versions:
            uri = catalog.schema_uri(entry.id, version.version)
            served = built_site / uri.removeprefix(catalog.base_uri)
            assert json.loads(served.read_text(encoding="utf-8"))["$id"] == uri
            assert (served.parent / "table-schema.json").is_file()
    assert (built_site / "contracts/_shared/1.0.0/defs.json").is_file()


def test_samples_are_published(built_site: Path) -> None:
    for sample in (REPO / "samples").rglob("*.jsonl"):
        assert (built_site / sample.relative_to(REPO)).is_file()


@pytest.mark.parametrize("home", [SITE_URL, SITE_URL + "en/"], ids=["id", "en"])
def test_fields_and_schema_download_within_two_clicks(built_site: Path, home: str) -> None:
    """From the home page: click 1 opens the dataset page, click 2 downloads its schema."""
    catalog = load_catalog(REPO / "contracts")
    home_links = _links_of(built_site, home)
    for entry in catalog.datasets.values():
        version = entry.current.version
        folder = REPO / "contracts" / entry.id / version
        contract = json.loads((folder / "schema.json").read_text(encoding="utf-8"))
        if (folder / "data.csv").is_file():  # a reference table: its own page, its codes
            page_url = home + reference_page(entry.id, version).removesuffix(".md") + "/"
            assert page_url in home_links, f"home does not link {page_url}"
            assert contract["$id"] in _links_of(built_site, page_url)
            continue
        page_url = f"{home}datasets/{entry.id}/{version}/"
        assert page_url in home_links, f"home does not link {page_url}"
        page = _page_file(built_site, page_url).read_text(encoding="utf-8")
        for field in contract["properties"]:
            assert f'id="field-{field}"' in page, field
        assert contract["$id"] in _links_of(built_site, page_url), "schema download is not the $id"


def test_every_page_has_its_other_language(built_site: Path) -> None:
    pages = [
        p for p in built_site.rglob("index.html") if "en" not in p.relative_to(built_site).parts[:1]
    ]
    assert len(pages) >= 10
    for page in pages:
        twin = built_site / "en" / page.relative_to(built_site)
        assert twin.is_file(), f"no English page for {page.relative_to(built_site)}"
        html = page.read_text(encoding="utf-8")
        assert 'hreflang="en"' in html, "no language switch"
        assert '<html lang="id"' in html
        assert '<html lang="en"' in twin.read_text(encoding="utf-8")


def test_home_page_facts_come_from_the_agreement_metadata(built_site: Path) -> None:
    home = (built_site / "index.html").read_text(encoding="utf-8")
    english = (built_site / "en/index.html").read_text(encoding="utf-8")
    for text in ("pusdatin@lan.go.id", "pdpik@bkn.go.id", "8 Juni 2022", "8 Juni 2024"):
        assert text in home, text
    for text in ("8 June 2022", "8 June 2024", "8 March 2024", "Article 3(2) item 3"):
        assert text in english, text


def test_search_index_covers_both_languages(built_site: Path) -> None:
    index = json.loads((built_site / "search/search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["en"]
    locations = [doc["location"] for doc in index["docs"]]
    assert any(loc.startswith("en/datasets/") for loc in locations)
    assert any(loc.startswith("datasets/") for loc in locations)
    texts = " ".join(doc["text"] for doc in index["docs"])
    assert "Kerahasiaan" in texts or "kerahasiaan" in texts
    assert "confidentiality" in texts
    separator = re.compile(index["config"]["separator"])
    assert "penailan" in [t.lower() for t in separator.split("bulanMulaiPenailan") if t]


def test_reference_tables_are_pages_with_their_data(built_site: Path) -> None:
    """Every reference table has a page in both languages and its data.csv is published."""
    page = (built_site / "en/referensi/bkn/golongan/1.0.0/index.html").read_text(encoding="utf-8")
    assert "IV/a" in page
    assert (built_site / "referensi/lan/jenis-pelatihan/1.0.0/index.html").is_file()
    assert (built_site / "contracts/referensi-bkn/golongan/1.0.0/data.csv").is_file()


def test_report_schema_is_served_at_its_id(built_site: Path) -> None:
    served = built_site / "schemas/report.schema.json"
    uri = json.loads(served.read_text(encoding="utf-8"))["$id"]
    assert uri == "https://lan-bkn.github.io/kontrak/schemas/report.schema.json"


def _title_and_heading(html: str) -> tuple[str, str]:
    """The page's ``<title>`` without the site name, and the text of its ``<h1>``."""
    found = re.search(r"<title>(.*?)</title>", html, re.S)
    assert found, "page without a <title>"
    title = unescape(found.group(1))
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S)
    text = unescape(re.sub(r"<[^>]+>", "", heading.group(1) if heading else "")).replace("¶", "")
    return " ".join(title.rsplit(" - ", 1)[0].split()), " ".join(text.split())


def test_every_page_is_titled_by_its_heading(built_site: Path) -> None:
    """The browser tab, the navigation and search results name a page by its heading.

    MkDocs takes a page's title from its first element only when that is the ``<h1>``; a page
    that starts with anything else (e.g. the generated-file comment) is named after its file,
    so every changelog would be listed as "Perubahan". The home pages are named by the nav.
    """
    homes = {built_site / "index.html", built_site / "en/index.html"}
    wrong = []
    for page in sorted(built_site.rglob("index.html")):
        if page in homes or page.parent.name == "404":
            continue
        title, heading = _title_and_heading(page.read_text(encoding="utf-8"))
        if heading and title != heading:
            wrong.append(f"{page.relative_to(built_site)}: title {title!r}, heading {heading!r}")
    assert wrong == []
    changelog = (built_site / "en/datasets/riwayat-angka-kredit/perubahan/index.html").read_text(
        encoding="utf-8"
    )
    assert _title_and_heading(changelog)[0].startswith("Changelog: Credit-point history")
