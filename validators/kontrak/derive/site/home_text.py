"""The framing sentences of the home page; facts are filled in from the agreement metadata."""

from __future__ import annotations

__all__ = ["HOME_TEXT"]

HOME_TEXT: dict[str, dict[str, str]] = {
    "intro": {
        "id": "Situs ini adalah **spesifikasi yang disepakati** untuk pertukaran data elektronik "
        "antara **{lan} (LAN)** dan **{bkn} (BKN)** menurut {title}, ditandatangani di {place} "
        "pada {signed} (nomor {numbers}). Setiap dataset dalam Lampiran perjanjian memiliki "
        "kontrak berversi yang dapat diperiksa mesin: JSON Schema untuk payload web service, "
        "Table Schema untuk berkas massal, model Pydantic, dan validator `kontrak`. Halaman ini "
        "meringkas perjanjian dengan kata-kata kami sendiri; naskah yang ditandatangani tetap "
        "menjadi acuan.",
        "en": "This site is the **agreed specification** of the electronic data exchange between "
        "the **{lan} (LAN)** and the **{bkn} (BKN)** under the {title}, signed in {place} on "
        "{signed} (numbers {numbers}). Every dataset of the agreement's annex (Lampiran) has a "
        "versioned, machine-checkable contract: a JSON Schema for web-service payloads, a Table "
        "Schema for bulk files, Pydantic models, and the `kontrak` validator. This page sums the "
        "agreement up in our own words; the signed text remains the reference.",
    },
    "datasets": {"id": "Dataset", "en": "Datasets"},
    "datasets_intro": {
        "id": "Klik nama dataset untuk kolom, aturan, dan contohnya; unduh skemanya langsung dari "
        "kolom Unduhan.",
        "en": "Click a dataset's name for its fields, rules and samples; download its schemas "
        "straight from the Downloads column.",
    },
    "more_links": {
        "id": "Selengkapnya: [Katalog Lampiran](katalog.md) (dasar hukum, status, semua versi), "
        "[Tabel referensi](referensi.md), [Katalog kode galat](galat.md), [Keamanan dan "
        "kerahasiaan](keamanan.md).",
        "en": "More: [Lampiran catalog](katalog.md) (legal basis, status, every version), "
        "[Reference tables](referensi.md), [Error code catalog](galat.md), [Security and "
        "confidentiality](keamanan.md).",
    },
    "parties": {"id": "Para pihak dan unit korespondensi", "en": "Parties and contact units"},
    "party": {"id": "Pihak", "en": "Party"},
    "role": {"id": "Sebutan", "en": "Role"},
    "system": {"id": "Sistem", "en": "System"},
    "contact": {"id": "Unit korespondensi (Pasal 8)", "en": "Contact unit (Article 8)"},
    "phone": {"id": "Telp.", "en": "Phone"},
    "purpose": {"id": "Tujuan (Pasal 1)", "en": "Purpose (Article 1)"},
    "scope": {"id": "Ruang lingkup menurut pasal", "en": "Scope by article"},
    "scope_intro": {
        "id": "Pasal 2 menyebut cakupan kerja sama; Pasal 3 dan 4 merinci hak dan kewajiban "
        "masing-masing pihak. Kolom Dataset menunjukkan kontrak yang bersandar pada butir itu "
        "(dari `basis` di katalog).",
        "en": "Article 2 sets the scope; Articles 3 and 4 list each party's rights and "
        "obligations. The Dataset column shows the contracts that rest on each clause (from "
        "`basis` in the catalog).",
    },
    "clause": {"id": "Butir", "en": "Clause"},
    "content": {"id": "Isi (ringkasan)", "en": "Content (summary)"},
    "term_title": {
        "id": "Masa berlaku dan perpanjangan (Pasal 6)",
        "en": "Term and extensions (Article 6)",
    },
    "term": {
        "id": "Ditandatangani {signed} dan berlaku {years} tahun sejak itu, yaitu sampai {end}. "
        "Perpanjangan disepakati kedua pihak dan disiapkan paling lambat {deadline}, tiga bulan "
        "sebelum masa berlaku berakhir.",
        "en": "Signed on {signed} and in force for {years} years from then, that is until {end}. "
        "An extension is agreed by both parties and prepared by {deadline} at the latest, three "
        "months before the term ends.",
    },
    "no_extensions": {
        "id": "Belum ada perpanjangan yang tercatat di `contracts/agreement.yaml`. Perpanjangan "
        "yang ditandatangani dicatat di sana sebagai dokumen `perpanjangan` dengan tanggal "
        "berakhirnya, lalu halaman ini dibangkitkan ulang.",
        "en": "No extension is recorded in `contracts/agreement.yaml` yet. A signed extension is "
        "recorded there as a `perpanjangan` document with its end date, and this page is "
        "generated again.",
    },
    "extension": {
        "id": "Diperpanjang dengan {title} ({signed}) sampai {until}.",
        "en": "Extended by {title} ({signed}) until {until}.",
    },
    "changes_title": {
        "id": "Bagaimana perubahan disepakati (Pasal 12)",
        "en": "How changes are agreed (Article 12)",
    },
    "changes": {
        "id": "Kontrak hanya berubah bila perjanjian berubah. Hal baru (dataset atau kolom baru) "
        "disepakati melalui **adendum** dan menjadi dataset baru atau versi minor; perubahan atau "
        "penghapusan disepakati melalui **amendemen** dan menjadi versi mayor baru bila memutus "
        "kompatibilitas. Versi yang sudah dirilis dibekukan, dan setiap versi mencatat dokumen "
        "yang memperkenalkannya. Langkah-langkahnya ada di [panduan usul perubahan]"
        "(panduan/usul-perubahan.md). Dokumen yang tercatat:",
        "en": "A contract changes only when the agreement does. Something new (a new dataset or "
        "field) is agreed by an **addendum** and becomes a new dataset or a minor version; a "
        "change or removal is agreed by an **amendment** and becomes a new major version when it "
        "breaks compatibility. Released versions are frozen, and every version records the "
        "document that introduced it. The steps are in the [guide to proposing a change]"
        "(panduan/usul-perubahan.md). Recorded documents:",
    },
    "document": {"id": "Dokumen", "en": "Document"},
    "title": {"id": "Judul", "en": "Title"},
    "signed": {"id": "Ditandatangani", "en": "Signed"},
    "introduced": {"id": "Memperkenalkan", "en": "Introduced"},
    "articles": {"id": "Perjanjian pasal demi pasal", "en": "The agreement article by article"},
    "articles_intro": {
        "id": "Ringkasan setiap pasal. Kerahasiaan (Pasal 9) dijabarkan di [Keamanan dan "
        "kerahasiaan](keamanan.md).",
        "en": "A summary of every article. Confidentiality (Article 9) is set out in [Security "
        "and confidentiality](keamanan.md).",
    },
    "article": {"id": "Pasal", "en": "Article"},
    "how": {"id": "Memakai kontrak", "en": "Using the contracts"},
    "how_text": {
        "id": "- [Memvalidasi berkas](panduan/validasi-berkas.md) dengan `kontrak validate`\n"
        "- [Validasi di GitHub Actions](panduan/github-actions.md) untuk LAN dan BKN\n"
        "- [Hook pre-commit](panduan/pre-commit.md) untuk berkas yang di-stage\n"
        "- [API Python dan model hasil pembangkitan](panduan/python.md)\n"
        "- [Mengusulkan perubahan](panduan/usul-perubahan.md): adendum, amendemen, versi baru",
        "en": "- [Validate a file](panduan/validasi-berkas.md) with `kontrak validate`\n"
        "- [Validate in GitHub Actions](panduan/github-actions.md) for LAN and BKN\n"
        "- [The pre-commit hook](panduan/pre-commit.md) for staged files\n"
        "- [The Python API and the generated models](panduan/python.md)\n"
        "- [Propose a change](panduan/usul-perubahan.md): addendum, amendment, new version",
    },
}
