"""What is matched with what: the pairs of LAN and BKN datasets, their keys and compared fields.

Field names are canonical (:data:`kontrak.normalize.KEY_ALIASES` maps the SIASN GET names and
spelling variants onto the save-body names LAN's contracts use), so most fields need no
per-side name. A pair is matched in stages: each stage joins the records still unmatched on a
key; a key value found more than once on either side makes its records *ambiguous*.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["PAIRS", "FieldRule", "KeyStage", "PairSpec", "pair_by_id"]


@dataclass(frozen=True, slots=True)
class FieldRule:
    """One canonical field of a pair.

    Attributes:
        name: canonical name (the column in the matching frames and in reports).
        kind: value kind of :func:`kontrak.normalize.canonical_value`.
        lan: column at LAN when it is not the canonical name (after key aliases).
        bkn: column at BKN when it is not the canonical name (after key aliases).
        lan_optional: an absent LAN value means "not known to LAN", never a difference (e.g. the
            SIASN person id, which LAN may not have).
        compare: whether a difference in this field makes the pair *different*; key-only
            fields (such as the SK number folded for matching) are not compared.
    """

    name: str
    kind: str
    lan: str | None = None
    bkn: str | None = None
    lan_optional: bool = False
    compare: bool = True

    def column(self, side: str) -> str:
        """The canonical-named source column on ``side`` ("LAN" or "BKN")."""
        own = self.lan if side == "LAN" else self.bkn
        return own or self.name


@dataclass(frozen=True, slots=True)
class KeyStage:
    """One matching stage: the fields that must all be present and equal."""

    name: str
    fields: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PairSpec:
    """A LAN dataset matched with a BKN dataset about the same records.

    Attributes:
        id: short id used on the command line (``--pair``) and in reports.
        lan_datasets: LAN's dataset(s); a roster pair reads every LAN dataset it finds.
        bkn_datasets: BKN's dataset(s); a roster pair stacks both rosters.
        authority: the party whose value is taken as right when the two differ; the other
            party gets the correction (Pasal 3(2)9, 4(2)6).
        lan_record_id / bkn_record_id: fields that identify a record to officials (not personal).
        person: the person key (NIP).
        roster: LAN's side is one row per person built from LAN's records (see ``frames``).
    """

    id: str
    title_id: str
    title_en: str
    lan_datasets: tuple[str, ...]
    bkn_datasets: tuple[str, ...]
    authority: str
    lan_record_id: str
    bkn_record_id: str
    fields: tuple[FieldRule, ...]
    stages: tuple[KeyStage, ...]
    person: str = "nipBaru"
    roster: bool = False

    @property
    def compared(self) -> tuple[FieldRule, ...]:
        """Fields whose difference makes a pair *different*."""
        return tuple(f for f in self.fields if f.compare)

    def field(self, name: str) -> FieldRule:
        """The rule of canonical field ``name``."""
        for rule in self.fields:
            if rule.name == name:
                return rule
        raise KeyError(name)

    @property
    def corrected_by(self) -> str:
        """The party that corrects its data when the two sides differ."""
        return "BKN" if self.authority == "LAN" else "LAN"


_PERIOD = (
    FieldRule("bulanMulaiPenailan", "int"),
    FieldRule("tahunMulaiPenailan", "int"),
    FieldRule("bulanSelesaiPenailan", "int"),
    FieldRule("tahunSelesaiPenailan", "int"),
)

ANGKA_KREDIT = PairSpec(
    id="angka-kredit",
    title_id="Riwayat angka kredit (SIPKA) ↔ riwayat angka kredit (SIASN)",
    title_en="Credit-point history (SIPKA) ↔ credit-point history (SIASN)",
    lan_datasets=("riwayat-angka-kredit",),
    bkn_datasets=("siasn-rw-angkakredit",),
    authority="LAN",
    lan_record_id="idSipka",
    bkn_record_id="id",
    fields=(
        FieldRule("nipBaru", "code"),
        FieldRule("id", "id", lan_optional=True),
        FieldRule("pnsId", "id", lan_optional=True),
        FieldRule("rwJabatanId", "id", lan_optional=True),
        FieldRule("nomorSk", "text"),
        FieldRule("nomorSkKunci", "key", lan="nomorSk", bkn="nomorSk", compare=False),
        FieldRule("tanggalSk", "date"),
        *_PERIOD,
        FieldRule("kreditUtamaBaru", "decimal"),
        FieldRule("kreditPenunjangBaru", "decimal"),
        FieldRule("kreditBaruTotal", "decimal"),
        FieldRule("isAngkaKreditPertama", "flag"),
        FieldRule("isIntegrasi", "flag"),
        FieldRule("isKonversi", "flag"),
    ),
    stages=(
        KeyStage("id-siasn", ("id",)),
        KeyStage("nomor-tanggal-sk", ("nipBaru", "nomorSkKunci", "tanggalSk")),
        KeyStage("periode", ("nipBaru", *(f.name for f in _PERIOD))),
    ),
)

JABATAN = PairSpec(
    id="jabatan",
    title_id="Riwayat jabatan (SIPKA) ↔ riwayat jabatan (SIASN)",
    title_en="Position history (SIPKA) ↔ position history (SIASN)",
    lan_datasets=("riwayat-jabatan",),
    bkn_datasets=("siasn-rw-jabatan",),
    authority="LAN",
    lan_record_id="idSipka",
    bkn_record_id="id",
    fields=(
        FieldRule("nipBaru", "code"),
        FieldRule("id", "id", lan_optional=True),
        FieldRule("pnsId", "id", lan_optional=True),
        FieldRule("jenisJabatan", "code"),
        FieldRule("jabatanFungsionalId", "id"),
        FieldRule("unorId", "id", lan_optional=True),
        FieldRule("nomorSk", "text"),
        FieldRule("nomorSkKunci", "key", lan="nomorSk", bkn="nomorSk", compare=False),
        FieldRule("tanggalSk", "date"),
        FieldRule("tmtJabatan", "date"),
        FieldRule("tmtPelantikan", "date", lan_optional=True),
    ),
    stages=(
        KeyStage("id-siasn", ("id",)),
        KeyStage("nomor-tanggal-sk", ("nipBaru", "nomorSkKunci", "tanggalSk")),
        KeyStage("tmt-jabatan", ("nipBaru", "jabatanFungsionalId", "tmtJabatan")),
    ),
)

PELATIHAN_JF = PairSpec(
    id="pelatihan-jf",
    title_id="Riwayat pelatihan JF (SIPKA) ↔ riwayat kursus (SIASN)",
    title_en="Functional-position training (SIPKA) ↔ course history (SIASN)",
    lan_datasets=("riwayat-pelatihan-jf",),
    bkn_datasets=("siasn-rw-kursus",),
    authority="LAN",
    lan_record_id="idSipka",
    bkn_record_id="id",
    fields=(
        FieldRule("nipBaru", "code"),
        FieldRule("id", "id", lan_optional=True),
        FieldRule("pnsId", "id", lan_optional=True),
        FieldRule("jenisDiklatId", "code"),
        FieldRule("jenisKursusId", "id", lan_optional=True),
        FieldRule("namaKursus", "text"),
        FieldRule("nomorSertipikat", "text"),
        FieldRule(
            "nomorSertipikatKunci", "key", "nomorSertipikat", "nomorSertipikat", False, False
        ),
        FieldRule("tanggalKursus", "date"),
        FieldRule("tanggalSelesaiKursus", "date"),
        FieldRule("tahunKursus", "int"),
        FieldRule("jumlahJam", "int"),
    ),
    stages=(
        KeyStage("id-siasn", ("id",)),
        KeyStage("nomor-sertifikat", ("nipBaru", "nomorSertipikatKunci")),
        KeyStage("tanggal-kursus", ("nipBaru", "tanggalKursus", "tanggalSelesaiKursus")),
    ),
)

ROSTER = PairSpec(
    id="daftar-jf",
    title_id="Daftar Widyaiswara dan Analis Kebijakan (SIASN) ↔ orang dalam data LAN",
    title_en="Widyaiswara and Analis Kebijakan rosters (SIASN) ↔ people in LAN's records",
    lan_datasets=("riwayat-angka-kredit", "riwayat-jabatan", "riwayat-pelatihan-jf"),
    bkn_datasets=("data-widyaiswara", "data-analis-kebijakan"),
    authority="BKN",
    lan_record_id="nipBaru",
    bkn_record_id="id",
    fields=(
        FieldRule("nipBaru", "code"),
        FieldRule("pnsId", "id", bkn="id", lan_optional=True),
        FieldRule("jabatanFungsionalId", "id", lan_optional=True),
        FieldRule("tmtJabatan", "date", lan_optional=True),
    ),
    stages=(KeyStage("nip", ("nipBaru",)),),
    roster=True,
)

PAIRS: tuple[PairSpec, ...] = (ANGKA_KREDIT, JABATAN, PELATIHAN_JF, ROSTER)


def pair_by_id(pair_id: str) -> PairSpec:
    """Return the pair called ``pair_id``.

    Raises:
        KeyError: no such pair.
    """
    for pair in PAIRS:
        if pair.id == pair_id:
            return pair
    raise KeyError(pair_id)
