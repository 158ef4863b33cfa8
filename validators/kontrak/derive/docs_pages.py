"""Docs pages generated from the catalog, the contracts and the error catalog, in both languages.

Pages are written with MkDocs' suffix convention for mkdocs-static-i18n: ``page.md`` is the
Bahasa Indonesia page and ``page.en.md`` its English twin, both rendered from the same source.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from kontrak.basis import format_basis
from kontrak.catalog import Catalog, DatasetEntry
from kontrak.contract import Contract, FieldSpec
from kontrak.derive.headers import markdown_header
from kontrak.derive.markdown import table
from kontrak.error_catalog import ERROR_CATALOG, LAYERS
from kontrak.rules import RULES
from kontrak.text import LANGUAGES

__all__ = ["dataset_page_path", "iter_docs_pages"]

_CLASS_RANK = {"public": 0, "restricted": 1, "confidential": 2}

_T: dict[str, dict[str, str]] = {
    "catalog_title": {"id": "Katalog Lampiran", "en": "Lampiran catalog"},
    "catalog_intro": {
        "id": "Setiap dataset yang dipertukarkan menurut Lampiran PKS, dengan arah, saluran, "
        "dasar hukum, klasifikasi tertinggi kolomnya, dan versi kontrak yang berlaku.",
        "en": "Every dataset exchanged under the agreement's annex (Lampiran), with its direction, "
        "channel, legal basis, the highest classification among its fields, and the current "
        "contract version.",
    },
    "dataset": {"id": "Dataset", "en": "Dataset"},
    "direction": {"id": "Arah", "en": "Direction"},
    "channel": {"id": "Saluran", "en": "Channel"},
    "basis": {"id": "Dasar (PKS)", "en": "Basis (agreement)"},
    "classification": {"id": "Klasifikasi", "en": "Classification"},
    "version": {"id": "Versi berlaku", "en": "Current version"},
    "status": {"id": "Status", "en": "Status"},
    "versions": {"id": "Versi", "en": "Versions"},
    "provider": {"id": "Penyedia", "en": "Provider"},
    "consumer": {"id": "Penerima", "en": "Consumer"},
    "system": {"id": "Sistem", "en": "System"},
    "wire": {"id": "Bentuk di kawat", "en": "Wire form"},
    "record": {"id": "Satu record adalah", "en": "One record is"},
    "primary_key": {"id": "Kunci utama", "en": "Primary key"},
    "extra": {"id": "Kolom di luar kontrak", "en": "Fields outside the contract"},
    "since": {"id": "Berlaku sejak", "en": "In force since"},
    "introduced": {"id": "Diperkenalkan oleh", "en": "Introduced by"},
    "downloads": {"id": "Unduhan", "en": "Downloads"},
    "json_schema": {"id": "JSON Schema (2020-12)", "en": "JSON Schema (2020-12)"},
    "table_schema": {
        "id": "Table Schema Frictionless (berkas massal)",
        "en": "Frictionless Table Schema (bulk files)",
    },
    "fields": {"id": "Kolom", "en": "Fields"},
    "name": {"id": "Nama di kawat", "en": "Wire name"},
    "type": {"id": "Tipe / format", "en": "Type / format"},
    "required": {"id": "Wajib", "en": "Required"},
    "personal": {"id": "Data pribadi", "en": "Personal data"},
    "description": {"id": "Keterangan", "en": "Description"},
    "example": {"id": "Contoh", "en": "Example"},
    "constraints": {"id": "Batasan", "en": "Constraints"},
    "rules": {"id": "Aturan domain", "en": "Domain rules"},
    "rule": {"id": "Aturan", "en": "Rule"},
    "severity": {"id": "Tingkat", "en": "Severity"},
    "applies": {"id": "Diterapkan pada", "en": "Applied to"},
    "codes": {"id": "Kode", "en": "Codes"},
    "no_rules": {"id": "Tidak ada aturan domain.", "en": "No domain rules."},
    "yes": {"id": "ya", "en": "yes"},
    "no": {"id": "tidak", "en": "no"},
    "bulk_only": {"id": "berkas massal", "en": "bulk files"},
    "error": {"id": "galat", "en": "error"},
    "warning": {"id": "peringatan", "en": "warning"},
    "info": {"id": "info", "en": "info"},
    "errors_title": {"id": "Katalog kode galat", "en": "Error code catalog"},
    "errors_intro": {
        "id": "Setiap pelanggaran yang dilaporkan `kontrak` memiliki kode tetap dari katalog ini. "
        "Kode tidak pernah berubah arti; pesan boleh diperbaiki. Nilai pribadi tidak pernah "
        "dimasukkan ke dalam pesan.",
        "en": "Every violation `kontrak` reports carries a stable code from this catalog. A code "
        "never changes meaning; messages may be improved. Personal values are never put into a "
        "message.",
    },
    "layer": {"id": "Lapisan", "en": "Layer"},
    "message": {"id": "Templat pesan", "en": "Message template"},
    "tags": {"id": "Tag", "en": "Tags"},
}

_LAYER_TEXT = {
    "input": {"id": "Masukan (membaca berkas)", "en": "Input (reading the file)"},
    "package": {"id": "Paket pertukaran", "en": "Exchange package"},
    "envelope": {"id": "Amplop respons web service", "en": "Web-service response envelope"},
    "structure": {
        "id": "Struktur (JSON Schema / Table Schema)",
        "en": "Structure (JSON Schema / Table Schema)",
    },
    "reference": {
        "id": "Tabel referensi dan kunci asing",
        "en": "Reference tables and foreign keys",
    },
    "domain": {"id": "Aturan domain", "en": "Domain rules"},
    "dataset": {"id": "Aturan dataset", "en": "Dataset rules"},
}

_EXTRA_TEXT = {
    "error": {
        "id": "galat `field-not-agreed` (data LAN harus tepat sesuai Lampiran)",
        "en": "error `field-not-agreed` (LAN data must match the Lampiran exactly)",
    },
    "warning": {
        "id": "peringatan `field-not-agreed` (SIASN menambah kolom dari waktu ke waktu; buang "
        "sebelum menyimpan)",
        "en": "warning `field-not-agreed` (SIASN adds fields over time; drop them before storing)",
    },
}


def _t(key: str, lang: str) -> str:
    return _T[key][lang]


def _suffix(lang: str) -> str:
    return ".md" if lang == "id" else f".{lang}.md"


def dataset_page_path(dataset: str, version: str, lang: str = "id") -> str:
    """Docs-relative path of a dataset version page."""
    return f"datasets/{dataset}/{version}{_suffix(lang)}"


def _highest_classification(contract: Contract) -> str:
    return max((f.classification for f in contract.fields.values()), key=_CLASS_RANK.__getitem__)


def _type_text(spec: FieldSpec) -> str:
    types = " \\| ".join(spec.json_types) or "any"
    fmt = spec.schema.get("format")
    return f"{types} ({fmt})" if fmt else types


def _constraints_text(spec: FieldSpec) -> str:
    schema = spec.schema
    parts: list[str] = []
    if "pattern" in schema:
        parts.append(f"pola `{schema['pattern']}`")
    if "enum" in schema:
        parts.append(
            "nilai: " + ", ".join(f"`{json.dumps(v, ensure_ascii=False)}`" for v in schema["enum"])
        )
    for key in ("minLength", "maxLength", "minimum", "maximum"):
        if key in schema:
            parts.append(f"{key} {schema[key]}")
    return "; ".join(parts)


def _required_text(spec: FieldSpec, lang: str) -> str:
    if spec.required:
        return _t("yes", lang)
    if spec.bulk_required:
        return f"{_t('bulk_only', lang)}"
    return _t("no", lang)


def _example_text(spec: FieldSpec) -> str:
    return f"`{json.dumps(spec.examples[0], ensure_ascii=False)}`" if spec.examples else ""


def _fields_table(contract: Contract, lang: str) -> str:
    headers = [
        _t(k, lang)
        for k in (
            "name",
            "type",
            "required",
            "classification",
            "personal",
            "description",
            "example",
            "constraints",
        )
    ]
    rows = []
    for spec in contract.fields.values():
        description = spec.description_en if lang == "en" else spec.description
        rows.append(
            [
                f"`{spec.name}`",
                _type_text(spec),
                _required_text(spec, lang),
                spec.classification,
                _t("yes" if spec.personal else "no", lang),
                f"**{spec.title}**. {description}",
                _example_text(spec),
                _constraints_text(spec),
            ]
        )
    return table(headers, rows)


def _rules_table(contract: Contract, lang: str) -> str:
    if not contract.rules:
        return _t("no_rules", lang) + "\n"
    headers = [_t(k, lang) for k in ("rule", "severity", "applies", "description", "codes")]
    rows = []
    for spec in contract.rules:
        rule = RULES[spec.rule]
        applies = ", ".join(f"`{name}`" for name in rule.fields_of(spec.args))
        codes = ", ".join(f"[`{code}`](../../galat.md#{code})" for code in rule.codes)
        rows.append(
            [f"`{spec.rule}`", _t(spec.severity, lang), applies, rule.summary.get(lang), codes]
        )
    return table(headers, rows)


def _dataset_page(entry: DatasetEntry, contract: Contract, lang: str) -> str:
    version = entry.version(contract.version)
    meta = contract.meta
    title = contract.title_en if lang == "en" else contract.title
    description = meta["description-en"] if lang == "en" else contract.schema["description"]
    table_uri = contract.uri.rsplit("/", 1)[0] + "/table-schema.json"
    basis = ", ".join(format_basis(b, lang) for b in meta["basis"])
    facts = [
        (_t("dataset", lang), f"`{contract.dataset}` {contract.version}"),
        (_t("record", lang), entry.record.get(lang)),
        (_t("provider", lang), f"{contract.provider} ({meta['system']})"),
        (_t("consumer", lang), contract.consumer),
        (_t("wire", lang), f"`{meta['wire']}`"),
        (_t("channel", lang), entry.channel.get(lang)),
        (_t("basis", lang), basis),
        (_t("primary_key", lang), ", ".join(f"`{k}`" for k in contract.primary_key)),
        (_t("extra", lang), _EXTRA_TEXT[contract.extra_fields_severity][lang]),
        (_t("status", lang), version.status),
        (_t("since", lang), version.since),
        (_t("introduced", lang), version.introduced_by),
    ]
    parts = [
        markdown_header(f"contracts/{contract.dataset}/{contract.version}/schema.json"),
        f"# {title} <small>{contract.version}</small>\n",
        f"{description}\n",
        table(["", ""], facts),
        f"## {_t('downloads', lang)}\n",
        f"- [{_t('json_schema', lang)}]({contract.uri}) — `$id` = `{contract.uri}`",
        f"- [{_t('table_schema', lang)}]({table_uri})\n",
    ]
    bulk_note = meta.get("bulk", {}).get("note")
    if bulk_note:
        parts.append(f'!!! note "{_t("bulk_only", lang).capitalize()}"\n    {bulk_note}\n')
    parts += [
        f"## {_t('fields', lang)}\n",
        _fields_table(contract, lang),
        f"## {_t('rules', lang)}\n",
        _rules_table(contract, lang),
    ]
    return "\n".join(parts)


def _catalog_page(catalog: Catalog, contracts: dict[tuple[str, str], Contract], lang: str) -> str:
    headers = [
        _t(k, lang)
        for k in ("dataset", "direction", "channel", "basis", "classification", "version", "status")
    ]
    rows = []
    for entry in catalog.datasets.values():
        current = entry.current
        contract = contracts[(entry.id, current.version)]
        link = dataset_page_path(entry.id, current.version)
        rows.append(
            [
                f"[{entry.title.get(lang)}]({link})<br>`{entry.id}`",
                entry.direction,
                entry.channel.get(lang),
                ", ".join(format_basis(b, lang) for b in entry.basis),
                _highest_classification(contract),
                current.version,
                current.status,
            ]
        )
    parts = [
        markdown_header("contracts/catalog.yaml"),
        f"# {_t('catalog_title', lang)}\n",
        f"{_t('catalog_intro', lang)}\n",
        table(headers, rows),
    ]
    return "\n".join(parts)


def _errors_page(lang: str) -> str:
    parts = [
        markdown_header("validators/kontrak/error_catalog.py"),
        f"# {_t('errors_title', lang)}\n",
        f"{_t('errors_intro', lang)}\n",
    ]
    for layer in LAYERS:
        parts.append(f"## {_LAYER_TEXT[layer][lang]}\n")
        for entry in (e for e in ERROR_CATALOG.values() if e.layer == layer):
            parts += [
                f"### `{entry.code}` {{#{entry.code}}}\n",
                f"**{entry.title(lang)}** — {_t('severity', lang)}: {_t(entry.severity, lang)}; "
                f"{_t('tags', lang)}: {', '.join(entry.tags)}\n",
                f"{entry.description(lang)}\n",
                f"{_t('message', lang)}: `{entry.template(lang)}`\n",
            ]
    return "\n".join(parts)


def iter_docs_pages(
    catalog: Catalog, contracts: dict[tuple[str, str], Contract]
) -> Iterator[tuple[str, str]]:
    """Yield ``(docs-relative path, text)`` for every generated page in both languages."""
    for lang in LANGUAGES:
        yield f"katalog{_suffix(lang)}", _catalog_page(catalog, contracts, lang)
        yield f"galat{_suffix(lang)}", _errors_page(lang)
        for (dataset, version), contract in contracts.items():
            entry = catalog.dataset(dataset)
            yield (
                dataset_page_path(dataset, version, lang),
                _dataset_page(entry, contract, lang),
            )
