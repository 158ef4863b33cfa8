"""Generated site pages: facts from the metadata, reference tables, changelog links, navigation."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml
from tests.conftest import REPO

from kontrak.catalog import load_catalog
from kontrak.contract import load_contract
from kontrak.derive.docs_pages import iter_docs_pages
from kontrak.derive.site import build_site_context, render_nav
from kontrak.derive.site.context import SiteContext
from kontrak.derive.site.fields import html_code
from kontrak.derive.site.links import reference_page, relative_link

GOLONGAN = "referensi-bkn/golongan"


def _copy_repo(tmp_path: Path) -> Path:
    for name in ("contracts", "samples", "docs"):
        shutil.copytree(REPO / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
    return tmp_path


def _context(repo: Path, planned: tuple[str, ...] = ()) -> SiteContext:
    catalog = load_catalog(repo / "contracts")
    contracts = {
        (e.id, v.version): load_contract(f"{e.id}@{v.version}", catalog)
        for e in catalog.datasets.values()
        for v in e.versions
    }
    return build_site_context(catalog, contracts, repo, planned)


def _pages(context: SiteContext) -> dict[str, str]:
    return dict(iter_docs_pages(context))


def test_reference_table_gets_a_page_and_the_fields_link_it() -> None:
    pages = _pages(_context(REPO))
    table_page = reference_page(GOLONGAN, "1.0.0")
    assert table_page == "referensi/bkn/golongan/1.0.0.md"
    text = pages[table_page]
    assert "| `id` | `nama` | `namaPangkat` |" in text
    assert "| 41 | IV/a | Pembina |" in text
    assert "data-widyaiswara/1.0.0.md#field-golRuangAkhirId" in text  # who refers to it
    assert "../../../contracts/referensi-bkn/golongan/1.0.0/data.csv" in text
    dataset = pages["datasets/data-widyaiswara/1.0.0.md"]
    assert "(../../referensi/bkn/golongan/1.0.0.md)" in dataset
    assert "golongan" in pages["referensi.md"]
    assert "referensi/bkn/golongan/1.0.0.en.md" in pages


def test_a_reference_table_referring_to_another_links_its_own_page() -> None:
    pages = _pages(_context(REPO))
    text = pages["referensi/lan/jenis-pelatihan/1.0.0.md"]
    assert "../program-pelatihan/1.0.0.md#field-jenisPelatihanId" in text
    assert "datasets/referensi-lan" not in text


def test_reference_to_a_missing_table_is_plain_text(tmp_path: Path) -> None:
    repo = _copy_repo(tmp_path)
    path = repo / "contracts/riwayat-angka-kredit/1.0.0/schema.json"
    contract = json.loads(path.read_text(encoding="utf-8"))
    contract["properties"]["isKonversi"]["x-reference"] = {
        "table": "referensi-bkn/tidak-ada",
        "version": "1.0.0",
        "column": "id",
    }
    path.write_text(json.dumps(contract, ensure_ascii=False), encoding="utf-8")
    dataset = _pages(_context(repo))["datasets/riwayat-angka-kredit/1.0.0.md"]
    assert "`referensi-bkn/tidak-ada` 1.0.0, kolom `id`" in dataset
    assert "referensi/bkn/tidak-ada" not in dataset


def test_index_lists_every_reference_table() -> None:
    context = _context(REPO)
    pages = _pages(context)
    for table_id, version in context.references:
        assert reference_page(table_id, version).removeprefix("referensi/") in pages["referensi.md"]


def test_changelog_is_linked_only_when_its_page_exists() -> None:
    page = "datasets/riwayat-angka-kredit/1.0.0.md"
    without = _pages(_context(REPO))[page]
    assert "perubahan.md" not in without
    planned = ("datasets/riwayat-angka-kredit/perubahan.md", "datasets/x.en.md")
    context = _context(REPO, planned)
    assert "[Riwayat perubahan](perubahan.md#v1-0-0)" in _pages(context)[page]
    assert "[Changelog](perubahan.md#v1-0-0)" in _pages(context)[page.replace(".md", ".en.md")]
    nav = yaml.safe_load(render_nav(context, []))["nav"]
    (datasets,) = [item["Dataset"] for item in nav if isinstance(item, dict) and "Dataset" in item]
    assert "datasets/riwayat-angka-kredit/perubahan.md" in datasets


def test_home_page_takes_dates_and_contacts_from_the_metadata(tmp_path: Path) -> None:
    repo = _copy_repo(tmp_path)
    path = repo / "contracts/agreement.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["parties"]["BKN"]["contact"]["email"] = "data-baru@bkn.go.id"
    data["documents"]["perpanjangan-2024"] = {
        "kind": "perpanjangan",
        "title": {"id": "Perpanjangan PKS", "en": "Extension of the agreement"},
        "numbers": {"LAN": "1/2024", "BKN": "2/2024"},
        "signed": "2024-03-01",
        "extends": "pks-lan-bkn-2022",
        "valid-until": "2026-06-08",
    }
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    pages = _pages(_context(repo))
    assert "data-baru@bkn.go.id" in pages["index.md"]
    assert "pdpik@bkn.go.id" not in pages["index.md"]
    assert (
        "Diperpanjang dengan Perpanjangan PKS (1 Maret 2024) sampai 8 Juni 2026."
        in pages["index.md"]
    )
    assert (
        "Extended by Extension of the agreement (1 March 2024) until 8 June 2026."
        in pages["index.en.md"]
    )


def test_home_page_lists_every_dataset_with_its_downloads() -> None:
    home = _pages(_context(REPO))["index.md"]
    for dataset in ("riwayat-angka-kredit", "siasn-rw-angkakredit"):
        assert f"(datasets/{dataset}/1.0.0.md)" in home
        assert f"(contracts/{dataset}/1.0.0/schema.json)" in home
        assert f"(contracts/{dataset}/1.0.0/table-schema.json)" in home


def test_dataset_page_shows_samples_rules_and_basis() -> None:
    page = _pages(_context(REPO))["datasets/riwayat-angka-kredit/1.0.0.md"]
    assert '??? example "pak-2024s1.jsonl (LAN)"' in page
    assert "../../samples/riwayat-angka-kredit/1.0.0/valid/lan/pak-2024s1.jsonl" in page
    assert "[`nip-invalid`](../../galat.md#nip-invalid)" in page
    assert "*Aturan domain:* [`nip-structure`](#rules)" in page
    assert "Pasal 3 ayat (2) angka 3: LAN memberikan riwayat pelatihan" in page
    assert '<span id="field-nipBaru"></span>' in page
    assert "**data pribadi**" in page


def test_every_generated_page_has_an_english_twin() -> None:
    pages = _pages(_context(REPO))
    for path in [p for p in pages if not p.endswith(".en.md")]:
        assert path.removesuffix(".md") + ".en.md" in pages, path


def test_navigation_lists_hand_written_and_generated_pages(tmp_path: Path) -> None:
    repo = _copy_repo(tmp_path)
    (repo / "docs/tolok-ukur.md").write_text("# Tolok ukur\n", encoding="utf-8")
    context = _context(repo)
    nav_text = render_nav(context, [p for p, _ in iter_docs_pages(context)])
    listed = json.dumps(yaml.safe_load(nav_text))
    for page in ("index.md", "katalog.md", "keamanan.md", "data-pribadi.md", "tolok-ukur.md",
                 "panduan/python.md", "datasets/siasn-rw-angkakredit/1.0.0.md", "galat.md"):  # fmt: skip
        assert f'"{page}"' in listed, page
    assert ".en.md" not in listed


@pytest.mark.parametrize(
    ("text", "html"),
    [
        ("^(0?[1-9]|1[0-2])$", "<code>^(0?&#91;1-9&#93;&#124;1&#91;0-2&#93;)$</code>"),
        ("a\\.b*c_d", "<code>a&#92;.b&#42;c&#95;d</code>"),
        ("<x & y>", "<code>&lt;x &amp; y&gt;</code>"),
    ],
)
def test_inline_code_survives_markdown_tables(text: str, html: str) -> None:
    assert html_code(text) == html


def test_relative_links_between_docs_pages() -> None:
    assert relative_link("datasets/a/1.0.0.md", "galat.md#x") == "../../galat.md#x"
    assert relative_link("index.md", "contracts/a/1.0.0/schema.json") == (
        "contracts/a/1.0.0/schema.json"
    )
    assert relative_link("datasets/a/1.0.0.md", "#rules") == "#rules"
