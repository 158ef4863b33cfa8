"""The one catalog of violation codes: every code the tools report is defined here.

Codes are stable kebab-case slugs. Each has a layer (which check finds it), a default severity,
a title, a description and a message template in Bahasa Indonesia and English. Templates are
rendered with :meth:`str.format_map` on the violation's context and never contain a personal
value: values travel separately and are masked unless the user asks to see them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = ["ERROR_CATALOG", "LAYERS", "ErrorCode", "Layer", "error_code"]

Layer = Literal["input", "envelope", "structure", "domain", "dataset"]
Severity = Literal["error", "warning", "info"]

LAYERS: tuple[Layer, ...] = ("input", "envelope", "structure", "domain", "dataset")


@dataclass(frozen=True, slots=True)
class ErrorCode:
    """One violation code with its texts in both languages."""

    code: str
    layer: Layer
    severity: Severity
    title_id: str
    title_en: str
    description_id: str
    description_en: str
    message_id: str
    message_en: str
    tags: tuple[str, ...] = ()

    def title(self, lang: str) -> str:
        """Return the title in ``lang`` ("id" or "en")."""
        return self.title_en if lang == "en" else self.title_id

    def description(self, lang: str) -> str:
        """Return the description in ``lang`` ("id" or "en")."""
        return self.description_en if lang == "en" else self.description_id

    def template(self, lang: str) -> str:
        """Return the message template in ``lang`` ("id" or "en")."""
        return self.message_en if lang == "en" else self.message_id


_CODES: tuple[ErrorCode, ...] = (
    # ------------------------------------------------------------------ input
    ErrorCode(
        "file-not-found",
        "input",
        "error",
        "Berkas tidak ditemukan",
        "File not found",
        "Jalur yang diberikan tidak ada.",
        "The given path does not exist.",
        "Berkas tidak ditemukan.",
        "File not found.",
        ("input",),
    ),
    ErrorCode(
        "not-a-file",
        "input",
        "error",
        "Bukan berkas",
        "Not a file",
        "Jalur yang diberikan adalah direktori atau bukan berkas biasa. Berikan berkas data, atau "
        "direktori paket yang berisi datapackage.json.",
        "The path is a directory or not a regular file. Give a data file, or a package directory "
        "holding datapackage.json.",
        "Jalur ini bukan berkas data (direktori tanpa datapackage.json?).",
        "This path is not a data file (a directory without datapackage.json?).",
        ("input",),
    ),
    ErrorCode(
        "file-unreadable",
        "input",
        "error",
        "Berkas tidak dapat dibaca",
        "File cannot be read",
        "Sistem operasi menolak membaca berkas (hak akses, berkas rusak).",
        "The operating system refused to read the file (permissions, damaged file).",
        "Berkas tidak dapat dibaca: {reason}.",
        "File cannot be read: {reason}.",
        ("input",),
    ),
    ErrorCode(
        "not-utf8",
        "input",
        "error",
        "Bukan UTF-8",
        "Not UTF-8",
        "Berkas pertukaran wajib berenkode UTF-8. Berkas yang disimpan Excel sebagai 'CSV' biasa "
        "sering berenkode Windows-1252; simpan ulang sebagai 'CSV UTF-8' atau ubah dengan "
        "`iconv -f WINDOWS-1252 -t UTF-8`.",
        "Exchange files must be UTF-8. Files saved by Excel as plain 'CSV' are often "
        "Windows-1252; save again as 'CSV UTF-8' or convert with `iconv -f WINDOWS-1252 -t UTF-8`.",
        "Berkas bukan UTF-8 (byte tidak sah pada posisi {position}; tampaknya {encoding}). "
        "Ubah dengan: iconv -f {encoding} -t UTF-8 BERKAS > BERKAS.utf8",
        "File is not UTF-8 (invalid byte at offset {position}; it looks like {encoding}). "
        "Convert it with: iconv -f {encoding} -t UTF-8 FILE > FILE.utf8",
        ("input", "encoding"),
    ),
    ErrorCode(
        "empty-file",
        "input",
        "error",
        "Berkas kosong",
        "Empty file",
        "Berkas tidak berisi data sama sekali.",
        "The file holds no data at all.",
        "Berkas kosong.",
        "The file is empty.",
        ("input",),
    ),
    ErrorCode(
        "unsupported-format",
        "input",
        "error",
        "Format tidak didukung",
        "Unsupported format",
        "Jenis berkas tidak dikenali dari ekstensinya. Format yang didukung: .json, .jsonl/.ndjson "
        "dan .csv; pilih format dengan --input-format bila ekstensinya lain.",
        "The file type is not known from its extension. Supported: .json, .jsonl/.ndjson and .csv; "
        "choose one with --input-format when the extension differs.",
        "Format berkas '{extension}' tidak didukung.",
        "File format '{extension}' is not supported.",
        ("input",),
    ),
    ErrorCode(
        "invalid-json",
        "input",
        "error",
        "JSON tidak sah",
        "Invalid JSON",
        "Teks bukan JSON yang sah (terpotong, koma berlebih, tanda kutip salah).",
        "The text is not valid JSON (truncated, trailing comma, wrong quotes).",
        "JSON tidak sah pada baris {line} kolom {column}: {reason}.",
        "Invalid JSON at line {line} column {column}: {reason}.",
        ("input", "json"),
    ),
    ErrorCode(
        "duplicate-key",
        "input",
        "error",
        "Kunci ganda",
        "Duplicate key",
        "Satu objek JSON memuat kunci yang sama dua kali; pembaca yang berbeda akan mengambil nilai "
        "yang berbeda.",
        "One JSON object holds the same key twice; different readers would keep different values.",
        "Kunci '{field}' muncul lebih dari sekali dalam objek ini.",
        "Key '{field}' appears more than once in this object.",
        ("input", "json"),
    ),
    ErrorCode(
        "missing-header",
        "input",
        "error",
        "Baris judul tidak ada",
        "Header row missing",
        "Berkas CSV harus diawali baris judul berisi nama kolom persis seperti nama kunci kontrak.",
        "A CSV file must start with a header row naming the columns exactly as the contract keys.",
        "Baris judul CSV tidak ada atau kosong.",
        "The CSV header row is missing or empty.",
        ("input", "csv"),
    ),
    ErrorCode(
        "row-length-mismatch",
        "input",
        "error",
        "Jumlah sel tidak sesuai",
        "Wrong number of cells",
        "Satu baris CSV memiliki jumlah sel yang berbeda dari baris judul (pemisah atau tanda kutip "
        "yang salah).",
        "A CSV row has a different number of cells than the header (wrong delimiter or quoting).",
        "Baris ini memiliki {actual} sel, baris judul {expected}.",
        "This row has {actual} cells, the header has {expected}.",
        ("input", "csv"),
    ),
    # --------------------------------------------------------------- envelope
    ErrorCode(
        "invalid-envelope",
        "envelope",
        "error",
        "Amplop respons tidak sah",
        "Invalid response envelope",
        'Respons web service harus berbentuk {"code": 1, "data": …} atau '
        '{"code": 0, "data": "Data tidak ditemukan"}.',
        'A web-service response must be {"code": 1, "data": …} or '
        '{"code": 0, "data": "Data tidak ditemukan"}.',
        "Amplop respons tidak sah: {reason}.",
        "Invalid response envelope: {reason}.",
        ("envelope",),
    ),
    ErrorCode(
        "data-not-found",
        "envelope",
        "info",
        "Data tidak ditemukan",
        "No data found",
        'Respons SIASN {"code": 0, "data": "Data tidak ditemukan"}: tidak ada record untuk '
        "NIP itu. Bentuk ini sah dan tidak berisi record.",
        'The SIASN answer {"code": 0, "data": "Data tidak ditemukan"}: there is no record for '
        "that NIP. The form is valid and holds no records.",
        "Respons 'data tidak ditemukan': tidak ada record.",
        "'No data found' response: no records.",
        ("envelope",),
    ),
    # -------------------------------------------------------------- structure
    ErrorCode(
        "missing-field",
        "structure",
        "error",
        "Kolom wajib tidak ada",
        "Required field missing",
        "Kunci (atau kolom CSV) yang wajib menurut kontrak tidak ada.",
        "A key (or CSV column) the contract requires is absent.",
        "Kolom wajib '{field}' tidak ada.",
        "Required field '{field}' is missing.",
        ("structure", "required"),
    ),
    ErrorCode(
        "field-not-agreed",
        "structure",
        "error",
        "Kolom di luar kesepakatan",
        "Field not agreed",
        "Payload memuat kunci yang tidak tercantum dalam kontrak (Lampiran). Pasal 9 PKS: data yang "
        "tidak disepakati tidak boleh dipertukarkan. Galat untuk data yang dikirim LAN; peringatan "
        "untuk respons SIASN (SIASN menambah kolom dari waktu ke waktu). Buang kolom itu sebelum "
        "menyimpan (lihat `kontrak strip`).",
        "The payload holds a key that the contract (Lampiran) does not list. Agreement Pasal 9: "
        "data not agreed must not be exchanged. An error for data LAN sends; a warning for SIASN "
        "responses (SIASN adds fields over time). Drop the field before storing it.",
        "Kolom '{field}' tidak tercantum dalam kontrak.",
        "Field '{field}' is not in the contract.",
        ("structure", "minimisation", "pasal-9"),
    ),
    ErrorCode(
        "wrong-type",
        "structure",
        "error",
        "Tipe salah",
        "Wrong type",
        "Nilai bertipe JSON yang berbeda dari kontrak; misalnya angka dikirim sebagai bilangan, "
        "padahal SIASN mengirimnya sebagai teks.",
        "The value has a different JSON type from the contract, e.g. a number sent as a JSON number "
        "where SIASN sends text.",
        "'{field}' harus bertipe {expected}, diterima {actual}.",
        "'{field}' must be of type {expected}, got {actual}.",
        ("structure", "type"),
    ),
    ErrorCode(
        "pattern-mismatch",
        "structure",
        "error",
        "Pola tidak cocok",
        "Pattern mismatch",
        "Nilai teks tidak mengikuti pola kontrak (misalnya NIP 18 digit atau id SIASN).",
        "The text value does not follow the contract's pattern (e.g. an 18-digit NIP or a SIASN id).",
        "'{field}' tidak sesuai pola {expected}.",
        "'{field}' does not match the pattern {expected}.",
        ("structure", "pattern"),
    ),
    ErrorCode(
        "value-not-allowed",
        "structure",
        "error",
        "Nilai tidak diizinkan",
        "Value not allowed",
        "Nilai bukan salah satu kode yang diizinkan kontrak.",
        "The value is not one of the codes the contract allows.",
        "'{field}' harus salah satu dari: {expected}.",
        "'{field}' must be one of: {expected}.",
        ("structure", "enum"),
    ),
    ErrorCode(
        "too-short",
        "structure",
        "error",
        "Terlalu pendek",
        "Too short",
        "Teks lebih pendek dari panjang minimum kontrak.",
        "The text is shorter than the contract's minimum length.",
        "'{field}' minimal {expected} karakter.",
        "'{field}' must have at least {expected} characters.",
        ("structure", "length"),
    ),
    ErrorCode(
        "too-long",
        "structure",
        "error",
        "Terlalu panjang",
        "Too long",
        "Teks lebih panjang dari panjang maksimum kontrak.",
        "The text is longer than the contract's maximum length.",
        "'{field}' maksimal {expected} karakter.",
        "'{field}' must have at most {expected} characters.",
        ("structure", "length"),
    ),
    ErrorCode(
        "below-minimum",
        "structure",
        "error",
        "Di bawah minimum",
        "Below minimum",
        "Bilangan lebih kecil dari batas bawah kontrak.",
        "The number is below the contract's lower bound.",
        "'{field}' harus ≥ {expected}.",
        "'{field}' must be ≥ {expected}.",
        ("structure", "range"),
    ),
    ErrorCode(
        "above-maximum",
        "structure",
        "error",
        "Di atas maksimum",
        "Above maximum",
        "Bilangan lebih besar dari batas atas kontrak.",
        "The number is above the contract's upper bound.",
        "'{field}' harus ≤ {expected}.",
        "'{field}' must be ≤ {expected}.",
        ("structure", "range"),
    ),
    ErrorCode(
        "invalid-date",
        "structure",
        "error",
        "Tanggal tidak sah",
        "Invalid date",
        "Tanggal harus DD-MM-YYYY dan merupakan tanggal kalender yang ada (31-02 atau 29-02 pada "
        "tahun bukan kabisat ditolak).",
        "Dates must be DD-MM-YYYY and exist in the calendar (31-02, or 29-02 outside a leap year, "
        "is rejected).",
        "'{field}' bukan tanggal DD-MM-YYYY yang sah.",
        "'{field}' is not a valid DD-MM-YYYY date.",
        ("structure", "date"),
    ),
    ErrorCode(
        "invalid-format",
        "structure",
        "error",
        "Format tidak sah",
        "Invalid format",
        "Nilai tidak sesuai format yang dinyatakan kontrak.",
        "The value does not follow the format the contract declares.",
        "'{field}' tidak sesuai format {expected}.",
        "'{field}' does not follow the format {expected}.",
        ("structure", "format"),
    ),
    ErrorCode(
        "schema-mismatch",
        "structure",
        "error",
        "Tidak sesuai skema",
        "Schema mismatch",
        "Nilai melanggar aturan skema lain (kata kunci JSON Schema '{keyword}').",
        "The value breaks another schema rule (JSON Schema keyword '{keyword}').",
        "'{field}' melanggar aturan skema '{keyword}'.",
        "'{field}' breaks the schema rule '{keyword}'.",
        ("structure",),
    ),
    ErrorCode(
        "deprecated-field",
        "structure",
        "warning",
        "Kolom usang dipakai",
        "Deprecated field used",
        "Kontrak menyatakan kolom ini usang (x-deprecated): masih diterima pada versi ini tetapi akan dihapus pada versi mayor sesudah tanggal yang disebut. Pindahkan ke kolom penggantinya. Dilaporkan sekali per berkas, pada record pertama yang memakainya.",
        "The contract marks this field as deprecated (x-deprecated): still accepted in this version but removed in a major version after the given date. Move to its replacement. Reported once per file, at the first record that uses it.",
        "Kolom '{field}' usang sejak {since}, dihapus setelah {removed_after}; pengganti: {replaced_by}.",
        "Field '{field}' is deprecated since {since}, removed after {removed_after}; replacement: {replaced_by}.",
        ("structure", "deprecation"),
    ),
    # ----------------------------------------------------------------- domain
    ErrorCode(
        "nip-invalid",
        "domain",
        "error",
        "NIP tidak sah",
        "Invalid NIP",
        "Struktur NIP (Perka BKN 22/2007) salah: digit 1–8 tanggal lahir yang ada; digit 9–14 TMT "
        "CPNS YYYYMM (NI PPPK: tahun + 2 digit); digit 15 jenis kelamin 1 atau 2; digit 16–18 "
        "nomor urut 001–999.",
        "The NIP structure (Perka BKN 22/2007) is wrong: digits 1–8 an existing birth date; digits "
        "9–14 the CPNS appointment YYYYMM (NI PPPK: year + 2 digits); digit 15 sex 1 or 2; digits "
        "16–18 sequence 001–999.",
        "'{field}': {part_id} tidak sah.",
        "'{field}': {part_en} is not valid.",
        ("domain", "nip"),
    ),
    ErrorCode(
        "flags-conflict",
        "domain",
        "error",
        "Penanda bertentangan",
        "Conflicting flags",
        'Paling banyak satu penanda jenis PAK (pertama, integrasi, konversi) boleh bernilai "1".',
        'At most one assessment-kind flag (first, integration, conversion) may be "1".',
        'Lebih dari satu penanda bernilai "1": {fields}.',
        'More than one flag is "1": {fields}.',
        ("domain", "angka-kredit"),
    ),
    ErrorCode(
        "period-reversed",
        "domain",
        "error",
        "Periode terbalik",
        "Reversed period",
        "Awal periode harus sama dengan atau sebelum akhir periode.",
        "The start of a period must be on or before its end.",
        "Awal periode ({start}) jatuh sesudah akhir periode ({end}).",
        "The period start ({start}) falls after its end ({end}).",
        ("domain", "date"),
    ),
    ErrorCode(
        "credit-sum-mismatch",
        "domain",
        "warning",
        "Jumlah angka kredit tidak cocok",
        "Credit total does not add up",
        "Bila unsur utama dan penunjang diisi, jumlah angka kredit harus sama dengan jumlah keduanya.",
        "When core and supporting credit are both given, the total must be their sum.",
        "'{field}' bukan jumlah {parts}.",
        "'{field}' is not the sum of {parts}.",
        ("domain", "angka-kredit"),
    ),
    ErrorCode(
        "konversi-table-mismatch",
        "domain",
        "warning",
        "Konversi tidak sesuai tabel",
        "Conversion does not match the table",
        "Pada PAK konversi (PermenPANRB 1/2023) persentase ditentukan predikat kinerja (Sangat Baik 150, Baik 100, Butuh Perbaikan 75, Kurang 50, Sangat Kurang 25) dan koefisien ditentukan jenjang (Ahli Pertama 12,5; Muda 25; Madya 37,5; Utama 50).",
        "In a conversion assessment (PermenPANRB 1/2023) the percentage follows the performance rating (Sangat Baik 150, Baik 100, Butuh Perbaikan 75, Kurang 50, Sangat Kurang 25) and the coefficient follows the level (Ahli Pertama 12.5; Muda 25; Madya 37.5; Utama 50).",
        "'{field}' tidak sesuai tabel PermenPANRB 1/2023 untuk '{basis}'.",
        "'{field}' does not match the PermenPANRB 1/2023 table for '{basis}'.",
        ("domain", "angka-kredit", "konversi"),
    ),
    ErrorCode(
        "konversi-credit-mismatch",
        "domain",
        "warning",
        "Angka kredit konversi tidak wajar",
        "Implausible conversion credit",
        "Angka kredit konversi tahunan = (jumlah bulan masa penilaian / 12) × persentase predikat × koefisien jenjang (PermenPANRB 1/2023; selisih pembulatan sampai 0,01 diterima).",
        "Annual conversion credit = (months in the assessment period / 12) × rating percentage × level coefficient (PermenPANRB 1/2023; rounding differences up to 0.01 are accepted).",
        "'{field}' bukan bulan/12 × persentase '{rating}' × '{coefficient}'.",
        "'{field}' is not months/12 × the percentage of '{rating}' × '{coefficient}'.",
        ("domain", "angka-kredit", "konversi"),
    ),
    # ---------------------------------------------------------------- dataset
    ErrorCode(
        "duplicate-primary-key",
        "dataset",
        "error",
        "Kunci utama ganda",
        "Duplicate primary key",
        "Dua record dalam satu kiriman memiliki kunci utama yang sama.",
        "Two records of one delivery share the same primary key.",
        "Kunci utama ({fields}) sudah dipakai record {first}.",
        "Primary key ({fields}) is already used by record {first}.",
        ("dataset", "primary-key"),
    ),
)

ERROR_CATALOG: dict[str, ErrorCode] = {entry.code: entry for entry in _CODES}


def error_code(code: str) -> ErrorCode:
    """Return the catalog entry for ``code``; an unknown code is a programming error."""
    return ERROR_CATALOG[code]
