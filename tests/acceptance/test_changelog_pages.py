"""The generated changelog pages and the compatibility rules page."""

from __future__ import annotations

from tests.conftest import REPO

from kontrak.evolution.rulebook import COMPAT_RULES

DOCS = REPO / "docs"


def test_changelog_lists_versions_newest_first_with_documents_and_verdicts() -> None:
    page = (DOCS / "datasets/riwayat-angka-kredit/perubahan.md").read_text(encoding="utf-8")
    assert page.index("## 1.1.0") < page.index("## 1.0.0")
    assert "| [1.1.0](1.1.0.md) | draft | 2026-11-26 | — | Rancangan Adendum I" in page
    assert "(`adendum-1-konversi-2023`; adendum, rancangan) | minor | ✓ | ✗ |" in page
    assert "(`pks-lan-bkn-2022`; PKS, ditandatangani) | pertama | — | — |" in page
    assert "[`property-added`](../../kompatibilitas.md#property-added)" in page
    assert "`/properties/predikatKinerja` | FORWARD (warning)" in page


def test_major_version_has_migration_notes_and_deprecated_fields() -> None:
    page = (DOCS / "datasets/siasn-rw-angkakredit/perubahan.en.md").read_text(encoding="utf-8")
    assert '!!! warning "Migration notes"' in page
    assert "| [2.0.0](2.0.0.md) | draft |" in page
    assert "| major | ✗ | ✗ |" in page
    assert "| `bulanMulaiPenailan` | 2.0.0 | 2027-06-30 | `bulanMulaiPenilaian` |" in page
    assert "Key 'tahunSelesaiPenailan' renamed to 'tahunSelesaiPenilaian'." in page


def test_rules_page_documents_every_rule_in_both_languages() -> None:
    for name in ("kompatibilitas.md", "kompatibilitas.en.md"):
        page = (DOCS / name).read_text(encoding="utf-8")
        for rule in COMPAT_RULES:
            assert f"`{rule}` {{#{rule}}}" in page, (name, rule)
