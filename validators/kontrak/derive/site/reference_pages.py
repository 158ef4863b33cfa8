"""Pages of the reference tables: an index, and one page per table version with its codes."""

from __future__ import annotations

from kontrak.derive.headers import markdown_header
from kontrak.derive.markdown import table
from kontrak.derive.site.context import SiteContext
from kontrak.derive.site.fields import field_anchor, fields_table
from kontrak.derive.site.labels import label
from kontrak.derive.site.links import dataset_page, reference_page, relative_link
from kontrak.derive.site.reference_tables import ReferenceTable, reference_of

__all__ = ["MAX_ROWS", "REFERENCES_INDEX", "render_reference_page", "render_references_index"]

REFERENCES_INDEX = "referensi.md"
MAX_ROWS = 1000

_T = {
    "intro": {
        "id": "Tabel kode yang dirujuk kolom kontrak (Pasal 3 ayat (1) angka 3 dan ayat (2) "
        "angka 2). Setiap tabel berversi dan disimpan sebagai CSV di "
        "`contracts/referensi-<pemilik>/<tabel>/<versi>/`; validator memeriksa bahwa nilai kolom "
        "yang merujuknya ada di tabel.",
        "en": "Code tables that contract fields refer to (Article 3(1) item 3 and 3(2) item 2). "
        "Every table is versioned and kept as CSV under "
        "`contracts/referensi-<owner>/<table>/<version>/`; the validator checks that a referring "
        "field's value is in the table.",
    },
    "none": {
        "id": "Belum ada tabel referensi di repositori ini.",
        "en": "There are no reference tables in this repository yet.",
    },
    "owner": {"id": "Pemilik", "en": "Owner"},
    "rows": {"id": "Baris", "en": "Rows"},
    "used_by": {"id": "Dirujuk oleh", "en": "Referred to by"},
    "columns": {"id": "Kolom tabel", "en": "Table columns"},
    "contents": {"id": "Isi tabel", "en": "Contents"},
    "data_csv": {"id": "Data (CSV)", "en": "Data (CSV)"},
    "schema": {"id": "Skema kolom", "en": "Column schema"},
    "cut": {
        "id": "Ditampilkan {n} dari {total} baris; unduh CSV untuk semuanya.",
        "en": "Showing {n} of {total} rows; download the CSV for all of them.",
    },
}


def _users(table: ReferenceTable, page: str, context: SiteContext) -> list[str]:
    """Links to every contract field that refers to ``table``."""
    found = []
    for (dataset, version), contract in sorted(context.contracts.items()):
        for spec in contract.fields.values():
            reference = reference_of(spec.schema)
            if reference and reference[:2] == (table.id, table.version):
                # A reference table that refers to another has no dataset page, only its own.
                home = (
                    reference_page(dataset, version)
                    if contract.kind == "reference"
                    else dataset_page(dataset, version)
                )
                target = f"{home}#{field_anchor(spec.name)}"
                found.append(
                    f"[`{dataset}` {version} · `{spec.name}`]({relative_link(page, target)})"
                )
    return found


def _columns_section(table_: ReferenceTable, page: str, context: SiteContext, lang: str) -> str:
    contract = context.contracts.get((table_.id, table_.version))
    if contract is not None:
        return fields_table(contract, page, context, lang)
    if not table_.columns:
        return ", ".join(f"`{name}`" for name in table_.header) + "\n"
    headers = [label(k, lang) for k in ("name", "type", "description")]
    rows = [
        [f"`{c.name}`", c.type, f"**{c.title}**. {c.description.get(lang)}".rstrip(". ")]
        for c in table_.columns
    ]
    return table(headers, rows)


def render_reference_page(table_: ReferenceTable, context: SiteContext, lang: str) -> str:
    """The Markdown of one reference table version page."""
    page = reference_page(table_.id, table_.version)
    folder = f"contracts/{table_.id}/{table_.version}/"
    users = _users(table_, page, context)
    facts = [
        (label("dataset", lang), f"`{table_.id}` {table_.version}"),
        (_T["owner"][lang], table_.owner),
        (_T["rows"][lang], str(len(table_.rows))),
        (_T["used_by"][lang], "<br>".join(users) or "—"),
    ]
    downloads = [f"- [{_T['data_csv'][lang]}]({relative_link(page, folder + 'data.csv')})"]
    if (table_.folder / "schema.json").is_file():
        downloads.append(f"- [{_T['schema'][lang]}]({relative_link(page, folder + 'schema.json')})")
    shown = table_.rows[:MAX_ROWS]
    parts = [
        f"# {table_.title.get(lang)} <small>{table_.version}</small>\n",
        markdown_header(f"contracts/{table_.id}/{table_.version}/data.csv"),
        f"{table_.description.get(lang)}\n" if table_.description.get(lang) else "",
        table([label("item", lang), label("value", lang)], facts),
        f"## {label('downloads', lang)} {{#downloads}}\n",
        "\n".join(downloads) + "\n",
        f"## {_T['columns'][lang]} {{#columns}}\n",
        _columns_section(table_, page, context, lang),
        f"## {_T['contents'][lang]} {{#contents}}\n",
        table([f"`{h}`" for h in table_.header], shown) if table_.header else "",
    ]
    if len(shown) < len(table_.rows):
        parts.append(_T["cut"][lang].format(n=len(shown), total=len(table_.rows)) + "\n")
    return "\n".join(p for p in parts if p)


def render_references_index(context: SiteContext, lang: str) -> str:
    """The Markdown of the reference tables index page."""
    parts = [
        f"# {label('references_title', lang)}\n",
        markdown_header("contracts/referensi-*/"),
        f"{_T['intro'][lang]}\n",
    ]
    if not context.references:
        return "\n".join([*parts, _T["none"][lang] + "\n"])
    headers = [label("dataset", lang), _T["owner"][lang], _T["rows"][lang], _T["used_by"][lang]]
    rows = []
    for (table_id, version), table_ in sorted(context.references.items()):
        link = relative_link(REFERENCES_INDEX, reference_page(table_id, version))
        users = _users(table_, REFERENCES_INDEX, context)
        rows.append(
            [
                f"[{table_.title.get(lang)} {version}]({link})<br>`{table_id}`",
                table_.owner,
                str(len(table_.rows)),
                "<br>".join(users) or "—",
            ]
        )
    return "\n".join([*parts, table(headers, rows)])
