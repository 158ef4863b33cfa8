"""Bilingual labels of the generated docs pages, and dates written the way each language does."""

from __future__ import annotations

import datetime as dt

__all__ = ["CLASSIFICATION_RANK", "classification_text", "format_date", "label"]

CLASSIFICATION_RANK = {"public": 0, "restricted": 1, "confidential": 2}

_MONTHS = {
    "id": (
        "Januari", "Februari", "Maret", "April", "Mei", "Juni",
        "Juli", "Agustus", "September", "Oktober", "November", "Desember",
    ),
    "en": (
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ),
}  # fmt: skip

_CLASSIFICATION = {
    "public": {"id": "publik", "en": "public"},
    "restricted": {"id": "terbatas", "en": "restricted"},
    "confidential": {"id": "rahasia", "en": "confidential"},
}

_LABELS: dict[str, dict[str, str]] = {
    "home_title": {"id": "Kontrak Data LAN–BKN", "en": "LAN–BKN Data Contracts"},
    "catalog_title": {"id": "Katalog Lampiran", "en": "Lampiran catalog"},
    "errors_title": {"id": "Katalog kode galat", "en": "Error code catalog"},
    "references_title": {"id": "Tabel referensi", "en": "Reference tables"},
    "personal_title": {"id": "Data pribadi per dataset", "en": "Personal data by dataset"},
    "dataset": {"id": "Dataset", "en": "Dataset"},
    "facts": {"id": "Ringkasan", "en": "Summary"},
    "item": {"id": "Pokok", "en": "Item"},
    "value": {"id": "Isi", "en": "Value"},
    "direction": {"id": "Arah", "en": "Direction"},
    "channel": {"id": "Saluran", "en": "Channel"},
    "basis": {"id": "Dasar (PKS)", "en": "Basis (agreement)"},
    "classification": {"id": "Klasifikasi", "en": "Classification"},
    "version": {"id": "Versi berlaku", "en": "Current version"},
    "other_versions": {"id": "Versi lain", "en": "Other versions"},
    "status": {"id": "Status", "en": "Status"},
    "provider": {"id": "Penyedia", "en": "Provider"},
    "consumer": {"id": "Penerima", "en": "Consumer"},
    "wire": {"id": "Bentuk di kawat", "en": "Wire form"},
    "record": {"id": "Satu record adalah", "en": "One record is"},
    "primary_key": {"id": "Kunci utama", "en": "Primary key"},
    "extra": {"id": "Kolom di luar kontrak", "en": "Fields outside the contract"},
    "since": {"id": "Berlaku sejak", "en": "In force since"},
    "until": {"id": "Berlaku sampai", "en": "In force until"},
    "introduced": {"id": "Diperkenalkan oleh", "en": "Introduced by"},
    "changelog": {"id": "Riwayat perubahan", "en": "Changelog"},
    "downloads": {"id": "Unduhan", "en": "Downloads"},
    "download": {"id": "unduh", "en": "download"},
    "json_schema": {"id": "JSON Schema (2020-12)", "en": "JSON Schema (2020-12)"},
    "table_schema": {
        "id": "Table Schema Frictionless (berkas massal)",
        "en": "Frictionless Table Schema (bulk files)",
    },
    "fields": {"id": "Kolom", "en": "Fields"},
    "name": {"id": "Nama di kawat", "en": "Wire name"},
    "type": {"id": "Tipe / format", "en": "Type / format"},
    "required": {"id": "Wajib", "en": "Required"},
    "personal": {"id": "data pribadi", "en": "personal data"},
    "description": {"id": "Keterangan", "en": "Description"},
    "example": {"id": "Contoh", "en": "Example"},
    "constraints": {"id": "Batasan", "en": "Constraints"},
    "rules": {"id": "Aturan domain", "en": "Domain rules"},
    "reference": {"id": "Tabel referensi", "en": "Reference table"},
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
    "pattern": {"id": "pola", "en": "pattern"},
    "values": {"id": "nilai", "en": "values"},
    "minLength": {"id": "panjang min.", "en": "min. length"},
    "maxLength": {"id": "panjang maks.", "en": "max. length"},
    "minimum": {"id": "minimum", "en": "minimum"},
    "maximum": {"id": "maksimum", "en": "maximum"},
    "column": {"id": "kolom", "en": "column"},
    "samples": {"id": "Contoh pertukaran", "en": "Sample exchanges"},
    "samples_intro": {
        "id": "Contoh sintetis dari agensi penyedia, dijalankan oleh `kontrak samples` dan CI. "
        "Yang sah harus lolos; yang tidak sah harus melaporkan kode dan lokasi yang tercantum.",
        "en": "Synthetic samples from the providing agency, run by `kontrak samples` and CI. "
        "The valid ones must pass; the invalid ones must report the code and location listed.",
    },
    "valid_samples": {"id": "Contoh yang sah", "en": "Valid samples"},
    "invalid_samples": {"id": "Contoh yang tidak sah", "en": "Invalid samples"},
    "no_samples": {"id": "Belum ada contoh.", "en": "No samples yet."},
    "file": {"id": "Berkas", "en": "File"},
    "location": {"id": "Lokasi", "en": "Location"},
    "expected": {"id": "Kode yang diharapkan", "en": "Expected code"},
    "truncated": {
        "id": "Dipotong setelah {n} baris; unduh berkas untuk isi lengkapnya.",
        "en": "Cut after {n} lines; download the file for all of it.",
    },
    "layer": {"id": "Lapisan", "en": "Layer"},
    "message": {"id": "Templat pesan", "en": "Message template"},
    "tags": {"id": "Tag", "en": "Tags"},
}


def label(key: str, lang: str) -> str:
    """The label ``key`` in ``lang`` (anything but "en" gives Bahasa Indonesia)."""
    texts = _LABELS[key]
    return texts["en"] if lang == "en" else texts["id"]


def classification_text(classification: str, lang: str) -> str:
    """A classification name in ``lang``: ``confidential`` → "rahasia" / "confidential"."""
    texts = _CLASSIFICATION[classification]
    return texts["en"] if lang == "en" else texts["id"]


def format_date(day: dt.date | str, lang: str) -> str:
    """A date as people write it: "8 Juni 2022" / "8 June 2022"."""
    value = day if isinstance(day, dt.date) else dt.date.fromisoformat(day)
    month = _MONTHS["en" if lang == "en" else "id"][value.month - 1]
    return f"{value.day} {month} {value.year}"
