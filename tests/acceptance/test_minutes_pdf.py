"""The minutes as PDF: written with the round, readable text, signatures kept on one page."""

from __future__ import annotations

import datetime as dt
import re
import zlib
from pathlib import Path

import pytest
from tests.conftest import SAMPLES

from kontrak.matching.minutes import load_isian
from kontrak.matching.outputs import write_round
from kontrak.matching.render.pdf_minutes import pdf_text
from kontrak.matching.run import MatchOptions, run_matching

_STREAM = re.compile(rb"stream\r?\n(.*?)\r?\nendstream", re.DOTALL)


@pytest.fixture(scope="module")
def pdf(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    outdir = tmp_path_factory.mktemp("minutes-pdf")
    run = run_matching(
        [str(SAMPLES / "packages/valid/lan-2024-s2")],
        [str(SAMPLES / "packages/valid/bkn-2024-s2")],
        MatchOptions(today=dt.date(2025, 1, 15)),
    )
    outputs = write_round(run, outdir, isian=load_isian(SAMPLES / "pemadanan/isian-2024-s2.yaml"))
    written = outdir / "berita-acara-pemadanan.pdf"
    assert written in [f.path for f in outputs.files]
    return written.read_bytes()


def _pages(pdf: bytes) -> list[str]:
    """The text drawn on each page (content streams, inflated)."""
    texts = []
    for raw in _STREAM.findall(pdf):
        try:
            content = zlib.decompress(raw).decode("latin-1")
        except zlib.error:
            continue
        if " Tj" in content:
            texts.append(content)
    return texts


def test_pdf_is_a_whole_document(pdf: bytes) -> None:
    assert pdf.startswith(b"%PDF-")
    assert pdf.rstrip().endswith(b"%%EOF")
    assert b"/MediaBox [0 0 595.28 841.89]" in pdf, "A4 pages"


def test_pdf_carries_the_sections_and_the_signatories(pdf: bytes) -> None:
    text = "".join(_pages(pdf))
    for expected in (
        "BERITA ACARA HASIL PEMADANAN DATA LAN-BKN 2024-S2",
        "12/PUSDATIN/BA/I/2025",
        "1. Data yang dipadankan / datasets matched",
        "3. Daftar pejabat fungsional / roster check \\(orang / people\\)",
        "4. Keputusan / decisions",
        "perbaikan-data-lan.untuk-bkn.jsonl",
        "PIHAK KESATU \\(LAN\\)",
        "PIHAK KEDUA \\(BKN\\)",
        "Rina Kusumawati",
        "NIP 197805202003121002",
    ):
        assert expected in text, expected


def test_signature_block_stays_on_one_page_with_the_closing(pdf: bytes) -> None:
    (page,) = [p for p in _pages(pdf) if "Rina Kusumawati" in p]
    for expected in ("Demikian berita acara", "Kepala Pusat Data", "Hendra Saputra Wibowo"):
        assert expected in page, expected


def test_pdf_text_keeps_latin_1_and_plain_signs() -> None:
    assert pdf_text("LAN–BKN · Rabu … 3 ≠ 4 × 2") == "LAN-BKN - Rabu ... 3 != 4 × 2"
    assert pdf_text("Nur’aini Şahin 李") == "Nur'aini ?ahin ?"
    assert pdf_text("José Ñoño") == "José Ñoño"


def test_draft_minutes_are_marked_in_the_pdf(tmp_path: Path) -> None:
    run = run_matching(
        [str(SAMPLES / "packages/valid/lan-2024-s1")],
        [str(SAMPLES / "packages/valid/bkn-2024-s1")],
        MatchOptions(today=dt.date(2024, 7, 20)),
    )
    write_round(run, tmp_path)
    text = "".join(_pages((tmp_path / "berita-acara-pemadanan.pdf").read_bytes()))
    assert "(DRAF: penandatangan belum diisi / signatories not filled in.) Tj" in text
